/* test-plan.c - re-scoring through a compiled plan (PbsPlan)
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * What a user of what-if scenarios relies on: a plan's scorecard equals
 * pbs_evaluation_score ()'s, a changed actual changes the next re-score
 * only, the evaluation given stays as it was, errors are the exact
 * engine's (domain and code), and rows the plan cannot hold in integers
 * are counted. tests/test_plan.py compares plan and engine field by field
 * on thousands of random tables; these cases name the contract.
 */
#include "pbs-test.h"

/* Budget 100 of 100 executed (10 points), rows of 30 points each:
 * ≥95% at 90% scores 30 × 90/95 = 28.42; ≤3天 at 4天 30 × 3/4 = 22.50;
 * 达成预期 达成 30. Total 28.42 + 22.50 + 30 + 10 = 90.92. */
static const char table[] =
  "pbscore: 1\nkind: evaluation\ntitle: 计划\n"
  "budget: {annual: 100, executed: 100, points: 10}\n"
  "indicators:\n"
  "  - {level1: 产出指标, level2: 质量指标, name: 合格率, target: \"≥95%\", actual: \"90%\", points: 30,"
  " reason: 原因}\n"
  "  - {level1: 产出指标, level2: 时效指标, name: 办理时限, target: \"≤3天\", actual: \"4天\", points: 30}\n"
  "  - {level1: 满意度指标, level2: 服务对象满意度指标, name: 满意度, target: 达成预期, actual: 达成,"
  " points: 30}\n";

static PbsEvaluation *
read_table (const char *text)
{
  g_autoptr (PbsReader) reader = pbs_reader_new_for_data (text, -1, "plan.yaml");
  g_autoptr (GError) error = NULL;
  g_autoptr (PbsDocument) doc = pbs_reader_next (reader, &error);

  if (!ASSERT_NO_ERROR (error) || doc == NULL)
    abort ();
  return pbs_evaluation_ref (pbs_document_get_evaluation (doc));
}

static PbsScorecard *
rescore_ok_at (const char *file, int line, PbsPlan *plan)
{
  g_autoptr (GError) error = NULL;
  PbsScorecard *sc = pbs_plan_rescore (plan, &error);

  pbs_test_no_error_at (file, line, error);
  CHECK_AT (sc != NULL, file, line);
  return sc;
}
#define RESCORE_OK(plan) rescore_ok_at (__FILE__, __LINE__, plan)

static void
total_is_at (const char *file, int line, PbsScorecard *sc, const char *expected)
{
  PbsDecimal total;

  if (sc == NULL)
    return;
  pbs_scorecard_get_total (sc, &total);
  pbs_test_decimal_is_at (file, line, &total, expected, "total");
}
#define TOTAL_IS(sc, expected) total_is_at (__FILE__, __LINE__, sc, expected)

static void
test_same_as_exact (void)
{
  g_autoptr (PbsEvaluation) e = read_table (table);
  g_autoptr (PbsPlan) plan = pbs_plan_new (e, NULL);
  g_autoptr (PbsScorecard) exact = SCORE_OK (e, NULL);
  g_autoptr (PbsScorecard) sc = RESCORE_OK (plan);

  CU_ASSERT_EQUAL (pbs_plan_get_n_exact_rows (plan), 0);
  TOTAL_IS (exact, "90.92");
  TOTAL_IS (sc, "90.92");
  CHECK_ROW_SCORE (sc, 0, "28.42");
  CHECK_ROW_SCORE (sc, 1, "22.50");
  CHECK_ROW_SCORE (sc, 2, "30.00");
  CU_ASSERT_EQUAL (pbs_scorecard_get_row_status (sc, 1), PBS_STATUS_PARTIAL);
  CU_ASSERT_EQUAL (pbs_scorecard_get_row_deviation (sc, 1), PBS_DEVIATION_PAST_CEILING);
  /* no reason on the row past its ceiling: owed */
  CU_ASSERT (pbs_scorecard_get_row_flags (sc, 1) & PBS_FLAG_MISSING_REASON);
  CU_ASSERT_FALSE (pbs_scorecard_get_row_flags (sc, 0) & PBS_FLAG_MISSING_REASON);
  CU_ASSERT_EQUAL (pbs_scorecard_get_grade (sc), PBS_GRADE_EXCELLENT);
  CU_ASSERT_EQUAL (pbs_scorecard_get_n_subtotals (sc), pbs_scorecard_get_n_subtotals (exact));
}

