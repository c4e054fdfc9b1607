/* pbs-scorecard.h - the scores of one evaluation under one policy
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
#include <pbscore/pbs-language.h>
#include <pbscore/pbs-decimal.h>
#include <pbscore/pbs-evaluation.h>
#include <pbscore/pbs-policy.h>

G_BEGIN_DECLS

/**
 * PbsStatus:
 * @PBS_STATUS_MET: the target was reached (a row with a deduction is still
 *   met)
 * @PBS_STATUS_PARTIAL: not reached; the rounded score is above 0
 * @PBS_STATUS_UNMET: not reached; the rounded score is 0
 * @PBS_STATUS_UNSCORED: no actual was given; the row has no score
 * @PBS_STATUS_NOT_APPLICABLE: the row is marked not applicable
 * @PBS_STATUS_UNPUBLISHED: the published table does not show the row in
 *   full (`unpublished: true`, rule book §11); the row has no score and the
 *   scorecard is incomplete
 *
 * The outcome of one row. The nicks (`met`, `partial`, `unmet`,
 * `unscored`, `not_applicable`, `unpublished`) are stable strings for reports.
 *
 * Since: 0.1
 */
typedef enum {
  PBS_STATUS_MET,             /*< nick=met >*/
  PBS_STATUS_PARTIAL,         /*< nick=partial >*/
  PBS_STATUS_UNMET,           /*< nick=unmet >*/
  PBS_STATUS_UNSCORED,        /*< nick=unscored >*/
  PBS_STATUS_NOT_APPLICABLE,  /*< nick=not_applicable >*/
  PBS_STATUS_UNPUBLISHED,     /*< nick=unpublished >*/
} PbsStatus;

/**
 * PbsRule:
 * @PBS_RULE_NONE: no rule ran (unscored or not applicable)
 * @PBS_RULE_POSITIVE: 正向 `≥` / `>`: a ≥ t → w, else w·a/t
 * @PBS_RULE_EQUAL: `=` with t ≠ 0, scored like `≥` (`equal.mode` as_ge)
 * @PBS_RULE_EQUAL_ZERO: `=` with t = 0: w when a ≤ 0, else 0
 * @PBS_RULE_EQUAL_TWO_SIDED: `=` scored on |a−t|/t (`equal.mode` two_sided)
 * @PBS_RULE_REVERSE_RATIO: 反向 `≤` / `<`, past the target w·t/a
 * @PBS_RULE_REVERSE_RELATIVE_EXCESS: 反向, past the target
 *   w·max(0, 1 − (a−t)/t)
 * @PBS_RULE_RANGE: a closed interval: inside → w, outside like `≥lo` or
 *   `≤hi`
 * @PBS_RULE_QUALITATIVE: 定性, by band and manual score
 * @PBS_RULE_BOOLEAN: 是/否
 * @PBS_RULE_DATE: a deadline: on or before → w, late → `date.late`
 * @PBS_RULE_STEP: step deduction: full points within the target, a fixed
 *   deduction per step beyond it, floored at 0 (rule book §9)
 * @PBS_RULE_BANDS: the score of the band the deviation or the value falls
 *   in (rule book §9)
 *
 * Which formula of rule book §4 scored a row. The nicks are stable strings
 * for reports.
 *
 * Since: 0.1
 */
typedef enum {
  PBS_RULE_NONE,                     /*< nick=none >*/
  PBS_RULE_POSITIVE,                 /*< nick=positive >*/
  PBS_RULE_EQUAL,                    /*< nick=equal >*/
  PBS_RULE_EQUAL_ZERO,               /*< nick=equal_zero >*/
  PBS_RULE_EQUAL_TWO_SIDED,          /*< nick=equal_two_sided >*/
  PBS_RULE_REVERSE_RATIO,            /*< nick=reverse_ratio >*/
  PBS_RULE_REVERSE_RELATIVE_EXCESS,  /*< nick=reverse_relative_excess >*/
  PBS_RULE_RANGE,                    /*< nick=range >*/
  PBS_RULE_QUALITATIVE,              /*< nick=qualitative >*/
  PBS_RULE_BOOLEAN,                  /*< nick=boolean >*/
  PBS_RULE_DATE,                     /*< nick=date >*/
  PBS_RULE_STEP,                     /*< nick=step >*/
  PBS_RULE_BANDS,                    /*< nick=bands >*/
} PbsRule;

