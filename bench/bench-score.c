/* bench-score.c - how fast pbscore loads and scores large batches
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Three measurements on generated data (no file I/O):
 *   1. in-memory re-scoring: pbs_evaluation_score() over evaluations
 *      already built, in indicators per second;
 *   2. libyaml alone: the bare event parser over a YAML batch, the floor
 *      pbscore's loader is measured against;
 *   3. loading: PbsReader over the same batch (events, node tree, checks,
 *      value parsing), then loading and scoring;
 *   4. rendering a report of 5,000 and of 10,000 one-row evaluations in
 *      each format: the ratio shows whether a writer is linear.
 *
 * Usage: bench/bench-score [DOCUMENTS [ROWS]]   (default 200 documents of
 * 500 rows: 100,000 indicators)
 *        bench/bench-score --rescore FILE      re-scoring the evaluations of
 *   a batch file (bench/gen-batch.py) in memory, one core: through compiled
 *   plans (PbsPlan) and through pbs_evaluation_score () with and without a
 *   policy argument, in rows per second
 */
#include <stdio.h>
#include <stdlib.h>
#include <yaml.h>

#include <pbscore/pbscore.h>

static const char * const targets[] = { "≥95%", "≤3天", "=100%", "达成预期", "≥1100项", "80%-90%" };
static const char * const actuals[] = { "96%", "4.5天", "97.7%", "达成", "1163项", "85%" };

static GString *
make_batch (guint docs, guint rows)
{
  GString *s = g_string_new (NULL);

  for (guint d = 0; d < docs; d++)
    {
      g_string_append_printf (s, "---\npbscore: 1\nkind: evaluation\ntitle: 项目%u\nyear: 2024\n"
                                 "budget: {annual: \"1,445.05\", executed: 1444.16, points: 10}\n"
                                 "indicators:\n", d);
      for (guint r = 0; r < rows; r++)
        {
          guint k = r % G_N_ELEMENTS (targets);
          g_string_append_printf (s, "  - level1: 产出指标\n    level2: 数量指标\n    name: 指标%u\n"
                                     "    target: \"%s\"\n    actual: \"%s\"\n    points: 0.18\n"
                                     "    reason: 原因\n", r, targets[k], actuals[k]);
        }
    }
  return s;
}

static double
now (void)
{
  return (double) g_get_monotonic_time () / 1e6;
}

static guint64
yaml_events (const GString *s)
{
  yaml_parser_t p;
  yaml_event_t ev;
  guint64 n = 0;
  gboolean done = FALSE;

  yaml_parser_initialize (&p);
  yaml_parser_set_input_string (&p, (const guchar *) s->str, s->len);
  while (!done && yaml_parser_parse (&p, &ev))
    {
      done = ev.type == YAML_STREAM_END_EVENT;
      yaml_event_delete (&ev);
      n++;
    }
  yaml_parser_delete (&p);
  return n;
}

/* Rendering time of one report over N and 2N one-row evaluations, per
 * format: every writer must be linear, so the ratio stays near 2 (the
 * text and Markdown writers were quadratic before issue 14). */
static double
time_report (PbsFormat format, guint docs, PbsPolicy *policy)
{
  g_autoptr (GString) batch = make_batch (docs, 1);
  g_autoptr (PbsReader) reader = pbs_reader_new_for_data (batch->str, (gssize) batch->len, "batch");
  g_autoptr (PbsReport) report = pbs_report_new (format, PBS_REPORT_TABLE, PBS_LANGUAGE_ZH);
  g_autoptr (GError) error = NULL;
  g_autofree char *out = NULL;
  PbsDocument *doc;
  double t0;

  while ((doc = pbs_reader_next (reader, &error)) != NULL)
    {
      PbsScorecard *sc = pbs_evaluation_score (pbs_document_get_evaluation (doc), policy, &error);

      if (sc == NULL)
        g_error ("%s", error->message);
      pbs_report_add (report, sc);
      pbs_scorecard_unref (sc);
      pbs_document_unref (doc);
    }
  if (error != NULL)
    g_error ("%s", error->message);
  t0 = now ();
  out = pbs_report_render (report, NULL, &error);
  if (out == NULL)
    g_error ("%s", error->message);
  return now () - t0;
}

