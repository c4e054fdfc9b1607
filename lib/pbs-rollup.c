/* pbs-rollup.c - rolling several evaluations up into one
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Baoshan's multi-project roll-up (rule book §8): absolute values are
 * summed, relative values (%) are weighted by each table's funds
 * (全年预算数). The roll-up merges *inputs* — targets, actuals, the budget
 * line — into a new evaluation that is then scored like any other; it never
 * averages scores. doc/rollup.md is the contract.
 */
#include "config.h"

#include <string.h>

#include "pbs-lex.h"
#include "pbs-rational.h"
#include "pbs-evaluation-private.h"
#include "pbs-indicator-private.h"
#include "pbs-budget-private.h"
#include "pbs-decimal-private.h"
#include "pbs-nick.h"

/**
 * PbsRollup:
 *
 * A batch of scored evaluations — the projects of one department, or of a
 * whole district — that can be counted by grade and merged into one table
 * (rule book §8, Baoshan: absolute values summed, relative values weighted
 * by funds).
 *
 * Add scorecards with pbs_rollup_add(); count them with
 * pbs_rollup_count_grade(); merge their evaluations with
 * pbs_rollup_merge() and score the result with pbs_evaluation_score().
 *
 * Since: 0.1
 */
struct _PbsRollup
{
  GObject    parent_instance;
  GPtrArray *scorecards;   /* PbsScorecard*, owned, in the order added */
};

G_DEFINE_FINAL_TYPE (PbsRollup, pbs_rollup, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_N_EVALUATIONS,
  N_PROPS
};

static GParamSpec *props[N_PROPS];

static void
pbs_rollup_get_property (GObject *object, guint id, GValue *value, GParamSpec *pspec)
{
  PbsRollup *self = PBS_ROLLUP (object);

  switch (id)
    {
    case PROP_N_EVALUATIONS:
      g_value_set_uint (value, self->scorecards->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, id, pspec);
    }
}

static void
pbs_rollup_finalize (GObject *object)
{
  PbsRollup *self = PBS_ROLLUP (object);

  g_clear_pointer (&self->scorecards, g_ptr_array_unref);
  G_OBJECT_CLASS (pbs_rollup_parent_class)->finalize (object);
}

static void
pbs_rollup_class_init (PbsRollupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pbs_rollup_finalize;
  object_class->get_property = pbs_rollup_get_property;

  /**
   * PbsRollup:n-evaluations:
   *
   * How many scored evaluations the batch holds (pbs_rollup_add());
   * notified as each is added.
   *
   * Since: 0.1
   */
  props[PROP_N_EVALUATIONS] =
    g_param_spec_uint ("n-evaluations", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, props);
}

static void
pbs_rollup_init (PbsRollup *self)
{
  self->scorecards = g_ptr_array_new_with_free_func ((GDestroyNotify) pbs_scorecard_unref);
}

/**
 * pbs_rollup_new:
 *
 * Creates an empty roll-up.
 *
 * Returns: (transfer full): a new #PbsRollup
 *
 * Since: 0.1
 */
PbsRollup *
pbs_rollup_new (void)
{
  return g_object_new (PBS_TYPE_ROLLUP, NULL);
}

/**
 * pbs_rollup_add:
 * @self: a #PbsRollup
 * @scorecard: a scored evaluation; @self takes its own reference
 * @error: return location for a #GError, or %NULL
 *
 * Adds one scored evaluation to the batch. Whether the evaluations can be
 * merged (same money unit, same points per row, same units…) is checked
 * only by pbs_rollup_merge(): a batch that cannot be merged can still be
 * counted by grade.
 *
 * The evaluation is read when pbs_rollup_merge() runs, through
 * pbs_scorecard_get_evaluation(); scoring sealed it, so it is what was
 * scored.
 *
 * Returns: %TRUE
 *
 * Since: 0.1
 */
gboolean
pbs_rollup_add (PbsRollup *self, PbsScorecard *scorecard, GError **error)
{
  g_return_val_if_fail (PBS_IS_ROLLUP (self), FALSE);
  g_return_val_if_fail (scorecard != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_ptr_array_add (self->scorecards, pbs_scorecard_ref (scorecard));
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_N_EVALUATIONS]);
  return TRUE;
}

/**
 * pbs_rollup_get_n_evaluations:
 * @self: a #PbsRollup
 *
 * Gets the number of scorecards added to the roll-up.
 *
 * Every scorecard added with pbs_rollup_add() counts, whether or not the
 * batch can be merged.
 *
 * Returns: the number of scorecards added
 *
 * Since: 0.1
 */
guint
pbs_rollup_get_n_evaluations (PbsRollup *self)
{
  g_return_val_if_fail (PBS_IS_ROLLUP (self), 0);
  return self->scorecards->len;
}

static PbsEvaluation *
evaluation_at (PbsRollup *self, guint i)
{
  return pbs_scorecard_get_evaluation (g_ptr_array_index (self->scorecards, i));
}

/**
 * pbs_rollup_list_departments:
 * @self: a #PbsRollup
 *
 * Lists the distinct 主管部门 of the evaluations added, in order of first
 * appearance. Evaluations without a department are listed as `""`.
 *
 * Returns: (transfer full) (array zero-terminated=1): the departments
 *
 * Since: 0.1
 */
