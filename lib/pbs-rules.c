/* pbs-rules.c - the scoring rules of rule book §4, one small pure function
 * each, chosen by table
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A rule maps (policy, indicator) to an unrounded score in [0, w], the
 * rule's name, flags and, when asked, a one-line explanation with the
 * numbers filled in. Rounding is the scorecard's job: it happens once,
 * after the rule, with the policy's mode.
 */
#include "config.h"

#include <string.h>

#include "pbs-rules.h"
#include "pbs-decimal-private.h"
#include "pbs-nick.h"

typedef struct {
  const PbsRuleInput *in;
  const PbsIndicator *ind;
  const PbsPolicy    *policy;
  const PbsValue     *target;
  const PbsValue     *actual;
  PbsRational         w;
  PbsRational         t;       /* target number (a range's low bound) */
  PbsRational         a;       /* actual number */
  gboolean            zh;
} Ctx;

typedef gboolean (*RuleFunc) (const Ctx *c, PbsRuleResult *out, GString *ex, GError **error);

/* The rules' words, in both languages side by side (an explanation puts
 * the numbers between them). */
typedef enum {
  W_ACTUAL,
  W_TARGET_BEFORE,
  W_FULL_POINTS,
  W_NOT_POSITIVE_RATIO,
  W_OVER_COMPLETED,
  W_TIMES_TARGET_PAST,
  W_TIMES,
  W_DEDUCTED,
  W_EQUAL_TO_INDICATOR_SCORED,
  W_POSITIVE_INDICATOR,
  W_EQUAL_TO_ZERO_INDICATOR,
  W_NO_POINTS,
  W_EQUAL_TO_INDICATOR_TWO,
  W_DEVIATION,
  W_NOT_POSITIVE_EXCESS,
  W_REVERSE_INDICATOR,
  W_REVERSE_INDICATOR_RELATIVE_EXCESS,
  W_RANGE_INDICATOR_ACTUAL,
  W_TARGET_RANGE,
  W_BELOW_THE_RANGE_SCORED,
  W_ABOVE_THE_RANGE_SCORED,
  W_TARGET_MET,
  W_TARGET_PARTLY_MET,
  W_TARGET_NOT_MET,
  W_QUALITATIVE_INDICATOR,
  W_MANUAL_SCORE,
  W_OUTSIDE_ITS_BAND,
  W_NO_MANUAL_LOWER,
  W_NO_MANUAL_MIDDLE,
  W_YES_NO_INDICATOR_ACTUAL,
  W_THEY_DIFFER,
  W_DEADLINE_INDICATOR,
  W_LATE,
  W_STEP_DEDUCTION,
  W_WITHIN,
  W_PAST,
  W_PAST_BY,
  W_EACH,
  W_PER_STEP_OF,
  W_POINTS_DOWN_TO,
  W_BAND_RULE_ACTUAL,
  W_TARGET_AFTER,
  W_IN_BAND,
  W_IN_NO_BAND,
} WordsId;

static const char * const words[][2] = {
  [W_ACTUAL] = { "实际 ",
    "actual " },
  [W_TARGET_BEFORE] = { "目标 ",
    "target " },
  [W_FULL_POINTS] = { "，得满分 ",
    ", full points " },
  [W_NOT_POSITIVE_RATIO] = { "，目标不为正，无法按比例计分：0",
    ", the target is not positive, so no ratio exists: 0" },
  [W_OVER_COMPLETED] = { "；超额完成：",
    "; over-completed: " },
  [W_TIMES_TARGET_PAST] = { " 倍目标，超过阈值 ",
    "× the target, past the threshold " },
  [W_TIMES] = { " 倍",
    "×" },
  [W_DEDUCTED] = { "，扣减：",
    ", deducted: " },
  [W_EQUAL_TO_INDICATOR_SCORED] = { "等于型指标（按正向计分）：",
    "equal-to indicator, scored as at-least: " },
  [W_POSITIVE_INDICATOR] = { "正向指标：",
    "positive indicator: " },
  [W_EQUAL_TO_ZERO_INDICATOR] = { "目标为 0 的等于型指标：",
    "equal-to-zero indicator: " },
  [W_NO_POINTS] = { "，不得分：0",
    ", no points: 0" },
  [W_EQUAL_TO_INDICATOR_TWO] = { "等于型指标（双向偏差）：",
    "equal-to indicator, two-sided: " },
  [W_DEVIATION] = { "，偏差 ",
    ", deviation " },
  [W_NOT_POSITIVE_EXCESS] = { "，目标不为正，超出即不得分：0",
    ", the target is not positive, so any excess scores 0" },
  [W_REVERSE_INDICATOR] = { "反向指标：",
    "reverse indicator: " },
  [W_REVERSE_INDICATOR_RELATIVE_EXCESS] = { "反向指标（超出比例扣分）：",
    "reverse indicator, relative excess: " },
  [W_RANGE_INDICATOR_ACTUAL] = { "区间指标：实际 ",
    "range indicator: actual " },
  [W_TARGET_RANGE] = { "，目标区间 [",
    ", target [" },
  [W_BELOW_THE_RANGE_SCORED] = { "，低于下限，按正向计分",
    ", below the range, scored as at-least" },
  [W_ABOVE_THE_RANGE_SCORED] = { "，高于上限，按反向计分",
    ", above the range, scored as at-most" },
  [W_TARGET_MET] = { "达成年度指标",
    "target met" },
  [W_TARGET_PARTLY_MET] = { "部分达成年度指标并具有一定效果",
    "target partly met" },
  [W_TARGET_NOT_MET] = { "未达成年度指标且效果较差",
    "target not met" },
  [W_QUALITATIVE_INDICATOR] = { "定性指标：",
    "qualitative indicator: " },
  [W_MANUAL_SCORE] = { "，人工评分 ",
    ", manual score " },
  [W_OUTSIDE_ITS_BAND] = { "（超出该档区间）",
    " (outside its band)" },
  [W_NO_MANUAL_LOWER] = { "，无人工评分，取区间下限 ",
    ", no manual score, the band's lower bound " },
  [W_NO_MANUAL_MIDDLE] = { "，无人工评分，取区间中值 ",
    ", no manual score, the band's middle " },
  [W_YES_NO_INDICATOR_ACTUAL] = { "是否型指标：实际“%s”，目标“%s”",
    "yes/no indicator: actual “%s”, target “%s”" },
  [W_THEY_DIFFER] = { "，不一致，不得分：0",
    ", they differ: 0" },
  [W_DEADLINE_INDICATOR] = { "时限指标：实际 %s，期限 %s",
    "deadline indicator: actual %s, deadline %s" },
  [W_LATE] = { "，逾期：",
    ", late: " },
  [W_STEP_DEDUCTION] = { "扣分指标：",
    "step deduction: " },
  [W_WITHIN] = { "在限内",
    "within" },
  [W_PAST] = { "超出",
    "past" },
  [W_PAST_BY] = { "，超出 ",
    ", past by " },
  [W_EACH] = { "，每 ",
    ", " },
  [W_PER_STEP_OF] = { " 扣 ",
    " per step of " },
  [W_POINTS_DOWN_TO] = { " 分，扣完为止：",
    " points, down to 0: " },
  [W_BAND_RULE_ACTUAL] = { "分档指标：实际 ",
    "band rule: actual " },
  [W_TARGET_AFTER] = { "，目标 ",
    ", target " },
  [W_IN_BAND] = { "，落在第 %u 档：",
    ", in band %u: " },
  [W_IN_NO_BAND] = { "，不在任何一档：",
    ", in no band: " },
};
G_STATIC_ASSERT (G_N_ELEMENTS (words) == W_IN_NO_BAND + 1);

