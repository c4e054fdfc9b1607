/* pbs-decimal.h - exact decimal numbers for money and scores
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(__PBSCORE_INSIDE__) && !defined(PBSCORE_COMPILATION)
#error "Only <pbscore/pbscore.h> can be included directly."
#endif

#include <glib-object.h>
#include <pbscore/pbs-macros.h>

G_BEGIN_DECLS

/**
 * PBS_DECIMAL_MAX_SCALE:
 *
 * The largest number of decimal places a #PbsDecimal holds.
 *
 * Since: 0.1
 */
#define PBS_DECIMAL_MAX_SCALE 18

/**
 * PbsRoundingMode:
 * @PBS_ROUNDING_HALF_UP: round to nearest, ties away from zero (四舍五入):
 *   2.675 → 2.68, -2.675 → -2.68
 * @PBS_ROUNDING_TRUNCATE: drop the extra digits, toward zero (截断)
 * @PBS_ROUNDING_FLOOR: toward negative infinity (向下取整)
 *
 * How a result is brought to a number of decimal places. Every rounding in
 * pbscore names its mode; there is no implicit one.
 *
 * Since: 0.1
 */
typedef enum {
  PBS_ROUNDING_HALF_UP,   /*< nick=half_up >*/
  PBS_ROUNDING_TRUNCATE,  /*< nick=truncate >*/
  PBS_ROUNDING_FLOOR,     /*< nick=floor >*/
} PbsRoundingMode;

typedef struct _PbsDecimal PbsDecimal;

/**
 * PbsDecimal:
 * @value: the coefficient
 * @scale: the number of decimal places, from 0 to %PBS_DECIMAL_MAX_SCALE
 *
 * An exact decimal number, @value × 10^−@scale: `1,354.10` is
 * { 135410, 2 }. It is a plain value type, 16 bytes, meant to be embedded
 * and copied; it never points to the heap. The scale is kept, so 2.50 and
 * 2.5 compare equal but print differently.
 *
 * Arithmetic is exact; the only rounding is the one a caller asks for with
 * a named #PbsRoundingMode, as a finance library must. Operations whose
 * result would not fit return %FALSE instead of wrapping.
 *
 * Since: 0.1
 */
struct _PbsDecimal
{
  gint64 value;
  gint32 scale;
  /*< private >*/
  gint32 reserved;
};

#define PBS_TYPE_DECIMAL (pbs_decimal_get_type ())

PBS_AVAILABLE_IN_0_1
GType       pbs_decimal_get_type   (void) G_GNUC_CONST;
PBS_AVAILABLE_IN_0_1
PbsDecimal *pbs_decimal_copy       (const PbsDecimal *self);
PBS_AVAILABLE_IN_0_1
void        pbs_decimal_free       (PbsDecimal       *self);

PBS_AVAILABLE_IN_0_1
void        pbs_decimal_init       (PbsDecimal       *self,
                                    gint64            value,
                                    gint              scale);
PBS_AVAILABLE_IN_0_1
gboolean    pbs_decimal_parse      (const char       *text,
                                    PbsDecimal       *out,
                                    GError          **error);
PBS_AVAILABLE_IN_0_1
char       *pbs_decimal_to_string  (const PbsDecimal *self);
PBS_AVAILABLE_IN_0_1
char       *pbs_decimal_format     (const PbsDecimal *self,
                                    guint             digits,
                                    PbsRoundingMode   mode);
PBS_AVAILABLE_IN_0_1
double      pbs_decimal_to_double  (const PbsDecimal *self);

PBS_AVAILABLE_IN_0_1
int         pbs_decimal_compare    (const PbsDecimal *a,
                                    const PbsDecimal *b);
PBS_AVAILABLE_IN_0_1
gboolean    pbs_decimal_equal      (const PbsDecimal *a,
                                    const PbsDecimal *b);
PBS_AVAILABLE_IN_0_1
int         pbs_decimal_sign       (const PbsDecimal *self);

PBS_AVAILABLE_IN_0_1
gboolean    pbs_decimal_add        (const PbsDecimal *a,
                                    const PbsDecimal *b,
                                    PbsDecimal       *out);
PBS_AVAILABLE_IN_0_1
gboolean    pbs_decimal_sub        (const PbsDecimal *a,
                                    const PbsDecimal *b,
                                    PbsDecimal       *out);
PBS_AVAILABLE_IN_0_1
gboolean    pbs_decimal_mul        (const PbsDecimal *a,
                                    const PbsDecimal *b,
                                    PbsDecimal       *out);
PBS_AVAILABLE_IN_0_1
gboolean    pbs_decimal_div        (const PbsDecimal *a,
                                    const PbsDecimal *b,
                                    guint             digits,
                                    PbsRoundingMode   mode,
                                    PbsDecimal       *out);
PBS_AVAILABLE_IN_0_1
gboolean    pbs_decimal_round      (const PbsDecimal *self,
                                    guint             digits,
                                    PbsRoundingMode   mode,
                                    PbsDecimal       *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PbsDecimal, pbs_decimal_free)

G_END_DECLS
