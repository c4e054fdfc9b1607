/* test-rollup.c - rolling several evaluations up into one
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Rule book §8 (Baoshan, 保山): "multi-project roll-up: absolute values
 * summed, relative values weighted by funds", and issue 4's grade counts
 * per department and district, as doc/rollup.md states them for
 * PbsRollup. Expected values are worked out by hand in the comments.
 */
#include "pbs-test.h"

/* ------------------------------------------------------------------ helpers */

typedef PbsTestRow Row;

/* An evaluation of department DEPT with budget ANNUAL / EXECUTED and ROWS. */
static PbsEvaluation *
eval_new (const char *title, const char *dept, const char *annual, const char *executed,
          const Row *rows, guint n_rows)
{
  PbsEvaluation *e = pbs_test_evaluation_new (annual, executed, NULL, rows, n_rows);

  pbs_evaluation_set_title (e, title);
  pbs_evaluation_set_department (e, dept);
  return e;
}
#define EVAL(title, dept, annual, executed, rows) \
  eval_new (title, dept, annual, executed, rows, G_N_ELEMENTS (rows))

/* Central, but the tables' points need not add up to 100: the small test
 * tables are scored out of their own sum (weights.mismatch as_is). */
static PbsPolicy *
policy_as_is (void)
{
  return pbs_test_policy_with ("weights.mismatch", "as_is", NULL);
}

/* Scores E under POLICY and adds it to R. */
static void
add_at (const char *file, int line, PbsRollup *r, PbsEvaluation *e, const PbsPolicy *policy)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PbsScorecard) sc = pbs_test_score_ok_at (file, line, e, policy);

  if (sc == NULL)
    return;
  CHECK_AT (pbs_rollup_add (r, sc, &error), file, line);
  CHECK_AT (error == NULL, file, line);
}
#define ADD(r, e, policy) add_at (__FILE__, __LINE__, r, e, policy)

static PbsEvaluation *
merge_ok_at (const char *file, int line, PbsRollup *r, const char *title)
{
  g_autoptr (GError) error = NULL;
  PbsEvaluation *m = pbs_rollup_merge (r, title, &error);

  CHECK_AT (m != NULL, file, line);
  if (m == NULL)
    fprintf (stderr, "%s:%d: merge failed: %s\n", file, line,
             error ? error->message : "(no error set)");
  return m;
}
#define MERGE_OK(r, title) merge_ok_at (__FILE__, __LINE__, r, title)

/* The merge must fail with PBS_SCORE_ERROR_ROLLUP; returns the error. A
 * failure names @ctx, the case. */
static GError *
merge_error (PbsRollup *r, const char *ctx)
{
  GError *error = NULL;
  g_autoptr (PbsEvaluation) m = pbs_rollup_merge (r, "合并", &error);

  CHECK (m == NULL, ctx);
  CHECK_ERROR (error, PBS_SCORE_ERROR, PBS_SCORE_ERROR_ROLLUP, ctx);
  return error;
}

/* The row named NAME (the first one), or NULL. */
static PbsIndicator *
row_named (PbsEvaluation *e, const char *name)
{
  if (e == NULL)
    return NULL;
  for (guint i = 0; i < pbs_evaluation_get_n_indicators (e); i++)
    if (strcmp (pbs_indicator_get_name (pbs_evaluation_get_indicator (e, i)), name) == 0)
      return pbs_evaluation_get_indicator (e, i);
  return NULL;
}

static int
row_index (PbsEvaluation *e, const char *name)
{
  for (guint i = 0; e != NULL && i < pbs_evaluation_get_n_indicators (e); i++)
    if (strcmp (pbs_indicator_get_name (pbs_evaluation_get_indicator (e, i)), name) == 0)
      return (int) i;
  return -1;
}

/* The merged row NAME has target text TARGET and actual text ACTUAL
 * (NULL: no actual). */
static void
check_row_at (const char *file, int line, PbsEvaluation *e, const char *name,
              const char *target, const char *actual)
{
  PbsIndicator *ind = row_named (e, name);
  const PbsValue *t, *a;

  CHECK_AT (ind != NULL, file, line);
  if (ind == NULL)
    {
      fprintf (stderr, "%s:%d: no merged row %s\n", file, line, name);
      return;
    }
  t = pbs_indicator_get_target (ind);
  a = pbs_indicator_get_actual (ind);
  CHECK_AT (t != NULL && strcmp (pbs_value_get_text (t), target) == 0, file, line);
  if (t == NULL || strcmp (pbs_value_get_text (t), target) != 0)
    fprintf (stderr, "%s:%d: %s: target %s, expected %s\n", file, line, name,
             t ? pbs_value_get_text (t) : "(none)", target);
  if (actual == NULL)
    {
      CHECK_AT (a == NULL, file, line);
      if (a != NULL)
        fprintf (stderr, "%s:%d: %s: actual %s, expected none\n", file, line, name,
                 pbs_value_get_text (a));
      return;
    }
  CHECK_AT (a != NULL && strcmp (pbs_value_get_text (a), actual) == 0, file, line);
  if (a == NULL || strcmp (pbs_value_get_text (a), actual) != 0)
    fprintf (stderr, "%s:%d: %s: actual %s, expected %s\n", file, line, name,
             a ? pbs_value_get_text (a) : "(none)", actual);
}
#define CHECK_ROW(e, name, target, actual) check_row_at (__FILE__, __LINE__, e, name, target, actual)

/* ------------------------------------------------------------ absolute sums */

/* Absolute values (项, 万元) are summed, exactly (rule book §8). */
static void
test_absolute_values_summed (void)
{
  static const Row ra[] = {
    { OUT, QTY, "新建项目数", "20", "≥1000项", "1163项" },
    { BEN, "经济效益指标", "带动投资", "10", "≥500万元", "512.5万元" },
    { OUT, QTY, "培训人次", "10", "1000", "1000" },
  };
  static const Row rb[] = {
    { OUT, QTY, "新建项目数", "20", "≥800项", "837项" },
    { BEN, "经济效益指标", "带动投资", "10", "≥200万元", "187.25万元" },
    { OUT, QTY, "培训人次", "10", "500", "480" },
  };
  g_autoptr (PbsPolicy) p = policy_as_is ();
  g_autoptr (PbsEvaluation) a = EVAL ("项目甲", "教育局", "300", "270", ra);
  g_autoptr (PbsEvaluation) b = EVAL ("项目乙", "教育局", "100", "100", rb);
  g_autoptr (PbsRollup) r = pbs_rollup_new ();
  g_autoptr (PbsEvaluation) m = NULL;
  PbsDecimal d;

  ADD (r, a, p);
  ADD (r, b, p);
  CU_ASSERT_EQUAL (pbs_rollup_get_n_evaluations (r), 2);
  m = MERGE_OK (r, "教育局项目汇总");
  /* 1163项 + 837项 = 2000项; targets 1000 + 800 = 1800. */
  CHECK_ROW (m, "新建项目数", "≥1800项", "2000项");
  if (row_named (m, "新建项目数") != NULL)
    {
      CU_ASSERT_TRUE (pbs_value_get_number (pbs_indicator_get_actual (row_named (m, "新建项目数")), &d));
      PBS_ASSERT_DECIMAL (&d, "2000");
      CU_ASSERT_EQUAL (pbs_value_get_operator (pbs_indicator_get_target (row_named (m, "新建项目数"))),
                       PBS_OP_GE);
    }
  /* 512.5 + 187.25 = 699.75 万元: money is absolute, even when its funds
   * would weigh it. */
  CHECK_ROW (m, "带动投资", "≥700万元", "699.75万元");
  /* No unit is absolute too; a bare number is `=`. */
  CHECK_ROW (m, "培训人次", "=1500", "1480");
}

