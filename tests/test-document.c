/* test-document.c - YAML documents: reading, writing, templates, limits
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * doc/format.md is the contract. Every file under tests/data/valid/ must
 * load without error and every evaluation in it must survive load → save →
 * load unchanged; every file under tests/data/invalid/ must fail with the
 * error its first line names (tests/data/README.md):
 *
 *   # expect: CODE LINE:COLUMN [row N (name)]
 *
 * Where the files are: $PBS_TEST_DATA, else PBS_TEST_SRCDIR/data; the
 * shipped templates: $PBS_TEST_TEMPLATES, else PBS_TEST_SRCDIR/../templates;
 * the examples likewise with $PBS_TEST_EXAMPLES (pbs-test.h).
 * main() points PBSCORE_TEMPLATE_PATH at the templates, so template names
 * resolve to the source tree whether or not pbscore is installed.
 */
#include "pbs-test.h"

#include <errno.h>
#include <stdlib.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <gio/gunixinputstream.h>
#include <glib/gstdio.h>

static int
compare_paths (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The .yaml files of DIR/SUB, sorted, as full paths; an empty or missing
 * folder fails the test (a harness that runs nothing cannot fail). */
static GPtrArray *
fixture_files (const char *sub)
{
  g_autofree char *dir = g_build_filename (pbs_test_data_dir (), sub, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GDir) d = g_dir_open (dir, 0, &error);
  GPtrArray *files = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (d == NULL)
    {
      fprintf (stderr, "cannot open %s: %s\n", dir, error->message);
      CU_FAIL_FATAL ("fixture folder missing");
      return files;
    }
  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (name, ".yaml"))
      g_ptr_array_add (files, g_build_filename (dir, name, NULL));
  g_ptr_array_sort (files, compare_paths);
  CU_ASSERT_TRUE (files->len > 0);
  return files;
}

/* ---------------------------------------------------------------- helpers */

/* Reads every document of READER; returns them, or NULL with ERROR set
 * (the documents before the error are dropped). */
static GPtrArray *
read_all (PbsReader *reader, GError **error)
{
  g_autoptr (GPtrArray) docs = g_ptr_array_new_with_free_func ((GDestroyNotify) pbs_document_unref);
  PbsDocument *doc;

  while ((doc = pbs_reader_next (reader, error)) != NULL)
    g_ptr_array_add (docs, doc);
  if (error != NULL && *error != NULL)
    return NULL;
  return g_steal_pointer (&docs);
}

static GPtrArray *
read_path (const char *path, GError **error)
{
  g_autoptr (PbsReader) reader = pbs_reader_new_for_path (path, error);

  if (reader == NULL)
    return NULL;
  return read_all (reader, error);
}

static GPtrArray *
read_data (const char *data, gssize length, const char *name, GError **error)
{
  g_autoptr (PbsReader) reader = pbs_reader_new_for_data (data, length, name);

  CU_ASSERT_PTR_NOT_NULL_FATAL (reader);
  return read_all (reader, error);
}

/* The one evaluation of a file (the file must hold exactly one). */
static PbsEvaluation *
load_one_evaluation (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) docs = read_path (path, &error);
  PbsDocument *doc;

  ASSERT_NO_ERROR (error);
  if (docs == NULL)
    return NULL;
  CU_ASSERT_EQUAL (docs->len, 1);
  if (docs->len != 1)
    return NULL;
  doc = g_ptr_array_index (docs, 0);
  CU_ASSERT_EQUAL (pbs_document_get_kind (doc), PBS_DOCUMENT_EVALUATION);
  if (pbs_document_get_kind (doc) != PBS_DOCUMENT_EVALUATION)
    return NULL;
  return pbs_evaluation_ref (pbs_document_get_evaluation (doc));
}

static char *
data_path (const char *sub, const char *name)
{
  return g_build_filename (pbs_test_data_dir (), sub, name, NULL);
}

/* Saves E (with SC when not NULL), reads the text back under NAME (so
 * paths in it resolve as in the original file) and checks that the result
 * is one evaluation equal to E. Returns the saved text. */
static char *
round_trip_at (const char *file, int line, PbsEvaluation *e, PbsScorecard *sc, const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) docs = NULL;
  gsize length = 0;
  char *text = pbs_evaluation_save_to_data (e, sc, &length, &error);
  gboolean ok;

  CHECK_AT (text != NULL && error == NULL, file, line);
  if (text == NULL)
    {
      fprintf (stderr, "%s:%d: %s: save failed: %s\n", file, line, name,
               error != NULL ? error->message : "(no error)");
      return NULL;
    }
  CHECK_AT (length == strlen (text), file, line);
  CHECK_AT (g_utf8_validate (text, -1, NULL), file, line);
  /* Chinese text is written as UTF-8, not escaped. */
  ok = strstr (text, pbs_evaluation_get_title (e)) != NULL;
  CHECK_AT (ok, file, line);
  if (!ok)
    fprintf (stderr, "%s:%d: %s: saved text lacks the title \"%s\":\n%s\n", file, line, name,
             pbs_evaluation_get_title (e), text);

  /* Text read from memory takes relative template and policy paths from
   * the current folder: read it back from the original file's folder. */
  {
    g_autofree char *cwd = g_get_current_dir ();
    g_autofree char *dir = g_path_get_dirname (name);
    gboolean moved = g_file_test (dir, G_FILE_TEST_IS_DIR) && g_chdir (dir) == 0;

    docs = read_data (text, length, name, &error);
    if (moved && g_chdir (cwd) != 0)
      CU_FAIL_FATAL ("cannot return to the test's folder");
  }
  CHECK_AT (error == NULL && docs != NULL, file, line);
  if (docs == NULL)
    {
      fprintf (stderr, "%s:%d: %s: reading the saved text failed: %s\n%s\n", file, line, name,
               error != NULL ? error->message : "(no error)", text);
      return text;
    }
  CHECK_AT (docs->len == 1, file, line);
  if (docs->len == 1)
    {
      PbsDocument *doc = g_ptr_array_index (docs, 0);

      ok = pbs_document_get_kind (doc) == PBS_DOCUMENT_EVALUATION
           && pbs_evaluation_equal (e, pbs_document_get_evaluation (doc));
      CHECK_AT (ok, file, line);
      if (!ok)
        fprintf (stderr, "%s:%d: %s: the saved evaluation reads back different:\n%s\n", file,
                 line, name, text);
    }
  return text;
}
#define ROUND_TRIP(e, sc, name) round_trip_at (__FILE__, __LINE__, e, sc, name)

static gboolean
strv_contains (const char * const *strv, const char *s)
{
  return strv != NULL && g_strv_contains (strv, s);
}

/* ------------------------------------------------------ (a) valid fixtures */

static void
test_valid_fixtures (void)
{
  g_autoptr (GPtrArray) files = fixture_files ("valid");
  guint n_evaluations = 0, n_templates = 0, n_policies = 0;

  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      g_autoptr (GError) error = NULL;
      g_autoptr (GPtrArray) docs = read_path (path, &error);
      guint last_line = 0;

      CU_ASSERT_PTR_NULL (error);
      if (docs == NULL)
        {
          fprintf (stderr, "valid fixture %s: %s\n", path,
                   error != NULL ? error->message : "(no documents and no error)");
          continue;
        }
      CU_ASSERT_TRUE (docs->len >= 1);
      if (docs->len == 0)
        fprintf (stderr, "valid fixture %s: no document\n", path);

      for (guint j = 0; j < docs->len; j++)
        {
          PbsDocument *doc = g_ptr_array_index (docs, j);
          g_autofree char *text = NULL;

          /* Documents come in file order, each at its own line. */
          CU_ASSERT_TRUE (pbs_document_get_line (doc) > last_line);
          last_line = pbs_document_get_line (doc);

          switch (pbs_document_get_kind (doc))
            {
            case PBS_DOCUMENT_EVALUATION:
              n_evaluations++;
              CU_ASSERT_PTR_NOT_NULL (pbs_document_get_evaluation (doc));
              CU_ASSERT_PTR_NULL (pbs_document_get_template (doc));
              text = ROUND_TRIP (pbs_document_get_evaluation (doc), NULL, path);
              break;
            case PBS_DOCUMENT_TEMPLATE:
              n_templates++;
              CU_ASSERT_PTR_NOT_NULL (pbs_document_get_template (doc));
              CU_ASSERT_PTR_NULL (pbs_document_get_evaluation (doc));
              break;
            case PBS_DOCUMENT_POLICY:
              n_policies++;
              CU_ASSERT_PTR_NOT_NULL (pbs_document_get_policy (doc));
              CU_ASSERT_PTR_NULL (pbs_document_get_evaluation (doc));
              break;
            default:
              CU_FAIL ("unknown document kind");
            }
        }
    }
  /* The folder holds every kind (tests/data/README.md). */
  CU_ASSERT_TRUE (n_evaluations >= 12);
  CU_ASSERT_TRUE (n_templates >= 1);
  CU_ASSERT_TRUE (n_policies >= 1);
}

/* ---------------------------------------------------- (b) invalid fixtures */

static const struct {
  const char *name;
  PbsDocumentError code;
} error_codes[] = {
  { "SYNTAX", PBS_DOCUMENT_ERROR_SYNTAX },
  { "INVALID_UTF8", PBS_DOCUMENT_ERROR_INVALID_UTF8 },
  { "WRONG_TYPE", PBS_DOCUMENT_ERROR_WRONG_TYPE },
  { "UNKNOWN_KEY", PBS_DOCUMENT_ERROR_UNKNOWN_KEY },
  { "DUPLICATE_KEY", PBS_DOCUMENT_ERROR_DUPLICATE_KEY },
  { "MISSING_FIELD", PBS_DOCUMENT_ERROR_MISSING_FIELD },
  { "BAD_VALUE", PBS_DOCUMENT_ERROR_BAD_VALUE },
  { "OUT_OF_RANGE", PBS_DOCUMENT_ERROR_OUT_OF_RANGE },
  { "UNKNOWN_TEMPLATE", PBS_DOCUMENT_ERROR_UNKNOWN_TEMPLATE },
  { "UNKNOWN_POLICY", PBS_DOCUMENT_ERROR_UNKNOWN_POLICY },
  { "VERSION", PBS_DOCUMENT_ERROR_VERSION },
  { "LIMIT", PBS_DOCUMENT_ERROR_LIMIT },
  { "TEMPLATE_MISMATCH", PBS_DOCUMENT_ERROR_TEMPLATE_MISMATCH },
  { "IO", PBS_DOCUMENT_ERROR_IO },
};

typedef struct {
  int code;              /* -1: the header does not parse */
  const char *name;
  guint line, column;
  char *row;             /* "row N (name)" or NULL */
} Expectation;

/* Parses "# expect: CODE LINE:COLUMN [row N (name)]" from the file's first
 * line (read as bytes: invalid-utf8.yaml is not UTF-8 further on). */
static Expectation
read_expectation (const char *path)
{
  Expectation x = { -1, NULL, 0, 0, NULL };
  g_autofree char *contents = NULL;
  g_autofree char *first = NULL;
  g_auto (GStrv) parts = NULL;
  gsize length;
  const char *nl;
  char *end;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return x;
  nl = memchr (contents, '\n', length);
  first = g_strndup (contents, nl != NULL ? (gsize) (nl - contents) : length);
  g_strchomp (first);
  if (!g_str_has_prefix (first, "# expect: "))
    return x;
  parts = g_strsplit (first + strlen ("# expect: "), " ", 3);
  if (g_strv_length (parts) < 2)
    return x;
  for (gsize i = 0; i < G_N_ELEMENTS (error_codes); i++)
    if (strcmp (parts[0], error_codes[i].name) == 0)
      {
        x.code = error_codes[i].code;
        x.name = error_codes[i].name;
      }
  x.line = (guint) strtoul (parts[1], &end, 10);
  if (*end != ':')
    {
      x.code = -1;
      return x;
    }
  x.column = (guint) strtoul (end + 1, &end, 10);
  if (*end != '\0' || x.line == 0 || x.column == 0)
    x.code = -1;
  if (parts[2] != NULL)
    x.row = g_strdup_printf ("%s:", parts[2]);
  return x;
}

