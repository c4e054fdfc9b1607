/* pbs-scorecard.c - scoring an evaluation under a policy, and the result
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>

#include "pbs-scorecard-private.h"
#include "pbs-rules.h"
#include "pbs-evaluation-private.h"
#include "pbs-budget-private.h"
#include "pbs-template-private.h"
#include "pbs-decimal-private.h"
#include "pbs-nick.h"

/**
 * PbsScorecard:
 *
 * The result of pbs_evaluation_score(): per row the rounded score, status,
 * rule, completion ratio and flags; level-1 and level-2 subtotals; the
 * budget rate and score; the total, its grade and whether every row was
 * scored; document-level warnings.
 *
 * Row results are compact structs in one array (no heap block per row), so
 * re-scoring a large batch allocates nothing per indicator. Scoring seals
 * the evaluation (pbs_evaluation_seal()), so a scorecard always describes
 * the inputs it was computed from; a what-if scores a copy
 * (pbs_evaluation_copy()). Each row's rule runs once in scoring and
 * records its score, status, deviation and what its completion ratio is
 * taken against; an explanation, made only when asked for, has the same
 * pure rule put its numbers into words for the sealed inputs.
 *
 * Since: 0.1
 */

G_DEFINE_BOXED_TYPE (PbsScorecard, pbs_scorecard, pbs_scorecard_ref, pbs_scorecard_unref)

/* The words of the scorecard, in both languages, in one place. A
 * template's {rate}, {limit}, {sum} and {total} are filled in by fill(). */
typedef struct {
  const char *zh;
  const char *en;
} Words;

static const Words warning_words[] = {
  [PBS_WARNING_OVER_BUDGET] = {
    "执行数超过全年预算数（执行率 {rate}%）",
    "execution exceeds the full-year budget (rate {rate}%)" },
  [PBS_WARNING_EXECUTION_BELOW_90] = {
    "预算执行率 {rate}% 低于 {limit}%，需说明原因",
    "budget execution {rate}% is below {limit}% and needs an explanation" },
  [PBS_WARNING_YELLOW_LOW_EXECUTION] = {
    "黄色预警：预算执行率 {rate}% 低于 {limit}%",
    "yellow: budget execution {rate}% is below {limit}%" },
  [PBS_WARNING_YELLOW_ZERO_BUDGET] = {
    "黄色预警：全年预算数为 0，执行率无法计算",
    "yellow: the full-year budget is 0, so no execution rate exists" },
  [PBS_WARNING_RED_MISMATCH] = {
    "红色预警：绩效指标完成程度明显高于预算执行率 {rate}%",
    "red: the indicators are far more complete than the budget execution of {rate}%" },
  [PBS_WARNING_WEIGHTS] = {
    "各项分值合计 {sum}，不等于 {total}",
    "the points add up to {sum}, not {total}" },
  [PBS_WARNING_BUDGET_PRINTED_DIFFERS] = {
    "预算执行率公布得分 {sum} 与计算得分 {total} 不符",
    "the printed budget score {sum} differs from the computed {total}" },
  [PBS_WARNING_ZERO_POINTS] = {
    "有适用指标的分值为 0，每项指标的分值应大于 0",
    "an applicable row carries 0 points; every row's points should be above 0" },
  [PBS_WARNING_SOURCES_MISMATCH] = {
    "资金来源（当年财政拨款、上年结转资金、其他资金）的{column}合计 {sum}，不等于年度资金总额的 {total}",
    "the funding sources' {column} add up to {sum}, not the budget line's {total}" },
};
G_STATIC_ASSERT (G_N_ELEMENTS (warning_words) == PBS_WARNING_SOURCES_MISMATCH + 1);

typedef enum {
  WORDS_NOT_APPLICABLE,
  WORDS_CHILDREN_UNSCORED,
  WORDS_CHILDREN_SUM,
  WORDS_UNSCORED,
  WORDS_UNPUBLISHED,
  WORDS_NOT_COUNTED,
  WORDS_MANUAL_IGNORED,
  WORDS_MISSING_REASON,
  WORDS_PRINTED_DIFFERS,
} WordsId;