#define W(c, id) (words[id][(c)->zh ? 0 : 1])

/* ------------------------------------------------------------ formatting */

void
pbs_append_decimal (GString *s, const PbsDecimal *d)
{
  char t[PBS_DECIMAL_TEXT_SIZE];

  g_string_append_len (s, t, (gssize) pbs_decimal_write (d, t));
}

void
pbs_append_rational (GString *s, const PbsRational *r)
{
  PbsDecimal d;

  for (guint digits = 0; digits <= 6; digits++)
    if (pbs_rational_is_decimal (r, digits) && pbs_rational_to_decimal (r, digits, PBS_ROUNDING_TRUNCATE, &d))
      {
        pbs_append_decimal (s, &d);
        return;
      }
  if (pbs_rational_to_decimal (r, 4, PBS_ROUNDING_TRUNCATE, &d))
    {
      pbs_append_decimal (s, &d);
      g_string_append (s, "…");
    }
  else
    g_string_append (s, "?");
}

void
pbs_append_rounding (GString *s, const PbsPolicy *policy, PbsLanguage lang)
{
  static const char * const zh_modes[] = { "四舍五入", "截断", "向下取整" };
  static const char * const en_modes[] = { "half-up", "truncated", "floor" };
  static const char * const zh_digits[] = { "取整", "一位小数", "两位小数", "三位小数",
                                            "四位小数", "五位小数", "六位小数" };
  guint digits = MIN (policy->rounding_digits, 6);

  if (lang == PBS_LANGUAGE_ZH)
    {
      /* at the end of every explanation: no printf */
      g_string_append (s, "（");
      g_string_append (s, zh_modes[policy->rounding_mode]);
      g_string_append (s, "，");
      g_string_append (s, zh_digits[digits]);
      g_string_append (s, "）");
    }
  else
    g_string_append_printf (s, " (%s, %u decimal%s)", en_modes[policy->rounding_mode],
                            digits, digits == 1 ? "" : "s");
}

static void
append_value (GString *s, const PbsDecimal *d, const PbsValue *v)
{
  pbs_append_decimal (s, d);
  g_string_append (s, pbs_value_get_unit (v));
}

/* "实际 90% < 目标 95%" */
static void
append_comparison (const Ctx *c, GString *ex, const PbsDecimal *target, const char *sign)
{
  g_string_append (ex, W (c, W_ACTUAL));
  append_value (ex, &c->actual->lo, c->target);
  g_string_append_c (ex, ' ');
  g_string_append (ex, sign);
  g_string_append_c (ex, ' ');
  g_string_append (ex, W (c, W_TARGET_BEFORE));
  append_value (ex, target, c->target);
}

static void
append_full_points (const Ctx *c, GString *ex)
{
  g_string_append (ex, W (c, W_FULL_POINTS));
  pbs_append_decimal (ex, &c->ind->points);
}

static gboolean
row_error (const Ctx *c, GError **error, int code, const char *what)
{
  pbs_set_row_error (error, PBS_SCORE_ERROR, code, c->in->source, c->in->row, c->ind, what);
  return FALSE;
}

static gboolean
overflow (const Ctx *c, GError **error)
{
  return row_error (c, error, PBS_SCORE_ERROR_OVERFLOW,
                    "the numbers are too large to score exactly");
}