static void
test_invalid_fixtures (void)
{
  g_autoptr (GPtrArray) files = fixture_files ("invalid");

  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      Expectation x = read_expectation (path);
      g_autoptr (GError) error = NULL;
      g_autoptr (GPtrArray) docs = NULL;
      g_autofree char *place = NULL;
      gboolean ok;

      CU_ASSERT_TRUE (x.code >= 0);
      if (x.code < 0)
        {
          fprintf (stderr, "invalid fixture %s: no valid \"# expect: CODE LINE:COLUMN\" header\n",
                   path);
          continue;
        }

      docs = read_path (path, &error);
      CU_ASSERT_PTR_NULL (docs);
      CU_ASSERT_PTR_NOT_NULL (error);
      if (error == NULL)
        {
          fprintf (stderr, "invalid fixture %s: read without error, expected %s %u:%u\n", path,
                   x.name, x.line, x.column);
          g_free (x.row);
          continue;
        }

      ok = g_error_matches (error, PBS_DOCUMENT_ERROR, x.code);
      CU_ASSERT_TRUE (ok);
      if (!ok)
        fprintf (stderr, "invalid fixture %s: expected %s, got %s/%d: %s\n", path, x.name,
                 g_quark_to_string (error->domain), error->code, error->message);

      /* The message starts with the place: the path as given, then the
       * 1-based line and column. */
      place = g_strdup_printf ("%s:%u:%u:", path, x.line, x.column);
      ok = g_str_has_prefix (error->message, place);
      CU_ASSERT_TRUE (ok);
      if (!ok)
        fprintf (stderr, "invalid fixture %s: expected the message to start with \"%s\", got: %s\n",
                 path, place, error->message);

      /* ... followed by the row when there is one. */
      if (x.row != NULL)
        {
          ok = strstr (error->message, x.row) != NULL;
          CU_ASSERT_TRUE (ok);
          if (!ok)
            fprintf (stderr, "invalid fixture %s: expected \"%s\" in the message, got: %s\n",
                     path, x.row, error->message);
        }
      g_free (x.row);
    }
}

/* ------------------------------------------------------------ (c) templates */

static void
check_template (const char *name, const char *const *level1, const char *const *points,
                const char *budget_points)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PbsTemplate) t = pbs_template_lookup (name, &error);
  PbsDecimal d;
  guint n = g_strv_length ((char **) level1);

  ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (t);
  ASSERT_STR (pbs_template_get_name (t), name);
  CU_ASSERT_TRUE (pbs_template_get_title (t) != NULL && *pbs_template_get_title (t) != '\0');
  CU_ASSERT_TRUE (pbs_template_get_source (t) != NULL && *pbs_template_get_source (t) != '\0');
  pbs_template_get_total (t, &d);
  ASSERT_DEC_EQ (d, "100");
  CU_ASSERT_TRUE (pbs_template_get_budget_points (t, &d));
  ASSERT_DEC_EQ (d, budget_points);

  CU_ASSERT_EQUAL (pbs_template_get_n_level1 (t), n);
  for (guint i = 0; i < n && i < pbs_template_get_n_level1 (t); i++)
    {
      const char * const *level2 = pbs_template_get_level2_names (t, i);

      ASSERT_STR (pbs_template_get_level1_name (t, i), level1[i]);
      if (points[i] != NULL)
        {
          CU_ASSERT_TRUE (pbs_template_get_level1_points (t, i, &d));
          ASSERT_DEC_EQ (d, points[i]);
        }
      else
        CU_ASSERT_FALSE (pbs_template_get_level1_points (t, i, &d));
      /* Every level-2 category the template lists is allowed under its
       * level-1, and only there. */
      CU_ASSERT_TRUE (level2 != NULL && level2[0] != NULL);
      for (guint j = 0; level2 != NULL && level2[j] != NULL; j++)
        CU_ASSERT_TRUE (pbs_template_allows (t, level1[i], level2[j]));
    }
  CU_ASSERT_TRUE (pbs_template_get_generic_indicators (t) != NULL
                  && pbs_template_get_generic_indicators (t)[0] != NULL);
}

static void
test_templates_shipped (void)
{
  static const char *const project[] = { "产出指标", "效益指标", "满意度指标", NULL };
  static const char *const project_points[] = { "50", "30", "10" };
  static const char *const core[] = { "成本指标", "产出指标", "效益指标", "满意度指标", NULL };
  static const char *const core_points[] = { NULL, NULL, NULL, NULL };
  static const char *const common[] = { "投入", "过程", "产出", "效果", NULL };
  static const char *const common_points[] = { "20", "20", "30", "30" };
  g_auto (GStrv) names = pbs_template_list ();
  g_autofree char *file = pbs_template_find_file ("central-project-2020");
  g_autofree char *expected_file = g_build_filename (pbs_test_templates_dir (), "central-project-2020.yaml",
                                                     NULL);

  check_template ("central-project-2020", project, project_points, "10");
  check_template ("core-2021", core, core_points, "10");
  check_template ("department-overall", project, project_points, "10");
  check_template ("department-common-2013", common, common_points, "0");

  CU_ASSERT_PTR_NOT_NULL_FATAL (names);
  CU_ASSERT_TRUE (g_strv_contains ((const char * const *) names, "central-project-2020"));
  CU_ASSERT_TRUE (g_strv_contains ((const char * const *) names, "core-2021"));
  CU_ASSERT_TRUE (g_strv_contains ((const char * const *) names, "department-overall"));
  CU_ASSERT_TRUE (g_strv_contains ((const char * const *) names, "department-common-2013"));

  /* PBSCORE_TEMPLATE_PATH comes first in the search. */
  CU_ASSERT_PTR_NOT_NULL (file);
  ASSERT_STR (file, expected_file);
}

static void
test_template_allows (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PbsTemplate) project = pbs_template_lookup ("central-project-2020", &error);
  g_autoptr (PbsTemplate) core = pbs_template_lookup ("core-2021", &error);
  g_autoptr (PbsTemplate) common = pbs_template_lookup ("department-common-2013", &error);

  ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (project);
  CU_ASSERT_PTR_NOT_NULL_FATAL (core);
  CU_ASSERT_PTR_NOT_NULL_FATAL (common);

  CU_ASSERT_TRUE (pbs_template_allows (project, "产出指标", "数量指标"));
  CU_ASSERT_TRUE (pbs_template_allows (project, "产出指标", "成本指标"));
  CU_ASSERT_TRUE (pbs_template_allows (project, "满意度指标", "服务对象满意度指标"));
  CU_ASSERT_FALSE (pbs_template_allows (project, "产出指标", "社会效益指标"));
  CU_ASSERT_FALSE (pbs_template_allows (project, "成本指标", "经济成本指标"));
  CU_ASSERT_FALSE (pbs_template_allows (project, "投入", "预算配置"));

  /* 2021: 成本指标 is level 1, no longer under 产出指标. */
  CU_ASSERT_TRUE (pbs_template_allows (core, "成本指标", "经济成本指标"));
  CU_ASSERT_TRUE (pbs_template_allows (core, "成本指标", "生态环境成本指标"));
  CU_ASSERT_FALSE (pbs_template_allows (core, "产出指标", "成本指标"));

  CU_ASSERT_TRUE (pbs_template_allows (common, "过程", "预算执行"));
  CU_ASSERT_TRUE (pbs_template_allows (common, "产出", "职责履行"));
  CU_ASSERT_FALSE (pbs_template_allows (common, "产出", "预算执行"));

  /* Suggested level-3 indicators and the generic list for lint. */
  CU_ASSERT_TRUE (strv_contains (pbs_template_get_suggested (project, "产出指标", "质量指标"),
                                 "验收合格率"));
  CU_ASSERT_TRUE (strv_contains (pbs_template_get_suggested (common, "过程", "预算执行"),
                                 "\"三公经费\"控制率"));
  CU_ASSERT_TRUE (strv_contains (pbs_template_get_generic_indicators (project), "服务对象满意度"));
}

static void
test_template_unknown (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PbsTemplate) t = pbs_template_lookup ("central-project-2019", &error);

  CU_ASSERT_PTR_NULL (t);
  PBS_ASSERT_ERROR (error, PBS_DOCUMENT_ERROR, PBS_DOCUMENT_ERROR_UNKNOWN_TEMPLATE);
}

/* A template document read by pbs_template_load_file(). */
static void
test_template_load_file (void)
{
  g_autofree char *path = data_path ("valid", "template-document.yaml");
  g_autoptr (GError) error = NULL;
  g_autoptr (PbsTemplate) t = pbs_template_load_file (path, &error);
  PbsDecimal d;

  ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (t);
  ASSERT_STR (pbs_template_get_name (t), "ningxia-project");
  CU_ASSERT_EQUAL (pbs_template_get_n_level1 (t), 3);
  CU_ASSERT_TRUE (pbs_template_get_level1_points (t, 1, &d));
  ASSERT_DEC_EQ (d, "40");
  CU_ASSERT_TRUE (pbs_template_get_budget_points (t, &d));
  ASSERT_DEC_EQ (d, "0");
  CU_ASSERT_TRUE (pbs_template_allows (t, "效益指标", "可持续影响指标"));
  CU_ASSERT_TRUE (strv_contains (pbs_template_get_suggested (t, "产出指标", "质量指标"), "验收合格率"));
  CU_ASSERT_TRUE (strv_contains (pbs_template_get_generic_indicators (t), "按时完成率"));
}

/* An evaluation that breaks its template fails at the offending value. */
static void
test_template_mismatch (void)
{
  static const char yaml[] =
    "pbscore: 1\n"                                      /* 1 */
    "title: 模板不符\n"
    "template: core-2021\n"
    "budget: {annual: 10, executed: 10}\n"
    "indicators:\n"                                     /* 5 */
    "  - level1: 成本指标\n"
    "    level2: 经济成本指标\n"
    "    name: 单位成本\n"
    "    target: \"≤10元\"\n"
    "    points: 45\n"                                  /* 10 */
    "  - level1: 产出指标\n"
    "    level2: 成本指标\n"                            /* 12: not under 产出 in 2021 */
    "    name: 成本控制率\n"
    "    target: \"≤100%\"\n"
    "    points: 45\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) docs = read_data (yaml, -1, "mismatch.yaml", &error);

  CU_ASSERT_PTR_NULL (docs);
  PBS_ASSERT_ERROR (error, PBS_DOCUMENT_ERROR, PBS_DOCUMENT_ERROR_TEMPLATE_MISMATCH);
  if (error != NULL)
    {
      CU_ASSERT_TRUE (g_str_has_prefix (error->message, "mismatch.yaml:12:13:"));
      CU_ASSERT_PTR_NOT_NULL (strstr (error->message, "row 2 (成本控制率):"));
      if (!g_str_has_prefix (error->message, "mismatch.yaml:12:13:"))
        fprintf (stderr, "template mismatch: %s\n", error->message);
    }
}

/* --------------------------------------------------------- (c) the example */

/* examples/xishan-2024.yaml under central, by hand (rule book §§3–6):
 *
 * Budget: rate 1,444.16 / 1,445.05 = 0.999384…, shown as 99.94 %;
 *   score 10 × 0.999384… = 9.99384… → 9.99.
 * Rows (90 points): every row meets its target and scores its points,
 *   except 营商环境投诉办结销号率 (row 8): "=100%" scored as ≥ (equal.mode
 *   as_ge), 5 × 97.7 / 100 = 4.885 → 4.89 (half up, 2 decimals), partial.
 *   Σ rows = 90 − 5 + 4.89 = 89.89.
 * Total = 9.99 + 89.89 = 99.88 → 优 (≥ 90).
 * 审批时限压缩率 (row 16): 80 % ≥ 60 %, met, 8 points; but 80 > 1.2 × 60 =
 *   72: over-completion, and no 偏差原因 → missing_reason.
 * 营商环境持续优化 (row 18): 达成预期 is a met word: qualitative, 6 points.
 * No warning: execution 99.94 % is within budget and above 90 %; the red
 *   check (89.89/90 − 9.99…/10) is negative. */
#define XISHAN_ROW_COMPLAINTS 7     /* 0-based */
#define XISHAN_ROW_APPROVAL 15
#define XISHAN_ROW_BUSINESS 17

static PbsEvaluation *
load_xishan (void)
{
  g_autofree char *path = g_build_filename (pbs_test_examples_dir (), "xishan-2024.yaml", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) evaluations = pbs_evaluation_load_file (path, &error);

  ASSERT_NO_ERROR (error);
  if (evaluations == NULL)
    return NULL;
  CU_ASSERT_EQUAL (evaluations->len, 1);
  if (evaluations->len != 1)
    return NULL;
  return pbs_evaluation_ref (g_ptr_array_index (evaluations, 0));
}

