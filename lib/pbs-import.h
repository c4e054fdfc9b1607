/* pbs-import.h - recognising table files and reading them as evaluations
 * (never installed)
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Layer: readers, above the table readers (pbs-grid-*.c) and the layout
 * reader (pbs-layout.c); the YAML reader (pbs-document.c) calls
 * pbs_import_read() once, at its entry.
 */
#pragma once

#include <glib.h>

#include "pbscore/pbscore.h"

G_BEGIN_DECLS

typedef enum {
  PBS_IMPORT_YAML,    /* pbscore's own format: not a table */
  PBS_IMPORT_XLSX,
  PBS_IMPORT_XLS,
  PBS_IMPORT_DOCX,
  PBS_IMPORT_HTML,
  PBS_IMPORT_CSV,
} PbsImportFormat;

/* Recognises @data by its content; the extension of @file is only a hint
 * between YAML and CSV text. FALSE with PBS_IMPORT_ERROR_UNSUPPORTED_FORMAT
 * (naming the format and how to convert it), _ENCRYPTED or _CORRUPT. */
gboolean    pbs_import_sniff       (const char *file, GBytes *data,
                                    PbsImportFormat *format, GError **error);
/* The format's name for messages ("an .xlsx workbook"). */
const char *pbs_import_format_name (PbsImportFormat format);
/* The tables of @data, read by the reader of @format (not YAML). */
GPtrArray  *pbs_import_read_grids  (const char *file, GBytes *data,
                                    PbsImportFormat format, GError **error);
/* The YAML reader's hook: when @data is a table file, sets @evaluations
 * to its evaluations (element-type PbsEvaluation, owned); when it is YAML,
 * leaves @evaluations NULL. FALSE with a PBS_IMPORT_ERROR on an error.
 * @template_ (nullable) gives the points of a form without 分值. */
gboolean    pbs_import_read        (const char *file, GBytes *data, PbsTemplate *template_,
                                    GPtrArray **evaluations, GError **error);

G_END_DECLS
