/* pbs-evaluation.c - a self-evaluation table (绩效自评表)
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>

#include "pbs-evaluation-private.h"
#include "pbs-indicator-private.h"
#include "pbs-budget-private.h"
#include "pbs-template-private.h"
#include "pbs-policy-private.h"
#include "pbs-decimal-private.h"

/**
 * PbsEvaluation:
 *
 * One self-evaluation table: its header (title, department, implementing
 * unit, year, money unit), the budget line and the indicator rows in table
 * order. Score it with pbs_evaluation_score().
 *
 * Since: 0.1
 */
struct _PbsEvaluation
{
  gatomicrefcount ref_count;
  gboolean     sealed;       /* scored: read-only (pbs_evaluation_seal) */
  char        *title;
  char        *department;
  char        *unit;
  guint        year;
  PbsCurrency  currency;
  PbsBudget   *budget;
  PbsTemplate *template_;    /* nullable */
  PbsPolicy   *policy;       /* nullable: the document's own policy */
  char        *template_ref; /* nullable: `template:` as written */
  char        *policy_ref;   /* nullable: `policy:` as written */
  PbsDecimal   printed_total;
  gboolean     has_printed_total;
  PbsGrade     printed_grade; /* PBS_GRADE_NONE when the table prints none */
  char        *source;       /* nullable: the file it was read from */
  guint        line;         /* the document's place in it */
  guint        column;
  GPtrArray   *indicators;   /* PbsIndicator*, owned */
  char        *goals_expected;   /* the form's informational text: never "" -> NULL */
  char        *goals_achieved;
  char        *signoff_manager;
  char        *signoff_preparer;
  char        *signoff_phone;
  char        *signoff_date;
  GArray      *unfilled;     /* Unfilled, nullable: placeholders left in fields (§11) */
};

typedef struct {
  const char *field;   /* static: the key */
  guint       row;     /* 1-based, 0 for the document's own fields */
  guint       line;
  guint       column;
} Unfilled;

G_DEFINE_BOXED_TYPE (PbsEvaluation, pbs_evaluation, pbs_evaluation_ref, pbs_evaluation_unref)

/**
 * pbs_evaluation_new:
 *
 * Creates an empty table (amounts in 万元).
 *
 * Returns: (transfer full): a new #PbsEvaluation
 *
 * Since: 0.1
 */
