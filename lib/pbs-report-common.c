/* pbs-report-common.c - what every report format shares: the row filter, the words, the lint findings, the numbers as the table prints them and the parts of an evaluation's section
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>

#include "pbs-report-private.h"
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

      /* a row read from a table file: its place there (doc/import.md) */
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

char *
pbs_report_cite_place (PbsScorecard *scorecard, gint row, char *text)
{
  PbsEvaluation *e = pbs_scorecard_get_evaluation (scorecard);
  g_autofree char *owned = text;
  g_autofree char *where = NULL;

  if (row < 0 || pbs_indicator_get_place (pbs_evaluation_get_indicator (e, (guint) row)) == NULL)
    return g_steal_pointer (&owned);
  where = dup_where (e, row);
  return g_strdup_printf ("%s: %s", where, text);
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
      item.check_value = pbs_lint_get_check (lint, i);
      item.check = pbs_enum_nick (PBS_TYPE_LINT_CHECK, item.check_value);
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
    [PBS_LABEL_REASON] = { "偏差原因分析及改进措施", "Reason for deviation" },
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
    [PBS_LABEL_GOALS] = { "年度总体目标", "Overall goals" },
    [PBS_LABEL_GOALS_EXPECTED] = { "预期目标", "Expected" },
    [PBS_LABEL_GOALS_ACHIEVED] = { "实际完成情况", "Achieved" },
    [PBS_LABEL_MANAGER] = { "项目负责人", "Project manager" },
    [PBS_LABEL_PREPARER] = { "填报人", "Prepared by" },
    [PBS_LABEL_PHONE] = { "联系电话", "Phone" },
    [PBS_LABEL_DATE] = { "填报日期", "Date" },
    [PBS_LABEL_PRINTED_GRADE] = { "原表自评等级", "Printed grade" },
  };
  G_STATIC_ASSERT (G_N_ELEMENTS (labels) == PBS_LABEL_PRINTED_GRADE + 1);

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
    [PBS_STATUS_UNPUBLISHED] = { "未公开", "not published" },
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
    { PBS_FLAG_READ_AS_ZERO, "“无”按零计", "“无” read as zero" },
  };
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      if (!(flags & labels[i].flag))
        continue;
      if (s->len > 0)
        g_string_append (s, sep);
      g_string_append (s, language < 0 ? pbs_flag_get_nick (labels[i].flag)
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

char *
pbs_report_dup_policy_name (PbsScorecard *scorecard, PbsLanguage language)
{
  const PbsPolicy *p = pbs_scorecard_get_policy (scorecard);
  const char *label = pbs_policy_get_label (p);

  if (language != PBS_LANGUAGE_ZH || label == NULL)
    return g_strdup (pbs_report_policy_name (scorecard));
  if (g_strcmp0 (label, pbs_policy_get_name (p)) == 0)
    return g_strdup (label);
  return g_strdup_printf ("%s（%s）", label, pbs_report_policy_name (scorecard));
}

/* The Chinese labels of the stable names the human formats show. */
typedef struct {
  const char *nick;
  const char *zh;
} CodeLabel;

static const CodeLabel finding_labels[] = {
  { "row_score", "得分不符" }, { "budget_score", "预算执行得分不符" }, { "total", "总分不符" },
  { "total_arithmetic", "总分与各项之和不符" }, { "missing_reason", "缺偏差原因" },
  { "warning", "预警" }, { "grade", "自评等级不符" },
};

static const CodeLabel rule_labels[] = {
  { "none", "不计分" }, { "positive", "正向" }, { "equal", "等于（按正向）" },
  { "equal_zero", "等于零" }, { "equal_two_sided", "等于（双向）" },
  { "reverse_ratio", "反向（比值）" }, { "reverse_relative_excess", "反向（超出比例）" },
  { "range", "区间" }, { "qualitative", "定性" }, { "boolean", "是否" }, { "date", "时限" },
  { "step", "逐级扣分" }, { "bands", "分档" },
};

static const CodeLabel variant_labels[] = {
  { "truncate", "截断" }, { "floor", "向下取整" }, { "one_decimal", "保留一位小数" },
  { "one_decimal_truncate", "截断到一位小数" }, { "whole_points", "取整数分" },
  { "whole_points_floor", "向下取整数分" }, { "other_reverse_formula", "另一反向指标公式" },
  { "equal_two_sided", "等于型双向计分" }, { "equal_as_ge", "等于型按正向计分" },
  { "initial_budget", "按年初预算数计算执行率" }, { "no_cap", "执行率不封顶" },
  { "budget_not_in_total", "预算执行不计入总分" }, { "printed_rows", "按原表各行得分" },
};

static const CodeLabel lint_labels[] = {
  { "vague_target", "目标值含糊" }, { "no_unit", "缺计量单位" },
  { "generic_dominates", "共性指标过多" }, { "few_quantitative", "定量指标过少" },
  { "target_too_low", "目标值偏低" }, { "points_piled", "分值过于集中" },
  { "missing_reason", "缺偏差原因" }, { "unfilled", "未填写" },
};

char *
pbs_report_dup_code (GType enum_type, gint value, PbsLanguage language)
{
  const char *nick = pbs_enum_nick (enum_type, value);
  const CodeLabel *table = NULL;
  guint n = 0;

  if (enum_type == PBS_TYPE_FINDING_KIND)
    table = finding_labels, n = G_N_ELEMENTS (finding_labels);
  else if (enum_type == PBS_TYPE_RULE)
    table = rule_labels, n = G_N_ELEMENTS (rule_labels);
  else if (enum_type == PBS_TYPE_VARIANT)
    table = variant_labels, n = G_N_ELEMENTS (variant_labels);
  else if (enum_type == PBS_TYPE_LINT_CHECK)
    table = lint_labels, n = G_N_ELEMENTS (lint_labels);
  if (language != PBS_LANGUAGE_ZH)
    return g_strdup (nick);
  /* no variant explains a difference: nothing to name */
  if (enum_type == PBS_TYPE_VARIANT && value == PBS_VARIANT_NONE)
    return g_strdup (pbs_report_label (PBS_LABEL_NONE, language));
  for (guint i = 0; i < n; i++)
    if (strcmp (table[i].nick, nick) == 0)
      return g_strdup_printf ("%s（%s）", table[i].zh, nick);
  return g_strdup (nick);
}

guint
pbs_report_signoff (PbsEvaluation *e, PbsReportField out[4])
{
  const PbsReportField fields[] = {
    { PBS_LABEL_MANAGER, pbs_evaluation_get_signoff_manager (e) },
    { PBS_LABEL_PREPARER, pbs_evaluation_get_signoff_preparer (e) },
    { PBS_LABEL_PHONE, pbs_evaluation_get_signoff_phone (e) },
    { PBS_LABEL_DATE, pbs_evaluation_get_signoff_date (e) },
  };
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (PBS_REPORT_GIVEN (fields[i].value))
      out[n++] = fields[i];
  return n;
}

void
pbs_report_head_init (PbsReportHead *head, PbsScorecard *scorecard, PbsLanguage language)
{
  PbsEvaluation *e = pbs_scorecard_get_evaluation (scorecard);
  const char *department = pbs_evaluation_get_department (e);
  const char *unit = pbs_evaluation_get_unit (e);

  memset (head, 0, sizeof *head);
  if (PBS_REPORT_GIVEN (department))
    head->fields[head->n++] = (PbsReportField) { PBS_LABEL_DEPARTMENT, department };
  if (PBS_REPORT_GIVEN (unit))
    head->fields[head->n++] = (PbsReportField) { PBS_LABEL_UNIT, unit };
  if (pbs_evaluation_get_year (e) > 0)
    {
      head->year = g_strdup_printf ("%u", pbs_evaluation_get_year (e));
      head->fields[head->n++] = (PbsReportField) { PBS_LABEL_YEAR, head->year };
    }
  head->fields[head->n++] = (PbsReportField) {
    PBS_LABEL_CURRENCY, pbs_report_currency_label (pbs_evaluation_get_currency (e))
  };
  head->policy = pbs_report_dup_policy_name (scorecard, language);
  head->fields[head->n++] = (PbsReportField) { PBS_LABEL_POLICY, head->policy };
}

void
pbs_report_head_clear (PbsReportHead *head)
{
  g_clear_pointer (&head->year, g_free);
  g_clear_pointer (&head->policy, g_free);
  head->n = 0;
}

/* ---------------------------------------------------------------- numbers */

char *
pbs_report_dup_money (const PbsDecimal *value)
{
  if (value->scale >= 2)
    return pbs_decimal_to_string (value);
  /* padding only: fewer than two decimals round to themselves */
  return pbs_decimal_format (value, 2, PBS_ROUNDING_HALF_UP);
}


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

char *
pbs_report_steal_text (GOutputStream *mem, gsize *length, GError **error)
{
  gsize size;

  if (!g_output_stream_write_all (mem, "", 1, NULL, NULL, error)
      || !g_output_stream_close (mem, NULL, error))
    return NULL;
  size = g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (mem));
  if (length != NULL)
    *length = size - 1;
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (mem));
}

/* Explain, audit and lint show their own part; the narrative content is
 * the table followed by the draft; every other content the table. */
void
pbs_report_write_parts (const PbsReportParts *parts, gpointer writer, const PbsReportInput *in,
                        PbsScorecard *scorecard)
{
  switch (in->content)
    {
    case PBS_REPORT_EXPLAIN:
      parts->explain (writer, in, scorecard);
      break;
    case PBS_REPORT_AUDIT:
      parts->audit (writer, in, scorecard);
      break;
    case PBS_REPORT_LINT:
      parts->lint (writer, in, scorecard);
      break;
    case PBS_REPORT_NARRATIVE:
      parts->table (writer, in, scorecard);
      parts->narrative (writer, in, scorecard);
      break;
    case PBS_REPORT_TABLE:
    default:
      parts->table (writer, in, scorecard);
      break;
    }
}
