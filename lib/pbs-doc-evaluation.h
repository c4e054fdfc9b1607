/* pbs-doc-evaluation.h - reading `kind: evaluation` documents (never installed)
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "pbs-yaml-read.h"

G_BEGIN_DECLS

/* An evaluation document whose root pbs_read_document_kind() has
 * checked. Its `template:` and `policy:` references are resolved through
 * the caches of @c. */
PbsEvaluation *pbs_read_evaluation (PbsConv *c, guint32 root, GError **error);

G_END_DECLS
