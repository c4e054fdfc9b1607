/* pbs-report-private.h - what the report formats share (never installed)
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * PbsReport (pbs-report.c) collects the scorecards and dispatches to one
 * writer per family of formats: pbs-report-text.c (text, Markdown, CSV),
 * pbs-report-json.c (JSON, JSON Lines), pbs-report-html.c and
 * pbs-report-yaml.c. What they share is in pbs-report-common.c. The writers read the same input and share the
 * labels and the lint findings, so every format says the same thing in
 * the same words.
 */
#pragma once

#include "pbs-yaml-emit.h"
#include "pbs-json.h"
#include "pbs-evaluation-private.h"
#include "pbs-indicator-private.h"
#include "pbs-budget-private.h"
#include "pbs-policy-private.h"
#include "pbs-decimal-private.h"
#include "pbs-scorecard-private.h"
#include "pbs-nick.h"

G_BEGIN_DECLS

/* One report's input: what to show, in which language, of which rows. */
typedef struct {
  PbsReportContent content;
  PbsLanguage      language;
  GPtrArray       *scorecards;   /* PbsScorecard*, borrowed: the xlsx batch only */
  gint             row;          /* row filter: a 1-based row number, or -1 */
  const char      *name;         /* row filter: an exact indicator name, or NULL */
  gboolean         spreadsheet;  /* CSV for a spreadsheet (PBS_FORMAT_CSV_SPREADSHEET) */
  const char      *base_dir;     /* YAML: the output's folder, or NULL for absolute paths */
  PbsReportColumns columns;      /* the indicator table's columns (text, Markdown, HTML) */
  /* Called by a writer between rows: the report may write out what the
   * buffer holds, so that one huge evaluation is not held whole. */
  void           (*flush) (gpointer data);
  gpointer         flush_data;
} PbsReportInput;

/* Is an optional text of the evaluation (goals, sign-off) given? */
#define PBS_REPORT_GIVEN(s) ((s) != NULL && *(s) != '\0')

/* One field of the form's sign-off. */
typedef struct {
  gint        label;   /* a PbsLabel */
  const char *value;   /* borrowed from the evaluation */
} PbsReportField;

static inline void
pbs_report_input_flush (const PbsReportInput *in)
{
  if (in->flush != NULL)
    in->flush (in->flush_data);
}

/* Headings and fixed words of the human-readable formats. */
typedef enum {
  PBS_LABEL_FORM,            /* 绩效自评表 */
  PBS_LABEL_DEPARTMENT,
  PBS_LABEL_UNIT,
  PBS_LABEL_YEAR,
  PBS_LABEL_CURRENCY,
  PBS_LABEL_POLICY,
  PBS_LABEL_BUDGET,
  PBS_LABEL_INITIAL,
  PBS_LABEL_ANNUAL,
  PBS_LABEL_EXECUTED,
  PBS_LABEL_POINTS,
  PBS_LABEL_RATE,
  PBS_LABEL_SCORE,
  PBS_LABEL_ROW,
  PBS_LABEL_LEVEL1,
  PBS_LABEL_LEVEL2,
  PBS_LABEL_NAME,
  PBS_LABEL_TARGET,
  PBS_LABEL_ACTUAL,
  PBS_LABEL_STATUS,
  PBS_LABEL_FLAGS,
  PBS_LABEL_REASON,
  PBS_LABEL_INDICATORS,      /* the heading of the rows */
  PBS_LABEL_SUBTOTALS,
  PBS_LABEL_TOTAL,
  PBS_LABEL_OF,              /* "满分" before the total points */
  PBS_LABEL_GRADE,
  PBS_LABEL_INCOMPLETE,      /* the note before the unscored rows */
  PBS_LABEL_WARNINGS,
  PBS_LABEL_EXPLAIN,
  PBS_LABEL_RULE,
  PBS_LABEL_EXPLANATION,
  PBS_LABEL_AUDIT,
  PBS_LABEL_KIND,
  PBS_LABEL_PRINTED,
  PBS_LABEL_COMPUTED,
  PBS_LABEL_VARIANT,
  PBS_LABEL_MESSAGE,
  PBS_LABEL_NO_FINDINGS,
  PBS_LABEL_NARRATIVE,
  PBS_LABEL_CHART_ROWS,
  PBS_LABEL_CHART_LEVEL1,
  PBS_LABEL_CHART_LEGEND,
  PBS_LABEL_NONE,            /* the mark of an empty value: — */
  PBS_LABEL_REPORT,          /* the page title of several evaluations */
  PBS_LABEL_LINT,
  PBS_LABEL_CHECK,
  PBS_LABEL_CATEGORY,
  PBS_LABEL_WHERE,
  PBS_LABEL_SUGGESTION,
  PBS_LABEL_GOALS,           /* 年度总体目标 */
  PBS_LABEL_GOALS_EXPECTED,
  PBS_LABEL_GOALS_ACHIEVED,
  PBS_LABEL_MANAGER,         /* the sign-off: 项目负责人 … */
  PBS_LABEL_PREPARER,
  PBS_LABEL_PHONE,
  PBS_LABEL_DATE,
  PBS_LABEL_PRINTED_GRADE,
} PbsLabel;

