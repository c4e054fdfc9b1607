/* pbs-doc-rule.h - reading an indicator's own `rule:` (never installed)
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "pbs-yaml-read.h"

G_BEGIN_DECLS

/* `rule:` — step deduction or bands (rule book §9, doc/format.md), read
 * into @ind. Rows of evaluations and suggested indicators of templates
 * write rules alike. */
gboolean pbs_read_rule (const PbsConv *c, guint32 node, PbsIndicator *ind, GError **error);

G_END_DECLS
