/* pbs-report.c - the 绩效自评表 and its analysis in every output format
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A report collects scorecards and renders them in one format: this file
 * holds the object and hands its input to one writer per family of
 * formats: pbs-report-text.c (text, Markdown, CSV), pbs-report-json.c,
 * pbs-report-html.c and pbs-report-yaml.c (doc/report.md). What they
 * share (the row filter, the words, the lint findings as every format
 * shows them) is in pbs-report-common.c, below all of them.
 */
#include "config.h"

#include <string.h>

#include "pbs-report-private.h"
#include "pbs-report-summary.h"

/**
 * PbsReport:
 *
 * A report of one or more scorecards: the scored 绩效自评表, each row's
 * explanation, the audit of the printed values, the table with a draft
 * of the report's indicator analysis, or the indicator-quality findings,
 * rendered as text, Markdown, CSV, JSON, JSON Lines, HTML or YAML
 * (doc/report.md).
 *
 * A report is a writer: pbs_report_begin() starts the output on a
 * #GOutputStream, pbs_report_write() writes one scorecard as soon as it is
 * scored, pbs_report_end() finishes it, so a batch of any size is
 * written in constant memory. pbs_report_render() is the in-memory
 * convenience built on it, for the scorecards given with pbs_report_add().
 *
 * ```c
 * g_autoptr (PbsReport) report = pbs_report_new (PBS_FORMAT_JSON, PBS_REPORT_TABLE,
 *                                                PBS_LANGUAGE_ZH);
 * if (!pbs_report_begin (report, stream, NULL, &error))
 *   return FALSE;
 * while ((scorecard = next_scorecard ()) != NULL)
 *   if (!pbs_report_write (report, scorecard, &error))
 *     return FALSE;
 * return pbs_report_end (report, &error);
 * ```
 *
 * Since: 0.1
 */
struct _PbsReport
{
  GObject           parent_instance;
  PbsFormat         format;
  PbsReportContent  content;
  PbsLanguage       language;
  GPtrArray        *scorecards;   /* PbsScorecard*, owned: pbs_report_add() */
  gint              row;          /* 1-based, or -1 */
  char             *name;         /* nullable */
  char             *base_dir;     /* nullable: where the YAML will be written */
  PbsReportColumns  columns;

  /* between pbs_report_begin() and pbs_report_end() */
  gboolean          writing;
  PbsReportInput    in;
  GOutputStream    *stream;
  GCancellable     *cancellable;
  GString          *buf;          /* written to the stream after each item */
  guint             n_items;      /* evaluations and error records so far */
  guint             n_scored;     /* evaluations so far */
  gboolean          head_done;
  PbsScorecard     *held;         /* json, html: the first evaluation... */
  PbsReportErrorRecord held_error;  /* ...or the first error record (json) */
  GError           *held_gerror;
  char             *held_file;
  PbsJsonOut        json;
  PbsYamlOut        yaml;
  GPtrArray        *batch;        /* xlsx: PbsScorecard*, owned */
  GError           *flush_error;  /* of a write between rows, told after the evaluation */
  gboolean          selected;     /* the row filter selected a row */
  guint             most_rows;
  PbsRecords        records;      /* the summary (PBS_REPORT_SUMMARY) */
  char             *held_place;   /* the summary: the held evaluation's file... */
  guint             held_document;  /* ...and document number */
  char             *last_file;    /* the place of the last item written... */
  guint             last_document;  /* ...to number the next one's */
};