/**
 * PbsDeviation:
 * @PBS_DEVIATION_NONE: the row met its target, or has no score
 * @PBS_DEVIATION_SHORT: below a minimum (`≥`, `>`, the low end of a range,
 *   an `=` target scored as at-least)
 * @PBS_DEVIATION_PAST_CEILING: above a maximum (`≤`, `<`, the high end of a
 *   range)
 * @PBS_DEVIATION_OFF_TARGET: away from an exact value (`=` scored two-sided,
 *   `=0`, 是/否)
 * @PBS_DEVIATION_LATE: after its deadline
 * @PBS_DEVIATION_BELOW_BAND: words below their band (基本达成, 未达成 …)
 *
 * Which way a row missed its target, as its rule decided while scoring it.
 * Audits, lint and narratives read it rather than deciding it again. The
 * nicks (`none`, `short`, `past_ceiling`, `off_target`, `late`,
 * `below_band`) are stable strings for reports and the JSON field
 * `deviation`.
 *
 * Since: 0.1
 */
typedef enum {
  PBS_DEVIATION_NONE,          /*< nick=none >*/
  PBS_DEVIATION_SHORT,         /*< nick=short >*/
  PBS_DEVIATION_PAST_CEILING,  /*< nick=past_ceiling >*/
  PBS_DEVIATION_OFF_TARGET,    /*< nick=off_target >*/
  PBS_DEVIATION_LATE,          /*< nick=late >*/
  PBS_DEVIATION_BELOW_BAND,    /*< nick=below_band >*/
} PbsDeviation;

/**
 * PbsFlags:
 * @PBS_FLAG_NONE: nothing to report
 * @PBS_FLAG_OVER_COMPLETION: the actual is past `over.threshold` × target
 *   (偏离度): the target may have been set too low
 * @PBS_FLAG_MISSING_REASON: a 偏差原因 is owed (shortfall or
 *   over-completion) and none was given
 * @PBS_FLAG_MANUAL_OUT_OF_BAND: the manual score lies outside its band
 * @PBS_FLAG_PRINTED_DIFFERS: the printed score differs from the computed
 *   one by more than `audit.tolerance`
 * @PBS_FLAG_LATE: a date target was missed
 * @PBS_FLAG_MANUAL_IGNORED: a manual score or an explicit band on a
 *   non-qualitative row was ignored
 * @PBS_FLAG_OVER_DEDUCTED: points were deducted for over-completion
 *   (`over.action` deduct)
 * @PBS_FLAG_NOT_COUNTED: a parent or child row (`其中…`) whose score is
 *   shown but counted through the other level, never twice
 * @PBS_FLAG_READ_AS_ZERO: the actual `无` was read as 0 against a target
 *   of at most some count (`≤3次`, `=0起`; rule book §11)
 *
 * Findings on one row. The nicks are stable strings for reports.
 *
 * Since: 0.1
 */
typedef enum /*< flags >*/ {
  PBS_FLAG_NONE               = 0,       /*< nick=none >*/
  PBS_FLAG_OVER_COMPLETION    = 1 << 0,  /*< nick=over_completion >*/
  PBS_FLAG_MISSING_REASON     = 1 << 1,  /*< nick=missing_reason >*/
  PBS_FLAG_MANUAL_OUT_OF_BAND = 1 << 2,  /*< nick=manual_out_of_band >*/
  PBS_FLAG_PRINTED_DIFFERS    = 1 << 3,  /*< nick=printed_differs >*/
  PBS_FLAG_LATE               = 1 << 4,  /*< nick=late >*/
  PBS_FLAG_MANUAL_IGNORED     = 1 << 5,  /*< nick=manual_ignored >*/
  PBS_FLAG_OVER_DEDUCTED      = 1 << 6,  /*< nick=over_deducted >*/
  PBS_FLAG_NOT_COUNTED        = 1 << 7,  /*< nick=not_counted >*/
  PBS_FLAG_READ_AS_ZERO       = 1 << 8,  /*< nick=read_as_zero >*/
} PbsFlags;

