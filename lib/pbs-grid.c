/* pbs-grid.c - a table as read from a file: cells of shown text with their
 * places
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Layer: readers. Rows are arrays of cells, each as long as its last set or
 * merged cell; a grid holds at most the bounds of pbs-grid.h, so a hostile
 * file costs bounded memory whatever it claims.
 */
#include "config.h"

#include <stdarg.h>
#include <string.h>

#include "pbscore/pbscore.h"
#include "pbs-grid.h"

typedef struct {
  char  *text;     /* owned, NULL when empty */
  guint  line;     /* source line, or 0 */
  guint  merge;    /* 1 + index in merges of the range covering it, or 0 */
} Cell;

typedef struct {
  guint row, col, rows, cols;
} Range;

struct _PbsGrid
{
  PbsGridKind kind;
  char       *file;
  char       *name;
  guint       index;
  GPtrArray  *rows;      /* GArray of Cell, or NULL for an untouched row */
  GArray     *merges;    /* Range */
  guint       n_cols;
  gsize       bytes;
  gsize       slots;
  char       *overflow;  /* the first bound passed, with its place */
};

static void
free_row (gpointer data)
{
  GArray *row = data;

  if (row == NULL)
    return;
  for (guint i = 0; i < row->len; i++)
    g_free (g_array_index (row, Cell, i).text);
  g_array_unref (row);
}

PbsGrid *
pbs_grid_new (PbsGridKind kind, const char *file, const char *name, guint index)
{
  PbsGrid *self = g_new0 (PbsGrid, 1);

  self->kind = kind;
  self->file = g_strdup (file ? file : "");
  self->name = g_strdup (name ? name : "");
  self->index = index;
  self->rows = g_ptr_array_new_with_free_func (free_row);
  self->merges = g_array_new (FALSE, FALSE, sizeof (Range));
  return self;
}

void
pbs_grid_free (PbsGrid *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->rows);
  g_array_unref (self->merges);
  g_free (self->file);
  g_free (self->name);
  g_free (self->overflow);
  g_free (self);
}

/* Column letters as a spreadsheet shows them: 0 → A, 25 → Z, 26 → AA. */
static void
append_column_letters (GString *out, guint col)
{
  char buf[8];
  int i = (int) sizeof buf;

  col++;
  while (col > 0 && i > 0)
    {
      buf[--i] = (char) ('A' + (col - 1) % 26);
      col = (col - 1) / 26;
    }
  g_string_append_len (out, buf + i, (gssize) sizeof buf - i);
}

/* A sheet name needs quotes in a reference when it holds anything but
 * letters, digits, underscores and non-ASCII characters (Excel's rule). */
static gboolean
sheet_name_needs_quotes (const char *name)
{
  if (*name == '\0')
    return TRUE;
  for (const unsigned char *p = (const unsigned char *) name; *p; p++)
    if (*p < 0x80 && !g_ascii_isalnum (*p) && *p != '_' && *p != '.')
      return TRUE;
  return FALSE;
}

static const Cell *
peek (const PbsGrid *self, guint row, guint col)
{
  GArray *r;

  if (row >= self->rows->len)
    return NULL;
  r = g_ptr_array_index (self->rows, row);
  if (r == NULL || col >= r->len)
    return NULL;
  return &g_array_index (r, Cell, col);
}

char *
pbs_grid_dup_place (const PbsGrid *self, guint row, guint col)
{
  GString *out = g_string_new (NULL);
  const Cell *cell;

  g_return_val_if_fail (self != NULL, NULL);
  switch (self->kind)
    {
    case PBS_GRID_SHEET:
      if (sheet_name_needs_quotes (self->name))
        {
          g_string_append_c (out, '\'');
          for (const char *p = self->name; *p; p++)
            {
              if (*p == '\'')
                g_string_append_c (out, '\'');
              g_string_append_c (out, *p);
            }
          g_string_append_c (out, '\'');
        }
      else
        g_string_append (out, self->name);
      g_string_append_c (out, '!');
      append_column_letters (out, col);
      g_string_append_printf (out, "%u", row + 1);
      break;
    case PBS_GRID_TABLE:
      g_string_append_printf (out, "table %u, row %u, column %u",
                              self->index, row + 1, col + 1);
      break;
    case PBS_GRID_LINES:
    default:
      cell = peek (self, row, col);
      g_string_append_printf (out, "line %u, column %u",
                              cell && cell->line ? cell->line : row + 1, col + 1);
      break;
    }
  return g_string_free (out, FALSE);
}

const char *
pbs_grid_get_file (const PbsGrid *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->file;
}

char *
pbs_grid_dup_name (const PbsGrid *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  switch (self->kind)
    {
    case PBS_GRID_SHEET:
      return g_strdup_printf ("sheet %s", self->name);
    case PBS_GRID_TABLE:
      return g_strdup_printf ("table %u", self->index);
    case PBS_GRID_LINES:
    default:
      return g_strdup ("the file");
    }
}

static void G_GNUC_PRINTF (4, 5)
note_overflow (PbsGrid *self, guint row, guint col, const char *format, ...)
{
  g_autofree char *place = NULL;
  g_autofree char *what = NULL;
  va_list args;

  if (self->overflow != NULL)
    return;
  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  place = pbs_grid_dup_place (self, MIN (row, PBS_GRID_MAX_ROWS),
                              MIN (col, PBS_GRID_MAX_COLS));
  self->overflow = g_strdup_printf ("%s: %s", place, what);
}

