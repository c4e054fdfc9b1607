/* pbs-indicator.c - one row of a self-evaluation table
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <pthread.h>
#include <string.h>

#include "pbs-lex.h"
#include "pbs-indicator-private.h"
#include "pbs-decimal-private.h"

/**
 * PbsIndicator:
 *
 * One 三级指标 row: its level-1 and level-2 categories, name, points (分值),
 * target (年度指标值), actual (实际完成值), 偏差原因, and optionally a manual
 * score (qualitative rows), the score as printed, an explicit band and a
 * not-applicable mark.
 *
 * Targets and actuals are parsed when they are set, so a bad one is
 * reported at once and scoring is arithmetic only. The values live inside
 * the indicator: no heap block per number.
 *
 * Since: 0.1
 */

G_DEFINE_BOXED_TYPE (PbsIndicator, pbs_indicator, pbs_indicator_ref, pbs_indicator_unref)

/* The row's rarely given fields, made when a setter first needs them. */
static PbsIndicatorMore *
more (PbsIndicator *self)
{
  if (self->more == NULL)
    self->more = g_new0 (PbsIndicatorMore, 1);
  return self->more;
}

static void
free_more (PbsIndicatorMore *m)
{
  if (m == NULL)
    return;
  g_free (m->reason);
  g_free (m->place);
  g_free (m->parent);
  g_clear_pointer (&m->bands, g_array_unref);
  g_free (m);
}

static PbsIndicatorMore *
copy_more (const PbsIndicatorMore *m)
{
  PbsIndicatorMore *c;

  if (m == NULL)
    return NULL;
  c = g_memdup2 (m, sizeof *m);
  c->reason = g_strdup (m->reason);
  c->place = g_strdup (m->place);
  c->parent = g_strdup (m->parent);
  c->bands = m->bands != NULL ? g_array_copy (m->bands) : NULL;
  return c;
}

/* Does @p point into the bytes after @self (pbs_indicator_pack ())? */
static gboolean
in_tail (const PbsIndicator *self, const char *p)
{
  const char *tail = (const char *) (self + 1);

  return p >= tail && p < tail + self->tail;
}

/* pbs_value_clear () for a value of @self, whose text may be in its tail. */
static void
clear_value (PbsIndicator *self, PbsValue *v)
{
  if (in_tail (self, v->text))
    v->text = NULL;
  pbs_value_clear (v);
}

/* The bytes of a value's text and unit (one allocation: pbs-value.c). */
static gsize
text_size (const PbsValue *v)
{
  /* an empty unit is the text's own terminating NUL (set_text) */
  return v->text == NULL ? 0 : v->unit_at + strlen (v->text + v->unit_at) + 1;
}

/* Moves @v's text and unit to @to, which has text_size (@v) bytes. */
static char *
move_text (PbsValue *v, char *to)
{
  gsize n = text_size (v);

  if (n == 0)
    return to;
  memcpy (to, v->text, n);
  g_free (v->text);
  v->text = to;
  return to + n;
}

PbsIndicator *
pbs_indicator_pack (PbsIndicator *self)
{
  gsize n = strlen (pbs_indicator_name (self)) + 1;
  gsize size = n + text_size (&self->target) + text_size (&self->actual);
  PbsIndicator *p;

  g_return_val_if_fail (self->tail == n && !self->sealed, self);
  g_return_val_if_fail (size <= G_MAXUINT32, self);
  p = g_realloc (self, sizeof *p + size);
  p->tail = (guint32) size;
  move_text (&p->actual, move_text (&p->target, (char *) (p + 1) + n));
  return p;
}

/* The interned level names. GLib 2.74 (Debian 12) drops the last
 * reference of an interned string before it takes the string out of its
 * table, so another thread interning the same name at that moment gets
 * the string being freed (a GLib critical, then a use after free: found
 * by tests/test-threads.c reading from four threads). Interning and
 * releasing under one lock of ours closes that window (a POSIX mutex,
 * which ThreadSanitizer sees, unlike GLib's futex locks); copies take a
 * reference on a string their source still holds, which is safe. */
static pthread_mutex_t levels = PTHREAD_MUTEX_INITIALIZER;   /* POSIX: ThreadSanitizer sees it */