static void
test_xishan_loads (void)
{
  g_autoptr (PbsEvaluation) e = load_xishan ();
  PbsBudget *budget;
  PbsIndicator *ind;
  PbsDecimal d;

  CU_ASSERT_PTR_NOT_NULL_FATAL (e);
  ASSERT_STR (pbs_evaluation_get_title (e), "昆明市西山区政务服务管理局2024年部门整体支出");
  ASSERT_STR (pbs_evaluation_get_department (e), "昆明市西山区政务服务管理局");
  CU_ASSERT_EQUAL (pbs_evaluation_get_year (e), 2024);
  CU_ASSERT_EQUAL (pbs_evaluation_get_currency (e), PBS_CURRENCY_WAN_YUAN);
  CU_ASSERT_PTR_NOT_NULL_FATAL (pbs_evaluation_get_template (e));
  ASSERT_STR (pbs_template_get_name (pbs_evaluation_get_template (e)), "department-overall");

  budget = pbs_evaluation_get_budget (e);
  CU_ASSERT_PTR_NOT_NULL_FATAL (budget);
  CU_ASSERT_TRUE (pbs_budget_get_initial (budget, &d));
  ASSERT_DEC_EQ (d, "1354.10");
  pbs_budget_get_annual (budget, &d);
  ASSERT_DEC_EQ (d, "1445.05");
  pbs_budget_get_executed (budget, &d);
  ASSERT_DEC_EQ (d, "1444.16");
  CU_ASSERT_TRUE (pbs_budget_get_points (budget, &d));
  ASSERT_DEC_EQ (d, "10");

  CU_ASSERT_EQUAL_FATAL (pbs_evaluation_get_n_indicators (e), 19);
  ind = pbs_evaluation_get_indicator (e, XISHAN_ROW_COMPLAINTS);
  ASSERT_STR (pbs_indicator_get_name (ind), "营商环境投诉办结销号率");
  ASSERT_STR (pbs_value_get_text (pbs_indicator_get_target (ind)), "=100%");
  ASSERT_STR (pbs_value_get_text (pbs_indicator_get_actual (ind)), "97.7%");
  CU_ASSERT_PTR_NOT_NULL (strstr (pbs_indicator_get_reason (ind), "正在办理投诉件2件"));
  ind = pbs_evaluation_get_indicator (e, XISHAN_ROW_APPROVAL);
  ASSERT_STR (pbs_indicator_get_name (ind), "审批时限压缩率");
  ind = pbs_evaluation_get_indicator (e, XISHAN_ROW_BUSINESS);
  ASSERT_STR (pbs_indicator_get_name (ind), "营商环境持续优化");

  /* Rows remember their line: increasing, inside the file. */
  for (guint i = 1; i < pbs_evaluation_get_n_indicators (e); i++)
    CU_ASSERT_TRUE (pbs_indicator_get_line (pbs_evaluation_get_indicator (e, i))
                    > pbs_indicator_get_line (pbs_evaluation_get_indicator (e, i - 1)));
  CU_ASSERT_TRUE (pbs_indicator_get_line (pbs_evaluation_get_indicator (e, 0)) > 30);
}

static void
test_xishan_scores (void)
{
  g_autoptr (PbsEvaluation) e = load_xishan ();
  g_autoptr (GError) error = NULL;
  g_autoptr (PbsScorecard) sc = NULL;
  g_autofree char *text = NULL;
  PbsDecimal d;
  PbsFlags flags;

  CU_ASSERT_PTR_NOT_NULL_FATAL (e);
  /* The document's own policy (policy: central). */
  sc = pbs_evaluation_score (e, pbs_evaluation_get_policy (e), &error);
  ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (sc);

  CU_ASSERT_TRUE (pbs_scorecard_is_complete (sc));
  CU_ASSERT_TRUE (pbs_scorecard_get_budget_rate (sc, &d));
  ASSERT_DEC_EQ (d, "99.94");
  pbs_scorecard_get_budget_score (sc, &d);
  ASSERT_DEC_EQ (d, "9.99");
  pbs_scorecard_get_total (sc, &d);
  ASSERT_DEC_EQ (d, "99.88");
  pbs_scorecard_get_total_points (sc, &d);
  ASSERT_DEC_EQ (d, "100");
  CU_ASSERT_EQUAL (pbs_scorecard_get_grade (sc), PBS_GRADE_EXCELLENT);
  CU_ASSERT_EQUAL (pbs_scorecard_get_n_warnings (sc), 0);

  CU_ASSERT_EQUAL (pbs_scorecard_get_row_status (sc, XISHAN_ROW_COMPLAINTS), PBS_STATUS_PARTIAL);
  CU_ASSERT_TRUE (pbs_scorecard_get_row_score (sc, XISHAN_ROW_COMPLAINTS, &d));
  ASSERT_DEC_EQ (d, "4.89");
  /* Short of its target, but with its reason. */
  CU_ASSERT_FALSE (pbs_scorecard_get_row_flags (sc, XISHAN_ROW_COMPLAINTS) & PBS_FLAG_MISSING_REASON);

  flags = pbs_scorecard_get_row_flags (sc, XISHAN_ROW_APPROVAL);
  CU_ASSERT_TRUE (flags & PBS_FLAG_OVER_COMPLETION);
  CU_ASSERT_TRUE (flags & PBS_FLAG_MISSING_REASON);
  CU_ASSERT_EQUAL (pbs_scorecard_get_row_status (sc, XISHAN_ROW_APPROVAL), PBS_STATUS_MET);
  CU_ASSERT_TRUE (pbs_scorecard_get_row_score (sc, XISHAN_ROW_APPROVAL, &d));
  ASSERT_DEC_EQ (d, "8");

  CU_ASSERT_EQUAL (pbs_scorecard_get_row_rule (sc, XISHAN_ROW_BUSINESS), PBS_RULE_QUALITATIVE);
  CU_ASSERT_EQUAL (pbs_scorecard_get_row_status (sc, XISHAN_ROW_BUSINESS), PBS_STATUS_MET);
  CU_ASSERT_TRUE (pbs_scorecard_get_row_score (sc, XISHAN_ROW_BUSINESS, &d));
  ASSERT_DEC_EQ (d, "6");

  /* Every other row is met at full points and carries no flag. */
  for (guint i = 0; i < pbs_scorecard_get_n_rows (sc); i++)
    if (i != XISHAN_ROW_COMPLAINTS && i != XISHAN_ROW_APPROVAL)
      {
        CU_ASSERT_EQUAL (pbs_scorecard_get_row_status (sc, i), PBS_STATUS_MET);
        CU_ASSERT_EQUAL (pbs_scorecard_get_row_flags (sc, i), PBS_FLAG_NONE);
      }

  /* Saved with its scores: the output keys are written, and ignored when
   * the text is read back. */
  text = ROUND_TRIP (e, sc, "xishan-scored.yaml");
  CU_ASSERT_PTR_NOT_NULL_FATAL (text);
  CU_ASSERT_PTR_NOT_NULL (strstr (text, "score:"));
  CU_ASSERT_PTR_NOT_NULL (strstr (text, "total:"));
  CU_ASSERT_PTR_NOT_NULL (strstr (text, "over_completion"));
  CU_ASSERT_PTR_NOT_NULL (strstr (text, "营商环境投诉办结销号率"));
}

/* Scoring with policy NULL is central: the same total. */
static void
test_xishan_scores_default_policy (void)
{
  g_autoptr (PbsEvaluation) e = load_xishan ();
  g_autoptr (GError) error = NULL;
  g_autoptr (PbsScorecard) sc = NULL;
  PbsDecimal d;

  CU_ASSERT_PTR_NOT_NULL_FATAL (e);
  sc = pbs_evaluation_score (e, NULL, &error);
  ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (sc);
  pbs_scorecard_get_total (sc, &d);
  ASSERT_DEC_EQ (d, "99.88");
}

/* Saving to a file writes it whole; saving into a missing folder is an IO
 * error and leaves nothing behind. */
static void
test_save_to_file (void)
{
  g_autoptr (PbsEvaluation) e = load_xishan ();
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *bad = NULL;
  g_autoptr (GPtrArray) back = NULL;

  CU_ASSERT_PTR_NOT_NULL_FATAL (e);
  dir = g_dir_make_tmp ("pbscore-test-XXXXXX", &error);
  ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (dir);
  path = g_build_filename (dir, "xishan.yaml", NULL);

  CU_ASSERT_TRUE (pbs_evaluation_save_to_file (e, NULL, path, &error));
  ASSERT_NO_ERROR (error);
  back = pbs_evaluation_load_file (path, &error);
  ASSERT_NO_ERROR (error);
  CU_ASSERT_TRUE (back != NULL && back->len == 1
                  && pbs_evaluation_equal (e, g_ptr_array_index (back, 0)));

  bad = g_build_filename (dir, "no-such-folder", "xishan.yaml", NULL);
  CU_ASSERT_FALSE (pbs_evaluation_save_to_file (e, NULL, bad, &error));
  PBS_ASSERT_ERROR (error, PBS_DOCUMENT_ERROR, PBS_DOCUMENT_ERROR_IO);
  CU_ASSERT_FALSE (g_file_test (bad, G_FILE_TEST_EXISTS));

  /* Nothing but the saved file is left in the folder (no temporary). */
  {
    g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
    guint n = 0;

    while (d != NULL && g_dir_read_name (d) != NULL)
      n++;
    CU_ASSERT_EQUAL (n, 1);
  }
  g_unlink (path);
  g_rmdir (dir);
}

/* --------------------------------------------------- (c) specific readings */

static void
test_missing_file (void)
{
  g_autofree char *path = g_build_filename (pbs_test_data_dir (), "no-such-file.yaml", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) docs = read_path (path, &error);
  g_autoptr (GError) error2 = NULL;
  g_autoptr (GPtrArray) evaluations = pbs_evaluation_load_file (path, &error2);

  CU_ASSERT_PTR_NULL (docs);
  PBS_ASSERT_ERROR (error, PBS_DOCUMENT_ERROR, PBS_DOCUMENT_ERROR_IO);
  if (error != NULL)
    CU_ASSERT_PTR_NOT_NULL (strstr (error->message, "no-such-file.yaml"));
  CU_ASSERT_PTR_NULL (evaluations);
  PBS_ASSERT_ERROR (error2, PBS_DOCUMENT_ERROR, PBS_DOCUMENT_ERROR_IO);
}

static void
test_empty_input (void)
{
  static const char *inputs[] = { "", "\n", "# 只有注释\n", NULL };

  for (guint i = 0; inputs[i] != NULL; i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (PbsReader) reader = pbs_reader_new_for_data (inputs[i], -1, "empty.yaml");
      g_autoptr (PbsDocument) doc = NULL;

      CU_ASSERT_PTR_NOT_NULL_FATAL (reader);
      doc = pbs_reader_next (reader, &error);
      CU_ASSERT_PTR_NULL (doc);
      ASSERT_NO_ERROR (error);
    }
}

/* A file of three documents gives three evaluations, in order. */
static void
test_batch (void)
{
  g_autofree char *path = data_path ("valid", "batch-three.yaml");
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) evaluations = pbs_evaluation_load_file (path, &error);

  ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (evaluations);
  CU_ASSERT_EQUAL_FATAL (evaluations->len, 3);
  ASSERT_STR (pbs_evaluation_get_title (g_ptr_array_index (evaluations, 0)), "行政审批工作运行经费");
  ASSERT_STR (pbs_evaluation_get_title (g_ptr_array_index (evaluations, 1)), "远程异地评标工位建设");
  ASSERT_STR (pbs_evaluation_get_title (g_ptr_array_index (evaluations, 2)), "政务服务自助终端部署");
  CU_ASSERT_EQUAL (pbs_evaluation_get_n_indicators (g_ptr_array_index (evaluations, 1)), 2);
}

/* A stream of 1000 documents built in memory reads back as 1000. */
static void
test_stream_1000 (void)
{
  g_autoptr (GString) s = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (PbsReader) reader = NULL;
  PbsDocument *doc;
  guint n = 0;

  for (guint i = 0; i < 1000; i++)
    g_string_append_printf (s,
                            "---\n"
                            "pbscore: 1\n"
                            "title: 第%u号项目\n"
                            "budget: {annual: \"%u.50\", executed: %u}\n"
                            "indicators:\n"
                            "  - {level1: 产出指标, level2: 数量指标, name: 完成量, target: \"≥%u项\", "
                            "actual: \"%u项\", points: 90}\n",
                            i, i + 1, i, i + 1, i);
  reader = pbs_reader_new_for_data (s->str, (gssize) s->len, "stream.yaml");
  CU_ASSERT_PTR_NOT_NULL_FATAL (reader);
  while ((doc = pbs_reader_next (reader, &error)) != NULL)
    {
      g_autofree char *title = g_strdup_printf ("第%u号项目", n);
      PbsEvaluation *e = pbs_document_get_evaluation (doc);

      CU_ASSERT_TRUE (e != NULL && g_strcmp0 (pbs_evaluation_get_title (e), title) == 0);
      n++;
      pbs_document_unref (doc);
    }
  ASSERT_NO_ERROR (error);
  CU_ASSERT_EQUAL (n, 1000);
}

/* A GInputStream reads as the same bytes in memory do; after an error in
 * a document's content the reader goes on with the next document, after a
 * YAML syntax error the input ends. */
