/* pbscore.c - the pbscore command: score, check, explain and report
 * self-evaluation tables (预算绩效自评表)
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A thin shell over the public API of libpbscore: every score, check and
 * report comes from the library; this file only parses the command line,
 * reads the inputs and writes the outputs. doc/cli.md and pbscore(1) are
 * the user's reference; the commands, options and exit codes there are a
 * contract (issue 5): extend them, never rename them.
 *
 * Exit status: 0 done, 1 findings (audit, lint), 2 usage or input error.
 */
#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pbs-output.h"

#include <gio/gunixinputstream.h>
#include <glib/gstdio.h>
#include <pbscore/pbscore.h>

enum {
  EXIT_DONE = 0,
  EXIT_FINDINGS = 1,
  EXIT_USAGE = 2,
};

/* Which options a command takes. */
enum {
  OPT_POLICY    = 1 << 0,
  OPT_TEMPLATE  = 1 << 1,
  OPT_FORMAT    = 1 << 2,
  OPT_LANG      = 1 << 3,
  OPT_OUTPUT    = 1 << 4,
  OPT_ROW       = 1 << 5,
  OPT_NARRATIVE = 1 << 6,
  OPT_COLUMNS   = 1 << 7,
  OPT_BATCH     = 1 << 8,   /* --keep-going, --quiet, --threads */
  OPT_SUMMARY   = 1 << 9,   /* score --summary */
  OPT_BY        = 1 << 10,  /* summary --by */
  OPT_TITLE     = 1 << 11,  /* rollup --title */
  OPT_QUIET     = 1 << 12,  /* --quiet and --threads alone (rollup) */
};

typedef struct {
  /* as given */
  char *policy_arg;
  char *template_arg;
  char *format_arg;
  char *lang_arg;
  char *output;
  char *row;
  gboolean narrative;
  gboolean spreadsheet;
  gboolean keep_going;    /* --keep-going: report each invalid document, go on */
  gboolean quiet;         /* --quiet: no progress line */
  char *threads_arg;      /* --threads: 1 or 2 */
  char *encoding;         /* --encoding: NULL (UTF-8) or "gbk" */
  char *columns_arg;      /* --columns: official or full */
  gboolean summary;       /* score --summary: one row per evaluation */
  char **by;              /* summary --by, in order */
  char *title;            /* rollup --title */
  gboolean help;
  gboolean version;
  char **args;
  /* resolved */
  PbsPolicy *policy;      /* NULL: each document's own */
  PbsTemplate *template_; /* NULL: each document's own */
  PbsFormat format;
  PbsLanguage language;
  PbsReportColumns columns;
  gboolean parse_ahead;   /* YAML parsed on a second thread */
  guint options;          /* the OPT_ flags of the command */
} Options;

static void
options_clear (Options *o)
{
  g_free (o->policy_arg);
  g_free (o->template_arg);
  g_free (o->format_arg);
  g_free (o->lang_arg);
  g_free (o->output);
  g_free (o->row);
  g_free (o->encoding);
  g_free (o->columns_arg);
  g_free (o->threads_arg);
  g_strfreev (o->by);
  g_free (o->title);
  g_strfreev (o->args);
  g_clear_pointer (&o->policy, pbs_policy_unref);
  g_clear_pointer (&o->template_, pbs_template_unref);
}

typedef struct _Command Command;
struct _Command {
  const char *name;
  const char *params;
  const char *brief;    /* one line for `pbscore --help` */
  const char *summary;  /* the paragraph of `pbscore COMMAND --help` */
  guint options;
  int (*run) (const Command *self, Options *o);
};

static const Command *find_command (const char *name);
static void print_commands (FILE *to);

/* ---------------------------------------------------------------- output */

/* Messages and reports are UTF-8 whatever the locale: written with stdio,
 * not g_print, which would transliterate Chinese in a C locale. */
static int
fail (const GError *error)
{
  fprintf (stderr, "pbscore: %s\n", error->message);
  return EXIT_USAGE;
}

static int
fail_usage (const char *command, const char *params, const char *message)
{
  if (message != NULL)
    fprintf (stderr, "pbscore: %s\n", message);
  if (command != NULL)
    fprintf (stderr, "Usage: pbscore %s [OPTION…] %s\nTry 'pbscore %s --help'.\n",
             command, params, command);
  else
    fprintf (stderr, "Usage: pbscore COMMAND [OPTION…] [ARG…]\nTry 'pbscore --help'.\n");
  return EXIT_USAGE;
}

/* Writes the whole output at once (tools/pbs-output.c, doc/cli.md): a
 * failure never leaves a partial file. Nothing is written before every
 * input has been read and scored. */
static int
emit (const Options *o, const char *data, gsize length)
{
  g_autoptr (GError) error = NULL;

  if (!pbs_output_write (o->output, data, length, &error))
    return fail (error);
  return EXIT_DONE;
}

static int
emit_string (const Options *o, GString *s)
{
  return emit (o, s->str, s->len);
}

/* Pads @text with spaces to @width display columns (CJK count two). */
static void
append_cell (GString *s, const char *text, guint width)
{
  guint w = pbs_text_display_width (text);

  g_string_append (s, text);
  for (; w < width; w++)
    g_string_append_c (s, ' ');
}

static const char *
enum_nick (GType type, gint value)
{
  g_autoptr (GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *v = g_enum_get_value (klass, value);

  return v != NULL ? v->value_nick : "";
}

/* ---------------------------------------------------------------- inputs */

static gboolean
is_stdin (const char *path)
{
  return strcmp (path, "-") == 0;
}

static const char *
input_name (const char *path)
{
  return is_stdin (path) ? "<stdin>" : path;
}

/* Standard input is read as a stream, document by document, as a file
 * is: `-` can be read once. */
static PbsReader *
open_input_as_is (const char *path, GError **error)
{
  static gboolean stdin_read;
  g_autoptr (GInputStream) in = NULL;

  if (!is_stdin (path))
    return pbs_reader_new_for_path (path, error);
  if (stdin_read)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   "<stdin>: standard input is read once; name - only once");
      return NULL;
    }
  stdin_read = TRUE;
  in = g_unix_input_stream_new (0, FALSE);
  return pbs_reader_new_for_stream (in, "<stdin>");
}

/* --template also gives the points of a table without 分值 (doc/import.md). */
static PbsReader *
open_input (const Options *o, const char *path, GError **error)
{
  PbsReader *reader = open_input_as_is (path, error);

  if (reader != NULL && o->template_ != NULL)
    pbs_reader_set_template (reader, o->template_);
  if (reader != NULL)
    pbs_reader_set_parse_ahead (reader, o->parse_ahead);
  return reader;
}

/* Scores an evaluation with the options' policy and template. The
 * library's errors name file, line, column and row themselves. */
static PbsScorecard *
score_document (const Options *o, PbsDocument *doc, GError **error)
{
  PbsEvaluation *e = pbs_document_get_evaluation (doc);

  if (o->template_ != NULL)
    {
      /* --template: every row's categories must fit it; lint then takes
       * its list of generic indicators */
      if (!pbs_evaluation_check_template (e, o->template_, error))
        return NULL;
      pbs_evaluation_set_template (e, o->template_);
    }
  return pbs_evaluation_score (e, o->policy, error);
}

