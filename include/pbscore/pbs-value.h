/* pbs-value.h - targets and actuals as printed in real tables
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
 * PbsValueKind:
 * @PBS_VALUE_QUANTITY: a number with an optional sign and unit (`≥95%`)
 * @PBS_VALUE_QUALITATIVE: words (`达成预期`, `有效提升`)
 * @PBS_VALUE_BOOLEAN: 是 or 否
 * @PBS_VALUE_DATE: a date (`2023年12月`, `2023-12-31`)
 * @PBS_VALUE_RANGE: a closed interval (`80%-90%`, `3~5天`)
 *
 * What kind of value a parsed 年度指标值 or 实际完成值 is (rule book §2).
 *
 * Since: 0.1
 */
typedef enum {
  PBS_VALUE_QUANTITY,     /*< nick=quantity >*/
  PBS_VALUE_QUALITATIVE,  /*< nick=qualitative >*/
  PBS_VALUE_BOOLEAN,      /*< nick=boolean >*/
  PBS_VALUE_DATE,         /*< nick=date >*/
  PBS_VALUE_RANGE,        /*< nick=range >*/
} PbsValueKind;

/**
 * PbsOperator:
 * @PBS_OP_NONE: no comparison (qualitative, boolean and range values)
 * @PBS_OP_GE: at least (≥ ≧ >= 不少于 不低于 大于等于 …以上)
 * @PBS_OP_GT: more than (> ＞ 大于 高于)
 * @PBS_OP_EQ: equal (= ＝ ═ ﹦ 等于, or a bare number)
 * @PBS_OP_LE: at most (≤ ≦ <= 不超过 不高于 小于等于 …以内 …以下)
 * @PBS_OP_LT: less than (< ＜ 小于 低于)
 *
 * The comparison sign of a value (指标性质).
 *
 * Since: 0.1
 */
typedef enum {
  PBS_OP_NONE,  /*< nick=none >*/
  PBS_OP_GE,    /*< nick=ge >*/
  PBS_OP_GT,    /*< nick=gt >*/
  PBS_OP_EQ,    /*< nick=eq >*/
  PBS_OP_LE,    /*< nick=le >*/
  PBS_OP_LT,    /*< nick=lt >*/
} PbsOperator;

/**
 * PbsBand:
 * @PBS_BAND_UNKNOWN: the words name no band
 * @PBS_BAND_MET: 达成年度指标: [80 %, 100 %] of the points
 * @PBS_BAND_PARTIAL: 部分达成年度指标并具有一定效果: [60 %, 80 %)
 * @PBS_BAND_UNMET: 未达成年度指标且效果较差: [0, 60 %)
 *
 * The three bands of a qualitative (定性) indicator (rule book §4).
 *
 * Since: 0.1
 */
typedef enum {
  PBS_BAND_UNKNOWN,  /*< nick=unknown >*/
  PBS_BAND_MET,      /*< nick=met >*/
  PBS_BAND_PARTIAL,  /*< nick=partial >*/
  PBS_BAND_UNMET,    /*< nick=unmet >*/
} PbsBand;

typedef struct _PbsValue PbsValue;

#define PBS_TYPE_VALUE (pbs_value_get_type ())

PBS_AVAILABLE_IN_0_1
GType         pbs_value_get_type      (void) G_GNUC_CONST;
PBS_AVAILABLE_IN_0_1
PbsValue     *pbs_value_parse         (const char      *text,
                                       GError         **error);
PBS_AVAILABLE_IN_0_1
PbsValue     *pbs_value_copy          (const PbsValue  *self);
PBS_AVAILABLE_IN_0_1
void          pbs_value_free          (PbsValue        *self);

PBS_AVAILABLE_IN_0_1
const char   *pbs_value_get_text      (const PbsValue  *self);
PBS_AVAILABLE_IN_0_1
PbsValueKind  pbs_value_get_kind      (const PbsValue  *self);
PBS_AVAILABLE_IN_0_1
PbsOperator   pbs_value_get_operator  (const PbsValue  *self);
PBS_AVAILABLE_IN_0_1
gboolean      pbs_value_get_number    (const PbsValue  *self,
                                       PbsDecimal      *out);
PBS_AVAILABLE_IN_0_1
gboolean      pbs_value_get_high      (const PbsValue  *self,
                                       PbsDecimal      *out);
PBS_AVAILABLE_IN_0_1
const char   *pbs_value_get_unit      (const PbsValue  *self);
PBS_AVAILABLE_IN_0_1
gboolean      pbs_value_get_boolean   (const PbsValue  *self);
PBS_AVAILABLE_IN_0_1
gboolean      pbs_value_get_date      (const PbsValue  *self,
                                       guint           *year,
                                       guint           *month,
                                       guint           *day);
PBS_AVAILABLE_IN_0_1
PbsBand       pbs_value_get_band      (const PbsValue  *self,
                                       const PbsValue  *target);

PBS_AVAILABLE_IN_0_1
const char   *pbs_operator_get_sign  (PbsOperator      op);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PbsValue, pbs_value_free)

G_END_DECLS
