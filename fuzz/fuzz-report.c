/* fuzz-report.c - libFuzzer target: every report writer, audit, lint,
 * narrative and roll-up on whatever the reader lets through
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The first two bytes choose the report: byte 0 the format (modulo the nine
 * formats), byte 1 the content (bits 0–2, modulo table, explain, audit,
 * narrative, lint), the language (bit 3) and a row filter (bits 4–7: 0 for
 * none, else that row). The rest is a YAML stream, read as every command
 * reads one. Every evaluation is scored with its own policy; the promises:
 *
 *  - pbs_report_render gives text or an error (PBS_REPORT_ERROR, or
 *    PBS_DOCUMENT_ERROR from the YAML writer), never both or neither; the
 *    text has the length returned and, but for xlsx, is UTF-8; YAML of
 *    scored evaluations reads back as as many documents;
 *  - the audit, the lint findings and the narrative of each scorecard give
 *    UTF-8 messages for every finding, in both languages;
 *  - the first two scorecards roll up into an evaluation or a
 *    PBS_SCORE_ERROR; a roll-up is scored and reported like the others.
 *
 * A broken promise abort()s. Build and run: doc/fuzzing.md.
 */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <pbscore/pbscore.h>

#define FUZZ_NAME "fuzz-report"
#include "fuzz-common.h"

static void
check_utf8 (char *text, const char *what)
{
  g_autofree char *owned = text;

  if (owned == NULL || !g_utf8_validate (owned, -1, NULL))
    broken_promise (what, NULL, NULL);
}

/* The audit, the lint findings and the narrative, in both languages. */
static void
check_analyses (PbsScorecard *sc)
{
  g_autoptr (PbsAudit) audit = pbs_audit_new (sc);
  g_autoptr (PbsLint) lint = pbs_lint_new (sc);

  for (guint lang = PBS_LANGUAGE_ZH; lang <= PBS_LANGUAGE_EN; lang++)
    {
      for (guint i = 0; i < pbs_audit_get_n_findings (audit); i++)
        check_utf8 (pbs_audit_dup_message (audit, i, lang), "an audit message that is not UTF-8");
      for (guint i = 0; i < pbs_lint_get_n_findings (lint); i++)
        {
          check_utf8 (pbs_lint_dup_message (lint, i, lang), "a lint message that is not UTF-8");
          check_utf8 (pbs_lint_dup_suggestion (lint, i, lang), "a lint suggestion that is not UTF-8");
        }
    }
  check_utf8 (pbs_narrative_dup_text (sc), "a narrative that is not UTF-8");
}

static void
check_render (GPtrArray *scorecards, PbsFormat format, PbsReportContent content,
              PbsLanguage language, gint row)
{
  g_autoptr (PbsReport) report = pbs_report_new (format, content, language);
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  gsize length = 0;

  for (guint i = 0; i < scorecards->len; i++)
    pbs_report_add (report, g_ptr_array_index (scorecards, i));
  if (row > 0)
    pbs_report_set_row_filter (report, row, NULL);
  text = pbs_report_render (report, &length, &error);
  if (text == NULL)
    {
      check_error (error, "a report failed without an error", NULL, PBS_REPORT_ERROR,
                   PBS_DOCUMENT_ERROR, 0);
      return;
    }
  if (error != NULL)
    broken_promise ("a report and an error", error, NULL);
  if (format == PBS_FORMAT_XLSX)
    {
      if (length < 4 || memcmp (text, "PK\x03\x04", 4) != 0)
        broken_promise ("an xlsx report that is no zip", NULL, NULL);
      return;
    }
  if (length != strlen (text) || !g_utf8_validate (text, (gssize) length, NULL))
    broken_promise ("a report that is not UTF-8 of the length returned", NULL, NULL);
  if (format == PBS_FORMAT_YAML && content != PBS_REPORT_LINT)
    {
      g_autoptr (PbsReader) reader = pbs_reader_new_for_data (text, (gssize) length, "<saved>");
      guint n = 0;

      for (;;)
        {
          g_autoptr (PbsDocument) doc = pbs_reader_next (reader, &error);

          if (doc == NULL)
            break;
          n++;
        }
      if (error != NULL)
        {
          fprintf (stderr, "%s\n", text);
          broken_promise ("YAML written by the report does not read back", error, NULL);
        }
      if (n != scorecards->len)
        broken_promise ("YAML written by the report holds another number of documents", NULL, NULL);
    }
}

/* The first two scorecards rolled up, scored: a scorecard, or NULL when
 * they cannot be merged (a PBS_SCORE_ERROR). */
