/* pbs-report-records.c - a table of named fields in every format
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * See pbs-report-records.h. Data formats (CSV, JSON, JSON Lines, YAML)
 * carry the stable names and the values as data: numbers as their exact
 * digits, booleans as true and false, no value as null (an empty CSV
 * field). The human formats (text, Markdown, HTML, and CSV for a
 * spreadsheet) carry the heads in the report's language, 是/否 or
 * yes/no, and — for no value.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <xlsxwriter.h>

#include "pbs-report-records.h"

#define EXCEL_MAX_ROWS 1048576u

static const char *
head (const PbsRecords *r, guint c)
{
  return r->language == PBS_LANGUAGE_EN ? r->columns[c].en : r->columns[c].zh;
}

static gboolean
is_json (const PbsRecords *r)
{
  return r->format == PBS_FORMAT_JSON || r->format == PBS_FORMAT_JSONL;
}

/* A cell for people (text, Markdown, HTML): NULL for no value. */
static char *
dup_human (const PbsRecords *r, const PbsCell *cell)
{
  gboolean en = r->language == PBS_LANGUAGE_EN;

  switch (cell->kind)
    {
    case PBS_CELL_TEXT:
    case PBS_CELL_NUMBER:
      return cell->text != NULL ? pbs_text_one_line (cell->text) : NULL;
    case PBS_CELL_INT:
      return g_strdup_printf ("%" G_GINT64_FORMAT, cell->n);
    case PBS_CELL_BOOL:
      return g_strdup (cell->n ? (en ? "yes" : "是") : (en ? "no" : "否"));
    case PBS_CELL_NULL:
    default:
      return NULL;
    }
}

/* A cell as data (CSV, YAML): NULL for no value. */
static char *
dup_data (const PbsCell *cell)
{
  switch (cell->kind)
    {
    case PBS_CELL_TEXT:
    case PBS_CELL_NUMBER:
      return g_strdup (cell->text);
    case PBS_CELL_INT:
      return g_strdup_printf ("%" G_GINT64_FORMAT, cell->n);
    case PBS_CELL_BOOL:
      return g_strdup (cell->n ? "true" : "false");
    case PBS_CELL_NULL:
    default:
      return NULL;
    }
}

static gboolean
right_aligned (const PbsCell *cell)
{
  return cell->kind == PBS_CELL_NUMBER || cell->kind == PBS_CELL_INT;
}

/* Markdown: one line, | escaped. */
static void
markdown_cell (GString *out, const char *text)
{
  g_string_append (out, "| ");
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '|' || *p == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, ' ');
}

/* text: the spool holds each line's cells, each after a byte saying its
 * alignment ('<' or '>'), separated by NUL, the line ended by '\n' (a
 * cell is one line: pbs_text_one_line()). */
static gboolean
spool_line (PbsRecords *r, char **cells, const gboolean *right, GError **error)
{
  for (guint c = 0; c < r->n_columns; c++)
    {
      r->width[c] = MAX (r->width[c], pbs_text_display_width (cells[c]));
      fputc (right[c] ? '>' : '<', r->spool);
      fputs (cells[c], r->spool);
      fputc (c + 1 < r->n_columns ? '\0' : '\n', r->spool);
    }
  if (ferror (r->spool))
    {
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errno),
                   "cannot keep the table in a temporary file: %s", g_strerror (errno));
      return FALSE;
    }
  return TRUE;
}

/* ---------------------------------------------------------------- xlsx */

/* One sheet, the heads in the first row (frozen), a row per record: text
 * as text (never a formula), numbers as REAL cells with as many decimals
 * as their digits (the exact digits through g_ascii_strtod(), as
 * pbs-report-xlsx.c does), booleans as booleans, no value an empty cell. */
struct _PbsRecordsXlsx {
  char          *path;
  lxw_workbook  *wb;
  lxw_worksheet *ws;
  lxw_format    *head;
  GHashTable    *numbers;   /* decimals → lxw_format* */
  guint          row;
};

static void
xlsx_free (PbsRecordsXlsx *x)
{
  if (x->wb != NULL)
    pbs_report_xlsx_close (x->wb);
  if (x->path != NULL)
    g_unlink (x->path);
  g_free (x->path);
  g_clear_pointer (&x->numbers, g_hash_table_unref);
  g_free (x);
}