/* An input without a single document: an empty file, or only comments. */
static void
set_no_document_error (GError **error, const char *path)
{
  g_set_error (error, PBS_DOCUMENT_ERROR, PBS_DOCUMENT_ERROR_MISSING_FIELD,
               "%s:1:1: the input holds no document", input_name (path));
}

static const char *
kind_name (PbsDocumentKind kind)
{
  return enum_nick (PBS_TYPE_DOCUMENT_KIND, kind);
}

/* ---------------------------------------------------------------- batches */

/* A run over every document of every input, one document at a time:
 * read, score, write, free (doc/cli.md, "Batches"). The output is written
 * as it is produced; an input error stops the run, or with --keep-going
 * is reported in its place and the run goes on. */
typedef struct _Batch Batch;
struct _Batch {
  const Options *o;
  const char    *command;
  gboolean       evaluations_only;
  /* Called for every document; FALSE with @error set for an input error,
   * FALSE with output_error set when the output failed. */
  gboolean     (*document) (Batch *b, const char *path, PbsDocument *doc, GError **error);
  /* Called after a file read without an error, with its documents. */
  void         (*file_done) (Batch *b, const char *path, guint n);
  guint        (*count) (PbsScorecard *sc);   /* audit, lint: the findings */
  PbsOutput     *output;
  GOutputStream *stream;
  PbsReport     *report;       /* nullable */
  GError        *output_error;
  GString       *text;         /* validate, import, score's text: what is written */
  struct _Summary *summary;    /* score's text */
  guint          document_n;   /* the document's number in its file, from 1 */
  PbsSummary    *groups;       /* summary: the groups */
  PbsRollup     *rollup;       /* rollup: the scorecards */
  guint          failed;       /* documents with an input error (--keep-going) */
  guint          written;      /* evaluations given to the report */
  guint          findings;
  /* progress on a terminal */
  gboolean       progress;
  gboolean       progress_shown;
  gint64         started;
  gint64         shown_at;
  guint64        documents;
  guint64        rows;
};

/* Progress: one line on a terminal, rewritten at most 4 times a second. */
#define PROGRESS_INTERVAL (G_USEC_PER_SEC / 4)

static void
progress_clear (Batch *b)
{
  if (!b->progress_shown)
    return;
  fputs ("\r\033[K", stderr);
  fflush (stderr);
  b->progress_shown = FALSE;
}

static void
progress_update (Batch *b, const char *path)
{
  gint64 now;
  double seconds;
  g_autofree char *name = NULL;

  if (!b->progress)
    return;
  now = g_get_monotonic_time ();
  if (now - b->shown_at < PROGRESS_INTERVAL)
    return;
  b->shown_at = now;
  seconds = (double) (now - b->started) / G_USEC_PER_SEC;
  name = pbs_text_one_line (input_name (path));
  if (g_utf8_strlen (name, -1) > 40)
    {
      g_autofree char *tail = g_strdup (g_utf8_offset_to_pointer (name, g_utf8_strlen (name, -1) - 39));

      g_free (name);
      name = g_strconcat ("…", tail, NULL);
    }
  fprintf (stderr, "\r\033[K%" G_GUINT64_FORMAT " documents, %" G_GUINT64_FORMAT " rows, "
           "%.0f rows/s  %s", b->documents, b->rows, seconds > 0 ? (double) b->rows / seconds : 0.0,
           name);
  fflush (stderr);
  b->progress_shown = TRUE;
}

static void
batch_init (Batch *b, const Options *o, const char *command)
{
  memset (b, 0, sizeof *b);
  b->o = o;
  b->command = command;
  b->evaluations_only = TRUE;
  b->progress = !o->quiet && isatty (2);
  b->started = b->shown_at = g_get_monotonic_time ();
}

static void
batch_clear (Batch *b)
{
  progress_clear (b);
  g_clear_object (&b->report);
  g_clear_object (&b->stream);
  g_clear_pointer (&b->output, pbs_output_abort);
  g_clear_error (&b->output_error);
  g_clear_object (&b->groups);
  g_clear_object (&b->rollup);
  if (b->text != NULL)
    g_string_free (g_steal_pointer (&b->text), TRUE);
}

/* An input error at document @document of @path. With --keep-going it is
 * told on stderr and, in json, jsonl and yaml, written in its place; the
 * run goes on (TRUE). Otherwise it stops the run (FALSE, @error kept). */
static gboolean
input_failed (Batch *b, const char *path, guint document, GError **error)
{
  if (!b->o->keep_going)
    return FALSE;
  progress_clear (b);
  fprintf (stderr, "pbscore: %s\n", (*error)->message);
  b->failed++;
  if (b->report != NULL
      && !pbs_report_write_error (b->report, input_name (path), document, *error, &b->output_error))
    return FALSE;
  g_clear_error (error);
  return TRUE;
}

/* Reads every document of every input, in order, and gives each to
 * b->document. FALSE when the run stops: @error is the input error, or
 * b->output_error is set. */
static gboolean
batch_run (Batch *b, GError **error)
{
  for (char **a = b->o->args; *a != NULL; a++)
    {
      g_autoptr (PbsReader) reader = open_input (b->o, *a, error);
      PbsDocument *doc;
      guint n = 0;
      gboolean clean = TRUE;

      if (reader == NULL)
        {
          if (!input_failed (b, *a, 1, error))
            return FALSE;
          continue;
        }
      for (;;)
        {
          g_autoptr (PbsDocument) d = NULL;
          gboolean ok;

          doc = pbs_reader_next (reader, error);
          if (doc == NULL && *error == NULL)
            break;
          n++;
          if (doc == NULL)
            {
              clean = FALSE;
              if (!input_failed (b, *a, n, error))
                return FALSE;
              continue;
            }
          d = doc;
          b->document_n = n;
          progress_update (b, *a);
          if (b->evaluations_only && pbs_document_get_kind (d) != PBS_DOCUMENT_EVALUATION)
            {
              g_set_error (error, PBS_DOCUMENT_ERROR, PBS_DOCUMENT_ERROR_VERSION,
                           "%s:%u:1: expected an evaluation, found a %s document "
                           "(pbscore %s reads evaluations only)",
                           input_name (*a), pbs_document_get_line (d),
                           kind_name (pbs_document_get_kind (d)), b->command);
              ok = FALSE;
            }
          else
            ok = b->document (b, *a, d, error);
          if (b->output_error != NULL)
            return FALSE;
          if (!ok)
            {
              clean = FALSE;
              if (!input_failed (b, *a, n, error))
                return FALSE;
            }
          b->documents++;
          if (pbs_document_get_evaluation (d) != NULL)
            b->rows += pbs_evaluation_get_n_indicators (pbs_document_get_evaluation (d));
        }
      if (n == 0)
        {
          set_no_document_error (error, *a);
          if (!input_failed (b, *a, 1, error))
            return FALSE;
          continue;
        }
      if (clean && b->file_done != NULL)
        b->file_done (b, *a, n);
      if (b->output_error != NULL)
        return FALSE;
    }
  return TRUE;
}

