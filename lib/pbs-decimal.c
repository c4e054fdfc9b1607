/* pbs-decimal.c - exact decimal numbers for money and scores
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>

#include "pbs-lex.h"
#include "pbs-decimal-private.h"
#include "pbs-rational.h"

G_DEFINE_BOXED_TYPE (PbsDecimal, pbs_decimal, pbs_decimal_copy, pbs_decimal_free)

/**
 * pbs_decimal_copy:
 * @self: a #PbsDecimal
 *
 * Copies @self to the heap, for bindings.
 *
 * Returns: (transfer full): a copy of @self
 *
 * Since: 0.1
 */
PbsDecimal *
pbs_decimal_copy (const PbsDecimal *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_memdup2 (self, sizeof *self);
}

/**
 * pbs_decimal_free:
 * @self: (nullable): a heap-allocated #PbsDecimal
 *
 * Frees a decimal from pbs_decimal_copy().
 *
 * Since: 0.1
 */
void
pbs_decimal_free (PbsDecimal *self)
{
  g_free (self);
}

/**
 * pbs_decimal_init:
 * @self: (out caller-allocates): the decimal to set
 * @value: the coefficient
 * @scale: decimal places, 0 to %PBS_DECIMAL_MAX_SCALE
 *
 * Sets @self to @value × 10^−@scale: `pbs_decimal_init (&d, 1250, 2)` is
 * 12.50.
 *
 * Since: 0.1
 */
void
pbs_decimal_init (PbsDecimal *self, gint64 value, gint scale)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (scale >= 0 && scale <= PBS_DECIMAL_MAX_SCALE);

  self->value = value;
  self->scale = scale;
  self->reserved = 0;
}


/**
 * pbs_decimal_parse:
 * @text: a number such as `1,354.10`, `-0.5` or `９５`
 * @out: (out caller-allocates): the parsed number
 * @error: return location for a #GError, or %NULL
 *
 * Parses a plain number exactly, keeping the number of decimals written
 * (`2.50` has scale 2). Accepts a sign, thousands separators in groups of
 * three, full-width digits and surrounding white space; nothing else.
 *
 * Returns: %TRUE on success; %FALSE with @error in the #PBS_VALUE_ERROR
 *   domain (EMPTY, INVALID_UTF8, NUMBER, OVERFLOW)
 *
 * Since: 0.1
 */
gboolean
pbs_decimal_parse (const char *text, PbsDecimal *out, GError **error)
{
  g_autofree char *folded = NULL;
  const char *end;
  PbsDecimal d;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  folded = pbs_lex_fold_checked (text, error);
  if (folded == NULL)
    return FALSE;
  if (*folded == '\0')
    {
      g_set_error (error, PBS_VALUE_ERROR, PBS_VALUE_ERROR_EMPTY,
                   "“%s”: expected a number, found nothing", text);
      return FALSE;
    }
  if (!pbs_lex_number (folded, &d, &end, error))
    return FALSE;
  if (*end != '\0')
    {
      g_set_error (error, PBS_VALUE_ERROR, PBS_VALUE_ERROR_NUMBER,
                   "“%s” is not a plain number: unexpected “%s” after it",
                   text, end);
      return FALSE;
    }
  *out = d;
  return TRUE;
}

/**
 * pbs_decimal_to_string:
 * @self: a #PbsDecimal
 *
 * Formats @self with exactly its scale's decimals: { 135410, 2 } is
 * `1354.10`, { -5, 1 } is `-0.5`. No thousands separators.
 *
 * Returns: (transfer full): the text
 *
 * Since: 0.1
 */
char *
pbs_decimal_to_string (const PbsDecimal *self)
{
  char buf[PBS_DECIMAL_TEXT_SIZE];

  g_return_val_if_fail (self != NULL && PBS_DECIMAL_VALID (self), NULL);
  return g_strndup (buf, pbs_decimal_write (self, buf));
}

gsize
pbs_decimal_write (const PbsDecimal *d, char *buf)
{
  /* every amount and score of every report and explanation comes here:
   * the digits are made by hand, without printf or an allocation */
  char rev[20], *o = buf;
  guint64 mag;
  int len = 0, scale = d->scale;

  mag = d->value < 0 ? (guint64) 0 - (guint64) d->value : (guint64) d->value;
  do
    {
      rev[len++] = (char) ('0' + mag % 10);
      mag /= 10;
    }
  while (mag != 0);
  if (d->value < 0)
    *o++ = '-';
  if (len <= scale)
    {
      *o++ = '0';
      *o++ = '.';
      for (int i = len; i < scale; i++)
        *o++ = '0';
    }
  for (int i = len - 1; i >= 0; i--)
    {
      if (i == scale - 1 && len > scale)
        *o++ = '.';
      *o++ = rev[i];
    }
  *o = '\0';
  return (gsize) (o - buf);
}

