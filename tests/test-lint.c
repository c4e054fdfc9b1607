/* test-lint.c - indicator quality findings and the narrative draft
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * doc/lint.md is the contract. The fixtures in tests/data/lint/ each make
 * exactly one check fire (or none: clean.yaml); each file's header works
 * the finding out by hand. The seed, examples/xishan-2024.yaml, must give
 * the weaknesses its report confesses, as far as its data shows them; the
 * reasoning is beside the assertions.
 *
 * Where the files are: $PBS_TEST_DATA, else the PBS_TEST_DATA_DIR macro,
 * else PBS_TEST_SRCDIR/data.
 */
#include "pbs-test.h"

/* ------------------------------------------------------------- fixtures */

/* A scored fixture: the document (which owns the evaluation), its
 * scorecard under the document's policy (or central), and the lint. */
typedef struct {
  PbsDocument  *doc;
  PbsScorecard *sc;
  PbsLint      *lint;
} Linted;

static void
linted_clear (Linted *l)
{
  g_clear_pointer (&l->lint, pbs_lint_unref);
  g_clear_pointer (&l->sc, pbs_scorecard_unref);
  g_clear_pointer (&l->doc, pbs_document_unref);
}

static PbsEvaluation *
linted_evaluation (Linted *l)
{
  return pbs_document_get_evaluation (l->doc);
}

/* Scores the evaluation again (after a change) and lints it anew. */
static gboolean
relint_at (const char *file, int line, Linted *l)
{
  g_autoptr (GError) error = NULL;

  g_clear_pointer (&l->lint, pbs_lint_unref);
  g_clear_pointer (&l->sc, pbs_scorecard_unref);
  l->sc = pbs_evaluation_score (linted_evaluation (l), NULL, &error);
  CHECK_AT (l->sc != NULL, file, line);
  if (l->sc == NULL)
    {
      fprintf (stderr, "%s:%d: scoring: %s\n", file, line, error ? error->message : "(no error set)");
      return FALSE;
    }
  l->lint = pbs_lint_new (l->sc);
  CHECK_AT (l->lint != NULL, file, line);
  return l->lint != NULL;
}
#define RELINT(l) relint_at (__FILE__, __LINE__, l)

/* Reads the one evaluation of @path (relative to the data folder), scores
 * and lints it. FALSE (with the test failed) when any step fails. */
