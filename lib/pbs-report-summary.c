/* pbs-report-summary.c - the summaries: a row per evaluation, a row per group
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * `score --summary` (PBS_REPORT_SUMMARY: one row per evaluation, written
 * by PbsReport as each is scored) and `pbscore summary` (a PbsSummary's
 * groups), both through the records writer (pbs-report-records.c), so
 * that every format carries the same fields by the same names
 * (doc/report.md, "summary").
 */
#include "config.h"

#include <string.h>

#include "pbs-report-summary.h"

/* ---------------------------------------------------------------- one row per evaluation */

static const PbsRecordColumn evaluation_columns[] = {
  { "file", "文件", "File" },
  { "document", "文档", "Document" },
  { "title", "项目名称", "Title" },
  { "department", "主管部门", "Department" },
  { "unit", "实施单位", "Unit" },
  { "year", "年度", "Year" },
  { "total", "总分", "Total" },
  { "total_points", "满分", "Of" },
  { "grade", "等级", "Grade" },
  { "complete", "完整", "Complete" },
  { "printed_total", "原表总分", "Printed total" },
  { "audit_differences", "审核差异", "Audit differences" },
  { "lint_findings", "检查发现", "Lint findings" },
};

#define N_EVALUATION_COLUMNS G_N_ELEMENTS (evaluation_columns)

static gboolean
is_human (PbsFormat format)
{
  return format == PBS_FORMAT_TEXT || format == PBS_FORMAT_MARKDOWN || format == PBS_FORMAT_HTML;
}

void
pbs_report_summary_init (PbsRecords *r, PbsFormat format, PbsLanguage language)
{
  r->format = format;
  r->language = language;
  r->title = language == PBS_LANGUAGE_EN ? "Summary" : "汇总";
  r->columns = evaluation_columns;
  r->n_columns = N_EVALUATION_COLUMNS;
}

/* Printed against computed (pbscore audit's differences): a missing reason
 * or a warning is no difference. */
static guint
count_differences (PbsScorecard *sc)
{
  static const PbsFindingKind differences[] = {
    PBS_FINDING_ROW_SCORE, PBS_FINDING_BUDGET_SCORE, PBS_FINDING_TOTAL,
    PBS_FINDING_TOTAL_ARITHMETIC, PBS_FINDING_GRADE, PBS_FINDING_BUDGET_RATE,
  };
  g_autoptr (PbsAudit) audit = pbs_audit_new (sc);
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (differences); i++)
    n += pbs_audit_count (audit, differences[i]);
  return n;
}

static PbsCell
text_cell (const char *text)
{
  return (PbsCell) { text != NULL && *text != '\0' ? PBS_CELL_TEXT : PBS_CELL_NULL, text, 0 };
}

static PbsCell
int_cell (gint64 n)
{
  return (PbsCell) { PBS_CELL_INT, NULL, n };
}

static PbsCell
number_cell (const char *digits)
{
  return (PbsCell) { digits != NULL ? PBS_CELL_NUMBER : PBS_CELL_NULL, digits, 0 };
}

gboolean
pbs_report_summary_one (PbsRecords *r, PbsScorecard *sc, const char *file, guint document,
                        GString *out, GError **error)
{
  PbsEvaluation *e = pbs_scorecard_get_evaluation (sc);
  PbsGrade grade = pbs_scorecard_get_grade (sc);
  g_autoptr (PbsLint) lint = pbs_lint_new (sc);
  g_autofree char *total = NULL, *points = NULL, *printed = NULL;
  const char *grade_text = NULL;
  PbsCell cells[N_EVALUATION_COLUMNS];
  PbsDecimal d;

  pbs_scorecard_get_total (sc, &d);
  total = pbs_report_dup_number (sc, &d);
  pbs_scorecard_get_total_points (sc, &d);
  points = pbs_decimal_to_string (&d);
  if (pbs_evaluation_get_printed_total (e, &d))
    printed = pbs_decimal_to_string (&d);
  if (grade != PBS_GRADE_NONE)
    grade_text = is_human (r->format) && r->language == PBS_LANGUAGE_EN
                 ? pbs_enum_nick (PBS_TYPE_GRADE, grade) : pbs_grade_get_label (grade);
  cells[0] = text_cell (file);
  cells[1] = document > 0 ? int_cell (document) : (PbsCell) { PBS_CELL_NULL, NULL, 0 };
  cells[2] = (PbsCell) { PBS_CELL_TEXT, pbs_evaluation_get_title (e), 0 };
  cells[3] = text_cell (pbs_evaluation_get_department (e));
  cells[4] = text_cell (pbs_evaluation_get_unit (e));
  cells[5] = pbs_evaluation_get_year (e) > 0 ? int_cell (pbs_evaluation_get_year (e))
                                             : (PbsCell) { PBS_CELL_NULL, NULL, 0 };
  cells[6] = number_cell (total);
  cells[7] = number_cell (points);
  cells[8] = text_cell (grade_text);
  cells[9] = (PbsCell) { PBS_CELL_BOOL, NULL, pbs_scorecard_is_complete (sc) };
  cells[10] = number_cell (printed);
  cells[11] = int_cell (count_differences (sc));
  cells[12] = int_cell (pbs_lint_get_n_findings (lint));
  return pbs_records_row (r, cells, out, error);
}