/* Clamps @r to [0, w] (rule book §4: 得分最高不能超过该指标分值上限). */
static void
clamp (const Ctx *c, PbsRational *r)
{
  if (pbs_rational_sign (r) < 0)
    pbs_rational_from_int (r, 0);
  else if (pbs_rational_compare (r, &c->w) > 0)
    *r = c->w;
}

static void
set_ratio (const Ctx *c, const PbsRational *t, PbsRuleResult *out)
{
  /* The rule records what the completion ratio is taken against; the
   * division happens when the ratio is asked for
   * (pbs_scorecard_get_row_ratio), not once per row of every batch. */
  out->has_ratio = t->num != 0;
  out->ratio_base = *t;
}

/* -------------------------------------------------------- quantity rules */

/* Shortfall of a positive indicator: w·a/t, 0 when t ≤ 0 (§10). */
static gboolean
shortfall (const Ctx *c, const PbsRational *t, PbsRuleResult *out, GString *ex, GError **error)
{
  out->deviation = PBS_DEVIATION_SHORT;
  if (pbs_rational_sign (t) <= 0)
    {
      pbs_rational_from_int (&out->raw, 0);
      if (ex != NULL)
        g_string_append (ex, W (c, W_NOT_POSITIVE_RATIO));
      return TRUE;
    }
  if (!pbs_rational_div (&c->a, t, &out->raw) || !pbs_rational_mul (&out->raw, &c->w, &out->raw))
    return overflow (c, error);
  if (ex != NULL)
    {
      g_string_append (ex, c->zh ? "，" : ", ");
      pbs_append_rational (ex, &c->a);
      g_string_append (ex, " / ");
      pbs_append_rational (ex, t);
      g_string_append (ex, " × ");
      pbs_append_decimal (ex, &c->ind->points);
      g_string_append (ex, " = ");
      pbs_append_rational (ex, &out->raw);
    }
  clamp (c, &out->raw);
  return TRUE;
}

/* Over-completion (偏离度, rule book §4): only for positive targets. */
static gboolean
over_completion (const Ctx *c, PbsRuleResult *out, GString *ex, GError **error)
{
  const PbsPolicy *p = c->policy;
  PbsRational thr, limit, k, q, excess, factor, one;

  if (pbs_rational_sign (&c->t) <= 0)
    return TRUE;
  pbs_rational_from_decimal (&thr, &p->over_threshold);
  if (!pbs_rational_mul (&thr, &c->t, &limit))
    return overflow (c, error);
  if (pbs_rational_compare (&c->a, &limit) <= 0)
    return TRUE;

  out->flags |= PBS_FLAG_OVER_COMPLETION;
  if (!pbs_rational_div (&c->a, &c->t, &q))
    return overflow (c, error);
  if (ex != NULL)
    {
      g_string_append (ex, W (c, W_OVER_COMPLETED));
      pbs_append_rational (ex, &q);
      g_string_append (ex, W (c, W_TIMES_TARGET_PAST));
      pbs_append_decimal (ex, &p->over_threshold);
      g_string_append (ex, W (c, W_TIMES));
    }
  if (p->over_action != PBS_OVER_DEDUCT)
    return TRUE;

  /* s = w·max(0, 1 − k·(a/t − threshold)) */
  pbs_rational_from_decimal (&k, &p->over_k);
  pbs_rational_from_int (&one, 1);
  if (!pbs_rational_sub (&q, &thr, &excess) || !pbs_rational_mul (&k, &excess, &excess)
      || !pbs_rational_sub (&one, &excess, &factor) || !pbs_rational_mul (&c->w, &factor, &out->raw))
    return overflow (c, error);
  clamp (c, &out->raw);
  out->flags |= PBS_FLAG_OVER_DEDUCTED;
  if (ex != NULL)
    {
      g_string_append (ex, W (c, W_DEDUCTED));
      pbs_append_decimal (ex, &c->ind->points);
      g_string_append (ex, " × (1 − ");
      pbs_append_decimal (ex, &p->over_k);
      g_string_append (ex, " × (");
      pbs_append_rational (ex, &q);
      g_string_append (ex, " − ");
      pbs_append_decimal (ex, &p->over_threshold);
      g_string_append (ex, ")) = ");
      pbs_append_rational (ex, &out->raw);
    }
  return TRUE;
}

/* 正向 ≥ / >: a ≥ t → w; else w·a/t (rule book §4; GT as GE, §10). */
static gboolean
rule_positive (const Ctx *c, PbsRuleResult *out, GString *ex, GError **error)
{
  gboolean reached = pbs_rational_compare (&c->a, &c->t) >= 0;

  out->rule = pbs_value_get_operator (c->target) == PBS_OP_EQ ? PBS_RULE_EQUAL : PBS_RULE_POSITIVE;
  set_ratio (c, &c->t, out);
  if (ex != NULL)
    {
      g_string_append (ex, out->rule == PBS_RULE_EQUAL
                       ? W (c, W_EQUAL_TO_INDICATOR_SCORED)
                       : W (c, W_POSITIVE_INDICATOR));
      append_comparison (c, ex, &c->target->lo, reached ? "≥" : "<");
    }
  if (!reached)
    return shortfall (c, &c->t, out, ex, error);

  out->met = TRUE;
  out->raw = c->w;
  if (ex != NULL)
    append_full_points (c, ex);
  return over_completion (c, out, ex, error);
}