/* Opens the output; with a report of @content, starts it. */
static gboolean
batch_open (Batch *b, gboolean with_report, PbsReportContent content, GError **error)
{
  const Options *o = b->o;
  gboolean gbk = o->encoding != NULL && g_ascii_strcasecmp (o->encoding, "gbk") == 0;

  b->output = pbs_output_open (o->output, error);
  if (b->output == NULL)
    return FALSE;
  /* GB18030 holds every character GBK has and all the others, so nothing
   * is lost; the UTF-8 byte-order mark is left out. */
  b->stream = pbs_output_stream_new (b->output, gbk);
  if (!with_report)
    return TRUE;
  b->report = pbs_report_new (o->format, content, o->language);
  {
    /* YAML names template and policy files from where it is written */
    g_autofree char *folder = pbs_output_dup_folder (o->output);

    pbs_report_set_base_dir (b->report, folder);
  }
  pbs_report_set_columns (b->report, o->columns);
  /* --row: a number from 1, or an exact 三级指标 name; the report fails
   * when it selects no row. */
  if (content == PBS_REPORT_EXPLAIN && o->row != NULL)
    {
      const char *p = o->row;

      while (g_ascii_isdigit (*p))
        p++;
      if (*p == '\0' && p != o->row && p - o->row < 10)
        pbs_report_set_row_filter (b->report, atoi (o->row), NULL);
      else
        pbs_report_set_row_filter (b->report, -1, o->row);
    }
  return pbs_report_begin (b->report, b->stream, NULL, error);
}

/* Writes b->text when it holds something, and empties it. */
static gboolean
batch_write_text (Batch *b)
{
  if (b->text == NULL || b->text->len == 0 || b->output_error != NULL)
    return b->output_error == NULL;
  if (!g_output_stream_write_all (b->stream, b->text->str, b->text->len, NULL, NULL,
                                  &b->output_error))
    return FALSE;
  g_string_truncate (b->text, 0);
  return TRUE;
}

/* The end of a run: the report finished and the output committed, or on
 * an input error without --keep-going, what was written kept on standard
 * output (the report completed when it holds an evaluation, so that it
 * covers the documents before the error; nothing at all when the first
 * one failed) and a file left untouched. Exit 2 on any input error, else
 * 1 when b->count found something, else 0. */
static int
batch_finish (Batch *b, gboolean ran, GError *input_error)
{
  g_autoptr (GError) error = NULL;
  gboolean streaming = b->output != NULL && pbs_output_is_streaming (b->output);
  int status = EXIT_DONE;

  progress_clear (b);
  if (b->output_error != NULL)
    {
      int st = fail (b->output_error);

      batch_clear (b);
      return st;
    }
  if (!ran && (!streaming || (b->report != NULL && b->written == 0)))
    {
      int st = fail (input_error);

      batch_clear (b);
      return st;
    }
  if (b->report != NULL && !pbs_report_end (b->report, &error))
    {
      /* the row filter selected nothing: an input error; the output is
       * kept like an input error's */
      if (ran && !streaming)
        {
          int st = fail (error);

          batch_clear (b);
          return st;
        }
      if (ran)
        status = fail (error);
    }
  g_clear_error (&error);
  if (!batch_write_text (b) || !g_output_stream_flush (b->stream, NULL, &b->output_error)
      || !pbs_output_commit (g_steal_pointer (&b->output), &b->output_error))
    {
      int st = fail (b->output_error);

      batch_clear (b);
      return st;
    }
  if (!ran)
    status = fail (input_error);
  else if (b->failed > 0)
    status = EXIT_USAGE;
  else if (status == EXIT_DONE && b->findings > 0)
    status = EXIT_FINDINGS;
  batch_clear (b);
  return status;
}

/* Runs @b with a report of @content (or none), start to end. */
static int
batch_main (Batch *b, gboolean with_report, PbsReportContent content)
{
  g_autoptr (GError) error = NULL;
  gboolean ran;

  if (!batch_open (b, with_report, content, &error))
    {
      batch_clear (b);
      return fail (error);
    }
  ran = batch_run (b, &error);
  return batch_finish (b, ran || b->output_error != NULL, error);
}

/* Scores a document and writes it to the report. */
static gboolean
report_one (Batch *b, const char *path, PbsDocument *doc, GError **error)
{
  g_autoptr (PbsScorecard) sc = score_document (b->o, doc, error);

  if (sc == NULL)
    return FALSE;
  if (b->count != NULL)
    b->findings += b->count (sc);
  b->written++;
  /* the summary names the file and the document's number */
  return pbs_report_write_document (b->report, sc, input_name (path), b->document_n,
                                    &b->output_error);
}

static int
report_command (const Command *self, Options *o, PbsReportContent content,
                guint (*count) (PbsScorecard *sc))
{
  Batch b;

  batch_init (&b, o, self->name);
  b.document = report_one;
  b.count = count;
  return batch_main (&b, TRUE, content);
}

/* ---------------------------------------------------------------- score */

/* The text form of `score` is one line per evaluation, its columns as
 * wide as their widest cell: the lines wait in a temporary file (cells
 * separated by NUL, one line each) while the widths grow, and are written
 * aligned at the end, so that memory stays flat for a batch of any size.
 * The other formats are the library's scored table. */
#define SUMMARY_COLUMNS 6

typedef struct _Summary {
  FILE  *spool;
  guint  width[SUMMARY_COLUMNS];
  guint  lines;
} Summary;

static void
summary_add (Summary *s, char **cells)
{
  for (guint c = 0; c < SUMMARY_COLUMNS; c++)
    {
      s->width[c] = MAX (s->width[c], pbs_text_display_width (cells[c]));
      fputs (cells[c], s->spool);
      fputc (c + 1 < SUMMARY_COLUMNS ? '\0' : '\n', s->spool);
    }
  s->lines++;
}

static void
summary_head (const Options *o, Summary *s)
{
  gboolean en = o->language == PBS_LANGUAGE_EN;
  const char *head[] = {
    en ? "File" : "文件", en ? "Title" : "项目名称", en ? "Total" : "总分",
    en ? "Of" : "满分", en ? "Grade" : "等级", en ? "Complete" : "完整",
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (head) == SUMMARY_COLUMNS);
  summary_add (s, (char **) head);
}

static gboolean
summary_one (Batch *b, const char *path, PbsDocument *doc, GError **error)
{
  gboolean en = b->o->language == PBS_LANGUAGE_EN;
  g_autoptr (PbsScorecard) sc = score_document (b->o, doc, error);
  g_autofree char *file = NULL, *title = NULL, *total = NULL, *points = NULL;
  char *cells[SUMMARY_COLUMNS];
  PbsGrade grade;
  PbsDecimal d;

  if (sc == NULL)
    return FALSE;
  grade = pbs_scorecard_get_grade (sc);
  file = pbs_text_one_line (input_name (path));
  title = pbs_text_one_line (pbs_evaluation_get_title (pbs_scorecard_get_evaluation (sc)));
  pbs_scorecard_get_total (sc, &d);
  total = pbs_decimal_to_string (&d);
  pbs_scorecard_get_total_points (sc, &d);
  points = pbs_decimal_to_string (&d);
  cells[0] = file;
  cells[1] = title;
  cells[2] = total;
  cells[3] = points;
  if (grade == PBS_GRADE_NONE)
    cells[4] = (char *) "—";
  else
    cells[4] = (char *) (en ? enum_nick (PBS_TYPE_GRADE, grade) : pbs_grade_get_label (grade));
  cells[5] = (char *) (pbs_scorecard_is_complete (sc) ? (en ? "yes" : "是") : (en ? "no" : "否"));
  summary_add (b->summary, cells);
  return TRUE;
}