/**
 * pbs_indicator_new:
 * @level1: the level-1 category (一级指标), such as `产出指标`
 * @level2: the level-2 category (二级指标), such as `数量指标`
 * @name: the indicator (三级指标)
 * @points: its points (分值)
 *
 * Creates a row with no target and no actual yet.
 *
 * Returns: (transfer full): a new #PbsIndicator
 *
 * Since: 0.1
 */
PbsIndicator *
pbs_indicator_new (const char *level1, const char *level2, const char *name,
                   const PbsDecimal *points)
{
  PbsIndicator *self;
  gsize n;

  g_return_val_if_fail (level1 != NULL && level2 != NULL && name != NULL, NULL);
  g_return_val_if_fail (points != NULL && PBS_DECIMAL_VALID (points), NULL);

  n = strlen (name) + 1;
  g_return_val_if_fail (n <= G_MAXUINT32, NULL);
  /* the name lives right after the struct: one allocation */
  self = g_malloc0 (sizeof *self + n);
  memcpy (self + 1, name, n);
  self->tail = (guint32) n;
  g_atomic_ref_count_init (&self->ref_count);
  /* Categories repeat row after row: interned, so a table of a million
   * rows holds each name once and scoring compares them by pointer. */
  pthread_mutex_lock (&levels);
  self->level1 = g_ref_string_new_intern (level1);
  self->level2 = g_ref_string_new_intern (level2);
  pthread_mutex_unlock (&levels);
  self->qizhong = g_str_has_prefix (name, "其中");
  self->points = *points;
  return self;
}

/**
 * pbs_indicator_ref:
 * @self: a #PbsIndicator
 *
 * Takes a reference on the indicator row.
 *
 * Returns: (transfer full): @self, with one more reference
 *
 * Since: 0.1
 */
