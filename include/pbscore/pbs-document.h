/* pbs-document.h - reading and writing YAML documents
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(__PBSCORE_INSIDE__) && !defined(PBSCORE_COMPILATION)
#error "Only <pbscore/pbscore.h> can be included directly."
#endif

#include <gio/gio.h>
#include <pbscore/pbs-macros.h>
#include <pbscore/pbs-evaluation.h>
#include <pbscore/pbs-policy.h>
#include <pbscore/pbs-scorecard.h>
#include <pbscore/pbs-template.h>

G_BEGIN_DECLS


/**
 * PbsDocumentKind:
 * @PBS_DOCUMENT_EVALUATION: a self-evaluation table
 * @PBS_DOCUMENT_TEMPLATE: an indicator framework
 * @PBS_DOCUMENT_POLICY: a scoring policy
 *
 * The `kind:` of a YAML document.
 *
 * Since: 0.1
 */
typedef enum {
  PBS_DOCUMENT_EVALUATION,  /*< nick=evaluation >*/
  PBS_DOCUMENT_TEMPLATE,    /*< nick=template >*/
  PBS_DOCUMENT_POLICY,      /*< nick=policy >*/
} PbsDocumentKind;

typedef struct _PbsDocument PbsDocument;

#define PBS_TYPE_DOCUMENT (pbs_document_get_type ())

PBS_AVAILABLE_IN_0_1
GType            pbs_document_get_type        (void) G_GNUC_CONST;
PBS_AVAILABLE_IN_0_1
PbsDocument     *pbs_document_ref             (PbsDocument *self);
PBS_AVAILABLE_IN_0_1
void             pbs_document_unref           (PbsDocument *self);
PBS_AVAILABLE_IN_0_1
PbsDocumentKind  pbs_document_get_kind        (PbsDocument *self);
PBS_AVAILABLE_IN_0_1
guint            pbs_document_get_line        (PbsDocument *self);
PBS_AVAILABLE_IN_0_1
PbsEvaluation   *pbs_document_get_evaluation  (PbsDocument *self);
PBS_AVAILABLE_IN_0_1
PbsTemplate     *pbs_document_get_template    (PbsDocument *self);
PBS_AVAILABLE_IN_0_1
PbsPolicy       *pbs_document_get_policy      (PbsDocument *self);

#define PBS_TYPE_READER (pbs_reader_get_type ())

PBS_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (PbsReader, pbs_reader, PBS, READER, GObject)

PBS_AVAILABLE_IN_0_1
PbsReader       *pbs_reader_new_for_path      (const char  *path,
                                               GError     **error);
PBS_AVAILABLE_IN_0_1
PbsReader       *pbs_reader_new_for_data      (const char  *data,
                                               gssize       length,
                                               const char  *name);
PBS_AVAILABLE_IN_0_1
PbsReader       *pbs_reader_new_for_stream    (GInputStream *stream,
                                               const char  *name);
PBS_AVAILABLE_IN_0_1
void             pbs_reader_set_template      (PbsReader   *self,
                                               PbsTemplate *template_);
PBS_AVAILABLE_IN_0_1
void             pbs_reader_set_parse_ahead   (PbsReader   *self,
                                               gboolean     parse_ahead);
PBS_AVAILABLE_IN_0_1
PbsDocument     *pbs_reader_next              (PbsReader   *self,
                                               GError     **error);

PBS_AVAILABLE_IN_0_1
GPtrArray       *pbs_evaluation_load_file     (const char  *path,
                                               GError     **error);
PBS_AVAILABLE_IN_0_1
PbsPolicy       *pbs_policy_load_file         (const char  *path,
                                               GError     **error);
PBS_AVAILABLE_IN_0_1
PbsPolicy       *pbs_policy_lookup            (const char  *name,
                                               GError     **error);
PBS_AVAILABLE_IN_0_1
PbsPolicy       *pbs_policy_resolve           (const char  *ref,
                                               const char  *base_dir,
                                               GError     **error);
PBS_AVAILABLE_IN_0_1
char            *pbs_policy_save_to_data      (const PbsPolicy *self,
                                               gsize           *length,
                                               GError         **error);
PBS_AVAILABLE_IN_0_1
PbsTemplate     *pbs_template_load_file       (const char  *path,
                                               GError     **error);
PBS_AVAILABLE_IN_0_1
PbsTemplate     *pbs_template_resolve         (const char  *ref,
                                               const char  *base_dir,
                                               GError     **error);
PBS_AVAILABLE_IN_0_1
gboolean         pbs_reference_is_path        (const char  *ref);

PBS_AVAILABLE_IN_0_1
char            *pbs_evaluation_save_to_data  (PbsEvaluation *self,
                                               PbsScorecard  *scorecard,
                                               gsize         *length,
                                               GError       **error);
PBS_AVAILABLE_IN_0_1
gboolean         pbs_evaluation_save_to_file  (PbsEvaluation *self,
                                               PbsScorecard  *scorecard,
                                               const char    *path,
                                               GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PbsDocument, pbs_document_unref)

G_END_DECLS
