/* pbs-report.c - the 绩效自评表 and its analysis in every output format
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A report collects scorecards and renders them in one format: this file
 * holds the object, the row filter, the words every format shares, the
 * lint findings as every format shows them, and the YAML stream; the
 * formats themselves live in pbs-report-text.c (text, Markdown, CSV),
 * pbs-report-json.c and pbs-report-html.c (doc/report.md).
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
};

G_DEFINE_FINAL_TYPE (PbsReport, pbs_report, G_TYPE_OBJECT)

static void
pbs_report_finalize (GObject *object)
{
  PbsReport *self = PBS_REPORT (object);

  g_clear_pointer (&self->scorecards, g_ptr_array_unref);
  g_free (self->name);
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

  g_return_val_if_fail (format <= PBS_FORMAT_YAML, NULL);
  g_return_val_if_fail (content <= PBS_REPORT_LINT, NULL);
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

gboolean
pbs_report_row_selected (const PbsReportInput *in, PbsScorecard *scorecard, guint row)
{
  if (in->row >= 0 && (guint) in->row != row + 1)
    return FALSE;
  if (in->name != NULL)
    {
      PbsIndicator *ind = pbs_evaluation_get_indicator (pbs_scorecard_get_evaluation (scorecard), row);
      return g_strcmp0 (pbs_indicator_get_name (ind), in->name) == 0;
    }
  return TRUE;
}

/* A finding about @row (from 0, or -1 for the budget, a category or the
 * whole table) is listed when there is no filter or it selects the row. */
static gboolean
row_finding_selected (const PbsReportInput *in, PbsScorecard *scorecard, gint row)
{
  if (in->row < 0 && in->name == NULL)
    return TRUE;
  return row >= 0 && pbs_report_row_selected (in, scorecard, (guint) row);
}