/* ---------------------------------------------------------------- one row per group */

static const PbsRecordColumn key_columns[] = {
  [PBS_SUMMARY_KEY_DEPARTMENT] = { "department", "主管部门", "Department" },
  [PBS_SUMMARY_KEY_UNIT] = { "unit", "实施单位", "Unit" },
  [PBS_SUMMARY_KEY_YEAR] = { "year", "年度", "Year" },
  [PBS_SUMMARY_KEY_TEMPLATE] = { "template", "模板", "Template" },
};

static const PbsRecordColumn group_columns[] = {
  { "evaluations", "评价数", "Evaluations" },
  { "excellent", "优", "Excellent" },
  { "good", "良", "Good" },
  { "fair", "中", "Fair" },
  { "poor", "差", "Poor" },
  { "incomplete", "未完成", "Incomplete" },
  { "total_min", "最低分", "Min" },
  { "total_median", "中位数", "Median" },
  { "total_mean", "平均分", "Mean" },
  { "total_max", "最高分", "Max" },
  { "annual_budget", "全年预算数（万元）", "Annual budget (10k yuan)" },
  { "executed_budget", "全年执行数（万元）", "Executed (10k yuan)" },
  { "execution_rate", "执行率（%）", "Execution rate (%)" },
  { "without_amounts", "缺预算数", "Without amounts" },
};

#define N_GROUP_COLUMNS G_N_ELEMENTS (group_columns)

/* The decimal's digits when @ok, else NULL. */
static char *
dup_if (gboolean ok, const PbsDecimal *d)
{
  return ok ? pbs_decimal_to_string (d) : NULL;
}

static gboolean
write_group (PbsRecords *r, PbsSummary *summary, guint group, GString *out, GError **error)
{
  static const PbsGrade grades[] = {
    PBS_GRADE_EXCELLENT, PBS_GRADE_GOOD, PBS_GRADE_FAIR, PBS_GRADE_POOR, PBS_GRADE_NONE,
  };
  guint n_keys = pbs_summary_get_n_keys (summary);
  g_autofree PbsCell *cells = g_new0 (PbsCell, n_keys + N_GROUP_COLUMNS);
  char *stat[PBS_SUMMARY_STAT_MAX + 1] = { NULL };
  g_autofree char *annual = NULL, *executed = NULL, *rate = NULL;
  PbsCell *c = cells;
  PbsDecimal d;

  for (guint k = 0; k < n_keys; k++)
    {
      const char *value = pbs_summary_get_group_value (summary, group, k);

      if (value != NULL && pbs_summary_get_key (summary, k) == PBS_SUMMARY_KEY_YEAR)
        *c++ = int_cell (g_ascii_strtoll (value, NULL, 10));
      else
        *c++ = text_cell (value);
    }
  *c++ = int_cell (pbs_summary_get_count (summary, group));
  for (guint i = 0; i < G_N_ELEMENTS (grades); i++)
    *c++ = int_cell (pbs_summary_get_grade_count (summary, group, grades[i]));
  for (guint s = 0; s <= PBS_SUMMARY_STAT_MAX; s++)
    {
      stat[s] = dup_if (pbs_summary_get_total (summary, group, s, &d), &d);
      *c++ = number_cell (stat[s]);
    }
  annual = dup_if (pbs_summary_get_annual (summary, group, &d), &d);
  executed = dup_if (pbs_summary_get_executed (summary, group, &d), &d);
  rate = dup_if (pbs_summary_get_rate (summary, group, &d), &d);
  *c++ = number_cell (annual);
  *c++ = number_cell (executed);
  *c++ = number_cell (rate);
  *c++ = int_cell (pbs_summary_get_n_without_amounts (summary, group));
  g_assert (c == cells + n_keys + N_GROUP_COLUMNS);
  {
    gboolean ok = pbs_records_row (r, cells, out, error);

    for (guint s = 0; s <= PBS_SUMMARY_STAT_MAX; s++)
      g_free (stat[s]);
    return ok;
  }
}