/* = with t = 0: w when a ≤ 0, else 0 (rule book §4). */
static gboolean
rule_equal_zero (const Ctx *c, PbsRuleResult *out, GString *ex, GError **error)
{
  out->rule = PBS_RULE_EQUAL_ZERO;
  out->met = pbs_rational_sign (&c->a) <= 0;
  if (out->met)
    out->raw = c->w;
  else
    {
      pbs_rational_from_int (&out->raw, 0);
      out->deviation = PBS_DEVIATION_OFF_TARGET;
    }
  if (ex != NULL)
    {
      g_string_append (ex, W (c, W_EQUAL_TO_ZERO_INDICATOR));
      append_comparison (c, ex, &c->target->lo, out->met ? "≤" : ">");
      if (out->met)
        append_full_points (c, ex);
      else
        g_string_append (ex, W (c, W_NO_POINTS));
    }
  return TRUE;
}

/* = scored two-sided: w·max(0, 1 − |a−t|/|t|) (equal.mode two_sided). */
static gboolean
rule_equal_two_sided (const Ctx *c, PbsRuleResult *out, GString *ex, GError **error)
{
  PbsRational dev, abs_t, one, factor;

  out->rule = PBS_RULE_EQUAL_TWO_SIDED;
  set_ratio (c, &c->t, out);
  out->met = pbs_rational_compare (&c->a, &c->t) == 0;
  if (!out->met)
    out->deviation = PBS_DEVIATION_OFF_TARGET;
  abs_t = c->t;
  if (abs_t.num < 0)
    abs_t.num = -abs_t.num;
  pbs_rational_from_int (&one, 1);
  if (!pbs_rational_sub (&c->a, &c->t, &dev))
    return overflow (c, error);
  if (dev.num < 0)
    dev.num = -dev.num;
  if (!pbs_rational_div (&dev, &abs_t, &dev) || !pbs_rational_sub (&one, &dev, &factor)
      || !pbs_rational_mul (&c->w, &factor, &out->raw))
    return overflow (c, error);
  clamp (c, &out->raw);
  if (ex != NULL)
    {
      g_string_append (ex, W (c, W_EQUAL_TO_INDICATOR_TWO));
      append_comparison (c, ex, &c->target->lo, out->met ? "=" : "≠");
      g_string_append (ex, W (c, W_DEVIATION));
      pbs_append_rational (ex, &dev);
      g_string_append (ex, c->zh ? "，" : ", ");
      pbs_append_decimal (ex, &c->ind->points);
      g_string_append (ex, " × (1 − ");
      pbs_append_rational (ex, &dev);
      g_string_append (ex, ") = ");
      pbs_append_rational (ex, &out->raw);
    }
  return TRUE;
}

static gboolean
rule_equal (const Ctx *c, PbsRuleResult *out, GString *ex, GError **error)
{
  if (c->t.num == 0)
    return rule_equal_zero (c, out, ex, error);
  if (c->policy->equal_mode == PBS_EQUAL_TWO_SIDED)
    return rule_equal_two_sided (c, out, ex, error);
  return rule_positive (c, out, ex, error);
}

/* Past a reverse target @t: ratio w·t/a, or relative_excess
 * w·max(0, 1 − (a−t)/t); 0 when t ≤ 0 (rule book §4). */
static gboolean
reverse_excess (const Ctx *c, const PbsRational *t, PbsRuleResult *out, GString *ex, GError **error)
{
  PbsRational q, one;

  out->rule = c->policy->reverse_formula == PBS_REVERSE_RATIO
              ? PBS_RULE_REVERSE_RATIO : PBS_RULE_REVERSE_RELATIVE_EXCESS;
  out->deviation = PBS_DEVIATION_PAST_CEILING;
  if (pbs_rational_sign (t) <= 0 || pbs_rational_sign (&c->a) <= 0)
    {
      pbs_rational_from_int (&out->raw, 0);
      if (ex != NULL)
        g_string_append (ex, W (c, W_NOT_POSITIVE_EXCESS));
      return TRUE;
    }
  if (ex != NULL)
    g_string_append (ex, c->zh ? "，" : ", ");
  if (out->rule == PBS_RULE_REVERSE_RATIO)
    {
      if (!pbs_rational_div (t, &c->a, &q) || !pbs_rational_mul (&q, &c->w, &out->raw))
        return overflow (c, error);
      if (ex != NULL)
        {
          pbs_append_rational (ex, t);
          g_string_append (ex, " / ");
          pbs_append_rational (ex, &c->a);
          g_string_append (ex, " × ");
          pbs_append_decimal (ex, &c->ind->points);
        }
    }
  else
    {
      pbs_rational_from_int (&one, 1);
      if (!pbs_rational_sub (&c->a, t, &q) || !pbs_rational_div (&q, t, &q)
          || !pbs_rational_sub (&one, &q, &q) || !pbs_rational_mul (&q, &c->w, &out->raw))
        return overflow (c, error);
      if (ex != NULL)
        {
          g_string_append (ex, "(1 − (");
          pbs_append_rational (ex, &c->a);
          g_string_append (ex, " − ");
          pbs_append_rational (ex, t);
          g_string_append (ex, ") / ");
          pbs_append_rational (ex, t);
          g_string_append (ex, ") × ");
          pbs_append_decimal (ex, &c->ind->points);
        }
    }
  clamp (c, &out->raw);
  if (ex != NULL)
    {
      g_string_append (ex, " = ");
      pbs_append_rational (ex, &out->raw);
    }
  return TRUE;
}