static gboolean
lint_fixture_at (const char *file, int line, const char *relpath, Linted *out)
{
  g_autofree char *path = g_build_filename (pbs_test_data_dir (), relpath, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (PbsReader) reader = NULL;

  memset (out, 0, sizeof *out);
  reader = pbs_reader_new_for_path (path, &error);
  CHECK_AT (reader != NULL, file, line);
  if (reader == NULL)
    {
      fprintf (stderr, "%s:%d: %s: %s\n", file, line, path, error ? error->message : "?");
      return FALSE;
    }
  out->doc = pbs_reader_next (reader, &error);
  CHECK_AT (out->doc != NULL, file, line);
  if (out->doc == NULL)
    {
      fprintf (stderr, "%s:%d: %s: %s\n", file, line, path, error ? error->message : "no document");
      return FALSE;
    }
  return relint_at (file, line, out);
}
#define LINT_FIXTURE(name, out) lint_fixture_at (__FILE__, __LINE__, "lint/" name, out)
#define SEED_PATH "../../examples/xishan-2024.yaml"

static void
dump_findings (PbsLint *lint)
{
  GEnumClass *klass = g_type_class_ref (PBS_TYPE_LINT_CHECK);

  for (guint i = 0; i < pbs_lint_get_n_findings (lint); i++)
    {
      g_autofree char *m = pbs_lint_dup_message (lint, i, PBS_LANGUAGE_ZH);
      GEnumValue *v = g_enum_get_value (klass, pbs_lint_get_check (lint, i));

      fprintf (stderr, "  finding %u: %s row %d: %s\n", i, v != NULL ? v->value_nick : "?",
               pbs_lint_get_row (lint, i), m);
    }
  g_type_class_unref (klass);
}

/* Finding @index is @check on @row in @category (NULL: none). */
static gboolean
finding_is_at (const char *file, int line, PbsLint *lint, guint index, PbsLintCheck check,
               gint row, const char *category)
{
  gboolean ok = index < pbs_lint_get_n_findings (lint)
                && pbs_lint_get_check (lint, index) == check
                && pbs_lint_get_row (lint, index) == row
                && g_strcmp0 (pbs_lint_get_category (lint, index), category) == 0;

  CHECK_AT (ok, file, line);
  if (!ok)
    {
      fprintf (stderr, "%s:%d: expected finding %u: check %d, row %d, category %s; got:\n", file,
               line, index, check, row, category ? category : "(null)");
      dump_findings (lint);
    }
  return ok;
}
#define ASSERT_FINDING(lint, index, check, row, category) \
  finding_is_at (__FILE__, __LINE__, lint, index, check, row, category)

static void
n_findings_is_at (const char *file, int line, PbsLint *lint, guint n)
{
  gboolean ok = pbs_lint_get_n_findings (lint) == n;

  CHECK_AT (ok, file, line);
  if (!ok)
    {
      fprintf (stderr, "%s:%d: expected %u findings, got %u:\n", file, line, n,
               pbs_lint_get_n_findings (lint));
      dump_findings (lint);
    }
}
#define ASSERT_N_FINDINGS(lint, n) n_findings_is_at (__FILE__, __LINE__, lint, n)

static void
contains_at (const char *file, int line, const char *text, const char *part, gboolean want)
{
  gboolean ok = text != NULL && (strstr (text, part) != NULL) == want;

  CHECK_AT (ok, file, line);
  if (!ok)
    fprintf (stderr, "%s:%d: “%s” should %scontain “%s”\n", file, line, text ? text : "(null)",
             want ? "" : "not ", part);
}
#define ASSERT_CONTAINS(text, part) contains_at (__FILE__, __LINE__, text, part, TRUE)
#define ASSERT_LACKS(text, part) contains_at (__FILE__, __LINE__, text, part, FALSE)

/* A row finding's texts name the row, 1-based, and its indicator, in both
 * languages, and the suggestion is not empty. */
static void
texts_name_row_at (const char *file, int line, Linted *l, guint index)
{
  gint row = pbs_lint_get_row (l->lint, index);
  const char *name;
  g_autofree char *zh = NULL, *en = NULL, *zh_where = NULL, *en_where = NULL;
  g_autofree char *zh_fix = NULL, *en_fix = NULL;

  CHECK_AT (row >= 0, file, line);
  if (row < 0)
    return;
  name = pbs_indicator_get_name (pbs_evaluation_get_indicator (linted_evaluation (l), (guint) row));
  zh = pbs_lint_dup_message (l->lint, index, PBS_LANGUAGE_ZH);
  en = pbs_lint_dup_message (l->lint, index, PBS_LANGUAGE_EN);
  zh_where = g_strdup_printf ("第 %d 行（%s）", row + 1, name);
  en_where = g_strdup_printf ("row %d (%s)", row + 1, name);
  contains_at (file, line, zh, zh_where, TRUE);
  contains_at (file, line, en, en_where, TRUE);
  zh_fix = pbs_lint_dup_suggestion (l->lint, index, PBS_LANGUAGE_ZH);
  en_fix = pbs_lint_dup_suggestion (l->lint, index, PBS_LANGUAGE_EN);
  CHECK_AT (zh_fix != NULL && *zh_fix != '\0', file, line);
  CHECK_AT (en_fix != NULL && *en_fix != '\0', file, line);
}
#define ASSERT_TEXTS_NAME_ROW(l, index) texts_name_row_at (__FILE__, __LINE__, l, index)

/* Exactly one finding, @check on @row in @category, and no other check
 * counts anything. */
static void
only_finding_at (const char *file, int line, Linted *l, PbsLintCheck check, gint row,
                 const char *category)
{
  n_findings_is_at (file, line, l->lint, 1);
  finding_is_at (file, line, l->lint, 0, check, row, category);
  for (int c = PBS_LINT_VAGUE_TARGET; c <= PBS_LINT_MISSING_REASON; c++)
    CHECK_AT (pbs_lint_count (l->lint, c) == (c == (int) check ? 1u : 0u), file, line);
  if (row >= 0 && pbs_lint_get_n_findings (l->lint) == 1)
    texts_name_row_at (file, line, l, 0);
}
#define ASSERT_ONLY_FINDING(l, check, row, category) \
  only_finding_at (__FILE__, __LINE__, l, check, row, category)

/* ------------------------------------------------------------- checks */

static void
test_clean (void)
{
  Linted l;

  if (LINT_FIXTURE ("clean.yaml", &l))
    {
      ASSERT_N_FINDINGS (l.lint, 0);
      for (int c = PBS_LINT_VAGUE_TARGET; c <= PBS_LINT_MISSING_REASON; c++)
        CU_ASSERT_EQUAL (pbs_lint_count (l.lint, c), 0);
    }
  linted_clear (&l);
}

static void
test_vague_target (void)
{
  Linted l;

  if (LINT_FIXTURE ("vague-target.yaml", &l))
    {
      g_autofree char *msg = NULL, *fix = NULL;

      ASSERT_ONLY_FINDING (&l, PBS_LINT_VAGUE_TARGET, 2, "时效指标");
      msg = pbs_lint_dup_message (l.lint, 0, PBS_LANGUAGE_ZH);
      ASSERT_CONTAINS (msg, "“进一步提升”");
      ASSERT_CONTAINS (msg, "“进一步”");
      ASSERT_CONTAINS (msg, "“提升”");
      /* a 时效 row gets a deadline as its measurable example */
      fix = pbs_lint_dup_suggestion (l.lint, 0, PBS_LANGUAGE_ZH);
      ASSERT_CONTAINS (fix, "≤3个工作日");
    }
  linted_clear (&l);
}

/* Qualitative targets that are not vague: a benchmark in words has no
 * vague word, and a number inside the words is a measure already. */
static void
test_vague_target_not (void)
{
  Linted l;

  if (LINT_FIXTURE ("clean.yaml", &l))
    {
      PbsIndicator *deadline = pbs_evaluation_get_indicator (linted_evaluation (&l), 2);
      PbsIndicator *benchmark = pbs_evaluation_get_indicator (linted_evaluation (&l), 4);

      CU_ASSERT_TRUE (pbs_indicator_set_target (deadline, "在3个工作日内完成", NULL));
      CU_ASSERT_TRUE (pbs_indicator_set_actual (deadline, "达成", NULL));
      CU_ASSERT_EQUAL (pbs_value_get_kind (pbs_indicator_get_target (deadline)), PBS_VALUE_QUALITATIVE);
      CU_ASSERT_TRUE (pbs_indicator_set_target (benchmark, "高于全市平均水平", NULL));
      CU_ASSERT_TRUE (pbs_indicator_set_actual (benchmark, "达成", NULL));
      CU_ASSERT_EQUAL (pbs_value_get_kind (pbs_indicator_get_target (benchmark)), PBS_VALUE_QUALITATIVE);
      /* 3 of 5 rows stay quantitative: exactly 60 %, not below */
      if (RELINT (&l))
        ASSERT_N_FINDINGS (l.lint, 0);

      /* the same row in vague words is a finding */
      CU_ASSERT_TRUE (pbs_indicator_set_target (benchmark, "服务质量明显改善", NULL));
      if (RELINT (&l))
        ASSERT_ONLY_FINDING (&l, PBS_LINT_VAGUE_TARGET, 4, "服务对象满意度指标");
    }
  linted_clear (&l);
}

static void
test_no_unit (void)
{
  Linted l;

  if (LINT_FIXTURE ("no-unit.yaml", &l))
    {
      g_autofree char *fix = NULL, *fix_en = NULL;

      ASSERT_ONLY_FINDING (&l, PBS_LINT_NO_UNIT, 0, "数量指标");
      /* the name says 件数: the unit to add is 件 */
      fix = pbs_lint_dup_suggestion (l.lint, 0, PBS_LANGUAGE_ZH);
      ASSERT_CONTAINS (fix, "≥470件");
      fix_en = pbs_lint_dup_suggestion (l.lint, 0, PBS_LANGUAGE_EN);
      ASSERT_CONTAINS (fix_en, "≥470件");
    }
  linted_clear (&l);
}

static void
test_generic_builtin (void)
{
  Linted l;

  if (LINT_FIXTURE ("generic-builtin.yaml", &l))
    {
      g_autofree char *msg = NULL, *en = NULL;

      CU_ASSERT_PTR_NULL (pbs_evaluation_get_template (linted_evaluation (&l)));
      ASSERT_ONLY_FINDING (&l, PBS_LINT_GENERIC_DOMINATES, -1, "质量指标");
      msg = pbs_lint_dup_message (l.lint, 0, PBS_LANGUAGE_ZH);
      ASSERT_CONTAINS (msg, "二级指标“质量指标”");
      ASSERT_CONTAINS (msg, "“评标工位验收合格率”");
      ASSERT_CONTAINS (msg, "50%");
      ASSERT_LACKS (msg, "远程评标系统上线运行");
      en = pbs_lint_dup_message (l.lint, 0, PBS_LANGUAGE_EN);
      ASSERT_CONTAINS (en, "1 of its 2");
    }
  linted_clear (&l);
}

static void
test_generic_template (void)
{
  Linted l;

  if (LINT_FIXTURE ("generic-template.yaml", &l))
    {
      g_autofree char *fix = NULL;

      CU_ASSERT_PTR_NOT_NULL (pbs_evaluation_get_template (linted_evaluation (&l)));
      ASSERT_ONLY_FINDING (&l, PBS_LINT_GENERIC_DOMINATES, -1, "数量指标");
      /* The template's own non-generic suggestion for 数量指标, not its
       * generic one (项目完成率). */
      fix = pbs_lint_dup_suggestion (l.lint, 0, PBS_LANGUAGE_ZH);
      ASSERT_CONTAINS (fix, "重点工作任务完成数");
      ASSERT_LACKS (fix, "项目完成率");

      /* Without the template the built-in list applies, and it has no
       * 办结率: the same rows give nothing. */
      pbs_evaluation_set_template (linted_evaluation (&l), NULL);
      if (RELINT (&l))
        ASSERT_N_FINDINGS (l.lint, 0);
    }
  linted_clear (&l);
}

static void
test_few_quantitative (void)
{
  Linted l;

  if (LINT_FIXTURE ("few-quantitative.yaml", &l))
    {
      g_autofree char *msg = NULL;

      ASSERT_ONLY_FINDING (&l, PBS_LINT_FEW_QUANTITATIVE, -1, NULL);
      msg = pbs_lint_dup_message (l.lint, 0, PBS_LANGUAGE_ZH);
      ASSERT_CONTAINS (msg, "5 项指标中只有 2 项（40%）");

      /* One more quantitative row: 3 of 5 = 60 %, not below: clean. */
      CU_ASSERT_TRUE (pbs_indicator_set_target (pbs_evaluation_get_indicator (linted_evaluation (&l), 1),
                                                "≥1个", NULL));
      CU_ASSERT_TRUE (pbs_indicator_set_actual (pbs_evaluation_get_indicator (linted_evaluation (&l), 1),
                                                "1个", NULL));
      if (RELINT (&l))
        ASSERT_N_FINDINGS (l.lint, 0);
    }
  linted_clear (&l);
}

static void
test_target_too_low (void)
{
  Linted l;

  if (LINT_FIXTURE ("target-too-low.yaml", &l))
    {
      g_autofree char *msg = NULL, *fix = NULL;

      CU_ASSERT_TRUE (pbs_scorecard_get_row_flags (l.sc, 0) & PBS_FLAG_OVER_COMPLETION);
      ASSERT_ONLY_FINDING (&l, PBS_LINT_TARGET_TOO_LOW, 0, "数量指标");
      msg = pbs_lint_dup_message (l.lint, 0, PBS_LANGUAGE_ZH);
      ASSERT_CONTAINS (msg, "7个");
      ASSERT_CONTAINS (msg, "≥5个");
      ASSERT_CONTAINS (msg, "1.40 倍");   /* 7 / 5 */
      ASSERT_CONTAINS (msg, "1.2 倍");    /* central over.threshold */
      fix = pbs_lint_dup_suggestion (l.lint, 0, PBS_LANGUAGE_ZH);
      ASSERT_CONTAINS (fix, "7个");

      /* At exactly 1.2 × the target (6 against ≥5) nothing is flagged. */
      CU_ASSERT_TRUE (pbs_indicator_set_actual (pbs_evaluation_get_indicator (linted_evaluation (&l), 0),
                                                "6个", NULL));
      if (RELINT (&l))
        ASSERT_N_FINDINGS (l.lint, 0);
    }
  linted_clear (&l);
}

static void
test_points_level1 (void)
{
  Linted l;

  if (LINT_FIXTURE ("points-level1.yaml", &l))
    {
      g_autofree char *msg = NULL;

      ASSERT_ONLY_FINDING (&l, PBS_LINT_POINTS_PILED, 0, "产出指标");
      msg = pbs_lint_dup_message (l.lint, 0, PBS_LANGUAGE_ZH);
      ASSERT_CONTAINS (msg, "66.7%");
      ASSERT_CONTAINS (msg, "“产出指标”30 分");
    }
  linted_clear (&l);
}

static void
test_points_total (void)
{
  Linted l;

  if (LINT_FIXTURE ("points-total.yaml", &l))
    {
      g_autofree char *msg = NULL;

      ASSERT_ONLY_FINDING (&l, PBS_LINT_POINTS_PILED, 4, "满意度指标");
      msg = pbs_lint_dup_message (l.lint, 0, PBS_LANGUAGE_ZH);
      ASSERT_CONTAINS (msg, "全部指标分值 90 分的 30%");
    }
  linted_clear (&l);
}

static void
test_missing_reason (void)
{
  Linted l;

  if (LINT_FIXTURE ("missing-reason.yaml", &l))
    {
      g_autofree char *msg = NULL;

      ASSERT_ONLY_FINDING (&l, PBS_LINT_MISSING_REASON, 1, "质量指标");
      CU_ASSERT_EQUAL (pbs_scorecard_get_row_status (l.sc, 1), PBS_STATUS_PARTIAL);
      msg = pbs_lint_dup_message (l.lint, 0, PBS_LANGUAGE_ZH);
      ASSERT_CONTAINS (msg, "实际完成值 95% 未达到年度指标值 ≥99%");

      /* A reason given: nothing is owed. */
      pbs_indicator_set_reason (pbs_evaluation_get_indicator (linted_evaluation (&l), 1),
                                "部分评标项目因系统升级改为线下审批");
      if (RELINT (&l))
        ASSERT_N_FINDINGS (l.lint, 0);
    }
  linted_clear (&l);
}

/* Row findings by row, then category findings, even when the row comes
 * after the category's rows. */
static void
test_order (void)
{
  Linted l;

  if (LINT_FIXTURE ("order.yaml", &l))
    {
      ASSERT_N_FINDINGS (l.lint, 2);
      ASSERT_FINDING (l.lint, 0, PBS_LINT_NO_UNIT, 5, "服务对象满意度指标");
      ASSERT_FINDING (l.lint, 1, PBS_LINT_GENERIC_DOMINATES, -1, "质量指标");
    }
  linted_clear (&l);
}

/* The seed: 昆明市西山区政务服务管理局 2024. Its report confesses (五、存在的问
 * 题): "共性指标多，个性化指标少，部分关键指标的设定在可衡量方面细化和量化程度不
 * 够". What its data (19 rows, template department-overall, central) gives:
 *
 * - vague_target: two qualitative targets, both vague: row 10
 *   符合支付条件的项目资金支付 "及时" (时效指标) and row 17 营商环境持续优化
 *   "持续优化" (持续, 优化; 可持续影响指标). No other target is words.
 * - target_too_low and missing_reason: row 15 审批时限压缩率, 80% against
 *   ≥60%: 80/60 = 1.33 > 1.2 (over.threshold), and no 偏差原因. The
 *   other rows stay within 1.2 × (100/95 = 1.05, 1142/1100 = 1.04,
 *   3.8/3.5 = 1.09 …); the one shortfall (营商环境投诉办结销号率 97.7% of
 *   =100%) has its reason.
 * - no_unit: none; every numeric target has its unit.
 * - generic_dominates: two level-2 categories. The department-overall
 *   template lists, besides the usual generic names (服务对象满意度, 项目完成率,
 *   资金到位率 …), what every department's table carries whatever its work:
 *   控制在预算内, 资金支付, 纳入预算编制, 满意率 (matched by containment). In
 *   时效指标, 符合支付条件的项目资金支付 is one of its 2 rows (50 %, at the
 *   threshold); in 成本指标 both rows are budget-control rows (100 %). In
 *   数量指标 特定目标类项目纳入预算编制 is 1 of 5 (20 %); 企业和群众满意率 is alone
 *   in its category (below GENERIC_MIN_ROWS); 产出指标 as a whole has 4
 *   generic rows of 13 (31 %). This is the report's own 共性指标多，个性化指标少.
 * - few_quantitative: none; 17 of 19 rows are quantitative, 89 %.
 * - points_piled: none; the largest row is 10 points (企业和群众满意率,
 *   alone in 满意度指标) = 11.1 % of 90; in 效益指标 8 of 30 = 26.7 %; in
 *   产出指标 5 of 50.
 *
 * So the findings, in order: vague_target 10, target_too_low 15,
 * missing_reason 15, vague_target 17, then generic_dominates 时效指标 and
 * 成本指标. */
static void
test_seed (void)
{
  Linted l;

  if (lint_fixture_at (__FILE__, __LINE__, SEED_PATH, &l))
    {
      g_autofree char *msg = NULL, *msg2 = NULL;
      PbsEvaluation *e = linted_evaluation (&l);

      CU_ASSERT_EQUAL (pbs_scorecard_get_n_rows (l.sc), 19);
      CU_ASSERT_STRING_EQUAL (pbs_indicator_get_name (pbs_evaluation_get_indicator (e, 10)),
                              "符合支付条件的项目资金支付");
      CU_ASSERT_STRING_EQUAL (pbs_indicator_get_name (pbs_evaluation_get_indicator (e, 15)), "审批时限压缩率");
      CU_ASSERT_STRING_EQUAL (pbs_indicator_get_name (pbs_evaluation_get_indicator (e, 17)), "营商环境持续优化");

      ASSERT_N_FINDINGS (l.lint, 6);
      ASSERT_FINDING (l.lint, 0, PBS_LINT_VAGUE_TARGET, 10, "时效指标");
      ASSERT_FINDING (l.lint, 1, PBS_LINT_TARGET_TOO_LOW, 15, "社会效益指标");
      ASSERT_FINDING (l.lint, 2, PBS_LINT_MISSING_REASON, 15, "社会效益指标");
      ASSERT_FINDING (l.lint, 3, PBS_LINT_VAGUE_TARGET, 17, "可持续影响指标");
      ASSERT_FINDING (l.lint, 4, PBS_LINT_GENERIC_DOMINATES, -1, "时效指标");
      ASSERT_FINDING (l.lint, 5, PBS_LINT_GENERIC_DOMINATES, -1, "成本指标");
      CU_ASSERT_EQUAL (pbs_lint_count (l.lint, PBS_LINT_GENERIC_DOMINATES), 2);
      CU_ASSERT_EQUAL (pbs_lint_count (l.lint, PBS_LINT_FEW_QUANTITATIVE), 0);
      CU_ASSERT_EQUAL (pbs_lint_count (l.lint, PBS_LINT_POINTS_PILED), 0);
      CU_ASSERT_EQUAL (pbs_lint_count (l.lint, PBS_LINT_NO_UNIT), 0);
      for (guint i = 0; i < 4; i++)
        ASSERT_TEXTS_NAME_ROW (&l, i);

      msg = pbs_lint_dup_message (l.lint, 1, PBS_LANGUAGE_ZH);
      ASSERT_CONTAINS (msg, "实际完成值 80% 为年度指标值 ≥60% 的 1.33 倍");
      {
        g_autofree char *generic = pbs_lint_dup_message (l.lint, 5, PBS_LANGUAGE_ZH);
        ASSERT_CONTAINS (generic, "共性指标多，个性化指标少");
        ASSERT_CONTAINS (generic, "项目支出控制在预算内");
      }
      /* the reason is owed for the over-completion, not a shortfall */
      msg2 = pbs_lint_dup_message (l.lint, 2, PBS_LANGUAGE_ZH);
      ASSERT_CONTAINS (msg2, "远超年度指标值 ≥60%");
    }
  linted_clear (&l);
}

/* ------------------------------------------------------------- narrative */

/* The line of @text that starts with @prefix (after an ordinal), or NULL. */
static char *
line_about (const char *text, const char *part)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], part) != NULL)
      return g_strdup (lines[i]);
  return NULL;
}