static void
bench_reports (PbsPolicy *policy)
{
  static const PbsFormat formats[] = {
    PBS_FORMAT_TEXT, PBS_FORMAT_MARKDOWN, PBS_FORMAT_CSV, PBS_FORMAT_JSON, PBS_FORMAT_HTML,
  };
  /* Not yaml: it names the policy, and this one is built in memory. */
  static const char * const names[] = { "text", "markdown", "csv", "json", "html" };
  const guint docs = 5000;

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      double t1 = time_report (formats[i], docs, policy);
      double t2 = time_report (formats[i], 2 * docs, policy);

      printf ("report %-9s %u docs %7.3f s, %u docs %7.3f s  (×%.2f; linear ≈ 2)\n", names[i], docs,
              t1, 2 * docs, t2, t2 / t1);
    }
}

/* Rows per second of @score over @evals, for at least a second: each
 * evaluation scored @repeat times in a row (1: the whole batch in turn,
 * from memory; more: a what-if loop on one evaluation, from the cache). */
static double
rows_per_second (GPtrArray *evals, guint64 rows, PbsScorecard *(*score) (gpointer item, gpointer data),
                 gpointer data, guint repeat)
{
  double t0 = now (), t;
  guint rounds = 0;

  do
    {
      for (guint i = 0; i < evals->len; i++)
        for (guint k = 0; k < repeat; k++)
          pbs_scorecard_unref (score (g_ptr_array_index (evals, i), data));
      rounds++;
    }
  while ((t = now () - t0) < 1.0);
  return (double) rows * rounds * repeat / t;
}

static PbsScorecard *
score_plan (gpointer item, gpointer data)
{
  g_autoptr (GError) error = NULL;
  PbsScorecard *sc = pbs_plan_rescore (item, &error);

  if (sc == NULL)
    g_error ("%s", error->message);
  return sc;
}

static PbsScorecard *
score_exact (gpointer item, gpointer data)
{
  g_autoptr (GError) error = NULL;
  PbsScorecard *sc = pbs_evaluation_score (item, data, &error);

  if (sc == NULL)
    g_error ("%s", error->message);
  return sc;
}

static int
bench_rescore (const char *path)
{
  g_autoptr (GPtrArray) evals = g_ptr_array_new_with_free_func ((GDestroyNotify) pbs_evaluation_unref);
  g_autoptr (GPtrArray) plans = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (PbsReader) reader = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (PbsPolicy) central = pbs_policy_new ();
  guint64 rows = 0, exact = 0;
  PbsDocument *doc;

  reader = pbs_reader_new_for_path (path, &error);
  if (reader == NULL)
    g_error ("%s", error->message);
  while ((doc = pbs_reader_next (reader, &error)) != NULL)
    {
      PbsEvaluation *e = pbs_document_get_evaluation (doc);

      if (e != NULL)
        {
          PbsPlan *plan = pbs_plan_new (e, NULL);

          g_ptr_array_add (evals, pbs_evaluation_ref (e));
          g_ptr_array_add (plans, plan);
          rows += pbs_evaluation_get_n_indicators (e);
          exact += pbs_plan_get_n_exact_rows (plan);
        }
      pbs_document_unref (doc);
    }
  if (error != NULL)
    g_error ("%s", error->message);
  printf ("rescore: %u evaluations, %" G_GUINT64_FORMAT " rows (%" G_GUINT64_FORMAT
          " left to the exact engine)\n", evals->len, rows, exact);
  printf ("rescore plan, batch     %14.0f rows/s\n", rows_per_second (plans, rows, score_plan, NULL, 1));
  printf ("rescore plan, what-if   %14.0f rows/s\n", rows_per_second (plans, rows, score_plan, NULL, 50));
  printf ("rescore exact, no policy %13.0f rows/s\n", rows_per_second (evals, rows, score_exact, NULL, 1));
  printf ("rescore exact, policy   %14.0f rows/s\n", rows_per_second (evals, rows, score_exact, central, 1));
  return 0;
}

