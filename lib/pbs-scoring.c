/* pbs-scoring.c - scoring an evaluation into a scorecard (rule book §§3–7)
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * One pass over the rows: each row's rule (pbs-rules.c) gives its unrounded
 * score, deviation and flags; the score is rounded once with the policy;
 * parents and children count once; subtotals, the budget line, the total
 * and the grade follow. The result (pbs-scorecard.c) is read-only.
 */
#include "config.h"

#include <string.h>

#include "pbs-scorecard-private.h"
#include "pbs-rules.h"
#include "pbs-evaluation-private.h"
#include "pbs-budget-private.h"
#include "pbs-template-private.h"
#include "pbs-decimal-private.h"

/* ---------------------------------------------------------------- scoring */

/* Errors name the place: the row's, or the document's for the budget and
 * the total (doc/format.md). */
static gboolean
score_error (const PbsScorecard *sc, GError **error, int code, guint row, const PbsIndicator *ind,
             const char *what)
{
  const char *source = pbs_evaluation_get_source (sc->evaluation);
  guint line, column;

  if (ind == NULL && source != NULL)
    {
      pbs_evaluation_get_place (sc->evaluation, &line, &column);
      /* an evaluation read from a table file has no line (doc/import.md) */
      if (line == 0)
        g_set_error (error, PBS_SCORE_ERROR, code, "%s: %s", source, what);
      else
        g_set_error (error, PBS_SCORE_ERROR, code, "%s:%u:%u: %s", source, line,
                     MAX (column, 1u), what);
      return FALSE;
    }
  pbs_set_row_error (error, PBS_SCORE_ERROR, code, source, row, ind, what);
  return FALSE;
}

/* acc += x, exactly. A sum that no longer fits 18 significant digits is
 * an error naming what was added: a row's points or score (@ind, row @n),
 * or the budget line's (@ind NULL) — usually a value written with too
 * many decimals, not one too large. */
static inline gboolean
add (const PbsScorecard *sc, PbsDecimal *acc, const PbsDecimal *x, guint n, const PbsIndicator *ind,
     GError **error)
{
  gint64 v;

  /* Sums of one scale, the usual case, without a call. */
  if (acc->scale == x->scale && !__builtin_add_overflow (acc->value, x->value, &v))
    {
      acc->value = v;
      return TRUE;
    }
  if (!pbs_decimal_add (acc, x, acc))
    {
      g_autofree char *digits = pbs_decimal_to_string (x);
      g_autofree char *sum = pbs_decimal_to_string (acc);
      g_autofree char *what = g_strdup_printf (
        "%s %s cannot be added exactly to the sum before it, %s: together they need more than "
        "18 significant digits (look for a value written with too many decimals)",
        ind != NULL ? "its value" : "the budget line's value", digits, sum);

      return score_error (sc, error, PBS_SCORE_ERROR_OVERFLOW, n, ind, what);
    }
  return TRUE;
}

/* Subtotals in order of first appearance: each level-1 category followed
 * by its level-2 categories. Rows usually come grouped, so the last match
 * is tried first; otherwise a linear search over the (few) categories. */
typedef struct {
  GArray *l1;   /* PbsSubtotalResult, level 1 */
  GArray *l2;   /* PbsSubtotalResult, level 2 */
  guint   last1, last2;
} Groups;

/* Category names are interned (pbs_indicator_new), so equal names are
 * usually the same pointer. */
static inline gboolean
same (const char *a, const char *b)
{
  return a == b || strcmp (a, b) == 0;
}

static PbsSubtotalResult *
find_group (GArray *arr, guint *last, const char *level1, const char *level2, guint level)
{
  PbsSubtotalResult s = { 0 };

  if (*last < arr->len)
    {
      PbsSubtotalResult *t = &g_array_index (arr, PbsSubtotalResult, *last);
      if (same (t->level1, level1) && (level == 1 || same (t->level2, level2)))
        return t;
    }
  for (guint i = 0; i < arr->len; i++)
    {
      PbsSubtotalResult *t = &g_array_index (arr, PbsSubtotalResult, i);
      if (same (t->level1, level1) && (level == 1 || same (t->level2, level2)))
        {
          *last = i;
          return t;
        }
    }
  s.level = level;
  s.level1 = level1;
  s.level2 = level == 2 ? level2 : NULL;
  g_array_append_val (arr, s);
  *last = arr->len - 1;
  return &g_array_index (arr, PbsSubtotalResult, *last);
}

