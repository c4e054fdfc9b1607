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

typedef struct {
  PbsDecimal  score;
  PbsRational ratio_base; /* the rule's ratio is actual / ratio_base (or 1) */
  guint32     flags;
  guint8      status;
  guint8      rule;
  guint8      deviation;
  guint8      has_score;
  guint8      has_ratio;
  guint8      ratio_is_one;
} Row;

typedef struct {
  guint       level;
  const char *level1;   /* borrowed from the evaluation's indicators */
  const char *level2;
  PbsDecimal  points;
  PbsDecimal  score;
} Subtotal;

struct _PbsScorecard
{
  gatomicrefcount ref_count;
  PbsEvaluation  *evaluation;
  PbsPolicy      *policy;      /* a private copy: the scorecard never changes */
  GArray         *rows;        /* Row */
  GArray         *subtotals;   /* Subtotal */
  GArray         *warnings;    /* PbsWarning */

  PbsDecimal      budget_rate;     /* percentage, rounded */
  PbsDecimal      budget_points;
  PbsDecimal      budget_score;
  PbsDecimal      points_sum;      /* Σ points as the table fixed them */
  PbsDecimal      counted_points;  /* the points that count (not applicable left out) */
  PbsDecimal      total;
  PbsDecimal      total_points;
  PbsGrade        grade;
  gboolean        has_budget_rate;
  gboolean        complete;
};

G_DEFINE_BOXED_TYPE (PbsScorecard, pbs_scorecard, pbs_scorecard_ref, pbs_scorecard_unref)

static PbsScorecard *
scorecard_new (PbsEvaluation *evaluation, const PbsPolicy *policy, guint n_rows)
{
  PbsScorecard *self = g_new0 (PbsScorecard, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->evaluation = pbs_evaluation_ref (evaluation);
  self->policy = pbs_policy_copy (policy);
  self->rows = g_array_sized_new (FALSE, TRUE, sizeof (Row), n_rows);
  self->subtotals = g_array_new (FALSE, TRUE, sizeof (Subtotal));
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
      g_set_error (error, PBS_SCORE_ERROR, code, "%s:%u:%u: %s", source, MAX (line, 1u),
                   MAX (column, 1u), what);
      return FALSE;
    }
  pbs_set_row_error (error, PBS_SCORE_ERROR, code, source, row, ind, what);
  return FALSE;
}

static inline gboolean
add (const PbsScorecard *sc, PbsDecimal *acc, const PbsDecimal *x, GError **error)
{
  gint64 v;

  /* Sums of one scale, the usual case, without a call. */
  if (acc->scale == x->scale && !__builtin_add_overflow (acc->value, x->value, &v))
    {
      acc->value = v;
      return TRUE;
    }
  if (!pbs_decimal_add (acc, x, acc))
    return score_error (sc, error, PBS_SCORE_ERROR_OVERFLOW, 0, NULL,
                        "a total is too large to keep exactly");
  return TRUE;
}

/* Subtotals in order of first appearance: each level-1 category followed
 * by its level-2 categories. Rows usually come grouped, so the last match
 * is tried first; otherwise a linear search over the (few) categories. */
typedef struct {
  GArray *l1;   /* Subtotal, level 1 */
  GArray *l2;   /* Subtotal, level 2 */
  guint   last1, last2;
} Groups;

/* Category names are interned (pbs_indicator_new), so equal names are
 * usually the same pointer. */
static inline gboolean
same (const char *a, const char *b)
{
  return a == b || strcmp (a, b) == 0;
}

