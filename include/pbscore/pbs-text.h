/* pbs-text.h - text for terminals: display width and one-line cells
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

PBS_AVAILABLE_IN_0_1
guint       pbs_text_display_width    (const char       *text);
PBS_AVAILABLE_IN_0_1
char       *pbs_text_one_line         (const char       *text);

G_END_DECLS