/* The spooled lines, aligned, to the batch's output. */
static gboolean
summary_write (Batch *b)
{
  Summary *s = b->summary;
  g_autofree char *line = NULL;
  size_t size = 0;
  ssize_t n;

  if (fflush (s->spool) != 0 || fseek (s->spool, 0, SEEK_SET) != 0)
    {
      g_set_error (&b->output_error, G_FILE_ERROR, g_file_error_from_errno (errno),
                   "cannot keep the summary in a temporary file: %s", g_strerror (errno));
      return FALSE;
    }
  while ((n = getline (&line, &size, s->spool)) > 0)
    {
      const char *cell = line;

      for (guint c = 0; c < SUMMARY_COLUMNS; c++)
        {
          if (c + 1 < SUMMARY_COLUMNS)
            {
              append_cell (b->text, cell, s->width[c]);
              g_string_append (b->text, "  ");
              cell += strlen (cell) + 1;
            }
          else
            g_string_append (b->text, cell);   /* with its line break */
        }
      if (b->text->len >= 65536 && !batch_write_text (b))
        return FALSE;
    }
  return batch_write_text (b);
}

static int
cmd_score (const Command *self, Options *o)
{
  g_autoptr (GError) error = NULL;
  Summary summary = { 0 };
  Batch b;
  gboolean ran;
  int status;

  if (o->summary)
    return report_command (self, o, PBS_REPORT_SUMMARY, NULL);
  if (o->format != PBS_FORMAT_TEXT)
    return report_command (self, o, PBS_REPORT_TABLE, NULL);
  summary.spool = tmpfile ();
  if (summary.spool == NULL)
    {
      fprintf (stderr, "pbscore: cannot create a temporary file: %s\n", g_strerror (errno));
      return EXIT_USAGE;
    }
  batch_init (&b, o, self->name);
  b.document = summary_one;
  b.summary = &summary;
  b.text = g_string_new (NULL);
  summary_head (o, &summary);
  if (!batch_open (&b, FALSE, PBS_REPORT_TABLE, &error))
    {
      fclose (summary.spool);
      batch_clear (&b);
      return fail (error);
    }
  ran = batch_run (&b, &error);
  if (ran || (pbs_output_is_streaming (b.output) && summary.lines > 1))
    summary_write (&b);
  status = batch_finish (&b, ran || b.output_error != NULL, error);
  fclose (summary.spool);
  return status;
}

/* ---------------------------------------------------------------- summary */

/* Counts a scored evaluation in its group (PbsSummary). */
static gboolean
group_one (Batch *b, const char *path, PbsDocument *doc, GError **error)
{
  g_autoptr (PbsScorecard) sc = score_document (b->o, doc, error);

  (void) path;
  return sc != NULL && pbs_summary_add (b->groups, sc, error);
}

/* The groups are written once every document is read: on an input error
 * (without --keep-going) nothing is written. */
static int
cmd_summary (const Command *self, Options *o)
{
  g_autoptr (GEnumClass) keys = g_type_class_ref (PBS_TYPE_SUMMARY_KEY);
  g_autoptr (GError) error = NULL;
  Batch b;

  batch_init (&b, o, self->name);
  b.document = group_one;
  b.groups = pbs_summary_new ();
  for (char **by = o->by; by != NULL && *by != NULL; by++)
    {
      GEnumValue *v = g_enum_get_value_by_nick (keys, *by);

      if (v == NULL)
        {
          g_autofree char *msg = g_strdup_printf ("unknown --by “%s” (department, unit, year or "
                                                  "template)", *by);

          batch_clear (&b);
          return fail_usage (self->name, self->params, msg);
        }
      pbs_summary_add_key (b.groups, v->value);
    }
  if (!batch_open (&b, FALSE, PBS_REPORT_TABLE, &error))
    {
      batch_clear (&b);
      return fail (error);
    }
  if (!batch_run (&b, &error))
    {
      int st = fail (b.output_error != NULL ? b.output_error : error);

      batch_clear (&b);
      return st;
    }
  progress_clear (&b);
  pbs_summary_write (b.groups, b.stream, o->format, o->language, NULL, &b.output_error);
  return batch_finish (&b, TRUE, NULL);
}

/* ---------------------------------------------------------------- rollup */

/* Keeps each scored evaluation for the merge (PbsRollup, doc/rollup.md). */
static gboolean
rollup_one (Batch *b, const char *path, PbsDocument *doc, GError **error)
{
  g_autoptr (PbsScorecard) sc = score_document (b->o, doc, error);

  (void) path;
  return sc != NULL && pbs_rollup_add (b->rollup, sc, error);
}

/* Reads every evaluation, merges them into one, scores it and writes it
 * as `report` writes a table; any error (reading, scoring, merging) is
 * an input error, and nothing is written. */
static int
cmd_rollup (const Command *self, Options *o)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PbsEvaluation) merged = NULL;
  g_autoptr (PbsScorecard) sc = NULL;
  Batch b;

  batch_init (&b, o, self->name);
  b.document = rollup_one;
  b.rollup = pbs_rollup_new ();
  if (!batch_open (&b, TRUE, PBS_REPORT_TABLE, &error))
    {
      batch_clear (&b);
      return fail (error);
    }
  if (!batch_run (&b, &error))
    return batch_finish (&b, b.output_error != NULL, error);
  merged = pbs_rollup_merge (b.rollup, o->title != NULL ? o->title
                                       : o->language == PBS_LANGUAGE_EN ? "Roll-up" : "汇总",
                             &error);
  if (merged != NULL)
    sc = pbs_evaluation_score (merged, o->policy, &error);
  if (sc == NULL)
    return batch_finish (&b, FALSE, error);
  b.written++;
  pbs_report_write (b.report, sc, &b.output_error);
  return batch_finish (&b, TRUE, NULL);
}

/* ---------------------------------------------------------------- import */

/* Writes the evaluations read from workbooks, documents, web pages and CSV
 * files (or YAML) as format-1 YAML documents, one after the other
 * (doc/import.md). Nothing is scored. */
static gboolean
import_one (Batch *b, const char *path, PbsDocument *doc, GError **error)
{
  PbsEvaluation *e = pbs_document_get_evaluation (doc);
  g_autofree char *yaml = NULL;

  if (b->o->template_ != NULL)
    {
      if (!pbs_evaluation_check_template (e, b->o->template_, error))
        return FALSE;
      pbs_evaluation_set_template (e, b->o->template_);
    }
  yaml = pbs_evaluation_save_to_data (e, NULL, NULL, error);
  if (yaml == NULL)
    {
      g_prefix_error (error, "%s: ", input_name (path));
      return FALSE;
    }
  if (b->documents > 0)
    g_string_append (b->text, "---\n");
  g_string_append (b->text, yaml);
  return batch_write_text (b);
}