static gboolean
group_add (const PbsScorecard *sc, Groups *g, guint n, const PbsIndicator *ind, const PbsRowResult *row,
           GError **error)
{
  PbsSubtotalResult *s1 = find_group (g->l1, &g->last1, ind->level1, ind->level2, 1);
  PbsSubtotalResult *s2;

  if (!add (sc, &s1->points, &ind->points, n, ind, error)
      || (row->has_score && !add (sc, &s1->score, &row->score, n, ind, error)))
    return FALSE;
  s2 = find_group (g->l2, &g->last2, ind->level1, ind->level2, 2);
  return add (sc, &s2->points, &ind->points, n, ind, error)
         && (!row->has_score || add (sc, &s2->score, &row->score, n, ind, error));
}

static void
groups_flatten (Groups *g, GArray *out)
{
  for (guint i = 0; i < g->l1->len; i++)
    {
      PbsSubtotalResult *s1 = &g_array_index (g->l1, PbsSubtotalResult, i);
      g_array_append_val (out, *s1);
      for (guint j = 0; j < g->l2->len; j++)
        {
          PbsSubtotalResult *s2 = &g_array_index (g->l2, PbsSubtotalResult, j);
          if (strcmp (s2->level1, s1->level1) == 0)
            g_array_append_val (out, *s2);
        }
    }
}

/* Rounds with the policy; FALSE (no error set) when the result does not
 * fit, so that each caller says which number it was. */
static gboolean
round_rational (const PbsScorecard *sc, const PbsRational *r, PbsDecimal *out)
{
  return pbs_rational_to_decimal (r, sc->policy->rounding_digits, sc->policy->rounding_mode, out);
}

/* Does a printed score differ from the computed one by more than the
 * tolerance (rule book §7)? Exact, whatever the magnitudes. */
static gboolean
differs (const PbsDecimal *printed, const PbsDecimal *computed, const PbsDecimal *tolerance)
{
  PbsRational a, b, d, tol;

  pbs_rational_from_decimal (&a, printed);
  pbs_rational_from_decimal (&b, computed);
  pbs_rational_from_decimal (&tol, tolerance);
  if (!pbs_rational_sub (&a, &b, &d))
    return TRUE;
  if (d.num < 0)
    d.num = -d.num;
  return pbs_rational_compare (&d, &tol) > 0;
}

/* Scores one applicable row with an actual; fills @row. */
/* Do a rational's numerator and denominator both fit in 64 bits? */
static inline gboolean
fits_int64 (const PbsRational *r)
{
  return r->num >= G_MININT64 && r->num <= G_MAXINT64 && r->den <= G_MAXINT64;
}

static gboolean
score_row (const PbsScorecard *sc, const PbsIndicator *ind, guint n, PbsRowResult *row, GError **error)
{
  const PbsPolicy *p = sc->policy;
  PbsRuleInput in = { p, ind, PBS_LANGUAGE_EN, n, pbs_evaluation_get_source (sc->evaluation) };
  PbsRuleResult res;
  PbsRational w;
  gboolean reason;

  if (!pbs_rules_score_row (&in, &res, NULL, error))
    return FALSE;
  pbs_rational_from_decimal (&w, &ind->points);
  /* Full points, the common case, need no division to round. */
  if (pbs_rational_compare (&res.raw, &w) == 0)
    {
      if (!pbs_decimal_round (&ind->points, p->rounding_digits, p->rounding_mode, &row->score))
        return score_error (sc, error, PBS_SCORE_ERROR_OVERFLOW, n, ind, "the points are too large");
      if (pbs_decimal_compare (&row->score, &ind->points) > 0)
        row->score = ind->points;
    }
  else if (!round_rational (sc, &res.raw, &row->score))
    return score_error (sc, error, PBS_SCORE_ERROR_OVERFLOW, n, ind, "the score is too large to keep exactly");
  /* Rounding never lifts a score past its points (§4: every score ends in
   * [0, w]); a row at its points keeps them as written (2.5 of 2.5 under
   * whole-point rounding). */
  if (pbs_decimal_compare (&row->score, &ind->points) > 0)
    row->score = ind->points;
  row->has_score = TRUE;
  row->rule = (guint8) res.rule;
  row->flags = res.flags;
  /* The ratio is rounded when asked for (pbs_scorecard_get_row_ratio):
   * scoring a large batch need not divide once more per row. */
  /* the base is the target's number: a decimal fits in 64 bits */
  row->has_ratio = res.has_ratio && fits_int64 (&res.ratio_base);
  row->ratio_num = (gint64) res.ratio_base.num;
  row->ratio_den = (gint64) res.ratio_base.den;
  row->ratio_is_one = (guint8) res.ratio_is_one;
  row->deviation = res.met ? PBS_DEVIATION_NONE : (guint8) res.deviation;
  row->status = res.met ? PBS_STATUS_MET
                : pbs_decimal_sign (&row->score) > 0 ? PBS_STATUS_PARTIAL : PBS_STATUS_UNMET;

  if ((ind->has_manual_score || ind->band != PBS_BAND_UNKNOWN) && res.rule != PBS_RULE_QUALITATIVE)
    row->flags |= PBS_FLAG_MANUAL_IGNORED;

  /* A 偏差原因 is owed for a shortfall or an over-completion (§4, §10). */
  reason = ind->reason_given;
  if (!reason && (pbs_rational_compare (&res.raw, &w) < 0 || (res.flags & PBS_FLAG_OVER_COMPLETION)))
    row->flags |= PBS_FLAG_MISSING_REASON;
  if (!reason && (res.flags & PBS_FLAG_OVER_COMPLETION) && p->over_action == PBS_OVER_REQUIRE_REASON)
    return score_error (sc, error, PBS_SCORE_ERROR_REASON_REQUIRED, n, ind,
                        "the actual is far past the target (over.threshold) and the policy "
                        "requires a 偏差原因, but none is given");

  if (ind->has_printed_score && differs (&pbs_indicator_more (ind)->printed_score, &row->score, &p->audit_tolerance))
    row->flags |= PBS_FLAG_PRINTED_DIFFERS;
  return TRUE;
}