PbsIndicator *
pbs_indicator_ref (PbsIndicator *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

/**
 * pbs_indicator_unref:
 * @self: (transfer full): a #PbsIndicator
 *
 * Drops a reference; the last one frees @self.
 *
 * Since: 0.1
 */
void
pbs_indicator_unref (PbsIndicator *self)
{
  g_return_if_fail (self != NULL);
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  pthread_mutex_lock (&levels);
  g_ref_string_release (self->level1);
  g_ref_string_release (self->level2);
  pthread_mutex_unlock (&levels);
  free_more (self->more);
  clear_value (self, &self->target);
  clear_value (self, &self->actual);
  g_free (self);
}

/**
 * pbs_indicator_get_level1:
 * @self: a #PbsIndicator
 *
 * Gets the level-1 category (一级指标) of the row.
 *
 * Returns: (transfer none): the level-1 category
 *
 * Since: 0.1
 */
const char *
pbs_indicator_get_level1 (const PbsIndicator *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->level1;
}

/**
 * pbs_indicator_get_level2:
 * @self: a #PbsIndicator
 *
 * Gets the level-2 category (二级指标) of the row.
 *
 * Returns: (transfer none): the level-2 category
 *
 * Since: 0.1
 */
const char *
pbs_indicator_get_level2 (const PbsIndicator *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->level2;
}

/**
 * pbs_indicator_get_name:
 * @self: a #PbsIndicator
 *
 * Gets the name of the indicator (三级指标).
 *
 * Returns: (transfer none): the indicator's name
 *
 * Since: 0.1
 */
const char *
pbs_indicator_get_name (const PbsIndicator *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return pbs_indicator_name (self);
}

/**
 * pbs_indicator_get_points:
 * @self: a #PbsIndicator
 * @out: (out caller-allocates): the points (分值)
 *
 * Gets the points (分值) of the row.
 *
 * Since: 0.1
 */
void
pbs_indicator_get_points (const PbsIndicator *self, PbsDecimal *out)
{
  g_return_if_fail (self != NULL && out != NULL);
  *out = self->points;
}

/* Parses into a scratch value first, so a bad text leaves the old one. */
static gboolean
set_value (PbsIndicator *self, PbsValue *slot, const char *text, GError **error)
{
  PbsValue v = { 0 };

  if (text == NULL)
    {
      clear_value (self, slot);
      return TRUE;
    }
  if (!pbs_value_init_parse (&v, text, error))
    return FALSE;
  clear_value (self, slot);
  *slot = v;
  return TRUE;
}

/**
 * pbs_indicator_set_target:
 * @self: a #PbsIndicator
 * @text: the 年度指标值 exactly as printed (`≥95%`)
 * @error: return location for a #GError, or %NULL
 *
 * Parses and sets the target. On error the previous target is kept.
 *
 * Returns: %TRUE on success; %FALSE with @error in #PBS_VALUE_ERROR
 *
 * Since: 0.1
 */
gboolean
pbs_indicator_set_target (PbsIndicator *self, const char *text, GError **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (!self->sealed, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  if (!set_value (self, &self->target, text, error))
    return FALSE;
  pbs_indicator_refresh (self);
  return TRUE;
}

void
pbs_indicator_refresh (PbsIndicator *self)
{
  self->words_band = pbs_value_is_set (&self->actual) && pbs_value_is_set (&self->target)
                     ? pbs_value_get_band (&self->actual, &self->target) : PBS_BAND_UNKNOWN;
}

/**
 * pbs_indicator_get_target:
 * @self: a #PbsIndicator
 *
 * Gets the parsed target (年度指标值) of the row.
 *
 * Returns: (transfer none) (nullable): the target, or %NULL when unset
 *
 * Since: 0.1
 */
const PbsValue *
pbs_indicator_get_target (const PbsIndicator *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return pbs_value_is_set (&self->target) ? &self->target : NULL;
}

/**
 * pbs_indicator_set_actual:
 * @self: a #PbsIndicator
 * @text: (nullable): the 实际完成值 exactly as printed, or %NULL to unset
 * @error: return location for a #GError, or %NULL
 *
 * Parses and sets the actual. A row without an actual is unscored, never
 * scored 0. On error the previous actual is kept.
 *
 * Returns: %TRUE on success; %FALSE with @error in #PBS_VALUE_ERROR
 *
 * Since: 0.1
 */
gboolean
pbs_indicator_set_actual (PbsIndicator *self, const char *text, GError **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (!self->sealed, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  if (!set_value (self, &self->actual, text, error))
    return FALSE;
  pbs_indicator_refresh (self);
  return TRUE;
}

/**
 * pbs_indicator_get_actual:
 * @self: a #PbsIndicator
 *
 * Gets the parsed actual (实际完成值) of the row.
 *
 * A row without an actual is unscored, never scored 0.
 *
 * Returns: (transfer none) (nullable): the actual, or %NULL when unset
 *
 * Since: 0.1
 */
const PbsValue *
pbs_indicator_get_actual (const PbsIndicator *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return pbs_value_is_set (&self->actual) ? &self->actual : NULL;
}

/**
 * pbs_indicator_set_reason:
 * @self: a #PbsIndicator
 * @reason: (nullable): the 偏差原因分析及改进措施
 *
 * Sets the explanation of the deviation (偏差原因) of the row.
 *
 * %NULL is stored as an empty string. Placeholders such as `无` or `/` do
 * not count as a reason given, so a row short of or far past its target is
 * still flagged %PBS_FLAG_MISSING_REASON.
 *
 * Since: 0.1
 */
void
pbs_indicator_set_reason (PbsIndicator *self, const char *reason)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (!self->sealed);
  /* none, the usual case, takes no allocation */
  if (reason == NULL || *reason == '\0')
    {
      if (self->more != NULL)
        g_clear_pointer (&self->more->reason, g_free);
      self->reason_given = FALSE;
      return;
    }
  g_free (more (self)->reason);
  more (self)->reason = g_strdup (reason);
  self->reason_given = pbs_lex_is_reason (reason);
}

/**
 * pbs_indicator_get_reason:
 * @self: a #PbsIndicator
 *
 * Gets the explanation of the deviation (偏差原因) of the row.
 *
 * Returns: (transfer none): the 偏差原因, empty when none was given
 *
 * Since: 0.1
 */
const char *
pbs_indicator_get_reason (const PbsIndicator *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return pbs_indicator_more (self)->reason != NULL ? pbs_indicator_more (self)->reason : "";
}


/**
 * pbs_indicator_set_manual_score:
 * @self: a #PbsIndicator
 * @score: (nullable): the score entered by hand (qualitative rows), or
 *   %NULL to unset
 *
 * Sets or clears the score entered by hand for the row.
 *
 * A manual score is for qualitative rows, whose actual is words; on other
 * rows it is ignored and the row is flagged %PBS_FLAG_MANUAL_IGNORED.
 *
 * Since: 0.1
 */
void
pbs_indicator_set_manual_score (PbsIndicator *self, const PbsDecimal *score)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (!self->sealed);
  g_return_if_fail (score == NULL || PBS_DECIMAL_VALID (score));
  self->has_manual_score = score != NULL;
  if (score != NULL)
    more (self)->manual_score = *score;
}

/**
 * pbs_indicator_get_manual_score:
 * @self: a #PbsIndicator
 * @out: (out caller-allocates): the manual score
 *
 * Gets the score entered by hand for the row.
 *
 * @out is left untouched when no manual score is set.
 *
 * Returns: %TRUE when a manual score is set
 *
 * Since: 0.1
 */
gboolean
pbs_indicator_get_manual_score (const PbsIndicator *self, PbsDecimal *out)
{
  g_return_val_if_fail (self != NULL && out != NULL, FALSE);
  if (self->has_manual_score)
    *out = pbs_indicator_more (self)->manual_score;
  return self->has_manual_score;
}

/**
 * pbs_indicator_set_printed_score:
 * @self: a #PbsIndicator
 * @score: (nullable): the 得分 as published, or %NULL to unset
 *
 * The printed score is kept for auditing; it never replaces the computed
 * one.
 *
 * Since: 0.1
 */
void
pbs_indicator_set_printed_score (PbsIndicator *self, const PbsDecimal *score)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (!self->sealed);
  g_return_if_fail (score == NULL || PBS_DECIMAL_VALID (score));
  self->has_printed_score = score != NULL;
  if (score != NULL)
    more (self)->printed_score = *score;
}