static gboolean
xlsx_begin (PbsRecords *r, GError **error)
{
  lxw_workbook_options options = { .constant_memory = LXW_TRUE, .tmpdir = NULL };
  PbsRecordsXlsx *x = g_new0 (PbsRecordsXlsx, 1);
  int fd;

  r->xlsx = x;
  fd = g_file_open_tmp ("pbscore-XXXXXX.xlsx", &x->path, error);
  if (fd < 0)
    return FALSE;
  close (fd);
  x->wb = workbook_new_opt (x->path, &options);
  if (x->wb == NULL)
    {
      g_set_error (error, PBS_REPORT_ERROR, PBS_REPORT_ERROR_FAILED,
                   "cannot start a workbook in %s", x->path);
      return FALSE;
    }
  x->ws = workbook_add_worksheet (x->wb, r->title);
  x->head = workbook_add_format (x->wb);
  format_set_bold (x->head);
  x->numbers = g_hash_table_new (g_direct_hash, g_direct_equal);
  worksheet_freeze_panes (x->ws, 1, 0);
  for (guint c = 0; c < r->n_columns; c++)
    worksheet_write_string (x->ws, 0, (lxw_col_t) c, head (r, c), x->head);
  x->row = 1;
  return TRUE;
}

static lxw_format *
xlsx_number_format (PbsRecordsXlsx *x, const char *digits)
{
  const char *point = strchr (digits, '.');
  guint decimals = point != NULL ? (guint) strlen (point + 1) : 0;
  lxw_format *fmt = g_hash_table_lookup (x->numbers, GUINT_TO_POINTER (decimals));

  if (fmt == NULL)
    {
      g_autoptr (GString) code = g_string_new ("0");

      if (decimals > 0)
        g_string_append_c (code, '.');
      for (guint i = 0; i < decimals; i++)
        g_string_append_c (code, '0');
      fmt = workbook_add_format (x->wb);
      format_set_num_format (fmt, code->str);
      g_hash_table_insert (x->numbers, GUINT_TO_POINTER (decimals), fmt);
    }
  return fmt;
}

static gboolean
xlsx_row (PbsRecords *r, const PbsCell *cells, GError **error)
{
  PbsRecordsXlsx *x = r->xlsx;

  if (x->row >= EXCEL_MAX_ROWS)
    {
      g_set_error (error, PBS_REPORT_ERROR, PBS_REPORT_ERROR_UNSUPPORTED,
                   "more rows than the %u of a sheet: split the batch", EXCEL_MAX_ROWS - 1);
      return FALSE;
    }
  for (guint c = 0; c < r->n_columns; c++)
    {
      lxw_col_t col = (lxw_col_t) c;

      switch (cells[c].kind)
        {
        case PBS_CELL_TEXT:
          worksheet_write_string (x->ws, x->row, col, cells[c].text, NULL);
          break;
        case PBS_CELL_NUMBER:
          worksheet_write_number (x->ws, x->row, col, g_ascii_strtod (cells[c].text, NULL),
                                  xlsx_number_format (x, cells[c].text));
          break;
        case PBS_CELL_INT:
          worksheet_write_number (x->ws, x->row, col, (double) cells[c].n, NULL);
          break;
        case PBS_CELL_BOOL:
          worksheet_write_boolean (x->ws, x->row, col, cells[c].n != 0, NULL);
          break;
        case PBS_CELL_NULL:
        default:
          break;
        }
    }
  x->row++;
  return TRUE;
}

/* Closes the workbook and copies its file to @out in pieces. */
static gboolean
xlsx_end (PbsRecords *r, GString *out, gboolean (*drain) (gpointer, GError **), gpointer data,
          GError **error)
{
  PbsRecordsXlsx *x = r->xlsx;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GFileInputStream) in = NULL;
  lxw_error werr = (lxw_error) pbs_report_xlsx_close (x->wb);
  char block[64 * 1024];
  gssize n;

  x->wb = NULL;
  if (werr != LXW_NO_ERROR)
    {
      g_set_error (error, PBS_REPORT_ERROR, PBS_REPORT_ERROR_FAILED, "libxlsxwriter: %s",
                   lxw_strerror (werr));
      return FALSE;
    }
  file = g_file_new_for_path (x->path);
  in = g_file_read (file, NULL, error);
  if (in == NULL)
    return FALSE;
  while ((n = g_input_stream_read (G_INPUT_STREAM (in), block, sizeof block, NULL, error)) > 0)
    {
      g_string_append_len (out, block, n);
      if (drain != NULL && !drain (data, error))
        return FALSE;
    }
  return n == 0;
}

/* ---------------------------------------------------------------- the formats */

