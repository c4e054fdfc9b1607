/* pbs-grid.h - a table as read from a file: cells of shown text with their
 * places (never installed)
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Layer: readers. Every table reader (xlsx, xls, docx, html, csv) turns its
 * file into a list of PbsGrid, one per table (a sheet, a Word or HTML table,
 * a CSV file); the layout reader (pbs-layout.c) turns grids into
 * evaluations. A grid knows nothing of self-evaluation forms, a table reader
 * nothing of layouts.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How a grid names its cells in the file's own terms. */
typedef enum {
  PBS_GRID_SHEET,    /* Sheet1!D12            (xlsx, xls) */
  PBS_GRID_TABLE,    /* table 2, row 5, column 4 (docx, html) */
  PBS_GRID_LINES,    /* line 12, column 3     (csv) */
} PbsGridKind;

typedef struct _PbsGrid PbsGrid;

/* The bounds of one grid (doc/import.md, "Limits"). A reader that goes past
 * one is not stopped by pbs_grid_set(), which drops what does not fit and
 * remembers the first place it happened: pbs_grid_check_limits() turns that
 * into a PBS_IMPORT_ERROR_LIMIT error, and pbs_grid_is_full() lets a
 * streaming reader stop early. */
#define PBS_GRID_MAX_ROWS       100000u          /* rows of one table */
#define PBS_GRID_MAX_COLS       1000u            /* columns of one table */
#define PBS_GRID_MAX_CELL_BYTES (64u * 1024u)    /* UTF-8 bytes of one cell */
#define PBS_GRID_MAX_BYTES      (64u * 1024u * 1024u) /* bytes of all cells */
#define PBS_GRID_MAX_SLOTS      4000000u         /* cells stored, empty or not */

/* @file: the path as the user gave it (for messages); @name: the sheet name
 * (PBS_GRID_SHEET), ignored otherwise; @index: the table's 1-based number in
 * its file (PBS_GRID_TABLE), ignored otherwise. */
PbsGrid    *pbs_grid_new        (PbsGridKind kind, const char *file,
                                 const char *name, guint index);
void        pbs_grid_free       (PbsGrid *self);

/* Sets the shown text of a cell (0-based). @text is UTF-8 (invalid bytes
 * are replaced by U+FFFD) as the cell
 * shows it (a number already formatted by its number format, a formula's
 * cached value); it is copied, NULL or "" clears the cell. @line is the
 * source line where the cell starts when the format has lines (csv, html),
 * or 0. Setting a cell twice replaces it. */
void        pbs_grid_set        (PbsGrid *self, guint row, guint col,
                                 const char *text, guint line);
/* A merged range (rowspan/colspan, vMerge/gridSpan, <mergeCell>): the cell
 * at (@row, @col) covers @rows × @cols cells; the covered cells read as
 * empty but pbs_grid_get_origin() leads back to the top-left cell. */
void        pbs_grid_merge      (PbsGrid *self, guint row, guint col,
                                 guint rows, guint cols);

guint       pbs_grid_get_n_rows (const PbsGrid *self);
guint       pbs_grid_get_n_cols (const PbsGrid *self);
/* The shown text, or NULL when the cell is empty or covered by a merge. */
const char *pbs_grid_get        (const PbsGrid *self, guint row, guint col);
/* Whether (@row, @col) is covered by a merged range (the top-left cell
 * itself is not covered), and if so its top-left cell. */
gboolean    pbs_grid_get_origin (const PbsGrid *self, guint row, guint col,
                                 guint *origin_row, guint *origin_col);
/* The cell's place in the file's own terms, without the file:
 * "Sheet1!D12", "table 2, row 5, column 4", "line 12, column 3". */
char       *pbs_grid_dup_place  (const PbsGrid *self, guint row, guint col);
/* The file, and the grid's own name for messages ("sheet 一", "table 2"). */
const char *pbs_grid_get_file   (const PbsGrid *self);
char       *pbs_grid_dup_name   (const PbsGrid *self);

/* FALSE, with a PBS_IMPORT_ERROR_LIMIT error naming the file, the place
 * and the bound, when a pbs_grid_set() or pbs_grid_merge() went past one
 * of the bounds above. */
gboolean    pbs_grid_check_limits (const PbsGrid *self, GError **error);
/* Whether the grid has gone past a bound (the reader may stop). */
gboolean    pbs_grid_is_full    (const PbsGrid *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PbsGrid, pbs_grid_free)

/* The table readers, one file each (pbs-grid-xlsx.c, -xls.c, -docx.c,
 * -html.c, -csv.c). Each returns the file's tables in order as a
 * GPtrArray of PbsGrid (owned, with pbs_grid_free as its free function),
 * possibly empty, or NULL with an error in the PBS_IMPORT_ERROR domain
 * naming @file and the place. @file is the name for messages; @data the
 * whole file. */
GPtrArray  *pbs_grid_read_xlsx  (const char *file, GBytes *data, GError **error);
GPtrArray  *pbs_grid_read_xls   (const char *file, GBytes *data, GError **error);
GPtrArray  *pbs_grid_read_docx  (const char *file, GBytes *data, GError **error);
GPtrArray  *pbs_grid_read_html  (const char *file, GBytes *data, GError **error);
GPtrArray  *pbs_grid_read_csv   (const char *file, GBytes *data, GError **error);

/* Text files (csv, html; pbs-grid-text.c). The largest text file read. */
#define PBS_GRID_MAX_TEXT_BYTES (256u * 1024u * 1024u)

/* Decodes a text file to UTF-8: a byte-order mark (UTF-8, UTF-16LE,
 * UTF-16BE) first, then @charset when not NULL ("GBK", "gb2312" … are
 * read as GB18030, their superset), then UTF-8 when the bytes are valid
 * UTF-8, otherwise GB18030. Returns the text without its mark,
 * NUL-terminated, its length in *@text_len; NULL with
 * PBS_IMPORT_ERROR_ENCODING naming @file and the line (a NUL byte, bytes
 * that are not in the encoding), or _LIMIT. */
char       *pbs_grid_decode_text (const char *file, const char *data, gsize len,
                                  const char *charset, gsize *text_len,
                                  GError **error);

G_END_DECLS