char **
pbs_rollup_list_departments (PbsRollup *self)
{
  GPtrArray *list;

  g_return_val_if_fail (PBS_IS_ROLLUP (self), NULL);

  list = g_ptr_array_new ();
  for (guint i = 0; i < self->scorecards->len; i++)
    {
      const char *dept = pbs_evaluation_get_department (evaluation_at (self, i));
      gboolean seen = FALSE;

      for (guint j = 0; j < list->len && !seen; j++)
        seen = strcmp (g_ptr_array_index (list, j), dept) == 0;
      if (!seen)
        g_ptr_array_add (list, g_strdup (dept));
    }
  g_ptr_array_add (list, NULL);
  return (char **) g_ptr_array_free (list, FALSE);
}

/**
 * pbs_rollup_count_grade:
 * @self: a #PbsRollup
 * @department: (nullable): a 主管部门 (`""` for evaluations without one), or
 *   %NULL for every evaluation (the district)
 * @grade: a grade; %PBS_GRADE_NONE counts the incomplete scorecards
 *
 * Counts the scorecards of @department that have @grade: the grade counts
 * per department and per district of issue 4.
 *
 * Returns: how many scorecards added have @grade
 *
 * Since: 0.1
 */
guint
pbs_rollup_count_grade (PbsRollup *self, const char *department, PbsGrade grade)
{
  guint n = 0;

  g_return_val_if_fail (PBS_IS_ROLLUP (self), 0);

  for (guint i = 0; i < self->scorecards->len; i++)
    {
      PbsScorecard *sc = g_ptr_array_index (self->scorecards, i);

      if (department != NULL
          && strcmp (pbs_evaluation_get_department (pbs_scorecard_get_evaluation (sc)), department) != 0)
        continue;
      if (pbs_scorecard_get_grade (sc) == grade)
        n++;
    }
  return n;
}

/* ---------------------------------------------------------------- merging */

/* One table's copy of a merged row. */
typedef struct {
  PbsEvaluation *evaluation;   /* borrowed */
  PbsIndicator  *indicator;    /* borrowed */
  guint          index;        /* which evaluation, from 0 */
} Member;

/* What a merged row's values are made from. */
typedef struct {
  guint        row;            /* the merged row, 1-based, for messages */
  const char  *name;
  GArray      *members;        /* Member: every table that has the row */
  GArray      *from;           /* Member: those whose values count */
  PbsRational *weights;        /* parallel to @from */
} RowCtx;

static gboolean
rollup_error (GError **error, const char *format, ...) G_GNUC_PRINTF (2, 3);

static gboolean
rollup_error (GError **error, const char *format, ...)
{
  g_autofree char *message = NULL;
  va_list ap;

  va_start (ap, format);
  message = g_strdup_vprintf (format, ap);
  va_end (ap);
  g_set_error_literal (error, PBS_SCORE_ERROR, PBS_SCORE_ERROR_ROLLUP, message);
  return FALSE;
}

/* "row 3 (验收合格率): …", as scoring errors name a row. */
static gboolean
row_error (const RowCtx *rc, GError **error, const char *format, ...) G_GNUC_PRINTF (3, 4);

static gboolean
row_error (const RowCtx *rc, GError **error, const char *format, ...)
{
  g_autofree char *what = NULL;
  va_list ap;

  va_start (ap, format);
  what = g_strdup_vprintf (format, ap);
  va_end (ap);
  return rollup_error (error, "row %u (%s): %s", rc->row, rc->name, what);
}

static gboolean
overflow_error (const RowCtx *rc, GError **error)
{
  g_set_error (error, PBS_SCORE_ERROR, PBS_SCORE_ERROR_OVERFLOW,
               "row %u (%s): the merged numbers are too large to keep exactly", rc->row, rc->name);
  return FALSE;
}

/* "evaluation 2 (“学校维修”)": the tables of a batch, by number and title. */
static char *
label (PbsEvaluation *e, guint index)
{
  const char *title = pbs_evaluation_get_title (e);

  if (*title == '\0')
    return g_strdup_printf ("evaluation %u", index + 1);
  return g_strdup_printf ("evaluation %u (“%s”)", index + 1, title);
}

static const char *
currency_name (PbsCurrency c)
{
  return c == PBS_CURRENCY_YUAN ? "元" : "万元";
}

/* Header: a field common to every table is kept, otherwise left empty;
 * the money unit must be common. */
static gboolean
merge_header (PbsRollup *self, PbsEvaluation *out, GError **error)
{
  PbsEvaluation *first = evaluation_at (self, 0);
  const char *dept = pbs_evaluation_get_department (first);
  const char *unit = pbs_evaluation_get_unit (first);
  guint year = pbs_evaluation_get_year (first);
  PbsCurrency currency = pbs_evaluation_get_currency (first);

  for (guint i = 1; i < self->scorecards->len; i++)
    {
      PbsEvaluation *e = evaluation_at (self, i);

      if (pbs_evaluation_get_currency (e) != currency)
        {
          g_autofree char *a = label (first, 0);
          g_autofree char *b = label (e, i);
          return rollup_error (error,
                               "%s gives its amounts in %s but %s in %s: amounts in 元 and 万元 "
                               "must not be summed; convert one table first",
                               a, currency_name (currency), b,
                               currency_name (pbs_evaluation_get_currency (e)));
        }
      if (dept != NULL && strcmp (dept, pbs_evaluation_get_department (e)) != 0)
        dept = NULL;
      if (unit != NULL && strcmp (unit, pbs_evaluation_get_unit (e)) != 0)
        unit = NULL;
      if (year != pbs_evaluation_get_year (e))
        year = 0;
    }
  pbs_evaluation_set_department (out, dept);
  pbs_evaluation_set_unit (out, unit);
  pbs_evaluation_set_year (out, year);
  pbs_evaluation_set_currency (out, currency);
  return TRUE;
}

