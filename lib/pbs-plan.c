/* pbs-plan.c - re-scoring an evaluation through a compiled per-row plan
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * pbs_evaluation_score() (pbs-scoring.c) works in exact fractions and
 * chooses each row's rule by table on every call. A plan chooses the rule
 * once per row and brings the row's target, points and thresholds to
 * scaled 64-bit integers; a re-score then costs one integer division for
 * a row that misses its target and none for one that meets it. What
 * depends only on the targets, the points and the policy (the rule, the
 * full-points score, a qualitative band's score, the groups of the
 * subtotals) is worked out when the plan is made; what depends on the
 * actuals and the budget line is worked out on every re-score.
 *
 * The plan never guesses: a row it cannot bring to integers (a wrong
 * unit or kind, a qualitative row that needs a manual score it lacks, a
 * deduction or a required reason for over-completion, numbers too long) is
 * scored by the exact engine's own row function, and an evaluation with
 * parent and child rows, an error or a sum that does not fit is scored by
 * pbs_evaluation_score() as a whole.
 * tests/test_plan.py holds both to the same results.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "pbs-scorecard-private.h"
#include "pbs-rules.h"
#include "pbs-evaluation-private.h"
#include "pbs-indicator-private.h"
#include "pbs-budget-private.h"
#include "pbs-decimal-private.h"

/* Values a row keeps in integers stay within ±2^60, so that the sums and
 * differences of two of them never overflow. */
#define PLAN_LIMIT (G_GINT64_CONSTANT (1) << 60)

typedef enum {
  ROW_FIXED,        /* a status without a score: not applicable, unscored … */
  ROW_EXACT,        /* scored by the exact engine */
  ROW_POSITIVE,     /* ≥ > (and = scored as ≥) */
  ROW_REVERSE,      /* ≤ < */
  ROW_EQUAL_ZERO,   /* = 0 */
  ROW_TWO_SIDED,    /* = under equal.mode two_sided */
  ROW_RANGE,
  ROW_BOOLEAN,
  ROW_DATE,
  ROW_QUALITATIVE,
  ROW_STEP,         /* a step deduction (rule book §9) */
  ROW_BANDS,        /* score bands (rule book §9) */
} RowKind;

/* One score band of a ROW_BANDS row: the measure m (the actual, or
 * |a − t| × 100 at the row's scale) is below the band when
 * m × lhs < min_rhs, above it when m × lhs > max_rhs. */
typedef struct {
  PbsInt128  lhs_min, min_rhs, lhs_max, max_rhs;
  PbsDecimal score;
  gboolean   has_min, has_max;
  guint8     below;
} Band;

/* A compiled row. What every re-score reads comes first; the rest is
 * one kind's own. Kept small: a batch's plans are read from memory on
 * every re-score. */
typedef struct {
  guint8      kind;
  guint8      rule;          /* PbsRule */
  guint8      status;        /* ROW_FIXED */
  guint8      reason_given;
  guint8      has_printed;
  guint8      op;            /* PbsOperator of a step or band row */
  guint8      step_mode;     /* PbsStepMode, or a band row's PbsBandsMeasure */
  guint32     flags;         /* what the row carries whatever its actual */
  guint       index;         /* the row's place in the evaluation */
  guint       group1, group2;
  gint64      a;             /* the input: the actual at the row's scale, a date as
                              * yyyymmdd, a boolean, or a band */
  gint64      t;             /* the target (a range's low bound) at the same scale */
  gint64      spow;          /* 10^(the row's scale): the ratio's base is t / spow */
  PbsDecimal  full;          /* the score at full points */
  PbsDecimal  points;
  gint64      pw;            /* 10^(points' scale) */
  gint64      cap_mul, cap_rhs; /* score × cap_mul > cap_rhs: past the points */
  union {
    struct {                 /* quantities and ranges */
      gint64    hi;          /* a range's high bound */
      gint64    wd;          /* points × 10^digits, at the points' scale */
      gint64    thr_pow;     /* 10^(over.threshold's scale) */
      PbsInt128 thr_t;       /* over.threshold × target, at both scales */
    };
    struct {                 /* step deductions */
      gint64    per, deduct; /* the step; the deduction at deduct_pow */
      gint64    deduct_pow;
    };
    struct {                 /* dates, and bands (the score in no band) */
      PbsDecimal late;
      guint8     late_below;
      guint      band0, n_bands; /* ROW_BANDS: its bands in the plan's array */
    };
    struct {                 /* qualitative: a met, a partial and an unmet band's … */
      PbsDecimal band_score[3];  /* … score */
      guint8     band_below[3];  /* … score is below the points */
      guint8     band_flags[3];  /* … score is outside its band */
      guint8     band_ok[3];     /* … score is known (no manual score required) */
    };
  };
} Row;

static const gint64 pow10_64[19] = {
  1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000, 1000000000,
  G_GINT64_CONSTANT (10000000000), G_GINT64_CONSTANT (100000000000),
  G_GINT64_CONSTANT (1000000000000), G_GINT64_CONSTANT (10000000000000),
  G_GINT64_CONSTANT (100000000000000), G_GINT64_CONSTANT (1000000000000000),
  G_GINT64_CONSTANT (10000000000000000), G_GINT64_CONSTANT (100000000000000000),
  G_GINT64_CONSTANT (1000000000000000000),
};

/* 10^n for 0 <= n <= 38, from the table when it fits 64 bits. */
static inline PbsInt128
p10 (guint n)
{
  return n <= 18 ? pow10_64[n] : pbs_int128_pow10 (n);
}

/* n / d rounded with @mode, n >= 0 and d > 0: 64-bit when both fit. */
static inline PbsInt128
round_div (PbsInt128 n, PbsInt128 d, PbsRoundingMode mode)
{
  if (n <= G_MAXINT64 && d <= G_MAXINT64)
    {
      guint64 n64 = (guint64) n, d64 = (guint64) d, q = n64 / d64, r = n64 % d64;

      if (mode == PBS_ROUNDING_HALF_UP && r >= d64 - r)
        q++;
      return (PbsInt128) q;
    }
  return pbs_int128_round_div (n, d, mode);
}

/**
 * PbsPlan:
 *
 * An evaluation compiled for re-scoring: each row's rule is chosen once
 * and its numbers brought to scaled integers, so that scoring it again —
 * after changing an actual with pbs_plan_set_actual(), in a what-if
 * scenario — is a few integer operations per row. Every re-score computes
 * each row's score, status, deviation and flags, the subtotals, the budget
 * line, the total and the grade, and gives the same scorecard as
 * pbs_evaluation_score() under the same policy; explanations are made only
 * when asked for (pbs_scorecard_dup_row_explanation()).
 *
 * A plan works on its own copy of the evaluation: the evaluation given to
 * pbs_plan_new() is never changed, and a scorecard already returned keeps
 * the actuals it was scored with. Rows the plan cannot score in integers
 * are scored by the exact engine (pbs_plan_get_n_exact_rows() counts them).
 * A plan is not thread-safe; use one per thread.
 *
 * Since: 0.1
 */
struct _PbsPlan
{
  GObject        parent_instance;
  PbsEvaluation *evaluation;   /* the plan's copy; sealed once scored, copied on write */
  PbsPolicy     *policy;       /* a private copy, shared by the scorecards */
  PbsScorecard  *last;         /* reused when nobody else holds it */
  Row           *rows;         /* grouped by kind, so that a re-score's branches
                                * are predictable */
  guint         *where;        /* a row's place in @rows */
  guint          n_rows;
  gboolean       exact;        /* the whole evaluation goes to the exact engine */

