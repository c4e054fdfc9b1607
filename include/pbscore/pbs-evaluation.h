/* pbs-evaluation.h - a self-evaluation table (绩效自评表)
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
#include <pbscore/pbs-budget.h>
#include <pbscore/pbs-indicator.h>
#include <pbscore/pbs-policy.h>
#include <pbscore/pbs-template.h>

G_BEGIN_DECLS

/**
 * PbsCurrency:
 * @PBS_CURRENCY_WAN_YUAN: amounts are in 万元 (the default)
 * @PBS_CURRENCY_YUAN: amounts are in 元
 *
 * The money unit of a table's budget block.
 *
 * Since: 0.1
 */
typedef enum {
  PBS_CURRENCY_WAN_YUAN,  /*< nick=wan_yuan >*/
  PBS_CURRENCY_YUAN,      /*< nick=yuan >*/
} PbsCurrency;

typedef struct _PbsScorecard PbsScorecard;

typedef struct _PbsEvaluation PbsEvaluation;

#define PBS_TYPE_EVALUATION (pbs_evaluation_get_type ())

PBS_AVAILABLE_IN_0_1
GType          pbs_evaluation_get_type        (void) G_GNUC_CONST;
PBS_AVAILABLE_IN_0_1
PbsEvaluation *pbs_evaluation_new             (void);
PBS_AVAILABLE_IN_0_1
PbsEvaluation *pbs_evaluation_ref             (PbsEvaluation *self);
PBS_AVAILABLE_IN_0_1
void           pbs_evaluation_unref           (PbsEvaluation *self);
PBS_AVAILABLE_IN_0_1
PbsEvaluation *pbs_evaluation_copy            (PbsEvaluation *self);
PBS_AVAILABLE_IN_0_1
void           pbs_evaluation_seal            (PbsEvaluation *self);
PBS_AVAILABLE_IN_0_1
gboolean       pbs_evaluation_is_sealed       (PbsEvaluation *self);

PBS_AVAILABLE_IN_0_1
const char    *pbs_evaluation_get_title       (PbsEvaluation *self);
PBS_AVAILABLE_IN_0_1
void           pbs_evaluation_set_title       (PbsEvaluation *self,
                                               const char    *title);
PBS_AVAILABLE_IN_0_1
const char    *pbs_evaluation_get_department  (PbsEvaluation *self);
PBS_AVAILABLE_IN_0_1
void           pbs_evaluation_set_department  (PbsEvaluation *self,
                                               const char    *department);
PBS_AVAILABLE_IN_0_1
const char    *pbs_evaluation_get_unit        (PbsEvaluation *self);
PBS_AVAILABLE_IN_0_1
void           pbs_evaluation_set_unit        (PbsEvaluation *self,
                                               const char    *unit);
PBS_AVAILABLE_IN_0_1
guint          pbs_evaluation_get_year        (PbsEvaluation *self);
PBS_AVAILABLE_IN_0_1
void           pbs_evaluation_set_year        (PbsEvaluation *self,
                                               guint          year);
PBS_AVAILABLE_IN_0_1
PbsCurrency    pbs_evaluation_get_currency    (PbsEvaluation *self);
PBS_AVAILABLE_IN_0_1
void           pbs_evaluation_set_currency    (PbsEvaluation *self,
                                               PbsCurrency    currency);
PBS_AVAILABLE_IN_0_1
PbsBudget     *pbs_evaluation_get_budget      (PbsEvaluation *self);
PBS_AVAILABLE_IN_0_1
void           pbs_evaluation_set_budget      (PbsEvaluation *self,
                                               PbsBudget     *budget);

PBS_AVAILABLE_IN_0_1
PbsTemplate   *pbs_evaluation_get_template    (PbsEvaluation *self);
PBS_AVAILABLE_IN_0_1
void           pbs_evaluation_set_template    (PbsEvaluation *self,
                                               PbsTemplate   *template_);
PBS_AVAILABLE_IN_0_1
PbsPolicy     *pbs_evaluation_get_policy      (PbsEvaluation *self);
PBS_AVAILABLE_IN_0_1
void           pbs_evaluation_set_policy      (PbsEvaluation *self,
                                               PbsPolicy     *policy);
PBS_AVAILABLE_IN_0_1
void           pbs_evaluation_set_printed_total (PbsEvaluation    *self,
                                                 const PbsDecimal *total);
PBS_AVAILABLE_IN_0_1
gboolean       pbs_evaluation_get_printed_total (PbsEvaluation    *self,
                                                 PbsDecimal       *out);
PBS_AVAILABLE_IN_0_1
guint          pbs_evaluation_get_n_unfilled  (PbsEvaluation *self);
PBS_AVAILABLE_IN_0_1
const char    *pbs_evaluation_get_unfilled    (PbsEvaluation *self,
                                               guint          index,
                                               guint         *row,
                                               guint         *line,
                                               guint         *column);
PBS_AVAILABLE_IN_0_1
const char    *pbs_evaluation_get_source      (PbsEvaluation *self);
PBS_AVAILABLE_IN_0_1
gboolean       pbs_evaluation_check_template  (PbsEvaluation *self,
                                               PbsTemplate   *template_,
                                               GError       **error);
PBS_AVAILABLE_IN_0_1
gboolean       pbs_evaluation_equal           (PbsEvaluation *a,
                                               PbsEvaluation *b);

PBS_AVAILABLE_IN_0_1
void           pbs_evaluation_add_indicator   (PbsEvaluation *self,
                                               PbsIndicator  *indicator);
PBS_AVAILABLE_IN_0_1
guint          pbs_evaluation_get_n_indicators (PbsEvaluation *self);
PBS_AVAILABLE_IN_0_1
PbsIndicator  *pbs_evaluation_get_indicator   (PbsEvaluation *self,
                                               guint          index);

PBS_AVAILABLE_IN_0_1
PbsScorecard  *pbs_evaluation_score           (PbsEvaluation   *self,
                                               const PbsPolicy *policy,
                                               GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PbsEvaluation, pbs_evaluation_unref)

G_END_DECLS
