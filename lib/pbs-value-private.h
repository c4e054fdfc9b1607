/* pbs-value-private.h - the inside of a parsed value (never installed)
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "pbscore/pbscore.h"

G_BEGIN_DECLS

/* A parsed 年度指标值 / 实际完成值. It lives inline in PbsIndicator (no heap
 * block per number); the text and the unit share one allocation,
 * "text\0unit\0", or "text\0" when there is no unit (its NUL is the
 * empty unit). */
struct _PbsValue
{
  char         *text;       /* owned; NULL when the value is unset */
  PbsDecimal    lo;         /* the number, a range's low bound, or the date as yyyymmdd */
  PbsDecimal    hi;         /* a range's high bound */
  guint32       unit_at;    /* the unit is @text + unit_at, in @text's allocation
                             * (an offset, not a pointer: 8 bytes less a value) */
  guint8        kind;       /* PbsValueKind (narrow: a million-row table holds two a row) */
  guint8        op;         /* PbsOperator */
  guint16       year;
  guint8        month;
  guint8        day;        /* 0: the date is given to the month only */
  guint8        boolean;
  guint8        shaped;     /* a date-shaped number (2023.12, 2023-12; §11):
                             * 0 no, 1 bare, 2 after a sign; year and month hold the date */
  guint8        relative;   /* a date without its year (年底前, 第四季度): year is 0 until
                             * pbs_value_resolve_pair () gives it the evaluation's */
};

gboolean pbs_value_init_parse (PbsValue   *self,
                               const char *text,
                               GError    **error);
void     pbs_value_clear      (PbsValue   *self);
gboolean pbs_value_is_set     (const PbsValue *self);

/* Settles what a row's two values mean together (rule book §11): a
 * date-shaped number is a date in a 时效 row, when both sides are
 * date-shaped, or when the other side is an explicit date, and an error
 * (PBS_VALUE_ERROR_DATE) when the other side is a plain number; a date
 * without its year takes @year (error when @year is 0). Either value may
 * be unset. On error *@bad_actual says which side is at fault. */
gboolean pbs_value_resolve_pair (PbsValue   *target,
                                 PbsValue   *actual,
                                 const char *level2,
                                 guint       year,
                                 gboolean   *bad_actual,
                                 GError    **error);

/* Makes @self words, unparsed: a placeholder kept as written (§11). */
void     pbs_value_init_words (PbsValue   *self,
                               const char *text);

/* Makes @self the number 0 in @unit, shown as @text (`无` against `≤3次`). */
void     pbs_value_init_zero  (PbsValue   *self,
                               const char *text,
                               const char *unit);


G_END_DECLS