  GArray        *groups;       /* PbsSubtotalResult, flattened, scores 0 */
  GArray        *bands;        /* Band, of every ROW_BANDS row */
  gboolean       uniform;      /* every score has the rounding's scale (no points
                                * written with more decimals) */
  gint64        *gsum;         /* scratch: each group's score, uniform */
  guint8        *gany;         /* scratch: a group has a scored row */
  gboolean       zero_points;
  gboolean       template_differs; /* a level-1 category's points are not the template's */
  PbsDecimal     all_points, counted_points, scale_to;
  gboolean       mismatch;
  gboolean       rescale;      /* counted points > 0 and not the total */
  PbsInt128      grade_lhs[3], grade_rhs[3]; /* total × lhs ≥ rhs: excellent, good, fair */

  /* the budget line at one scale */
  PbsInt128      executed, base;
  PbsDecimal     budget_points;
  gboolean       budget_printed;
  PbsDecimal     budget_printed_score;
  PbsInt128      below_lhs[2], below_rhs[2]; /* executed × lhs < base × rhs */
};

G_DEFINE_FINAL_TYPE (PbsPlan, pbs_plan, G_TYPE_OBJECT)

static void
pbs_plan_finalize (GObject *object)
{
  PbsPlan *self = PBS_PLAN (object);

  g_clear_pointer (&self->last, pbs_scorecard_unref);
  g_clear_pointer (&self->evaluation, pbs_evaluation_unref);
  g_clear_pointer (&self->policy, pbs_policy_unref);
  g_clear_pointer (&self->groups, g_array_unref);
  g_clear_pointer (&self->bands, g_array_unref);
  g_free (self->rows);
  g_free (self->where);
  g_free (self->gsum);
  g_free (self->gany);
  G_OBJECT_CLASS (pbs_plan_parent_class)->finalize (object);
}

static void
pbs_plan_class_init (PbsPlanClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pbs_plan_finalize;
}

static void
pbs_plan_init (PbsPlan *self)
{
  self->groups = g_array_new (FALSE, TRUE, sizeof (PbsSubtotalResult));
  self->bands = g_array_new (FALSE, TRUE, sizeof (Band));
}

/* ------------------------------------------------------------ compiling */

/* @d at @scale (not below its own), within ±PLAN_LIMIT. */
static gboolean
scaled (const PbsDecimal *d, gint32 scale, gint64 *out)
{
  PbsInt128 v;

  if (scale < d->scale || scale > 18)
    return FALSE;
  v = (PbsInt128) d->value * p10 ((guint) (scale - d->scale));
  if (v > PLAN_LIMIT || v < -PLAN_LIMIT)
    return FALSE;
  *out = (gint64) v;
  return TRUE;
}

/* What score_row (pbs-scoring.c) makes of an unrounded score @raw: full
 * points as written when @raw is the points, else @raw rounded once;
 * never past the points. */
static gboolean
score_of_raw (const PbsPlan *self, const PbsDecimal *points, const PbsRational *raw, PbsDecimal *out,
              guint8 *below)
{
  const PbsPolicy *p = self->policy;
  PbsRational w;

  pbs_rational_from_decimal (&w, points);
  if (pbs_rational_compare (raw, &w) == 0)
    {
      if (!pbs_decimal_round (points, p->rounding_digits, p->rounding_mode, out))
        return FALSE;
    }
  else if (!pbs_rational_to_decimal (raw, p->rounding_digits, p->rounding_mode, out))
    return FALSE;
  if (pbs_decimal_compare (out, points) > 0)
    *out = *points;
  if (below != NULL)
    *below = pbs_rational_compare (raw, &w) < 0;
  return TRUE;
}

static gboolean
compile_quantity (PbsPlan *self, const PbsIndicator *ind, Row *row)
{
  const PbsPolicy *p = self->policy;
  const PbsValue *t = &ind->target, *a = &ind->actual;
  const char *tu = pbs_value_get_unit (t), *au = pbs_value_get_unit (a);
  gboolean range = t->kind == PBS_VALUE_RANGE;
  gint32 scale = MAX (t->lo.scale, a->lo.scale);
  PbsOperator op = pbs_value_get_operator (t);

  /* A wrong kind or unit is the exact engine's error to report. */
  if (a->kind != PBS_VALUE_QUANTITY || (*au != '\0' && strcmp (au, tu) != 0))
    return FALSE;
  if (range)
    scale = MAX (scale, t->hi.scale);
  if (!scaled (&t->lo, scale, &row->t) || !scaled (&a->lo, scale, &row->a)
      || (range && !scaled (&t->hi, scale, &row->hi)))
    return FALSE;
  {
    PbsInt128 wd = (PbsInt128) ind->points.value * p10 (p->rounding_digits);

    if (wd > G_MAXINT64)
      return FALSE;
    row->wd = (gint64) wd;
  }
  row->spow = (gint64) p10 ((guint) scale);
  if (range)
    {
      row->kind = ROW_RANGE;
      row->rule = PBS_RULE_RANGE;
      return TRUE;
    }
  switch (op)
    {
    case PBS_OP_GE:
    case PBS_OP_GT:
      row->kind = ROW_POSITIVE;
      row->rule = PBS_RULE_POSITIVE;
      break;
    case PBS_OP_LE:
    case PBS_OP_LT:
      row->kind = ROW_REVERSE;
      row->rule = p->reverse_formula == PBS_REVERSE_RATIO
                  ? PBS_RULE_REVERSE_RATIO : PBS_RULE_REVERSE_RELATIVE_EXCESS;
      break;
    case PBS_OP_EQ:
    case PBS_OP_NONE:
    default:
      if (row->t == 0)
        {
          row->kind = ROW_EQUAL_ZERO;
          row->rule = PBS_RULE_EQUAL_ZERO;
        }
      else if (p->equal_mode == PBS_EQUAL_TWO_SIDED)
        {
          row->kind = ROW_TWO_SIDED;
          row->rule = PBS_RULE_EQUAL_TWO_SIDED;
        }
      else
        {
          row->kind = ROW_POSITIVE;
          row->rule = op == PBS_OP_EQ ? PBS_RULE_EQUAL : PBS_RULE_POSITIVE;
        }
      break;
    }
  if (row->kind == ROW_POSITIVE)
    {
      if (p->over_threshold.scale > 18)
        return FALSE;
      row->thr_pow = (gint64) p10 ((guint) p->over_threshold.scale);
      row->thr_t = (PbsInt128) p->over_threshold.value * row->t;
    }
  return TRUE;
}

/* 定性 (rule book §4): each band's score, worked out once — the band
 * itself comes from the actual's words (or the row's band) at re-score. */
static gboolean
compile_qualitative (PbsPlan *self, const PbsIndicator *ind, Row *row)
{
  PbsBand band = ind->band != PBS_BAND_UNKNOWN ? ind->band : ind->words_band;
  PbsDecimal b80, b60;
  PbsRational lo[3], hi[3], w, raw;

  if (band == PBS_BAND_UNKNOWN)
    return FALSE;
  row->kind = ROW_QUALITATIVE;
  row->rule = PBS_RULE_QUALITATIVE;
  row->a = band;
  if (!pbs_rules_qualitative_bounds (self->policy, &ind->points, &b80, &b60))
    return FALSE;
  pbs_rational_from_decimal (&w, &ind->points);
  pbs_rational_from_decimal (&lo[0], &b80);
  hi[0] = w;
  pbs_rational_from_decimal (&lo[1], &b60);
  pbs_rational_from_decimal (&hi[1], &b80);
  pbs_rational_from_int (&lo[2], 0);
  pbs_rational_from_decimal (&hi[2], &b60);
  for (guint i = 0; i < 3; i++)
    {
      if (ind->has_manual_score)
        {
          int above;

          /* kept as entered, checked against its band, clamped to [0, w] */
          pbs_rational_from_decimal (&raw, &pbs_indicator_more (ind)->manual_score);
          above = pbs_rational_compare (&raw, &hi[i]);
          if (pbs_rational_compare (&raw, &lo[i]) < 0 || above > 0 || (above == 0 && i != 0))
            row->band_flags[i] = PBS_FLAG_MANUAL_OUT_OF_BAND;
          if (pbs_rational_sign (&raw) < 0)
            pbs_rational_from_int (&raw, 0);
          else if (pbs_rational_compare (&raw, &w) > 0)
            raw = w;
        }
      else if (i == 0)
        raw = w;
      else if (self->policy->qualitative_defaults == PBS_QUALITATIVE_LOWER)
        raw = lo[i];
      else if (self->policy->qualitative_defaults == PBS_QUALITATIVE_MIDDLE)
        {
          PbsRational two;
          pbs_rational_from_int (&two, 2);
          if (!pbs_rational_add (&lo[i], &hi[i], &raw) || !pbs_rational_div (&raw, &two, &raw))
            return FALSE;
        }
      else
        continue;   /* a manual score is required: the exact engine's error */
      if (!score_of_raw (self, &ind->points, &raw, &row->band_score[i], &row->band_below[i]))
        return FALSE;
      row->band_ok[i] = TRUE;
    }
  return TRUE;
}

