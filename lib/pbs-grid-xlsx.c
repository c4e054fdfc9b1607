/* pbs-grid-xlsx.c - the sheets of an .xlsx workbook as grids
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Layer: readers. Every worksheet, in workbook order, named by its sheet
 * name; each cell as it shows: shared and inline strings (rich text runs
 * joined, phonetic runs left out), numbers through their number format
 * (pbs-grid-numfmt.c), booleans as TRUE/FALSE, error values as Excel
 * writes them (#DIV/0!), formulas by their cached value; merged ranges as
 * grid merges. The sheet XML is read as it is inflated (pbs-grid-ooxml.c),
 * and reading stops as soon as the grid is past one of its bounds.
 */
#include "config.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "pbscore/pbscore.h"
#include "pbs-grid.h"
#include "pbs-grid-numfmt.h"
#include "pbs-grid-ooxml.h"

#define XLSX_MAX_ROW 1048576u
#define XLSX_MAX_COL 16384u

typedef struct {
  char *name;
  char *rid;
} SheetRef;

typedef struct {
  PbsOoxml   *pkg;
  const char *file;
  GPtrArray  *sheets;      /* SheetRef */
  gboolean    date1904;
  GPtrArray  *strings;     /* shared strings */
  GHashTable *formats;     /* numFmtId → code (custom formats) */
  GArray     *xf_formats;  /* cellXfs index → numFmtId */
} Workbook;

static void
sheet_ref_free (gpointer p)
{
  SheetRef *s = p;

  g_free (s->name);
  g_free (s->rid);
  g_free (s);
}

static gboolean
is_true (const char *v)
{
  return v != NULL && (strcmp (v, "1") == 0 || g_ascii_strcasecmp (v, "true") == 0);
}

/* ------------------------------------------------------------ workbook.xml */

static gboolean
read_workbook (Workbook *wb, const char *path, GError **error)
{
  g_autoptr(PbsOoxmlPart) part = pbs_ooxml_part_open (wb->pkg, path, error);
  int ret;

  if (part == NULL || !pbs_ooxml_part_root (part, "workbook", "an Excel workbook", error))
    return FALSE;
  while ((ret = pbs_ooxml_part_next (part, error)) == 1)
    {
      xmlTextReaderPtr r = pbs_ooxml_part_reader (part);

      if (pbs_ooxml_is_start (r, "workbookPr"))
        {
          g_autofree char *v = pbs_ooxml_attr (r, "date1904");

          wb->date1904 = is_true (v);
        }
      else if (pbs_ooxml_is_start (r, "sheet"))
        {
          SheetRef *s = g_new0 (SheetRef, 1);

          s->name = pbs_ooxml_attr (r, "name");
          s->rid = pbs_ooxml_attr (r, "id");
          if (s->name == NULL || s->rid == NULL)
            {
              g_set_error (error, PBS_IMPORT_ERROR, PBS_IMPORT_ERROR_CORRUPT,
                           "%s:%s:%d: a sheet without a name or a relationship id",
                           wb->file, path, xmlTextReaderGetParserLineNumber (r));
              sheet_ref_free (s);
              return FALSE;
            }
          g_ptr_array_add (wb->sheets, s);
        }
    }
  return ret == 0;
}

/* ------------------------------------------------------------ sharedStrings.xml */

/* Text inside <t> of a string item (<si>, <is>), rich runs (<r><t>) joined,
 * phonetic runs (<rPh>) left out. Call with the reader on the item's start
 * element; returns with it on the item's end. */
static gboolean
read_string_item (PbsOoxmlPart *part, const char *item, GString *out, GError **error)
{
  xmlTextReaderPtr r = pbs_ooxml_part_reader (part);
  gboolean in_t = FALSE;
  int phonetic = 0, ret;

  if (xmlTextReaderIsEmptyElement (r))
    return TRUE;
  while ((ret = pbs_ooxml_part_next (part, error)) == 1)
    {
      if (pbs_ooxml_is_end (r, item))
        return TRUE;
      if (pbs_ooxml_is_start (r, "rPh"))
        phonetic += !xmlTextReaderIsEmptyElement (r);
      else if (pbs_ooxml_is_end (r, "rPh"))
        phonetic--;
      else if (pbs_ooxml_is_start (r, "t"))
        in_t = !xmlTextReaderIsEmptyElement (r);
      else if (pbs_ooxml_is_end (r, "t"))
        in_t = FALSE;
      else if (in_t && phonetic == 0 && pbs_ooxml_is_text (r))
        pbs_ooxml_append_capped (out, (const char *) xmlTextReaderConstValue (r),
                                 PBS_GRID_MAX_CELL_BYTES);
    }
  if (ret == 0)
    g_set_error (error, PBS_IMPORT_ERROR, PBS_IMPORT_ERROR_CORRUPT,
                 "the part ends inside a <%s>", item);
  return FALSE;
}

