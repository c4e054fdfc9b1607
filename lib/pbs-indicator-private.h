/* pbs-indicator-private.h - the inside of an indicator row (never installed)
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "pbs-value-private.h"

G_BEGIN_DECLS

typedef enum {
  PBS_ROW_RULE_COMPARE,   /* the comparison signs of rule book §4 */
  PBS_ROW_RULE_STEP,
  PBS_ROW_RULE_BANDS,
} PbsRowRule;

typedef struct {
  PbsDecimal min;
  PbsDecimal max;
  PbsDecimal score;
  gboolean   has_min;
  gboolean   has_max;
} PbsScoreBand;

struct _PbsIndicator
{
  gatomicrefcount ref_count;
  char       *level1;
  char       *level2;
  char       *name;
  char       *reason;
  PbsValue    target;
  PbsValue    actual;
  PbsDecimal  points;
  PbsDecimal  manual_score;
  PbsDecimal  printed_score;
  PbsBand     band;
  PbsBand     words_band;  /* the actual's words read against the target */
  guint       line;        /* 1-based source line, 0 when not from a file */
  guint       column;      /* 1-based source column */
  char       *place;       /* nullable: the place in a table file ("Sheet1!C12") */
  char       *parent;      /* nullable: the row this one details */
  PbsRowRule  rule;
  PbsDecimal  step_per;
  PbsDecimal  step_deduct;
  PbsStepMode step_mode;
  PbsBandsMeasure bands_of;
  GArray     *bands;       /* PbsScoreBand; NULL unless rule is BANDS */
  guint       has_manual_score : 1;
  guint       has_printed_score : 1;
  guint       not_applicable : 1;
  guint       reason_given : 1;   /* pbs_reason_is_given (reason), kept current */
  guint       qizhong : 1;        /* the name starts with 其中: a child row */
  guint       sealed : 1;         /* part of a scored evaluation: read-only */
  guint       read_as_zero : 1;
  guint       unpublished : 1;
  guint       unfilled : 1;       /* its target or actual is a placeholder (§11) */    /* not shown in full by the published table (§11) */   /* the actual 无 read as 0 against ≤3次 (§11) */
};

/* Reads the band of the actual's words again, after the target or the
 * actual changed (scoring then never re-reads words). */
void         pbs_indicator_refresh (PbsIndicator *self);
/* Copies the step or band rule of @src to @dst. */
void         pbs_indicator_copy_rule (PbsIndicator *dst, const PbsIndicator *src);


/* Sets @error to "FILE:LINE:COLUMN: row N (name): what" (or "FILE:PLACE:
 * …" for a row read from a table file) — the place when the row was read
 * from a file (rule book quality bar: every input error
 * names file, line, column and row). @ind may be NULL for the document. */
void pbs_set_row_error (GError **error, GQuark domain, int code, const char *source,
                        guint row, const PbsIndicator *ind, const char *what);
/* Makes @self read-only: its setters then refuse (a programmer error).
 * Scoring seals an evaluation and every row and budget in it. */
void         pbs_indicator_seal (PbsIndicator *self);

G_END_DECLS