/* Explanations of what a row's rule does not say itself. */
static const Words row_words[] = {
  [WORDS_NOT_APPLICABLE] = {
    "不适用：不计分，总分按适用指标折算",
    "not applicable: not scored; the total is rescaled over the applicable rows" },
  [WORDS_CHILDREN_UNSCORED] = {
    "下级指标得分合计：有下级指标未计分；按下级指标计入总分",
    "sum of its children: some child is not scored; the children count in the total" },
  [WORDS_CHILDREN_SUM] = {
    "下级指标得分合计：{sum}（按下级指标计入总分，不重复计算）",
    "sum of its children: {sum} (the children count in the total, not twice)" },
  [WORDS_UNSCORED] = {
    "缺少实际完成值：未计分，自评表不完整",
    "no actual value (实际完成值) given: not scored, the scorecard is incomplete" },
  [WORDS_UNPUBLISHED] = {
    "公开的自评表未完整列出此行：未计分，自评表不完整",
    "the published table does not show this row in full: not scored, the scorecard is incomplete" },
  [WORDS_NOT_COUNTED] = {
    "；由上级指标计入总分，不重复计算",
    "; counted through its parent, not twice" },
  [WORDS_MANUAL_IGNORED] = {
    "；非定性指标，人工评分或评级不采用",
    "; a manual score or band on a non-qualitative row is ignored" },
  [WORDS_MISSING_REASON] = {
    "；缺少偏差原因分析",
    "; a 偏差原因 (reason for the deviation) is owed" },
  [WORDS_PRINTED_DIFFERS] = {
    "；公布得分 {sum} 与计算结果不符",
    "; the printed score {sum} differs from the computed one" },
};
G_STATIC_ASSERT (G_N_ELEMENTS (row_words) == WORDS_PRINTED_DIFFERS + 1);

/* The values a template's slots take; NULL for a slot it does not use. */
typedef struct {
  const char *rate;
  const char *limit;
  const char *sum;
  const char *total;
  const char *column;
} Slots;

/* Appends @words in @language to @s with its {slots} filled in. */
static void
fill (GString *s, const Words *words, PbsLanguage language, const Slots *slots)
{
  static const struct { const char *name; gsize offset; } names[] = {
    { "{rate}", G_STRUCT_OFFSET (Slots, rate) },
    { "{limit}", G_STRUCT_OFFSET (Slots, limit) },
    { "{sum}", G_STRUCT_OFFSET (Slots, sum) },
    { "{total}", G_STRUCT_OFFSET (Slots, total) },
    { "{column}", G_STRUCT_OFFSET (Slots, column) },
  };
  const char *p = language == PBS_LANGUAGE_ZH ? words->zh : words->en;

  while (*p != '\0')
    {
      gboolean done = FALSE;

      if (*p == '{')
        for (guint i = 0; i < G_N_ELEMENTS (names) && !done; i++)
          if (g_str_has_prefix (p, names[i].name))
            {
              const char *v = G_STRUCT_MEMBER (const char *, slots, names[i].offset);

              g_string_append (s, v != NULL ? v : "");
              p += strlen (names[i].name);
              done = TRUE;
            }
      if (!done)
        g_string_append_c (s, *p++);
    }
}

static char *
dup_words (const Words *words, PbsLanguage language, const Slots *slots)
{
  GString *s = g_string_new (NULL);

  fill (s, words, language, slots);
  return g_string_free (s, FALSE);
}


PbsScorecard *
pbs_scorecard_new (PbsEvaluation *evaluation, const PbsPolicy *policy, guint n_rows)
{
  g_autoptr (PbsPolicy) copy = pbs_policy_copy (policy);

  return pbs_scorecard_new_sharing (evaluation, copy, n_rows);
}