static gboolean
read_shared_strings (Workbook *wb, const char *path, GError **error)
{
  g_autoptr(PbsOoxmlPart) part = pbs_ooxml_part_open (wb->pkg, path, error);
  int ret;

  if (part == NULL)
    return FALSE;
  while ((ret = pbs_ooxml_part_next (part, error)) == 1)
    {
      xmlTextReaderPtr r = pbs_ooxml_part_reader (part);
      GString *s;

      if (!pbs_ooxml_is_start (r, "si"))
        continue;
      if (wb->strings->len >= PBS_GRID_MAX_SLOTS)
        {
          g_set_error (error, PBS_IMPORT_ERROR, PBS_IMPORT_ERROR_LIMIT,
                       "%s:%s: more than %u shared strings", wb->file, path, PBS_GRID_MAX_SLOTS);
          return FALSE;
        }
      s = g_string_new (NULL);
      if (!read_string_item (part, "si", s, error))
        {
          g_string_free (s, TRUE);
          if (error != NULL && *error != NULL && !g_str_has_prefix ((*error)->message, wb->file))
            g_prefix_error (error, "%s:%s:%d: ", wb->file, path,
                            xmlTextReaderGetParserLineNumber (r));
          return FALSE;
        }
      g_ptr_array_add (wb->strings, g_string_free (s, FALSE));
    }
  return ret == 0;
}

/* ------------------------------------------------------------ styles.xml */

static gboolean
read_styles (Workbook *wb, const char *path, GError **error)
{
  g_autoptr(PbsOoxmlPart) part = pbs_ooxml_part_open (wb->pkg, path, error);
  gboolean in_xfs = FALSE;
  int ret;

  if (part == NULL)
    return FALSE;
  while ((ret = pbs_ooxml_part_next (part, error)) == 1)
    {
      xmlTextReaderPtr r = pbs_ooxml_part_reader (part);

      if (pbs_ooxml_is_start (r, "numFmt"))
        {
          g_autofree char *id = pbs_ooxml_attr (r, "numFmtId");
          char *code = pbs_ooxml_attr (r, "formatCode");

          if (id != NULL && code != NULL)
            g_hash_table_replace (wb->formats, GUINT_TO_POINTER (strtoul (id, NULL, 10)), code);
          else
            g_free (code);
        }
      else if (pbs_ooxml_is_start (r, "cellXfs"))
        in_xfs = !xmlTextReaderIsEmptyElement (r);
      else if (pbs_ooxml_is_end (r, "cellXfs"))
        in_xfs = FALSE;
      else if (in_xfs && pbs_ooxml_is_start (r, "xf"))
        {
          g_autofree char *id = pbs_ooxml_attr (r, "numFmtId");
          guint fmt = id != NULL ? (guint) strtoul (id, NULL, 10) : 0;

          if (wb->xf_formats->len >= PBS_GRID_MAX_SLOTS)
            {
              g_set_error (error, PBS_IMPORT_ERROR, PBS_IMPORT_ERROR_LIMIT,
                           "%s:%s: more than %u cell formats", wb->file, path, PBS_GRID_MAX_SLOTS);
              return FALSE;
            }
          g_array_append_val (wb->xf_formats, fmt);
        }
    }
  return ret == 0;
}

/* The format code of the cell style @xf, or NULL for General. */
static const char *
style_format (const Workbook *wb, guint xf)
{
  guint id;
  const char *code;

  if (xf >= wb->xf_formats->len)
    return NULL;
  id = g_array_index (wb->xf_formats, guint, xf);
  code = g_hash_table_lookup (wb->formats, GUINT_TO_POINTER (id));
  return code != NULL ? code : pbs_numfmt_builtin (id);
}

/* ------------------------------------------------------------ sheets */

/* "D12" → column 3, row 11; FALSE when malformed. @row may be NULL, for a
 * reference without a row is then not accepted either. */
