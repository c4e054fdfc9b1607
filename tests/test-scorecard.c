/* test-scorecard.c - budget line, rounding, totals, grades and audit
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Rule book §3 (budget), §5 (rounding), §6 (totals, weights, grades),
 * §7 (printed scores) and §10, as doc/scoring.md states them for
 * pbs_evaluation_score(). Expected values are worked out by hand in the
 * comments.
 */
#include "pbs-test.h"

/* ------------------------------------------------------------------ helpers */

typedef PbsTestRow Row;

static PbsPolicy *
preset (const char *name)
{
  g_autoptr (GError) error = NULL;
  PbsPolicy *p = pbs_policy_new_preset (name, &error);

  ASSERT_NO_ERROR (error);
  return p;
}

/* Scoring E must fail with PBS_SCORE_ERROR CODE; returns the error. */
static GError *
score_error_at (const char *file, int line, PbsEvaluation *e, const PbsPolicy *policy,
                PbsScoreError code)
{
  GError *error = NULL;
  g_autoptr (PbsScorecard) sc = pbs_evaluation_score (e, policy, &error);

  CHECK_AT (sc == NULL, file, line);
  pbs_test_error_is_at (file, line, error, PBS_SCORE_ERROR, code, NULL);
  return error;
}
#define SCORE_ERROR(e, policy, code) score_error_at (__FILE__, __LINE__, e, policy, code)

static void
expect_score_error_at (const char *file, int line, PbsEvaluation *e, const PbsPolicy *policy,
                       PbsScoreError code)
{
  GError *error = score_error_at (file, line, e, policy, code);

  g_clear_error (&error);
}
#define EXPECT_SCORE_ERROR(e, policy, code) expect_score_error_at (__FILE__, __LINE__, e, policy, code)

/* A table of one met row of 90 points and a budget line of 10 points
 * spending EXECUTED of ANNUAL. */
static PbsEvaluation *
budget_eval (const char *annual, const char *executed)
{
  static const Row met90[] = { { OUT, QTY, "办件量", "90", "≥100件", "100件" } };

  return pbs_test_evaluation_new (annual, executed, "10", met90, 1);
}

/* The set of warnings as a bit mask (1 << PbsWarning). */
static guint
warnings_of (PbsScorecard *sc)
{
  guint mask = 0;

  if (sc == NULL)
    return 0;
  for (guint i = 0; i < pbs_scorecard_get_n_warnings (sc); i++)
    mask |= 1u << pbs_scorecard_get_warning (sc, i);
  return mask;
}
#define W(x) (1u << PBS_WARNING_##x)

static void
check_warnings_at (const char *file, int line, PbsScorecard *sc, guint mask, guint expected)
{
  guint got = warnings_of (sc) & mask;

  CHECK_AT (got == expected, file, line);
  if (got != expected)
    fprintf (stderr, "%s:%d: warnings 0x%x (mask 0x%x), expected 0x%x\n",
             file, line, got, mask, expected);
}
#define ALL_WARNINGS 0x7fu
#define CHECK_WARNINGS(sc, mask, expected) check_warnings_at (__FILE__, __LINE__, sc, mask, expected)

static void
check_total_at (const char *file, int line, PbsScorecard *sc, const char *total,
                const char *points, PbsGrade grade)
{
  PbsDecimal d;
  PbsGrade g;

  if (sc == NULL)
    return;
  pbs_scorecard_get_total (sc, &d);
  pbs_test_dec_equal_at (file, line, &d, total);
  if (points != NULL)
    {
      pbs_scorecard_get_total_points (sc, &d);
      pbs_test_dec_equal_at (file, line, &d, points);
    }
  g = pbs_scorecard_get_grade (sc);
  CHECK_AT (g == grade, file, line);
  if (g != grade)
    fprintf (stderr, "%s:%d: grade %d, expected %d\n", file, line, g, grade);
}
#define CHECK_TOTAL(sc, total, points, grade) \
  check_total_at (__FILE__, __LINE__, sc, total, points, grade)

static void
check_budget_at (const char *file, int line, PbsScorecard *sc, const char *rate,
                 const char *points, const char *score)
{
  PbsDecimal d;
  gboolean has;

  if (sc == NULL)
    return;
  has = pbs_scorecard_get_budget_rate (sc, &d);
  pbs_test_optional_dec_at (file, line, has, &d, rate);
  pbs_scorecard_get_budget_points (sc, &d);
  pbs_test_dec_equal_at (file, line, &d, points);
  pbs_scorecard_get_budget_score (sc, &d);
  pbs_test_dec_equal_at (file, line, &d, score);
}
#define CHECK_BUDGET(sc, rate, points, score) \
  check_budget_at (__FILE__, __LINE__, sc, rate, points, score)

static void
check_subtotal_at (const char *file, int line, PbsScorecard *sc, guint index, guint level,
                   const char *level1, const char *level2, const char *points, const char *score)
{
  guint lv = 0;
  const char *l1 = NULL, *l2 = NULL;
  PbsDecimal p, s;

  if (sc == NULL || index >= pbs_scorecard_get_n_subtotals (sc))
    {
      CHECK_AT (sc != NULL && index < pbs_scorecard_get_n_subtotals (sc), file, line);
      return;
    }
  pbs_scorecard_get_subtotal (sc, index, &lv, &l1, &l2, &p, &s);
  CHECK_AT (lv == level, file, line);
  CHECK_AT (g_strcmp0 (l1, level1) == 0, file, line);
  CHECK_AT (g_strcmp0 (l2, level2) == 0, file, line);
  if (lv != level || g_strcmp0 (l1, level1) != 0 || g_strcmp0 (l2, level2) != 0)
    fprintf (stderr, "%s:%d: subtotal %u is level %u %s/%s, expected level %u %s/%s\n",
             file, line, index, lv, l1 ? l1 : "(null)", l2 ? l2 : "(null)",
             level, level1, level2 ? level2 : "(null)");
  pbs_test_dec_equal_at (file, line, &p, points);
  pbs_test_dec_equal_at (file, line, &s, score);
}
#define CHECK_SUBTOTAL(sc, i, level, l1, l2, points, score) \
  check_subtotal_at (__FILE__, __LINE__, sc, i, level, l1, l2, points, score)

static void
set_decimal_field (PbsIndicator *ind, void (*setter) (PbsIndicator *, const PbsDecimal *),
                   const char *text)
{
  PbsDecimal d = pbs_test_dec (text);
  setter (ind, &d);
}

/* --------------------------------------------------------------- §3 budget */

/* §3: 执行率 = 全年执行数 / 全年预算数, never 年初预算数; score = points × rate. */
static void
test_budget_rate_uses_annual (void)
{
  g_autoptr (PbsEvaluation) e = budget_eval ("100", "90");
  PbsDecimal initial = pbs_test_dec ("50");
  g_autoptr (PbsScorecard) sc = NULL;

  /* 年初预算数 50: a rate of 90/50 would cap at 100 % and score 10 */
  pbs_budget_set_initial (pbs_evaluation_get_budget (e), &initial);
  sc = SCORE_OK (e, NULL);
  CHECK_BUDGET (sc, "90", "10", "9");
  CHECK_TOTAL (sc, "99", "100", PBS_GRADE_EXCELLENT);
}

/* §11 budget.base initial: the rate divides by 年初预算数; without one the
 * budget cannot be scored (NO_BUDGET), never by 全年预算数 instead. */
static void
test_budget_base_initial (void)
{
  g_autoptr (PbsEvaluation) e = budget_eval ("100", "90");
  g_autoptr (PbsEvaluation) without = budget_eval ("100", "90");
  g_autoptr (PbsPolicy) initial_base = pbs_test_policy_with ("budget.base", "initial", NULL);
  PbsDecimal initial = pbs_test_dec ("120");
  g_autoptr (PbsScorecard) sc = NULL;

  pbs_budget_set_initial (pbs_evaluation_get_budget (e), &initial);
  sc = SCORE_OK (e, initial_base);
  CHECK_BUDGET (sc, "75", "10", "7.5");
  EXPECT_SCORE_ERROR (without, initial_base, PBS_SCORE_ERROR_NO_BUDGET);
}

/* §11 budget as printed: no rate is invented. A budget without 全年预算数
 * or 全年执行数 has no rate; its printed score stands, and without one the
 * line is unscored: the scorecard incomplete, with no grade. */
