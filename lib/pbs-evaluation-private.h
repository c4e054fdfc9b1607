/* pbs-evaluation-private.h - what readers and scoring need of an evaluation (never installed)
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "pbscore/pbscore.h"

G_BEGIN_DECLS

/* The years an evaluation may name (0: unset), for the reader and the
 * setter alike, so that whatever is set can be saved and read again. */
#define PBS_YEAR_MIN 1900
#define PBS_YEAR_MAX 2999

/* How a document named its template and policy (`template:` / `policy:`),
 * so that saving writes them back as they were given. */
void         pbs_evaluation_set_refs (PbsEvaluation *self, const char *template_ref,
                                      const char *policy_ref);
const char  *pbs_evaluation_get_template_ref (PbsEvaluation *self);
const char  *pbs_evaluation_get_policy_ref (PbsEvaluation *self);
/* The rows, for loops that must not pay a type check per row. */
GPtrArray   *pbs_evaluation_indicators (PbsEvaluation *self);
/* Where the evaluation was read from: its file and the document's place. */
void         pbs_evaluation_set_source (PbsEvaluation *self, const char *source,
                                        guint line, guint column);
void         pbs_evaluation_get_place (PbsEvaluation *self, guint *line, guint *column);
/* Records a placeholder left in @field (a static string) of @row (0: the
 * document), at @line:@column. */
void         pbs_evaluation_add_unfilled (PbsEvaluation *self, const char *field, guint row,
                                          guint line, guint column);


G_END_DECLS