/* 反向 ≤ / <: a ≤ t → w (rule book §4; LT as LE, §10). */
static gboolean
rule_reverse (const Ctx *c, PbsRuleResult *out, GString *ex, GError **error)
{
  gboolean reached = pbs_rational_compare (&c->a, &c->t) <= 0;

  out->rule = c->policy->reverse_formula == PBS_REVERSE_RATIO
              ? PBS_RULE_REVERSE_RATIO : PBS_RULE_REVERSE_RELATIVE_EXCESS;
  set_ratio (c, &c->t, out);
  if (ex != NULL)
    {
      g_string_append (ex, out->rule == PBS_RULE_REVERSE_RATIO
                       ? W (c, W_REVERSE_INDICATOR)
                       : W (c, W_REVERSE_INDICATOR_RELATIVE_EXCESS));
      append_comparison (c, ex, &c->target->lo, reached ? "≤" : ">");
    }
  if (!reached)
    return reverse_excess (c, &c->t, out, ex, error);
  out->met = TRUE;
  out->raw = c->w;
  if (ex != NULL)
    append_full_points (c, ex);
  return TRUE;
}

/* Indexed by PbsOperator. */
static const RuleFunc quantity_rules[] = {
  [PBS_OP_NONE] = rule_equal,
  [PBS_OP_GE] = rule_positive,
  [PBS_OP_GT] = rule_positive,
  [PBS_OP_EQ] = rule_equal,
  [PBS_OP_LE] = rule_reverse,
  [PBS_OP_LT] = rule_reverse,
};

/* The actual of a quantity or range target must be a number in the
 * target's unit; an actual with no unit takes the target's (§2, §10). */
static gboolean
check_number (const Ctx *c, GError **error)
{
  const char *tu = pbs_value_get_unit (c->target), *au = pbs_value_get_unit (c->actual);

  if (c->actual->kind != PBS_VALUE_QUANTITY)
    {
      g_autofree char *what = g_strdup_printf (
        "the target “%s” is a number, so the actual “%s” must be one too (write 0次, not 无)",
        c->target->text, c->actual->text);
      return row_error (c, error, PBS_SCORE_ERROR_NOT_NUMERIC, what);
    }
  if (*au != '\0' && strcmp (au, tu) != 0)
    {
      g_autofree char *what = g_strdup_printf (
        "the actual “%s” is in “%s” but the target “%s” is in “%s”",
        c->actual->text, au, c->target->text, *tu != '\0' ? tu : "no unit");
      return row_error (c, error, PBS_SCORE_ERROR_UNIT_MISMATCH, what);
    }
  return TRUE;
}

static gboolean
rule_quantity (const Ctx *c, PbsRuleResult *out, GString *ex, GError **error)
{
  if (!check_number (c, error))
    return FALSE;
  return quantity_rules[pbs_value_get_operator (c->target)] (c, out, ex, error);
}

/* A closed interval (§2, §10): inside → w; below like ≥lo; above like ≤hi. */
static gboolean
rule_range (const Ctx *c, PbsRuleResult *out, GString *ex, GError **error)
{
  PbsRational hi;

  if (!check_number (c, error))
    return FALSE;
  pbs_rational_from_decimal (&hi, &c->target->hi);
  out->rule = PBS_RULE_RANGE;
  if (ex != NULL)
    {
      g_string_append (ex, W (c, W_RANGE_INDICATOR_ACTUAL));
      append_value (ex, &c->actual->lo, c->target);
      g_string_append (ex, W (c, W_TARGET_RANGE));
      append_value (ex, &c->target->lo, c->target);
      g_string_append (ex, ", ");
      append_value (ex, &c->target->hi, c->target);
      g_string_append (ex, "]");
    }
  if (pbs_rational_compare (&c->a, &c->t) < 0)
    {
      set_ratio (c, &c->t, out);
      if (ex != NULL)
        g_string_append (ex, W (c, W_BELOW_THE_RANGE_SCORED));
      if (!shortfall (c, &c->t, out, ex, error))
        return FALSE;
      out->rule = PBS_RULE_RANGE;
      return TRUE;
    }
  if (pbs_rational_compare (&c->a, &hi) > 0)
    {
      set_ratio (c, &hi, out);
      if (ex != NULL)
        g_string_append (ex, W (c, W_ABOVE_THE_RANGE_SCORED));
      if (!reverse_excess (c, &hi, out, ex, error))
        return FALSE;
      out->rule = PBS_RULE_RANGE;
      return TRUE;
    }
  out->has_ratio = TRUE;
  out->ratio_is_one = TRUE;
  out->met = TRUE;
  out->raw = c->w;
  if (ex != NULL)
    append_full_points (c, ex);
  return TRUE;
}

/* ------------------------------------------------------ qualitative rules */

static const char *
band_name (const Ctx *c, PbsBand band)
{
  switch (band)
    {
    case PBS_BAND_MET:
      return W (c, W_TARGET_MET);
    case PBS_BAND_PARTIAL:
      return W (c, W_TARGET_PARTLY_MET);
    case PBS_BAND_UNMET:
      return W (c, W_TARGET_NOT_MET);
    case PBS_BAND_UNKNOWN:
    default:
      return "?";
    }
}

/* round(@points × a percentage, 2), half-up. */
static gboolean
percent_of (const PbsDecimal *points, const PbsDecimal *percent, PbsDecimal *out)
{
  PbsDecimal fraction = *percent;

  fraction.scale += 2;   /* a percentage: 80 → 0.80 */
  return pbs_decimal_mul (points, &fraction, out)
         && pbs_decimal_round (out, 2, PBS_ROUNDING_HALF_UP, out);
}

gboolean
pbs_rules_qualitative_bounds (const PbsPolicy *policy, const PbsDecimal *points,
                              PbsDecimal *upper, PbsDecimal *lower)
{
  return percent_of (points, &policy->qualitative_bands[0], upper)
         && percent_of (points, &policy->qualitative_bands[1], lower);
}