/**
 * pbs_indicator_get_printed_score:
 * @self: a #PbsIndicator
 * @out: (out caller-allocates): the printed score
 *
 * Gets the score (得分) as printed in the table.
 *
 * @out is left untouched when no printed score is set.
 *
 * Returns: %TRUE when a printed score is set
 *
 * Since: 0.1
 */
gboolean
pbs_indicator_get_printed_score (const PbsIndicator *self, PbsDecimal *out)
{
  g_return_val_if_fail (self != NULL && out != NULL, FALSE);
  if (self->has_printed_score)
    *out = pbs_indicator_more (self)->printed_score;
  return self->has_printed_score;
}

/**
 * pbs_indicator_set_band:
 * @self: a #PbsIndicator
 * @band: the band of a qualitative row, or %PBS_BAND_UNKNOWN to read it
 *   from the actual's words
 *
 * Sets the band explicitly, for actuals whose words name none.
 *
 * Since: 0.1
 */
void
pbs_indicator_set_band (PbsIndicator *self, PbsBand band)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (!self->sealed);
  g_return_if_fail ((guint) band <= PBS_BAND_UNMET);
  self->band = band;
}

/**
 * pbs_indicator_get_band:
 * @self: a #PbsIndicator
 *
 * Gets the band set explicitly on a qualitative row.
 *
 * A band read from the actual's words is not returned here.
 *
 * Returns: the explicit band, or %PBS_BAND_UNKNOWN when none was set
 *
 * Since: 0.1
 */
PbsBand
pbs_indicator_get_band (const PbsIndicator *self)
{
  g_return_val_if_fail (self != NULL, PBS_BAND_UNKNOWN);
  return self->band;
}

/**
 * pbs_indicator_set_not_applicable:
 * @self: a #PbsIndicator
 * @not_applicable: whether the row does not apply this year
 *
 * A not-applicable row is dropped and the total rescaled (rule book §6).
 *
 * Since: 0.1
 */
void
pbs_indicator_set_not_applicable (PbsIndicator *self, gboolean not_applicable)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (!self->sealed);
  self->not_applicable = !!not_applicable;
}

/**
 * pbs_indicator_get_not_applicable:
 * @self: a #PbsIndicator
 *
 * Checks whether the row is marked not applicable.
 *
 * Returns: whether the row is marked not applicable
 *
 * Since: 0.1
 */
gboolean
pbs_indicator_get_not_applicable (const PbsIndicator *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->not_applicable;
}