gboolean
pbs_scorecard_score_row (const PbsScorecard *sc, const PbsIndicator *ind, guint n, PbsRowResult *row,
                         GError **error)
{
  return score_row (sc, ind, n, row, error);
}

gboolean
pbs_scorecard_differs (const PbsDecimal *printed, const PbsDecimal *computed, const PbsDecimal *tolerance)
{
  return differs (printed, computed, tolerance);
}

static void
warn (PbsScorecard *sc, PbsWarning w)
{
  g_array_append_val (sc->warnings, w);
}

static void
check_budget_printed (PbsScorecard *sc, const PbsBudget *b)
{
  if (b->has_printed_score && differs (&b->printed_score, &sc->budget_score, &sc->policy->audit_tolerance))
    warn (sc, PBS_WARNING_BUDGET_PRINTED_DIFFERS);
}

/* Rule book §11: the funding sources of a column add up to the budget
 * line's amount, where the line and every source listed give it. */
void
pbs_scorecard_check_sources (PbsScorecard *sc, const PbsBudget *b)
{
  for (guint col = 0; col < PBS_N_BUDGET_COLUMNS; col++)
    {
      PbsDecimal total, sum;
      gboolean any = FALSE, all = TRUE;

      if (!pbs_budget_column (b, (PbsBudgetColumn) col, &total))
        continue;
      pbs_decimal_init (&sum, 0, 0);
      for (guint s = 0; s < PBS_N_FUND_SOURCES && all; s++)
        {
          const PbsFundRow *row = &b->sources[s];

          if (!row->present)
            continue;
          any = TRUE;
          all = row->has_amount[col] && pbs_decimal_add (&sum, &row->amount[col], &sum);
        }
      if (any && all && pbs_decimal_compare (&sum, &total) != 0)
        {
          sc->sources_column = (PbsBudgetColumn) col;
          sc->sources_sum = sum;
          warn (sc, PBS_WARNING_SOURCES_MISMATCH);
          return;
        }
    }
}

