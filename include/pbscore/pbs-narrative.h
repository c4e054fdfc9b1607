/* pbs-narrative.h - a draft of the report's indicator analysis
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
#include <pbscore/pbs-scorecard.h>

G_BEGIN_DECLS

PBS_AVAILABLE_IN_0_1
char       *pbs_narrative_dup_text    (PbsScorecard     *scorecard);

G_END_DECLS
