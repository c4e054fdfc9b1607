/* pbs-error.h - error domains of libpbscore
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(__PBSCORE_INSIDE__) && !defined(PBSCORE_COMPILATION)
#error "Only <pbscore/pbscore.h> can be included directly."
#endif

#include <pbscore/pbs-macros.h>

G_BEGIN_DECLS

/**
 * PBS_VALUE_ERROR:
 *
 * Error domain for parsing target and actual values (年度指标值, 实际完成值)
 * and decimal numbers. Errors in this domain are from #PbsValueError.
 *
 * Since: 0.1
 */
#define PBS_VALUE_ERROR (pbs_value_error_quark ())

/**
 * PbsValueError:
 * @PBS_VALUE_ERROR_EMPTY: the text is empty or only white space
 * @PBS_VALUE_ERROR_INVALID_UTF8: the text is not valid UTF-8
 * @PBS_VALUE_ERROR_NUMBER: a number is malformed (stray characters, bad
 *   thousands separators, several decimal points)
 * @PBS_VALUE_ERROR_OVERFLOW: a number has more digits than pbscore keeps
 *   exactly (18 significant digits, 18 decimals)
 * @PBS_VALUE_ERROR_OPERATOR: a comparison sign with no number after it,
 *   or two conflicting signs
 * @PBS_VALUE_ERROR_DATE: a date that does not exist (month 13, 30 February)
 * @PBS_VALUE_ERROR_RANGE: a range whose bounds are reversed or whose units
 *   differ
 *
 * Error codes in the #PBS_VALUE_ERROR domain. Codes are only ever appended.
 *
 * Since: 0.1
 */
typedef enum {
  PBS_VALUE_ERROR_EMPTY,
  PBS_VALUE_ERROR_INVALID_UTF8,
  PBS_VALUE_ERROR_NUMBER,
  PBS_VALUE_ERROR_OVERFLOW,
  PBS_VALUE_ERROR_OPERATOR,
  PBS_VALUE_ERROR_DATE,
  PBS_VALUE_ERROR_RANGE,
} PbsValueError;

/**
 * PBS_SCORE_ERROR:
 *
 * Error domain for scoring an evaluation. The message names the row
 * (1-based, in table order) and the indicator. Errors in this domain are
 * from #PbsScoreError.
 *
 * Since: 0.1
 */
#define PBS_SCORE_ERROR (pbs_score_error_quark ())

/**
 * PbsScoreError:
 * @PBS_SCORE_ERROR_NO_TARGET: an applicable row has no target
 * @PBS_SCORE_ERROR_NOT_NUMERIC: a quantitative, range or date target has an
 *   actual that is not of the same kind (`≤3次` against `无上访`)
 * @PBS_SCORE_ERROR_UNIT_MISMATCH: the actual's unit differs from the
 *   target's (人 against 人次)
 * @PBS_SCORE_ERROR_UNKNOWN_BAND: a qualitative actual whose words name no
 *   band (达成 / 部分达成 / 未达成) and no explicit band was given
 * @PBS_SCORE_ERROR_MANUAL_SCORE_REQUIRED: a qualitative row below 达成 has
 *   no manual score and the policy gives no default
 * @PBS_SCORE_ERROR_NO_BUDGET: the evaluation has no budget line
 * @PBS_SCORE_ERROR_ZERO_BUDGET: 全年预算数 is zero and the policy's
 *   `budget.zero` is `error`
 * @PBS_SCORE_ERROR_WEIGHTS: the points do not add up to the policy's total
 *   and the policy's `weights.mismatch` is `error`
 * @PBS_SCORE_ERROR_REASON_REQUIRED: an over-completed row has no 偏差原因
 *   and the policy's `over.action` is `require_reason`
 * @PBS_SCORE_ERROR_OVERFLOW: an intermediate result exceeds the exact range
 * @PBS_SCORE_ERROR_BAD_POINTS: a row's points are negative
 * @PBS_SCORE_ERROR_BAD_RULE: a step or band rule that cannot apply to its
 *   row (a qualitative target, a zero step, a deviation from a zero target)
 * @PBS_SCORE_ERROR_ROLLUP: evaluations that cannot be rolled up together
 *   (the same row with different targets' kinds, units or points)
 *
 * Error codes in the #PBS_SCORE_ERROR domain. Codes are only ever appended.
 *
 * Since: 0.1
 */
typedef enum {
  PBS_SCORE_ERROR_NO_TARGET,
  PBS_SCORE_ERROR_NOT_NUMERIC,
  PBS_SCORE_ERROR_UNIT_MISMATCH,
  PBS_SCORE_ERROR_UNKNOWN_BAND,
  PBS_SCORE_ERROR_MANUAL_SCORE_REQUIRED,
  PBS_SCORE_ERROR_NO_BUDGET,
  PBS_SCORE_ERROR_ZERO_BUDGET,
  PBS_SCORE_ERROR_WEIGHTS,
  PBS_SCORE_ERROR_REASON_REQUIRED,
  PBS_SCORE_ERROR_OVERFLOW,
  PBS_SCORE_ERROR_BAD_POINTS,
  PBS_SCORE_ERROR_BAD_RULE,
  PBS_SCORE_ERROR_ROLLUP,
} PbsScoreError;

/**
 * PBS_POLICY_ERROR:
 *
 * Error domain for policies: preset names, knob names and knob values.
 * Errors in this domain are from #PbsPolicyError.
 *
 * Since: 0.1
 */