/* ------------------------------------------------------ funds-weighted means */

/* Rule book §8, Baoshan: relative values (%) are weighted by funds, the
 * weight being each table's 全年预算数 (300 and 100 here). */
static void
test_relative_values_weighted_by_funds (void)
{
  static const Row ra[] = {
    { OUT, QLT, "验收合格率", "20", "≥95%", "96%" },
    { OUT, TIM, "按时完成率", "10", "≥95%", "95.5%" },
    { SAT, SVC, "群众满意度", "10", "≥90%", "90%" },
  };
  static const Row rb[] = {
    { OUT, QLT, "验收合格率", "20", "≥95%", "100%" },
    { OUT, TIM, "按时完成率", "10", "≥95%", "98%" },
    { SAT, SVC, "群众满意度", "10", "≥92%", "91%" },
  };
  g_autoptr (PbsPolicy) p = policy_as_is ();
  g_autoptr (PbsEvaluation) a = EVAL ("项目甲", "教育局", "300", "300", ra);
  g_autoptr (PbsEvaluation) b = EVAL ("项目乙", "教育局", "100", "100", rb);
  g_autoptr (PbsRollup) r = pbs_rollup_new ();
  g_autoptr (PbsEvaluation) m = NULL;
  PbsDecimal d;

  ADD (r, a, p);
  ADD (r, b, p);
  m = MERGE_OK (r, "汇总");
  /* (96 × 300 + 100 × 100) / 400 = 38800 / 400 = 97 (an equal-weight mean
   * would say 98); the target stays 95. */
  CHECK_ROW (m, "验收合格率", "≥95%", "97%");
  if (row_named (m, "验收合格率") != NULL)
    {
      CU_ASSERT_TRUE (pbs_value_get_number (pbs_indicator_get_actual (row_named (m, "验收合格率")), &d));
      PBS_ASSERT_DECIMAL (&d, "97");
    }
  /* (95.5 × 300 + 98 × 100) / 400 = 38450 / 400 = 96.125, kept to 1 + 2
   * decimals. */
  CHECK_ROW (m, "按时完成率", "≥95%", "96.125%");
  /* Targets are weighted too: (90 × 300 + 92 × 100) / 400 = 90.5;
   * actual (90 × 300 + 91 × 100) / 400 = 90.25. */
  CHECK_ROW (m, "群众满意度", "≥90.5%", "90.25%");
}

/* A weighted mean is rounded half-up to 2 decimals more than its inputs
 * have, at most 6. */
static void
test_weighted_mean_rounding (void)
{
  static const Row ra[] = {
    { OUT, QLT, "合格率", "10", "≥90%", "90%" },
    { OUT, QLT, "完成率", "10", "≥90%", "90%" },
    { OUT, QLT, "覆盖率", "10", "≥99.99%", "99.99%" },
    { OUT, QLT, "精度", "10", "≥90%", "90.1234567%" },
  };
  static const Row rb[] = {
    { OUT, QLT, "合格率", "10", "≥90%", "100%" },
    { OUT, QLT, "完成率", "10", "≥90%", "95.5%" },
    { OUT, QLT, "覆盖率", "10", "≥99.99%", "100%" },
    { OUT, QLT, "精度", "10", "≥90%", "90%" },
  };
  static const Row rc[] = { { OUT, QLT, "合格率", "10", "≥90%", "91%" } };
  g_autoptr (PbsPolicy) p = policy_as_is ();
  g_autoptr (PbsEvaluation) a = EVAL ("甲", "", "200", "200", ra);
  g_autoptr (PbsEvaluation) b = EVAL ("乙", "", "100", "100", rb);
  g_autoptr (PbsEvaluation) c = EVAL ("丙", "", "700", "700", ra);
  g_autoptr (PbsEvaluation) d = EVAL ("丁", "", "100", "100", rc);
  g_autoptr (PbsRollup) r = pbs_rollup_new ();
  g_autoptr (PbsRollup) r2 = pbs_rollup_new ();
  g_autoptr (PbsEvaluation) m = NULL, m2 = NULL;

  ADD (r, a, p);
  ADD (r, b, p);
  m = MERGE_OK (r, "汇总");
  /* (90 × 200 + 100 × 100) / 300 = 93.333… → 2 decimals: 93.33 */
  CHECK_ROW (m, "合格率", "≥90%", "93.33%");
  /* (90 × 200 + 95.5 × 100) / 300 = 91.8333… → 3 decimals: 91.833 */
  CHECK_ROW (m, "完成率", "≥90%", "91.833%");
  /* (99.99 × 200 + 100 × 100) / 300 = 99.99333… → 4 decimals: 99.9933 */
  CHECK_ROW (m, "覆盖率", "≥99.99%", "99.9933%");
  /* 7 decimals in: at most 6 out. (90.1234567 × 2 + 90) / 3
   * = 90.0823044666… → 90.082304 */
  CHECK_ROW (m, "精度", "≥90%", "90.082304%");

  /* Half-up, not to even and not truncated: (90 × 700 + 91 × 100) / 800
   * = 90.125 → 90.13. */
  ADD (r2, c, p);
  ADD (r2, d, p);
  m2 = MERGE_OK (r2, "汇总");
  CHECK_ROW (m2, "合格率", "≥90%", "90.13%");
}

/* A table with a 全年预算数 of 0 would drop out of a funds-weighted mean:
 * the row's tables are then weighted equally (doc/rollup.md). */
static void
test_zero_budget_equal_weights (void)
{
  static const Row ra[] = { { OUT, QLT, "验收合格率", "10", "≥95%", "96%" } };
  static const Row rb[] = { { OUT, QLT, "验收合格率", "10", "≥95%", "100%" } };
  g_autoptr (PbsPolicy) p = policy_as_is ();
  g_autoptr (GError) error = NULL;
  g_autoptr (PbsEvaluation) a = EVAL ("甲", "", "0", "0", ra);
  g_autoptr (PbsEvaluation) b = EVAL ("乙", "", "100", "100", rb);
  g_autoptr (PbsRollup) r = pbs_rollup_new ();
  g_autoptr (PbsEvaluation) m = NULL;

  /* A zero budget only scores with budget.zero score_zero. */
  CU_ASSERT_TRUE (pbs_policy_set (p, "budget.zero", "score_zero", &error));
  ASSERT_NO_ERROR (error);
  ADD (r, a, p);
  ADD (r, b, p);
  m = MERGE_OK (r, "汇总");
  /* (96 + 100) / 2 = 98; funds weights 0 and 100 would have said 100. */
  CHECK_ROW (m, "验收合格率", "≥95%", "98%");
}

/* ------------------------------------------------------------------ budget */