gboolean
pbs_report_finding_selected (const PbsReportInput *in, PbsScorecard *scorecard, PbsAudit *audit,
                             guint index)
{
  return row_finding_selected (in, scorecard, pbs_audit_get_row (audit, index));
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

/* ---------------------------------------------------------------- lint */

static void
lint_item_clear (PbsReportLintItem *item)
{
  g_free (item->where);
  g_free (item->message);
  g_free (item->suggestion);
}

/* "FILE:LINE:COLUMN" of row @row (from 0), or of the document for -1;
 * NULL for an evaluation that was not read from a file. */
static char *
dup_where (PbsEvaluation *e, gint row)
{
  const char *source = pbs_evaluation_get_source (e);
  guint line = 0, column = 0;

  if (source == NULL)
    return NULL;
  if (row >= 0)
    {
      PbsIndicator *ind = pbs_evaluation_get_indicator (e, (guint) row);

      if (pbs_indicator_get_place (ind) != NULL)
        return g_strdup_printf ("%s:%s", source, pbs_indicator_get_place (ind));
      line = pbs_indicator_get_line (ind);
      column = pbs_indicator_get_column (ind);
    }
  else
    pbs_evaluation_get_place (e, &line, &column);
  if (line == 0)
    return g_strdup (source);
  return g_strdup_printf ("%s:%u:%u", source, line, MAX (column, 1u));
}

GArray *
pbs_report_lint_items (const PbsReportInput *in, PbsScorecard *scorecard)
{
  PbsEvaluation *e = pbs_scorecard_get_evaluation (scorecard);
  g_autoptr (PbsLint) lint = pbs_lint_new (scorecard);
  GArray *items = g_array_new (FALSE, TRUE, sizeof (PbsReportLintItem));

  g_array_set_clear_func (items, (GDestroyNotify) lint_item_clear);
  for (guint i = 0; i < pbs_lint_get_n_findings (lint); i++)
    {
      gint row = pbs_lint_get_row (lint, i);
      PbsReportLintItem item = { 0 };

      if (!row_finding_selected (in, scorecard, row))
        continue;
      item.check = pbs_enum_nick (PBS_TYPE_LINT_CHECK, pbs_lint_get_check (lint, i));
      item.row = row >= 0 ? row + 1 : 0;
      item.name = row >= 0 ? pbs_indicator_get_name (pbs_evaluation_get_indicator (e, (guint) row))
                           : NULL;
      item.category = pbs_lint_get_category (lint, i);
      item.where = dup_where (e, row);
      item.message = pbs_lint_dup_message (lint, i, in->language);
      item.suggestion = pbs_lint_dup_suggestion (lint, i, in->language);
      g_array_append_val (items, item);
    }
  return items;
}

/* ---------------------------------------------------------------- YAML */

/* The lint findings as YAML, one document per evaluation (doc/report.md),
 * through the library's emitter (pbs-writer.c). */
static void
yaml_lint_document (PbsYamlOut *y, const PbsReportInput *in, PbsScorecard *sc)
{
  PbsEvaluation *e = pbs_scorecard_get_evaluation (sc);
  g_autoptr (GArray) items = pbs_report_lint_items (in, sc);

  pbs_yaml_document_start (y, FALSE);
  pbs_yaml_mapping_start (y);
  pbs_yaml_quoted (y, "title", pbs_evaluation_get_title (e));
  pbs_yaml_quoted (y, "source", pbs_evaluation_get_source (e));
  pbs_yaml_scalar (y, "lint", YAML_PLAIN_SCALAR_STYLE);
  pbs_yaml_sequence_start (y, YAML_BLOCK_SEQUENCE_STYLE);
  for (guint i = 0; i < items->len; i++)
    {
      const PbsReportLintItem *item = &g_array_index (items, PbsReportLintItem, i);
      g_autofree char *row = item->row > 0 ? g_strdup_printf ("%d", item->row) : NULL;

      pbs_yaml_mapping_start (y);
      pbs_yaml_plain (y, "check", item->check);
      pbs_yaml_scalar (y, "row", YAML_PLAIN_SCALAR_STYLE);
      pbs_yaml_scalar (y, row, YAML_PLAIN_SCALAR_STYLE);
      pbs_yaml_quoted (y, "name", item->name);
      pbs_yaml_quoted (y, "category", item->category);
      pbs_yaml_quoted (y, "where", item->where);
      pbs_yaml_quoted (y, "message", item->message);
      pbs_yaml_quoted (y, "suggestion", item->suggestion);
      pbs_yaml_mapping_end (y);
    }
  pbs_yaml_sequence_end (y);
  pbs_yaml_mapping_end (y);
  pbs_yaml_document_end (y);
}

static gboolean
write_yaml_lint (const PbsReportInput *in, GString *out, GError **error)
{
  PbsYamlOut y;

  if (!pbs_yaml_out_begin (&y, out, error))
    return FALSE;
  for (guint i = 0; i < in->scorecards->len; i++)
    yaml_lint_document (&y, in, g_ptr_array_index (in->scorecards, i));
  return pbs_yaml_out_end (&y, error);
}

/* Several scored evaluations as one YAML stream, `---` before each; for
 * lint, the findings. */
static gboolean
write_yaml (const PbsReportInput *in, GString *out, GError **error)
{
  if (in->content == PBS_REPORT_LINT)
    return write_yaml_lint (in, out, error);
  for (guint i = 0; i < in->scorecards->len; i++)
    {
      PbsScorecard *sc = g_ptr_array_index (in->scorecards, i);
      gsize length = 0;
      g_autofree char *doc = pbs_evaluation_save_to_data (pbs_scorecard_get_evaluation (sc), sc,
                                                          &length, error);
      if (doc == NULL)
        return FALSE;
      if (!g_str_has_prefix (doc, "---"))
        g_string_append (out, "---\n");
      g_string_append_len (out, doc, (gssize) length);
      if (length > 0 && doc[length - 1] != '\n')
        g_string_append_c (out, '\n');
    }
  return TRUE;
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

  if (!check_filter (&in, error))
    return NULL;

  switch (self->format)
    {
    case PBS_FORMAT_TEXT:
    case PBS_FORMAT_MARKDOWN:
      pbs_report_write_text (&in, self->format == PBS_FORMAT_MARKDOWN, out);
      break;
    case PBS_FORMAT_CSV:
      pbs_report_write_csv (&in, out);
      break;
    case PBS_FORMAT_JSON:
    case PBS_FORMAT_JSONL:
      ok = pbs_report_write_json (&in, self->format == PBS_FORMAT_JSONL, out, error);
      break;
    case PBS_FORMAT_HTML:
      pbs_report_write_html (&in, out);
      break;
    case PBS_FORMAT_YAML:
    default:
      ok = write_yaml (&in, out, error);
      break;
    }
  if (!ok)
    return NULL;
  if (length != NULL)
    *length = out->len;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * pbs_text_display_width:
 * @text: UTF-8 text
 *
 * Counts the terminal columns @text takes: East Asian wide and full-width
 * characters (汉字, full-width punctuation) take two, combining marks and
 * other zero-width characters none, everything else one. The text format
 * pads its columns with it so that Chinese lines up.
 *
 * Returns: the display width
 *
 * Since: 0.1
 */
guint
pbs_text_display_width (const char *text)
{
  guint width = 0;

  g_return_val_if_fail (text != NULL, 0);

  for (const char *p = text; *p != '\0';)
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          width++;   /* a stray byte: a terminal shows one replacement mark */
          p++;
          continue;
        }
      p = g_utf8_next_char (p);
      if (!g_unichar_iszerowidth (c))
        width += g_unichar_iswide (c) ? 2 : 1;
    }
  return width;
}

