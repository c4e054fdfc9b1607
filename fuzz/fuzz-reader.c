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
 *    evaluation document that reads back without an error);
 *  - read again with the parser on a thread of its own
 *    (pbs_reader_set_parse_ahead), the stream gives the same documents
 *    (kinds, equal evaluations) and the same errors, in the same order.
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

/* One outcome of pbs_reader_next (): a document, or an error's words. */
typedef struct {
  PbsDocument *doc;
  char        *error;
} Outcome;

static void
outcome_clear (gpointer data)
{
  Outcome *o = data;

  g_clear_pointer (&o->doc, pbs_document_unref);
  g_clear_pointer (&o->error, g_free);
}

static char *
error_words (const GError *error)
{
  return g_strdup_printf ("%s %d %s", g_quark_to_string (error->domain), error->code, error->message);
}

/* The same stream read with the parser on a thread of its own gives
 * @outcomes again. */
static void
check_parse_ahead (const char *data, gssize size, GArray *outcomes)
{
  g_autoptr (PbsReader) reader = pbs_reader_new_for_data (data, size, "<fuzz>.yaml");
  guint i = 0;

  pbs_reader_set_parse_ahead (reader, TRUE);
  for (;; i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (PbsDocument) doc = pbs_reader_next (reader, &error);
      const Outcome *want;

      if (doc == NULL && error == NULL)
        break;
      if (i >= outcomes->len)
        broken_promise ("parsing ahead gives more documents or errors", error, NULL);
      want = &g_array_index (outcomes, Outcome, i);
      if (error != NULL)
        {
          g_autofree char *said = error_words (error);

          if (want->error == NULL || strcmp (said, want->error) != 0)
            broken_promise ("parsing ahead gives another error", error, want->error);
        }
      else if (want->doc == NULL || pbs_document_get_kind (doc) != pbs_document_get_kind (want->doc)
               || (pbs_document_get_kind (doc) == PBS_DOCUMENT_EVALUATION
                   && !pbs_evaluation_equal (pbs_document_get_evaluation (doc),
                                             pbs_document_get_evaluation (want->doc))))
        broken_promise ("parsing ahead gives another document", NULL, want->error);
    }
  if (i != outcomes->len)
    broken_promise ("parsing ahead gives fewer documents or errors", NULL, NULL);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (PbsReader) reader = NULL;
  g_autoptr (GArray) outcomes = g_array_new (FALSE, TRUE, sizeof (Outcome));
  const char *text = size > 0 ? (const char *) data : "";

  g_array_set_clear_func (outcomes, outcome_clear);
  /* The reader takes a length and copies the bytes: no NUL needed. */
  reader = pbs_reader_new_for_data (text, (gssize) size, "<fuzz>.yaml");
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
          {
            Outcome o = { NULL, error_words (error) };

            g_array_append_val (outcomes, o);
          }
          continue;
        }
      if (error != NULL)
        broken_promise ("a document and an error", error, NULL);
      if (pbs_document_get_kind (doc) == PBS_DOCUMENT_EVALUATION)
        check_evaluation (pbs_document_get_evaluation (doc));
      {
        Outcome o = { g_steal_pointer (&doc), NULL };

        g_array_append_val (outcomes, o);
      }
    }
  check_parse_ahead (text, (gssize) size, outcomes);
  return 0;
}
