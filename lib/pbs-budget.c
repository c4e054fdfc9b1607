/* pbs-budget.c - the budget-execution line
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>

#include "pbs-budget-private.h"
#include "pbs-decimal-private.h"

/**
 * PbsBudget:
 *
 * The budget block of a table: 年初预算数, 全年预算数 and 全年执行数, its
 * points (the policy's `budget.points` when not given), the score and
 * the execution rate as printed, and the informational rows of its
 * funding sources. Every field is optional: a published table may print
 * only 年初预算数, or only a rate and a score (rule book §11); a rate is
 * computed only when 全年预算数 and 全年执行数 are both given.
 *
 * Since: 0.1
 */

G_DEFINE_BOXED_TYPE (PbsBudget, pbs_budget, pbs_budget_ref, pbs_budget_unref)

/**
 * pbs_budget_new:
 * @annual: (nullable): 全年预算数, the adjusted full-year budget, or %NULL
 *   when the table does not print it
 * @executed: (nullable): 全年执行数, or %NULL when the table does not print
 *   it
 *
 * Creates a budget line from its two rate amounts.
 *
 * Both amounts are in the evaluation's currency (see
 * pbs_evaluation_get_currency()); the execution rate is @executed /
 * @annual, and exists only when both are given (rule book §11).
 *
 * Returns: (transfer full): a new #PbsBudget
 *
 * Since: 0.1
 */
PbsBudget *
pbs_budget_new (const PbsDecimal *annual, const PbsDecimal *executed)
{
  PbsBudget *self;

  g_return_val_if_fail (annual == NULL || PBS_DECIMAL_VALID (annual), NULL);
  g_return_val_if_fail (executed == NULL || PBS_DECIMAL_VALID (executed), NULL);
  self = g_new0 (PbsBudget, 1);
  g_atomic_ref_count_init (&self->ref_count);
  pbs_budget_set_annual (self, annual);
  pbs_budget_set_executed (self, executed);
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
 * pbs_budget_set_annual:
 * @self: a #PbsBudget
 * @value: (nullable): 全年预算数, or %NULL when the table does not print it
 *
 * Sets or clears the full-year budget (全年预算数).
 *
 * Since: 0.1
 */
/**
 * pbs_budget_get_annual:
 * @self: a #PbsBudget
 * @out: (out caller-allocates): 全年预算数
 *
 * Gets the full-year budget (全年预算数) of the budget line.
 *
 * This is the adjusted budget the execution rate divides by. @out is left
 * untouched when the table does not print it.
 *
 * Returns: %TRUE when it is set
 *
 * Since: 0.1
 */
OPTIONAL_FIELD (annual)

/**
 * pbs_budget_set_executed:
 * @self: a #PbsBudget
 * @value: (nullable): 全年执行数, or %NULL when the table does not print it
 *
 * Sets or clears the amount executed over the year (全年执行数).
 *
 * Since: 0.1
 */
/**
 * pbs_budget_get_executed:
 * @self: a #PbsBudget
 * @out: (out caller-allocates): 全年执行数
 *
 * Gets the amount executed over the year (全年执行数).
 *
 * @out is left untouched when the table does not print it.
 *
 * Returns: %TRUE when it is set
 *
 * Since: 0.1
 */
OPTIONAL_FIELD (executed)

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

/**
 * pbs_budget_set_printed_rate:
 * @self: a #PbsBudget
 * @percent: (nullable): the execution rate (执行率) as printed, a
 *   percentage (95.3 for `95.3%`), or %NULL to unset
 *
 * Sets or clears the execution rate as printed in the table.
 *
 * The printed rate is kept as written and audited against the computed
 * one when that exists; it is never used to score (rule book §11).
 *
 * Since: 0.1
 */
/**
 * pbs_budget_get_printed_rate:
 * @self: a #PbsBudget
 * @out: (out caller-allocates): the printed rate, a percentage
 *
 * Gets the execution rate (执行率) as printed, with the digits it was
 * written with.
 *
 * @out is left untouched when it is not set.
 *
 * Returns: %TRUE when it is set
 *
 * Since: 0.1
 */
OPTIONAL_FIELD (printed_rate)

#define SOURCE_OK(source) ((guint) (source) < PBS_N_FUND_SOURCES)
#define COLUMN_OK(column) ((guint) (column) < PBS_N_BUDGET_COLUMNS)

/**
 * pbs_budget_set_source_amount:
 * @self: a #PbsBudget
 * @source: the funding source's row
 * @column: the amount's column
 * @value: (nullable): the amount, or %NULL when the cell is blank
 *
 * Records an informational row of the money block (当年财政拨款,
 * 上年结转资金 or 其他资金) and one of its amounts, in the budget's currency.
 *
 * The row is recorded even when @value is %NULL; the sources are never
 * scored, but a sum that differs from the budget line's amount is the
 * warning %PBS_WARNING_SOURCES_MISMATCH (rule book §11).
 *
 * Since: 0.1
 */
void
pbs_budget_set_source_amount (PbsBudget *self, PbsFundSource source, PbsBudgetColumn column,
                              const PbsDecimal *value)
{
  PbsFundRow *row;

  g_return_if_fail (self != NULL);
  g_return_if_fail (!self->sealed);
  g_return_if_fail (SOURCE_OK (source) && COLUMN_OK (column));
  g_return_if_fail (value == NULL || PBS_DECIMAL_VALID (value));
  row = &self->sources[source];
  row->present = TRUE;
  row->has_amount[column] = value != NULL;
  if (value != NULL)
    row->amount[column] = *value;
}

/**
 * pbs_budget_get_source_amount:
 * @self: a #PbsBudget
 * @source: the funding source's row
 * @column: the amount's column
 * @out: (out caller-allocates): the amount
 *
 * Gets one amount of a funding source's row.
 *
 * @out is left untouched when the row or the amount is not given.
 *
 * Returns: %TRUE when the amount is given
 *
 * Since: 0.1
 */
gboolean
pbs_budget_get_source_amount (const PbsBudget *self, PbsFundSource source, PbsBudgetColumn column,
                              PbsDecimal *out)
{
  const PbsFundRow *row;

  g_return_val_if_fail (self != NULL && out != NULL, FALSE);
  g_return_val_if_fail (SOURCE_OK (source) && COLUMN_OK (column), FALSE);
  row = &self->sources[source];
  if (!row->present || !row->has_amount[column])
    return FALSE;
  *out = row->amount[column];
  return TRUE;
}

/**
 * pbs_budget_has_source:
 * @self: a #PbsBudget
 * @source: a funding source
 *
 * Tells whether the table gives the row of @source (with or without
 * amounts).
 *
 * Returns: %TRUE when the row is recorded
 *
 * Since: 0.1
 */
gboolean
pbs_budget_has_source (const PbsBudget *self, PbsFundSource source)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (SOURCE_OK (source), FALSE);
  return self->sources[source].present;
}

