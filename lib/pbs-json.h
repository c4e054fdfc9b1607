/* pbs-json.h - writing JSON as it is produced (never installed)
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Layer: base. A small streaming writer, not a tree: names, strings
 * escaped by RFC 8259 (every control character, as \uXXXX or its short
 * form), exact decimals written as bare JSON numbers from their digits,
 * and optional pretty printing with two-space indentation. The caller
 * keeps the nesting right; the writer only places commas and breaks.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PBS_JSON_MAX_DEPTH 32

typedef struct {
  GString  *out;
  gboolean  pretty;
  guint     depth;
  gboolean  after_name;                 /* a member name was just written */
  gboolean  has_items[PBS_JSON_MAX_DEPTH + 1]; /* per level: written anything yet */
} PbsJsonOut;

void pbs_json_out_init     (PbsJsonOut *j, GString *out, gboolean pretty);
void pbs_json_begin_object (PbsJsonOut *j);
void pbs_json_end_object   (PbsJsonOut *j);
void pbs_json_begin_array  (PbsJsonOut *j);
void pbs_json_end_array    (PbsJsonOut *j);
void pbs_json_name         (PbsJsonOut *j, const char *name);
/* A string, or null when @text is NULL. */
void pbs_json_string       (PbsJsonOut *j, const char *text);
/* A number from its decimal digits ("-12.50"), or null when NULL: the
 * caller gives text that is a JSON number (a PbsDecimal's). */
void pbs_json_number       (PbsJsonOut *j, const char *digits);
void pbs_json_int          (PbsJsonOut *j, gint64 value);
void pbs_json_bool         (PbsJsonOut *j, gboolean value);
void pbs_json_null         (PbsJsonOut *j);

G_END_DECLS