/* Rule book §3: rate = 全年执行数 / 全年预算数, score = points × rate. */
static gboolean
score_budget (PbsScorecard *sc, const PbsBudget *b, PbsRational *rate, GError **error)
{
  const PbsPolicy *p = sc->policy;
  PbsRational exec, annual, capped, pts, score, hundred, pct, one, bound;
  const PbsDecimal *base;
  gboolean initial_base = p->budget_base == PBS_BUDGET_BASE_INITIAL;

  sc->budget_points = b->has_points ? b->points : p->budget_points;
  if (pbs_decimal_sign (&sc->budget_points) < 0)
    return score_error (sc, error, PBS_SCORE_ERROR_BAD_POINTS, 0, NULL,
                        "the budget line's points are negative");
  pbs_decimal_init (&sc->budget_score, 0, p->rounding_digits);
  sc->has_budget_score = TRUE;
  pbs_scorecard_check_sources (sc, b);

  /* budget.base initial (§11): the rate divides by 年初预算数. */
  if (initial_base && !b->has_initial && b->has_annual)
    return score_error (sc, error, PBS_SCORE_ERROR_NO_BUDGET, 0, NULL,
                        "the policy's budget.base is initial, but the budget gives no "
                        "年初预算数 (initial)");
  /* Budget as printed (§11): no rate is invented. The printed score
   * stands; without one the line is unscored. */
  if (!pbs_budget_has_rate_inputs (b, initial_base))
    {
      sc->has_budget_score = b->has_printed_score;
      if (b->has_printed_score)
        sc->budget_score = b->printed_score;
      else
        sc->complete = FALSE;
      return TRUE;
    }
  base = initial_base ? &b->initial : &b->annual;

  if (pbs_decimal_sign (base) == 0)
    {
      if (p->budget_zero == PBS_BUDGET_ZERO_ERROR)
        {
          static const char what[] = "全年预算数 is 0, so the execution rate is undefined "
                                     "(policy budget.zero is error)";
          const char *source = pbs_evaluation_get_source (sc->evaluation);

          if (b->line == 0 || source == NULL)
            return score_error (sc, error, PBS_SCORE_ERROR_ZERO_BUDGET, 0, NULL, what);
          /* At the budget's own line, not the document's first. */
          g_set_error (error, PBS_SCORE_ERROR, PBS_SCORE_ERROR_ZERO_BUDGET, "%s:%u:%u: %s",
                       source, b->line, b->column, what);
          return FALSE;
        }
      warn (sc, PBS_WARNING_YELLOW_ZERO_BUDGET);
      check_budget_printed (sc, b);
      return TRUE;
    }

  pbs_rational_from_decimal (&exec, &b->executed);
  pbs_rational_from_decimal (&annual, base);
  pbs_rational_from_decimal (&pts, &sc->budget_points);
  pbs_rational_from_int (&hundred, 100);
  pbs_rational_from_int (&one, 1);
  if (!pbs_rational_div (&exec, &annual, rate) || !pbs_rational_mul (rate, &hundred, &pct)
      || !round_rational (sc, &pct, &sc->budget_rate))
    return score_error (sc, error, PBS_SCORE_ERROR_OVERFLOW, 0, NULL,
                        "the budget figures are too large to keep exactly");
  sc->has_budget_rate = TRUE;
  sc->budget_percent = pct;

  capped = *rate;
  if (p->budget_cap && pbs_rational_compare (&capped, &one) > 0)
    capped = one;
  if (pbs_rational_sign (&capped) < 0)
    pbs_rational_from_int (&capped, 0);
  if (!pbs_rational_mul (&pts, &capped, &score) || !round_rational (sc, &score, &sc->budget_score))
    return score_error (sc, error, PBS_SCORE_ERROR_OVERFLOW, 0, NULL,
                        "the budget score is too large to keep exactly");
  /* With the cap, rounding never lifts the score past the points. */
  if (p->budget_cap && pbs_decimal_compare (&sc->budget_score, &sc->budget_points) > 0)
    sc->budget_score = sc->budget_points;

  if (pbs_rational_compare (rate, &one) > 0)
    warn (sc, PBS_WARNING_OVER_BUDGET);
  pbs_rational_from_decimal (&bound, &p->budget_explain_below);
  if (pbs_rational_compare (rate, &bound) < 0)
    warn (sc, PBS_WARNING_EXECUTION_BELOW_90);
  pbs_rational_from_decimal (&bound, &p->budget_yellow_below);
  if (pbs_rational_compare (rate, &bound) < 0)
    warn (sc, PBS_WARNING_YELLOW_LOW_EXECUTION);

  check_budget_printed (sc, b);
  return TRUE;
}

/* Rule book §3: red when (S/I − B/P)/(S/I) > budget.red_gap. */
static void
check_red (PbsScorecard *sc, const PbsDecimal *s, const PbsDecimal *i)
{
  PbsRational S, I, B, P, si, bp, gap, limit;

  if (!sc->has_budget_rate || pbs_decimal_sign (&sc->budget_points) <= 0
      || pbs_decimal_sign (i) <= 0 || pbs_decimal_sign (s) <= 0)
    return;
  pbs_rational_from_decimal (&S, s);
  pbs_rational_from_decimal (&I, i);
  pbs_rational_from_decimal (&B, &sc->budget_score);
  pbs_rational_from_decimal (&P, &sc->budget_points);
  pbs_rational_from_decimal (&limit, &sc->policy->budget_red_gap);
  if (pbs_rational_div (&S, &I, &si) && pbs_rational_div (&B, &P, &bp)
      && pbs_rational_sub (&si, &bp, &gap) && pbs_rational_div (&gap, &si, &gap)
      && pbs_rational_compare (&gap, &limit) > 0)
    warn (sc, PBS_WARNING_RED_MISMATCH);
}

