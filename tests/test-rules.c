/* test-rules.c - the indicator formulas of rule book §4 and §10
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Every expected score here is worked out by hand from the rule book
 * (shared/domain/scoring-rules.md) or, in the matrices, recomputed in the
 * test with exact integer arithmetic, never with the library's own decimals.
 * Each tested indicator is row 1 of a table whose points add up to 100 (a
 * fully spent budget of 10 points and a met filler row carrying the rest),
 * so the central policy's weights check passes untouched.
 */
#include "pbs-test.h"

/* ------------------------------------------------------------------ helpers */

static PbsIndicator *
row_new_full (const char *name, const char *points, const char *target, const char *actual)
{
  const PbsTestRow row = { OUT, QTY, name, points, target, actual };

  return pbs_test_row_new (&row);
}

static PbsIndicator *
row_new (const char *points, const char *target, const char *actual)
{
  return row_new_full ("测试指标", points, target, actual);
}

static void
set_manual (PbsIndicator *ind, const char *score)
{
  PbsDecimal d = pbs_test_dec (score);
  pbs_indicator_set_manual_score (ind, &d);
}

/* Scores IND as row 1 (index 0) of a table of 100 points: budget 10 points
 * fully spent, IND, and a met filler row of 90 − w points. */
static PbsScorecard *
score_one (PbsIndicator *ind, const PbsPolicy *policy, GError **error)
{
  g_autoptr (PbsEvaluation) e = pbs_evaluation_new ();
  PbsDecimal annual = pbs_test_dec ("100"), executed = pbs_test_dec ("100");
  PbsDecimal bpoints = pbs_test_dec ("10"), ninety = pbs_test_dec ("90");
  PbsDecimal w, rest;
  g_autoptr (PbsBudget) b = pbs_budget_new (&annual, &executed);

  pbs_budget_set_points (b, &bpoints);
  pbs_evaluation_set_budget (e, b);
  pbs_evaluation_add_indicator (e, ind);
  pbs_indicator_get_points (ind, &w);
  if (pbs_decimal_sub (&ninety, &w, &rest) && pbs_decimal_sign (&rest) > 0)
    {
      g_autofree char *rest_text = pbs_decimal_to_string (&rest);
      g_autoptr (PbsIndicator) filler = NULL;

      filler = row_new_full ("填充指标", rest_text, "≥1项", "1项");
      pbs_evaluation_add_indicator (e, filler);
    }
  return pbs_evaluation_score (e, policy, error);
}

/* Checks row ROW: its score (NULL: no score), status and rule. */
static void
check_row_at (const char *file, int line, PbsScorecard *sc, guint row,
              const char *score, PbsStatus status, PbsRule rule)
{
  PbsStatus st;
  PbsRule ru;

  CHECK_AT (sc != NULL, file, line);
  if (sc == NULL)
    return;
  pbs_test_row_decimal_at (file, line, sc, row, pbs_scorecard_get_row_score, score);
  st = pbs_scorecard_get_row_status (sc, row);
  CHECK_AT (st == status, file, line);
  if (st != status)
    fprintf (stderr, "%s:%d: status %d, expected %d\n", file, line, st, status);
  ru = pbs_scorecard_get_row_rule (sc, row);
  CHECK_AT (ru == rule, file, line);
  if (ru != rule)
    fprintf (stderr, "%s:%d: rule %d, expected %d\n", file, line, ru, rule);
}
#define CHECK_ROW(sc, row, score, status, rule) \
  check_row_at (__FILE__, __LINE__, sc, row, score, status, rule)

static void
check_flags_at (const char *file, int line, PbsScorecard *sc, guint row,
                PbsFlags mask, PbsFlags expected)
{
  PbsFlags got;

  if (sc == NULL)
    return;
  got = pbs_scorecard_get_row_flags (sc, row) & mask;
  CHECK_AT (got == expected, file, line);
  if (got != expected)
    fprintf (stderr, "%s:%d: flags 0x%x (under mask 0x%x), expected 0x%x\n",
             file, line, got, mask, expected);
}
/* Checks the flags under MASK, so a test states only what it is about. */
#define CHECK_FLAGS(sc, row, mask, expected) \
  check_flags_at (__FILE__, __LINE__, sc, row, mask, expected)
#define ALL_FLAGS ((PbsFlags) 0x7f)

#define CHECK_RATIO(sc, row, ratio) \
  pbs_test_row_decimal_at (__FILE__, __LINE__, sc, row, pbs_scorecard_get_row_ratio, ratio)

/* Scores one row built from TARGET / ACTUAL / POINTS under POLICY and checks
 * score, status and rule. */
static void
expect_at (const char *file, int line, const PbsPolicy *policy, const char *points,
           const char *target, const char *actual, const char *score,
           PbsStatus status, PbsRule rule)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PbsIndicator) ind = row_new (points, target, actual);
  g_autoptr (PbsScorecard) sc = score_one (ind, policy, &error);

  CHECK_AT (sc != NULL, file, line);
  if (sc == NULL)
    {
      fprintf (stderr, "%s:%d: %s against %s: %s\n", file, line, actual, target,
               error ? error->message : "(no error set)");
      return;
    }
  check_row_at (file, line, sc, 0, score, status, rule);
}
#define EXPECT(policy, points, target, actual, score, status, rule) \
  expect_at (__FILE__, __LINE__, policy, points, target, actual, score, status, rule)

/* Scoring IND must fail with the PBS_SCORE_ERROR CODE, naming row 1. */
static void
expect_error_at (const char *file, int line, PbsIndicator *ind,
                 const PbsPolicy *policy, PbsScoreError code)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PbsScorecard) sc = score_one (ind, policy, &error);

  CHECK_AT (sc == NULL, file, line);
  if (!pbs_test_error_is_at (file, line, error, PBS_SCORE_ERROR, code, NULL) || error == NULL)
    return;
  /* pbs-error.h: "The message names the row (1-based ...) and the indicator." */
  CHECK_AT (strstr (error->message, "row 1") != NULL, file, line);
  CHECK_AT (strstr (error->message, pbs_indicator_get_name (ind)) != NULL, file, line);
}
#define EXPECT_ERROR(ind, policy, code) expect_error_at (__FILE__, __LINE__, ind, policy, code)

/* ------------------------------------------------------ §4 positive (GE/GT) */

/* §4 GE: a ≥ t → w. ≥95% with 96% → 10. */
static void
test_positive_met (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PbsIndicator) ind = row_new ("10", "≥95%", "96%");
  g_autoptr (PbsScorecard) sc = score_one (ind, NULL, &error);

  ASSERT_NO_ERROR (error);
  CHECK_ROW (sc, 0, "10", PBS_STATUS_MET, PBS_RULE_POSITIVE);
  /* met, 96/95 < 1.2: nothing to report, no reason owed (§10) */
  CHECK_FLAGS (sc, 0, ALL_FLAGS, PBS_FLAG_NONE);
  CHECK_RATIO (sc, 0, "1.0105");
}

/* §4 GE: else w·a/t. ≥95% with 90% → 10·90/95 = 9.4736… → 9.47 (§5 half_up 2). */
static void
test_positive_shortfall (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PbsIndicator) ind = row_new ("10", "≥95%", "90%");
  g_autoptr (PbsScorecard) sc = score_one (ind, NULL, &error);

  ASSERT_NO_ERROR (error);
  CHECK_ROW (sc, 0, "9.47", PBS_STATUS_PARTIAL, PBS_RULE_POSITIVE);
  /* §4 last bullet, §10: a shortfall owes a 偏差原因; none was given */
  CHECK_FLAGS (sc, 0, ALL_FLAGS, PBS_FLAG_MISSING_REASON);
  CHECK_RATIO (sc, 0, "0.9474");
}

/* §4 / §10: with a real reason the shortfall is not flagged. */
static void
test_positive_shortfall_with_reason (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PbsIndicator) ind = row_new ("10", "≥95%", "90%");
  g_autoptr (PbsScorecard) sc = NULL;

  pbs_indicator_set_reason (ind, "部分事项因系统升级延期办理");
  sc = score_one (ind, NULL, &error);
  ASSERT_NO_ERROR (error);
  CHECK_ROW (sc, 0, "9.47", PBS_STATUS_PARTIAL, PBS_RULE_POSITIVE);
  CHECK_FLAGS (sc, 0, ALL_FLAGS, PBS_FLAG_NONE);
}

/* §10: GT scores exactly like GE (reaching t is met). */
static void
test_gt_like_ge (void)
{
  EXPECT (NULL, "10", ">95%", "95%", "10", PBS_STATUS_MET, PBS_RULE_POSITIVE);
  EXPECT (NULL, "10", ">95%", "96%", "10", PBS_STATUS_MET, PBS_RULE_POSITIVE);
  EXPECT (NULL, "10", ">95%", "90%", "9.47", PBS_STATUS_PARTIAL, PBS_RULE_POSITIVE);
  EXPECT (NULL, "10", "＞95%", "90%", "9.47", PBS_STATUS_PARTIAL, PBS_RULE_POSITIVE);
}

/* §2 sign glyphs reach the same formulas: the documented spellings of GE
 * and LE give the §4 examples' scores. */
static void
test_sign_spellings (void)
{
  static const char *ge_forms[] = { "≥95%", "≧95%", ">=95%", "不少于95%", "不低于95%",
                                    "大于等于95%", "95%以上", NULL };
  static const char *le_forms[] = { "≤3天", "≦3天", "<=3天", "不超过3天", "不高于3天",
                                    "小于等于3天", "3天以内", "3天以下", NULL };

  for (guint i = 0; ge_forms[i] != NULL; i++)
    EXPECT (NULL, "10", ge_forms[i], "90%", "9.47", PBS_STATUS_PARTIAL, PBS_RULE_POSITIVE);
  for (guint i = 0; le_forms[i] != NULL; i++)
    EXPECT (NULL, "10", le_forms[i], "4.5天", "6.67", PBS_STATUS_PARTIAL, PBS_RULE_REVERSE_RATIO);
  /* §2: an actual carrying a sign is read as its number */
  EXPECT (NULL, "10", "≥95%", "≥90%", "9.47", PBS_STATUS_PARTIAL, PBS_RULE_POSITIVE);
  /* §2: full-width digits */
  EXPECT (NULL, "10", "≥９５%", "９０%", "9.47", PBS_STATUS_PARTIAL, PBS_RULE_POSITIVE);
  /* §2: thousands separators */
  EXPECT (NULL, "10", "≥2,000件", "1,500件", "7.5", PBS_STATUS_PARTIAL, PBS_RULE_POSITIVE);
}

/* §4 GE with t = 0: any a ≥ 0 reaches it; §10: over-completion needs a
 * positive target, and scoring.md: no ratio without a non-zero target. */
static void
test_positive_zero_target (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PbsIndicator) ind = row_new ("10", "≥0个", "3个");
  g_autoptr (PbsScorecard) sc = score_one (ind, NULL, &error);

  ASSERT_NO_ERROR (error);
  CHECK_ROW (sc, 0, "10", PBS_STATUS_MET, PBS_RULE_POSITIVE);
  CHECK_FLAGS (sc, 0, ALL_FLAGS, PBS_FLAG_NONE);
  CHECK_RATIO (sc, 0, NULL);
  EXPECT (NULL, "10", "≥0个", "0个", "10", PBS_STATUS_MET, PBS_RULE_POSITIVE);
  /* §10: a shortfall against a target ≤ 0 (no ratio exists) scores 0 */
  EXPECT (NULL, "10", "≥-5", "-6", "0", PBS_STATUS_UNMET, PBS_RULE_POSITIVE);
  EXPECT (NULL, "10", "≥-5", "-5", "10", PBS_STATUS_MET, PBS_RULE_POSITIVE);
}

/* -------------------------------------------------------------- §4 EQ */

/* §4 EQ, equal.mode as_ge (central): like GE, over-delivery keeps full points. */
static void
test_equal_as_ge (void)
{
  EXPECT (NULL, "10", "=100件", "90件", "9", PBS_STATUS_PARTIAL, PBS_RULE_EQUAL);
  EXPECT (NULL, "10", "=100件", "100件", "10", PBS_STATUS_MET, PBS_RULE_EQUAL);
  EXPECT (NULL, "10", "=100件", "110件", "10", PBS_STATUS_MET, PBS_RULE_EQUAL);
  /* §2: a bare number is EQ; ＝ and 等于 too */
  EXPECT (NULL, "10", "100件", "90件", "9", PBS_STATUS_PARTIAL, PBS_RULE_EQUAL);
  EXPECT (NULL, "10", "＝100件", "90件", "9", PBS_STATUS_PARTIAL, PBS_RULE_EQUAL);
  EXPECT (NULL, "10", "等于100件", "110件", "10", PBS_STATUS_MET, PBS_RULE_EQUAL);
}

