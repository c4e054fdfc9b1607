/* pbs-budget-private.h - the inside of a budget (never installed)
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "pbscore/pbscore.h"

G_BEGIN_DECLS

struct _PbsBudget
{
  gatomicrefcount ref_count;
  PbsDecimal annual;
  PbsDecimal executed;
  PbsDecimal initial;
  PbsDecimal points;
  PbsDecimal printed_score;
  guint      has_initial : 1;
  guint      has_points : 1;
  guint      has_printed_score : 1;
  guint      sealed : 1;
  guint      line;      /* 1-based line of 全年预算数 when read from a file, else 0 */
  guint      column;
};

void pbs_budget_seal (PbsBudget *self);

G_END_DECLS