static void
set_budget_extras (PbsEvaluation *e, const char *initial, const char *points)
{
  PbsBudget *b = pbs_evaluation_get_budget (e);

  if (initial != NULL)
    {
      PbsDecimal d = pbs_test_dec (initial);
      pbs_budget_set_initial (b, &d);
    }
  if (points != NULL)
    {
      PbsDecimal d = pbs_test_dec (points);
      pbs_budget_set_points (b, &d);
    }
}

/* 年初 / 全年预算数 and 全年执行数 are summed exactly; 年初预算数 only when
 * every table has one; the points are kept when they agree. */
static void
test_budget_summed (void)
{
  static const Row rows[] = { { OUT, QTY, "项目数", "90", "≥10项", "10项" } };
  g_autoptr (PbsPolicy) p = policy_as_is ();
  g_autoptr (PbsEvaluation) a = EVAL ("甲", "", "300", "270", rows);
  g_autoptr (PbsEvaluation) b = EVAL ("乙", "", "100.5", "95.25", rows);
  g_autoptr (PbsEvaluation) c = EVAL ("丙", "", "0.05", "0.05", rows);
  g_autoptr (PbsRollup) r = pbs_rollup_new ();
  g_autoptr (PbsRollup) r2 = pbs_rollup_new ();
  g_autoptr (PbsEvaluation) m = NULL, m2 = NULL;
  PbsBudget *mb;
  PbsDecimal d;

  set_budget_extras (a, "280", "10");
  set_budget_extras (b, "100", "10");
  set_budget_extras (c, NULL, "10");
  ADD (r, a, p);
  ADD (r, b, p);
  m = MERGE_OK (r, "汇总");
  mb = m != NULL ? pbs_evaluation_get_budget (m) : NULL;
  CU_ASSERT_PTR_NOT_NULL_FATAL (mb);
  pbs_budget_get_annual (mb, &d);
  PBS_ASSERT_DECIMAL (&d, "400.5");      /* 300 + 100.5 */
  pbs_budget_get_executed (mb, &d);
  PBS_ASSERT_DECIMAL (&d, "365.25");     /* 270 + 95.25 */
  CU_ASSERT_TRUE (pbs_budget_get_initial (mb, &d));
  PBS_ASSERT_DECIMAL (&d, "380");        /* 280 + 100 */
  CU_ASSERT_TRUE (pbs_budget_get_points (mb, &d));
  PBS_ASSERT_DECIMAL (&d, "10");

  /* 丙 has no 年初预算数: the sum would be a part, so there is none. */
  ADD (r2, a, p);
  ADD (r2, c, p);
  m2 = MERGE_OK (r2, "汇总");
  mb = m2 != NULL ? pbs_evaluation_get_budget (m2) : NULL;
  CU_ASSERT_PTR_NOT_NULL_FATAL (mb);
  CU_ASSERT_FALSE (pbs_budget_get_initial (mb, &d));
  pbs_budget_get_annual (mb, &d);
  PBS_ASSERT_DECIMAL (&d, "300.05");
}

/* Two one-row tables, 甲 (300 / 270) and 乙 (100 / 100), changed by @edit
 * and rolled up: the merge must fail and name 乙 and @needle. */
static void
merge_two_fails_at (const char *file, int line, void (*edit) (PbsBudget *a, PbsBudget *b),
                    const char *needle)
{
  static const Row rows[] = { { OUT, QTY, "项目数", "80", "≥10项", "10项" } };
  g_autoptr (PbsPolicy) p = policy_as_is ();
  g_autoptr (PbsEvaluation) a = EVAL ("甲", "", "300", "270", rows);
  g_autoptr (PbsEvaluation) b = EVAL ("乙", "", "100", "100", rows);
  g_autoptr (PbsRollup) r = pbs_rollup_new ();
  g_autoptr (GError) error = NULL;

  edit (pbs_evaluation_get_budget (a), pbs_evaluation_get_budget (b));
  add_at (file, line, r, a, p);
  add_at (file, line, r, b, p);
  error = merge_error (r, NULL);
  pbs_test_message_has_at (file, line, error, needle, NULL);
  pbs_test_message_has_at (file, line, error, "乙", NULL);
}
#define MERGE_TWO_FAILS(edit, needle) merge_two_fails_at (__FILE__, __LINE__, edit, needle)

static void
points_differ (PbsBudget *a, PbsBudget *b)
{
  PbsDecimal twenty = pbs_test_dec ("20"), ten = pbs_test_dec ("10");

  pbs_budget_set_points (a, &twenty);
  pbs_budget_set_points (b, &ten);
}

/* Budget lines carrying different points cannot be merged. */
static void
test_budget_points_differ (void)
{
  MERGE_TWO_FAILS (points_differ, "20");
}

static void
annual_not_printed (PbsBudget *a, PbsBudget *b)
{
  PbsDecimal score = pbs_test_dec ("9");

  (void) a;
  pbs_budget_set_annual (b, NULL);
  pbs_budget_set_printed_score (b, &score);
}

/* Rule book §11: a table whose budget prints no 全年预算数 cannot be
 * summed into a roll-up's budget: an error naming it, nothing invented. */
static void
test_budget_not_printed (void)
{
  MERGE_TWO_FAILS (annual_not_printed, "prints no 全年预算数");
}

/* ------------------------------------------------------------- the header */

static void
test_header (void)
{
  static const Row rows[] = { { OUT, QTY, "项目数", "90", "≥10项", "10项" } };
  g_autoptr (PbsPolicy) p = policy_as_is ();
  g_autoptr (PbsPolicy) baoshan = NULL;
  g_autoptr (PbsEvaluation) a = EVAL ("甲", "教育局", "300", "300", rows);
  g_autoptr (PbsEvaluation) b = EVAL ("乙", "教育局", "100", "100", rows);
  g_autoptr (PbsEvaluation) c = EVAL ("丙", "卫健委", "100", "100", rows);
  g_autoptr (PbsRollup) r = pbs_rollup_new ();
  g_autoptr (PbsRollup) r2 = pbs_rollup_new ();
  g_autoptr (PbsEvaluation) m = NULL, m2 = NULL;
  g_autoptr (GError) error = NULL;

  baoshan = pbs_policy_new_preset ("yunnan-baoshan", &error);
  ASSERT_NO_ERROR (error);
  pbs_evaluation_set_year (a, 2023);
  pbs_evaluation_set_year (b, 2023);
  pbs_evaluation_set_year (c, 2022);
  pbs_evaluation_set_unit (a, "某中心");
  pbs_evaluation_set_unit (b, "某中心");
  pbs_evaluation_set_unit (c, "某中心");
  for (PbsEvaluation **e = (PbsEvaluation *[]) { a, b, c, NULL }; *e != NULL; e++)
    pbs_evaluation_set_currency (*e, PBS_CURRENCY_YUAN);
  pbs_evaluation_set_policy (a, baoshan);
  ADD (r, a, p);
  ADD (r, b, p);
  m = MERGE_OK (r, "教育局项目汇总");
  CU_ASSERT_PTR_NOT_NULL_FATAL (m);
  CU_ASSERT_STRING_EQUAL (pbs_evaluation_get_title (m), "教育局项目汇总");
  CU_ASSERT_STRING_EQUAL (pbs_evaluation_get_department (m), "教育局");
  CU_ASSERT_STRING_EQUAL (pbs_evaluation_get_unit (m), "某中心");
  CU_ASSERT_EQUAL (pbs_evaluation_get_year (m), 2023);
  CU_ASSERT_EQUAL (pbs_evaluation_get_currency (m), PBS_CURRENCY_YUAN);
  /* The first table's policy (and template) come along. */
  CU_ASSERT_PTR_EQUAL (pbs_evaluation_get_policy (m), baoshan);

  /* Different departments and years: none is common. */
  ADD (r2, b, p);
  ADD (r2, c, p);
  m2 = MERGE_OK (r2, NULL);
  CU_ASSERT_PTR_NOT_NULL_FATAL (m2);
  CU_ASSERT_STRING_EQUAL (pbs_evaluation_get_title (m2), "");
  CU_ASSERT_STRING_EQUAL (pbs_evaluation_get_department (m2), "");
  CU_ASSERT_EQUAL (pbs_evaluation_get_year (m2), 0);
  CU_ASSERT_STRING_EQUAL (pbs_evaluation_get_unit (m2), "某中心");
  CU_ASSERT_PTR_NULL (pbs_evaluation_get_policy (m2));
}

