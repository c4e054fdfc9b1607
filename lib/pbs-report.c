/* pbs-report.c - the 绩效自评表 and its analysis in every output format
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A report collects scorecards and renders them in one format: this file
 * holds the object and hands its input to one writer per family of
 * formats: pbs-report-text.c (text, Markdown, CSV), pbs-report-json.c,
 * pbs-report-html.c and pbs-report-yaml.c (doc/report.md). What they
 * share (the row filter, the words, the lint findings as every format
 * shows them) is in pbs-report-common.c, below all of them.
 */
#include "config.h"

#include <string.h>

#include "pbs-report-private.h"

/**
 * PbsReport:
 *
 * A report of one or more scorecards: the scored 绩效自评表, each row's
 * explanation, the audit of the printed values, the table with a draft
 * of the report's indicator analysis, or the indicator-quality findings,
 * rendered as text, Markdown, CSV, JSON, JSON Lines, HTML or YAML
 * (doc/report.md).
 *
 * ```c
 * g_autoptr (PbsReport) report = pbs_report_new (PBS_FORMAT_JSON, PBS_REPORT_TABLE,
 *                                                PBS_LANGUAGE_ZH);
 * pbs_report_add (report, scorecard);
 * g_autofree char *json = pbs_report_render (report, NULL, &error);
 * ```
 *
 * Since: 0.1
 */
struct _PbsReport
{
  GObject           parent_instance;
  PbsFormat         format;
  PbsReportContent  content;
  PbsLanguage       language;
  GPtrArray        *scorecards;   /* PbsScorecard*, owned */
  gint              row;          /* 1-based, or -1 */
  char             *name;         /* nullable */
  char             *base_dir;     /* nullable: where the YAML will be written */
  PbsReportColumns  columns;
};

G_DEFINE_FINAL_TYPE (PbsReport, pbs_report, G_TYPE_OBJECT)

static void
pbs_report_finalize (GObject *object)
{
  PbsReport *self = PBS_REPORT (object);

  g_clear_pointer (&self->scorecards, g_ptr_array_unref);
  g_free (self->name);
  g_free (self->base_dir);
  G_OBJECT_CLASS (pbs_report_parent_class)->finalize (object);
}

static void
pbs_report_class_init (PbsReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pbs_report_finalize;
}

static void
pbs_report_init (PbsReport *self)
{
  self->scorecards = g_ptr_array_new_with_free_func ((GDestroyNotify) pbs_scorecard_unref);
  self->row = -1;
}

/**
 * pbs_report_new:
 * @format: the output format
 * @content: what the report shows
 * @language: the language of headings, explanations and messages
 *
 * Creates an empty report; add scorecards with pbs_report_add().
 *
 * Returns: (transfer full): a new #PbsReport
 *
 * Since: 0.1
 */
PbsReport *
pbs_report_new (PbsFormat format, PbsReportContent content, PbsLanguage language)
{
  PbsReport *self;

  g_return_val_if_fail (format <= PBS_FORMAT_CSV_SPREADSHEET, NULL);
  g_return_val_if_fail (content <= PBS_REPORT_FORM, NULL);
  g_return_val_if_fail (language <= PBS_LANGUAGE_EN, NULL);

  self = g_object_new (PBS_TYPE_REPORT, NULL);
  self->format = format;
  self->content = content;
  self->language = language;
  return self;
}

/**
 * pbs_report_add:
 * @self: a #PbsReport
 * @scorecard: a scored evaluation
 *
 * Appends @scorecard to the report (which keeps a reference). Evaluations
 * are reported in the order they were added.
 *
 * Since: 0.1
 */
void
pbs_report_add (PbsReport *self, PbsScorecard *scorecard)
{
  g_return_if_fail (PBS_IS_REPORT (self));
  g_return_if_fail (scorecard != NULL);

  g_ptr_array_add (self->scorecards, pbs_scorecard_ref (scorecard));
}

/**
 * pbs_report_set_row_filter:
 * @self: a #PbsReport
 * @row: a row number, from 1, or -1 for every row
 * @name: (nullable): an exact indicator name (三级指标), or %NULL
 *
 * Restricts the rows a report lists, as `pbscore explain --row` does: a
 * @row of 0 or more selects the row with that 1-based number, a non-%NULL
 * @name the rows of that exact name; -1 and %NULL list every row. Only
 * row listings are filtered (the table's rows, explanations, the audit's
 * and lint's findings about rows); headers, subtotals and totals stay
 * whole. The YAML format of evaluations writes every row.
 * pbs_report_render() fails with %PBS_REPORT_ERROR_NO_SUCH_ROW when the
 * filter selects no row of any evaluation.
 *
 * Since: 0.1
 */
void
pbs_report_set_row_filter (PbsReport *self, gint row, const char *name)
{
  g_return_if_fail (PBS_IS_REPORT (self));

  self->row = row >= 0 ? row : -1;
  g_free (self->name);
  self->name = g_strdup (name);
}

/**
 * pbs_report_set_base_dir:
 * @self: a #PbsReport
 * @base_dir: (nullable) (type filename): the folder the rendered report
 *   will be written in, or %NULL when it has none (standard output)
 *
 * Tells the YAML format where its documents will be: a template or policy
 * a document names by a path is written relative to @base_dir, so the
 * saved documents reload from there; with %NULL (the default) it is
 * written as an absolute path. A shipped template or policy stays a name.
 * Other formats ignore the folder (doc/format.md).
 *
 * Since: 0.1
 */