/**
 * pbs_budget_remove_source:
 * @self: a #PbsBudget
 * @source: a funding source
 *
 * Forgets the row of @source and its amounts.
 *
 * Since: 0.1
 */
void
pbs_budget_remove_source (PbsBudget *self, PbsFundSource source)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (!self->sealed);
  g_return_if_fail (SOURCE_OK (source));
  memset (&self->sources[source], 0, sizeof self->sources[source]);
}

/**
 * pbs_fund_source_get_label:
 * @source: a funding source
 *
 * Gets the name the official form prints for a funding source's row, as
 * documents write it in `budget.sources`.
 *
 * Returns: (transfer none): 当年财政拨款, 上年结转资金 or 其他资金; "" for a
 *   value that is not a source
 *
 * Since: 0.1
 */
const char *
pbs_fund_source_get_label (PbsFundSource source)
{
  static const char * const labels[PBS_N_FUND_SOURCES] = { "当年财政拨款", "上年结转资金", "其他资金" };

  return SOURCE_OK (source) ? labels[source] : "";
}

gboolean
pbs_budget_column (const PbsBudget *self, PbsBudgetColumn column, PbsDecimal *out)
{
  switch (column)
    {
    case PBS_BUDGET_COLUMN_INITIAL:
      return pbs_budget_get_initial (self, out);
    case PBS_BUDGET_COLUMN_ANNUAL:
      return pbs_budget_get_annual (self, out);
    case PBS_BUDGET_COLUMN_EXECUTED:
    default:
      return pbs_budget_get_executed (self, out);
    }
}

gboolean
pbs_budget_has_rate_inputs (const PbsBudget *self, gboolean initial_base)
{
  return self->has_executed && (initial_base ? self->has_initial : self->has_annual);
}

void
pbs_budget_seal (PbsBudget *self)
{
  self->sealed = TRUE;
}
