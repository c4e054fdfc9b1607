/* xishan.c - score the seed department through the C API and print its
 * self-evaluation table; or, given YAML files, score those
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The department is the Xishan District (Kunming) government-services
 * bureau, 2024 (../shared/seeds/, the report pbscore was born from). The
 * actuals and the budget come from its report; the report publishes no
 * targets, so the targets below are ILLUSTRATIVE, chosen to be plausible.
 *
 * Build against an installed pbscore:
 *   cc xishan.c $(pkg-config --cflags --libs pbscore-1.0) -o xishan
 * Run:
 *   ./xishan                          the table built below, in C
 *   ./xishan xishan-2024.yaml ...     every evaluation in the files
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <pbscore/pbscore.h>

typedef struct {
  const char *level1, *level2, *name, *target, *actual, *points, *reason;
} Row;

static const Row rows[] = {
  { "产出指标", "数量指标", "依托省政务服务平台发布政务服务事项", "≥1100项", "1163项", "10", "" },
  { "产出指标", "数量指标", "特定目标类项目纳入预算编制", "≥18个", "18个", "5", "" },
  { "产出指标", "数量指标", "“跨省通办”等接办件", "≥10000件", "10791件", "5", "" },
  { "产出指标", "质量指标", "网上可办率", "≥95%", "100%", "10", "" },
  { "产出指标", "质量指标", "全程网办率", "≥95%", "96%", "5", "" },
  { "产出指标", "质量指标", "营商环境投诉办结销号率", "=100%", "97.7%", "5",
    "年末尚有投诉件在办，涉及多部门协调；下一步压实限时办结和跟踪督办" },
  { "产出指标", "时效指标", "差评按时整改率", "=100%", "100%", "5", "" },
  { "产出指标", "成本指标", "项目支出控制在预算内", "≤347.45万元", "308.61万元", "5", "" },
  { "效益指标", "社会效益指标", "政务服务好评率", "≥99%", "99.99%", "10", "" },
  { "效益指标", "社会效益指标", "审批时限压缩率", "≥60%", "80%", "10", "" },
  { "效益指标", "可持续影响指标", "营商环境持续优化", "持续优化", "达成预期", "10", "" },
  { "满意度指标", "服务对象满意度指标", "企业和群众满意率", "≥95%", "100%", "10", "" },
};

/* Display width of UTF-8 text: CJK characters take two columns. */
static int
width (const char *s)
{
  int w = 0;

  for (; *s != '\0'; s = g_utf8_next_char (s))
    w += g_unichar_iswide (g_utf8_get_char (s)) ? 2 : 1;
  return w;
}

static void
cell (const char *s, int w)
{
  fputs (s, stdout);
  for (int i = width (s); i < w; i++)
    putchar (' ');
  fputs ("  ", stdout);
}

static PbsDecimal
dec (const char *text)
{
  PbsDecimal d;
  g_autoptr (GError) error = NULL;

  if (!pbs_decimal_parse (text, &d, &error))
    g_error ("%s", error->message);
  return d;
}

static PbsEvaluation *
build (GError **error)
{
  g_autoptr (PbsEvaluation) e = pbs_evaluation_new ();
  PbsDecimal annual = dec ("1,445.05"), executed = dec ("1,444.16"), initial = dec ("1,354.10");
  g_autoptr (PbsBudget) budget = pbs_budget_new (&annual, &executed);

  pbs_evaluation_set_title (e, "昆明市西山区政务服务管理局2024年部门整体支出");
  pbs_evaluation_set_department (e, "昆明市西山区政务服务管理局");
  pbs_evaluation_set_unit (e, "昆明市西山区政务服务管理局");
  pbs_evaluation_set_year (e, 2024);
  pbs_evaluation_set_currency (e, PBS_CURRENCY_WAN_YUAN);
  /* 年初预算 1,354.10; 决算支出 1,444.16 with 0.89 结余, so the adjusted
   * full-year budget is 1,445.05. */
  pbs_budget_set_initial (budget, &initial);
  pbs_evaluation_set_budget (e, budget);

  for (size_t i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      PbsDecimal points = dec (rows[i].points);
      g_autoptr (PbsIndicator) ind = pbs_indicator_new (rows[i].level1, rows[i].level2,
                                                        rows[i].name, &points);
      if (!pbs_indicator_set_target (ind, rows[i].target, error)
          || !pbs_indicator_set_actual (ind, rows[i].actual, error))
        return NULL;
      pbs_indicator_set_reason (ind, rows[i].reason);
      pbs_evaluation_add_indicator (e, ind);
    }
  return g_steal_pointer (&e);
}

