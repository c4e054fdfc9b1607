/* test-presets.c - the shipped policies/NAME.yaml are the C presets
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Rule book §8 and issue 4: the YAML presets and the built-in C values are
 * one source of truth. The files are written from the C presets by
 * pbs_policy_save_to_data() (`make update-presets` sets
 * PBS_UPDATE_PRESETS=1 to rewrite them); these tests fail when a file and
 * its preset drift apart, in text, in knobs, or in how they score.
 */
#include "pbs-test.h"

#ifndef PBS_TEST_POLICIES_DIR
#error "PBS_TEST_POLICIES_DIR must name the source tree's policies/"
#endif
#ifndef PBS_TEST_EXAMPLES_DIR
#error "PBS_TEST_EXAMPLES_DIR must name the source tree's examples/"
#endif

static char *
preset_path (const char *name)
{
  g_autofree char *file = g_strconcat (name, ".yaml", NULL);
  return g_build_filename (PBS_TEST_POLICIES_DIR, file, NULL);
}

/* §8: each file is exactly what the writer makes of its C preset. */
static void
test_files_are_generated (void)
{
  const char * const *names = pbs_policy_list_presets ();

  CU_ASSERT_EQUAL (g_strv_length ((char **) names), 5);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (PbsPolicy) preset = pbs_policy_new_preset (names[i], &error);
      g_autofree char *want = NULL, *have = NULL, *path = preset_path (names[i]);

      CU_ASSERT_PTR_NOT_NULL_FATAL (preset);
      want = pbs_policy_save_to_data (preset, NULL, &error);
      CU_ASSERT_PTR_NOT_NULL_FATAL (want);
      CU_ASSERT_PTR_NOT_NULL (strstr (want, "kind: policy"));
      CU_ASSERT_TRUE (g_file_get_contents (path, &have, NULL, &error));
      if (have == NULL || strcmp (have, want) != 0)
        fprintf (stderr, "%s differs from the C preset; run make update-presets\n", path);
      CU_ASSERT_STRING_EQUAL (have != NULL ? have : "", want);
    }
}

/* §8: loading each file gives the C preset, knob by knob. */
static void
test_files_load_as_presets (void)
{
  const char * const *names = pbs_policy_list_presets ();
  const char * const *knobs = pbs_policy_list_knobs ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *path = preset_path (names[i]);
      g_autoptr (PbsPolicy) preset = pbs_policy_new_preset (names[i], NULL);
      g_autoptr (PbsPolicy) loaded = pbs_policy_load_file (path, &error);

      CU_ASSERT_PTR_NOT_NULL_FATAL (loaded);
      CU_ASSERT_STRING_EQUAL (pbs_policy_get_name (loaded), names[i]);
      CU_ASSERT_TRUE (pbs_policy_equal (loaded, preset));
      for (guint k = 0; knobs[k] != NULL; k++)
        {
          g_autofree char *a = pbs_policy_dup_knob (loaded, knobs[k]);
          g_autofree char *b = pbs_policy_dup_knob (preset, knobs[k]);
          CU_ASSERT_STRING_EQUAL (a, b);
        }
    }
}

/* A policy file that changes one knob is not equal to its preset: the
 * equality the tests above rely on can fail. */
static void
test_equal_can_fail (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PbsReader) r = pbs_reader_new_for_data (
    "pbscore: 1\nkind: policy\nname: x\nextends: shanxi\nover:\n  threshold: 1.25\n", -1, "x.yaml");
  g_autoptr (PbsDocument) doc = pbs_reader_next (r, &error);
  g_autoptr (PbsPolicy) shanxi = pbs_policy_new_preset ("shanxi", NULL);

  CU_ASSERT_PTR_NOT_NULL_FATAL (doc);
  CU_ASSERT_FALSE (pbs_policy_equal (pbs_document_get_policy (doc), shanxi));
  CU_ASSERT_TRUE (pbs_policy_set (shanxi, "over.threshold", "1.25", NULL));
  CU_ASSERT_TRUE (pbs_policy_equal (pbs_document_get_policy (doc), shanxi));
}

/* Issue 4: each preset, loaded from YAML, scores shared evaluations
 * exactly as its C values do: row by row, budget, total, grade, and the
 * same error where the preset refuses the table. */