const char *pbs_report_label          (PbsLabel     label,
                                       PbsLanguage  language);
const char *pbs_report_status_label   (PbsStatus    status,
                                       PbsLanguage  language);
/* The flags of a row joined by @sep: their stable nicks when @language is
 * -1, their labels otherwise. "" when there are none. */
char       *pbs_report_dup_flags      (PbsFlags     flags,
                                       gint         language,
                                       const char  *sep);
const char *pbs_report_currency_label (PbsCurrency  currency);
const char *pbs_report_policy_name    (PbsScorecard *scorecard);
/* The policy as a report names it: its name, or under Chinese its label
 * with the name in brackets (中央（central）). */
char       *pbs_report_dup_policy_name (PbsScorecard *scorecard,
                                        PbsLanguage   language);
/* A stable name of an enumeration (a finding kind, a rule, a variant, a
 * lint check) as the human formats show it: the nick in English; under
 * Chinese its label with the nick in brackets (目标值偏低（target_too_low）),
 * or the nick alone when it has no label. */
char       *pbs_report_dup_code       (GType        enum_type,
                                       gint         value,
                                       PbsLanguage  language);

/* Does the row filter select @row (from 0) / audit finding @index? */
gboolean    pbs_report_row_selected     (const PbsReportInput *in,
                                         PbsScorecard         *scorecard,
                                         guint                 row);
gboolean    pbs_report_finding_selected (const PbsReportInput *in,
                                         PbsScorecard         *scorecard,
                                         PbsAudit             *audit,
                                         guint                 index);

/* @text (taken) cited at row @row's place in the table file it was read
 * from, "FILE:PLACE: text" (doc/import.md); @text itself for a row of a
 * YAML document, or when @row is -1. */
char       *pbs_report_cite_place       (PbsScorecard         *scorecard,
                                         gint                  row,
                                         char                 *text);

/* The parts of one evaluation's section in a text, Markdown or HTML
 * report, each written by the format's own function on its own writer
 * (@writer: the format's state). pbs_report_write_parts() decides, once
 * for every format, which parts a content shows. */
typedef void (*PbsReportPartFunc) (gpointer writer, const PbsReportInput *in, PbsScorecard *sc);

typedef struct {
  PbsReportPartFunc table;      /* the scored form */
  PbsReportPartFunc explain;
  PbsReportPartFunc audit;
  PbsReportPartFunc lint;
  PbsReportPartFunc narrative;  /* the draft, after the table */
} PbsReportParts;

void        pbs_report_write_parts    (const PbsReportParts *parts,
                                       gpointer              writer,
                                       const PbsReportInput *in,
                                       PbsScorecard         *scorecard);

/* One lint finding as every format shows it. */
typedef struct {
  const char *check;       /* the check's stable nick */
  gint        check_value; /* the PbsLintCheck */
  gint        row;         /* from 1; 0 for a finding on a category or the table */
  const char *name;        /* the row's indicator, or NULL */
  const char *category;    /* nullable */
  char       *where;       /* "FILE:LINE:COLUMN", or NULL when not read from a file */
  char       *message;     /* in the report's language */
  char       *suggestion;
} PbsReportLintItem;

/* The lint findings of @scorecard that the row filter selects, in lint's
 * order: a GArray of PbsReportLintItem that frees them. */
GArray     *pbs_report_lint_items     (const PbsReportInput *in,
                                       PbsScorecard         *scorecard);

/* A computed number (score, total, rate) with exactly the policy's
 * digits; decimals never pass through a double. */
char       *pbs_report_dup_number     (PbsScorecard     *scorecard,
                                       const PbsDecimal *value);
/* The sign-off the evaluation gives (项目负责人, 填报人, 联系电话,
 * 填报日期, in the form's order) into @out; returns how many. */
guint       pbs_report_signoff        (PbsEvaluation  *evaluation,
                                       PbsReportField  out[4]);
/* The fields under the form's title (text, Markdown, HTML), in its order:
 * 主管部门 and 实施单位 when given, 年度 when set, 金额单位 and 评分口径.
 * Cleared with pbs_report_head_clear(), which frees what was made for
 * it. */
typedef struct {
  PbsReportField  fields[5];
  guint           n;
  char           *year;     /* owned */
  char           *policy;   /* owned */
} PbsReportHead;

void        pbs_report_head_init      (PbsReportHead  *head,
                                       PbsScorecard   *scorecard,
                                       PbsLanguage     language);
void        pbs_report_head_clear     (PbsReportHead  *head);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PbsReportHead, pbs_report_head_clear)
/* Money (budget amounts) in the human formats: the digits it was
 * written with, and at least two decimals (12 → 12.00, 207.4538 stays). */
