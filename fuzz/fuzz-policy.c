/* fuzz-policy.c - libFuzzer target: the policy loader
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The bytes are a policy file (`kind: policy`, doc/policy.md), read as
 * pbs_policy_load_file reads one: through the YAML reader, as a stream of
 * documents. For every policy read:
 *
 *  - a failed read is a PBS_DOCUMENT_ERROR (or a PBS_POLICY_ERROR) whose
 *    message is UTF-8, never a document and an error;
 *  - every knob prints (pbs_policy_dup_knob) as UTF-8;
 *  - saved (pbs_policy_save_to_data), it reads back as one policy with
 *    every knob equal (pbs_policy_equal);
 *  - a small fixed evaluation scored under it gives a scorecard or a
 *    PBS_SCORE_ERROR, never both or neither.
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

#define FUZZ_NAME "fuzz-policy"
#include "fuzz-common.h"

static PbsEvaluation *sample;

static const char sample_yaml[] =
  "pbscore: 1\ntitle: t\nbudget: {annual: 100, executed: 93}\nindicators:\n"
  "  - {level1: 产出指标, level2: 数量指标, name: A, target: '≥100项', actual: '97项', points: 30}\n"
  "  - {level1: 产出指标, level2: 质量指标, name: B, target: '=100%', actual: '140%', points: 20}\n"
  "  - {level1: 产出指标, level2: 时效指标, name: C, target: '2024年6月底前', actual: '2024年8月', points: 10}\n"
  "  - {level1: 产出指标, level2: 成本指标, name: D, target: '≤50万元', actual: '60万元', points: 10}\n"
  "  - {level1: 效益指标, level2: 社会效益指标, name: E, target: 有所提升, actual: 基本达成, points: 10}\n"
  "  - {level1: 满意度指标, level2: 服务对象满意度指标, name: F, target: '≥90%', actual: '85%', points: 10,"
  " reason: 问卷回收率低}\n";

static void
check_policy (PbsPolicy *policy)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  g_autoptr (PbsReader) reader = NULL;
  g_autoptr (PbsDocument) again = NULL;
  g_autoptr (PbsScorecard) sc = NULL;
  const char * const *knobs = pbs_policy_list_knobs ();
  gsize length = 0;

  for (guint i = 0; knobs[i] != NULL; i++)
    {
      g_autofree char *value = pbs_policy_dup_knob (policy, knobs[i]);

      if (value == NULL || !g_utf8_validate (value, -1, NULL))
        broken_promise ("a knob that does not print as UTF-8", NULL, knobs[i]);
    }

  text = pbs_policy_save_to_data (policy, &length, &error);
  if (text == NULL)
    broken_promise ("a policy that was read cannot be saved", error, NULL);
  if (length != strlen (text) || !g_utf8_validate (text, (gssize) length, NULL))
    broken_promise ("the saved text is not UTF-8 of the length returned", NULL, text);
  reader = pbs_reader_new_for_data (text, (gssize) length, "<saved>.yaml");
  again = pbs_reader_next (reader, &error);
  if (again == NULL)
    broken_promise ("the saved policy does not read back", error, text);
  if (pbs_document_get_kind (again) != PBS_DOCUMENT_POLICY
      || !pbs_policy_equal (policy, pbs_document_get_policy (again)))
    broken_promise ("load → save → load gives another policy", NULL, text);

  sc = pbs_evaluation_score (sample, policy, &error);
  if (sc == NULL && (error == NULL || error->domain != PBS_SCORE_ERROR
                     || !g_utf8_validate (error->message, -1, NULL)))
    broken_promise ("scoring failed without a PBS_SCORE_ERROR in UTF-8", error, NULL);
  if (sc != NULL && error != NULL)
    broken_promise ("scoring gave a scorecard and an error", error, NULL);
}

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PbsReader) reader = NULL;
  g_autoptr (PbsDocument) doc = NULL;

  (void) argc;
  (void) argv;
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  g_type_ensure (PBS_TYPE_READER);
  g_type_class_unref (g_type_class_ref (PBS_TYPE_READER));
  reader = pbs_reader_new_for_data (sample_yaml, -1, "sample.yaml");
  doc = pbs_reader_next (reader, &error);
  if (doc == NULL)
    broken_promise ("the sample evaluation does not read", error, NULL);
  /* scoring seals it: every policy scores the same, unchanged table */
  sample = pbs_evaluation_ref (pbs_document_get_evaluation (doc));
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (PbsReader) reader = NULL;

  reader = pbs_reader_new_for_data (size > 0 ? (const char *) data : "", (gssize) size,
                                    "<fuzz>.yaml");
  for (;;)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (PbsDocument) doc = pbs_reader_next (reader, &error);

      if (doc == NULL)
        {
          if (error != NULL)
            check_error (error, "", NULL, PBS_DOCUMENT_ERROR, PBS_POLICY_ERROR, PBS_IMPORT_ERROR, 0);
          break;
        }
      if (error != NULL)
        broken_promise ("a document and an error", error, NULL);
      if (pbs_document_get_kind (doc) == PBS_DOCUMENT_POLICY)
        check_policy (pbs_document_get_policy (doc));
    }
  return 0;
}
