/* pbs-datadir.h - finding the shipped templates and policies (never installed)
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "pbscore/pbscore.h"

G_BEGIN_DECLS

/* Shipped YAML files of a kind ("templates", "policies"): found in the
 * folders of the environment variable @env, then $(datadir)/pbscore/KIND,
 * then the source tree. */
char  *pbs_datadir_find (const char *kind, const char *env, const char *name);
char **pbs_datadir_list (const char *kind, const char *env);

G_END_DECLS
