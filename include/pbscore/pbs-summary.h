/* pbs-summary.h - a batch of scored evaluations summed up by group
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(__PBSCORE_INSIDE__) && !defined(PBSCORE_COMPILATION)
#error "Only <pbscore/pbscore.h> can be included directly."
#endif

#include <gio/gio.h>
#include <pbscore/pbs-macros.h>
#include <pbscore/pbs-decimal.h>
#include <pbscore/pbs-language.h>
#include <pbscore/pbs-scorecard.h>
#include <pbscore/pbs-report.h>

G_BEGIN_DECLS

/**
 * PbsSummaryKey:
 * @PBS_SUMMARY_KEY_DEPARTMENT: the 主管部门
 * @PBS_SUMMARY_KEY_UNIT: the 实施单位
 * @PBS_SUMMARY_KEY_YEAR: the year
 * @PBS_SUMMARY_KEY_TEMPLATE: the name of the evaluation's template
 *
 * What a #PbsSummary groups evaluations by (`pbscore summary --by`). The
 * nicks are the names `--by` takes and the names of the group's fields.
 *
 * Since: 0.1
 */
typedef enum {
  PBS_SUMMARY_KEY_DEPARTMENT,  /*< nick=department >*/
  PBS_SUMMARY_KEY_UNIT,        /*< nick=unit >*/
  PBS_SUMMARY_KEY_YEAR,        /*< nick=year >*/
  PBS_SUMMARY_KEY_TEMPLATE,    /*< nick=template >*/
} PbsSummaryKey;

/**
 * PbsSummaryStat:
 * @PBS_SUMMARY_STAT_MIN: the lowest total
 * @PBS_SUMMARY_STAT_MEDIAN: the median total: the middle one of an odd
 *   count, the mean of the two middle ones of an even count (rounded as
 *   the mean is)
 * @PBS_SUMMARY_STAT_MEAN: the mean total, rounded half up to two decimals
 *   (or to the totals' own digits when they have more)
 * @PBS_SUMMARY_STAT_MAX: the highest total
 *
 * A statistic of the totals of a group's complete evaluations
 * (pbs_summary_get_total()).
 *
 * Since: 0.1
 */
typedef enum {
  PBS_SUMMARY_STAT_MIN,     /*< nick=min >*/
  PBS_SUMMARY_STAT_MEDIAN,  /*< nick=median >*/
  PBS_SUMMARY_STAT_MEAN,    /*< nick=mean >*/
  PBS_SUMMARY_STAT_MAX,     /*< nick=max >*/
} PbsSummaryStat;

#define PBS_TYPE_SUMMARY (pbs_summary_get_type ())

PBS_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (PbsSummary, pbs_summary, PBS, SUMMARY, GObject)

PBS_AVAILABLE_IN_0_1
PbsSummary   *pbs_summary_new                 (void);
PBS_AVAILABLE_IN_0_1
void          pbs_summary_add_key             (PbsSummary     *self,
                                               PbsSummaryKey   key);
PBS_AVAILABLE_IN_0_1
guint         pbs_summary_get_n_keys          (PbsSummary     *self);
PBS_AVAILABLE_IN_0_1
PbsSummaryKey pbs_summary_get_key             (PbsSummary     *self,
                                               guint           index);
PBS_AVAILABLE_IN_0_1
gboolean      pbs_summary_add                 (PbsSummary     *self,
                                               PbsScorecard   *scorecard,
                                               GError        **error);
PBS_AVAILABLE_IN_0_1
guint         pbs_summary_get_n_evaluations   (PbsSummary     *self);
PBS_AVAILABLE_IN_0_1
guint         pbs_summary_get_n_groups        (PbsSummary     *self);
PBS_AVAILABLE_IN_0_1
const char   *pbs_summary_get_group_value     (PbsSummary     *self,
                                               guint           group,
                                               guint           key);
PBS_AVAILABLE_IN_0_1
guint         pbs_summary_get_count           (PbsSummary     *self,
                                               guint           group);
PBS_AVAILABLE_IN_0_1
guint         pbs_summary_get_grade_count     (PbsSummary     *self,
                                               guint           group,
                                               PbsGrade        grade);
PBS_AVAILABLE_IN_0_1
gboolean      pbs_summary_get_total           (PbsSummary     *self,
                                               guint           group,
                                               PbsSummaryStat  stat,
                                               PbsDecimal     *out);
PBS_AVAILABLE_IN_0_1
gboolean      pbs_summary_get_annual          (PbsSummary     *self,
                                               guint           group,
                                               PbsDecimal     *out);
PBS_AVAILABLE_IN_0_1
gboolean      pbs_summary_get_executed        (PbsSummary     *self,
                                               guint           group,
                                               PbsDecimal     *out);
PBS_AVAILABLE_IN_0_1
gboolean      pbs_summary_get_rate            (PbsSummary     *self,
                                               guint           group,
                                               PbsDecimal     *out);
PBS_AVAILABLE_IN_0_1
guint         pbs_summary_get_n_without_amounts (PbsSummary   *self,
                                                 guint         group);
PBS_AVAILABLE_IN_0_1
gboolean      pbs_summary_write               (PbsSummary     *self,
                                               GOutputStream  *stream,
                                               PbsFormat       format,
                                               PbsLanguage     language,
                                               GCancellable   *cancellable,
                                               GError        **error);
PBS_AVAILABLE_IN_0_1
char         *pbs_summary_render              (PbsSummary     *self,
                                               PbsFormat       format,
                                               PbsLanguage     language,
                                               gsize          *length,
                                               GError        **error);

G_END_DECLS