PbsEvaluation *
pbs_evaluation_new (void)
{
  PbsEvaluation *self = g_new0 (PbsEvaluation, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->title = g_strdup ("");
  self->goals_expected = g_strdup ("");
  self->goals_achieved = g_strdup ("");
  self->signoff_manager = g_strdup ("");
  self->signoff_preparer = g_strdup ("");
  self->signoff_phone = g_strdup ("");
  self->signoff_date = g_strdup ("");
  self->department = g_strdup ("");
  self->unit = g_strdup ("");
  self->currency = PBS_CURRENCY_WAN_YUAN;
  self->indicators = g_ptr_array_new_with_free_func ((GDestroyNotify) pbs_indicator_unref);
  return self;
}

/**
 * pbs_evaluation_ref:
 * @self: a #PbsEvaluation
 *
 * Takes a reference on the evaluation.
 *
 * Returns: (transfer full): @self, with one more reference
 *
 * Since: 0.1
 */
PbsEvaluation *
pbs_evaluation_ref (PbsEvaluation *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

/**
 * pbs_evaluation_unref:
 * @self: (transfer full): a #PbsEvaluation
 *
 * Drops a reference; the last one frees @self.
 *
 * Since: 0.1
 */
void
pbs_evaluation_unref (PbsEvaluation *self)
{
  g_return_if_fail (self != NULL);
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_free (self->goals_expected);
  g_free (self->goals_achieved);
  g_free (self->signoff_manager);
  g_free (self->signoff_preparer);
  g_free (self->signoff_phone);
  g_free (self->signoff_date);
  g_free (self->title);
  g_free (self->department);
  g_free (self->unit);
  g_clear_pointer (&self->budget, pbs_budget_unref);
  g_clear_pointer (&self->template_, pbs_template_unref);
  g_clear_pointer (&self->policy, pbs_policy_unref);
  g_free (self->template_ref);
  g_free (self->policy_ref);
  g_free (self->source);
  g_clear_pointer (&self->indicators, g_ptr_array_unref);
  g_clear_pointer (&self->unfilled, g_array_unref);
  g_free (self);
}

/**
 * pbs_evaluation_seal:
 * @self: a #PbsEvaluation
 *
 * Makes @self read-only, with every row and its budget: a setter called
 * on it afterwards is a programmer error (a critical, and nothing
 * changes). Scoring seals the evaluation it scores, so that a scorecard
 * always describes the inputs it was computed from; to try other
 * values, change a copy (pbs_evaluation_copy()). Sealing is for good.
 *
 * Since: 0.1
 */
void
pbs_evaluation_seal (PbsEvaluation *self)
{
  g_return_if_fail (self != NULL);
  if (self->sealed)
    return;
  self->sealed = TRUE;
  if (self->budget != NULL)
    pbs_budget_seal (self->budget);
  for (guint i = 0; i < self->indicators->len; i++)
    pbs_indicator_seal (g_ptr_array_index (self->indicators, i));
}

/**
 * pbs_evaluation_is_sealed:
 * @self: a #PbsEvaluation
 *
 * Tells whether @self was sealed (by scoring it, or by
 * pbs_evaluation_seal()).
 *
 * Returns: %TRUE when @self can no longer be changed
 *
 * Since: 0.1
 */
gboolean
pbs_evaluation_is_sealed (PbsEvaluation *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->sealed;
}

/**
 * pbs_evaluation_copy:
 * @self: a #PbsEvaluation
 *
 * Makes a deep copy of @self that is not sealed: its rows and budget are
 * copies too, so changing them leaves @self and its scorecards as they
 * were. For what-if re-scoring: copy, change an actual, score the copy.
 * The template and policy, which never change, are shared.
 *
 * Returns: (transfer full): the copy
 *
 * Since: 0.1
 */
PbsEvaluation *
pbs_evaluation_copy (PbsEvaluation *self)
{
  PbsEvaluation *c;

  g_return_val_if_fail (self != NULL, NULL);
  c = pbs_evaluation_new ();
  g_free (c->title);
  g_free (c->department);
  g_free (c->unit);
  c->title = g_strdup (self->title);
  c->department = g_strdup (self->department);
  c->unit = g_strdup (self->unit);
  c->year = self->year;
  c->currency = self->currency;
  c->budget = self->budget != NULL ? pbs_budget_copy (self->budget) : NULL;
  c->template_ = self->template_ != NULL ? pbs_template_ref (self->template_) : NULL;
  c->policy = self->policy != NULL ? pbs_policy_ref (self->policy) : NULL;
  c->template_ref = g_strdup (self->template_ref);
  c->policy_ref = g_strdup (self->policy_ref);
  c->printed_total = self->printed_total;
  c->has_printed_total = self->has_printed_total;
  c->printed_grade = self->printed_grade;
  pbs_evaluation_set_goals_expected (c, self->goals_expected);
  pbs_evaluation_set_goals_achieved (c, self->goals_achieved);
  pbs_evaluation_set_signoff_manager (c, self->signoff_manager);
  pbs_evaluation_set_signoff_preparer (c, self->signoff_preparer);
  pbs_evaluation_set_signoff_phone (c, self->signoff_phone);
  pbs_evaluation_set_signoff_date (c, self->signoff_date);

  c->source = g_strdup (self->source);
  c->line = self->line;
  c->column = self->column;
  for (guint i = 0; i < self->indicators->len; i++)
    g_ptr_array_add (c->indicators, pbs_indicator_copy (g_ptr_array_index (self->indicators, i)));
  c->unfilled = self->unfilled != NULL ? g_array_copy (self->unfilled) : NULL;
  return c;
}

/* The header strings share one shape. */
#define STRING_FIELD(field)                                                   \
  const char *                                                                \
  pbs_evaluation_get_##field (PbsEvaluation *self)                            \
  {                                                                           \
    g_return_val_if_fail (self != NULL, NULL);                    \
    return self->field;                                                       \
  }                                                                           \
  void                                                                        \
  pbs_evaluation_set_##field (PbsEvaluation *self, const char *field)         \
  {                                                                           \
    g_return_if_fail (self != NULL);                              \
    g_return_if_fail (!self->sealed);                                         \
    g_free (self->field);                                                     \
    self->field = g_strdup (field != NULL ? field : "");                      \
  }

/**
 * pbs_evaluation_get_title:
 * @self: a #PbsEvaluation
 *
 * Gets the title of the table.
 *
 * Returns: (transfer none): the 项目名称 (or 部门 for a whole-department
 *   table); empty when unset
 *
 * Since: 0.1
 */
/**
 * pbs_evaluation_set_title:
 * @self: a #PbsEvaluation
 * @title: (nullable): the 项目名称
 *
 * Sets the title of the table.
 *
 * %NULL is stored as an empty string.
 *
 * Since: 0.1
 */
STRING_FIELD (title)

/**
 * pbs_evaluation_get_goals_expected:
 * @self: a #PbsEvaluation
 *
 * Gets the 预期目标 of the 年度总体目标 of the official form (informational, never scored).
 *
 * Returns: (transfer none): the 年度总体目标的预期目标 (a paragraph); empty when unset
 *
 * Since: 0.1
 */
/**
 * pbs_evaluation_set_goals_expected:
 * @self: a #PbsEvaluation
 * @goals_expected: (nullable): the 年度总体目标的预期目标 (a paragraph)
 *
 * Sets the 预期目标 of the 年度总体目标 of the official form. %NULL is stored as an empty string.
 *
 * Since: 0.1
 */
STRING_FIELD (goals_expected)

/**
 * pbs_evaluation_get_goals_achieved:
 * @self: a #PbsEvaluation
 *
 * Gets the 实际完成情况 of the 年度总体目标 of the official form (informational, never scored).
 *
 * Returns: (transfer none): the 年度总体目标的实际完成情况 (a paragraph); empty when unset
 *
 * Since: 0.1
 */
/**
 * pbs_evaluation_set_goals_achieved:
 * @self: a #PbsEvaluation
 * @goals_achieved: (nullable): the 年度总体目标的实际完成情况 (a paragraph)
 *
 * Sets the 实际完成情况 of the 年度总体目标 of the official form. %NULL is stored as an empty string.
 *
 * Since: 0.1
 */
STRING_FIELD (goals_achieved)

/**
 * pbs_evaluation_get_signoff_manager:
 * @self: a #PbsEvaluation
 *
 * Gets the 项目负责人 of the official form (informational, never scored).
 *
 * Returns: (transfer none): the 项目负责人; empty when unset
 *
 * Since: 0.1
 */
/**
 * pbs_evaluation_set_signoff_manager:
 * @self: a #PbsEvaluation
 * @signoff_manager: (nullable): the 项目负责人
 *
 * Sets the 项目负责人 of the official form. %NULL is stored as an empty string.
 *
 * Since: 0.1
 */
STRING_FIELD (signoff_manager)

/**
 * pbs_evaluation_get_signoff_preparer:
 * @self: a #PbsEvaluation
 *
 * Gets the 填报人 of the official form (informational, never scored).
 *
 * Returns: (transfer none): the 填报人; empty when unset
 *
 * Since: 0.1
 */
/**
 * pbs_evaluation_set_signoff_preparer:
 * @self: a #PbsEvaluation
 * @signoff_preparer: (nullable): the 填报人
 *
 * Sets the 填报人 of the official form. %NULL is stored as an empty string.
 *
 * Since: 0.1
 */
STRING_FIELD (signoff_preparer)

/**
 * pbs_evaluation_get_signoff_phone:
 * @self: a #PbsEvaluation
 *
 * Gets the 联系电话 of the official form (informational, never scored).
 *
 * Returns: (transfer none): the 联系电话; empty when unset
 *
 * Since: 0.1
 */
/**
 * pbs_evaluation_set_signoff_phone:
 * @self: a #PbsEvaluation
 * @signoff_phone: (nullable): the 联系电话
 *
 * Sets the 联系电话 of the official form. %NULL is stored as an empty string.
 *
 * Since: 0.1
 */
STRING_FIELD (signoff_phone)

/**
 * pbs_evaluation_get_signoff_date:
 * @self: a #PbsEvaluation
 *
 * Gets the 填报日期 of the official form (informational, never scored).
 *
 * Returns: (transfer none): the 填报日期, as written; empty when unset
 *
 * Since: 0.1
 */
/**
 * pbs_evaluation_set_signoff_date:
 * @self: a #PbsEvaluation
 * @signoff_date: (nullable): the 填报日期, as written
 *
 * Sets the 填报日期 of the official form. %NULL is stored as an empty string.
 *
 * Since: 0.1
 */
STRING_FIELD (signoff_date)


/**
 * pbs_evaluation_get_department:
 * @self: a #PbsEvaluation
 *
 * Gets the department in charge of the project.
 *
 * Returns: (transfer none): the 主管部门; empty when unset
 *
 * Since: 0.1
 */
/**
 * pbs_evaluation_set_department:
 * @self: a #PbsEvaluation
 * @department: (nullable): the 主管部门
 *
 * Sets the department in charge of the project.
 *
 * %NULL is stored as an empty string.
 *
 * Since: 0.1
 */
STRING_FIELD (department)

/**
 * pbs_evaluation_get_unit:
 * @self: a #PbsEvaluation
 *
 * Gets the unit that carries out the project.
 *
 * Returns: (transfer none): the 实施单位; empty when unset
 *
 * Since: 0.1
 */
/**
 * pbs_evaluation_set_unit:
 * @self: a #PbsEvaluation
 * @unit: (nullable): the 实施单位
 *
 * Sets the unit that carries out the project.
 *
 * %NULL is stored as an empty string.
 *
 * Since: 0.1
 */
STRING_FIELD (unit)

/**
 * pbs_evaluation_get_year:
 * @self: a #PbsEvaluation
 *
 * Gets the year the table evaluates.
 *
 * Returns: the year evaluated, 0 when unset
 *
 * Since: 0.1
 */
guint
pbs_evaluation_get_year (PbsEvaluation *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->year;
}

/**
 * pbs_evaluation_set_year:
 * @self: a #PbsEvaluation
 * @year: the year evaluated
 *
 * Sets the year the table evaluates: 0 (unset) or 1900–2999, the years a
 * document may name; another year is a programmer error.
 *
 * Since: 0.1
 */
void
pbs_evaluation_set_year (PbsEvaluation *self, guint year)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (!self->sealed);
  g_return_if_fail (year == 0 || (year >= PBS_YEAR_MIN && year <= PBS_YEAR_MAX));
  self->year = year;
}

/**
 * pbs_evaluation_get_currency:
 * @self: a #PbsEvaluation
 *
 * Gets the unit the table's budget amounts are in.
 *
 * The default is %PBS_CURRENCY_WAN_YUAN (万元).
 *
 * Returns: the money unit of the budget block
 *
 * Since: 0.1
 */
PbsCurrency
pbs_evaluation_get_currency (PbsEvaluation *self)
{
  g_return_val_if_fail (self != NULL, PBS_CURRENCY_WAN_YUAN);
  return self->currency;
}

/**
 * pbs_evaluation_set_currency:
 * @self: a #PbsEvaluation
 * @currency: the money unit
 *
 * Sets the unit the table's budget amounts are in.
 *
 * Scores do not depend on it (the execution rate is a ratio of two amounts
 * in the same unit); reports print it, and pbs_rollup_merge() refuses to
 * merge tables in different units.
 *
 * Since: 0.1
 */
void
pbs_evaluation_set_currency (PbsEvaluation *self, PbsCurrency currency)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (!self->sealed);
  self->currency = currency;
}