/* The checks of rule_step and rule_bands (pbs-rules.c) that end in an
 * error are the exact engine's: such a row is not compiled. */
static gboolean
compile_rule (PbsPlan *self, const PbsIndicator *ind, Row *row)
{
  const PbsValue *t = &ind->target, *a = &ind->actual;
  const char *tu = pbs_value_get_unit (t), *au = pbs_value_get_unit (a);
  gint32 scale = MAX (t->lo.scale, a->lo.scale);

  if (t->kind != PBS_VALUE_QUANTITY || a->kind != PBS_VALUE_QUANTITY
      || (*au != '\0' && strcmp (au, tu) != 0))
    return FALSE;
  row->op = (guint8) pbs_value_get_operator (t);
  row->spow = (gint64) p10 ((guint) scale);
  if (ind->rule == PBS_ROW_RULE_STEP)
    {
      if (pbs_decimal_sign (&pbs_indicator_more (ind)->step_per) <= 0 || pbs_indicator_more (ind)->step_deduct.scale > 18)
        return FALSE;
      scale = MAX (scale, pbs_indicator_more (ind)->step_per.scale);
      if (scale > 18)
        return FALSE;
      row->spow = (gint64) p10 ((guint) scale);
      row->kind = ROW_STEP;
      row->rule = PBS_RULE_STEP;
      row->step_mode = (guint8) pbs_indicator_more (ind)->step_mode;
      row->deduct_pow = (gint64) p10 ((guint) pbs_indicator_more (ind)->step_deduct.scale);
      row->deduct = pbs_indicator_more (ind)->step_deduct.value;
      return scaled (&t->lo, scale, &row->t) && scaled (&a->lo, scale, &row->a)
             && scaled (&pbs_indicator_more (ind)->step_per, scale, &row->per);
    }

  if (pbs_indicator_more (ind)->bands == NULL || pbs_indicator_more (ind)->bands->len == 0)
    return FALSE;
  row->kind = ROW_BANDS;
  row->rule = PBS_RULE_BANDS;
  row->step_mode = (guint8) pbs_indicator_more (ind)->bands_of;
  if (!scaled (&t->lo, scale, &row->t) || !scaled (&a->lo, scale, &row->a)
      || (pbs_indicator_more (ind)->bands_of == PBS_BANDS_OF_DEVIATION && row->t == 0))
    return FALSE;
  if (row->n_bands != pbs_indicator_more (ind)->bands->len)
    {
      row->band0 = self->bands->len;
      row->n_bands = pbs_indicator_more (ind)->bands->len;
      g_array_set_size (self->bands, self->bands->len + row->n_bands);
    }
  for (guint i = 0; i < pbs_indicator_more (ind)->bands->len; i++)
    {
      const PbsScoreBand *sb = &g_array_index (pbs_indicator_more (ind)->bands, PbsScoreBand, i);
      const PbsDecimal *bound[2] = { &sb->min, &sb->max };
      PbsInt128 *lhs[2], *rhs[2];
      PbsRational raw, w;
      Band b = { 0 };

      lhs[0] = &b.lhs_min, lhs[1] = &b.lhs_max, rhs[0] = &b.min_rhs, rhs[1] = &b.max_rhs;
      b.has_min = sb->has_min;
      b.has_max = sb->has_max;
      for (guint k = 0; k < 2; k++)
        {
          gint64 at = row->t < 0 ? -row->t : row->t;

          if (bound[k]->scale > 18 || scale > 18)
            return FALSE;
          /* deviation: |a − t| × 100 / |t| against the bound;
           * value: a / 10^scale against it */
          *lhs[k] = p10 ((guint) bound[k]->scale);
          *rhs[k] = (PbsInt128) bound[k]->value
                    * (pbs_indicator_more (ind)->bands_of == PBS_BANDS_OF_DEVIATION ? at : (gint64) p10 ((guint) scale));
        }
      pbs_rational_from_decimal (&raw, &sb->score);
      pbs_rational_from_decimal (&w, &ind->points);
      if (pbs_rational_sign (&raw) < 0)
        pbs_rational_from_int (&raw, 0);
      else if (pbs_rational_compare (&raw, &w) > 0)
        raw = w;
      if (!score_of_raw (self, &ind->points, &raw, &b.score, &b.below))
        return FALSE;
      g_array_index (self->bands, Band, row->band0 + i) = b;
    }
  {
    PbsRational zero;
    pbs_rational_from_int (&zero, 0);
    return score_of_raw (self, &ind->points, &zero, &row->late, &row->late_below);
  }
}

static gint64
date_key (const PbsValue *v)
{
  return v->year * G_GINT64_CONSTANT (10000) + v->month * 100 + v->day;
}

/* The row's kind and numbers from its indicator; ROW_EXACT when the row
 * is the exact engine's. */