/* 定性 (rule book §4): 达成 [80 %, 100 %], 部分达成 [60 %, 80 %),
 * 未达成 [0, 60 %); bounds round(0.8w, 2) and round(0.6w, 2), half-up.
 * The 80 and 60 are the knob qualitative.bands (§11: Shandong 80/50). */
static gboolean
rule_qualitative (const Ctx *c, PbsRuleResult *out, GString *ex, GError **error)
{
  PbsBand band = c->ind->band != PBS_BAND_UNKNOWN ? c->ind->band : c->ind->words_band;
  PbsDecimal w = c->ind->points, b80, b60;
  PbsRational lo, hi, zero;
  gboolean hi_inclusive;

  out->rule = PBS_RULE_QUALITATIVE;
  if (band == PBS_BAND_UNKNOWN)
    {
      g_autofree char *what = g_strdup_printf (
        "the actual “%s” names no band: write 达成, 部分达成 or 未达成, or set the band",
        c->actual->text);
      return row_error (c, error, PBS_SCORE_ERROR_UNKNOWN_BAND, what);
    }

  if (!pbs_rules_qualitative_bounds (c->policy, &w, &b80, &b60))
    return overflow (c, error);
  pbs_rational_from_int (&zero, 0);
  switch (band)
    {
    case PBS_BAND_MET:
      pbs_rational_from_decimal (&lo, &b80);
      hi = c->w;
      hi_inclusive = TRUE;
      break;
    case PBS_BAND_PARTIAL:
      pbs_rational_from_decimal (&lo, &b60);
      pbs_rational_from_decimal (&hi, &b80);
      hi_inclusive = FALSE;
      break;
    case PBS_BAND_UNMET:
    default:
      lo = zero;
      pbs_rational_from_decimal (&hi, &b60);
      hi_inclusive = FALSE;
      break;
    }
  out->met = band == PBS_BAND_MET;
  if (!out->met)
    out->deviation = PBS_DEVIATION_BELOW_BAND;

  if (ex != NULL)
    {
      g_string_append (ex, W (c, W_QUALITATIVE_INDICATOR));
      g_string_append_printf (ex, "“%s”→%s [", c->actual->text, band_name (c, band));
      pbs_append_rational (ex, &lo);
      g_string_append (ex, ", ");
      pbs_append_rational (ex, &hi);
      g_string_append (ex, hi_inclusive ? "]" : ")");
    }

  if (c->ind->has_manual_score)
    {
      int above;

      /* The score as entered is checked against its band; it is then
       * kept, clamped to [0, w] (§10). */
      pbs_rational_from_decimal (&out->raw, &pbs_indicator_more (c->ind)->manual_score);
      above = pbs_rational_compare (&out->raw, &hi);
      if (pbs_rational_compare (&out->raw, &lo) < 0 || above > 0 || (above == 0 && !hi_inclusive))
        out->flags |= PBS_FLAG_MANUAL_OUT_OF_BAND;
      clamp (c, &out->raw);
      if (ex != NULL)
        {
          g_string_append (ex, W (c, W_MANUAL_SCORE));
          pbs_append_decimal (ex, &pbs_indicator_more (c->ind)->manual_score);
          if (out->flags & PBS_FLAG_MANUAL_OUT_OF_BAND)
            g_string_append (ex, W (c, W_OUTSIDE_ITS_BAND));
        }
      return TRUE;
    }

  if (band == PBS_BAND_MET)
    {
      out->raw = c->w;
      if (ex != NULL)
        append_full_points (c, ex);
      return TRUE;
    }

  switch (c->policy->qualitative_defaults)
    {
    case PBS_QUALITATIVE_LOWER:
      out->raw = lo;
      break;
    case PBS_QUALITATIVE_MIDDLE:
      {
        PbsRational two;
        pbs_rational_from_int (&two, 2);
        if (!pbs_rational_add (&lo, &hi, &out->raw) || !pbs_rational_div (&out->raw, &two, &out->raw))
          return overflow (c, error);
      }
      break;
    case PBS_QUALITATIVE_NONE:
    default:
      return row_error (c, error, PBS_SCORE_ERROR_MANUAL_SCORE_REQUIRED,
                        "a qualitative row below 达成 needs a manual score (the policy's "
                        "qualitative.defaults is none)");
    }
  if (ex != NULL)
    {
      g_string_append (ex, c->policy->qualitative_defaults == PBS_QUALITATIVE_LOWER
                       ? W (c, W_NO_MANUAL_LOWER)
                       : W (c, W_NO_MANUAL_MIDDLE));
      pbs_append_rational (ex, &out->raw);
    }
  return TRUE;
}

/* 是/否: met → w, else 0. */
static gboolean
rule_boolean (const Ctx *c, PbsRuleResult *out, GString *ex, GError **error)
{
  out->rule = PBS_RULE_BOOLEAN;
  if (c->actual->kind != PBS_VALUE_BOOLEAN)
    {
      g_autofree char *what = g_strdup_printf (
        "the target “%s” is 是/否, so the actual “%s” must be 是 or 否",
        c->target->text, c->actual->text);
      return row_error (c, error, PBS_SCORE_ERROR_NOT_NUMERIC, what);
    }
  out->met = c->actual->boolean == c->target->boolean;
  if (out->met)
    out->raw = c->w;
  else
    {
      pbs_rational_from_int (&out->raw, 0);
      out->deviation = PBS_DEVIATION_OFF_TARGET;
    }
  if (ex != NULL)
    {
      g_string_append_printf (ex, W (c, W_YES_NO_INDICATOR_ACTUAL),
                              c->actual->text, c->target->text);
      if (out->met)
        append_full_points (c, ex);
      else
        g_string_append (ex, W (c, W_THEY_DIFFER));
    }
  return TRUE;
}