/**
 * pbs_decimal_format:
 * @self: a #PbsDecimal
 * @digits: decimal places to show
 * @mode: how to round when @self has more
 *
 * Formats @self rounded to exactly @digits decimals.
 *
 * Returns: (transfer full): the text
 *
 * Since: 0.1
 */
char *
pbs_decimal_format (const PbsDecimal *self, guint digits, PbsRoundingMode mode)
{
  PbsDecimal r;

  g_return_val_if_fail (self != NULL && PBS_DECIMAL_VALID (self), NULL);
  g_return_val_if_fail (digits <= PBS_DECIMAL_MAX_SCALE, NULL);

  if (!pbs_decimal_round (self, digits, mode, &r))
    return pbs_decimal_to_string (self);
  return pbs_decimal_to_string (&r);
}

/**
 * pbs_decimal_to_double:
 * @self: a #PbsDecimal
 *
 * Converts to the nearest double, for display and charts only: never
 * compute a score with it.
 *
 * Returns: an approximation of @self
 *
 * Since: 0.1
 */
double
pbs_decimal_to_double (const PbsDecimal *self)
{
  g_return_val_if_fail (self != NULL && PBS_DECIMAL_VALID (self), 0.0);
  return (double) self->value / (double) pbs_int128_pow10 ((guint) self->scale);
}

/* Brings @a and @b to the same scale; FALSE when that overflows. */
static gboolean
align (const PbsDecimal *a, const PbsDecimal *b, PbsInt128 *x, PbsInt128 *y, gint32 *scale)
{
  gint32 s = MAX (a->scale, b->scale);

  *x = (PbsInt128) a->value * pbs_int128_pow10 ((guint) (s - a->scale));
  *y = (PbsInt128) b->value * pbs_int128_pow10 ((guint) (s - b->scale));
  *scale = s;
  return TRUE;
}

static gboolean
store (PbsInt128 v, gint32 scale, PbsDecimal *out)
{
  if (v > G_MAXINT64 || v < G_MININT64)
    return FALSE;
  out->value = (gint64) v;
  out->scale = scale;
  out->reserved = 0;
  return TRUE;
}

/**
 * pbs_decimal_compare:
 * @a: a #PbsDecimal
 * @b: a #PbsDecimal
 *
 * Compares the numbers, whatever their scales (2.5 equals 2.50).
 *
 * Returns: negative, 0 or positive as @a is below, equal to or above @b
 *
 * Since: 0.1
 */
int
pbs_decimal_compare (const PbsDecimal *a, const PbsDecimal *b)
{
  PbsInt128 x, y;
  gint32 s;

  g_return_val_if_fail (a != NULL && b != NULL && PBS_DECIMAL_VALID (a) && PBS_DECIMAL_VALID (b), 0);
  align (a, b, &x, &y, &s);
  return (x > y) - (x < y);
}

/**
 * pbs_decimal_equal:
 * @a: a #PbsDecimal
 * @b: a #PbsDecimal
 *
 * Checks whether two decimals are the same number.
 *
 * The scale does not count, though it does when printing.
 *
 * Returns: %TRUE when @a and @b are the same number (2.5 equals 2.50)
 *
 * Since: 0.1
 */
gboolean
pbs_decimal_equal (const PbsDecimal *a, const PbsDecimal *b)
{
  return pbs_decimal_compare (a, b) == 0;
}

/**
 * pbs_decimal_sign:
 * @self: a #PbsDecimal
 *
 * Gets the sign of a decimal.
 *
 * Returns: -1, 0 or 1
 *
 * Since: 0.1
 */
int
pbs_decimal_sign (const PbsDecimal *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return (self->value > 0) - (self->value < 0);
}

/**
 * pbs_decimal_add:
 * @a: a #PbsDecimal
 * @b: a #PbsDecimal
 * @out: (out caller-allocates): @a + @b, at the larger of the two scales
 *
 * Adds exactly.
 *
 * Returns: %FALSE when the result does not fit in 18 digits
 *
 * Since: 0.1
 */
gboolean
pbs_decimal_add (const PbsDecimal *a, const PbsDecimal *b, PbsDecimal *out)
{
  PbsInt128 x, y;
  gint32 s;
  gint64 v;

  g_return_val_if_fail (a != NULL && b != NULL && out != NULL, FALSE);
  g_return_val_if_fail (PBS_DECIMAL_VALID (a) && PBS_DECIMAL_VALID (b), FALSE);
  /* Sums of scores share a scale: no 128-bit arithmetic for them. */
  if (a->scale == b->scale && !__builtin_add_overflow (a->value, b->value, &v))
    {
      out->value = v;
      out->scale = a->scale;
      out->reserved = 0;
      return TRUE;
    }
  align (a, b, &x, &y, &s);
  return store (x + y, s, out);
}