/**
 * PbsGrade:
 * @PBS_GRADE_NONE: no grade: the scorecard is incomplete
 * @PBS_GRADE_EXCELLENT: 优 (central: total ≥ 90)
 * @PBS_GRADE_GOOD: 良 (central: [80, 90))
 * @PBS_GRADE_FAIR: 中 (central: [60, 80))
 * @PBS_GRADE_POOR: 差 (central: < 60)
 *
 * The grade of a total (rule book §6); lower bounds are inclusive.
 *
 * Since: 0.1
 */
typedef enum {
  PBS_GRADE_NONE,       /*< nick=none >*/
  PBS_GRADE_EXCELLENT,  /*< nick=excellent >*/
  PBS_GRADE_GOOD,       /*< nick=good >*/
  PBS_GRADE_FAIR,       /*< nick=fair >*/
  PBS_GRADE_POOR,       /*< nick=poor >*/
} PbsGrade;


/**
 * PbsWarning:
 * @PBS_WARNING_OVER_BUDGET: 全年执行数 exceeds 全年预算数
 * @PBS_WARNING_EXECUTION_BELOW_90: execution below 90 %: needs an
 *   explanation
 * @PBS_WARNING_YELLOW_LOW_EXECUTION: yellow: execution below 80 %
 * @PBS_WARNING_YELLOW_ZERO_BUDGET: yellow: 全年预算数 is zero
 * @PBS_WARNING_RED_MISMATCH: red: the indicators' completion share exceeds
 *   the budget's by more than 5 % relative
 * @PBS_WARNING_WEIGHTS: the points do not add up to the total (reported
 *   under `weights.mismatch` rescale or as_is)
 * @PBS_WARNING_BUDGET_PRINTED_DIFFERS: the printed budget score differs
 *   from the computed one
 * @PBS_WARNING_ZERO_POINTS: an applicable row carries 0 points (rule book
 *   §6: every point value is above 0)
 * @PBS_WARNING_SOURCES_MISMATCH: the funding sources' amounts (当年财政拨款,
 *   上年结转资金, 其他资金) do not add up to the budget line's (rule book §11)
 *
 * Document-level warnings (rule book §3, §6, §10); never errors. Row-level
 * findings are #PbsFlags.
 *
 * Since: 0.1
 */
typedef enum {
  PBS_WARNING_OVER_BUDGET,             /*< nick=over_budget >*/
  PBS_WARNING_EXECUTION_BELOW_90,      /*< nick=execution_below_90 >*/
  PBS_WARNING_YELLOW_LOW_EXECUTION,    /*< nick=yellow_low_execution >*/
  PBS_WARNING_YELLOW_ZERO_BUDGET,      /*< nick=yellow_zero_budget >*/
  PBS_WARNING_RED_MISMATCH,            /*< nick=red_mismatch >*/
  PBS_WARNING_WEIGHTS,                 /*< nick=weights >*/
  PBS_WARNING_BUDGET_PRINTED_DIFFERS,  /*< nick=budget_printed_differs >*/
  PBS_WARNING_ZERO_POINTS,             /*< nick=zero_points >*/
  PBS_WARNING_SOURCES_MISMATCH,        /*< nick=sources_mismatch >*/
} PbsWarning;

#define PBS_TYPE_SCORECARD (pbs_scorecard_get_type ())

PBS_AVAILABLE_IN_0_1
GType            pbs_scorecard_get_type          (void) G_GNUC_CONST;
PBS_AVAILABLE_IN_0_1
PbsScorecard    *pbs_scorecard_ref               (PbsScorecard *self);
PBS_AVAILABLE_IN_0_1
void             pbs_scorecard_unref             (PbsScorecard *self);

PBS_AVAILABLE_IN_0_1
PbsEvaluation   *pbs_scorecard_get_evaluation    (const PbsScorecard *self);
PBS_AVAILABLE_IN_0_1
PbsPolicy       *pbs_scorecard_get_policy        (const PbsScorecard *self);

PBS_AVAILABLE_IN_0_1
guint            pbs_scorecard_get_n_rows        (const PbsScorecard *self);
PBS_AVAILABLE_IN_0_1
gboolean         pbs_scorecard_get_row_score     (const PbsScorecard *self,
                                                  guint         row,
                                                  PbsDecimal   *out);