/* A deadline: on or before → w; late → w × date.late, flagged (§4, §10:
 * dates given to the month compare by year and month). */
static gboolean
rule_date (const Ctx *c, PbsRuleResult *out, GString *ex, GError **error)
{
  const PbsValue *t = c->target, *a = c->actual;
  guint tk, ak;

  out->rule = PBS_RULE_DATE;
  if (a->kind != PBS_VALUE_DATE)
    {
      g_autofree char *what = g_strdup_printf (
        "the target “%s” is a date, so the actual “%s” must be one too",
        t->text, a->text);
      return row_error (c, error, PBS_SCORE_ERROR_NOT_NUMERIC, what);
    }
  if (t->day == 0 || a->day == 0)
    {
      tk = t->year * 100u + t->month;
      ak = a->year * 100u + a->month;
    }
  else
    {
      tk = t->year * 10000u + t->month * 100u + t->day;
      ak = a->year * 10000u + a->month * 100u + a->day;
    }
  out->met = ak <= tk;
  if (out->met)
    out->raw = c->w;
  else
    {
      PbsRational late;
      pbs_rational_from_decimal (&late, &c->policy->date_late);
      if (!pbs_rational_mul (&c->w, &late, &out->raw))
        return overflow (c, error);
      out->flags |= PBS_FLAG_LATE;
      out->deviation = PBS_DEVIATION_LATE;
    }
  if (ex != NULL)
    {
      g_string_append_printf (ex, W (c, W_DEADLINE_INDICATOR),
                              a->text, t->text);
      if (out->met)
        append_full_points (c, ex);
      else
        {
          g_string_append (ex, W (c, W_LATE));
          pbs_append_decimal (ex, &c->ind->points);
          g_string_append (ex, " × ");
          pbs_append_decimal (ex, &c->policy->date_late);
          g_string_append (ex, " = ");
          pbs_append_rational (ex, &out->raw);
        }
    }
  return TRUE;
}

/* ------------------------------------------------- rules of rule book §9 */

static gboolean
bad_rule (const Ctx *c, GError **error, const char *what)
{
  return row_error (c, error, PBS_SCORE_ERROR_BAD_RULE, what);
}

/* Step deduction (每超 1 个百分点扣 0.1 分，扣完为止): full points within the
 * target; past it, deduct per step, floored at 0. The target's sign says
 * which side is "past". */
static gboolean
rule_step (const Ctx *c, PbsRuleResult *out, GString *ex, GError **error)
{
  const PbsIndicator *ind = c->ind;
  PbsRational excess, per, deduct, steps, cut;
  PbsOperator op = pbs_value_get_operator (c->target);

  out->rule = PBS_RULE_STEP;
  if (c->target->kind != PBS_VALUE_QUANTITY)
    return bad_rule (c, error, "a step-deduction rule needs a numeric target such as ≤100%");
  if (pbs_decimal_sign (&pbs_indicator_more (ind)->step_per) <= 0)
    return bad_rule (c, error, "the step of a step-deduction rule must be above 0");
  if (!check_number (c, error))
    return FALSE;
  set_ratio (c, &c->t, out);

  if (op == PBS_OP_GE || op == PBS_OP_GT)
    {
      if (!pbs_rational_sub (&c->t, &c->a, &excess))
        return overflow (c, error);
    }
  else if (!pbs_rational_sub (&c->a, &c->t, &excess))
    return overflow (c, error);
  if (op == PBS_OP_EQ && excess.num < 0)
    excess.num = -excess.num;

  if (ex != NULL)
    {
      g_string_append (ex, W (c, W_STEP_DEDUCTION));
      append_comparison (c, ex, &c->target->lo,
                         pbs_rational_sign (&excess) <= 0 ? W (c, W_WITHIN) : W (c, W_PAST));
    }
  if (pbs_rational_sign (&excess) <= 0)
    {
      out->met = TRUE;
      out->raw = c->w;
      if (ex != NULL)
        append_full_points (c, ex);
      return TRUE;
    }

  out->deviation = pbs_rules_deviation_of (op);
  pbs_rational_from_decimal (&per, &pbs_indicator_more (ind)->step_per);
  pbs_rational_from_decimal (&deduct, &pbs_indicator_more (ind)->step_deduct);
  if (!pbs_rational_div (&excess, &per, &steps))
    return overflow (c, error);
  if (pbs_indicator_more (ind)->step_mode != PBS_STEP_EXACT)
    {
      PbsInt128 whole = pbs_int128_round_div (steps.num, steps.den, PBS_ROUNDING_FLOOR);
      if (pbs_indicator_more (ind)->step_mode == PBS_STEP_STARTED && whole * steps.den != steps.num)
        whole += 1;
      steps.num = whole;
      steps.den = 1;
    }
  if (!pbs_rational_mul (&deduct, &steps, &cut) || !pbs_rational_sub (&c->w, &cut, &out->raw))
    return overflow (c, error);
  clamp (c, &out->raw);
  if (ex != NULL)
    {
      g_string_append (ex, W (c, W_PAST_BY));
      pbs_append_rational (ex, &excess);
      g_string_append (ex, W (c, W_EACH));
      pbs_append_decimal (ex, &pbs_indicator_more (ind)->step_per);
      g_string_append (ex, W (c, W_PER_STEP_OF));
      pbs_append_decimal (ex, &pbs_indicator_more (ind)->step_deduct);
      g_string_append (ex, W (c, W_POINTS_DOWN_TO));
      pbs_append_decimal (ex, &ind->points);
      g_string_append (ex, " − ");
      pbs_append_decimal (ex, &pbs_indicator_more (ind)->step_deduct);
      g_string_append (ex, " × ");
      pbs_append_rational (ex, &steps);
      g_string_append (ex, " = ");
      pbs_append_rational (ex, &out->raw);
    }
  return TRUE;
}

