/* test-threads.c - one policy, template and sealed evaluation shared by
 * eight threads (doc/threads.md)
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The main thread loads a policy file, a template file and the Xishan
 * example, scores it once (which seals the evaluation) and records what a
 * single thread gets: the total, every report (each format × content ×
 * language), the audit and lint messages, the narrative. Then eight
 * threads, started together, each load the same files again, score the
 * shared evaluation under the shared policy, and render, audit and lint
 * both their own scorecard and the shared one; every result must equal
 * the single-thread one. Readers that parse ahead (a parser thread each)
 * read a batch from four threads at once. `.ci/run` builds this test with
 * -fsanitize=thread (_tsan/) so that a data race fails it as well.
 */
#include "pbs-test.h"

#define N_THREADS 8
#define N_ROUNDS  2

typedef struct {
  PbsPolicy     *policy;      /* shared, read-only */
  PbsTemplate   *template_;   /* shared, read-only */
  PbsEvaluation *evaluation;  /* shared, sealed */
  PbsScorecard  *scorecard;   /* shared, immutable */
  char          *policy_path;
  char          *template_path;
  char          *example_path;
  GPtrArray     *expected;    /* char*: single-thread results, in order */
} Shared;

static const PbsFormat formats[] = {
  PBS_FORMAT_TEXT, PBS_FORMAT_MARKDOWN, PBS_FORMAT_CSV, PBS_FORMAT_JSON, PBS_FORMAT_JSONL,
  PBS_FORMAT_HTML, PBS_FORMAT_YAML, PBS_FORMAT_XLSX, PBS_FORMAT_CSV_SPREADSHEET,
};
static const PbsReportContent contents[] = {
  PBS_REPORT_TABLE, PBS_REPORT_EXPLAIN, PBS_REPORT_AUDIT, PBS_REPORT_NARRATIVE, PBS_REPORT_LINT,
};

/* Everything one scorecard gives, as strings in a fixed order. An xlsx
 * workbook is a zip that holds the time it was written (docProps/core.xml),
 * so only its being a zip is compared. */
static void
describe (PbsScorecard *sc, GPtrArray *out)
{
  g_autoptr (PbsAudit) audit = pbs_audit_new (sc);
  g_autoptr (PbsLint) lint = pbs_lint_new (sc);
  PbsDecimal total;

  pbs_scorecard_get_total (sc, &total);
  g_ptr_array_add (out, pbs_decimal_to_string (&total));
  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    for (guint c = 0; c < G_N_ELEMENTS (contents); c++)
      for (PbsLanguage l = PBS_LANGUAGE_ZH; l <= PBS_LANGUAGE_EN; l++)
        {
          g_autoptr (PbsReport) report = pbs_report_new (formats[f], contents[c], l);
          g_autoptr (GError) error = NULL;
          gsize length = 0;
          g_autofree char *text = NULL;

          pbs_report_add (report, sc);
          text = pbs_report_render (report, &length, &error);
          if (text == NULL)
            g_ptr_array_add (out, g_strdup_printf ("error %s", error->message));
          else if (formats[f] == PBS_FORMAT_XLSX)
            g_ptr_array_add (out, g_strdup (length > 4 && memcmp (text, "PK\x03\x04", 4) == 0
                                            ? "a zip" : "not a zip"));
          else
            g_ptr_array_add (out, g_steal_pointer (&text));
        }
  for (PbsLanguage l = PBS_LANGUAGE_ZH; l <= PBS_LANGUAGE_EN; l++)
    {
      for (guint i = 0; i < pbs_audit_get_n_findings (audit); i++)
        g_ptr_array_add (out, pbs_audit_dup_message (audit, i, l));
      for (guint i = 0; i < pbs_lint_get_n_findings (lint); i++)
        {
          g_ptr_array_add (out, pbs_lint_dup_message (lint, i, l));
          g_ptr_array_add (out, pbs_lint_dup_suggestion (lint, i, l));
        }
    }
  g_ptr_array_add (out, pbs_narrative_dup_text (sc));
}

/* The number of results that differ from the single-thread ones; the
 * index of the first in *@first. */
static guint
differences (const Shared *s, GPtrArray *got, guint *first)
{
  guint n = got->len == s->expected->len ? 0 : 1;

  *first = MIN (got->len, s->expected->len);
  for (guint i = 0; i < MIN (got->len, s->expected->len); i++)
    if (g_strcmp0 (g_ptr_array_index (got, i), g_ptr_array_index (s->expected, i)) != 0)
      {
        *first = MIN (*first, i);
        n++;
      }
  return n;
}