PbsScorecard *
pbs_scorecard_new_sharing (PbsEvaluation *evaluation, PbsPolicy *policy, guint n_rows)
{
  PbsScorecard *self = g_new0 (PbsScorecard, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->evaluation = pbs_evaluation_ref (evaluation);
  self->policy = pbs_policy_ref (policy);
  self->rows = g_array_sized_new (FALSE, TRUE, sizeof (PbsRowResult), n_rows);
  self->subtotals = g_array_new (FALSE, TRUE, sizeof (PbsSubtotalResult));
  self->warnings = g_array_new (FALSE, FALSE, sizeof (PbsWarning));
  return self;
}

/**
 * pbs_scorecard_ref:
 * @self: a #PbsScorecard
 *
 * Takes a reference on the scorecard.
 *
 * Returns: (transfer full): @self, with one more reference
 *
 * Since: 0.1
 */
PbsScorecard *
pbs_scorecard_ref (PbsScorecard *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

/**
 * pbs_scorecard_unref:
 * @self: (transfer full): a #PbsScorecard
 *
 * Drops a reference; the last one frees @self.
 *
 * Since: 0.1
 */
void
pbs_scorecard_unref (PbsScorecard *self)
{
  g_return_if_fail (self != NULL);
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  pbs_evaluation_unref (self->evaluation);
  pbs_policy_unref (self->policy);
  g_array_unref (self->rows);
  g_array_unref (self->subtotals);
  g_array_unref (self->warnings);
  g_free (self);
}

PbsOwed
pbs_scorecard_owed (PbsScorecard *self, guint row)
{
  const PbsRowResult *r = &g_array_index (self->rows, PbsRowResult, row);

  if (r->flags & PBS_FLAG_OVER_COMPLETION)
    return PBS_OWED_OVER;
  if (r->status == PBS_STATUS_MET)
    return PBS_OWED_BELOW_FULL;
  switch ((PbsDeviation) r->deviation)
    {
    case PBS_DEVIATION_PAST_CEILING:
      return PBS_OWED_PAST_CEILING;
    case PBS_DEVIATION_OFF_TARGET:
      return PBS_OWED_OFF_TARGET;
    case PBS_DEVIATION_LATE:
      return PBS_OWED_LATE;
    case PBS_DEVIATION_NONE:
    case PBS_DEVIATION_SHORT:
    case PBS_DEVIATION_BELOW_BAND:
    default:
      return PBS_OWED_SHORT;
    }
}

/* -------------------------------------------------------------- accessors */

static const PbsRowResult *
get_row (const PbsScorecard *self, guint row)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (row < self->rows->len, NULL);
  return &g_array_index (self->rows, PbsRowResult, row);
}

/**
 * pbs_scorecard_get_evaluation:
 * @self: a #PbsScorecard
 *
 * Gets the evaluation the scorecard was computed from.
 *
 * Returns: (transfer none): the evaluation that was scored
 *
 * Since: 0.1
 */
PbsEvaluation *
pbs_scorecard_get_evaluation (const PbsScorecard *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->evaluation;
}

/**
 * pbs_scorecard_get_policy:
 * @self: a #PbsScorecard
 *
 * Gets the policy the scorecard was computed under.
 *
 * Returns: (transfer none): the scorecard's own copy of the policy it was
 *   scored under
 *
 * Since: 0.1
 */
PbsPolicy *
pbs_scorecard_get_policy (const PbsScorecard *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->policy;
}

/**
 * pbs_scorecard_get_n_rows:
 * @self: a #PbsScorecard
 *
 * Gets the number of rows in the scorecard.
 *
 * Returns: the number of rows (one per indicator, in table order)
 *
 * Since: 0.1
 */
guint
pbs_scorecard_get_n_rows (const PbsScorecard *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->rows->len;
}

/**
 * pbs_scorecard_get_row_score:
 * @self: a #PbsScorecard
 * @row: a row number, from 0
 * @out: (out caller-allocates): the score, rounded with the policy
 *
 * Gets the computed score of a row.
 *
 * Returns: %FALSE when the row has no score (unscored, not applicable)
 *
 * Since: 0.1
 */
gboolean
pbs_scorecard_get_row_score (const PbsScorecard *self, guint row, PbsDecimal *out)
{
  const PbsRowResult *r = get_row (self, row);

  g_return_val_if_fail (r != NULL && out != NULL, FALSE);
  if (r->has_score)
    *out = r->score;
  return r->has_score;
}

/**
 * pbs_scorecard_get_row_points:
 * @self: a #PbsScorecard
 * @row: a row number, from 0
 * @out: (out caller-allocates): the row's points (分值)
 *
 * Gets the points (分值) of a row.
 *
 * These are the indicator's points, as pbs_indicator_get_points() gives
 * them.
 *
 * Returns: %TRUE
 *
 * Since: 0.1
 */
gboolean
pbs_scorecard_get_row_points (const PbsScorecard *self, guint row, PbsDecimal *out)
{
  g_return_val_if_fail (get_row (self, row) != NULL && out != NULL, FALSE);
  pbs_indicator_get_points (pbs_evaluation_get_indicator (self->evaluation, row), out);
  return TRUE;
}

/**
 * pbs_scorecard_get_row_status:
 * @self: a #PbsScorecard
 * @row: a row number, from 0
 *
 * Gets the status of a row.
 *
 * One of met, partly met, unmet, unscored or not applicable.
 *
 * Returns: the row's status
 *
 * Since: 0.1
 */
PbsStatus
pbs_scorecard_get_row_status (const PbsScorecard *self, guint row)
{
  const PbsRowResult *r = get_row (self, row);

  g_return_val_if_fail (r != NULL, PBS_STATUS_UNSCORED);
  return r->status;
}

/**
 * pbs_scorecard_get_row_rule:
 * @self: a #PbsScorecard
 * @row: a row number, from 0
 *
 * Gets the rule that scored a row.
 *
 * %PBS_RULE_NONE when no rule scored the row: it is unscored, not
 * applicable, or a parent whose score is the sum of its children's.
 *
 * Returns: the rule that scored the row
 *
 * Since: 0.1
 */
PbsRule
pbs_scorecard_get_row_rule (const PbsScorecard *self, guint row)
{
  const PbsRowResult *r = get_row (self, row);

  g_return_val_if_fail (r != NULL, PBS_RULE_NONE);
  return r->rule;
}

/**
 * pbs_scorecard_get_row_deviation:
 * @self: a #PbsScorecard
 * @row: a row number, from 0
 *
 * Gets which way the row missed its target, as its rule decided: short of
 * a minimum, past a ceiling, off an exact value, late, or words below
 * their band. A met row, an unscored one and one that is not applicable
 * have %PBS_DEVIATION_NONE.
 *
 * Returns: the row's deviation
 *
 * Since: 0.1
 */
PbsDeviation
pbs_scorecard_get_row_deviation (const PbsScorecard *self, guint row)
{
  const PbsRowResult *r = get_row (self, row);

  g_return_val_if_fail (r != NULL, PBS_DEVIATION_NONE);
  return (PbsDeviation) r->deviation;
}

/**
 * pbs_scorecard_get_row_flags:
 * @self: a #PbsScorecard
 * @row: a row number, from 0
 *
 * Gets the flags raised on a row.
 *
 * Each bit is a finding on the row, such as %PBS_FLAG_MISSING_REASON or
 * %PBS_FLAG_PRINTED_DIFFERS; %PBS_FLAG_NONE when there is none.
 *
 * Returns: the row's findings
 *
 * Since: 0.1
 */
PbsFlags
pbs_scorecard_get_row_flags (const PbsScorecard *self, guint row)
{
  const PbsRowResult *r = get_row (self, row);

  g_return_val_if_fail (r != NULL, PBS_FLAG_NONE);
  return r->flags;
}

/**
 * pbs_scorecard_get_row_ratio:
 * @self: a #PbsScorecard
 * @row: a row number, from 0
 * @out: (out caller-allocates): completion a / t, half-up to 4 decimals
 *
 * Gets the completion ratio of a row.
 *
 * The ratio is a fraction, 1 for a row exactly on target (not a
 * percentage).
 *
 * Returns: %FALSE when no ratio exists (words, dates, a zero target, no
 *   actual)
 *
 * Since: 0.1
 */
gboolean
pbs_scorecard_get_row_ratio (const PbsScorecard *self, guint row, PbsDecimal *out)
{
  const PbsRowResult *r = get_row (self, row);
  PbsRational ratio;

  g_return_val_if_fail (r != NULL && out != NULL, FALSE);
  if (!r->has_ratio)
    return FALSE;
  if (r->ratio_is_one)
    pbs_rational_from_int (&ratio, 1);
  else
    {
      /* The evaluation is sealed: its actual is the one that was scored. */
      const PbsIndicator *ind = pbs_evaluation_get_indicator (self->evaluation, row);
      PbsRational a, base = { r->ratio_num, r->ratio_den };

      pbs_rational_from_decimal (&a, &ind->actual.lo);
      if (!pbs_rational_div (&a, &base, &ratio))
        return FALSE;
    }
  return pbs_rational_to_decimal (&ratio, 4, PBS_ROUNDING_HALF_UP, out);
}

/**
 * pbs_scorecard_dup_row_explanation:
 * @self: a #PbsScorecard
 * @row: a row number, from 0
 * @language: the language of the text
 *
 * Explains how the row's score was reached: the rule, the inputs, the
 * formula with the numbers filled in and the rounding, e.g.
 * `反向指标：实际 4.5天 > 目标 3天，3 / 4.5 × 10 = 6.6666… → 6.67（四舍五入，两位小数）`.
 * Unscored rows say what is missing.
 *
 * Returns: (transfer full): one line of text
 *
 * Since: 0.1
 */
char *
pbs_scorecard_dup_row_explanation (const PbsScorecard *self, guint row, PbsLanguage language)
{
  const PbsRowResult *r = get_row (self, row);
  const PbsIndicator *ind;
  const Slots none = { 0 };
  PbsRuleInput in;
  PbsRuleResult res;
  GString *s;

  g_return_val_if_fail (r != NULL, NULL);
  ind = pbs_evaluation_get_indicator (self->evaluation, row);
  if (r->status == PBS_STATUS_NOT_APPLICABLE)
    return dup_words (&row_words[WORDS_NOT_APPLICABLE], language, &none);
  if ((r->flags & PBS_FLAG_NOT_COUNTED) && !pbs_value_is_set (&ind->actual))
    {
      g_autofree char *score = pbs_decimal_to_string (&r->score);
      Slots slots = { .sum = score };

      if (!r->has_score)
        return dup_words (&row_words[WORDS_CHILDREN_UNSCORED], language, &none);
      return dup_words (&row_words[WORDS_CHILDREN_SUM], language, &slots);
    }
  if (r->status == PBS_STATUS_UNPUBLISHED)
    return dup_words (&row_words[WORDS_UNPUBLISHED], language, &none);
  if (r->status == PBS_STATUS_UNSCORED)
    return dup_words (&row_words[WORDS_UNSCORED], language, &none);

  s = g_string_new (NULL);
  in.policy = self->policy;
  in.indicator = ind;
  in.language = language;
  in.row = row + 1;
  in.source = pbs_evaluation_get_source (self->evaluation);
  /* The evaluation is sealed, so the rule gives what it gave in scoring;
   * only now does it put its numbers into words. */
  pbs_rules_score_row (&in, &res, s, NULL);
  g_string_append (s, " → ");
  pbs_append_decimal (s, &r->score);
  pbs_append_rounding (s, self->policy, language);

  if (r->flags & PBS_FLAG_NOT_COUNTED)
    fill (s, &row_words[WORDS_NOT_COUNTED], language, &none);
  if (r->flags & PBS_FLAG_MANUAL_IGNORED)
    fill (s, &row_words[WORDS_MANUAL_IGNORED], language, &none);
  if (r->flags & PBS_FLAG_MISSING_REASON)
    fill (s, &row_words[WORDS_MISSING_REASON], language, &none);
  if (r->flags & PBS_FLAG_PRINTED_DIFFERS)
    {
      g_autofree char *printed = pbs_decimal_to_string (&pbs_indicator_more (ind)->printed_score);
      Slots slots = { .sum = printed };

      fill (s, &row_words[WORDS_PRINTED_DIFFERS], language, &slots);
    }
  return g_string_free (s, FALSE);
}

/**
 * pbs_scorecard_get_n_subtotals:
 * @self: a #PbsScorecard
 *
 * Gets the number of category subtotals in the scorecard.
 *
 * Returns: the number of subtotals (level-1 and level-2 categories)
 *
 * Since: 0.1
 */
guint
pbs_scorecard_get_n_subtotals (const PbsScorecard *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->subtotals->len;
}

/**
 * pbs_scorecard_get_subtotal:
 * @self: a #PbsScorecard
 * @index: a subtotal number, from 0
 * @level: (out) (optional): 1 or 2
 * @level1: (out) (optional) (transfer none): the level-1 category
 * @level2: (out) (optional) (transfer none) (nullable): the level-2
 *   category, %NULL for a level-1 subtotal
 * @points: (out caller-allocates) (optional): the sum of the rows' points
 * @score: (out caller-allocates) (optional): the sum of the rows' rounded
 *   scores
 *
 * Subtotals come in order of first appearance: each level-1 category
 * followed by its level-2 categories.
 *
 * Since: 0.1
 */
void
pbs_scorecard_get_subtotal (const PbsScorecard *self, guint index, guint *level,
                            const char **level1, const char **level2,
                            PbsDecimal *points, PbsDecimal *score)
{
  const PbsSubtotalResult *s;

  g_return_if_fail (self != NULL);
  g_return_if_fail (index < self->subtotals->len);
  s = &g_array_index (self->subtotals, PbsSubtotalResult, index);
  if (level != NULL)
    *level = s->level;
  if (level1 != NULL)
    *level1 = s->level1;
  if (level2 != NULL)
    *level2 = s->level2;
  if (points != NULL)
    *points = s->points;
  if (score != NULL)
    *score = s->score;
}

/**
 * pbs_scorecard_get_budget_rate:
 * @self: a #PbsScorecard
 * @out: (out caller-allocates): 执行率 as a percentage (99.94 for 99.94 %),
 *   rounded with the policy
 *
 * Gets the budget execution rate (预算执行率).
 *
 * The rate is 全年执行数 / 全年预算数, given as a percentage and
 * rounded with the policy's `rounding.mode` and `rounding.digits`.
 *
 * Returns: %FALSE when 全年预算数 is 0 and the rate is undefined
 *
 * Since: 0.1
 */
gboolean
pbs_scorecard_get_budget_rate (const PbsScorecard *self, PbsDecimal *out)
{
  g_return_val_if_fail (self != NULL && out != NULL, FALSE);
  if (self->has_budget_rate)
    *out = self->budget_rate;
  return self->has_budget_rate;
}

/**
 * pbs_scorecard_get_budget_points:
 * @self: a #PbsScorecard
 * @out: (out caller-allocates): the budget line's points
 *
 * Gets the points the budget line is scored out of.
 *
 * They are the line's own points (pbs_budget_get_points()), or the policy's
 * `budget.points` when it gives none.
 *
 * Since: 0.1
 */
void
pbs_scorecard_get_budget_points (const PbsScorecard *self, PbsDecimal *out)
{
  g_return_if_fail (self != NULL && out != NULL);
  *out = self->budget_points;
}

/**
 * pbs_scorecard_get_budget_score:
 * @self: a #PbsScorecard
 * @out: (out caller-allocates): the budget line's score
 *
 * Gets the score of the budget line.
 *
 * The score is the points × the execution rate (capped at 100 % under
 * `budget.cap`), rounded with the policy; 0 when 全年预算数 is 0. When no
 * rate can be computed (the table prints no 全年预算数 or no 全年执行数,
 * rule book §11), the printed budget score stands as printed; without
 * one the line is unscored and the scorecard incomplete.
 *
 * @out is left untouched when the line is unscored.
 *
 * Returns: %TRUE when the line has a score
 *
 * Since: 0.1
 */
gboolean
pbs_scorecard_get_budget_score (const PbsScorecard *self, PbsDecimal *out)
{
  g_return_val_if_fail (self != NULL && out != NULL, FALSE);
  if (self->has_budget_score)
    *out = self->budget_score;
  return self->has_budget_score;
}

/**
 * pbs_scorecard_get_total:
 * @self: a #PbsScorecard
 * @out: (out caller-allocates): the total (总分)
 *
 * Gets the total score (总分) of the scorecard.
 *
 * The total adds the rows' rounded scores (and the budget score under
 * `budget.in_total`). When the points of the rows counted differ from
 * pbs_scorecard_get_total_points() (rows not applicable, or
 * `weights.mismatch` set to `rescale`), the sum is rescaled to it and
 * rounded with the policy.
 *
 * Since: 0.1
 */
void
pbs_scorecard_get_total (const PbsScorecard *self, PbsDecimal *out)
{
  g_return_if_fail (self != NULL && out != NULL);
  *out = self->total;
}

/**
 * pbs_scorecard_get_total_points:
 * @self: a #PbsScorecard
 * @out: (out caller-allocates): the points the total is out of
 *
 * Gets the points the total is out of.
 *
 * This is the policy's `weights.total`, or the sum of the rows' points when
 * `weights.mismatch` is `as_is` and they do not add up to it.
 *
 * Since: 0.1
 */
void
pbs_scorecard_get_total_points (const PbsScorecard *self, PbsDecimal *out)
{
  g_return_if_fail (self != NULL && out != NULL);
  *out = self->total_points;
}

/**
 * pbs_scorecard_get_grade:
 * @self: a #PbsScorecard
 *
 * Gets the grade the total earns.
 *
 * The total, as a percentage of pbs_scorecard_get_total_points(), is
 * compared with the policy's `grades.excellent`, `grades.good` and
 * `grades.fair` thresholds.
 *
 * Returns: the grade, or %PBS_GRADE_NONE when the scorecard is incomplete
 *
 * Since: 0.1
 */
PbsGrade
pbs_scorecard_get_grade (const PbsScorecard *self)
{
  g_return_val_if_fail (self != NULL, PBS_GRADE_NONE);
  return self->grade;
}

/**
 * pbs_scorecard_is_complete:
 * @self: a #PbsScorecard
 *
 * Checks whether every applicable row was scored.
 *
 * An applicable row without an actual leaves the scorecard incomplete, and
 * an incomplete scorecard has no grade.
 *
 * Returns: %TRUE when every applicable row was scored
 *
 * Since: 0.1
 */
gboolean
pbs_scorecard_is_complete (const PbsScorecard *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->complete;
}

/**
 * pbs_scorecard_get_n_warnings:
 * @self: a #PbsScorecard
 *
 * Gets the number of warnings on the whole table.
 *
 * Returns: the number of document-level warnings
 *
 * Since: 0.1
 */
guint
pbs_scorecard_get_n_warnings (const PbsScorecard *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->warnings->len;
}

/**
 * pbs_scorecard_get_warning:
 * @self: a #PbsScorecard
 * @index: a warning number, from 0
 *
 * Gets the warning at @index.
 *
 * Returns: the warning
 *
 * Since: 0.1
 */
PbsWarning
pbs_scorecard_get_warning (const PbsScorecard *self, guint index)
{
  g_return_val_if_fail (self != NULL, PBS_WARNING_WEIGHTS);
  g_return_val_if_fail (index < self->warnings->len, PBS_WARNING_WEIGHTS);
  return g_array_index (self->warnings, PbsWarning, index);
}

/* A policy rate (0.9) as a percentage for messages (90). */
static char *
percent (const PbsDecimal *rate)
{
  PbsDecimal hundred, p;

  pbs_decimal_init (&hundred, 100, 0);
  if (!pbs_decimal_mul (rate, &hundred, &p))
    return pbs_decimal_to_string (rate);
  return pbs_decimal_to_short_string (&p);   /* 0.90 × 100 is 90, not 90.00 */
}

/**
 * pbs_scorecard_dup_warning_message:
 * @self: a #PbsScorecard
 * @index: a warning number, from 0
 * @language: the language of the text
 *
 * Describes the warning at @index in @language.
 *
 * Returns: (transfer full): the warning as a sentence with its numbers
 *
 * Since: 0.1
 */
char *
pbs_scorecard_dup_warning_message (const PbsScorecard *self, guint index, PbsLanguage language)
{
  g_autofree char *rate = NULL, *limit = NULL, *sum = NULL, *total = NULL;
  PbsWarning warning;
  PbsDecimal printed;
  Slots slots = { 0 };

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->warnings->len, NULL);

  warning = g_array_index (self->warnings, PbsWarning, index);
  g_return_val_if_fail ((guint) warning < G_N_ELEMENTS (warning_words), g_strdup (""));
  slots.rate = rate = pbs_decimal_to_string (&self->budget_rate);
  switch (warning)
    {
    case PBS_WARNING_EXECUTION_BELOW_90:
      slots.limit = limit = percent (&self->policy->budget_explain_below);
      break;
    case PBS_WARNING_YELLOW_LOW_EXECUTION:
      slots.limit = limit = percent (&self->policy->budget_yellow_below);
      break;
    case PBS_WARNING_WEIGHTS:
      slots.sum = sum = pbs_decimal_to_string (&self->points_sum);
      slots.total = total = pbs_decimal_to_string (&self->policy->weights_total);
      break;
    case PBS_WARNING_BUDGET_PRINTED_DIFFERS:
      {
        PbsBudget *b = pbs_evaluation_get_budget (self->evaluation);

        if (b == NULL || !pbs_budget_get_printed_score (b, &printed))
          pbs_decimal_init (&printed, 0, 0);
        slots.sum = sum = pbs_decimal_to_string (&printed);
        slots.total = total = pbs_decimal_to_string (&self->budget_score);
      }
      break;
    case PBS_WARNING_SOURCES_MISMATCH:
      {
        static const Words columns[PBS_N_BUDGET_COLUMNS] = {
          { "年初预算数", "年初预算数 (initial)" }, { "全年预算数", "全年预算数 (annual)" },
          { "全年执行数", "全年执行数 (executed)" },
        };
        PbsBudget *b = pbs_evaluation_get_budget (self->evaluation);
        const Words *col = &columns[self->sources_column];

        slots.column = language == PBS_LANGUAGE_ZH ? col->zh : col->en;
        slots.sum = sum = pbs_decimal_to_string (&self->sources_sum);
        if (b == NULL || !pbs_budget_column (b, self->sources_column, &printed))
          pbs_decimal_init (&printed, 0, 0);
        slots.total = total = pbs_decimal_to_string (&printed);
      }
      break;
    case PBS_WARNING_OVER_BUDGET:
    case PBS_WARNING_YELLOW_ZERO_BUDGET:
    case PBS_WARNING_RED_MISMATCH:
    case PBS_WARNING_ZERO_POINTS:
    default:
      break;
    }
  return dup_words (&warning_words[warning], language, &slots);
}

