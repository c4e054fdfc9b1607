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
void        pbs_budget_get_annual         (const PbsBudget  *self,
                                           PbsDecimal       *out);
PBS_AVAILABLE_IN_0_1
void        pbs_budget_get_executed       (const PbsBudget  *self,
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

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PbsBudget, pbs_budget_unref)

G_END_DECLS
