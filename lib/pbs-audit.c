/* pbs-audit.c - checking a published table against the rules (rule book §7)
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Published tables often do not follow the formula: truncated instead of
 * rounded, whole points, the other reverse formula, the rate taken against
 * the initial budget, the budget left out of the total. The audit lists
 * every printed value that differs from the computed one and names the
 * first known variant that reproduces it, trying them in a fixed order.
 */
#include "config.h"

#include <string.h>

#include "pbs-scorecard-private.h"
#include "pbs-rules.h"
#include "pbs-evaluation-private.h"
#include "pbs-budget-private.h"
#include "pbs-decimal-private.h"
#include "pbs-nick.h"

/**
 * PbsAudit:
 *
 * The findings of comparing a scored table's printed values (scores,
 * budget score, total) with the computed ones, plus the rows that owe a
 * 偏差原因 and the scorecard's warnings (doc/scoring.md, "Auditing").
 *
 * Since: 0.1
 */

typedef struct {
  PbsFindingKind kind;
  gint           row;
  PbsDecimal     printed;
  PbsDecimal     computed;
  gboolean       has_printed;
  gboolean       has_computed;
  PbsVariant     variant;
  PbsWarning     warning;
} Finding;

struct _PbsAudit
{
  gatomicrefcount ref_count;
  PbsScorecard   *scorecard;
  GArray         *findings;   /* Finding */
};

G_DEFINE_BOXED_TYPE (PbsAudit, pbs_audit, pbs_audit_ref, pbs_audit_unref)

/* The rounding variants, in the order they are tried. */
typedef struct {
  PbsVariant      variant;
  gint            digits;     /* -1: the policy's */
  PbsRoundingMode mode;
} Rounding;

static const Rounding roundings[] = {
  { PBS_VARIANT_TRUNCATE, -1, PBS_ROUNDING_TRUNCATE },
  { PBS_VARIANT_FLOOR, -1, PBS_ROUNDING_FLOOR },
  { PBS_VARIANT_ONE_DECIMAL, 1, PBS_ROUNDING_HALF_UP },
  { PBS_VARIANT_ONE_DECIMAL_TRUNCATE, 1, PBS_ROUNDING_TRUNCATE },
  { PBS_VARIANT_WHOLE_POINTS, 0, PBS_ROUNDING_HALF_UP },
  { PBS_VARIANT_WHOLE_POINTS_FLOOR, 0, PBS_ROUNDING_FLOOR },
};

static gboolean
within (const PbsDecimal *a, const PbsDecimal *b, const PbsDecimal *tolerance)
{
  PbsRational x, y, d, tol;

  pbs_rational_from_decimal (&x, a);
  pbs_rational_from_decimal (&y, b);
  pbs_rational_from_decimal (&tol, tolerance);
  if (!pbs_rational_sub (&x, &y, &d))
    return FALSE;
  if (d.num < 0)
    d.num = -d.num;
  return pbs_rational_compare (&d, &tol) <= 0;
}

static gboolean
rounds_to (const PbsRational *raw, guint digits, PbsRoundingMode mode, const PbsDecimal *printed,
           const PbsDecimal *tolerance)
{
  PbsDecimal d;

  return pbs_rational_to_decimal (raw, digits, mode, &d) && within (&d, printed, tolerance);
}

/* The first rounding variant that takes @raw to @printed. */
static PbsVariant
explain_rounding (const PbsPolicy *p, const PbsRational *raw, const PbsDecimal *printed)
{
  for (guint i = 0; i < G_N_ELEMENTS (roundings); i++)
    {
      guint digits = roundings[i].digits < 0 ? p->rounding_digits : (guint) roundings[i].digits;
      if (digits == p->rounding_digits && roundings[i].mode == p->rounding_mode)
        continue;   /* that is the policy itself */
      if (rounds_to (raw, digits, roundings[i].mode, printed, &p->audit_tolerance))
        return roundings[i].variant;
    }
  return PBS_VARIANT_NONE;
}