/**
 * pbs_indicator_set_unpublished:
 * @self: a #PbsIndicator
 * @unpublished: whether the published table does not show the row in full
 *
 * Marks a row the published table does not show in full, recorded with
 * whatever fields are known (rule book §11). It is not scored, it makes
 * the scorecard incomplete (%PBS_STATUS_UNPUBLISHED, no grade), and audit
 * and lint pass over it.
 *
 * Since: 0.1
 */
void
pbs_indicator_set_unpublished (PbsIndicator *self, gboolean unpublished)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (!self->sealed);
  self->unpublished = !!unpublished;
}

/**
 * pbs_indicator_get_unpublished:
 * @self: a #PbsIndicator
 *
 * Checks whether the row is marked unpublished.
 *
 * Returns: whether the published table does not show the row in full
 *
 * Since: 0.1
 */
gboolean
pbs_indicator_get_unpublished (const PbsIndicator *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->unpublished;
}

void
pbs_set_row_error (GError **error, GQuark domain, int code, const char *source, guint row,
                   const PbsIndicator *ind, const char *what)
{
  g_autofree char *place = NULL;

  if (source != NULL && ind != NULL && pbs_indicator_more (ind)->place != NULL)
    place = g_strdup_printf ("%s:%s: ", source, pbs_indicator_more (ind)->place);
  else if (source != NULL && ind != NULL && ind->line > 0)
    place = g_strdup_printf ("%s:%u:%u: ", source, ind->line, MAX (ind->column, 1u));
  else if (source != NULL)
    place = g_strdup_printf ("%s: ", source);
  if (ind != NULL)
    g_set_error (error, domain, code, "%srow %u (%s): %s", place != NULL ? place : "",
                 row, pbs_indicator_name (ind), what);
  else
    g_set_error (error, domain, code, "%s%s", place != NULL ? place : "", what);
}

/**
 * pbs_indicator_set_place:
 * @self: a #PbsIndicator
 * @place: (nullable): the row's place in the file it was read from, in
 *   the file's own terms
 *
 * Records where a row read from a workbook, a document, a web page or a
 * CSV file stands in it: `Sheet1!C12`, `table 2, row 5, column 3`,
 * `line 12, column 3` (doc/import.md). Errors about the row then cite
 * `FILE:PLACE:` instead of a YAML line and column.
 *
 * Since: 0.1
 */
void
pbs_indicator_set_place (PbsIndicator *self, const char *place)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (!self->sealed);
  if (place == NULL && self->more == NULL)
    return;
  g_free (more (self)->place);
  more (self)->place = g_strdup (place);
}

/**
 * pbs_indicator_get_place:
 * @self: a #PbsIndicator
 *
 * Gets where the row stands in the table file it was read from (see
 * pbs_indicator_set_place()).
 *
 * Returns: (nullable): the place, such as `Sheet1!C12`, or %NULL for a
 *   row not read from a table file (a YAML row has a line and a column:
 *   pbs_indicator_get_line())
 *
 * Since: 0.1
 */
const char *
pbs_indicator_get_place (const PbsIndicator *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return pbs_indicator_more (self)->place;
}

/**
 * pbs_indicator_get_column:
 * @self: a #PbsIndicator
 *
 * Gets the column the row was read from.
 *
 * Returns: the 1-based column of the row in the YAML file it was read
 *   from, or 0 when it was not read from a file
 *
 * Since: 0.1
 */
guint
pbs_indicator_get_column (const PbsIndicator *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->column;
}

/**
 * pbs_indicator_get_line:
 * @self: a #PbsIndicator
 *
 * Gets the line the row was read from.
 *
 * Returns: the 1-based line of the row in the YAML file it was read from,
 *   or 0 when it was not read from a file
 *
 * Since: 0.1
 */
guint
pbs_indicator_get_line (const PbsIndicator *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->line;
}

static gboolean
value_equal (const PbsValue *a, const PbsValue *b)
{
  return g_strcmp0 (a->text, b->text) == 0;
}

static gboolean
optional_equal (gboolean has_a, const PbsDecimal *a, gboolean has_b, const PbsDecimal *b)
{
  return has_a == has_b && (!has_a || pbs_decimal_equal (a, b));
}