static void
test_what_if (void)
{
  g_autoptr (PbsEvaluation) e = read_table (table);
  g_autoptr (PbsPlan) plan = pbs_plan_new (e, NULL);
  g_autoptr (PbsScorecard) before = RESCORE_OK (plan);
  g_autoptr (PbsScorecard) after = NULL;
  g_autoptr (PbsScorecard) unset = NULL;
  g_autoptr (GError) error = NULL;

  /* 96% meets ≥95%: 30 + 22.50 + 30 + 10 = 92.50 */
  CU_ASSERT (pbs_plan_set_actual (plan, 0, "96%", &error));
  ASSERT_NO_ERROR (error);
  after = RESCORE_OK (plan);
  TOTAL_IS (after, "92.50");
  CHECK_ROW_SCORE (after, 0, "30.00");
  CU_ASSERT_EQUAL (pbs_scorecard_get_row_status (after, 0), PBS_STATUS_MET);
  /* what was scored stays as it was: the earlier scorecard, its
   * evaluation and the evaluation given to the plan */
  TOTAL_IS (before, "90.92");
  CHECK_ROW_SCORE (before, 0, "28.42");
  ASSERT_STR (pbs_value_get_text (pbs_indicator_get_actual (pbs_evaluation_get_indicator (
                pbs_scorecard_get_evaluation (before), 0))), "90%");
  ASSERT_STR (pbs_value_get_text (pbs_indicator_get_actual (pbs_evaluation_get_indicator (e, 0))), "90%");
  ASSERT_STR (pbs_value_get_text (pbs_indicator_get_actual (pbs_evaluation_get_indicator (
                pbs_plan_get_evaluation (plan), 0))), "96%");

  /* an unset actual: the row is unscored, the table incomplete, no grade */
  CU_ASSERT (pbs_plan_set_actual (plan, 1, NULL, &error));
  unset = RESCORE_OK (plan);
  if (unset != NULL)
    {
      CU_ASSERT_EQUAL (pbs_scorecard_get_row_status (unset, 1), PBS_STATUS_UNSCORED);
      CU_ASSERT_FALSE (pbs_scorecard_is_complete (unset));
      CU_ASSERT_EQUAL (pbs_scorecard_get_grade (unset), PBS_GRADE_NONE);
    }
  TOTAL_IS (after, "92.50");
}

static void
test_reuse (void)
{
  g_autoptr (PbsEvaluation) e = read_table (table);
  g_autoptr (PbsPlan) plan = pbs_plan_new (e, NULL);
  g_autoptr (PbsScorecard) held = RESCORE_OK (plan);
  g_autoptr (PbsScorecard) second = RESCORE_OK (plan);
  PbsScorecard *third;

  /* a scorecard someone holds is never written again */
  CU_ASSERT_PTR_NOT_EQUAL (held, second);
  g_clear_pointer (&second, pbs_scorecard_unref);
  third = RESCORE_OK (plan);
  TOTAL_IS (third, "90.92");
  TOTAL_IS (held, "90.92");
  g_clear_pointer (&third, pbs_scorecard_unref);
}

static void
test_errors (void)
{
  g_autoptr (PbsEvaluation) e = read_table (table);
  g_autoptr (PbsPlan) plan = pbs_plan_new (e, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (PbsScorecard) sc = NULL;
  g_autoptr (PbsEvaluation) copy = NULL;
  g_autoptr (GError) exact_error = NULL;
  g_autoptr (PbsScorecard) exact = NULL;

  /* an actual that does not parse: refused, the actual kept */
  CU_ASSERT_FALSE (pbs_plan_set_actual (plan, 0, "≥", &error));
  PBS_ASSERT_ERROR (error, PBS_VALUE_ERROR, PBS_VALUE_ERROR_OPERATOR);
  g_clear_error (&error);
  ASSERT_STR (pbs_value_get_text (pbs_indicator_get_actual (pbs_evaluation_get_indicator (
                pbs_plan_get_evaluation (plan), 0))), "90%");

  /* 是 against ≥95%: the exact engine's error, domain, code and message */
  CU_ASSERT (pbs_plan_set_actual (plan, 0, "是", &error));
  sc = pbs_plan_rescore (plan, &error);
  CU_ASSERT_PTR_NULL (sc);
  PBS_ASSERT_ERROR (error, PBS_SCORE_ERROR, PBS_SCORE_ERROR_NOT_NUMERIC);
  copy = pbs_evaluation_copy (e);
  CU_ASSERT (pbs_indicator_set_actual (pbs_evaluation_get_indicator (copy, 0), "是", NULL));
  exact = pbs_evaluation_score (copy, NULL, &exact_error);
  CU_ASSERT_PTR_NULL (exact);
  if (error != NULL && exact_error != NULL)
    ASSERT_STR (error->message, exact_error->message);
}

static void
test_exact_rows_counted (void)
{
  /* a parent with a 其中 row: the whole evaluation goes to the exact engine */
  g_autoptr (PbsEvaluation) e = read_table (
    "pbscore: 1\nkind: evaluation\ntitle: 计划\n"
    "budget: {annual: 100, executed: 100, points: 10}\n"
    "indicators:\n"
    "  - {level1: 产出指标, level2: 数量指标, name: 培训人次, target: \"≥100人次\", points: 90}\n"
    "  - {level1: 产出指标, level2: 数量指标, name: 其中：线上, target: \"≥60人次\", actual: \"70人次\","
    " points: 90}\n");
  g_autoptr (PbsPlan) plan = pbs_plan_new (e, NULL);
  g_autoptr (PbsScorecard) exact = SCORE_OK (e, NULL);
  g_autoptr (PbsScorecard) sc = RESCORE_OK (plan);
  PbsDecimal a, b;

  CU_ASSERT_EQUAL (pbs_plan_get_n_exact_rows (plan), 2);
  if (sc != NULL && exact != NULL)
    {
      pbs_scorecard_get_total (sc, &a);
      pbs_scorecard_get_total (exact, &b);
      CU_ASSERT (pbs_decimal_equal (&a, &b));
    }
}

static const PbsTestCase cases[] = {
  { "same as exact", test_same_as_exact },
  { "what-if", test_what_if },
  { "reuse", test_reuse },
  { "errors", test_errors },
  { "exact rows counted", test_exact_rows_counted },
  { NULL, NULL }
};

int
main (void)
{
  return pbs_test_run ("plan", cases);
}