/* §4 EQ two_sided: w·max(0, 1 − |a−t|/t); met only when a = t (scoring.md). */
static void
test_equal_two_sided (void)
{
  g_autoptr (PbsPolicy) p = pbs_test_policy_with ("equal.mode", "two_sided", NULL);

  EXPECT (p, "10", "=100件", "90件", "9", PBS_STATUS_PARTIAL, PBS_RULE_EQUAL_TWO_SIDED);
  EXPECT (p, "10", "=100件", "110件", "9", PBS_STATUS_PARTIAL, PBS_RULE_EQUAL_TWO_SIDED);
  EXPECT (p, "10", "=100件", "100件", "10", PBS_STATUS_MET, PBS_RULE_EQUAL_TWO_SIDED);
  EXPECT (p, "10", "=100件", "250件", "0", PBS_STATUS_UNMET, PBS_RULE_EQUAL_TWO_SIDED);
  EXPECT (p, "10", "=3天", "4天", "6.67", PBS_STATUS_PARTIAL, PBS_RULE_EQUAL_TWO_SIDED);
}

/* §4 EQ with t = 0: w when a ≤ 0, else 0 — in both equal modes. */
static void
test_equal_zero (void)
{
  g_autoptr (PbsPolicy) p = pbs_test_policy_with ("equal.mode", "two_sided", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (PbsIndicator) ind = row_new ("10", "=0次", "2次");
  g_autoptr (PbsScorecard) sc = score_one (ind, NULL, &error);

  ASSERT_NO_ERROR (error);
  CHECK_ROW (sc, 0, "0", PBS_STATUS_UNMET, PBS_RULE_EQUAL_ZERO);
  /* scoring.md: no ratio without a non-zero target */
  CHECK_RATIO (sc, 0, NULL);
  CHECK_FLAGS (sc, 0, PBS_FLAG_MISSING_REASON, PBS_FLAG_MISSING_REASON);

  EXPECT (NULL, "10", "=0次", "0次", "10", PBS_STATUS_MET, PBS_RULE_EQUAL_ZERO);
  EXPECT (NULL, "10", "0起", "0起", "10", PBS_STATUS_MET, PBS_RULE_EQUAL_ZERO);
  EXPECT (p, "10", "=0次", "0次", "10", PBS_STATUS_MET, PBS_RULE_EQUAL_ZERO);
  EXPECT (p, "10", "=0次", "1次", "0", PBS_STATUS_UNMET, PBS_RULE_EQUAL_ZERO);
}

/* --------------------------------------------------------- §4 reverse */

/* §4 reverse, ratio (central): ≤3天, w = 10, a = 4.5 → 10·3/4.5 = 6.67. */
static void
test_reverse_ratio (void)
{
  EXPECT (NULL, "10", "≤3天", "4.5天", "6.67", PBS_STATUS_PARTIAL, PBS_RULE_REVERSE_RATIO);
  EXPECT (NULL, "10", "≤3天", "3天", "10", PBS_STATUS_MET, PBS_RULE_REVERSE_RATIO);
  EXPECT (NULL, "10", "≤3天", "2天", "10", PBS_STATUS_MET, PBS_RULE_REVERSE_RATIO);
  EXPECT (NULL, "10", "≤3天", "6天", "5", PBS_STATUS_PARTIAL, PBS_RULE_REVERSE_RATIO);
  EXPECT (NULL, "10", "≤3天", "30天", "1", PBS_STATUS_PARTIAL, PBS_RULE_REVERSE_RATIO);
}

/* §4 reverse, relative_excess: w·max(0, 1 − (a−t)/t); 4.5 → 5.00, 0 at a ≥ 2t. */
static void
test_reverse_relative_excess (void)
{
  g_autoptr (PbsPolicy) p = pbs_test_policy_with ("reverse.formula", "relative_excess", NULL);

  EXPECT (p, "10", "≤3天", "4.5天", "5", PBS_STATUS_PARTIAL, PBS_RULE_REVERSE_RELATIVE_EXCESS);
  EXPECT (p, "10", "≤3天", "3天", "10", PBS_STATUS_MET, PBS_RULE_REVERSE_RELATIVE_EXCESS);
  EXPECT (p, "10", "≤3天", "1天", "10", PBS_STATUS_MET, PBS_RULE_REVERSE_RELATIVE_EXCESS);
  EXPECT (p, "10", "≤3天", "6天", "0", PBS_STATUS_UNMET, PBS_RULE_REVERSE_RELATIVE_EXCESS);
  EXPECT (p, "10", "≤3天", "7天", "0", PBS_STATUS_UNMET, PBS_RULE_REVERSE_RELATIVE_EXCESS);
  EXPECT (p, "10", "≤3天", "4天", "6.67", PBS_STATUS_PARTIAL, PBS_RULE_REVERSE_RELATIVE_EXCESS);
}

/* §4: reverse with t = 0 and a > 0 → 0, under both formulas. */
static void
test_reverse_zero_target (void)
{
  g_autoptr (PbsPolicy) p = pbs_test_policy_with ("reverse.formula", "relative_excess", NULL);

  EXPECT (NULL, "10", "≤0起", "1起", "0", PBS_STATUS_UNMET, PBS_RULE_REVERSE_RATIO);
  EXPECT (NULL, "10", "≤0起", "0起", "10", PBS_STATUS_MET, PBS_RULE_REVERSE_RATIO);
  EXPECT (p, "10", "≤0起", "1起", "0", PBS_STATUS_UNMET, PBS_RULE_REVERSE_RELATIVE_EXCESS);
  EXPECT (p, "10", "≤0起", "0起", "10", PBS_STATUS_MET, PBS_RULE_REVERSE_RELATIVE_EXCESS);
}

/* §10: LT scores exactly like LE. */
static void
test_lt_like_le (void)
{
  g_autoptr (PbsPolicy) p = pbs_test_policy_with ("reverse.formula", "relative_excess", NULL);

  EXPECT (NULL, "10", "<3天", "4.5天", "6.67", PBS_STATUS_PARTIAL, PBS_RULE_REVERSE_RATIO);
  EXPECT (NULL, "10", "<3天", "3天", "10", PBS_STATUS_MET, PBS_RULE_REVERSE_RATIO);
  EXPECT (NULL, "10", "＜3天", "4.5天", "6.67", PBS_STATUS_PARTIAL, PBS_RULE_REVERSE_RATIO);
  EXPECT (NULL, "10", "低于3天", "2天", "10", PBS_STATUS_MET, PBS_RULE_REVERSE_RATIO);
  EXPECT (p, "10", "<3天", "4.5天", "5", PBS_STATUS_PARTIAL, PBS_RULE_REVERSE_RELATIVE_EXCESS);
}

/* ------------------------------------------------------------- ranges */

/* §2, §10: [lo, hi]: inside → w; below like ≥lo; above like ≤hi with the
 * policy's reverse formula; no over-completion. */
static void
test_range (void)
{
  g_autoptr (PbsPolicy) rel = pbs_test_policy_with ("reverse.formula", "relative_excess", NULL);

  EXPECT (NULL, "10", "80%-90%", "85%", "10", PBS_STATUS_MET, PBS_RULE_RANGE);
  EXPECT (NULL, "10", "80%-90%", "80%", "10", PBS_STATUS_MET, PBS_RULE_RANGE);
  EXPECT (NULL, "10", "80%-90%", "90%", "10", PBS_STATUS_MET, PBS_RULE_RANGE);
  /* below: 10·72/80 = 9 */
  EXPECT (NULL, "10", "80%-90%", "72%", "9", PBS_STATUS_PARTIAL, PBS_RULE_RANGE);
  /* above, ratio: 10·90/100 = 9; relative_excess: 10·(1 − 10/90) = 8.888… */
  EXPECT (NULL, "10", "80%-90%", "100%", "9", PBS_STATUS_PARTIAL, PBS_RULE_RANGE);
  EXPECT (rel, "10", "80%-90%", "100%", "8.89", PBS_STATUS_PARTIAL, PBS_RULE_RANGE);
  /* 3~5天 above: 10·5/6 = 8.33 */
  EXPECT (NULL, "10", "3~5天", "6天", "8.33", PBS_STATUS_PARTIAL, PBS_RULE_RANGE);
  EXPECT (NULL, "10", "3~5天", "2天", "6.67", PBS_STATUS_PARTIAL, PBS_RULE_RANGE);
}

static void
test_range_ratio_and_no_over_completion (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PbsIndicator) inside = row_new ("10", "80%-90%", "85%");
  g_autoptr (PbsIndicator) below = row_new ("10", "80%-90%", "72%");
  g_autoptr (PbsIndicator) far_above = row_new ("10", "80%-90%", "120%");
  g_autoptr (PbsScorecard) sc1 = score_one (inside, NULL, &error);
  g_autoptr (PbsScorecard) sc2 = score_one (below, NULL, &error);
  g_autoptr (PbsScorecard) sc3 = score_one (far_above, NULL, &error);

  ASSERT_NO_ERROR (error);
  /* scoring.md: ratio against the missed bound, or 1 inside */
  CHECK_RATIO (sc1, 0, "1");
  CHECK_RATIO (sc2, 0, "0.9");
  /* above: against hi, 120/90 = 1.3333 */
  CHECK_RATIO (sc3, 0, "1.3333");
  /* 120 % > 1.2 × 90 % would be over-completion for ≥90%, not for a range
   * (§10); score 10·90/120 = 7.5 */
  CHECK_ROW (sc3, 0, "7.5", PBS_STATUS_PARTIAL, PBS_RULE_RANGE);
  CHECK_FLAGS (sc3, 0, PBS_FLAG_OVER_COMPLETION | PBS_FLAG_OVER_DEDUCTED, PBS_FLAG_NONE);
}

/* -------------------------------------------------------- qualitative */

/* §4 qualitative: 达成 → w; an actual equal to the target's words is 达成. */
static void
test_qualitative_met (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PbsIndicator) ind = row_new ("10", "群众满意度明显提升", "达成");
  g_autoptr (PbsScorecard) sc = score_one (ind, NULL, &error);

  ASSERT_NO_ERROR (error);
  CHECK_ROW (sc, 0, "10", PBS_STATUS_MET, PBS_RULE_QUALITATIVE);
  CHECK_FLAGS (sc, 0, ALL_FLAGS, PBS_FLAG_NONE);
  CHECK_RATIO (sc, 0, NULL);

  EXPECT (NULL, "10", "群众满意度明显提升", "群众满意度明显提升", "10",
          PBS_STATUS_MET, PBS_RULE_QUALITATIVE);
}

/* §4 and §10 band words; scored under qualitative.defaults = lower so the
 * band shows in the score: 达成 → 10, 部分达成 → 6, 未达成 → 0. */
static void
test_qualitative_words (void)
{
  static const struct { const char *word; const char *score; PbsStatus status; } words[] = {
    { "达成", "10", PBS_STATUS_MET },
    { "达到预期", "10", PBS_STATUS_MET },
    { "是", "10", PBS_STATUS_MET },
    { "完成", "10", PBS_STATUS_MET },
    { "合格", "10", PBS_STATUS_MET },
    { "有效", "10", PBS_STATUS_MET },
    { "及时", "10", PBS_STATUS_MET },
    { "已完成", "10", PBS_STATUS_MET },          /* §10: leading 已 */
    { "达成预期指标", "10", PBS_STATUS_MET },    /* §10: trailing 预期指标 */
    { "达成年度指标", "10", PBS_STATUS_MET },    /* §10: trailing 年度指标 */
    { "部分达成", "6", PBS_STATUS_PARTIAL },
    { "基本达到", "6", PBS_STATUS_PARTIAL },
    { "基本完成", "6", PBS_STATUS_PARTIAL },
    { "基本达到预期", "6", PBS_STATUS_PARTIAL },
    { "未达成", "0", PBS_STATUS_UNMET },
    { "否", "0", PBS_STATUS_UNMET },
    { "未完成", "0", PBS_STATUS_UNMET },
  };
  g_autoptr (PbsPolicy) p = pbs_test_policy_with ("qualitative.defaults", "lower", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (PbsIndicator) ind = row_new ("10", "服务质量有效提升", words[i].word);
      g_autoptr (PbsScorecard) sc = score_one (ind, p, &error);

      if (sc == NULL)
        fprintf (stderr, "%s:%d: word %s: %s\n", __FILE__, __LINE__, words[i].word,
                 error ? error->message : "?");
      CU_ASSERT_PTR_NOT_NULL (sc);
      if (sc != NULL)
        {
          PbsDecimal got;
          if (!pbs_scorecard_get_row_score (sc, 0, &got))
            {
              CU_FAIL ("qualitative row has no score");
            }
          else if (!ASSERT_DEC_EQ (got, words[i].score))
            {
              fprintf (stderr, "  (word %s)\n", words[i].word);
            }
          CU_ASSERT_EQUAL (pbs_scorecard_get_row_status (sc, 0), words[i].status);
          CU_ASSERT_EQUAL (pbs_scorecard_get_row_rule (sc, 0), PBS_RULE_QUALITATIVE);
        }
    }
}