static void
test_budget_as_printed (void)
{
  static const Row met90[] = { { OUT, QTY, "办件量", "90", "≥100件", "100件" } };
  g_autoptr (PbsEvaluation) initial_only = pbs_evaluation_new ();
  g_autoptr (PbsEvaluation) annual_only = pbs_evaluation_new ();
  g_autoptr (PbsEvaluation) printed = pbs_evaluation_new ();
  g_autoptr (PbsEvaluation) initial_rate = pbs_evaluation_new ();
  g_autoptr (PbsPolicy) initial_base = pbs_test_policy_with ("budget.base", "initial", NULL);
  g_autoptr (PbsBudget) b1 = pbs_budget_new (NULL, NULL);
  PbsDecimal hundred = pbs_test_dec ("100"), score = pbs_test_dec ("9.53"), d;
  PbsDecimal rate = pbs_test_dec ("95.3"), ninety = pbs_test_dec ("90");
  g_autoptr (PbsScorecard) sc1 = NULL, sc2 = NULL, sc3 = NULL, sc4 = NULL;

  pbs_budget_set_initial (b1, &hundred);
  CU_ASSERT_FALSE (pbs_budget_get_annual (b1, &d));
  CU_ASSERT_FALSE (pbs_budget_get_executed (b1, &d));
  pbs_evaluation_set_budget (initial_only, b1);
  pbs_test_add_rows (initial_only, met90, 1);
  sc1 = SCORE_OK (initial_only, NULL);
  if (sc1 != NULL)
    {
      CU_ASSERT_FALSE (pbs_scorecard_get_budget_rate (sc1, &d));
      CU_ASSERT_FALSE (pbs_scorecard_get_budget_score (sc1, &d));
      CU_ASSERT_FALSE (pbs_scorecard_is_complete (sc1));
      CHECK_TOTAL (sc1, "90", "100", PBS_GRADE_NONE);
    }

  {
    g_autoptr (PbsBudget) b = pbs_budget_new (&hundred, NULL);
    pbs_evaluation_set_budget (annual_only, b);
    pbs_test_add_rows (annual_only, met90, 1);
    sc2 = SCORE_OK (annual_only, NULL);
    if (sc2 != NULL)
      CU_ASSERT_FALSE (pbs_scorecard_get_budget_score (sc2, &d) || pbs_scorecard_is_complete (sc2));
  }

  {
    g_autoptr (PbsBudget) b = pbs_budget_new (NULL, NULL);
    pbs_budget_set_printed_rate (b, &rate);
    pbs_budget_set_printed_score (b, &score);
    CU_ASSERT_TRUE (pbs_budget_get_printed_rate (b, &d));
    ASSERT_DEC_EQ (d, "95.3");
    pbs_evaluation_set_budget (printed, b);
    pbs_test_add_rows (printed, met90, 1);
    sc3 = SCORE_OK (printed, NULL);
    if (sc3 != NULL)
      {
        CU_ASSERT_FALSE (pbs_scorecard_get_budget_rate (sc3, &d));
        CU_ASSERT_TRUE (pbs_scorecard_get_budget_score (sc3, &d));
        ASSERT_DEC_EQ (d, "9.53");
        CU_ASSERT_TRUE (pbs_scorecard_is_complete (sc3));
        CHECK_TOTAL (sc3, "99.53", "100", PBS_GRADE_EXCELLENT);
        /* the printed score is what stands: it does not differ from itself */
        CU_ASSERT_EQUAL (warnings_of (sc3) & W (BUDGET_PRINTED_DIFFERS), 0);
      }
  }

  /* budget.base initial needs 年初预算数 and 全年执行数, not 全年预算数 */
  {
    g_autoptr (PbsBudget) b = pbs_budget_new (NULL, &ninety);
    pbs_budget_set_initial (b, &hundred);
    pbs_evaluation_set_budget (initial_rate, b);
    pbs_test_add_rows (initial_rate, met90, 1);
    sc4 = SCORE_OK (initial_rate, initial_base);
    CHECK_BUDGET (sc4, "90", "10", "9");
  }
}

/* §11 funding sources: a column where the line and every listed source
 * give an amount must add up; a blank amount leaves the column alone. */
