/* pbs-grid-docx.c - the tables of a .docx document as grids
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Layer: readers. Every top-level table of word/document.xml (w:tbl), in
 * document order, one grid each, its cells placed on the table's grid
 * columns: w:gridBefore skips columns, w:gridSpan spans them (a horizontal
 * merge), w:vMerge restart/continue merges down (a vertical merge). A
 * cell's paragraphs are joined with "\n"; w:t gives text, w:tab a tab,
 * w:br and w:cr a line break; deleted text (w:delText), field codes and
 * the fallback copy of alternate content are left out.
 *
 * A table nested in a cell is flattened into that cell: each of its
 * paragraphs becomes a line of the outer cell's text. Real forms nest a
 * table for layout (a signature block, a two-column note); refusing the
 * whole document for it would be worse than reading its words.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "pbscore/pbscore.h"
#include "pbs-grid.h"
#include "pbs-grid-ooxml.h"

/* A vertical merge still open on a grid column. */
typedef struct {
  guint row, col, rows, cols;
  gboolean open;
} VMerge;

typedef struct {
  const char *file;
  PbsGrid    *grid;      /* the current top-level table, or NULL */
  guint       index;     /* its 1-based number */
  int         depth;     /* w:tbl nesting: 1 in a top-level table */
  gint        row;       /* current row, -1 before the first */
  guint       col;       /* next grid column */
  gboolean    in_cell;
  guint       cell_col, span;
  enum { V_NONE, V_RESTART, V_CONTINUE } vmerge;
  GString    *text;
  guint       paragraphs;
  GArray     *vmerges;   /* VMerge, indexed by grid column */
} Doc;

static VMerge *
vmerge_at (Doc *doc, guint col)
{
  if (col >= PBS_GRID_MAX_COLS)
    return NULL;
  if (col >= doc->vmerges->len)
    g_array_set_size (doc->vmerges, col + 1);
  return &g_array_index (doc->vmerges, VMerge, col);
}

static void
vmerge_close (Doc *doc, guint col)
{
  VMerge *m = vmerge_at (doc, col);

  if (m == NULL || !m->open)
    return;
  if (m->rows > 1 || m->cols > 1)
    pbs_grid_merge (doc->grid, m->row, m->col, m->rows, m->cols);
  m->open = FALSE;
}

static void
table_end (Doc *doc)
{
  for (guint c = 0; c < doc->vmerges->len; c++)
    vmerge_close (doc, c);
  g_array_set_size (doc->vmerges, 0);
  doc->grid = NULL;
}

static void
cell_end (Doc *doc)
{
  VMerge *m = vmerge_at (doc, doc->cell_col);
  guint row = (guint) doc->row;

  /* empty paragraphs before or after the text (Word's cell always has
   * one) are no lines of it */
  while (doc->text->len > 0 && doc->text->str[doc->text->len - 1] == '\n')
    g_string_truncate (doc->text, doc->text->len - 1);
  while (doc->text->len > 0 && doc->text->str[0] == '\n')
    g_string_erase (doc->text, 0, 1);

  if (doc->vmerge == V_CONTINUE && m != NULL && m->open)
    m->rows++;
  else
    {
      for (guint c = doc->cell_col; c < doc->cell_col + doc->span; c++)
        vmerge_close (doc, c);
      pbs_grid_set (doc->grid, row, doc->cell_col, doc->text->str, 0);
      if (doc->vmerge == V_RESTART && m != NULL)
        *m = (VMerge) { row, doc->cell_col, 1, doc->span, TRUE };
      else if (doc->span > 1)
        pbs_grid_merge (doc->grid, row, doc->cell_col, 1, doc->span);
    }
  doc->col = doc->cell_col + doc->span;
  doc->in_cell = FALSE;
}

static guint
attr_uint (xmlTextReaderPtr r, const char *name, guint fallback)
{
  g_autofree char *v = pbs_ooxml_attr (r, name);
  guint64 n;
  char *end = NULL;

  if (v == NULL)
    return fallback;
  n = g_ascii_strtoull (v, &end, 10);
  if (end == v || n > PBS_GRID_MAX_COLS)
    return fallback;
  return (guint) n;
}