/* §4: 部分达成 with a manual score inside [60 %, 80 %) keeps it, unflagged. */
static void
test_qualitative_partial_manual (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PbsIndicator) ind = row_new ("10", "服务质量有效提升", "部分达成");
  g_autoptr (PbsScorecard) sc = NULL;

  set_manual (ind, "7");
  pbs_indicator_set_reason (ind, "部分窗口尚未完成改造");
  sc = score_one (ind, NULL, &error);
  ASSERT_NO_ERROR (error);
  CHECK_ROW (sc, 0, "7", PBS_STATUS_PARTIAL, PBS_RULE_QUALITATIVE);
  CHECK_FLAGS (sc, 0, ALL_FLAGS, PBS_FLAG_NONE);
}

/* §4: central qualitative.defaults = none: below 达成 with no manual score is
 * an error naming the row. */
static void
test_qualitative_manual_required (void)
{
  g_autoptr (PbsIndicator) partial = row_new_full ("服务质量", "10", "服务质量有效提升", "部分达成");
  g_autoptr (PbsIndicator) unmet = row_new_full ("服务质量", "10", "服务质量有效提升", "未达成");
  g_autoptr (PbsPolicy) shanxi = pbs_policy_new_preset ("shanxi", NULL);

  EXPECT_ERROR (partial, NULL, PBS_SCORE_ERROR_MANUAL_SCORE_REQUIRED);
  EXPECT_ERROR (unmet, NULL, PBS_SCORE_ERROR_MANUAL_SCORE_REQUIRED);
  CU_ASSERT_PTR_NOT_NULL (shanxi);
  if (shanxi != NULL)
    EXPECT_ERROR (partial, shanxi, PBS_SCORE_ERROR_MANUAL_SCORE_REQUIRED);
}

/* pbs-policy.h: lower → band's lower bound (60 %, 0); middle → 70 %, 30 %. */
static void
test_qualitative_defaults (void)
{
  g_autoptr (PbsPolicy) lower = pbs_test_policy_with ("qualitative.defaults", "lower", NULL);
  g_autoptr (PbsPolicy) middle = pbs_test_policy_with ("qualitative.defaults", "middle", NULL);

  EXPECT (lower, "10", "服务质量有效提升", "部分达成", "6", PBS_STATUS_PARTIAL, PBS_RULE_QUALITATIVE);
  EXPECT (lower, "10", "服务质量有效提升", "未达成", "0", PBS_STATUS_UNMET, PBS_RULE_QUALITATIVE);
  EXPECT (middle, "10", "服务质量有效提升", "部分达成", "7", PBS_STATUS_PARTIAL, PBS_RULE_QUALITATIVE);
  EXPECT (middle, "10", "服务质量有效提升", "未达成", "3", PBS_STATUS_PARTIAL, PBS_RULE_QUALITATIVE);
  /* 达成 is w whatever the defaults */
  EXPECT (lower, "10", "服务质量有效提升", "达成", "10", PBS_STATUS_MET, PBS_RULE_QUALITATIVE);
  EXPECT (middle, "10", "服务质量有效提升", "达成", "10", PBS_STATUS_MET, PBS_RULE_QUALITATIVE);
  /* a manual score wins over the default */
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (PbsIndicator) ind = row_new ("10", "服务质量有效提升", "部分达成");
    g_autoptr (PbsScorecard) sc = NULL;

    set_manual (ind, "7.5");
    sc = score_one (ind, lower, &error);
    ASSERT_NO_ERROR (error);
    CHECK_ROW (sc, 0, "7.5", PBS_STATUS_PARTIAL, PBS_RULE_QUALITATIVE);
  }
}

static void expect_manual_under_at (const char *file, int line, const PbsPolicy *policy,
                                    const char *points, const char *actual, const char *manual,
                                    const char *score, gboolean out_of_band);

/* Rule book §11: Shandong's forms print bands of 80/50, so a policy may
 * set qualitative.bands; the bounds are round(0.8w, 2) and round(0.5w, 2). */
static void
test_qualitative_bands_knob (void)
{
  g_autoptr (PbsPolicy) shandong = pbs_test_policy_with ("qualitative.defaults", "lower",
                                                         "qualitative.bands", "80/50", NULL);
  g_autoptr (PbsPolicy) odd = pbs_test_policy_with ("qualitative.defaults", "middle",
                                                    "qualitative.bands", "85.5/55", NULL);

  EXPECT (shandong, "10", "服务质量有效提升", "部分达成", "5", PBS_STATUS_PARTIAL, PBS_RULE_QUALITATIVE);
  EXPECT (shandong, "10", "服务质量有效提升", "未达成", "0", PBS_STATUS_UNMET, PBS_RULE_QUALITATIVE);
  EXPECT (shandong, "10", "服务质量有效提升", "达成", "10", PBS_STATUS_MET, PBS_RULE_QUALITATIVE);
  /* middle of [55 %, 85.5 %) of 3 points: [1.65, 2.57) → 2.11; of [0, 1.65) → 0.83 */
  EXPECT (odd, "3", "服务质量有效提升", "部分达成", "2.11", PBS_STATUS_PARTIAL, PBS_RULE_QUALITATIVE);
  EXPECT (odd, "3", "服务质量有效提升", "未达成", "0.83", PBS_STATUS_PARTIAL, PBS_RULE_QUALITATIVE);
  /* a manual score in [50 %, 80 %) is in band under 80/50, not under 80/60 */
  expect_manual_under_at (__FILE__, __LINE__, shandong, "10", "部分达成", "5.5", "5.5", FALSE);
  expect_manual_under_at (__FILE__, __LINE__, NULL, "10", "部分达成", "5.5", "5.5", TRUE);
}

/* Scores a qualitative row with ACTUAL words and MANUAL score under
 * POLICY (NULL: central) and checks the score and whether
 * manual_out_of_band is set. */
static void
expect_manual_under_at (const char *file, int line, const PbsPolicy *policy, const char *points,
                        const char *actual, const char *manual, const char *score, gboolean out_of_band)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PbsIndicator) ind = row_new (points, "服务质量有效提升", actual);
  g_autoptr (PbsScorecard) sc = NULL;
  PbsDecimal got;

  set_manual (ind, manual);
  pbs_indicator_set_reason (ind, "已说明原因");
  sc = score_one (ind, policy, &error);
  CHECK_AT (sc != NULL, file, line);
  if (sc == NULL)
    {
      fprintf (stderr, "%s:%d: %s\n", file, line, error ? error->message : "?");
      return;
    }
  CHECK_AT (pbs_scorecard_get_row_score (sc, 0, &got), file, line);
  pbs_test_dec_equal_at (file, line, &got, score);
  check_flags_at (file, line, sc, 0, PBS_FLAG_MANUAL_OUT_OF_BAND,
                  out_of_band ? PBS_FLAG_MANUAL_OUT_OF_BAND : PBS_FLAG_NONE);
}

static void
expect_manual_at (const char *file, int line, const char *points, const char *actual,
                  const char *manual, const char *score, gboolean out_of_band)
{
  expect_manual_under_at (file, line, NULL, points, actual, manual, score, out_of_band);
}
#define EXPECT_MANUAL(points, actual, manual, score, oob) \
  expect_manual_at (__FILE__, __LINE__, points, actual, manual, score, oob)

/* §4, §10: a manual score outside its band keeps its value, clamped to
 * [0, w], and is flagged manual_out_of_band. */
static void
test_qualitative_manual_out_of_band (void)
{
  EXPECT_MANUAL ("10", "部分达成", "9", "9", TRUE);
  EXPECT_MANUAL ("10", "部分达成", "12", "10", TRUE);
  /* 12 lies outside 达成's [8, 10] too: clamped to w, and still flagged */
  EXPECT_MANUAL ("10", "达成", "12", "10", TRUE);
  /* and −1 outside 未达成's [0, 6): clamped to 0, flagged */
  EXPECT_MANUAL ("10", "未达成", "-1", "0", TRUE);
  EXPECT_MANUAL ("10", "部分达成", "5.9", "5.9", TRUE);
  EXPECT_MANUAL ("10", "达成", "7.9", "7.9", TRUE);
  EXPECT_MANUAL ("10", "达成", "8", "8", FALSE);
  EXPECT_MANUAL ("10", "未达成", "6", "6", TRUE);
  EXPECT_MANUAL ("10", "未达成", "5.99", "5.99", FALSE);

  /* 达成 with a manual 7.9 is still met: the target words were reached */
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (PbsIndicator) ind = row_new ("10", "服务质量有效提升", "达成");
    g_autoptr (PbsScorecard) sc = NULL;

    set_manual (ind, "7.9");
    sc = score_one (ind, NULL, &error);
    ASSERT_NO_ERROR (error);
    CHECK_ROW (sc, 0, "7.9", PBS_STATUS_MET, PBS_RULE_QUALITATIVE);
  }
}

/* §4: band bounds are round(0.8w, 2) and round(0.6w, 2), [lo, hi) below 达成. */
static void
test_qualitative_band_bounds (void)
{
  /* w = 7.5: 达成 from 6.00, 部分达成 [4.50, 6.00), 未达成 [0, 4.50) */
  EXPECT_MANUAL ("7.5", "达成", "6", "6", FALSE);
  EXPECT_MANUAL ("7.5", "达成", "5.99", "5.99", TRUE);
  EXPECT_MANUAL ("7.5", "部分达成", "4.5", "4.5", FALSE);
  EXPECT_MANUAL ("7.5", "部分达成", "5.99", "5.99", FALSE);
  EXPECT_MANUAL ("7.5", "部分达成", "6", "6", TRUE);
  EXPECT_MANUAL ("7.5", "部分达成", "4.49", "4.49", TRUE);
  EXPECT_MANUAL ("7.5", "未达成", "4.49", "4.49", FALSE);
  EXPECT_MANUAL ("7.5", "未达成", "4.5", "4.5", TRUE);
  /* w = 3.33: 0.8w = 2.664 → 2.66 and 0.6w = 1.998 → 2.00; with unrounded
   * bounds 2.66 would fall out of 达成 and into 部分达成 */
  EXPECT_MANUAL ("3.33", "达成", "2.66", "2.66", FALSE);
  EXPECT_MANUAL ("3.33", "部分达成", "2.66", "2.66", TRUE);
  EXPECT_MANUAL ("3.33", "部分达成", "2.65", "2.65", FALSE);
  EXPECT_MANUAL ("3.33", "部分达成", "2", "2", FALSE);
  EXPECT_MANUAL ("3.33", "部分达成", "1.99", "1.99", TRUE);
  EXPECT_MANUAL ("3.33", "未达成", "1.99", "1.99", FALSE);
}