/* A row's printed score: rounding variants, then rule variants. */
static PbsVariant
explain_row (PbsScorecard *sc, guint row, const PbsDecimal *printed)
{
  const PbsPolicy *p = pbs_scorecard_get_policy (sc);
  g_autoptr (PbsPolicy) alt = NULL;
  PbsRational raw;
  PbsRule rule;
  PbsVariant v;

  if (!pbs_scorecard_row_raw (sc, row, NULL, &raw, &rule))
    return PBS_VARIANT_NONE;
  v = explain_rounding (p, &raw, printed);
  if (v != PBS_VARIANT_NONE)
    return v;

  alt = pbs_policy_copy (p);
  if (rule == PBS_RULE_REVERSE_RATIO || rule == PBS_RULE_REVERSE_RELATIVE_EXCESS || rule == PBS_RULE_RANGE)
    {
      alt->reverse_formula = p->reverse_formula == PBS_REVERSE_RATIO
                             ? PBS_REVERSE_RELATIVE_EXCESS : PBS_REVERSE_RATIO;
      if (pbs_scorecard_row_raw (sc, row, alt, &raw, NULL)
          && rounds_to (&raw, p->rounding_digits, p->rounding_mode, printed, &p->audit_tolerance))
        return PBS_VARIANT_OTHER_REVERSE_FORMULA;
      alt->reverse_formula = p->reverse_formula;
    }
  if (rule == PBS_RULE_EQUAL || rule == PBS_RULE_EQUAL_TWO_SIDED)
    {
      alt->equal_mode = rule == PBS_RULE_EQUAL ? PBS_EQUAL_TWO_SIDED : PBS_EQUAL_AS_GE;
      if (pbs_scorecard_row_raw (sc, row, alt, &raw, NULL)
          && rounds_to (&raw, p->rounding_digits, p->rounding_mode, printed, &p->audit_tolerance))
        return rule == PBS_RULE_EQUAL ? PBS_VARIANT_EQUAL_TWO_SIDED : PBS_VARIANT_EQUAL_AS_GE;
    }
  return PBS_VARIANT_NONE;
}

static PbsVariant
explain_budget (PbsScorecard *sc, const PbsDecimal *printed)
{
  const PbsPolicy *p = pbs_scorecard_get_policy (sc);
  PbsRational raw;
  PbsVariant v;

  if (pbs_scorecard_budget_raw (sc, FALSE, p->budget_cap, &raw)
      && (v = explain_rounding (p, &raw, printed)) != PBS_VARIANT_NONE)
    return v;
  if (pbs_scorecard_budget_raw (sc, TRUE, p->budget_cap, &raw)
      && rounds_to (&raw, p->rounding_digits, p->rounding_mode, printed, &p->audit_tolerance))
    return PBS_VARIANT_INITIAL_BUDGET;
  if (p->budget_cap && pbs_scorecard_budget_raw (sc, FALSE, FALSE, &raw)
      && rounds_to (&raw, p->rounding_digits, p->rounding_mode, printed, &p->audit_tolerance))
    return PBS_VARIANT_NO_CAP;
  return PBS_VARIANT_NONE;
}

/* Σ of the counted rows' scores, each taken from @pick. */
typedef gboolean (*RowPick) (PbsScorecard *sc, guint row, const Rounding *r, PbsDecimal *out);

static gboolean
pick_printed (PbsScorecard *sc, guint row, const Rounding *r, PbsDecimal *out)
{
  PbsIndicator *ind = pbs_evaluation_get_indicator (pbs_scorecard_get_evaluation (sc), row);
  return pbs_indicator_get_printed_score (ind, out) || pbs_scorecard_get_row_score (sc, row, out);
}

