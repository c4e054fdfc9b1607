/* pbs-narrative.c - a draft of 绩效指标完成情况分析, written from the data
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Published reports write section 四(四) from habit: "一是数量指标完成情况良好
 * …二是质量指标完成情况良好…", even above a table whose rows fell short. This
 * draft says only what the scorecard holds: per level-2 category how many
 * rows reached their targets, and by name every row that did not (target,
 * actual, score, 偏差原因), every row past the over-completion threshold and
 * every row without an actual. 完成情况良好 is written only for a category
 * whose rows all reached their targets at full points with nothing to
 * report; a met row below full points is named with its score and reason.
 */
#include "config.h"

#include <string.h>

#include "pbs-lex.h"
#include "pbs-evaluation-private.h"
#include "pbs-indicator-private.h"
#include "pbs-budget-private.h"
#include "pbs-decimal-private.h"
#include "pbs-policy-private.h"
#include "pbs-nick.h"

/* The Chinese ordinal of @n (1-based) as in 一是 / 十二是; up to 99. */
static void
append_ordinal (GString *s, guint n)
{
  static const char * const digits[] = { "", "一", "二", "三", "四", "五", "六", "七", "八", "九" };

  if (n >= 100)
    {
      g_string_append_printf (s, "第%u", n);
      return;
    }
  if (n >= 10)
    {
      if (n / 10 > 1)
        g_string_append (s, digits[n / 10]);
      g_string_append (s, "十");
    }
  g_string_append (s, digits[n % 10]);
}

/* A target or actual as printed; words are quoted ("“及时”"), numbers with
 * their sign are not ("≥60%"). */
static void
append_value (GString *s, const PbsValue *v)
{
  const char *text = pbs_value_get_text (v);
  PbsValueKind k = pbs_value_get_kind (v);

  if (k == PBS_VALUE_QUALITATIVE || k == PBS_VALUE_BOOLEAN)
    g_string_append_printf (s, "“%s”", text);
  else
    g_string_append (s, text);
}

/* The reason as a clause, without its own closing punctuation. */
static void
append_reason (GString *s, const PbsIndicator *ind)
{
  const char *reason = pbs_indicator_get_reason (ind);
  g_autofree char *r = NULL;
  gsize len;

  if (!pbs_lex_is_reason (reason))
    {
      g_string_append (s, "未说明偏差原因");
      return;
    }
  r = g_strstrip (g_strdup (reason));
  len = strlen (r);
  for (;;)
    {
      static const char * const stops[] = { "。", "；", "，", ";", ",", "." };
      gboolean cut = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (stops) && !cut; i++)
        if (g_str_has_suffix (r, stops[i]))
          {
            len -= strlen (stops[i]);
            r[len] = '\0';
            cut = TRUE;
          }
      if (!cut)
        break;
    }
  g_string_append_printf (s, "偏差原因：%s", r);
}

static void
append_score (GString *s, PbsScorecard *sc, guint row, const PbsIndicator *ind)
{
  PbsDecimal score, points;
  g_autofree char *st = NULL, *pt = NULL;

  pbs_indicator_get_points (ind, &points);
  pt = pbs_decimal_to_short_string (&points);
  if (!pbs_scorecard_get_row_score (sc, row, &score))
    return;
  st = pbs_decimal_to_string (&score);
  g_string_append_printf (s, "，得%s分（分值%s分）", st, pt);
}

/* Whether the actual of a row off an exact target lies above it: the
 * deviation (decided by the rule) says the row missed an exact value; the
 * words say on which side. */
static gboolean
above_target (const PbsIndicator *ind)
{
  PbsDecimal tn, an;

  return pbs_value_get_number (pbs_indicator_get_target (ind), &tn)
         && pbs_value_get_number (pbs_indicator_get_actual (ind), &an)
         && pbs_decimal_compare (&an, &tn) > 0;
}

/* 100 · a / t of a quantity row, exact from the values and rounded once,
 * half-up to 2 decimals; FALSE when there is no such number. */