/* §4: words that name no band are an error, unless a band was given. */
static void
test_qualitative_unknown_band (void)
{
  g_autoptr (PbsIndicator) ind = row_new_full ("服务质量", "10", "服务质量有效提升", "有所改善");
  g_autoptr (PbsPolicy) lower = pbs_test_policy_with ("qualitative.defaults", "lower", NULL);

  EXPECT_ERROR (ind, NULL, PBS_SCORE_ERROR_UNKNOWN_BAND);
  /* qualitative.defaults does not guess a band */
  EXPECT_ERROR (ind, lower, PBS_SCORE_ERROR_UNKNOWN_BAND);

  {
    g_autoptr (GError) error = NULL;
    g_autoptr (PbsScorecard) sc = NULL;

    pbs_indicator_set_band (ind, PBS_BAND_MET);
    sc = score_one (ind, NULL, &error);
    ASSERT_NO_ERROR (error);
    CHECK_ROW (sc, 0, "10", PBS_STATUS_MET, PBS_RULE_QUALITATIVE);
  }
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (PbsScorecard) sc = NULL;
    /* scoring sealed @ind: change a copy */
    g_autoptr (PbsIndicator) partial = pbs_indicator_copy (ind);

    pbs_indicator_set_band (partial, PBS_BAND_PARTIAL);
    set_manual (partial, "7");
    sc = score_one (partial, NULL, &error);
    ASSERT_NO_ERROR (error);
    CHECK_ROW (sc, 0, "7", PBS_STATUS_PARTIAL, PBS_RULE_QUALITATIVE);
    CHECK_FLAGS (sc, 0, PBS_FLAG_MANUAL_OUT_OF_BAND, PBS_FLAG_NONE);
  }
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (PbsIndicator) unmet = row_new ("10", "服务质量有效提升", "有所改善");
    g_autoptr (PbsScorecard) sc = NULL;

    pbs_indicator_set_band (unmet, PBS_BAND_UNMET);
    sc = score_one (unmet, lower, &error);
    ASSERT_NO_ERROR (error);
    CHECK_ROW (sc, 0, "0", PBS_STATUS_UNMET, PBS_RULE_QUALITATIVE);
  }
}

/* --------------------------------------------------- boolean and dates */

/* §4: 是/否: met → w, not met → 0. */
static void
test_boolean (void)
{
  EXPECT (NULL, "10", "是", "是", "10", PBS_STATUS_MET, PBS_RULE_BOOLEAN);
  EXPECT (NULL, "10", "是", "否", "0", PBS_STATUS_UNMET, PBS_RULE_BOOLEAN);
  /* a 否 target (是否发生安全事故: 否) is met by 否 */
  EXPECT (NULL, "10", "否", "否", "10", PBS_STATUS_MET, PBS_RULE_BOOLEAN);
  EXPECT (NULL, "10", "否", "是", "0", PBS_STATUS_UNMET, PBS_RULE_BOOLEAN);
}

/* §4 date: on or before → w; late → date.late × w (central 0), flagged late. */
static void
test_date (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PbsIndicator) on_time = row_new ("10", "2023年12月31日", "2023年12月20日");
  g_autoptr (PbsIndicator) same_day = row_new ("10", "2023-12-31", "2023年12月31日");
  g_autoptr (PbsIndicator) late = row_new ("10", "2023年12月31日", "2024-01-05");
  g_autoptr (PbsScorecard) sc1 = score_one (on_time, NULL, &error);
  g_autoptr (PbsScorecard) sc2 = score_one (same_day, NULL, &error);
  g_autoptr (PbsScorecard) sc3 = score_one (late, NULL, &error);

  ASSERT_NO_ERROR (error);
  CHECK_ROW (sc1, 0, "10", PBS_STATUS_MET, PBS_RULE_DATE);
  CHECK_FLAGS (sc1, 0, ALL_FLAGS, PBS_FLAG_NONE);
  CHECK_RATIO (sc1, 0, NULL);
  CHECK_ROW (sc2, 0, "10", PBS_STATUS_MET, PBS_RULE_DATE);
  CHECK_ROW (sc3, 0, "0", PBS_STATUS_UNMET, PBS_RULE_DATE);
  CHECK_FLAGS (sc3, 0, PBS_FLAG_LATE, PBS_FLAG_LATE);
}

static void
test_date_late_share (void)
{
  g_autoptr (PbsPolicy) half = pbs_test_policy_with ("date.late", "0.5", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (PbsIndicator) late = row_new ("10", "2023年12月31日", "2024-01-05");
  g_autoptr (PbsScorecard) sc = score_one (late, half, &error);

  ASSERT_NO_ERROR (error);
  CHECK_ROW (sc, 0, "5", PBS_STATUS_PARTIAL, PBS_RULE_DATE);
  CHECK_FLAGS (sc, 0, PBS_FLAG_LATE, PBS_FLAG_LATE);
}

/* §10: dates given only to the month compare by year and month. */
static void
test_date_month_precision (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PbsIndicator) in_month = row_new ("10", "2023年12月", "2023年12月28日");
  g_autoptr (PbsIndicator) next_month = row_new ("10", "2023年12月", "2024年1月5日");
  g_autoptr (PbsIndicator) month_actual = row_new ("10", "2023年12月31日", "2023年12月");
  g_autoptr (PbsIndicator) earlier = row_new ("10", "2023年12月", "2023年11月30日");
  g_autoptr (PbsScorecard) sc1 = score_one (in_month, NULL, &error);
  g_autoptr (PbsScorecard) sc2 = score_one (next_month, NULL, &error);
  g_autoptr (PbsScorecard) sc3 = score_one (month_actual, NULL, &error);
  g_autoptr (PbsScorecard) sc4 = score_one (earlier, NULL, &error);

  ASSERT_NO_ERROR (error);
  CHECK_ROW (sc1, 0, "10", PBS_STATUS_MET, PBS_RULE_DATE);
  CHECK_FLAGS (sc1, 0, PBS_FLAG_LATE, PBS_FLAG_NONE);
  CHECK_ROW (sc2, 0, "0", PBS_STATUS_UNMET, PBS_RULE_DATE);
  CHECK_FLAGS (sc2, 0, PBS_FLAG_LATE, PBS_FLAG_LATE);
  CHECK_ROW (sc3, 0, "10", PBS_STATUS_MET, PBS_RULE_DATE);
  CHECK_ROW (sc4, 0, "10", PBS_STATUS_MET, PBS_RULE_DATE);
}

/* ----------------------------------------------- missing actual, errors */

/* §4, §10: no actual → unscored, no score (never 0), incomplete, no grade. */
static void
test_missing_actual (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PbsIndicator) ind = row_new ("10", "≤3天", NULL);
  g_autoptr (PbsScorecard) sc = score_one (ind, NULL, &error);
  PbsDecimal total;

  ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL (sc);
  if (sc == NULL)
    return;
  CHECK_ROW (sc, 0, NULL, PBS_STATUS_UNSCORED, PBS_RULE_NONE);
  CHECK_RATIO (sc, 0, NULL);
  CU_ASSERT_FALSE (pbs_scorecard_is_complete (sc));
  CU_ASSERT_EQUAL (pbs_scorecard_get_grade (sc), PBS_GRADE_NONE);
  /* §10: the total of what was scored: budget 10 + filler 80 */
  pbs_scorecard_get_total (sc, &total);
  ASSERT_DEC_EQ (total, "90");
}

/* §2, §10: a different unit is an error; no unit takes the target's. */
static void
test_unit_mismatch (void)
{
  g_autoptr (PbsIndicator) people = row_new_full ("培训人数", "10", "≥100人", "120人次");
  g_autoptr (PbsIndicator) days = row_new_full ("办结率", "10", "≥95%", "96天");
  g_autoptr (PbsIndicator) reverse = row_new_full ("办理时限", "10", "≤3天", "2个工作日");

  EXPECT_ERROR (people, NULL, PBS_SCORE_ERROR_UNIT_MISMATCH);
  EXPECT_ERROR (days, NULL, PBS_SCORE_ERROR_UNIT_MISMATCH);
  EXPECT_ERROR (reverse, NULL, PBS_SCORE_ERROR_UNIT_MISMATCH);

  EXPECT (NULL, "10", "≥95%", "96", "10", PBS_STATUS_MET, PBS_RULE_POSITIVE);
  EXPECT (NULL, "10", "≥95%", "90", "9.47", PBS_STATUS_PARTIAL, PBS_RULE_POSITIVE);
  EXPECT (NULL, "10", "≥100人次", "120人次", "10", PBS_STATUS_MET, PBS_RULE_POSITIVE);
}

/* §10: a quantitative (or range, or date) target with an actual of another
 * kind is an error naming the row. */
static void
test_not_numeric (void)
{
  g_autoptr (PbsIndicator) petitions = row_new_full ("信访量", "10", "≤3次", "无上访");
  g_autoptr (PbsIndicator) range = row_new_full ("达标率", "10", "80%-90%", "达成");
  g_autoptr (PbsIndicator) date = row_new_full ("完成时间", "10", "2023年12月31日", "按时");

  EXPECT_ERROR (petitions, NULL, PBS_SCORE_ERROR_NOT_NUMERIC);
  EXPECT_ERROR (range, NULL, PBS_SCORE_ERROR_NOT_NUMERIC);
  EXPECT_ERROR (date, NULL, PBS_SCORE_ERROR_NOT_NUMERIC);
  /* the fix §10 asks for: write it as a number */
  EXPECT (NULL, "10", "≤3次", "0次", "10", PBS_STATUS_MET, PBS_RULE_REVERSE_RATIO);
}

/* ------------------------------------------------------ over-completion */

/* §4 偏离度: a > 1.2 t flags over_completion (central over.action flag) and
 * owes a reason; the score stays w. */
static void
test_over_completion_flag (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PbsIndicator) over = row_new ("10", "≥100件", "130件");
  g_autoptr (PbsIndicator) under = row_new ("10", "≥100件", "115件");
  g_autoptr (PbsIndicator) at = row_new ("10", "≥100件", "120件");
  g_autoptr (PbsIndicator) eq = row_new ("10", "=100件", "130件");
  g_autoptr (PbsIndicator) gt = row_new ("10", ">100件", "121件");
  g_autoptr (PbsScorecard) sc1 = score_one (over, NULL, &error);
  g_autoptr (PbsScorecard) sc2 = score_one (under, NULL, &error);
  g_autoptr (PbsScorecard) sc3 = score_one (at, NULL, &error);
  g_autoptr (PbsScorecard) sc4 = score_one (eq, NULL, &error);
  g_autoptr (PbsScorecard) sc5 = score_one (gt, NULL, &error);

  ASSERT_NO_ERROR (error);
  CHECK_ROW (sc1, 0, "10", PBS_STATUS_MET, PBS_RULE_POSITIVE);
  CHECK_FLAGS (sc1, 0, ALL_FLAGS, PBS_FLAG_OVER_COMPLETION | PBS_FLAG_MISSING_REASON);
  CHECK_ROW (sc2, 0, "10", PBS_STATUS_MET, PBS_RULE_POSITIVE);
  CHECK_FLAGS (sc2, 0, ALL_FLAGS, PBS_FLAG_NONE);
  /* policy.md: over-completion when a > threshold × t, strictly */
  CHECK_FLAGS (sc3, 0, ALL_FLAGS, PBS_FLAG_NONE);
  /* §10: EQ rows scored as GE are checked too; GT like GE */
  CHECK_FLAGS (sc4, 0, PBS_FLAG_OVER_COMPLETION, PBS_FLAG_OVER_COMPLETION);
  CHECK_FLAGS (sc5, 0, PBS_FLAG_OVER_COMPLETION, PBS_FLAG_OVER_COMPLETION);

  {
    g_autoptr (PbsScorecard) sc = NULL;
    /* scoring sealed @over: give the reason to a copy */
    g_autoptr (PbsIndicator) reasoned = pbs_indicator_copy (over);

    pbs_indicator_set_reason (reasoned, "群众需求增加");
    sc = score_one (reasoned, NULL, &error);
    ASSERT_NO_ERROR (error);
    CHECK_FLAGS (sc, 0, ALL_FLAGS, PBS_FLAG_OVER_COMPLETION);
  }
}