static gboolean
pick_rounded (PbsScorecard *sc, guint row, const Rounding *r, PbsDecimal *out)
{
  const PbsPolicy *p = pbs_scorecard_get_policy (sc);
  PbsRational raw;

  if (!pbs_scorecard_get_row_score (sc, row, out))
    return FALSE;
  if (!pbs_scorecard_row_raw (sc, row, NULL, &raw, NULL))
    return TRUE;   /* a parent shown as the sum of its children */
  return pbs_rational_to_decimal (&raw, r->digits < 0 ? p->rounding_digits : (guint) r->digits,
                                  r->mode, out);
}

static gboolean
sum_rows (PbsScorecard *sc, RowPick pick, const Rounding *r, PbsDecimal *out)
{
  pbs_decimal_init (out, 0, 0);
  for (guint i = 0; i < pbs_scorecard_get_n_rows (sc); i++)
    {
      PbsDecimal d;
      if ((pbs_scorecard_get_row_flags (sc, i) & PBS_FLAG_NOT_COUNTED) || !pick (sc, i, r, &d))
        continue;
      if (!pbs_decimal_add (out, &d, out))
        return FALSE;
    }
  return TRUE;
}

static PbsVariant
explain_total (PbsScorecard *sc, const PbsDecimal *printed)
{
  const PbsPolicy *p = pbs_scorecard_get_policy (sc);
  PbsDecimal total, budget, sum, alt;
  PbsBudget *b = pbs_evaluation_get_budget (pbs_scorecard_get_evaluation (sc));

  pbs_scorecard_get_total (sc, &total);
  if (!pbs_scorecard_get_budget_score (sc, &budget))
    return PBS_VARIANT_NONE;
  if ((p->budget_in_total ? pbs_decimal_sub (&total, &budget, &alt) : pbs_decimal_add (&total, &budget, &alt))
      && within (&alt, printed, &p->audit_tolerance))
    return PBS_VARIANT_BUDGET_NOT_IN_TOTAL;

  if (sum_rows (sc, pick_printed, NULL, &sum))
    {
      PbsDecimal printed_budget;
      if (b == NULL || !pbs_budget_get_printed_score (b, &printed_budget))
        printed_budget = budget;
      if ((!p->budget_in_total || pbs_decimal_add (&sum, &printed_budget, &sum))
          && pbs_scorecard_rescale (sc, &sum, &sum) && within (&sum, printed, &p->audit_tolerance))
        return PBS_VARIANT_PRINTED_ROWS;
    }

  for (guint i = 0; i < G_N_ELEMENTS (roundings); i++)
    {
      const Rounding *r = &roundings[i];
      guint digits = r->digits < 0 ? p->rounding_digits : (guint) r->digits;
      PbsRational braw;
      PbsDecimal bd;

      if (digits == p->rounding_digits && r->mode == p->rounding_mode)
        continue;
      if (!sum_rows (sc, pick_rounded, r, &sum))
        continue;
      if (p->budget_in_total)
        {
          if (!pbs_scorecard_budget_raw (sc, FALSE, p->budget_cap, &braw)
              || !pbs_rational_to_decimal (&braw, digits, r->mode, &bd) || !pbs_decimal_add (&sum, &bd, &sum))
            continue;
        }
      if (pbs_scorecard_rescale (sc, &sum, &sum) && within (&sum, printed, &p->audit_tolerance))
        return r->variant;
    }
  return PBS_VARIANT_NONE;
}

/* A printed rate keeps its own digits (95.3%): it agrees when the exact
 * rate, rounded half up or cut to those digits, is what was printed. */