static PbsScorecard *
roll_up (GPtrArray *scorecards)
{
  g_autoptr (PbsRollup) rollup = pbs_rollup_new ();
  g_autoptr (PbsEvaluation) merged = NULL;
  g_autoptr (GError) error = NULL;
  PbsScorecard *sc;

  for (guint i = 0; i < 2; i++)
    if (!pbs_rollup_add (rollup, g_ptr_array_index (scorecards, i), &error))
      {
        if (error == NULL || error->domain != PBS_SCORE_ERROR)
          broken_promise ("a roll-up refused a scorecard without a PBS_SCORE_ERROR", error, NULL);
        return NULL;
      }
  merged = pbs_rollup_merge (rollup, "汇总", &error);
  if (merged == NULL)
    {
      if (error == NULL || error->domain != PBS_SCORE_ERROR)
        broken_promise ("a roll-up failed without a PBS_SCORE_ERROR", error, NULL);
      return NULL;
    }
  sc = pbs_evaluation_score (merged, NULL, &error);
  if (sc == NULL && (error == NULL || error->domain != PBS_SCORE_ERROR))
    broken_promise ("scoring a roll-up failed without a PBS_SCORE_ERROR", error, NULL);
  return sc;
}

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  (void) argc;
  (void) argv;
  /* A g_return_if_fail () inside the library is a library bug, whatever
   * the input: make it a crash rather than a line on stderr. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  /* The seeds name shipped templates (department-overall): the fuzzer's
   * library is a static archive, which does not know it is uninstalled. */
  g_setenv ("PBSCORE_TEMPLATE_PATH", PBS_SOURCE_DATA_DIR "/templates", FALSE);
  g_setenv ("PBSCORE_POLICY_PATH", PBS_SOURCE_DATA_DIR "/policies", FALSE);
  g_type_ensure (PBS_TYPE_READER);
  g_type_ensure (PBS_TYPE_EVALUATION);
  g_type_ensure (PBS_TYPE_REPORT);
  g_type_ensure (PBS_TYPE_ROLLUP);
  g_type_class_unref (g_type_class_ref (PBS_TYPE_READER));
  g_type_class_unref (g_type_class_ref (PBS_TYPE_REPORT));
  g_type_class_unref (g_type_class_ref (PBS_TYPE_ROLLUP));
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  static const PbsReportContent contents[] = {
    PBS_REPORT_TABLE, PBS_REPORT_EXPLAIN, PBS_REPORT_AUDIT, PBS_REPORT_NARRATIVE, PBS_REPORT_LINT,
  };
  g_autoptr (PbsReader) reader = NULL;
  g_autoptr (GPtrArray) scorecards = g_ptr_array_new_with_free_func ((GDestroyNotify) pbs_scorecard_unref);
  PbsFormat format;
  PbsReportContent content;
  PbsLanguage language;
  gint row;

  if (size < 2)
    return 0;
  format = (PbsFormat) (data[0] % (PBS_FORMAT_CSV_SPREADSHEET + 1));
  content = contents[(data[1] & 7) % G_N_ELEMENTS (contents)];
  language = (data[1] & 8) ? PBS_LANGUAGE_EN : PBS_LANGUAGE_ZH;
  row = data[1] >> 4;

  reader = pbs_reader_new_for_data (size > 2 ? (const char *) data + 2 : "", (gssize) (size - 2),
                                    "<fuzz>.yaml");
  /* at most 8 evaluations: the writers, not the reader, are under test */
  while (scorecards->len < 8)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (PbsDocument) doc = pbs_reader_next (reader, &error);
      PbsScorecard *sc;

      if (doc == NULL)
        break;
      if (pbs_document_get_kind (doc) != PBS_DOCUMENT_EVALUATION)
        continue;
      sc = pbs_evaluation_score (pbs_document_get_evaluation (doc), NULL, &error);
      if (sc == NULL)
        continue;
      check_analyses (sc);
      g_ptr_array_add (scorecards, sc);
    }
  if (scorecards->len == 0)
    return 0;
  check_render (scorecards, format, content, language, row);
  if (scorecards->len >= 2)
    {
      g_autoptr (PbsScorecard) merged = roll_up (scorecards);

      if (merged != NULL)
        {
          g_autoptr (GPtrArray) one = g_ptr_array_new ();

          check_analyses (merged);
          g_ptr_array_add (one, merged);
          check_render (one, format, content, language, row);
        }
    }
  return 0;
}