/* §10: over-completion is checked only on GE/GT and EQ-as-GE rows. */
static void
test_over_completion_not_elsewhere (void)
{
  g_autoptr (PbsPolicy) two_sided = pbs_test_policy_with ("equal.mode", "two_sided", NULL);
  g_autoptr (PbsPolicy) deduct = pbs_test_policy_with ("over.action", "deduct", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (PbsIndicator) reverse = row_new ("10", "≤3天", "1天");
  g_autoptr (PbsIndicator) eq2 = row_new ("10", "=100件", "130件");
  g_autoptr (PbsIndicator) qual = row_new ("10", "服务质量有效提升", "达成");
  g_autoptr (PbsScorecard) sc1 = score_one (reverse, deduct, &error);
  g_autoptr (PbsScorecard) sc2 = score_one (eq2, two_sided, &error);
  g_autoptr (PbsScorecard) sc3 = score_one (qual, deduct, &error);

  ASSERT_NO_ERROR (error);
  CHECK_ROW (sc1, 0, "10", PBS_STATUS_MET, PBS_RULE_REVERSE_RATIO);
  CHECK_FLAGS (sc1, 0, PBS_FLAG_OVER_COMPLETION | PBS_FLAG_OVER_DEDUCTED, PBS_FLAG_NONE);
  /* two_sided: 10·(1 − 0.3) = 7 */
  CHECK_ROW (sc2, 0, "7", PBS_STATUS_PARTIAL, PBS_RULE_EQUAL_TWO_SIDED);
  CHECK_FLAGS (sc2, 0, PBS_FLAG_OVER_COMPLETION | PBS_FLAG_OVER_DEDUCTED, PBS_FLAG_NONE);
  CHECK_ROW (sc3, 0, "10", PBS_STATUS_MET, PBS_RULE_QUALITATIVE);
  CHECK_FLAGS (sc3, 0, PBS_FLAG_OVER_COMPLETION | PBS_FLAG_OVER_DEDUCTED, PBS_FLAG_NONE);
}

/* §4 deduct: s = w·max(0, 1 − k·(a/t − threshold)); still met. */
static void
test_over_completion_deduct (void)
{
  g_autoptr (PbsPolicy) k1 = pbs_test_policy_with ("over.action", "deduct", NULL);
  g_autoptr (PbsPolicy) k2 = pbs_test_policy_with ("over.action", "deduct", "over.k", "2", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (PbsIndicator) over = row_new ("10", "≥100件", "130件");
  g_autoptr (PbsIndicator) far = row_new ("10", "≥100件", "250件");
  g_autoptr (PbsIndicator) under = row_new ("10", "≥100件", "115件");
  g_autoptr (PbsIndicator) eq = row_new ("10", "=100件", "130件");
  g_autoptr (PbsScorecard) sc1 = score_one (over, k1, &error);
  g_autoptr (PbsScorecard) sc2 = score_one (over, k2, &error);
  g_autoptr (PbsScorecard) sc3 = score_one (far, k1, &error);
  g_autoptr (PbsScorecard) sc4 = score_one (under, k1, &error);
  g_autoptr (PbsScorecard) sc5 = score_one (eq, k1, &error);

  ASSERT_NO_ERROR (error);
  /* 10·(1 − (1.3 − 1.2)) = 9.00 */
  CHECK_ROW (sc1, 0, "9", PBS_STATUS_MET, PBS_RULE_POSITIVE);
  CHECK_FLAGS (sc1, 0, PBS_FLAG_OVER_COMPLETION | PBS_FLAG_OVER_DEDUCTED,
               PBS_FLAG_OVER_COMPLETION | PBS_FLAG_OVER_DEDUCTED);
  /* k = 2: 10·(1 − 0.2) = 8.00 */
  CHECK_ROW (sc2, 0, "8", PBS_STATUS_MET, PBS_RULE_POSITIVE);
  /* 10·max(0, 1 − 1.3) = 0, and a deducted row is still met (§10) */
  CHECK_ROW (sc3, 0, "0", PBS_STATUS_MET, PBS_RULE_POSITIVE);
  CHECK_ROW (sc4, 0, "10", PBS_STATUS_MET, PBS_RULE_POSITIVE);
  CHECK_FLAGS (sc4, 0, ALL_FLAGS, PBS_FLAG_NONE);
  CHECK_ROW (sc5, 0, "9", PBS_STATUS_MET, PBS_RULE_EQUAL);
  CHECK_FLAGS (sc5, 0, PBS_FLAG_OVER_DEDUCTED, PBS_FLAG_OVER_DEDUCTED);
}

/* §4 require_reason: an empty (or placeholder, §10) reason on an
 * over-completed row is an error; with a reason the row scores. */
static void
test_over_completion_require_reason (void)
{
  g_autoptr (PbsPolicy) p = pbs_test_policy_with ("over.action", "require_reason", NULL);
  g_autoptr (PbsIndicator) over = row_new_full ("办件量", "10", "≥100件", "130件");
  g_autoptr (PbsIndicator) under = row_new ("10", "≥100件", "115件");

  EXPECT_ERROR (over, p, PBS_SCORE_ERROR_REASON_REQUIRED);
  pbs_indicator_set_reason (over, "");
  EXPECT_ERROR (over, p, PBS_SCORE_ERROR_REASON_REQUIRED);
  pbs_indicator_set_reason (over, "无");
  EXPECT_ERROR (over, p, PBS_SCORE_ERROR_REASON_REQUIRED);
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (PbsScorecard) sc = NULL;

    pbs_indicator_set_reason (over, "年度新增一网通办事项，办件量超出预期");
    sc = score_one (over, p, &error);
    ASSERT_NO_ERROR (error);
    CHECK_ROW (sc, 0, "10", PBS_STATUS_MET, PBS_RULE_POSITIVE);
    CHECK_FLAGS (sc, 0, PBS_FLAG_OVER_COMPLETION | PBS_FLAG_MISSING_REASON,
                 PBS_FLAG_OVER_COMPLETION);
  }
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (PbsScorecard) sc = score_one (under, p, &error);

    ASSERT_NO_ERROR (error);
    CHECK_ROW (sc, 0, "10", PBS_STATUS_MET, PBS_RULE_POSITIVE);
  }
}

/* policy.md over.threshold: over-completion when a > threshold × t. */
static void
test_over_threshold_knob (void)
{
  g_autoptr (PbsPolicy) p = pbs_test_policy_with ("over.threshold", "1.5", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (PbsIndicator) at = row_new ("10", "≥100件", "150件");
  g_autoptr (PbsIndicator) past = row_new ("10", "≥100件", "151件");
  g_autoptr (PbsScorecard) sc1 = score_one (at, p, &error);
  g_autoptr (PbsScorecard) sc2 = score_one (past, p, &error);

  ASSERT_NO_ERROR (error);
  CHECK_FLAGS (sc1, 0, PBS_FLAG_OVER_COMPLETION, PBS_FLAG_NONE);
  CHECK_FLAGS (sc2, 0, PBS_FLAG_OVER_COMPLETION, PBS_FLAG_OVER_COMPLETION);
}

/* §8 guangxi: reason required at over.threshold 1.3. */
static void
test_over_completion_guangxi (void)
{
  g_autoptr (GError) perror = NULL;
  g_autoptr (PbsPolicy) gx = pbs_policy_new_preset ("guangxi", &perror);
  g_autoptr (PbsIndicator) at = row_new ("10", "≥100件", "130件");
  g_autoptr (PbsIndicator) over = row_new_full ("办件量", "10", "≥100件", "131件");

  ASSERT_NO_ERROR (perror);
  if (gx == NULL)
    return;
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (PbsScorecard) sc = score_one (at, gx, &error);

    ASSERT_NO_ERROR (error);
    CHECK_ROW (sc, 0, "10", PBS_STATUS_MET, PBS_RULE_POSITIVE);
    CHECK_FLAGS (sc, 0, PBS_FLAG_OVER_COMPLETION, PBS_FLAG_NONE);
  }
  EXPECT_ERROR (over, gx, PBS_SCORE_ERROR_REASON_REQUIRED);
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (PbsScorecard) sc = NULL;

    pbs_indicator_set_reason (over, "办件量超出预期");
    sc = score_one (over, gx, &error);
    ASSERT_NO_ERROR (error);
    CHECK_ROW (sc, 0, "10", PBS_STATUS_MET, PBS_RULE_POSITIVE);
    CHECK_FLAGS (sc, 0, PBS_FLAG_OVER_COMPLETION, PBS_FLAG_OVER_COMPLETION);
  }
}

/* -------------------------------------------------- reasons and status */

/* §4, §10: a shortfall without a reason is flagged missing_reason; §11:
 * a reason that is only 0, 无, /, —, -, 略 or empty counts as none. */
static void
test_missing_reason_placeholders (void)
{
  static const char *placeholders[] = { "", "无", "/", "-", "—", "0", "略", NULL };

  for (guint i = 0; placeholders[i] != NULL; i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (PbsIndicator) ind = row_new ("10", "≥95%", "90%");
      g_autoptr (PbsScorecard) sc = NULL;

      pbs_indicator_set_reason (ind, placeholders[i]);
      sc = score_one (ind, NULL, &error);
      ASSERT_NO_ERROR (error);
      CHECK_FLAGS (sc, 0, PBS_FLAG_MISSING_REASON, PBS_FLAG_MISSING_REASON);
      if (sc != NULL && !(pbs_scorecard_get_row_flags (sc, 0) & PBS_FLAG_MISSING_REASON))
        fprintf (stderr, "  (reason \"%s\")\n", placeholders[i]);
    }

  /* a met row owes nothing */
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (PbsIndicator) ind = row_new ("10", "≥95%", "96%");
    g_autoptr (PbsScorecard) sc = score_one (ind, NULL, &error);

    CHECK_FLAGS (sc, 0, PBS_FLAG_MISSING_REASON, PBS_FLAG_NONE);
  }
  /* §10: owed when the unrounded score is below w, even if it rounds to w:
   * 10·9999/10000 = 9.999 → 10.00 */
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (PbsIndicator) ind = row_new ("10", "≥10000件", "9999件");
    g_autoptr (PbsScorecard) sc = score_one (ind, NULL, &error);

    ASSERT_NO_ERROR (error);
    CHECK_FLAGS (sc, 0, PBS_FLAG_MISSING_REASON, PBS_FLAG_MISSING_REASON);
    if (sc != NULL)
      {
        PbsDecimal got;
        CU_ASSERT_TRUE (pbs_scorecard_get_row_score (sc, 0, &got));
        ASSERT_DEC_EQ (got, "10");
        /* not reached, rounded > 0 */
        CU_ASSERT_EQUAL (pbs_scorecard_get_row_status (sc, 0), PBS_STATUS_PARTIAL);
      }
  }
}

/* §10: a manual score on a non-qualitative row is ignored and flagged. */
static void
test_manual_ignored (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PbsIndicator) ind = row_new ("10", "≥95%", "90%");
  g_autoptr (PbsScorecard) sc = NULL;

  set_manual (ind, "10");
  sc = score_one (ind, NULL, &error);
  ASSERT_NO_ERROR (error);
  CHECK_ROW (sc, 0, "9.47", PBS_STATUS_PARTIAL, PBS_RULE_POSITIVE);
  CHECK_FLAGS (sc, 0, PBS_FLAG_MANUAL_IGNORED | PBS_FLAG_MANUAL_OUT_OF_BAND,
               PBS_FLAG_MANUAL_IGNORED);
}

/* §10 status: a shortfall that rounds to 0.00 is unmet, not partial. */
static void
test_status_rounds_to_zero (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PbsIndicator) ind = row_new ("10", "≥10000件", "1件");
  g_autoptr (PbsScorecard) sc = score_one (ind, NULL, &error);
  g_autoptr (PbsPolicy) three = pbs_test_policy_with ("rounding.digits", "3", NULL);
  g_autoptr (PbsScorecard) sc3 = score_one (ind, three, &error);

  ASSERT_NO_ERROR (error);
  /* 10·1/10000 = 0.001 → 0.00 */
  CHECK_ROW (sc, 0, "0", PBS_STATUS_UNMET, PBS_RULE_POSITIVE);
  CHECK_FLAGS (sc, 0, PBS_FLAG_MISSING_REASON, PBS_FLAG_MISSING_REASON);
  /* with 3 digits it is 0.001 and so partial */
  CHECK_ROW (sc3, 0, "0.001", PBS_STATUS_PARTIAL, PBS_RULE_POSITIVE);
}

/* scoring.md ratio: a / t half-up to 4 decimals. */
static void
test_completion_ratio (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PbsIndicator) pct = row_new ("10", "≥100%", "96%");
  g_autoptr (PbsIndicator) third = row_new ("10", "≥3件", "2件");
  g_autoptr (PbsIndicator) rev = row_new ("10", "≤3天", "4.5天");
  g_autoptr (PbsIndicator) boolean = row_new ("10", "是", "是");
  g_autoptr (PbsScorecard) sc1 = score_one (pct, NULL, &error);
  g_autoptr (PbsScorecard) sc2 = score_one (third, NULL, &error);
  g_autoptr (PbsScorecard) sc3 = score_one (rev, NULL, &error);
  g_autoptr (PbsScorecard) sc4 = score_one (boolean, NULL, &error);

  ASSERT_NO_ERROR (error);
  CHECK_RATIO (sc1, 0, "0.9600");
  CHECK_RATIO (sc2, 0, "0.6667");
  CHECK_RATIO (sc3, 0, "1.5");
  CHECK_RATIO (sc4, 0, NULL);
  if (sc1 != NULL)
    {
      PbsDecimal r;
      if (pbs_scorecard_get_row_ratio (sc1, 0, &r))
        {
          g_autofree char *s = pbs_decimal_to_string (&r);
          /* "half-up to 4 decimals (0.9600 …)": printed with its scale */
          CU_ASSERT_STRING_EQUAL (s, "0.9600");
        }
    }
}

