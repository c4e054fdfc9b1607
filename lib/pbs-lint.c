/* pbs-lint.c - indicator quality: the weaknesses units confess
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Self-evaluation reports keep confessing the same weaknesses of their own
 * indicator tables, in the same words: "共性指标多，个性化指标少，部分关键指
 * 标的设定在可衡量方面细化和量化程度不够". Lint finds them in the data: vague
 * qualitative targets, numbers without units, generic indicators crowding a
 * category, too few quantitative rows, targets set too low, points piled
 * on one row, and missing 偏差原因. doc/lint.md is the contract.
 */
#include "config.h"

#include <string.h>

#include "pbs-evaluation-private.h"
#include "pbs-lex.h"
#include "pbs-indicator-private.h"
#include "pbs-template-private.h"
#include "pbs-decimal-private.h"
#include "pbs-policy-private.h"
#include "pbs-nick.h"
#include "pbs-scorecard-private.h"

/* A category is crowded by generic indicators when they are at least
 * GENERIC_SHARE_NUM / GENERIC_SHARE_DEN of its rows, and it has at least
 * GENERIC_MIN_ROWS rows: a lone 满意度 row under 满意度指标 is the
 * framework's shape, not a unit's choice. Satisfaction categories (a name
 * holding SATISFACTION_WORD: 满意度指标, 服务对象满意度指标) are not checked
 * and their rows are not counted: every framework requires satisfaction
 * rows. A level-1 category with a single level-2 category holds the same
 * rows as it: only the level-2 finding is made. */
#define GENERIC_SHARE_NUM 1
#define GENERIC_SHARE_DEN 2
#define GENERIC_MIN_ROWS 2
#define SATISFACTION_WORD "满意度"

/* Too few quantitative rows: below QUANTITATIVE_SHARE_NUM / _DEN of the
 * counted rows. */
#define QUANTITATIVE_SHARE_NUM 3
#define QUANTITATIVE_SHARE_DEN 5

/* Points piled on one row: more than PILED_LEVEL1_NUM / _DEN of its
 * level-1 category's points (when the category has at least
 * PILED_LEVEL1_MIN_ROWS rows), or at least PILED_TOTAL_NUM / _DEN of all
 * indicator points (when the table has at least PILED_TOTAL_MIN_ROWS
 * counted rows). In either scope the row must also stand out: no other
 * row of the scope has more points, and it has more than
 * PILED_MEDIAN_FACTOR × the median points of the scope's other rows. A
 * small evenly weighted table (30/30/15/15, 45/45) piles nothing. */
#define PILED_LEVEL1_NUM 1
#define PILED_LEVEL1_DEN 2
#define PILED_LEVEL1_MIN_ROWS 2
#define PILED_TOTAL_NUM 3
#define PILED_TOTAL_DEN 10
#define PILED_TOTAL_MIN_ROWS 4
#define PILED_MEDIAN_FACTOR 2

/* The vague words of qualitative targets: each says a direction, none a
 * measure. 及时 / 按时 stand for a deadline that could have been a number of
 * working days or a date; 预期 for a target that refers to itself. */
static const char * const vague_words[] = {
  "良好", "有效", "明显", "显著", "较好", "进一步", "持续", "稳步", "提升", "改善",
  "优化", "加强", "提高", "增强", "不断", "逐步", "积极", "切实", "全面", "完善",
  "健全", "稳定", "较高", "大幅", "充分", "及时", "按时", "预期",
};

/* Common (共性) indicator names, used when the evaluation has no template
 * or its template lists none. */
static const char * const builtin_generic[] = {
  "满意度", "完成率", "及时率", "合格率", "达标率", "到位率", "执行率", "资金使用合规性",
  "管理制度健全性", "长效管理机制健全性",
};

/* A measurable example for a vague target, by the words of its level-2
 * category; the first match wins, the last entry matches everything. */
typedef struct {
  const char *level2_part;
  const char *example;
} MeasurableExample;

static const MeasurableExample measurable_examples[] = {
  { "时效", "≤3个工作日" },
  { "数量", "≥20项" },
  { "成本", "≤50万元" },
  { "满意", "≥90%" },
  { "", "≥95%" },
};

/* The likely unit of a number, by the words of the indicator's name: a
 * name ending in 率 or 度 is a percentage; otherwise the first word of the
 * table the name holds, the more specific words first. */
typedef struct {
  const char *name_part;
  const char *unit;
} UnitGuess;

static const char * const percent_endings[] = { "率", "度", "比例", "占比" };

static const UnitGuess unit_guesses[] = {
  { "人次", "人次" }, { "时限", "个工作日" }, { "天数", "天" }, { "资金", "万元" },
  { "经费", "万元" }, { "支出", "万元" }, { "人数", "人" }, { "件", "件" }, { "次数", "次" },
  { "个数", "个" }, { "数量", "项" }, { "事项", "项" },
};

typedef struct {
  PbsLintCheck  check;
  gint          row;        /* -1 for a category or the whole table */
  const char   *category;   /* borrowed from the evaluation's indicators; NULL: the whole table */
  guint         level;      /* 1 or 2 for generic_dominates */
  guint         count;      /* generic or quantitative rows */
  guint         of;         /* the rows they are counted among */
  gboolean      of_total;   /* points_piled: against all points, not the level-1 category's */
} Finding;

struct _PbsLint
{
  gatomicrefcount ref_count;
  PbsScorecard   *scorecard;
  GArray         *findings;   /* Finding */
};

/**
 * PbsLint:
 *
 * The quality findings on a scored table's indicators (doc/lint.md): each
 * names a check, the row or category, and a message and a suggestion in
 * Chinese or English, made on demand from the data.
 *
 * Since: 0.1
 */

G_DEFINE_BOXED_TYPE (PbsLint, pbs_lint, pbs_lint_ref, pbs_lint_unref)

/* Rows that take part in the table's points: neither 不适用 nor the level
 * of a parent/child pair that is not counted. */