static void
test_reader_stream_goes_on (void)
{
  static const char text[] =
    "pbscore: 1\ntitle: 甲\nbudget: {annual: 10, executed: 10}\nindicators:\n"
    "  - {level1: 产出指标, level2: 数量指标, name: 完成量, target: \"≥1项\", actual: \"1项\", points: 90}\n"
    "---\npbscore: 1\ntitle: 乙\nbogus: 1\n"
    "---\npbscore: 1\ntitle: 丙\nbudget: {annual: 10, executed: 10}\nindicators:\n"
    "  - {level1: 产出指标, level2: 数量指标, name: 完成量, target: \"≥1项\", actual: \"1项\", points: 90}\n"
    "---\npbscore: 1\ntitle: [丁\n"
    "---\npbscore: 1\ntitle: 戊\n";
  g_autoptr (GBytes) bytes = g_bytes_new_static (text, sizeof text - 1);
  g_autoptr (GInputStream) in = g_memory_input_stream_new_from_bytes (bytes);
  g_autoptr (PbsReader) reader = pbs_reader_new_for_stream (in, "s.yaml");
  g_autoptr (GError) error = NULL;
  PbsDocument *doc;

  doc = pbs_reader_next (reader, &error);
  CU_ASSERT_TRUE (doc != NULL && g_strcmp0 (pbs_evaluation_get_title (pbs_document_get_evaluation (doc)), "甲") == 0);
  g_clear_pointer (&doc, pbs_document_unref);
  doc = pbs_reader_next (reader, &error);
  CU_ASSERT_PTR_NULL (doc);
  PBS_ASSERT_ERROR (error, PBS_DOCUMENT_ERROR, PBS_DOCUMENT_ERROR_UNKNOWN_KEY);
  CU_ASSERT_TRUE (error != NULL && g_str_has_prefix (error->message, "s.yaml:9:1: "));
  g_clear_error (&error);
  doc = pbs_reader_next (reader, &error);
  ASSERT_NO_ERROR (error);
  CU_ASSERT_TRUE (doc != NULL && g_strcmp0 (pbs_evaluation_get_title (pbs_document_get_evaluation (doc)), "丙") == 0);
  g_clear_pointer (&doc, pbs_document_unref);
  doc = pbs_reader_next (reader, &error);
  CU_ASSERT_PTR_NULL (doc);
  PBS_ASSERT_ERROR (error, PBS_DOCUMENT_ERROR, PBS_DOCUMENT_ERROR_SYNTAX);
  g_clear_error (&error);
  CU_ASSERT_PTR_NULL (pbs_reader_next (reader, &error));
  ASSERT_NO_ERROR (error);
}

/* ------------------------------------------------------- parsing ahead */

/* Every outcome of reading @reader to its end, in words: each document's
 * kind and (an evaluation) its saved text, each error's domain, code and
 * message. */
static char *
outcomes (PbsReader *reader)
{
  GString *out = g_string_new (NULL);

  for (guint guard = 0; guard < 100000; guard++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (PbsDocument) doc = pbs_reader_next (reader, &error);

      if (doc == NULL && error == NULL)
        break;
      if (error != NULL)
        g_string_append_printf (out, "error %s %d %s\n", g_quark_to_string (error->domain),
                                error->code, error->message);
      else if (pbs_document_get_kind (doc) == PBS_DOCUMENT_EVALUATION)
        {
          g_autofree char *text = pbs_evaluation_save_to_data (pbs_document_get_evaluation (doc),
                                                               NULL, NULL, NULL);

          g_string_append_printf (out, "evaluation\n%s\n", text != NULL ? text : "(not saved)");
        }
      else
        g_string_append_printf (out, "document of kind %d\n", pbs_document_get_kind (doc));
    }
  return g_string_free (out, FALSE);
}

/* @text read with and without parsing ahead gives the same outcomes;
 * returns them. */
static char *
same_ahead_at (const char *file, int line, const char *text, gsize length, const char *name)
{
  g_autoptr (PbsReader) plain = pbs_reader_new_for_data (text, (gssize) length, name);
  g_autoptr (PbsReader) ahead = pbs_reader_new_for_data (text, (gssize) length, name);
  g_autofree char *want = NULL;
  char *got;

  pbs_reader_set_parse_ahead (ahead, TRUE);
  want = outcomes (plain);
  got = outcomes (ahead);
  CHECK_AT (strcmp (want, got) == 0, file, line);
  if (strcmp (want, got) != 0)
    fprintf (stderr, "%s:%d: %s: parsing ahead gave\n%.2000s\ninstead of\n%.2000s\n", file,
             line, name, got, want);
  return got;
}
#define SAME_AHEAD(text, length, name) same_ahead_at (__FILE__, __LINE__, text, length, name)

/* A parser on a thread of its own gives the same documents and the same
 * errors, in the same order, as the parser on the reader's thread: every
 * fixture, a batch of 600 documents (more than the slots waiting), a
 * huge evaluation whose rows are read as they come, errors of the
 * parser, of the UTF-8 check and of the tree after many documents. */
static void
test_parse_ahead_same (void)
{
  const char *folders[] = { "valid", "invalid" };
  g_autoptr (GString) batch = g_string_new (NULL);
  g_autoptr (GString) huge = g_string_new ("pbscore: 1\ntitle: 大表\nyear: 2024\n"
                                           "budget: {annual: 10, executed: 10}\nindicators:\n");
  guint n_fixtures = 0;

  for (guint f = 0; f < G_N_ELEMENTS (folders); f++)
    {
      g_autoptr (GPtrArray) files = fixture_files (folders[f]);

      for (guint i = 0; i < files->len; i++)
        {
          const char *path = g_ptr_array_index (files, i);
          g_autofree char *text = NULL;
          g_autofree char *got = NULL;
          gsize length;

          if (!g_file_get_contents (path, &text, &length, NULL))
            continue;
          {
            /* relative template and policy paths resolve as in the file */
            g_autofree char *cwd = g_get_current_dir ();
            g_autofree char *dir = g_path_get_dirname (path);
            g_autofree char *base = g_path_get_basename (path);

            CU_ASSERT_TRUE_FATAL (g_chdir (dir) == 0);
            got = SAME_AHEAD (text, length, base);
            CU_ASSERT_TRUE_FATAL (g_chdir (cwd) == 0);
          }
          n_fixtures++;
        }
    }
  CU_ASSERT_TRUE (n_fixtures > 20);

  for (guint i = 0; i < 600; i++)
    g_string_append_printf (batch, "---\npbscore: 1\ntitle: 第%u号\nbudget: {annual: 10, executed: 9}\n"
                            "indicators:\n  - {level1: 产出指标, level2: 数量指标, name: 完成量, "
                            "target: \"≥%u项\", actual: \"%u项\", points: 90}\n", i, i + 1, i);
  {
    g_autofree char *got = SAME_AHEAD (batch->str, batch->len, "batch.yaml");

    CU_ASSERT_PTR_NOT_NULL (strstr (got, "title: 第599号"));
  }
  /* an error in a document's content, then a YAML error far on */
  g_string_append (batch, "---\npbscore: 1\ntitle: 坏\nbogus: 1\n");
  for (guint i = 0; i < 50; i++)
    g_string_append_printf (batch, "---\npbscore: 1\ntitle: 后%u\nbudget: {annual: 1, executed: 1}\n"
                            "indicators: []\n", i);
  g_string_append (batch, "---\ntitle: [未完\n---\npbscore: 1\n");
  {
    g_autofree char *got = SAME_AHEAD (batch->str, batch->len, "batch.yaml");

    g_autofree char *unknown = g_strdup_printf ("error %s %d batch.yaml:", g_quark_to_string (PBS_DOCUMENT_ERROR),
                                                PBS_DOCUMENT_ERROR_UNKNOWN_KEY);
    g_autofree char *syntax = g_strdup_printf ("error %s %d batch.yaml:", g_quark_to_string (PBS_DOCUMENT_ERROR),
                                               PBS_DOCUMENT_ERROR_SYNTAX);
    const char *at_unknown = strstr (got, unknown), *at_syntax = strstr (got, syntax);

    CU_ASSERT_TRUE (at_unknown != NULL && at_syntax != NULL && at_unknown < at_syntax
                    && strstr (at_unknown, "title: 后49") != NULL);
  }
  /* an invalid byte after the documents */
  g_string_append (batch, "\xff\n");
  g_free (SAME_AHEAD (batch->str, batch->len, "batch.yaml"));

  for (guint i = 0; i < 3000; i++)
    g_string_append_printf (huge, "  - {level1: 产出指标, level2: 数量指标, name: 第%u项, "
                            "target: \"≥1项\", actual: \"1项\", points: 0.03}\n", i);
  {
    g_autofree char *got = SAME_AHEAD (huge->str, huge->len, "huge.yaml");

    CU_ASSERT_PTR_NOT_NULL (strstr (got, "name: 第2999项"));
  }
}

/* A reader that parses ahead may be dropped before its input ends:
 * from memory with every slot full, from a pipe whose writer is still
 * there (the parser's thread is blocked reading it: its read is
 * cancelled), and from a named pipe (whose read cannot be cancelled: the
 * thread finishes on its own), it returns and frees what was read ahead
 * (ASan and valgrind check that). */
static void
test_parse_ahead_stops (void)
{
  g_autoptr (GString) s = g_string_new (NULL);
  int fds[2];

  for (guint i = 0; i < 200; i++)
    g_string_append_printf (s, "---\npbscore: 1\ntitle: 第%u号\nbudget: {annual: 10, executed: 9}\n"
                            "indicators: []\n", i);
  {
    g_autoptr (PbsReader) reader = pbs_reader_new_for_data (s->str, (gssize) s->len, "m.yaml");
    g_autoptr (GError) error = NULL;
    g_autoptr (PbsDocument) doc = NULL;

    pbs_reader_set_parse_ahead (reader, TRUE);
    doc = pbs_reader_next (reader, &error);
    ASSERT_NO_ERROR (error);
    CU_ASSERT_PTR_NOT_NULL (doc);
  }

  CU_ASSERT_TRUE_FATAL (pipe (fds) == 0);
  {
    g_autoptr (GInputStream) in = g_unix_input_stream_new (fds[0], TRUE);
    g_autoptr (PbsReader) reader = pbs_reader_new_for_stream (in, "pipe");
    g_autoptr (GError) error = NULL;
    g_autoptr (PbsDocument) doc = NULL;
    const char *first = "pbscore: 1\ntitle: 管道\nbudget: {annual: 1, executed: 1}\nindicators: []\n---\n";

    pbs_reader_set_parse_ahead (reader, TRUE);
    CU_ASSERT_TRUE_FATAL (write (fds[1], first, strlen (first)) == (gssize) strlen (first));
    doc = pbs_reader_next (reader, &error);
    ASSERT_NO_ERROR (error);
    CU_ASSERT_TRUE (doc != NULL && g_strcmp0 (pbs_evaluation_get_title (pbs_document_get_evaluation (doc)),
                                              "管道") == 0);
  }
  close (fds[1]);

  /* A named pipe: its reads cannot be cancelled, so the reader does not
   * wait for the parser's thread, blocked reading, once it is dropped.
   * (Were it to wait, the alarm would end the test.) */
  {
    g_autofree char *dir = g_dir_make_tmp ("pbs-fifo-XXXXXX", NULL);
    g_autofree char *fifo = g_build_filename (dir, "fifo.yaml", NULL);
    const char *first = "pbscore: 1\ntitle: 命名管道\nbudget: {annual: 1, executed: 1}\nindicators: []\n---\n";
    int writer;

    CU_ASSERT_TRUE_FATAL (dir != NULL && mkfifo (fifo, 0600) == 0);
    /* Linux opens a FIFO read-write without waiting for a reader */
    writer = open (fifo, O_RDWR);
    CU_ASSERT_TRUE_FATAL (writer >= 0);
    CU_ASSERT_TRUE_FATAL (write (writer, first, strlen (first)) == (gssize) strlen (first));
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (PbsReader) reader = pbs_reader_new_for_path (fifo, &error);
      g_autoptr (PbsDocument) doc = NULL;

      ASSERT_NO_ERROR (error);
      CU_ASSERT_PTR_NOT_NULL_FATAL (reader);
      pbs_reader_set_parse_ahead (reader, TRUE);
      doc = pbs_reader_next (reader, &error);
      ASSERT_NO_ERROR (error);
      CU_ASSERT_PTR_NOT_NULL (doc);
      /* the parser's thread is now blocked reading the next document */
      g_usleep (200 * 1000);
      alarm (60);
    }
    alarm (0);
    close (writer);
    g_unlink (fifo);
    g_rmdir (dir);
  }
}

/* UTF-8 is checked block by block (64 KiB): an invalid byte far into the
 * input is located, and a character split by a block's end reads whole. */
