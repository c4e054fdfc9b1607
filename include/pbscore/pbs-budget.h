/* pbs-budget.h - the budget-execution line of a self-evaluation table
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(__PBSCORE_INSIDE__) && !defined(PBSCORE_COMPILATION)
#error "Only <pbscore/pbscore.h> can be included directly."
#endif

#include <glib-object.h>
#include <pbscore/pbs-macros.h>
#include <pbscore/pbs-decimal.h>

G_BEGIN_DECLS

typedef struct _PbsBudget PbsBudget;

/**
 * PbsFundSource:
 * @PBS_FUND_SOURCE_CURRENT: 当年财政拨款, this year's appropriation
 * @PBS_FUND_SOURCE_CARRIED_OVER: 上年结转资金, money carried over from last year
 * @PBS_FUND_SOURCE_OTHER: 其他资金, other funds
 *
 * The informational rows of the official form's money block (rule book
 * §11): only 年度资金总额 is scored.
 *
 * Since: 0.1
 */
typedef enum {
  PBS_FUND_SOURCE_CURRENT,       /*< nick=current >*/
  PBS_FUND_SOURCE_CARRIED_OVER,  /*< nick=carried_over >*/
  PBS_FUND_SOURCE_OTHER,         /*< nick=other >*/
} PbsFundSource;

/**
 * PbsBudgetColumn:
 * @PBS_BUDGET_COLUMN_INITIAL: 年初预算数
 * @PBS_BUDGET_COLUMN_ANNUAL: 全年预算数
 * @PBS_BUDGET_COLUMN_EXECUTED: 全年执行数
 *
 * The amount columns of the money block.
 *
 * Since: 0.1
 */
typedef enum {
  PBS_BUDGET_COLUMN_INITIAL,   /*< nick=initial >*/
  PBS_BUDGET_COLUMN_ANNUAL,    /*< nick=annual >*/
  PBS_BUDGET_COLUMN_EXECUTED,  /*< nick=executed >*/
} PbsBudgetColumn;

#define PBS_TYPE_BUDGET (pbs_budget_get_type ())

PBS_AVAILABLE_IN_0_1
GType       pbs_budget_get_type           (void) G_GNUC_CONST;
PBS_AVAILABLE_IN_0_1
PbsBudget  *pbs_budget_new                (const PbsDecimal *annual,
                                           const PbsDecimal *executed);
PBS_AVAILABLE_IN_0_1
PbsBudget  *pbs_budget_copy               (const PbsBudget  *self);
PBS_AVAILABLE_IN_0_1
PbsBudget  *pbs_budget_ref                (PbsBudget        *self);
PBS_AVAILABLE_IN_0_1
void        pbs_budget_unref              (PbsBudget        *self);

PBS_AVAILABLE_IN_0_1
void        pbs_budget_set_annual         (PbsBudget        *self,
                                           const PbsDecimal *value);
PBS_AVAILABLE_IN_0_1
gboolean    pbs_budget_get_annual         (const PbsBudget  *self,
                                           PbsDecimal       *out);
PBS_AVAILABLE_IN_0_1
void        pbs_budget_set_executed       (PbsBudget        *self,
                                           const PbsDecimal *value);
PBS_AVAILABLE_IN_0_1
gboolean    pbs_budget_get_executed       (const PbsBudget  *self,
                                           PbsDecimal       *out);
PBS_AVAILABLE_IN_0_1
void        pbs_budget_set_initial        (PbsBudget        *self,
                                           const PbsDecimal *value);
PBS_AVAILABLE_IN_0_1
gboolean    pbs_budget_get_initial        (const PbsBudget  *self,
                                           PbsDecimal       *out);
PBS_AVAILABLE_IN_0_1
void        pbs_budget_set_points         (PbsBudget        *self,
                                           const PbsDecimal *value);
PBS_AVAILABLE_IN_0_1
gboolean    pbs_budget_get_points         (const PbsBudget  *self,
                                           PbsDecimal       *out);
PBS_AVAILABLE_IN_0_1
void        pbs_budget_set_printed_score  (PbsBudget        *self,
                                           const PbsDecimal *value);
PBS_AVAILABLE_IN_0_1
gboolean    pbs_budget_get_printed_score  (const PbsBudget  *self,
                                           PbsDecimal       *out);

PBS_AVAILABLE_IN_0_1
void        pbs_budget_set_printed_rate   (PbsBudget        *self,
                                           const PbsDecimal *percent);
PBS_AVAILABLE_IN_0_1
gboolean    pbs_budget_get_printed_rate   (const PbsBudget  *self,
                                           PbsDecimal       *out);

PBS_AVAILABLE_IN_0_1
void        pbs_budget_set_source_amount  (PbsBudget        *self,
                                           PbsFundSource     source,
                                           PbsBudgetColumn   column,
                                           const PbsDecimal *value);
PBS_AVAILABLE_IN_0_1
gboolean    pbs_budget_get_source_amount  (const PbsBudget  *self,
                                           PbsFundSource     source,
                                           PbsBudgetColumn   column,
                                           PbsDecimal       *out);
PBS_AVAILABLE_IN_0_1
gboolean    pbs_budget_has_source         (const PbsBudget  *self,
                                           PbsFundSource     source);
PBS_AVAILABLE_IN_0_1
void        pbs_budget_remove_source      (PbsBudget        *self,
                                           PbsFundSource     source);
PBS_AVAILABLE_IN_0_1
const char *pbs_fund_source_get_label     (PbsFundSource     source);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PbsBudget, pbs_budget_unref)

G_END_DECLS