static void
compile_row (PbsPlan *self, guint i)
{
  const PbsIndicator *ind = g_ptr_array_index (pbs_evaluation_indicators (self->evaluation), i);
  const PbsPolicy *p = self->policy;
  Row *row = &self->rows[self->where[i]];
  guint group1 = row->group1, group2 = row->group2;
  guint band0 = row->kind == ROW_BANDS ? row->band0 : 0, n_bands = row->kind == ROW_BANDS ? row->n_bands : 0;
  PbsRational w;
  gboolean ok = FALSE;

  memset (row, 0, sizeof *row);
  row->index = i;
  row->group1 = group1;
  row->group2 = group2;
  /* a band row compiled again writes over its own bands */
  row->band0 = band0;
  row->n_bands = n_bands;
  row->kind = ROW_FIXED;
  row->points = ind->points;
  row->reason_given = ind->reason_given;
  row->has_printed = ind->has_printed_score;
  if (ind->not_applicable)
    {
      row->status = PBS_STATUS_NOT_APPLICABLE;
      return;
    }
  if (ind->read_as_zero)
    row->flags |= PBS_FLAG_READ_AS_ZERO;
  if (ind->unpublished || ind->unfilled)
    {
      row->status = ind->unpublished ? PBS_STATUS_UNPUBLISHED : PBS_STATUS_UNSCORED;
      return;
    }
  if (!pbs_value_is_set (&ind->actual))
    {
      row->status = PBS_STATUS_UNSCORED;
      return;
    }

  pbs_rational_from_decimal (&w, &ind->points);
  if (ind->points.scale <= 18 && p->rounding_digits <= 18)
    {
      gint32 d = (gint32) p->rounding_digits, kw = ind->points.scale;
      PbsInt128 rhs = kw > d ? ind->points.value
                      : (PbsInt128) ind->points.value * p10 ((guint) (d - kw));

      row->pw = (gint64) p10 ((guint) kw);
      row->cap_mul = kw > d ? (gint64) p10 ((guint) (kw - d)) : 1;
      row->cap_rhs = (gint64) rhs;
      ok = rhs <= G_MAXINT64 && score_of_raw (self, &ind->points, &w, &row->full, NULL);
    }
  if (ok && ind->rule != PBS_ROW_RULE_COMPARE)
    ok = compile_rule (self, ind, row);
  else if (ok)
    switch (ind->target.kind)
      {
      case PBS_VALUE_QUANTITY:
      case PBS_VALUE_RANGE:
        ok = compile_quantity (self, ind, row);
        break;
      case PBS_VALUE_QUALITATIVE:
        ok = compile_qualitative (self, ind, row);
        break;
      case PBS_VALUE_BOOLEAN:
        ok = ind->actual.kind == PBS_VALUE_BOOLEAN;
        row->kind = ROW_BOOLEAN;
        row->rule = PBS_RULE_BOOLEAN;
        row->a = ind->actual.boolean;
        row->t = ind->target.boolean;
        break;
      case PBS_VALUE_DATE:
        {
          PbsRational late;

          ok = ind->actual.kind == PBS_VALUE_DATE;
          row->kind = ROW_DATE;
          row->rule = PBS_RULE_DATE;
          row->a = date_key (&ind->actual);
          row->t = date_key (&ind->target);
          pbs_rational_from_decimal (&late, &p->date_late);
          ok = ok && pbs_rational_mul (&w, &late, &late)
               && score_of_raw (self, &ind->points, &late, &row->late, &row->late_below);
        }
        break;
      default:
        ok = FALSE;
        break;
      }
  if (!ok)
    {
      row->kind = ROW_EXACT;
      return;
    }
  if ((ind->has_manual_score || ind->band != PBS_BAND_UNKNOWN) && row->rule != PBS_RULE_QUALITATIVE)
    row->flags |= PBS_FLAG_MANUAL_IGNORED;
}

/* acc += x as pbs-scoring.c adds, so that sums keep the same scales. */

static inline gboolean
add (PbsDecimal *acc, const PbsDecimal *x)
{
  gint64 v;

  /* A sum at a smaller scale is first brought to x's, as
   * pbs_decimal_add () aligns it (a first score added to 0). */
  if (acc->scale < x->scale && x->scale <= 18
      && !__builtin_mul_overflow (acc->value, pow10_64[x->scale - acc->scale], &v))
    {
      acc->value = v;
      acc->scale = x->scale;
    }
  if (acc->scale == x->scale && !__builtin_add_overflow (acc->value, x->value, &v))
    {
      acc->value = v;
      return TRUE;
    }
  return pbs_decimal_add (acc, x, acc);
}

static guint
find_group (GArray *arr, const char *level1, const char *level2, guint level)
{
  PbsSubtotalResult s = { 0 };

  for (guint i = 0; i < arr->len; i++)
    {
      PbsSubtotalResult *t = &g_array_index (arr, PbsSubtotalResult, i);
      if (strcmp (t->level1, level1) == 0 && (level == 1 || strcmp (t->level2, level2) == 0))
        return i;
    }
  s.level = level;
  s.level1 = level1;
  s.level2 = level == 2 ? level2 : NULL;
  g_array_append_val (arr, s);
  return arr->len - 1;
}

/* The subtotals' groups in the scorecard's order (each level-1 category
 * followed by its level-2 ones) with their points; the rows' indices into
 * it. */
static gboolean
compile_groups (PbsPlan *self)
{
  GPtrArray *inds = pbs_evaluation_indicators (self->evaluation);
  g_autoptr (GArray) l1 = g_array_new (FALSE, TRUE, sizeof (PbsSubtotalResult));
  g_autoptr (GArray) l2 = g_array_new (FALSE, TRUE, sizeof (PbsSubtotalResult));
  g_autofree guint *at1 = NULL, *at2 = NULL;

  for (guint i = 0; i < self->n_rows; i++)
    {
      const PbsIndicator *ind = g_ptr_array_index (inds, i);
      PbsSubtotalResult *s1, *s2;

      self->rows[i].group1 = find_group (l1, ind->level1, ind->level2, 1);
      s1 = &g_array_index (l1, PbsSubtotalResult, self->rows[i].group1);
      if (!add (&s1->points, &ind->points))
        return FALSE;
      self->rows[i].group2 = find_group (l2, ind->level1, ind->level2, 2);
      s2 = &g_array_index (l2, PbsSubtotalResult, self->rows[i].group2);
      if (!add (&s2->points, &ind->points))
        return FALSE;
    }
  at1 = g_new0 (guint, l1->len + 1);
  at2 = g_new0 (guint, l2->len + 1);
  g_array_set_size (self->groups, 0);
  for (guint i = 0; i < l1->len; i++)
    {
      PbsSubtotalResult *s1 = &g_array_index (l1, PbsSubtotalResult, i);
      at1[i] = self->groups->len;
      g_array_append_val (self->groups, *s1);
      for (guint j = 0; j < l2->len; j++)
        {
          PbsSubtotalResult *s2 = &g_array_index (l2, PbsSubtotalResult, j);
          if (strcmp (s2->level1, s1->level1) == 0)
            {
              at2[j] = self->groups->len;
              g_array_append_val (self->groups, *s2);
            }
        }
    }
  for (guint i = 0; i < self->n_rows; i++)
    {
      self->rows[i].group1 = at1[self->rows[i].group1];
      self->rows[i].group2 = at2[self->rows[i].group2];
    }
  self->gsum = g_new0 (gint64, self->groups->len + 1);
  self->gany = g_new0 (guint8, self->groups->len + 1);
  return TRUE;
}

/* a × b as a 128-bit integer, FALSE when it does not fit. */
static inline gboolean
mul (PbsInt128 a, PbsInt128 b, PbsInt128 *out)
{
  return !__builtin_mul_overflow (a, b, out);
}

/* x at @scale (not below its own), in 128 bits. */
static gboolean
at_scale (const PbsDecimal *d, gint32 scale, PbsInt128 *out)
{
  return scale >= d->scale && scale - d->scale <= 38
         && mul (d->value, p10 ((guint) (scale - d->scale)), out);
}

/* The budget line, the sums of points and the grade thresholds; FALSE
 * when the evaluation is the exact engine's as a whole. */