static void
test_template_kept (void)
{
  static const Row rows[] = { { OUT, QTY, "项目数", "90", "≥10项", "10项" } };
  g_autoptr (PbsPolicy) p = policy_as_is ();
  g_autoptr (PbsEvaluation) a = EVAL ("甲", "", "300", "300", rows);
  g_autoptr (PbsEvaluation) b = EVAL ("乙", "", "100", "100", rows);
  g_autoptr (PbsRollup) r = pbs_rollup_new ();
  g_autoptr (PbsEvaluation) m = NULL;
  g_autoptr (PbsTemplate) t = NULL;
  g_autoptr (GError) error = NULL;

  t = pbs_template_lookup ("central-project-2020", &error);
  ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (t);
  pbs_evaluation_set_template (a, t);
  ADD (r, a, p);
  ADD (r, b, p);
  m = MERGE_OK (r, "汇总");
  CU_ASSERT_PTR_NOT_NULL_FATAL (m);
  CU_ASSERT_PTR_EQUAL (pbs_evaluation_get_template (m), t);
}

/* ------------------------------------------------------------ grade counts */

/* One 90-point row ≥100项 and the budget's 10 points (fully spent): the
 * actual sets the grade. */
static PbsEvaluation *
graded (const char *title, const char *dept, const char *actual)
{
  Row rows[] = { { OUT, QTY, "完成数", "90", "≥100项", actual } };
  return eval_new (title, dept, "100", "100", rows, 1);
}

static void
test_grade_counts (void)
{
  g_autoptr (PbsPolicy) p = policy_as_is ();
  /* 90 + 10 = 100 → 优 */
  g_autoptr (PbsEvaluation) e1 = graded ("一", "教育局", "100项");
  /* 90 × 80/100 + 10 = 82 → 良 */
  g_autoptr (PbsEvaluation) e2 = graded ("二", "教育局", "80项");
  /* 90 × 50/100 + 10 = 55 → 差 */
  g_autoptr (PbsEvaluation) e3 = graded ("三", "卫健委", "50项");
  /* no actual: incomplete, no grade */
  g_autoptr (PbsEvaluation) e4 = graded ("四", "", NULL);
  /* 优 */
  g_autoptr (PbsEvaluation) e5 = graded ("五", "卫健委", "120项");
  /* 90 × 60/100 + 10 = 64 → 中 */
  g_autoptr (PbsEvaluation) e6 = graded ("六", "教育局", "60项");
  g_autoptr (PbsRollup) r = pbs_rollup_new ();
  g_auto (GStrv) depts = NULL;

  CU_ASSERT_EQUAL (pbs_rollup_count_grade (r, NULL, PBS_GRADE_EXCELLENT), 0);
  ADD (r, e1, p);
  ADD (r, e2, p);
  ADD (r, e3, p);
  ADD (r, e4, p);
  ADD (r, e5, p);
  ADD (r, e6, p);
  CU_ASSERT_EQUAL (pbs_rollup_get_n_evaluations (r), 6);

  /* Per department. */
  CU_ASSERT_EQUAL (pbs_rollup_count_grade (r, "教育局", PBS_GRADE_EXCELLENT), 1);
  CU_ASSERT_EQUAL (pbs_rollup_count_grade (r, "教育局", PBS_GRADE_GOOD), 1);
  CU_ASSERT_EQUAL (pbs_rollup_count_grade (r, "教育局", PBS_GRADE_FAIR), 1);
  CU_ASSERT_EQUAL (pbs_rollup_count_grade (r, "教育局", PBS_GRADE_POOR), 0);
  CU_ASSERT_EQUAL (pbs_rollup_count_grade (r, "卫健委", PBS_GRADE_EXCELLENT), 1);
  CU_ASSERT_EQUAL (pbs_rollup_count_grade (r, "卫健委", PBS_GRADE_POOR), 1);
  CU_ASSERT_EQUAL (pbs_rollup_count_grade (r, "卫健委", PBS_GRADE_GOOD), 0);
  CU_ASSERT_EQUAL (pbs_rollup_count_grade (r, "", PBS_GRADE_NONE), 1);
  CU_ASSERT_EQUAL (pbs_rollup_count_grade (r, "", PBS_GRADE_EXCELLENT), 0);
  CU_ASSERT_EQUAL (pbs_rollup_count_grade (r, "财政局", PBS_GRADE_EXCELLENT), 0);

  /* The district: NULL counts every table. */
  CU_ASSERT_EQUAL (pbs_rollup_count_grade (r, NULL, PBS_GRADE_EXCELLENT), 2);
  CU_ASSERT_EQUAL (pbs_rollup_count_grade (r, NULL, PBS_GRADE_GOOD), 1);
  CU_ASSERT_EQUAL (pbs_rollup_count_grade (r, NULL, PBS_GRADE_FAIR), 1);
  CU_ASSERT_EQUAL (pbs_rollup_count_grade (r, NULL, PBS_GRADE_POOR), 1);
  CU_ASSERT_EQUAL (pbs_rollup_count_grade (r, NULL, PBS_GRADE_NONE), 1);

  depts = pbs_rollup_list_departments (r);
  CU_ASSERT_PTR_NOT_NULL_FATAL (depts);
  CU_ASSERT_EQUAL (g_strv_length (depts), 3);
  if (g_strv_length (depts) == 3)
    {
      CU_ASSERT_STRING_EQUAL (depts[0], "教育局");
      CU_ASSERT_STRING_EQUAL (depts[1], "卫健委");
      CU_ASSERT_STRING_EQUAL (depts[2], "");
    }
}

static void
test_empty_rollup (void)
{
  g_autoptr (PbsRollup) r = pbs_rollup_new ();
  g_auto (GStrv) depts = pbs_rollup_list_departments (r);
  g_autoptr (GError) error = NULL;

  CU_ASSERT_EQUAL (pbs_rollup_get_n_evaluations (r), 0);
  CU_ASSERT_PTR_NOT_NULL_FATAL (depts);
  CU_ASSERT_PTR_NULL (depts[0]);
  CU_ASSERT_EQUAL (pbs_rollup_count_grade (r, NULL, PBS_GRADE_NONE), 0);
  error = merge_error (r, NULL);
}