/* ----------------------------------------------------------------- names */


/**
 * pbs_grade_get_label:
 * @grade: a grade
 *
 * Gets the Chinese name of a grade.
 *
 * Returns: (transfer none): 优, 良, 中 or 差; an empty string for
 *   %PBS_GRADE_NONE
 *
 * Since: 0.1
 */
const char *
pbs_grade_get_label (PbsGrade grade)
{
  static const char * const names[] = { "", "优", "良", "中", "差" };

  g_return_val_if_fail ((guint) grade < G_N_ELEMENTS (names), "");
  return names[grade];
}

/**
 * pbs_status_get_nick:
 * @status: a status
 *
 * Gets the stable name of a row status.
 *
 * Returns: (transfer none): the stable name: `met`, `partial`, `unmet`,
 *   `unscored`, `not_applicable`
 *
 * Since: 0.1
 */
const char *
pbs_status_get_nick (PbsStatus status)
{
  return pbs_enum_nick (PBS_TYPE_STATUS, status);
}

/**
 * pbs_rule_get_nick:
 * @rule: a rule
 *
 * Gets the stable name of a scoring rule.
 *
 * Returns: (transfer none): the stable name, such as `reverse_ratio`
 *
 * Since: 0.1
 */
const char *
pbs_rule_get_nick (PbsRule rule)
{
  return pbs_enum_nick (PBS_TYPE_RULE, rule);
}