/* Streams like the other batches (doc/cli.md, "Batches"): each document is
 * written as it is read; --output is replaced only at the end. */
static int
cmd_import (const Command *self, Options *o)
{
  Batch b;

  batch_init (&b, o, self->name);
  b.document = import_one;
  b.text = g_string_new (NULL);
  return batch_main (&b, FALSE, PBS_REPORT_TABLE);
}

/* ---------------------------------------------------------------- validate */

/* A document is valid when it reads and, for an evaluation, scores; a
 * skeleton is valid but unfinished (rule book §11): each placeholder is a
 * warning at its place. */
static gboolean
validate_one (Batch *b, const char *path, PbsDocument *doc, GError **error)
{
  const Options *o = b->o;
  PbsEvaluation *e = pbs_document_get_evaluation (doc);
  g_autoptr (PbsScorecard) sc = NULL;

  if (pbs_document_get_kind (doc) != PBS_DOCUMENT_EVALUATION)
    return TRUE;
  sc = score_document (o, doc, error);
  if (sc == NULL)
    return FALSE;
  if (pbs_evaluation_get_n_unfilled (e) > 0)
    progress_clear (b);
  for (guint i = 0; i < pbs_evaluation_get_n_unfilled (e); i++)
    {
      guint row, line, column;
      const char *field = pbs_evaluation_get_unfilled (e, i, &row, &line, &column);

      if (o->language == PBS_LANGUAGE_EN)
        fprintf (stderr, "%s:%u:%u: warning: %s%s is a placeholder (待填写, XX …): fill it in\n",
                 input_name (path), line, column, row > 0 ? "a row's " : "", field);
      else
        fprintf (stderr, "%s:%u:%u: 警告：%s 仍是占位符（待填写、XX 等），请填写实际内容\n",
                 input_name (path), line, column, field);
    }
  return TRUE;
}

static void
validate_file_done (Batch *b, const char *path, guint n)
{
  if (b->o->language == PBS_LANGUAGE_EN)
    g_string_append_printf (b->text, "%s: valid (%u document%s)\n", input_name (path), n,
                            n == 1 ? "" : "s");
  else
    g_string_append_printf (b->text, "%s：有效（%u 份文档）\n", input_name (path), n);
  batch_write_text (b);
}

static int
cmd_validate (const Command *self, Options *o)
{
  Batch b;

  batch_init (&b, o, self->name);
  b.evaluations_only = FALSE;
  b.document = validate_one;
  b.file_done = validate_file_done;
  b.text = g_string_new (NULL);
  return batch_main (&b, FALSE, PBS_REPORT_TABLE);
}

/* ---------------------------------------------------------------- explain */

static int
cmd_explain (const Command *self, Options *o)
{
  if (g_strv_length (o->args) != 1)
    return fail_usage (self->name, self->params, "explain takes exactly one FILE");
  return report_command (self, o, PBS_REPORT_EXPLAIN, NULL);
}

/* ---------------------------------------------------------------- audit */

/* Differences between the printed and the computed table, and missing
 * reasons, are findings; warnings alone are not. */
static guint
count_audit_findings (PbsScorecard *sc)
{
  static const PbsFindingKind counted[] = {
    PBS_FINDING_ROW_SCORE, PBS_FINDING_BUDGET_SCORE, PBS_FINDING_TOTAL,
    PBS_FINDING_TOTAL_ARITHMETIC, PBS_FINDING_MISSING_REASON, PBS_FINDING_GRADE,
    PBS_FINDING_BUDGET_RATE,
  };
  g_autoptr (PbsAudit) audit = pbs_audit_new (sc);
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (counted); i++)
    n += pbs_audit_count (audit, counted[i]);
  return n;
}

static guint
count_lint_findings (PbsScorecard *sc)
{
  g_autoptr (PbsLint) lint = pbs_lint_new (sc);

  return pbs_lint_get_n_findings (lint);
}

/* audit: the report, and exit status 1 when any evaluation has a
 * difference or a missing reason. */
static int
cmd_audit (const Command *self, Options *o)
{
  return report_command (self, o, PBS_REPORT_AUDIT, count_audit_findings);
}

/* ---------------------------------------------------------------- lint */

/* The findings are the library's (PbsLint), written by PbsReport in every
 * format; any finding makes the exit status 1. */
static int
cmd_lint (const Command *self, Options *o)
{
  return report_command (self, o, PBS_REPORT_LINT, count_lint_findings);
}

/* ---------------------------------------------------------------- report */

static int
cmd_report (const Command *self, Options *o)
{
  return report_command (self, o, o->narrative ? PBS_REPORT_NARRATIVE : PBS_REPORT_TABLE, NULL);
}

/* ---------------------------------------------------------------- template */

/* template new --format xlsx: the skeleton's rows as the empty official
 * form (PBS_REPORT_FORM, doc/report.md). */
static int
emit_empty_form (const Options *o, const char *skeleton)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PbsReader) reader = pbs_reader_new_for_data (skeleton, -1, "skeleton");
  g_autoptr (PbsDocument) doc = pbs_reader_next (reader, &error);
  g_autoptr (PbsScorecard) sc = NULL;
  g_autoptr (PbsReport) report = NULL;
  g_autofree char *out = NULL;
  gsize length = 0;

  if (doc == NULL)
    return fail (error);
  g_assert (pbs_document_get_evaluation (doc) != NULL);   /* a skeleton is an evaluation */
  sc = pbs_evaluation_score (pbs_document_get_evaluation (doc), NULL, &error);
  if (sc == NULL)
    return fail (error);
  report = pbs_report_new (PBS_FORMAT_XLSX, PBS_REPORT_FORM, o->language);
  pbs_report_add (report, sc);
  out = pbs_report_render (report, &length, &error);
  if (out == NULL)
    return fail (error);
  return emit (o, out, length);
}

static int
cmd_template (const Command *self, Options *o)
{
  const char *sub = o->args[0];
  guint n = g_strv_length (o->args);
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) s = g_string_new (NULL);

  if (sub == NULL)
    return fail_usage (self->name, self->params, "template needs list, show NAME or new NAME");
  if (o->format != PBS_FORMAT_TEXT && !(o->format == PBS_FORMAT_XLSX && strcmp (sub, "new") == 0))
    return fail_usage (self->name, self->params, "--format: template new takes xlsx only");
  if (strcmp (sub, "list") == 0 && n == 1)
    {
      g_auto (GStrv) names = pbs_template_list ();
      guint width = 0;

      for (char **p = names; *p != NULL; p++)
        width = MAX (width, pbs_text_display_width (*p));
      for (char **p = names; *p != NULL; p++)
        {
          g_autoptr (GError) local = NULL;
          g_autoptr (PbsTemplate) t = pbs_template_lookup (*p, &local);

          append_cell (s, *p, width);
          if (t != NULL)
            g_string_append_printf (s, "  %s", pbs_template_get_title (t));
          else
            g_string_append_printf (s, "  (%s)", local->message);
          g_string_append_c (s, '\n');
        }
      return emit_string (o, s);
    }
  if (strcmp (sub, "show") == 0 && n == 2)
    {
      g_autofree char *path = pbs_template_find_file (o->args[1]);
      g_autofree char *text = NULL;
      gsize length;

      if (path == NULL)
        {
          g_autoptr (PbsTemplate) t = pbs_template_lookup (o->args[1], &error);

          if (t == NULL)
            return fail (error);
          fprintf (stderr, "pbscore: template %s has no file\n", o->args[1]);
          return EXIT_USAGE;
        }
      if (!g_file_get_contents (path, &text, &length, &error))
        return fail (error);
      return emit (o, text, length);
    }
  if (strcmp (sub, "new") == 0 && n == 2)
    {
      g_autoptr (PbsTemplate) t = pbs_template_resolve (o->args[1], NULL, &error);
      g_autofree char *text = NULL;

      if (t == NULL)
        return fail (error);
      text = pbs_template_dup_skeleton (t, o->args[1]);
      if (o->format == PBS_FORMAT_XLSX)
        return emit_empty_form (o, text);
      return emit (o, text, strlen (text));
    }
  return fail_usage (self->name, self->params, "template takes list, show NAME or new NAME");
}