/* ------------------------------------------------- missing actuals, bands */

/* A row whose actual is missing in any table has no merged actual: it is
 * unscored, never given a 0 (rule book §4). */
static void
test_missing_actual_stays_unset (void)
{
  static const Row ra[] = {
    { OUT, QLT, "验收合格率", "50", "≥95%", "96%" },
    { OUT, QTY, "新建项目数", "40", "≥10项", "12项" },
  };
  static const Row rb[] = {
    { OUT, QLT, "验收合格率", "50", "≥95%", NULL },
    { OUT, QTY, "新建项目数", "40", "≥10项", "10项" },
  };
  g_autoptr (PbsPolicy) p = policy_as_is ();
  g_autoptr (PbsEvaluation) a = EVAL ("甲", "", "300", "300", ra);
  g_autoptr (PbsEvaluation) b = EVAL ("乙", "", "100", "100", rb);
  g_autoptr (PbsRollup) r = pbs_rollup_new ();
  g_autoptr (PbsEvaluation) m = NULL;
  g_autoptr (PbsScorecard) sc = NULL;
  PbsDecimal d;
  int i;

  ADD (r, a, p);
  ADD (r, b, p);
  m = MERGE_OK (r, "汇总");
  CHECK_ROW (m, "验收合格率", "≥95%", NULL);
  CHECK_ROW (m, "新建项目数", "≥20项", "22项");
  CU_ASSERT_PTR_NOT_NULL_FATAL (m);

  sc = SCORE_OK (m, p);
  CU_ASSERT_PTR_NOT_NULL_FATAL (sc);
  i = row_index (m, "验收合格率");
  CU_ASSERT_TRUE_FATAL (i >= 0);
  CU_ASSERT_EQUAL (pbs_scorecard_get_row_status (sc, (guint) i), PBS_STATUS_UNSCORED);
  CU_ASSERT_FALSE (pbs_scorecard_get_row_score (sc, (guint) i, &d));
  CU_ASSERT_FALSE (pbs_scorecard_is_complete (sc));
  CU_ASSERT_EQUAL (pbs_scorecard_get_grade (sc), PBS_GRADE_NONE);
  /* Unscored, not 0: the total is what was scored, 40 + the budget's 10. */
  pbs_scorecard_get_total (sc, &d);
  PBS_ASSERT_DECIMAL (&d, "50.00");
}

/* Qualitative rows: the worst band across the tables, written as a band
 * word; manual scores are funds-weighted when every table has one. */
static void
test_worst_qualitative_band (void)
{
  static const Row ra[] = {
    { BEN, SOC, "政策知晓度", "10", "有效提升", "达成" },
    { BEN, SOC, "群众获得感", "10", "有效提升", "达成" },
    { BEN, SOC, "环境改善", "10", "明显改善", "达成预期" },
  };
  static const Row rb[] = {
    { BEN, SOC, "政策知晓度", "10", "有效提升", "部分达成" },
    { BEN, SOC, "群众获得感", "10", "有效提升", "部分达成" },
    { BEN, SOC, "环境改善", "10", "明显改善", "明显改善" },
  };
  static const Row rc[] = {
    { BEN, SOC, "政策知晓度", "10", "有效提升", "达成" },
    { BEN, SOC, "群众获得感", "10", "有效提升", "未达成" },
    { BEN, SOC, "环境改善", "10", "明显改善", "已完成" },
  };
  g_autoptr (PbsPolicy) p = policy_as_is ();
  g_autoptr (PbsEvaluation) a = EVAL ("甲", "", "300", "300", ra);
  g_autoptr (PbsEvaluation) b = EVAL ("乙", "", "100", "100", rb);
  g_autoptr (PbsEvaluation) c = EVAL ("丙", "", "100", "100", rc);
  g_autoptr (PbsRollup) r = pbs_rollup_new ();
  g_autoptr (PbsEvaluation) m = NULL;
  PbsDecimal s;

  s = pbs_test_dec ("9.5");
  pbs_indicator_set_manual_score (row_named (a, "政策知晓度"), &s);
  s = pbs_test_dec ("7");
  pbs_indicator_set_manual_score (row_named (b, "政策知晓度"), &s);
  s = pbs_test_dec ("9");
  pbs_indicator_set_manual_score (row_named (c, "政策知晓度"), &s);
  /* 甲 has no manual score on 群众获得感 (达成 needs none). */
  s = pbs_test_dec ("7");
  pbs_indicator_set_manual_score (row_named (b, "群众获得感"), &s);
  s = pbs_test_dec ("3");
  pbs_indicator_set_manual_score (row_named (c, "群众获得感"), &s);
  ADD (r, a, p);
  ADD (r, b, p);
  ADD (r, c, p);
  m = MERGE_OK (r, "汇总");

  /* 达成, 部分达成, 达成 → 部分达成; the target's words are the first's. */
  CHECK_ROW (m, "政策知晓度", "有效提升", "部分达成");
  /* (9.5 × 300 + 7 × 100 + 9 × 100) / 500 = 4450 / 500 = 8.9 */
  CU_ASSERT_TRUE (pbs_indicator_get_manual_score (row_named (m, "政策知晓度"), &s));
  PBS_ASSERT_DECIMAL (&s, "8.9");
  /* 达成, 部分达成, 未达成 → 未达成; 甲 has no manual score, so neither
   * has the merged row. */
  CHECK_ROW (m, "群众获得感", "有效提升", "未达成");
  CU_ASSERT_FALSE (pbs_indicator_get_manual_score (row_named (m, "群众获得感"), &s));
  /* 达成预期, the target's own words, 已完成: all 达成. */
  CHECK_ROW (m, "环境改善", "明显改善", "达成");
}

/* A qualitative manual-score mean is rounded half-up to 2 decimals. */
static void
test_manual_score_rounding (void)
{
  static const Row ra[] = { { BEN, SOC, "政策知晓度", "10", "有效提升", "部分达成" } };
  g_autoptr (PbsPolicy) p = policy_as_is ();
  g_autoptr (PbsEvaluation) a = EVAL ("甲", "", "200", "200", ra);
  g_autoptr (PbsEvaluation) b = EVAL ("乙", "", "100", "100", ra);
  g_autoptr (PbsRollup) r = pbs_rollup_new ();
  g_autoptr (PbsEvaluation) m = NULL;
  PbsDecimal s;

  s = pbs_test_dec ("7");
  pbs_indicator_set_manual_score (row_named (a, "政策知晓度"), &s);
  s = pbs_test_dec ("6");
  pbs_indicator_set_manual_score (row_named (b, "政策知晓度"), &s);
  ADD (r, a, p);
  ADD (r, b, p);
  m = MERGE_OK (r, "汇总");
  /* (7 × 200 + 6 × 100) / 300 = 6.666… → 6.67 */
  CU_ASSERT_TRUE (pbs_indicator_get_manual_score (row_named (m, "政策知晓度"), &s));
  PBS_ASSERT_DECIMAL (&s, "6.67");
}

/* ------------------------------------------------ ranges, dates, booleans */