/* Rule book §6: total, weights, grade. */
static gboolean
score_total (PbsScorecard *sc, const PbsDecimal *raw, const PbsDecimal *all_points,
             const PbsDecimal *counted, GError **error)
{
  const PbsPolicy *p = sc->policy;
  gboolean mismatch = !pbs_decimal_equal (all_points, &p->weights_total);
  const PbsDecimal *scale_to = &p->weights_total;
  PbsRational r, t, c;

  sc->points_sum = *all_points;
  if (mismatch)
    {
      if (p->weights_mismatch == PBS_WEIGHTS_ERROR)
        {
          g_autofree char *a = pbs_decimal_to_string (all_points);
          g_autofree char *w = pbs_decimal_to_string (&p->weights_total);
          g_autofree char *what = g_strdup_printf (
            "the points add up to %s, not %s (policy weights.mismatch is error; "
            "use rescale or as_is to score anyway)", a, w);
          return score_error (sc, error, PBS_SCORE_ERROR_WEIGHTS, 0, NULL, what);
        }
      warn (sc, PBS_WARNING_WEIGHTS);
      if (p->weights_mismatch == PBS_WEIGHTS_AS_IS)
        scale_to = all_points;
    }
  sc->total_points = *scale_to;
  sc->counted_points = *counted;

  /* round(raw × total / counted) when the counted points are not the total:
   * not-applicable rows, or a rescaled table (§6, §10). */
  if (pbs_decimal_sign (counted) > 0 && !pbs_decimal_equal (counted, scale_to))
    {
      pbs_rational_from_decimal (&r, raw);
      pbs_rational_from_decimal (&t, scale_to);
      pbs_rational_from_decimal (&c, counted);
      if (!pbs_rational_mul (&r, &t, &r) || !pbs_rational_div (&r, &c, &r))
        return score_error (sc, error, PBS_SCORE_ERROR_OVERFLOW, 0, NULL,
                            "the total is too large to keep exactly");
      if (!round_rational (sc, &r, &sc->total))
        return score_error (sc, error, PBS_SCORE_ERROR_OVERFLOW, 0, NULL,
                            "the total is too large to keep exactly");
    }
  else if (!pbs_decimal_round (raw, p->rounding_digits, p->rounding_mode, &sc->total))
    return score_error (sc, error, PBS_SCORE_ERROR_OVERFLOW, 0, NULL, "the total is too large");

  sc->grade = PBS_GRADE_NONE;
  if (sc->complete)
    {
      /* Thresholds are on a 100-point scale; a table out of other points
       * is graded on its percentage. */
      PbsRational pct, th;
      pbs_rational_from_decimal (&pct, &sc->total);
      if (!pbs_decimal_equal (&sc->total_points, &(PbsDecimal) { 100, 0, 0 }))
        {
          PbsRational tp, hundred;
          pbs_rational_from_decimal (&tp, &sc->total_points);
          pbs_rational_from_int (&hundred, 100);
          if (!pbs_rational_mul (&pct, &hundred, &pct) || !pbs_rational_div (&pct, &tp, &pct))
            return TRUE;
        }
      pbs_rational_from_decimal (&th, &p->grades_excellent);
      if (pbs_rational_compare (&pct, &th) >= 0)
        sc->grade = PBS_GRADE_EXCELLENT;
      else
        {
          pbs_rational_from_decimal (&th, &p->grades_good);
          if (pbs_rational_compare (&pct, &th) >= 0)
            sc->grade = PBS_GRADE_GOOD;
          else
            {
              pbs_rational_from_decimal (&th, &p->grades_fair);
              sc->grade = pbs_rational_compare (&pct, &th) >= 0 ? PBS_GRADE_FAIR : PBS_GRADE_POOR;
            }
        }
    }
  return TRUE;
}

/* With a template, each level-1 category's points must be the template's
 * (rule book §6), under the policy's weights.mismatch. */
