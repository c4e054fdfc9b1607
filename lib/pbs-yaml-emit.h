/* pbs-yaml-emit.h - libyaml's emitter with pbscore's settings (never installed)
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <yaml.h>
#include "pbscore/pbscore.h"

G_BEGIN_DECLS


/* libyaml's emitter with pbscore's settings (UTF-8 kept, no line width),
 * shared by the evaluation and policy writer and the reports. Errors are
 * collected and reported by pbs_yaml_out_end(). */
typedef struct {
  yaml_emitter_t emitter;
  GString       *out;
  gboolean       failed;
} PbsYamlOut;

gboolean pbs_yaml_out_begin       (PbsYamlOut *w, GString *out, GError **error);
gboolean pbs_yaml_out_end         (PbsYamlOut *w, GError **error);
void     pbs_yaml_document_start  (PbsYamlOut *w, gboolean implicit);
void     pbs_yaml_document_end    (PbsYamlOut *w);
/* A scalar; NULL writes null. Under YAML_ANY_SCALAR_STYLE a text the
 * reader would take for null, a boolean or a number is quoted. */
void     pbs_yaml_scalar          (PbsYamlOut *w, const char *text, yaml_scalar_style_t style);
void     pbs_yaml_mapping_start   (PbsYamlOut *w);
void     pbs_yaml_mapping_end     (PbsYamlOut *w);
void     pbs_yaml_sequence_start  (PbsYamlOut *w, yaml_sequence_style_t style);
void     pbs_yaml_sequence_end    (PbsYamlOut *w);
/* key: value pairs: a string quoted when needed, always quoted, a plain
 * word, an exact decimal. */
void     pbs_yaml_string          (PbsYamlOut *w, const char *key, const char *value);
void     pbs_yaml_quoted          (PbsYamlOut *w, const char *key, const char *value);
void     pbs_yaml_plain           (PbsYamlOut *w, const char *key, const char *value);
void     pbs_yaml_number          (PbsYamlOut *w, const char *key, const PbsDecimal *d);

/* pbs_evaluation_save_to_data() with the folder the text will be written
 * in: a template or policy read from a file is named relative to
 * @base_dir, or by its absolute path when @base_dir is NULL. */
char    *pbs_evaluation_write_yaml (PbsEvaluation *self, PbsScorecard *scorecard,
                                    const char *base_dir, gsize *length, GError **error);
/* The same, appended to @out as it is produced; @row_done, when given,
 * hears the end of each row. */
gboolean pbs_evaluation_emit_yaml (PbsEvaluation *self, PbsScorecard *scorecard,
                                   const char *base_dir, GString *out,
                                   void (*row_done) (gpointer data), gpointer data,
                                   GError **error);


G_END_DECLS
