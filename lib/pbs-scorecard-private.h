/* pbs-scorecard-private.h - what the analyses read of a scorecard (never installed)
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "pbs-rational.h"
#include "pbscore/pbscore.h"

G_BEGIN_DECLS

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