/* ---------------------------------------------------------------- policy */

static int
cmd_policy (const Command *self, Options *o)
{
  const char *sub = o->args[0];
  guint n = g_strv_length (o->args);
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) s = g_string_new (NULL);

  if (sub == NULL)
    return fail_usage (self->name, self->params, "policy needs list, show NAME or knobs");
  if (strcmp (sub, "list") == 0 && n == 1)
    {
      const char * const *presets = pbs_policy_list_presets ();
      const char * const *knobs = pbs_policy_list_knobs ();
      g_autoptr (PbsPolicy) central = pbs_policy_new ();
      guint width = 0;

      for (const char * const *p = presets; *p != NULL; p++)
        width = MAX (width, pbs_text_display_width (*p));
      /* Each preset with the knobs where it differs from central. */
      for (const char * const *p = presets; *p != NULL; p++)
        {
          g_autoptr (PbsPolicy) policy = pbs_policy_lookup (*p, &error);
          gboolean first = TRUE;

          if (policy == NULL)
            return fail (error);
          append_cell (s, *p, width);
          for (const char * const *k = knobs; *k != NULL; k++)
            {
              g_autofree char *mine = pbs_policy_dup_knob (policy, *k);
              g_autofree char *base = pbs_policy_dup_knob (central, *k);

              if (g_strcmp0 (mine, base) == 0)
                continue;
              g_string_append_printf (s, "%s%s: %s", first ? "  " : ", ", *k, mine);
              first = FALSE;
            }
          if (first)
            g_string_append (s, strcmp (*p, "central") == 0 ? "  (the reference)"
                                                            : "  (the knobs of central)");
          g_string_append_c (s, '\n');
        }
      return emit_string (o, s);
    }
  if (strcmp (sub, "show") == 0 && n == 2)
    {
      g_autoptr (PbsPolicy) policy = pbs_policy_resolve (o->args[1], NULL, &error);
      g_autofree char *text = NULL;
      gsize length = 0;

      if (policy == NULL)
        return fail (error);
      text = pbs_policy_save_to_data (policy, &length, &error);
      if (text == NULL)
        return fail (error);
      return emit (o, text, length);
    }
  if (strcmp (sub, "knobs") == 0 && n == 1)
    {
      const char * const *knobs = pbs_policy_list_knobs ();
      guint width = 0;

      for (const char * const *k = knobs; *k != NULL; k++)
        width = MAX (width, pbs_text_display_width (*k));
      for (const char * const *k = knobs; *k != NULL; k++)
        {
          append_cell (s, *k, width);
          g_string_append_printf (s, "  %s\n", pbs_policy_knob_describe (*k));
        }
      return emit_string (o, s);
    }
  return fail_usage (self->name, self->params, "policy takes list, show NAME or knobs");
}

/* ---------------------------------------------------------------- commands */

static const Command commands[] = {
  { "score", "FILE…",
    "Score evaluations: each total and grade, or the scored table",
    "Score evaluations (a file, several, a batch of documents, or - for stdin)\n"
    "and print each total and grade; other formats give the scored table.",
    OPT_POLICY | OPT_TEMPLATE | OPT_FORMAT | OPT_LANG | OPT_OUTPUT | OPT_COLUMNS | OPT_BATCH
    | OPT_SUMMARY, cmd_score },
  { "summary", "FILE…",
    "Counts, grades, totals and money per group",
    "Sum up evaluations by group (--by department, unit, year or template; repeat\n"
    "--by for nested groups): counts per grade, the lowest, median, mean and highest\n"
    "total, Σ全年预算数 and Σ全年执行数 in 万元 and the execution rate weighted by funds.",
    OPT_POLICY | OPT_TEMPLATE | OPT_FORMAT | OPT_LANG | OPT_OUTPUT | OPT_BATCH | OPT_BY,
    cmd_summary },
  { "rollup", "FILE…",
    "Several evaluations merged into one table",
    "Merge evaluations into one table (doc/rollup.md: amounts summed, relative values\n"
    "weighted by funds), score it and print it as report does; yaml gives the merged\n"
    "document.",
    OPT_POLICY | OPT_TEMPLATE | OPT_FORMAT | OPT_LANG | OPT_OUTPUT | OPT_COLUMNS | OPT_TITLE
    | OPT_QUIET, cmd_rollup },
  { "validate", "FILE…",
    "Check documents; exit 2 at the first invalid one",
    "Check documents (evaluations, templates, policies) against the format, their\n"
    "template and policy, and score evaluations. Stops at the first invalid\n"
    "document with its located error (exit 2); exit 0 when all are valid.",
    OPT_POLICY | OPT_TEMPLATE | OPT_LANG | OPT_OUTPUT | OPT_BATCH, cmd_validate },
  { "explain", "FILE",
    "Each row's rule, inputs and arithmetic",
    "Show each row's rule, inputs and arithmetic; --row limits it to one row.",
    OPT_POLICY | OPT_TEMPLATE | OPT_FORMAT | OPT_LANG | OPT_OUTPUT | OPT_BATCH | OPT_ROW, cmd_explain },
  { "audit", "FILE…",
    "Printed against computed scores; exit 1 on differences",
    "Compare printed scores with computed ones; list missing 偏差原因 and\n"
    "warnings. Exit 1 when a printed value is wrong or a reason is missing.",
    OPT_POLICY | OPT_TEMPLATE | OPT_FORMAT | OPT_LANG | OPT_OUTPUT | OPT_BATCH, cmd_audit },
  { "lint", "FILE…",
    "Indicator quality; exit 1 on findings",
    "Check the quality of the indicators: vague or unit-less targets, generic\n"
    "indicators, targets set too low, piled points, missing 偏差原因.\n"
    "Exit 1 when there are findings.",
    OPT_POLICY | OPT_TEMPLATE | OPT_FORMAT | OPT_LANG | OPT_OUTPUT | OPT_BATCH, cmd_lint },
  { "report", "FILE…",
    "The 绩效自评表, with --narrative its analysis",
    "Print the standard 绩效自评表; with --narrative, followed by a Chinese draft\n"
    "of the report's 绩效指标完成情况分析.",
    OPT_POLICY | OPT_TEMPLATE | OPT_FORMAT | OPT_LANG | OPT_OUTPUT | OPT_BATCH | OPT_NARRATIVE
    | OPT_COLUMNS, cmd_report },
  { "import", "FILE…",
    "Tables from Excel, Word, web pages, CSV as YAML",
    "Read evaluations from .xlsx, .xls, .docx, .html and .csv tables (or YAML)\n"
    "and write them as pbscore YAML documents (format 1), to correct by hand.\n"
    "Scoring the written YAML gives what scoring the original gives.",
    OPT_TEMPLATE | OPT_OUTPUT, cmd_import },
  { "template", "list | show NAME | new NAME",
    "The indicator templates; a new evaluation to fill in",
    "List the indicator templates, print one's YAML file, or print a new\n"
    "evaluation to fill in for a template (--format xlsx: the empty official form).",
    OPT_OUTPUT | OPT_FORMAT | OPT_LANG, cmd_template },
  { "policy", "list | show NAME|FILE | knobs",
    "The policy presets and knobs",
    "List the policy presets, print a policy as YAML, or list every knob.",
    OPT_OUTPUT, cmd_policy },
};

