/* pbs-test.h - shared CUnit scaffolding for pbscore's test programs
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Each tests/test-<unit>.c holds one suite and ends with
 *
 *   static const PbsTestCase cases[] = { { "name", func }, ..., { NULL, NULL } };
 *   int main (void) { return pbs_test_run ("unit", cases); }
 *
 * pbs_test_run() prints CUnit's verbose run and then one line
 * "N passed, N failed" (CUnit prints none), which tests/cunit-log.sh copies
 * to the console and build-aux/test-summary.sh adds up.
 */
#pragma once

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <CUnit/Basic.h>
#include <pbscore/pbscore.h>

typedef struct {
  const char *name;
  void      (*func) (void);
} PbsTestCase;

static inline int
pbs_test_run (const char *suite_name, const PbsTestCase *cases)
{
  CU_pSuite suite;
  unsigned int failed, run;

  if (CU_initialize_registry () != CUE_SUCCESS)
    return EXIT_FAILURE;
  suite = CU_add_suite (suite_name, NULL, NULL);
  if (suite == NULL)
    goto fail;
  for (const PbsTestCase *c = cases; c->name != NULL; c++)
    if (CU_add_test (suite, c->name, c->func) == NULL)
      goto fail;

  CU_basic_set_mode (CU_BRM_VERBOSE);
  CU_basic_run_tests ();

  /* Read the counts before CU_cleanup_registry(), which resets them; and
   * CU_basic_run_tests() returns success even when tests failed. */
  failed = CU_get_number_of_tests_failed ();
  run = CU_get_number_of_tests_run ();
  printf ("\n%u passed, %u failed\n", run - failed, failed);
  CU_cleanup_registry ();
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;

fail:
  fprintf (stderr, "CUnit setup failed: %s\n", CU_get_error_msg ());
  CU_cleanup_registry ();
  return EXIT_FAILURE;
}

/* ------------------------------------------------------------ assertions
 *
 * Each check is one CUnit assertion, reported at a place: the caller's
 * file and line for a check helper that takes __FILE__ and __LINE__ (the
 * _at functions); and, in a loop over a table of cases, the case's name
 * (@ctx) on stderr, since the loop's line alone does not say which case
 * failed. @ctx may be NULL.
 */

static inline gboolean
pbs_test_check_at (gboolean ok, const char *what, const char *file, int line, const char *ctx)
{
  CU_assertImplementation (ok ? CU_TRUE : CU_FALSE, (unsigned int) line, what, file, "", CU_FALSE);
  if (!ok && ctx != NULL)
    fprintf (stderr, "%s:%d: [%s] failed: %s\n", file, line, ctx, what);
  return ok;
}

