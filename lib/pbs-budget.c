/* pbs-budget.c - the budget-execution line
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "pbs-budget-private.h"
#include "pbs-decimal-private.h"

/**
 * PbsBudget:
 *
 * The budget block of a table: 年初预算数 (optional), 全年预算数 and 全年执行数
 * (required), its points (optional: the policy's `budget.points`
 * otherwise) and the score as printed (optional).
 *
 * Since: 0.1
 */

G_DEFINE_BOXED_TYPE (PbsBudget, pbs_budget, pbs_budget_ref, pbs_budget_unref)

/**
 * pbs_budget_new:
 * @annual: 全年预算数, the adjusted full-year budget
 * @executed: 全年执行数
 *
 * Creates a budget line from its two required amounts.
 *
 * Both amounts are in the evaluation's currency (see
 * pbs_evaluation_get_currency()); the execution rate is @executed /
 * @annual.
 *
 * Returns: (transfer full): a new #PbsBudget
 *
 * Since: 0.1
 */
PbsBudget *
pbs_budget_new (const PbsDecimal *annual, const PbsDecimal *executed)
{
  PbsBudget *self;

  g_return_val_if_fail (annual != NULL && executed != NULL, NULL);
  g_return_val_if_fail (PBS_DECIMAL_VALID (annual) && PBS_DECIMAL_VALID (executed), NULL);
  self = g_new0 (PbsBudget, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->annual = *annual;
  self->executed = *executed;
  return self;
}

/**
 * pbs_budget_copy:
 * @self: a #PbsBudget
 *
 * Makes a copy of @self that can be changed, even when @self belongs to a
 * scored (sealed) evaluation.
 *
 * Returns: (transfer full): the copy
 *
 * Since: 0.1
 */
PbsBudget *
pbs_budget_copy (const PbsBudget *self)
{
  PbsBudget *c;

  g_return_val_if_fail (self != NULL, NULL);
  c = g_memdup2 (self, sizeof *self);
  g_atomic_ref_count_init (&c->ref_count);
  c->sealed = FALSE;
  return c;
}

/**
 * pbs_budget_ref:
 * @self: a #PbsBudget
 *
 * Takes a reference on the budget line.
 *
 * Returns: (transfer full): @self, with one more reference
 *
 * Since: 0.1
 */
PbsBudget *
pbs_budget_ref (PbsBudget *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

/**
 * pbs_budget_unref:
 * @self: (transfer full): a #PbsBudget
 *
 * Drops a reference; the last one frees @self.
 *
 * Since: 0.1
 */
void
pbs_budget_unref (PbsBudget *self)
{
  g_return_if_fail (self != NULL);
  if (g_atomic_ref_count_dec (&self->ref_count))
    g_free (self);
}

/**
 * pbs_budget_get_annual:
 * @self: a #PbsBudget
 * @out: (out caller-allocates): 全年预算数
 *
 * Gets the full-year budget (全年预算数) of the budget line.
 *
 * This is the adjusted budget the execution rate divides by.
 *
 * Since: 0.1
 */
void
pbs_budget_get_annual (const PbsBudget *self, PbsDecimal *out)
{
  g_return_if_fail (self != NULL && out != NULL);
  *out = self->annual;
}

/**
 * pbs_budget_get_executed:
 * @self: a #PbsBudget
 * @out: (out caller-allocates): 全年执行数
 *
 * Gets the amount executed over the year (全年执行数).
 *
 * Since: 0.1
 */
void
pbs_budget_get_executed (const PbsBudget *self, PbsDecimal *out)
{
  g_return_if_fail (self != NULL && out != NULL);
  *out = self->executed;
}

/* The optional fields share one shape: a value and a "has" bit. */
#define OPTIONAL_FIELD(field)                                                \
  void                                                                       \
  pbs_budget_set_##field (PbsBudget *self, const PbsDecimal *value)          \
  {                                                                          \
    g_return_if_fail (self != NULL);                                         \
    g_return_if_fail (!self->sealed);                                        \
    g_return_if_fail (value == NULL || PBS_DECIMAL_VALID (value));           \
    self->has_##field = value != NULL;                                       \
    if (value != NULL)                                                       \
      self->field = *value;                                                  \
  }                                                                          \
  gboolean                                                                   \
  pbs_budget_get_##field (const PbsBudget *self, PbsDecimal *out)            \
  {                                                                          \
    g_return_val_if_fail (self != NULL && out != NULL, FALSE);               \
    if (self->has_##field)                                                   \
      *out = self->field;                                                    \
    return self->has_##field;                                                \
  }

/**
 * pbs_budget_set_initial:
 * @self: a #PbsBudget
 * @value: (nullable): 年初预算数, or %NULL to unset
 *
 * The initial budget is shown, never used for the rate (rule book §3).
 *
 * Since: 0.1
 */
/**
 * pbs_budget_get_initial:
 * @self: a #PbsBudget
 * @out: (out caller-allocates): 年初预算数
 *
 * Gets the initial budget (年初预算数) of the budget line.
 *
 * @out is left untouched when it is not set.
 *
 * Returns: %TRUE when it is set
 *
 * Since: 0.1
 */
OPTIONAL_FIELD (initial)

/**
 * pbs_budget_set_points:
 * @self: a #PbsBudget
 * @value: (nullable): the line's points, or %NULL for the policy's
 *   `budget.points`
 *
 * Sets or clears the points of the budget line.
 *
 * Without points of its own, the line is scored out of the policy's
 * `budget.points`.
 *
 * Since: 0.1
 */
/**
 * pbs_budget_get_points:
 * @self: a #PbsBudget
 * @out: (out caller-allocates): the line's own points
 *
 * Gets the points the table gives the budget line.
 *
 * @out is left untouched when the table gives none; the scorecard then uses
 * the policy's `budget.points` (see pbs_scorecard_get_budget_points()).
 *
 * Returns: %TRUE when the table gives them
 *
 * Since: 0.1
 */
OPTIONAL_FIELD (points)

/**
 * pbs_budget_set_printed_score:
 * @self: a #PbsBudget
 * @value: (nullable): the budget score as published, or %NULL to unset
 *
 * Sets or clears the budget score as printed in the table.
 *
 * The printed score is kept for auditing; it never replaces the computed
 * one.
 *
 * Since: 0.1
 */
/**
 * pbs_budget_get_printed_score:
 * @self: a #PbsBudget
 * @out: (out caller-allocates): the printed budget score
 *
 * Gets the budget score as printed in the table.
 *
 * @out is left untouched when it is not set.
 *
 * Returns: %TRUE when it is set
 *
 * Since: 0.1
 */
OPTIONAL_FIELD (printed_score)

void
pbs_budget_seal (PbsBudget *self)
{
  self->sealed = TRUE;
}
