/* pbs-grid-pending.c - TEMPORARY, on branch issue-10 only: the .xlsx, .xls
 * and .docx readers are written on branch issue-10b (pbs-grid-xlsx.c,
 * pbs-grid-xls.c, pbs-grid-docx.c); delete this file when merging them.
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "pbscore/pbscore.h"
#include "pbs-grid.h"

static GPtrArray *
not_built (const char *file, const char *what, GError **error)
{
  g_set_error (error, PBS_IMPORT_ERROR, PBS_IMPORT_ERROR_UNSUPPORTED_FORMAT,
               "%s: %s, whose reader is not built into this pbscore yet", file, what);
  return NULL;
}

GPtrArray *
pbs_grid_read_xlsx (const char *file, GBytes *data, GError **error)
{
  (void) data;
  return not_built (file, "an .xlsx workbook", error);
}

GPtrArray *
pbs_grid_read_xls (const char *file, GBytes *data, GError **error)
{
  (void) data;
  return not_built (file, "an .xls workbook", error);
}

GPtrArray *
pbs_grid_read_docx (const char *file, GBytes *data, GError **error)
{
  (void) data;
  return not_built (file, "a .docx document", error);
}