/**
 * pbs_evaluation_get_budget:
 * @self: a #PbsEvaluation
 *
 * Gets the budget line (预算执行率) of the table.
 *
 * A table without one cannot be scored.
 *
 * Returns: (transfer none) (nullable): the budget line, or %NULL
 *
 * Since: 0.1
 */
PbsBudget *
pbs_evaluation_get_budget (PbsEvaluation *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->budget;
}

/**
 * pbs_evaluation_set_budget:
 * @self: a #PbsEvaluation
 * @budget: (nullable): the budget line; @self takes its own reference
 *
 * Sets or clears the budget line of the table.
 *
 * Any previous budget line is released.
 *
 * Since: 0.1
 */
void
pbs_evaluation_set_budget (PbsEvaluation *self, PbsBudget *budget)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (!self->sealed);
  if (budget != NULL)
    pbs_budget_ref (budget);
  g_clear_pointer (&self->budget, pbs_budget_unref);
  self->budget = budget;
}

/**
 * pbs_evaluation_add_indicator:
 * @self: a #PbsEvaluation
 * @indicator: a row; @self takes its own reference
 *
 * Appends a row to the table.
 *
 * Since: 0.1
 */
void
pbs_evaluation_add_indicator (PbsEvaluation *self, PbsIndicator *indicator)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (!self->sealed);
  g_return_if_fail (indicator != NULL);
  g_ptr_array_add (self->indicators, pbs_indicator_ref (indicator));
}

