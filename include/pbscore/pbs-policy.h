/* pbs-policy.h - the knobs a province or city scores with
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

/**
 * PbsEqualMode:
 * @PBS_EQUAL_AS_GE: an `=` target scores like `≥`: over-delivery keeps full
 *   points (central)
 * @PBS_EQUAL_TWO_SIDED: the deviation |a−t|/t is scored like a shortfall
 *
 * Values of the policy knob `equal.mode` (rule book §4).
 *
 * Since: 0.1
 */
typedef enum {
  PBS_EQUAL_AS_GE,      /*< nick=as_ge >*/
  PBS_EQUAL_TWO_SIDED,  /*< nick=two_sided >*/
} PbsEqualMode;

/**
 * PbsReverseFormula:
 * @PBS_REVERSE_RATIO: past the target, w·t/a (central; 年度指标值/全年实际值×分值)
 * @PBS_REVERSE_RELATIVE_EXCESS: past the target, w·max(0, 1 − (a−t)/t)
 *
 * Values of the policy knob `reverse.formula` (rule book §4).
 *
 * Since: 0.1
 */
typedef enum {
  PBS_REVERSE_RATIO,            /*< nick=ratio >*/
  PBS_REVERSE_RELATIVE_EXCESS,  /*< nick=relative_excess >*/
} PbsReverseFormula;

/**
 * PbsQualitativeDefaults:
 * @PBS_QUALITATIVE_NONE: a row below 达成 needs a manual score (central)
 * @PBS_QUALITATIVE_LOWER: a row below 达成 without a manual score gets its
 *   band's lower bound (部分达成 60 %, 未达成 0)
 * @PBS_QUALITATIVE_MIDDLE: it gets the middle of its band (部分达成 70 %,
 *   未达成 30 %)
 *
 * Values of the policy knob `qualitative.defaults` (rule book §4).
 *
 * Since: 0.1
 */
typedef enum {
  PBS_QUALITATIVE_NONE,    /*< nick=none >*/
  PBS_QUALITATIVE_LOWER,   /*< nick=lower >*/
  PBS_QUALITATIVE_MIDDLE,  /*< nick=middle >*/
} PbsQualitativeDefaults;

/**
 * PbsOverAction:
 * @PBS_OVER_FLAG: flag the row and ask for a 偏差原因 (central)
 * @PBS_OVER_REQUIRE_REASON: an empty 偏差原因 on an over-completed row is
 *   an error
 * @PBS_OVER_DEDUCT: s = w·max(0, 1 − k·(a/t − threshold))
 *
 * Values of the policy knob `over.action` (rule book §4, 偏离度).
 *
 * Since: 0.1
 */
typedef enum {
  PBS_OVER_FLAG,            /*< nick=flag >*/
  PBS_OVER_REQUIRE_REASON,  /*< nick=require_reason >*/
  PBS_OVER_DEDUCT,          /*< nick=deduct >*/
} PbsOverAction;

/**
 * PbsWeightsMode:
 * @PBS_WEIGHTS_ERROR: points that do not add up to the total are an error
 *   (central)
 * @PBS_WEIGHTS_RESCALE: the total is rescaled to `weights.total`
 * @PBS_WEIGHTS_AS_IS: reported only; the table's own sum is the total
 *
 * Values of the policy knob `weights.mismatch` (rule book §6).
 *
 * Since: 0.1
 */
typedef enum {
  PBS_WEIGHTS_ERROR,    /*< nick=error >*/
  PBS_WEIGHTS_RESCALE,  /*< nick=rescale >*/
  PBS_WEIGHTS_AS_IS,    /*< nick=as_is >*/
} PbsWeightsMode;

/**
 * PbsBudgetZero:
 * @PBS_BUDGET_ZERO_ERROR: a 全年预算数 of 0 is an error (central)
 * @PBS_BUDGET_ZERO_SCORE_ZERO: the rate is shown as undefined and the
 *   budget scores 0, with a yellow warning
 *
 * Values of the policy knob `budget.zero` (rule book §3).
 *
 * Since: 0.1
 */
