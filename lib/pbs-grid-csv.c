/* pbs-grid-csv.c - a CSV file as one grid
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Layer: readers. RFC 4180 fields: separated by commas (or by tabs, as
 * Excel's "Unicode text" writes them: the first line decides), quoted with
 * double quotes, "" for a quote, line breaks inside quotes kept. Lines end
 * in CRLF, LF or CR. As spreadsheets do, a quote inside an unquoted field
 * is kept as it is, and so is text after a closing quote.
 */
#include "config.h"

#include <string.h>

#include "pbscore/pbscore.h"
#include "pbs-grid.h"

/* Tab-separated when the first line has more tabs than commas outside
 * quotes. */
static char
guess_separator (const char *p, const char *end)
{
  guint tabs = 0, commas = 0;
  gboolean quoted = FALSE;

  for (; p < end && (quoted || (*p != '\n' && *p != '\r')); p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (!quoted && *p == '\t')
        tabs++;
      else if (!quoted && *p == ',')
        commas++;
    }
  return tabs > commas ? '\t' : ',';
}

GPtrArray *
pbs_grid_read_csv (const char *file, GBytes *data, GError **error)
{
  g_autoptr (GPtrArray) grids = g_ptr_array_new_with_free_func ((GDestroyNotify) pbs_grid_free);
  g_autoptr (GString) field = g_string_new (NULL);
  g_autofree char *text = NULL;
  gsize raw_len, len = 0;
  const char *raw = g_bytes_get_data (data, &raw_len);
  const char *p, *end;
  PbsGrid *grid;
  guint row = 0, col = 0, line = 1, field_line = 1;
  char sep;

  text = pbs_grid_decode_text (file, raw != NULL ? raw : "", raw_len, NULL, &len, error);
  if (text == NULL)
    return NULL;
  grid = pbs_grid_new (PBS_GRID_LINES, file, NULL, 1);
  g_ptr_array_add (grids, grid);
  p = text;
  end = text + len;
  sep = guess_separator (p, end);

  while (p < end && !pbs_grid_is_full (grid))
    {
      g_string_truncate (field, 0);
      field_line = line;
      if (*p == '"')
        {
          p++;
          for (;;)
            {
              if (p >= end)
                {
                  g_set_error (error, PBS_IMPORT_ERROR, PBS_IMPORT_ERROR_CORRUPT,
                               "%s:line %u, column %u: a quoted field that never ends "
                               "(a \" without its closing \")", file, field_line, col + 1);
                  return NULL;
                }
              if (*p == '"')
                {
                  if (p + 1 < end && p[1] == '"')
                    {
                      g_string_append_c (field, '"');
                      p += 2;
                      continue;
                    }
                  p++;
                  break;
                }
              if (*p == '\n' || (*p == '\r' && (p + 1 >= end || p[1] != '\n')))
                line++;
              if (field->len > PBS_GRID_MAX_CELL_BYTES)
                {
                  /* pbs_grid_set() reports the bound; stop copying */
                  p++;
                  continue;
                }
              g_string_append_c (field, *p++);
            }
        }
      /* the unquoted field, or what follows a closing quote */
      while (p < end && *p != sep && *p != '\n' && *p != '\r')
        {
          if (field->len <= PBS_GRID_MAX_CELL_BYTES)
            g_string_append_c (field, *p);
          p++;
        }
      pbs_grid_set (grid, row, col, field->str, field_line);
      if (p < end && *p == sep)
        {
          p++;
          col++;
          continue;
        }
      if (p < end && *p == '\r')
        {
          p++;
          if (p < end && *p == '\n')
            p++;
        }
      else if (p < end && *p == '\n')
        p++;
      line++;
      row++;
      col = 0;
    }
  return g_steal_pointer (&grids);
}
