/* pbs-doc-policy.h - reading `kind: policy` documents (never installed)
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "pbs-yaml-read.h"

G_BEGIN_DECLS

/* A policy document whose root pbs_read_document_kind() has checked. */
PbsPolicy *pbs_read_policy (const PbsConv *c, guint32 root, GError **error);

G_END_DECLS