typedef struct {
  GOutputStream *stream;
  GCancellable  *cancellable;
  GString       *out;
} Sink;

static gboolean
drain (gpointer data, GError **error)
{
  Sink *s = data;

  if (s->out->len > 0
      && !g_output_stream_write_all (s->stream, s->out->str, s->out->len, NULL, s->cancellable,
                                     error))
    return FALSE;
  g_string_truncate (s->out, 0);
  return TRUE;
}

/**
 * pbs_summary_write:
 * @self: a #PbsSummary
 * @stream: where the summary is written
 * @format: the output format
 * @language: the language of the heads of text, Markdown, HTML and CSV
 *   for a spreadsheet
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes one row per group (doc/report.md, "summary by group"): the keys'
 * values by their names (`department`, `unit`, `year`, `template`), then
 * `evaluations`, `excellent`, `good`, `fair`, `poor`, `incomplete`,
 * `total_min`, `total_median`, `total_mean`, `total_max`, `annual_budget`,
 * `executed_budget` (万元), `execution_rate` (a percentage) and
 * `without_amounts`. JSON is always an array of objects; xlsx is one sheet
 * (binary). The stream is flushed, not closed.
 *
 * Returns: %TRUE when written
 *
 * Since: 0.1
 */
gboolean
pbs_summary_write (PbsSummary *self, GOutputStream *stream, PbsFormat format,
                   PbsLanguage language, GCancellable *cancellable, GError **error)
{
  g_autoptr (GString) out = g_string_new (NULL);
  g_autofree PbsRecordColumn *columns = NULL;
  PbsRecords r = { 0 };
  Sink sink = { stream, cancellable, out };
  guint n_keys;
  gboolean ok;

  g_return_val_if_fail (PBS_IS_SUMMARY (self), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (format <= PBS_FORMAT_CSV_SPREADSHEET, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  n_keys = pbs_summary_get_n_keys (self);
  columns = g_new (PbsRecordColumn, n_keys + N_GROUP_COLUMNS);
  for (guint k = 0; k < n_keys; k++)
    columns[k] = key_columns[pbs_summary_get_key (self, k)];
  memcpy (columns + n_keys, group_columns, sizeof group_columns);
  r.format = format;
  r.language = language;
  r.title = language == PBS_LANGUAGE_EN ? "Summary by group" : "分组汇总";
  r.columns = columns;
  r.n_columns = n_keys + N_GROUP_COLUMNS;
  ok = pbs_records_begin (&r, TRUE, out, error);
  for (guint g = 0; ok && g < pbs_summary_get_n_groups (self); g++)
    ok = write_group (&r, self, g, out, error) && (out->len < 64 * 1024 || drain (&sink, error));
  ok = ok && pbs_records_end (&r, TRUE, out, drain, &sink, error) && drain (&sink, error)
       && g_output_stream_flush (stream, cancellable, error);
  pbs_records_clear (&r);
  return ok;
}

/**
 * pbs_summary_render:
 * @self: a #PbsSummary
 * @format: the output format
 * @language: the language of the heads
 * @length: (out) (optional): the length of the text in bytes
 * @error: return location for a #GError
 *
 * pbs_summary_write() to memory.
 *
 * Returns: (transfer full) (nullable): the text, or %NULL on error
 *
 * Since: 0.1
 */
char *
pbs_summary_render (PbsSummary *self, PbsFormat format, PbsLanguage language, gsize *length,
                    GError **error)
{
  g_autoptr (GOutputStream) mem = NULL;

  g_return_val_if_fail (PBS_IS_SUMMARY (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  mem = g_memory_output_stream_new_resizable ();
  if (!pbs_summary_write (self, mem, format, language, NULL, error))
    return NULL;
  return pbs_report_steal_text (mem, length, error);
}