static guint
count_of (const char *text, const char *part)
{
  guint n = 0;

  for (const char *p = strstr (text, part); p != NULL; p = strstr (p + strlen (part), part))
    n++;
  return n;
}

static void
test_narrative_seed (void)
{
  Linted l;

  if (lint_fixture_at (__FILE__, __LINE__, SEED_PATH, &l))
    {
      g_autofree char *text = pbs_narrative_dup_text (l.sc);
      g_autofree char *quality = NULL, *social = NULL, *quantity = NULL, *last = NULL;
      const char *h1, *h2, *h3;

      CU_ASSERT_PTR_NOT_NULL_FATAL (text);
      /* headings, in table order */
      h1 = strstr (text, "1.产出指标完成情况分析\n");
      h2 = strstr (text, "2.效益指标完成情况分析\n");
      h3 = strstr (text, "3.满意度指标完成情况分析\n");
      CU_ASSERT_TRUE (h1 != NULL && h2 != NULL && h3 != NULL && h1 < h2 && h2 < h3);

      /* 质量指标: four rows, one short: 营商环境投诉办结销号率, 97.7% of
       * =100%, 5 × 0.977 = 4.885 → 4.89, with the report's reason. */
      quality = line_about (text, "质量指标");
      ASSERT_CONTAINS (quality, "二是质量指标：共4项，3项达成、1项未达成");
      ASSERT_CONTAINS (quality, "营商环境投诉办结销号率");
      ASSERT_CONTAINS (quality, "=100%");
      ASSERT_CONTAINS (quality, "97.7%");
      ASSERT_CONTAINS (quality, "得4.89分");
      ASSERT_CONTAINS (quality, "正在办理投诉件2件");
      ASSERT_LACKS (quality, "完成情况良好");
      ASSERT_LACKS (quality, "未说明偏差原因");

      /* 社会效益指标: all three met, but 审批时限压缩率 far past its target
       * and without a reason: no praise. */
      social = line_about (text, "社会效益指标");
      ASSERT_CONTAINS (social, "共3项，全部达成");
      ASSERT_CONTAINS (social, "审批时限压缩率");
      ASSERT_CONTAINS (social, "80%");
      ASSERT_CONTAINS (social, "≥60%");
      ASSERT_CONTAINS (social, "1.33倍");
      ASSERT_CONTAINS (social, "未说明偏差原因");
      ASSERT_LACKS (social, "完成情况良好");

      /* 数量指标: five rows, all met, none past 1.2 ×: the only praise,
       * and nothing listed. */
      quantity = line_about (text, "数量指标");
      CU_ASSERT_STRING_EQUAL (quantity, "一是数量指标完成情况良好：共5项，全部达成，5项指标均达到年度指标值。");
      /* 数量, 时效, 成本, 经济效益, 可持续影响, 服务对象满意度 */
      CU_ASSERT_EQUAL (count_of (text, "完成情况良好"), 6);
      CU_ASSERT_EQUAL (count_of (text, "一是"), 3);
      CU_ASSERT_EQUAL (count_of (text, "四是"), 1);

      /* total 9.99 + 89.89 = 99.88, 优; 1444.16 / 1445.05 = 99.94 % */
      last = line_about (text, "综上");
      ASSERT_CONTAINS (last, "99.88分");
      ASSERT_CONTAINS (last, "“优”");
      ASSERT_CONTAINS (last, "预算执行率99.94%");
      CU_ASSERT_TRUE (g_str_has_suffix (text, "。\n"));
    }
  linted_clear (&l);
}