static gboolean
row_counts (PbsScorecard *sc, guint row)
{
  return pbs_scorecard_get_row_status (sc, row) != PBS_STATUS_NOT_APPLICABLE
         && pbs_scorecard_get_row_status (sc, row) != PBS_STATUS_UNPUBLISHED
         && !(pbs_scorecard_get_row_flags (sc, row) & PBS_FLAG_NOT_COUNTED);
}

static gboolean
has_digit (const char *s)
{
  for (; *s != '\0'; s = g_utf8_next_char (s))
    if (g_unichar_isdigit (g_utf8_get_char (s)))
      return TRUE;
  return FALSE;
}

/* Appends the vague words of @text, quoted and joined by @sep, to @out;
 * returns how many. */
static guint
vague_words_in (const char *text, GString *out, const char *sep)
{
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (vague_words); i++)
    if (strstr (text, vague_words[i]) != NULL)
      {
        if (out != NULL)
          g_string_append_printf (out, "%s“%s”", n > 0 ? sep : "", vague_words[i]);
        n++;
      }
  return n;
}

static gboolean
is_vague (const PbsValue *target)
{
  const char *text = pbs_value_get_text (target);

  return pbs_value_get_kind (target) == PBS_VALUE_QUALITATIVE && text != NULL
         && !has_digit (text) && vague_words_in (text, NULL, NULL) > 0;
}

static gboolean
lacks_unit (const PbsValue *target)
{
  PbsValueKind k = pbs_value_get_kind (target);
  const char *unit = pbs_value_get_unit (target);

  return (k == PBS_VALUE_QUANTITY || k == PBS_VALUE_RANGE) && (unit == NULL || *unit == '\0');
}

static gboolean
is_quantitative (const PbsValue *target)
{
  PbsValueKind k = pbs_value_get_kind (target);

  return k == PBS_VALUE_QUANTITY || k == PBS_VALUE_RANGE || k == PBS_VALUE_DATE;
}

static const char * const *
generic_names (PbsScorecard *sc, gsize *n)
{
  PbsTemplate *t = pbs_evaluation_get_template (pbs_scorecard_get_evaluation (sc));
  const char * const *names = t != NULL ? pbs_template_get_generic_indicators (t) : NULL;

  if (names != NULL && names[0] != NULL)
    {
      *n = g_strv_length ((char **) names);
      return names;
    }
  *n = G_N_ELEMENTS (builtin_generic);
  return builtin_generic;
}

/* Exact name or containment either way ("服务对象满意度（%）" holds
 * "服务对象满意度"; a row named "满意度" is held by it). */
static gboolean
is_generic (const char *name, const char * const *names, gsize n)
{
  for (gsize i = 0; i < n; i++)
    {
      if (*names[i] == '\0')
        continue;
      if (strstr (name, names[i]) != NULL || (*name != '\0' && strstr (names[i], name) != NULL))
        return TRUE;
    }
  return FALSE;
}

/* a·den > num·b, or ≥ with @or_equal: a share test without division. */
static gboolean
share_past (const PbsDecimal *a, const PbsDecimal *b, gint num, gint den, gboolean or_equal)
{
  PbsDecimal dn, dd, lhs, rhs;
  int c;

  pbs_decimal_init (&dn, num, 0);
  pbs_decimal_init (&dd, den, 0);
  if (!pbs_decimal_mul (a, &dd, &lhs) || !pbs_decimal_mul (b, &dn, &rhs))
    return FALSE;
  c = pbs_decimal_compare (&lhs, &rhs);
  return or_equal ? c >= 0 : c > 0;
}

/* 100·a/b, half-up to one decimal, as text ("62.5", "50"). */
static char *
percent_text (const PbsDecimal *a, const PbsDecimal *b)
{
  PbsDecimal hundred, scaled, q;
  char *s;

  pbs_decimal_init (&hundred, 100, 0);
  if (pbs_decimal_sign (b) == 0 || !pbs_decimal_mul (a, &hundred, &scaled)
      || !pbs_decimal_div (&scaled, b, 1, PBS_ROUNDING_HALF_UP, &q))
    return g_strdup ("?");
  s = pbs_decimal_to_string (&q);
  if (g_str_has_suffix (s, ".0"))
    s[strlen (s) - 2] = '\0';
  return s;
}

static char *
count_percent_text (guint a, guint b)
{
  PbsDecimal da, db;

  pbs_decimal_init (&da, a, 0);
  pbs_decimal_init (&db, b, 0);
  return percent_text (&da, &db);
}

static gint
decimal_cmp (gconstpointer a, gconstpointer b)
{
  return pbs_decimal_compare (a, b);
}

/* The median points of the counted rows of a scope (@l1, or the whole
 * table when NULL) other than @row; FALSE when there is no other row or
 * another row has more points than @row. */
static gboolean
scope_median_others (PbsScorecard *sc, guint row, const char *l1, PbsDecimal *median)
{
  PbsEvaluation *e = pbs_scorecard_get_evaluation (sc);
  g_autoptr (GArray) others = g_array_new (FALSE, FALSE, sizeof (PbsDecimal));
  PbsDecimal w, two, sum;
  guint n;

  pbs_indicator_get_points (pbs_evaluation_get_indicator (e, row), &w);
  for (guint i = 0; i < pbs_scorecard_get_n_rows (sc); i++)
    {
      PbsIndicator *ind = pbs_evaluation_get_indicator (e, i);
      PbsDecimal p;

      if (i == row || !row_counts (sc, i)
          || (l1 != NULL && g_strcmp0 (pbs_indicator_get_level1 (ind), l1) != 0))
        continue;
      pbs_indicator_get_points (ind, &p);
      if (pbs_decimal_compare (&p, &w) > 0)
        return FALSE;
      g_array_append_val (others, p);
    }
  n = others->len;
  if (n == 0)
    return FALSE;
  g_array_sort (others, decimal_cmp);
  if (n % 2 == 1)
    {
      *median = g_array_index (others, PbsDecimal, n / 2);
      return TRUE;
    }
  /* the mean of the middle two, exact with one more digit */
  pbs_decimal_init (&two, 2, 0);
  return pbs_decimal_add (&g_array_index (others, PbsDecimal, n / 2 - 1),
                          &g_array_index (others, PbsDecimal, n / 2), &sum)
         && pbs_decimal_div (&sum, &two, (guint) MAX (sum.scale, 0) + 1, PBS_ROUNDING_HALF_UP, median);
}