static gboolean
completion_percent (const PbsIndicator *ind, PbsDecimal *out)
{
  PbsDecimal t, a, hundred, scaled;

  pbs_decimal_init (&hundred, 100, 0);
  return pbs_value_get_number (pbs_indicator_get_target (ind), &t)
         && pbs_value_get_number (pbs_indicator_get_actual (ind), &a)
         && pbs_decimal_sign (&t) > 0
         && pbs_decimal_mul (&a, &hundred, &scaled)
         && pbs_decimal_div (&scaled, &t, 2, PBS_ROUNDING_HALF_UP, out);
}

/* a / t, exact from the values and rounded once, half-up to 2 decimals
 * (12449.5 / 10000 = 1.24495 → 1.24). */
static gboolean
times_target (const PbsIndicator *ind, PbsDecimal *out)
{
  PbsDecimal t, a;

  return pbs_value_get_number (pbs_indicator_get_target (ind), &t)
         && pbs_value_get_number (pbs_indicator_get_actual (ind), &a)
         && pbs_decimal_sign (&t) > 0
         && pbs_decimal_div (&a, &t, 2, PBS_ROUNDING_HALF_UP, out);
}

/* A row that fell short: target, actual, completion, score, reason. A
 * completion rate (a / t) reads as one only where more is better: it is
 * given for rows scored by the positive or equal (as ≥) rules, never for a
 * ceiling (≤) or a two-sided target. */
static void
append_shortfall (GString *s, PbsScorecard *sc, guint row, const PbsIndicator *ind)
{
  PbsRule rule = pbs_scorecard_get_row_rule (sc, row);
  gboolean unmet = pbs_scorecard_get_row_status (sc, row) == PBS_STATUS_UNMET;
  PbsDecimal pct;

  g_string_append_printf (s, "%s年度指标值", pbs_indicator_get_name (ind));
  append_value (s, pbs_indicator_get_target (ind));
  g_string_append (s, "，实际完成值");
  append_value (s, pbs_indicator_get_actual (ind));
  /* A completion rate of a percentage (83.33% of ≥60%) reads as a second
   * percentage beside the actual: given only for other units. */
  if ((rule == PBS_RULE_POSITIVE || rule == PBS_RULE_EQUAL)
      && pbs_value_get_kind (pbs_indicator_get_target (ind)) == PBS_VALUE_QUANTITY
      && g_strcmp0 (pbs_value_get_unit (pbs_indicator_get_target (ind)), "%") != 0
      && completion_percent (ind, &pct))
    {
      g_autofree char *t = pbs_decimal_to_short_string (&pct);
      g_string_append_printf (s, "，完成率%s%%", t);
    }
  switch (pbs_scorecard_get_row_deviation (sc, row))
    {
    case PBS_DEVIATION_PAST_CEILING:
      g_string_append (s, "，超过年度指标值");
      break;
    case PBS_DEVIATION_OFF_TARGET:
      g_string_append (s, above_target (ind) ? "，超出年度指标值"
                                             : unmet ? "，未达成年度指标值" : "，未完全达到年度指标值");
      break;
    case PBS_DEVIATION_LATE:
      g_string_append (s, "，晚于年度指标值");
      break;
    case PBS_DEVIATION_NONE:
    case PBS_DEVIATION_SHORT:
    case PBS_DEVIATION_BELOW_BAND:
    default:
      g_string_append (s, unmet ? "，未达成年度指标值" : "，未完全达到年度指标值");
      break;
    }
  append_score (s, sc, row, ind);
  g_string_append (s, "；");
  append_reason (s, ind);
  g_string_append (s, "。");
}

/* A row that met its target yet did not earn full points (a qualitative
 * row scored within or below its band, a deduction) or owes a 偏差原因. */
static void
append_met_below (GString *s, PbsScorecard *sc, guint row, const PbsIndicator *ind)
{
  PbsDecimal score, points;

  g_string_append_printf (s, "%s年度指标值", pbs_indicator_get_name (ind));
  append_value (s, pbs_indicator_get_target (ind));
  g_string_append (s, "，实际完成值");
  append_value (s, pbs_indicator_get_actual (ind));
  g_string_append (s, "，已达到年度指标值");
  pbs_indicator_get_points (ind, &points);
  if (pbs_scorecard_get_row_score (sc, row, &score) && pbs_decimal_compare (&score, &points) < 0)
    {
      g_autofree char *st = pbs_decimal_to_string (&score);
      g_autofree char *pt = pbs_decimal_to_short_string (&points);

      g_string_append_printf (s, "，但得%s分（分值%s分），未得满分", st, pt);
    }
  else
    append_score (s, sc, row, ind);
  g_string_append (s, "；");
  append_reason (s, ind);
  g_string_append (s, "。");
}