/* An assertion reported at FILE:LINE, for check helpers. */
#define CHECK_AT(cond, file, line) \
  pbs_test_check_at ((cond) ? TRUE : FALSE, #cond, file, line, NULL)

/* An assertion that also names the table case @ctx it failed on. */
#define CHECK(cond, ctx) \
  pbs_test_check_at ((cond) ? TRUE : FALSE, #cond, __FILE__, __LINE__, ctx)

/* The error is set, in @domain with @code: an error test checks the domain
 * and the code, never just "it failed". */
static inline gboolean
pbs_test_error_is_at (const char *file, int line, const GError *error, GQuark domain, int code,
                      const char *ctx)
{
  gboolean ok = error != NULL && g_error_matches (error, domain, code);

  pbs_test_check_at (ok, "error domain and code", file, line, NULL);
  if (!ok)
    fprintf (stderr, "%s:%d: %s%s%sexpected error %s/%d, got %s/%d%s%s\n", file, line,
             ctx ? "[" : "", ctx ? ctx : "", ctx ? "] " : "",
             g_quark_to_string (domain), code,
             error ? g_quark_to_string (error->domain) : "none", error ? error->code : 0,
             error ? ": " : "", error ? error->message : "");
  return ok;
}
#define PBS_ASSERT_ERROR(err, dom, code) \
  pbs_test_error_is_at (__FILE__, __LINE__, err, dom, code, NULL)
#define CHECK_ERROR(err, dom, code, ctx) \
  pbs_test_error_is_at (__FILE__, __LINE__, err, dom, code, ctx)

/* The error's message names @needle (a row, a text, a number). */
static inline gboolean
pbs_test_message_has_at (const char *file, int line, const GError *error, const char *needle,
                         const char *ctx)
{
  gboolean ok = error != NULL && strstr (error->message, needle) != NULL;

  pbs_test_check_at (ok, "message names it", file, line, NULL);
  if (!ok)
    fprintf (stderr, "%s:%d: %s%s%smessage \"%s\" does not name \"%s\"\n", file, line,
             ctx ? "[" : "", ctx ? ctx : "", ctx ? "] " : "",
             error ? error->message : "(no error)", needle);
  return ok;
}
#define CHECK_MESSAGE_HAS(err, needle, ctx) \
  pbs_test_message_has_at (__FILE__, __LINE__, err, needle, ctx)

static inline gboolean
pbs_test_no_error_at (const char *file, int line, const GError *error)
{
  pbs_test_check_at (error == NULL, "no error", file, line, NULL);
  if (error != NULL)
    fprintf (stderr, "%s:%d: unexpected error %s/%d: %s\n", file, line,
             g_quark_to_string (error->domain), error->code, error->message);
  return error == NULL;
}
#define ASSERT_NO_ERROR(err) pbs_test_no_error_at (__FILE__, __LINE__, err)

static inline gboolean
pbs_test_str_is_at (const char *file, int line, const char *got, const char *expected)
{
  gboolean ok = g_strcmp0 (got, expected) == 0;

  pbs_test_check_at (ok, "string value", file, line, NULL);
  if (!ok)
    fprintf (stderr, "%s:%d: got \"%s\", expected \"%s\"\n", file, line,
             got ? got : "(null)", expected ? expected : "(null)");
  return ok;
}
#define ASSERT_STR(got, expected) pbs_test_str_is_at (__FILE__, __LINE__, got, expected)

/* The number of times @part occurs in @text, not overlapping. */
static inline guint
pbs_test_count (const char *text, const char *part)
{
  guint n = 0;

  for (const char *p = strstr (text, part); p != NULL; p = strstr (p + strlen (part), part))
    n++;
  return n;
}

/* --------------------------------------------------------------- folders */

/* The source tree's tests/ folder: the build defines it; else the tests
 * run from the top of the source tree. */
#ifndef PBS_TEST_SRCDIR
#define PBS_TEST_SRCDIR "tests"
#endif

/* A folder the tests read: $ENV when set, else @built_in. */
static inline const char *
pbs_test_dir (const char *env, const char *built_in)
{
  const char *dir = g_getenv (env);

  return dir != NULL && *dir != '\0' ? dir : built_in;
}

/* The fixtures: $PBS_TEST_DATA, else tests/data. */
static inline const char *
pbs_test_data_dir (void)
{
  return pbs_test_dir ("PBS_TEST_DATA", PBS_TEST_SRCDIR "/data");
}

/* The shipped templates, examples and policies: $PBS_TEST_TEMPLATES,
 * $PBS_TEST_EXAMPLES, $PBS_TEST_POLICIES, else the source tree's. */
static inline const char *
pbs_test_templates_dir (void)
{
  return pbs_test_dir ("PBS_TEST_TEMPLATES", PBS_TEST_SRCDIR "/../templates");
}

static inline const char *
pbs_test_examples_dir (void)
{
  return pbs_test_dir ("PBS_TEST_EXAMPLES", PBS_TEST_SRCDIR "/../examples");
}

static inline const char *
pbs_test_policies_dir (void)
{
  return pbs_test_dir ("PBS_TEST_POLICIES", PBS_TEST_SRCDIR "/../policies");
}

/* -------------------------------------------------------------- decimals */

/* Parses "1.25" into a decimal for test inputs; aborts the test program on a
 * typo in the test itself. */
static inline PbsDecimal
pbs_test_dec (const char *text)
{
  PbsDecimal d;
  GError *error = NULL;

  if (!pbs_decimal_parse (text, &d, &error))
    {
      fprintf (stderr, "bad decimal in test: %s: %s\n", text, error->message);
      abort ();
    }
  return d;
}

/* The decimal prints as @expected, digits and scale ("2.68", "10",
 * "-0.5"), so a failure shows both. */
static inline gboolean
pbs_test_decimal_is_at (const char *file, int line, const PbsDecimal *d, const char *expected,
                        const char *ctx)
{
  g_autofree char *got = pbs_decimal_to_string (d);
  gboolean ok = g_strcmp0 (got, expected) == 0;

  pbs_test_check_at (ok, "decimal text", file, line, NULL);
  if (!ok)
    fprintf (stderr, "%s:%d: %s%s%sgot %s, expected %s\n", file, line,
             ctx ? "[" : "", ctx ? ctx : "", ctx ? "] " : "", got ? got : "(null)", expected);
  return ok;
}
#define PBS_ASSERT_DECIMAL(dec, expected) \
  pbs_test_decimal_is_at (__FILE__, __LINE__, dec, expected, NULL)
#define CHECK_DECIMAL(dec, expected, ctx) \
  pbs_test_decimal_is_at (__FILE__, __LINE__, dec, expected, ctx)

/* The decimal has the value of @expected at any scale (2.5 = 2.50): the
 * contract fixes values, not scales. */
static inline gboolean
pbs_test_dec_equal_at (const char *file, int line, const PbsDecimal *got, const char *expected)
{
  PbsDecimal e = pbs_test_dec (expected);
  gboolean ok = pbs_decimal_equal (got, &e);

  pbs_test_check_at (ok, "decimal value", file, line, NULL);
  if (!ok)
    {
      g_autofree char *s = pbs_decimal_to_string (got);
      fprintf (stderr, "%s:%d: got %s, expected %s\n", file, line, s, expected);
    }
  return ok;
}
#define ASSERT_DEC_EQ(dec, expected) pbs_test_dec_equal_at (__FILE__, __LINE__, &(dec), expected)

/* A value a getter may lack: @has, and @got equal to @expected; or, when
 * @expected is NULL, no value. */
static inline gboolean
pbs_test_optional_dec_at (const char *file, int line, gboolean has, const PbsDecimal *got,
                          const char *expected)
{
  if (expected == NULL)
    return pbs_test_check_at (!has, "no value", file, line, NULL);
  if (!pbs_test_check_at (has, "a value", file, line, NULL))
    {
      fprintf (stderr, "%s:%d: no value, expected %s\n", file, line, expected);
      return FALSE;
    }
  return pbs_test_dec_equal_at (file, line, got, expected);
}

/* Row @row (0-based) of @sc has the decimal @expected from @get (NULL: it
 * has none); no check without a scorecard (the failure to score was
 * reported). */
typedef gboolean (*PbsTestRowGetter) (const PbsScorecard *sc, guint row, PbsDecimal *out);

static inline void
pbs_test_row_decimal_at (const char *file, int line, PbsScorecard *sc, guint row,
                         PbsTestRowGetter get, const char *expected)
{
  PbsDecimal got;
  gboolean has;

  if (sc == NULL)
    return;
  has = get (sc, row, &got);
  pbs_test_optional_dec_at (file, line, has, &got, expected);
}
#define CHECK_ROW_SCORE(sc, row, score) \
  pbs_test_row_decimal_at (__FILE__, __LINE__, sc, row, pbs_scorecard_get_row_score, score)

/* -------------------------------------------------------- model in code */

/* Level-1 and level-2 indicator names of the common table (rule book §1). */
#define OUT "产出指标"
#define QTY "数量指标"
#define QLT "质量指标"
#define TIM "时效指标"
#define BEN "效益指标"
#define SOC "社会效益指标"
#define SAT "满意度指标"
#define SVC "服务对象满意度指标"

/* A central policy with KNOB, VALUE pairs set, NULL-terminated; a pair
 * the policy refuses fails the test (a typo in the test). */
static inline PbsPolicy *pbs_test_policy_with (const char *knob, ...) G_GNUC_NULL_TERMINATED;
static inline PbsPolicy *
pbs_test_policy_with (const char *knob, ...)
{
  PbsPolicy *p = pbs_policy_new ();
  va_list ap;

  va_start (ap, knob);
  for (const char *k = knob; k != NULL; k = va_arg (ap, const char *))
    {
      const char *v = va_arg (ap, const char *);
      GError *error = NULL;

      if (!pbs_policy_set (p, k, v, &error))
        {
          fprintf (stderr, "test policy: %s=%s: %s\n", k, v, error->message);
          CU_FAIL ("policy knob rejected");
          g_clear_error (&error);
        }
    }
  va_end (ap);
  return p;
}

/* One table row as text, for tests that build evaluations in code. */
typedef struct {
  const char *level1, *level2, *name, *points, *target, *actual;
} PbsTestRow;

/* The indicator of @row; a target or actual that does not parse fails the
 * test (a typo in the test, not the behaviour under test). */
static inline PbsIndicator *
pbs_test_row_new (const PbsTestRow *row)
{
  GError *error = NULL;
  PbsDecimal w = pbs_test_dec (row->points);
  PbsIndicator *ind = pbs_indicator_new (row->level1, row->level2, row->name, &w);

  if (row->target != NULL && !pbs_indicator_set_target (ind, row->target, &error))
    {
      fprintf (stderr, "test input: target %s: %s\n", row->target, error->message);
      CU_FAIL ("target text did not parse");
      g_clear_error (&error);
    }
  if (row->actual != NULL && !pbs_indicator_set_actual (ind, row->actual, &error))
    {
      fprintf (stderr, "test input: actual %s: %s\n", row->actual, error->message);
      CU_FAIL ("actual text did not parse");
      g_clear_error (&error);
    }
  return ind;
}

/* Adds @rows to @e. */
static inline void
pbs_test_add_rows (PbsEvaluation *e, const PbsTestRow *rows, guint n_rows)
{
  for (guint i = 0; i < n_rows; i++)
    {
      PbsIndicator *ind = pbs_test_row_new (&rows[i]);

      pbs_evaluation_add_indicator (e, ind);
      pbs_indicator_unref (ind);
    }
}

/* An evaluation with a budget line of @annual / @executed (@bpoints NULL:
 * the policy's points) and @rows. */
static inline PbsEvaluation *
pbs_test_evaluation_new (const char *annual, const char *executed, const char *bpoints,
                         const PbsTestRow *rows, guint n_rows)
{
  PbsEvaluation *e = pbs_evaluation_new ();
  PbsDecimal a = pbs_test_dec (annual), x = pbs_test_dec (executed);
  PbsBudget *b = pbs_budget_new (&a, &x);

  if (bpoints != NULL)
    {
      PbsDecimal p = pbs_test_dec (bpoints);
      pbs_budget_set_points (b, &p);
    }
  pbs_evaluation_set_budget (e, b);
  pbs_budget_unref (b);
  pbs_test_add_rows (e, rows, n_rows);
  return e;
}

/* The one document of @path (a file), or of @yaml (text, when @path is
 * NULL); NULL, with the test failed at FILE:LINE, when it cannot be read
 * or holds no evaluation or more than one document. */
static inline PbsDocument *
pbs_test_read_one_at (const char *file, int line, const char *path, const char *yaml)
{
  GError *error = NULL;
  PbsReader *reader;
  PbsDocument *doc, *extra;

  if (path != NULL)
    reader = pbs_reader_new_for_path (path, &error);
  else
    reader = pbs_reader_new_for_data (yaml, -1, "test.yaml");
  CHECK_AT (reader != NULL, file, line);
  if (reader == NULL)
    {
      fprintf (stderr, "%s:%d: %s: %s\n", file, line, path, error ? error->message : "?");
      g_clear_error (&error);
      return NULL;
    }
  doc = pbs_reader_next (reader, &error);
  CHECK_AT (doc != NULL, file, line);
  if (doc == NULL)
    {
      fprintf (stderr, "%s:%d: %s: %s\n", file, line, path ? path : "test.yaml",
               error ? error->message : "no document");
      g_clear_error (&error);
      g_object_unref (reader);
      return NULL;
    }
  CHECK_AT (pbs_document_get_kind (doc) == PBS_DOCUMENT_EVALUATION, file, line);
  extra = pbs_reader_next (reader, &error);
  CHECK_AT (extra == NULL && error == NULL, file, line);
  g_clear_error (&error);
  g_clear_pointer (&extra, pbs_document_unref);
  g_object_unref (reader);
  return doc;
}
#define READ_ONE_FILE(path) pbs_test_read_one_at (__FILE__, __LINE__, path, NULL)
#define READ_ONE_DATA(yaml) pbs_test_read_one_at (__FILE__, __LINE__, NULL, yaml)

/* Scores @e under @policy; a failure fails the test at the caller's place
 * and gives NULL. */
static inline PbsScorecard *
pbs_test_score_ok_at (const char *file, int line, PbsEvaluation *e, const PbsPolicy *policy)
{
  GError *error = NULL;
  PbsScorecard *sc = pbs_evaluation_score (e, policy, &error);

  CHECK_AT (sc != NULL, file, line);
  if (sc == NULL)
    fprintf (stderr, "%s:%d: scoring failed: %s\n", file, line,
             error ? error->message : "(no error set)");
  g_clear_error (&error);
  return sc;
}
#define SCORE_OK(e, policy) pbs_test_score_ok_at (__FILE__, __LINE__, e, policy)

/* The official form's texts of @e: 年度总体目标 and the sign-off. */
static inline void
pbs_test_form_texts_at (const char *file, int line, PbsEvaluation *e, const char *expected,
                        const char *achieved, const char *manager, const char *preparer,
                        const char *phone, const char *date)
{
  pbs_test_str_is_at (file, line, pbs_evaluation_get_goals_expected (e), expected);
  pbs_test_str_is_at (file, line, pbs_evaluation_get_goals_achieved (e), achieved);
  pbs_test_str_is_at (file, line, pbs_evaluation_get_signoff_manager (e), manager);
  pbs_test_str_is_at (file, line, pbs_evaluation_get_signoff_preparer (e), preparer);
  pbs_test_str_is_at (file, line, pbs_evaluation_get_signoff_phone (e), phone);
  pbs_test_str_is_at (file, line, pbs_evaluation_get_signoff_date (e), date);
}
#define CHECK_FORM_TEXTS(e, expected, achieved, manager, preparer, phone, date) \
  pbs_test_form_texts_at (__FILE__, __LINE__, e, expected, achieved, manager, preparer, phone, date)