typedef struct {
  const Shared *shared;
  guint         failures;   /* read by the main thread after the join */
  char         *first;      /* the first failure, for the log */
} Worker;

static void
fail (Worker *w, char *what)
{
  w->failures++;
  if (w->first == NULL)
    w->first = what;
  else
    g_free (what);
}

static gpointer
work (gpointer data)
{
  Worker *w = data;
  const Shared *s = w->shared;

  for (guint round = 0; round < N_ROUNDS; round++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (PbsPolicy) policy = pbs_policy_load_file (s->policy_path, &error);
      g_autoptr (PbsTemplate) template_ = NULL;
      g_autoptr (GPtrArray) docs = NULL;
      g_autoptr (PbsScorecard) sc = NULL;
      g_autoptr (GPtrArray) mine = g_ptr_array_new_with_free_func (g_free);
      g_autoptr (GPtrArray) theirs = g_ptr_array_new_with_free_func (g_free);
      guint d, at;

      /* loading: the same files, read again in every thread */
      if (policy == NULL || !pbs_policy_equal (policy, s->policy))
        fail (w, g_strdup_printf ("policy: %s", error != NULL ? error->message : "differs"));
      g_clear_error (&error);
      template_ = pbs_template_load_file (s->template_path, &error);
      if (template_ == NULL
          || g_strcmp0 (pbs_template_get_name (template_), pbs_template_get_name (s->template_)) != 0)
        fail (w, g_strdup_printf ("template: %s", error != NULL ? error->message : "differs"));
      g_clear_error (&error);
      docs = pbs_evaluation_load_file (s->example_path, &error);
      if (docs == NULL || docs->len != 1 || !pbs_evaluation_equal (g_ptr_array_index (docs, 0), s->evaluation))
        fail (w, g_strdup_printf ("example: %s", error != NULL ? error->message : "differs"));
      g_clear_error (&error);

      /* scoring the shared sealed evaluation under the shared policy */
      sc = pbs_evaluation_score (s->evaluation, s->policy, &error);
      if (sc == NULL)
        {
          fail (w, g_strdup_printf ("score: %s", error->message));
          continue;
        }
      describe (sc, mine);
      describe (s->scorecard, theirs);
      if ((d = differences (s, mine, &at)) > 0)
        fail (w, g_strdup_printf ("%u results of its own scorecard differ, the first #%u", d, at));
      if ((d = differences (s, theirs, &at)) > 0)
        fail (w, g_strdup_printf ("%u results of the shared scorecard differ, the first #%u", d, at));
    }
  return NULL;
}

static void
test_shared_across_threads (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) docs = NULL;
  Shared s = { 0 };
  Worker workers[N_THREADS] = { { 0 } };
  GThread *threads[N_THREADS];

  s.policy_path = g_build_filename (pbs_test_policies_dir (), "central.yaml", NULL);
  s.template_path = g_build_filename (pbs_test_templates_dir (), "department-overall.yaml", NULL);
  s.example_path = g_build_filename (pbs_test_examples_dir (), "xishan-2024.yaml", NULL);
  s.policy = pbs_policy_load_file (s.policy_path, &error);
  ASSERT_NO_ERROR (error);
  s.template_ = pbs_template_load_file (s.template_path, &error);
  ASSERT_NO_ERROR (error);
  docs = pbs_evaluation_load_file (s.example_path, &error);
  ASSERT_NO_ERROR (error);
  CU_ASSERT_FATAL (s.policy != NULL && s.template_ != NULL && docs != NULL && docs->len == 1);
  s.evaluation = pbs_evaluation_ref (g_ptr_array_index (docs, 0));
  CU_ASSERT_TRUE (pbs_evaluation_check_template (s.evaluation, s.template_, &error));
  ASSERT_NO_ERROR (error);
  s.scorecard = pbs_evaluation_score (s.evaluation, s.policy, &error);
  ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (s.scorecard);
  CU_ASSERT_TRUE (pbs_evaluation_is_sealed (s.evaluation));
  s.expected = g_ptr_array_new_with_free_func (g_free);
  describe (s.scorecard, s.expected);
  /* 1 total + 9 formats × 5 contents × 2 languages, then the findings */
  CU_ASSERT_TRUE (s.expected->len > 1 + G_N_ELEMENTS (formats) * G_N_ELEMENTS (contents) * 2);
  CU_ASSERT_STRING_EQUAL (g_ptr_array_index (s.expected, 0), "99.88");

  for (guint i = 0; i < N_THREADS; i++)
    {
      g_autofree char *name = g_strdup_printf ("pbs-test-%u", i);

      workers[i].shared = &s;
      threads[i] = g_thread_new (name, work, &workers[i]);
    }
  for (guint i = 0; i < N_THREADS; i++)
    {
      g_thread_join (threads[i]);
      CU_ASSERT_EQUAL (workers[i].failures, 0);
      if (workers[i].first != NULL)
        fprintf (stderr, "thread %u: %u failures, the first: %s\n", i, workers[i].failures,
                 workers[i].first);
      g_free (workers[i].first);
    }

  g_ptr_array_unref (s.expected);
  pbs_scorecard_unref (s.scorecard);
  pbs_evaluation_unref (s.evaluation);
  pbs_template_unref (s.template_);
  pbs_policy_unref (s.policy);
  g_free (s.policy_path);
  g_free (s.template_path);
  g_free (s.example_path);
}