static void
test_narrative_unscored (void)
{
  Linted l;

  if (LINT_FIXTURE ("unscored.yaml", &l))
    {
      g_autofree char *text = pbs_narrative_dup_text (l.sc);
      g_autofree char *quality = NULL, *social = NULL, *last = NULL;

      quality = line_about (text, "质量指标");
      ASSERT_CONTAINS (quality, "评标项目线上审批率");
      ASSERT_CONTAINS (quality, "95%");
      ASSERT_CONTAINS (quality, "得17.27分（分值18分）");
      ASSERT_CONTAINS (quality, "未说明偏差原因");
      ASSERT_LACKS (quality, "完成情况良好");
      social = line_about (text, "社会效益指标");
      ASSERT_CONTAINS (social, "企业破产信息核查压缩办理时限");
      ASSERT_CONTAINS (social, "未填报实际完成值");
      ASSERT_LACKS (social, "完成情况良好");
      last = line_about (text, "综上");
      ASSERT_CONTAINS (last, "81.27分");
      ASSERT_CONTAINS (last, "暂不评定等级");
      ASSERT_LACKS (text, "评价等级为");
      /* the lint sees the missing reason, not the missing actual */
      ASSERT_N_FINDINGS (l.lint, 1);
      ASSERT_FINDING (l.lint, 0, PBS_LINT_MISSING_REASON, 1, "质量指标");
    }
  linted_clear (&l);
}

