/* pbs-grid-xls.c - the sheets of an .xls (BIFF) workbook as grids
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Layer: readers. freexl 1.0.6 (Debian 12) reads BIFF from a file name
 * only, so the bytes go to a temporary file first. It gives each cell's
 * value, telling dates from numbers by their format, but no number format
 * and no merged range. So here, as doc/import.md says:
 *   - text and dates (YYYY-MM-DD, YYYY-MM-DD HH:MM:SS) are shown as freexl
 *     gives them;
 *   - a number in a rate column (its header, the nearest cell above without
 *     a digit, has 率 or %) whose size is at most 2 is a fraction shown as a
 *     percentage (0.9994 → 99.94%);
 *   - any other number is shown as Excel's General format shows it: the
 *     double's 15 significant digits (printf's %.15g, which glibc rounds
 *     exactly), then pbs-grid-numfmt.c's General;
 *   - merged cells are not known: a merged range's cells other than its
 *     first read as blank, and filling blank level cells from above is the
 *     layout reader's business.
 */
#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gstdio.h>
#include <freexl.h>

#include "pbscore/pbscore.h"
#include "pbs-grid.h"
#include "pbs-grid-numfmt.h"

/* The largest fraction shown as a percentage in a rate column: 200 %. */
#define RATE_MAX_FRACTION 2.0

static const char *
freexl_reason (int code)
{
  switch (code)
    {
    case FREEXL_INSUFFICIENT_MEMORY:
      return "out of memory";
    case FREEXL_INVALID_CFBF_HEADER:
    case FREEXL_CFBF_INVALID_SIGNATURE:
    case FREEXL_CFBF_INVALID_SECTOR_SIZE:
      return "not an OLE2 compound file";
    case FREEXL_CFBF_READ_ERROR:
    case FREEXL_CFBF_SEEK_ERROR:
    case FREEXL_CFBF_EMPTY_FAT_CHAIN:
    case FREEXL_CFBF_ILLEGAL_FAT_ENTRY:
    case FREEXL_INVALID_MINI_STREAM:
    case FREEXL_CFBF_ILLEGAL_MINI_FAT_ENTRY:
      return "the OLE2 container is damaged or truncated";
    case FREEXL_BIFF_WORKBOOK_NOT_FOUND:
      return "no Workbook stream (not an Excel 97-2003 workbook)";
    case FREEXL_BIFF_INVALID_BOF:
    case FREEXL_BIFF_INVALID_SST:
    case FREEXL_BIFF_ILLEGAL_SST_INDEX:
    case FREEXL_ILLEGAL_RK_VALUE:
    case FREEXL_CRAFTED_FILE:
      return "the workbook stream is damaged";
    case FREEXL_INVALID_CHARACTER:
    case FREEXL_UNSUPPORTED_CHARSET:
      return "text in a code page that cannot be converted";
    default:
      return "freexl cannot read it";
    }
}

static gboolean
xls_error (const char *file, const char *place, int code, GError **error)
{
  g_set_error (error, PBS_IMPORT_ERROR,
               code == FREEXL_INSUFFICIENT_MEMORY ? PBS_IMPORT_ERROR_LIMIT :
               code == FREEXL_INVALID_CHARACTER || code == FREEXL_UNSUPPORTED_CHARSET ?
                 PBS_IMPORT_ERROR_ENCODING : PBS_IMPORT_ERROR_CORRUPT,
               "%s%s%s: %s (freexl error %d)", file, place != NULL ? ":" : "",
               place != NULL ? place : "", freexl_reason (code), code);
  return FALSE;
}

static gboolean
has_digit (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isdigit (c))
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_rate_header (const char *text)
{
  return strstr (text, "率") != NULL || strchr (text, '%') != NULL ||
         strstr (text, "％") != NULL;
}