/* Budget: amounts summed exactly; 年初预算数 only when every table has one;
 * the points must agree. */
static gboolean
merge_budget (PbsRollup *self, PbsEvaluation *out, GError **error)
{
  PbsDecimal annual = { 0 }, executed = { 0 }, initial = { 0 }, points = { 0 };
  gboolean all_initial = TRUE, has_points = FALSE;
  g_autoptr (PbsBudget) budget = NULL;

  for (guint i = 0; i < self->scorecards->len; i++)
    {
      PbsEvaluation *e = evaluation_at (self, i);
      PbsBudget *b = pbs_evaluation_get_budget (e);
      PbsDecimal x, p;
      gboolean has_p;

      if (b == NULL)
        {
          g_autofree char *l = label (e, i);
          return rollup_error (error, "%s has no budget line", l);
        }
      if (!pbs_budget_get_annual (b, &x) || !pbs_budget_get_executed (b, &x))
        {
          g_autofree char *l = label (e, i);
          return rollup_error (error, "%s prints no 全年预算数 or no 全年执行数: a roll-up sums them", l);
        }
      pbs_budget_get_annual (b, &x);
      if (!pbs_decimal_add (&annual, &x, &annual))
        goto overflow;
      pbs_budget_get_executed (b, &x);
      if (!pbs_decimal_add (&executed, &x, &executed))
        goto overflow;
      if (all_initial && pbs_budget_get_initial (b, &x))
        {
          if (!pbs_decimal_add (&initial, &x, &initial))
            goto overflow;
        }
      else
        all_initial = FALSE;

      has_p = pbs_budget_get_points (b, &p);
      if (i == 0)
        {
          has_points = has_p;
          points = p;
        }
      else if (has_p != has_points || (has_p && !pbs_decimal_equal (&p, &points)))
        {
          g_autofree char *a = label (evaluation_at (self, 0), 0);
          g_autofree char *l = label (e, i);
          g_autofree char *pa = has_points ? pbs_decimal_to_string (&points) : g_strdup ("the policy's");
          g_autofree char *pb = has_p ? pbs_decimal_to_string (&p) : g_strdup ("the policy's");
          return rollup_error (error,
                               "the budget line carries %s points in %s but %s in %s: the "
                               "tables must give the budget line the same points",
                               pa, a, pb, l);
        }
    }

  budget = pbs_budget_new (&annual, &executed);
  if (all_initial)
    pbs_budget_set_initial (budget, &initial);
  if (has_points)
    pbs_budget_set_points (budget, &points);
  pbs_evaluation_set_budget (out, budget);
  return TRUE;

overflow:
  g_set_error_literal (error, PBS_SCORE_ERROR, PBS_SCORE_ERROR_OVERFLOW,
                       "the budget amounts are too large to sum exactly");
  return FALSE;
}

/* ------------------------------------------------------ combining numbers */

/* Σ w·x / Σ w, half-up to @digits decimals, written with no more trailing
 * zeros than @keep decimals need (the mean of 96 and 100 is 97, not
 * 97.00). */
static gboolean
weighted_mean (const RowCtx *rc, const PbsDecimal *values, guint digits, guint keep,
               PbsDecimal *out, GError **error)
{
  PbsRational sum, wsum, x;

  pbs_rational_from_int (&sum, 0);
  pbs_rational_from_int (&wsum, 0);
  for (guint i = 0; i < rc->from->len; i++)
    {
      pbs_rational_from_decimal (&x, &values[i]);
      if (!pbs_rational_mul (&x, &rc->weights[i], &x) || !pbs_rational_add (&sum, &x, &sum)
          || !pbs_rational_add (&wsum, &rc->weights[i], &wsum))
        return overflow_error (rc, error);
    }
  if (!pbs_rational_div (&sum, &wsum, &x) || !pbs_rational_to_decimal (&x, digits, PBS_ROUNDING_HALF_UP, out))
    return overflow_error (rc, error);
  while ((guint) out->scale > keep && out->value % 10 == 0)
    {
      out->value /= 10;
      out->scale--;
    }
  return TRUE;
}

static guint
max_scale (const PbsDecimal *values, guint n)
{
  guint m = 0;

  for (guint i = 0; i < n; i++)
    m = MAX (m, (guint) values[i].scale);
  return m;
}

/* How the tables' numbers of one row become one:
 * - SUM: absolute values (项, 件, 万元 …) are added;
 * - WEIGHTED: relative values (%) are the funds-weighted mean, half-up to
 *   2 decimals more than the inputs have, at most 6;
 * - SAME: durations (天, 个工作日 …) are not additive: every table must set
 *   the same limit;
 * - MAX / MIN: the worst duration actually taken (the longest against ≤
 *   or =, the shortest against ≥). */
typedef enum {
  COMBINE_SUM,
  COMBINE_WEIGHTED,
  COMBINE_SAME,
  COMBINE_MAX,
  COMBINE_MIN,
} Combine;

static gboolean
combine (const RowCtx *rc, const PbsDecimal *values, Combine how, PbsDecimal *out,
         GError **error)
{
  guint scale;

  switch (how)
    {
    case COMBINE_WEIGHTED:
      scale = max_scale (values, rc->from->len);
      return weighted_mean (rc, values, MIN (scale + 2, 6), MIN (scale, 6), out, error);
    case COMBINE_SAME:
      for (guint i = 1; i < rc->from->len; i++)
        if (!pbs_decimal_equal (&values[i], &values[0]))
          return row_error (rc, error, "durations do not add up, so every table must set the same "
                                       "limit for this row");
      *out = values[0];
      return TRUE;
    case COMBINE_MAX:
    case COMBINE_MIN:
      *out = values[0];
      for (guint i = 1; i < rc->from->len; i++)
        if ((pbs_decimal_compare (&values[i], out) > 0) == (how == COMBINE_MAX)
            && !pbs_decimal_equal (&values[i], out))
          *out = values[i];
      return TRUE;
    case COMBINE_SUM:
    default:
      pbs_decimal_init (out, 0, 0);
      for (guint i = 0; i < rc->from->len; i++)
        if (!pbs_decimal_add (out, &values[i], out))
          return overflow_error (rc, error);
      return TRUE;
    }
}