/**
 * pbs_evaluation_get_n_indicators:
 * @self: a #PbsEvaluation
 *
 * Gets the number of indicator rows in the table.
 *
 * Returns: the number of rows
 *
 * Since: 0.1
 */
guint
pbs_evaluation_get_n_indicators (PbsEvaluation *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->indicators->len;
}

/**
 * pbs_evaluation_get_indicator:
 * @self: a #PbsEvaluation
 * @index: a row number, from 0
 *
 * Gets the indicator row at @index.
 *
 * @index must be below pbs_evaluation_get_n_indicators().
 *
 * Returns: (transfer none): the row
 *
 * Since: 0.1
 */
PbsIndicator *
pbs_evaluation_get_indicator (PbsEvaluation *self, guint index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->indicators->len, NULL);
  return g_ptr_array_index (self->indicators, index);
}

/**
 * pbs_evaluation_get_template:
 * @self: a #PbsEvaluation
 *
 * Gets the indicator framework the table follows.
 *
 * Returns: (transfer none) (nullable): the framework the table follows
 *
 * Since: 0.1
 */
PbsTemplate *
pbs_evaluation_get_template (PbsEvaluation *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->template_;
}

/**
 * pbs_evaluation_set_template:
 * @self: a #PbsEvaluation
 * @template_: (nullable): the framework; @self takes its own reference
 *
 * With a template, scoring checks each level-1 category's points against
 * the template's under the policy's `weights.mismatch`.
 *
 * Since: 0.1
 */