static void
test_ranges_dates_booleans (void)
{
  static const Row ra[] = {
    { OUT, QLT, "达标区间", "10", "80%-90%", "85%" },
    { OUT, TIM, "办理时长", "10", "3~5天", "4天" },
    { OUT, TIM, "完工时间", "10", "2023年12月", "2023年11月" },
    { OUT, QLT, "是否验收", "10", "是", "是" },
    { OUT, QLT, "是否公示", "10", "是", "是" },
  };
  static const Row rb[] = {
    { OUT, QLT, "达标区间", "10", "70%-90%", "95%" },
    { OUT, TIM, "办理时长", "10", "2~4天", "5天" },
    { OUT, TIM, "完工时间", "10", "2023年12月", "2023-12-20" },
    { OUT, QLT, "是否验收", "10", "是", "否" },
    { OUT, QLT, "是否公示", "10", "是", "是" },
  };
  g_autoptr (PbsPolicy) p = policy_as_is ();
  g_autoptr (PbsEvaluation) a = EVAL ("甲", "", "300", "300", ra);
  g_autoptr (PbsEvaluation) b = EVAL ("乙", "", "100", "100", rb);
  g_autoptr (PbsRollup) r = pbs_rollup_new ();
  g_autoptr (PbsEvaluation) m = NULL;
  PbsDecimal lo, hi;

  ADD (r, a, p);
  ADD (r, b, p);
  m = MERGE_OK (r, "汇总");
  /* lo (80 × 300 + 70 × 100) / 400 = 77.5, hi 90; actual
   * (85 × 300 + 95 × 100) / 400 = 87.5. */
  CHECK_ROW (m, "达标区间", "77.5%~90%", "87.5%");
  if (row_named (m, "达标区间") != NULL)
    {
      const PbsValue *t = pbs_indicator_get_target (row_named (m, "达标区间"));
      CU_ASSERT_EQUAL (pbs_value_get_kind (t), PBS_VALUE_RANGE);
      CU_ASSERT_TRUE (pbs_value_get_number (t, &lo));
      CU_ASSERT_TRUE (pbs_value_get_high (t, &hi));
      PBS_ASSERT_DECIMAL (&lo, "77.5");
      PBS_ASSERT_DECIMAL (&hi, "90");
    }
  /* Days are absolute: [3 + 2, 5 + 4], 4 + 5. */
  CHECK_ROW (m, "办理时长", "5天~9天", "9天");
  /* The latest actual. */
  CHECK_ROW (m, "完工时间", "2023年12月", "2023-12-20");
  /* 是 only when every table says 是. */
  CHECK_ROW (m, "是否验收", "是", "否");
  CHECK_ROW (m, "是否公示", "是", "是");
}

/* ------------------------------------ reasons, not applicable, row matching */

static void
test_reasons_na_bands_and_matching (void)
{
  static const Row ra[] = {
    { OUT, QTY, "项目数", "10", "≥10项", "8项" },
    { OUT, QTY, "停用指标", "10", "≥5项", NULL },
    { OUT, QTY, "部分适用", "10", "≥5项", "1项" },
    { BEN, SOC, "社会影响", "10", "有所改善", "效果一般" },
    { BEN, SOC, "示范作用", "10", "有所改善", "效果一般" },
  };
  static const Row rb[] = {
    { OUT, QTY, "项目数", "10", "≥10项", "9项" },
    { OUT, QTY, "停用指标", "10", "≥5项", NULL },
    { OUT, QTY, "部分适用", "10", "≥5项", "6项" },
    { BEN, SOC, "社会影响", "10", "有所改善", "效果一般" },
    { BEN, SOC, "示范作用", "10", "有所改善", "达成" },
    { SAT, SVC, "只在乙中", "10", "≥90%", "93%" },
  };
  static const Row rc[] = { { OUT, QTY, "项目数", "10", "≥10项", "10项" } };
  g_autoptr (PbsPolicy) p = policy_as_is ();
  g_autoptr (PbsEvaluation) a = EVAL ("甲", "", "300", "300", ra);
  g_autoptr (PbsEvaluation) b = EVAL ("乙", "", "100", "100", rb);
  g_autoptr (PbsEvaluation) c = EVAL ("丙", "", "100", "100", rc);
  g_autoptr (PbsRollup) r = pbs_rollup_new ();
  g_autoptr (PbsEvaluation) m = NULL;
  PbsDecimal s;

  pbs_indicator_set_reason (row_named (a, "项目数"), "资金到位晚");
  pbs_indicator_set_reason (row_named (b, "项目数"), "天气影响");
  pbs_indicator_set_reason (row_named (c, "项目数"), "资金到位晚");
  pbs_indicator_set_reason (row_named (a, "社会影响"), "无");
  pbs_indicator_set_reason (row_named (b, "社会影响"), "效果有待观察");
  s = pbs_test_dec ("8");
  pbs_indicator_set_printed_score (row_named (a, "项目数"), &s);
  pbs_evaluation_set_printed_total (a, &s);
  pbs_indicator_set_not_applicable (row_named (a, "停用指标"), TRUE);
  pbs_indicator_set_not_applicable (row_named (b, "停用指标"), TRUE);
  pbs_indicator_set_not_applicable (row_named (a, "部分适用"), TRUE);
  /* Words that name no band need an explicit band (and, below 达成, a
   * manual score). */
  s = pbs_test_dec ("7");
  for (PbsEvaluation **e = (PbsEvaluation *[]) { a, b, NULL }; *e != NULL; e++)
    {
      pbs_indicator_set_band (row_named (*e, "社会影响"), PBS_BAND_PARTIAL);
      pbs_indicator_set_manual_score (row_named (*e, "社会影响"), &s);
    }
  pbs_indicator_set_band (row_named (a, "示范作用"), PBS_BAND_PARTIAL);
  pbs_indicator_set_manual_score (row_named (a, "示范作用"), &s);
  ADD (r, a, p);
  ADD (r, b, p);
  ADD (r, c, p);
  m = MERGE_OK (r, "汇总");
  CU_ASSERT_PTR_NOT_NULL_FATAL (m);

  /* Distinct reasons joined with ；, in order of first appearance; a
   * placeholder (无) is no reason. */
  CU_ASSERT_STRING_EQUAL (pbs_indicator_get_reason (row_named (m, "项目数")), "资金到位晚；天气影响");
  CU_ASSERT_STRING_EQUAL (pbs_indicator_get_reason (row_named (m, "社会影响")), "效果有待观察");
  CHECK_ROW (m, "项目数", "≥30项", "27项");
  /* Printed scores belong to the single tables. */
  CU_ASSERT_FALSE (pbs_indicator_get_printed_score (row_named (m, "项目数"), &s));
  CU_ASSERT_FALSE (pbs_evaluation_get_printed_total (m, &s));

  /* Not applicable everywhere → not applicable; applicable somewhere →
   * applicable, from the tables where it applies only (乙's 6项, not
   * 甲's 1项). */
  CU_ASSERT_TRUE (pbs_indicator_get_not_applicable (row_named (m, "停用指标")));
  CU_ASSERT_FALSE (pbs_indicator_get_not_applicable (row_named (m, "部分适用")));
  CHECK_ROW (m, "部分适用", "≥5项", "6项");

  /* Explicit bands are kept when they agree, dropped otherwise. */
  CU_ASSERT_EQUAL (pbs_indicator_get_band (row_named (m, "社会影响")), PBS_BAND_PARTIAL);
  CHECK_ROW (m, "社会影响", "有所改善", "部分达成");
  CU_ASSERT_EQUAL (pbs_indicator_get_band (row_named (m, "示范作用")), PBS_BAND_UNKNOWN);
  CHECK_ROW (m, "示范作用", "有所改善", "部分达成");

  /* A row missing from some tables is merged from those that have it, in
   * order of first appearance. */
  CU_ASSERT_EQUAL (pbs_evaluation_get_n_indicators (m), 6);
  CU_ASSERT_EQUAL (row_index (m, "只在乙中"), 5);
  CU_ASSERT_EQUAL (row_index (m, "部分适用"), 2);
  CHECK_ROW (m, "只在乙中", "≥90%", "93%");
}