/* Units of time: a limit of 3 days in each table is not 6 days overall. */
static gboolean
is_duration (const char *unit)
{
  static const char * const units[] = {
    "天", "日", "个工作日", "工作日", "小时", "分钟", "个月", "月", "年", "周", "秒",
  };

  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    if (strcmp (unit, units[i]) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
is_relative (const char *unit)
{
  return strcmp (unit, "%") == 0;
}

static const char *
kind_name (PbsValueKind kind)
{
  static const char * const names[] = {
    [PBS_VALUE_QUANTITY] = "a number",
    [PBS_VALUE_QUALITATIVE] = "words",
    [PBS_VALUE_BOOLEAN] = "是/否",
    [PBS_VALUE_DATE] = "a date",
    [PBS_VALUE_RANGE] = "a range",
  };
  return (guint) kind < G_N_ELEMENTS (names) ? names[kind] : "?";
}

static const PbsValue *
target_of (const RowCtx *rc, guint i)
{
  return pbs_indicator_get_target (g_array_index (rc->from, Member, i).indicator);
}

static const PbsValue *
actual_of (const RowCtx *rc, guint i)
{
  return pbs_indicator_get_actual (g_array_index (rc->from, Member, i).indicator);
}

static gboolean
has_value (const PbsValue *v)
{
  return v != NULL && pbs_value_is_set (v);
}

/* Every table whose values count has an actual; otherwise the merged row
 * is left without one (unscored), never given a 0. */
static gboolean
all_actuals (const RowCtx *rc)
{
  for (guint i = 0; i < rc->from->len; i++)
    if (!has_value (actual_of (rc, i)))
      return FALSE;
  return TRUE;
}

/* Sets a value from text that the roll-up wrote itself. */
static gboolean
set_value (const RowCtx *rc, PbsIndicator *out, gboolean target, const char *text, GError **error)
{
  g_autoptr (GError) local = NULL;

  if (target ? pbs_indicator_set_target (out, text, &local) : pbs_indicator_set_actual (out, text, &local))
    return TRUE;
  return row_error (rc, error, "the merged %s “%s” cannot be read back: %s",
                    target ? "target" : "actual", text, local->message);
}

/* The actuals of a numeric row, in the target's unit. */
static gboolean
collect_actuals (const RowCtx *rc, const char *unit, PbsDecimal *values, GError **error)
{
  for (guint i = 0; i < rc->from->len; i++)
    {
      const Member *m = &g_array_index (rc->from, Member, i);
      const PbsValue *a = actual_of (rc, i);
      const char *au = pbs_value_get_unit (a);

      if (pbs_value_get_kind (a) != PBS_VALUE_QUANTITY || (*au != '\0' && strcmp (au, unit) != 0))
        {
          g_autofree char *l = label (m->evaluation, m->index);
          return row_error (rc, error, "the actual “%s” of %s is not a number in “%s”",
                            pbs_value_get_text (a), l, unit);
        }
      pbs_value_get_number (a, &values[i]);
    }
  return TRUE;
}

/* The operator and unit of every target must be the first's. */
static gboolean
check_same_sign_and_unit (const RowCtx *rc, GError **error)
{
  const Member *m0 = &g_array_index (rc->from, Member, 0);
  const PbsValue *t0 = target_of (rc, 0);

  for (guint i = 1; i < rc->from->len; i++)
    {
      const Member *m = &g_array_index (rc->from, Member, i);
      const PbsValue *t = target_of (rc, i);
      const char *what = NULL;

      if (strcmp (pbs_value_get_unit (t), pbs_value_get_unit (t0)) != 0)
        what = "units";
      else if (pbs_value_get_operator (t) != pbs_value_get_operator (t0))
        what = "signs";
      if (what != NULL)
        {
          g_autofree char *a = label (m0->evaluation, m0->index);
          g_autofree char *b = label (m->evaluation, m->index);
          return row_error (rc, error,
                            "the target is “%s” in %s but “%s” in %s: targets with different "
                            "%s cannot be rolled up",
                            pbs_value_get_text (t0), a, pbs_value_get_text (t), b, what);
        }
    }
  return TRUE;
}

/* ------------------------------------------------------ merging by kind */

typedef gboolean (*MergeFunc) (const RowCtx *rc, PbsIndicator *out, GError **error);


/* The merged actual of a quantity or range row: the actuals summed or
 * weighted like the targets, or none when any table lacks one (a missing
 * actual is never taken as 0). @values has room for every table. */
static gboolean
merge_actual (const RowCtx *rc, const char *unit, Combine how, PbsDecimal *values,
              PbsIndicator *out, GError **error)
{
  g_autofree char *number = NULL, *text = NULL;
  PbsDecimal merged;

  if (!all_actuals (rc))
    return TRUE;
  if (!collect_actuals (rc, unit, values, error) || !combine (rc, values, how, &merged, error))
    return FALSE;
  number = pbs_decimal_to_string (&merged);
  text = g_strconcat (number, unit, NULL);
  return set_value (rc, out, FALSE, text, error);
}

static gboolean
merge_quantity (const RowCtx *rc, PbsIndicator *out, GError **error)
{
  const PbsValue *t0 = target_of (rc, 0);
  const char *unit = pbs_value_get_unit (t0);
  PbsOperator op = pbs_value_get_operator (t0);
  gboolean duration = is_duration (unit);
  Combine targets = is_relative (unit) ? COMBINE_WEIGHTED : duration ? COMBINE_SAME : COMBINE_SUM;
  Combine actuals = !duration ? targets : (op == PBS_OP_GE || op == PBS_OP_GT) ? COMBINE_MIN : COMBINE_MAX;
  g_autofree PbsDecimal *values = g_new (PbsDecimal, rc->from->len);
  g_autofree char *number = NULL, *text = NULL;
  PbsDecimal merged;

  if (!check_same_sign_and_unit (rc, error))
    return FALSE;

  for (guint i = 0; i < rc->from->len; i++)
    pbs_value_get_number (target_of (rc, i), &values[i]);
  if (!combine (rc, values, targets, &merged, error))
    return FALSE;
  number = pbs_decimal_to_string (&merged);
  text = g_strconcat (pbs_operator_get_sign (op), number, unit, NULL);
  return set_value (rc, out, TRUE, text, error) && merge_actual (rc, unit, actuals, values, out, error);
}

static gboolean
merge_range (const RowCtx *rc, PbsIndicator *out, GError **error)
{
  const char *unit = pbs_value_get_unit (target_of (rc, 0));
  gboolean relative = is_relative (unit);
  g_autofree PbsDecimal *values = g_new (PbsDecimal, rc->from->len);
  g_autofree char *slo = NULL, *shi = NULL, *text = NULL;
  PbsDecimal lo, hi;

  if (!check_same_sign_and_unit (rc, error))
    return FALSE;

  for (guint i = 0; i < rc->from->len; i++)
    pbs_value_get_number (target_of (rc, i), &values[i]);
  if (!combine (rc, values, relative ? COMBINE_WEIGHTED : COMBINE_SUM, &lo, error))
    return FALSE;
  for (guint i = 0; i < rc->from->len; i++)
    pbs_value_get_high (target_of (rc, i), &values[i]);
  if (!combine (rc, values, relative ? COMBINE_WEIGHTED : COMBINE_SUM, &hi, error))
    return FALSE;
  /* "~", not "-": a negative high bound stays readable. */
  slo = pbs_decimal_to_string (&lo);
  shi = pbs_decimal_to_string (&hi);
  text = g_strconcat (slo, unit, "~", shi, unit, NULL);
  return set_value (rc, out, TRUE, text, error)
         && merge_actual (rc, unit, relative ? COMBINE_WEIGHTED : COMBINE_SUM, values, out, error);
}

/* A date given to the month counts as the end of that month: the later
 * reading of a deadline. */
static guint
date_key (const PbsValue *v)
{
  guint y = 0, m = 0, d = 0;

  pbs_value_get_date (v, &y, &m, &d);
  return y * 10000u + m * 100u + (d == 0 ? 32u : d);
}

static gboolean
merge_date (const RowCtx *rc, PbsIndicator *out, GError **error)
{
  const Member *m0 = &g_array_index (rc->from, Member, 0);
  const PbsValue *t0 = target_of (rc, 0);
  const PbsValue *latest = NULL;

  for (guint i = 1; i < rc->from->len; i++)
    {
      const Member *m = &g_array_index (rc->from, Member, i);
      const PbsValue *t = target_of (rc, i);
      guint y0, mo0, d0, y, mo, d;

      pbs_value_get_date (t0, &y0, &mo0, &d0);
      pbs_value_get_date (t, &y, &mo, &d);
      if (y != y0 || mo != mo0 || d != d0)
        {
          g_autofree char *a = label (m0->evaluation, m0->index);
          g_autofree char *b = label (m->evaluation, m->index);
          return row_error (rc, error,
                            "the deadline is “%s” in %s but “%s” in %s: date targets must be "
                            "the same to be rolled up",
                            pbs_value_get_text (t0), a, pbs_value_get_text (t), b);
        }
    }
  if (!set_value (rc, out, TRUE, pbs_value_get_text (t0), error))
    return FALSE;

  if (!all_actuals (rc))
    return TRUE;
  for (guint i = 0; i < rc->from->len; i++)
    {
      const Member *m = &g_array_index (rc->from, Member, i);
      const PbsValue *a = actual_of (rc, i);

      if (pbs_value_get_kind (a) != PBS_VALUE_DATE)
        {
          g_autofree char *l = label (m->evaluation, m->index);
          return row_error (rc, error, "the actual “%s” of %s is not a date",
                            pbs_value_get_text (a), l);
        }
      if (latest == NULL || date_key (a) > date_key (latest))
        latest = a;
    }
  return set_value (rc, out, FALSE, pbs_value_get_text (latest), error);
}

static gboolean
merge_boolean (const RowCtx *rc, PbsIndicator *out, GError **error)
{
  const Member *m0 = &g_array_index (rc->from, Member, 0);
  const PbsValue *t0 = target_of (rc, 0);
  gboolean all_yes = TRUE;

  for (guint i = 1; i < rc->from->len; i++)
    {
      const Member *m = &g_array_index (rc->from, Member, i);
      const PbsValue *t = target_of (rc, i);

      if (pbs_value_get_boolean (t) != pbs_value_get_boolean (t0))
        {
          g_autofree char *a = label (m0->evaluation, m0->index);
          g_autofree char *b = label (m->evaluation, m->index);
          return row_error (rc, error, "the target is “%s” in %s but “%s” in %s",
                            pbs_value_get_text (t0), a, pbs_value_get_text (t), b);
        }
    }
  if (!set_value (rc, out, TRUE, pbs_value_get_boolean (t0) ? "是" : "否", error))
    return FALSE;

  if (!all_actuals (rc))
    return TRUE;
  for (guint i = 0; i < rc->from->len; i++)
    {
      const Member *m = &g_array_index (rc->from, Member, i);
      const PbsValue *a = actual_of (rc, i);

      if (pbs_value_get_kind (a) != PBS_VALUE_BOOLEAN)
        {
          g_autofree char *l = label (m->evaluation, m->index);
          return row_error (rc, error, "the actual “%s” of %s is not 是 or 否",
                            pbs_value_get_text (a), l);
        }
      all_yes = all_yes && pbs_value_get_boolean (a);
    }
  return set_value (rc, out, FALSE, all_yes ? "是" : "否", error);
}

/* Worse bands compare greater. */
static int
band_badness (PbsBand band)
{
  switch (band)
    {
    case PBS_BAND_MET:
      return 1;
    case PBS_BAND_PARTIAL:
      return 2;
    case PBS_BAND_UNMET:
      return 3;
    case PBS_BAND_UNKNOWN:
    default:
      return 0;
    }
}

static gboolean
merge_qualitative (const RowCtx *rc, PbsIndicator *out, GError **error)
{
  static const char * const band_words[] = {
    [PBS_BAND_MET] = "达成",
    [PBS_BAND_PARTIAL] = "部分达成",
    [PBS_BAND_UNMET] = "未达成",
  };
  g_autofree PbsDecimal *scores = g_new (PbsDecimal, rc->from->len);
  PbsBand worst = PBS_BAND_MET;
  gboolean all_manual = TRUE;
  PbsDecimal mean;

  if (!set_value (rc, out, TRUE, pbs_value_get_text (target_of (rc, 0)), error))
    return FALSE;

  for (guint i = 0; i < rc->from->len; i++)
    all_manual = all_manual
                 && pbs_indicator_get_manual_score (g_array_index (rc->from, Member, i).indicator, &scores[i]);
  if (all_manual)
    {
      guint scale = max_scale (scores, rc->from->len);
      if (!weighted_mean (rc, scores, 2, MIN (scale, 2), &mean, error))
        return FALSE;
      pbs_indicator_set_manual_score (out, &mean);
    }

  if (!all_actuals (rc))
    return TRUE;
  for (guint i = 0; i < rc->from->len; i++)
    {
      const Member *m = &g_array_index (rc->from, Member, i);
      PbsBand band = pbs_indicator_get_band (m->indicator);

      if (band == PBS_BAND_UNKNOWN)
        band = pbs_value_get_band (actual_of (rc, i), target_of (rc, i));
      if (band == PBS_BAND_UNKNOWN)
        {
          g_autofree char *l = label (m->evaluation, m->index);
          return row_error (rc, error,
                            "the actual “%s” of %s names no band (达成 / 部分达成 / 未达成) "
                            "and no band is set",
                            pbs_value_get_text (actual_of (rc, i)), l);
        }
      if (band_badness (band) > band_badness (worst))
        worst = band;
    }
  return set_value (rc, out, FALSE, band_words[worst], error);
}

/* Indexed by the target's PbsValueKind. */
static const MergeFunc kind_mergers[] = {
  [PBS_VALUE_QUANTITY] = merge_quantity,
  [PBS_VALUE_QUALITATIVE] = merge_qualitative,
  [PBS_VALUE_BOOLEAN] = merge_boolean,
  [PBS_VALUE_DATE] = merge_date,
  [PBS_VALUE_RANGE] = merge_range,
};

/* ------------------------------------------------------ merging one row */

/* The step or band rule of every copy must be the first's. */
static gboolean
same_rule (const PbsIndicator *a, const PbsIndicator *b)
{
  PbsDecimal pa, da, pb, db;
  PbsStepMode ma, mb;
  gboolean sa = pbs_indicator_get_step (a, &pa, &da, &ma);
  gboolean sb = pbs_indicator_get_step (b, &pb, &db, &mb);
  guint n = pbs_indicator_get_n_score_bands (a);

  if (sa != sb || (sa && (!pbs_decimal_equal (&pa, &pb) || !pbs_decimal_equal (&da, &db) || ma != mb)))
    return FALSE;
  if (n != pbs_indicator_get_n_score_bands (b))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      PbsBandsMeasure xa, xb;
      PbsDecimal mina, maxa, sca, minb, maxb, scb;
      gboolean hmina, hmaxa, hminb, hmaxb;

      pbs_indicator_get_score_band (a, i, &xa, &mina, &hmina, &maxa, &hmaxa, &sca);
      pbs_indicator_get_score_band (b, i, &xb, &minb, &hminb, &maxb, &hmaxb, &scb);
      if (xa != xb || hmina != hminb || hmaxa != hmaxb || !pbs_decimal_equal (&sca, &scb)
          || (hmina && !pbs_decimal_equal (&mina, &minb)) || (hmaxa && !pbs_decimal_equal (&maxa, &maxb)))
        return FALSE;
    }
  return TRUE;
}

static void
copy_rule (const PbsIndicator *from, PbsIndicator *to)
{
  PbsDecimal per, deduct;
  PbsStepMode mode;
  guint n = pbs_indicator_get_n_score_bands (from);

  if (pbs_indicator_get_step (from, &per, &deduct, &mode))
    pbs_indicator_set_step (to, &per, &deduct, mode);
  for (guint i = 0; i < n; i++)
    {
      PbsBandsMeasure measure;
      PbsDecimal min, max, score;
      gboolean has_min, has_max;

      pbs_indicator_get_score_band (from, i, &measure, &min, &has_min, &max, &has_max, &score);
      if (i == 0)
        pbs_indicator_set_score_bands (to, measure);
      pbs_indicator_add_score_band (to, has_min ? &min : NULL, has_max ? &max : NULL, &score);
    }
}

/* Points and rules must agree across every copy of the row. */
static gboolean
check_members (const RowCtx *rc, GError **error)
{
  const Member *m0 = &g_array_index (rc->members, Member, 0);
  PbsDecimal p0, p;

  pbs_indicator_get_points (m0->indicator, &p0);
  for (guint i = 1; i < rc->members->len; i++)
    {
      const Member *m = &g_array_index (rc->members, Member, i);
      gboolean same_points;

      pbs_indicator_get_points (m->indicator, &p);
      same_points = pbs_decimal_equal (&p, &p0);
      if (!same_points || !same_rule (m0->indicator, m->indicator))
        {
          g_autofree char *a = label (m0->evaluation, m0->index);
          g_autofree char *b = label (m->evaluation, m->index);
          g_autofree char *sa = pbs_decimal_to_string (&p0);
          g_autofree char *sb = pbs_decimal_to_string (&p);

          if (same_points)
            return row_error (rc, error, "%s and %s score the row by different rules (step or bands)",
                              a, b);
          return row_error (rc, error,
                            "the row carries %s points in %s but %s in %s: a row must carry "
                            "the same points in every table to be rolled up",
                            sa, a, sb, b);
        }
    }
  return TRUE;
}

/* The kinds of the counted targets must agree; a missing target is only
 * allowed when every counted copy lacks one. */
static gboolean
check_targets (const RowCtx *rc, gboolean *any, GError **error)
{
  const Member *m0 = &g_array_index (rc->from, Member, 0);
  const PbsValue *t0 = target_of (rc, 0);

  *any = has_value (t0);
  for (guint i = 1; i < rc->from->len; i++)
    {
      const Member *m = &g_array_index (rc->from, Member, i);
      const PbsValue *t = target_of (rc, i);
      g_autofree char *a = NULL, *b = NULL;

      if (has_value (t) == *any && (!*any || pbs_value_get_kind (t) == pbs_value_get_kind (t0)))
        continue;
      a = label (m0->evaluation, m0->index);
      b = label (m->evaluation, m->index);
      if (has_value (t) != *any)
        return row_error (rc, error, "%s gives a target but %s gives none",
                          *any ? a : b, *any ? b : a);
      return row_error (rc, error, "the target is “%s” (%s) in %s but “%s” (%s) in %s",
                          pbs_value_get_text (t0), kind_name (pbs_value_get_kind (t0)), a,
                          pbs_value_get_text (t), kind_name (pbs_value_get_kind (t)), b);
    }
  return TRUE;
}

/* Funds weights: each table's 全年预算数; equal weights for the row when
 * any of its tables has a budget of 0 (or less), which would drop it. */
static PbsRational *
row_weights (GArray *from)
{
  PbsRational *w = g_new (PbsRational, from->len);
  gboolean equal = FALSE;

  for (guint i = 0; i < from->len; i++)
    {
      PbsDecimal annual;

      /* No 全年预算数 (§11): no weight, so every table weighs the same. */
      if (!pbs_budget_get_annual (pbs_evaluation_get_budget (g_array_index (from, Member, i).evaluation), &annual))
        pbs_decimal_init (&annual, 0, 0);
      pbs_rational_from_decimal (&w[i], &annual);
      equal = equal || pbs_rational_sign (&w[i]) <= 0;
    }
  if (equal)
    for (guint i = 0; i < from->len; i++)
      pbs_rational_from_int (&w[i], 1);
  return w;
}

static void
merge_reasons (GArray *members, PbsIndicator *out)
{
  g_autoptr (GPtrArray) seen = g_ptr_array_new ();
  g_autoptr (GString) joined = g_string_new ("");

  for (guint i = 0; i < members->len; i++)
    {
      const char *r = pbs_indicator_get_reason (g_array_index (members, Member, i).indicator);
      gboolean dup = FALSE;

      if (r == NULL || !pbs_lex_is_reason (r))
        continue;
      for (guint j = 0; j < seen->len && !dup; j++)
        dup = strcmp (g_ptr_array_index (seen, j), r) == 0;
      if (dup)
        continue;
      g_ptr_array_add (seen, (gpointer) r);
      if (joined->len > 0)
        g_string_append (joined, "；");
      g_string_append (joined, r);
    }
  pbs_indicator_set_reason (out, joined->str);
}

static PbsIndicator *
merge_row (guint row, GArray *members, GError **error)
{
  const PbsIndicator *first = g_array_index (members, Member, 0).indicator;
  g_autoptr (PbsIndicator) out = NULL;
  g_autoptr (GArray) from = g_array_new (FALSE, FALSE, sizeof (Member));
  g_autofree PbsRational *weights = NULL;
  RowCtx rc = { row, pbs_indicator_get_name (first), members, NULL, NULL };
  PbsDecimal points;
  PbsBand band;
  gboolean not_applicable = TRUE, any_target;

  if (!check_members (&rc, error))
    return NULL;
  pbs_indicator_get_points (first, &points);
  out = pbs_indicator_new (pbs_indicator_get_level1 (first), pbs_indicator_get_level2 (first),
                           pbs_indicator_get_name (first), &points);
  pbs_indicator_set_parent (out, pbs_indicator_get_parent (first));
  copy_rule (first, out);
  merge_reasons (members, out);

  /* Values come from the tables where the row applies; a row that applies
   * nowhere keeps the values of all, and stays not applicable. */
  for (guint i = 0; i < members->len; i++)
    if (!pbs_indicator_get_not_applicable (g_array_index (members, Member, i).indicator))
      {
        g_array_append_val (from, g_array_index (members, Member, i));
        not_applicable = FALSE;
      }
  if (not_applicable)
    g_array_append_vals (from, members->data, members->len);
  pbs_indicator_set_not_applicable (out, not_applicable);
  rc.from = from;
  rc.weights = weights = row_weights (from);

  band = pbs_indicator_get_band (g_array_index (from, Member, 0).indicator);
  for (guint i = 1; i < from->len; i++)
    if (pbs_indicator_get_band (g_array_index (from, Member, i).indicator) != band)
      band = PBS_BAND_UNKNOWN;
  pbs_indicator_set_band (out, band);

  if (!check_targets (&rc, &any_target, error))
    return NULL;
  if (any_target)
    {
      PbsValueKind kind = pbs_value_get_kind (target_of (&rc, 0));

      g_assert ((guint) kind < G_N_ELEMENTS (kind_mergers));
      if (!kind_mergers[kind] (&rc, out, error))
        return NULL;
    }
  return g_steal_pointer (&out);
}

/* Rows are matched by (level 1, level 2, name) and, for a name a table
 * repeats, by its occurrence; merged rows come in order of first
 * appearance. */
static gboolean
merge_rows (PbsRollup *self, PbsEvaluation *out, GError **error)
{
  g_autoptr (GHashTable) index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GPtrArray) groups = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  for (guint i = 0; i < self->scorecards->len; i++)
    {
      PbsEvaluation *e = evaluation_at (self, i);
      g_autoptr (GHashTable) occurrences = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      for (guint j = 0; j < pbs_evaluation_get_n_indicators (e); j++)
        {
          PbsIndicator *ind = pbs_evaluation_get_indicator (e, j);
          Member m = { e, ind, i };
          char *base = g_strjoin ("\x1f", pbs_indicator_get_level1 (ind), pbs_indicator_get_level2 (ind),
                                  pbs_indicator_get_name (ind), NULL);
          guint n = GPOINTER_TO_UINT (g_hash_table_lookup (occurrences, base));
          g_autofree char *key = g_strdup_printf ("%s\x1f%u", base, n);
          gpointer slot;
          GArray *group;

          g_hash_table_replace (occurrences, base, GUINT_TO_POINTER (n + 1));
          if (g_hash_table_lookup_extended (index, key, NULL, &slot))
            group = g_ptr_array_index (groups, GPOINTER_TO_UINT (slot));
          else
            {
              group = g_array_new (FALSE, FALSE, sizeof (Member));
              g_hash_table_insert (index, g_steal_pointer (&key), GUINT_TO_POINTER (groups->len));
              g_ptr_array_add (groups, group);
            }
          g_array_append_val (group, m);
        }
    }

  for (guint r = 0; r < groups->len; r++)
    {
      g_autoptr (PbsIndicator) ind = merge_row (r + 1, g_ptr_array_index (groups, r), error);

      if (ind == NULL)
        return FALSE;
      pbs_evaluation_add_indicator (out, ind);
    }
  return TRUE;
}