/* Twelve level-2 categories under one level-1: the ordinals go past 十,
 * and a table built in C lints clean. */
static void
test_narrative_ordinals (void)
{
  g_autoptr (PbsEvaluation) e = pbs_evaluation_new ();
  g_autoptr (PbsBudget) b = NULL;
  g_autoptr (PbsScorecard) sc = NULL;
  g_autoptr (PbsLint) lint = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  PbsDecimal annual = pbs_test_dec ("50"), executed = pbs_test_dec ("45"), points = pbs_test_dec ("7.5");

  b = pbs_budget_new (&annual, &executed);
  pbs_evaluation_set_title (e, "十二类工作");
  pbs_evaluation_set_budget (e, b);
  for (guint i = 1; i <= 12; i++)
    {
      g_autofree char *l2 = g_strdup_printf ("第%u类工作指标", i);
      g_autofree char *name = g_strdup_printf ("第%u类工作办件量", i);
      g_autoptr (PbsIndicator) ind = pbs_indicator_new ("产出指标", l2, name, &points);

      CU_ASSERT_TRUE (pbs_indicator_set_target (ind, "≥10件", NULL));
      CU_ASSERT_TRUE (pbs_indicator_set_actual (ind, "10件", NULL));
      pbs_evaluation_add_indicator (e, ind);
    }
  sc = pbs_evaluation_score (e, NULL, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (sc);
  text = pbs_narrative_dup_text (sc);
  ASSERT_CONTAINS (text, "\n九是第9类工作指标");
  ASSERT_CONTAINS (text, "\n十是第10类工作指标");
  ASSERT_CONTAINS (text, "\n十一是第11类工作指标");
  ASSERT_CONTAINS (text, "\n十二是第12类工作指标");
  /* 45 / 50 = 90 %: 10 × 0.9 = 9; 90 + 9 = 99 */
  ASSERT_CONTAINS (text, "预算执行率90.00%");
  ASSERT_CONTAINS (text, "99.00分");
  lint = pbs_lint_new (sc);
  ASSERT_N_FINDINGS (lint, 0);
}

static const PbsTestCase cases[] = {
  { "clean", test_clean },
  { "vague_target", test_vague_target },
  { "vague_target_not", test_vague_target_not },
  { "no_unit", test_no_unit },
  { "generic_builtin", test_generic_builtin },
  { "generic_template", test_generic_template },
  { "few_quantitative", test_few_quantitative },
  { "target_too_low", test_target_too_low },
  { "points_level1", test_points_level1 },
  { "points_total", test_points_total },
  { "missing_reason", test_missing_reason },
  { "order", test_order },
  { "seed", test_seed },
  { "narrative_seed", test_narrative_seed },
  { "narrative_unscored", test_narrative_unscored },
  { "narrative_ordinals", test_narrative_ordinals },
  { NULL, NULL },
};

int
main (void)
{
  return pbs_test_run ("lint", cases);
}