/* @row is the largest of its scope and holds more than
 * PILED_MEDIAN_FACTOR × the median of the scope's other rows. */
static gboolean
stands_out (PbsScorecard *sc, guint row, const char *l1)
{
  PbsDecimal w, median, factor, limit;

  if (!scope_median_others (sc, row, l1, &median))
    return FALSE;
  pbs_indicator_get_points (pbs_evaluation_get_indicator (pbs_scorecard_get_evaluation (sc), row), &w);
  pbs_decimal_init (&factor, PILED_MEDIAN_FACTOR, 0);
  return pbs_decimal_mul (&median, &factor, &limit) && pbs_decimal_compare (&w, &limit) > 0;
}

static gboolean
is_satisfaction (const char *category)
{
  return category != NULL && strstr (category, SATISFACTION_WORD) != NULL;
}

static void
add_row_finding (GArray *findings, PbsLintCheck check, guint row, const char *category)
{
  Finding f = { 0 };

  f.check = check;
  f.row = (gint) row;
  f.category = category;
  g_array_append_val (findings, f);
}

/* The row checks, in check order, for one row. */
static void
lint_row (PbsLint *self, guint row, const PbsDecimal *all_points, guint all_rows,
          GHashTable *l1_points, GHashTable *l1_rows)
{
  PbsScorecard *sc = self->scorecard;
  PbsIndicator *ind = pbs_evaluation_get_indicator (pbs_scorecard_get_evaluation (sc), row);
  const PbsValue *target = pbs_indicator_get_target (ind);
  PbsFlags flags = pbs_scorecard_get_row_flags (sc, row);
  const char *l1 = pbs_indicator_get_level1 (ind);
  const char *l2 = pbs_indicator_get_level2 (ind);

  if (pbs_scorecard_get_row_status (sc, row) == PBS_STATUS_NOT_APPLICABLE
      || pbs_scorecard_get_row_status (sc, row) == PBS_STATUS_UNPUBLISHED
      || (target != NULL && pbs_lex_is_placeholder (pbs_value_get_text (target))))
    return;

  if (is_vague (target))
    add_row_finding (self->findings, PBS_LINT_VAGUE_TARGET, row, l2);
  if (lacks_unit (target))
    add_row_finding (self->findings, PBS_LINT_NO_UNIT, row, l2);
  if (flags & PBS_FLAG_OVER_COMPLETION)
    add_row_finding (self->findings, PBS_LINT_TARGET_TOO_LOW, row, l2);

  if (row_counts (sc, row))
    {
      const PbsDecimal *cat = g_hash_table_lookup (l1_points, l1);
      guint cat_rows = GPOINTER_TO_UINT (g_hash_table_lookup (l1_rows, l1));
      PbsDecimal w;
      gboolean in_level1, in_total;

      pbs_indicator_get_points (ind, &w);
      in_level1 = cat != NULL && cat_rows >= PILED_LEVEL1_MIN_ROWS
                  && share_past (&w, cat, PILED_LEVEL1_NUM, PILED_LEVEL1_DEN, FALSE)
                  && stands_out (sc, row, l1);
      in_total = all_rows >= PILED_TOTAL_MIN_ROWS
                 && pbs_decimal_sign (all_points) > 0 && pbs_decimal_sign (&w) > 0
                 && share_past (&w, all_points, PILED_TOTAL_NUM, PILED_TOTAL_DEN, TRUE)
                 && stands_out (sc, row, NULL);
      if (in_level1 || in_total)
        {
          add_row_finding (self->findings, PBS_LINT_POINTS_PILED, row, l1);
          g_array_index (self->findings, Finding, self->findings->len - 1).of_total = !in_level1;
        }
    }

  if (flags & PBS_FLAG_MISSING_REASON)
    add_row_finding (self->findings, PBS_LINT_MISSING_REASON, row, l2);
}

/* generic_dominates for the rows of one category (@l2 NULL: all of @l1). */
static void
lint_category (PbsLint *self, const char *l1, const char *l2, const char * const *names, gsize n)
{
  PbsScorecard *sc = self->scorecard;
  PbsEvaluation *e = pbs_scorecard_get_evaluation (sc);
  g_autoptr (GPtrArray) level2s = g_ptr_array_new ();
  guint rows = 0, generic = 0;

  if (is_satisfaction (l1) || is_satisfaction (l2))
    return;
  for (guint i = 0; i < pbs_scorecard_get_n_rows (sc); i++)
    {
      PbsIndicator *ind = pbs_evaluation_get_indicator (e, i);
      const char *row_l2 = pbs_indicator_get_level2 (ind);

      if (!row_counts (sc, i) || g_strcmp0 (pbs_indicator_get_level1 (ind), l1) != 0
          || (l2 != NULL && g_strcmp0 (row_l2, l2) != 0) || is_satisfaction (row_l2))
        continue;
      rows++;
      generic += is_generic (pbs_indicator_get_name (ind), names, n);
      if (row_l2 != NULL && !g_ptr_array_find_with_equal_func (level2s, row_l2, g_str_equal, NULL))
        g_ptr_array_add (level2s, (gpointer) row_l2);
    }
  /* a level-1 category of one level-2 category: the same rows, which the
   * level-2 finding reports */
  if (l2 == NULL && level2s->len == 1)
    return;
  if (rows >= GENERIC_MIN_ROWS && generic > 0
      && generic * GENERIC_SHARE_DEN >= rows * GENERIC_SHARE_NUM)
    {
      Finding f = { 0 };

      f.check = PBS_LINT_GENERIC_DOMINATES;
      f.row = -1;
      f.category = l2 != NULL ? l2 : l1;
      f.level = l2 != NULL ? 2 : 1;
      f.count = generic;
      f.of = rows;
      g_array_append_val (self->findings, f);
    }
}

