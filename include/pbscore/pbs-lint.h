/* pbs-lint.h - indicator quality: the weaknesses units confess
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
#include <pbscore/pbs-scorecard.h>

G_BEGIN_DECLS

/**
 * PbsLintCheck:
 * @PBS_LINT_VAGUE_TARGET: a qualitative target in vague words (良好, 有效,
 *   明显 …) where a number was possible
 * @PBS_LINT_NO_UNIT: a numeric target without a unit
 * @PBS_LINT_GENERIC_DOMINATES: generic indicators (the template's list)
 *   dominate a category: 共性指标多，个性化指标少
 * @PBS_LINT_FEW_QUANTITATIVE: too few quantitative rows
 * @PBS_LINT_TARGET_TOO_LOW: a target exceeded far past the over-completion
 *   threshold: it was set too low
 * @PBS_LINT_POINTS_PILED: too many of a category's points on one row
 * @PBS_LINT_MISSING_REASON: a row owes a 偏差原因 and has none
 * @PBS_LINT_UNFILLED: a placeholder (`待填写`, `XX` …; rule book §11) is
 *   left in a field; the finding's category is the field's key
 *
 * The checks of `pbscore lint` (doc/lint.md). The nicks are stable.
 *
 * Since: 0.1
 */
typedef enum {
  PBS_LINT_VAGUE_TARGET,       /*< nick=vague_target >*/
  PBS_LINT_NO_UNIT,            /*< nick=no_unit >*/
  PBS_LINT_GENERIC_DOMINATES,  /*< nick=generic_dominates >*/
  PBS_LINT_FEW_QUANTITATIVE,   /*< nick=few_quantitative >*/
  PBS_LINT_TARGET_TOO_LOW,     /*< nick=target_too_low >*/
  PBS_LINT_POINTS_PILED,       /*< nick=points_piled >*/
  PBS_LINT_MISSING_REASON,     /*< nick=missing_reason >*/
  PBS_LINT_UNFILLED,           /*< nick=unfilled >*/
} PbsLintCheck;

typedef struct _PbsLint PbsLint;

#define PBS_TYPE_LINT (pbs_lint_get_type ())

PBS_AVAILABLE_IN_0_1
GType         pbs_lint_get_type          (void) G_GNUC_CONST;
PBS_AVAILABLE_IN_0_1
PbsLint      *pbs_lint_new               (PbsScorecard *scorecard);
PBS_AVAILABLE_IN_0_1
PbsLint      *pbs_lint_ref               (PbsLint      *self);
PBS_AVAILABLE_IN_0_1
void          pbs_lint_unref             (PbsLint      *self);
PBS_AVAILABLE_IN_0_1
guint         pbs_lint_get_n_findings    (const PbsLint      *self);
PBS_AVAILABLE_IN_0_1
PbsLintCheck  pbs_lint_get_check         (const PbsLint      *self,
                                          guint         index);
PBS_AVAILABLE_IN_0_1
gint          pbs_lint_get_row           (const PbsLint      *self,
                                          guint         index);
PBS_AVAILABLE_IN_0_1
const char   *pbs_lint_get_category      (const PbsLint      *self,
                                          guint         index);
PBS_AVAILABLE_IN_0_1
char         *pbs_lint_dup_message       (const PbsLint      *self,
                                          guint         index,
                                          PbsLanguage   language);
PBS_AVAILABLE_IN_0_1
char         *pbs_lint_dup_suggestion    (const PbsLint      *self,
                                          guint         index,
                                          PbsLanguage   language);
PBS_AVAILABLE_IN_0_1
guint         pbs_lint_count             (const PbsLint      *self,
                                          PbsLintCheck  check);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PbsLint, pbs_lint_unref)

G_END_DECLS
