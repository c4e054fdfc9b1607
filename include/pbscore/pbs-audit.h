/* pbs-audit.h - checking a published table against the rules
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
#include <pbscore/pbs-scorecard.h>

G_BEGIN_DECLS

/**
 * PbsFindingKind:
 * @PBS_FINDING_ROW_SCORE: a row's printed score differs from the computed
 *   one beyond `audit.tolerance`
 * @PBS_FINDING_BUDGET_SCORE: the printed budget score differs
 * @PBS_FINDING_TOTAL: the printed total differs
 * @PBS_FINDING_TOTAL_ARITHMETIC: the printed total is not the sum of the
 *   printed scores (the table does not add up)
 * @PBS_FINDING_MISSING_REASON: a row owes a 偏差原因 and has none
 * @PBS_FINDING_GRADE: the printed 自评等级 (`printed_grade`) differs from
 *   the computed grade of a complete scorecard
 * @PBS_FINDING_BUDGET_RATE: the printed execution rate (`printed_rate`)
 *   is not the computed rate rounded or cut to the printed digits
 * @PBS_FINDING_WARNING: a document-level warning of the scorecard (budget
 *   vs performance, execution, weights)
 *
 * What an audit finding is about (rule book §7).
 *
 * Since: 0.1
 */
typedef enum {
  PBS_FINDING_ROW_SCORE,         /*< nick=row_score >*/
  PBS_FINDING_BUDGET_SCORE,      /*< nick=budget_score >*/
  PBS_FINDING_TOTAL,             /*< nick=total >*/
  PBS_FINDING_TOTAL_ARITHMETIC,  /*< nick=total_arithmetic >*/
  PBS_FINDING_MISSING_REASON,    /*< nick=missing_reason >*/
  PBS_FINDING_WARNING,           /*< nick=warning >*/
  PBS_FINDING_GRADE,             /*< nick=grade >*/
  PBS_FINDING_BUDGET_RATE,       /*< nick=budget_rate >*/
} PbsFindingKind;

/**
 * PbsVariant:
 * @PBS_VARIANT_NONE: no known variant explains the printed value
 * @PBS_VARIANT_TRUNCATE: rounding by truncation to the policy's digits
 * @PBS_VARIANT_FLOOR: rounding down to the policy's digits
 * @PBS_VARIANT_ONE_DECIMAL: half-up to one decimal
 * @PBS_VARIANT_ONE_DECIMAL_TRUNCATE: truncation to one decimal
 * @PBS_VARIANT_WHOLE_POINTS: half-up to whole points
 * @PBS_VARIANT_WHOLE_POINTS_FLOOR: whole points, rounded down
 * @PBS_VARIANT_OTHER_REVERSE_FORMULA: the reverse formula the policy does
 *   not use (ratio ↔ relative_excess)
 * @PBS_VARIANT_EQUAL_TWO_SIDED: `=` scored on the two-sided deviation
 * @PBS_VARIANT_EQUAL_AS_GE: `=` scored like `≥`
 * @PBS_VARIANT_INITIAL_BUDGET: the rate taken against 年初预算数 instead of
 *   全年预算数
 * @PBS_VARIANT_NO_CAP: the execution rate not capped at 100 %
 * @PBS_VARIANT_BUDGET_NOT_IN_TOTAL: the budget score left out of the total
 * @PBS_VARIANT_PRINTED_ROWS: the total adds the printed (wrong) row scores
 *
 * A rounding mode or rule variant that reproduces a printed value the
 * policy does not (rule book §7). The nicks are stable strings.
 *
 * Since: 0.1
 */
typedef enum {
  PBS_VARIANT_NONE,                   /*< nick=none >*/
  PBS_VARIANT_TRUNCATE,               /*< nick=truncate >*/
  PBS_VARIANT_FLOOR,                  /*< nick=floor >*/
  PBS_VARIANT_ONE_DECIMAL,            /*< nick=one_decimal >*/
  PBS_VARIANT_ONE_DECIMAL_TRUNCATE,   /*< nick=one_decimal_truncate >*/
  PBS_VARIANT_WHOLE_POINTS,           /*< nick=whole_points >*/
  PBS_VARIANT_WHOLE_POINTS_FLOOR,     /*< nick=whole_points_floor >*/
  PBS_VARIANT_OTHER_REVERSE_FORMULA,  /*< nick=other_reverse_formula >*/
  PBS_VARIANT_EQUAL_TWO_SIDED,        /*< nick=equal_two_sided >*/
  PBS_VARIANT_EQUAL_AS_GE,            /*< nick=equal_as_ge >*/
  PBS_VARIANT_INITIAL_BUDGET,         /*< nick=initial_budget >*/
  PBS_VARIANT_NO_CAP,                 /*< nick=no_cap >*/
  PBS_VARIANT_BUDGET_NOT_IN_TOTAL,    /*< nick=budget_not_in_total >*/
  PBS_VARIANT_PRINTED_ROWS,           /*< nick=printed_rows >*/
} PbsVariant;

typedef struct _PbsAudit PbsAudit;

#define PBS_TYPE_AUDIT (pbs_audit_get_type ())

PBS_AVAILABLE_IN_0_1
GType           pbs_audit_get_type          (void) G_GNUC_CONST;
PBS_AVAILABLE_IN_0_1
PbsAudit       *pbs_audit_new               (PbsScorecard *scorecard);
PBS_AVAILABLE_IN_0_1
PbsAudit       *pbs_audit_ref               (PbsAudit     *self);
PBS_AVAILABLE_IN_0_1
void            pbs_audit_unref             (PbsAudit     *self);

PBS_AVAILABLE_IN_0_1
guint           pbs_audit_get_n_findings    (const PbsAudit     *self);
PBS_AVAILABLE_IN_0_1
PbsFindingKind  pbs_audit_get_kind          (const PbsAudit     *self,
                                             guint         index);
PBS_AVAILABLE_IN_0_1
gint            pbs_audit_get_row           (const PbsAudit     *self,
                                             guint         index);
PBS_AVAILABLE_IN_0_1
gboolean        pbs_audit_get_printed       (const PbsAudit     *self,
                                             guint         index,
                                             PbsDecimal   *out);
PBS_AVAILABLE_IN_0_1
gboolean        pbs_audit_get_computed      (const PbsAudit     *self,
                                             guint         index,
                                             PbsDecimal   *out);
PBS_AVAILABLE_IN_0_1
PbsVariant      pbs_audit_get_variant       (const PbsAudit     *self,
                                             guint         index);
PBS_AVAILABLE_IN_0_1
PbsWarning      pbs_audit_get_warning       (const PbsAudit     *self,
                                             guint         index);
PBS_AVAILABLE_IN_0_1
char           *pbs_audit_dup_message       (const PbsAudit     *self,
                                             guint         index,
                                             PbsLanguage   language);
PBS_AVAILABLE_IN_0_1
guint           pbs_audit_count             (const PbsAudit     *self,
                                             PbsFindingKind kind);

PBS_AVAILABLE_IN_0_1
const char     *pbs_variant_get_nick       (PbsVariant    variant);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PbsAudit, pbs_audit_unref)

G_END_DECLS