/**
 * pbs_lint_new:
 * @scorecard: a scored table
 *
 * Checks the quality of @scorecard's indicators (doc/lint.md). Findings
 * come in a fixed order: the row findings by row (and, within a row, in
 * the order of #PbsLintCheck), then the category findings in table order,
 * then the findings on the whole table.
 *
 * Returns: (transfer full): the findings
 *
 * Since: 0.1
 */
PbsLint *
pbs_lint_new (PbsScorecard *scorecard)
{
  PbsLint *self;
  PbsEvaluation *e;
  g_autoptr (GHashTable) l1_points = NULL;
  g_autoptr (GHashTable) l1_rows = NULL;
  g_autoptr (GArray) points = NULL;
  PbsDecimal all_points;
  const char * const *names;
  gsize n_names;
  guint n_rows, counted = 0, quantitative = 0;

  g_return_val_if_fail (scorecard != NULL, NULL);

  self = g_new0 (PbsLint, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->scorecard = pbs_scorecard_ref (scorecard);
  self->findings = g_array_new (FALSE, TRUE, sizeof (Finding));
  e = pbs_scorecard_get_evaluation (scorecard);
  n_rows = pbs_scorecard_get_n_rows (scorecard);

  /* Points of the counted rows, per level-1 category and in all. The
   * category sums live in @points, sized up front so the pointers the
   * table holds stay put. */
  l1_points = g_hash_table_new (g_str_hash, g_str_equal);
  l1_rows = g_hash_table_new (g_str_hash, g_str_equal);
  points = g_array_sized_new (FALSE, TRUE, sizeof (PbsDecimal), n_rows);
  pbs_decimal_init (&all_points, 0, 0);
  for (guint i = 0; i < n_rows; i++)
    {
      PbsIndicator *ind = pbs_evaluation_get_indicator (e, i);
      const char *l1 = pbs_indicator_get_level1 (ind);
      PbsDecimal *sum;
      PbsDecimal w;

      if (!row_counts (scorecard, i))
        continue;
      pbs_indicator_get_points (ind, &w);
      sum = g_hash_table_lookup (l1_points, l1);
      if (sum == NULL)
        {
          PbsDecimal zero;

          pbs_decimal_init (&zero, 0, 0);
          g_array_append_val (points, zero);
          sum = &g_array_index (points, PbsDecimal, points->len - 1);
          g_hash_table_insert (l1_points, (gpointer) l1, sum);
        }
      if (!pbs_decimal_add (sum, &w, sum) || !pbs_decimal_add (&all_points, &w, &all_points))
        pbs_decimal_init (&all_points, 0, 0);   /* overflow: no share is meaningful */
      g_hash_table_insert (l1_rows, (gpointer) l1,
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (l1_rows, l1)) + 1));
      counted++;
      quantitative += is_quantitative (pbs_indicator_get_target (ind));
    }

  for (guint i = 0; i < n_rows; i++)
    lint_row (self, i, &all_points, counted, l1_points, l1_rows);

  names = generic_names (scorecard, &n_names);
  for (guint i = 0; i < pbs_scorecard_get_n_subtotals (scorecard); i++)
    {
      guint level;
      const char *l1, *l2;

      pbs_scorecard_get_subtotal (scorecard, i, &level, &l1, &l2, NULL, NULL);
      lint_category (self, l1, level == 1 ? NULL : l2, names, n_names);
    }

  /* Placeholders left in fields (§11), in reading order. */
  for (guint i = 0; i < pbs_evaluation_get_n_unfilled (e); i++)
    {
      guint row;
      const char *field = pbs_evaluation_get_unfilled (e, i, &row, NULL, NULL);

      add_row_finding (self->findings, PBS_LINT_UNFILLED, row, field);
      g_array_index (self->findings, Finding, self->findings->len - 1).row = (gint) row - 1;
    }

  if (counted > 0 && quantitative * QUANTITATIVE_SHARE_DEN < counted * QUANTITATIVE_SHARE_NUM)
    {
      Finding f = { 0 };

      f.check = PBS_LINT_FEW_QUANTITATIVE;
      f.row = -1;
      f.count = quantitative;
      f.of = counted;
      g_array_append_val (self->findings, f);
    }
  return self;
}

/**
 * pbs_lint_ref:
 * @self: a #PbsLint
 *
 * Takes a reference on the lint result.
 *
 * Returns: (transfer full): @self, with one more reference
 *
 * Since: 0.1
 */
PbsLint *
pbs_lint_ref (PbsLint *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

/**
 * pbs_lint_unref:
 * @self: (transfer full): a #PbsLint
 *
 * Drops a reference; the last one frees @self.
 *
 * Since: 0.1
 */
void
pbs_lint_unref (PbsLint *self)
{
  g_return_if_fail (self != NULL);
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  pbs_scorecard_unref (self->scorecard);
  g_array_unref (self->findings);
  g_free (self);
}

static const Finding *
finding_at (const PbsLint *self, guint index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->findings->len, NULL);
  return &g_array_index (self->findings, Finding, index);
}

/**
 * pbs_lint_get_n_findings:
 * @self: a #PbsLint
 *
 * Gets the number of findings in the lint result.
 *
 * Returns: the number of findings
 *
 * Since: 0.1
 */
guint
pbs_lint_get_n_findings (const PbsLint *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->findings->len;
}

/**
 * pbs_lint_count:
 * @self: a #PbsLint
 * @check: a check
 *
 * Counts the findings one check made.
 *
 * Returns: how many findings @check made
 *
 * Since: 0.1
 */
guint
pbs_lint_count (const PbsLint *self, PbsLintCheck check)
{
  guint n = 0;

  g_return_val_if_fail (self != NULL, 0);
  for (guint i = 0; i < self->findings->len; i++)
    n += g_array_index (self->findings, Finding, i).check == check;
  return n;
}