void
pbs_evaluation_set_template (PbsEvaluation *self, PbsTemplate *template_)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (!self->sealed);
  if (template_ != NULL)
    pbs_template_ref (template_);
  g_clear_pointer (&self->template_, pbs_template_unref);
  self->template_ = template_;
  g_clear_pointer (&self->template_ref, g_free);
}

/**
 * pbs_evaluation_get_policy:
 * @self: a #PbsEvaluation
 *
 * Gets the policy the document itself names.
 *
 * When pbs_evaluation_score() is given no policy it uses this one, and the
 * `central` preset when this is %NULL too.
 *
 * Returns: (transfer none) (nullable): the policy the document names, used
 *   by pbs_evaluation_score() when it is given none
 *
 * Since: 0.1
 */
PbsPolicy *
pbs_evaluation_get_policy (PbsEvaluation *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->policy;
}

/**
 * pbs_evaluation_set_policy:
 * @self: a #PbsEvaluation
 * @policy: (nullable): the document's policy; @self takes its own reference
 *
 * Sets or clears the document's own policy.
 *
 * This is the policy pbs_evaluation_score() uses when it is given none. It
 * also drops the `policy:` reference the document was read with: a saved
 * document names @policy by the file it was read from or by its preset
 * name.
 *
 * Since: 0.1
 */
