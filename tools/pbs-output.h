/* pbs-output.h - where the pbscore command writes its output
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _PbsOutput PbsOutput;

PbsOutput *pbs_output_open         (const char *target, GError **error);
gboolean   pbs_output_is_streaming (const PbsOutput *out);
gboolean   pbs_output_append       (PbsOutput *out, const char *data, gsize length,
                                    GError **error);
gboolean   pbs_output_commit       (PbsOutput *out, GError **error);
void       pbs_output_abort        (PbsOutput *out);

G_DECLARE_FINAL_TYPE (PbsOutputStream, pbs_output_stream, PBS, OUTPUT_STREAM, GOutputStream)
GOutputStream *pbs_output_stream_new (PbsOutput *out, gboolean gb18030);

gboolean pbs_output_write (const char *target, const char *data, gsize length, GError **error);
gboolean pbs_output_close_stdout (GError **error);
char    *pbs_output_dup_folder (const char *target);

G_END_DECLS
