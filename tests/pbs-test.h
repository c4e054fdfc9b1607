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

/* An assertion reported at the caller's place, for check helpers that
 * take __FILE__ and __LINE__. */
#define CHECK_AT(cond, file, line) \
  CU_assertImplementation ((cond) ? CU_TRUE : CU_FALSE, line, #cond, file, "", CU_FALSE)

/* The fixture folder: $PBS_TEST_DATA, else what the build defines
 * (PBS_TEST_DATA_DIR, or PBS_TEST_SRCDIR/data). */
#ifdef PBS_TEST_DATA_DIR
#define PBS_TEST_DATA_DEFAULT PBS_TEST_DATA_DIR
#elif defined(PBS_TEST_SRCDIR)
#define PBS_TEST_DATA_DEFAULT PBS_TEST_SRCDIR "/data"
#else
#define PBS_TEST_DATA_DEFAULT "tests/data"
#endif

static inline const char *
pbs_test_data_dir (void)
{
  const char *dir = g_getenv ("PBS_TEST_DATA");

  return dir != NULL && *dir != '\0' ? dir : PBS_TEST_DATA_DEFAULT;
}

/* Compares a decimal with its expected canonical text ("2.68", "10", "-0.5"),
 * so a failure shows both in the CUnit report. */
#define PBS_ASSERT_DECIMAL(dec, expected)                                   \
  do {                                                                      \
    char *pbs_t_s_ = pbs_decimal_to_string (dec);                           \
    CU_ASSERT_STRING_EQUAL (pbs_t_s_, expected);                            \
    if (strcmp (pbs_t_s_, expected) != 0)                                   \
      fprintf (stderr, "%s:%d: got %s, expected %s\n", __FILE__, __LINE__,  \
               pbs_t_s_, expected);                                         \
    g_free (pbs_t_s_);                                                      \
  } while (0)

/* An error test checks the domain and the code, never just "it failed". */
#define PBS_ASSERT_ERROR(err, dom_, code_)                                  \
  do {                                                                      \
    CU_ASSERT_PTR_NOT_NULL (err);                                           \
    CU_ASSERT_TRUE (g_error_matches (err, dom_, code_));                    \
    if ((err) != NULL && !g_error_matches (err, dom_, code_))               \
      fprintf (stderr, "%s:%d: unexpected error %s/%d: %s\n", __FILE__,     \
               __LINE__, g_quark_to_string ((err)->domain), (err)->code,    \
               (err)->message);                                             \
  } while (0)

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

/* One table row as text, for tests that build evaluations in code. */
typedef struct {
  const char *level1, *level2, *name, *points, *target, *actual;
} PbsTestRow;

/* Adds @rows to @e; a target or actual that does not parse fails the
 * test (a typo in the test, not the behaviour under test). */
static inline void
pbs_test_add_rows (PbsEvaluation *e, const PbsTestRow *rows, guint n_rows)
{
  for (guint i = 0; i < n_rows; i++)
    {
      GError *error = NULL;
      PbsDecimal w = pbs_test_dec (rows[i].points);
      PbsIndicator *ind = pbs_indicator_new (rows[i].level1, rows[i].level2, rows[i].name, &w);

      if (rows[i].target != NULL && !pbs_indicator_set_target (ind, rows[i].target, &error))
        {
          fprintf (stderr, "test input: target %s: %s\n", rows[i].target, error->message);
          CU_FAIL ("target text did not parse");
          g_clear_error (&error);
        }
      if (rows[i].actual != NULL && !pbs_indicator_set_actual (ind, rows[i].actual, &error))
        {
          fprintf (stderr, "test input: actual %s: %s\n", rows[i].actual, error->message);
          CU_FAIL ("actual text did not parse");
          g_clear_error (&error);
        }
      pbs_evaluation_add_indicator (e, ind);
      pbs_indicator_unref (ind);
    }
}

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