static gboolean
read_sheet (const void *xls, const char *file, PbsGrid *grid, GError **error)
{
  unsigned int rows = 0;
  unsigned short cols = 0;
  /* per column: whether its header (nearest text above without a digit)
   * names a rate */
  g_autofree gboolean *rate = NULL;
  int rc = freexl_worksheet_dimensions (xls, &rows, &cols);

  if (rc != FREEXL_OK)
    return xls_error (file, NULL, rc, error);
  rate = g_new0 (gboolean, cols + 1);
  for (unsigned int r = 0; r < rows && !pbs_grid_is_full (grid); r++)
    for (unsigned short c = 0; c < cols; c++)
      {
        FreeXL_CellValue cell;
        char digits[G_ASCII_DTOSTR_BUF_SIZE];
        g_autofree char *shown = NULL;
        const char *text = NULL;

        rc = freexl_get_cell_value (xls, r, c, &cell);
        if (rc != FREEXL_OK)
          {
            g_autofree char *place = pbs_grid_dup_place (grid, r, c);

            return xls_error (file, place, rc, error);
          }
        switch (cell.type)
          {
          case FREEXL_CELL_INT:
            g_snprintf (digits, sizeof digits, "%d", cell.value.int_value);
            break;
          case FREEXL_CELL_DOUBLE:
            g_ascii_formatd (digits, sizeof digits, "%.15g", cell.value.double_value);
            break;
          case FREEXL_CELL_TEXT:
          case FREEXL_CELL_SST_TEXT:
          case FREEXL_CELL_DATE:
          case FREEXL_CELL_DATETIME:
          case FREEXL_CELL_TIME:
            text = cell.value.text_value;
            if (text != NULL && !has_digit (text))
              rate[c] = is_rate_header (text);
            break;
          default:
            break;
          }
        if (cell.type == FREEXL_CELL_INT || cell.type == FREEXL_CELL_DOUBLE)
          {
            double v = cell.type == FREEXL_CELL_INT ? cell.value.int_value : cell.value.double_value;

            if (rate[c] && v >= -RATE_MAX_FRACTION && v <= RATE_MAX_FRACTION)
              shown = pbs_numfmt_percent (digits);
            else
              shown = pbs_numfmt_format (digits, NULL, FALSE);
            /* %.15g of a finite double always parses; inf and nan do not
             * occur in BIFF */
            text = shown != NULL ? shown : digits;
          }
        pbs_grid_set (grid, r, c, text, 0);
      }
  return pbs_grid_check_limits (grid, error);
}

GPtrArray *
pbs_grid_read_xls (const char *file, GBytes *data, GError **error)
{
  g_autoptr(GPtrArray) grids = g_ptr_array_new_with_free_func ((GDestroyNotify) pbs_grid_free);
  g_autoptr(GError) local = NULL;
  g_autofree char *tmp = NULL;
  const void *xls = NULL;
  unsigned int count = 0, password = 0;
  gboolean ok = FALSE;
  gsize size;
  gconstpointer bytes;
  int fd, rc;

  g_return_val_if_fail (file != NULL && data != NULL, NULL);
  bytes = g_bytes_get_data (data, &size);
  fd = g_file_open_tmp ("pbscore-XXXXXX.xls", &tmp, &local);
  if (fd < 0)
    {
      g_set_error (error, PBS_IMPORT_ERROR, PBS_IMPORT_ERROR_CORRUPT,
                   "%s: cannot write the temporary copy freexl reads: %s", file, local->message);
      return NULL;
    }
  g_close (fd, NULL);
  if (!g_file_set_contents (tmp, bytes, (gssize) size, &local))
    {
      g_set_error (error, PBS_IMPORT_ERROR, PBS_IMPORT_ERROR_CORRUPT,
                   "%s: cannot write the temporary copy freexl reads: %s", file, local->message);
      goto out;
    }

  rc = freexl_open (tmp, &xls);
  if (rc != FREEXL_OK)
    {
      xls_error (file, NULL, rc, error);
      goto out;
    }
  if (freexl_get_info (xls, FREEXL_BIFF_PASSWORD, &password) == FREEXL_OK &&
      password == FREEXL_BIFF_OBFUSCATED)
    {
      g_set_error (error, PBS_IMPORT_ERROR, PBS_IMPORT_ERROR_ENCRYPTED,
                   "%s: the workbook is password-protected; open it, remove the password "
                   "and save it again", file);
      goto out;
    }
  rc = freexl_get_info (xls, FREEXL_BIFF_SHEET_COUNT, &count);
  if (rc != FREEXL_OK)
    {
      xls_error (file, NULL, rc, error);
      goto out;
    }
  for (unsigned int i = 0; i < count; i++)
    {
      const char *name = NULL;
      PbsGrid *grid;

      rc = freexl_get_worksheet_name (xls, (unsigned short) i, &name);
      if (rc == FREEXL_OK)
        rc = freexl_select_active_worksheet (xls, (unsigned short) i);
      if (rc != FREEXL_OK)
        {
          xls_error (file, NULL, rc, error);
          goto out;
        }
      grid = pbs_grid_new (PBS_GRID_SHEET, file, name != NULL ? name : "", 0);
      g_ptr_array_add (grids, grid);
      if (!read_sheet (xls, file, grid, error))
        goto out;
    }
  ok = TRUE;

out:
  if (xls != NULL)
    freexl_close (xls);
  g_unlink (tmp);
  return ok ? g_steal_pointer (&grids) : NULL;
}