/* Rows match by level 1, level 2 and name: the same name under another
 * level-2 category is another row. */
static void
test_rows_matched_by_levels (void)
{
  static const Row ra[] = {
    { OUT, QTY, "完成率", "10", "≥90%", "90%" },
    { BEN, SOC, "完成率", "10", "≥90%", "92%" },
  };
  static const Row rb[] = {
    { BEN, SOC, "完成率", "10", "≥90%", "96%" },
    { OUT, QTY, "完成率", "10", "≥90%", "94%" },
  };
  g_autoptr (PbsPolicy) p = policy_as_is ();
  g_autoptr (PbsEvaluation) a = EVAL ("甲", "", "100", "100", ra);
  g_autoptr (PbsEvaluation) b = EVAL ("乙", "", "100", "100", rb);
  g_autoptr (PbsRollup) r = pbs_rollup_new ();
  g_autoptr (PbsEvaluation) m = NULL;
  PbsIndicator *i0, *i1;

  ADD (r, a, p);
  ADD (r, b, p);
  m = MERGE_OK (r, "汇总");
  CU_ASSERT_PTR_NOT_NULL_FATAL (m);
  CU_ASSERT_EQUAL_FATAL (pbs_evaluation_get_n_indicators (m), 2);
  i0 = pbs_evaluation_get_indicator (m, 0);
  i1 = pbs_evaluation_get_indicator (m, 1);
  /* 产出: (90 + 94) / 2 = 92; 效益: (92 + 96) / 2 = 94. */
  CU_ASSERT_STRING_EQUAL (pbs_indicator_get_level1 (i0), OUT);
  CU_ASSERT_STRING_EQUAL (pbs_value_get_text (pbs_indicator_get_actual (i0)), "92%");
  CU_ASSERT_STRING_EQUAL (pbs_indicator_get_level1 (i1), BEN);
  CU_ASSERT_STRING_EQUAL (pbs_value_get_text (pbs_indicator_get_actual (i1)), "94%");
}

/* ------------------------------------------------------------------ errors */

/* Two tables whose rows cannot be merged: a PBS_SCORE_ERROR_ROLLUP whose
 * message names what it must. Adding a case is adding a line. */
static const struct {
  const char *name;
  Row         a[2], b[2];    /* the rows of 甲 (300 万元) and 乙 (100 万元) */
  const char *needles[3];    /* the message names each */
} merge_errors[] = {
  { "units differ",
    { { OUT, QTY, "新建项目数", "20", "≥1000项", "1163项" } },
    { { OUT, QTY, "新建项目数", "20", "≥800件", "837件" } },
    { "新建项目数", "≥1000项", "≥800件" } },
  /* a relative and an absolute value cannot be mixed */
  { "% against no unit",
    { { OUT, QLT, "合格率", "20", "≥95%", "96%" } },
    { { OUT, QLT, "合格率", "20", "≥95", "96" } },
    { "合格率" } },
  { "signs differ",
    { { OUT, TIM, "办结时长", "20", "≤3天", "2天" } },
    { { OUT, TIM, "办结时长", "20", "≥3天", "4天" } },
    { "办结时长", "≤3天", "≥3天" } },
  { "kinds differ",
    { { BEN, SOC, "社会效益", "20", "≥95%", "96%" } },
    { { BEN, SOC, "社会效益", "20", "有效提升", "达成" } },
    { "社会效益", "有效提升" } },
  /* the second merged row, named, with both points */
  { "points differ",
    { { OUT, QTY, "新建项目数", "20", "≥1000项", "1163项" },
      { OUT, QLT, "验收合格率", "20", "≥95%", "96%" } },
    { { OUT, QTY, "新建项目数", "20", "≥800项", "837项" },
      { OUT, QLT, "验收合格率", "15", "≥95%", "100%" } },
    { "row 2 (验收合格率)", "20", "15" } },
  { "date targets differ",
    { { OUT, TIM, "完工时间", "10", "2023年12月", "2023年11月" } },
    { { OUT, TIM, "完工时间", "10", "2023年10月", "2023年10月" } },
    { "完工时间", "2023年10月" } },
  /* durations take the worst, but only under one limit */
  { "duration limits differ",
    { { OUT, TIM, "办结时限", "10", "≤3天", "5天" } },
    { { OUT, TIM, "办结时限", "10", "≤4天", "1天" } },
    { "办结时限" } },
};

static void
test_merge_errors (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (merge_errors); i++)
    {
      const char *name = merge_errors[i].name;
      guint na = merge_errors[i].a[1].name != NULL ? 2 : 1;
      guint nb = merge_errors[i].b[1].name != NULL ? 2 : 1;
      g_autoptr (PbsPolicy) p = policy_as_is ();
      g_autoptr (PbsEvaluation) a = eval_new ("甲", "", "300", "300", merge_errors[i].a, na);
      g_autoptr (PbsEvaluation) b = eval_new ("乙", "", "100", "100", merge_errors[i].b, nb);
      g_autoptr (PbsRollup) r = pbs_rollup_new ();
      g_autoptr (GError) error = NULL;

      ADD (r, a, p);
      ADD (r, b, p);
      error = merge_error (r, name);
      for (guint k = 0; k < G_N_ELEMENTS (merge_errors[i].needles); k++)
        if (merge_errors[i].needles[k] != NULL)
          CHECK_MESSAGE_HAS (error, merge_errors[i].needles[k], name);
    }
}

/* Amounts in 元 and 万元 must not be summed. */
static void
test_error_currency_differs (void)
{
  static const Row rows[] = { { OUT, QTY, "新建项目数", "90", "≥10项", "10项" } };
  g_autoptr (PbsPolicy) p = policy_as_is ();
  g_autoptr (PbsEvaluation) a = EVAL ("甲", "", "300", "300", rows);
  g_autoptr (PbsEvaluation) b = EVAL ("乙", "", "1000000", "1000000", rows);
  g_autoptr (PbsRollup) r = pbs_rollup_new ();
  g_autoptr (PbsRollup) grades = NULL;
  g_autoptr (GError) error = NULL;

  pbs_evaluation_set_currency (b, PBS_CURRENCY_YUAN);
  ADD (r, a, p);
  ADD (r, b, p);
  error = merge_error (r, NULL);
  CHECK_MESSAGE_HAS (error, "万元", NULL);
  CHECK_MESSAGE_HAS (error, "乙", NULL);
  /* Counting grades needs no merge: the batch still counts. */
  CU_ASSERT_EQUAL (pbs_rollup_count_grade (r, NULL, PBS_GRADE_EXCELLENT), 2);
}