typedef enum {
  PBS_BUDGET_ZERO_ERROR,       /*< nick=error >*/
  PBS_BUDGET_ZERO_SCORE_ZERO,  /*< nick=score_zero >*/
} PbsBudgetZero;

/**
 * PbsBudgetBase:
 * @PBS_BUDGET_BASE_ANNUAL: the rate divides 全年执行数 by 全年预算数 (central)
 * @PBS_BUDGET_BASE_INITIAL: the rate divides 全年执行数 by 年初预算数, as
 *   some provinces' forms do
 *
 * Values of the policy knob `budget.base` (rule book §11).
 *
 * Since: 0.1
 */
typedef enum {
  PBS_BUDGET_BASE_ANNUAL,   /*< nick=annual >*/
  PBS_BUDGET_BASE_INITIAL,  /*< nick=initial >*/
} PbsBudgetBase;

typedef struct _PbsPolicy PbsPolicy;

#define PBS_TYPE_POLICY (pbs_policy_get_type ())

PBS_AVAILABLE_IN_0_1
GType               pbs_policy_get_type        (void) G_GNUC_CONST;
PBS_AVAILABLE_IN_0_1
PbsPolicy          *pbs_policy_new             (void);
PBS_AVAILABLE_IN_0_1
PbsPolicy          *pbs_policy_new_preset      (const char       *name,
                                                GError          **error);
PBS_AVAILABLE_IN_0_1
PbsPolicy          *pbs_policy_copy            (const PbsPolicy  *self);
PBS_AVAILABLE_IN_0_1
PbsPolicy          *pbs_policy_ref             (PbsPolicy        *self);
PBS_AVAILABLE_IN_0_1
void                pbs_policy_unref           (PbsPolicy        *self);

PBS_AVAILABLE_IN_0_1
const char         *pbs_policy_get_name        (const PbsPolicy  *self);
PBS_AVAILABLE_IN_0_1
void                pbs_policy_set_name        (PbsPolicy        *self,
                                                const char       *name);
PBS_AVAILABLE_IN_0_1
const char         *pbs_policy_get_label       (const PbsPolicy  *self);
PBS_AVAILABLE_IN_0_1
void                pbs_policy_set_label       (PbsPolicy        *self,
                                                const char       *label);
PBS_AVAILABLE_IN_0_1
gboolean            pbs_policy_set             (PbsPolicy        *self,
                                                const char       *knob,
                                                const char       *value,
                                                GError          **error);
PBS_AVAILABLE_IN_0_1
char               *pbs_policy_dup_knob             (const PbsPolicy  *self,
                                                const char       *knob);
PBS_AVAILABLE_IN_0_1
gboolean            pbs_policy_equal           (const PbsPolicy  *a,
                                                const PbsPolicy  *b);
PBS_AVAILABLE_IN_0_1
gboolean            pbs_policy_validate        (const PbsPolicy  *self,
                                                GError          **error);

PBS_AVAILABLE_IN_0_1
const char * const *pbs_policy_list_knobs      (void);
PBS_AVAILABLE_IN_0_1
const char         *pbs_policy_knob_describe   (const char       *knob);
PBS_AVAILABLE_IN_0_1
const char * const *pbs_policy_list_presets    (void);

PBS_AVAILABLE_IN_0_1
PbsRoundingMode     pbs_policy_get_rounding_mode   (const PbsPolicy *self);
PBS_AVAILABLE_IN_0_1
guint               pbs_policy_get_rounding_digits (const PbsPolicy *self);
PBS_AVAILABLE_IN_0_1
void                pbs_policy_get_budget_points   (const PbsPolicy *self,
                                                    PbsDecimal      *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PbsPolicy, pbs_policy_unref)

G_END_DECLS
