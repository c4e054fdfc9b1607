/* pbs-report-records.h - a table of named fields in every format (never installed)
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The summaries (`score --summary`, one row per evaluation; `pbscore
 * summary`, one row per group) are flat records: a fixed list of named
 * fields. This writer puts such records in every format as they come:
 * JSON objects with the names as members, CSV with the names as heads,
 * YAML documents, and for people an aligned text table (spooled in a
 * temporary file until the widths are known), a Markdown table, an HTML
 * page, or one sheet of a workbook (libxlsxwriter's constant-memory mode:
 * each row goes to its temporary file as it comes) with heads in the
 * report's language.
 */
#pragma once

#include "pbs-report-private.h"

G_BEGIN_DECLS

typedef enum {
  PBS_CELL_NULL,     /* no value: null, an empty CSV field, — for people */
  PBS_CELL_TEXT,
  PBS_CELL_NUMBER,   /* exact digits (a PbsDecimal's) */
  PBS_CELL_INT,
  PBS_CELL_BOOL,
} PbsCellKind;

typedef struct {
  PbsCellKind  kind;
  const char  *text;   /* TEXT, NUMBER */
  gint64       n;      /* INT, BOOL */
} PbsCell;

typedef struct {
  const char *name;    /* the stable name: JSON, CSV, YAML */
  const char *zh;      /* the heads of the human formats */
  const char *en;
} PbsRecordColumn;

typedef struct _PbsRecordsXlsx PbsRecordsXlsx;

typedef struct {
  /* set by the caller */
  PbsFormat               format;
  PbsLanguage             language;
  const char             *title;     /* the HTML page's */
  const PbsRecordColumn  *columns;
  guint                   n_columns;
  /* the writer's */
  PbsJsonOut              json;
  PbsYamlOut              yaml;
  gboolean                yaml_open;
  FILE                   *spool;     /* text: the cells until the widths are known */
  guint                  *width;
  PbsRecordsXlsx         *xlsx;      /* xlsx: the workbook being written */
} PbsRecords;

/* @several: JSON writes an array (else a bare object: one record). */
gboolean pbs_records_begin (PbsRecords            *r,
                            gboolean               several,
                            GString               *out,
                            GError               **error);
/* @cells: one per column. */
gboolean pbs_records_row   (PbsRecords            *r,
                            const PbsCell         *cells,
                            GString               *out,
                            GError               **error);
/* An input error in its record's place (json, jsonl, yaml; nothing in
 * the others). */
gboolean pbs_records_error (PbsRecords            *r,
                            const PbsReportErrorRecord *e,
                            GString               *out,
                            GError               **error);
/* The end; text writes its spooled table, xlsx its workbook, to @out,
 * calling @drain, when given, whenever @out is large. */
gboolean pbs_records_end   (PbsRecords            *r,
                            gboolean               several,
                            GString               *out,
                            gboolean             (*drain) (gpointer data, GError **error),
                            gpointer               data,
                            GError               **error);
/* Frees what the writer holds (after an error too). */
void     pbs_records_clear (PbsRecords            *r);

G_END_DECLS