static gboolean
compile_totals (PbsPlan *self)
{
  const PbsPolicy *p = self->policy;
  PbsBudget *b = pbs_evaluation_get_budget (self->evaluation);
  GPtrArray *inds = pbs_evaluation_indicators (self->evaluation);
  const PbsDecimal *base, *grades[3] = { &p->grades_excellent, &p->grades_good, &p->grades_fair };
  const PbsDecimal *bounds[2] = { &p->budget_explain_below, &p->budget_yellow_below };
  gint32 bs;

  if (b == NULL)
    return FALSE;
  /* a budget as printed (§11) is the exact engine's */
  if (!pbs_budget_has_rate_inputs (b, p->budget_base == PBS_BUDGET_BASE_INITIAL))
    return FALSE;
  if (p->budget_base == PBS_BUDGET_BASE_INITIAL && !b->has_initial)
    return FALSE;
  base = p->budget_base == PBS_BUDGET_BASE_INITIAL ? &b->initial : &b->annual;
  if (pbs_decimal_sign (base) == 0)
    return FALSE;
  self->budget_points = b->has_points ? b->points : p->budget_points;
  self->budget_printed = b->has_printed_score;
  self->budget_printed_score = b->printed_score;
  if (pbs_decimal_sign (&self->budget_points) < 0)
    return FALSE;
  bs = MAX (base->scale, b->executed.scale);
  if (!at_scale (base, bs, &self->base) || !at_scale (&b->executed, bs, &self->executed))
    return FALSE;
  if (self->base < 0)
    {
      self->base = -self->base;
      self->executed = -self->executed;
    }
  /* rate < bound: executed × 10^k < bound × base */
  for (guint i = 0; i < 2; i++)
    {
      self->below_lhs[i] = p10 ((guint) bounds[i]->scale);
      self->below_rhs[i] = bounds[i]->value;
    }

  pbs_decimal_init (&self->all_points, 0, 0);
  pbs_decimal_init (&self->counted_points, 0, 0);
  for (guint i = 0; i < self->n_rows; i++)
    {
      const PbsIndicator *ind = g_ptr_array_index (inds, i);

      if (pbs_decimal_sign (&ind->points) < 0
          || pbs_indicator_more (ind)->parent != NULL || ind->qizhong
          || (!ind->not_applicable && !ind->unpublished && !ind->unfilled
              && !pbs_value_is_set (&ind->target)))
        return FALSE;
      if (!ind->not_applicable && pbs_decimal_sign (&ind->points) == 0)
        self->zero_points = TRUE;
      if (!add (&self->all_points, &ind->points)
          || (!ind->not_applicable && !add (&self->counted_points, &ind->points)))
        return FALSE;
    }
  if (p->budget_in_total
      && (!add (&self->all_points, &self->budget_points) || !add (&self->counted_points, &self->budget_points)))
    return FALSE;
  self->mismatch = !pbs_decimal_equal (&self->all_points, &p->weights_total);
  if (self->mismatch && p->weights_mismatch == PBS_WEIGHTS_ERROR)
    return FALSE;
  self->scale_to = self->mismatch && p->weights_mismatch == PBS_WEIGHTS_AS_IS
                   ? self->all_points : p->weights_total;
  self->rescale = pbs_decimal_sign (&self->counted_points) > 0
                  && !pbs_decimal_equal (&self->counted_points, &self->scale_to);

  /* Grades are on a 100-point scale: total × 100 / points ≥ threshold,
   * with the total at the rounding's scale. */
  if (pbs_decimal_sign (&self->scale_to) <= 0 || self->scale_to.scale > 18 || p->rounding_digits > 18)
    return FALSE;
  for (guint i = 0; i < 3; i++)
    {
      PbsInt128 tp;
      if (grades[i]->scale > 18
          || !mul (100, p10 ((guint) (self->scale_to.scale + grades[i]->scale)), &self->grade_lhs[i])
          || !mul (grades[i]->value, self->scale_to.value, &tp)
          || !mul (tp, p10 (p->rounding_digits), &self->grade_rhs[i]))
        return FALSE;
    }
  return TRUE;
}

/* With a template, each level-1 category's points must be the template's
 * (rule book §6): the points are the plan's, so this is settled once.
 * FALSE when the policy makes it an error (the exact engine's to report). */
static gboolean
compile_template (PbsPlan *self)
{
  PbsTemplate *t = pbs_evaluation_get_template (self->evaluation);

  for (guint i = 0; t != NULL && i < pbs_template_get_n_level1 (t); i++)
    {
      const char *name = pbs_template_get_level1_name (t, i);
      PbsDecimal want, have;

      if (!pbs_template_get_level1_points (t, i, &want))
        continue;
      pbs_decimal_init (&have, 0, 0);
      for (guint j = 0; j < self->groups->len; j++)
        {
          const PbsSubtotalResult *g = &g_array_index (self->groups, PbsSubtotalResult, j);
          if (g->level == 1 && strcmp (g->level1, name) == 0)
            have = g->points;
        }
      if (pbs_decimal_equal (&want, &have))
        continue;
      if (self->policy->weights_mismatch == PBS_WEIGHTS_ERROR)
        return FALSE;
      self->template_differs = TRUE;
    }
  return TRUE;
}

static int
by_kind (gconstpointer a, gconstpointer b)
{
  const Row *x = a, *y = b;

  return x->kind != y->kind ? (int) x->kind - (int) y->kind : (int) x->index - (int) y->index;
}

static void
compile (PbsPlan *self)
{
  for (guint i = 0; i < self->n_rows; i++)
    self->where[i] = i;
  self->exact = !compile_totals (self) || !compile_groups (self) || !compile_template (self);
  for (guint i = 0; i < self->n_rows; i++)
    compile_row (self, i);
  /* The order rows are scored in changes no sum: exact sums at the
   * largest scale, as pbs_decimal_add () makes them, whatever the order. */
  qsort (self->rows, self->n_rows, sizeof *self->rows, by_kind);
  /* Scores are rounded to the policy's digits, or are the points as
   * written when rounding would lift them past: with no points written
   * with more digits, every score has one scale and sums are plain
   * integer additions. */
  self->uniform = TRUE;
  for (guint k = 0; k < self->n_rows; k++)
    if (self->rows[k].points.scale > (gint32) self->policy->rounding_digits)
      self->uniform = FALSE;
  for (guint k = 0; k < self->n_rows; k++)
    self->where[self->rows[k].index] = k;
}

/**
 * pbs_plan_new:
 * @evaluation: the #PbsEvaluation to re-score; the plan works on a copy
 * @policy: (nullable): the policy, or %NULL for the evaluation's own or
 *   else `central`, as pbs_evaluation_score() chooses
 *
 * Compiles @evaluation for re-scoring under @policy. Nothing is scored yet:
 * an error in the evaluation is reported by pbs_plan_rescore(), as
 * pbs_evaluation_score() would report it.
 *
 * Returns: (transfer full): a new #PbsPlan
 *
 * Since: 0.1
 */
PbsPlan *
pbs_plan_new (PbsEvaluation *evaluation, const PbsPolicy *policy)
{
  PbsPlan *self;

  g_return_val_if_fail (evaluation != NULL, NULL);
  if (policy == NULL)
    policy = pbs_evaluation_get_policy (evaluation);
  if (policy == NULL)
    policy = pbs_policy_get_central ();
  self = g_object_new (PBS_TYPE_PLAN, NULL);
  self->evaluation = pbs_evaluation_copy (evaluation);
  self->policy = pbs_policy_copy (policy);
  self->n_rows = pbs_evaluation_get_n_indicators (self->evaluation);
  self->rows = g_new0 (Row, MAX (self->n_rows, 1));
  self->where = g_new0 (guint, MAX (self->n_rows, 1));
  compile (self);
  return self;
}

/* ------------------------------------------------------------ re-scoring */

/* w × num / den rounded, num / den in [0, 1), never past the points. */
static inline void
fraction (const PbsPlan *self, const Row *row, gint64 num, gint64 den, PbsDecimal *out)
{
  gint64 s = 0;

  if (num > 0)
    s = (gint64) round_div ((PbsInt128) row->wd * num, (PbsInt128) den * row->pw,
                            self->policy->rounding_mode);
  out->value = s;
  out->scale = (gint32) self->policy->rounding_digits;
  out->reserved = 0;
  if ((PbsInt128) s * row->cap_mul > row->cap_rhs)
    *out = row->points;
}

/* Past a ceiling @t (rule book §4): w·t/a, or w·(2t − a)/t. */
static inline void
excess (const PbsPlan *self, const Row *row, gint64 t, gint64 *num, gint64 *den)
{
  if (t <= 0 || row->a <= 0)
    *num = 0;
  else if (self->policy->reverse_formula == PBS_REVERSE_RATIO)
    {
      *num = t;
      *den = row->a;
    }
  else
    {
      *num = 2 * t - row->a;
      *den = t;
    }
}

