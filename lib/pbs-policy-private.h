/* pbs-policy-private.h - the inside of a policy (never installed)
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "pbscore/pbscore.h"

G_BEGIN_DECLS

struct _PbsPolicy
{
  gatomicrefcount        ref_count;
  char                  *name;
  char                  *label;      /* the name for people (中央), or NULL */
  char                  *file;       /* the file it was read from, while unchanged */

  PbsDecimal             budget_points;
  gboolean               budget_cap;
  PbsBudgetZero          budget_zero;
  PbsBudgetBase          budget_base;
  gboolean               budget_in_total;
  PbsDecimal             budget_explain_below;
  PbsDecimal             budget_yellow_below;
  PbsDecimal             budget_red_gap;

  PbsEqualMode           equal_mode;
  PbsReverseFormula      reverse_formula;
  PbsQualitativeDefaults qualitative_defaults;
  PbsDecimal             qualitative_bands[2];  /* % of w: lowest 达成, lowest 部分达成 */
  PbsDecimal             date_late;

  PbsDecimal             over_threshold;
  PbsOverAction          over_action;
  PbsDecimal             over_k;

  PbsRoundingMode        rounding_mode;
  guint                  rounding_digits;

  PbsWeightsMode         weights_mismatch;
  PbsDecimal             weights_total;

  PbsDecimal             grades_excellent;
  PbsDecimal             grades_good;
  PbsDecimal             grades_fair;

  PbsDecimal             audit_tolerance;
};

/* Sets a knob without the checks between knobs, for loaders that set
 * several and call pbs_policy_validate() at the end. */
gboolean     pbs_policy_set_unchecked (PbsPolicy *self, const char *knob,
                                       const char *value, GError **error);

/* The central preset, built once, shared and never changed. */
const PbsPolicy *pbs_policy_get_central (void);

G_END_DECLS