PBS_AVAILABLE_IN_0_1
gboolean         pbs_scorecard_get_row_points    (const PbsScorecard *self,
                                                  guint         row,
                                                  PbsDecimal   *out);
PBS_AVAILABLE_IN_0_1
PbsStatus        pbs_scorecard_get_row_status    (const PbsScorecard *self,
                                                  guint         row);
PBS_AVAILABLE_IN_0_1
PbsRule          pbs_scorecard_get_row_rule      (const PbsScorecard *self,
                                                  guint         row);
PBS_AVAILABLE_IN_0_1
PbsDeviation     pbs_scorecard_get_row_deviation (const PbsScorecard *self,
                                                  guint         row);
PBS_AVAILABLE_IN_0_1
PbsFlags         pbs_scorecard_get_row_flags     (const PbsScorecard *self,
                                                  guint         row);
PBS_AVAILABLE_IN_0_1
gboolean         pbs_scorecard_get_row_ratio     (const PbsScorecard *self,
                                                  guint         row,
                                                  PbsDecimal   *out);
PBS_AVAILABLE_IN_0_1
char            *pbs_scorecard_dup_row_explanation (const PbsScorecard *self,
                                                    guint         row,
                                                    PbsLanguage   language);

PBS_AVAILABLE_IN_0_1
guint            pbs_scorecard_get_n_subtotals   (const PbsScorecard *self);
PBS_AVAILABLE_IN_0_1
void             pbs_scorecard_get_subtotal      (const PbsScorecard *self,
                                                  guint         index,
                                                  guint        *level,
                                                  const char  **level1,
                                                  const char  **level2,
                                                  PbsDecimal   *points,
                                                  PbsDecimal   *score);

PBS_AVAILABLE_IN_0_1
gboolean         pbs_scorecard_get_budget_rate   (const PbsScorecard *self,
                                                  PbsDecimal   *out);
PBS_AVAILABLE_IN_0_1
void             pbs_scorecard_get_budget_points (const PbsScorecard *self,
                                                  PbsDecimal   *out);
PBS_AVAILABLE_IN_0_1
gboolean         pbs_scorecard_get_budget_score  (const PbsScorecard *self,
                                                  PbsDecimal   *out);

PBS_AVAILABLE_IN_0_1
void             pbs_scorecard_get_total         (const PbsScorecard *self,
                                                  PbsDecimal   *out);
PBS_AVAILABLE_IN_0_1
void             pbs_scorecard_get_total_points  (const PbsScorecard *self,
                                                  PbsDecimal   *out);
PBS_AVAILABLE_IN_0_1
PbsGrade         pbs_scorecard_get_grade         (const PbsScorecard *self);
PBS_AVAILABLE_IN_0_1
gboolean         pbs_scorecard_is_complete       (const PbsScorecard *self);

PBS_AVAILABLE_IN_0_1
guint            pbs_scorecard_get_n_warnings    (const PbsScorecard *self);
PBS_AVAILABLE_IN_0_1
PbsWarning       pbs_scorecard_get_warning       (const PbsScorecard *self,
                                                  guint         index);
PBS_AVAILABLE_IN_0_1
char            *pbs_scorecard_dup_warning_message (const PbsScorecard *self,
                                                    guint         index,
                                                    PbsLanguage   language);

PBS_AVAILABLE_IN_0_1
const char      *pbs_grade_get_label             (PbsGrade      grade);
/* The printed 自评等级 of an evaluation (here, beside PbsGrade). */
PBS_AVAILABLE_IN_0_1
void             pbs_evaluation_set_printed_grade (PbsEvaluation *self,
                                                   PbsGrade       grade);
PBS_AVAILABLE_IN_0_1
PbsGrade         pbs_evaluation_get_printed_grade (PbsEvaluation *self);
PBS_AVAILABLE_IN_0_1
const char      *pbs_status_get_nick            (PbsStatus     status);
PBS_AVAILABLE_IN_0_1
const char      *pbs_rule_get_nick              (PbsRule       rule);
PBS_AVAILABLE_IN_0_1
const char      *pbs_deviation_get_nick          (PbsDeviation  deviation);
PBS_AVAILABLE_IN_0_1
const char      *pbs_flag_get_nick              (PbsFlags      flag);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PbsScorecard, pbs_scorecard_unref)

G_END_DECLS