static inline void
set_ratio (PbsRowResult *r, gint64 num, gint64 den)
{
  r->has_ratio = num != 0;
  r->ratio_num = num;
  r->ratio_den = den;
}

/* Step deduction past the target by @e > 0 (rule book §9):
 * w − deduct × e / per, or × whole steps; FALSE when it does not fit. */
static inline gboolean
step_score (const PbsPlan *self, const Row *row, gint64 e, PbsDecimal *out, gboolean *below)
{
  PbsInt128 num, den, cut, w;
  gint64 s = 0;

  if (row->step_mode == PBS_STEP_EXACT)
    {
      /* (W·10^kd·per − D·e·10^kw) / (10^kw·10^kd·per) */
      if (!mul ((PbsInt128) row->points.value * row->deduct_pow, row->per, &w)
          || !mul ((PbsInt128) row->deduct * e, row->pw, &cut)
          || !mul ((PbsInt128) row->pw * row->deduct_pow, row->per, &den))
        return FALSE;
    }
  else
    {
      gint64 n = e / row->per;

      if (row->step_mode == PBS_STEP_STARTED && n * row->per != e)
        n++;
      w = (PbsInt128) row->points.value * row->deduct_pow;
      if (!mul ((PbsInt128) row->deduct * n, row->pw, &cut))
        return FALSE;
      den = (PbsInt128) row->pw * row->deduct_pow;
    }
  *below = cut > 0 && row->points.value > 0;
  num = w - cut;
  if (num > 0)
    {
      PbsInt128 q;

      if (!mul (num, p10 (self->policy->rounding_digits), &num))
        return FALSE;
      q = round_div (num, den, self->policy->rounding_mode);
      if (q > G_MAXINT64)
        return FALSE;
      s = (gint64) q;
    }
  pbs_decimal_init (out, s, (gint) self->policy->rounding_digits);
  if ((PbsInt128) s * row->cap_mul > row->cap_rhs)
    *out = row->points;
  return TRUE;
}

/* The first band holding the measure, or none (rule book §9). */
static inline gboolean
find_band (const PbsPlan *self, const Row *row, const Band **hit)
{
  const Band *b = &g_array_index (self->bands, Band, row->band0);
  PbsInt128 m = row->a, x;

  if (row->step_mode == PBS_BANDS_OF_DEVIATION)
    m = (row->a > row->t ? (PbsInt128) row->a - row->t : (PbsInt128) row->t - row->a) * 100;
  *hit = NULL;
  for (guint i = 0; i < row->n_bands; i++, b++)
    {
      if (b->has_min)
        {
          if (!mul (m, b->lhs_min, &x))
            return FALSE;
          if (x < b->min_rhs)
            continue;
        }
      if (b->has_max)
        {
          if (!mul (m, b->lhs_max, &x))
            return FALSE;
          if (x > b->max_rhs)
            continue;
        }
      *hit = b;
      return TRUE;
    }
  return TRUE;
}

/* Scores one row in integers; FALSE when it must go to the exact engine
 * after all (an over-completion the policy deducts or requires a reason
 * for). */
static inline gboolean
score_fast (const PbsPlan *self, const Row *row, PbsRowResult *r)
{
  gint64 num = 0, den = 1;
  gboolean met = FALSE, below = FALSE;

  r->rule = row->rule;
  r->ratio_num = 1;
  r->ratio_den = 1;
  switch ((RowKind) row->kind)
    {
    case ROW_POSITIVE:
      set_ratio (r, row->t, row->spow);
      if (row->a >= row->t)
        {
          met = TRUE;
          if (row->t > 0 && (PbsInt128) row->a * row->thr_pow > row->thr_t)
            {
              if (self->policy->over_action != PBS_OVER_FLAG)
                return FALSE;
              r->flags |= PBS_FLAG_OVER_COMPLETION;
            }
        }
      else
        {
          r->deviation = PBS_DEVIATION_SHORT;
          num = row->t > 0 ? row->a : 0;
          den = row->t;
        }
      break;
    case ROW_REVERSE:
      set_ratio (r, row->t, row->spow);
      met = row->a <= row->t;
      if (!met)
        {
          r->deviation = PBS_DEVIATION_PAST_CEILING;
          excess (self, row, row->t, &num, &den);
        }
      break;
    case ROW_EQUAL_ZERO:
      met = row->a <= 0;
      if (!met)
        r->deviation = PBS_DEVIATION_OFF_TARGET;
      break;
    case ROW_TWO_SIDED:
      set_ratio (r, row->t, row->spow);
      met = row->a == row->t;
      if (!met)
        {
          gint64 at = row->t < 0 ? -row->t : row->t, d = row->a - row->t;

          r->deviation = PBS_DEVIATION_OFF_TARGET;
          num = at - (d < 0 ? -d : d);
          den = at;
        }
      break;
    case ROW_RANGE:
      if (row->a < row->t)
        {
          set_ratio (r, row->t, row->spow);
          r->deviation = PBS_DEVIATION_SHORT;
          num = row->t > 0 ? row->a : 0;
          den = row->t;
        }
      else if (row->a > row->hi)
        {
          set_ratio (r, row->hi, row->spow);
          r->deviation = PBS_DEVIATION_PAST_CEILING;
          excess (self, row, row->hi, &num, &den);
        }
      else
        {
          r->has_ratio = TRUE;
          r->ratio_is_one = TRUE;
          met = TRUE;
        }
      break;
    case ROW_BOOLEAN:
      met = row->a == row->t;
      if (!met)
        r->deviation = PBS_DEVIATION_OFF_TARGET;
      break;
    case ROW_DATE:
      /* dates given to the month compare by year and month */
      met = row->a % 100 == 0 || row->t % 100 == 0 ? row->a / 100 <= row->t / 100 : row->a <= row->t;
      if (!met)
        {
          r->score = row->late;
          below = row->late_below;
          r->flags |= PBS_FLAG_LATE;
          r->deviation = PBS_DEVIATION_LATE;
          goto scored;
        }
      break;
    case ROW_QUALITATIVE:
      {
        guint k = row->a == PBS_BAND_MET ? 0 : row->a == PBS_BAND_PARTIAL ? 1 : 2;

        if (!row->band_ok[k])
          return FALSE;
        met = k == 0;
        if (!met)
          r->deviation = PBS_DEVIATION_BELOW_BAND;
        r->score = row->band_score[k];
        below = row->band_below[k];
        r->flags |= row->band_flags[k];
        goto scored;
      }
    case ROW_STEP:
      {
        gint64 e = row->op == PBS_OP_GE || row->op == PBS_OP_GT ? row->t - row->a : row->a - row->t;

        if (row->op == PBS_OP_EQ && e < 0)
          e = -e;
        set_ratio (r, row->t, row->spow);
        met = e <= 0;
        if (met)
          break;
        r->deviation = (guint8) pbs_rules_deviation_of ((PbsOperator) row->op);
        if (!step_score (self, row, e, &r->score, &below))
          return FALSE;
        goto scored;
      }
    case ROW_BANDS:
      {
        const Band *b;

        set_ratio (r, row->t, row->spow);
        if (!find_band (self, row, &b))
          return FALSE;
        r->score = b != NULL ? b->score : row->late;
        below = b != NULL ? b->below : row->late_below;
        met = !below;
        if (!met)
          r->deviation = (guint8) pbs_rules_deviation_of ((PbsOperator) row->op);
        goto scored;
      }
    case ROW_FIXED:
    case ROW_EXACT:
    default:
      g_assert_not_reached ();
    }
  if (met)
    r->score = row->full;
  else
    {
      fraction (self, row, num, den, &r->score);
      below = row->points.value > 0;
    }

scored:
  r->has_score = TRUE;
  r->flags |= row->flags;
  if (!row->reason_given && (below || (r->flags & PBS_FLAG_OVER_COMPLETION)))
    r->flags |= PBS_FLAG_MISSING_REASON;
  if (row->has_printed)
    {
      const PbsIndicator *ind = g_ptr_array_index (pbs_evaluation_indicators (self->evaluation),
                                                   row->index);
      if (pbs_scorecard_differs (&pbs_indicator_more (ind)->printed_score, &r->score, &self->policy->audit_tolerance))
        r->flags |= PBS_FLAG_PRINTED_DIFFERS;
    }
  r->status = met ? PBS_STATUS_MET : r->score.value > 0 ? PBS_STATUS_PARTIAL : PBS_STATUS_UNMET;
  return TRUE;
}