enum {
  PROP_0,
  PROP_FORMAT,
  PROP_CONTENT,
  PROP_LANGUAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (PbsReport, pbs_report, G_TYPE_OBJECT)

static void
clear_held (PbsReport *self)
{
  g_clear_pointer (&self->held, pbs_scorecard_unref);
  g_clear_error (&self->held_gerror);
  g_clear_pointer (&self->held_file, g_free);
  g_clear_pointer (&self->held_place, g_free);
}

/* Forgets a run's state; the output stream is left as it is. */
static void
stop_writing (PbsReport *self)
{
  if (self->writing && self->format == PBS_FORMAT_YAML && self->content == PBS_REPORT_LINT
      && self->head_done)
    pbs_yaml_out_end (&self->yaml, NULL);
  self->writing = FALSE;
  clear_held (self);
  g_clear_object (&self->stream);
  g_clear_object (&self->cancellable);
  g_clear_error (&self->flush_error);
  if (self->buf != NULL)
    g_string_free (g_steal_pointer (&self->buf), TRUE);
  g_clear_pointer (&self->batch, g_ptr_array_unref);
  pbs_records_clear (&self->records);
  g_clear_pointer (&self->last_file, g_free);
}

static void
pbs_report_finalize (GObject *object)
{
  PbsReport *self = PBS_REPORT (object);

  stop_writing (self);
  g_clear_pointer (&self->scorecards, g_ptr_array_unref);
  g_free (self->name);
  g_free (self->base_dir);
  G_OBJECT_CLASS (pbs_report_parent_class)->finalize (object);
}

static void
pbs_report_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  PbsReport *self = PBS_REPORT (object);