/**
 * pbs_lint_get_check:
 * @self: a #PbsLint
 * @index: a finding number, from 0
 *
 * Gets the check that made the finding at @index.
 *
 * Returns: the check that made the finding
 *
 * Since: 0.1
 */
PbsLintCheck
pbs_lint_get_check (const PbsLint *self, guint index)
{
  const Finding *f = finding_at (self, index);
  return f != NULL ? f->check : PBS_LINT_VAGUE_TARGET;
}

/**
 * pbs_lint_get_row:
 * @self: a #PbsLint
 * @index: a finding number, from 0
 *
 * Gets the row the finding at @index concerns.
 *
 * Returns: the row (from 0) the finding concerns, or -1 for a finding on
 *   a category (`generic_dominates`) or the whole table
 *   (`few_quantitative`)
 *
 * Since: 0.1
 */
gint
pbs_lint_get_row (const PbsLint *self, guint index)
{
  const Finding *f = finding_at (self, index);
  return f != NULL ? f->row : -1;
}

/**
 * pbs_lint_get_category:
 * @self: a #PbsLint
 * @index: a finding number, from 0
 *
 * The category a finding concerns: for `generic_dominates` the level-1 or
 * level-2 category that generic indicators crowd; for `points_piled` the
 * row's level-1 category; for the other row findings the row's level-2
 * category; %NULL for `few_quantitative`, which is about the whole table.
 *
 * Returns: (transfer none) (nullable): the category's name
 *
 * Since: 0.1
 */
const char *
pbs_lint_get_category (const PbsLint *self, guint index)
{
  const Finding *f = finding_at (self, index);
  return f != NULL ? f->category : NULL;
}

static PbsIndicator *
finding_indicator (const PbsLint *self, const Finding *f)
{
  if (f->row < 0)
    return NULL;
  return pbs_evaluation_get_indicator (pbs_scorecard_get_evaluation (self->scorecard), (guint) f->row);
}

/* The points of @f's level-1 category and of the whole table, counted as
 * pbs_lint_new() counts them. */
static void
piled_points (const PbsLint *self, const Finding *f, PbsDecimal *category, PbsDecimal *all)
{
  PbsScorecard *sc = self->scorecard;
  PbsEvaluation *e = pbs_scorecard_get_evaluation (sc);

  pbs_decimal_init (category, 0, 0);
  pbs_decimal_init (all, 0, 0);
  for (guint i = 0; i < pbs_scorecard_get_n_rows (sc); i++)
    {
      PbsIndicator *ind = pbs_evaluation_get_indicator (e, i);
      PbsDecimal w;

      if (!row_counts (sc, i))
        continue;
      pbs_indicator_get_points (ind, &w);
      pbs_decimal_add (all, &w, all);
      if (g_strcmp0 (pbs_indicator_get_level1 (ind), f->category) == 0)
        pbs_decimal_add (category, &w, category);
    }
}