static gboolean
parse_ref (const char *ref, guint *row, guint *col)
{
  const char *p = ref;
  guint c = 0, r = 0, n = 0;

  for (; g_ascii_isalpha (*p) && n < 4; p++, n++)
    c = c * 26 + (guint) (g_ascii_toupper (*p) - 'A' + 1);
  if (n == 0 || n > 3 || c > XLSX_MAX_COL)
    return FALSE;
  for (n = 0; g_ascii_isdigit (*p) && n < 8; p++, n++)
    r = r * 10 + (guint) (*p - '0');
  if (n == 0 || *p != '\0' || r == 0 || r > XLSX_MAX_ROW)
    return FALSE;
  *row = r - 1;
  *col = c - 1;
  return TRUE;
}

typedef struct {
  Workbook     *wb;
  PbsOoxmlPart *part;
  const char   *path;
  PbsGrid      *grid;
} Sheet;

static gboolean G_GNUC_PRINTF (6, 7)
cell_error (Sheet *sh, guint row, guint col, int code, GError **error, const char *format, ...)
{
  g_autofree char *place = pbs_grid_dup_place (sh->grid, row, col);
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, PBS_IMPORT_ERROR, code, "%s:%s: %s", sh->wb->file, place, what);
  return FALSE;
}

static gboolean
sheet_error (Sheet *sh, GError **error, const char *what)
{
  g_set_error (error, PBS_IMPORT_ERROR, PBS_IMPORT_ERROR_CORRUPT, "%s:%s:%d: %s",
               sh->wb->file, sh->path,
               xmlTextReaderGetParserLineNumber (pbs_ooxml_part_reader (sh->part)), what);
  return FALSE;
}

/* Reads one <c> (the reader on its start element) and sets its cell. */
static gboolean
read_cell (Sheet *sh, guint row, guint col, GError **error)
{
  xmlTextReaderPtr r = pbs_ooxml_part_reader (sh->part);
  g_autofree char *type = pbs_ooxml_attr (r, "t");
  g_autofree char *style = pbs_ooxml_attr (r, "s");
  g_autoptr(GString) v = g_string_new (NULL);
  g_autoptr(GString) inline_text = g_string_new (NULL);
  g_autofree char *shown = NULL;
  gboolean has_v = FALSE, has_f = FALSE, in_v = FALSE;
  const char *text = NULL;
  int ret;

  if (!xmlTextReaderIsEmptyElement (r))
    {
      while ((ret = pbs_ooxml_part_next (sh->part, error)) == 1)
        {
          if (pbs_ooxml_is_end (r, "c"))
            break;
          if (pbs_ooxml_is_start (r, "v"))
            {
              has_v = TRUE;
              in_v = !xmlTextReaderIsEmptyElement (r);
            }
          else if (pbs_ooxml_is_end (r, "v"))
            in_v = FALSE;
          else if (pbs_ooxml_is_start (r, "f"))
            has_f = TRUE;
          else if (pbs_ooxml_is_start (r, "is"))
            {
              if (!read_string_item (sh->part, "is", inline_text, error))
                break;
            }
          else if (in_v && pbs_ooxml_is_text (r))
            pbs_ooxml_append_capped (v, (const char *) xmlTextReaderConstValue (r),
                                     PBS_GRID_MAX_CELL_BYTES);
        }
      if (ret != 1 || (error != NULL && *error != NULL))
        {
          g_autofree char *place = pbs_grid_dup_place (sh->grid, row, col);

          if (ret == 0)
            return sheet_error (sh, error, "the sheet ends inside a cell");
          if (error != NULL)
            pbs_ooxml_error_add_place (*error, place);
          return FALSE;
        }
    }

  /* an empty <v/> is no value either (openpyxl writes one), except for a
   * formula whose string result is empty */
  if (has_f && (!has_v || (v->len == 0 && (type == NULL || strcmp (type, "str") != 0))))
    return cell_error (sh, row, col, PBS_IMPORT_ERROR_NO_CACHED_VALUE, error,
                       "a formula without a cached value (the workbook was saved without "
                       "being calculated: open and save it in Excel, WPS or LibreOffice)");

  if (type != NULL && strcmp (type, "s") == 0)
    {
      char *end = NULL;
      guint64 index = g_ascii_strtoull (v->str, &end, 10);

      if (!has_v || end == v->str || *end != '\0' || index >= sh->wb->strings->len)
        return cell_error (sh, row, col, PBS_IMPORT_ERROR_CORRUPT, error,
                           "shared string “%.40s” does not exist (the workbook has %u)",
                           v->str, sh->wb->strings->len);
      text = g_ptr_array_index (sh->wb->strings, index);
    }
  else if (type != NULL && strcmp (type, "inlineStr") == 0)
    text = inline_text->str;
  else if (type != NULL && strcmp (type, "b") == 0)
    text = !has_v ? NULL : strcmp (v->str, "1") == 0 ? "TRUE" : "FALSE";
  else if (type != NULL && strcmp (type, "d") == 0)
    {
      /* an ISO 8601 date (Strict OOXML, some writers): midnight is a date */
      if (v->len > 10 && v->str[10] == 'T' && strspn (v->str + 11, "0:.") == v->len - 11)
        g_string_truncate (v, 10);
      text = v->str;
    }
  else if (type != NULL && (strcmp (type, "str") == 0 || strcmp (type, "e") == 0))
    text = v->str;
  else if (has_v && v->len > 0)
    {
      const char *code = style != NULL ? style_format (sh->wb, (guint) strtoul (style, NULL, 10)) : NULL;

      shown = pbs_numfmt_format (v->str, code, sh->wb->date1904);
      if (shown == NULL)
        return cell_error (sh, row, col, PBS_IMPORT_ERROR_CORRUPT, error,
                           "“%.40s” is not a number, yet the cell is of type number", v->str);
      text = shown;
    }

  if (text != NULL && !g_utf8_validate (text, -1, NULL) && strlen (text) <= PBS_GRID_MAX_CELL_BYTES)
    return cell_error (sh, row, col, PBS_IMPORT_ERROR_ENCODING, error, "text that is not UTF-8");
  pbs_grid_set (sh->grid, row, col, text, 0);
  return TRUE;
}