static void
test_sources_mismatch (void)
{
  static const struct {
    const char *current, *carried, *other;   /* annual amounts; NULL: blank; "-": no row */
    gboolean warns;
  } cases[] = {
    { "80", "20", "-", FALSE },
    { "80", "10", "-", TRUE },
    { "80", "20", "0", FALSE },
    { "80", NULL, "-", FALSE },   /* a blank cell: cannot be compared */
    { "100", "-", "-", FALSE },
    { "-", "-", "-", FALSE },
    { "100.001", "-", "-", TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *amounts[] = { cases[i].current, cases[i].carried, cases[i].other };
      g_autoptr (PbsEvaluation) e = budget_eval ("100", "90");
      PbsBudget *b = pbs_evaluation_get_budget (e);
      g_autoptr (PbsScorecard) sc = NULL;

      for (guint s = 0; s < G_N_ELEMENTS (amounts); s++)
        {
          PbsDecimal d;

          if (amounts[s] != NULL && strcmp (amounts[s], "-") == 0)
            continue;
          if (amounts[s] != NULL)
            d = pbs_test_dec (amounts[s]);
          pbs_budget_set_source_amount (b, (PbsFundSource) s, PBS_BUDGET_COLUMN_ANNUAL,
                                        amounts[s] != NULL ? &d : NULL);
          CU_ASSERT_TRUE (pbs_budget_has_source (b, (PbsFundSource) s));
        }
      sc = SCORE_OK (e, NULL);
      CU_ASSERT_EQUAL (!!(warnings_of (sc) & W (SOURCES_MISMATCH)), cases[i].warns);
      if (!!(warnings_of (sc) & W (SOURCES_MISMATCH)) != cases[i].warns)
        fprintf (stderr, "%s:%d: case %u\n", __FILE__, __LINE__, i);
      /* informational: the score is the budget line's */
      CHECK_BUDGET (sc, "90", "10", "9");
    }
}

/* The source rows' accessors: present with or without amounts, removed. */
static void
test_source_accessors (void)
{
  g_autoptr (PbsBudget) b = pbs_budget_new (NULL, NULL);
  PbsDecimal d = pbs_test_dec ("27.5"), got;

  CU_ASSERT_FALSE (pbs_budget_has_source (b, PBS_FUND_SOURCE_OTHER));
  pbs_budget_set_source_amount (b, PBS_FUND_SOURCE_CARRIED_OVER, PBS_BUDGET_COLUMN_EXECUTED, &d);
  CU_ASSERT_TRUE (pbs_budget_get_source_amount (b, PBS_FUND_SOURCE_CARRIED_OVER,
                                                PBS_BUDGET_COLUMN_EXECUTED, &got));
  ASSERT_DEC_EQ (got, "27.5");
  CU_ASSERT_FALSE (pbs_budget_get_source_amount (b, PBS_FUND_SOURCE_CARRIED_OVER,
                                                 PBS_BUDGET_COLUMN_INITIAL, &got));
  CU_ASSERT_FALSE (pbs_budget_get_source_amount (b, PBS_FUND_SOURCE_CURRENT,
                                                 PBS_BUDGET_COLUMN_EXECUTED, &got));
  pbs_budget_remove_source (b, PBS_FUND_SOURCE_CARRIED_OVER);
  CU_ASSERT_FALSE (pbs_budget_has_source (b, PBS_FUND_SOURCE_CARRIED_OVER));
  ASSERT_STR (pbs_fund_source_get_label (PBS_FUND_SOURCE_CURRENT), "当年财政拨款");
  ASSERT_STR (pbs_fund_source_get_label (PBS_FUND_SOURCE_CARRIED_OVER), "上年结转资金");
  ASSERT_STR (pbs_fund_source_get_label (PBS_FUND_SOURCE_OTHER), "其他资金");
}

/* scoring.md: the rate is a percentage rounded with the policy's rounding:
 * 1444.16 / 1445.05 = 99.938 % → 99.94; score 10 × 0.99938… = 9.99. */
static void
test_budget_rate_percentage (void)
{
  g_autoptr (PbsEvaluation) e = budget_eval ("1445.05", "1444.16");
  g_autoptr (PbsScorecard) sc = SCORE_OK (e, NULL);

  CHECK_BUDGET (sc, "99.94", "10", "9.99");
}

/* §10: the budget score uses the exact rate, rounded once: 45249 / 100000
 * = 45.249 % (shown 45.25), score 10 × 0.45249 = 4.5249 → 4.52, where the
 * shown rate would give 4.525 → 4.53. */
static void
test_budget_exact_rate (void)
{
  g_autoptr (PbsEvaluation) e = budget_eval ("100000", "45249");
  g_autoptr (PbsScorecard) sc = SCORE_OK (e, NULL);

  CHECK_BUDGET (sc, "45.25", "10", "4.52");
}

/* §5: the budget score and the rate follow the policy's rounding:
 * 2 / 3 → 66.67 % and 6.67 half-up, 66.66 % and 6.66 truncated. */
static void
test_budget_rounding (void)
{
  g_autoptr (PbsEvaluation) e = budget_eval ("3", "2");
  g_autoptr (PbsPolicy) trunc = pbs_test_policy_with ("rounding.mode", "truncate", NULL);
  g_autoptr (PbsScorecard) sc1 = SCORE_OK (e, NULL);
  g_autoptr (PbsScorecard) sc2 = SCORE_OK (e, trunc);

  CHECK_BUDGET (sc1, "66.67", "10", "6.67");
  CHECK_BUDGET (sc2, "66.66", "10", "6.66");
}

/* §3 budget.cap: 110 % executed earns the full points (central); without
 * the cap 10 × 1.1 = 11.00. Spending above budget warns over_budget. */
static void
test_budget_cap (void)
{
  g_autoptr (PbsEvaluation) e = budget_eval ("100", "110");
  g_autoptr (PbsPolicy) nocap = pbs_test_policy_with ("budget.cap", "false", NULL);
  g_autoptr (PbsScorecard) sc1 = SCORE_OK (e, NULL);
  g_autoptr (PbsScorecard) sc2 = SCORE_OK (e, nocap);

  CHECK_BUDGET (sc1, "110", "10", "10");
  CHECK_TOTAL (sc1, "100", "100", PBS_GRADE_EXCELLENT);
  CHECK_WARNINGS (sc1, ALL_WARNINGS, W (OVER_BUDGET));
  CHECK_BUDGET (sc2, "110", "10", "11");
  CHECK_WARNINGS (sc2, W (OVER_BUDGET), W (OVER_BUDGET));
}

/* §3, §8: budget points come from the budget line, else budget.points:
 * central 10, yunnan-baoshan 20, ningxia 0 (shown, not scored). */
static void
test_budget_points_default (void)
{
  static const Row rows90[] = { { OUT, QTY, "办件量", "90", "≥100件", "100件" } };
  static const Row rows80[] = { { OUT, QTY, "办件量", "80", "≥100件", "100件" } };
  static const Row rows100[] = { { OUT, QTY, "办件量", "100", "≥100件", "100件" } };
  g_autoptr (PbsPolicy) baoshan = preset ("yunnan-baoshan");
  g_autoptr (PbsPolicy) ningxia = preset ("ningxia");
  g_autoptr (PbsEvaluation) e1 = pbs_test_evaluation_new ("100", "90", NULL, rows90, 1);
  g_autoptr (PbsEvaluation) e2 = pbs_test_evaluation_new ("100", "90", NULL, rows80, 1);
  g_autoptr (PbsEvaluation) e3 = pbs_test_evaluation_new ("100", "90", NULL, rows100, 1);
  g_autoptr (PbsEvaluation) e4 = pbs_test_evaluation_new ("100", "90", "20", rows80, 1);
  g_autoptr (PbsScorecard) sc1 = SCORE_OK (e1, NULL);
  g_autoptr (PbsScorecard) sc2 = baoshan ? SCORE_OK (e2, baoshan) : NULL;
  g_autoptr (PbsScorecard) sc3 = ningxia ? SCORE_OK (e3, ningxia) : NULL;
  g_autoptr (PbsScorecard) sc4 = SCORE_OK (e4, NULL);

  CHECK_BUDGET (sc1, "90", "10", "9");
  CHECK_TOTAL (sc1, "99", "100", PBS_GRADE_EXCELLENT);
  CHECK_BUDGET (sc2, "90", "20", "18");
  CHECK_TOTAL (sc2, "98", "100", PBS_GRADE_EXCELLENT);
  CHECK_BUDGET (sc3, "90", "0", "0");
  CHECK_TOTAL (sc3, "100", "100", PBS_GRADE_EXCELLENT);
  /* the table's own 20 points win over central's 10 */
  CHECK_BUDGET (sc4, "90", "20", "18");
  CHECK_TOTAL (sc4, "98", "100", PBS_GRADE_EXCELLENT);

  /* and the policy's points take part in the weights check (§6) */
  EXPECT_SCORE_ERROR (e1, baoshan, PBS_SCORE_ERROR_WEIGHTS);
}

/* §3 budget.zero: 全年预算数 = 0 is an error (central) or scores 0 with a
 * yellow warning and no rate. */
static void
test_budget_zero (void)
{
  g_autoptr (PbsEvaluation) e = budget_eval ("0", "0");
  g_autoptr (PbsPolicy) zero = pbs_test_policy_with ("budget.zero", "score_zero", NULL);
  g_autoptr (PbsScorecard) sc = SCORE_OK (e, zero);

  EXPECT_SCORE_ERROR (e, NULL, PBS_SCORE_ERROR_ZERO_BUDGET);
  CHECK_BUDGET (sc, NULL, "10", "0");
  CHECK_WARNINGS (sc, W (YELLOW_ZERO_BUDGET), W (YELLOW_ZERO_BUDGET));
  CHECK_TOTAL (sc, "90", "100", PBS_GRADE_EXCELLENT);
}

/* §10 warnings on execution: below 90 % (explain), below 80 % (yellow),
 * above budget. The one row completes exactly the executed share, so the
 * red mismatch check stays quiet. */
static void
test_budget_execution_warnings (void)
{
  static const struct { const char *executed, *actual; guint expected; } cases[] = {
    { "100", "100%", 0 },
    { "95", "95%", 0 },
    { "90", "90%", 0 },                                   /* not below 90 % */
    { "89.99", "89.99%", W (EXECUTION_BELOW_90) },
    { "85", "85%", W (EXECUTION_BELOW_90) },
    { "80", "80%", W (EXECUTION_BELOW_90) },              /* not below 80 % */
    { "79.99", "79.99%", W (EXECUTION_BELOW_90) | W (YELLOW_LOW_EXECUTION) },
    { "75", "75%", W (EXECUTION_BELOW_90) | W (YELLOW_LOW_EXECUTION) },
    { "101", "100%", W (OVER_BUDGET) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      Row rows[] = { { OUT, QTY, "完成率", "90", "≥100%", cases[i].actual } };
      g_autoptr (PbsEvaluation) e = pbs_test_evaluation_new ("100", cases[i].executed, "10", rows, 1);
      g_autoptr (PbsScorecard) sc = SCORE_OK (e, NULL);
      guint got = warnings_of (sc);

      CU_ASSERT_EQUAL (got, cases[i].expected);
      if (got != cases[i].expected)
        fprintf (stderr, "%s:%d: executed %s: warnings 0x%x, expected 0x%x\n",
                 __FILE__, __LINE__, cases[i].executed, got, cases[i].expected);
      /* warnings are never errors, and every one has a message */
      for (guint j = 0; sc != NULL && j < pbs_scorecard_get_n_warnings (sc); j++)
        {
          g_autofree char *zh = pbs_scorecard_dup_warning_message (sc, j, PBS_LANGUAGE_ZH);
          g_autofree char *en = pbs_scorecard_dup_warning_message (sc, j, PBS_LANGUAGE_EN);

          CU_ASSERT_TRUE (zh != NULL && *zh != '\0');
          CU_ASSERT_TRUE (en != NULL && *en != '\0');
        }
    }
}

/* policy.md budget.explain_below / budget.yellow_below move the bounds. */
static void
test_budget_warning_knobs (void)
{
  static const Row rows[] = { { OUT, QTY, "完成率", "90", "≥100%", "92%" } };
  g_autoptr (PbsEvaluation) e = pbs_test_evaluation_new ("100", "92", "10", rows, 1);
  g_autoptr (PbsPolicy) strict = pbs_test_policy_with ("budget.explain_below", "0.95",
                                              "budget.yellow_below", "0.93", NULL);
  g_autoptr (PbsScorecard) sc1 = SCORE_OK (e, NULL);
  g_autoptr (PbsScorecard) sc2 = SCORE_OK (e, strict);

  CHECK_WARNINGS (sc1, ALL_WARNINGS, 0);
  CHECK_WARNINGS (sc2, ALL_WARNINGS, W (EXECUTION_BELOW_90) | W (YELLOW_LOW_EXECUTION));
}

/* §3 red warning: (S/I − B/P)/(S/I) > 0.05, strictly. All rows met, so
 * S/I = 1: 95 % executed is a gap of exactly 0.05 (no warning), 94.9 % a
 * gap of 0.051 (red). */
static void
test_red_mismatch_boundary (void)
{
  static const Row rows[] = {
    { OUT, QTY, "办件量", "50", "≥100件", "100件" },
    { BEN, SOC, "群众满意度", "40", "≥90%", "95%" },
  };
  g_autoptr (PbsEvaluation) at = pbs_test_evaluation_new ("100", "95", "10", rows, 2);
  g_autoptr (PbsEvaluation) past = pbs_test_evaluation_new ("100", "94.9", "10", rows, 2);
  g_autoptr (PbsPolicy) wide = pbs_test_policy_with ("budget.red_gap", "0.1", NULL);
  g_autoptr (PbsScorecard) sc1 = SCORE_OK (at, NULL);
  g_autoptr (PbsScorecard) sc2 = SCORE_OK (past, NULL);
  g_autoptr (PbsScorecard) sc3 = SCORE_OK (past, wide);

  CHECK_BUDGET (sc1, "95", "10", "9.5");
  CHECK_WARNINGS (sc1, ALL_WARNINGS, 0);
  CHECK_BUDGET (sc2, "94.9", "10", "9.49");
  CHECK_WARNINGS (sc2, ALL_WARNINGS, W (RED_MISMATCH));
  /* budget.red_gap 0.1 */
  CHECK_WARNINGS (sc3, ALL_WARNINGS, 0);
}

/* scoring.md: red mismatch only when P > 0 (Ningxia scores no budget). */
static void
test_red_mismatch_needs_points (void)
{
  static const Row rows[] = { { OUT, QTY, "办件量", "100", "≥100件", "100件" } };
  g_autoptr (PbsEvaluation) e = pbs_test_evaluation_new ("100", "50", NULL, rows, 1);
  g_autoptr (PbsPolicy) ningxia = preset ("ningxia");
  g_autoptr (PbsScorecard) sc = ningxia ? SCORE_OK (e, ningxia) : NULL;

  CU_ASSERT_PTR_NOT_NULL (sc);
  CHECK_WARNINGS (sc, W (RED_MISMATCH) | W (EXECUTION_BELOW_90) | W (YELLOW_LOW_EXECUTION),
                  W (EXECUTION_BELOW_90) | W (YELLOW_LOW_EXECUTION));
}

/* §7: a printed budget score that differs is a warning. */
static void
test_budget_printed_differs (void)
{
  static const Row rows[] = { { OUT, QTY, "完成率", "90", "≥100%", "90%" } };
  g_autoptr (PbsEvaluation) e = pbs_test_evaluation_new ("100", "90", "10", rows, 1);
  PbsDecimal printed = pbs_test_dec ("9.00");

  pbs_budget_set_printed_score (pbs_evaluation_get_budget (e), &printed);
  {
    g_autoptr (PbsScorecard) sc = SCORE_OK (e, NULL);
    CHECK_WARNINGS (sc, W (BUDGET_PRINTED_DIFFERS), 0);
  }
  printed = pbs_test_dec ("8");
  {
    /* scoring sealed @e: the other printed score goes to a copy */
    g_autoptr (PbsEvaluation) other = pbs_evaluation_copy (e);
    g_autoptr (PbsScorecard) sc = NULL;

    pbs_budget_set_printed_score (pbs_evaluation_get_budget (other), &printed);
    sc = SCORE_OK (other, NULL);
    CHECK_WARNINGS (sc, W (BUDGET_PRINTED_DIFFERS), W (BUDGET_PRINTED_DIFFERS));
    CHECK_BUDGET (sc, "90", "10", "9");
  }
}

/* ------------------------------------------------------------- §5 rounding */

/* §5: each row is rounded, and totals are sums of rounded rows: three rows
 * of 10·2/3 = 6.666… are 6.67 each and add up to 20.01, not 20.00. */
static void
test_totals_sum_rounded_rows (void)
{
  static const Row rows[] = {
    { OUT, QTY, "事项一", "10", "≥3件", "2件" },
    { OUT, QTY, "事项二", "10", "≥3件", "2件" },
    { OUT, QTY, "事项三", "10", "≥3件", "2件" },
    { BEN, SOC, "群众满意度", "60", "≥90%", "95%" },
  };
  g_autoptr (PbsEvaluation) e = pbs_test_evaluation_new ("100", "100", "10", rows, 4);
  g_autoptr (PbsScorecard) sc = SCORE_OK (e, NULL);

  CHECK_ROW_SCORE (sc, 0, "6.67");
  CHECK_ROW_SCORE (sc, 1, "6.67");
  CHECK_ROW_SCORE (sc, 2, "6.67");
  CHECK_SUBTOTAL (sc, 0, 1, OUT, NULL, "30", "20.01");
  CHECK_SUBTOTAL (sc, 1, 2, OUT, QTY, "30", "20.01");
  /* 10 + 20.01 + 60 */
  CHECK_TOTAL (sc, "90.01", "100", PBS_GRADE_EXCELLENT);
}

/* §5: no binary-float artefacts: 10·107/400 = 2.675 → 2.68; 0.1 + 0.2 = 0.30. */
static void
test_rounding_exact (void)
{
  static const Row rows[] = {
    { OUT, QTY, "办件量", "10", "≥400件", "107件" },
    { OUT, QLT, "甲", "1", "≥10件", "1件" },
    { OUT, QLT, "乙", "1", "≥10件", "2件" },
    { BEN, SOC, "群众满意度", "78", "≥90%", "95%" },
  };
  g_autoptr (PbsEvaluation) e = pbs_test_evaluation_new ("100", "100", "10", rows, 4);
  g_autoptr (PbsScorecard) sc = SCORE_OK (e, NULL);

  CHECK_ROW_SCORE (sc, 0, "2.68");
  CHECK_ROW_SCORE (sc, 1, "0.1");
  CHECK_ROW_SCORE (sc, 2, "0.2");
  CHECK_SUBTOTAL (sc, 2, 2, OUT, QLT, "2", "0.3");
  /* 10 + 2.68 + 0.1 + 0.2 + 78 */
  CHECK_TOTAL (sc, "90.98", "100", PBS_GRADE_EXCELLENT);
  if (sc != NULL)
    {
      PbsDecimal total;
      g_autofree char *text = NULL;

      pbs_scorecard_get_total (sc, &total);
      text = pbs_decimal_format (&total, 2, PBS_ROUNDING_HALF_UP);
      CU_ASSERT_STRING_EQUAL (text, "90.98");
    }
}

/* ------------------------------------------------------------- §6 totals */

/* scoring.md subtotals: each level-1 category then its level-2 categories,
 * in order of first appearance; points of all rows, scores summed. */
static void
test_subtotals (void)
{
  static const Row rows[] = {
    { OUT, QTY, "办件量", "10", "≥100件", "90件" },        /* 9 */
    { OUT, QLT, "差错率", "20", "≤1%", "2%" },              /* 10 */
    { BEN, SOC, "网上可办率", "30", "≥90%", "95%" },        /* 30 */
    { OUT, QTY, "窗口数", "10", "≥4个", "3个" },            /* 7.5 */
    { SAT, SVC, "群众满意度", "20", "≥90%", "81%" },        /* 18 */
  };
  g_autoptr (PbsEvaluation) e = pbs_test_evaluation_new ("100", "100", "10", rows, 5);
  g_autoptr (PbsScorecard) sc = SCORE_OK (e, NULL);

  if (sc == NULL)
    return;
  CU_ASSERT_EQUAL (pbs_scorecard_get_n_subtotals (sc), 7);
  CHECK_SUBTOTAL (sc, 0, 1, OUT, NULL, "40", "26.5");
  CHECK_SUBTOTAL (sc, 1, 2, OUT, QTY, "20", "16.5");
  CHECK_SUBTOTAL (sc, 2, 2, OUT, QLT, "20", "10");
  CHECK_SUBTOTAL (sc, 3, 1, BEN, NULL, "30", "30");
  CHECK_SUBTOTAL (sc, 4, 2, BEN, SOC, "30", "30");
  CHECK_SUBTOTAL (sc, 5, 1, SAT, NULL, "20", "18");
  CHECK_SUBTOTAL (sc, 6, 2, SAT, SVC, "20", "18");
  /* total = budget + rows: 10 + 9 + 10 + 30 + 7.5 + 18 */
  CHECK_TOTAL (sc, "84.5", "100", PBS_GRADE_GOOD);
  CU_ASSERT_TRUE (pbs_scorecard_is_complete (sc));
}

/* §6 grades, lower bounds inclusive: 优 ≥ 90 (exactly 90.00 is 优), 良
 * [80, 90), 中 [60, 80), 差 < 60. Budget 10 + a met row of 40 + a row of
 * 50 points scoring 50·a/100. */
static void
check_grades (const PbsPolicy *policy, const char *const *actuals, const char *const *totals,
              const PbsGrade *grades, guint n)
{
  for (guint i = 0; i < n; i++)
    {
      Row rows[] = {
        { OUT, QTY, "办件量", "40", "≥100件", "100件" },
        { BEN, SOC, "网上可办率", "50", "≥100%", actuals[i] },
      };
      g_autoptr (PbsEvaluation) e = pbs_test_evaluation_new ("100", "100", "10", rows, 2);
      g_autoptr (PbsScorecard) sc = SCORE_OK (e, policy);

      CHECK_TOTAL (sc, totals[i], "100", grades[i]);
      if (sc != NULL && pbs_scorecard_get_grade (sc) != grades[i])
        fprintf (stderr, "  (total %s)\n", totals[i]);
    }
}

static void
test_grades (void)
{
  static const char *const actuals[] = { "100%", "80%", "79.98%", "60%", "59.98%", "20%", "19.98%", "0%" };
  static const char *const totals[] = { "100", "90", "89.99", "80", "79.99", "60", "59.99", "50" };
  static const PbsGrade grades[] = {
    PBS_GRADE_EXCELLENT, PBS_GRADE_EXCELLENT, PBS_GRADE_GOOD, PBS_GRADE_GOOD,
    PBS_GRADE_FAIR, PBS_GRADE_FAIR, PBS_GRADE_POOR, PBS_GRADE_POOR,
  };

  check_grades (NULL, actuals, totals, grades, G_N_ELEMENTS (actuals));
}

/* §6: the vendor variant 80/70/60. */
static void
test_grades_variant (void)
{
  static const char *const actuals[] = { "60%", "59.98%", "40%", "39.98%", "20%", "19.98%" };
  static const char *const totals[] = { "80", "79.99", "70", "69.99", "60", "59.99" };
  static const PbsGrade grades[] = {
    PBS_GRADE_EXCELLENT, PBS_GRADE_GOOD, PBS_GRADE_GOOD, PBS_GRADE_FAIR,
    PBS_GRADE_FAIR, PBS_GRADE_POOR,
  };
  /* lowered in an order that keeps excellent ≥ good ≥ fair at every step */
  g_autoptr (PbsPolicy) p = pbs_test_policy_with ("grades.fair", "60", "grades.good", "70",
                                         "grades.excellent", "80", NULL);

  check_grades (p, actuals, totals, grades, G_N_ELEMENTS (actuals));
}

/* §6 budget.in_total false: the total is the rows' alone, and the weights
 * check leaves the budget's points out. */
static void
test_budget_not_in_total (void)
{
  static const Row rows[] = {
    { OUT, QTY, "办件量", "60", "≥100件", "100件" },
    { BEN, SOC, "网上可办率", "40", "≥100%", "95%" },       /* 38 */
  };
  g_autoptr (PbsEvaluation) e = pbs_test_evaluation_new ("100", "90", "10", rows, 2);
  g_autoptr (PbsPolicy) p = pbs_test_policy_with ("budget.in_total", "false", NULL);
  g_autoptr (PbsScorecard) sc = SCORE_OK (e, p);

  CHECK_BUDGET (sc, "90", "10", "9");
  CHECK_TOTAL (sc, "98", "100", PBS_GRADE_EXCELLENT);
  /* the same table with the budget in the total has 110 points */
  EXPECT_SCORE_ERROR (e, NULL, PBS_SCORE_ERROR_WEIGHTS);
}

/* §6 weights.mismatch on a table of 110 points (budget 10 + rows 60 + 40)
 * with a raw total of 10 + 60 + 20 = 90. */
static void
test_weights_modes (void)
{
  static const Row rows[] = {
    { OUT, QTY, "办件量", "60", "≥100件", "100件" },
    { BEN, SOC, "网上可办率", "40", "≥100%", "50%" },       /* 20 */
  };
  g_autoptr (PbsEvaluation) e = pbs_test_evaluation_new ("100", "100", "10", rows, 2);
  g_autoptr (PbsPolicy) rescale = pbs_test_policy_with ("weights.mismatch", "rescale", NULL);
  g_autoptr (PbsPolicy) rescale_trunc = pbs_test_policy_with ("weights.mismatch", "rescale",
                                                     "rounding.mode", "truncate", NULL);
  g_autoptr (PbsPolicy) as_is = pbs_test_policy_with ("weights.mismatch", "as_is", NULL);
  g_autoptr (PbsScorecard) sc1 = SCORE_OK (e, rescale);
  g_autoptr (PbsScorecard) sc2 = SCORE_OK (e, rescale_trunc);
  g_autoptr (PbsScorecard) sc3 = SCORE_OK (e, as_is);

  EXPECT_SCORE_ERROR (e, NULL, PBS_SCORE_ERROR_WEIGHTS);
  /* round(90 × 100 / 110) = round(81.8181…) */
  CHECK_TOTAL (sc1, "81.82", "100", PBS_GRADE_GOOD);
  CHECK_WARNINGS (sc1, W (WEIGHTS), W (WEIGHTS));
  CHECK_TOTAL (sc2, "81.81", "100", PBS_GRADE_GOOD);
  /* as_is: the table's own 110 is the total points */
  if (sc3 != NULL)
    {
      PbsDecimal d;
      pbs_scorecard_get_total (sc3, &d);
      ASSERT_DEC_EQ (d, "90");
      pbs_scorecard_get_total_points (sc3, &d);
      ASSERT_DEC_EQ (d, "110");
    }
  CHECK_WARNINGS (sc3, W (WEIGHTS), W (WEIGHTS));
  /* weights.total 110 makes the same table add up: no warning, no rescale */
  {
    g_autoptr (PbsPolicy) p110 = pbs_test_policy_with ("weights.total", "110", NULL);
    g_autoptr (PbsScorecard) sc = SCORE_OK (e, p110);

    if (sc != NULL)
      {
        PbsDecimal d;
        pbs_scorecard_get_total (sc, &d);
        ASSERT_DEC_EQ (d, "90");
        pbs_scorecard_get_total_points (sc, &d);
        ASSERT_DEC_EQ (d, "110");
      }
    CHECK_WARNINGS (sc, W (WEIGHTS), 0);
  }
  /* rows keep their own scores whatever the mode */
  CHECK_ROW_SCORE (sc1, 1, "20");
  CHECK_ROW_SCORE (sc3, 1, "20");
}

/* §6, §10: not-applicable rows are dropped and the total rescaled:
 * round(raw × 100 / counted points). Budget 10 + rows 30 (met), 30 (not
 * applicable), 30 (50 % → 15): raw 55 over 70 counted points → 78.57. The
 * weights check still counts the dropped row's 30 points (= 100). */
static void
test_not_applicable (void)
{
  static const Row rows[] = {
    { OUT, QTY, "办件量", "30", "≥100件", "100件" },
    { OUT, QTY, "培训人次", "30", "≥100人次", "100人次" },
    { OUT, QTY, "网上可办率", "30", "≥100%", "50%" },
  };
  g_autoptr (PbsEvaluation) e = pbs_test_evaluation_new ("100", "100", "10", rows, 3);
  g_autoptr (PbsScorecard) sc = NULL;

  pbs_indicator_set_not_applicable (pbs_evaluation_get_indicator (e, 1), TRUE);
  sc = SCORE_OK (e, NULL);
  if (sc == NULL)
    return;
  CHECK_ROW_SCORE (sc, 0, "30");
  CHECK_ROW_SCORE (sc, 1, NULL);
  CU_ASSERT_EQUAL (pbs_scorecard_get_row_status (sc, 1), PBS_STATUS_NOT_APPLICABLE);
  CU_ASSERT_EQUAL (pbs_scorecard_get_row_rule (sc, 1), PBS_RULE_NONE);
  CHECK_ROW_SCORE (sc, 2, "15");
  /* subtotal points as printed (the dropped row included), scores of scored rows */
  CHECK_SUBTOTAL (sc, 1, 2, OUT, QTY, "90", "45");
  CHECK_TOTAL (sc, "78.57", "100", PBS_GRADE_FAIR);
  CU_ASSERT_TRUE (pbs_scorecard_is_complete (sc));
}

/* pbs-error.h: NO_TARGET is for an *applicable* row; a not-applicable row
 * needs neither target nor actual and leaves the scorecard complete. */
static void
test_not_applicable_without_values (void)
{
  static const Row rows[] = {
    { OUT, QTY, "办件量", "60", "≥100件", "100件" },
    { OUT, QTY, "培训人次", "30", NULL, NULL },
  };
  g_autoptr (PbsEvaluation) e = pbs_test_evaluation_new ("100", "100", "10", rows, 2);
  g_autoptr (PbsScorecard) sc = NULL;

  pbs_indicator_set_not_applicable (pbs_evaluation_get_indicator (e, 1), TRUE);
  sc = SCORE_OK (e, NULL);
  if (sc == NULL)
    return;
  CU_ASSERT_EQUAL (pbs_scorecard_get_row_status (sc, 1), PBS_STATUS_NOT_APPLICABLE);
  CU_ASSERT_TRUE (pbs_scorecard_is_complete (sc));
  /* round(70 × 100 / 70) */
  CHECK_TOTAL (sc, "100", "100", PBS_GRADE_EXCELLENT);
}

/* §10: an incomplete scorecard has the total of what was scored and no
 * grade; the unscored row is named in its explanation. */
static void
test_incomplete (void)
{
  static const Row rows[] = {
    { OUT, QTY, "办件量", "40", "≥100件", "100件" },
    { BEN, SOC, "网上可办率", "50", "≥100%", NULL },
  };
  g_autoptr (PbsEvaluation) e = pbs_test_evaluation_new ("100", "100", "10", rows, 2);
  g_autoptr (PbsScorecard) sc = SCORE_OK (e, NULL);

  if (sc == NULL)
    return;
  CU_ASSERT_FALSE (pbs_scorecard_is_complete (sc));
  CHECK_ROW_SCORE (sc, 1, NULL);
  CU_ASSERT_EQUAL (pbs_scorecard_get_row_status (sc, 1), PBS_STATUS_UNSCORED);
  /* 10 + 40; a 0 for the missing row would give the same 50, but no grade
   * tells them apart: the grade would be 差 */
  CHECK_TOTAL (sc, "50", "100", PBS_GRADE_NONE);
  CHECK_SUBTOTAL (sc, 3, 2, BEN, SOC, "50", "0");
}

/* scoring.md: a scorecard for a table with no budget line is an error;
 * so is an applicable row without a target, or with negative points. */
static void
test_structural_errors (void)
{
  g_autoptr (PbsEvaluation) no_budget = pbs_evaluation_new ();
  static const Row no_target_rows[] = {
    { OUT, QTY, "办件量", "40", "≥100件", "100件" },
    { BEN, SOC, "网上可办率", "50", NULL, "95%" },
  };
  static const Row negative_rows[] = {
    { OUT, QTY, "办件量", "100", "≥100件", "100件" },
    { BEN, SOC, "网上可办率", "-10", "≥100%", "95%" },
  };
  g_autoptr (PbsEvaluation) no_target = pbs_test_evaluation_new ("100", "100", "10", no_target_rows, 2);
  g_autoptr (PbsEvaluation) negative = pbs_test_evaluation_new ("100", "100", "10", negative_rows, 2);
  g_autoptr (PbsPolicy) as_is = pbs_test_policy_with ("weights.mismatch", "as_is", NULL);
  PbsDecimal w = pbs_test_dec ("100");
  g_autoptr (PbsIndicator) ind = pbs_indicator_new (OUT, QTY, "办件量", &w);
  g_autoptr (GError) e2 = NULL;
  g_autoptr (GError) e3 = NULL;

  pbs_indicator_set_target (ind, "≥100件", NULL);
  pbs_indicator_set_actual (ind, "100件", NULL);
  pbs_evaluation_add_indicator (no_budget, ind);
  EXPECT_SCORE_ERROR (no_budget, NULL, PBS_SCORE_ERROR_NO_BUDGET);
  e2 = SCORE_ERROR (no_target, NULL, PBS_SCORE_ERROR_NO_TARGET);
  if (e2 != NULL)
    {
      CU_ASSERT_PTR_NOT_NULL (strstr (e2->message, "row 2"));
      CU_ASSERT_PTR_NOT_NULL (strstr (e2->message, "网上可办率"));
    }
  e3 = SCORE_ERROR (negative, as_is, PBS_SCORE_ERROR_BAD_POINTS);
  if (e3 != NULL)
    CU_ASSERT_PTR_NOT_NULL (strstr (e3->message, "row 2"));
}

/* pbs-error.h: score errors name the row (1-based) and the indicator. */
static void
test_error_messages_name_row (void)
{
  static const struct { const char *target, *actual, *name; PbsScoreError code; } cases[] = {
    { "≤3次", "无上访", "信访量", PBS_SCORE_ERROR_NOT_NUMERIC },
    { "≥100人", "120人次", "培训人数", PBS_SCORE_ERROR_UNIT_MISMATCH },
    { "服务质量有效提升", "有所改善", "服务质量", PBS_SCORE_ERROR_UNKNOWN_BAND },
    { "服务质量有效提升", "部分达成", "服务效果", PBS_SCORE_ERROR_MANUAL_SCORE_REQUIRED },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      Row rows[] = {
        { OUT, QTY, "办件量", "40", "≥100件", "100件" },
        { BEN, SOC, cases[i].name, "50", cases[i].target, cases[i].actual },
      };
      g_autoptr (PbsEvaluation) e = pbs_test_evaluation_new ("100", "100", "10", rows, 2);
      g_autoptr (GError) error = SCORE_ERROR (e, NULL, cases[i].code);

      if (error == NULL)
        continue;
      CU_ASSERT_PTR_NOT_NULL (strstr (error->message, "row 2"));
      CU_ASSERT_PTR_NOT_NULL (strstr (error->message, cases[i].name));
      if (strstr (error->message, "row 2") == NULL || strstr (error->message, cases[i].name) == NULL)
        fprintf (stderr, "%s:%d: message does not name row 2 (%s): %s\n",
                 __FILE__, __LINE__, cases[i].name, error->message);
    }
}

/* ---------------------------------------------------- §7 printed scores */

/* §7: printed scores beyond audit.tolerance (central 0.005) are flagged. */
static void
test_printed_differs (void)
{
  static const struct { const char *printed, *tolerance; gboolean flagged; } cases[] = {
    { "10", NULL, FALSE },
    { "10.00", NULL, FALSE },
    { "9.996", NULL, FALSE },     /* 0.004 off */
    { "9.995", NULL, FALSE },     /* exactly the tolerance: not "more" */
    { "10.004", NULL, FALSE },
    { "9.994", NULL, TRUE },      /* 0.006 off */
    { "10.006", NULL, TRUE },
    { "7", NULL, TRUE },          /* a met target scored 7/10 */
    { "9.95", "0.1", FALSE },
    { "9.8", "0.1", TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      static const Row rows[] = {
        { OUT, QTY, "办件量", "10", "≥100件", "100件" },
        { BEN, SOC, "网上可办率", "80", "≥90%", "95%" },
      };
      g_autoptr (PbsEvaluation) e = pbs_test_evaluation_new ("100", "100", "10", rows, 2);
      g_autoptr (PbsPolicy) p = cases[i].tolerance
                                ? pbs_test_policy_with ("audit.tolerance", cases[i].tolerance, NULL)
                                : pbs_policy_new ();
      g_autoptr (PbsScorecard) sc = NULL;
      gboolean flagged;

      set_decimal_field (pbs_evaluation_get_indicator (e, 0), pbs_indicator_set_printed_score,
                         cases[i].printed);
      sc = SCORE_OK (e, p);
      if (sc == NULL)
        continue;
      flagged = (pbs_scorecard_get_row_flags (sc, 0) & PBS_FLAG_PRINTED_DIFFERS) != 0;
      CU_ASSERT_EQUAL (flagged, cases[i].flagged);
      if (flagged != cases[i].flagged)
        fprintf (stderr, "%s:%d: printed %s (tolerance %s): flagged %d\n", __FILE__, __LINE__,
                 cases[i].printed, cases[i].tolerance ? cases[i].tolerance : "central", flagged);
      /* §7: pbscore keeps its own score */
      CHECK_ROW_SCORE (sc, 0, "10");
      /* the other row printed nothing: no flag */
      CU_ASSERT_FALSE (pbs_scorecard_get_row_flags (sc, 1) & PBS_FLAG_PRINTED_DIFFERS);
    }
}

/* -------------------------------------------------------- explanations */

static gboolean
contains_ci (const char *haystack, const char *needle)
{
  g_autofree char *h = g_ascii_strdown (haystack, -1);
  g_autofree char *n = g_ascii_strdown (needle, -1);

  return strstr (h, n) != NULL;
}

/* scoring.md: one line naming the rule, the inputs, the formula with the
 * numbers and the rounding, in Chinese or English. */
static void
test_explanations (void)
{
  static const Row rows[] = {
    { OUT, QTY, "办结率", "10", "≥95%", "90%" },            /* 9.47 */
    { OUT, QTY, "办理时限", "10", "≤3天", "4.5天" },        /* 6.67 */
    { BEN, SOC, "网上可办率", "70", "≥90%", NULL },
  };
  g_autoptr (PbsEvaluation) e = pbs_test_evaluation_new ("100", "100", "10", rows, 3);
  g_autoptr (PbsScorecard) sc = SCORE_OK (e, NULL);
  static const char *const scores[] = { "9.47", "6.67" };

  if (sc == NULL)
    return;
  for (guint row = 0; row < 2; row++)
    {
      g_autofree char *zh = pbs_scorecard_dup_row_explanation (sc, row, PBS_LANGUAGE_ZH);
      g_autofree char *en = pbs_scorecard_dup_row_explanation (sc, row, PBS_LANGUAGE_EN);

      CU_ASSERT_TRUE (zh != NULL && *zh != '\0');
      CU_ASSERT_TRUE (en != NULL && *en != '\0');
      if (zh == NULL || en == NULL)
        continue;
      CU_ASSERT_TRUE (g_utf8_validate (zh, -1, NULL));
      CU_ASSERT_PTR_NOT_NULL (strstr (zh, scores[row]));
      CU_ASSERT_PTR_NOT_NULL (strstr (en, scores[row]));
      /* the two languages are two texts */
      CU_ASSERT_STRING_NOT_EQUAL (zh, en);
      if (strstr (zh, scores[row]) == NULL || strstr (en, scores[row]) == NULL)
        fprintf (stderr, "%s:%d: explanation lacks %s:\n  %s\n  %s\n", __FILE__, __LINE__,
                 scores[row], zh, en);
    }
  {
    g_autofree char *zh = pbs_scorecard_dup_row_explanation (sc, 2, PBS_LANGUAGE_ZH);
    g_autofree char *en = pbs_scorecard_dup_row_explanation (sc, 2, PBS_LANGUAGE_EN);

    CU_ASSERT_TRUE (zh != NULL && strstr (zh, "实际完成值") != NULL);
    CU_ASSERT_TRUE (en != NULL && contains_ci (en, "actual"));
    if (zh != NULL && en != NULL && (strstr (zh, "实际完成值") == NULL || !contains_ci (en, "actual")))
      fprintf (stderr, "%s:%d: unscored explanation:\n  %s\n  %s\n", __FILE__, __LINE__, zh, en);
  }
}

/* ------------------------------------------------------------- accessors */

static void
test_scorecard_accessors (void)
{
  static const Row rows[] = {
    { OUT, QTY, "办件量", "40", "≥100件", "100件" },
    { BEN, SOC, "网上可办率", "50", "≥100%", "95%" },
  };
  g_autoptr (PbsEvaluation) e = pbs_test_evaluation_new ("100", "100", "10", rows, 2);
  g_autoptr (PbsPolicy) p = pbs_test_policy_with ("rounding.digits", "1", NULL);
  g_autoptr (PbsScorecard) sc = SCORE_OK (e, p);
  g_autoptr (PbsScorecard) central = SCORE_OK (e, NULL);
  g_autoptr (PbsPolicy) c = pbs_policy_new ();
  PbsDecimal d;

  if (sc == NULL || central == NULL)
    return;
  CU_ASSERT_PTR_EQUAL (pbs_scorecard_get_evaluation (sc), e);
  CU_ASSERT_TRUE (pbs_policy_equal (pbs_scorecard_get_policy (sc), p));
  /* NULL means central */
  CU_ASSERT_TRUE (pbs_policy_equal (pbs_scorecard_get_policy (central), c));
  CU_ASSERT_EQUAL (pbs_scorecard_get_n_rows (sc), 2);
  CU_ASSERT_TRUE (pbs_scorecard_get_row_points (sc, 1, &d));
  ASSERT_DEC_EQ (d, "50");
  CHECK_ROW_SCORE (sc, 1, "47.5");
  /* the scorecard is a snapshot: changing the policy afterwards changes nothing */
  pbs_policy_set (p, "rounding.digits", "0", NULL);
  CHECK_ROW_SCORE (sc, 1, "47.5");

  CU_ASSERT_PTR_EQUAL (pbs_scorecard_ref (sc), sc);
  pbs_scorecard_unref (sc);
  CU_ASSERT_EQUAL (pbs_scorecard_get_n_rows (sc), 2);
  /* boxed: a copy is a reference */
  {
    PbsScorecard *copy = g_boxed_copy (PBS_TYPE_SCORECARD, sc);
    CU_ASSERT_PTR_EQUAL (copy, sc);
    g_boxed_free (PBS_TYPE_SCORECARD, copy);
  }
  /* the scorecard keeps the evaluation alive */
  {
    g_autoptr (PbsEvaluation) e2 = pbs_test_evaluation_new ("100", "100", "10", rows, 2);
    g_autoptr (PbsScorecard) sc2 = SCORE_OK (e2, NULL);

    g_clear_pointer (&e2, pbs_evaluation_unref);
    if (sc2 != NULL)
      {
        PbsEvaluation *held = pbs_scorecard_get_evaluation (sc2);
        CU_ASSERT_PTR_NOT_NULL (held);
        CU_ASSERT_EQUAL (pbs_evaluation_get_n_indicators (held), 2);
      }
  }
}


/* Reads one evaluation from YAML text (the reader is tested elsewhere). */
static PbsEvaluation *
evaluation_from_yaml (const char *yaml)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PbsReader) reader = pbs_reader_new_for_data (yaml, -1, "t.yaml");
  g_autoptr (PbsDocument) doc = pbs_reader_next (reader, &error);

  if (doc == NULL)
    {
      fprintf (stderr, "test input does not read: %s\n", error != NULL ? error->message : "?");
      return NULL;
    }
  return pbs_evaluation_ref (pbs_document_get_evaluation (doc));
}

/* Budget figures whose score does not fit are an OVERFLOW error with the
 * document's place, never NULL without an error, and never one error set
 * over another (both were found by review; regression). */
static void
test_budget_overflow_is_an_error (void)
{
  static const char * const tables[] = {
    "pbscore: 1\ntitle: t\nbudget: {annual: 999999999999999999, executed: 0.999999999999999997, "
    "points: 9.99999999999999997}\nindicators: []\n",
    "pbscore: 1\ntitle: t\nbudget: {annual: 0.000000000000000001, executed: 999999999999999999}\n"
    "indicators:\n  - {level1: 产出指标, level2: 数量指标, name: R, target: '≥1', actual: '1', points: 90}\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autoptr (PbsEvaluation) e = evaluation_from_yaml (tables[i]);
      g_autoptr (GError) error = NULL;
      g_autoptr (PbsScorecard) sc = NULL;

      CU_ASSERT_PTR_NOT_NULL_FATAL (e);
      sc = pbs_evaluation_score (e, NULL, &error);
      CU_ASSERT_PTR_NULL (sc);
      PBS_ASSERT_ERROR (error, PBS_SCORE_ERROR, PBS_SCORE_ERROR_OVERFLOW);
      CU_ASSERT_TRUE (error != NULL && g_str_has_prefix (error->message, "t.yaml:1:1: "));
    }
}

/* §1, doc/format.md: a family may nest; exactly one level counts. P and
 * C have no actual, G has one: G counts, C shows G's score, P shows C's,
 * and the points are G's 30 + other 30 + budget 10 = 70 (not 130). */
static void
test_nested_parents_count_once (void)
{
  g_autoptr (PbsEvaluation) e = evaluation_from_yaml (
    "pbscore: 1\ntitle: t\nbudget: {annual: 100, executed: 100}\nindicators:\n"
    "  - {level1: 产出指标, level2: 数量指标, name: P, target: '≥100%', points: 30}\n"
    "  - {level1: 产出指标, level2: 数量指标, name: C, parent: P, target: '≥100%', points: 30}\n"
    "  - {level1: 产出指标, level2: 数量指标, name: G, parent: C, target: '≥100%', actual: '90%', points: 30, reason: r}\n"
    "  - {level1: 产出指标, level2: 数量指标, name: other, target: '≥100%', actual: '100%', points: 30}\n");
  g_autoptr (PbsPolicy) p = pbs_policy_new ();
  g_autoptr (PbsScorecard) sc = NULL;
  g_autoptr (GError) error = NULL;
  PbsDecimal d;

  CU_ASSERT_PTR_NOT_NULL_FATAL (e);
  CU_ASSERT_TRUE (pbs_policy_set (p, "weights.mismatch", "as_is", NULL));
  sc = pbs_evaluation_score (e, p, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (sc);
  CU_ASSERT_TRUE (pbs_scorecard_get_row_flags (sc, 0) & PBS_FLAG_NOT_COUNTED);
  CU_ASSERT_TRUE (pbs_scorecard_get_row_flags (sc, 1) & PBS_FLAG_NOT_COUNTED);
  CU_ASSERT_FALSE (pbs_scorecard_get_row_flags (sc, 2) & PBS_FLAG_NOT_COUNTED);
  CU_ASSERT_TRUE (pbs_scorecard_get_row_score (sc, 1, &d));
  PBS_ASSERT_DECIMAL (&d, "27.00");        /* 30 × 90 / 100 */
  CU_ASSERT_TRUE (pbs_scorecard_get_row_score (sc, 0, &d));
  PBS_ASSERT_DECIMAL (&d, "27.00");
  pbs_scorecard_get_total_points (sc, &d);
  PBS_ASSERT_DECIMAL (&d, "70");
  pbs_scorecard_get_total (sc, &d);
  PBS_ASSERT_DECIMAL (&d, "67.00");        /* 10 + 27 + 30 */
  CU_ASSERT_TRUE (pbs_scorecard_is_complete (sc));
}

/* A counted row without an actual leaves the scorecard incomplete, even
 * under a parent without one. */
static void
test_nested_unscored_child_is_incomplete (void)
{
  g_autoptr (PbsEvaluation) e = evaluation_from_yaml (
    "pbscore: 1\ntitle: t\nbudget: {annual: 100, executed: 100}\nindicators:\n"
    "  - {level1: 产出指标, level2: 数量指标, name: P, target: '≥100%', points: 60}\n"
    "  - {level1: 产出指标, level2: 数量指标, name: C, parent: P, target: '≥100%', points: 30}\n"
    "  - {level1: 产出指标, level2: 数量指标, name: D, parent: P, target: '≥100%', actual: '100%', points: 30}\n");
  g_autoptr (PbsPolicy) p = pbs_policy_new ();
  g_autoptr (PbsScorecard) sc = NULL;

  CU_ASSERT_PTR_NOT_NULL_FATAL (e);
  CU_ASSERT_TRUE (pbs_policy_set (p, "weights.mismatch", "as_is", NULL));
  sc = pbs_evaluation_score (e, p, NULL);
  CU_ASSERT_PTR_NOT_NULL_FATAL (sc);
  CU_ASSERT_FALSE (pbs_scorecard_is_complete (sc));
  CU_ASSERT_EQUAL (pbs_scorecard_get_grade (sc), PBS_GRADE_NONE);
  CU_ASSERT_EQUAL (pbs_scorecard_get_row_status (sc, 0), PBS_STATUS_UNSCORED);
}

/* The warnings quote the policy's own thresholds. */
static void
test_warning_thresholds_in_messages (void)
{
  g_autoptr (PbsEvaluation) e = evaluation_from_yaml (
    "pbscore: 1\ntitle: t\nbudget: {annual: 100, executed: 92, points: 10}\nindicators:\n"
    "  - {level1: 产出指标, level2: 数量指标, name: R, target: '≥1', actual: '1', points: 90}\n");
  g_autoptr (PbsPolicy) p = pbs_policy_new ();
  g_autoptr (PbsScorecard) sc = NULL;
  gboolean seen = FALSE;

  CU_ASSERT_PTR_NOT_NULL_FATAL (e);
  CU_ASSERT_TRUE (pbs_policy_set (p, "budget.explain_below", "0.95", NULL));
  sc = pbs_evaluation_score (e, p, NULL);
  CU_ASSERT_PTR_NOT_NULL_FATAL (sc);
  for (guint i = 0; i < pbs_scorecard_get_n_warnings (sc); i++)
    if (pbs_scorecard_get_warning (sc, i) == PBS_WARNING_EXECUTION_BELOW_90)
      {
        g_autofree char *m = pbs_scorecard_dup_warning_message (sc, i, PBS_LANGUAGE_ZH);
        CU_ASSERT_PTR_NOT_NULL (strstr (m, "低于 95%"));
        seen = TRUE;
      }
  CU_ASSERT_TRUE (seen);
}

/* §6: every point value is above 0; a 0-point applicable row is a
 * warning (not an error: real tables carry informational rows), and a
 * not-applicable one is not. */
static void
test_zero_points_warning (void)
{
  static const char yaml[] =
    "pbscore: 1\ntitle: t\nbudget: {annual: 100, executed: 100}\nindicators:\n"
    "  - {level1: 产出指标, level2: 数量指标, name: R, target: '≥1', actual: '1', points: 90}\n"
    "  - {level1: 产出指标, level2: 数量指标, name: Z, target: '≥1', actual: '1', points: 0%s}\n";
  for (guint na = 0; na < 2; na++)
    {
      g_autofree char *text = g_strdup_printf (yaml, na ? ", not_applicable: true" : "");
      g_autoptr (PbsEvaluation) e = evaluation_from_yaml (text);
      g_autoptr (PbsScorecard) sc = NULL;
      gboolean seen = FALSE;

      CU_ASSERT_PTR_NOT_NULL_FATAL (e);
      sc = pbs_evaluation_score (e, NULL, NULL);
      CU_ASSERT_PTR_NOT_NULL_FATAL (sc);
      for (guint i = 0; i < pbs_scorecard_get_n_warnings (sc); i++)
        seen = seen || pbs_scorecard_get_warning (sc, i) == PBS_WARNING_ZERO_POINTS;
      CU_ASSERT_EQUAL (seen, na == 0);
    }
}

/* §10: inputs meant for qualitative rows are ignored, and flagged, on
 * other rows: a manual score or an explicit band. */
static void
test_band_on_quantity_row_is_flagged (void)
{
  g_autoptr (PbsEvaluation) e = evaluation_from_yaml (
    "pbscore: 1\ntitle: t\nbudget: {annual: 100, executed: 100}\nindicators:\n"
    "  - {level1: 产出指标, level2: 数量指标, name: R, target: '≥1', actual: '1', points: 45, band: unmet}\n"
    "  - {level1: 产出指标, level2: 数量指标, name: S, target: '≥1', actual: '1', points: 45}\n");
  g_autoptr (PbsScorecard) sc = NULL;
  PbsDecimal d;

  CU_ASSERT_PTR_NOT_NULL_FATAL (e);
  sc = pbs_evaluation_score (e, NULL, NULL);
  CU_ASSERT_PTR_NOT_NULL_FATAL (sc);
  CU_ASSERT_TRUE (pbs_scorecard_get_row_flags (sc, 0) & PBS_FLAG_MANUAL_IGNORED);
  CU_ASSERT_FALSE (pbs_scorecard_get_row_flags (sc, 1) & PBS_FLAG_MANUAL_IGNORED);
  CU_ASSERT_TRUE (pbs_scorecard_get_row_score (sc, 0, &d));
  PBS_ASSERT_DECIMAL (&d, "45.00");
}

/* Issue 14: a sum that outgrows 18 significant digits because a value has
 * too many decimals says so and names the values, not "too large". */
static void
test_overflow_names_the_digits (void)
{
  static const PbsTestRow rows[] = {
    { OUT, QTY, "办件量", "0.000000000000000001", "≥100件", "90件" },
    { OUT, QTY, "网办率", "90", "≥100%", "95%" },
  };
  g_autoptr (PbsEvaluation) e = pbs_test_evaluation_new ("100", "90", "10", rows, 2);
  g_autoptr (GError) error = NULL;
  g_autoptr (PbsScorecard) sc = pbs_evaluation_score (e, NULL, &error);

  CU_ASSERT_PTR_NULL (sc);
  PBS_ASSERT_ERROR (error, PBS_SCORE_ERROR, PBS_SCORE_ERROR_OVERFLOW);
  if (error == NULL)
    return;
  CU_ASSERT_PTR_NOT_NULL (strstr (error->message, "0.000000000000000001"));
  CU_ASSERT_PTR_NOT_NULL (strstr (error->message, "too many decimals"));
  CU_ASSERT_PTR_NULL (strstr (error->message, "too large"));
}

/* Which way a row missed is decided by its rule while scoring and read
 * back, never derived again (issue 8; rule book §4). */
static void
test_deviation (void)
{
  static const PbsTestRow rows[] = {
    { OUT, QTY, "办件量", "10", "≥100件", "100件" },          /* met */
    { OUT, QTY, "网办率", "10", "≥100%", "95%" },              /* short */
    { OUT, QTY, "办理时限", "10", "≤3天", "4天" },             /* past ceiling */
    { OUT, QTY, "区间", "10", "80%-90%", "70%" },              /* below a range: short */
    { OUT, QTY, "区间上", "10", "80%-90%", "95%" },            /* above a range: past ceiling */
    { OUT, QTY, "事故", "10", "=0起", "2起" },                 /* off an exact value */
    { OUT, QTY, "完成时间", "10", "2024年6月", "2024年9月" },  /* late */
    { BEN, SOC, "服务质量", "10", "达成预期", "基本达成" },    /* below band */
    { BEN, SOC, "是否完成", "10", "是", "否" },                /* off an exact value */
    { BEN, SOC, "等于", "10", "=100件", "90件" },              /* two-sided below */
  };
  static const PbsDeviation expected[] = {
    PBS_DEVIATION_NONE, PBS_DEVIATION_SHORT, PBS_DEVIATION_PAST_CEILING,
    PBS_DEVIATION_SHORT, PBS_DEVIATION_PAST_CEILING, PBS_DEVIATION_OFF_TARGET,
    PBS_DEVIATION_LATE, PBS_DEVIATION_BELOW_BAND, PBS_DEVIATION_OFF_TARGET,
    PBS_DEVIATION_OFF_TARGET,
  };
  g_autoptr (PbsEvaluation) e = pbs_test_evaluation_new ("100", "100", "10", rows, G_N_ELEMENTS (rows));
  g_autoptr (PbsPolicy) p = pbs_test_policy_with ("equal.mode", "two_sided", "qualitative.defaults", "lower",
                                           "weights.mismatch", "as_is", NULL);
  g_autoptr (PbsPolicy) q = pbs_test_policy_with ("qualitative.defaults", "lower", "weights.mismatch", "as_is", NULL);
  g_autoptr (PbsScorecard) sc = SCORE_OK (e, p);
  g_autoptr (PbsScorecard) as_ge = SCORE_OK (e, q);

  G_STATIC_ASSERT (G_N_ELEMENTS (rows) == G_N_ELEMENTS (expected));
  if (sc == NULL || as_ge == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      PbsDeviation d = pbs_scorecard_get_row_deviation (sc, i);
      if (d != expected[i])
        fprintf (stderr, "row %u (%s): deviation %s, expected %s\n", i + 1, rows[i].name,
                 pbs_deviation_get_nick (d), pbs_deviation_get_nick (expected[i]));
      CU_ASSERT_EQUAL (d, expected[i]);
    }
  /* Under the central policy = is scored as at-least: short, not off. */
  CU_ASSERT_EQUAL (pbs_scorecard_get_row_deviation (as_ge, 9), PBS_DEVIATION_SHORT);
  CU_ASSERT_STRING_EQUAL (pbs_deviation_get_nick (PBS_DEVIATION_PAST_CEILING), "past_ceiling");
  CU_ASSERT_STRING_EQUAL (pbs_deviation_get_nick (PBS_DEVIATION_BELOW_BAND), "below_band");
}

static const PbsTestCase cases[] = {
  { "budget_rate_uses_annual", test_budget_rate_uses_annual },
  { "budget_rate_percentage", test_budget_rate_percentage },
  { "budget_exact_rate", test_budget_exact_rate },
  { "budget_rounding", test_budget_rounding },
  { "budget_cap", test_budget_cap },
  { "budget_points_default", test_budget_points_default },
  { "budget_zero", test_budget_zero },
  { "budget_base_initial", test_budget_base_initial },
  { "budget_execution_warnings", test_budget_execution_warnings },
  { "budget_warning_knobs", test_budget_warning_knobs },
  { "red_mismatch_boundary", test_red_mismatch_boundary },
  { "red_mismatch_needs_points", test_red_mismatch_needs_points },
  { "budget_printed_differs", test_budget_printed_differs },
  { "totals_sum_rounded_rows", test_totals_sum_rounded_rows },
  { "rounding_exact", test_rounding_exact },
  { "subtotals", test_subtotals },
  { "grades", test_grades },
  { "grades_variant", test_grades_variant },
  { "budget_not_in_total", test_budget_not_in_total },
  { "weights_modes", test_weights_modes },
  { "not_applicable", test_not_applicable },
  { "not_applicable_without_values", test_not_applicable_without_values },
  { "incomplete", test_incomplete },
  { "structural_errors", test_structural_errors },
  { "error_messages_name_row", test_error_messages_name_row },
  { "printed_differs", test_printed_differs },
  { "explanations", test_explanations },
  { "scorecard_accessors", test_scorecard_accessors },
  { "budget_overflow_is_an_error", test_budget_overflow_is_an_error },
  { "nested_parents_count_once", test_nested_parents_count_once },
  { "nested_unscored_child_is_incomplete", test_nested_unscored_child_is_incomplete },
  { "warning_thresholds_in_messages", test_warning_thresholds_in_messages },
  { "zero_points_warning", test_zero_points_warning },
  { "band_on_quantity_row_is_flagged", test_band_on_quantity_row_is_flagged },
  { "deviation", test_deviation },
  { "overflow_names_the_digits", test_overflow_names_the_digits },
  { "budget_as_printed", test_budget_as_printed },
  { "sources_mismatch", test_sources_mismatch },
  { "source_accessors", test_source_accessors },
  { NULL, NULL }
};

int
main (void)
{
  return pbs_test_run ("scorecard", cases);
}