/**
 * pbs_text_one_line:
 * @text: UTF-8 text
 *
 * Makes @text safe to print as one cell of a terminal table: line breaks,
 * tabs and other control characters (which could also move the cursor or
 * recolour the terminal) become spaces, and bidirectional overrides, which
 * would reorder what follows, are dropped. The text report does the same
 * to its cells.
 *
 * Returns: (transfer full): the cleaned copy
 *
 * Since: 0.1
 */
char *
pbs_text_one_line (const char *text)
{
  GString *s;

  g_return_val_if_fail (text != NULL, NULL);

  s = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0';)
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append_c (s, '?');
          p++;
          continue;
        }
      p = g_utf8_next_char (p);
      if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069))
        continue;
      if (c < 0x20 || (c >= 0x7F && c < 0xA0))
        g_string_append_c (s, ' ');
      else
        g_string_append_unichar (s, c);
    }
  return g_string_free (s, FALSE);
}

/* ---------------------------------------------------------------- labels */

const char *
pbs_report_label (PbsLabel label, PbsLanguage language)
{
  static const char * const labels[][2] = {
    [PBS_LABEL_FORM] = { "绩效自评表", "performance self-evaluation" },
    [PBS_LABEL_DEPARTMENT] = { "主管部门", "Department" },
    [PBS_LABEL_UNIT] = { "实施单位", "Implementing unit" },
    [PBS_LABEL_YEAR] = { "年度", "Year" },
    [PBS_LABEL_CURRENCY] = { "金额单位", "Money unit" },
    [PBS_LABEL_POLICY] = { "评分口径", "Policy" },
    [PBS_LABEL_BUDGET] = { "预算执行情况", "Budget execution" },
    [PBS_LABEL_INITIAL] = { "年初预算数", "Initial budget" },
    [PBS_LABEL_ANNUAL] = { "全年预算数", "Full-year budget" },
    [PBS_LABEL_EXECUTED] = { "全年执行数", "Executed" },
    [PBS_LABEL_POINTS] = { "分值", "Points" },
    [PBS_LABEL_RATE] = { "执行率", "Rate" },
    [PBS_LABEL_SCORE] = { "得分", "Score" },
    [PBS_LABEL_ROW] = { "序号", "Row" },
    [PBS_LABEL_LEVEL1] = { "一级指标", "Level 1" },
    [PBS_LABEL_LEVEL2] = { "二级指标", "Level 2" },
    [PBS_LABEL_NAME] = { "三级指标", "Indicator" },
    [PBS_LABEL_TARGET] = { "年度指标值", "Target" },
    [PBS_LABEL_ACTUAL] = { "实际完成值", "Actual" },
    [PBS_LABEL_STATUS] = { "状态", "Status" },
    [PBS_LABEL_FLAGS] = { "标记", "Flags" },
    [PBS_LABEL_REASON] = { "偏差原因", "Reason for deviation" },
    [PBS_LABEL_INDICATORS] = { "绩效指标", "Indicators" },
    [PBS_LABEL_SUBTOTALS] = { "分项小计", "Subtotals" },
    [PBS_LABEL_TOTAL] = { "总分", "Total" },
    [PBS_LABEL_OF] = { "满分", "out of" },
    [PBS_LABEL_GRADE] = { "自评等级", "Grade" },
    [PBS_LABEL_INCOMPLETE] = { "自评表不完整，未计分的指标：", "Incomplete; rows not scored: " },
    [PBS_LABEL_WARNINGS] = { "预警", "Warnings" },
    [PBS_LABEL_EXPLAIN] = { "计分说明", "how each row was scored" },
    [PBS_LABEL_RULE] = { "计分规则", "Rule" },
    [PBS_LABEL_EXPLANATION] = { "计分过程", "Explanation" },
    [PBS_LABEL_AUDIT] = { "审核结果", "audit" },
    [PBS_LABEL_KIND] = { "类别", "Kind" },
    [PBS_LABEL_PRINTED] = { "公布值", "Printed" },
    [PBS_LABEL_COMPUTED] = { "计算值", "Computed" },
    [PBS_LABEL_VARIANT] = { "可能的口径", "Variant" },
    [PBS_LABEL_MESSAGE] = { "说明", "Message" },
    [PBS_LABEL_NO_FINDINGS] = { "未发现问题。", "No findings." },
    [PBS_LABEL_NARRATIVE] = { "绩效指标完成情况分析", "Indicator analysis (draft, in Chinese)" },
    [PBS_LABEL_CHART_ROWS] = { "各指标完成程度", "Completion per indicator" },
    [PBS_LABEL_CHART_LEVEL1] = { "各一级指标得分率", "Score share per level-1 category" },
    [PBS_LABEL_CHART_LEGEND] = { "虚线为 100%；绿色为达成，橙色为部分达成，红色为未达成，灰色为未计分或不适用。正向指标按实际完成值 / 年度指标值，其他指标按得分 / 分值。",
                                 "The dashed line is 100 %; green met, orange partly met, red not met, grey not scored. "
                                 "Positive rows show actual / target, the others score / points." },
    [PBS_LABEL_NONE] = { "—", "—" },
    [PBS_LABEL_REPORT] = { "绩效自评报告", "Performance self-evaluation report" },
    [PBS_LABEL_LINT] = { "指标质量检查", "indicator quality" },
    [PBS_LABEL_CHECK] = { "检查项", "Check" },
    [PBS_LABEL_CATEGORY] = { "指标类别", "Category" },
    [PBS_LABEL_WHERE] = { "位置", "Where" },
    [PBS_LABEL_SUGGESTION] = { "建议", "Suggestion" },
  };
  G_STATIC_ASSERT (G_N_ELEMENTS (labels) == PBS_LABEL_SUGGESTION + 1);

  g_return_val_if_fail ((guint) label < G_N_ELEMENTS (labels), "");
  return labels[label][language == PBS_LANGUAGE_EN];
}