/* The cell at (@row, @col), its row grown to reach it; NULL past a bound. */
static Cell *
reach (PbsGrid *self, guint row, guint col)
{
  GArray *r;

  if (row >= PBS_GRID_MAX_ROWS)
    {
      note_overflow (self, row, col, "more than %u rows", PBS_GRID_MAX_ROWS);
      return NULL;
    }
  if (col >= PBS_GRID_MAX_COLS)
    {
      note_overflow (self, row, col, "more than %u columns", PBS_GRID_MAX_COLS);
      return NULL;
    }
  if (row >= self->rows->len)
    g_ptr_array_set_size (self->rows, (int) row + 1);
  r = g_ptr_array_index (self->rows, row);
  if (r == NULL)
    {
      r = g_array_new (FALSE, TRUE, sizeof (Cell));
      g_ptr_array_index (self->rows, row) = r;
    }
  if (col >= r->len)
    {
      gsize more = col + 1 - r->len;

      if (self->slots + more > PBS_GRID_MAX_SLOTS)
        {
          note_overflow (self, row, col, "more than %u cells", PBS_GRID_MAX_SLOTS);
          return NULL;
        }
      self->slots += more;
      g_array_set_size (r, col + 1);
    }
  if (col + 1 > self->n_cols)
    self->n_cols = col + 1;
  return &g_array_index (r, Cell, col);
}

void
pbs_grid_set (PbsGrid *self, guint row, guint col, const char *text, guint line)
{
  Cell *cell;
  gsize len;

  g_return_if_fail (self != NULL);
  len = text ? strlen (text) : 0;
  if (len == 0)
    {
      Cell *old = (Cell *) peek (self, row, col);

      if (old != NULL)
        {
          self->bytes -= old->text ? strlen (old->text) : 0;
          g_clear_pointer (&old->text, g_free);
          old->line = line;
        }
      return;
    }
  if (len > PBS_GRID_MAX_CELL_BYTES)
    {
      note_overflow (self, row, col, "a cell of more than %u bytes", PBS_GRID_MAX_CELL_BYTES);
      return;
    }
  cell = reach (self, row, col);
  if (cell == NULL)
    return;
  if (self->bytes + len > PBS_GRID_MAX_BYTES)
    {
      note_overflow (self, row, col, "more than %u bytes of text in one table", PBS_GRID_MAX_BYTES);
      return;
    }
  self->bytes -= cell->text ? strlen (cell->text) : 0;
  g_free (cell->text);
  /* Readers give UTF-8; a reader's slip must not become an overread in
   * the layout reader's character loops. */
  cell->text = g_utf8_validate_len (text, len, NULL) ? g_strndup (text, len)
                                                     : g_utf8_make_valid (text, (gssize) len);
  cell->line = line;
  self->bytes += strlen (cell->text);
}

void
pbs_grid_merge (PbsGrid *self, guint row, guint col, guint rows, guint cols)
{
  Range range;
  guint index;

  g_return_if_fail (self != NULL);
  if (rows == 0 || cols == 0 || (rows == 1 && cols == 1))
    return;
  /* Clip to the bounds: a range reaching past them is noted as an
   * overflow by reach() below. */
  if (rows > PBS_GRID_MAX_ROWS || row + rows > PBS_GRID_MAX_ROWS + 1)
    rows = row < PBS_GRID_MAX_ROWS ? PBS_GRID_MAX_ROWS + 1 - row : 1;
  if (cols > PBS_GRID_MAX_COLS || col + cols > PBS_GRID_MAX_COLS + 1)
    cols = col < PBS_GRID_MAX_COLS ? PBS_GRID_MAX_COLS + 1 - col : 1;
  range = (Range) { row, col, rows, cols };
  g_array_append_val (self->merges, range);
  index = self->merges->len;
  for (guint r = row; r < row + rows; r++)
    for (guint c = col; c < col + cols; c++)
      {
        Cell *cell;

        if (r == row && c == col)
          {
            if (reach (self, r, c) == NULL)
              return;
            continue;
          }
        cell = reach (self, r, c);
        if (cell == NULL)
          return;
        cell->merge = index;
      }
}

guint
pbs_grid_get_n_rows (const PbsGrid *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->rows->len;
}

guint
pbs_grid_get_n_cols (const PbsGrid *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_cols;
}

const char *
pbs_grid_get (const PbsGrid *self, guint row, guint col)
{
  const Cell *cell;

  g_return_val_if_fail (self != NULL, NULL);
  cell = peek (self, row, col);
  if (cell == NULL || cell->merge != 0)
    return NULL;
  return cell->text;
}

gboolean
pbs_grid_get_origin (const PbsGrid *self, guint row, guint col,
                     guint *origin_row, guint *origin_col)
{
  const Cell *cell;
  const Range *range;

  g_return_val_if_fail (self != NULL, FALSE);
  cell = peek (self, row, col);
  if (cell == NULL || cell->merge == 0)
    return FALSE;
  range = &g_array_index (self->merges, Range, cell->merge - 1);
  if (origin_row)
    *origin_row = range->row;
  if (origin_col)
    *origin_col = range->col;
  return TRUE;
}

gboolean
pbs_grid_is_full (const PbsGrid *self)
{
  g_return_val_if_fail (self != NULL, TRUE);
  return self->overflow != NULL;
}

gboolean
pbs_grid_check_limits (const PbsGrid *self, GError **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  if (self->overflow == NULL)
    return TRUE;
  g_set_error (error, PBS_IMPORT_ERROR, PBS_IMPORT_ERROR_LIMIT,
               "%s:%s (pbscore reads at most %u rows, %u columns and %u bytes "
               "in a cell of a table; see doc/import.md)",
               self->file, self->overflow, PBS_GRID_MAX_ROWS, PBS_GRID_MAX_COLS,
               PBS_GRID_MAX_CELL_BYTES);
  return FALSE;
}