static gboolean
read_merge (Sheet *sh, GError **error)
{
  g_autofree char *ref = pbs_ooxml_attr (pbs_ooxml_part_reader (sh->part), "ref");
  g_auto(GStrv) ends = NULL;
  guint r0, c0, r1, c1;

  if (ref == NULL)
    return sheet_error (sh, error, "a merged range without a ref");
  ends = g_strsplit (ref, ":", 3);
  if (!parse_ref (ends[0], &r0, &c0))
    return sheet_error (sh, error, "a merged range with a malformed ref");
  if (ends[1] == NULL)
    return TRUE;
  if (ends[2] != NULL || !parse_ref (ends[1], &r1, &c1) || r1 < r0 || c1 < c0)
    return sheet_error (sh, error, "a merged range with a malformed ref");
  if (r1 > r0 || c1 > c0)
    pbs_grid_merge (sh->grid, r0, c0, r1 - r0 + 1, c1 - c0 + 1);
  return TRUE;
}

static gboolean
read_sheet (Sheet *sh, GError **error)
{
  guint row = 0, col = 0;
  gboolean seen_row = FALSE;
  int ret = 0;

  while (!pbs_grid_is_full (sh->grid) &&
         (ret = pbs_ooxml_part_next (sh->part, error)) == 1)
    {
      xmlTextReaderPtr r = pbs_ooxml_part_reader (sh->part);

      if (pbs_ooxml_is_start (r, "row"))
        {
          g_autofree char *n = pbs_ooxml_attr (r, "r");

          if (n != NULL)
            {
              guint64 v = g_ascii_strtoull (n, NULL, 10);

              if (v == 0 || v > XLSX_MAX_ROW)
                return sheet_error (sh, error, "a row number out of range");
              row = (guint) v - 1;
            }
          else if (seen_row)
            row++;
          seen_row = TRUE;
          col = 0;
        }
      else if (pbs_ooxml_is_start (r, "c"))
        {
          g_autofree char *ref = pbs_ooxml_attr (r, "r");

          if (ref != NULL)
            {
              guint ref_row;

              if (!parse_ref (ref, &ref_row, &col))
                return sheet_error (sh, error, "a cell with a malformed reference");
              row = ref_row;
            }
          if (!read_cell (sh, row, col, error))
            return FALSE;
          col++;
        }
      else if (pbs_ooxml_is_start (r, "mergeCell"))
        {
          if (!read_merge (sh, error))
            return FALSE;
        }
    }
  if (!pbs_grid_is_full (sh->grid) && ret < 0)
    return FALSE;
  return pbs_grid_check_limits (sh->grid, error);
}