static int
print_table (PbsEvaluation *e, PbsPolicy *policy_or_null)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PbsScorecard) sc = NULL;
  g_autofree char *rate = NULL, *bscore = NULL, *bpoints = NULL, *total = NULL;
  g_autofree char *annual = NULL, *executed = NULL, *initial = NULL;
  PbsBudget *budget = pbs_evaluation_get_budget (e);
  PbsDecimal d;
  int w1 = 10, w2 = 20, w3 = 36, wt = 14, wa = 12;

  sc = pbs_evaluation_score (e, policy_or_null, &error);
  if (sc == NULL)
    {
      fprintf (stderr, "xishan: %s\n", error->message);
      return EXIT_FAILURE;
    }

  printf ("%s 绩效自评表（%u 年度，金额单位：%s）\n", pbs_evaluation_get_title (e),
          pbs_evaluation_get_year (e),
          pbs_evaluation_get_currency (e) == PBS_CURRENCY_YUAN ? "元" : "万元");
  printf ("政策：%s    pbscore %s\n\n", pbs_policy_get_name (pbs_scorecard_get_policy (sc)),
          pbs_get_version ());

  initial = pbs_budget_get_initial (budget, &d) ? pbs_decimal_to_string (&d) : g_strdup ("—");
  pbs_budget_get_annual (budget, &d);
  annual = pbs_decimal_to_string (&d);
  pbs_budget_get_executed (budget, &d);
  executed = pbs_decimal_to_string (&d);
  rate = pbs_scorecard_get_budget_rate (sc, &d) ? pbs_decimal_to_string (&d) : g_strdup ("—");
  pbs_scorecard_get_budget_score (sc, &d);
  bscore = pbs_decimal_to_string (&d);
  pbs_scorecard_get_budget_points (sc, &d);
  bpoints = pbs_decimal_to_string (&d);
  printf ("年初预算数 %s  全年预算数 %s  全年执行数 %s  分值 %s  执行率 %s%%  得分 %s\n\n",
          initial, annual, executed, bpoints, rate, bscore);

  cell ("一级指标", w1); cell ("二级指标", w2); cell ("三级指标", w3);
  cell ("年度指标值", wt); cell ("实际完成值", wa); cell ("分值", 4); cell ("得分", 6);
  printf ("状态\n");
  for (guint i = 0; i < pbs_scorecard_get_n_rows (sc); i++)
    {
      PbsIndicator *ind = pbs_evaluation_get_indicator (e, i);
      const PbsValue *actual = pbs_indicator_get_actual (ind);
      g_autofree char *pts = NULL, *score = NULL;

      pbs_indicator_get_points (ind, &d);
      pts = pbs_decimal_to_string (&d);
      score = pbs_scorecard_get_row_score (sc, i, &d) ? pbs_decimal_to_string (&d) : g_strdup ("—");
      cell (pbs_indicator_get_level1 (ind), w1);
      cell (pbs_indicator_get_level2 (ind), w2);
      cell (pbs_indicator_get_name (ind), w3);
      cell (pbs_value_get_text (pbs_indicator_get_target (ind)), wt);
      cell (actual != NULL ? pbs_value_get_text (actual) : "—", wa);
      cell (pts, 4);
      cell (score, 6);
      printf ("%s\n", pbs_status_get_nick (pbs_scorecard_get_row_status (sc, i)));
    }

  printf ("\n小计：\n");
  for (guint i = 0; i < pbs_scorecard_get_n_subtotals (sc); i++)
    {
      guint level;
      const char *l1, *l2;
      PbsDecimal pts, score;
      g_autofree char *p = NULL, *s = NULL;

      pbs_scorecard_get_subtotal (sc, i, &level, &l1, &l2, &pts, &score);
      p = pbs_decimal_to_string (&pts);
      s = pbs_decimal_to_string (&score);
      printf ("  %s%s  %s / %s\n", level == 1 ? "" : "  ", level == 1 ? l1 : l2, s, p);
    }

  pbs_scorecard_get_total (sc, &d);
  total = pbs_decimal_to_string (&d);
  printf ("\n总分 %s  自评等级 %s%s\n", total, pbs_grade_get_label (pbs_scorecard_get_grade (sc)),
          pbs_scorecard_is_complete (sc) ? "" : "（不完整）");

  printf ("\n评分说明：\n");
  for (guint i = 0; i < pbs_scorecard_get_n_rows (sc); i++)
    {
      g_autofree char *why = pbs_scorecard_dup_row_explanation (sc, i, PBS_LANGUAGE_ZH);
      PbsFlags flags = pbs_scorecard_get_row_flags (sc, i);

      printf ("  %2u. %s：%s\n", i + 1, pbs_indicator_get_name (pbs_evaluation_get_indicator (e, i)), why);
      for (guint bit = 1; bit <= PBS_FLAG_OVER_DEDUCTED; bit <<= 1)
        if (flags & bit)
          printf ("      [%s]\n", pbs_flag_get_nick (bit));
    }
  for (guint i = 0; i < pbs_scorecard_get_n_warnings (sc); i++)
    {
      g_autofree char *msg = pbs_scorecard_dup_warning_message (sc, i, PBS_LANGUAGE_ZH);
      printf ("预警：%s\n", msg);
    }
  return EXIT_SUCCESS;
}

/* Scores every evaluation of a YAML file, one document at a time. */
static int
print_file (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PbsReader) reader = pbs_reader_new_for_path (path, &error);
  PbsDocument *doc;
  int status = EXIT_SUCCESS;

  while (reader != NULL && (doc = pbs_reader_next (reader, &error)) != NULL)
    {
      if (pbs_document_get_kind (doc) == PBS_DOCUMENT_EVALUATION)
        status |= print_table (pbs_document_get_evaluation (doc), NULL);
      pbs_document_unref (doc);
      printf ("\n");
    }
  if (error != NULL)
    {
      fprintf (stderr, "xishan: %s\n", error->message);
      return EXIT_FAILURE;
    }
  return status;
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PbsEvaluation) e = NULL;
  g_autoptr (PbsPolicy) policy = NULL;
  int status = EXIT_SUCCESS;

  if (argc > 1)
    {
      for (int i = 1; i < argc; i++)
        status |= print_file (argv[i]);
      return status;
    }

  /* The table of the 2024 report, built row by row (targets illustrative). */
  e = build (&error);
  policy = e != NULL ? pbs_policy_new_preset ("central", &error) : NULL;
  if (policy == NULL)
    {
      fprintf (stderr, "xishan: %s\n", error->message);
      return EXIT_FAILURE;
    }
  return print_table (e, policy);
}
