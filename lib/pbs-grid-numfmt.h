/* pbs-grid-numfmt.h - a spreadsheet number as its cell shows it (never
 * installed)
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Layer: readers (below pbs-grid-xlsx.c and pbs-grid-xls.c). A stored
 * number arrives as decimal text (xlsx's <v>, or the 15 significant digits
 * of an .xls double); it is shown by an Excel number format code using
 * decimal digit manipulation only, never by printing a binary double. The
 * supported codes and what falls back to General are in doc/import.md.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The format code of a built-in number format id (ECMA-376 §18.8.30, with
 * the zh-CN forms of the locale-dependent ids), or NULL for General and for
 * ids without a built-in code. */
const char *pbs_numfmt_builtin (guint id);

/* Whether @code shows a number as a date or a time (it has y, m, d, h or s
 * outside quotes and brackets in its first section). */
gboolean    pbs_numfmt_is_date (const char *code);

/* The text a cell shows for the number @value (decimal text: an optional
 * sign, digits with an optional point, an optional exponent; at most 64
 * digits, exponent within ±400) under the format @code (NULL: General).
 * @date1904: the workbook counts dates from 1904-01-01. Returns NULL when
 * @value is not a number in that form. */
char       *pbs_numfmt_format  (const char *value, const char *code,
                                gboolean date1904);

/* A fraction shown as a percentage: @value times 100 to 15 significant
 * digits, then "%" (0.9787 → "97.87%"). NULL when @value is not a number. */
char       *pbs_numfmt_percent (const char *value);

G_END_DECLS