gboolean
pbs_records_begin (PbsRecords *r, gboolean several, GString *out, GError **error)
{
  gboolean spreadsheet = r->format == PBS_FORMAT_CSV_SPREADSHEET;

  switch (r->format)
    {
    case PBS_FORMAT_TEXT:
      {
        g_autofree char **cells = g_new0 (char *, r->n_columns);
        g_autofree gboolean *right = g_new0 (gboolean, r->n_columns);

        r->spool = tmpfile ();
        if (r->spool == NULL)
          {
            g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errno),
                         "cannot create a temporary file: %s", g_strerror (errno));
            return FALSE;
          }
        r->width = g_new0 (guint, r->n_columns);
        for (guint c = 0; c < r->n_columns; c++)
          cells[c] = (char *) head (r, c);
        return spool_line (r, cells, right, error);
      }
    case PBS_FORMAT_MARKDOWN:
      for (guint c = 0; c < r->n_columns; c++)
        markdown_cell (out, head (r, c));
      g_string_append (out, "|\n");
      for (guint c = 0; c < r->n_columns; c++)
        g_string_append (out, "|---");
      g_string_append (out, "|\n");
      return TRUE;
    case PBS_FORMAT_CSV:
    case PBS_FORMAT_CSV_SPREADSHEET:
      if (spreadsheet)
        g_string_append (out, "\xef\xbb\xbf");   /* the byte-order mark */
      for (guint c = 0; c < r->n_columns; c++)
        pbs_report_csv_field (out, spreadsheet ? head (r, c) : r->columns[c].name, c == 0,
                              spreadsheet);
      g_string_append (out, "\r\n");
      return TRUE;
    case PBS_FORMAT_JSON:
    case PBS_FORMAT_JSONL:
      pbs_report_json_head (&r->json, r->format == PBS_FORMAT_JSONL, several, out);
      return TRUE;
    case PBS_FORMAT_HTML:
      pbs_report_html_page (out, r->language, r->title);
      g_string_append (out, "<h1>");
      pbs_report_html_text (out, r->title);
      g_string_append (out, "</h1>\n<table class=\"summary\">\n<thead><tr>");
      for (guint c = 0; c < r->n_columns; c++)
        {
          g_string_append (out, "<th>");
          pbs_report_html_text (out, head (r, c));
          g_string_append (out, "</th>");
        }
      g_string_append (out, "</tr></thead>\n<tbody>\n");
      return TRUE;
    case PBS_FORMAT_YAML:
      r->yaml_open = pbs_yaml_out_begin (&r->yaml, out, error);
      return r->yaml_open;
    case PBS_FORMAT_XLSX:
    default:
      return xlsx_begin (r, error);
    }
}

gboolean
pbs_records_row (PbsRecords *r, const PbsCell *cells, GString *out, GError **error)
{
  const char *none = pbs_report_label (PBS_LABEL_NONE, r->language);

  if (is_json (r))
    {
      pbs_json_begin_object (&r->json);
      for (guint c = 0; c < r->n_columns; c++)
        {
          pbs_json_name (&r->json, r->columns[c].name);
          switch (cells[c].kind)
            {
            case PBS_CELL_TEXT:
              pbs_json_string (&r->json, cells[c].text);
              break;
            case PBS_CELL_NUMBER:
              pbs_json_number (&r->json, cells[c].text);
              break;
            case PBS_CELL_INT:
              pbs_json_int (&r->json, cells[c].n);
              break;
            case PBS_CELL_BOOL:
              pbs_json_bool (&r->json, cells[c].n != 0);
              break;
            case PBS_CELL_NULL:
            default:
              pbs_json_null (&r->json);
              break;
            }
        }
      pbs_json_end_object (&r->json);
      if (r->format == PBS_FORMAT_JSONL)
        g_string_append_c (out, '\n');
      return TRUE;
    }
  if (r->format == PBS_FORMAT_YAML)
    {
      pbs_yaml_document_start (&r->yaml, FALSE);
      pbs_yaml_mapping_start (&r->yaml);
      for (guint c = 0; c < r->n_columns; c++)
        {
          g_autofree char *value = dup_data (&cells[c]);

          if (cells[c].kind == PBS_CELL_TEXT)
            pbs_yaml_string (&r->yaml, r->columns[c].name, value);
          else
            pbs_yaml_plain (&r->yaml, r->columns[c].name, value);
        }
      pbs_yaml_mapping_end (&r->yaml);
      pbs_yaml_document_end (&r->yaml);
      return TRUE;
    }
  if (r->format == PBS_FORMAT_XLSX)
    return xlsx_row (r, cells, error);
  if (r->format == PBS_FORMAT_CSV || r->format == PBS_FORMAT_CSV_SPREADSHEET)
    {
      for (guint c = 0; c < r->n_columns; c++)
        {
          g_autofree char *value = dup_data (&cells[c]);

          pbs_report_csv_field (out, value, c == 0, r->format == PBS_FORMAT_CSV_SPREADSHEET);
        }
      g_string_append (out, "\r\n");
      return TRUE;
    }
  {
    g_autofree char **texts = g_new0 (char *, r->n_columns + 1);
    g_autofree gboolean *right = g_new0 (gboolean, r->n_columns);
    gboolean ok = TRUE;

    for (guint c = 0; c < r->n_columns; c++)
      {
        texts[c] = dup_human (r, &cells[c]);
        if (texts[c] == NULL)
          texts[c] = g_strdup (none);
        right[c] = right_aligned (&cells[c]);
      }
    switch (r->format)
      {
      case PBS_FORMAT_TEXT:
        ok = spool_line (r, texts, right, error);
        break;
      case PBS_FORMAT_MARKDOWN:
        for (guint c = 0; c < r->n_columns; c++)
          markdown_cell (out, texts[c]);
        g_string_append (out, "|\n");
        break;
      case PBS_FORMAT_HTML:
      default:
        g_string_append (out, "<tr>");
        for (guint c = 0; c < r->n_columns; c++)
          {
            g_string_append (out, right[c] ? "<td class=\"num\">" : "<td>");
            pbs_report_html_text (out, texts[c]);
            g_string_append (out, "</td>");
          }
        g_string_append (out, "</tr>\n");
        break;
      }
    for (guint c = 0; c < r->n_columns; c++)
      g_free (texts[c]);
    return ok;
  }
}

