/* pbs-scorecard-private.h - what the analyses read of a scorecard (never installed)
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "pbs-rational.h"
#include "pbscore/pbscore.h"

#include "pbs-policy-private.h"

G_BEGIN_DECLS

/* The scorecard's insides, shared by scoring (pbs-scoring.c), which fills
 * them, and the result's accessors (pbs-scorecard.c). */
typedef struct {
  PbsDecimal  score;
  /* the rule's ratio is actual / (ratio_num / ratio_den), or 1: the base
   * is the target's number (a decimal), so 64 bits hold it, and a row
   * costs 48 bytes, not 64 (issue 14: one huge evaluation) */
  gint64      ratio_num;
  gint64      ratio_den;
  guint32     flags;
  guint8      status;
  guint8      rule;
  guint8      deviation;
  guint8      has_score;
  guint8      has_ratio;
  guint8      ratio_is_one;
} PbsRowResult;

typedef struct {
  guint       level;
  const char *level1;   /* borrowed from the evaluation's indicators */
  const char *level2;
  PbsDecimal  points;
  PbsDecimal  score;
} PbsSubtotalResult;

struct _PbsScorecard
{
  gatomicrefcount ref_count;
  PbsEvaluation  *evaluation;
  PbsPolicy      *policy;      /* a private copy: the scorecard never changes */
  GArray         *rows;        /* PbsRowResult */
  GArray         *subtotals;   /* PbsSubtotalResult */
  GArray         *warnings;    /* PbsWarning */

  PbsDecimal      budget_rate;     /* percentage, rounded */
  PbsRational     budget_percent;  /* the same, exact */
  PbsDecimal      budget_points;
  PbsDecimal      budget_score;
  PbsDecimal      points_sum;      /* Σ points as the table fixed them */
  PbsDecimal      counted_points;  /* the points that count (not applicable left out) */
  PbsDecimal      total;
  PbsDecimal      total_points;
  PbsGrade        grade;
  gboolean        has_budget_rate;
  gboolean        has_budget_score;  /* FALSE: unscored (no rate, none printed, §11) */
  PbsBudgetColumn sources_column;    /* where the sources first disagree */
  PbsDecimal      sources_sum;
  gboolean        complete;
};

/* A new, empty scorecard for @n_rows rows of @evaluation under a private
 * copy of @policy; scoring fills it. */
PbsScorecard *pbs_scorecard_new (PbsEvaluation *evaluation, const PbsPolicy *policy, guint n_rows);

/* The same, sharing @policy (a reference is taken), which its owner never
 * changes: a compiled plan (pbs-plan.c) makes many scorecards under one
 * private copy. */
PbsScorecard *pbs_scorecard_new_sharing (PbsEvaluation *evaluation, PbsPolicy *policy, guint n_rows);

/* One applicable row with an actual scored by the exact engine
 * (pbs-scoring.c): the plan's fallback for a row it cannot score in
 * scaled integers. @n is the 1-based row for messages. */
/* Rule book §11: the warning sources_mismatch, when the budget's funding
 * sources do not add up to its line (pbs-scoring.c). */
void pbs_scorecard_check_sources (PbsScorecard *sc, const PbsBudget *b);
gboolean pbs_scorecard_score_row (const PbsScorecard *sc, const PbsIndicator *ind, guint n,
                                  PbsRowResult *row, GError **error);

/* Does a printed score differ from the computed one by more than
 * @tolerance (rule book §7)? */
gboolean pbs_scorecard_differs (const PbsDecimal *printed, const PbsDecimal *computed,
                                const PbsDecimal *tolerance);

/* The audit's view of a scorecard: a row's unrounded score under another
 * policy (NULL: the scorecard's), and the unrounded budget score against
 * 全年预算数 or 年初预算数, capped or not. FALSE when there is none. */
gboolean pbs_scorecard_row_raw    (PbsScorecard *self, guint row, const PbsPolicy *policy,
                                   PbsRational *raw, PbsRule *rule);
gboolean pbs_scorecard_budget_raw (PbsScorecard *self, gboolean initial, gboolean cap,
                                   PbsRational *raw);
/* A raw total brought to the scorecard's total points as the total was
 * (not-applicable rows, weights.mismatch rescale): unchanged otherwise. */
gboolean pbs_scorecard_rescale    (PbsScorecard *self, const PbsDecimal *raw, PbsDecimal *out);

/* Why a row owes a 偏差原因, from what scoring recorded: far past the
 * target (远超), met but below full points (得分低于满分), or the way its
 * rule says it missed. The audit and lint put it in their own words. */
typedef enum {
  PBS_OWED_OVER,          /* past over.threshold × target (远超) */
  PBS_OWED_BELOW_FULL,    /* met, but scored below full points (得分低于满分) */
  PBS_OWED_PAST_CEILING,  /* above a ceiling (超过) */
  PBS_OWED_OFF_TARGET,    /* off an exact target (偏离) */
  PBS_OWED_LATE,          /* after a deadline (晚于) */
  PBS_OWED_SHORT,         /* short of a floor, or words below their band (未达到) */
} PbsOwed;

PbsOwed      pbs_scorecard_owed       (PbsScorecard *self, guint row);
G_END_DECLS