#define PBS_POLICY_ERROR (pbs_policy_error_quark ())

/**
 * PbsPolicyError:
 * @PBS_POLICY_ERROR_UNKNOWN_PRESET: no preset has that name
 * @PBS_POLICY_ERROR_UNKNOWN_KNOB: no knob has that name
 * @PBS_POLICY_ERROR_BAD_VALUE: the value is not of the knob's type or not
 *   one of its choices
 * @PBS_POLICY_ERROR_OUT_OF_RANGE: the value is of the right type but
 *   impossible (negative points, grade thresholds out of order)
 *
 * Error codes in the #PBS_POLICY_ERROR domain. Codes are only ever appended.
 *
 * Since: 0.1
 */
typedef enum {
  PBS_POLICY_ERROR_UNKNOWN_PRESET,
  PBS_POLICY_ERROR_UNKNOWN_KNOB,
  PBS_POLICY_ERROR_BAD_VALUE,
  PBS_POLICY_ERROR_OUT_OF_RANGE,
} PbsPolicyError;

PBS_AVAILABLE_IN_0_1
GQuark pbs_value_error_quark  (void);
PBS_AVAILABLE_IN_0_1
GQuark pbs_score_error_quark  (void);
PBS_AVAILABLE_IN_0_1
GQuark pbs_policy_error_quark (void);

/**
 * PBS_REPORT_ERROR:
 *
 * Error domain for rendering reports (#PbsReport). Errors in this domain
 * are from #PbsReportError.
 *
 * Since: 0.1
 */
#define PBS_REPORT_ERROR (pbs_report_error_quark ())

/**
 * PbsReportError:
 * @PBS_REPORT_ERROR_NO_SUCH_ROW: the row filter
 *   (pbs_report_set_row_filter()) selects no row of any evaluation; the
 *   message names the row
 * @PBS_REPORT_ERROR_UNSUPPORTED: the format has no form for the report's
 *   content (no pair of this version raises it: every format shows every
 *   content)
 * @PBS_REPORT_ERROR_FAILED: the JSON writer failed
 *
 * Error codes in the #PBS_REPORT_ERROR domain. Codes are only ever
 * appended.
 *
 * Since: 0.1
 */
typedef enum {
  PBS_REPORT_ERROR_NO_SUCH_ROW,
  PBS_REPORT_ERROR_UNSUPPORTED,
  PBS_REPORT_ERROR_FAILED,
} PbsReportError;

PBS_AVAILABLE_IN_0_1
GQuark pbs_report_error_quark (void);

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
 * PBS_IMPORT_ERROR:
 *
 * Error domain for reading tables that are not pbscore's own YAML: Excel
 * workbooks, Word documents, web pages and CSV files (doc/import.md).
 * Messages start with the file and the place in the file's own terms
 * (`table.xlsx:Sheet1!D12: …`, `page.html:table 2, row 5, column 4: …`,
 * `table.csv:line 12, column 3: …`). Errors in this domain are from
 * #PbsImportError.
 *
 * Since: 0.1
 */
#define PBS_IMPORT_ERROR (pbs_import_error_quark ())

/**
 * PbsImportError:
 * @PBS_IMPORT_ERROR_UNSUPPORTED_FORMAT: a format pbscore does not read
 *   (.doc, .et, .wps, .mht, .ofd, .pdf, or a file it does not recognise);
 *   the message names the format and says how to convert it
 * @PBS_IMPORT_ERROR_ENCRYPTED: a password-protected workbook or document
 * @PBS_IMPORT_ERROR_CORRUPT: a damaged container or part (a malformed zip,
 *   a missing or unreadable part, half a workbook)
 * @PBS_IMPORT_ERROR_LIMIT: the file goes past one of the reader's bounds
 *   (rows, columns, bytes in a cell or in all cells, an inflated size or
 *   ratio); the message names the bound
 * @PBS_IMPORT_ERROR_ENCODING: text that is not in the encoding the file
 *   declares or pbscore recognises
 * @PBS_IMPORT_ERROR_NO_TABLE: the file holds no table at all
 * @PBS_IMPORT_ERROR_LAYOUT: tables that are not a self-evaluation form; the
 *   message says what was looked for and not found
 * @PBS_IMPORT_ERROR_NO_CACHED_VALUE: a formula cell with no cached value
 *   (the workbook was never calculated); the message names the cell
 * @PBS_IMPORT_ERROR_BAD_VALUE: a cell whose text does not parse as what
 *   its column holds (a target, an actual, an amount, points); the
 *   message names the cell
 *
 * Error codes in the #PBS_IMPORT_ERROR domain. Codes are only ever
 * appended.
 *
 * Since: 0.1
 */
typedef enum {
  PBS_IMPORT_ERROR_UNSUPPORTED_FORMAT,
  PBS_IMPORT_ERROR_ENCRYPTED,
  PBS_IMPORT_ERROR_CORRUPT,
  PBS_IMPORT_ERROR_LIMIT,
  PBS_IMPORT_ERROR_ENCODING,
  PBS_IMPORT_ERROR_NO_TABLE,
  PBS_IMPORT_ERROR_LAYOUT,
  PBS_IMPORT_ERROR_NO_CACHED_VALUE,
  PBS_IMPORT_ERROR_BAD_VALUE,
} PbsImportError;

PBS_AVAILABLE_IN_0_1
GQuark pbs_import_error_quark (void);

G_END_DECLS
