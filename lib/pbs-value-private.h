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
 * "text\0unit\0". */
struct _PbsValue
{
  char         *text;       /* owned; NULL when the value is unset */
  const char   *unit;       /* points into @text's allocation; never NULL when set */
  PbsDecimal    lo;         /* the number, a range's low bound, or the date as yyyymmdd */
  PbsDecimal    hi;         /* a range's high bound */
  PbsValueKind  kind;
  PbsOperator   op;
  guint16       year;
  guint8        month;
  guint8        day;        /* 0: the date is given to the month only */
  gboolean      boolean;
};

gboolean pbs_value_init_parse (PbsValue   *self,
                               const char *text,
                               GError    **error);
void     pbs_value_clear      (PbsValue   *self);
gboolean pbs_value_is_set     (const PbsValue *self);


G_END_DECLS
