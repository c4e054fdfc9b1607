/* pbs-indicator.h - one row of a self-evaluation table
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
#include <pbscore/pbs-value.h>

G_BEGIN_DECLS

/**
 * PbsStepMode:
 * @PBS_STEP_EXACT: a part of a step deducts its share (1.5 points over,
 *   at 0.1 a point, deducts 0.15)
 * @PBS_STEP_STARTED: every started step deducts in full (0.2)
 * @PBS_STEP_COMPLETED: only completed steps deduct (0.1)
 *
 * How a step-deduction rule (每超 1 个百分点扣 0.1 分，扣完为止) counts a
 * part of a step.
 *
 * Since: 0.1
 */
typedef enum {
  PBS_STEP_EXACT,      /*< nick=exact >*/
  PBS_STEP_STARTED,    /*< nick=started >*/
  PBS_STEP_COMPLETED,  /*< nick=completed >*/
} PbsStepMode;

/**
 * PbsBandsMeasure:
 * @PBS_BANDS_OF_DEVIATION: bands of the deviation from the target,
 *   |a − t| / t in percent (±10 % 以内得 5 分)
 * @PBS_BANDS_OF_VALUE: bands of the actual value itself (95 % 以上得 10 分)
 *
 * What a band rule looks up in its bands.
 *
 * Since: 0.1
 */
typedef enum {
  PBS_BANDS_OF_DEVIATION,  /*< nick=deviation >*/
  PBS_BANDS_OF_VALUE,      /*< nick=value >*/
} PbsBandsMeasure;

typedef struct _PbsIndicator PbsIndicator;

#define PBS_TYPE_INDICATOR (pbs_indicator_get_type ())

PBS_AVAILABLE_IN_0_1
GType             pbs_indicator_get_type           (void) G_GNUC_CONST;
PBS_AVAILABLE_IN_0_1
PbsIndicator     *pbs_indicator_copy               (const PbsIndicator *self);
PBS_AVAILABLE_IN_0_1
PbsIndicator     *pbs_indicator_new                (const char         *level1,
                                                    const char         *level2,
                                                    const char         *name,
                                                    const PbsDecimal   *points);
PBS_AVAILABLE_IN_0_1
PbsIndicator     *pbs_indicator_ref                (PbsIndicator       *self);
PBS_AVAILABLE_IN_0_1
void              pbs_indicator_unref              (PbsIndicator       *self);

PBS_AVAILABLE_IN_0_1
const char       *pbs_indicator_get_level1         (const PbsIndicator *self);
PBS_AVAILABLE_IN_0_1
const char       *pbs_indicator_get_level2         (const PbsIndicator *self);
PBS_AVAILABLE_IN_0_1
const char       *pbs_indicator_get_name           (const PbsIndicator *self);
PBS_AVAILABLE_IN_0_1
void              pbs_indicator_get_points         (const PbsIndicator *self,
                                                    PbsDecimal         *out);

PBS_AVAILABLE_IN_0_1
gboolean          pbs_indicator_set_target         (PbsIndicator       *self,
                                                    const char         *text,
                                                    GError            **error);
PBS_AVAILABLE_IN_0_1
const PbsValue   *pbs_indicator_get_target         (const PbsIndicator *self);
PBS_AVAILABLE_IN_0_1
gboolean          pbs_indicator_set_actual         (PbsIndicator       *self,
                                                    const char         *text,
                                                    GError            **error);
PBS_AVAILABLE_IN_0_1
const PbsValue   *pbs_indicator_get_actual         (const PbsIndicator *self);

PBS_AVAILABLE_IN_0_1
void              pbs_indicator_set_reason         (PbsIndicator       *self,
                                                    const char         *reason);
PBS_AVAILABLE_IN_0_1
const char       *pbs_indicator_get_reason         (const PbsIndicator *self);

PBS_AVAILABLE_IN_0_1
void              pbs_indicator_set_manual_score   (PbsIndicator       *self,
                                                    const PbsDecimal   *score);
