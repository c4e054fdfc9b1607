/* pbs-rollup.h - rolling several evaluations up into one
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
#include <pbscore/pbs-scorecard.h>

G_BEGIN_DECLS

#define PBS_TYPE_ROLLUP (pbs_rollup_get_type ())

PBS_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (PbsRollup, pbs_rollup, PBS, ROLLUP, GObject)

PBS_AVAILABLE_IN_0_1
PbsRollup      *pbs_rollup_new                (void);
PBS_AVAILABLE_IN_0_1
gboolean        pbs_rollup_add                (PbsRollup     *self,
                                               PbsScorecard  *scorecard,
                                               GError       **error);
PBS_AVAILABLE_IN_0_1
guint           pbs_rollup_get_n_evaluations  (PbsRollup     *self);
PBS_AVAILABLE_IN_0_1
PbsEvaluation  *pbs_rollup_merge              (PbsRollup     *self,
                                               const char    *title,
                                               GError       **error);
PBS_AVAILABLE_IN_0_1
char          **pbs_rollup_list_departments   (PbsRollup     *self);
PBS_AVAILABLE_IN_0_1
guint           pbs_rollup_count_grade        (PbsRollup     *self,
                                               const char    *department,
                                               PbsGrade       grade);

G_END_DECLS