const char *
pbs_report_status_label (PbsStatus status, PbsLanguage language)
{
  static const char * const labels[][2] = {
    [PBS_STATUS_MET] = { "达成", "met" },
    [PBS_STATUS_PARTIAL] = { "部分达成", "partly met" },
    [PBS_STATUS_UNMET] = { "未达成", "not met" },
    [PBS_STATUS_UNSCORED] = { "未计分", "not scored" },
    [PBS_STATUS_NOT_APPLICABLE] = { "不适用", "not applicable" },
  };

  g_return_val_if_fail ((guint) status < G_N_ELEMENTS (labels), "");
  return labels[status][language == PBS_LANGUAGE_EN];
}

char *
pbs_report_dup_flags (PbsFlags flags, gint language, const char *sep)
{
  static const struct {
    PbsFlags    flag;
    const char *zh;
    const char *en;
  } labels[] = {
    { PBS_FLAG_OVER_COMPLETION, "超目标过多", "far past target" },
    { PBS_FLAG_MISSING_REASON, "缺偏差原因", "reason missing" },
    { PBS_FLAG_MANUAL_OUT_OF_BAND, "人工评分超出档次", "manual score out of band" },
    { PBS_FLAG_PRINTED_DIFFERS, "公布得分不符", "printed score differs" },
    { PBS_FLAG_LATE, "逾期", "late" },
    { PBS_FLAG_MANUAL_IGNORED, "人工评分未采用", "manual score ignored" },
    { PBS_FLAG_OVER_DEDUCTED, "超额扣分", "deducted for over-completion" },
    { PBS_FLAG_NOT_COUNTED, "不重复计分", "not counted twice" },
  };
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      if (!(flags & labels[i].flag))
        continue;
      if (s->len > 0)
        g_string_append (s, sep);
      g_string_append (s, language < 0 ? pbs_flag_to_string (labels[i].flag)
                          : language == PBS_LANGUAGE_EN ? labels[i].en : labels[i].zh);
    }
  return g_string_free (s, FALSE);
}

