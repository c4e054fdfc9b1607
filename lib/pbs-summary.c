/* pbs-summary.c - a batch of scored evaluations summed up by group
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * What a finance department asks of a batch (`pbscore summary`, doc/cli.md):
 * per group of 主管部门, 实施单位, year or template, how many evaluations,
 * how many of each grade, the spread of the totals, and the money spent
 * against the money budgeted, in 万元. Totals and amounts are exact
 * decimals; the mean, an even median and the rate are rounded once, half
 * up, where they are read.
 */
#include "config.h"

#include <string.h>

#include "pbs-decimal-private.h"

/**
 * PbsSummary:
 *
 * Scored evaluations counted and summed by group: the groups are the
 * distinct values of the keys given with pbs_summary_add_key() (nested:
 * one group per combination of values), or one group of everything when
 * no key is given.
 *
 * Per group: the number of evaluations, the count per grade and of the
 * incomplete ones (%PBS_GRADE_NONE), the minimum, median, mean and maximum
 * total of the complete ones (an incomplete total is a partial sum, rule
 * book §10), Σ全年预算数 and Σ全年执行数 in 万元 (tables in 元 are
 * converted exactly) and the execution rate weighted by funds,
 * Σ全年执行数 / Σ全年预算数. An evaluation without both amounts is left
 * out of the sums and counted (pbs_summary_get_n_without_amounts()).
 *
 * Groups are in the order of their values: text by code point, years by
 * number, a missing value last.
 *
 * Since: 0.1
 */

#define N_GRADES (PBS_GRADE_POOR + 1)

typedef struct {
  char      **values;       /* one per key, each nullable */
  guint       n_values;
  guint       count;
  guint       grades[N_GRADES];
  GArray     *totals;       /* PbsDecimal: the complete evaluations' */
  gboolean    sorted;
  PbsDecimal  sum;          /* of the totals */
  guint       digits;       /* the most digits of a total */
  PbsDecimal  annual;       /* 万元 */
  PbsDecimal  executed;     /* 万元 */
  guint       n_amounts;
  guint       n_without;
} Group;

struct _PbsSummary
{
  GObject     parent_instance;
  GArray     *keys;         /* PbsSummaryKey */
  GHashTable *index;        /* joined values → Group*, borrowed */
  GPtrArray  *groups;       /* Group*, owned */
  gboolean    sorted;
  guint       n_evaluations;
};

G_DEFINE_FINAL_TYPE (PbsSummary, pbs_summary, G_TYPE_OBJECT)

static void
group_free (Group *g)
{
  for (guint k = 0; k < g->n_values; k++)
    g_free (g->values[k]);
  g_free (g->values);
  g_array_unref (g->totals);
  g_free (g);
}

static void
pbs_summary_finalize (GObject *object)
{
  PbsSummary *self = PBS_SUMMARY (object);

  g_array_unref (self->keys);
  g_hash_table_unref (self->index);
  g_ptr_array_unref (self->groups);
  G_OBJECT_CLASS (pbs_summary_parent_class)->finalize (object);
}

static void
pbs_summary_class_init (PbsSummaryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pbs_summary_finalize;
}

static void
pbs_summary_init (PbsSummary *self)
{
  self->keys = g_array_new (FALSE, FALSE, sizeof (PbsSummaryKey));
  self->index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->groups = g_ptr_array_new_with_free_func ((GDestroyNotify) group_free);
}

/**
 * pbs_summary_new:
 *
 * Creates an empty summary of one group; add keys with
 * pbs_summary_add_key(), then scorecards with pbs_summary_add().
 *
 * Returns: (transfer full): a new #PbsSummary
 *
 * Since: 0.1
 */
PbsSummary *
pbs_summary_new (void)
{
  return g_object_new (PBS_TYPE_SUMMARY, NULL);
}

/**
 * pbs_summary_add_key:
 * @self: a #PbsSummary without scorecards yet
 * @key: what to group by
 *
 * Groups the evaluations by @key within the groups of the keys added
 * before it, as `pbscore summary --by department --by year` does.
 *
 * Since: 0.1
 */
void
pbs_summary_add_key (PbsSummary *self, PbsSummaryKey key)
{
  g_return_if_fail (PBS_IS_SUMMARY (self));
  g_return_if_fail (key <= PBS_SUMMARY_KEY_TEMPLATE);
  g_return_if_fail (self->n_evaluations == 0);

  g_array_append_val (self->keys, key);
}

