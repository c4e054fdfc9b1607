/* pbs-doc-template.h - reading `kind: template` documents (never installed)
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "pbs-yaml-read.h"

G_BEGIN_DECLS

/* A template document whose root pbs_read_document_kind() has checked. */
PbsTemplate *pbs_read_template (const PbsConv *c, guint32 root, GError **error);

G_END_DECLS
