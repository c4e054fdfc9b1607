/* pbs-rational.h - exact fractions for the arithmetic between parsing and
 * rounding (private)
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A score such as w·t/a is kept as an exact fraction until the one rounding
 * point the policy names; only then does it become a PbsDecimal. Numerator
 * and denominator are 128-bit, reduced after every operation, and every
 * operation reports overflow instead of wrapping.
 */
#pragma once

#include <glib.h>
#include "pbscore/pbs-decimal.h"

__extension__ typedef __int128 PbsInt128;

typedef struct {
  PbsInt128 num;
  PbsInt128 den;   /* always > 0 */
} PbsRational;

void     pbs_rational_from_int      (PbsRational *out, gint64 n);
void     pbs_rational_from_decimal  (PbsRational *out, const PbsDecimal *d);
gboolean pbs_rational_add           (const PbsRational *a, const PbsRational *b, PbsRational *out);
gboolean pbs_rational_sub           (const PbsRational *a, const PbsRational *b, PbsRational *out);
gboolean pbs_rational_mul           (const PbsRational *a, const PbsRational *b, PbsRational *out);
gboolean pbs_rational_div           (const PbsRational *a, const PbsRational *b, PbsRational *out);
int      pbs_rational_compare       (const PbsRational *a, const PbsRational *b);
int      pbs_rational_sign          (const PbsRational *a);
gboolean pbs_rational_to_decimal    (const PbsRational *a, guint digits,
                                     PbsRoundingMode mode, PbsDecimal *out);
gboolean pbs_rational_is_decimal    (const PbsRational *a, guint max_digits);

/* Rounds num/den (den > 0) to an integer with @mode. */
PbsInt128 pbs_int128_round_div      (PbsInt128 num, PbsInt128 den, PbsRoundingMode mode);
/* 10^n for 0 <= n <= 38. */
PbsInt128 pbs_int128_pow10          (guint n);
