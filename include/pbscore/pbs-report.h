/* pbs-report.h - the 绩效自评表 and its analysis as text, tables, JSON, HTML
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
#include <pbscore/pbs-scorecard.h>
#include <pbscore/pbs-audit.h>

G_BEGIN_DECLS

/**
 * PbsFormat:
 * @PBS_FORMAT_TEXT: an aligned table for a terminal (display width, so
 *   Chinese lines up)
 * @PBS_FORMAT_MARKDOWN: the 自评表 as Markdown tables
 * @PBS_FORMAT_CSV: RFC 4180, one row per indicator, a header row, UTF-8
 * @PBS_FORMAT_JSON: one object per evaluation (an array for several)
 * @PBS_FORMAT_JSONL: one object per line
 * @PBS_FORMAT_HTML: one self-contained, printable page with an SVG chart
 * @PBS_FORMAT_YAML: the evaluations with their scores (doc/format.md)
 * @PBS_FORMAT_XLSX: the official form as an Excel workbook (binary;
 *   take the length from pbs_report_render())
 * @PBS_FORMAT_CSV_SPREADSHEET: the CSV of %PBS_FORMAT_CSV for a spreadsheet:
 *   UTF-8 with a byte-order mark, heads in the report's language, a text
 *   a spreadsheet would run as a formula prefixed with '
 *
 * Output formats of reports (doc/report.md). The nicks are the names the
 * command line takes.
 *
 * Since: 0.1
 */
typedef enum {
  PBS_FORMAT_TEXT,      /*< nick=text >*/
  PBS_FORMAT_MARKDOWN,  /*< nick=markdown >*/
  PBS_FORMAT_CSV,       /*< nick=csv >*/
  PBS_FORMAT_JSON,      /*< nick=json >*/
  PBS_FORMAT_JSONL,     /*< nick=jsonl >*/
  PBS_FORMAT_HTML,      /*< nick=html >*/
  PBS_FORMAT_YAML,      /*< nick=yaml >*/
  PBS_FORMAT_XLSX,      /*< nick=xlsx >*/
  PBS_FORMAT_CSV_SPREADSHEET, /*< nick=csv-spreadsheet >*/
} PbsFormat;

/**
 * PbsReportContent:
 * @PBS_REPORT_TABLE: the scored 绩效自评表 (the default)
 * @PBS_REPORT_EXPLAIN: each row's rule, inputs and arithmetic
 * @PBS_REPORT_AUDIT: printed against computed values, missing reasons,
 *   warnings (needs audits)
 * @PBS_REPORT_NARRATIVE: the table followed by a Chinese draft of the
 *   report's 绩效指标完成情况分析
 * @PBS_REPORT_LINT: the indicator-quality findings of pbs_lint_new(), each
 *   with its check, row, place, message and suggestion (doc/lint.md)
 * @PBS_REPORT_FORM: the empty official form of the evaluations' rows, to
 *   fill in: names and points without values or scores (%PBS_FORMAT_XLSX
 *   only)
 * @PBS_REPORT_SUMMARY: one row per evaluation: its file and document
 *   number, title, 主管部门, 实施单位, year, total, points, grade, whether
 *   it is complete, the printed total, the number of audit differences
 *   and of lint findings (doc/report.md, "summary")
 *
 * What a report shows (doc/report.md). Values are only ever appended.
 *
 * Since: 0.1
 */
typedef enum {
  PBS_REPORT_TABLE,      /*< nick=table >*/
  PBS_REPORT_EXPLAIN,    /*< nick=explain >*/
  PBS_REPORT_AUDIT,      /*< nick=audit >*/
  PBS_REPORT_NARRATIVE,  /*< nick=narrative >*/
  PBS_REPORT_LINT,       /*< nick=lint >*/
  PBS_REPORT_FORM,       /*< nick=form >*/
  PBS_REPORT_SUMMARY,    /*< nick=summary >*/
} PbsReportContent;

/**
 * PbsReportColumns:
 * @PBS_REPORT_COLUMNS_FULL: the official form's columns and pbscore's own:
 *   序号 before them, 状态 and 标记 after 得分 (the default; in xlsx after
 *   偏差原因分析及改进措施, so that the official form stays whole)
 * @PBS_REPORT_COLUMNS_OFFICIAL: only the official form's columns: 一级指标,
 *   二级指标, 三级指标, 年度指标值, 实际完成值, 分值, 得分,
 *   偏差原因分析及改进措施
 *
 * Which columns the indicator table of the human-readable formats (text,
 * Markdown, HTML, xlsx) has (doc/report.md). The nicks are the names
 * `--columns` takes.
 *
 * Since: 0.1
 */
typedef enum {
  PBS_REPORT_COLUMNS_FULL,      /*< nick=full >*/
  PBS_REPORT_COLUMNS_OFFICIAL,  /*< nick=official >*/
} PbsReportColumns;

#define PBS_TYPE_REPORT (pbs_report_get_type ())

PBS_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (PbsReport, pbs_report, PBS, REPORT, GObject)

PBS_AVAILABLE_IN_0_1
PbsReport  *pbs_report_new            (PbsFormat         format,
                                       PbsReportContent  content,
                                       PbsLanguage       language);
PBS_AVAILABLE_IN_0_1
void        pbs_report_add            (PbsReport        *self,
                                       PbsScorecard     *scorecard);
PBS_AVAILABLE_IN_0_1
void        pbs_report_set_row_filter (PbsReport        *self,
                                       gint              row,
                                       const char       *name);
PBS_AVAILABLE_IN_0_1
void        pbs_report_set_base_dir   (PbsReport        *self,
                                       const char       *base_dir);
PBS_AVAILABLE_IN_0_1
void        pbs_report_set_columns    (PbsReport        *self,
                                       PbsReportColumns  columns);
PBS_AVAILABLE_IN_0_1
PbsReportColumns pbs_report_get_columns (PbsReport      *self);
PBS_AVAILABLE_IN_0_1
gboolean    pbs_report_begin          (PbsReport        *self,
                                       GOutputStream    *stream,
                                       GCancellable     *cancellable,
                                       GError          **error);
PBS_AVAILABLE_IN_0_1
gboolean    pbs_report_write          (PbsReport        *self,
                                       PbsScorecard     *scorecard,
                                       GError          **error);
PBS_AVAILABLE_IN_0_1
gboolean    pbs_report_write_document (PbsReport        *self,
                                       PbsScorecard     *scorecard,
                                       const char       *file,
                                       guint             document,
                                       GError          **error);
PBS_AVAILABLE_IN_0_1
gboolean    pbs_report_write_error    (PbsReport        *self,
                                       const char       *file,
                                       guint             document,
                                       const GError     *input_error,
                                       GError          **error);
PBS_AVAILABLE_IN_0_1
gboolean    pbs_report_end            (PbsReport        *self,
                                       GError          **error);
PBS_AVAILABLE_IN_0_1
char       *pbs_report_render         (PbsReport        *self,
                                       gsize            *length,
                                       GError          **error);

G_END_DECLS