/* -------------------------------------------------------------- matrix */

/* Exact rational P/Q (P, Q ≥ 0) rounded to DIGITS with MODE, as text. For
 * non-negative numbers truncate and floor agree. */
static char *
exact_round (gint64 p, gint64 q, guint digits, PbsRoundingMode mode)
{
  gint64 scale = 1, n;

  for (guint i = 0; i < digits; i++)
    scale *= 10;
  if (mode == PBS_ROUNDING_HALF_UP)
    n = (2 * p * scale + q) / (2 * q);
  else
    n = p * scale / q;
  if (digits == 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT, n);
  return g_strdup_printf ("%" G_GINT64_FORMAT ".%0*" G_GINT64_FORMAT,
                          n / scale, (int) digits, n % scale);
}

static const char *const mode_names[] = { "half_up", "truncate", "floor" };

/* §2 × §4 × §5 (STYLE.md's matrix): operator {≥ > = bare ≤ <} × direction
 * {below, at, above} × unit {%, 天, none} × actual written with or without
 * the unit × points {10, 7.5} × policy variant {central, relative_excess,
 * two_sided} × rounding {half_up, truncate, floor} × digits {2, 1}. The
 * target is 3 and the actuals 2.9 / 3 / 3.1, so every formula lands between
 * rounding steps (9.666…, 9.677…, 7.25 …). Expected scores are recomputed
 * here as exact fractions in tenths. */
static void
test_matrix_quantitative (void)
{
  static const struct { const char *sign; int kind; } ops[] = {
    { "≥", 0 }, { ">", 0 }, { "=", 1 }, { "", 1 }, { "≤", 2 }, { "<", 2 },
  };
  static const char *units[] = { "%", "天", "" };
  static const gint64 actuals[] = { 29, 30, 31 };  /* tenths */
  static const gint64 points[] = { 100, 75 };      /* tenths */
  static const gint64 t = 30;                      /* tenths */
  guint n_cases = 0, n_bad = 0;

  for (guint variant = 0; variant < 3; variant++)
    for (guint mode = 0; mode < 3; mode++)
      for (guint digits = 1; digits <= 2; digits++)
        {
          g_autoptr (PbsPolicy) p = pbs_policy_new ();
          g_autofree char *digits_text = g_strdup_printf ("%u", digits);

          CU_ASSERT_TRUE (pbs_policy_set (p, "rounding.mode", mode_names[mode], NULL));
          CU_ASSERT_TRUE (pbs_policy_set (p, "rounding.digits", digits_text, NULL));
          if (variant == 1)
            CU_ASSERT_TRUE (pbs_policy_set (p, "reverse.formula", "relative_excess", NULL));
          if (variant == 2)
            CU_ASSERT_TRUE (pbs_policy_set (p, "equal.mode", "two_sided", NULL));

          for (guint o = 0; o < G_N_ELEMENTS (ops); o++)
            for (guint u = 0; u < G_N_ELEMENTS (units); u++)
              for (guint bare = 0; bare < 2; bare++)
                for (guint d = 0; d < G_N_ELEMENTS (actuals); d++)
                  for (guint wi = 0; wi < G_N_ELEMENTS (points); wi++)
                    {
                      gint64 a = actuals[d], w = points[wi], sp, sq;
                      gboolean met;
                      PbsRule rule;
                      g_autofree char *target = g_strdup_printf ("%s3%s", ops[o].sign, units[u]);
                      g_autofree char *actual = g_strdup_printf ("%" G_GINT64_FORMAT ".%" G_GINT64_FORMAT "%s",
                                                                 a / 10, a % 10, bare ? "" : units[u]);
                      g_autofree char *w_text = g_strdup_printf ("%" G_GINT64_FORMAT ".%" G_GINT64_FORMAT,
                                                                 w / 10, w % 10);
                      g_autofree char *expected = NULL;
                      g_autofree char *expected_ratio = NULL;
                      g_autoptr (GError) error = NULL;
                      g_autoptr (PbsIndicator) ind = NULL;
                      g_autoptr (PbsScorecard) sc = NULL;
                      PbsDecimal got, ratio;
                      gboolean ok = TRUE;

                      /* the score as the exact fraction sp / sq of a point */
                      if (ops[o].kind == 0 || (ops[o].kind == 1 && variant != 2))
                        {
                          rule = ops[o].kind == 0 ? PBS_RULE_POSITIVE : PBS_RULE_EQUAL;
                          met = a >= t;
                          sp = met ? w : w * a;
                          sq = met ? 10 : 10 * t;
                        }
                      else if (ops[o].kind == 1)
                        {
                          gint64 dev = a > t ? a - t : t - a;
                          rule = PBS_RULE_EQUAL_TWO_SIDED;
                          met = a == t;
                          sp = w * MAX (0, t - dev);
                          sq = 10 * t;
                        }
                      else
                        {
                          met = a <= t;
                          if (variant == 1)
                            {
                              rule = PBS_RULE_REVERSE_RELATIVE_EXCESS;
                              sp = met ? w : w * MAX (0, 2 * t - a);
                              sq = met ? 10 : 10 * t;
                            }
                          else
                            {
                              rule = PBS_RULE_REVERSE_RATIO;
                              sp = met ? w : w * t;
                              sq = met ? 10 : 10 * a;
                            }
                        }
                      expected = exact_round (sp, sq, digits, mode);
                      expected_ratio = exact_round (a, t, 4, PBS_ROUNDING_HALF_UP);

                      ind = row_new (w_text, target, actual);
                      sc = score_one (ind, p, &error);
                      n_cases++;
                      if (sc == NULL)
                        ok = FALSE;
                      else
                        {
                          PbsDecimal e = pbs_test_dec (expected), er = pbs_test_dec (expected_ratio);
                          PbsStatus status = met ? PBS_STATUS_MET : PBS_STATUS_PARTIAL;
                          PbsFlags flags = met ? PBS_FLAG_NONE : PBS_FLAG_MISSING_REASON;

                          ok = pbs_scorecard_get_row_score (sc, 0, &got)
                               && pbs_decimal_equal (&got, &e)
                               && pbs_scorecard_get_row_status (sc, 0) == status
                               && pbs_scorecard_get_row_rule (sc, 0) == rule
                               && pbs_scorecard_get_row_flags (sc, 0) == flags
                               && pbs_scorecard_get_row_ratio (sc, 0, &ratio)
                               && pbs_decimal_equal (&ratio, &er);
                        }
                      CU_ASSERT_TRUE (ok);
                      if (!ok && n_bad++ < 20)
                        {
                          g_autofree char *got_text = NULL;
                          if (sc != NULL && pbs_scorecard_get_row_score (sc, 0, &got))
                            got_text = pbs_decimal_to_string (&got);
                          fprintf (stderr,
                                   "matrix: w=%s %s vs %s, %s/%u, variant %u: expected %s (rule %d, %s),"
                                   " got %s (rule %d, status %d, flags 0x%x)%s%s\n",
                                   w_text, target, actual, mode_names[mode], digits, variant,
                                   expected, rule, met ? "met" : "partial",
                                   got_text ? got_text : "(none)",
                                   sc ? (int) pbs_scorecard_get_row_rule (sc, 0) : -1,
                                   sc ? (int) pbs_scorecard_get_row_status (sc, 0) : -1,
                                   sc ? pbs_scorecard_get_row_flags (sc, 0) : 0,
                                   error ? ": " : "", error ? error->message : "");
                        }
                    }
        }
  CU_ASSERT_EQUAL (n_cases, 3 * 3 * 2 * 6 * 3 * 2 * 3 * 2);
  CU_ASSERT_EQUAL (n_bad, 0);
}

/* Exact decimal text (non-negative, "7.256") rounded as the policy would. */
static char *
exact_text_round (const char *text, guint digits, PbsRoundingMode mode)
{
  const char *dot = strchr (text, '.');
  gint64 p = 0, q = 1;

  for (const char *c = text; *c != '\0'; c++)
    if (*c != '.')
      {
        p = p * 10 + (*c - '0');
        if (dot != NULL && c > dot)
          q *= 10;
      }
  return exact_round (p, q, digits, mode);
}

/* §4 qualitative × §5 rounding: the band's score (w, a manual score, or the
 * policy's default) is rounded like any other row. */
static void
test_matrix_qualitative (void)
{
  static const struct {
    const char *points, *actual, *manual, *defaults, *exact;
    PbsStatus status;
  } cases[] = {
    { "10", "达成", NULL, "none", "10", PBS_STATUS_MET },
    { "7.77", "达成", NULL, "none", "7.77", PBS_STATUS_MET },
    { "10", "达成", "8.765", "none", "8.765", PBS_STATUS_MET },
    { "10", "部分达成", "7.256", "none", "7.256", PBS_STATUS_PARTIAL },
    { "10", "未达成", "3.333", "none", "3.333", PBS_STATUS_PARTIAL },
    { "10", "部分达成", "6.049", "lower", "6.049", PBS_STATUS_PARTIAL },
    { "7.5", "部分达成", NULL, "middle", "5.25", PBS_STATUS_PARTIAL },
    { "7.5", "未达成", NULL, "middle", "2.25", PBS_STATUS_PARTIAL },
    { "7.5", "部分达成", NULL, "lower", "4.5", PBS_STATUS_PARTIAL },
    { "7.5", "未达成", NULL, "lower", "0", PBS_STATUS_UNMET },
  };
  guint n_bad = 0;

  for (guint mode = 0; mode < 3; mode++)
    for (guint digits = 1; digits <= 2; digits++)
      for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
        {
          g_autofree char *digits_text = g_strdup_printf ("%u", digits);
          g_autoptr (PbsPolicy) p = pbs_test_policy_with ("rounding.mode", mode_names[mode],
                                                 "rounding.digits", digits_text,
                                                 "qualitative.defaults", cases[i].defaults,
                                                 NULL);
          g_autofree char *expected = exact_text_round (cases[i].exact, digits, mode);
          g_autoptr (GError) error = NULL;
          g_autoptr (PbsIndicator) ind = row_new (cases[i].points, "服务质量有效提升", cases[i].actual);
          g_autoptr (PbsScorecard) sc = NULL;
          PbsDecimal got, e = pbs_test_dec (expected), w = pbs_test_dec (cases[i].points);
          gboolean ok;

          /* §4: every score ends in [0, w]; rounding never lifts it past
           * the points (7.77 met, half-up to 1 decimal, stays 7.77) */
          if (pbs_decimal_compare (&e, &w) > 0)
            e = w;
          if (cases[i].manual != NULL)
            set_manual (ind, cases[i].manual);
          sc = score_one (ind, p, &error);
          ok = sc != NULL
               && pbs_scorecard_get_row_score (sc, 0, &got)
               && pbs_decimal_equal (&got, &e)
               && pbs_scorecard_get_row_status (sc, 0) == cases[i].status
               && pbs_scorecard_get_row_rule (sc, 0) == PBS_RULE_QUALITATIVE
               && !(pbs_scorecard_get_row_flags (sc, 0) & PBS_FLAG_MANUAL_OUT_OF_BAND);
          CU_ASSERT_TRUE (ok);
          if (!ok && n_bad++ < 20)
            {
              g_autofree char *got_text = NULL;
              if (sc != NULL && pbs_scorecard_get_row_score (sc, 0, &got))
                got_text = pbs_decimal_to_string (&got);
              fprintf (stderr, "qualitative matrix: w=%s %s manual %s defaults %s, %s/%u:"
                       " expected %s, got %s (status %d, flags 0x%x)%s%s\n",
                       cases[i].points, cases[i].actual,
                       cases[i].manual ? cases[i].manual : "-", cases[i].defaults,
                       mode_names[mode], digits, expected, got_text ? got_text : "(none)",
                       sc ? (int) pbs_scorecard_get_row_status (sc, 0) : -1,
                       sc ? pbs_scorecard_get_row_flags (sc, 0) : 0,
                       error ? ": " : "", error ? error->message : "");
            }
        }
  CU_ASSERT_EQUAL (n_bad, 0);
}