static void
test_reader_utf8_in_blocks (void)
{
  g_autoptr (GString) s = g_string_new ("pbscore: 1\ntitle: 长\nbudget: {annual: 10, executed: 10}\n"
                                        "indicators:\n");
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) docs = NULL;
  g_autofree char *expected = NULL;
  guint lines = 4;

  /* rows of 3-byte characters: some block ends within one */
  for (guint i = 0; i < 2000; i++, lines++)
    g_string_append_printf (s, "  - {level1: 产出指标, level2: 数量指标, name: 第%u项完成量, "
                            "target: \"≥1项\", actual: \"1项\", points: 0.045}\n", i);
  CU_ASSERT_TRUE_FATAL (s->len > 3 * 65536);
  docs = read_data (s->str, (gssize) s->len, "long.yaml", &error);
  ASSERT_NO_ERROR (error);
  CU_ASSERT_TRUE (docs != NULL && docs->len == 1);
  g_clear_pointer (&docs, g_ptr_array_unref);

  g_string_append (s, "  # 注释\xff\n");
  docs = read_data (s->str, (gssize) s->len, "long.yaml", &error);
  CU_ASSERT_PTR_NULL (docs);
  PBS_ASSERT_ERROR (error, PBS_DOCUMENT_ERROR, PBS_DOCUMENT_ERROR_INVALID_UTF8);
  expected = g_strdup_printf ("long.yaml:%u:7: the file is not valid UTF-8 (byte 0xff)", lines + 1);
  CU_ASSERT_TRUE (error != NULL && g_str_has_prefix (error->message, expected));
}

/* The alias limit counts what aliases expand to, not the document's own
 * nodes: 1000 rows written out (15,000 nodes) are fine. */
static void
test_many_rows (void)
{
  g_autoptr (GString) s = g_string_new ("pbscore: 1\ntitle: 一千行\nbudget: {annual: 10, executed: 10}\n"
                                        "indicators:\n");
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) docs = NULL;

  for (guint i = 0; i < 1000; i++)
    g_string_append_printf (s, "  - {level1: 产出指标, level2: 数量指标, name: 第%u行, target: \"≥1项\", "
                               "actual: \"1项\", points: 0.09, reason: 无}\n", i);
  docs = read_data (s->str, (gssize) s->len, "rows.yaml", &error);
  ASSERT_NO_ERROR (error);
  CU_ASSERT_TRUE_FATAL (docs != NULL && docs->len == 1);
  CU_ASSERT_EQUAL (pbs_evaluation_get_n_indicators (
                     pbs_document_get_evaluation (g_ptr_array_index (docs, 0))), 1000);
}

/* A scalar of exactly 1 MiB is allowed; one byte more is LIMIT. */
static void
test_scalar_limit (void)
{
  for (guint extra = 0; extra <= 1; extra++)
    {
      g_autoptr (GString) s = g_string_new ("pbscore: 1\ntitle: 长标题\nbudget: {annual: 10, executed: 10}\n"
                                            "indicators:\n  - level1: 产出指标\n    level2: 数量指标\n"
                                            "    name: 完成量\n    target: \"≥1项\"\n    points: 90\n"
                                            "    reason: ");
      g_autoptr (GError) error = NULL;
      g_autoptr (GPtrArray) docs = NULL;

      for (gsize i = 0; i < 1024 * 1024 + extra; i++)
        g_string_append_c (s, 'x');
      g_string_append_c (s, '\n');
      docs = read_data (s->str, (gssize) s->len, "long.yaml", &error);
      if (extra == 0)
        {
          ASSERT_NO_ERROR (error);
          CU_ASSERT_TRUE (docs != NULL && docs->len == 1);
        }
      else
        {
          PBS_ASSERT_ERROR (error, PBS_DOCUMENT_ERROR, PBS_DOCUMENT_ERROR_LIMIT);
          if (error != NULL)
            CU_ASSERT_TRUE (g_str_has_prefix (error->message, "long.yaml:10:13:"));
        }
    }
}

/* 64 levels of nesting are allowed, 65 are LIMIT. The root mapping is
 * level 1 and result: level 2, so N brackets make 2 + N levels. */
static void
test_nesting_limit (void)
{
  for (guint brackets = 62; brackets <= 63; brackets++)
    {
      g_autoptr (GString) s = g_string_new ("pbscore: 1\ntitle: 嵌套\nbudget: {annual: 10, executed: 10}\n"
                                            "indicators: []\nresult:\n  total: ");
      g_autoptr (GError) error = NULL;
      g_autoptr (GPtrArray) docs = NULL;

      for (guint i = 0; i < brackets; i++)
        g_string_append_c (s, '[');
      g_string_append_c (s, '0');
      for (guint i = 0; i < brackets; i++)
        g_string_append_c (s, ']');
      g_string_append_c (s, '\n');
      docs = read_data (s->str, (gssize) s->len, "nested.yaml", &error);
      if (brackets == 62)
        {
          ASSERT_NO_ERROR (error);
          CU_ASSERT_TRUE (docs != NULL && docs->len == 1);
        }
      else
        PBS_ASSERT_ERROR (error, PBS_DOCUMENT_ERROR, PBS_DOCUMENT_ERROR_LIMIT);
    }
}

/* An unknown key's message suggests the nearest known key. */
static void
test_unknown_key_suggestion (void)
{
  static const char yaml[] =
    "pbscore: 1\ntitle: 键名拼错\nbudget: {annual: 10, executed: 10}\n"
    "indicators:\n  - {level1: 产出指标, level2: 数量指标, name: 完成量, target: \"≥1项\", "
    "points: 90, acutal: \"1项\"}\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) docs = read_data (yaml, -1, "typo.yaml", &error);

  CU_ASSERT_PTR_NULL (docs);
  PBS_ASSERT_ERROR (error, PBS_DOCUMENT_ERROR, PBS_DOCUMENT_ERROR_UNKNOWN_KEY);
  if (error != NULL)
    {
      CU_ASSERT_TRUE (g_str_has_prefix (error->message, "typo.yaml:5:72:"));
      CU_ASSERT_PTR_NOT_NULL (strstr (error->message, "acutal"));
      CU_ASSERT_PTR_NOT_NULL (strstr (error->message, "actual"));
      CU_ASSERT_PTR_NOT_NULL (strstr (error->message, "row 1 (完成量):"));
    }
}

/* Numbers are exact decimals read from their text, whether YAML numbers or
 * strings with thousands separators; a YAML number as an actual is its
 * text. */
static void
test_numbers_exact (void)
{
  g_autofree char *p1 = data_path ("valid", "thousands-separators.yaml");
  g_autofree char *p2 = data_path ("valid", "yaml-number-forms.yaml");
  g_autoptr (PbsEvaluation) a = load_one_evaluation (p1);
  g_autoptr (PbsEvaluation) b = load_one_evaluation (p2);
  PbsIndicator *ind;
  PbsDecimal d;

  CU_ASSERT_PTR_NOT_NULL_FATAL (a);
  CU_ASSERT_PTR_NOT_NULL_FATAL (b);

  CU_ASSERT_TRUE (pbs_budget_get_initial (pbs_evaluation_get_budget (a), &d));
  ASSERT_DEC_EQ (d, "1354.1");
  pbs_budget_get_annual (pbs_evaluation_get_budget (a), &d);
  ASSERT_DEC_EQ (d, "1445.05");
  pbs_budget_get_executed (pbs_evaluation_get_budget (a), &d);
  ASSERT_DEC_EQ (d, "1444.16");
  CU_ASSERT_TRUE (pbs_budget_get_printed_score (pbs_evaluation_get_budget (a), &d));
  ASSERT_DEC_EQ (d, "9.99");
  ind = pbs_evaluation_get_indicator (a, 0);
  pbs_indicator_get_points (ind, &d);
  ASSERT_DEC_EQ (d, "50");
  ind = pbs_evaluation_get_indicator (a, 2);
  CU_ASSERT_TRUE (pbs_indicator_get_manual_score (ind, &d));
  ASSERT_DEC_EQ (d, "0.5");

  pbs_budget_get_executed (pbs_evaluation_get_budget (b), &d);
  ASSERT_DEC_EQ (d, "173700.5");
  CU_ASSERT_EQUAL (pbs_evaluation_get_currency (b), PBS_CURRENCY_YUAN);
  ind = pbs_evaluation_get_indicator (b, 0);
  ASSERT_STR (pbs_value_get_text (pbs_indicator_get_target (ind)), "40");
  ASSERT_STR (pbs_value_get_text (pbs_indicator_get_actual (ind)), "42");
  pbs_indicator_get_points (ind, &d);
  ASSERT_DEC_EQ (d, "45.5");
  ind = pbs_evaluation_get_indicator (b, 1);
  ASSERT_STR (pbs_value_get_text (pbs_indicator_get_actual (ind)), "99.95%");
}

/* Every key of format 1 reaches the model. */
static void
test_full_evaluation (void)
{
  g_autofree char *path = data_path ("valid", "full-evaluation.yaml");
  g_autoptr (PbsEvaluation) e = load_one_evaluation (path);
  PbsIndicator *ind;
  PbsDecimal d;

  CU_ASSERT_PTR_NOT_NULL_FATAL (e);
  ASSERT_STR (pbs_evaluation_get_title (e), "与委托运营方结算费用");
  ASSERT_STR (pbs_evaluation_get_department (e), "上海市普陀区体育局");
  ASSERT_STR (pbs_evaluation_get_unit (e), "上海市普陀区体育事业管理中心");
  CU_ASSERT_EQUAL (pbs_evaluation_get_year (e), 2022);
  CU_ASSERT_EQUAL (pbs_evaluation_get_currency (e), PBS_CURRENCY_YUAN);
  CU_ASSERT_PTR_NOT_NULL (pbs_evaluation_get_template (e));
  CU_ASSERT_PTR_NOT_NULL_FATAL (pbs_evaluation_get_policy (e));
  ASSERT_STR (pbs_policy_get_name (pbs_evaluation_get_policy (e)), "central");
  CU_ASSERT_TRUE (pbs_budget_get_printed_score (pbs_evaluation_get_budget (e), &d));
  ASSERT_DEC_EQ (d, "8.62");
  pbs_budget_get_executed (pbs_evaluation_get_budget (e), &d);
  ASSERT_DEC_EQ (d, "215457.6");

  CU_ASSERT_EQUAL_FATAL (pbs_evaluation_get_n_indicators (e), 6);
  ind = pbs_evaluation_get_indicator (e, 0);
  ASSERT_STR (pbs_indicator_get_level1 (ind), "产出指标");
  ASSERT_STR (pbs_indicator_get_level2 (ind), "数量指标");
  ASSERT_STR (pbs_value_get_text (pbs_indicator_get_target (ind)), "=100%");
  CU_ASSERT_TRUE (pbs_indicator_get_printed_score (ind, &d));
  ASSERT_DEC_EQ (d, "20");
  CU_ASSERT_FALSE (pbs_indicator_get_not_applicable (ind));
  ind = pbs_evaluation_get_indicator (e, 1);
  CU_ASSERT_TRUE (pbs_indicator_get_manual_score (ind, &d));
  ASSERT_DEC_EQ (d, "7");
  CU_ASSERT_EQUAL (pbs_indicator_get_band (ind), PBS_BAND_PARTIAL);
  CU_ASSERT_PTR_NOT_NULL (strstr (pbs_indicator_get_reason (ind), "已调整开放时间"));
}

static void
test_not_applicable (void)
{
  g_autofree char *path = data_path ("valid", "not-applicable.yaml");
  g_autoptr (PbsEvaluation) e = load_one_evaluation (path);

  CU_ASSERT_PTR_NOT_NULL_FATAL (e);
  CU_ASSERT_EQUAL_FATAL (pbs_evaluation_get_n_indicators (e), 5);
  CU_ASSERT_FALSE (pbs_indicator_get_not_applicable (pbs_evaluation_get_indicator (e, 0)));
  CU_ASSERT_TRUE (pbs_indicator_get_not_applicable (pbs_evaluation_get_indicator (e, 1)));
  CU_ASSERT_TRUE (pbs_indicator_get_not_applicable (pbs_evaluation_get_indicator (e, 2)));
  CU_ASSERT_PTR_NULL (pbs_indicator_get_actual (pbs_evaluation_get_indicator (e, 2)));
  CU_ASSERT_FALSE (pbs_indicator_get_not_applicable (pbs_evaluation_get_indicator (e, 3)));
}

/* Aliases give the anchored value again. */
static void
test_aliases (void)
{
  g_autofree char *path = data_path ("valid", "anchors-aliases.yaml");
  g_autoptr (PbsEvaluation) e = load_one_evaluation (path);
  PbsIndicator *a, *b;

  CU_ASSERT_PTR_NOT_NULL_FATAL (e);
  CU_ASSERT_EQUAL_FATAL (pbs_evaluation_get_n_indicators (e), 5);
  a = pbs_evaluation_get_indicator (e, 0);
  b = pbs_evaluation_get_indicator (e, 1);
  ASSERT_STR (pbs_indicator_get_level1 (b), "产出指标");
  ASSERT_STR (pbs_indicator_get_level2 (b), "质量指标");
  ASSERT_STR (pbs_value_get_text (pbs_indicator_get_target (b)), "=100%");
  ASSERT_STR (pbs_indicator_get_reason (b), pbs_indicator_get_reason (a));
  ASSERT_STR (pbs_value_get_text (pbs_indicator_get_target (pbs_evaluation_get_indicator (e, 4))),
              "≥95%");
}

