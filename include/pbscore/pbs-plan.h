/* pbs-plan.h - re-scoring an evaluation through a compiled plan
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
#include <pbscore/pbs-evaluation.h>
#include <pbscore/pbs-policy.h>
#include <pbscore/pbs-scorecard.h>

G_BEGIN_DECLS

#define PBS_TYPE_PLAN (pbs_plan_get_type ())

PBS_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (PbsPlan, pbs_plan, PBS, PLAN, GObject)

PBS_AVAILABLE_IN_0_1
PbsPlan       *pbs_plan_new                 (PbsEvaluation    *evaluation,
                                             const PbsPolicy  *policy);
PBS_AVAILABLE_IN_0_1
PbsScorecard  *pbs_plan_rescore             (PbsPlan          *self,
                                             GError          **error);
PBS_AVAILABLE_IN_0_1
gboolean       pbs_plan_set_actual          (PbsPlan          *self,
                                             guint             row,
                                             const char       *text,
                                             GError          **error);
PBS_AVAILABLE_IN_0_1
PbsEvaluation *pbs_plan_get_evaluation      (PbsPlan          *self);
PBS_AVAILABLE_IN_0_1
guint          pbs_plan_get_n_exact_rows    (PbsPlan          *self);

G_END_DECLS