static gboolean
rules_equal (const PbsIndicator *a, const PbsIndicator *b)
{
  const PbsIndicatorMore *ma = pbs_indicator_more (a), *mb = pbs_indicator_more (b);

  if (a->rule != b->rule)
    return FALSE;
  if (a->rule == PBS_ROW_RULE_STEP)
    return pbs_decimal_equal (&ma->step_per, &mb->step_per)
           && pbs_decimal_equal (&ma->step_deduct, &mb->step_deduct)
           && ma->step_mode == mb->step_mode;
  if (a->rule == PBS_ROW_RULE_BANDS)
    {
      if (ma->bands_of != mb->bands_of || ma->bands->len != mb->bands->len)
        return FALSE;
      for (guint i = 0; i < ma->bands->len; i++)
        {
          const PbsScoreBand *x = &g_array_index (ma->bands, PbsScoreBand, i);
          const PbsScoreBand *y = &g_array_index (mb->bands, PbsScoreBand, i);
          if (!optional_equal (x->has_min, &x->min, y->has_min, &y->min)
              || !optional_equal (x->has_max, &x->max, y->has_max, &y->max)
              || !pbs_decimal_equal (&x->score, &y->score))
            return FALSE;
        }
    }
  return TRUE;
}

/**
 * pbs_indicator_equal:
 * @a: a #PbsIndicator
 * @b: a #PbsIndicator
 *
 * Compares every input of the two rows (not their source lines). Targets
 * and actuals compare by their text; numbers by value (10 equals 10.0).
 *
 * Returns: %TRUE when @a and @b are the same row
 *
 * Since: 0.1
 */
gboolean
pbs_indicator_equal (const PbsIndicator *a, const PbsIndicator *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return strcmp (a->level1, b->level1) == 0
         && strcmp (a->level2, b->level2) == 0
         && strcmp (pbs_indicator_name (a), pbs_indicator_name (b)) == 0
         && g_strcmp0 (pbs_indicator_more (a)->reason, pbs_indicator_more (b)->reason) == 0
         && value_equal (&a->target, &b->target)
         && value_equal (&a->actual, &b->actual)
         && pbs_decimal_equal (&a->points, &b->points)
         && optional_equal (a->has_manual_score, &pbs_indicator_more (a)->manual_score,
                            b->has_manual_score, &pbs_indicator_more (b)->manual_score)
         && optional_equal (a->has_printed_score, &pbs_indicator_more (a)->printed_score,
                            b->has_printed_score, &pbs_indicator_more (b)->printed_score)
         && a->band == b->band
         && a->not_applicable == b->not_applicable
         && a->unpublished == b->unpublished
         && g_strcmp0 (pbs_indicator_more (a)->parent, pbs_indicator_more (b)->parent) == 0
         && rules_equal (a, b);
}

/**
 * pbs_indicator_set_step:
 * @self: a #PbsIndicator
 * @per: the size of one step, in the target's unit (> 0)
 * @deduct: the points one step deducts
 * @mode: how a part of a step counts
 *
 * Scores the row by step deduction (rule book §9: 每超 1 个百分点扣 0.1 分，
 * 扣完为止): full points within the target, @deduct per @per units beyond
 * it, floored at 0. The target's sign gives the direction.
 *
 * Since: 0.1
 */
void
pbs_indicator_set_step (PbsIndicator *self, const PbsDecimal *per, const PbsDecimal *deduct,
                        PbsStepMode mode)
{
  g_return_if_fail (self != NULL && per != NULL && deduct != NULL);
  g_return_if_fail (!self->sealed);
  g_return_if_fail (PBS_DECIMAL_VALID (per) && PBS_DECIMAL_VALID (deduct));
  g_return_if_fail ((guint) mode <= PBS_STEP_COMPLETED);
  pbs_indicator_clear_rule (self);
  self->rule = PBS_ROW_RULE_STEP;
  more (self)->step_per = *per;
  more (self)->step_deduct = *deduct;
  more (self)->step_mode = mode;
}

/**
 * pbs_indicator_get_step:
 * @self: a #PbsIndicator
 * @per: (out caller-allocates) (optional): the step size
 * @deduct: (out caller-allocates) (optional): the deduction per step
 * @mode: (out) (optional): how a part of a step counts
 *
 * Gets the step-deduction rule of the row.
 *
 * The out arguments are left untouched when the row is not scored by step
 * deduction (see pbs_indicator_set_step()).
 *
 * Returns: %TRUE when the row is scored by step deduction
 *
 * Since: 0.1
 */