static const Command *
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (commands[i].name, name) == 0)
      return &commands[i];
  return NULL;
}

static void
print_commands (FILE *to)
{
  fputs ("Usage: pbscore COMMAND [OPTION…] [ARG…]\n\n"
         "Score and check performance-budget self-evaluations (预算绩效自评表).\n\n"
         "Commands:\n", to);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *usage = g_strdup_printf ("%s %s", commands[i].name, commands[i].params);
      g_autoptr (GString) line = g_string_new ("  ");

      append_cell (line, usage, 36);
      g_string_append_printf (line, "  %s\n", commands[i].brief);
      fputs (line->str, to);
    }
  fputs ("  help [COMMAND]                        Show this list, or a command's options\n\n"
         "Options (where they make sense; see 'pbscore COMMAND --help'):\n"
         "  --policy NAME|FILE   --template NAME|FILE   --format FORMAT   --lang zh|en\n"
         "  --output FILE        --help                 --version\n\n"
         "Exit status: 0 done, 1 findings (audit, lint), 2 usage or input error.\n"
         "See pbscore(1) and doc/cli.md.\n", to);
}

static void
print_version (void)
{
  printf ("pbscore %s\n", pbs_get_version ());
}

static GOptionContext *
command_context (const Command *c, Options *o)
{
  const GOptionEntry all[] = {
    { "policy", 'p', 0, G_OPTION_ARG_FILENAME, &o->policy_arg,
      "Score with this policy instead of the documents' own (a preset or a file)", "NAME|FILE" },
    { "template", 't', 0, G_OPTION_ARG_FILENAME, &o->template_arg,
      "Check the rows against this template instead of the documents' own", "NAME|FILE" },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &o->format_arg,
      "Output format: text (default), markdown, csv, json, jsonl, html, yaml, xlsx", "FORMAT" },
    { "lang", 'l', 0, G_OPTION_ARG_STRING, &o->lang_arg,
      "Language of headings and explanations: zh (default) or en", "zh|en" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &o->output,
      "Write to FILE (replaced whole, or not at all on an error)", "FILE" },
    { "row", 'r', 0, G_OPTION_ARG_FILENAME, &o->row,
      "Explain only this row: a number from 1, or a 三级指标 name", "N|NAME" },
    { "narrative", 'n', 0, G_OPTION_ARG_NONE, &o->narrative,
      "Add a Chinese draft of the 绩效指标完成情况分析", NULL },
    { "spreadsheet", 0, 0, G_OPTION_ARG_NONE, &o->spreadsheet,
      "With --format csv: CSV for Excel or WPS (a BOM, heads in --lang, no formulas)", NULL },
    { "encoding", 0, 0, G_OPTION_ARG_STRING, &o->encoding,
      "With --spreadsheet: utf-8 (default) or gbk (written as GB18030)", "utf-8|gbk" },
    { "columns", 0, 0, G_OPTION_ARG_STRING, &o->columns_arg,
      "The table's columns: full (default: with 序号, 状态, 标记) or official (the form's only)",
      "full|official" },
    { "keep-going", 'k', 0, G_OPTION_ARG_NONE, &o->keep_going,
      "Report each invalid document (stderr; json, jsonl, yaml: in its place) and go on; exit 2 at the end",
      NULL },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &o->quiet,
      "No progress line on a terminal", NULL },
    { "threads", 0, 0, G_OPTION_ARG_STRING, &o->threads_arg,
      "2: parse the YAML on a thread of its own (the default with more than one processor); 1: "
      "one thread", "1|2" },
    { "summary", 's', 0, G_OPTION_ARG_NONE, &o->summary,
      "One row per evaluation: file, title, total, grade, audit differences, lint findings …",
      NULL },
    { "by", 'b', 0, G_OPTION_ARG_STRING_ARRAY, &o->by,
      "Group by department, unit, year or template (repeat for nested groups)", "KEY" },
    { "title", 0, 0, G_OPTION_ARG_FILENAME, &o->title,
      "The merged table's title (default: 汇总)", "TEXT" },
  };
  static const guint flags[] = {
    OPT_POLICY, OPT_TEMPLATE, OPT_FORMAT, OPT_LANG, OPT_OUTPUT, OPT_ROW, OPT_NARRATIVE,
    OPT_FORMAT, OPT_FORMAT, OPT_COLUMNS, OPT_BATCH, OPT_BATCH | OPT_QUIET,
    OPT_BATCH | OPT_QUIET, OPT_SUMMARY, OPT_BY, OPT_TITLE,
  };
  GOptionEntry entries[G_N_ELEMENTS (all) + 4];
  guint n = 0;
  GOptionContext *ctx = g_option_context_new (c->params);

  G_STATIC_ASSERT (G_N_ELEMENTS (all) == G_N_ELEMENTS (flags));
  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    if (c->options & flags[i])
      entries[n++] = all[i];
  entries[n++] = (GOptionEntry) { "help", 'h', 0, G_OPTION_ARG_NONE, &o->help,
                                  "Show this help", NULL };
  entries[n++] = (GOptionEntry) { "version", 'V', 0, G_OPTION_ARG_NONE, &o->version,
                                  "Show the version", NULL };
  entries[n++] = (GOptionEntry) { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY,
                                  &o->args, NULL, NULL };
  entries[n] = (GOptionEntry) { 0 };
  /* --help is ours, so that the help is written as UTF-8 to stdout. */
  g_option_context_set_help_enabled (ctx, FALSE);
  g_option_context_set_summary (ctx, c->summary);
  g_option_context_set_description (ctx, "Exit status: 0 done, 1 findings (audit, lint), "
                                          "2 usage or input error.\nSee pbscore(1) and doc/cli.md.");
  g_option_context_add_main_entries (ctx, entries, NULL);
  return ctx;
}