/**
 * pbs_decimal_sub:
 * @a: a #PbsDecimal
 * @b: a #PbsDecimal
 * @out: (out caller-allocates): @a − @b, at the larger of the two scales
 *
 * Subtracts exactly.
 *
 * Returns: %FALSE when the result does not fit in 18 digits
 *
 * Since: 0.1
 */
gboolean
pbs_decimal_sub (const PbsDecimal *a, const PbsDecimal *b, PbsDecimal *out)
{
  PbsInt128 x, y;
  gint32 s;

  g_return_val_if_fail (a != NULL && b != NULL && out != NULL, FALSE);
  g_return_val_if_fail (PBS_DECIMAL_VALID (a) && PBS_DECIMAL_VALID (b), FALSE);
  align (a, b, &x, &y, &s);
  return store (x - y, s, out);
}

/**
 * pbs_decimal_mul:
 * @a: a #PbsDecimal
 * @b: a #PbsDecimal
 * @out: (out caller-allocates): @a × @b; its scale is the sum of the two
 *
 * Multiplies exactly.
 *
 * Returns: %FALSE when the result does not fit (18 digits, scale 18)
 *
 * Since: 0.1
 */
gboolean
pbs_decimal_mul (const PbsDecimal *a, const PbsDecimal *b, PbsDecimal *out)
{
  g_return_val_if_fail (a != NULL && b != NULL && out != NULL, FALSE);
  g_return_val_if_fail (PBS_DECIMAL_VALID (a) && PBS_DECIMAL_VALID (b), FALSE);
  if (a->scale + b->scale > PBS_DECIMAL_MAX_SCALE)
    return FALSE;
  return store ((PbsInt128) a->value * b->value, a->scale + b->scale, out);
}

/**
 * pbs_decimal_div:
 * @a: the dividend
 * @b: the divisor
 * @digits: decimal places of the result
 * @mode: how the exact quotient is rounded to @digits
 * @out: (out caller-allocates): the rounded quotient
 *
 * Divides and rounds once: `div (30, 4.5, 2, HALF_UP)` is 6.67.
 *
 * Returns: %FALSE when @b is zero or the result does not fit
 *
 * Since: 0.1
 */
gboolean
pbs_decimal_div (const PbsDecimal *a, const PbsDecimal *b, guint digits,
                 PbsRoundingMode mode, PbsDecimal *out)
{
  PbsRational x, y, q;

  g_return_val_if_fail (a != NULL && b != NULL && out != NULL, FALSE);
  g_return_val_if_fail (PBS_DECIMAL_VALID (a) && PBS_DECIMAL_VALID (b), FALSE);
  if (b->value == 0 || digits > PBS_DECIMAL_MAX_SCALE)
    return FALSE;
  pbs_rational_from_decimal (&x, a);
  pbs_rational_from_decimal (&y, b);
  return pbs_rational_div (&x, &y, &q) && pbs_rational_to_decimal (&q, digits, mode, out);
}

/**
 * pbs_decimal_round:
 * @self: a #PbsDecimal
 * @digits: decimal places of the result
 * @mode: the rounding mode
 * @out: (out caller-allocates): @self rounded (or padded) to @digits
 *
 * Rounds with a named mode: half-up takes 2.675 to 2.68, truncate takes
 * 2.679 to 2.67, floor takes −2.671 to −2.68. Rounding to more digits than
 * @self has pads with zeros.
 *
 * Returns: %FALSE when the padded result does not fit
 *
 * Since: 0.1
 */
gboolean
pbs_decimal_round (const PbsDecimal *self, guint digits, PbsRoundingMode mode,
                   PbsDecimal *out)
{
  g_return_val_if_fail (self != NULL && out != NULL && PBS_DECIMAL_VALID (self), FALSE);
  if (digits > PBS_DECIMAL_MAX_SCALE)
    return FALSE;

  if ((gint32) digits >= self->scale)
    return store ((PbsInt128) self->value * pbs_int128_pow10 (digits - (guint) self->scale),
                  (gint32) digits, out);
  return store (pbs_int128_round_div (self->value,
                                      pbs_int128_pow10 ((guint) self->scale - digits), mode),
                (gint32) digits, out);
}

char *
pbs_decimal_to_short_string (const PbsDecimal *d)
{
  char *s = pbs_decimal_to_string (d);
  char *dot = strchr (s, '.');

  if (dot != NULL)
    {
      char *end = s + strlen (s);

      while (end > dot + 1 && end[-1] == '0')
        *--end = '\0';
      if (end == dot + 1)
        *dot = '\0';
    }
  return s;
}
