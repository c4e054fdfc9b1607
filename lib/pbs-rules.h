/* pbs-rules.h - one row's rule: the scoring layer's small pure functions (never installed)
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "pbs-rational.h"
#include "pbs-indicator-private.h"
#include "pbs-policy-private.h"

G_BEGIN_DECLS


typedef struct {
  const PbsPolicy    *policy;
  const PbsIndicator *indicator;
  PbsLanguage         language;
  guint               row;       /* 1-based, for messages */
  const char         *source;    /* the file the row was read from, or NULL */
} PbsRuleInput;

typedef struct {
  PbsRule     rule;
  PbsRational raw;         /* unrounded score, already in [0, w] */
  PbsRational ratio_base;  /* the completion ratio is a / ratio_base … */
  PbsFlags    flags;
  PbsDeviation deviation;  /* which way it missed, when not met */
  gboolean    met;
  gboolean    has_ratio;
  gboolean    ratio_is_one; /* … or 1 (inside a range) */
} PbsRuleResult;

/* Scores one applicable row that has an actual. When @explain is non-NULL,
 * the rule appends its explanation (rule, inputs, formula with numbers)
 * in @in->language; the caller appends the rounding. */
gboolean pbs_rules_score_row (const PbsRuleInput *in,
                              PbsRuleResult      *out,
                              GString            *explain,
                              GError            **error);


/* The bounds of a qualitative row's bands for a row worth @points:
 * round(@points × the knob qualitative.bands, 2), half-up (80 % and 60 %
 * centrally, §11), @upper between 达成 and 部分达成, @lower below it. The
 * rule and a compiled plan (pbs-plan.c) take them from here. FALSE when a
 * product does not fit. */
gboolean pbs_rules_qualitative_bounds (const PbsPolicy  *policy,
                                       const PbsDecimal *points,
                                       PbsDecimal       *upper,
                                       PbsDecimal       *lower);

/* Which way a step or band rule's row missed: by its target's sign. */
static inline PbsDeviation
pbs_rules_deviation_of (PbsOperator op)
{
  switch (op)
    {
    case PBS_OP_GE:
    case PBS_OP_GT:
      return PBS_DEVIATION_SHORT;
    case PBS_OP_LE:
    case PBS_OP_LT:
      return PBS_DEVIATION_PAST_CEILING;
    case PBS_OP_EQ:
    case PBS_OP_NONE:
    default:
      return PBS_DEVIATION_OFF_TARGET;
    }
}

/* Appends @r as a decimal: exact when it terminates within 6 places,
 * otherwise 4 places followed by "…". */
void     pbs_append_rational (GString *s, const PbsRational *r);
void     pbs_append_decimal  (GString *s, const PbsDecimal *d);
void     pbs_append_rounding (GString *s, const PbsPolicy *policy, PbsLanguage lang);


G_END_DECLS
