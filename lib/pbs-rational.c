/* pbs-rational.c - exact fractions between parsing and rounding
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "pbs-rational.h"

static const guint64 powers64[] = {
  1ull, 10ull, 100ull, 1000ull, 10000ull, 100000ull, 1000000ull, 10000000ull,
  100000000ull, 1000000000ull, 10000000000ull, 100000000000ull, 1000000000000ull,
  10000000000000ull, 100000000000000ull, 1000000000000000ull, 10000000000000000ull,
  100000000000000000ull, 1000000000000000000ull, 10000000000000000000ull,
};

/* 10^n for 0 <= n <= 38: a table lookup for the scales decimals use
 * (at most 18), a product of two beyond. */
PbsInt128
pbs_int128_pow10 (guint n)
{
  if (G_LIKELY (n < G_N_ELEMENTS (powers64)))
    return (PbsInt128) powers64[n];
  g_assert (n <= 38);
  return (PbsInt128) powers64[19] * (PbsInt128) powers64[n - 19];
}

static PbsInt128
abs128 (PbsInt128 v)
{
  return v < 0 ? -v : v;
}

/* Binary GCD on 64 bits: scores and amounts almost always fit, and it
 * avoids 128-bit division, the costliest step of exact arithmetic. */
static guint64
gcd64 (guint64 a, guint64 b)
{
  int shift;

  if (a == 0)
    return b;
  if (b == 0)
    return a;
  shift = __builtin_ctzll (a | b);
  a >>= __builtin_ctzll (a);
  do
    {
      b >>= __builtin_ctzll (b);
      if (a > b)
        {
          guint64 t = a;
          a = b;
          b = t;
        }
      b -= a;
    }
  while (b != 0);
  return a << shift;
}

static PbsInt128
gcd128 (PbsInt128 a, PbsInt128 b)
{
  a = abs128 (a);
  b = abs128 (b);
  if (a <= (PbsInt128) G_MAXUINT64 && b <= (PbsInt128) G_MAXUINT64)
    return (PbsInt128) gcd64 ((guint64) a, (guint64) b);
  while (b != 0)
    {
      PbsInt128 t = a % b;
      a = b;
      b = t;
    }
  return a;
}

/* Keeps num/den with a positive denominator. Reducing costs a GCD, so it
 * is done only once the terms pass 2^96: the chains of operations a rule
 * makes are short, and exactness never depends on lowest terms. */
static gboolean
normalize (PbsInt128 num, PbsInt128 den, PbsRational *out)
{
  static const PbsInt128 large = (PbsInt128) 1 << 96;

  if (den == 0)
    return FALSE;
  if (den < 0)
    {
      if (__builtin_mul_overflow (num, -1, &num) || __builtin_mul_overflow (den, -1, &den))
        return FALSE;
    }
  if (num == 0)
    den = 1;
  else if (den > large || num > large || num < -large)
    {
      PbsInt128 g = gcd128 (num, den);
      if (g > 1)
        {
          num /= g;
          den /= g;
        }
    }
  out->num = num;
  out->den = den;
  return TRUE;
}

void
pbs_rational_from_int (PbsRational *out, gint64 n)
{
  out->num = n;
  out->den = 1;
}

void
pbs_rational_from_decimal (PbsRational *out, const PbsDecimal *d)
{
  /* 10^scale is a valid denominator as it is; operations reduce their
   * results, so there is no need to reduce here. */
  out->num = d->value;
  out->den = pbs_int128_pow10 ((guint) d->scale);
}

static void
reduce (PbsRational *r)
{
  PbsInt128 g = gcd128 (r->num, r->den);

  if (g > 1)
    {
      r->num /= g;
      r->den /= g;
    }
}

static gboolean
add_terms (const PbsRational *a, const PbsRational *b, PbsRational *out)
{
  PbsInt128 x, y, num, den;

  if (a->den == b->den)
    return !__builtin_add_overflow (a->num, b->num, &num) && normalize (num, a->den, out);
  return !__builtin_mul_overflow (a->num, b->den, &x)
         && !__builtin_mul_overflow (b->num, a->den, &y)
         && !__builtin_add_overflow (x, y, &num)
         && !__builtin_mul_overflow (a->den, b->den, &den)
         && normalize (num, den, out);
}

gboolean
pbs_rational_add (const PbsRational *a, const PbsRational *b, PbsRational *out)
{
  PbsRational x = *a, y = *b;

  if (add_terms (a, b, out))
    return TRUE;
  /* Too large unreduced: reduce both and try once more. */
  reduce (&x);
  reduce (&y);
  return add_terms (&x, &y, out);
}

gboolean
pbs_rational_sub (const PbsRational *a, const PbsRational *b, PbsRational *out)
{
  PbsRational neg;

  if (__builtin_mul_overflow (b->num, -1, &neg.num))
    return FALSE;
  neg.den = b->den;
  return pbs_rational_add (a, &neg, out);
}