gboolean
pbs_indicator_get_step (const PbsIndicator *self, PbsDecimal *per, PbsDecimal *deduct,
                        PbsStepMode *mode)
{
  g_return_val_if_fail (self != NULL, FALSE);
  if (self->rule != PBS_ROW_RULE_STEP)
    return FALSE;
  if (per != NULL)
    *per = pbs_indicator_more (self)->step_per;
  if (deduct != NULL)
    *deduct = pbs_indicator_more (self)->step_deduct;
  if (mode != NULL)
    *mode = pbs_indicator_more (self)->step_mode;
  return TRUE;
}

/**
 * pbs_indicator_set_score_bands:
 * @self: a #PbsIndicator
 * @measure: what the bands look up
 *
 * Scores the row by bands (rule book §9: ±10 % 以内得 5 分 …), with no
 * band yet; add them in order with pbs_indicator_add_score_band().
 *
 * Since: 0.1
 */
void
pbs_indicator_set_score_bands (PbsIndicator *self, PbsBandsMeasure measure)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (!self->sealed);
  g_return_if_fail ((guint) measure <= PBS_BANDS_OF_VALUE);
  pbs_indicator_clear_rule (self);
  self->rule = PBS_ROW_RULE_BANDS;
  more (self)->bands_of = measure;
  more (self)->bands = g_array_new (FALSE, TRUE, sizeof (PbsScoreBand));
}

/**
 * pbs_indicator_add_score_band:
 * @self: a #PbsIndicator scored by bands
 * @min: (nullable): the band's lower bound, inclusive, or %NULL for none
 * @max: (nullable): the band's upper bound, inclusive, or %NULL for none
 * @score: the band's score
 *
 * Appends a band; the first band that holds the measure gives the score.
 * Deviations are in percent.
 *
 * Since: 0.1
 */
void
pbs_indicator_add_score_band (PbsIndicator *self, const PbsDecimal *min, const PbsDecimal *max,
                              const PbsDecimal *score)
{
  PbsScoreBand b = { 0 };

  g_return_if_fail (self != NULL && score != NULL && PBS_DECIMAL_VALID (score));
  g_return_if_fail (!self->sealed);
  g_return_if_fail (min == NULL || PBS_DECIMAL_VALID (min));
  g_return_if_fail (max == NULL || PBS_DECIMAL_VALID (max));
  g_return_if_fail (self->rule == PBS_ROW_RULE_BANDS);
  b.has_min = min != NULL;
  b.has_max = max != NULL;
  if (min != NULL)
    b.min = *min;
  if (max != NULL)
    b.max = *max;
  b.score = *score;
  g_array_append_val (more (self)->bands, b);
}

/**
 * pbs_indicator_get_n_score_bands:
 * @self: a #PbsIndicator
 *
 * Gets the number of score bands of the row.
 *
 * Returns: the number of bands, 0 when the row is not scored by bands
 *
 * Since: 0.1
 */
guint
pbs_indicator_get_n_score_bands (const PbsIndicator *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->rule == PBS_ROW_RULE_BANDS ? pbs_indicator_more (self)->bands->len : 0;
}

/**
 * pbs_indicator_get_score_band:
 * @self: a #PbsIndicator
 * @index: a band number, from 0
 * @measure: (out) (optional): what the bands look up
 * @min: (out caller-allocates) (optional): the lower bound
 * @has_min: (out) (optional): whether there is a lower bound
 * @max: (out caller-allocates) (optional): the upper bound
 * @has_max: (out) (optional): whether there is an upper bound
 * @score: (out caller-allocates) (optional): the band's score
 *
 * Gets the score band at @index of a row scored by bands.
 *
 * The out arguments are left untouched when %FALSE is returned (see
 * pbs_indicator_add_score_band()).
 *
 * Returns: %TRUE when the band exists
 *
 * Since: 0.1
 */