gboolean
pbs_records_error (PbsRecords *r, const PbsReportErrorRecord *e, GString *out, GError **error)
{
  PbsReportInput in = { .content = PBS_REPORT_SUMMARY, .language = r->language };

  if (is_json (r))
    pbs_report_json_error (&r->json, r->format == PBS_FORMAT_JSONL, e);
  else if (r->format == PBS_FORMAT_YAML)
    return pbs_report_yaml_error (&in, &r->yaml, e, out, error);
  return TRUE;
}

/* The spooled lines, aligned: text columns padded on the right, numbers
 * on the left, two spaces between columns, none after the last. */
static gboolean
write_spool (PbsRecords *r, GString *out, gboolean (*drain) (gpointer, GError **), gpointer data,
             GError **error)
{
  g_autofree char *line = NULL;
  size_t size = 0;

  if (fflush (r->spool) != 0 || fseek (r->spool, 0, SEEK_SET) != 0)
    {
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errno),
                   "cannot keep the table in a temporary file: %s", g_strerror (errno));
      return FALSE;
    }
  while (getline (&line, &size, r->spool) > 0)
    {
      const char *cell = line;

      for (guint c = 0; c < r->n_columns; c++)
        {
          gboolean last = c + 1 == r->n_columns;
          gboolean right = cell[0] == '>';
          char *text = (char *) cell + 1;
          guint pad;

          if (last)
            text[strcspn (text, "\n")] = '\0';
          pad = r->width[c] - pbs_text_display_width (text);
          if (right)
            for (guint i = 0; i < pad; i++)
              g_string_append_c (out, ' ');
          g_string_append (out, text);
          if (!last && !right)
            for (guint i = 0; i < pad; i++)
              g_string_append_c (out, ' ');
          g_string_append (out, last ? "\n" : "  ");
          cell = text + strlen (text) + 1;
        }
      if (out->len >= 64 * 1024 && drain != NULL && !drain (data, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
pbs_records_end (PbsRecords *r, gboolean several, GString *out,
                 gboolean (*drain) (gpointer data, GError **error), gpointer data, GError **error)
{
  switch (r->format)
    {
    case PBS_FORMAT_TEXT:
      return write_spool (r, out, drain, data, error);
    case PBS_FORMAT_JSON:
    case PBS_FORMAT_JSONL:
      pbs_report_json_tail (&r->json, r->format == PBS_FORMAT_JSONL, several);
      return TRUE;
    case PBS_FORMAT_HTML:
      g_string_append (out, "</tbody>\n</table>\n");
      pbs_report_html_tail (out);
      return TRUE;
    case PBS_FORMAT_YAML:
      r->yaml_open = FALSE;
      return pbs_yaml_out_end (&r->yaml, error);
    case PBS_FORMAT_XLSX:
      return xlsx_end (r, out, drain, data, error);
    default:
      return TRUE;
    }
}

void
pbs_records_clear (PbsRecords *r)
{
  if (r->yaml_open)
    pbs_yaml_out_end (&r->yaml, NULL);
  r->yaml_open = FALSE;
  if (r->spool != NULL)
    fclose (r->spool);
  r->spool = NULL;
  g_clear_pointer (&r->width, g_free);
  g_clear_pointer (&r->xlsx, xlsx_free);
}