/**
 * pbs_rollup_merge:
 * @self: a #PbsRollup
 * @title: (nullable): the 项目名称 of the merged table
 * @error: return location for a #GError, or %NULL
 *
 * Rolls every evaluation added up into one new table (rule book §8,
 * Baoshan): rows are matched by level 1, level 2 and name; absolute values
 * (项, 件, 万元, 天… or no unit) are summed, relative ones (%) are the mean
 * weighted by each table's 全年预算数; the budget line is summed. A row
 * whose actual is missing in any table has no merged actual: it stays
 * unscored. doc/rollup.md gives every rule.
 *
 * The result keeps the first evaluation's template and policy; score it
 * with pbs_evaluation_score(). Printed scores are not carried over: they
 * belong to the single tables.
 *
 * Returns: (transfer full) (nullable): the merged evaluation, or %NULL with
 *   @error set: %PBS_SCORE_ERROR_ROLLUP when the tables cannot be merged
 *   (no table, different money units, a row with different points, units,
 *   signs or kinds — the message names the row and both tables), or
 *   %PBS_SCORE_ERROR_OVERFLOW
 *
 * Since: 0.1
 */
PbsEvaluation *
pbs_rollup_merge (PbsRollup *self, const char *title, GError **error)
{
  g_autoptr (PbsEvaluation) merged = NULL;
  PbsEvaluation *first;

  g_return_val_if_fail (PBS_IS_ROLLUP (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (self->scorecards->len == 0)
    {
      rollup_error (error, "there is nothing to roll up: add at least one scored evaluation");
      return NULL;
    }
  first = evaluation_at (self, 0);
  merged = pbs_evaluation_new ();
  pbs_evaluation_set_title (merged, title);
  if (!merge_header (self, merged, error) || !merge_budget (self, merged, error)
      || !merge_rows (self, merged, error))
    return NULL;
  pbs_evaluation_set_template (merged, pbs_evaluation_get_template (first));
  pbs_evaluation_set_policy (merged, pbs_evaluation_get_policy (first));
  return g_steal_pointer (&merged);
}