gboolean
pbs_indicator_get_score_band (const PbsIndicator *self, guint index, PbsBandsMeasure *measure,
                              PbsDecimal *min, gboolean *has_min, PbsDecimal *max,
                              gboolean *has_max, PbsDecimal *score)
{
  const PbsScoreBand *b;

  g_return_val_if_fail (self != NULL, FALSE);
  if (self->rule != PBS_ROW_RULE_BANDS || index >= pbs_indicator_more (self)->bands->len)
    return FALSE;
  b = &g_array_index (pbs_indicator_more (self)->bands, PbsScoreBand, index);
  if (measure != NULL)
    *measure = pbs_indicator_more (self)->bands_of;
  if (min != NULL)
    *min = b->min;
  if (has_min != NULL)
    *has_min = b->has_min;
  if (max != NULL)
    *max = b->max;
  if (has_max != NULL)
    *has_max = b->has_max;
  if (score != NULL)
    *score = b->score;
  return TRUE;
}

/**
 * pbs_indicator_clear_rule:
 * @self: a #PbsIndicator
 *
 * Goes back to the comparison rules of the target's sign.
 *
 * Since: 0.1
 */
void
pbs_indicator_clear_rule (PbsIndicator *self)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (!self->sealed);
  self->rule = PBS_ROW_RULE_COMPARE;
  if (self->more != NULL)
    g_clear_pointer (&self->more->bands, g_array_unref);
}

/**
 * pbs_indicator_set_parent:
 * @self: a #PbsIndicator
 * @parent: (nullable): the name of the row this one details, or %NULL
 *
 * Makes the row a child (其中…) of the nearest row above it with that name.
 * Rows whose names start with 其中 are children without this.
 *
 * Since: 0.1
 */
void
pbs_indicator_set_parent (PbsIndicator *self, const char *parent)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (!self->sealed);
  if (parent == NULL && self->more == NULL)
    return;
  g_free (more (self)->parent);
  more (self)->parent = g_strdup (parent);
}

/**
 * pbs_indicator_get_parent:
 * @self: a #PbsIndicator
 *
 * Gets the name of the row this one details.
 *
 * This is only the name set with pbs_indicator_set_parent(); rows whose
 * names start with 其中 are children without it.
 *
 * Returns: (transfer none) (nullable): the parent's name, when set
 *
 * Since: 0.1
 */
const char *
pbs_indicator_get_parent (const PbsIndicator *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return pbs_indicator_more (self)->parent;
}

void
pbs_indicator_seal (PbsIndicator *self)
{
  self->sealed = TRUE;
}

static void
copy_value (PbsValue *dst, const PbsValue *src)
{
  g_autoptr (PbsValue) v = pbs_value_copy (src);

  *dst = *v;
  /* the copy's text now belongs to @dst */
  v->text = NULL;
}

/**
 * pbs_indicator_copy:
 * @self: a #PbsIndicator
 *
 * Makes a deep copy of @self that can be changed, even when @self belongs
 * to a scored (sealed) evaluation.
 *
 * Returns: (transfer full): the copy
 *
 * Since: 0.1
 */
PbsIndicator *
pbs_indicator_copy (const PbsIndicator *self)
{
  PbsIndicator *c;
  gsize n;

  g_return_val_if_fail (self != NULL, NULL);
  n = strlen (pbs_indicator_name (self)) + 1;
  /* the struct and its name; the values get texts of their own */
  c = g_memdup2 (self, sizeof *self + n);
  g_atomic_ref_count_init (&c->ref_count);
  c->tail = (guint32) n;
  c->sealed = FALSE;
  c->level1 = g_ref_string_acquire (self->level1);
  c->level2 = g_ref_string_acquire (self->level2);
  c->more = copy_more (self->more);
  copy_value (&c->target, &self->target);
  copy_value (&c->actual, &self->actual);
  return c;
}

void
pbs_indicator_copy_rule (PbsIndicator *dst, const PbsIndicator *src)
{
  pbs_indicator_clear_rule (dst);
  dst->rule = src->rule;
  /* a row without a rule of its own and without rare fields stays without */
  if (src->more == NULL && dst->more == NULL)
    return;
  more (dst)->step_per = pbs_indicator_more (src)->step_per;
  more (dst)->step_deduct = pbs_indicator_more (src)->step_deduct;
  more (dst)->step_mode = pbs_indicator_more (src)->step_mode;
  more (dst)->bands_of = pbs_indicator_more (src)->bands_of;
  if (pbs_indicator_more (src)->bands != NULL)
    more (dst)->bands = g_array_copy (pbs_indicator_more (src)->bands);
}