void
pbs_report_set_base_dir (PbsReport *self, const char *base_dir)
{
  g_return_if_fail (PBS_IS_REPORT (self));

  g_free (self->base_dir);
  self->base_dir = g_strdup (base_dir);
}

/**
 * pbs_report_set_columns:
 * @self: a #PbsReport
 * @columns: the indicator table's columns
 *
 * Chooses the columns of the indicator table in text, Markdown and HTML:
 * %PBS_REPORT_COLUMNS_FULL (the default) adds 序号, 状态 and 标记 to the
 * official form's columns, %PBS_REPORT_COLUMNS_OFFICIAL shows only the
 * form's own, as `pbscore report --columns official` does. The other
 * formats take the setting and are unchanged by it (the xlsx workbook
 * always has the official columns; CSV, JSON and YAML are data).
 *
 * Since: 0.1
 */
void
pbs_report_set_columns (PbsReport *self, PbsReportColumns columns)
{
  g_return_if_fail (PBS_IS_REPORT (self));
  g_return_if_fail (columns <= PBS_REPORT_COLUMNS_OFFICIAL);

  self->columns = columns;
}

/**
 * pbs_report_get_columns:
 * @self: a #PbsReport
 *
 * Gets the columns set with pbs_report_set_columns().
 *
 * Returns: the indicator table's columns
 *
 * Since: 0.1
 */
PbsReportColumns
pbs_report_get_columns (PbsReport *self)
{
  g_return_val_if_fail (PBS_IS_REPORT (self), PBS_REPORT_COLUMNS_FULL);

  return self->columns;
}

/* Does the filter select anything? An error naming the row when not. */
static gboolean
check_filter (const PbsReportInput *in, GError **error)
{
  guint most = 0;

  if (in->row < 0 && in->name == NULL)
    return TRUE;
  for (guint i = 0; i < in->scorecards->len; i++)
    {
      PbsScorecard *sc = g_ptr_array_index (in->scorecards, i);
      guint n = pbs_scorecard_get_n_rows (sc);

      most = MAX (most, n);
      for (guint r = 0; r < n; r++)
        if (pbs_report_row_selected (in, sc, r))
          return TRUE;
    }
  if (in->name != NULL && in->row >= 0)
    g_set_error (error, PBS_REPORT_ERROR, PBS_REPORT_ERROR_NO_SUCH_ROW, "no row %d named “%s”",
                 in->row, in->name);
  else if (in->name != NULL)
    g_set_error (error, PBS_REPORT_ERROR, PBS_REPORT_ERROR_NO_SUCH_ROW, "no row named “%s”",
                 in->name);
  else
    g_set_error (error, PBS_REPORT_ERROR, PBS_REPORT_ERROR_NO_SUCH_ROW,
                 "no row %d (rows are numbered 1 to %u)", in->row, most);
  return FALSE;
}

/**
 * pbs_report_render:
 * @self: a #PbsReport
 * @length: (out) (optional): the length of the text in bytes
 * @error: return location for a #GError
 *
 * Renders the report: the whole output, in UTF-8. Fails with
 * %PBS_REPORT_ERROR_NO_SUCH_ROW when a row filter selects no row, and
 * with %PBS_REPORT_ERROR_FAILED when the JSON writer fails (the YAML
 * writer's errors are #PBS_DOCUMENT_ERROR).
 *
 * Returns: (transfer full) (nullable): the text, or %NULL on error
 *
 * Since: 0.1
 */
char *
pbs_report_render (PbsReport *self, gsize *length, GError **error)
{
  g_autoptr (GString) out = g_string_new (NULL);
  PbsReportInput in;
  gboolean ok = TRUE;

  g_return_val_if_fail (PBS_IS_REPORT (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  in.content = self->content;
  in.language = self->language;
  in.scorecards = self->scorecards;
  in.row = self->row;
  in.name = self->name;
  in.spreadsheet = FALSE;
  in.base_dir = self->base_dir;
  in.columns = self->columns;

  if (!check_filter (&in, error))
    return NULL;
  if (self->content == PBS_REPORT_FORM && self->format != PBS_FORMAT_XLSX)
    {
      g_set_error (error, PBS_REPORT_ERROR, PBS_REPORT_ERROR_UNSUPPORTED,
                   "the empty form is written as xlsx only");
      return NULL;
    }

  switch (self->format)
    {
    case PBS_FORMAT_TEXT:
    case PBS_FORMAT_MARKDOWN:
      pbs_report_write_text (&in, self->format == PBS_FORMAT_MARKDOWN, out);
      break;
    case PBS_FORMAT_CSV:
    case PBS_FORMAT_CSV_SPREADSHEET:
      in.spreadsheet = self->format == PBS_FORMAT_CSV_SPREADSHEET;
      pbs_report_write_csv (&in, out);
      break;
    case PBS_FORMAT_JSON:
    case PBS_FORMAT_JSONL:
      ok = pbs_report_write_json (&in, self->format == PBS_FORMAT_JSONL, out, error);
      break;
    case PBS_FORMAT_HTML:
      pbs_report_write_html (&in, out);
      break;
    case PBS_FORMAT_XLSX:
      ok = pbs_report_write_xlsx (&in, out, error);
      break;
    case PBS_FORMAT_YAML:
    default:
      ok = pbs_report_write_yaml (&in, out, error);
      break;
    }
  if (!ok)
    return NULL;
  if (length != NULL)
    *length = out->len;
  return g_string_free (g_steal_pointer (&out), FALSE);
}
