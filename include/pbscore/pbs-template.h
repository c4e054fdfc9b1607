/* pbs-template.h - indicator frameworks (指标体系) as data
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
#include <pbscore/pbs-decimal.h>

G_BEGIN_DECLS

typedef struct _PbsTemplate PbsTemplate;

#define PBS_TYPE_TEMPLATE (pbs_template_get_type ())

PBS_AVAILABLE_IN_0_1
GType         pbs_template_get_type             (void) G_GNUC_CONST;
PBS_AVAILABLE_IN_0_1
PbsTemplate  *pbs_template_ref                  (PbsTemplate       *self);
PBS_AVAILABLE_IN_0_1
void          pbs_template_unref                (PbsTemplate       *self);

PBS_AVAILABLE_IN_0_1
PbsTemplate  *pbs_template_lookup               (const char        *name,
                                                 GError           **error);
PBS_AVAILABLE_IN_0_1
char        **pbs_template_list                 (void);
PBS_AVAILABLE_IN_0_1
char         *pbs_template_find_file            (const char        *name);

PBS_AVAILABLE_IN_0_1
const char   *pbs_template_get_name             (const PbsTemplate *self);
PBS_AVAILABLE_IN_0_1
const char   *pbs_template_get_title            (const PbsTemplate *self);
PBS_AVAILABLE_IN_0_1
const char   *pbs_template_get_source           (const PbsTemplate *self);
PBS_AVAILABLE_IN_0_1
void          pbs_template_get_total            (const PbsTemplate *self,
                                                 PbsDecimal        *out);
PBS_AVAILABLE_IN_0_1
gboolean      pbs_template_get_budget_points    (const PbsTemplate *self,
                                                 PbsDecimal        *out);
PBS_AVAILABLE_IN_0_1
guint         pbs_template_get_n_level1         (const PbsTemplate *self);
PBS_AVAILABLE_IN_0_1
const char   *pbs_template_get_level1_name      (const PbsTemplate *self,
                                                 guint              index);
PBS_AVAILABLE_IN_0_1
gboolean      pbs_template_get_level1_points    (const PbsTemplate *self,
                                                 guint              index,
                                                 PbsDecimal        *out);
PBS_AVAILABLE_IN_0_1
const char * const *pbs_template_get_level2_names (const PbsTemplate *self,
                                                   guint              index);
PBS_AVAILABLE_IN_0_1
const char * const *pbs_template_get_suggested  (const PbsTemplate *self,
                                                 const char        *level1,
                                                 const char        *level2);
PBS_AVAILABLE_IN_0_1
const char * const *pbs_template_get_generic_indicators (const PbsTemplate *self);
PBS_AVAILABLE_IN_0_1
gboolean      pbs_template_allows               (const PbsTemplate *self,
                                                 const char        *level1,
                                                 const char        *level2);
PBS_AVAILABLE_IN_0_1
char         *pbs_template_dup_skeleton         (PbsTemplate       *template_,
                                                 const char        *ref);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PbsTemplate, pbs_template_unref)

G_END_DECLS
