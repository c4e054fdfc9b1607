/* pbs-document.h - reading and writing YAML documents
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
#include <pbscore/pbs-evaluation.h>
#include <pbscore/pbs-policy.h>
#include <pbscore/pbs-scorecard.h>
#include <pbscore/pbs-template.h>

G_BEGIN_DECLS

/**
 * PBS_DOCUMENT_ERROR:
 *
 * Error domain for reading and writing YAML documents. Messages start with
 * `FILE:LINE:COLUMN:` (1-based) and name the row when there is one. Errors
 * in this domain are from #PbsDocumentError.
 *
 * Since: 0.1
 */
#define PBS_DOCUMENT_ERROR (pbs_document_error_quark ())

/**
 * PbsDocumentError:
 * @PBS_DOCUMENT_ERROR_SYNTAX: not well-formed YAML
 * @PBS_DOCUMENT_ERROR_INVALID_UTF8: the input is not UTF-8
 * @PBS_DOCUMENT_ERROR_WRONG_TYPE: a node of the wrong type (a mapping where
 *   a scalar belongs, words where a number belongs)
 * @PBS_DOCUMENT_ERROR_UNKNOWN_KEY: a key the format does not have
 * @PBS_DOCUMENT_ERROR_DUPLICATE_KEY: a key given twice in one mapping
 * @PBS_DOCUMENT_ERROR_MISSING_FIELD: a required key is absent
 * @PBS_DOCUMENT_ERROR_BAD_VALUE: a target or actual that does not parse, or
 *   an unknown choice
 * @PBS_DOCUMENT_ERROR_OUT_OF_RANGE: NaN, infinities, negative amounts or
 *   points, an impossible year or policy value
 * @PBS_DOCUMENT_ERROR_UNKNOWN_TEMPLATE: no template by that name or path
 * @PBS_DOCUMENT_ERROR_UNKNOWN_POLICY: no preset by that name, no policy
 *   file at that path
 * @PBS_DOCUMENT_ERROR_VERSION: an unsupported format version or kind
 * @PBS_DOCUMENT_ERROR_LIMIT: a safety limit was hit (nesting depth, scalar
 *   length, alias expansion)
 * @PBS_DOCUMENT_ERROR_TEMPLATE_MISMATCH: a category the template does not
 *   allow
 * @PBS_DOCUMENT_ERROR_IO: the file cannot be read or written
 *
 * Error codes in the #PBS_DOCUMENT_ERROR domain. Codes are only ever
 * appended.
 *
 * Since: 0.1
 */
typedef enum {
  PBS_DOCUMENT_ERROR_SYNTAX,
  PBS_DOCUMENT_ERROR_INVALID_UTF8,
  PBS_DOCUMENT_ERROR_WRONG_TYPE,
  PBS_DOCUMENT_ERROR_UNKNOWN_KEY,
  PBS_DOCUMENT_ERROR_DUPLICATE_KEY,
  PBS_DOCUMENT_ERROR_MISSING_FIELD,
  PBS_DOCUMENT_ERROR_BAD_VALUE,
  PBS_DOCUMENT_ERROR_OUT_OF_RANGE,
  PBS_DOCUMENT_ERROR_UNKNOWN_TEMPLATE,
  PBS_DOCUMENT_ERROR_UNKNOWN_POLICY,
  PBS_DOCUMENT_ERROR_VERSION,
  PBS_DOCUMENT_ERROR_LIMIT,
  PBS_DOCUMENT_ERROR_TEMPLATE_MISMATCH,
  PBS_DOCUMENT_ERROR_IO,
} PbsDocumentError;

PBS_AVAILABLE_IN_0_1
GQuark pbs_document_error_quark (void);

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
