/* pbs-template-private.h - the inside of a template (never installed)
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "pbs-indicator-private.h"

G_BEGIN_DECLS

/* An indicator framework (指标体系). */
typedef struct {
  char       *name;
  PbsDecimal  points;
  gboolean    has_points;
  GPtrArray  *level2;      /* char*, owned, NULL-terminated for get_level2_names */
  GPtrArray  *suggested;   /* GStrv per level-2, parallel to level2 (without the NULL) */
} PbsTemplateLevel1;

struct _PbsTemplate
{
  gatomicrefcount ref_count;
  char       *name;
  char       *file;        /* the file it was read from, or NULL */
  char       *title;
  char       *source;
  PbsDecimal  total;
  PbsDecimal  budget_points;
  gboolean    has_budget_points;
  GArray     *level1;      /* PbsTemplateLevel1 */
  GPtrArray  *generic;     /* char*, owned, NULL-terminated */
  GHashTable *rules;       /* indicator name → PbsIndicator carrying its rule */
  GHashTable *points;      /* "level1\x1flevel2\x1fname" → PbsDecimal, a suggested
                            * indicator's points (tables without 分值) */
};

PbsTemplate *pbs_template_new_empty (void);
void         pbs_template_add_level1 (PbsTemplate *self, const char *name,
                                      const PbsDecimal *points);
void         pbs_template_add_level2 (PbsTemplate *self, const char *name,
                                      const char * const *suggested);
void         pbs_template_add_generic (PbsTemplate *self, const char *name);
/* A suggested indicator's rule (carried by an indicator of that name). */
void         pbs_template_add_rule (PbsTemplate *self, PbsIndicator *carrier);
/* Gives @ind the template's rule for its name, if there is one. */
void         pbs_template_apply_rule (const PbsTemplate *self, PbsIndicator *ind);
/* A suggested indicator's points, under its level-1 and level-2. */
void         pbs_template_add_points (PbsTemplate *self, const char *level1,
                                      const char *level2, const char *name,
                                      const PbsDecimal *points);
/* The points the template gives the indicator @name under @level1 and
 * @level2; FALSE when it gives none. */
gboolean     pbs_template_get_row_points (const PbsTemplate *self, const char *level1,
                                          const char *level2, const char *name,
                                          PbsDecimal *out);

G_END_DECLS