static gboolean
check_template (PbsScorecard *sc, PbsTemplate *t, GArray *level1, GError **error)
{
  gboolean warned = FALSE;

  if (t == NULL)
    return TRUE;
  for (guint i = 0; i < pbs_template_get_n_level1 (t); i++)
    {
      const char *name = pbs_template_get_level1_name (t, i);
      PbsDecimal want, have;

      if (!pbs_template_get_level1_points (t, i, &want))
        continue;
      pbs_decimal_init (&have, 0, 0);
      for (guint j = 0; j < level1->len; j++)
        if (strcmp (g_array_index (level1, PbsSubtotalResult, j).level1, name) == 0)
          have = g_array_index (level1, PbsSubtotalResult, j).points;
      if (pbs_decimal_equal (&want, &have))
        continue;
      if (sc->policy->weights_mismatch == PBS_WEIGHTS_ERROR)
        {
          g_autofree char *w = pbs_decimal_to_string (&want);
          g_autofree char *h = pbs_decimal_to_string (&have);
          g_autofree char *what = g_strdup_printf (
            "the points under %s add up to %s, but template %s gives it %s (policy "
            "weights.mismatch is error)", name, h, pbs_template_get_name (t), w);
          return score_error (sc, error, PBS_SCORE_ERROR_WEIGHTS, 0, NULL, what);
        }
      if (!warned)
        warn (sc, PBS_WARNING_WEIGHTS);
      warned = TRUE;
    }
  return TRUE;
}

/* Parent and child rows (其中…): each row's parent, if any, and how many
 * children each row has. A family may nest (a child with children). */
typedef struct {
  guint parent;       /* G_MAXUINT: none */
  guint n_children;
} Family;

static inline gboolean
is_qizhong (const PbsIndicator *ind)
{
  return ind->qizhong;
}

/* `parent: NAME` names the nearest row above with that name; a 其中 row
 * details the nearest row above whose name does not start with 其中.
 * NULL when no row has a parent (most tables: no array for a million rows). */
static Family *
find_parents (PbsEvaluation *e, guint n)
{
  Family *f;
  guint first = 0;

  while (first < n && pbs_indicator_more (pbs_evaluation_get_indicator (e, first))->parent == NULL
         && !is_qizhong (pbs_evaluation_get_indicator (e, first)))
    first++;
  if (first == n)
    return NULL;
  f = g_new0 (Family, n);

  for (guint i = 0; i < n; i++)
    {
      const PbsIndicator *ind = pbs_evaluation_get_indicator (e, i);

      f[i].parent = G_MAXUINT;
      if (pbs_indicator_more (ind)->parent == NULL && !is_qizhong (ind))
        continue;
      for (guint j = i; j-- > 0;)
        {
          const PbsIndicator *p = pbs_evaluation_get_indicator (e, j);
          if (pbs_indicator_more (ind)->parent != NULL ? strcmp (pbs_indicator_name (p), pbs_indicator_more (ind)->parent) == 0 : !is_qizhong (p))
            {
              f[i].parent = j;
              f[j].n_children++;
              break;
            }
        }
    }
  return f;
}

/* Exactly one level of a family counts: a row counts when no row above it
 * in its family has an actual of its own, and it has an actual itself or
 * no children (whose sum it would otherwise show). */
static gboolean
counts (PbsEvaluation *e, const Family *f, guint i)
{
  for (guint a = f[i].parent; a != G_MAXUINT; a = f[a].parent)
    if (pbs_value_is_set (&pbs_evaluation_get_indicator (e, a)->actual))
      return FALSE;
  return f[i].n_children == 0 || pbs_value_is_set (&pbs_evaluation_get_indicator (e, i)->actual);
}

/* A parent without an actual shows the sum of its children's scores,
 * deepest first, so that a nested parent's sum is ready for its own. */
static gboolean
sum_children (PbsScorecard *sc, const Family *f, GError **error)
{
  if (f == NULL)
    return TRUE;
  for (guint j = sc->rows->len; j-- > 0;)
    {
      PbsRowResult *parent = &g_array_index (sc->rows, PbsRowResult, j);
      gboolean all_scored = TRUE, all_met = TRUE, any = FALSE;

      if (f[j].n_children == 0 || parent->has_score
          || pbs_value_is_set (&pbs_evaluation_get_indicator (sc->evaluation, j)->actual)
          || parent->status == PBS_STATUS_NOT_APPLICABLE)
        continue;
      pbs_decimal_init (&parent->score, 0, sc->policy->rounding_digits);
      for (guint i = j + 1; i < sc->rows->len; i++)
        {
          const PbsRowResult *child = &g_array_index (sc->rows, PbsRowResult, i);
          if (f[i].parent != j || child->status == PBS_STATUS_NOT_APPLICABLE)
            continue;
          any = TRUE;
          if (!child->has_score)
            all_scored = FALSE;
          else if (!add (sc, &parent->score, &child->score, i + 1,
                         pbs_evaluation_get_indicator (sc->evaluation, i), error))
            return FALSE;
          all_met = all_met && child->status == PBS_STATUS_MET;
        }
      parent->has_score = any && all_scored;
      {
        const PbsIndicator *ind = pbs_evaluation_get_indicator (sc->evaluation, j);
        if (parent->has_score && ind->has_printed_score
            && differs (&pbs_indicator_more (ind)->printed_score, &parent->score, &sc->policy->audit_tolerance))
          parent->flags |= PBS_FLAG_PRINTED_DIFFERS;
      }
      parent->status = !any ? PBS_STATUS_NOT_APPLICABLE
                       : !all_scored ? PBS_STATUS_UNSCORED
                       : all_met ? PBS_STATUS_MET
                       : pbs_decimal_sign (&parent->score) > 0 ? PBS_STATUS_PARTIAL : PBS_STATUS_UNMET;
    }
  return TRUE;
}