const char *
pbs_report_currency_label (PbsCurrency currency)
{
  return currency == PBS_CURRENCY_YUAN ? "元" : "万元";
}

const char *
pbs_report_policy_name (PbsScorecard *scorecard)
{
  const char *name = pbs_policy_get_name (pbs_scorecard_get_policy (scorecard));
  return name != NULL ? name : "";
}

/* ---------------------------------------------------------------- numbers */

char *
pbs_report_dup_number (PbsScorecard *scorecard, const PbsDecimal *value)
{
  const PbsPolicy *p = pbs_scorecard_get_policy (scorecard);

  /* The value is already rounded with the policy; this only pads it to
   * the policy's digits (9.9 → 9.90), the way the table prints it. */
  if (value->scale > (gint32) p->rounding_digits)
    return pbs_decimal_to_string (value);
  return pbs_decimal_format (value, p->rounding_digits, p->rounding_mode);
}

char *
pbs_report_dup_row_score (PbsScorecard *scorecard, guint row)
{
  PbsDecimal d;

  if (!pbs_scorecard_get_row_score (scorecard, row, &d))
    return NULL;
  return pbs_report_dup_number (scorecard, &d);
}

gboolean
pbs_report_row_completion (PbsScorecard *scorecard, guint row, PbsDecimal *out)
{
  PbsRule rule = pbs_scorecard_get_row_rule (scorecard, row);
  PbsDecimal score, points;

  /* a / t reads as completion only where more is better; for a cost
   * limit (≤), a range or a deduction rule the score's share says it. */
  if ((rule == PBS_RULE_POSITIVE || rule == PBS_RULE_EQUAL)
      && pbs_scorecard_get_row_ratio (scorecard, row, out))
    return TRUE;
  if (!pbs_scorecard_get_row_score (scorecard, row, &score)
      || !pbs_scorecard_get_row_points (scorecard, row, &points)
      || pbs_decimal_sign (&points) <= 0)
    return FALSE;
  return pbs_decimal_div (&score, &points, 4, PBS_ROUNDING_HALF_UP, out);
}

char *
pbs_report_dup_unscored (PbsScorecard *scorecard, PbsLanguage language)
{
  PbsEvaluation *e = pbs_scorecard_get_evaluation (scorecard);
  gboolean zh = language == PBS_LANGUAGE_ZH;
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < pbs_scorecard_get_n_rows (scorecard); i++)
    {
      const char *name;

      /* what makes the table incomplete: rows that count (not a 其中
       * detail of a parent that has its own actual) */
      if (pbs_scorecard_get_row_status (scorecard, i) != PBS_STATUS_UNSCORED
          || (pbs_scorecard_get_row_flags (scorecard, i) & PBS_FLAG_NOT_COUNTED))
        continue;
      name = pbs_indicator_get_name (pbs_evaluation_get_indicator (e, i));
      if (s->len > 0)
        g_string_append (s, zh ? "、" : ", ");
      g_string_append_printf (s, zh ? "第 %u 行（%s）" : "row %u (%s)", i + 1, name);
    }
  if (s->len == 0)
    {
      g_string_free (s, TRUE);
      return NULL;
    }
  return g_string_free (s, FALSE);
}
