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

typedef struct _PbsIndicator PbsIndicator;

#define PBS_TYPE_INDICATOR (pbs_indicator_get_type ())

PBS_AVAILABLE_IN_0_1
GType             pbs_indicator_get_type           (void) G_GNUC_CONST;
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
guint             pbs_indicator_get_line           (const PbsIndicator *self);
PBS_AVAILABLE_IN_0_1
gboolean          pbs_indicator_equal              (const PbsIndicator *a,
                                                    const PbsIndicator *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PbsIndicator, pbs_indicator_unref)

G_END_DECLS