gboolean
pbs_rational_mul (const PbsRational *a, const PbsRational *b, PbsRational *out)
{
  PbsInt128 g1, g2, num, den;

  if (!__builtin_mul_overflow (a->num, b->num, &num) && !__builtin_mul_overflow (a->den, b->den, &den))
    return normalize (num, den, out);

  /* Too large: cross-reduce first so that the products fit. */
  g1 = gcd128 (a->num, b->den);
  g2 = gcd128 (b->num, a->den);
  if (g1 == 0)
    g1 = 1;
  if (g2 == 0)
    g2 = 1;
  if (__builtin_mul_overflow (a->num / g1, b->num / g2, &num)
      || __builtin_mul_overflow (a->den / g2, b->den / g1, &den))
    return FALSE;
  return normalize (num, den, out);
}

gboolean
pbs_rational_div (const PbsRational *a, const PbsRational *b, PbsRational *out)
{
  PbsRational inv;

  if (b->num == 0)
    return FALSE;
  if (!normalize (b->den, b->num, &inv))
    return FALSE;
  return pbs_rational_mul (a, &inv, out);
}

int
pbs_rational_sign (const PbsRational *a)
{
  return (a->num > 0) - (a->num < 0);
}

/* Compares a/b with c/d (b, d > 0) exactly, whatever their size: the
 * integer parts first, then the remainders by their reciprocals (a
 * continued-fraction walk), so nothing is ever multiplied. */
static int
compare_terms (PbsInt128 a, PbsInt128 b, PbsInt128 c, PbsInt128 d)
{
  int sign = 1;

  for (;;)
    {
      PbsInt128 qa = a / b, ra = a % b, qc = c / d, rc = c % d, nb, nd;

      /* floor division, so that the remainders are in [0, den) */
      if (ra < 0)
        ra += b, qa -= 1;
      if (rc < 0)
        rc += d, qc -= 1;
      if (qa != qc)
        return qa > qc ? sign : -sign;
      if (ra == 0 || rc == 0)
        return ra == rc ? 0 : (ra == 0 ? -sign : sign);
      /* ra/b against rc/d is the opposite of b/ra against d/rc; the
       * denominators shrink as in Euclid's algorithm, so this ends. */
      nb = ra;
      nd = rc;
      a = b;
      c = d;
      b = nb;
      d = nd;
      sign = -sign;
    }
}

int
pbs_rational_compare (const PbsRational *a, const PbsRational *b)
{
  PbsInt128 x, y;

  if (a->den == b->den)
    return (a->num > b->num) - (a->num < b->num);
  if (!__builtin_mul_overflow (a->num, b->den, &x) && !__builtin_mul_overflow (b->num, a->den, &y))
    return (x > y) - (x < y);
  return compare_terms (a->num, a->den, b->num, b->den);
}

PbsInt128
pbs_int128_round_div (PbsInt128 num, PbsInt128 den, PbsRoundingMode mode)
{
  PbsInt128 q, r;

  /* 64-bit division when both fit: the common case, and far cheaper. */
  if (num >= G_MININT64 && num <= G_MAXINT64 && den <= G_MAXINT64)
    {
      gint64 n64 = (gint64) num, d64 = (gint64) den;
      q = n64 / d64;
      r = n64 % d64;
    }
  else
    {
      q = num / den;
      r = num % den;
    }

  switch (mode)
    {
    case PBS_ROUNDING_HALF_UP:
      /* ties away from zero: |r| >= den - |r| without overflowing 2·|r| */
      if (abs128 (r) >= den - abs128 (r))
        q += num < 0 ? -1 : 1;
      break;
    case PBS_ROUNDING_FLOOR:
      if (r < 0)
        q -= 1;
      break;
    case PBS_ROUNDING_TRUNCATE:
    default:
      break;
    }
  return q;
}

gboolean
pbs_rational_to_decimal (const PbsRational *a, guint digits,
                         PbsRoundingMode mode, PbsDecimal *out)
{
  PbsRational r = *a;
  PbsInt128 num, q;

  if (digits > PBS_DECIMAL_MAX_SCALE)
    return FALSE;
  if (__builtin_mul_overflow (r.num, pbs_int128_pow10 (digits), &num))
    {
      /* Unreduced terms may be larger than the value needs. */
      reduce (&r);
      if (__builtin_mul_overflow (r.num, pbs_int128_pow10 (digits), &num))
        return FALSE;
    }
  q = pbs_int128_round_div (num, r.den, mode);
  if (q > G_MAXINT64 || q < G_MININT64)
    return FALSE;
  out->value = (gint64) q;
  out->scale = (gint32) digits;
  out->reserved = 0;
  return TRUE;
}

gboolean
pbs_rational_is_decimal (const PbsRational *a, guint max_digits)
{
  PbsInt128 num;

  if (__builtin_mul_overflow (a->num, pbs_int128_pow10 (max_digits), &num))
    return FALSE;
  return num % a->den == 0;
}