/* One node of word/document.xml. */
static void
on_node (Doc *doc, GPtrArray *grids, xmlTextReaderPtr r, int *fallback)
{
  if (pbs_ooxml_is_start (r, "Fallback"))
    {
      *fallback += !xmlTextReaderIsEmptyElement (r);
      return;
    }
  if (pbs_ooxml_is_end (r, "Fallback"))
    {
      (*fallback)--;
      return;
    }
  if (*fallback > 0)
    return;

  if (pbs_ooxml_is_start (r, "tbl"))
    {
      if (xmlTextReaderIsEmptyElement (r))
        return;
      if (++doc->depth == 1)
        {
          doc->grid = pbs_grid_new (PBS_GRID_TABLE, doc->file, NULL, ++doc->index);
          g_ptr_array_add (grids, doc->grid);
          doc->row = -1;
        }
      return;
    }
  if (pbs_ooxml_is_end (r, "tbl"))
    {
      if (doc->depth == 1)
        table_end (doc);
      if (doc->depth > 0)
        doc->depth--;
      return;
    }
  if (doc->depth == 0)
    return;

  if (doc->depth == 1)
    {
      if (pbs_ooxml_is_start (r, "tr"))
        {
          doc->row++;
          doc->col = 0;
          return;
        }
      if (pbs_ooxml_is_start (r, "gridBefore") && !doc->in_cell)
        {
          doc->col += attr_uint (r, "val", 0);
          return;
        }
      if (pbs_ooxml_is_start (r, "tc") && doc->row >= 0)
        {
          doc->in_cell = TRUE;
          doc->cell_col = doc->col;
          doc->span = 1;
          doc->vmerge = V_NONE;
          doc->paragraphs = 0;
          g_string_truncate (doc->text, 0);
          if (xmlTextReaderIsEmptyElement (r))
            cell_end (doc);
          return;
        }
      if (pbs_ooxml_is_end (r, "tc") && doc->in_cell)
        {
          cell_end (doc);
          return;
        }
      if (doc->in_cell && pbs_ooxml_is_start (r, "gridSpan"))
        {
          doc->span = MAX (1u, attr_uint (r, "val", 1));
          return;
        }
      if (doc->in_cell && pbs_ooxml_is_start (r, "vMerge"))
        {
          g_autofree char *v = pbs_ooxml_attr (r, "val");

          doc->vmerge = v != NULL && strcmp (v, "restart") == 0 ? V_RESTART : V_CONTINUE;
          return;
        }
    }

  if (!doc->in_cell)
    return;
  if (pbs_ooxml_is_start (r, "p"))
    {
      if (doc->paragraphs++ > 0)
        pbs_ooxml_append_capped (doc->text, "\n", PBS_GRID_MAX_CELL_BYTES);
    }
  else if (pbs_ooxml_is_start (r, "tab"))
    pbs_ooxml_append_capped (doc->text, "\t", PBS_GRID_MAX_CELL_BYTES);
  else if (pbs_ooxml_is_start (r, "br") || pbs_ooxml_is_start (r, "cr"))
    pbs_ooxml_append_capped (doc->text, "\n", PBS_GRID_MAX_CELL_BYTES);
}

GPtrArray *
pbs_grid_read_docx (const char *file, GBytes *data, GError **error)
{
  g_autoptr(PbsOoxml) pkg = NULL;
  g_autoptr(PbsOoxmlPart) part = NULL;
  g_autoptr(GPtrArray) grids = g_ptr_array_new_with_free_func ((GDestroyNotify) pbs_grid_free);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GArray) vmerges = g_array_new (FALSE, TRUE, sizeof (VMerge));
  g_autofree char *path = NULL;
  Doc doc = { 0 };
  int ret, fallback = 0;
  gboolean in_t = FALSE;

  g_return_val_if_fail (file != NULL && data != NULL, NULL);
  pkg = pbs_ooxml_open (file, data, error);
  if (pkg == NULL)
    return NULL;
  path = pbs_ooxml_find_rel (pkg, "", "/officeDocument", error);
  if (path == NULL && error != NULL && *error != NULL)
    return NULL;
  if (path == NULL && pbs_ooxml_has_part (pkg, "word/document.xml"))
    path = g_strdup ("word/document.xml");
  if (path == NULL)
    {
      g_set_error (error, PBS_IMPORT_ERROR, PBS_IMPORT_ERROR_CORRUPT,
                   "%s: a zip package without a document (no word/document.xml)", file);
      return NULL;
    }
  part = pbs_ooxml_part_open (pkg, path, error);
  if (part == NULL || !pbs_ooxml_part_root (part, "document", "a Word document", error))
    return NULL;

  doc.file = file;
  doc.text = text;
  doc.vmerges = vmerges;
  doc.row = -1;
  while ((ret = pbs_ooxml_part_next (part, error)) == 1)
    {
      xmlTextReaderPtr r = pbs_ooxml_part_reader (part);

      /* only w:t holds shown text (not w:delText, w:instrText) */
      if (doc.in_cell && fallback == 0 && pbs_ooxml_is_start (r, "t"))
        in_t = !xmlTextReaderIsEmptyElement (r);
      else if (pbs_ooxml_is_end (r, "t"))
        in_t = FALSE;
      else if (in_t && doc.in_cell && pbs_ooxml_is_text (r))
        pbs_ooxml_append_capped (doc.text, (const char *) xmlTextReaderConstValue (r),
                                 PBS_GRID_MAX_CELL_BYTES);
      else
        on_node (&doc, grids, r, &fallback);
      if (doc.grid != NULL && pbs_grid_is_full (doc.grid) &&
          !pbs_grid_check_limits (doc.grid, error))
        return NULL;
    }
  if (ret < 0)
    {
      if (doc.in_cell && doc.grid != NULL && error != NULL)
        {
          g_autofree char *place = pbs_grid_dup_place (doc.grid, (guint) doc.row, doc.cell_col);

          pbs_ooxml_error_add_place (*error, place);
        }
      return NULL;
    }
  for (guint i = 0; i < grids->len; i++)
    if (!pbs_grid_check_limits (g_ptr_array_index (grids, i), error))
      return NULL;
  return g_steal_pointer (&grids);
}
