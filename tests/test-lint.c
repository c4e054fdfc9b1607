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
 * Where the files are: $PBS_TEST_DATA, else PBS_TEST_SRCDIR/data.
 */
#include "pbs-test.h"

/* ------------------------------------------------------------- fixtures */

/* A scored fixture: the document (which owns the evaluation), its
 * scorecard under the document's policy (or central), and the lint. */
/* A fixture's evaluation as the tests change it (scoring seals what it
 * scores, so each lint scores a copy of it), its scorecard and lint. */
typedef struct {
  PbsDocument   *doc;
  PbsEvaluation *ev;
  PbsScorecard  *sc;
  PbsLint       *lint;
} Linted;

static void
linted_clear (Linted *l)
{
  g_clear_pointer (&l->lint, pbs_lint_unref);
  g_clear_pointer (&l->sc, pbs_scorecard_unref);
  g_clear_pointer (&l->ev, pbs_evaluation_unref);
  g_clear_pointer (&l->doc, pbs_document_unref);
}

static PbsEvaluation *
linted_evaluation (Linted *l)
{
  return l->ev;
}

/* Scores the evaluation again (after a change) under @policy (NULL: the
 * document's or central) and lints it anew. */
static gboolean
relint_policy_at (const char *file, int line, Linted *l, const PbsPolicy *policy)
{
  g_autoptr (GError) error = NULL;

  g_clear_pointer (&l->lint, pbs_lint_unref);
  g_clear_pointer (&l->sc, pbs_scorecard_unref);
  {
    g_autoptr (PbsEvaluation) scored = pbs_evaluation_copy (l->ev);
    l->sc = pbs_evaluation_score (scored, policy, &error);
  }
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

static gboolean
relint_at (const char *file, int line, Linted *l)
{
  return relint_policy_at (file, line, l, NULL);
}
#define RELINT(l) relint_at (__FILE__, __LINE__, l)
#define RELINT_POLICY(l, p) relint_policy_at (__FILE__, __LINE__, l, p)

/* Takes @doc (NULL: read failed) into @out, scores and lints it. */
static gboolean
lint_document_at (const char *file, int line, PbsDocument *doc, Linted *out)
{
  memset (out, 0, sizeof *out);
  out->doc = doc;
  if (doc != NULL)
    out->ev = pbs_evaluation_copy (pbs_document_get_evaluation (doc));
  return doc != NULL && relint_at (file, line, out);
}

/* The one evaluation of YAML text in memory. */
#define LINT_DATA(yaml, out) lint_document_at (__FILE__, __LINE__, READ_ONE_DATA (yaml), out)

/* The one evaluation of @relpath (relative to the data folder). */
static gboolean
lint_fixture_at (const char *file, int line, const char *relpath, Linted *out)
{
  g_autofree char *path = g_build_filename (pbs_test_data_dir (), relpath, NULL);

  return lint_document_at (file, line, pbs_test_read_one_at (file, line, path, NULL), out);
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
      ASSERT_CONTAINS (msg, "中位数 5 分的 2 倍");
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

/* A YAML table of rows "level1|level2|name|points", each met: target
 * "≥10件", actual "10件". */
static char *
table_yaml (const char * const *rows)
{
  GString *y = g_string_new ("pbscore: 1\ntitle: 分值测试\nbudget: {annual: 100, executed: 100, points: 10}\n"
                             "indicators:\n");

  for (; *rows != NULL; rows++)
    {
      g_auto (GStrv) f = g_strsplit (*rows, "|", 4);

      g_string_append_printf (y, "  - {level1: %s, level2: %s, name: %s, target: \"≥10件\", actual: \"10件\", "
                                 "points: %s}\n", f[0], f[1], f[2], f[3]);
    }
  return g_string_free (y, FALSE);
}

/* A small evenly weighted table piles nothing (30/30/15/15: each 30 is
 * 33 % of all points, but not more than 2 × the others' median 15), and
 * its satisfaction rows, generic by name, are the framework's. */
static void
test_points_even (void)
{
  Linted l;

  if (LINT_FIXTURE ("points-even.yaml", &l))
    {
      ASSERT_N_FINDINGS (l.lint, 0);
      CU_ASSERT_EQUAL (pbs_lint_count (l.lint, PBS_LINT_POINTS_PILED), 0);
      CU_ASSERT_EQUAL (pbs_lint_count (l.lint, PBS_LINT_GENERIC_DOMINATES), 0);
    }
  linted_clear (&l);
}

/* The rule's edges: two rows of 45 in one level-1 category (50 % each, and
 * 45 is not above 2 × 45); the total rule needs 4 counted rows; a row at
 * exactly 2 × the others' median is not piled, a row just above is. */
static void
test_points_median (void)
{
  static const char * const halves[] = { "产出指标|数量指标|甲类办件量|45", "产出指标|数量指标|乙类办件量|45", NULL };
  static const char * const three[] = { "产出指标|数量指标|甲类办件量|60", "效益指标|社会效益指标|乙类办件量|15",
                                        "满意度指标|服务对象满意度指标|丙类办件量|15", NULL };
  static const char * const four[] = { "产出指标|数量指标|甲类办件量|60", "效益指标|社会效益指标|乙类办件量|10",
                                       "满意度指标|服务对象满意度指标|丙类办件量|10",
                                       "效益指标|经济效益指标|丁类办件量|10", NULL };
  /* 30 of 90 = 33 %; others 20, 10, 15, 15: median 15, 30 = 2 × 15 */
  static const char * const at_two[] = { "产出指标|数量指标|甲类办件量|30", "产出指标|质量指标|乙类办件量|20",
                                         "产出指标|时效指标|丙类办件量|10", "效益指标|社会效益指标|丁类办件量|15",
                                         "满意度指标|服务对象满意度指标|戊类办件量|15", NULL };
  /* 31 of 90 = 34 %; others 19, 10, 15, 15: median 15, 31 > 30 */
  static const char * const past_two[] = { "产出指标|数量指标|甲类办件量|31", "产出指标|质量指标|乙类办件量|19",
                                           "产出指标|时效指标|丙类办件量|10", "效益指标|社会效益指标|丁类办件量|15",
                                           "满意度指标|服务对象满意度指标|戊类办件量|15", NULL };
  Linted l;
  g_autofree char *y1 = table_yaml (halves), *y2 = table_yaml (three), *y3 = table_yaml (four);
  g_autofree char *y4 = table_yaml (at_two), *y5 = table_yaml (past_two);

  if (LINT_DATA (y1, &l))
    ASSERT_N_FINDINGS (l.lint, 0);
  linted_clear (&l);
  /* 60 of 90 = 67 %, but a table of three rows: the total rule does not
   * apply, and each level-1 category has one row */
  if (LINT_DATA (y2, &l))
    ASSERT_N_FINDINGS (l.lint, 0);
  linted_clear (&l);
  /* a fourth row: 60 > 2 × 10 and 67 % ≥ 30 % */
  if (LINT_DATA (y3, &l))
    {
      g_autofree char *msg = NULL;

      ASSERT_ONLY_FINDING (&l, PBS_LINT_POINTS_PILED, 0, "产出指标");
      msg = pbs_lint_dup_message (l.lint, 0, PBS_LANGUAGE_ZH);
      ASSERT_CONTAINS (msg, "全部指标分值 90 分的 66.7%");
      ASSERT_CONTAINS (msg, "中位数 10 分");
    }
  linted_clear (&l);
  if (LINT_DATA (y4, &l))
    ASSERT_N_FINDINGS (l.lint, 0);
  linted_clear (&l);
  if (LINT_DATA (y5, &l))
    ASSERT_ONLY_FINDING (&l, PBS_LINT_POINTS_PILED, 0, "产出指标");
  linted_clear (&l);
}

/* generic_dominates: a level-1 category with a single level-2 category is
 * reported once, as the level-2 category; a satisfaction category is never
 * reported. */
static void
test_generic_single_level2 (void)
{
  static const char * const rows[] = {
    "产出指标|质量指标|评标工位验收合格率|15", "产出指标|质量指标|宣传资料印发达标率|15",
    "产出指标|质量指标|远程评标系统上线套数|15", "效益指标|社会效益指标|惠企政策解读发布条数|15",
    "满意度指标|服务对象满意度指标|办事群众满意度|15", "满意度指标|服务对象满意度指标|办事企业满意度|15", NULL,
  };
  static const char * const two_level2[] = {
    "产出指标|质量指标|评标工位验收合格率|15", "产出指标|质量指标|宣传资料印发达标率|15",
    "产出指标|质量指标|远程评标系统上线套数|15", "产出指标|数量指标|项目完成率|15",
    "效益指标|社会效益指标|惠企政策解读发布条数|15", "满意度指标|服务对象满意度指标|办事群众满意度|15", NULL,
  };
  Linted l;
  g_autofree char *y1 = table_yaml (rows), *y2 = table_yaml (two_level2);

  /* 质量指标 2 of 3 generic: one finding on it, none on 产出指标 (the same
   * three rows) nor on 满意度指标 / 服务对象满意度指标 (2 of 2) */
  if (LINT_DATA (y1, &l))
    {
      g_autofree char *msg = NULL;

      ASSERT_ONLY_FINDING (&l, PBS_LINT_GENERIC_DOMINATES, -1, "质量指标");
      msg = pbs_lint_dup_message (l.lint, 0, PBS_LANGUAGE_ZH);
      ASSERT_CONTAINS (msg, "二级指标“质量指标”共 3 项");
    }
  linted_clear (&l);
  /* with a second level-2 category 产出指标 is its own finding: 3 of 4 */
  if (LINT_DATA (y2, &l))
    {
      g_autofree char *msg = NULL;

      ASSERT_N_FINDINGS (l.lint, 2);
      ASSERT_FINDING (l.lint, 0, PBS_LINT_GENERIC_DOMINATES, -1, "产出指标");
      ASSERT_FINDING (l.lint, 1, PBS_LINT_GENERIC_DOMINATES, -1, "质量指标");
      msg = pbs_lint_dup_message (l.lint, 0, PBS_LANGUAGE_ZH);
      ASSERT_CONTAINS (msg, "一级指标“产出指标”共 4 项指标，其中共性指标 3 项");
    }
  linted_clear (&l);
}

/* "× target" is a / t from the values, rounded once: 12449.5 / 10000 =
 * 1.24495 → 1.24 (rounding the 4-decimal ratio 1.2450 again gave 1.25). */
static void
test_times_rounding (void)
{
  static const char yaml[] =
    "pbscore: 1\ntitle: 双重舍入\nbudget: {annual: 100, executed: 100, points: 10}\nindicators:\n"
    "  - {level1: 产出指标, level2: 数量指标, name: 受理件数, target: \"≥10000件\", actual: \"12449.5件\", "
    "points: 90, reason: 需求增长}\n";
  Linted l;

  if (LINT_DATA (yaml, &l))
    {
      g_autofree char *zh = NULL, *en = NULL, *text = NULL;

      /* one row of 90 points: no points_piled in a table of one row */
      ASSERT_ONLY_FINDING (&l, PBS_LINT_TARGET_TOO_LOW, 0, "数量指标");
      zh = pbs_lint_dup_message (l.lint, 0, PBS_LANGUAGE_ZH);
      en = pbs_lint_dup_message (l.lint, 0, PBS_LANGUAGE_EN);
      ASSERT_CONTAINS (zh, "的 1.24 倍");
      ASSERT_LACKS (zh, "1.25");
      ASSERT_CONTAINS (en, "1.24 ×");
      ASSERT_LACKS (en, "1.25");
      text = pbs_narrative_dup_text (l.sc);
      ASSERT_CONTAINS (text, "为指标值的1.24倍");
      ASSERT_LACKS (text, "1.25");
    }
  linted_clear (&l);
}

/* missing_reason says what the data says: met but below full points, past
 * a ceiling, off a two-sided target, short of a floor; both languages. */
static void
test_missing_reason_wording (void)
{
  Linted l;

  if (LINT_FIXTURE ("narrative.yaml", &l))
    {
      PbsEvaluation *e = linted_evaluation (&l);
      g_autoptr (PbsPolicy) two = pbs_test_policy_with ("equal.mode", "two_sided", NULL);

      /* row 5: 达成, 17 of 20 */
      ASSERT_N_FINDINGS (l.lint, 2);
      ASSERT_FINDING (l.lint, 1, PBS_LINT_MISSING_REASON, 5, "社会效益指标");
      {
        g_autofree char *zh = pbs_lint_dup_message (l.lint, 1, PBS_LANGUAGE_ZH);
        g_autofree char *en = pbs_lint_dup_message (l.lint, 1, PBS_LANGUAGE_EN);

        ASSERT_CONTAINS (zh, "实际完成值“达成”达到年度指标值“有效提升”，但得分 17.00 低于满分 20");
        ASSERT_LACKS (zh, "未达到");
        ASSERT_CONTAINS (en, "meets the target “有效提升” but scores 17.00, below the full 20 points");
        ASSERT_LACKS (en, "falls short");
      }
      pbs_indicator_set_reason (pbs_evaluation_get_indicator (e, 5), "宣传覆盖面不足");

      /* row 0: ≤3天, 4.5天: past a ceiling */
      pbs_indicator_set_reason (pbs_evaluation_get_indicator (e, 0), NULL);
      if (RELINT (&l))
        {
          g_autofree char *zh = NULL, *en = NULL;

          ASSERT_N_FINDINGS (l.lint, 2);
          ASSERT_FINDING (l.lint, 0, PBS_LINT_MISSING_REASON, 0, "时效指标");
          zh = pbs_lint_dup_message (l.lint, 0, PBS_LANGUAGE_ZH);
          en = pbs_lint_dup_message (l.lint, 0, PBS_LANGUAGE_EN);
          ASSERT_CONTAINS (zh, "实际完成值 4.5天 超过年度指标值 ≤3天");
          ASSERT_LACKS (zh, "未达到");
          ASSERT_CONTAINS (en, "the actual 4.5天 exceeds the ceiling ≤3天");
          ASSERT_LACKS (en, "falls short");
        }
      pbs_indicator_set_reason (pbs_evaluation_get_indicator (e, 0), "人手不足");

      /* row 1 under equal.mode two_sided: =50人, 55人: off the target */
      pbs_indicator_set_reason (pbs_evaluation_get_indicator (e, 1), "");
      if (RELINT_POLICY (&l, two))
        {
          g_autofree char *zh = NULL, *en = NULL;

          CU_ASSERT_EQUAL (pbs_scorecard_get_row_rule (l.sc, 1), PBS_RULE_EQUAL_TWO_SIDED);
          ASSERT_FINDING (l.lint, 0, PBS_LINT_MISSING_REASON, 1, "数量指标");
          zh = pbs_lint_dup_message (l.lint, 0, PBS_LANGUAGE_ZH);
          en = pbs_lint_dup_message (l.lint, 0, PBS_LANGUAGE_EN);
          ASSERT_CONTAINS (zh, "实际完成值 55人 偏离年度指标值 =50人");
          ASSERT_LACKS (zh, "未达到");
          ASSERT_CONTAINS (en, "the actual 55人 is off the target =50人");
          ASSERT_LACKS (en, "falls short");
        }
      pbs_indicator_set_reason (pbs_evaluation_get_indicator (e, 1), "报名踊跃");

      /* row 2: ≥100册, 80册: short of a floor */
      pbs_indicator_set_reason (pbs_evaluation_get_indicator (e, 2), "/");
      if (RELINT (&l))
        {
          g_autofree char *zh = NULL, *en = NULL;

          ASSERT_FINDING (l.lint, 0, PBS_LINT_MISSING_REASON, 2, "质量指标");
          zh = pbs_lint_dup_message (l.lint, 0, PBS_LANGUAGE_ZH);
          en = pbs_lint_dup_message (l.lint, 0, PBS_LANGUAGE_EN);
          ASSERT_CONTAINS (zh, "实际完成值 80册 未达到年度指标值 ≥100册");
          ASSERT_CONTAINS (en, "the actual 80册 falls short of the target ≥100册");
        }
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
 *   in its category (below GENERIC_MIN_ROWS), and satisfaction categories
 *   are not checked anyway; 产出指标 as a whole (four level-2 categories)
 *   has 4 generic rows of 13 (31 %); 效益指标 none. The 时效指标 and 成本指标
 *   rows are payment and budget-control rows, not satisfaction rows, so
 *   both findings stay. This is the report's own 共性指标多，个性化指标少.
 * - few_quantitative: none; 17 of 19 rows are quantitative, 89 %.
 * - points_piled: none; the largest row is 10 points (企业和群众满意率,
 *   alone in 满意度指标) = 11.1 % of 90; in 效益指标 8 of 30 = 26.7 %; in
 *   产出指标 5 of 50. The 10-point row does stand out (10 > 2 × 4.5, the
 *   median of the other 18 rows), but holds too small a share.
 *
 * So the findings, in order (rows 0-based here; the tool and doc/lint.md
 * print them 1-based: 11, 16, 16, 18): vague_target 10, target_too_low 15,
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
       * =100%, 5 × 0.977 = 4.885 → 4.89, with the report's reason. Its
       * status is partial (a score above 0), as the table says it:
       * 部分达成, not 未达成. */
      quality = line_about (text, "质量指标");
      ASSERT_CONTAINS (quality, "二是质量指标：共4项，3项达成、1项部分达成。");
      ASSERT_LACKS (quality, "未达成");
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
      CU_ASSERT_EQUAL (pbs_test_count (text, "完成情况良好"), 6);
      CU_ASSERT_EQUAL (pbs_test_count (text, "一是"), 3);
      CU_ASSERT_EQUAL (pbs_test_count (text, "四是"), 1);

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

/* §11 budget as printed: the narrative's last sentence says what is known
 * of the budget, never a rate or an amount the table does not print. */
static void
narrative_budget_at (const char *file, int line, const char *budget, const char *expected,
                     const char *conclusion)
{
  g_autofree char *yaml = g_strdup_printf (
    "pbscore: 1\ntitle: t\nbudget: %s\nindicators:\n"
    "  - {level1: 产出指标, level2: 数量指标, name: a, target: \"≥1个\", actual: \"1个\", points: 90}\n",
    budget);
  g_autoptr (PbsDocument) doc = pbs_test_read_one_at (file, line, NULL, yaml);
  g_autoptr (PbsScorecard) sc = NULL;
  g_autofree char *text = NULL, *last = NULL;

  if (doc == NULL)
    return;
  sc = pbs_test_score_ok_at (file, line, pbs_document_get_evaluation (doc), NULL);
  if (sc == NULL)
    return;
  text = pbs_narrative_dup_text (sc);
  last = line_about (text, "综上");
  CHECK_AT (last != NULL && strstr (last, expected) != NULL && strstr (last, conclusion) != NULL,
            file, line);
  if (last == NULL || strstr (last, expected) == NULL || strstr (last, conclusion) == NULL)
    fprintf (stderr, "%s:%d: \"%s\" lacks \"%s\" or \"%s\"\n", file, line, last, expected, conclusion);
  /* no amount the table does not print (the 100 of 年初预算数 is no 全年预算数) */
  if (strstr (budget, "annual") == NULL)
    CHECK_AT (strstr (text, "全年预算数1") == NULL, file, line);
}
#define NARRATIVE_BUDGET(budget, expected, conclusion) \
  narrative_budget_at (__FILE__, __LINE__, budget, expected, conclusion)

static void
test_narrative_budget_as_printed (void)
{
  NARRATIVE_BUDGET ("{initial: 100}", "无法计算预算执行率，预算执行未评分",
                    "预算执行率未评分，评分不完整，已评部分得分90.00分");
  NARRATIVE_BUDGET ("{printed_rate: 95.3%, printed_score: 9.53}", "预算执行得分按公布的9.53分计",
                    "绩效自评总分99.53分");
  NARRATIVE_BUDGET ("{annual: 100, executed: 90}", "预算执行率90.00%（全年执行数90万元，全年预算数100万元）",
                    "绩效自评总分99.00分");
}

/* The narrative of tests/data/lint/narrative.yaml (its header works the
 * scores out): a ceiling passed has no completion rate; a met row below
 * full points is named, not praised; the counts use the table's status
 * words. */
static void
test_narrative_rows (void)
{
  Linted l;

  if (LINT_FIXTURE ("narrative.yaml", &l))
    {
      g_autofree char *text = pbs_narrative_dup_text (l.sc);
      g_autofree char *timely = NULL, *quality = NULL, *social = NULL, *quantity = NULL, *sat = NULL;

      /* 办结时限 ≤3天, 4.5天: past the ceiling; 4.5 / 3 = 150 % is no
       * completion */
      timely = line_about (text, "时效指标");
      ASSERT_CONTAINS (timely, "一是时效指标：共1项，1项部分达成。");
      ASSERT_CONTAINS (timely, "实际完成值4.5天，超过年度指标值，得6.67分（分值10分）；偏差原因：人手不足。");
      ASSERT_LACKS (timely, "完成率");
      ASSERT_LACKS (timely, "150");
      ASSERT_LACKS (timely, "未完全达到");

      /* 1 met, 1 partial (8.00 of 10, 完成率80% of a positive row in 册),
       * 1 unmet (是 / 否, 0) */
      quality = line_about (text, "质量指标");
      ASSERT_CONTAINS (quality, "三是质量指标：共3项，1项达成、1项部分达成、1项未达成。");
      ASSERT_CONTAINS (quality, "实际完成值80册，完成率80%，未完全达到年度指标值，得8.00分（分值10分）");
      ASSERT_CONTAINS (quality, "实际完成值“否”，未达成年度指标值，得0.00分（分值10分）");

      /* 政策知晓度: met (达成), but 17 of 20 and no reason */
      social = line_about (text, "社会效益指标");
      ASSERT_LACKS (social, "完成情况良好");
      ASSERT_CONTAINS (social, "一是社会效益指标：共1项，已达成。");
      ASSERT_CONTAINS (social, "政策知晓度");
      ASSERT_CONTAINS (social, "得17.00分（分值20分）");
      ASSERT_CONTAINS (social, "未说明偏差原因");

      /* =50人, 55人 as ≥: met at full points; the satisfaction row too */
      quantity = line_about (text, "数量指标");
      CU_ASSERT_STRING_EQUAL (quantity, "二是数量指标完成情况良好：共1项，已达到年度指标值。");
      sat = line_about (text, "服务对象满意度指标");
      ASSERT_CONTAINS (sat, "完成情况良好");
      CU_ASSERT_EQUAL (pbs_test_count (text, "完成情况良好"), 2);
      ASSERT_CONTAINS (text, "81.67分");

      /* the same row with its reason: still below full points, named with
       * the reason */
      pbs_indicator_set_reason (pbs_evaluation_get_indicator (linted_evaluation (&l), 5), "宣传覆盖面不足。");
      if (RELINT (&l))
        {
          g_autofree char *text2 = pbs_narrative_dup_text (l.sc);
          g_autofree char *social2 = line_about (text2, "社会效益指标");

          ASSERT_LACKS (social2, "完成情况良好");
          ASSERT_CONTAINS (social2, "得17.00分（分值20分）");
          ASSERT_CONTAINS (social2, "偏差原因：宣传覆盖面不足。");
        }

      /* at full points (manual 20) the row is praised */
      {
        PbsDecimal full = pbs_test_dec ("20");

        pbs_indicator_set_manual_score (pbs_evaluation_get_indicator (linted_evaluation (&l), 5), &full);
      }
      if (RELINT (&l))
        {
          g_autofree char *text3 = pbs_narrative_dup_text (l.sc);
          g_autofree char *social3 = line_about (text3, "社会效益指标");

          CU_ASSERT_STRING_EQUAL (social3, "一是社会效益指标完成情况良好：共1项，已达到年度指标值。");
        }
    }
  linted_clear (&l);
}

/* = scored two-sided, 55人 against =50人: above the target, not short of
 * it, and no completion rate. */
static void
test_narrative_two_sided (void)
{
  Linted l;
  g_autoptr (PbsPolicy) two = pbs_test_policy_with ("equal.mode", "two_sided", NULL);

  if (LINT_FIXTURE ("narrative.yaml", &l) && RELINT_POLICY (&l, two))
    {
      g_autofree char *text = pbs_narrative_dup_text (l.sc);
      g_autofree char *quantity = line_about (text, "数量指标");

      CU_ASSERT_EQUAL (pbs_scorecard_get_row_rule (l.sc, 1), PBS_RULE_EQUAL_TWO_SIDED);
      ASSERT_CONTAINS (quantity, "二是数量指标：共1项，1项部分达成。");
      ASSERT_CONTAINS (quantity, "培训人数年度指标值=50人，实际完成值55人，超出年度指标值，得9.00分（分值10分）");
      ASSERT_LACKS (quantity, "未完全达到");
      ASSERT_LACKS (quantity, "完成率");
      ASSERT_CONTAINS (text, "80.67分");
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

/* §11: each placeholder is an `unfilled` finding: the title (no row), the
 * target and the actual of row 1, whose other checks are skipped. */
static void
test_unfilled (void)
{
  Linted l = { 0 };

  if (!lint_fixture_at (__FILE__, __LINE__, "valid/placeholders.yaml", &l))
    return;
  /* After the category checks, before the table's share of numbers. */
  CU_ASSERT_EQUAL (pbs_lint_count (l.lint, PBS_LINT_UNFILLED), 3);
  ASSERT_FINDING (l.lint, 1, PBS_LINT_UNFILLED, -1, "title");
  ASSERT_FINDING (l.lint, 2, PBS_LINT_UNFILLED, 0, "target");
  ASSERT_FINDING (l.lint, 3, PBS_LINT_UNFILLED, 0, "actual");
  linted_clear (&l);
}

static const PbsTestCase cases[] = {
  { "narrative_budget_as_printed", test_narrative_budget_as_printed },
  { "clean", test_clean },
  { "unfilled", test_unfilled },
  { "vague_target", test_vague_target },
  { "vague_target_not", test_vague_target_not },
  { "no_unit", test_no_unit },
  { "generic_builtin", test_generic_builtin },
  { "generic_template", test_generic_template },
  { "few_quantitative", test_few_quantitative },
  { "target_too_low", test_target_too_low },
  { "points_level1", test_points_level1 },
  { "points_total", test_points_total },
  { "points_even", test_points_even },
  { "points_median", test_points_median },
  { "generic_single_level2", test_generic_single_level2 },
  { "times_rounding", test_times_rounding },
  { "missing_reason", test_missing_reason },
  { "missing_reason_wording", test_missing_reason_wording },
  { "order", test_order },
  { "seed", test_seed },
  { "narrative_seed", test_narrative_seed },
  { "narrative_unscored", test_narrative_unscored },
  { "narrative_rows", test_narrative_rows },
  { "narrative_two_sided", test_narrative_two_sided },
  { "narrative_ordinals", test_narrative_ordinals },
  { NULL, NULL },
};

int
main (void)
{
  return pbs_test_run ("lint", cases);
}