/* §5: one row under each rounding mode, the §5 examples spelled out:
 * 10·107/400 = 2.675 → half_up 2.68, truncate/floor 2.67; 1 digit 2.7/2.6;
 * 0 digits 3/2. */
static void
test_rounding_modes_row (void)
{
  static const struct { const char *mode, *digits, *score; } cases[] = {
    { "half_up", "2", "2.68" }, { "truncate", "2", "2.67" }, { "floor", "2", "2.67" },
    { "half_up", "1", "2.7" }, { "truncate", "1", "2.6" }, { "floor", "1", "2.6" },
    { "half_up", "0", "3" }, { "truncate", "0", "2" }, { "floor", "0", "2" },
    { "half_up", "3", "2.675" }, { "truncate", "3", "2.675" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (PbsPolicy) p = pbs_test_policy_with ("rounding.mode", cases[i].mode,
                                             "rounding.digits", cases[i].digits, NULL);

      EXPECT (p, "10", "≥400件", "107件", cases[i].score, PBS_STATUS_PARTIAL, PBS_RULE_POSITIVE);
    }
}

/* --------------------------------------- §4/§5 examples: reverse × rounding */

/* §4's example under §5's rounding modes: ≤3天, w = 10, a = 4.5 →
 * ratio 10·3/4.5 = 6.666…: half_up 6.67, truncate 6.66, floor 6.66, one
 * decimal half_up 6.7, truncated to one decimal 6.6 (§5 [T]), integer floor
 * 6; relative_excess 10·(1 − 1.5/3) = 5.00 whatever the rounding. */
static void
test_reverse_example_rounding (void)
{
  static const struct { const char *formula, *mode, *digits, *score; } cases[] = {
    { "ratio", "half_up", "2", "6.67" },
    { "ratio", "truncate", "2", "6.66" },
    { "ratio", "floor", "2", "6.66" },
    { "ratio", "half_up", "1", "6.7" },
    { "ratio", "truncate", "1", "6.6" },
    { "ratio", "floor", "0", "6" },
    { "ratio", "half_up", "0", "7" },
    { "relative_excess", "half_up", "2", "5" },
    { "relative_excess", "truncate", "1", "5" },
    { "relative_excess", "floor", "0", "5" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (PbsPolicy) p = pbs_test_policy_with ("reverse.formula", cases[i].formula,
                                             "rounding.mode", cases[i].mode,
                                             "rounding.digits", cases[i].digits, NULL);
      PbsRule rule = strcmp (cases[i].formula, "ratio") == 0
                     ? PBS_RULE_REVERSE_RATIO : PBS_RULE_REVERSE_RELATIVE_EXCESS;

      EXPECT (p, "10", "≤3天", "4.5天", cases[i].score, PBS_STATUS_PARTIAL, rule);
    }
}

/* ------------------------------------------------- §9 step deduction */

/* A row with a step-deduction rule: DEDUCT points per PER units past
 * TARGET (doc/format.md rule: {kind: step}). */
static PbsIndicator *
step_row_new (const char *name, const char *points, const char *target, const char *actual,
              const char *per, const char *deduct, PbsStepMode mode)
{
  PbsIndicator *ind = row_new_full (name, points, target, actual);
  PbsDecimal p = pbs_test_dec (per), d = pbs_test_dec (deduct);

  pbs_indicator_set_step (ind, &p, &d, mode);
  return ind;
}

static void
expect_step_at (const char *file, int line, const char *points, const char *target,
                const char *actual, const char *per, const char *deduct, PbsStepMode mode,
                const char *score, PbsStatus status)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PbsIndicator) ind = step_row_new ("测试指标", points, target, actual, per, deduct, mode);
  g_autoptr (PbsScorecard) sc = score_one (ind, NULL, &error);

  CHECK_AT (sc != NULL, file, line);
  if (sc == NULL)
    {
      fprintf (stderr, "%s:%d: step %s against %s: %s\n", file, line, actual, target,
               error ? error->message : "(no error set)");
      return;
    }
  check_row_at (file, line, sc, 0, score, status, PBS_RULE_STEP);
}
#define EXPECT_STEP(points, target, actual, per, deduct, mode, score, status) \
  expect_step_at (__FILE__, __LINE__, points, target, actual, per, deduct, mode, score, status)

/* §9: 在职人员控制率 ≤ 100 % → 1 分, each point over −0.1, 扣完为止. */
static void
test_step_staff_control (void)
{
  /* within the limit: full points, met */
  EXPECT_STEP ("1", "≤100%", "100%", "1", "0.1", PBS_STEP_EXACT, "1", PBS_STATUS_MET);
  EXPECT_STEP ("1", "≤100%", "96%", "1", "0.1", PBS_STEP_EXACT, "1", PBS_STATUS_MET);
  /* 3 points over: 1 − 3 × 0.1 = 0.70 */
  EXPECT_STEP ("1", "≤100%", "103%", "1", "0.1", PBS_STEP_EXACT, "0.7", PBS_STATUS_PARTIAL);
  /* half a point over: exact 1 − 0.5 × 0.1 = 0.95; started counts a whole
   * step, 0.90; completed counts none, 1.00 — still not met (over the limit) */
  EXPECT_STEP ("1", "≤100%", "100.5%", "1", "0.1", PBS_STEP_EXACT, "0.95", PBS_STATUS_PARTIAL);
  EXPECT_STEP ("1", "≤100%", "100.5%", "1", "0.1", PBS_STEP_STARTED, "0.9", PBS_STATUS_PARTIAL);
  EXPECT_STEP ("1", "≤100%", "100.5%", "1", "0.1", PBS_STEP_COMPLETED, "1", PBS_STATUS_PARTIAL);
  /* 3.5 over: exact 0.65, started 0.60, completed 0.70 */
  EXPECT_STEP ("1", "≤100%", "103.5%", "1", "0.1", PBS_STEP_EXACT, "0.65", PBS_STATUS_PARTIAL);
  EXPECT_STEP ("1", "≤100%", "103.5%", "1", "0.1", PBS_STEP_STARTED, "0.6", PBS_STATUS_PARTIAL);
  EXPECT_STEP ("1", "≤100%", "103.5%", "1", "0.1", PBS_STEP_COMPLETED, "0.7", PBS_STATUS_PARTIAL);
  /* 25 over: 1 − 2.5 < 0 → 0 (扣完为止), unmet */
  EXPECT_STEP ("1", "≤100%", "125%", "1", "0.1", PBS_STEP_EXACT, "0", PBS_STATUS_UNMET);
  /* exactly used up at 10 over */
  EXPECT_STEP ("1", "≤100%", "110%", "1", "0.1", PBS_STEP_EXACT, "0", PBS_STATUS_UNMET);
  /* 9 over leaves 0.10 */
  EXPECT_STEP ("1", "≤100%", "109%", "1", "0.1", PBS_STEP_EXACT, "0.1", PBS_STATUS_PARTIAL);
}

/* §9: "三公经费"变动率 ≤ 0 → 3 分, each point over −0.3. */
static void
test_step_three_public (void)
{
  EXPECT_STEP ("3", "≤0%", "-2%", "1", "0.3", PBS_STEP_EXACT, "3", PBS_STATUS_MET);
  EXPECT_STEP ("3", "≤0%", "0%", "1", "0.3", PBS_STEP_EXACT, "3", PBS_STATUS_MET);
  /* 5 over: 3 − 1.5 = 1.50 */
  EXPECT_STEP ("3", "≤0%", "5%", "1", "0.3", PBS_STEP_EXACT, "1.5", PBS_STATUS_PARTIAL);
  /* 12 over: 3 − 3.6 → 0 */
  EXPECT_STEP ("3", "≤0%", "12%", "1", "0.3", PBS_STEP_EXACT, "0", PBS_STATUS_UNMET);
}

/* doc/format.md: ≥ targets deduct for a shortfall, = for either side; a
 * step of several units. */
static void
test_step_directions (void)
{
  /* ≥95%, 0.5 a point short, w = 5: 92% → 5 − 3 × 0.5 = 3.50 */
  EXPECT_STEP ("5", "≥95%", "92%", "1", "0.5", PBS_STEP_EXACT, "3.5", PBS_STATUS_PARTIAL);
  EXPECT_STEP ("5", "≥95%", "95%", "1", "0.5", PBS_STEP_EXACT, "5", PBS_STATUS_MET);
  EXPECT_STEP ("5", "≥95%", "99%", "1", "0.5", PBS_STEP_EXACT, "5", PBS_STATUS_MET);
  /* > like ≥ */
  EXPECT_STEP ("5", ">95%", "92%", "1", "0.5", PBS_STEP_EXACT, "3.5", PBS_STATUS_PARTIAL);
  /* < like ≤ */
  EXPECT_STEP ("1", "<100%", "103%", "1", "0.1", PBS_STEP_EXACT, "0.7", PBS_STATUS_PARTIAL);
  /* =100件, 0.5 per 10 件 either way, w = 2 */
  EXPECT_STEP ("2", "=100件", "100件", "10", "0.5", PBS_STEP_EXACT, "2", PBS_STATUS_MET);
  EXPECT_STEP ("2", "=100件", "90件", "10", "0.5", PBS_STEP_EXACT, "1.5", PBS_STATUS_PARTIAL);
  EXPECT_STEP ("2", "=100件", "120件", "10", "0.5", PBS_STEP_EXACT, "1", PBS_STATUS_PARTIAL);
  /* 15 件 over is 1.5 steps: exact 2 − 0.75 = 1.25, started 1, completed 1.5 */
  EXPECT_STEP ("2", "=100件", "115件", "10", "0.5", PBS_STEP_EXACT, "1.25", PBS_STATUS_PARTIAL);
  EXPECT_STEP ("2", "=100件", "115件", "10", "0.5", PBS_STEP_STARTED, "1", PBS_STATUS_PARTIAL);
  EXPECT_STEP ("2", "=100件", "115件", "10", "0.5", PBS_STEP_COMPLETED, "1.5", PBS_STATUS_PARTIAL);
}

/* The explanation names the numbers: the limit, the actual, the deduction
 * and the result, in both languages; a shortfall owes its reason. */
static void
test_step_explanation (void)
{
  static const char *needles[] = { "100", "103", "0.1", "0.7" };
  g_autoptr (GError) error = NULL;
  g_autoptr (PbsIndicator) ind = step_row_new ("在职人员控制率", "1", "≤100%", "103%", "1", "0.1",
                                               PBS_STEP_EXACT);
  g_autoptr (PbsScorecard) sc = score_one (ind, NULL, &error);

  ASSERT_NO_ERROR (error);
  if (sc == NULL)
    return;
  CHECK_ROW (sc, 0, "0.7", PBS_STATUS_PARTIAL, PBS_RULE_STEP);
  CHECK_FLAGS (sc, 0, PBS_FLAG_MISSING_REASON, PBS_FLAG_MISSING_REASON);
  for (int lang = PBS_LANGUAGE_ZH; lang <= PBS_LANGUAGE_EN; lang++)
    {
      g_autofree char *text = pbs_scorecard_dup_row_explanation (sc, 0, (PbsLanguage) lang);

      CU_ASSERT_PTR_NOT_NULL (text);
      if (text == NULL)
        continue;
      for (guint i = 0; i < G_N_ELEMENTS (needles); i++)
        {
          CU_ASSERT_PTR_NOT_NULL (strstr (text, needles[i]));
          if (strstr (text, needles[i]) == NULL)
            fprintf (stderr, "step explanation lacks %s: %s\n", needles[i], text);
        }
    }
  {
    g_autofree char *zh = pbs_scorecard_dup_row_explanation (sc, 0, PBS_LANGUAGE_ZH);
    g_autofree char *en = pbs_scorecard_dup_row_explanation (sc, 0, PBS_LANGUAGE_EN);

    CU_ASSERT_TRUE (g_strcmp0 (zh, en) != 0);
  }
  /* within the limit nothing is owed */
  {
    g_autoptr (PbsIndicator) ok = step_row_new ("在职人员控制率", "1", "≤100%", "99%", "1", "0.1",
                                                PBS_STEP_EXACT);
    g_autoptr (PbsScorecard) sc2 = score_one (ok, NULL, &error);

    ASSERT_NO_ERROR (error);
    CHECK_ROW (sc2, 0, "1", PBS_STATUS_MET, PBS_RULE_STEP);
    CHECK_FLAGS (sc2, 0, PBS_FLAG_MISSING_REASON, PBS_FLAG_NONE);
  }
}