static void
compare_scoring (PbsEvaluation *e, PbsPolicy *a, PbsPolicy *b)
{
  g_autoptr (GError) ea = NULL, eb = NULL;
  g_autoptr (PbsScorecard) sa = pbs_evaluation_score (e, a, &ea);
  g_autoptr (PbsScorecard) sb = pbs_evaluation_score (e, b, &eb);
  PbsDecimal x, y;

  CU_ASSERT_EQUAL (sa == NULL, sb == NULL);
  if (sa == NULL || sb == NULL)
    {
      CU_ASSERT_TRUE (ea != NULL && eb != NULL && ea->domain == eb->domain && ea->code == eb->code);
      return;
    }
  CU_ASSERT_EQUAL (pbs_scorecard_get_n_rows (sa), pbs_scorecard_get_n_rows (sb));
  for (guint i = 0; i < pbs_scorecard_get_n_rows (sa); i++)
    {
      gboolean ha = pbs_scorecard_get_row_score (sa, i, &x), hb = pbs_scorecard_get_row_score (sb, i, &y);
      CU_ASSERT_EQUAL (ha, hb);
      if (ha && hb)
        CU_ASSERT_TRUE (pbs_decimal_equal (&x, &y) && x.scale == y.scale);
      CU_ASSERT_EQUAL (pbs_scorecard_get_row_flags (sa, i), pbs_scorecard_get_row_flags (sb, i));
      CU_ASSERT_EQUAL (pbs_scorecard_get_row_status (sa, i), pbs_scorecard_get_row_status (sb, i));
    }
  pbs_scorecard_get_budget_score (sa, &x);
  pbs_scorecard_get_budget_score (sb, &y);
  CU_ASSERT_TRUE (pbs_decimal_equal (&x, &y));
  pbs_scorecard_get_total (sa, &x);
  pbs_scorecard_get_total (sb, &y);
  CU_ASSERT_TRUE (pbs_decimal_equal (&x, &y));
  CU_ASSERT_EQUAL (pbs_scorecard_get_grade (sa), pbs_scorecard_get_grade (sb));
  CU_ASSERT_EQUAL (pbs_scorecard_get_n_warnings (sa), pbs_scorecard_get_n_warnings (sb));
}

/* A table that exercises the knobs the presets differ in: budget points,
 * over-completion (1.25 t and 1.35 t, with and without a reason), a
 * reverse row past its target, a shortfall. */
static const char knob_table[] =
  "pbscore: 1\ntitle: 预设比较\nbudget: {annual: 100, executed: 85}\n"
  "indicators:\n"
  "  - {level1: 产出指标, level2: 数量指标, name: 完成件数, target: '≥100件', actual: '135件', points: 30, reason: 需求增加}\n"
  "  - {level1: 产出指标, level2: 数量指标, name: 覆盖户数, target: '≥100户', actual: '125户', points: 20}\n"
  "  - {level1: 产出指标, level2: 时效指标, name: 办结时限, target: '≤3天', actual: '4.5天', points: 10, reason: 人手不足}\n"
  "  - {level1: 效益指标, level2: 社会效益指标, name: 知晓率, target: '≥90%', actual: '81%', points: 20, reason: 宣传不足}\n"
  "  - {level1: 满意度指标, level2: 服务对象满意度指标, name: 满意度, target: '≥95%', actual: '97%', points: 10}\n";

static void
test_presets_score_alike (void)
{
  const char * const *names = pbs_policy_list_presets ();
  g_autofree char *xishan = g_build_filename (PBS_TEST_EXAMPLES_DIR, "xishan-2024.yaml", NULL);
  g_autoptr (GPtrArray) evals = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GError) error = NULL;
  g_autoptr (PbsReader) r = pbs_reader_new_for_data (knob_table, -1, "knobs.yaml");
  g_autoptr (PbsDocument) doc = pbs_reader_next (r, &error);
  g_autoptr (GPtrArray) seed = pbs_evaluation_load_file (xishan, &error);

  CU_ASSERT_PTR_NOT_NULL_FATAL (doc);
  CU_ASSERT_PTR_NOT_NULL_FATAL (seed);
  g_ptr_array_add (evals, g_object_ref (pbs_document_get_evaluation (doc)));
  g_ptr_array_extend_and_steal (evals, g_steal_pointer (&seed));

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = preset_path (names[i]);
      g_autoptr (PbsPolicy) c_preset = pbs_policy_new_preset (names[i], NULL);
      g_autoptr (PbsPolicy) yaml_preset = pbs_policy_load_file (path, NULL);

      CU_ASSERT_PTR_NOT_NULL_FATAL (yaml_preset);
      /* as_is, so that every preset scores the same tables (otherwise
       * Baoshan's 20 budget points refuse a 100-point table) */
      for (guint variant = 0; variant < 2; variant++)
        {
          if (variant == 1)
            {
              CU_ASSERT_TRUE (pbs_policy_set (c_preset, "weights.mismatch", "as_is", NULL));
              CU_ASSERT_TRUE (pbs_policy_set (yaml_preset, "weights.mismatch", "as_is", NULL));
            }
          for (guint k = 0; k < evals->len; k++)
            compare_scoring (g_ptr_array_index (evals, k), c_preset, yaml_preset);
        }
    }
}

