/* pbs-decimal-private.h - decimal helpers shared inside the library (never installed)
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "pbscore/pbscore.h"

G_BEGIN_DECLS

/* A PbsDecimal a caller built by hand is checked at every public entry:
 * its scale must be 0–18 (caller mistakes are g_return_if_fail). */
#define PBS_DECIMAL_VALID(d) ((d)->scale >= 0 && (d)->scale <= PBS_DECIMAL_MAX_SCALE)

/* @d as text without trailing zeros after the point ("97.7000" → "97.7",
 * "90.00" → "90"), for sentences rather than tables. */
char *pbs_decimal_to_short_string (const PbsDecimal *d);

/* Room for any decimal as text: a sign, "0." and 18 decimals, or 19
 * digits and a point, and the NUL. */
#define PBS_DECIMAL_TEXT_SIZE 24

/* Writes @d as pbs_decimal_to_string() does into @buf (at least
 * PBS_DECIMAL_TEXT_SIZE bytes), NUL-terminated; returns its length. */
gsize pbs_decimal_write (const PbsDecimal *d, char *buf);


G_END_DECLS