static void
print_command_help (const Command *c, FILE *to)
{
  Options o = { 0 };
  g_autofree char *prgname = g_strdup_printf ("pbscore %s", c->name);
  GOptionContext *ctx;
  g_autofree char *help = NULL;

  g_set_prgname (prgname);
  ctx = command_context (c, &o);
  help = g_option_context_get_help (ctx, TRUE, NULL);
  fputs (help, to);
  g_option_context_free (ctx);
  options_clear (&o);
}

static gboolean
resolve_options (const Command *c, Options *o, GError **error)
{
  o->format = PBS_FORMAT_TEXT;
  o->language = PBS_LANGUAGE_ZH;
  if (o->format_arg != NULL)
    {
      g_autoptr (GEnumClass) klass = g_type_class_ref (PBS_TYPE_FORMAT);
      GEnumValue *v = g_enum_get_value_by_nick (klass, o->format_arg);

      if (v == NULL)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       "unknown format “%s” (text, markdown, csv, json, jsonl, html, yaml, xlsx)",
                       o->format_arg);
          return FALSE;
        }
      o->format = v->value;
    }
  if (o->spreadsheet && o->format != PBS_FORMAT_CSV)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   "--spreadsheet goes with --format csv");
      return FALSE;
    }
  if (o->spreadsheet)
    o->format = PBS_FORMAT_CSV_SPREADSHEET;
  if (o->encoding != NULL && (o->format != PBS_FORMAT_CSV_SPREADSHEET
                              || (g_ascii_strcasecmp (o->encoding, "gbk") != 0
                                  && g_ascii_strcasecmp (o->encoding, "utf-8") != 0)))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   "--encoding takes utf-8 or gbk, with --format csv --spreadsheet");
      return FALSE;
    }
  /* The output is the same either way (doc/cli.md, "Batches"). */
  o->parse_ahead = g_get_num_processors () > 1;
  if (o->threads_arg != NULL)
    {
      if (strcmp (o->threads_arg, "1") != 0 && strcmp (o->threads_arg, "2") != 0)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       "--threads takes 1 or 2, not “%s”", o->threads_arg);
          return FALSE;
        }
      o->parse_ahead = o->threads_arg[0] == '2';
    }
  o->columns = PBS_REPORT_COLUMNS_FULL;
  if (o->columns_arg != NULL)
    {
      g_autoptr (GEnumClass) klass = g_type_class_ref (PBS_TYPE_REPORT_COLUMNS);
      GEnumValue *v = g_enum_get_value_by_nick (klass, o->columns_arg);

      if (v == NULL)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       "unknown columns “%s” (full or official)", o->columns_arg);
          return FALSE;
        }
      o->columns = v->value;
    }
  if (o->lang_arg != NULL)
    {
      if (strcmp (o->lang_arg, "zh") == 0)
        o->language = PBS_LANGUAGE_ZH;
      else if (strcmp (o->lang_arg, "en") == 0)
        o->language = PBS_LANGUAGE_EN;
      else
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       "unknown language “%s” (zh or en)", o->lang_arg);
          return FALSE;
        }
    }
  /* --row is taken as bytes (G_OPTION_ARG_STRING would convert from the
   * locale's charset and fail on Chinese under LC_ALL=C): it must be UTF-8,
   * as the documents are. */
  if (o->row != NULL && !g_utf8_validate (o->row, -1, NULL))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, "--row is not UTF-8");
      return FALSE;
    }
  if (o->title != NULL && !g_utf8_validate (o->title, -1, NULL))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, "--title is not UTF-8");
      return FALSE;
    }
  (void) c;
  return TRUE;
}

static int
run_command (const Command *c, int argc, char **argv)
{
  Options o = { 0 };
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) args = g_new0 (char *, argc + 1);
  g_autofree char *prgname = g_strdup_printf ("pbscore %s", c->name);
  GOptionContext *ctx;
  int status;

  for (int i = 0; i < argc; i++)
    args[i] = g_strdup (argv[i]);
  g_set_prgname (prgname);
  ctx = command_context (c, &o);
  if (!g_option_context_parse_strv (ctx, &args, &error))
    {
      g_option_context_free (ctx);
      options_clear (&o);
      return fail_usage (c->name, c->params, error->message);
    }
  g_option_context_free (ctx);
  if (o.help)
    {
      print_command_help (c, stdout);
      options_clear (&o);
      return EXIT_DONE;
    }
  if (o.version)
    {
      print_version ();
      options_clear (&o);
      return EXIT_DONE;
    }
  if (o.args == NULL)
    o.args = g_new0 (char *, 1);
  if (!resolve_options (c, &o, &error))
    {
      options_clear (&o);
      return fail_usage (c->name, c->params, error->message);
    }
  if (o.args[0] == NULL)
    {
      options_clear (&o);
      return fail_usage (c->name, c->params, "nothing to do: give a FILE (or - for stdin)");
    }
  if (o.policy_arg != NULL && (o.policy = pbs_policy_resolve (o.policy_arg, NULL, &error)) == NULL)
    {
      options_clear (&o);
      return fail (error);
    }
  if (o.template_arg != NULL
      && (o.template_ = pbs_template_resolve (o.template_arg, NULL, &error)) == NULL)
    {
      options_clear (&o);
      return fail (error);
    }
  status = c->run (c, &o);
  options_clear (&o);
  return status;
}

static int
run_main (int argc, char **argv)
{
  const char *name;
  const Command *c;

  setlocale (LC_ALL, "");
  g_set_prgname ("pbscore");
  if (argc < 2)
    return fail_usage (NULL, NULL, "no command given");
  name = argv[1];
  if (strcmp (name, "--help") == 0 || strcmp (name, "-h") == 0 || strcmp (name, "help") == 0)
    {
      if (strcmp (name, "help") == 0 && argc > 2)
        {
          c = find_command (argv[2]);
          if (c == NULL)
            {
              g_autofree char *msg = g_strdup_printf ("unknown command “%s”", argv[2]);
              return fail_usage (NULL, NULL, msg);
            }
          print_command_help (c, stdout);
          return EXIT_DONE;
        }
      print_commands (stdout);
      return EXIT_DONE;
    }
  if (strcmp (name, "--version") == 0 || strcmp (name, "-V") == 0)
    {
      print_version ();
      return EXIT_DONE;
    }
  if (name[0] == '-')
    {
      g_autofree char *msg = g_strdup_printf ("unknown option “%s” (options follow the command)",
                                              name);
      return fail_usage (NULL, NULL, msg);
    }
  c = find_command (name);
  if (c == NULL)
    {
      g_autofree char *msg = g_strdup_printf ("unknown command “%s”", name);

      fprintf (stderr, "pbscore: %s\nCommands:", msg);
      for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
        fprintf (stderr, " %s", commands[i].name);
      fprintf (stderr, " help\n");
      return fail_usage (NULL, NULL, NULL);
    }
  return run_command (c, argc - 1, argv + 1);
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  int status = run_main (argc, argv);

  /* help, --version and every command: a failed write of standard output
   * (> /dev/full) is an error, whatever was printed; told once (a command
   * that wrote through tools/pbs-output.c has told it already). */
  if (!pbs_output_close_stdout (&error))
    {
      if (error != NULL)
        fprintf (stderr, "pbscore: %s\n", error->message);
      return EXIT_USAGE;
    }
  return status;
}