/* A row far past its target: the target may have been set too low. */
static void
append_over (GString *s, PbsScorecard *sc, guint row, const PbsIndicator *ind)
{
  const PbsPolicy *p = pbs_scorecard_get_policy (sc);
  g_autofree char *threshold = pbs_decimal_to_short_string (&p->over_threshold);
  PbsDecimal times;

  g_string_append_printf (s, "%s实际完成值", pbs_indicator_get_name (ind));
  append_value (s, pbs_indicator_get_actual (ind));
  g_string_append (s, "，远超年度指标值");
  append_value (s, pbs_indicator_get_target (ind));
  if (times_target (ind, &times))
    {
      g_autofree char *rt = pbs_decimal_to_short_string (&times);
      g_string_append_printf (s, "（为指标值的%s倍，超过%s倍的偏离阈值）", rt, threshold);
    }
  else
    g_string_append_printf (s, "（超过指标值的%s倍）", threshold);
  g_string_append (s, "，目标值设定偏低");
  if (pbs_scorecard_get_row_flags (sc, row) & PBS_FLAG_OVER_DEDUCTED)
    append_score (s, sc, row, ind);
  g_string_append (s, "；");
  append_reason (s, ind);
  g_string_append (s, "。");
}

static void
append_unscored (GString *s, const PbsIndicator *ind)
{
  g_string_append_printf (s, "%s（年度指标值", pbs_indicator_get_name (ind));
  append_value (s, pbs_indicator_get_target (ind));
  g_string_append (s, "）未填报实际完成值，无法判断是否达成。");
}

/* A met row with nothing to say: full points, no 偏差原因 owed, nothing
 * past the over-completion threshold and no deduction. */
static gboolean
met_clean (PbsScorecard *sc, guint row, const PbsIndicator *ind, PbsFlags flags)
{
  PbsDecimal score, points;

  if (flags & (PBS_FLAG_MISSING_REASON | PBS_FLAG_OVER_DEDUCTED | PBS_FLAG_OVER_COMPLETION))
    return FALSE;
  pbs_indicator_get_points (ind, &points);
  return pbs_scorecard_get_row_score (sc, row, &score) && pbs_decimal_compare (&score, &points) >= 0;
}

/* One paragraph: the rows of level-2 category @l2 under @l1; FALSE (and
 * nothing written) when none of its rows counts. The counts use the
 * table's status words: 达成, 部分达成, 未达成. */