int
main (int argc, char **argv)
{
  guint docs, rows;
  guint64 n;

  if (argc > 2 && g_str_equal (argv[1], "--rescore"))
    return bench_rescore (argv[2]);
  docs = argc > 1 ? (guint) atoi (argv[1]) : 200;
  rows = argc > 2 ? (guint) atoi (argv[2]) : 500;
  n = (guint64) docs * rows;
  g_autoptr (GString) batch = make_batch (docs, rows);
  g_autoptr (GPtrArray) evals = g_ptr_array_new_with_free_func ((GDestroyNotify) pbs_evaluation_unref);
  g_autoptr (PbsPolicy) policy = pbs_policy_new ();
  g_autoptr (PbsReader) reader = NULL;
  g_autoptr (GError) error = NULL;
  PbsDocument *doc;
  double t0, t_yaml, t_load, t_score, t_both;
  guint rounds = 0;

  pbs_policy_set (policy, "weights.mismatch", "as_is", NULL);
  pbs_policy_set (policy, "qualitative.defaults", "lower", NULL);
  printf ("batch: %u documents × %u rows = %" G_GUINT64_FORMAT " indicators, %.1f MB of YAML\n",
          docs, rows, n, batch->len / 1e6);

  t0 = now ();
  yaml_events (batch);
  t_yaml = now () - t0;

  t0 = now ();
  reader = pbs_reader_new_for_data (batch->str, (gssize) batch->len, "batch");
  while ((doc = pbs_reader_next (reader, &error)) != NULL)
    {
      g_ptr_array_add (evals, pbs_evaluation_ref (pbs_document_get_evaluation (doc)));
      pbs_document_unref (doc);
    }
  t_load = now () - t0;
  if (error != NULL)
    g_error ("%s", error->message);

  /* Re-score the loaded batch for at least a second. */
  t0 = now ();
  do
    {
      for (guint i = 0; i < evals->len; i++)
        {
          PbsScorecard *sc = pbs_evaluation_score (g_ptr_array_index (evals, i), policy, &error);
          if (sc == NULL)
            g_error ("%s", error->message);
          pbs_scorecard_unref (sc);
        }
      rounds++;
    }
  while (now () - t0 < 1.0);
  t_score = (now () - t0) / rounds;

  g_clear_object (&reader);
  t0 = now ();
  reader = pbs_reader_new_for_data (batch->str, (gssize) batch->len, "batch");
  while ((doc = pbs_reader_next (reader, &error)) != NULL)
    {
      PbsScorecard *sc = pbs_evaluation_score (pbs_document_get_evaluation (doc), policy, &error);
      if (sc == NULL)
        g_error ("%s", error->message);
      pbs_scorecard_unref (sc);
      pbs_document_unref (doc);
    }
  t_both = now () - t0;

  printf ("libyaml events alone   %8.3f s  %12.0f indicators/s\n", t_yaml, n / t_yaml);
  printf ("load (PbsReader)       %8.3f s  %12.0f indicators/s  (%.2f× libyaml)\n", t_load, n / t_load, t_load / t_yaml);
  printf ("re-score in memory     %8.3f s  %12.0f indicators/s  (%u rounds)\n", t_score, n / t_score, rounds);
  printf ("load and score         %8.3f s  %12.0f indicators/s  (%.2f× libyaml)\n", t_both, n / t_both, t_both / t_yaml);
  bench_reports (policy);
  return 0;
}