/* ------------------------------------------------ the merged table scores */

/* The merged evaluation is an ordinary table: pbs_evaluation_score()
 * scores it, from the merged inputs (never from averaged scores). */
static void
test_merged_evaluation_scores (void)
{
  static const Row ra[] = {
    { OUT, QTY, "新建项目数", "20", "≥1000项", "1163项" },
    { OUT, QLT, "验收合格率", "20", "≥95%", "96%" },
    { OUT, TIM, "完工时间", "10", "2023年12月", "2023年11月" },
    { BEN, SOC, "政策知晓度", "10", "有效提升", "达成" },
    { SAT, SVC, "群众满意度", "10", "≥90%", "92%" },
  };
  static const Row rb[] = {
    { OUT, QTY, "新建项目数", "20", "≥800项", "837项" },
    { OUT, QLT, "验收合格率", "20", "≥95%", "100%" },
    { OUT, TIM, "完工时间", "10", "2023年12月", "2023年12月" },
    { BEN, SOC, "政策知晓度", "10", "有效提升", "部分达成" },
    { SAT, SVC, "群众满意度", "10", "≥90%", "80%" },
  };
  g_autoptr (PbsPolicy) p = policy_as_is ();
  g_autoptr (PbsEvaluation) a = EVAL ("项目甲", "教育局", "300", "270", ra);
  g_autoptr (PbsEvaluation) b = EVAL ("项目乙", "教育局", "100", "100", rb);
  g_autoptr (PbsRollup) r = pbs_rollup_new ();
  g_autoptr (PbsEvaluation) m = NULL;
  g_autoptr (PbsScorecard) sc = NULL;
  PbsDecimal s;
  int i;

  s = pbs_test_dec ("8");
  pbs_indicator_set_manual_score (row_named (a, "政策知晓度"), &s);
  s = pbs_test_dec ("6");
  pbs_indicator_set_manual_score (row_named (b, "政策知晓度"), &s);
  ADD (r, a, p);
  ADD (r, b, p);
  m = MERGE_OK (r, "教育局项目汇总");
  CU_ASSERT_PTR_NOT_NULL_FATAL (m);
  sc = SCORE_OK (m, p);
  CU_ASSERT_PTR_NOT_NULL_FATAL (sc);

  /* By hand, weights 300 and 100:
   *   budget      (270 + 100) / (300 + 100) = 92.5 %  → 10 × 0.925 = 9.25
   *   新建项目数   2000项 ≥ 1800项                     → 20
   *   验收合格率   (96·300 + 100·100)/400 = 97 ≥ 95     → 20
   *   完工时间     latest 2023年12月 ≤ 2023年12月       → 10
   *   政策知晓度   worst 部分达成, manual
   *               (8·300 + 6·100)/400 = 7.5 ∈ [6, 8)   → 7.5
   *   群众满意度   (92·300 + 80·100)/400 = 89 < 90      → 10 × 89/90
   *                                      = 9.888… → 9.89
   *   total       9.25 + 20 + 20 + 10 + 7.5 + 9.89 = 76.64
   *               out of 70 + 10 = 80 points (as_is); 76.64 / 80 = 95.8 % → 优 */
  pbs_scorecard_get_budget_score (sc, &s);
  PBS_ASSERT_DECIMAL (&s, "9.25");
  i = row_index (m, "政策知晓度");
  CU_ASSERT_TRUE_FATAL (i >= 0);
  CU_ASSERT_TRUE (pbs_scorecard_get_row_score (sc, (guint) i, &s));
  PBS_ASSERT_DECIMAL (&s, "7.50");
  CU_ASSERT_EQUAL (pbs_scorecard_get_row_status (sc, (guint) i), PBS_STATUS_PARTIAL);
  i = row_index (m, "群众满意度");
  CU_ASSERT_TRUE_FATAL (i >= 0);
  CU_ASSERT_TRUE (pbs_scorecard_get_row_score (sc, (guint) i, &s));
  PBS_ASSERT_DECIMAL (&s, "9.89");
  pbs_scorecard_get_total (sc, &s);
  PBS_ASSERT_DECIMAL (&s, "76.64");
  pbs_scorecard_get_total_points (sc, &s);
  PBS_ASSERT_DECIMAL (&s, "80");
  CU_ASSERT_TRUE (pbs_scorecard_is_complete (sc));
  CU_ASSERT_EQUAL (pbs_scorecard_get_grade (sc), PBS_GRADE_EXCELLENT);
}


/* Durations do not add up: two tables each promising ≤3天 promise ≤3天
 * overall, and the merged actual is the worse one (5天, a shortfall the
 * sum 6天 against ≤6天 would hide; review regression). Different limits
 * are a ROLLUP error (merge_errors). */
static void
test_durations_take_the_worst (void)
{
  static const Row a[] = { { OUT, TIM, "办结时限", "10", "≤3天", "5天" } };
  static const Row b[] = { { OUT, TIM, "办结时限", "10", "≤3天", "1天" } };
  g_autoptr (PbsPolicy) p = policy_as_is ();
  g_autoptr (PbsRollup) r = pbs_rollup_new ();
  g_autoptr (PbsEvaluation) ea = EVAL ("甲", "局", "100", "100", a);
  g_autoptr (PbsEvaluation) eb = EVAL ("乙", "局", "100", "100", b);
  g_autoptr (PbsEvaluation) m = NULL;

  ADD (r, ea, p);
  ADD (r, eb, p);
  m = MERGE_OK (r, "合并");
  CHECK_ROW (m, "办结时限", "≤3天", "5天");
}

static const PbsTestCase cases[] = {
  { "durations take the worst", test_durations_take_the_worst },
  { "merge errors", test_merge_errors },
  { "budget_not_printed", test_budget_not_printed },
  { "absolute_values_summed", test_absolute_values_summed },
  { "relative_values_weighted_by_funds", test_relative_values_weighted_by_funds },
  { "weighted_mean_rounding", test_weighted_mean_rounding },
  { "zero_budget_equal_weights", test_zero_budget_equal_weights },
  { "budget_summed", test_budget_summed },
  { "budget_points_differ", test_budget_points_differ },
  { "header", test_header },
  { "template_kept", test_template_kept },
  { "grade_counts", test_grade_counts },
  { "empty_rollup", test_empty_rollup },
  { "missing_actual_stays_unset", test_missing_actual_stays_unset },
  { "worst_qualitative_band", test_worst_qualitative_band },
  { "manual_score_rounding", test_manual_score_rounding },
  { "ranges_dates_booleans", test_ranges_dates_booleans },
  { "reasons_na_bands_and_matching", test_reasons_na_bands_and_matching },
  { "rows_matched_by_levels", test_rows_matched_by_levels },
  { "error_currency_differs", test_error_currency_differs },
  { "merged_evaluation_scores", test_merged_evaluation_scores },
  { NULL, NULL }
};

int
main (void)
{
  return pbs_test_run ("rollup", cases);
}