void
pbs_evaluation_set_policy (PbsEvaluation *self, PbsPolicy *policy)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (!self->sealed);
  if (policy != NULL)
    pbs_policy_ref (policy);
  g_clear_pointer (&self->policy, pbs_policy_unref);
  self->policy = policy;
  g_clear_pointer (&self->policy_ref, g_free);
}

static gboolean
optional_equal (gboolean has_a, const PbsDecimal *a, gboolean has_b, const PbsDecimal *b)
{
  return has_a == has_b && (!has_a || pbs_decimal_equal (a, b));
}

static gboolean
budget_equal (const PbsBudget *a, const PbsBudget *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  for (guint s = 0; s < PBS_N_FUND_SOURCES; s++)
    {
      const PbsFundRow *x = &a->sources[s], *y = &b->sources[s];

      if (x->present != y->present)
        return FALSE;
      for (guint col = 0; col < PBS_N_BUDGET_COLUMNS; col++)
        if (!optional_equal (x->has_amount[col], &x->amount[col], y->has_amount[col], &y->amount[col]))
          return FALSE;
    }
  return optional_equal (a->has_annual, &a->annual, b->has_annual, &b->annual)
         && optional_equal (a->has_executed, &a->executed, b->has_executed, &b->executed)
         && optional_equal (a->has_printed_rate, &a->printed_rate, b->has_printed_rate, &b->printed_rate)
         && optional_equal (a->has_initial, &a->initial, b->has_initial, &b->initial)
         && optional_equal (a->has_points, &a->points, b->has_points, &b->points)
         && optional_equal (a->has_printed_score, &a->printed_score, b->has_printed_score, &b->printed_score);
}

/**
 * pbs_evaluation_equal:
 * @a: a #PbsEvaluation
 * @b: a #PbsEvaluation
 *
 * Compares the header, the budget line, the template and policy names and
 * every row, as a load → save → load round trip must preserve them.
 *
 * Returns: %TRUE when @a and @b are the same table
 *
 * Since: 0.1
 */
gboolean
pbs_evaluation_equal (PbsEvaluation *a, PbsEvaluation *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  if (strcmp (a->title, b->title) != 0 || strcmp (a->department, b->department) != 0
      || strcmp (a->unit, b->unit) != 0 || a->year != b->year || a->currency != b->currency
      || !budget_equal (a->budget, b->budget) || a->indicators->len != b->indicators->len
      || !optional_equal (a->has_printed_total, &a->printed_total, b->has_printed_total,
                          &b->printed_total)
      || a->printed_grade != b->printed_grade
      || strcmp (a->goals_expected, b->goals_expected) != 0
      || strcmp (a->goals_achieved, b->goals_achieved) != 0
      || strcmp (a->signoff_manager, b->signoff_manager) != 0
      || strcmp (a->signoff_preparer, b->signoff_preparer) != 0
      || strcmp (a->signoff_phone, b->signoff_phone) != 0
      || strcmp (a->signoff_date, b->signoff_date) != 0)
    return FALSE;
  if ((a->template_ == NULL) != (b->template_ == NULL)
      || (a->template_ != NULL && strcmp (pbs_template_get_name (a->template_),
                                          pbs_template_get_name (b->template_)) != 0))
    return FALSE;
  if ((a->policy == NULL) != (b->policy == NULL)
      || (a->policy != NULL && !pbs_policy_equal (a->policy, b->policy)))
    return FALSE;
  for (guint i = 0; i < a->indicators->len; i++)
    if (!pbs_indicator_equal (g_ptr_array_index (a->indicators, i), g_ptr_array_index (b->indicators, i)))
      return FALSE;
  return TRUE;
}

