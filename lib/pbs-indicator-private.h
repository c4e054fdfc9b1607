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

/* What few rows have (a reason, a score the table printed or the unit gave, a place
 * in a table file, a parent, a rule of their own), out of line: a table of
 * a million rows without them holds one pointer each (issue 14). Zero
 * until a setter gives one of them. */
typedef struct {
  PbsDecimal  manual_score;
  PbsDecimal  printed_score;
  char       *reason;      /* NULL for none: pbs_indicator_get_reason () gives "" */
  char       *place;       /* nullable: the place in a table file ("Sheet1!C12") */
  char       *parent;      /* nullable: the row this one details */
  PbsDecimal  step_per;
  PbsDecimal  step_deduct;
  PbsStepMode step_mode;
  PbsBandsMeasure bands_of;
  GArray     *bands;       /* PbsScoreBand; NULL unless rule is BANDS */
} PbsIndicatorMore;

struct _PbsIndicator
{
  gatomicrefcount ref_count;
  guint32     tail;        /* bytes after the struct: the name (pbs_indicator_name ()),
                            * then, once packed (pbs_indicator_pack ()), the values' texts */
  char       *level1;
  char       *level2;
  PbsValue    target;
  PbsValue    actual;
  PbsDecimal  points;
  guint       line;        /* 1-based source line, 0 when not from a file */
  guint       column;      /* 1-based source column */
  PbsIndicatorMore *more;  /* nullable: see pbs_indicator_more () */
  guint8      band;        /* PbsBand (the enums are narrow: a table of a million rows) */
  guint8      words_band;  /* PbsBand: the actual's words read against the target */
  guint8      rule;        /* PbsRowRule */
  guint       has_manual_score : 1;
  guint       has_printed_score : 1;
  guint       not_applicable : 1;
  guint       reason_given : 1;   /* pbs_reason_is_given (reason), kept current */
  guint       qizhong : 1;        /* the name starts with 其中: a child row */
  guint       sealed : 1;         /* part of a scored evaluation: read-only */
  guint       read_as_zero : 1;   /* the actual 无 read as 0 against ≤3次 (§11) */
  guint       unpublished : 1;    /* not shown in full by the published table (§11) */
  guint       unfilled : 1;       /* its target or actual is a placeholder (§11) */
};

/* The row's name (三级指标), kept right after the struct (immutable). */
static inline const char *
pbs_indicator_name (const PbsIndicator *self)
{
  return (const char *) (self + 1);
}

/* The row's rarely given fields, zero when it has none (never NULL). */
static inline const PbsIndicatorMore *
pbs_indicator_more (const PbsIndicator *self)
{
  static const PbsIndicatorMore none;

  return self->more != NULL ? self->more : &none;
}

/* Gives @self (one reference, unsealed) back as one allocation holding
 * its name and its target's and actual's texts: a row read from a file
 * then costs one malloc, not three (issue 14). A setter that replaces one
 * of them gives it its own allocation again. */
PbsIndicator *pbs_indicator_pack (PbsIndicator *self);
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
