/* fuzz-table.c - libFuzzer target: the table readers and the layout reader
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * doc/import.md promises that a hostile table file is a located error or a
 * correct result, never a crash or a hang. An input whose first byte is
 * below 8 is a file name picked by that byte (its extension is a hint
 * between YAML and CSV text) and the file after it; any other input is a
 * file named "t", recognised by its content alone, so an .xlsx or .docx
 * seed is the file as it is. The file is read through the same entry as
 * every command: format sniffing, the reader of the format (xlsx, xls,
 * docx, html, csv), the layout reader. This checks:
 *
 *  - a failed read is a PBS_IMPORT_ERROR whose message is UTF-8 and
 *    starts with the file name;
 *  - every evaluation read has rows, each with a place, and scoring it
 *    gives a scorecard or a PBS_SCORE_ERROR, never both, never neither;
 *  - an evaluation that saves as YAML reads back equal.
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

#define FUZZ_NAME "fuzz-table"
#include "fuzz-common.h"

#include "pbs-import.h"

static const char *const names[] = {
  "t.csv", "t.html", "t.xlsx", "t.xls", "t.docx", "t", "t.txt", "t.et",
};

static void
check_evaluation (PbsEvaluation *e)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PbsScorecard) sc = NULL;
  g_autofree char *text = NULL;
  gsize length = 0;

  if (pbs_evaluation_get_n_indicators (e) == 0)
    broken_promise ("an evaluation without rows", NULL, NULL);
  for (guint i = 0; i < pbs_evaluation_get_n_indicators (e); i++)
    if (pbs_indicator_get_place (pbs_evaluation_get_indicator (e, i)) == NULL)
      broken_promise ("a row without a place", NULL, NULL);
  sc = pbs_evaluation_score (e, NULL, &error);
  if (sc == NULL && (error == NULL || error->domain != PBS_SCORE_ERROR))
    broken_promise ("scoring failed without a PBS_SCORE_ERROR", error, NULL);
  if (sc != NULL && error != NULL)
    broken_promise ("scoring gave a scorecard and an error", error, NULL);
  g_clear_error (&error);
  text = pbs_evaluation_save_to_data (e, NULL, &length, &error);
  if (text != NULL)
    {
      g_autoptr (PbsReader) reader = pbs_reader_new_for_data (text, (gssize) length, "<saved>");
      g_autoptr (PbsDocument) again = pbs_reader_next (reader, &error);

      if (again == NULL)
        broken_promise ("the saved text does not read back", error, NULL);
      if (!pbs_evaluation_equal (e, pbs_document_get_evaluation (again)))
        broken_promise ("read → save → read gives a different evaluation", NULL, NULL);
    }
}

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  (void) argc;
  (void) argv;
  /* pbscore's own criticals are bugs. libgsf 1.14.50's are not ours: a
   * hostile OLE2 directory trips its assertions (domain libgsf:msole) and
   * a bogus timestamp makes it unref a NULL GDateTime (domain GLib), and
   * it then fails cleanly; so GLib's domain cannot be fatal here. */
  g_log_set_fatal_mask ("pbscore", G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  g_log_set_fatal_mask ("GLib-GObject", G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  g_log_set_handler ("libgsf:msole", G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING,
                     g_log_default_handler, NULL);
  g_type_ensure (PBS_TYPE_READER);
  g_type_ensure (PBS_TYPE_EVALUATION);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GPtrArray) evaluations = NULL;
  g_autoptr (GError) error = NULL;
  const char *name;

  if (size == 0)
    return 0;
  if (data[0] < G_N_ELEMENTS (names))
    {
      name = names[data[0]];
      bytes = g_bytes_new (data + 1, size - 1);
    }
  else
    {
      name = "t";
      bytes = g_bytes_new (data, size);
    }
  if (!pbs_import_read (name, bytes, NULL, &evaluations, &error))
    {
      check_error (error, "a failed read without a PBS_IMPORT_ERROR", NULL, PBS_IMPORT_ERROR, 0);
      if (!g_str_has_prefix (error->message, name))
        broken_promise ("an error message that names no file", error, NULL);
      return 0;
    }
  if (error != NULL)
    broken_promise ("a result and an error", error, NULL);
  for (guint i = 0; evaluations != NULL && i < evaluations->len; i++)
    check_evaluation (g_ptr_array_index (evaluations, i));
  return 0;
}