/**
 * pbs_evaluation_set_printed_total:
 * @self: a #PbsEvaluation
 * @total: (nullable): the 总分 as published, or %NULL to unset
 *
 * The printed total is kept for auditing (pbs_audit_new()); it never
 * replaces the computed one.
 *
 * Since: 0.1
 */
void
pbs_evaluation_set_printed_total (PbsEvaluation *self, const PbsDecimal *total)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (!self->sealed);
  g_return_if_fail (total == NULL || PBS_DECIMAL_VALID (total));
  self->has_printed_total = total != NULL;
  if (total != NULL)
    self->printed_total = *total;
}

/**
 * pbs_evaluation_get_printed_total:
 * @self: a #PbsEvaluation
 * @out: (out caller-allocates): the printed total
 *
 * Gets the total score (总分) as printed in the table.
 *
 * The printed total is kept for auditing; it never replaces the computed
 * one. @out is left untouched when no printed total is set.
 *
 * Returns: %TRUE when a printed total is set
 *
 * Since: 0.1
 */
gboolean
pbs_evaluation_get_printed_total (PbsEvaluation *self, PbsDecimal *out)
{
  g_return_val_if_fail (self != NULL && out != NULL, FALSE);
  if (self->has_printed_total)
    *out = self->printed_total;
  return self->has_printed_total;
}

void
pbs_evaluation_set_refs (PbsEvaluation *self, const char *template_ref, const char *policy_ref)
{
  g_return_if_fail (!self->sealed);
  g_free (self->template_ref);
  g_free (self->policy_ref);
  self->template_ref = g_strdup (template_ref);
  self->policy_ref = g_strdup (policy_ref);
}

const char *
pbs_evaluation_get_template_ref (PbsEvaluation *self)
{
  return self->template_ref;
}

const char *
pbs_evaluation_get_policy_ref (PbsEvaluation *self)
{
  return self->policy_ref;
}

void
pbs_evaluation_set_source (PbsEvaluation *self, const char *source, guint line, guint column)
{
  g_return_if_fail (!self->sealed);
  g_free (self->source);
  self->source = g_strdup (source);
  self->line = line;
  self->column = column;
}

void
pbs_evaluation_get_place (PbsEvaluation *self, guint *line, guint *column)
{
  *line = self->line;
  *column = self->column;
}

/**
 * pbs_evaluation_get_source:
 * @self: a #PbsEvaluation
 *
 * Gets the name of the file the evaluation was read from.
 *
 * Error messages from scoring start with this name (and the row's line and
 * column) so that they point into the file.
 *
 * Returns: (transfer none) (nullable): the name of the file (or buffer)
 *   the evaluation was read from, which scoring errors start with; %NULL
 *   for an evaluation built in code
 *
 * Since: 0.1
 */
const char *
pbs_evaluation_get_source (PbsEvaluation *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->source;
}

/**
 * pbs_evaluation_check_template:
 * @self: a #PbsEvaluation
 * @template_: a template
 * @error: return location for a #GError, or %NULL
 *
 * Checks every row's categories against @template_ (an unknown level-1
 * category, or a level-2 category not allowed under its level-1), as the
 * reader does for the document's own template.
 *
 * Returns: %TRUE when every row fits; %FALSE with
 *   %PBS_DOCUMENT_ERROR_TEMPLATE_MISMATCH, placed at the first row that
 *   does not
 *
 * Since: 0.1
 */