/* ------------------------------------------------------------ the workbook */

static void
workbook_clear (Workbook *wb)
{
  g_clear_pointer (&wb->sheets, g_ptr_array_unref);
  g_clear_pointer (&wb->strings, g_ptr_array_unref);
  g_clear_pointer (&wb->formats, g_hash_table_unref);
  g_clear_pointer (&wb->xf_formats, g_array_unref);
  g_clear_pointer (&wb->pkg, pbs_ooxml_free);
}

GPtrArray *
pbs_grid_read_xlsx (const char *file, GBytes *data, GError **error)
{
  Workbook wb = { 0 };
  g_autoptr(GPtrArray) grids = g_ptr_array_new_with_free_func ((GDestroyNotify) pbs_grid_free);
  g_autoptr(GHashTable) targets = NULL;
  g_autoptr(GHashTable) types = NULL;
  g_autofree char *wb_path = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (file != NULL && data != NULL, NULL);
  wb.file = file;
  wb.pkg = pbs_ooxml_open (file, data, error);
  if (wb.pkg == NULL)
    return NULL;
  wb.sheets = g_ptr_array_new_with_free_func (sheet_ref_free);
  wb.strings = g_ptr_array_new_with_free_func (g_free);
  wb.formats = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  wb.xf_formats = g_array_new (FALSE, FALSE, sizeof (guint));

  wb_path = pbs_ooxml_find_rel (wb.pkg, "", "/officeDocument", error);
  if (wb_path == NULL && error != NULL && *error != NULL)
    goto out;
  if (wb_path == NULL && pbs_ooxml_has_part (wb.pkg, "xl/workbook.xml"))
    wb_path = g_strdup ("xl/workbook.xml");
  if (wb_path == NULL)
    {
      g_set_error (error, PBS_IMPORT_ERROR, PBS_IMPORT_ERROR_CORRUPT,
                   "%s: a zip package without a workbook (no xl/workbook.xml)", file);
      goto out;
    }
  if (!read_workbook (&wb, wb_path, error))
    goto out;
  targets = pbs_ooxml_read_rels (wb.pkg, wb_path, &types, error);
  if (targets == NULL)
    goto out;

  {
    GHashTableIter iter;
    gpointer id, type;
    g_autofree char *strings_path = NULL, *styles_path = NULL;

    g_hash_table_iter_init (&iter, types);
    while (g_hash_table_iter_next (&iter, &id, &type))
      {
        if (g_str_has_suffix (type, "/sharedStrings") && strings_path == NULL)
          strings_path = g_strdup (g_hash_table_lookup (targets, id));
        else if (g_str_has_suffix (type, "/styles") && styles_path == NULL)
          styles_path = g_strdup (g_hash_table_lookup (targets, id));
      }
    /* a workbook may have no shared strings (inline strings only) and no
     * styles (every cell General) */
    if (strings_path != NULL && !read_shared_strings (&wb, strings_path, error))
      goto out;
    if (styles_path != NULL && !read_styles (&wb, styles_path, error))
      goto out;
  }

  for (guint i = 0; i < wb.sheets->len; i++)
    {
      SheetRef *ref = g_ptr_array_index (wb.sheets, i);
      const char *type = g_hash_table_lookup (types, ref->rid);
      const char *path = g_hash_table_lookup (targets, ref->rid);
      g_autoptr(PbsOoxmlPart) part = NULL;
      Sheet sh = { &wb, NULL, path, NULL };

      if (path == NULL)
        {
          g_set_error (error, PBS_IMPORT_ERROR, PBS_IMPORT_ERROR_CORRUPT,
                       "%s:%s: sheet %s has no part (relationship %s is missing)",
                       file, wb_path, ref->name, ref->rid);
          goto out;
        }
      /* chart sheets and dialog sheets hold no cells */
      if (type == NULL || !g_str_has_suffix (type, "/worksheet"))
        continue;
      part = pbs_ooxml_part_open (wb.pkg, path, error);
      if (part == NULL)
        goto out;
      sh.part = part;
      sh.grid = pbs_grid_new (PBS_GRID_SHEET, file, ref->name, 0);
      g_ptr_array_add (grids, sh.grid);
      if (!read_sheet (&sh, error))
        goto out;
    }
  ok = TRUE;

out:
  workbook_clear (&wb);
  return ok ? g_steal_pointer (&grids) : NULL;
}
