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

/* The rows of a huge evaluation read as the parser gives them, each into
 * its indicator at once, so that the document's tree never holds them all
 * (doc/performance.md, "One huge evaluation"). Installed on a stream;
 * pbs_read_evaluation() takes the rows from it when @c->rows is set. Only
 * the evaluation's `template:` and `year:` change how a row reads: a
 * document that gives either after its rows is an error when it has more
 * than PBS_ROWS_AT_ONCE rows (PBSCORE_ROWS_AT_ONCE in the environment
 * sets another number, for the tests). */
#define PBS_ROWS_AT_ONCE 1000

PbsRowStream  *pbs_row_stream_new   (PbsYamlStream *stream, GHashTable *templates,
                                     GHashTable *policies);
void           pbs_row_stream_free  (PbsRowStream *self);
/* Forgets the last document's rows: call before reading the next one. */
void           pbs_row_stream_reset (PbsRowStream *self);
/* Were the current document's rows read as they came? */
gboolean       pbs_row_stream_given (const PbsRowStream *self);
/* PBS_ROWS_AT_ONCE, or what PBSCORE_ROWS_AT_ONCE sets for the tests. */
guint          pbs_row_stream_get_at_once (const PbsRowStream *self);

G_END_DECLS