gboolean
pbs_evaluation_check_template (PbsEvaluation *self, PbsTemplate *template_, GError **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (template_ != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (guint i = 0; i < self->indicators->len; i++)
    {
      const PbsIndicator *ind = g_ptr_array_index (self->indicators, i);
      g_autofree char *what = NULL;

      if (!pbs_template_allows (template_, ind->level1, NULL))
        what = g_strdup_printf ("template %s has no level-1 category “%s”",
                                pbs_template_get_name (template_), ind->level1);
      else if (!pbs_template_allows (template_, ind->level1, ind->level2))
        what = g_strdup_printf ("template %s does not allow “%s” under “%s”",
                                pbs_template_get_name (template_), ind->level2, ind->level1);
      if (what != NULL)
        {
          pbs_set_row_error (error, PBS_DOCUMENT_ERROR, PBS_DOCUMENT_ERROR_TEMPLATE_MISMATCH,
                             self->source, i + 1, ind, what);
          return FALSE;
        }
    }
  return TRUE;
}

GPtrArray *
pbs_evaluation_indicators (PbsEvaluation *self)
{
  return self->indicators;
}

void
pbs_evaluation_add_unfilled (PbsEvaluation *self, const char *field, guint row, guint line,
                             guint column)
{
  Unfilled u = { field, row, line, column };

  if (self->unfilled == NULL)
    self->unfilled = g_array_new (FALSE, FALSE, sizeof (Unfilled));
  g_array_append_val (self->unfilled, u);
}

/**
 * pbs_evaluation_get_n_unfilled:
 * @self: a #PbsEvaluation
 *
 * Counts the placeholders (`待填写`, `待补充`, `XX`, `xx`, `××`; rule book
 * §11) the document left in its fields, as a skeleton from
 * `pbscore template new` has them. Scoring treats such a target or actual
 * as missing: the row is unscored and the scorecard incomplete.
 *
 * Returns: the number of placeholders found when the evaluation was read
 *
 * Since: 0.1
 */
guint
pbs_evaluation_get_n_unfilled (PbsEvaluation *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->unfilled != NULL ? self->unfilled->len : 0;
}

/**
 * pbs_evaluation_get_unfilled:
 * @self: a #PbsEvaluation
 * @index: from 0 to pbs_evaluation_get_n_unfilled() − 1
 * @row: (out) (optional): the 1-based row, or 0 for a field of the
 *   document itself (`title` …)
 * @line: (out) (optional): the placeholder's 1-based line in its file
 * @column: (out) (optional): its 1-based column
 *
 * Gets one placeholder left in a field.
 *
 * Returns: (transfer none): the field's key (`title`, `name`, `target` …)
 *
 * Since: 0.1
 */
const char *
pbs_evaluation_get_unfilled (PbsEvaluation *self, guint index, guint *row, guint *line,
                             guint *column)
{
  const Unfilled *u;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < pbs_evaluation_get_n_unfilled (self), NULL);
  u = &g_array_index (self->unfilled, Unfilled, index);
  if (row != NULL)
    *row = u->row;
  if (line != NULL)
    *line = u->line;
  if (column != NULL)
    *column = u->column;
  return u->field;
}

/**
 * pbs_evaluation_set_printed_grade:
 * @self: a #PbsEvaluation
 * @grade: the 自评等级 as published, or %PBS_GRADE_NONE for none
 *
 * Sets the grade the published table prints; the audit compares it with
 * the computed grade (finding %PBS_FINDING_GRADE).
 *
 * Since: 0.1
 */
void
pbs_evaluation_set_printed_grade (PbsEvaluation *self, PbsGrade grade)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (!self->sealed);
  g_return_if_fail ((guint) grade <= PBS_GRADE_POOR);
  self->printed_grade = grade;
}

/**
 * pbs_evaluation_get_printed_grade:
 * @self: a #PbsEvaluation
 *
 * Gets the grade the published table prints.
 *
 * Returns: the printed 自评等级, or %PBS_GRADE_NONE when none is given
 *
 * Since: 0.1
 */
PbsGrade
pbs_evaluation_get_printed_grade (PbsEvaluation *self)
{
  g_return_val_if_fail (self != NULL, PBS_GRADE_NONE);
  return self->printed_grade;
}
