/* pbs-output.h - where the pbscore command writes its output
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean pbs_output_write (const char *target, const char *data, gsize length, GError **error);
gboolean pbs_output_close_stdout (GError **error);
char    *pbs_output_dup_folder (const char *target);

G_END_DECLS