/* Policies: by preset, by document, by path. */
static void
test_policies (void)
{
  g_autofree char *p_doc = data_path ("valid", "policy-document.yaml");
  g_autofree char *p_path = data_path ("valid", "policy-by-path.yaml");
  g_autofree char *p_baoshan = data_path ("valid", "policy-yunnan-baoshan.yaml");
  g_autoptr (GError) error = NULL;
  g_autoptr (PbsPolicy) policy = pbs_policy_load_file (p_doc, &error);
  g_autoptr (PbsEvaluation) by_path = load_one_evaluation (p_path);
  g_autoptr (PbsEvaluation) baoshan = load_one_evaluation (p_baoshan);
  g_autofree char *points = NULL, *mode = NULL, *digits = NULL, *threshold = NULL,
                  *action = NULL, *path_points = NULL, *baoshan_points = NULL;

  ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (policy);
  ASSERT_STR (pbs_policy_get_name (policy), "guangxi-city");
  points = pbs_policy_dup_knob (policy, "budget.points");
  mode = pbs_policy_dup_knob (policy, "rounding.mode");
  digits = pbs_policy_dup_knob (policy, "rounding.digits");
  threshold = pbs_policy_dup_knob (policy, "over.threshold");
  action = pbs_policy_dup_knob (policy, "over.action");
  ASSERT_STR (points, "20");
  ASSERT_STR (mode, "truncate");
  ASSERT_STR (digits, "1");
  /* inherited from guangxi */
  ASSERT_STR (threshold, "1.3");
  ASSERT_STR (action, "require_reason");

  CU_ASSERT_PTR_NOT_NULL_FATAL (by_path);
  CU_ASSERT_PTR_NOT_NULL_FATAL (pbs_evaluation_get_policy (by_path));
  path_points = pbs_policy_dup_knob (pbs_evaluation_get_policy (by_path), "budget.points");
  ASSERT_STR (path_points, "20");

  CU_ASSERT_PTR_NOT_NULL_FATAL (baoshan);
  CU_ASSERT_PTR_NOT_NULL_FATAL (pbs_evaluation_get_policy (baoshan));
  ASSERT_STR (pbs_policy_get_name (pbs_evaluation_get_policy (baoshan)), "yunnan-baoshan");
  baoshan_points = pbs_policy_dup_knob (pbs_evaluation_get_policy (baoshan), "budget.points");
  ASSERT_STR (baoshan_points, "20");
}

/* An evaluation built through the API saves and reads back equal, with no
 * template and no policy, and the missing actual stays missing. */
static void
test_save_built (void)
{
  g_autoptr (PbsEvaluation) e = pbs_evaluation_new ();
  PbsDecimal annual = pbs_test_dec ("1,445.05"), executed = pbs_test_dec ("1444.16");
  PbsDecimal w = pbs_test_dec ("7.5"), m = pbs_test_dec ("6.25");
  g_autoptr (PbsBudget) budget = pbs_budget_new (&annual, &executed);
  g_autoptr (PbsIndicator) a = pbs_indicator_new ("产出指标", "质量指标", "“好差评”按时整改率", &w);
  g_autoptr (PbsIndicator) b = pbs_indicator_new ("效益指标", "可持续影响指标", "营商环境: 持续优化 # 不是注释", &w);
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;

  pbs_evaluation_set_title (e, "标题里有 \"引号\"、冒号: 和 #井号");
  pbs_evaluation_set_year (e, 2024);
  pbs_evaluation_set_currency (e, PBS_CURRENCY_YUAN);
  pbs_evaluation_set_budget (e, budget);
  CU_ASSERT_TRUE (pbs_indicator_set_target (a, ">=100%", &error));
  pbs_indicator_set_reason (a, "第一行\n第二行：  两个空格\n");
  pbs_evaluation_add_indicator (e, a);
  CU_ASSERT_TRUE (pbs_indicator_set_target (b, "持续优化", &error));
  CU_ASSERT_TRUE (pbs_indicator_set_actual (b, "基本达到", &error));
  pbs_indicator_set_manual_score (b, &m);
  pbs_indicator_set_band (b, PBS_BAND_PARTIAL);
  pbs_indicator_set_not_applicable (b, TRUE);
  pbs_evaluation_add_indicator (e, b);
  ASSERT_NO_ERROR (error);

  text = ROUND_TRIP (e, NULL, "built.yaml");
  CU_ASSERT_PTR_NOT_NULL (text);
}


/* doc/format.md, Writing: what is saved reads back as what was scored;
 * what cannot be (a stale scorecard, a row without a target, a policy
 * changed in code) is an error, never a silent loss (review regressions). */