/**
 * pbs_evaluation_score:
 * @self: a #PbsEvaluation
 * @policy: (nullable): the policy, or %NULL for the evaluation's own (see
 *   pbs_evaluation_set_policy()) or else `central`
 * @error: return location for a #GError, or %NULL
 *
 * Scores every row, the budget line and the total under @policy (rule book
 * §§3–6, §10). A row without an actual is left unscored, never scored 0:
 * the scorecard is then incomplete and has no grade.
 *
 * Returns: (transfer full) (nullable): the scorecard, or %NULL with @error
 *   in the #PBS_SCORE_ERROR domain, whose message names the row
 *
 * Since: 0.1
 */
PbsScorecard *
pbs_evaluation_score (PbsEvaluation *self, const PbsPolicy *policy, GError **error)
{
  g_autoptr (PbsScorecard) sc = NULL;
  Groups groups = { 0 };
  PbsBudget *budget;
  PbsDecimal raw, all_points, counted_points, scored_points;
  g_autofree Family *parents = NULL;
  gboolean zero_points = FALSE;
  GPtrArray *rows;
  PbsRational rate;
  guint n;
  gboolean ok = FALSE;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (policy == NULL)
    policy = pbs_evaluation_get_policy (self);
  if (policy == NULL)
    policy = pbs_policy_get_central ();
  n = pbs_evaluation_get_n_indicators (self);
  sc = pbs_scorecard_new (self, policy, n);
  budget = pbs_evaluation_get_budget (self);
  if (budget == NULL)
    {
      score_error (sc, error, PBS_SCORE_ERROR_NO_BUDGET, 0, NULL,
                   "the evaluation has no budget line (its money block: 年初预算数, 全年预算数, 全年执行数 …)");
      return NULL;
    }

  sc->complete = TRUE;
  groups.l1 = g_array_new (FALSE, TRUE, sizeof (PbsSubtotalResult));
  groups.l2 = g_array_new (FALSE, TRUE, sizeof (PbsSubtotalResult));
  pbs_decimal_init (&raw, 0, 0);
  pbs_decimal_init (&all_points, 0, 0);
  pbs_decimal_init (&counted_points, 0, 0);
  pbs_decimal_init (&scored_points, 0, 0);

  rows = pbs_evaluation_indicators (self);
  parents = find_parents (self, n);
  for (guint i = 0; i < n; i++)
    {
      const PbsIndicator *ind = g_ptr_array_index (rows, i);
      gboolean counted = parents == NULL
                         || (parents[i].parent == G_MAXUINT && parents[i].n_children == 0)
                         || counts (self, parents, i);
      PbsRowResult row = { 0 };

      if (pbs_decimal_sign (&ind->points) < 0)
        {
          score_error (sc, error, PBS_SCORE_ERROR_BAD_POINTS, i + 1, ind, "the points (分值) are negative");
          goto out;
        }
      if (ind->not_applicable)
        row.status = PBS_STATUS_NOT_APPLICABLE;
      else if (ind->unpublished || ind->unfilled)
        {
          row.status = ind->unpublished ? PBS_STATUS_UNPUBLISHED : PBS_STATUS_UNSCORED;
          if (counted)
            sc->complete = FALSE;
        }
      else if (parents != NULL && parents[i].n_children > 0 && !pbs_value_is_set (&ind->actual))
        row.status = PBS_STATUS_UNSCORED;   /* the sum of its children, below */
      else if (!pbs_value_is_set (&ind->target))
        {
          score_error (sc, error, PBS_SCORE_ERROR_NO_TARGET, i + 1, ind, "the row has no target (年度指标值)");
          goto out;
        }
      else if (!pbs_value_is_set (&ind->actual))
        {
          row.status = PBS_STATUS_UNSCORED;
          if (counted)
            sc->complete = FALSE;
        }
      else if (!score_row (sc, ind, i + 1, &row, error))
        goto out;
      if (!counted)
        row.flags |= PBS_FLAG_NOT_COUNTED;
      if (ind->read_as_zero && row.status != PBS_STATUS_NOT_APPLICABLE)
        row.flags |= PBS_FLAG_READ_AS_ZERO;
      g_array_append_val (sc->rows, row);
      if (!counted)
        continue;

      if (!ind->not_applicable && pbs_decimal_sign (&ind->points) == 0)
        zero_points = TRUE;
      if (!add (sc, &all_points, &ind->points, i + 1, ind, error)
          || (!ind->not_applicable && !add (sc, &counted_points, &ind->points, i + 1, ind, error))
          || (row.has_score && (!add (sc, &raw, &row.score, i + 1, ind, error)
                                || !add (sc, &scored_points, &ind->points, i + 1, ind, error)))
          || !group_add (sc, &groups, i + 1, ind, &row, error))
        goto out;
    }
  if (!sum_children (sc, parents, error))
    goto out;
  if (zero_points)
    warn (sc, PBS_WARNING_ZERO_POINTS);

  if (!check_template (sc, pbs_evaluation_get_template (self), groups.l1, error))
    goto out;
  {
    PbsDecimal indicator_sum = raw;

    if (!score_budget (sc, budget, &rate, error))
      goto out;
    if (sc->policy->budget_in_total
        && ((sc->has_budget_score && !add (sc, &raw, &sc->budget_score, 0, NULL, error))
            || !add (sc, &all_points, &sc->budget_points, 0, NULL, error)
            || !add (sc, &counted_points, &sc->budget_points, 0, NULL, error)))
      goto out;
    check_red (sc, &indicator_sum, &scored_points);
  }
  if (!score_total (sc, &raw, &all_points, &counted_points, error))
    goto out;
  groups_flatten (&groups, sc->subtotals);
  ok = TRUE;

out:
  g_array_unref (groups.l1);
  g_array_unref (groups.l2);
  if (!ok)
    return NULL;
  /* What was scored stays as it was: the scorecard reads its rows, and
   * explains them, from the evaluation it holds. */
  pbs_evaluation_seal (self);
  return g_steal_pointer (&sc);
}