  switch (prop_id)
    {
    case PROP_FORMAT:
      g_value_set_enum (value, self->format);
      break;
    case PROP_CONTENT:
      g_value_set_enum (value, self->content);
      break;
    case PROP_LANGUAGE:
      g_value_set_enum (value, self->language);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pbs_report_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  PbsReport *self = PBS_REPORT (object);

  switch (prop_id)
    {
    case PROP_FORMAT:
      self->format = g_value_get_enum (value);
      break;
    case PROP_CONTENT:
      self->content = g_value_get_enum (value);
      break;
    case PROP_LANGUAGE:
      self->language = g_value_get_enum (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pbs_report_class_init (PbsReportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pbs_report_finalize;
  object_class->get_property = pbs_report_get_property;
  object_class->set_property = pbs_report_set_property;

  /**
   * PbsReport:format:
   *
   * The output format.
   *
   * Since: 0.1
   */
  properties[PROP_FORMAT] =
    g_param_spec_enum ("format", NULL, NULL, PBS_TYPE_FORMAT, PBS_FORMAT_TEXT,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * PbsReport:content:
   *
   * What the report shows.
   *
   * Since: 0.1
   */
  properties[PROP_CONTENT] =
    g_param_spec_enum ("content", NULL, NULL, PBS_TYPE_REPORT_CONTENT, PBS_REPORT_TABLE,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * PbsReport:language:
   *
   * The language of headings, explanations and messages.
   *
   * Since: 0.1
   */
  properties[PROP_LANGUAGE] =
    g_param_spec_enum ("language", NULL, NULL, PBS_TYPE_LANGUAGE, PBS_LANGUAGE_ZH,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pbs_report_init (PbsReport *self)
{
  self->scorecards = g_ptr_array_new_with_free_func ((GDestroyNotify) pbs_scorecard_unref);
  self->row = -1;
}

/**
 * pbs_report_new:
 * @format: the output format
 * @content: what the report shows
 * @language: the language of headings, explanations and messages
 *
 * Creates a report; write it with pbs_report_begin(), pbs_report_write()
 * and pbs_report_end(), or add scorecards with pbs_report_add() and
 * render it with pbs_report_render().
 *
 * Returns: (transfer full): a new #PbsReport
 *
 * Since: 0.1
 */
PbsReport *
pbs_report_new (PbsFormat format, PbsReportContent content, PbsLanguage language)
{
  g_return_val_if_fail (format <= PBS_FORMAT_CSV_SPREADSHEET, NULL);
  g_return_val_if_fail (content <= PBS_REPORT_SUMMARY, NULL);
  g_return_val_if_fail (language <= PBS_LANGUAGE_EN, NULL);

  return g_object_new (PBS_TYPE_REPORT, "format", format, "content", content, "language",
                       language, NULL);
}

/**
 * pbs_report_add:
 * @self: a #PbsReport
 * @scorecard: a scored evaluation
 *
 * Appends @scorecard to the scorecards pbs_report_render() writes (the
 * report keeps a reference). Evaluations are reported in the order they
 * were added.
 *
 * Since: 0.1
 */
void
pbs_report_add (PbsReport *self, PbsScorecard *scorecard)
{
  g_return_if_fail (PBS_IS_REPORT (self));
  g_return_if_fail (scorecard != NULL);

  g_ptr_array_add (self->scorecards, pbs_scorecard_ref (scorecard));
}

/**
 * pbs_report_set_row_filter:
 * @self: a #PbsReport
 * @row: a row number, from 1, or -1 for every row
 * @name: (nullable): an exact indicator name (三级指标), or %NULL
 *
 * Restricts the rows a report lists, as `pbscore explain --row` does: a
 * @row of 0 or more selects the row with that 1-based number, a non-%NULL
 * @name the rows of that exact name; -1 and %NULL list every row. Only
 * row listings are filtered (the table's rows, explanations, the audit's
 * and lint's findings about rows); headers, subtotals and totals stay
 * whole. The YAML format of evaluations writes every row.
 * pbs_report_end() (and so pbs_report_render()) fails with
 * %PBS_REPORT_ERROR_NO_SUCH_ROW when the filter selected no row of any
 * evaluation: written as a stream, the report has been written by then.
 * Set it before pbs_report_begin().
 *
 * Since: 0.1
 */
void
pbs_report_set_row_filter (PbsReport *self, gint row, const char *name)
{
  g_return_if_fail (PBS_IS_REPORT (self));
  g_return_if_fail (!self->writing);

  self->row = row >= 0 ? row : -1;
  g_free (self->name);
  self->name = g_strdup (name);
}

/**
 * pbs_report_set_base_dir:
 * @self: a #PbsReport
 * @base_dir: (nullable) (type filename): the folder the rendered report
 *   will be written in, or %NULL when it has none (standard output)
 *
 * Tells the YAML format where its documents will be: a template or policy
 * a document names by a path is written relative to @base_dir, so the
 * saved documents reload from there; with %NULL (the default) it is
 * written as an absolute path. A shipped template or policy stays a name.
 * Other formats ignore the folder (doc/format.md).
 *
 * Since: 0.1
 */
void
pbs_report_set_base_dir (PbsReport *self, const char *base_dir)
{
  g_return_if_fail (PBS_IS_REPORT (self));

  g_free (self->base_dir);
  self->base_dir = g_strdup (base_dir);
}

/**
 * pbs_report_set_columns:
 * @self: a #PbsReport
 * @columns: the indicator table's columns
 *
 * Chooses the columns of the indicator table in text, Markdown, HTML and
 * xlsx: %PBS_REPORT_COLUMNS_FULL (the default) adds 序号, 状态 and 标记 to
 * the official form's columns, %PBS_REPORT_COLUMNS_OFFICIAL shows only the
 * form's own, as `pbscore report --columns official` does (the xlsx
 * workbook then is the official form alone; its empty form always is).
 * The other formats take the setting and are unchanged by it (CSV, JSON
 * and YAML are data).
 *
 * Since: 0.1
 */
void
pbs_report_set_columns (PbsReport *self, PbsReportColumns columns)
{
  g_return_if_fail (PBS_IS_REPORT (self));
  g_return_if_fail (columns <= PBS_REPORT_COLUMNS_OFFICIAL);

  self->columns = columns;
}

/**
 * pbs_report_get_columns:
 * @self: a #PbsReport
 *
 * Gets the columns set with pbs_report_set_columns().
 *
 * Returns: the indicator table's columns
 *
 * Since: 0.1
 */
PbsReportColumns
pbs_report_get_columns (PbsReport *self)
{
  g_return_val_if_fail (PBS_IS_REPORT (self), PBS_REPORT_COLUMNS_FULL);

  return self->columns;
}

/* Does the filter select a row of @sc? Remembered for pbs_report_end(). */
static void
note_filter (PbsReport *self, PbsScorecard *sc)
{
  guint n = pbs_scorecard_get_n_rows (sc);

  if (self->selected || (self->row < 0 && self->name == NULL))
    return;
  self->most_rows = MAX (self->most_rows, n);
  for (guint r = 0; r < n && !self->selected; r++)
    self->selected = pbs_report_row_selected (&self->in, sc, r);
}

/* The error of a filter that selected nothing. */
static gboolean
check_filter (PbsReport *self, GError **error)
{
  if (self->selected || (self->row < 0 && self->name == NULL))
    return TRUE;
  if (self->name != NULL && self->row >= 0)
    g_set_error (error, PBS_REPORT_ERROR, PBS_REPORT_ERROR_NO_SUCH_ROW, "no row %d named “%s”",
                 self->row, self->name);
  else if (self->name != NULL)
    g_set_error (error, PBS_REPORT_ERROR, PBS_REPORT_ERROR_NO_SUCH_ROW, "no row named “%s”",
                 self->name);
  else
    g_set_error (error, PBS_REPORT_ERROR, PBS_REPORT_ERROR_NO_SUCH_ROW,
                 "no row %d (rows are numbered 1 to %u)", self->row, self->most_rows);
  return FALSE;
}

/* Do the format's first bytes depend on how many evaluations follow?
 * JSON is one bare object for one evaluation and an array for several,
 * and an HTML page takes the title of its only evaluation: the report
 * holds back the first one until a second comes or the report ends. */
static gboolean
head_needs_count (const PbsReport *self)
{
  return self->format == PBS_FORMAT_JSON || self->format == PBS_FORMAT_HTML;
}

/* Writes what the buffer holds to the stream. Text keeps the line breaks
 * it ends with and the byte before them: the next evaluation's blank line
 * and the end's trimming look at them (pbs-report-text.c). */
static gboolean
flush (PbsReport *self, gboolean all, GError **error)
{
  GString *b = self->buf;
  gsize keep = 0;

  if (!all && (self->format == PBS_FORMAT_TEXT || self->format == PBS_FORMAT_MARKDOWN))
    {
      while (keep < b->len && b->str[b->len - 1 - keep] == '\n')
        keep++;
      if (keep < b->len)
        keep++;
    }
  if (b->len - keep > 0
      && !g_output_stream_write_all (self->stream, b->str, b->len - keep, NULL,
                                     self->cancellable, error))
    return FALSE;
  g_string_erase (b, 0, (gssize) (b->len - keep));
  return TRUE;
}

/* Between rows (PbsReportInput.flush): what the buffer holds goes out
 * once it is large. */
static void
flush_between_rows (gpointer data)
{
  PbsReport *self = data;

  if (self->buf->len >= 64 * 1024 && self->flush_error == NULL)
    flush (self, FALSE, &self->flush_error);
}

/* The summary's text table, written at the end, goes out in pieces. */
static gboolean
drain (gpointer data, GError **error)
{
  return flush (data, TRUE, error);
}

static gboolean
write_head (PbsReport *self, gboolean several, PbsScorecard *only, GError **error)
{
  self->head_done = TRUE;
  if (self->content == PBS_REPORT_SUMMARY)
    return pbs_records_begin (&self->records, several, self->buf, error);
  switch (self->format)
    {
    case PBS_FORMAT_CSV:
    case PBS_FORMAT_CSV_SPREADSHEET:
      pbs_report_csv_head (&self->in, self->buf);
      return TRUE;
    case PBS_FORMAT_JSON:
    case PBS_FORMAT_JSONL:
      pbs_report_json_head (&self->json, self->format == PBS_FORMAT_JSONL, several, self->buf);
      return TRUE;
    case PBS_FORMAT_HTML:
      pbs_report_html_head (&self->in, several ? NULL : only, self->buf);
      return TRUE;
    case PBS_FORMAT_YAML:
      return pbs_report_yaml_head (&self->in, &self->yaml, self->buf, error);
    default:
      return TRUE;
    }
}

/* One evaluation in the format, numbered @index from 0, read from
 * document @document of @file (the summary's). */
static gboolean
write_one (PbsReport *self, guint index, PbsScorecard *sc, const char *file, guint document,
           GError **error)
{
  if (self->content == PBS_REPORT_SUMMARY)
    return pbs_report_summary_one (&self->records, sc, file, document, self->buf, error);
  switch (self->format)
    {
    case PBS_FORMAT_TEXT:
    case PBS_FORMAT_MARKDOWN:
      pbs_report_text_one (&self->in, self->format == PBS_FORMAT_MARKDOWN, index, sc, self->buf);
      return TRUE;
    case PBS_FORMAT_CSV:
    case PBS_FORMAT_CSV_SPREADSHEET:
      pbs_report_csv_one (&self->in, sc, self->buf);
      return TRUE;
    case PBS_FORMAT_JSON:
    case PBS_FORMAT_JSONL:
      pbs_report_json_one (&self->json, &self->in, self->format == PBS_FORMAT_JSONL, sc);
      return TRUE;
    case PBS_FORMAT_HTML:
      pbs_report_html_one (&self->in, index, sc, self->buf);
      return TRUE;
    case PBS_FORMAT_XLSX:
      g_ptr_array_add (self->batch, pbs_scorecard_ref (sc));
      return TRUE;
    case PBS_FORMAT_YAML:
    default:
      return pbs_report_yaml_one (&self->in, &self->yaml, sc, self->buf, error);
    }
}

/* An error record in the formats that have them; nothing in the others. */
static gboolean
write_error_record (PbsReport *self, const PbsReportErrorRecord *e, GError **error)
{
  if (self->content == PBS_REPORT_SUMMARY)
    return pbs_records_error (&self->records, e, self->buf, error);
  switch (self->format)
    {
    case PBS_FORMAT_JSON:
    case PBS_FORMAT_JSONL:
      pbs_report_json_error (&self->json, self->format == PBS_FORMAT_JSONL, e);
      return TRUE;
    case PBS_FORMAT_YAML:
      return pbs_report_yaml_error (&self->in, &self->yaml, e, self->buf, error);
    default:
      return TRUE;
    }
}

/* Writes the held-back item, after the head now that the count is known. */
static gboolean
write_held (PbsReport *self, gboolean several, GError **error)
{
  gboolean ok = TRUE;

  if (!write_head (self, several, self->held, error))
    return FALSE;
  if (self->held != NULL)
    ok = write_one (self, 0, self->held, self->held_place, self->held_document, error);
  else if (self->held_gerror != NULL)
    ok = write_error_record (self, &self->held_error, error);
  clear_held (self);
  return ok;
}

/**
 * pbs_report_begin:
 * @self: a #PbsReport
 * @stream: where the report is written
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Starts writing the report to @stream; then give each scorecard to
 * pbs_report_write() and finish with pbs_report_end(). The output is
 * written as it is produced, in pieces of one evaluation: what has been
 * written at any time is the start of the whole report. JSON and HTML
 * hold back the first evaluation until a second comes or the report ends,
 * since one evaluation is a bare JSON object (several, an array) and
 * titles its HTML page; xlsx writes the whole workbook at the end. Fails
 * with %PBS_REPORT_ERROR_UNSUPPORTED for the empty form in a format
 * other than xlsx.
 *
 * Returns: %TRUE when the report was started
 *
 * Since: 0.1
 */
gboolean
pbs_report_begin (PbsReport *self, GOutputStream *stream, GCancellable *cancellable,
                  GError **error)
{
  g_return_val_if_fail (PBS_IS_REPORT (self), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (!self->writing, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->content == PBS_REPORT_FORM && self->format != PBS_FORMAT_XLSX)
    {
      g_set_error (error, PBS_REPORT_ERROR, PBS_REPORT_ERROR_UNSUPPORTED,
                   "the empty form is written as xlsx only");
      return FALSE;
    }
  self->writing = TRUE;
  self->stream = g_object_ref (stream);
  self->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  self->buf = g_string_new (NULL);
  self->n_items = 0;
  self->n_scored = 0;
  self->head_done = FALSE;
  self->selected = FALSE;
  self->most_rows = 0;
  self->last_document = 0;
  if (self->format == PBS_FORMAT_XLSX)
    self->batch = g_ptr_array_new_with_free_func ((GDestroyNotify) pbs_scorecard_unref);
  self->in.content = self->content;
  self->in.language = self->language;
  self->in.scorecards = self->batch;
  self->in.row = self->row;
  self->in.name = self->name;
  self->in.spreadsheet = self->format == PBS_FORMAT_CSV_SPREADSHEET;
  self->in.base_dir = self->base_dir;
  self->in.columns = self->columns;
  self->in.flush = flush_between_rows;
  self->in.flush_data = self;
  if (self->content == PBS_REPORT_SUMMARY)
    pbs_report_summary_init (&self->records, self->format, self->language);
  if (!head_needs_count (self) && !write_head (self, TRUE, NULL, error))
    {
      stop_writing (self);
      return FALSE;
    }
  return TRUE;
}

/* After an item: the head and the held-back one once a second item
 * comes, then the buffer to the stream. */
static gboolean
item_written (PbsReport *self, gboolean ok, GError **error)
{
  if (ok && self->flush_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&self->flush_error));
      ok = FALSE;
    }
  if (ok)
    ok = flush (self, FALSE, error);
  if (!ok)
    stop_writing (self);
  return ok;
}

/* The place of the next item: @file and @document as given, or the
 * evaluation's source and the next number after the last item's. */
static void
note_place (PbsReport *self, const char *file, guint document)
{
  if (document == 0)
    document = g_strcmp0 (file, self->last_file) == 0 ? self->last_document + 1 : 1;
  if (g_strcmp0 (file, self->last_file) != 0)
    {
      g_free (self->last_file);
      self->last_file = g_strdup (file);
    }
  self->last_document = document;
}

/**
 * pbs_report_write:
 * @self: a #PbsReport between pbs_report_begin() and pbs_report_end()
 * @scorecard: a scored evaluation
 * @error: return location for a #GError
 *
 * Writes @scorecard, after the evaluations written before it (with its
 * audit, lint findings or narrative when the report's content asks for
 * them). The report keeps no reference to it once written, except to the
 * first one of a JSON or HTML report until the second comes, and to each
 * of an xlsx workbook (at most its limit of evaluations). The summary
 * (%PBS_REPORT_SUMMARY) names the file the evaluation was read from and
 * numbers the evaluations of one file from 1, in the order written;
 * pbs_report_write_document() gives them.
 *
 * Returns: %TRUE when written; on an error the report has stopped
 *
 * Since: 0.1
 */
gboolean
pbs_report_write (PbsReport *self, PbsScorecard *scorecard, GError **error)
{
  g_return_val_if_fail (scorecard != NULL, FALSE);

  return pbs_report_write_document (self, scorecard,
                                    pbs_evaluation_get_source (
                                      pbs_scorecard_get_evaluation (scorecard)),
                                    0, error);
}

/**
 * pbs_report_write_document:
 * @self: a #PbsReport between pbs_report_begin() and pbs_report_end()
 * @scorecard: a scored evaluation
 * @file: (nullable): the input's name, as messages give it
 * @document: the document's number in @file, from 1; 0 for the next after
 *   the last one written of @file
 * @error: return location for a #GError
 *
 * pbs_report_write() with the place the evaluation was read from, which
 * the summary (%PBS_REPORT_SUMMARY) shows as `file` and `document`, as
 * pbs_report_write_error() gives them to an error record.
 *
 * Returns: %TRUE when written; on an error the report has stopped
 *
 * Since: 0.1
 */
gboolean
pbs_report_write_document (PbsReport *self, PbsScorecard *scorecard, const char *file,
                           guint document, GError **error)
{
  gboolean ok = TRUE;

  g_return_val_if_fail (PBS_IS_REPORT (self), FALSE);
  g_return_val_if_fail (scorecard != NULL, FALSE);
  g_return_val_if_fail (self->writing, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  note_place (self, file, document);
  note_filter (self, scorecard);
  if (self->format == PBS_FORMAT_XLSX && self->batch->len >= PBS_REPORT_XLSX_MAX_EVALUATIONS)
    {
      /* the workbook is written at the end: its batch stays bounded */
      g_set_error (error, PBS_REPORT_ERROR, PBS_REPORT_ERROR_UNSUPPORTED,
                   "more evaluations than the %u one workbook holds: "
                   "write a summary (--summary) or split them", PBS_REPORT_XLSX_MAX_EVALUATIONS);
      stop_writing (self);
      return FALSE;
    }
  if (!self->head_done && self->n_items == 0)
    {
      self->held = pbs_scorecard_ref (scorecard);
      self->held_place = g_strdup (self->last_file);
      self->held_document = self->last_document;
      self->n_items++;
      self->n_scored++;
      return TRUE;
    }
  if (!self->head_done)
    ok = write_held (self, TRUE, error);
  if (ok)
    ok = write_one (self, self->n_scored, scorecard, self->last_file, self->last_document, error);
  self->n_items++;
  self->n_scored++;
  return item_written (self, ok, error);
}

/* "FILE:LINE:COLUMN: …": the place an input error names, or 0. */
static void
error_place (const char *file, const GError *e, guint *line, guint *column)
{
  const char *p = e->message;
  guint64 l, c;
  char *end;

  *line = *column = 0;
  if (file == NULL || !g_str_has_prefix (p, file) || p[strlen (file)] != ':')
    return;
  p += strlen (file) + 1;
  l = g_ascii_strtoull (p, &end, 10);
  if (end == p || *end != ':')
    return;
  p = end + 1;
  c = g_ascii_strtoull (p, &end, 10);
  if (end == p || *end != ':' || l == 0 || c == 0 || l > G_MAXUINT || c > G_MAXUINT)
    return;
  *line = (guint) l;
  *column = (guint) c;
}

/**
 * pbs_report_write_error:
 * @self: a #PbsReport between pbs_report_begin() and pbs_report_end()
 * @file: the input's name, as messages give it
 * @document: the document's number in @file, from 1
 * @input_error: why the document could not be read or scored
 * @error: return location for a #GError
 *
 * Writes an input error in the place of the evaluation it stands for, as
 * `pbscore --keep-going` does (doc/report.md): in JSON and JSON Lines an
 * object `{"file", "document", "error": {"domain", "code", "message",
 * "line", "column"}}`, in YAML a document of the same keys; line and
 * column are those the message starts with after @file, or null. The
 * other formats write nothing for it.
 *
 * Returns: %TRUE when written; on an error the report has stopped
 *
 * Since: 0.1
 */
gboolean
pbs_report_write_error (PbsReport *self, const char *file, guint document,
                        const GError *input_error, GError **error)
{
  PbsReportErrorRecord e;
  gboolean ok = TRUE;

  g_return_val_if_fail (PBS_IS_REPORT (self), FALSE);
  g_return_val_if_fail (file != NULL, FALSE);
  g_return_val_if_fail (input_error != NULL, FALSE);
  g_return_val_if_fail (self->writing, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  note_place (self, file, document);
  if (self->format != PBS_FORMAT_JSON && self->format != PBS_FORMAT_JSONL
      && self->format != PBS_FORMAT_YAML)
    return TRUE;
  e.file = file;
  e.document = document;
  e.error = input_error;
  error_place (file, input_error, &e.line, &e.column);
  if (!self->head_done && self->n_items == 0)
    {
      self->held_file = g_strdup (file);
      self->held_gerror = g_error_copy (input_error);
      self->held_error = e;
      self->held_error.file = self->held_file;
      self->held_error.error = self->held_gerror;
      self->n_items++;
      return TRUE;
    }
  if (!self->head_done)
    ok = write_held (self, TRUE, error);
  if (ok)
    ok = write_error_record (self, &e, error);
  self->n_items++;
  return item_written (self, ok, error);
}

/**
 * pbs_report_end:
 * @self: a #PbsReport between pbs_report_begin() and pbs_report_end()
 * @error: return location for a #GError
 *
 * Finishes the report: what was held back, the format's ending, the xlsx
 * workbook. The stream is flushed, not closed. Fails with
 * %PBS_REPORT_ERROR_NO_SUCH_ROW when the row filter selected no row of any
 * evaluation (after writing the report: the check needs every
 * evaluation).
 *
 * Returns: %TRUE when the report is complete
 *
 * Since: 0.1
 */
gboolean
pbs_report_end (PbsReport *self, GError **error)
{
  gboolean ok = TRUE;

  g_return_val_if_fail (PBS_IS_REPORT (self), FALSE);
  g_return_val_if_fail (self->writing, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!self->head_done)
    ok = write_held (self, self->n_items != 1, error);
  if (ok && self->content == PBS_REPORT_SUMMARY)
    ok = pbs_records_end (&self->records, self->n_items != 1, self->buf, drain, self, error);
  else if (ok)
    switch (self->format)
      {
      case PBS_FORMAT_TEXT:
      case PBS_FORMAT_MARKDOWN:
        pbs_report_text_end (self->buf);
        break;
      case PBS_FORMAT_JSON:
      case PBS_FORMAT_JSONL:
        pbs_report_json_tail (&self->json, self->format == PBS_FORMAT_JSONL, self->n_items != 1);
        break;
      case PBS_FORMAT_HTML:
        pbs_report_html_tail (self->buf);
        break;
      case PBS_FORMAT_XLSX:
        ok = pbs_report_write_xlsx (&self->in, self->buf, error);
        break;
      case PBS_FORMAT_YAML:
        self->head_done = FALSE;   /* the emitter ends here, not in stop_writing() */
        ok = pbs_report_yaml_tail (&self->in, &self->yaml, error);
        break;
      default:
        break;
      }
  if (ok && self->flush_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&self->flush_error));
      ok = FALSE;
    }
  if (ok)
    ok = flush (self, TRUE, error)
         && g_output_stream_flush (self->stream, self->cancellable, error);
  if (ok)
    ok = check_filter (self, error);
  stop_writing (self);
  return ok;
}

/**
 * pbs_report_render:
 * @self: a #PbsReport
 * @length: (out) (optional): the length of the text in bytes
 * @error: return location for a #GError
 *
 * Renders the scorecards given with pbs_report_add(): the whole output,
 * in UTF-8, written by pbs_report_begin(), pbs_report_write() and
 * pbs_report_end() to memory. Fails with %PBS_REPORT_ERROR_NO_SUCH_ROW when
 * a row filter selects no row, and with %PBS_REPORT_ERROR_FAILED when the
 * JSON writer fails (the YAML writer's errors are #PBS_DOCUMENT_ERROR).
 *
 * Returns: (transfer full) (nullable): the text, or %NULL on error
 *
 * Since: 0.1
 */
char *
pbs_report_render (PbsReport *self, gsize *length, GError **error)
{
  g_autoptr (GOutputStream) mem = NULL;

  g_return_val_if_fail (PBS_IS_REPORT (self), NULL);
  g_return_val_if_fail (!self->writing, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  mem = g_memory_output_stream_new_resizable ();
  if (!pbs_report_begin (self, mem, NULL, error))
    return NULL;
  for (guint i = 0; i < self->scorecards->len; i++)
    if (!pbs_report_write (self, g_ptr_array_index (self->scorecards, i), error))
      return NULL;
  if (!pbs_report_end (self, error))
    return NULL;
  return pbs_report_steal_text (mem, length, error);
}