static void
test_save_refuses_what_cannot_round_trip (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PbsReader) r = pbs_reader_new_for_data (
    "pbscore: 1\ntitle: t\npolicy: central\nbudget: {annual: 100, executed: 100}\nindicators:\n"
    "  - {level1: 产出指标, level2: 数量指标, name: A, target: '≥1', actual: '1', points: 90}\n",
    -1, "w.yaml");
  g_autoptr (PbsDocument) doc = pbs_reader_next (r, &error);
  PbsEvaluation *e;
  g_autoptr (PbsPolicy) guangxi = pbs_policy_new_preset ("guangxi", NULL);
  g_autoptr (PbsPolicy) custom = pbs_policy_new ();
  g_autoptr (PbsScorecard) sg = NULL;
  g_autofree char *text = NULL;
  PbsDecimal ten;

  CU_ASSERT_PTR_NOT_NULL_FATAL (doc);
  e = pbs_document_get_evaluation (doc);

  /* scored under another preset: the document names that preset */
  sg = pbs_evaluation_score (e, guangxi, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (sg);
  text = pbs_evaluation_save_to_data (e, sg, NULL, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (text);
  CU_ASSERT_PTR_NOT_NULL (strstr (text, "policy: guangxi"));
  g_clear_pointer (&text, g_free);

  /* scoring sealed it: what-ifs work on a copy */
  CU_ASSERT_TRUE (pbs_evaluation_is_sealed (e));
  {
    g_autoptr (PbsEvaluation) c = pbs_evaluation_copy (e);

    CU_ASSERT_FALSE (pbs_evaluation_is_sealed (c));
    /* a policy changed in code has no name that brings its knobs back */
    CU_ASSERT_TRUE (pbs_policy_set (custom, "rounding.digits", "1", NULL));
    pbs_evaluation_set_policy (c, custom);
    text = pbs_evaluation_save_to_data (c, NULL, NULL, &error);
    CU_ASSERT_PTR_NULL (text);
    PBS_ASSERT_ERROR (error, PBS_DOCUMENT_ERROR, PBS_DOCUMENT_ERROR_BAD_VALUE);
    g_clear_error (&error);
  }

  /* a row added to a copy must be complete before it can be saved */
  pbs_decimal_init (&ten, 10, 0);
  {
    g_autoptr (PbsEvaluation) c = pbs_evaluation_copy (e);
    g_autoptr (PbsIndicator) extra = pbs_indicator_new ("产出指标", "数量指标", "B", &ten);

    pbs_evaluation_add_indicator (c, extra);
    /* and the new row has no target, which a document requires */
    text = pbs_evaluation_save_to_data (c, NULL, NULL, &error);
    CU_ASSERT_PTR_NULL (text);
    PBS_ASSERT_ERROR (error, PBS_DOCUMENT_ERROR, PBS_DOCUMENT_ERROR_MISSING_FIELD);
    g_clear_error (&error);
  }

  /* a cleared budget line: reading requires one, so saving refuses too,
   * in memory and to a file (which is then not created) */
  {
    g_autoptr (PbsEvaluation) c = pbs_evaluation_copy (e);
    g_autofree char *dir = g_dir_make_tmp ("pbscore-test-XXXXXX", NULL);
    g_autofree char *path = g_build_filename (dir, "no-budget.yaml", NULL);

    pbs_evaluation_set_budget (c, NULL);
    text = pbs_evaluation_save_to_data (c, NULL, NULL, &error);
    CU_ASSERT_PTR_NULL (text);
    PBS_ASSERT_ERROR (error, PBS_DOCUMENT_ERROR, PBS_DOCUMENT_ERROR_MISSING_FIELD);
    CU_ASSERT_TRUE (error != NULL && strstr (error->message, "budget") != NULL);
    g_clear_error (&error);
    CU_ASSERT_FALSE (pbs_evaluation_save_to_file (c, NULL, path, &error));
    PBS_ASSERT_ERROR (error, PBS_DOCUMENT_ERROR, PBS_DOCUMENT_ERROR_MISSING_FIELD);
    CU_ASSERT_FALSE (g_file_test (path, G_FILE_TEST_EXISTS));
    g_clear_error (&error);
    /* a budget set again: saved, and the text reads back */
    pbs_evaluation_set_budget (c, pbs_evaluation_get_budget (e));
    text = pbs_evaluation_save_to_data (c, NULL, NULL, &error);
    ASSERT_NO_ERROR (error);
    CU_ASSERT_PTR_NOT_NULL (text);
    g_clear_pointer (&text, g_free);
    g_rmdir (dir);
  }
}

/* YAML in UTF-16 or UTF-32 with a byte-order mark (YAML 1.2 §5.2) reads
 * as its UTF-8 text does; bytes that are not text in the encoding are an
 * encoding error at their line and column. */
static void
test_unicode_encodings (void)
{
  static const struct { const char *encoding, *bom; gsize mark, unit; } encodings[] = {
    { "UTF-16LE", "\xFF\xFE", 2, 2 },
    { "UTF-16BE", "\xFE\xFF", 2, 2 },
    { "UTF-32LE", "\xFF\xFE\x00\x00", 4, 4 },
    { "UTF-32BE", "\x00\x00\xFE\xFF", 4, 4 },
  };
  static const char yaml[] =
    "pbscore: 1\ntitle: 与委托运营方结算费用\npolicy: central\n"
    "budget: {annual: 100, executed: 90}\nindicators:\n"
    "  - {level1: 产出指标, level2: 数量指标, name: 完成率, target: '≥95%', actual: '97%', points: 90}\n";

  for (guint i = 0; i < G_N_ELEMENTS (encodings); i++)
    {
      g_autoptr (GError) error = NULL;
      gsize n = 0;
      g_autofree char *body = g_convert (yaml, -1, encodings[i].encoding, "UTF-8", NULL, &n, NULL);
      g_autoptr (GByteArray) bytes = g_byte_array_new ();
      g_autoptr (GPtrArray) docs = NULL;
      g_autoptr (PbsScorecard) sc = NULL;
      PbsDecimal total;
      g_autofree char *digits = NULL, *where = NULL;
      gsize bad;

      CU_ASSERT_PTR_NOT_NULL_FATAL (body);
      g_byte_array_append (bytes, (const guint8 *) encodings[i].bom, (guint) encodings[i].mark);
      g_byte_array_append (bytes, (const guint8 *) body, (guint) n);
      docs = read_data ((const char *) bytes->data, (gssize) bytes->len, "u.yaml", &error);
      ASSERT_NO_ERROR (error);
      CU_ASSERT_FATAL (docs != NULL && docs->len == 1);
      CU_ASSERT_STRING_EQUAL (pbs_evaluation_get_title (pbs_document_get_evaluation (g_ptr_array_index (docs, 0))),
                              "与委托运营方结算费用");
      sc = pbs_evaluation_score (pbs_document_get_evaluation (g_ptr_array_index (docs, 0)), NULL, &error);
      ASSERT_NO_ERROR (error);
      CU_ASSERT_PTR_NOT_NULL_FATAL (sc);
      pbs_scorecard_get_total (sc, &total);
      digits = pbs_decimal_to_string (&total);
      CU_ASSERT_STRING_EQUAL (digits, "99.00");
      g_clear_pointer (&docs, g_ptr_array_unref);

      /* a character no encoding has (U+110000, or a lone low surrogate)
       * in place of the 与 on line 2, column 8 */
      bad = encodings[i].mark + 18 * encodings[i].unit;
      memcpy (bytes->data + bad,
              encodings[i].unit == 2 ? (encodings[i].encoding[6] == 'L' ? "\x00\xDC" : "\xDC\x00")
                                     : (encodings[i].encoding[6] == 'L' ? "\x00\x00\x11\x00"
                                                                        : "\x00\x11\x00\x00"),
              encodings[i].unit);
      docs = read_data ((const char *) bytes->data, (gssize) bytes->len, "u.yaml", &error);
      CU_ASSERT_PTR_NULL (docs);
      PBS_ASSERT_ERROR (error, PBS_DOCUMENT_ERROR, PBS_DOCUMENT_ERROR_INVALID_UTF8);
      where = g_strdup_printf ("u.yaml:2:8: the file is not valid %s", encodings[i].encoding);
      CU_ASSERT_TRUE (error != NULL && g_str_has_prefix (error->message, where));
      if (error != NULL && !g_str_has_prefix (error->message, where))
        fprintf (stderr, "%s: %s\n", encodings[i].encoding, error->message);
      g_clear_error (&error);

      /* a character cut short at the end */
      docs = read_data ((const char *) bytes->data, (gssize) (encodings[i].mark + n - 1), "u.yaml", &error);
      CU_ASSERT_PTR_NULL (docs);
      PBS_ASSERT_ERROR (error, PBS_DOCUMENT_ERROR, PBS_DOCUMENT_ERROR_INVALID_UTF8);
    }
}

/* A template or policy named by a relative path: saved in memory it is
 * absolute (the text has no folder), saved to a file it is relative to
 * that file's folder; either reloads from where it is. */
static void
test_save_names_files_from_where_it_is_written (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pbscore-test-XXXXXX", NULL);
  g_autofree char *in = g_build_filename (dir, "in", NULL);
  g_autofree char *deep = g_build_filename (dir, "out", "deep", NULL);
  g_autofree char *pol = g_build_filename (dir, "p.yaml", NULL);
  g_autofree char *doc = g_build_filename (in, "doc.yaml", NULL);
  g_autofree char *saved = g_build_filename (deep, "saved.yaml", NULL);
  g_autofree char *text = NULL, *written = NULL, *policy_text = NULL, *real = NULL, *want = NULL;
  g_autoptr (PbsPolicy) guangxi = pbs_policy_new_preset ("guangxi", NULL);
  g_autoptr (GPtrArray) docs = NULL, back = NULL;

  CU_ASSERT_PTR_NOT_NULL_FATAL (dir);
  CU_ASSERT_EQUAL (g_mkdir_with_parents (in, 0700), 0);
  CU_ASSERT_EQUAL (g_mkdir_with_parents (deep, 0700), 0);
  policy_text = pbs_policy_save_to_data (guangxi, NULL, &error);
  ASSERT_NO_ERROR (error);
  CU_ASSERT_TRUE (g_file_set_contents (pol, policy_text, -1, NULL));
  CU_ASSERT_TRUE (g_file_set_contents (doc,
    "pbscore: 1\ntitle: t\npolicy: ../p.yaml\nbudget: {annual: 100, executed: 100}\nindicators:\n"
    "  - {level1: 产出指标, level2: 数量指标, name: A, target: '≥1', actual: '1', points: 90}\n",
    -1, NULL));
  docs = pbs_evaluation_load_file (doc, &error);
  ASSERT_NO_ERROR (error);
  CU_ASSERT_FATAL (docs != NULL && docs->len == 1);

  real = realpath (pol, NULL);
  want = g_strdup_printf ("policy: %s\n", real);
  text = pbs_evaluation_save_to_data (g_ptr_array_index (docs, 0), NULL, NULL, &error);
  ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL (text != NULL ? strstr (text, want) : NULL);

  CU_ASSERT_TRUE (pbs_evaluation_save_to_file (g_ptr_array_index (docs, 0), NULL, saved, &error));
  ASSERT_NO_ERROR (error);
  CU_ASSERT_TRUE (g_file_get_contents (saved, &written, NULL, NULL));
  CU_ASSERT_PTR_NOT_NULL (written != NULL ? strstr (written, "policy: \"../../p.yaml\"\n") : NULL);
  back = pbs_evaluation_load_file (saved, &error);
  ASSERT_NO_ERROR (error);
  CU_ASSERT_TRUE (back != NULL && back->len == 1
                  && pbs_evaluation_equal (g_ptr_array_index (docs, 0), g_ptr_array_index (back, 0)));

  /* a report in YAML: the folder it will be written in, or none */
  {
    g_autoptr (PbsScorecard) sc = pbs_evaluation_score (g_ptr_array_index (docs, 0), NULL, &error);
    g_autoptr (PbsReport) report = pbs_report_new (PBS_FORMAT_YAML, PBS_REPORT_TABLE, PBS_LANGUAGE_ZH);
    g_autofree char *yaml = NULL;

    ASSERT_NO_ERROR (error);
    CU_ASSERT_PTR_NOT_NULL_FATAL (sc);
    pbs_report_add (report, sc);
    yaml = pbs_report_render (report, NULL, &error);
    ASSERT_NO_ERROR (error);
    CU_ASSERT_PTR_NOT_NULL (yaml != NULL ? strstr (yaml, want) : NULL);
    g_clear_pointer (&yaml, g_free);
    pbs_report_set_base_dir (report, deep);
    yaml = pbs_report_render (report, NULL, &error);
    ASSERT_NO_ERROR (error);
    CU_ASSERT_PTR_NOT_NULL (yaml != NULL ? strstr (yaml, "policy: \"../../p.yaml\"\n") : NULL);
  }

  g_unlink (saved);
  g_unlink (doc);
  g_unlink (pol);
  g_rmdir (deep);
  g_free (g_steal_pointer (&deep));
  deep = g_build_filename (dir, "out", NULL);
  g_rmdir (deep);
  g_rmdir (in);
  g_rmdir (dir);
}

/* ------------------------------------------- real tables' habits (§11) */

/* tests/data/valid/real-table-dates.yaml: each date form, a dash and 无,
 * scored under central (date.late 0). */
static void
test_real_table_dates (void)
{
  static const struct { const char *name; PbsStatus status; const char *score; PbsFlags flags; } rows[] = {
    { "系统上线时间", PBS_STATUS_UNMET, "0", PBS_FLAG_LATE },           /* 2023.12 vs 2024.03, 时效 */
    { "两侧都是年月", PBS_STATUS_MET, "5", PBS_FLAG_NONE },             /* both date-shaped */
    { "横线年月", PBS_STATUS_UNMET, "0", PBS_FLAG_LATE },               /* 2023-12 is no range */
    { "斜线年月对年月字", PBS_STATUS_MET, "10", PBS_FLAG_NONE },        /* the other side explicit */
    { "点分日期", PBS_STATUS_MET, "5", PBS_FLAG_NONE },
    { "月底前", PBS_STATUS_MET, "10", PBS_FLAG_NONE },                  /* 12月底前 takes year: 2023 */
    { "年底前", PBS_STATUS_UNMET, "0", PBS_FLAG_LATE },
    { "前完工", PBS_STATUS_MET, "10", PBS_FLAG_NONE },
    { "第四季度", PBS_STATUS_MET, "5", PBS_FLAG_NONE },
    { "上半年", PBS_STATUS_UNMET, "0", PBS_FLAG_LATE | PBS_FLAG_MISSING_REASON }, /* reason "0" is none */
    { "安全事故", PBS_STATUS_MET, "5", PBS_FLAG_READ_AS_ZERO },         /* 无 against ≤3次 */
  };
  g_autofree char *path = data_path ("valid", "real-table-dates.yaml");
  g_autoptr (PbsEvaluation) e = load_one_evaluation (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (PbsScorecard) sc = NULL;
  PbsDecimal d;

  CU_ASSERT_PTR_NOT_NULL_FATAL (e);
  sc = pbs_evaluation_score (e, NULL, &error);
  ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (sc);
  CU_ASSERT_EQUAL_FATAL (pbs_scorecard_get_n_rows (sc), G_N_ELEMENTS (rows) + 1);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      CHECK (pbs_scorecard_get_row_status (sc, i) == rows[i].status, rows[i].name);
      CHECK (pbs_scorecard_get_row_flags (sc, i) == rows[i].flags, rows[i].name);
      CHECK (pbs_scorecard_get_row_score (sc, i, &d), rows[i].name);
      CHECK (pbs_test_dec_equal_at (__FILE__, __LINE__, &d, rows[i].score), rows[i].name);
    }
  /* The actual “—” is no value: unscored, the scorecard incomplete. */
  CU_ASSERT_EQUAL (pbs_scorecard_get_row_status (sc, G_N_ELEMENTS (rows)), PBS_STATUS_UNSCORED);
  CU_ASSERT_PTR_NULL (pbs_indicator_get_actual (pbs_evaluation_get_indicator (e, G_N_ELEMENTS (rows))));
  CU_ASSERT_FALSE (pbs_scorecard_is_complete (sc));
}

/* An unpublished row (§11): read without a target, unscored, the card
 * incomplete; audit and lint pass over it; saved and read back equal. */
static void
test_unpublished_row (void)
{
  g_autofree char *path = data_path ("valid", "unpublished-row.yaml");
  g_autoptr (PbsEvaluation) e = load_one_evaluation (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (PbsScorecard) sc = NULL;
  g_autoptr (PbsAudit) audit = NULL;
  g_autoptr (PbsLint) lint = NULL;
  g_autofree char *text = NULL;
  PbsDecimal d;

  CU_ASSERT_PTR_NOT_NULL_FATAL (e);
  CU_ASSERT_TRUE (pbs_indicator_get_unpublished (pbs_evaluation_get_indicator (e, 1)));
  CU_ASSERT_PTR_NULL (pbs_indicator_get_target (pbs_evaluation_get_indicator (e, 1)));
  sc = pbs_evaluation_score (e, NULL, &error);
  ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (sc);
  CU_ASSERT_EQUAL (pbs_scorecard_get_row_status (sc, 1), PBS_STATUS_UNPUBLISHED);
  CU_ASSERT_FALSE (pbs_scorecard_get_row_score (sc, 1, &d));
  CU_ASSERT_FALSE (pbs_scorecard_is_complete (sc));
  CU_ASSERT_EQUAL (pbs_scorecard_get_grade (sc), PBS_GRADE_NONE);
  audit = pbs_audit_new (sc);
  CU_ASSERT_EQUAL (pbs_audit_get_n_findings (audit), 0);
  lint = pbs_lint_new (sc);
  CU_ASSERT_EQUAL (pbs_lint_get_n_findings (lint), 0);
  text = ROUND_TRIP (e, NULL, "unpublished-row.yaml");
  CU_ASSERT_PTR_NOT_NULL (text != NULL ? strstr (text, "unpublished: true") : NULL);
}

/* Helpful errors: the form's column heads typed as keys get the key to
 * type; a full-width colon or a tab gets a plain sentence at its place; a
 * zero 全年预算数 is reported at its own line. */
static void
test_helpful_errors (void)
{
  static const struct { const char *column, *key; } columns[] = {
    { "年度指标值", "target" }, { "实际完成值", "actual" }, { "分值", "points" },
    { "得分", "printed_score" }, { "偏差原因分析及改进措施", "reason" },
    { "一级指标", "level1" }, { "二级指标", "level2" }, { "三级指标", "name" },
  };
  static const struct { const char *text, *start, *words; } habits[] = {
    { "pbscore: 1\ntitle：西山\nbudget: {annual: 1, executed: 1}\nindicators: []\n",
      "habit.yaml:2:6: ", "full-width colon" },
    { "pbscore: 1\ntitle: 西山\nbudget:\n\tannual: 1\n\texecuted: 1\nindicators: []\n",
      "habit.yaml:4:1: ", "tab in the indentation" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      g_autofree char *doc = g_strdup_printf (
        "pbscore: 1\ntitle: t\nbudget: {annual: 1, executed: 1}\nindicators:\n"
        "  - {level1: 产出指标, level2: 数量指标, name: 甲, target: \"≥1项\", points: 90, %s: x}\n",
        columns[i].column);
      g_autofree char *hint = g_strdup_printf ("did you mean “%s”?", columns[i].key);
      g_autoptr (GError) error = NULL;
      g_autoptr (GPtrArray) docs = read_data (doc, -1, "column.yaml", &error);

      CHECK (g_error_matches (error, PBS_DOCUMENT_ERROR, PBS_DOCUMENT_ERROR_UNKNOWN_KEY), columns[i].column);
      CHECK (error != NULL && strstr (error->message, hint) != NULL, columns[i].column);
    }
  for (guint i = 0; i < G_N_ELEMENTS (habits); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GPtrArray) docs = read_data (habits[i].text, -1, "habit.yaml", &error);

      CHECK (g_error_matches (error, PBS_DOCUMENT_ERROR, PBS_DOCUMENT_ERROR_SYNTAX), habits[i].words);
      CHECK (error != NULL && g_str_has_prefix (error->message, habits[i].start), habits[i].words);
      CHECK (error != NULL && strstr (error->message, habits[i].words) != NULL, habits[i].words);
    }
  {
    static const char zero[] =
      "pbscore: 1\ntitle: t\nbudget:\n  annual: 0\n  executed: 0\nindicators:\n"
      "  - {level1: 产出指标, level2: 数量指标, name: 甲, target: \"≥1项\", actual: \"1项\", points: 90}\n";
    g_autoptr (GError) error = NULL;
    g_autoptr (GPtrArray) docs = read_data (zero, -1, "zero.yaml", &error);
    g_autoptr (PbsScorecard) sc = NULL;

    ASSERT_NO_ERROR (error);
    CU_ASSERT_PTR_NOT_NULL_FATAL (docs);
    sc = pbs_evaluation_score (pbs_document_get_evaluation (g_ptr_array_index (docs, 0)), NULL, &error);
    CU_ASSERT_PTR_NULL (sc);
    CU_ASSERT_TRUE (g_error_matches (error, PBS_SCORE_ERROR, PBS_SCORE_ERROR_ZERO_BUDGET));
    CU_ASSERT_TRUE (error != NULL && g_str_has_prefix (error->message, "zero.yaml:4:11: "));
  }
}

/* Placeholders (§11): the document reads, each is listed at its place,
 * and its row is unscored, the scorecard incomplete. */
static void
test_placeholders (void)
{
  static const struct { const char *field; guint row, line, column; } expected[] = {
    { "title", 0, 3, 8 }, { "target", 1, 12, 13 }, { "actual", 1, 13, 13 },
  };
  g_autofree char *path = data_path ("valid", "placeholders.yaml");
  g_autoptr (PbsEvaluation) e = load_one_evaluation (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (PbsScorecard) sc = NULL;

  CU_ASSERT_PTR_NOT_NULL_FATAL (e);
  CU_ASSERT_EQUAL_FATAL (pbs_evaluation_get_n_unfilled (e), G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      guint row = 99, line = 0, column = 0;
      const char *field = pbs_evaluation_get_unfilled (e, i, &row, &line, &column);

      CHECK (g_strcmp0 (field, expected[i].field) == 0, expected[i].field);
      CHECK (row == expected[i].row && line == expected[i].line && column == expected[i].column,
             expected[i].field);
    }
  sc = pbs_evaluation_score (e, NULL, &error);
  ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (sc);
  CU_ASSERT_EQUAL (pbs_scorecard_get_row_status (sc, 0), PBS_STATUS_UNSCORED);
  CU_ASSERT_EQUAL (pbs_scorecard_get_row_status (sc, 1), PBS_STATUS_MET);
  CU_ASSERT_FALSE (pbs_scorecard_is_complete (sc));
}

/* printed_grade is read in the table's words, saved back, and audited like
 * printed_total: a grade that differs from the computed one is a finding. */
static void
test_printed_grade (void)
{
  static const char doc[] =
    "pbscore: 1\ntitle: t\nprinted_grade: 良好\nbudget: {annual: 10, executed: 10}\nindicators:\n"
    "  - {level1: 产出指标, level2: 数量指标, name: 甲, target: \"≥1项\", actual: \"1项\", points: 90}\n";
  static const char bad[] =
    "pbscore: 1\ntitle: t\nprinted_grade: 甲等\nbudget: {annual: 10, executed: 10}\nindicators: []\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) docs = read_data (doc, -1, "grade.yaml", &error);
  g_autoptr (GPtrArray) none = NULL;
  g_autoptr (PbsScorecard) sc = NULL;
  g_autoptr (PbsAudit) audit = NULL;
  g_autofree char *text = NULL;
  g_autofree char *message = NULL;
  PbsEvaluation *e;

  ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (docs);
  e = pbs_document_get_evaluation (g_ptr_array_index (docs, 0));
  CU_ASSERT_EQUAL (pbs_evaluation_get_printed_grade (e), PBS_GRADE_GOOD);
  text = ROUND_TRIP (e, NULL, "grade.yaml");
  CU_ASSERT_PTR_NOT_NULL (text != NULL ? strstr (text, "printed_grade: 良") : NULL);
  sc = pbs_evaluation_score (e, NULL, &error);
  ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (sc);
  CU_ASSERT_EQUAL (pbs_scorecard_get_grade (sc), PBS_GRADE_EXCELLENT);
  audit = pbs_audit_new (sc);
  CU_ASSERT_EQUAL (pbs_audit_count (audit, PBS_FINDING_GRADE), 1);
  message = pbs_audit_dup_message (audit, 0, PBS_LANGUAGE_ZH);
  CU_ASSERT_STRING_EQUAL (message, "自评等级：公布 良，应为 优");

  none = read_data (bad, -1, "bad.yaml", &error);
  CU_ASSERT_TRUE (g_error_matches (error, PBS_DOCUMENT_ERROR, PBS_DOCUMENT_ERROR_BAD_VALUE));
  CU_ASSERT_TRUE (error != NULL && g_str_has_prefix (error->message, "bad.yaml:3:16: "));
}

/* The official form's goals and sign-off: read, and kept through a copy. */
static void
test_official_form_fields (void)
{
  g_autofree char *path = data_path ("valid", "official-form-fields.yaml");
  g_autoptr (PbsEvaluation) e = load_one_evaluation (path);
  g_autoptr (PbsEvaluation) c = NULL;

  CU_ASSERT_PTR_NOT_NULL_FATAL (e);
  CHECK_FORM_TEXTS (e, "保障政务服务大厅正常运转，提升群众办事满意度。", "全年大厅正常运转，群众满意度达到98%。",
                    "张三", "李四", "0871-12345678", "2025年3月10日");
  CU_ASSERT_EQUAL (pbs_evaluation_get_printed_grade (e), PBS_GRADE_EXCELLENT);
  c = pbs_evaluation_copy (e);
  CU_ASSERT_TRUE (pbs_evaluation_equal (c, e));
  pbs_evaluation_set_signoff_phone (c, "0871-87654321");
  CU_ASSERT_FALSE (pbs_evaluation_equal (c, e));
}

/* A dash for the target of a row that does not apply is accepted. */
static void
test_dash_target_not_applicable (void)
{
  static const char doc[] =
    "pbscore: 1\ntitle: t\nbudget: {annual: 10, executed: 10}\nindicators:\n"
    "  - {level1: 产出指标, level2: 数量指标, name: 甲, target: \"/\", points: 0, not_applicable: true}\n"
    "  - {level1: 产出指标, level2: 数量指标, name: 乙, target: \"≥1项\", actual: \"1项\", points: 90}\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) docs = read_data (doc, -1, "na.yaml", &error);
  PbsEvaluation *e;

  ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (docs);
  e = pbs_document_get_evaluation (g_ptr_array_index (docs, 0));
  CU_ASSERT_PTR_NULL (pbs_indicator_get_target (pbs_evaluation_get_indicator (e, 0)));
  CU_ASSERT_TRUE (pbs_indicator_get_not_applicable (pbs_evaluation_get_indicator (e, 0)));
}

/* A row read from a document holds its name and its values' texts in its
 * own allocation (pbs_indicator_pack (), issue 14): a setter gives a new
 * text an allocation of its own, and copies, setters and the last unref
 * never free inside the row's block (glibc aborts on such a free). */
static void
test_packed_row_setters (void)
{
  static const char doc[] =
    "pbscore: 1\ntitle: t\nbudget: {annual: 100, executed: 90}\nindicators:\n"
    "  - {level1: 产出指标, level2: 数量指标, name: 完成数量, target: \"≥10项\", actual: 9项, points: 10}\n"
    "  - {level1: 产出指标, level2: 数量指标, name: 满意度, target: \"≥90\", actual: 95, points: 10,\n"
    "     reason: 无}\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) docs = read_data (doc, -1, "packed.yaml", &error);
  g_autoptr (PbsEvaluation) e = NULL;
  g_autoptr (PbsIndicator) copy = NULL;
  PbsIndicator *ind, *second;

  ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (docs);
  CU_ASSERT_EQUAL_FATAL (docs->len, 1);
  e = pbs_evaluation_ref (pbs_document_get_evaluation (g_ptr_array_index (docs, 0)));
  g_clear_pointer (&docs, g_ptr_array_unref);
  ind = pbs_evaluation_get_indicator (e, 0);
  second = pbs_evaluation_get_indicator (e, 1);
  CU_ASSERT_STRING_EQUAL (pbs_indicator_get_name (ind), "完成数量");
  CU_ASSERT_STRING_EQUAL (pbs_value_get_text (pbs_indicator_get_target (ind)), "≥10项");
  CU_ASSERT_STRING_EQUAL (pbs_value_get_unit (pbs_indicator_get_target (ind)), "项");
  CU_ASSERT_STRING_EQUAL (pbs_value_get_text (pbs_indicator_get_actual (ind)), "9项");
  CU_ASSERT_STRING_EQUAL (pbs_indicator_get_reason (ind), "");
  CU_ASSERT_STRING_EQUAL (pbs_value_get_unit (pbs_indicator_get_target (second)), "");
  CU_ASSERT_STRING_EQUAL (pbs_indicator_get_reason (second), "无");

  copy = pbs_indicator_copy (ind);
  CU_ASSERT_TRUE (pbs_indicator_equal (copy, ind));
  CU_ASSERT_TRUE (pbs_indicator_set_target (ind, "≥12个", &error));
  ASSERT_NO_ERROR (error);
  CU_ASSERT_TRUE (pbs_indicator_set_actual (ind, NULL, &error));
  CU_ASSERT_PTR_NULL (pbs_indicator_get_actual (ind));
  CU_ASSERT_TRUE (pbs_indicator_set_actual (ind, "11个", &error));
  ASSERT_NO_ERROR (error);
  pbs_indicator_set_reason (ind, "原因");
  CU_ASSERT_STRING_EQUAL (pbs_indicator_get_name (ind), "完成数量");
  CU_ASSERT_STRING_EQUAL (pbs_value_get_text (pbs_indicator_get_target (ind)), "≥12个");
  CU_ASSERT_STRING_EQUAL (pbs_value_get_unit (pbs_indicator_get_target (ind)), "个");
  CU_ASSERT_STRING_EQUAL (pbs_value_get_text (pbs_indicator_get_actual (ind)), "11个");
  CU_ASSERT_STRING_EQUAL (pbs_indicator_get_reason (ind), "原因");
  CU_ASSERT_FALSE (pbs_indicator_equal (copy, ind));
  /* the copy kept the texts as read */
  CU_ASSERT_STRING_EQUAL (pbs_value_get_text (pbs_indicator_get_target (copy)), "≥10项");
  CU_ASSERT_STRING_EQUAL (pbs_value_get_text (pbs_indicator_get_actual (copy)), "9项");
  CU_ASSERT_TRUE (pbs_indicator_set_target (copy, "≥11项", &error));
  ASSERT_NO_ERROR (error);
  pbs_indicator_set_reason (second, NULL);
  CU_ASSERT_STRING_EQUAL (pbs_indicator_get_reason (second), "");
  CU_ASSERT_TRUE (pbs_indicator_set_target (second, "≥80", &error));
  ASSERT_NO_ERROR (error);
}

int
main (void)
{
  static const PbsTestCase cases[] = {
    { "save refuses what cannot round-trip", test_save_refuses_what_cannot_round_trip },
    { "valid fixtures load and round-trip", test_valid_fixtures },
    { "invalid fixtures fail with their code and place", test_invalid_fixtures },
    { "real tables' dates, dashes and 无 (§11)", test_real_table_dates },
    { "a dash target on a not-applicable row", test_dash_target_not_applicable },
    { "an unpublished row (§11)", test_unpublished_row },
    { "placeholders (§11)", test_placeholders },
    { "printed_grade: read, saved, audited", test_printed_grade },
    { "goals and signoff of the official form", test_official_form_fields },
    { "helpful errors: column heads, ：, tabs, zero budget", test_helpful_errors },
    { "the four shipped templates", test_templates_shipped },
    { "template allows, suggested, generic", test_template_allows },
    { "unknown template", test_template_unknown },
    { "template document from a file", test_template_load_file },
    { "evaluation breaking its template", test_template_mismatch },
    { "xishan example loads", test_xishan_loads },
    { "xishan example scores (by hand: 99.88, 优)", test_xishan_scores },
    { "xishan with policy NULL", test_xishan_scores_default_policy },
    { "save to file, and to a missing folder", test_save_to_file },
    { "UTF-16 and UTF-32 with a byte-order mark", test_unicode_encodings },
    { "save names template and policy files from where it is written",
      test_save_names_files_from_where_it_is_written },
    { "missing file is IO", test_missing_file },
    { "empty input has no document", test_empty_input },
    { "batch of three", test_batch },
    { "stream of 1000 documents", test_stream_1000 },
    { "a GInputStream; the reader goes on after a document's error", test_reader_stream_goes_on },
    { "UTF-8 checked block by block, errors located", test_reader_utf8_in_blocks },
    { "parsing ahead gives the same documents and errors", test_parse_ahead_same },
    { "a reader parsing ahead dropped early", test_parse_ahead_stops },
    { "1000 rows without aliases", test_many_rows },
    { "scalar length limit at 1 MiB", test_scalar_limit },
    { "nesting limit at 64", test_nesting_limit },
    { "unknown key suggests the nearest", test_unknown_key_suggestion },
    { "numbers are exact decimals", test_numbers_exact },
    { "every key reaches the model", test_full_evaluation },
    { "not_applicable", test_not_applicable },
    { "aliases", test_aliases },
    { "policies by preset, document and path", test_policies },
    { "built evaluation round-trips", test_save_built },
    { "a row read from a file: one block, setters and copies", test_packed_row_setters },
    { NULL, NULL }
  };

  /* Template names resolve to this source tree's templates/. */
  g_setenv ("PBSCORE_TEMPLATE_PATH", pbs_test_templates_dir (), TRUE);
  return pbs_test_run ("document", cases);
}