/* Quoted generic rows of @f's category, joined by @sep ("“项目完成率”、“质量达标率”"). */
static char *
generic_rows_text (const PbsLint *self, const Finding *f, const char *sep)
{
  PbsScorecard *sc = self->scorecard;
  PbsEvaluation *e = pbs_scorecard_get_evaluation (sc);
  g_autoptr (GString) s = g_string_new (NULL);
  const char * const *names;
  gsize n;

  names = generic_names (sc, &n);
  for (guint i = 0; i < pbs_scorecard_get_n_rows (sc); i++)
    {
      PbsIndicator *ind = pbs_evaluation_get_indicator (e, i);
      const char *cat = f->level == 1 ? pbs_indicator_get_level1 (ind) : pbs_indicator_get_level2 (ind);

      if (row_counts (sc, i) && g_strcmp0 (cat, f->category) == 0
          && !is_satisfaction (pbs_indicator_get_level2 (ind))
          && is_generic (pbs_indicator_get_name (ind), names, n))
        g_string_append_printf (s, "%s“%s”", s->len > 0 ? sep : "", pbs_indicator_get_name (ind));
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* a / t of a row, exact from the values and rounded once, half-up to 2
 * decimals (12449.5 / 10000 = 1.24495 → 1.24, not 1.2450 → 1.25). */
static char *
times_text (const PbsIndicator *ind)
{
  PbsDecimal t, a, q;

  if (!pbs_value_get_number (pbs_indicator_get_target (ind), &t)
      || !pbs_value_get_number (pbs_indicator_get_actual (ind), &a)
      || pbs_decimal_sign (&t) <= 0 || !pbs_decimal_div (&a, &t, 2, PBS_ROUNDING_HALF_UP, &q))
    return NULL;
  return pbs_decimal_to_string (&q);
}

/* A value in a sentence: words quoted (“达成”), numbers set off by spaces
 * (" 95% "); @lead and @trail say which sides get a space. */
static char *
value_text (const PbsValue *v, gboolean lead, gboolean trail)
{
  PbsValueKind k = pbs_value_get_kind (v);
  const char *text = pbs_value_get_text (v);

  if (k == PBS_VALUE_QUALITATIVE || k == PBS_VALUE_BOOLEAN)
    return g_strdup_printf ("“%s”", text);
  return g_strdup_printf ("%s%s%s", lead ? " " : "", text, trail ? " " : "");
}

/* A field's name on the form, for a Chinese message about its key. */
static const char *
field_label (const char *key)
{
  static const char * const labels[][2] = {
    { "title", "项目名称" }, { "department", "主管部门" }, { "unit", "实施单位" },
    { "name", "三级指标" }, { "target", "年度指标值" }, { "actual", "实际完成值" },
    { "reason", "偏差原因分析及改进措施" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (labels[i][0], key) == 0)
      return labels[i][1];
  return key;
}

static char *
missing_reason_message (const PbsLint *self, const Finding *f, const char *where, gboolean zh)
{
  PbsScorecard *sc = self->scorecard;
  PbsIndicator *ind = pbs_evaluation_get_indicator (pbs_scorecard_get_evaluation (sc), (guint) f->row);
  g_autofree char *a = value_text (pbs_indicator_get_actual (ind), TRUE, TRUE);
  g_autofree char *t = value_text (pbs_indicator_get_target (ind), TRUE, FALSE);
  g_autofree char *at = value_text (pbs_indicator_get_actual (ind), FALSE, FALSE);
  g_autofree char *tt = value_text (pbs_indicator_get_target (ind), FALSE, FALSE);

  switch (pbs_scorecard_owed (sc, (guint) f->row))
    {
    case PBS_OWED_OVER:
      return zh ? g_strdup_printf ("%s：实际完成值%s远超年度指标值%s，缺少偏差原因分析", where, a, t)
                : g_strdup_printf ("%s: the actual %s is far past the target %s, with no 偏差原因", where, at, tt);
    case PBS_OWED_BELOW_FULL:
      {
        PbsDecimal score, points;
        g_autofree char *st = NULL, *pt = NULL;

        pbs_indicator_get_points (ind, &points);
        pt = pbs_decimal_to_string (&points);
        st = pbs_scorecard_get_row_score (sc, (guint) f->row, &score) ? pbs_decimal_to_string (&score)
                                                                      : g_strdup ("?");
        return zh ? g_strdup_printf ("%s：实际完成值%s达到年度指标值%s，但得分 %s 低于满分 %s，缺少偏差原因分析",
                                     where, a, t, st, pt)
                  : g_strdup_printf ("%s: the actual %s meets the target %s but scores %s, below the full %s "
                                     "points, with no 偏差原因", where, at, tt, st, pt);
      }
    case PBS_OWED_PAST_CEILING:
      return zh ? g_strdup_printf ("%s：实际完成值%s超过年度指标值%s，缺少偏差原因分析", where, a, t)
                : g_strdup_printf ("%s: the actual %s exceeds the ceiling %s, with no 偏差原因", where, at, tt);
    case PBS_OWED_OFF_TARGET:
      return zh ? g_strdup_printf ("%s：实际完成值%s偏离年度指标值%s，缺少偏差原因分析", where, a, t)
                : g_strdup_printf ("%s: the actual %s is off the target %s, with no 偏差原因", where, at, tt);
    case PBS_OWED_LATE:
      return zh ? g_strdup_printf ("%s：实际完成值%s晚于年度指标值%s，缺少偏差原因分析", where, a, t)
                : g_strdup_printf ("%s: the actual %s is later than the deadline %s, with no 偏差原因", where,
                                   at, tt);
    case PBS_OWED_SHORT:
    default:
      return zh ? g_strdup_printf ("%s：实际完成值%s未达到年度指标值%s，缺少偏差原因分析", where, a, t)
                : g_strdup_printf ("%s: the actual %s falls short of the target %s, with no 偏差原因", where,
                                   at, tt);
    }
}

/**
 * pbs_lint_dup_message:
 * @self: a #PbsLint
 * @index: a finding number, from 0
 * @language: the language of the text
 *
 * Describes the finding at @index in @language.
 *
 * Returns: (transfer full): what is wrong, naming the row (1-based, with
 *   its name) or the category and the values involved
 *
 * Since: 0.1
 */
char *
pbs_lint_dup_message (const PbsLint *self, guint index, PbsLanguage language)
{
  const Finding *f = finding_at (self, index);
  gboolean zh = language == PBS_LANGUAGE_ZH;
  PbsIndicator *ind;
  g_autofree char *where = NULL;
  const char *target = NULL;

  g_return_val_if_fail (f != NULL, NULL);
  ind = finding_indicator (self, f);
  if (ind != NULL)
    {
      where = g_strdup_printf (zh ? "第 %d 行（%s）" : "row %d (%s)", f->row + 1, pbs_indicator_get_name (ind));
      target = pbs_value_get_text (pbs_indicator_get_target (ind));
    }

  switch (f->check)
    {
    case PBS_LINT_VAGUE_TARGET:
      {
        g_autoptr (GString) words = g_string_new (NULL);

        vague_words_in (target, words, zh ? "、" : ", ");
        return zh ? g_strdup_printf ("%s：年度指标值“%s”是定性表述，含模糊词%s，无法衡量是否达成",
                                     where, target, words->str)
                  : g_strdup_printf ("%s: the target “%s” is qualitative, in vague words (%s), and cannot be measured",
                                     where, target, words->str);
      }
    case PBS_LINT_NO_UNIT:
      return zh ? g_strdup_printf ("%s：年度指标值“%s”有数值但没有计量单位", where, target)
                : g_strdup_printf ("%s: the target “%s” is a number without a unit", where, target);
    case PBS_LINT_GENERIC_DOMINATES:
      {
        g_autofree char *rows = generic_rows_text (self, f, zh ? "、" : ", ");
        g_autofree char *pct = count_percent_text (f->count, f->of);

        return zh ? g_strdup_printf ("%s“%s”共 %u 项指标，其中共性指标 %u 项（%s%%：%s），"
                                     "共性指标多，个性化指标少",
                                     f->level == 1 ? "一级指标" : "二级指标", f->category, f->of,
                                     f->count, pct, rows)
                  : g_strdup_printf ("%s category “%s”: %u of its %u indicators (%s%%) are generic (%s); "
                                     "few indicators are the unit's own",
                                     f->level == 1 ? "level-1" : "level-2", f->category, f->count, f->of,
                                     pct, rows);
      }
    case PBS_LINT_FEW_QUANTITATIVE:
      {
        g_autofree char *pct = count_percent_text (f->count, f->of);

        return zh ? g_strdup_printf ("%u 项指标中只有 %u 项（%s%%）为定量指标（数值、区间或日期），"
                                     "低于 %d%%，指标在可衡量方面细化和量化程度不够",
                                     f->of, f->count, pct, 100 * QUANTITATIVE_SHARE_NUM / QUANTITATIVE_SHARE_DEN)
                  : g_strdup_printf ("only %u of %u indicators (%s%%) have a quantitative target (a number, "
                                     "a range or a date), below %d%%",
                                     f->count, f->of, pct, 100 * QUANTITATIVE_SHARE_NUM / QUANTITATIVE_SHARE_DEN);
      }
    case PBS_LINT_TARGET_TOO_LOW:
      {
        const PbsPolicy *p = pbs_scorecard_get_policy (self->scorecard);
        g_autofree char *threshold = pbs_decimal_to_string (&p->over_threshold);
        g_autofree char *times = times_text (ind);
        const char *actual = pbs_value_get_text (pbs_indicator_get_actual (ind));
        if (times != NULL)
          return zh ? g_strdup_printf ("%s：实际完成值 %s 为年度指标值 %s 的 %s 倍，超过 %s 倍的偏离阈值，目标值设定偏低",
                                       where, actual, target, times, threshold)
                    : g_strdup_printf ("%s: the actual %s is %s × the target %s, past the %s × threshold: "
                                       "the target was set too low", where, actual, times, target, threshold);
        return zh ? g_strdup_printf ("%s：实际完成值 %s 超过年度指标值 %s 的 %s 倍，目标值设定偏低",
                                     where, actual, target, threshold)
                  : g_strdup_printf ("%s: the actual %s is past %s × the target %s: the target was set too low",
                                     where, actual, threshold, target);
      }
    case PBS_LINT_POINTS_PILED:
      {
        PbsDecimal w, category, all, median;
        g_autofree char *wt = NULL, *share = NULL, *of_text = NULL, *mt = NULL;

        pbs_indicator_get_points (ind, &w);
        piled_points (self, f, &category, &all);
        wt = pbs_decimal_to_string (&w);
        mt = scope_median_others (self->scorecard, (guint) f->row, f->of_total ? NULL : f->category, &median)
             ? pbs_decimal_to_short_string (&median) : g_strdup ("?");
        if (f->of_total)
          {
            share = percent_text (&w, &all);
            of_text = pbs_decimal_to_string (&all);
            return zh ? g_strdup_printf ("%s：分值 %s 分，占全部指标分值 %s 分的 %s%%，超过其余指标分值中位数"
                                         " %s 分的 %d 倍，权重过于集中",
                                         where, wt, of_text, share, mt, PILED_MEDIAN_FACTOR)
                      : g_strdup_printf ("%s: %s points, %s%% of all %s indicator points and more than %d × the "
                                         "median %s points of the other rows: too much weight on one row",
                                         where, wt, share, of_text, PILED_MEDIAN_FACTOR, mt);
          }
        share = percent_text (&w, &category);
        of_text = pbs_decimal_to_string (&category);
        return zh ? g_strdup_printf ("%s：分值 %s 分，占一级指标“%s”%s 分的 %s%%，超过其中其余指标分值中位数"
                                     " %s 分的 %d 倍，权重过于集中",
                                     where, wt, f->category, of_text, share, mt, PILED_MEDIAN_FACTOR)
                  : g_strdup_printf ("%s: %s points, %s%% of the %s points of “%s” and more than %d × the median "
                                     "%s points of its other rows: too much weight on one row",
                                     where, wt, share, of_text, f->category, PILED_MEDIAN_FACTOR, mt);
      }
    case PBS_LINT_UNFILLED:
      if (where != NULL)
        return zh ? g_strdup_printf ("%s：%s（%s）仍是占位符，未填写", where, field_label (f->category),
                                     f->category)
                  : g_strdup_printf ("%s: %s is still a placeholder", where, f->category);
      return zh ? g_strdup_printf ("%s（%s）仍是占位符，未填写", field_label (f->category), f->category)
                : g_strdup_printf ("%s is still a placeholder", f->category);
    case PBS_LINT_MISSING_REASON:
    default:
      return missing_reason_message (self, f, where, zh);
    }
}

static const char *
measurable_example (const char *level2)
{
  for (guint i = 0; i < G_N_ELEMENTS (measurable_examples); i++)
    if (strstr (level2, measurable_examples[i].level2_part) != NULL)
      return measurable_examples[i].example;
  return measurable_examples[G_N_ELEMENTS (measurable_examples) - 1].example;
}

static const char *
unit_guess (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (percent_endings); i++)
    if (g_str_has_suffix (name, percent_endings[i]))
      return "%";
  for (guint i = 0; i < G_N_ELEMENTS (unit_guesses); i++)
    if (strstr (name, unit_guesses[i].name_part) != NULL)
      return unit_guesses[i].unit;
  return NULL;
}

/* One or two of the template's suggested indicators for @f's category
 * that are neither generic nor already in the table, quoted and joined by
 * @sep; NULL when there are none. */
static char *
suggested_text (const PbsLint *self, const Finding *f, const char *sep)
{
  PbsScorecard *sc = self->scorecard;
  PbsEvaluation *e = pbs_scorecard_get_evaluation (sc);
  PbsTemplate *t = pbs_evaluation_get_template (e);
  g_autoptr (GString) s = g_string_new (NULL);
  g_autoptr (GPtrArray) level2s = g_ptr_array_new ();
  const char * const *names;
  gsize n;
  guint picked = 0;

  if (t == NULL)
    return NULL;
  names = generic_names (sc, &n);

  /* The level-2 categories to look in: the category itself, or each of a
   * level-1 category's, in table order. */
  for (guint i = 0; i < pbs_scorecard_get_n_subtotals (sc); i++)
    {
      guint level;
      const char *l1, *l2;

      pbs_scorecard_get_subtotal (sc, i, &level, &l1, &l2, NULL, NULL);
      if (level == 2 && !is_satisfaction (l2)
          && (f->level == 1 ? g_strcmp0 (l1, f->category) == 0 : g_strcmp0 (l2, f->category) == 0))
        {
          g_ptr_array_add (level2s, (gpointer) l1);
          g_ptr_array_add (level2s, (gpointer) l2);
        }
    }

  for (guint k = 0; k + 1 < level2s->len && picked < 2; k += 2)
    {
      const char * const *sug = pbs_template_get_suggested (t, level2s->pdata[k], level2s->pdata[k + 1]);

      for (; sug != NULL && *sug != NULL && picked < 2; sug++)
        {
          gboolean present = FALSE;

          if (is_generic (*sug, names, n))
            continue;
          for (guint i = 0; i < pbs_evaluation_get_n_indicators (e) && !present; i++)
            present = strcmp (pbs_indicator_get_name (pbs_evaluation_get_indicator (e, i)), *sug) == 0;
          if (present)
            continue;
          g_string_append_printf (s, "%s“%s”", picked > 0 ? sep : "", *sug);
          picked++;
        }
    }
  return picked > 0 ? g_string_free (g_steal_pointer (&s), FALSE) : NULL;
}

/**
 * pbs_lint_dup_suggestion:
 * @self: a #PbsLint
 * @index: a finding number, from 0
 * @language: the language of the text
 *
 * Suggests a fix for the finding at @index in @language.
 *
 * Returns: (transfer full): a concrete fix: a measurable form of a vague
 *   target, the unit to add, indicators to add, the target to raise
 *
 * Since: 0.1
 */
char *
pbs_lint_dup_suggestion (const PbsLint *self, guint index, PbsLanguage language)
{
  const Finding *f = finding_at (self, index);
  gboolean zh = language == PBS_LANGUAGE_ZH;
  PbsIndicator *ind;

  g_return_val_if_fail (f != NULL, NULL);
  ind = finding_indicator (self, f);

  switch (f->check)
    {
    case PBS_LINT_VAGUE_TARGET:
      {
        const char *example = measurable_example (pbs_indicator_get_level2 (ind));

        return zh ? g_strdup_printf ("改为可衡量的指标值，写明比较符号、数值和单位，如“%s”", example)
                  : g_strdup_printf ("write a measurable target with a sign, a number and a unit, such as “%s”",
                                     example);
      }
    case PBS_LINT_NO_UNIT:
      {
        const char *unit = unit_guess (pbs_indicator_get_name (ind));
        const char *target = pbs_value_get_text (pbs_indicator_get_target (ind));

        if (unit != NULL)
          return zh ? g_strdup_printf ("补充计量单位，如“%s%s”", target, unit)
                    : g_strdup_printf ("add the unit, such as “%s%s”", target, unit);
        return zh ? g_strdup ("补充计量单位（%、项、件、人次、天、万元等）")
                  : g_strdup ("add the unit (%, 项, 件, 人次, 天, 万元 …)");
      }
    case PBS_LINT_GENERIC_DOMINATES:
      {
        g_autofree char *sug = suggested_text (self, f, zh ? "、" : ", ");

        if (sug != NULL)
          return zh ? g_strdup_printf ("结合本单位职能和年度重点工作设置个性化指标，如%s，并以本单位的业务量、"
                                       "办理时限等设定可量化的目标值", sug)
                    : g_strdup_printf ("add indicators from the unit's own work, such as %s, with measurable "
                                       "targets from its own workload and deadlines", sug);
        return zh ? g_strdup ("结合本单位职能和年度重点工作设置个性化指标，以本单位的业务量、办理时限等设定可量化的目标值")
                  : g_strdup ("add indicators from the unit's own work, with measurable targets from its own "
                              "workload and deadlines");
      }
    case PBS_LINT_FEW_QUANTITATIVE:
      return zh ? g_strdup_printf ("将关键指标改为定量指标（如“≥95%%”“≤3个工作日”“≥20项”），"
                                   "使定量指标不少于 %d%%",
                                   100 * QUANTITATIVE_SHARE_NUM / QUANTITATIVE_SHARE_DEN)
                : g_strdup_printf ("turn the key indicators into numbers (“≥95%%”, “≤3个工作日”, “≥20项”) so "
                                   "that at least %d%% are quantitative",
                                   100 * QUANTITATIVE_SHARE_NUM / QUANTITATIVE_SHARE_DEN);
    case PBS_LINT_TARGET_TOO_LOW:
      {
        const char *actual = pbs_value_get_text (pbs_indicator_get_actual (ind));

        return zh ? g_strdup_printf ("下年度将目标值提高到接近实际完成值 %s 的水平，并在偏差原因中说明超额完成的原因",
                                     actual)
                  : g_strdup_printf ("next year, raise the target toward the actual %s, and explain the "
                                     "over-completion in the 偏差原因", actual);
      }
    case PBS_LINT_POINTS_PILED:
      return zh ? g_strdup_printf ("将分值分散到多个指标，使单项指标的分值不超过所在一级指标分值的 %d%%、"
                                   "低于全部指标分值的 %d%%，或不超过其余指标分值中位数的 %d 倍",
                                   100 * PILED_LEVEL1_NUM / PILED_LEVEL1_DEN, 100 * PILED_TOTAL_NUM / PILED_TOTAL_DEN,
                                   PILED_MEDIAN_FACTOR)
                : g_strdup_printf ("spread the points over several indicators: no row above %d%% of its level-1 "
                                   "category's points nor at %d%% of all indicator points, or none above %d × the "
                                   "median of the other rows",
                                   100 * PILED_LEVEL1_NUM / PILED_LEVEL1_DEN, 100 * PILED_TOTAL_NUM / PILED_TOTAL_DEN,
                                   PILED_MEDIAN_FACTOR);
    case PBS_LINT_UNFILLED:
      return zh ? g_strdup ("将“待填写”“XX”等占位符改为自评表的实际内容；未填的年度指标值或实际完成值不计分")
                : g_strdup ("replace the placeholder (待填写, XX …) with the table's own text; a target or actual "
                            "left unfilled is not scored");
    case PBS_LINT_MISSING_REASON:
    default:
      return zh ? g_strdup ("填写偏差原因分析及改进措施：说明实际完成值或得分偏离年度指标值、满分的原因和下一步措施")
                : g_strdup ("fill in the 偏差原因: why the actual or the score departs from the target or the full "
                            "points, and what comes next");
    }
}