/* ------------------------------------------------------- parsing ahead */

/* The titles and errors of every document of @text, read with or without
 * a parser on a thread of its own; with @drop_after > 0, the reader is
 * dropped after that many documents. */
static char *
read_outcomes (const char *text, gboolean ahead, guint drop_after)
{
  g_autoptr (PbsReader) reader = pbs_reader_new_for_data (text, -1, "batch.yaml");
  GString *out = g_string_new (NULL);

  pbs_reader_set_parse_ahead (reader, ahead);
  for (guint n = 1; drop_after == 0 || n <= drop_after; n++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (PbsDocument) doc = pbs_reader_next (reader, &error);
      g_autoptr (PbsScorecard) sc = NULL;
      PbsDecimal total;

      if (doc == NULL && error == NULL)
        break;
      if (doc == NULL)
        {
          g_string_append_printf (out, "%s\n", error->message);
          continue;
        }
      sc = pbs_evaluation_score (pbs_document_get_evaluation (doc), NULL, &error);
      if (sc == NULL)
        {
          g_string_append_printf (out, "%s\n", error->message);
          continue;
        }
      pbs_scorecard_get_total (sc, &total);
      {
        g_autofree char *t = pbs_decimal_to_string (&total);

        g_string_append_printf (out, "%s %s\n", pbs_evaluation_get_title (pbs_document_get_evaluation (doc)), t);
      }
    }
  return g_string_free (out, FALSE);
}

typedef struct {
  const char *text;
  const char *expected;
  gboolean    same;
} Reading;

static gpointer
read_ahead (gpointer data)
{
  Reading *r = data;
  g_autofree char *got = read_outcomes (r->text, TRUE, 0);
  g_autofree char *dropped = read_outcomes (r->text, TRUE, 3);

  r->same = strcmp (got, r->expected) == 0 && g_str_has_prefix (r->expected, dropped) && dropped[0] != '\0';
  return NULL;
}

/* Readers that parse ahead, each with its own parser thread, from 4
 * threads at once: each gets what one thread reading alone gets, also
 * when it drops its reader early (ThreadSanitizer watches the hand-over
 * of events between each pair of threads). */
static void
test_parse_ahead_threads (void)
{
  g_autoptr (GString) text = g_string_new (NULL);
  g_autofree char *expected = NULL;
  Reading readings[4];
  GThread *threads[4];

  for (guint i = 0; i < 300; i++)
    g_string_append_printf (text, "---\npbscore: 1\ntitle: 第%u号\nbudget: {annual: 10, executed: 9}\n"
                            "indicators:\n  - {level1: 产出指标, level2: 数量指标, name: 完成量, "
                            "target: \"≥%u项\", actual: \"%u项\", points: 90}\n", i, i % 7 + 1, i % 5);
  g_string_append (text, "---\npbscore: 1\ntitle: 坏\nbogus: 1\n---\ntitle: [未完\n");
  expected = read_outcomes (text->str, FALSE, 0);
  CU_ASSERT_PTR_NOT_NULL (strstr (expected, "第299号 "));
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    {
      readings[i] = (Reading) { text->str, expected, FALSE };
      threads[i] = g_thread_new ("pbs-test-reader", read_ahead, &readings[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    {
      g_thread_join (threads[i]);
      CU_ASSERT_TRUE (readings[i].same);
    }
}

static const PbsTestCase cases[] = {
  { "one policy, template and sealed evaluation shared by 8 threads", test_shared_across_threads },
  { "readers parsing ahead, from 4 threads at once", test_parse_ahead_threads },
  { NULL, NULL },
};

int
main (void)
{
  return pbs_test_run ("threads", cases);
}
