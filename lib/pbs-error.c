/* pbs-error.c - error domains of libpbscore
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "pbscore/pbscore.h"

/**
 * pbs_value_error_quark:
 *
 * Gets the error domain for parsing targets, actuals and decimal numbers.
 *
 * Returns: the #PBS_VALUE_ERROR domain
 *
 * Since: 0.1
 */
G_DEFINE_QUARK (pbs-value-error-quark, pbs_value_error)

/**
 * pbs_score_error_quark:
 *
 * Gets the error domain for scoring an evaluation.
 *
 * Returns: the #PBS_SCORE_ERROR domain
 *
 * Since: 0.1
 */
G_DEFINE_QUARK (pbs-score-error-quark, pbs_score_error)

/**
 * pbs_policy_error_quark:
 *
 * Gets the error domain for policy knobs and presets.
 *
 * Returns: the #PBS_POLICY_ERROR domain
 *
 * Since: 0.1
 */
G_DEFINE_QUARK (pbs-policy-error-quark, pbs_policy_error)

/**
 * pbs_document_error_quark:
 *
 * Gets the error domain for reading and writing YAML documents.
 *
 * Returns: the #PBS_DOCUMENT_ERROR domain
 *
 * Since: 0.1
 */
G_DEFINE_QUARK (pbs-document-error-quark, pbs_document_error)

/**
 * pbs_report_error_quark:
 *
 * Gets the error domain for rendering reports.
 *
 * Returns: the #PBS_REPORT_ERROR domain
 *
 * Since: 0.1
 */
G_DEFINE_QUARK (pbs-report-error-quark, pbs_report_error)

/**
 * pbs_import_error_quark:
 *
 * Gets the error domain for reading tables from workbooks, documents, web
 * pages and CSV files.
 *
 * Returns: the #PBS_IMPORT_ERROR domain
 *
 * Since: 0.1
 */
G_DEFINE_QUARK (pbs-import-error-quark, pbs_import_error)
