/* pbs-budget-private.h - the inside of a budget (never installed)
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "pbscore/pbscore.h"

G_BEGIN_DECLS

#define PBS_N_FUND_SOURCES  3
#define PBS_N_BUDGET_COLUMNS 3

/* One informational row of the money block (§11): which amounts it gives. */
typedef struct {
  PbsDecimal amount[PBS_N_BUDGET_COLUMNS];
  guint8     has_amount[PBS_N_BUDGET_COLUMNS];
  guint8     present;
} PbsFundRow;

struct _PbsBudget
{
  gatomicrefcount ref_count;
  PbsDecimal annual;
  PbsDecimal executed;
  PbsDecimal initial;
  PbsDecimal points;
  PbsDecimal printed_score;
  PbsDecimal printed_rate;   /* a percentage, as printed */
  PbsFundRow sources[PBS_N_FUND_SOURCES];
  guint      has_annual : 1;
  guint      has_executed : 1;
  guint      has_printed_rate : 1;
  guint      has_initial : 1;
  guint      has_points : 1;
  guint      has_printed_score : 1;
  guint      sealed : 1;
  guint      line;      /* 1-based line of 全年预算数 when read from a file, else 0 */
  guint      column;
};

void pbs_budget_seal (PbsBudget *self);

/* The amount of @column on the 年度资金总额 line, FALSE when not given. */
gboolean pbs_budget_column (const PbsBudget *self, PbsBudgetColumn column, PbsDecimal *out);
/* The rate's two amounts under @initial_base (budget.base initial) are
 * both given: then a rate can be computed (§11 budget as printed). */
gboolean pbs_budget_has_rate_inputs (const PbsBudget *self, gboolean initial_base);

G_END_DECLS