/* Bands (±10 % 以内得 5 分，±10–15 % 得 3 分 …): the first band holding the
 * deviation |a − t| / |t| in percent, or the value, gives the score. */
static gboolean
rule_bands (const Ctx *c, PbsRuleResult *out, GString *ex, GError **error)
{
  const PbsIndicator *ind = c->ind;
  PbsRational m, hundred;
  guint hit = G_MAXUINT;

  out->rule = PBS_RULE_BANDS;
  if (pbs_indicator_more (ind)->bands == NULL || pbs_indicator_more (ind)->bands->len == 0)
    return bad_rule (c, error, "a band rule needs at least one band");
  if (c->target->kind != PBS_VALUE_QUANTITY)
    return bad_rule (c, error, "a band rule needs a numeric target");
  if (!check_number (c, error))
    return FALSE;
  set_ratio (c, &c->t, out);

  if (pbs_indicator_more (ind)->bands_of == PBS_BANDS_OF_DEVIATION)
    {
      if (c->t.num == 0)
        return bad_rule (c, error, "a deviation band needs a target other than 0");
      pbs_rational_from_int (&hundred, 100);
      if (!pbs_rational_sub (&c->a, &c->t, &m) || !pbs_rational_div (&m, &c->t, &m)
          || !pbs_rational_mul (&m, &hundred, &m))
        return overflow (c, error);
      if (m.num < 0)
        m.num = -m.num;
    }
  else
    m = c->a;

  for (guint i = 0; i < pbs_indicator_more (ind)->bands->len && hit == G_MAXUINT; i++)
    {
      const PbsScoreBand *b = &g_array_index (pbs_indicator_more (ind)->bands, PbsScoreBand, i);
      PbsRational bound;

      if (b->has_min)
        {
          pbs_rational_from_decimal (&bound, &b->min);
          if (pbs_rational_compare (&m, &bound) < 0)
            continue;
        }
      if (b->has_max)
        {
          pbs_rational_from_decimal (&bound, &b->max);
          if (pbs_rational_compare (&m, &bound) > 0)
            continue;
        }
      hit = i;
    }
  if (hit != G_MAXUINT)
    pbs_rational_from_decimal (&out->raw, &g_array_index (pbs_indicator_more (ind)->bands, PbsScoreBand, hit).score);
  else
    pbs_rational_from_int (&out->raw, 0);
  clamp (c, &out->raw);
  out->met = pbs_rational_compare (&out->raw, &c->w) == 0;
  if (!out->met)
    out->deviation = pbs_rules_deviation_of (pbs_value_get_operator (c->target));

  if (ex != NULL)
    {
      g_string_append (ex, W (c, W_BAND_RULE_ACTUAL));
      append_value (ex, &c->actual->lo, c->target);
      if (pbs_indicator_more (ind)->bands_of == PBS_BANDS_OF_DEVIATION)
        {
          g_string_append (ex, W (c, W_TARGET_AFTER));
          append_value (ex, &c->target->lo, c->target);
          g_string_append (ex, W (c, W_DEVIATION));
          pbs_append_rational (ex, &m);
          g_string_append (ex, "%");
        }
      if (hit != G_MAXUINT)
        g_string_append_printf (ex, W (c, W_IN_BAND), hit + 1);
      else
        g_string_append (ex, W (c, W_IN_NO_BAND));
      pbs_append_rational (ex, &out->raw);
    }
  return TRUE;
}

/* Indexed by PbsRowRule: rows with a rule of their own. */
static const RuleFunc row_rules[] = {
  [PBS_ROW_RULE_COMPARE] = NULL,
  [PBS_ROW_RULE_STEP] = rule_step,
  [PBS_ROW_RULE_BANDS] = rule_bands,
};

/* Indexed by the target's PbsValueKind. */
static const RuleFunc kind_rules[] = {
  [PBS_VALUE_QUANTITY] = rule_quantity,
  [PBS_VALUE_QUALITATIVE] = rule_qualitative,
  [PBS_VALUE_BOOLEAN] = rule_boolean,
  [PBS_VALUE_DATE] = rule_date,
  [PBS_VALUE_RANGE] = rule_range,
};

gboolean
pbs_rules_score_row (const PbsRuleInput *in, PbsRuleResult *out, GString *explain, GError **error)
{
  Ctx c = { 0 };

  c.in = in;
  c.ind = in->indicator;
  c.policy = in->policy;
  c.target = &in->indicator->target;
  c.actual = &in->indicator->actual;
  c.zh = in->language == PBS_LANGUAGE_ZH;
  pbs_rational_from_decimal (&c.w, &c.ind->points);
  pbs_rational_from_decimal (&c.t, &c.target->lo);
  pbs_rational_from_decimal (&c.a, &c.actual->lo);

  memset (out, 0, sizeof *out);
  pbs_rational_from_int (&out->raw, 0);
  pbs_rational_from_int (&out->ratio_base, 1);
  if (c.ind->rule != PBS_ROW_RULE_COMPARE)
    return row_rules[c.ind->rule] (&c, out, explain, error);
  g_assert ((guint) c.target->kind < G_N_ELEMENTS (kind_rules));
  return kind_rules[c.target->kind] (&c, out, explain, error);
}