static gboolean
append_level2 (GString *s, PbsScorecard *sc, const char *l1, const char *l2, guint ordinal)
{
  PbsEvaluation *e = pbs_scorecard_get_evaluation (sc);
  g_autoptr (GString) details = g_string_new (NULL);
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  guint n = 0, met = 0, partial = 0, unmet = 0, unscored = 0, na = 0;

  for (guint i = 0; i < pbs_scorecard_get_n_rows (sc); i++)
    {
      PbsIndicator *ind = pbs_evaluation_get_indicator (e, i);
      PbsFlags flags = pbs_scorecard_get_row_flags (sc, i);

      if (g_strcmp0 (pbs_indicator_get_level1 (ind), l1) != 0
          || g_strcmp0 (pbs_indicator_get_level2 (ind), l2) != 0
          || (flags & PBS_FLAG_NOT_COUNTED))
        continue;
      n++;
      switch (pbs_scorecard_get_row_status (sc, i))
        {
        case PBS_STATUS_MET:
          met++;
          if (flags & (PBS_FLAG_OVER_COMPLETION | PBS_FLAG_OVER_DEDUCTED))
            append_over (details, sc, i, ind);
          else if (!met_clean (sc, i, ind, flags))
            append_met_below (details, sc, i, ind);
          break;
        case PBS_STATUS_PARTIAL:
          partial++;
          append_shortfall (details, sc, i, ind);
          break;
        case PBS_STATUS_UNMET:
          unmet++;
          append_shortfall (details, sc, i, ind);
          break;
        case PBS_STATUS_UNSCORED:
          unscored++;
          append_unscored (details, ind);
          break;
        case PBS_STATUS_UNPUBLISHED:
          unscored++;
          break;
        case PBS_STATUS_NOT_APPLICABLE:
        default:
          na++;
          break;
        }
    }

  if (n == 0)
    return FALSE;
  append_ordinal (s, ordinal);
  /* Praise only when every row met its target at full points with
   * nothing to report. */
  if (met == n && details->len == 0)
    {
      if (n == 1)
        g_string_append_printf (s, "是%s完成情况良好：共1项，已达到年度指标值。\n", l2);
      else
        g_string_append_printf (s, "是%s完成情况良好：共%u项，全部达成，%u项指标均达到年度指标值。\n", l2, n, n);
      return TRUE;
    }
  g_string_append_printf (s, "是%s：共%u项，", l2, n);
  if (met == n)
    g_string_append (s, n == 1 ? "已达成" : "全部达成");
  else
    {
      if (met > 0)
        g_ptr_array_add (parts, g_strdup_printf ("%u项达成", met));
      if (partial > 0)
        g_ptr_array_add (parts, g_strdup_printf ("%u项部分达成", partial));
      if (unmet > 0)
        g_ptr_array_add (parts, g_strdup_printf ("%u项未达成", unmet));
      if (unscored > 0)
        g_ptr_array_add (parts, g_strdup_printf ("%u项未填报实际完成值", unscored));
      if (na > 0)
        g_ptr_array_add (parts, g_strdup_printf ("%u项不适用", na));
      g_ptr_array_add (parts, NULL);
      {
        g_autofree char *joined = g_strjoinv ("、", (char **) parts->pdata);
        g_string_append (s, joined);
      }
    }
  g_string_append (s, "。");
  if (details->len > 0)
    g_string_append_printf (s, "其中，%s", details->str);
  g_string_append_c (s, '\n');
  return TRUE;
}

static const char *
grade_zh (PbsGrade grade)
{
  switch (grade)
    {
    case PBS_GRADE_EXCELLENT: return "优";
    case PBS_GRADE_GOOD: return "良";
    case PBS_GRADE_FAIR: return "中";
    case PBS_GRADE_POOR: return "差";
    case PBS_GRADE_NONE:
    default: return NULL;
    }
}