/* ------------------------------------------------------ for the audit */

gboolean
pbs_scorecard_row_raw (PbsScorecard *self, guint row, const PbsPolicy *policy,
                       PbsRational *raw, PbsRule *rule)
{
  PbsRuleInput in = { policy != NULL ? policy : self->policy,
                      pbs_evaluation_get_indicator (self->evaluation, row),
                      PBS_LANGUAGE_EN, row + 1, pbs_evaluation_get_source (self->evaluation) };
  PbsRuleResult res;

  if (!pbs_value_is_set (&in.indicator->actual) || !pbs_rules_score_row (&in, &res, NULL, NULL))
    return FALSE;
  *raw = res.raw;
  if (rule != NULL)
    *rule = res.rule;
  return TRUE;
}

gboolean
pbs_scorecard_rescale (PbsScorecard *self, const PbsDecimal *raw, PbsDecimal *out)
{
  PbsRational r, t, c;

  if (pbs_decimal_sign (&self->counted_points) <= 0
      || pbs_decimal_equal (&self->counted_points, &self->total_points))
    {
      *out = *raw;
      return TRUE;
    }
  pbs_rational_from_decimal (&r, raw);
  pbs_rational_from_decimal (&t, &self->total_points);
  pbs_rational_from_decimal (&c, &self->counted_points);
  return pbs_rational_mul (&r, &t, &r) && pbs_rational_div (&r, &c, &r) && round_rational (self, &r, out);
}

gboolean
pbs_scorecard_budget_raw (PbsScorecard *self, gboolean initial, gboolean cap, PbsRational *raw)
{
  PbsBudget *b = pbs_evaluation_get_budget (self->evaluation);
  PbsRational exec, base, pts, one;
  const PbsDecimal *against;

  if (b == NULL || !pbs_budget_has_rate_inputs (b, initial))
    return FALSE;
  against = initial ? &b->initial : &b->annual;
  if (pbs_decimal_sign (against) == 0)
    return FALSE;
  pbs_rational_from_decimal (&exec, &b->executed);
  pbs_rational_from_decimal (&base, against);
  pbs_rational_from_decimal (&pts, &self->budget_points);
  pbs_rational_from_int (&one, 1);
  if (!pbs_rational_div (&exec, &base, raw))
    return FALSE;
  if (cap && pbs_rational_compare (raw, &one) > 0)
    *raw = one;
  if (pbs_rational_sign (raw) < 0)
    pbs_rational_from_int (raw, 0);
  return pbs_rational_mul (&pts, raw, raw);
}