char       *pbs_report_dup_money      (const PbsDecimal *value);
/* A row's score with the policy's digits, or NULL when it has none. */
char       *pbs_report_dup_row_score  (PbsScorecard *scorecard,
                                       guint         row);
/* The completion shown in charts, as a fraction with 4 decimals: the
 * row's ratio a / t for positive and equal rows, score / points for the
 * others (where a smaller a is better). FALSE when there is none. */
gboolean    pbs_report_row_completion (PbsScorecard *scorecard,
                                       guint         row,
                                       PbsDecimal   *out);
/* "第 3 行（名称）、第 5 行（名称）" for the unscored rows; NULL when none. */
char       *pbs_report_dup_unscored   (PbsScorecard *scorecard,
                                       PbsLanguage   language);

/* What a memory output stream (g_memory_output_stream_new_resizable())
 * holds, ended by a NUL that @length leaves out: the in-memory
 * renderings built on the writers. */
char       *pbs_report_steal_text     (GOutputStream *mem,
                                       gsize         *length,
                                       GError       **error);

/* An input error written in the place of its document (json, jsonl,
 * yaml; pbs_report_write_error()). @line and @column are 0 when the
 * message names no place. */
typedef struct {
  const char   *file;
  guint         document;
  const GError *error;
  guint         line;
  guint         column;
} PbsReportErrorRecord;

/* The writers, driven by PbsReport (pbs-report.c) one evaluation at a
 * time: a head, one part per evaluation, a tail, each appended to @out. */
void        pbs_report_text_one       (const PbsReportInput *in,
                                       gboolean              markdown,
                                       guint                 index,
                                       PbsScorecard         *sc,
                                       GString              *out);
void        pbs_report_text_end       (GString              *out);
void        pbs_report_csv_head       (const PbsReportInput *in,
                                       GString              *out);
void        pbs_report_csv_one        (const PbsReportInput *in,
                                       PbsScorecard         *sc,
                                       GString              *out);
void        pbs_report_json_head      (PbsJsonOut           *w,
                                       gboolean              lines,
                                       gboolean              several,
                                       GString              *out);
void        pbs_report_json_one       (PbsJsonOut           *w,
                                       const PbsReportInput *in,
                                       gboolean              lines,
                                       PbsScorecard         *sc);
void        pbs_report_json_error     (PbsJsonOut           *w,
                                       gboolean              lines,
                                       const PbsReportErrorRecord *e);
void        pbs_report_json_tail      (PbsJsonOut           *w,
                                       gboolean              lines,
                                       gboolean              several);
/* @only: the one evaluation of the page, or NULL for several. */
void        pbs_report_html_head      (const PbsReportInput *in,
                                       PbsScorecard         *only,
                                       GString              *out);
void        pbs_report_html_one       (const PbsReportInput *in,
                                       guint                 index,
                                       PbsScorecard         *sc,
                                       GString              *out);
void        pbs_report_html_tail      (GString              *out);
/* The summaries' pieces (pbs-report-records.c): a page's head with its
 * title, an escaped text, one RFC 4180 field (a comma before it unless
 * @first). */
void        pbs_report_html_page      (GString              *out,
                                       PbsLanguage           language,
                                       const char           *title);
void        pbs_report_html_text      (GString              *out,
                                       const char           *text);
void        pbs_report_csv_field      (GString              *out,
                                       const char           *raw,
                                       gboolean              first,
                                       gboolean              spreadsheet);
gboolean    pbs_report_yaml_head      (const PbsReportInput *in,
                                       PbsYamlOut           *y,
                                       GString              *out,
                                       GError              **error);
gboolean    pbs_report_yaml_one       (const PbsReportInput *in,
                                       PbsYamlOut           *y,
                                       PbsScorecard         *sc,
                                       GString              *out,
                                       GError              **error);
gboolean    pbs_report_yaml_error     (const PbsReportInput *in,
                                       PbsYamlOut           *y,
                                       const PbsReportErrorRecord *e,
                                       GString              *out,
                                       GError              **error);
gboolean    pbs_report_yaml_tail      (const PbsReportInput *in,
                                       PbsYamlOut           *y,
                                       GError              **error);
/* The evaluations one workbook holds: xlsx is written at the end, so the
 * report keeps them until then. */
#define PBS_REPORT_XLSX_MAX_EVALUATIONS 1000u

/* The official form as an .xlsx workbook (pbs-report-xlsx.c): binary
 * bytes appended to @out. */
gboolean    pbs_report_write_xlsx     (const PbsReportInput *in,
                                       GString              *out,
                                       GError              **error);
/* workbook_close() under the lock every workbook of the library closes
 * under (libxlsxwriter's gmtime() is not thread-safe): an lxw_error. */
struct lxw_workbook;
int         pbs_report_xlsx_close     (struct lxw_workbook  *wb);

G_END_DECLS