static void
append_conclusion (GString *s, PbsScorecard *sc)
{
  PbsEvaluation *e = pbs_scorecard_get_evaluation (sc);
  PbsBudget *b = pbs_evaluation_get_budget (e);
  const char *currency = pbs_evaluation_get_currency (e) == PBS_CURRENCY_YUAN ? "元" : "万元";
  const char *grade = grade_zh (pbs_scorecard_get_grade (sc));
  PbsDecimal total, total_points, rate, bscore, bpoints, annual, executed;
  g_autofree char *tt = NULL, *tp = NULL;
  guint unscored = 0;

  pbs_scorecard_get_total (sc, &total);
  pbs_scorecard_get_total_points (sc, &total_points);
  tt = pbs_decimal_to_string (&total);
  tp = pbs_decimal_to_short_string (&total_points);
  for (guint i = 0; i < pbs_scorecard_get_n_rows (sc); i++)
    unscored += pbs_scorecard_get_row_status (sc, i) == PBS_STATUS_UNSCORED
                && !(pbs_scorecard_get_row_flags (sc, i) & PBS_FLAG_NOT_COUNTED);

  if (pbs_scorecard_is_complete (sc) && grade != NULL)
    g_string_append_printf (s, "综上，绩效自评总分%s分（满分%s分），评价等级为“%s”", tt, tp, grade);
  else if (unscored == 0 && !pbs_scorecard_get_budget_score (sc, &bscore))
    g_string_append_printf (s, "综上，预算执行率未评分，评分不完整，已评部分得分%s分（满分%s分），暂不评定等级",
                            tt, tp);
  else
    g_string_append_printf (s, "综上，%u项指标未填报实际完成值，评分不完整，已评部分得分%s分（满分%s分），暂不评定等级",
                            unscored, tt, tp);

  if (b == NULL)
    {
      g_string_append (s, "。\n");
      return;
    }
  if (!pbs_budget_get_annual (b, &annual) || !pbs_budget_get_executed (b, &executed))
    {
      /* Budget as printed (§11): no rate, the printed score or none. */
      g_autofree char *bs = NULL;

      if (pbs_scorecard_get_budget_rate (sc, &rate) && pbs_scorecard_get_budget_score (sc, &bscore))
        {
          g_autofree char *rt = pbs_decimal_to_string (&rate);

          bs = pbs_decimal_to_string (&bscore);
          g_string_append_printf (s, "；预算执行率%s%%，得%s分。\n", rt, bs);
        }
      else if (!pbs_scorecard_get_budget_score (sc, &bscore))
        g_string_append (s, "；表中未列全年预算数或全年执行数，无法计算预算执行率，预算执行未评分。\n");
      else
        {
          bs = pbs_decimal_to_string (&bscore);
          g_string_append_printf (s, "；表中未列全年预算数或全年执行数，无法计算预算执行率，预算执行得分按公布的%s分计。\n",
                                  bs);
        }
      return;
    }
  if (pbs_scorecard_get_budget_rate (sc, &rate))
    {
      g_autofree char *rt = pbs_decimal_to_string (&rate);
      g_autofree char *at = NULL, *et = NULL, *bs = NULL, *bp = NULL;

      at = pbs_decimal_to_string (&annual);
      et = pbs_decimal_to_string (&executed);
      pbs_scorecard_get_budget_score (sc, &bscore);
      pbs_scorecard_get_budget_points (sc, &bpoints);
      bs = pbs_decimal_to_string (&bscore);
      bp = pbs_decimal_to_short_string (&bpoints);
      g_string_append_printf (s, "；预算执行率%s%%（全年执行数%s%s，全年预算数%s%s），得%s分（分值%s分）。\n",
                              rt, et, currency, at, currency, bs, bp);
    }
  else
    g_string_append (s, "；全年预算数为0，无法计算预算执行率。\n");
}

/**
 * pbs_narrative_dup_text:
 * @scorecard: a scored table
 *
 * Drafts the report's 绩效指标完成情况分析 (section 四(四) of a 自评报告)
 * from @scorecard: for each level-1 category, in table order, a heading
 * ("1.产出指标完成情况分析") and for each of its level-2 categories one
 * paragraph ("一是数量指标：共5项，3项达成、1项部分达成、1项未达成。…",
 * counted with the table's status words) that names every row short of its
 * target with the target, the actual, the completion rate (positive and
 * equal rows only; a ceiling row is said to exceed its target), the score
 * and its 偏差原因 (or 未说明偏差原因), every met row below full points or
 * owing a 偏差原因, every row past the over-completion threshold and every
 * row without an actual; then the total, the grade and the budget
 * execution rate. Numbers are the table's own text or exact decimals,
 * rounded once. 完成情况良好 is written only for a category whose rows all
 * met their targets at full points, none past the threshold and none
 * owing a 偏差原因.
 *
 * Returns: (transfer full): the text, in Chinese, one paragraph a line
 *
 * Since: 0.1
 */
char *
pbs_narrative_dup_text (PbsScorecard *scorecard)
{
  g_autoptr (GString) s = NULL;
  guint heading = 0, ordinal = 0;

  g_return_val_if_fail (scorecard != NULL, NULL);

  s = g_string_new (NULL);
  for (guint i = 0; i < pbs_scorecard_get_n_subtotals (scorecard); i++)
    {
      guint level;
      const char *l1, *l2;

      pbs_scorecard_get_subtotal (scorecard, i, &level, &l1, &l2, NULL, NULL);
      if (level == 1)
        {
          g_string_append_printf (s, "%u.%s完成情况分析\n", ++heading, l1);
          ordinal = 0;
        }
      else if (append_level2 (s, scorecard, l1, l2, ordinal + 1))
        ordinal++;
    }
  append_conclusion (s, scorecard);
  return g_string_free (g_steal_pointer (&s), FALSE);
}