/* A scorecard to fill: the last one when nobody else holds it any more
 * (it cannot be seen changing), else a new one. */
static PbsScorecard *
take_scorecard (PbsPlan *self, gboolean *reused)
{
  PbsScorecard *sc = g_steal_pointer (&self->last);

  *reused = sc != NULL && sc->evaluation == self->evaluation && g_atomic_ref_count_compare (&sc->ref_count, 1);
  if (*reused)
    {
      g_array_set_size (sc->warnings, 0);
      return sc;
    }
  g_clear_pointer (&sc, pbs_scorecard_unref);
  return pbs_scorecard_new_sharing (self->evaluation, self->policy, self->n_rows);
}

static inline void
warn (PbsScorecard *sc, PbsWarning w)
{
  g_array_append_val (sc->warnings, w);
}

/* The budget line (rule book §3) in integers. */
static gboolean
rescore_budget (PbsPlan *self, PbsScorecard *sc)
{
  const PbsPolicy *p = self->policy;
  guint digits = p->rounding_digits;
  PbsInt128 num, den, q, lhs, rhs;

  sc->budget_points = self->budget_points;
  pbs_scorecard_check_sources (sc, pbs_evaluation_get_budget (self->evaluation));
  /* the rate in percent, rounded */
  if (!mul (self->executed, 100, &num) || !mul (num, p10 (digits), &num))
    return FALSE;
  q = pbs_int128_round_div (num, self->base, p->rounding_mode);
  if (q > G_MAXINT64 || q < G_MININT64)
    return FALSE;
  pbs_decimal_init (&sc->budget_rate, (gint64) q, (gint) digits);
  sc->has_budget_rate = TRUE;
  sc->has_budget_score = TRUE;

  /* points × rate, the rate within [0, 1] under budget.cap */
  if (self->executed <= 0)
    q = 0;
  else
    {
      if (p->budget_cap && self->executed > self->base)
        {
          num = self->budget_points.value;
          den = 1;
        }
      else if (!mul (self->budget_points.value, self->executed, &num))
        return FALSE;
      else
        den = self->base;
      if (!mul (num, p10 (digits), &num)
          || !mul (den, p10 ((guint) self->budget_points.scale), &den))
        return FALSE;
      q = round_div (num, den, p->rounding_mode);
      if (q > G_MAXINT64)
        return FALSE;
    }
  pbs_decimal_init (&sc->budget_score, (gint64) q, (gint) digits);
  if (p->budget_cap && pbs_decimal_compare (&sc->budget_score, &sc->budget_points) > 0)
    sc->budget_score = sc->budget_points;

  if (self->executed > self->base)
    warn (sc, PBS_WARNING_OVER_BUDGET);
  for (guint i = 0; i < 2; i++)
    {
      if (!mul (self->executed, self->below_lhs[i], &lhs) || !mul (self->base, self->below_rhs[i], &rhs))
        return FALSE;
      if (lhs < rhs)
        warn (sc, i == 0 ? PBS_WARNING_EXECUTION_BELOW_90 : PBS_WARNING_YELLOW_LOW_EXECUTION);
    }
  if (self->budget_printed
      && pbs_scorecard_differs (&self->budget_printed_score, &sc->budget_score, &p->audit_tolerance))
    warn (sc, PBS_WARNING_BUDGET_PRINTED_DIFFERS);
  return TRUE;
}

/* Rule book §3, red: (S/I − B/P)/(S/I) > gap, that is
 * (1 − gap)·P·S > B·I, all positive. */
static gboolean
rescore_red (PbsPlan *self, PbsScorecard *sc, const PbsDecimal *s, const PbsDecimal *i)
{
  const PbsDecimal *gap = &self->policy->budget_red_gap, *bs = &sc->budget_score, *bp = &sc->budget_points;
  PbsInt128 lhs, rhs, one_minus;
  guint kl;

  if (pbs_decimal_sign (bp) <= 0 || pbs_decimal_sign (i) <= 0 || pbs_decimal_sign (s) <= 0)
    return TRUE;
  kl = (guint) gap->scale;
  if (kl + bp->scale + s->scale > 38 || bs->scale + i->scale > 38 || kl > 38)
    return FALSE;
  one_minus = p10 (kl) - gap->value;
  if (!mul (one_minus, bp->value, &lhs) || !mul (lhs, s->value, &lhs)
      || !mul (lhs, p10 ((guint) (bs->scale + i->scale)), &lhs)
      || !mul (bs->value, i->value, &rhs)
      || !mul (rhs, p10 (kl + (guint) (bp->scale + s->scale)), &rhs))
    return FALSE;
  if (lhs > rhs)
    warn (sc, PBS_WARNING_RED_MISMATCH);
  return TRUE;
}

/* Rule book §6: the total, brought to the total points when the counted
 * ones differ, and the grade. */
static gboolean
rescore_total (PbsPlan *self, PbsScorecard *sc, const PbsDecimal *raw)
{
  const PbsPolicy *p = self->policy;

  if (self->mismatch)
    warn (sc, PBS_WARNING_WEIGHTS);
  sc->points_sum = self->all_points;
  sc->total_points = self->scale_to;
  sc->counted_points = self->counted_points;
  if (self->rescale)
    {
      const PbsDecimal *t = &self->scale_to, *c = &self->counted_points;
      PbsInt128 num, den, q;

      if (c->scale + p->rounding_digits > 38 || raw->scale + t->scale > 38
          || !mul (raw->value, t->value, &num)
          || !mul (num, p10 ((guint) c->scale + p->rounding_digits), &num)
          || !mul (c->value, p10 ((guint) (raw->scale + t->scale)), &den))
        return FALSE;
      q = round_div (num, den, p->rounding_mode);
      if (q > G_MAXINT64 || q < G_MININT64)
        return FALSE;
      pbs_decimal_init (&sc->total, (gint64) q, (gint) p->rounding_digits);
    }
  else if (!pbs_decimal_round (raw, p->rounding_digits, p->rounding_mode, &sc->total))
    return FALSE;

  sc->grade = PBS_GRADE_NONE;
  if (sc->complete)
    {
      static const PbsGrade grades[] = { PBS_GRADE_EXCELLENT, PBS_GRADE_GOOD, PBS_GRADE_FAIR };
      PbsInt128 lhs;

      sc->grade = PBS_GRADE_POOR;
      for (guint k = 0; k < 3; k++)
        {
          if (!mul (sc->total.value, self->grade_lhs[k], &lhs))
            return FALSE;
          if (lhs >= self->grade_rhs[k])
            {
              sc->grade = grades[k];
              break;
            }
        }
    }
  return TRUE;
}

/* Every row, the subtotals, the budget line, the total and the grade;
 * FALSE for an error in a row or a number that does not fit: the caller
 * then asks the exact engine, which says which. */