/* The presets differ where rule book §8 says: guangxi's threshold is
 * 1.3 t (the 1.35 t row has a reason, so its require_reason passes, and
 * the 1.25 t row is no longer over-completed); Baoshan's budget line
 * carries 20 points. */
static void
test_presets_differ_where_documented (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PbsReader) r = pbs_reader_new_for_data (knob_table, -1, "knobs.yaml");
  g_autoptr (PbsDocument) doc = pbs_reader_next (r, &error);
  g_autoptr (PbsPolicy) central = pbs_policy_load_file (PBS_TEST_POLICIES_DIR "/central.yaml", NULL);
  g_autoptr (PbsPolicy) guangxi = pbs_policy_load_file (PBS_TEST_POLICIES_DIR "/guangxi.yaml", NULL);
  g_autoptr (PbsPolicy) baoshan = pbs_policy_load_file (PBS_TEST_POLICIES_DIR "/yunnan-baoshan.yaml", NULL);
  g_autoptr (PbsScorecard) sc = NULL, sg = NULL, sb = NULL;
  PbsEvaluation *e;
  PbsDecimal d;

  CU_ASSERT_PTR_NOT_NULL_FATAL (doc);
  CU_ASSERT_PTR_NOT_NULL_FATAL (central);
  CU_ASSERT_PTR_NOT_NULL_FATAL (guangxi);
  CU_ASSERT_PTR_NOT_NULL_FATAL (baoshan);
  e = pbs_document_get_evaluation (doc);

  sc = pbs_evaluation_score (e, central, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (sc);
  /* central: over-completion past 1.2 t on both 135 and 125 */
  CU_ASSERT_TRUE (pbs_scorecard_get_row_flags (sc, 0) & PBS_FLAG_OVER_COMPLETION);
  CU_ASSERT_TRUE (pbs_scorecard_get_row_flags (sc, 1) & PBS_FLAG_OVER_COMPLETION);
  sg = pbs_evaluation_score (e, guangxi, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (sg);
  /* guangxi: 1.3 t, so 125 is not over-completed, 135 is (with a reason) */
  CU_ASSERT_TRUE (pbs_scorecard_get_row_flags (sg, 0) & PBS_FLAG_OVER_COMPLETION);
  CU_ASSERT_FALSE (pbs_scorecard_get_row_flags (sg, 1) & PBS_FLAG_OVER_COMPLETION);
  /* yunnan-baoshan: 20 budget points make this 100-point table 110 */
  sb = pbs_evaluation_score (e, baoshan, &error);
  CU_ASSERT_PTR_NULL (sb);
  PBS_ASSERT_ERROR (error, PBS_SCORE_ERROR, PBS_SCORE_ERROR_WEIGHTS);
  g_clear_error (&error);
  CU_ASSERT_TRUE (pbs_policy_set (baoshan, "weights.mismatch", "as_is", NULL));
  g_clear_pointer (&sb, pbs_scorecard_unref);
  sb = pbs_evaluation_score (e, baoshan, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (sb);
  pbs_scorecard_get_budget_score (sb, &d);
  PBS_ASSERT_DECIMAL (&d, "17.00");   /* 20 × 85 / 100 */
}

/* `make update-presets`: rewrite the files instead of checking them. */
static int
update (void)
{
  const char * const *names = pbs_policy_list_presets ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (PbsPolicy) preset = pbs_policy_new_preset (names[i], NULL);
      g_autofree char *text = pbs_policy_save_to_data (preset, NULL, &error);
      g_autofree char *path = preset_path (names[i]);

      if (text == NULL || !g_file_set_contents (path, text, -1, &error))
        {
          fprintf (stderr, "%s: %s\n", path, error->message);
          return EXIT_FAILURE;
        }
      printf ("wrote %s\n", path);
    }
  return EXIT_SUCCESS;
}

static const PbsTestCase cases[] = {
  { "files are generated from the C presets", test_files_are_generated },
  { "files load as the C presets", test_files_load_as_presets },
  { "equality can fail", test_equal_can_fail },
  { "presets score alike from YAML and C", test_presets_score_alike },
  { "presets differ where documented", test_presets_differ_where_documented },
  { NULL, NULL }
};

int
main (void)
{
  if (g_getenv ("PBS_UPDATE_PRESETS") != NULL)
    return update ();
  return pbs_test_run ("presets", cases);
}
