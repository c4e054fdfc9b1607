/* fuzz-reader.c - libFuzzer target: the YAML reader, scoring and writer
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * doc/format.md promises that hostile input is never a crash, a hang or a
 * silent zero. The fuzzer's bytes are read as a stream of documents; for
 * every evaluation this checks what the contract says about it:
 *
 *  - a failed read is a PBS_DOCUMENT_ERROR whose message is UTF-8;
 *  - scoring with the default policy either gives a scorecard or fails
 *    with a PBS_SCORE_ERROR, never both, never neither;
 *  - load → save → load gives an equal evaluation (the saved text is one
 *    evaluation document that reads back without an error).
 *
 * A broken promise abort()s, which libFuzzer reports as a crash with the
 * input that caused it. Build and run: doc/fuzzing.md.
 */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <pbscore/pbscore.h>

#define FUZZ_NAME "fuzz-reader"
#include "fuzz-common.h"

/* Saves @evaluation (with @scorecard, whose output keys the reader must
 * accept and ignore) and reads the text back. */
static void
check_round_trip (PbsEvaluation *evaluation, PbsScorecard *scorecard)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  g_autoptr (PbsReader) reader = NULL;
  g_autoptr (PbsDocument) again = NULL;
  g_autoptr (PbsDocument) extra = NULL;
  gsize length = 0;

  text = pbs_evaluation_save_to_data (evaluation, scorecard, &length, &error);
  if (text == NULL)
    broken_promise ("an evaluation that was read cannot be saved", error, NULL);
  if (length != strlen (text) || !g_utf8_validate (text, (gssize) length, NULL))
    broken_promise ("the saved text is not UTF-8 of the length returned", NULL, text);

  reader = pbs_reader_new_for_data (text, (gssize) length, "<saved>");
  again = pbs_reader_next (reader, &error);
  if (again == NULL)
    broken_promise ("the saved text does not read back", error, text);
  if (pbs_document_get_kind (again) != PBS_DOCUMENT_EVALUATION)
    broken_promise ("the saved text reads back as another kind", NULL, text);
  if (!pbs_evaluation_equal (evaluation, pbs_document_get_evaluation (again)))
    broken_promise ("load → save → load gives a different evaluation", NULL, text);
  extra = pbs_reader_next (reader, &error);
  if (extra != NULL || error != NULL)
    broken_promise ("the saved text holds more than one document", error, text);
}

static void
check_evaluation (PbsEvaluation *evaluation)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PbsScorecard) scorecard = NULL;

  scorecard = pbs_evaluation_score (evaluation, NULL, &error);
  if (scorecard == NULL)
    check_error (error, "scoring failed without an error", NULL, PBS_SCORE_ERROR, PBS_IMPORT_ERROR, 0);
  else if (error != NULL)
    broken_promise ("scoring gave a scorecard and an error", error, NULL);
  check_round_trip (evaluation, scorecard);
}

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  (void) argc;
  (void) argv;
  /* A g_return_if_fail () inside the library is a library bug, whatever
   * the input: make it a crash rather than a line on stderr. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  /* Register the types up front, so that first-run class_init is not taken
   * for new coverage. */
  g_type_ensure (PBS_TYPE_READER);
  g_type_ensure (PBS_TYPE_EVALUATION);
  g_type_class_unref (g_type_class_ref (PBS_TYPE_READER));
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (PbsReader) reader = NULL;

  /* The reader takes a length and copies the bytes: no NUL needed. */
  reader = pbs_reader_new_for_data (size > 0 ? (const char *) data : "",
                                    (gssize) size, "<fuzz>.yaml");
  for (;;)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (PbsDocument) doc = pbs_reader_next (reader, &error);

      if (doc == NULL)
        {
          /* after a document's error the reader goes on with the next
           * one; the end is NULL without an error */
          if (error == NULL)
            break;
          check_error (error, "", NULL, PBS_DOCUMENT_ERROR, PBS_IMPORT_ERROR, 0);
          continue;
        }
      if (error != NULL)
        broken_promise ("a document and an error", error, NULL);
      if (pbs_document_get_kind (doc) == PBS_DOCUMENT_EVALUATION)
        check_evaluation (pbs_document_get_evaluation (doc));
    }
  return 0;
}