static gboolean
rescore (PbsPlan *self, PbsScorecard *sc, gboolean reused)
{
  PbsSubtotalResult *groups;
  PbsRowResult *out;
  PbsDecimal raw, scored_points, indicator_sum;
  gboolean uniform = self->uniform;
  gint32 digits = (gint32) self->policy->rounding_digits;
  gint64 sum = 0;
  guint n_scored = 0;

  g_array_set_size (sc->rows, self->n_rows);
  g_array_set_size (sc->subtotals, self->groups->len);
  out = (PbsRowResult *) (void *) sc->rows->data;
  groups = (PbsSubtotalResult *) (void *) sc->subtotals->data;
  /* A reused scorecard holds this plan's groups already: only their
   * scores are made again. */
  if (!reused)
    memcpy (groups, self->groups->data, self->groups->len * sizeof *groups);
  else
    for (guint g = 0; g < self->groups->len; g++)
      pbs_decimal_init (&groups[g].score, 0, 0);
  memset (out, 0, self->n_rows * sizeof *out);
  pbs_decimal_init (&raw, 0, 0);
  pbs_decimal_init (&scored_points, 0, 0);
  sc->complete = TRUE;
  if (uniform)
    {
      memset (self->gsum, 0, self->groups->len * sizeof *self->gsum);
      memset (self->gany, 0, self->groups->len);
    }

  for (guint k = 0; k < self->n_rows; k++)
    {
      const Row *row = &self->rows[k];
      guint i = row->index;
      PbsRowResult *r = &out[i];

      if (row->kind == ROW_FIXED)
        {
          r->status = row->status;
          r->flags = row->flags;
          if (row->status == PBS_STATUS_UNPUBLISHED || row->status == PBS_STATUS_UNSCORED)
            sc->complete = FALSE;
          continue;
        }
      if (row->kind == ROW_EXACT || !score_fast (self, row, r))
        {
          memset (r, 0, sizeof *r);
          /* Rows are scored grouped by kind: an error is left to the
           * exact engine, which reports the first row's in table order. */
          if (!pbs_scorecard_score_row (sc, pbs_evaluation_get_indicator (self->evaluation, i), i + 1, r, NULL))
            return FALSE;
          r->flags |= row->flags & PBS_FLAG_READ_AS_ZERO;
        }
      if (uniform)
        {
          /* scores are never negative: the groups' sums stay within the total's */
          if (__builtin_add_overflow (sum, r->score.value, &sum) || r->score.scale != digits)
            return FALSE;
          self->gsum[row->group1] += r->score.value;
          self->gsum[row->group2] += r->score.value;
          self->gany[row->group1] = self->gany[row->group2] = TRUE;
          n_scored++;
        }
      else if (!add (&raw, &r->score) || !add (&groups[row->group1].score, &r->score)
               || !add (&groups[row->group2].score, &r->score))
        return FALSE;
      if (!add (&scored_points, &row->points))
        return FALSE;
    }
  if (uniform)
    {
      /* as pbs_decimal_add () leaves them: 0 at scale 0 until a score is added */
      if (n_scored > 0)
        pbs_decimal_init (&raw, sum, (gint) digits);
      for (guint g = 0; g < self->groups->len; g++)
        if (self->gany[g])
          pbs_decimal_init (&groups[g].score, self->gsum[g], (gint) digits);
    }
  if (self->zero_points)
    warn (sc, PBS_WARNING_ZERO_POINTS);
  if (self->template_differs)
    warn (sc, PBS_WARNING_WEIGHTS);
  if (!rescore_budget (self, sc))
    return FALSE;
  indicator_sum = raw;
  if (self->policy->budget_in_total && !add (&raw, &sc->budget_score))
    return FALSE;
  return rescore_red (self, sc, &indicator_sum, &scored_points) && rescore_total (self, sc, &raw);
}

/**
 * pbs_plan_rescore:
 * @self: a #PbsPlan
 * @error: return location for a #GError, or %NULL
 *
 * Scores the plan's evaluation with its current actuals: the same
 * scorecard as pbs_evaluation_score() under the plan's policy, made in
 * scaled integers where the plan could compile the rows.
 *
 * Returns: (transfer full) (nullable): the scorecard, or %NULL with @error
 *   in the #PBS_SCORE_ERROR domain
 *
 * Since: 0.1
 */
PbsScorecard *
pbs_plan_rescore (PbsPlan *self, GError **error)
{
  PbsScorecard *sc;
  gboolean reused;

  g_return_val_if_fail (PBS_IS_PLAN (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (self->exact)
    return pbs_evaluation_score (self->evaluation, self->policy, error);
  sc = take_scorecard (self, &reused);
  if (!rescore (self, sc, reused))
    {
      pbs_scorecard_unref (sc);
      return pbs_evaluation_score (self->evaluation, self->policy, error);
    }
  pbs_evaluation_seal (self->evaluation);
  self->last = pbs_scorecard_ref (sc);
  return sc;
}

/**
 * pbs_plan_set_actual:
 * @self: a #PbsPlan
 * @row: the 0-based row
 * @text: (nullable): the 实际完成值 as printed, or %NULL to unset it
 * @error: return location for a #GError, or %NULL
 *
 * Changes one actual of the plan's evaluation, as
 * pbs_indicator_set_actual() would, for the next pbs_plan_rescore().
 * Scorecards already returned keep the actuals they were scored with.
 *
 * Returns: %TRUE on success; %FALSE with @error in #PBS_VALUE_ERROR, the
 *   actual unchanged
 *
 * Since: 0.1
 */
gboolean
pbs_plan_set_actual (PbsPlan *self, guint row, const char *text, GError **error)
{
  g_autoptr (PbsIndicator) ind = NULL;
  GPtrArray *inds;

  g_return_val_if_fail (PBS_IS_PLAN (self), FALSE);
  g_return_val_if_fail (row < self->n_rows, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  ind = pbs_indicator_copy (pbs_evaluation_get_indicator (self->evaluation, row));
  if (!pbs_indicator_set_actual (ind, text, error))
    return FALSE;
  /* What was scored stays as it was: write on a copy. */
  if (pbs_evaluation_is_sealed (self->evaluation))
    {
      PbsEvaluation *copy = pbs_evaluation_copy (self->evaluation);

      pbs_evaluation_unref (self->evaluation);
      self->evaluation = copy;
    }
  inds = pbs_evaluation_indicators (self->evaluation);
  pbs_indicator_unref (g_ptr_array_index (inds, row));
  g_ptr_array_index (inds, row) = g_steal_pointer (&ind);
  compile_row (self, row);
  return TRUE;
}

/**
 * pbs_plan_get_evaluation:
 * @self: a #PbsPlan
 *
 * Gets the plan's copy of the evaluation, with the actuals set so far.
 *
 * Returns: (transfer none): the evaluation
 *
 * Since: 0.1
 */
PbsEvaluation *
pbs_plan_get_evaluation (PbsPlan *self)
{
  g_return_val_if_fail (PBS_IS_PLAN (self), NULL);
  return self->evaluation;
}

/**
 * pbs_plan_get_n_exact_rows:
 * @self: a #PbsPlan
 *
 * Counts the rows a re-score leaves to the exact engine: rows whose
 * actual is of the wrong kind or unit, qualitative rows that need a manual
 * score and have none, rows with numbers too long for 64 bits — or every
 * row when the evaluation as a whole is scored by pbs_evaluation_score()
 * (parent and child rows, a row without a target, a budget line it
 * cannot divide by, points the template or the policy refuse). A row that is over-completed under an
 * `over.action` other than `flag` is handed over when it is, and is not
 * counted here.
 *
 * Returns: the number of rows
 *
 * Since: 0.1
 */
guint
pbs_plan_get_n_exact_rows (PbsPlan *self)
{
  guint n = 0;

  g_return_val_if_fail (PBS_IS_PLAN (self), 0);
  if (self->exact)
    return self->n_rows;
  for (guint i = 0; i < self->n_rows; i++)
    n += self->rows[i].kind == ROW_EXACT;
  return n;
}