/**
 * pbs_summary_get_n_keys:
 * @self: a #PbsSummary
 *
 * Returns: how many keys the groups have
 *
 * Since: 0.1
 */
guint
pbs_summary_get_n_keys (PbsSummary *self)
{
  g_return_val_if_fail (PBS_IS_SUMMARY (self), 0);

  return self->keys->len;
}

/**
 * pbs_summary_get_key:
 * @self: a #PbsSummary
 * @index: a key's number, from 0
 *
 * Returns: the key added @index-th
 *
 * Since: 0.1
 */
PbsSummaryKey
pbs_summary_get_key (PbsSummary *self, guint index)
{
  g_return_val_if_fail (PBS_IS_SUMMARY (self), PBS_SUMMARY_KEY_DEPARTMENT);
  g_return_val_if_fail (index < self->keys->len, PBS_SUMMARY_KEY_DEPARTMENT);

  return g_array_index (self->keys, PbsSummaryKey, index);
}

/* The evaluation's value of @key; NULL when it has none. */
static char *
dup_value (PbsEvaluation *e, PbsSummaryKey key)
{
  const char *text = NULL;
  PbsTemplate *t;

  switch (key)
    {
    case PBS_SUMMARY_KEY_DEPARTMENT:
      text = pbs_evaluation_get_department (e);
      break;
    case PBS_SUMMARY_KEY_UNIT:
      text = pbs_evaluation_get_unit (e);
      break;
    case PBS_SUMMARY_KEY_YEAR:
      return pbs_evaluation_get_year (e) > 0 ? g_strdup_printf ("%d", pbs_evaluation_get_year (e))
                                             : NULL;
    case PBS_SUMMARY_KEY_TEMPLATE:
    default:
      t = pbs_evaluation_get_template (e);
      text = t != NULL ? pbs_template_get_name (t) : NULL;
      break;
    }
  return text != NULL && *text != '\0' ? g_strdup (text) : NULL;
}

/* An amount of @e's money block in 万元: 元 are divided by 10,000
 * exactly (the point moves four places). */
static gboolean
amount_in_wan (PbsEvaluation *e, const PbsDecimal *amount, PbsDecimal *out)
{
  PbsDecimal ten_thousand;

  if (pbs_evaluation_get_currency (e) != PBS_CURRENCY_YUAN)
    {
      *out = *amount;
      return TRUE;
    }
  if (amount->scale + 4 <= PBS_DECIMAL_MAX_SCALE)
    {
      pbs_decimal_init (out, amount->value, amount->scale + 4);
      return TRUE;
    }
  pbs_decimal_init (&ten_thousand, 10000, 0);
  return pbs_decimal_div (amount, &ten_thousand, PBS_DECIMAL_MAX_SCALE, PBS_ROUNDING_HALF_UP, out);
}

static void
set_overflow (GError **error, PbsEvaluation *e, const char *what)
{
  const char *source = pbs_evaluation_get_source (e);

  g_set_error (error, PBS_SCORE_ERROR, PBS_SCORE_ERROR_OVERFLOW,
               "%s%s%s: the sum of the %s goes beyond the exact range",
               source != NULL ? source : "", source != NULL ? ": " : "",
               pbs_evaluation_get_title (e), what);
}

/* @self's group of @e, made when new. */
static Group *
group_for (PbsSummary *self, PbsEvaluation *e)
{
  g_autofree char **values = g_new0 (char *, self->keys->len + 1);
  g_autoptr (GString) joined = g_string_new (NULL);
  Group *g;

  for (guint k = 0; k < self->keys->len; k++)
    {
      values[k] = dup_value (e, g_array_index (self->keys, PbsSummaryKey, k));
      /* a missing value is \x01, which no text read from a document holds
       * before a \x1f separator */
      g_string_append (joined, values[k] != NULL ? values[k] : "\x01");
      g_string_append_c (joined, '\x1f');
    }
  g = g_hash_table_lookup (self->index, joined->str);
  if (g != NULL)
    {
      for (guint k = 0; k < self->keys->len; k++)
        g_free (values[k]);
      return g;
    }
  g = g_new0 (Group, 1);
  /* values may hold NULLs: they are freed key by key, not as a GStrv */
  g->values = g_steal_pointer (&values);
  g->n_values = self->keys->len;
  g->totals = g_array_new (FALSE, FALSE, sizeof (PbsDecimal));
  pbs_decimal_init (&g->sum, 0, 0);
  pbs_decimal_init (&g->annual, 0, 0);
  pbs_decimal_init (&g->executed, 0, 0);
  g_hash_table_insert (self->index, g_string_free (g_steal_pointer (&joined), FALSE), g);
  g_ptr_array_add (self->groups, g);
  self->sorted = FALSE;
  return g;
}