/**
 * pbs_deviation_get_nick:
 * @deviation: a deviation
 *
 * Gets the stable name of a deviation.
 *
 * Returns: (transfer none): `none`, `short`, `past_ceiling`, `off_target`,
 *   `late` or `below_band`
 *
 * Since: 0.1
 */
const char *
pbs_deviation_get_nick (PbsDeviation deviation)
{
  return pbs_enum_nick (PBS_TYPE_DEVIATION, deviation);
}

/**
 * pbs_flag_get_nick:
 * @flag: one flag
 *
 * Gets the stable name of a single row flag.
 *
 * Pass one bit of a #PbsFlags value at a time; to name a combination, test
 * and convert each bit.
 *
 * Returns: (transfer none): the stable name, such as `missing_reason`;
 *   an empty string for a combination or an unknown bit
 *
 * Since: 0.1
 */
const char *
pbs_flag_get_nick (PbsFlags flag)
{
  GFlagsClass *klass = g_type_class_ref (PBS_TYPE_FLAGS);
  GFlagsValue *v = NULL;
  const char *s;

  for (guint i = 0; i < klass->n_values; i++)
    if (klass->values[i].value == (guint) flag)
      v = &klass->values[i];
  s = v != NULL ? v->value_nick : "";
  g_type_class_unref (klass);
  return s;
}