static gboolean
rate_as_printed (PbsScorecard *sc, const PbsDecimal *printed)
{
  static const PbsRoundingMode modes[] = { PBS_ROUNDING_HALF_UP, PBS_ROUNDING_TRUNCATE };
  guint digits = printed->scale > 0 ? (guint) printed->scale : 0;

  for (guint i = 0; i < G_N_ELEMENTS (modes); i++)
    {
      PbsDecimal d;

      if (pbs_rational_to_decimal (&sc->budget_percent, digits, modes[i], &d)
          && pbs_decimal_compare (&d, printed) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
add_finding (PbsAudit *self, PbsFindingKind kind, gint row, const PbsDecimal *printed,
             const PbsDecimal *computed, PbsVariant variant)
{
  Finding f = { 0 };

  f.kind = kind;
  f.row = row;
  f.has_printed = printed != NULL;
  f.has_computed = computed != NULL;
  if (printed != NULL)
    f.printed = *printed;
  if (computed != NULL)
    f.computed = *computed;
  f.variant = variant;
  g_array_append_val (self->findings, f);
}

/**
 * pbs_audit_new:
 * @scorecard: a scored table
 *
 * Audits the printed values of @scorecard's evaluation against the
 * computed ones (rule book §7).
 *
 * Returns: (transfer full): the audit
 *
 * Since: 0.1
 */
PbsAudit *
pbs_audit_new (PbsScorecard *scorecard)
{
  gboolean unpublished = FALSE, unpublished_unprinted = FALSE;
  PbsAudit *self;
  PbsEvaluation *e;
  const PbsPolicy *p;
  PbsBudget *b;
  PbsDecimal printed, computed;

  g_return_val_if_fail (scorecard != NULL, NULL);

  self = g_new0 (PbsAudit, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->scorecard = pbs_scorecard_ref (scorecard);
  self->findings = g_array_new (FALSE, TRUE, sizeof (Finding));
  e = pbs_scorecard_get_evaluation (scorecard);
  p = pbs_scorecard_get_policy (scorecard);
  b = pbs_evaluation_get_budget (e);

  for (guint i = 0; i < pbs_scorecard_get_n_rows (scorecard); i++)
    {
      PbsIndicator *ind = pbs_evaluation_get_indicator (e, i);
      PbsFlags flags = pbs_scorecard_get_row_flags (scorecard, i);

      /* An unpublished row (§11) has no computed score: the computed
       * total cannot be held against the printed one, nor the printed
       * rows' sum when the row's printed score is unknown too. */
      if (pbs_scorecard_get_row_status (scorecard, i) == PBS_STATUS_UNPUBLISHED)
        {
          unpublished = TRUE;
          if (!pbs_indicator_get_printed_score (ind, &printed))
            unpublished_unprinted = TRUE;
        }

      if ((flags & PBS_FLAG_PRINTED_DIFFERS) && pbs_indicator_get_printed_score (ind, &printed)
          && pbs_scorecard_get_row_score (scorecard, i, &computed))
        add_finding (self, PBS_FINDING_ROW_SCORE, (gint) i, &printed, &computed,
                     explain_row (scorecard, i, &printed));
    }

  /* A budget line with no rate and no printed score (§11) is unscored:
   * the total cannot be checked, as with an unpublished row. */
  if (!pbs_scorecard_get_budget_score (scorecard, &computed))
    unpublished = unpublished_unprinted = TRUE;
  else if (b != NULL && pbs_budget_get_printed_score (b, &printed)
           && !within (&printed, &computed, &p->audit_tolerance))
    add_finding (self, PBS_FINDING_BUDGET_SCORE, -1, &printed, &computed,
                 explain_budget (scorecard, &printed));
  if (b != NULL && pbs_budget_get_printed_rate (b, &printed)
      && pbs_scorecard_get_budget_rate (scorecard, &computed) && !rate_as_printed (scorecard, &printed))
    add_finding (self, PBS_FINDING_BUDGET_RATE, -1, &printed, &computed, PBS_VARIANT_NONE);

  if (pbs_evaluation_get_printed_total (e, &printed))
    {
      PbsDecimal sum, pb;

      pbs_scorecard_get_total (scorecard, &computed);
      if (!unpublished && !within (&printed, &computed, &p->audit_tolerance))
        add_finding (self, PBS_FINDING_TOTAL, -1, &printed, &computed,
                     explain_total (scorecard, &printed));

      /* Does the table add up? Budget + Σ printed rows, where printed. */
      if (b == NULL || !pbs_budget_get_printed_score (b, &pb))
        pbs_scorecard_get_budget_score (scorecard, &pb);   /* scored: unpublished_unprinted otherwise */
      if (!unpublished_unprinted && sum_rows (scorecard, pick_printed, NULL, &sum)
          && (!p->budget_in_total || pbs_decimal_add (&sum, &pb, &sum))
          && pbs_scorecard_rescale (scorecard, &sum, &sum)
          && !within (&printed, &sum, &p->audit_tolerance))
        add_finding (self, PBS_FINDING_TOTAL_ARITHMETIC, -1, &printed, &sum, PBS_VARIANT_NONE);
    }

  if (pbs_evaluation_get_printed_grade (e) != PBS_GRADE_NONE
      && pbs_scorecard_get_grade (scorecard) != PBS_GRADE_NONE
      && pbs_evaluation_get_printed_grade (e) != pbs_scorecard_get_grade (scorecard))
    add_finding (self, PBS_FINDING_GRADE, -1, NULL, NULL, PBS_VARIANT_NONE);

  for (guint i = 0; i < pbs_scorecard_get_n_rows (scorecard); i++)
    if (pbs_scorecard_get_row_flags (scorecard, i) & PBS_FLAG_MISSING_REASON)
      add_finding (self, PBS_FINDING_MISSING_REASON, (gint) i, NULL, NULL, PBS_VARIANT_NONE);

  /* budget_printed_differs is the budget_score finding above already. */
  for (guint i = 0; i < pbs_scorecard_get_n_warnings (scorecard); i++)
    {
      PbsWarning w = pbs_scorecard_get_warning (scorecard, i);

      if (w == PBS_WARNING_BUDGET_PRINTED_DIFFERS)
        continue;
      add_finding (self, PBS_FINDING_WARNING, -1, NULL, NULL, PBS_VARIANT_NONE);
      g_array_index (self->findings, Finding, self->findings->len - 1).warning = w;
    }
  return self;
}

/**
 * pbs_audit_ref:
 * @self: a #PbsAudit
 *
 * Takes a reference on the audit.
 *
 * Returns: (transfer full): @self, with one more reference
 *
 * Since: 0.1
 */
PbsAudit *
pbs_audit_ref (PbsAudit *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

/**
 * pbs_audit_unref:
 * @self: (transfer full): a #PbsAudit
 *
 * Drops a reference; the last one frees @self.
 *
 * Since: 0.1
 */
void
pbs_audit_unref (PbsAudit *self)
{
  g_return_if_fail (self != NULL);
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  pbs_scorecard_unref (self->scorecard);
  g_array_unref (self->findings);
  g_free (self);
}

static const Finding *
finding_at (const PbsAudit *self, guint index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->findings->len, NULL);
  return &g_array_index (self->findings, Finding, index);
}

/**
 * pbs_audit_get_n_findings:
 * @self: a #PbsAudit
 *
 * Gets the number of findings in the audit.
 *
 * Returns: the number of findings
 *
 * Since: 0.1
 */
guint
pbs_audit_get_n_findings (const PbsAudit *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->findings->len;
}

/**
 * pbs_audit_count:
 * @self: a #PbsAudit
 * @kind: a kind of finding
 *
 * Counts the findings of one kind.
 *
 * Returns: how many findings are of @kind
 *
 * Since: 0.1
 */
guint
pbs_audit_count (const PbsAudit *self, PbsFindingKind kind)
{
  guint n = 0;

  g_return_val_if_fail (self != NULL, 0);
  for (guint i = 0; i < self->findings->len; i++)
    n += g_array_index (self->findings, Finding, i).kind == kind;
  return n;
}

/**
 * pbs_audit_get_kind:
 * @self: a #PbsAudit
 * @index: a finding number, from 0
 *
 * Gets the kind of the finding at @index.
 *
 * Returns: what the finding is about
 *
 * Since: 0.1
 */
PbsFindingKind
pbs_audit_get_kind (const PbsAudit *self, guint index)
{
  const Finding *f = finding_at (self, index);
  return f != NULL ? f->kind : PBS_FINDING_WARNING;
}

/**
 * pbs_audit_get_row:
 * @self: a #PbsAudit
 * @index: a finding number, from 0
 *
 * Gets the row the finding at @index concerns.
 *
 * Findings on the budget score or the total, and warnings, concern no row
 * and give -1.
 *
 * Returns: the row (from 0) the finding concerns, or -1
 *
 * Since: 0.1
 */
gint
pbs_audit_get_row (const PbsAudit *self, guint index)
{
  const Finding *f = finding_at (self, index);
  return f != NULL ? f->row : -1;
}

/**
 * pbs_audit_get_printed:
 * @self: a #PbsAudit
 * @index: a finding number, from 0
 * @out: (out caller-allocates): the printed value
 *
 * Gets the printed value the finding at @index is about.
 *
 * Only findings on a row score, the budget score or the total have one; for
 * the others @out is left untouched and %FALSE is returned.
 *
 * Returns: %TRUE for findings about a printed value
 *
 * Since: 0.1
 */
gboolean
pbs_audit_get_printed (const PbsAudit *self, guint index, PbsDecimal *out)
{
  const Finding *f = finding_at (self, index);

  g_return_val_if_fail (f != NULL && out != NULL, FALSE);
  if (f->has_printed)
    *out = f->printed;
  return f->has_printed;
}

/**
 * pbs_audit_get_computed:
 * @self: a #PbsAudit
 * @index: a finding number, from 0
 * @out: (out caller-allocates): the computed value (for
 *   %PBS_FINDING_TOTAL_ARITHMETIC, the sum the printed values make)
 *
 * Gets the value computed for the finding at @index.
 *
 * It is the value the printed one is compared with; @out is left untouched
 * when the finding has none.
 *
 * Returns: %TRUE for findings about a printed value
 *
 * Since: 0.1
 */
gboolean
pbs_audit_get_computed (const PbsAudit *self, guint index, PbsDecimal *out)
{
  const Finding *f = finding_at (self, index);

  g_return_val_if_fail (f != NULL && out != NULL, FALSE);
  if (f->has_computed)
    *out = f->computed;
  return f->has_computed;
}

/**
 * pbs_audit_get_variant:
 * @self: a #PbsAudit
 * @index: a finding number, from 0
 *
 * Gets the scoring variant that explains the printed value of a finding.
 *
 * A variant is a common way of scoring differently from the policy, such as
 * truncating instead of rounding; the one returned reproduces the printed
 * value.
 *
 * Returns: the variant that explains the printed value, or
 *   %PBS_VARIANT_NONE when none does (or the finding is not about one)
 *
 * Since: 0.1
 */
PbsVariant
pbs_audit_get_variant (const PbsAudit *self, guint index)
{
  const Finding *f = finding_at (self, index);
  return f != NULL ? f->variant : PBS_VARIANT_NONE;
}

/**
 * pbs_audit_get_warning:
 * @self: a #PbsAudit
 * @index: a finding number, from 0, of kind %PBS_FINDING_WARNING
 *
 * Gets the scorecard warning behind the finding at @index.
 *
 * The result is meaningful only for findings of kind %PBS_FINDING_WARNING.
 *
 * Returns: the scorecard's warning
 *
 * Since: 0.1
 */
PbsWarning
pbs_audit_get_warning (const PbsAudit *self, guint index)
{
  const Finding *f = finding_at (self, index);
  return f != NULL ? f->warning : PBS_WARNING_WEIGHTS;
}

static const char *
variant_text (PbsVariant v, gboolean zh)
{
  static const char * const zh_text[] = {
    "没有已知规则能得出公布值", "按截断取值", "按向下取整", "按四舍五入保留一位小数",
    "按截断保留一位小数", "按四舍五入取整", "按向下取整到整数", "按另一种反向指标公式",
    "按等于型指标双向偏差计分", "按等于型指标正向计分", "按年初预算数计算执行率",
    "执行率未封顶 100%", "总分未计入预算执行率得分", "总分按公布的各项得分相加",
  };
  static const char * const en_text[] = {
    "no known rule gives the printed value", "truncated", "rounded down",
    "half-up to one decimal", "truncated to one decimal", "half-up to whole points",
    "rounded down to whole points", "the other reverse formula", "= scored two-sided",
    "= scored as ≥", "the rate against the initial budget (年初预算数)", "the rate not capped at 100 %",
    "the budget score left out of the total", "the printed row scores added up",
  };
  G_STATIC_ASSERT (G_N_ELEMENTS (zh_text) == PBS_VARIANT_PRINTED_ROWS + 1);
  G_STATIC_ASSERT (G_N_ELEMENTS (en_text) == PBS_VARIANT_PRINTED_ROWS + 1);
  return zh ? zh_text[v] : en_text[v];
}

/* Why row @row owes a 偏差原因, in the words of its situation: far past the
 * target (远超), met but below full points (得分低于满分), past a ceiling
 * (超过), off an exact target (偏离), after a deadline (晚于), short of a
 * floor (未达到). */
static char *
missing_reason_text (PbsScorecard *sc, guint row, const char *where, gboolean zh)
{
  PbsIndicator *ind = pbs_evaluation_get_indicator (pbs_scorecard_get_evaluation (sc), row);
  const char *zh_what = "实际完成值未达到年度指标值", *en_what = "short of its target";
  g_autofree char *zh_owned = NULL, *en_owned = NULL;

  switch (pbs_scorecard_owed (sc, row))
    {
    case PBS_OWED_OVER:
      zh_what = "实际完成值远超年度指标值", en_what = "far past its target";
      break;
    case PBS_OWED_BELOW_FULL:
      {
        g_autofree char *st = NULL, *pt = NULL;
        PbsDecimal score, points;

        pbs_indicator_get_points (ind, &points);
        pt = pbs_decimal_to_string (&points);
        st = pbs_scorecard_get_row_score (sc, row, &score) ? pbs_decimal_to_string (&score) : g_strdup ("?");
        zh_what = zh_owned = g_strdup_printf ("达到年度指标值，但得分 %s 低于满分 %s", st, pt);
        en_what = en_owned = g_strdup_printf ("meets its target but scores %s, below the full %s points", st, pt);
      }
      break;
    case PBS_OWED_PAST_CEILING:
      zh_what = "实际完成值超过年度指标值", en_what = "past its ceiling";
      break;
    case PBS_OWED_OFF_TARGET:
      zh_what = "实际完成值偏离年度指标值", en_what = "off its target";
      break;
    case PBS_OWED_LATE:
      zh_what = "实际完成值晚于年度指标值", en_what = "later than its deadline";
      break;
    case PBS_OWED_SHORT:
    default:
      break;
    }
  return zh ? g_strdup_printf ("%s：%s，缺少偏差原因分析", where, zh_what)
            : g_strdup_printf ("%s: %s, with no 偏差原因", where, en_what);
}

/**
 * pbs_audit_dup_message:
 * @self: a #PbsAudit
 * @index: a finding number, from 0
 * @language: the language of the text
 *
 * Describes the finding at @index as a sentence in @language.
 *
 * Returns: (transfer full): the finding as a sentence, naming the row, the
 *   printed and computed values and the explaining variant
 *
 * Since: 0.1
 */
char *
pbs_audit_dup_message (const PbsAudit *self, guint index, PbsLanguage language)
{
  const Finding *f = finding_at (self, index);
  gboolean zh = language == PBS_LANGUAGE_ZH;
  g_autofree char *printed = NULL, *computed = NULL, *where = NULL;
  PbsEvaluation *e;

  g_return_val_if_fail (f != NULL, NULL);
  e = pbs_scorecard_get_evaluation (self->scorecard);
  printed = pbs_decimal_to_string (&f->printed);
  computed = pbs_decimal_to_string (&f->computed);
  if (f->row >= 0)
    where = g_strdup_printf (zh ? "第 %d 行（%s）" : "row %d (%s)", f->row + 1,
                             pbs_indicator_get_name (pbs_evaluation_get_indicator (e, (guint) f->row)));

  switch (f->kind)
    {
    case PBS_FINDING_ROW_SCORE:
    case PBS_FINDING_BUDGET_SCORE:
    case PBS_FINDING_TOTAL:
      {
        const char *what = f->kind == PBS_FINDING_ROW_SCORE ? where
                           : f->kind == PBS_FINDING_BUDGET_SCORE ? (zh ? "预算执行率得分" : "the budget score")
                           : (zh ? "总分" : "the total");
        if (zh)
          return g_strdup_printf ("%s：公布 %s，应为 %s；%s", what, printed, computed,
                                  variant_text (f->variant, TRUE));
        return g_strdup_printf ("%s: printed %s, computed %s; %s", what, printed, computed,
                                variant_text (f->variant, FALSE));
      }
    case PBS_FINDING_TOTAL_ARITHMETIC:
      {
        /* the sum as the computed column prints it: padded to the
         * policy's digits (98.0 → 98.00), never cut */
        const PbsPolicy *p = pbs_scorecard_get_policy (self->scorecard);
        guint digits = pbs_policy_get_rounding_digits (p);

        if (f->computed.scale < (gint32) digits)
          {
            g_free (computed);
            computed = pbs_decimal_format (&f->computed, digits, pbs_policy_get_rounding_mode (p));
          }
      }
      return zh ? g_strdup_printf ("公布总分 %s 不等于公布的各项得分之和 %s", printed, computed)
                : g_strdup_printf ("the printed total %s is not the sum %s of the printed scores", printed, computed);
    case PBS_FINDING_MISSING_REASON:
      return missing_reason_text (self->scorecard, (guint) f->row, where, zh);
    case PBS_FINDING_BUDGET_RATE:
      return zh ? g_strdup_printf ("预算执行率：公布 %s%%，应为 %s%%", printed, computed)
                : g_strdup_printf ("the execution rate (执行率): printed %s%%, computed %s%%", printed, computed);
    case PBS_FINDING_GRADE:
      {
        const char *p = pbs_grade_get_label (pbs_evaluation_get_printed_grade (e));
        const char *c = pbs_grade_get_label (pbs_scorecard_get_grade (self->scorecard));

        return zh ? g_strdup_printf ("自评等级：公布 %s，应为 %s", p, c)
                  : g_strdup_printf ("the grade (自评等级): printed %s, computed %s", p, c);
      }
    case PBS_FINDING_WARNING:
    default:
      for (guint i = 0; i < pbs_scorecard_get_n_warnings (self->scorecard); i++)
        if (pbs_scorecard_get_warning (self->scorecard, i) == f->warning)
          return pbs_scorecard_dup_warning_message (self->scorecard, i, language);
      return g_strdup ("");
    }
}

/**
 * pbs_variant_get_nick:
 * @variant: a variant
 *
 * Gets the stable name of an audit variant.
 *
 * Returns: (transfer none): its stable name, such as `truncate` or
 *   `other_reverse_formula`
 *
 * Since: 0.1
 */
const char *
pbs_variant_get_nick (PbsVariant variant)
{
  return pbs_enum_nick (PBS_TYPE_VARIANT, variant);
}