/**
 * pbs_summary_add:
 * @self: a #PbsSummary
 * @scorecard: a scored evaluation
 * @error: return location for a #GError
 *
 * Counts @scorecard in its group. Fails with %PBS_SCORE_ERROR_OVERFLOW,
 * counting nothing, when a sum would leave the exact range of a
 * #PbsDecimal.
 *
 * Returns: %TRUE when counted
 *
 * Since: 0.1
 */
gboolean
pbs_summary_add (PbsSummary *self, PbsScorecard *scorecard, GError **error)
{
  PbsEvaluation *e;
  PbsBudget *budget;
  PbsDecimal total, sum, annual, executed, a, x;
  gboolean amounts = FALSE;
  gboolean complete;
  Group *g;

  g_return_val_if_fail (PBS_IS_SUMMARY (self), FALSE);
  g_return_val_if_fail (scorecard != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  e = pbs_scorecard_get_evaluation (scorecard);
  budget = pbs_evaluation_get_budget (e);
  complete = pbs_scorecard_is_complete (scorecard);
  pbs_scorecard_get_total (scorecard, &total);
  /* every sum first, so that a failure counts nothing */
  g = group_for (self, e);
  sum = g->sum;
  if (complete && !pbs_decimal_add (&g->sum, &total, &sum))
    {
      set_overflow (error, e, "totals");
      return FALSE;
    }
  annual = g->annual;
  executed = g->executed;
  if (budget != NULL && pbs_budget_get_annual (budget, &a) && pbs_budget_get_executed (budget, &x))
    {
      PbsDecimal aw, xw;

      if (!amount_in_wan (e, &a, &aw) || !amount_in_wan (e, &x, &xw)
          || !pbs_decimal_add (&g->annual, &aw, &annual)
          || !pbs_decimal_add (&g->executed, &xw, &executed))
        {
          set_overflow (error, e, "全年预算数 or 全年执行数");
          return FALSE;
        }
      amounts = TRUE;
    }
  g->count++;
  g->grades[pbs_scorecard_get_grade (scorecard)]++;
  if (complete)
    {
      g->sum = sum;
      g->digits = MAX (g->digits, (guint) total.scale);
      g_array_append_val (g->totals, total);
      g->sorted = FALSE;
    }
  if (amounts)
    {
      g->annual = annual;
      g->executed = executed;
      g->n_amounts++;
    }
  else
    g->n_without++;
  self->n_evaluations++;
  return TRUE;
}

/**
 * pbs_summary_get_n_evaluations:
 * @self: a #PbsSummary
 *
 * Returns: how many scorecards were counted
 *
 * Since: 0.1
 */
guint
pbs_summary_get_n_evaluations (PbsSummary *self)
{
  g_return_val_if_fail (PBS_IS_SUMMARY (self), 0);

  return self->n_evaluations;
}

/* A missing value last; years by number; text by code point (UTF-8
 * bytes compare in code-point order). */
static int
compare_values (PbsSummaryKey key, const char *a, const char *b)
{
  if (a == NULL || b == NULL)
    return (a == NULL) - (b == NULL);
  if (key == PBS_SUMMARY_KEY_YEAR)
    {
      gint64 x = g_ascii_strtoll (a, NULL, 10), y = g_ascii_strtoll (b, NULL, 10);

      return (x > y) - (x < y);
    }
  return strcmp (a, b);
}

static int
compare_groups (gconstpointer pa, gconstpointer pb, gpointer data)
{
  const Group *a = *(Group * const *) pa;
  const Group *b = *(Group * const *) pb;
  GArray *keys = data;

  for (guint k = 0; k < keys->len; k++)
    {
      int c = compare_values (g_array_index (keys, PbsSummaryKey, k), a->values[k], b->values[k]);

      if (c != 0)
        return c;
    }
  return 0;
}

static Group *
get_group (PbsSummary *self, guint group)
{
  if (!self->sorted)
    {
      g_ptr_array_sort_with_data (self->groups, compare_groups, self->keys);
      self->sorted = TRUE;
    }
  return g_ptr_array_index (self->groups, group);
}

/**
 * pbs_summary_get_n_groups:
 * @self: a #PbsSummary
 *
 * Returns: how many groups the counted scorecards fall in (0 before the
 *   first)
 *
 * Since: 0.1
 */
guint
pbs_summary_get_n_groups (PbsSummary *self)
{
  g_return_val_if_fail (PBS_IS_SUMMARY (self), 0);

  return self->groups->len;
}

/**
 * pbs_summary_get_group_value:
 * @self: a #PbsSummary
 * @group: a group's number, from 0
 * @key: a key's number, from 0 (in the order of pbs_summary_add_key())
 *
 * Gets the group's value of a key: the 主管部门, 实施单位, template name,
 * or the year's digits.
 *
 * Returns: (transfer none) (nullable): the value, or %NULL for the
 *   evaluations that have none
 *
 * Since: 0.1
 */
const char *
pbs_summary_get_group_value (PbsSummary *self, guint group, guint key)
{
  g_return_val_if_fail (PBS_IS_SUMMARY (self), NULL);
  g_return_val_if_fail (group < self->groups->len, NULL);
  g_return_val_if_fail (key < self->keys->len, NULL);

  return get_group (self, group)->values[key];
}

/**
 * pbs_summary_get_count:
 * @self: a #PbsSummary
 * @group: a group's number, from 0
 *
 * Returns: how many evaluations the group holds
 *
 * Since: 0.1
 */
guint
pbs_summary_get_count (PbsSummary *self, guint group)
{
  g_return_val_if_fail (PBS_IS_SUMMARY (self), 0);
  g_return_val_if_fail (group < self->groups->len, 0);

  return get_group (self, group)->count;
}

/**
 * pbs_summary_get_grade_count:
 * @self: a #PbsSummary
 * @group: a group's number, from 0
 * @grade: a grade, or %PBS_GRADE_NONE for the incomplete evaluations
 *
 * Returns: how many of the group's evaluations have @grade
 *
 * Since: 0.1
 */
guint
pbs_summary_get_grade_count (PbsSummary *self, guint group, PbsGrade grade)
{
  g_return_val_if_fail (PBS_IS_SUMMARY (self), 0);
  g_return_val_if_fail (group < self->groups->len, 0);
  g_return_val_if_fail (grade < N_GRADES, 0);

  return get_group (self, group)->grades[grade];
}

static int
compare_decimals (gconstpointer a, gconstpointer b)
{
  return pbs_decimal_compare (a, b);
}

/* (a + b) / 2 or sum / n, half up to the group's digits (at least 2). */
static gboolean
mean_of (const Group *g, const PbsDecimal *sum, guint n, PbsDecimal *out)
{
  PbsDecimal count;

  pbs_decimal_init (&count, n, 0);
  return pbs_decimal_div (sum, &count, MAX (2u, g->digits), PBS_ROUNDING_HALF_UP, out);
}

/**
 * pbs_summary_get_total:
 * @self: a #PbsSummary
 * @group: a group's number, from 0
 * @stat: which statistic
 * @out: (out caller-allocates): the total
 *
 * Gets a statistic of the totals of the group's complete evaluations
 * (#PbsSummaryStat says how the mean and an even median are rounded).
 *
 * Returns: %FALSE, leaving @out alone, when the group has no complete
 *   evaluation
 *
 * Since: 0.1
 */
gboolean
pbs_summary_get_total (PbsSummary *self, guint group, PbsSummaryStat stat, PbsDecimal *out)
{
  Group *g;
  guint n;

  g_return_val_if_fail (PBS_IS_SUMMARY (self), FALSE);
  g_return_val_if_fail (group < self->groups->len, FALSE);
  g_return_val_if_fail (stat <= PBS_SUMMARY_STAT_MAX, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  g = get_group (self, group);
  n = g->totals->len;
  if (n == 0)
    return FALSE;
  if (!g->sorted)
    {
      g_array_sort (g->totals, compare_decimals);
      g->sorted = TRUE;
    }
  switch (stat)
    {
    case PBS_SUMMARY_STAT_MIN:
      *out = g_array_index (g->totals, PbsDecimal, 0);
      return TRUE;
    case PBS_SUMMARY_STAT_MAX:
      *out = g_array_index (g->totals, PbsDecimal, n - 1);
      return TRUE;
    case PBS_SUMMARY_STAT_MEAN:
      return mean_of (g, &g->sum, n, out);
    case PBS_SUMMARY_STAT_MEDIAN:
    default:
      if (n % 2 == 1)
        {
          *out = g_array_index (g->totals, PbsDecimal, n / 2);
          return TRUE;
        }
      else
        {
          PbsDecimal two;

          /* two totals of the same group cannot overflow their sum: the
           * group's sum of all of them did not */
          if (!pbs_decimal_add (&g_array_index (g->totals, PbsDecimal, n / 2 - 1),
                                &g_array_index (g->totals, PbsDecimal, n / 2), &two))
            return FALSE;
          return mean_of (g, &two, 2, out);
        }
    }
}

/* @d with two decimals, or more when they are not zeros, as money is
 * shown: 1234.560000 → 1234.56, 165 → 165.00. */
static void
money (const PbsDecimal *d, PbsDecimal *out)
{
  *out = *d;
  while (out->scale > 2 && out->value % 10 == 0)
    {
      out->value /= 10;
      out->scale--;
    }
  while (out->scale < 2 && out->value > G_MININT64 / 10 && out->value < G_MAXINT64 / 10)
    {
      out->value *= 10;
      out->scale++;
    }
}

/* A money sum of @group into @out, as money is shown; FALSE when no
 * evaluation of the group has both amounts. */
static gboolean
get_sum (PbsSummary *self, guint group, gboolean executed, PbsDecimal *out)
{
  Group *g;

  g_return_val_if_fail (PBS_IS_SUMMARY (self), FALSE);
  g_return_val_if_fail (group < self->groups->len, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  g = get_group (self, group);
  if (g->n_amounts == 0)
    return FALSE;
  money (executed ? &g->executed : &g->annual, out);
  return TRUE;
}

/**
 * pbs_summary_get_annual:
 * @self: a #PbsSummary
 * @group: a group's number, from 0
 * @out: (out caller-allocates): the sum, in 万元
 *
 * Gets Σ全年预算数 of the group's evaluations that have both 全年预算数 and
 * 全年执行数, in 万元 (amounts in 元 divided by 10,000, exactly), with at
 * least two decimals.
 *
 * Returns: %FALSE, leaving @out alone, when no evaluation of the group has
 *   both amounts
 *
 * Since: 0.1
 */
gboolean
pbs_summary_get_annual (PbsSummary *self, guint group, PbsDecimal *out)
{
  return get_sum (self, group, FALSE, out);
}

/**
 * pbs_summary_get_executed:
 * @self: a #PbsSummary
 * @group: a group's number, from 0
 * @out: (out caller-allocates): the sum, in 万元
 *
 * Gets Σ全年执行数 of the evaluations pbs_summary_get_annual() sums, in
 * 万元.
 *
 * Returns: %FALSE, leaving @out alone, when no evaluation of the group has
 *   both amounts
 *
 * Since: 0.1
 */
gboolean
pbs_summary_get_executed (PbsSummary *self, guint group, PbsDecimal *out)
{
  return get_sum (self, group, TRUE, out);
}

/**
 * pbs_summary_get_rate:
 * @self: a #PbsSummary
 * @group: a group's number, from 0
 * @out: (out caller-allocates): the rate, a percentage
 *
 * Gets the group's execution rate weighted by funds: Σ全年执行数 /
 * Σ全年预算数 × 100, rounded half up to two decimals (93.45 for 93.45 %).
 *
 * Returns: %FALSE, leaving @out alone, when there is no amount or
 *   Σ全年预算数 is zero
 *
 * Since: 0.1
 */
gboolean
pbs_summary_get_rate (PbsSummary *self, guint group, PbsDecimal *out)
{
  PbsDecimal hundred, percent;
  Group *g;

  g_return_val_if_fail (PBS_IS_SUMMARY (self), FALSE);
  g_return_val_if_fail (group < self->groups->len, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  g = get_group (self, group);
  if (g->n_amounts == 0 || pbs_decimal_sign (&g->annual) == 0)
    return FALSE;
  pbs_decimal_init (&hundred, 100, 0);
  if (!pbs_decimal_mul (&g->executed, &hundred, &percent))
    return FALSE;
  return pbs_decimal_div (&percent, &g->annual, 2, PBS_ROUNDING_HALF_UP, out);
}

/**
 * pbs_summary_get_n_without_amounts:
 * @self: a #PbsSummary
 * @group: a group's number, from 0
 *
 * Returns: how many of the group's evaluations lack 全年预算数 or
 *   全年执行数, and so are left out of the sums and the rate
 *
 * Since: 0.1
 */
guint
pbs_summary_get_n_without_amounts (PbsSummary *self, guint group)
{
  g_return_val_if_fail (PBS_IS_SUMMARY (self), 0);
  g_return_val_if_fail (group < self->groups->len, 0);

  return get_group (self, group)->n_without;
}