static Subtotal *
find_group (GArray *arr, guint *last, const char *level1, const char *level2, guint level)
{
  Subtotal s = { 0 };

  if (*last < arr->len)
    {
      Subtotal *t = &g_array_index (arr, Subtotal, *last);
      if (same (t->level1, level1) && (level == 1 || same (t->level2, level2)))
        return t;
    }
  for (guint i = 0; i < arr->len; i++)
    {
      Subtotal *t = &g_array_index (arr, Subtotal, i);
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
  return &g_array_index (arr, Subtotal, *last);
}

static gboolean
group_add (const PbsScorecard *sc, Groups *g, const PbsIndicator *ind, const Row *row, GError **error)
{
  Subtotal *s1 = find_group (g->l1, &g->last1, ind->level1, ind->level2, 1);
  Subtotal *s2;

  if (!add (sc, &s1->points, &ind->points, error) || (row->has_score && !add (sc, &s1->score, &row->score, error)))
    return FALSE;
  s2 = find_group (g->l2, &g->last2, ind->level1, ind->level2, 2);
  return add (sc, &s2->points, &ind->points, error) && (!row->has_score || add (sc, &s2->score, &row->score, error));
}

static void
groups_flatten (Groups *g, GArray *out)
{
  for (guint i = 0; i < g->l1->len; i++)
    {
      Subtotal *s1 = &g_array_index (g->l1, Subtotal, i);
      g_array_append_val (out, *s1);
      for (guint j = 0; j < g->l2->len; j++)
        {
          Subtotal *s2 = &g_array_index (g->l2, Subtotal, j);
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
static gboolean
score_row (const PbsScorecard *sc, const PbsIndicator *ind, guint n, Row *row, GError **error)
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
  row->has_ratio = res.has_ratio;
  row->ratio_base = res.ratio_base;
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

  if (ind->has_printed_score && differs (&ind->printed_score, &row->score, &p->audit_tolerance))
    row->flags |= PBS_FLAG_PRINTED_DIFFERS;
  return TRUE;
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

/* Rule book §3: rate = 全年执行数 / 全年预算数, score = points × rate. */
static gboolean
score_budget (PbsScorecard *sc, const PbsBudget *b, PbsRational *rate, GError **error)
{
  const PbsPolicy *p = sc->policy;
  PbsRational exec, annual, capped, pts, score, hundred, pct, one, bound;
  const PbsDecimal *base;

  sc->budget_points = b->has_points ? b->points : p->budget_points;
  if (pbs_decimal_sign (&sc->budget_points) < 0)
    return score_error (sc, error, PBS_SCORE_ERROR_BAD_POINTS, 0, NULL,
                        "the budget line's points are negative");
  pbs_decimal_init (&sc->budget_score, 0, p->rounding_digits);

  /* budget.base initial (§11): the rate divides by 年初预算数. */
  if (p->budget_base == PBS_BUDGET_BASE_INITIAL && !b->has_initial)
    return score_error (sc, error, PBS_SCORE_ERROR_NO_BUDGET, 0, NULL,
                        "the policy's budget.base is initial, but the budget gives no "
                        "年初预算数 (initial)");
  base = p->budget_base == PBS_BUDGET_BASE_INITIAL ? &b->initial : &b->annual;

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
        if (strcmp (g_array_index (level1, Subtotal, j).level1, name) == 0)
          have = g_array_index (level1, Subtotal, j).points;
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
 * details the nearest row above whose name does not start with 其中. */
static Family *
find_parents (PbsEvaluation *e, guint n)
{
  Family *f = g_new0 (Family, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      const PbsIndicator *ind = pbs_evaluation_get_indicator (e, i);

      f[i].parent = G_MAXUINT;
      if (ind->parent == NULL && !is_qizhong (ind))
        continue;
      for (guint j = i; j-- > 0;)
        {
          const PbsIndicator *p = pbs_evaluation_get_indicator (e, j);
          if (ind->parent != NULL ? strcmp (p->name, ind->parent) == 0 : !is_qizhong (p))
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
  for (guint j = sc->rows->len; j-- > 0;)
    {
      Row *parent = &g_array_index (sc->rows, Row, j);
      gboolean all_scored = TRUE, all_met = TRUE, any = FALSE;

      if (f[j].n_children == 0 || parent->has_score
          || pbs_value_is_set (&pbs_evaluation_get_indicator (sc->evaluation, j)->actual)
          || parent->status == PBS_STATUS_NOT_APPLICABLE)
        continue;
      pbs_decimal_init (&parent->score, 0, sc->policy->rounding_digits);
      for (guint i = j + 1; i < sc->rows->len; i++)
        {
          const Row *child = &g_array_index (sc->rows, Row, i);
          if (f[i].parent != j || child->status == PBS_STATUS_NOT_APPLICABLE)
            continue;
          any = TRUE;
          if (!child->has_score)
            all_scored = FALSE;
          else if (!add (sc, &parent->score, &child->score, error))
            return FALSE;
          all_met = all_met && child->status == PBS_STATUS_MET;
        }
      parent->has_score = any && all_scored;
      {
        const PbsIndicator *ind = pbs_evaluation_get_indicator (sc->evaluation, j);
        if (parent->has_score && ind->has_printed_score
            && differs (&ind->printed_score, &parent->score, &sc->policy->audit_tolerance))
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
  g_autoptr (PbsPolicy) central = NULL;
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
    policy = central = pbs_policy_new ();
  n = pbs_evaluation_get_n_indicators (self);
  sc = scorecard_new (self, policy, n);
  budget = pbs_evaluation_get_budget (self);
  if (budget == NULL)
    {
      score_error (sc, error, PBS_SCORE_ERROR_NO_BUDGET, 0, NULL,
                   "the evaluation has no budget line (全年预算数 and 全年执行数 are required)");
      return NULL;
    }

  sc->complete = TRUE;
  groups.l1 = g_array_new (FALSE, TRUE, sizeof (Subtotal));
  groups.l2 = g_array_new (FALSE, TRUE, sizeof (Subtotal));
  pbs_decimal_init (&raw, 0, 0);
  pbs_decimal_init (&all_points, 0, 0);
  pbs_decimal_init (&counted_points, 0, 0);
  pbs_decimal_init (&scored_points, 0, 0);

  rows = pbs_evaluation_indicators (self);
  parents = find_parents (self, n);
  for (guint i = 0; i < n; i++)
    {
      const PbsIndicator *ind = g_ptr_array_index (rows, i);
      gboolean counted = parents[i].parent == G_MAXUINT && parents[i].n_children == 0
                         ? TRUE : counts (self, parents, i);
      Row row = { 0 };

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
      else if (parents[i].n_children > 0 && !pbs_value_is_set (&ind->actual))
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
      if (!add (sc, &all_points, &ind->points, error)
          || (!ind->not_applicable && !add (sc, &counted_points, &ind->points, error))
          || (row.has_score && (!add (sc, &raw, &row.score, error) || !add (sc, &scored_points, &ind->points, error)))
          || !group_add (sc, &groups, ind, &row, error))
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
        && (!add (sc, &raw, &sc->budget_score, error) || !add (sc, &all_points, &sc->budget_points, error)
            || !add (sc, &counted_points, &sc->budget_points, error)))
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

  if (b == NULL || (initial && !b->has_initial))
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

PbsOwed
pbs_scorecard_owed (PbsScorecard *self, guint row)
{
  const Row *r = &g_array_index (self->rows, Row, row);

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

static const Row *
get_row (PbsScorecard *self, guint row)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (row < self->rows->len, NULL);
  return &g_array_index (self->rows, Row, row);
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
pbs_scorecard_get_evaluation (PbsScorecard *self)
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
pbs_scorecard_get_policy (PbsScorecard *self)
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
pbs_scorecard_get_n_rows (PbsScorecard *self)
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
pbs_scorecard_get_row_score (PbsScorecard *self, guint row, PbsDecimal *out)
{
  const Row *r = get_row (self, row);

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
pbs_scorecard_get_row_points (PbsScorecard *self, guint row, PbsDecimal *out)
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
pbs_scorecard_get_row_status (PbsScorecard *self, guint row)
{
  const Row *r = get_row (self, row);

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
pbs_scorecard_get_row_rule (PbsScorecard *self, guint row)
{
  const Row *r = get_row (self, row);

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
pbs_scorecard_get_row_deviation (PbsScorecard *self, guint row)
{
  const Row *r = get_row (self, row);

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
pbs_scorecard_get_row_flags (PbsScorecard *self, guint row)
{
  const Row *r = get_row (self, row);

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
pbs_scorecard_get_row_ratio (PbsScorecard *self, guint row, PbsDecimal *out)
{
  const Row *r = get_row (self, row);
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
      PbsRational a;

      pbs_rational_from_decimal (&a, &ind->actual.lo);
      if (!pbs_rational_div (&a, &r->ratio_base, &ratio))
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
pbs_scorecard_dup_row_explanation (PbsScorecard *self, guint row, PbsLanguage language)
{
  const Row *r = get_row (self, row);
  const PbsIndicator *ind;
  gboolean zh = language == PBS_LANGUAGE_ZH;
  PbsRuleInput in;
  PbsRuleResult res;
  GString *s;

  g_return_val_if_fail (r != NULL, NULL);
  ind = pbs_evaluation_get_indicator (self->evaluation, row);
  if (r->status == PBS_STATUS_NOT_APPLICABLE)
    return g_strdup (zh ? "不适用：不计分，总分按适用指标折算" : "not applicable: not scored; the total is rescaled over the applicable rows");
  if ((r->flags & PBS_FLAG_NOT_COUNTED) && !pbs_value_is_set (&ind->actual))
    {
      g_autofree char *score = pbs_decimal_to_string (&r->score);
      if (!r->has_score)
        return g_strdup (zh ? "下级指标得分合计：有下级指标未计分；按下级指标计入总分"
                            : "sum of its children: some child is not scored; the children count in the total");
      return g_strdup_printf (zh ? "下级指标得分合计：%s（按下级指标计入总分，不重复计算）"
                                 : "sum of its children: %s (the children count in the total, not twice)",
                              score);
    }
  if (r->status == PBS_STATUS_UNPUBLISHED)
    return g_strdup (zh ? "公开的自评表未完整列出此行：未计分，自评表不完整"
                        : "the published table does not show this row in full: not scored, the scorecard is incomplete");
  if (r->status == PBS_STATUS_UNSCORED)
    return g_strdup (zh ? "缺少实际完成值：未计分，自评表不完整"
                        : "no actual value (实际完成值) given: not scored, the scorecard is incomplete");

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
    g_string_append (s, zh ? "；由上级指标计入总分，不重复计算" : "; counted through its parent, not twice");
  if (r->flags & PBS_FLAG_MANUAL_IGNORED)
    g_string_append (s, zh ? "；非定性指标，人工评分或评级不采用" : "; a manual score or band on a non-qualitative row is ignored");
  if (r->flags & PBS_FLAG_MISSING_REASON)
    g_string_append (s, zh ? "；缺少偏差原因分析" : "; a 偏差原因 (reason for the deviation) is owed");
  if (r->flags & PBS_FLAG_PRINTED_DIFFERS)
    {
      g_string_append (s, zh ? "；公布得分 " : "; the printed score ");
      pbs_append_decimal (s, &ind->printed_score);
      g_string_append (s, zh ? " 与计算结果不符" : " differs from the computed one");
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
pbs_scorecard_get_n_subtotals (PbsScorecard *self)
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
pbs_scorecard_get_subtotal (PbsScorecard *self, guint index, guint *level,
                            const char **level1, const char **level2,
                            PbsDecimal *points, PbsDecimal *score)
{
  const Subtotal *s;

  g_return_if_fail (self != NULL);
  g_return_if_fail (index < self->subtotals->len);
  s = &g_array_index (self->subtotals, Subtotal, index);
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
pbs_scorecard_get_budget_rate (PbsScorecard *self, PbsDecimal *out)
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
pbs_scorecard_get_budget_points (PbsScorecard *self, PbsDecimal *out)
{
  g_return_if_fail (self != NULL && out != NULL);
  *out = self->budget_points;
}

/**
 * pbs_scorecard_get_budget_score:
 * @self: a #PbsScorecard
 * @out: (out caller-allocates): the budget line's score
 *
 * Gets the computed score of the budget line.
 *
 * The score is the points × the execution rate (capped at 100 % under
 * `budget.cap`), rounded with the policy; 0 when 全年预算数 is 0.
 *
 * Since: 0.1
 */
void
pbs_scorecard_get_budget_score (PbsScorecard *self, PbsDecimal *out)
{
  g_return_if_fail (self != NULL && out != NULL);
  *out = self->budget_score;
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
pbs_scorecard_get_total (PbsScorecard *self, PbsDecimal *out)
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
pbs_scorecard_get_total_points (PbsScorecard *self, PbsDecimal *out)
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
pbs_scorecard_get_grade (PbsScorecard *self)
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
pbs_scorecard_is_complete (PbsScorecard *self)
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
pbs_scorecard_get_n_warnings (PbsScorecard *self)
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
pbs_scorecard_get_warning (PbsScorecard *self, guint index)
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
pbs_scorecard_dup_warning_message (PbsScorecard *self, guint index, PbsLanguage language)
{
  g_autofree char *rate = NULL, *sum = NULL, *total = NULL, *score = NULL;
  gboolean zh = language == PBS_LANGUAGE_ZH;
  PbsDecimal printed;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->warnings->len, NULL);

  rate = pbs_decimal_to_string (&self->budget_rate);
  switch (g_array_index (self->warnings, PbsWarning, index))
    {
    case PBS_WARNING_OVER_BUDGET:
      return zh ? g_strdup_printf ("执行数超过全年预算数（执行率 %s%%）", rate)
                : g_strdup_printf ("execution exceeds the full-year budget (rate %s%%)", rate);
    case PBS_WARNING_EXECUTION_BELOW_90:
      total = percent (&self->policy->budget_explain_below);
      return zh ? g_strdup_printf ("预算执行率 %s%% 低于 %s%%，需说明原因", rate, total)
                : g_strdup_printf ("budget execution %s%% is below %s%% and needs an explanation", rate, total);
    case PBS_WARNING_YELLOW_LOW_EXECUTION:
      total = percent (&self->policy->budget_yellow_below);
      return zh ? g_strdup_printf ("黄色预警：预算执行率 %s%% 低于 %s%%", rate, total)
                : g_strdup_printf ("yellow: budget execution %s%% is below %s%%", rate, total);
    case PBS_WARNING_YELLOW_ZERO_BUDGET:
      return g_strdup (zh ? "黄色预警：全年预算数为 0，执行率无法计算"
                          : "yellow: the full-year budget is 0, so no execution rate exists");
    case PBS_WARNING_RED_MISMATCH:
      return zh ? g_strdup_printf ("红色预警：绩效指标完成程度明显高于预算执行率 %s%%", rate)
                : g_strdup_printf ("red: the indicators are far more complete than the budget execution of %s%%", rate);
    case PBS_WARNING_WEIGHTS:
      sum = pbs_decimal_to_string (&self->points_sum);
      total = pbs_decimal_to_string (&self->policy->weights_total);
      return zh ? g_strdup_printf ("各项分值合计 %s，不等于 %s", sum, total)
                : g_strdup_printf ("the points add up to %s, not %s", sum, total);
    case PBS_WARNING_ZERO_POINTS:
      return g_strdup (zh ? "有适用指标的分值为 0，每项指标的分值应大于 0"
                          : "an applicable row carries 0 points; every row's points should be above 0");
    case PBS_WARNING_BUDGET_PRINTED_DIFFERS:
      {
        PbsBudget *b = pbs_evaluation_get_budget (self->evaluation);
        score = pbs_decimal_to_string (&self->budget_score);
        if (b == NULL || !pbs_budget_get_printed_score (b, &printed))
          pbs_decimal_init (&printed, 0, 0);
        sum = pbs_decimal_to_string (&printed);
        return zh ? g_strdup_printf ("预算执行率公布得分 %s 与计算得分 %s 不符", sum, score)
                  : g_strdup_printf ("the printed budget score %s differs from the computed %s", sum, score);
      }
    default:
      return g_strdup ("");
    }
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