/* The step's result is rounded like any row (§5): 1 − 0.333 × 0.1 … with
 * per 3, 1 over is 1/3 step: 1 − 0.1/3 = 0.9666… → 0.97, truncate 0.96. */
static void
test_step_rounding (void)
{
  g_autoptr (PbsPolicy) trunc = pbs_test_policy_with ("rounding.mode", "truncate", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (PbsIndicator) ind = step_row_new ("测试指标", "1", "≤100%", "101%", "3", "0.1",
                                               PBS_STEP_EXACT);
  g_autoptr (PbsScorecard) sc = score_one (ind, NULL, &error);
  g_autoptr (PbsScorecard) sc2 = score_one (ind, trunc, &error);

  ASSERT_NO_ERROR (error);
  CHECK_ROW (sc, 0, "0.97", PBS_STATUS_PARTIAL, PBS_RULE_STEP);
  CHECK_ROW (sc2, 0, "0.96", PBS_STATUS_PARTIAL, PBS_RULE_STEP);
}

/* ------------------------------------------------------------ §9 bands */

typedef struct { const char *min, *max, *score; } Band;

/* A row with a band rule of MEASURE; BANDS ends with a NULL score. */
static PbsIndicator *
bands_row_new (const char *name, const char *points, const char *target, const char *actual,
               PbsBandsMeasure measure, const Band *bands)
{
  PbsIndicator *ind = row_new_full (name, points, target, actual);

  pbs_indicator_set_score_bands (ind, measure);
  for (const Band *b = bands; b->score != NULL; b++)
    {
      PbsDecimal lo, hi, s = pbs_test_dec (b->score);

      if (b->min != NULL)
        lo = pbs_test_dec (b->min);
      if (b->max != NULL)
        hi = pbs_test_dec (b->max);
      pbs_indicator_add_score_band (ind, b->min ? &lo : NULL, b->max ? &hi : NULL, &s);
    }
  return ind;
}

static void
expect_bands_at (const char *file, int line, const char *points, const char *target,
                 const char *actual, PbsBandsMeasure measure, const Band *bands,
                 const char *score, PbsStatus status)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PbsIndicator) ind = bands_row_new ("测试指标", points, target, actual, measure, bands);
  g_autoptr (PbsScorecard) sc = score_one (ind, NULL, &error);

  CHECK_AT (sc != NULL, file, line);
  if (sc == NULL)
    {
      fprintf (stderr, "%s:%d: bands %s against %s: %s\n", file, line, actual, target,
               error ? error->message : "(no error set)");
      return;
    }
  check_row_at (file, line, sc, 0, score, status, PBS_RULE_BANDS);
}
#define EXPECT_BANDS(points, target, actual, measure, bands, score, status) \
  expect_bands_at (__FILE__, __LINE__, points, target, actual, measure, bands, score, status)

/* §9: "±10 % 以内得 5 分，±10–15 % 得 3 分，±15–20 % 得 1 分，以外不得分";
 * deviation |a − t| / t in percent, the first band holding it wins, bounds
 * inclusive (min ≤ m ≤ max), met when the score is w. */
static void
test_bands_deviation (void)
{
  static const Band dev[] = { { NULL, "10", "5" }, { NULL, "15", "3" }, { NULL, "20", "1" },
                              { NULL, NULL, NULL } };

  EXPECT_BANDS ("5", "=100万元", "100万元", PBS_BANDS_OF_DEVIATION, dev, "5", PBS_STATUS_MET);
  /* 8 % */
  EXPECT_BANDS ("5", "=100万元", "108万元", PBS_BANDS_OF_DEVIATION, dev, "5", PBS_STATUS_MET);
  /* |90 − 100| / 100 = 10 %: inside ±10 % (inclusive) */
  EXPECT_BANDS ("5", "=100万元", "90万元", PBS_BANDS_OF_DEVIATION, dev, "5", PBS_STATUS_MET);
  /* 12 % */
  EXPECT_BANDS ("5", "=100万元", "88万元", PBS_BANDS_OF_DEVIATION, dev, "3", PBS_STATUS_PARTIAL);
  /* 15 %, inclusive */
  EXPECT_BANDS ("5", "=100万元", "115万元", PBS_BANDS_OF_DEVIATION, dev, "3", PBS_STATUS_PARTIAL);
  /* 16 % */
  EXPECT_BANDS ("5", "=100万元", "116万元", PBS_BANDS_OF_DEVIATION, dev, "1", PBS_STATUS_PARTIAL);
  /* 20 %, inclusive */
  EXPECT_BANDS ("5", "=100万元", "80万元", PBS_BANDS_OF_DEVIATION, dev, "1", PBS_STATUS_PARTIAL);
  /* 21 %: no band holds it → 0 */
  EXPECT_BANDS ("5", "=100万元", "121万元", PBS_BANDS_OF_DEVIATION, dev, "0", PBS_STATUS_UNMET);
  /* 10.5 %: between the first two bounds */
  EXPECT_BANDS ("5", "=200万元", "221万元", PBS_BANDS_OF_DEVIATION, dev, "3", PBS_STATUS_PARTIAL);
}

/* doc/format.md of: value — bands read the actual itself. */
static void
test_bands_value (void)
{
  static const Band val[] = { { "95", NULL, "10" }, { "90", NULL, "8" }, { NULL, NULL, NULL } };
  static const Band closed[] = { { "80", "90", "6" }, { "90", "100", "10" }, { NULL, NULL, NULL } };

  EXPECT_BANDS ("10", "≥95%", "97%", PBS_BANDS_OF_VALUE, val, "10", PBS_STATUS_MET);
  EXPECT_BANDS ("10", "≥95%", "95%", PBS_BANDS_OF_VALUE, val, "10", PBS_STATUS_MET);
  EXPECT_BANDS ("10", "≥95%", "92%", PBS_BANDS_OF_VALUE, val, "8", PBS_STATUS_PARTIAL);
  EXPECT_BANDS ("10", "≥95%", "90%", PBS_BANDS_OF_VALUE, val, "8", PBS_STATUS_PARTIAL);
  EXPECT_BANDS ("10", "≥95%", "80%", PBS_BANDS_OF_VALUE, val, "0", PBS_STATUS_UNMET);
  /* the first band holding the value wins: 90 is in both closed bands */
  EXPECT_BANDS ("10", "≥90%", "90%", PBS_BANDS_OF_VALUE, closed, "6", PBS_STATUS_PARTIAL);
  EXPECT_BANDS ("10", "≥90%", "95%", PBS_BANDS_OF_VALUE, closed, "10", PBS_STATUS_MET);
  EXPECT_BANDS ("10", "≥90%", "79%", PBS_BANDS_OF_VALUE, closed, "0", PBS_STATUS_UNMET);
}

/* doc/format.md: a band's score above the row's points is clamped. */
static void
test_bands_clamped (void)
{
  static const Band big[] = { { NULL, "10", "8" }, { NULL, "20", "4" }, { NULL, NULL, NULL } };

  EXPECT_BANDS ("5", "=100万元", "105万元", PBS_BANDS_OF_DEVIATION, big, "5", PBS_STATUS_MET);
  EXPECT_BANDS ("5", "=100万元", "118万元", PBS_BANDS_OF_DEVIATION, big, "4", PBS_STATUS_PARTIAL);
}

/* PBS_SCORE_ERROR_BAD_RULE: a step or band rule that cannot apply to its
 * row — a qualitative target, a zero step, a deviation from a zero target. */
static void
test_rule_errors (void)
{
  static const Band dev[] = { { NULL, "10", "5" }, { NULL, NULL, NULL } };
  g_autoptr (PbsIndicator) qual = step_row_new ("服务质量", "10", "服务质量有效提升", "达成",
                                                "1", "0.1", PBS_STEP_EXACT);
  g_autoptr (PbsIndicator) zero_step = step_row_new ("在职人员控制率", "1", "≤100%", "103%",
                                                     "0", "0.1", PBS_STEP_EXACT);
  g_autoptr (PbsIndicator) zero_target = bands_row_new ("安全事故数", "5", "=0起", "1起",
                                                        PBS_BANDS_OF_DEVIATION, dev);

  EXPECT_ERROR (qual, NULL, PBS_SCORE_ERROR_BAD_RULE);
  EXPECT_ERROR (zero_step, NULL, PBS_SCORE_ERROR_BAD_RULE);
  EXPECT_ERROR (zero_target, NULL, PBS_SCORE_ERROR_BAD_RULE);
  /* the zero step is wrong even within the limit */
  {
    g_autoptr (PbsIndicator) within = step_row_new ("在职人员控制率", "1", "≤100%", "99%",
                                                    "0", "0.1", PBS_STEP_EXACT);
    EXPECT_ERROR (within, NULL, PBS_SCORE_ERROR_BAD_RULE);
  }
  /* clearing the rule makes the rows ordinary again */
  pbs_indicator_clear_rule (zero_step);
  EXPECT (NULL, "1", "≤100%", "103%", "0.97", PBS_STATUS_PARTIAL, PBS_RULE_REVERSE_RATIO);
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (PbsScorecard) sc = score_one (zero_step, NULL, &error);

    ASSERT_NO_ERROR (error);
    /* 1 × 100 / 103 = 0.9708… → 0.97 */
    CHECK_ROW (sc, 0, "0.97", PBS_STATUS_PARTIAL, PBS_RULE_REVERSE_RATIO);
  }
}

static const PbsTestCase cases[] = {
  { "positive_met", test_positive_met },
  { "positive_shortfall", test_positive_shortfall },
  { "positive_shortfall_with_reason", test_positive_shortfall_with_reason },
  { "gt_like_ge", test_gt_like_ge },
  { "sign_spellings", test_sign_spellings },
  { "positive_zero_target", test_positive_zero_target },
  { "equal_as_ge", test_equal_as_ge },
  { "equal_two_sided", test_equal_two_sided },
  { "equal_zero", test_equal_zero },
  { "reverse_ratio", test_reverse_ratio },
  { "reverse_relative_excess", test_reverse_relative_excess },
  { "reverse_zero_target", test_reverse_zero_target },
  { "lt_like_le", test_lt_like_le },
  { "range", test_range },
  { "range_ratio_and_no_over_completion", test_range_ratio_and_no_over_completion },
  { "qualitative_met", test_qualitative_met },
  { "qualitative_words", test_qualitative_words },
  { "qualitative_partial_manual", test_qualitative_partial_manual },
  { "qualitative_manual_required", test_qualitative_manual_required },
  { "qualitative_defaults", test_qualitative_defaults },
  { "qualitative_bands_knob", test_qualitative_bands_knob },
  { "qualitative_manual_out_of_band", test_qualitative_manual_out_of_band },
  { "qualitative_band_bounds", test_qualitative_band_bounds },
  { "qualitative_unknown_band", test_qualitative_unknown_band },
  { "boolean", test_boolean },
  { "date", test_date },
  { "date_late_share", test_date_late_share },
  { "date_month_precision", test_date_month_precision },
  { "missing_actual", test_missing_actual },
  { "unit_mismatch", test_unit_mismatch },
  { "not_numeric", test_not_numeric },
  { "over_completion_flag", test_over_completion_flag },
  { "over_completion_not_elsewhere", test_over_completion_not_elsewhere },
  { "over_completion_deduct", test_over_completion_deduct },
  { "over_completion_require_reason", test_over_completion_require_reason },
  { "over_threshold_knob", test_over_threshold_knob },
  { "over_completion_guangxi", test_over_completion_guangxi },
  { "missing_reason_placeholders", test_missing_reason_placeholders },
  { "manual_ignored", test_manual_ignored },
  { "status_rounds_to_zero", test_status_rounds_to_zero },
  { "completion_ratio", test_completion_ratio },
  { "matrix_quantitative", test_matrix_quantitative },
  { "matrix_qualitative", test_matrix_qualitative },
  { "rounding_modes_row", test_rounding_modes_row },
  { "reverse_example_rounding", test_reverse_example_rounding },
  { "step_staff_control", test_step_staff_control },
  { "step_three_public", test_step_three_public },
  { "step_directions", test_step_directions },
  { "step_explanation", test_step_explanation },
  { "step_rounding", test_step_rounding },
  { "bands_deviation", test_bands_deviation },
  { "bands_value", test_bands_value },
  { "bands_clamped", test_bands_clamped },
  { "rule_errors", test_rule_errors },
  { NULL, NULL }
};

int
main (void)
{
  return pbs_test_run ("rules", cases);
}