PBS_AVAILABLE_IN_0_1
gboolean          pbs_indicator_get_manual_score   (const PbsIndicator *self,
                                                    PbsDecimal         *out);
PBS_AVAILABLE_IN_0_1
void              pbs_indicator_set_printed_score  (PbsIndicator       *self,
                                                    const PbsDecimal   *score);
PBS_AVAILABLE_IN_0_1
gboolean          pbs_indicator_get_printed_score  (const PbsIndicator *self,
                                                    PbsDecimal         *out);
PBS_AVAILABLE_IN_0_1
void              pbs_indicator_set_band           (PbsIndicator       *self,
                                                    PbsBand             band);
PBS_AVAILABLE_IN_0_1
PbsBand           pbs_indicator_get_band           (const PbsIndicator *self);
PBS_AVAILABLE_IN_0_1
void              pbs_indicator_set_not_applicable (PbsIndicator       *self,
                                                    gboolean            not_applicable);
PBS_AVAILABLE_IN_0_1
gboolean          pbs_indicator_get_not_applicable (const PbsIndicator *self);
PBS_AVAILABLE_IN_0_1
void              pbs_indicator_set_unpublished    (PbsIndicator       *self,
                                                    gboolean            unpublished);
PBS_AVAILABLE_IN_0_1
gboolean          pbs_indicator_get_unpublished    (const PbsIndicator *self);

PBS_AVAILABLE_IN_0_1
void              pbs_indicator_set_step           (PbsIndicator       *self,
                                                    const PbsDecimal   *per,
                                                    const PbsDecimal   *deduct,
                                                    PbsStepMode         mode);
PBS_AVAILABLE_IN_0_1
gboolean          pbs_indicator_get_step           (const PbsIndicator *self,
                                                    PbsDecimal         *per,
                                                    PbsDecimal         *deduct,
                                                    PbsStepMode        *mode);
PBS_AVAILABLE_IN_0_1
void              pbs_indicator_set_score_bands    (PbsIndicator       *self,
                                                    PbsBandsMeasure     measure);
PBS_AVAILABLE_IN_0_1
void              pbs_indicator_add_score_band     (PbsIndicator       *self,
                                                    const PbsDecimal   *min,
                                                    const PbsDecimal   *max,
                                                    const PbsDecimal   *score);
PBS_AVAILABLE_IN_0_1
guint             pbs_indicator_get_n_score_bands  (const PbsIndicator *self);
PBS_AVAILABLE_IN_0_1
gboolean          pbs_indicator_get_score_band     (const PbsIndicator *self,
                                                    guint               index,
                                                    PbsBandsMeasure    *measure,
                                                    PbsDecimal         *min,
                                                    gboolean           *has_min,
                                                    PbsDecimal         *max,
                                                    gboolean           *has_max,
                                                    PbsDecimal         *score);
PBS_AVAILABLE_IN_0_1
void              pbs_indicator_clear_rule         (PbsIndicator       *self);
PBS_AVAILABLE_IN_0_1
void              pbs_indicator_set_parent         (PbsIndicator       *self,
                                                    const char         *parent);
PBS_AVAILABLE_IN_0_1
const char       *pbs_indicator_get_parent         (const PbsIndicator *self);

PBS_AVAILABLE_IN_0_1
guint             pbs_indicator_get_line           (const PbsIndicator *self);
PBS_AVAILABLE_IN_0_1
guint             pbs_indicator_get_column         (const PbsIndicator *self);
PBS_AVAILABLE_IN_0_1
void              pbs_indicator_set_place          (PbsIndicator       *self,
                                                    const char         *place);
PBS_AVAILABLE_IN_0_1
const char       *pbs_indicator_get_place          (const PbsIndicator *self);
PBS_AVAILABLE_IN_0_1
gboolean          pbs_indicator_equal              (const PbsIndicator *a,
                                                    const PbsIndicator *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PbsIndicator, pbs_indicator_unref)

G_END_DECLS
