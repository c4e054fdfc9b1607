/* test-audit.c - checking a published table against the rules (rule book §7)
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * doc/scoring.md "Auditing" and doc/format.md (printed_score, printed_total,
 * parent and child rows) are the contract. The fixtures live in
 * tests/data/audit/; each one's header works out by hand, from the rule
 * book, every score, total and finding asserted here. Finding order is not
 * part of the contract, so findings are looked up by kind and row.
 *
 * Where the files are: $PBS_TEST_DATA, else PBS_TEST_SRCDIR/data.
 */
#include "pbs-test.h"

/* ------------------------------------------------------------- fixtures */

/* A scored fixture: the document (which owns the evaluation), its
 * scorecard under the document's policy (or central), and the audit. */
typedef struct {
  PbsDocument  *doc;
  PbsScorecard *sc;
  PbsAudit     *audit;
} Audited;

static void
audited_clear (Audited *a)
{
  g_clear_pointer (&a->audit, pbs_audit_unref);
  g_clear_pointer (&a->sc, pbs_scorecard_unref);
  g_clear_pointer (&a->doc, pbs_document_unref);
}

/* Scores the evaluation of @doc (taken into @out) under @policy (NULL: the
 * document's or central) and audits it. FALSE (with the test failed) when
 * @doc is NULL or a step fails. */
static gboolean
audit_document_at (const char *file, int line, PbsDocument *doc, const PbsPolicy *policy,
                   Audited *out)
{
  g_autoptr (GError) error = NULL;

  memset (out, 0, sizeof *out);
  out->doc = doc;
  if (doc == NULL)
    return FALSE;
  out->sc = pbs_evaluation_score (pbs_document_get_evaluation (out->doc), policy, &error);
  CHECK_AT (out->sc != NULL, file, line);
  if (out->sc == NULL)
    {
      fprintf (stderr, "%s:%d: scoring: %s\n", file, line, error ? error->message : "(no error set)");
      return FALSE;
    }
  out->audit = pbs_audit_new (out->sc);
  CHECK_AT (out->audit != NULL, file, line);
  return out->audit != NULL;
}

/* Reads the one evaluation of tests/data/audit/NAME, scores it with the
 * policy NULL and audits it. */
static gboolean
audit_fixture_at (const char *file, int line, const char *name, Audited *out)
{
  g_autofree char *path = g_build_filename (pbs_test_data_dir (), "audit", name, NULL);

  return audit_document_at (file, line, pbs_test_read_one_at (file, line, path, NULL), NULL, out);
}
#define AUDIT_FIXTURE(name, out) audit_fixture_at (__FILE__, __LINE__, name, out)

/* The same from YAML text in memory, under @policy. */
#define AUDIT_DATA(yaml, policy, out) \
  audit_document_at (__FILE__, __LINE__, READ_ONE_DATA (yaml), policy, out)

/* -------------------------------------------------------------- findings */

static const char *const kind_names[] = {
  "row_score", "budget_score", "total", "total_arithmetic", "missing_reason", "warning",
  "grade", "budget_rate",
};
G_STATIC_ASSERT (G_N_ELEMENTS (kind_names) == PBS_FINDING_BUDGET_RATE + 1);

static void
dump_findings (PbsAudit *audit)
{
  guint n = pbs_audit_get_n_findings (audit);

  fprintf (stderr, "  the audit's %u findings:\n", n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *msg = pbs_audit_dup_message (audit, i, PBS_LANGUAGE_EN);
      PbsFindingKind k = pbs_audit_get_kind (audit, i);

      fprintf (stderr, "    %s row %d variant %s: %s\n",
               (guint) k < G_N_ELEMENTS (kind_names) ? kind_names[k] : "?",
               pbs_audit_get_row (audit, i),
               pbs_variant_get_nick (pbs_audit_get_variant (audit, i)), msg ? msg : "(null)");
    }
}

/* The index of the one finding of KIND about ROW (-1: a document-level
 * finding), or -1 with the test failed when there is none or several. */
static int
find_at (const char *file, int line, PbsAudit *audit, PbsFindingKind kind, int row)
{
  int found = -1, n_found = 0;

  for (guint i = 0; i < pbs_audit_get_n_findings (audit); i++)
    if (pbs_audit_get_kind (audit, i) == kind && pbs_audit_get_row (audit, i) == row)
      {
        if (found < 0)
          found = (int) i;
        n_found++;
      }
  CHECK_AT (n_found == 1, file, line);
  if (n_found != 1)
    {
      fprintf (stderr, "%s:%d: %d findings of kind %s for row %d, expected 1\n", file, line,
               n_found, kind_names[kind], row);
      dump_findings (audit);
    }
  return found;
}
#define FIND(audit, kind, row) find_at (__FILE__, __LINE__, audit, kind, row)

static void
check_count_at (const char *file, int line, PbsAudit *audit, PbsFindingKind kind, guint expected)
{
  guint got = pbs_audit_count (audit, kind);

  CHECK_AT (got == expected, file, line);
  if (got != expected)
    {
      fprintf (stderr, "%s:%d: %u findings of kind %s, expected %u\n", file, line, got,
               kind_names[kind], expected);
      dump_findings (audit);
    }
}
#define CHECK_COUNT(audit, kind, n) check_count_at (__FILE__, __LINE__, audit, kind, n)

/* Nothing to report: no finding of any kind. */
static void
check_no_findings_at (const char *file, int line, PbsAudit *audit)
{
  for (int kind = PBS_FINDING_ROW_SCORE; kind <= PBS_FINDING_WARNING; kind++)
    check_count_at (file, line, audit, kind, 0);
  CHECK_AT (pbs_audit_get_n_findings (audit) == 0, file, line);
}
#define CHECK_NO_FINDINGS(audit) check_no_findings_at (__FILE__, __LINE__, audit)

/* The message of finding I, in both languages: not empty, different from
 * each other, and holding the printed and computed numbers as the library
 * writes them (pbs_decimal_to_string). */
static void
check_message_at (const char *file, int line, PbsAudit *audit, int i, gboolean with_values)
{
  PbsDecimal printed, computed;
  g_autofree char *p = NULL;
  g_autofree char *c = NULL;

  if (with_values)
    {
      CHECK_AT (pbs_audit_get_printed (audit, i, &printed), file, line);
      CHECK_AT (pbs_audit_get_computed (audit, i, &computed), file, line);
      p = pbs_decimal_to_string (&printed);
      c = pbs_decimal_to_string (&computed);
    }
  for (int lang = PBS_LANGUAGE_ZH; lang <= PBS_LANGUAGE_EN; lang++)
    {
      g_autofree char *msg = pbs_audit_dup_message (audit, i, (PbsLanguage) lang);

      CHECK_AT (msg != NULL && *msg != '\0', file, line);
      if (msg == NULL)
        continue;
      CHECK_AT (g_utf8_validate (msg, -1, NULL), file, line);
      if (p != NULL)
        {
          CHECK_AT (strstr (msg, p) != NULL, file, line);
          CHECK_AT (strstr (msg, c) != NULL, file, line);
          if (strstr (msg, p) == NULL || strstr (msg, c) == NULL)
            fprintf (stderr, "%s:%d: message \"%s\" lacks the printed %s or the computed %s\n",
                     file, line, msg, p, c);
        }
    }
  {
    g_autofree char *zh = pbs_audit_dup_message (audit, i, PBS_LANGUAGE_ZH);
    g_autofree char *en = pbs_audit_dup_message (audit, i, PBS_LANGUAGE_EN);

    /* two languages, two texts */
    CHECK_AT (g_strcmp0 (zh, en) != 0, file, line);
  }
}

/* Finding I has PRINTED and COMPUTED values and VARIANT; its messages are
 * checked too. COMPUTED NULL: not checked. */
static void
check_finding_at (const char *file, int line, PbsAudit *audit, int i,
                  const char *printed, const char *computed, PbsVariant variant)
{
  PbsDecimal d;
  PbsVariant v;

  if (i < 0)
    return;
  CHECK_AT (pbs_audit_get_printed (audit, i, &d), file, line);
  pbs_test_dec_equal_at (file, line, &d, printed);
  if (computed != NULL)
    {
      CHECK_AT (pbs_audit_get_computed (audit, i, &d), file, line);
      pbs_test_dec_equal_at (file, line, &d, computed);
    }
  v = pbs_audit_get_variant (audit, i);
  CHECK_AT (v == variant, file, line);
  if (v != variant)
    fprintf (stderr, "%s:%d: variant %s, expected %s\n", file, line,
             pbs_variant_get_nick (v), pbs_variant_get_nick (variant));
  check_message_at (file, line, audit, i, computed != NULL);
}
#define CHECK_FINDING(audit, i, printed, computed, variant) \
  check_finding_at (__FILE__, __LINE__, audit, i, printed, computed, variant)

/* The ROW_SCORE findings are exactly about ROWS (0-based, -1 terminated). */
static void
check_row_set_at (const char *file, int line, PbsAudit *audit, PbsFindingKind kind, const int *rows)
{
  guint n_expected = 0;

  for (const int *r = rows; *r >= 0; r++)
    n_expected++;
  check_count_at (file, line, audit, kind, n_expected);
  for (guint i = 0; i < pbs_audit_get_n_findings (audit); i++)
    {
      gboolean listed = FALSE;

      if (pbs_audit_get_kind (audit, i) != kind)
        continue;
      for (const int *r = rows; *r >= 0; r++)
        listed = listed || pbs_audit_get_row (audit, i) == *r;
      CHECK_AT (listed, file, line);
      if (!listed)
        fprintf (stderr, "%s:%d: unexpected %s finding on row %d\n", file, line,
                 kind_names[kind], pbs_audit_get_row (audit, i));
    }
}
#define CHECK_ROW_SET(audit, kind, ...) \
  do { static const int rows_[] = { __VA_ARGS__, -1 }; \
       check_row_set_at (__FILE__, __LINE__, audit, kind, rows_); } while (0)

/* The WARNING findings mirror the scorecard's document-level warnings one
 * for one (as a multiset: order is not in the contract). doc/scoring.md and
 * pbs-audit.h name them "(red / yellow / execution / weights)": the
 * printed budget differing is the budget_score finding, not mirrored twice. */
static void
check_warnings_mirrored_at (const char *file, int line, PbsAudit *audit, PbsScorecard *sc)
{
  guint n = pbs_scorecard_get_n_warnings (sc), n_mirrored = 0;
  guint want[PBS_WARNING_BUDGET_PRINTED_DIFFERS + 1] = { 0 };
  guint got[PBS_WARNING_BUDGET_PRINTED_DIFFERS + 1] = { 0 };

  for (guint i = 0; i < n; i++)
    {
      PbsWarning w = pbs_scorecard_get_warning (sc, i);
      if (w == PBS_WARNING_BUDGET_PRINTED_DIFFERS)
        continue;
      if ((guint) w < G_N_ELEMENTS (want))
        want[w]++;
      n_mirrored++;
    }
  check_count_at (file, line, audit, PBS_FINDING_WARNING, n_mirrored);
  for (guint i = 0; i < pbs_audit_get_n_findings (audit); i++)
    if (pbs_audit_get_kind (audit, i) == PBS_FINDING_WARNING)
      {
        PbsWarning w = pbs_audit_get_warning (audit, i);
        g_autofree char *msg = pbs_audit_dup_message (audit, i, PBS_LANGUAGE_EN);
        g_autofree char *zh = pbs_audit_dup_message (audit, i, PBS_LANGUAGE_ZH);

        CHECK_AT ((guint) w < G_N_ELEMENTS (got), file, line);
        if ((guint) w < G_N_ELEMENTS (got))
          got[w]++;
        CHECK_AT (pbs_audit_get_row (audit, i) == -1, file, line);
        CHECK_AT (msg != NULL && *msg != '\0', file, line);
        CHECK_AT (zh != NULL && *zh != '\0', file, line);
      }
  for (guint w = 0; w < G_N_ELEMENTS (want); w++)
    {
      CHECK_AT (want[w] == got[w], file, line);
      if (want[w] != got[w])
        fprintf (stderr, "%s:%d: warning %u: %u in the scorecard, %u in the audit\n",
                 file, line, w, want[w], got[w]);
    }
}
#define CHECK_WARNINGS_MIRRORED(audit, sc) check_warnings_mirrored_at (__FILE__, __LINE__, audit, sc)

/* The scorecard itself holds warning W (COUNT times). */
static guint
scorecard_warning_count (PbsScorecard *sc, PbsWarning w)
{
  guint n = 0;

  for (guint i = 0; i < pbs_scorecard_get_n_warnings (sc); i++)
    n += pbs_scorecard_get_warning (sc, i) == w;
  return n;
}

static guint
audit_warning_count (PbsAudit *audit, PbsWarning w)
{
  guint n = 0;

  for (guint i = 0; i < pbs_audit_get_n_findings (audit); i++)
    n += pbs_audit_get_kind (audit, i) == PBS_FINDING_WARNING && pbs_audit_get_warning (audit, i) == w;
  return n;
}

/* --------------------------------------------------- audit-wrong-rows.yaml */

/* Rows (0-based) of audit-wrong-rows.yaml; the fixture works each out. */
enum {
  W_TRUNCATE = 1,       /* 4.885 → 4.89, printed 4.88 */
  W_WHOLE = 2,          /* 9.4736… → 9.47, printed 9 */
  W_REVERSE = 4,        /* ≤3天 4.5天: 6.67, printed 5.00 */
  W_OVER = 6,           /* 130 against ≥100, right, no reason */
  W_WHOLE_FLOOR = 7,    /* 8.60, printed 8 */
  W_UNEXPLAINED = 10,   /* met, 10, printed 7 */
};

/* The scorecard the audit compares against: the hand-computed scores, the
 * budget and the total of the fixture's header. */
static void
test_wrong_rows_scorecard (void)
{
  static const char *scores[] = { "10", "4.89", "9.47", "5", "6.67", "4.89", "5", "8.6",
                                  "10", "10", "10" };
  Audited a;
  PbsDecimal d;

  if (!AUDIT_FIXTURE ("audit-wrong-rows.yaml", &a))
    goto out;
  CU_ASSERT_EQUAL (pbs_scorecard_get_n_rows (a.sc), G_N_ELEMENTS (scores));
  for (guint i = 0; i < G_N_ELEMENTS (scores) && i < pbs_scorecard_get_n_rows (a.sc); i++)
    CHECK_ROW_SCORE (a.sc, i, scores[i]);
  pbs_scorecard_get_budget_score (a.sc, &d);
  ASSERT_DEC_EQ (d, "8.5");
  pbs_scorecard_get_total (a.sc, &d);
  ASSERT_DEC_EQ (d, "93.02");
  CU_ASSERT_TRUE (pbs_scorecard_is_complete (a.sc));
  CU_ASSERT_EQUAL (pbs_scorecard_get_grade (a.sc), PBS_GRADE_EXCELLENT);
  /* the scorecard flags the same rows printed_differs (doc/scoring.md) */
  for (guint i = 0; i < pbs_scorecard_get_n_rows (a.sc); i++)
    {
      gboolean wrong = i == W_TRUNCATE || i == W_WHOLE || i == W_REVERSE
                       || i == W_WHOLE_FLOOR || i == W_UNEXPLAINED;
      gboolean flagged = (pbs_scorecard_get_row_flags (a.sc, i) & PBS_FLAG_PRINTED_DIFFERS) != 0;

      CU_ASSERT_EQUAL (flagged, wrong);
      if (flagged != wrong)
        fprintf (stderr, "row %u: printed_differs %d, expected %d\n", i, flagged, wrong);
    }
out:
  audited_clear (&a);
}

/* Issue 4 "done when": the audit reports exactly the wrong rows, each with
 * the first variant of the documented order that explains it. */
static void
test_wrong_rows_findings (void)
{
  Audited a;
  PbsAudit *au;

  if (!AUDIT_FIXTURE ("audit-wrong-rows.yaml", &a))
    goto out;
  au = a.audit;

  /* exactly the five wrong rows: not rows 1, 4, 6, 7, 9, 10 (1-based), whose
   * printed scores are right */
  CHECK_ROW_SET (au, PBS_FINDING_ROW_SCORE, W_TRUNCATE, W_WHOLE, W_REVERSE, W_WHOLE_FLOOR,
                 W_UNEXPLAINED);

  CHECK_FINDING (au, FIND (au, PBS_FINDING_ROW_SCORE, W_TRUNCATE), "4.88", "4.89",
                 PBS_VARIANT_TRUNCATE);
  CHECK_FINDING (au, FIND (au, PBS_FINDING_ROW_SCORE, W_WHOLE), "9", "9.47",
                 PBS_VARIANT_WHOLE_POINTS);
  CHECK_FINDING (au, FIND (au, PBS_FINDING_ROW_SCORE, W_REVERSE), "5", "6.67",
                 PBS_VARIANT_OTHER_REVERSE_FORMULA);
  CHECK_FINDING (au, FIND (au, PBS_FINDING_ROW_SCORE, W_WHOLE_FLOOR), "8", "8.6",
                 PBS_VARIANT_WHOLE_POINTS_FLOOR);
  CHECK_FINDING (au, FIND (au, PBS_FINDING_ROW_SCORE, W_UNEXPLAINED), "7", "10",
                 PBS_VARIANT_NONE);

  /* the budget printed with the rate against 年初预算数 */
  CHECK_COUNT (au, PBS_FINDING_BUDGET_SCORE, 1);
  CHECK_FINDING (au, FIND (au, PBS_FINDING_BUDGET_SCORE, -1), "9.44", "8.5",
                 PBS_VARIANT_INITIAL_BUDGET);

  /* the total leaves the budget out: budget_not_in_total is tried first */
  CHECK_COUNT (au, PBS_FINDING_TOTAL, 1);
  CHECK_FINDING (au, FIND (au, PBS_FINDING_TOTAL, -1), "84.52", "93.02",
                 PBS_VARIANT_BUDGET_NOT_IN_TOTAL);

  /* and the table does not add up: 84.52 ≠ the budget + 78.77 printed */
  CHECK_COUNT (au, PBS_FINDING_TOTAL_ARITHMETIC, 1);
  {
    int i = FIND (au, PBS_FINDING_TOTAL_ARITHMETIC, -1);
    PbsDecimal d;

    if (i >= 0)
      {
        CU_ASSERT_TRUE (pbs_audit_get_printed (au, i, &d));
        ASSERT_DEC_EQ (d, "84.52");
        check_message_at (__FILE__, __LINE__, au, i, FALSE);
      }
  }
out:
  audited_clear (&a);
}

/* Rows 2, 3, 7 and 8 (1-based) owe a 偏差原因 and have none: three
 * shortfalls and one over-completion. Rows 5 and 6 have theirs. */
static void
test_wrong_rows_missing_reason (void)
{
  Audited a;

  if (!AUDIT_FIXTURE ("audit-wrong-rows.yaml", &a))
    goto out;
  CHECK_ROW_SET (a.audit, PBS_FINDING_MISSING_REASON, W_TRUNCATE, W_WHOLE, W_OVER, W_WHOLE_FLOOR);
  for (guint i = 0; i < pbs_audit_get_n_findings (a.audit); i++)
    if (pbs_audit_get_kind (a.audit, i) == PBS_FINDING_MISSING_REASON)
      {
        g_autofree char *zh = pbs_audit_dup_message (a.audit, i, PBS_LANGUAGE_ZH);
        g_autofree char *en = pbs_audit_dup_message (a.audit, i, PBS_LANGUAGE_EN);
        int row = pbs_audit_get_row (a.audit, i);

        CU_ASSERT_TRUE (zh != NULL && *zh != '\0');
        CU_ASSERT_TRUE (en != NULL && *en != '\0');
        /* the scorecard agrees */
        CU_ASSERT_TRUE (row >= 0 && (pbs_scorecard_get_row_flags (a.sc, (guint) row)
                                     & PBS_FLAG_MISSING_REASON));
      }
  /* the over-completed row is flagged so */
  CU_ASSERT_TRUE (pbs_scorecard_get_row_flags (a.sc, W_OVER) & PBS_FLAG_OVER_COMPLETION);
out:
  audited_clear (&a);
}

/* The scorecard's warnings: 85 % → execution_below_90; the red mismatch;
 * the printed budget differing (reported as the budget_score finding). */
static void
test_wrong_rows_warnings (void)
{
  Audited a;

  if (!AUDIT_FIXTURE ("audit-wrong-rows.yaml", &a))
    goto out;
  /* the scorecard's own warnings, worked out in the fixture */
  CU_ASSERT_EQUAL (scorecard_warning_count (a.sc, PBS_WARNING_EXECUTION_BELOW_90), 1);
  CU_ASSERT_EQUAL (scorecard_warning_count (a.sc, PBS_WARNING_RED_MISMATCH), 1);
  CU_ASSERT_EQUAL (scorecard_warning_count (a.sc, PBS_WARNING_BUDGET_PRINTED_DIFFERS), 1);
  CU_ASSERT_EQUAL (scorecard_warning_count (a.sc, PBS_WARNING_YELLOW_LOW_EXECUTION), 0);
  CU_ASSERT_EQUAL (scorecard_warning_count (a.sc, PBS_WARNING_OVER_BUDGET), 0);
  CU_ASSERT_EQUAL (scorecard_warning_count (a.sc, PBS_WARNING_WEIGHTS), 0);
  CU_ASSERT_EQUAL (pbs_scorecard_get_n_warnings (a.sc), 3);
  /* "warning: each document-level warning of the scorecard (red / yellow /
   * execution / weights)"; the differing budget is the budget_score finding */
  CHECK_WARNINGS_MIRRORED (a.audit, a.sc);
  CU_ASSERT_EQUAL (audit_warning_count (a.audit, PBS_WARNING_EXECUTION_BELOW_90), 1);
  CU_ASSERT_EQUAL (audit_warning_count (a.audit, PBS_WARNING_RED_MISMATCH), 1);
  CU_ASSERT_EQUAL (audit_warning_count (a.audit, PBS_WARNING_BUDGET_PRINTED_DIFFERS), 0);
  /* and nothing else: 5 rows + budget + total + arithmetic + 4 reasons + 2 */
  CU_ASSERT_EQUAL (pbs_audit_get_n_findings (a.audit), 14);
  if (pbs_audit_get_n_findings (a.audit) != 14)
    dump_findings (a.audit);
out:
  audited_clear (&a);
}

/* ------------------------------------------------------ audit-clean.yaml */

static void
test_clean (void)
{
  static const char *scores[] = { "15", "15", "6.67", "9.6", "15", "15", "10" };
  Audited a;
  PbsDecimal d;

  if (!AUDIT_FIXTURE ("audit-clean.yaml", &a))
    goto out;
  for (guint i = 0; i < G_N_ELEMENTS (scores); i++)
    CHECK_ROW_SCORE (a.sc, i, scores[i]);
  pbs_scorecard_get_total (a.sc, &d);
  ASSERT_DEC_EQ (d, "96.27");
  CHECK_NO_FINDINGS (a.audit);
  CU_ASSERT_EQUAL (pbs_scorecard_get_n_warnings (a.sc), 0);
out:
  audited_clear (&a);
}

/* ------------------------------------------------- audit-arithmetic.yaml */

static void
test_arithmetic (void)
{
  Audited a;
  PbsDecimal d;
  int i;

  if (!AUDIT_FIXTURE ("audit-arithmetic.yaml", &a))
    goto out;
  pbs_scorecard_get_total (a.sc, &d);
  ASSERT_DEC_EQ (d, "98");
  CHECK_COUNT (a.audit, PBS_FINDING_ROW_SCORE, 0);
  CHECK_COUNT (a.audit, PBS_FINDING_BUDGET_SCORE, 0);
  CHECK_COUNT (a.audit, PBS_FINDING_MISSING_REASON, 0);
  CHECK_COUNT (a.audit, PBS_FINDING_WARNING, 0);
  CHECK_COUNT (a.audit, PBS_FINDING_TOTAL, 1);
  CHECK_COUNT (a.audit, PBS_FINDING_TOTAL_ARITHMETIC, 1);
  CU_ASSERT_EQUAL (pbs_audit_get_n_findings (a.audit), 2);

  /* 98.5 against 98: no variant gives 98.5 (whole points per row would
   * give 99, down 97) */
  CHECK_FINDING (a.audit, FIND (a.audit, PBS_FINDING_TOTAL, -1), "98.5", "98", PBS_VARIANT_NONE);
  /* 9.5 + 20 + 20 + 10 + 28.5 + 10 = 98, printed 98.5; with every row right
   * the sum of the printed rows and the computed total are both 98 */
  i = FIND (a.audit, PBS_FINDING_TOTAL_ARITHMETIC, -1);
  if (i >= 0)
    {
      CU_ASSERT_TRUE (pbs_audit_get_printed (a.audit, i, &d));
      ASSERT_DEC_EQ (d, "98.5");
      CU_ASSERT_TRUE (pbs_audit_get_computed (a.audit, i, &d));
      ASSERT_DEC_EQ (d, "98");
      check_message_at (__FILE__, __LINE__, a.audit, i, TRUE);
      /* the sum as the computed column prints it, with the policy's two
       * digits (the printed rows add up to 98.0) */
      {
        g_autofree char *zh = pbs_audit_dup_message (a.audit, i, PBS_LANGUAGE_ZH);
        g_autofree char *en = pbs_audit_dup_message (a.audit, i, PBS_LANGUAGE_EN);

        CU_ASSERT_PTR_NOT_NULL (strstr (zh, "各项得分之和 98.00"));
        CU_ASSERT_PTR_NOT_NULL (strstr (en, "the sum 98.00 of"));
      }
    }
out:
  audited_clear (&a);
}

/* ------------------------------------------------------- parent rows */

static void
check_subtotal_at (const char *file, int line, PbsScorecard *sc, guint level,
                   const char *l1, const char *l2, const char *points, const char *score)
{
  gboolean found = FALSE;

  for (guint i = 0; i < pbs_scorecard_get_n_subtotals (sc); i++)
    {
      guint lv;
      const char *a, *b;
      PbsDecimal p, s;

      pbs_scorecard_get_subtotal (sc, i, &lv, &a, &b, &p, &s);
      if (lv == level && g_strcmp0 (a, l1) == 0 && (level == 1 || g_strcmp0 (b, l2) == 0))
        {
          found = TRUE;
          pbs_test_dec_equal_at (file, line, &p, points);
          pbs_test_dec_equal_at (file, line, &s, score);
        }
    }
  CHECK_AT (found, file, line);
}
#define CHECK_SUBTOTAL(sc, level, l1, l2, points, score) \
  check_subtotal_at (__FILE__, __LINE__, sc, level, l1, l2, points, score)

static void
check_not_counted_at (const char *file, int line, PbsScorecard *sc, guint n_rows, const int *rows)
{
  CHECK_AT (pbs_scorecard_get_n_rows (sc) == n_rows, file, line);
  for (guint i = 0; i < pbs_scorecard_get_n_rows (sc); i++)
    {
      gboolean want = FALSE;
      gboolean got = (pbs_scorecard_get_row_flags (sc, i) & PBS_FLAG_NOT_COUNTED) != 0;

      for (const int *r = rows; *r >= 0; r++)
        want = want || *r == (int) i;
      CHECK_AT (got == want, file, line);
      if (got != want)
        fprintf (stderr, "%s:%d: row %u not_counted %d, expected %d\n", file, line, i, got, want);
    }
}

/* doc/format.md: the parent has an actual, so it counts; its 其中 rows are
 * scored, shown and flagged not_counted. */
static void
test_parents_qizhong (void)
{
  static const int not_counted[] = { 1, 2, -1 };
  Audited a;
  PbsDecimal d;

  if (!AUDIT_FIXTURE ("parents-qizhong.yaml", &a))
    goto out;
  check_not_counted_at (__FILE__, __LINE__, a.sc, 6, not_counted);
  CHECK_ROW_SCORE (a.sc, 0, "18.33");
  /* the children are scored and shown */
  CHECK_ROW_SCORE (a.sc, 1, "10");
  CHECK_ROW_SCORE (a.sc, 2, "7.6");
  CU_ASSERT_EQUAL (pbs_scorecard_get_row_status (a.sc, 2), PBS_STATUS_PARTIAL);
  /* 10 + 18.33 + 30 + 30 + 10, not + 10 + 7.60 */
  pbs_scorecard_get_total (a.sc, &d);
  ASSERT_DEC_EQ (d, "98.33");
  pbs_scorecard_get_total_points (a.sc, &d);
  ASSERT_DEC_EQ (d, "100");
  CU_ASSERT_TRUE (pbs_scorecard_is_complete (a.sc));
  CU_ASSERT_EQUAL (pbs_scorecard_get_grade (a.sc), PBS_GRADE_EXCELLENT);
  /* no weights warning: the children's 20 points are not counted */
  CU_ASSERT_EQUAL (scorecard_warning_count (a.sc, PBS_WARNING_WEIGHTS), 0);
  CHECK_SUBTOTAL (a.sc, 1, "产出指标", NULL, "50", "48.33");
  CHECK_SUBTOTAL (a.sc, 2, "产出指标", "数量指标", "20", "18.33");
  CHECK_SUBTOTAL (a.sc, 1, "效益指标", NULL, "30", "30");
  /* every printed value is right, and the printed total adds the counted
   * rows once */
  CHECK_NO_FINDINGS (a.audit);
out:
  audited_clear (&a);
}

/* doc/format.md: the parent has no actual, so its children (parent:) count
 * and the parent shows their sum, flagged not_counted; the scorecard is
 * complete. */
static void
test_parents_sum (void)
{
  static const int not_counted[] = { 0, -1 };
  Audited a;
  PbsDecimal d;

  if (!AUDIT_FIXTURE ("parents-sum.yaml", &a))
    goto out;
  CU_ASSERT_TRUE (g_strcmp0 (pbs_indicator_get_parent (pbs_evaluation_get_indicator (
                               pbs_document_get_evaluation (a.doc), 1)), "改造项目完成数") == 0);
  check_not_counted_at (__FILE__, __LINE__, a.sc, 7, not_counted);
  /* the parent shows 10 + 7.50 */
  CHECK_ROW_SCORE (a.sc, 0, "17.5");
  CHECK_ROW_SCORE (a.sc, 1, "10");
  CHECK_ROW_SCORE (a.sc, 2, "7.5");
  CHECK_ROW_SCORE (a.sc, 6, "9.78");
  /* 9.60 + 10 + 7.50 + 20 + 10 + 30 + 9.78, not + 17.50 */
  pbs_scorecard_get_total (a.sc, &d);
  ASSERT_DEC_EQ (d, "96.88");
  pbs_scorecard_get_total_points (a.sc, &d);
  ASSERT_DEC_EQ (d, "100");
  /* the parent's missing actual does not make it incomplete */
  CU_ASSERT_TRUE (pbs_scorecard_is_complete (a.sc));
  CU_ASSERT_EQUAL (pbs_scorecard_get_grade (a.sc), PBS_GRADE_EXCELLENT);
  CU_ASSERT_EQUAL (scorecard_warning_count (a.sc, PBS_WARNING_WEIGHTS), 0);
  CHECK_SUBTOTAL (a.sc, 1, "产出指标", NULL, "50", "47.5");
  CHECK_SUBTOTAL (a.sc, 2, "产出指标", "数量指标", "20", "17.5");
  CHECK_NO_FINDINGS (a.audit);
out:
  audited_clear (&a);
}

/* -------------------------------------------- variants, in memory */

/* A table of 100 points (budget 10, fully spent unless BUDGET says
 * otherwise) with ROW as row 1 and a met filler row of 90 − W points. */
static char *
one_row_yaml (const char *budget, const char *row, const char *filler_points, const char *tail)
{
  return g_strdup_printf ("pbscore: 1\n"
                          "title: 审计测试\n"
                          "budget:\n%s"
                          "indicators:\n%s"
                          "  - level1: 效益指标\n"
                          "    level2: 社会效益指标\n"
                          "    name: 填充指标\n"
                          "    target: \"≥1项\"\n"
                          "    actual: \"1项\"\n"
                          "    points: %s\n"
                          "%s",
                          budget ? budget : "  annual: 100\n  executed: 100\n  points: 10\n",
                          row, filler_points, tail ? tail : "");
}

/* Audits ROW (printed PRINTED) under POLICY and expects one row_score
 * finding with VARIANT and COMPUTED, or none when VARIANT is -1. */
static void
expect_row_variant_at (const char *file, int line, const PbsPolicy *policy, const char *w,
                       const char *target, const char *actual, const char *printed,
                       const char *computed, int variant)
{
  g_autofree char *row = g_strdup_printf ("  - level1: 产出指标\n"
                                          "    level2: 数量指标\n"
                                          "    name: 测试指标\n"
                                          "    target: \"%s\"\n"
                                          "    actual: \"%s\"\n"
                                          "    points: %s\n"
                                          "    reason: 已说明\n"
                                          "    printed_score: %s\n",
                                          target, actual, w, printed);
  g_autofree char *rest = NULL;
  g_autofree char *yaml = NULL;
  PbsDecimal wd = pbs_test_dec (w), ninety = pbs_test_dec ("90"), r;
  Audited a;

  if (!pbs_decimal_sub (&ninety, &wd, &r))
    abort ();
  rest = pbs_decimal_to_string (&r);
  yaml = one_row_yaml (NULL, row, rest, NULL);
  if (audit_document_at (file, line, pbs_test_read_one_at (file, line, NULL, yaml), policy, &a))
    {
      guint n = pbs_audit_count (a.audit, PBS_FINDING_ROW_SCORE);

      if (variant < 0)
        {
          CHECK_AT (n == 0, file, line);
          if (n != 0)
            dump_findings (a.audit);
        }
      else
        {
          CHECK_AT (n == 1, file, line);
          check_finding_at (file, line, a.audit, find_at (file, line, a.audit, PBS_FINDING_ROW_SCORE, 0),
                            printed, computed, (PbsVariant) variant);
        }
    }
  audited_clear (&a);
}
#define EXPECT_ROW_VARIANT(policy, w, target, actual, printed, computed, variant) \
  expect_row_variant_at (__FILE__, __LINE__, policy, w, target, actual, printed, computed, variant)

/* The missing-reason message says why the reason is owed: met but below
 * full points, past a ceiling, off a two-sided target, short of a floor,
 * far past the target. */
static void
test_missing_reason_wording (void)
{
  static const char yaml[] =
    "pbscore: 1\ntitle: 偏差原因\nbudget: {annual: 100, executed: 100, points: 10}\nindicators:\n"
    "  - {level1: 产出指标, level2: 时效指标, name: 办结时限, target: \"≤3天\", actual: \"4.5天\", points: 15}\n"
    "  - {level1: 产出指标, level2: 数量指标, name: 培训人数, target: \"=50人\", actual: \"55人\", points: 15}\n"
    "  - {level1: 产出指标, level2: 数量指标, name: 印发资料册数, target: \"≥100册\", actual: \"80册\", points: 15}\n"
    "  - {level1: 产出指标, level2: 数量指标, name: 受理件数, target: \"≥100件\", actual: \"130件\", points: 15}\n"
    "  - {level1: 效益指标, level2: 社会效益指标, name: 政策知晓度, target: 有效提升, actual: 达成, "
    "manual_score: 25, points: 30}\n";
  static const struct {
    int row;
    const char *zh, *en, *not_zh;
  } want[] = {
    /* ≤3天, 4.5天: 15 × 3 / 4.5 = 10.00 */
    { 0, "第 1 行（办结时限）：实际完成值超过年度指标值", "row 1 (办结时限): past its ceiling", "未达到" },
    /* =50人, 55人 two-sided: 15 × 0.9 = 13.50 */
    { 1, "第 2 行（培训人数）：实际完成值偏离年度指标值", "row 2 (培训人数): off its target", "未达到" },
    { 2, "第 3 行（印发资料册数）：实际完成值未达到年度指标值", "row 3 (印发资料册数): short of its target", "远超" },
    /* 130 / 100 = 1.3 > 1.2 */
    { 3, "第 4 行（受理件数）：实际完成值远超年度指标值", "row 4 (受理件数): far past its target", "未达到" },
    /* 达成, 25 of 30 (band [24, 30]) */
    { 4, "第 5 行（政策知晓度）：达到年度指标值，但得分 25.00 低于满分 30",
      "row 5 (政策知晓度): meets its target but scores 25.00, below the full 30 points", "未达到" },
  };
  g_autoptr (PbsPolicy) two_sided = pbs_test_policy_with ("equal.mode", "two_sided", NULL);
  Audited a;

  if (!AUDIT_DATA (yaml, two_sided, &a))
    goto out;
  CHECK_COUNT (a.audit, PBS_FINDING_MISSING_REASON, 5);
  for (guint k = 0; k < G_N_ELEMENTS (want); k++)
    {
      int i = FIND (a.audit, PBS_FINDING_MISSING_REASON, want[k].row);
      g_autofree char *zh = NULL, *en = NULL;

      if (i < 0)
        continue;
      zh = pbs_audit_dup_message (a.audit, i, PBS_LANGUAGE_ZH);
      en = pbs_audit_dup_message (a.audit, i, PBS_LANGUAGE_EN);
      CU_ASSERT_PTR_NOT_NULL (strstr (zh, want[k].zh));
      CU_ASSERT_PTR_NOT_NULL (strstr (en, want[k].en));
      CU_ASSERT_PTR_NULL (strstr (zh, want[k].not_zh));
      CU_ASSERT_PTR_NULL (strstr (zh, "未达成目标或超额完成"));
      if (strstr (zh, want[k].zh) == NULL || strstr (en, want[k].en) == NULL)
        fprintf (stderr, "%s:%d: row %d: got “%s” / “%s”\n", __FILE__, __LINE__, want[k].row, zh, en);
    }
out:
  audited_clear (&a);
}

/* doc/scoring.md: the row variants in their order, each the first match. */
static void
test_row_variants (void)
{
  g_autoptr (PbsPolicy) relative = pbs_test_policy_with ("reverse.formula", "relative_excess", NULL);
  g_autoptr (PbsPolicy) two_sided = pbs_test_policy_with ("equal.mode", "two_sided", NULL);

  /* 10 × 2 / 3 = 6.666… → 6.67; truncate 6.66 */
  EXPECT_ROW_VARIANT (NULL, "10", "≥3件", "2件", "6.66", "6.67", PBS_VARIANT_TRUNCATE);
  /* 10 × 2.675 / 10 … 10 × 107 / 400 = 2.675 → 2.68; one decimal 2.7
   * (truncate 2.67, floor 2.67 come first and do not match) */
  EXPECT_ROW_VARIANT (NULL, "10", "≥400件", "107件", "2.7", "2.68", PBS_VARIANT_ONE_DECIMAL);
  /* one decimal truncated 2.6 */
  EXPECT_ROW_VARIANT (NULL, "10", "≥400件", "107件", "2.6", "2.68", PBS_VARIANT_ONE_DECIMAL_TRUNCATE);
  /* whole points, half up: 3 */
  EXPECT_ROW_VARIANT (NULL, "10", "≥400件", "107件", "3", "2.68", PBS_VARIANT_WHOLE_POINTS);
  /* whole points, down: 2 */
  EXPECT_ROW_VARIANT (NULL, "10", "≥400件", "107件", "2", "2.68", PBS_VARIANT_WHOLE_POINTS_FLOOR);
  /* ratio policy, printed with relative_excess: 5 */
  EXPECT_ROW_VARIANT (NULL, "10", "≤3天", "4.5天", "5", "6.67", PBS_VARIANT_OTHER_REVERSE_FORMULA);
  /* relative_excess policy, printed with the ratio: 6.67 */
  EXPECT_ROW_VARIANT (relative, "10", "≤3天", "4.5天", "6.67", "5", PBS_VARIANT_OTHER_REVERSE_FORMULA);
  /* as_ge policy: =100件 with 110件 → 10; two-sided 10 × (1 − 0.1) = 9 */
  EXPECT_ROW_VARIANT (NULL, "10", "=100件", "110件", "9", "10", PBS_VARIANT_EQUAL_TWO_SIDED);
  /* two_sided policy: 9; as ≥ → 10 */
  EXPECT_ROW_VARIANT (two_sided, "10", "=100件", "110件", "10", "9", PBS_VARIANT_EQUAL_AS_GE);
  /* a met row printed 8 of 10: nothing explains it */
  EXPECT_ROW_VARIANT (NULL, "10", "≥95%", "96%", "8", "10", PBS_VARIANT_NONE);
  /* the reverse formula does not explain a ≥ row: 10 × 2 / 3 with the
   * "other formula" would be meaningless; 5 stays unexplained */
  EXPECT_ROW_VARIANT (NULL, "10", "≥3件", "2件", "5", "6.67", PBS_VARIANT_NONE);
}

/* rule book §7, policy.md audit.tolerance: only a difference of MORE than
 * the tolerance (central 0.005) is a finding. 10 × 90 / 95 = 9.47. */
static void
test_tolerance (void)
{
  g_autoptr (PbsPolicy) loose = pbs_test_policy_with ("audit.tolerance", "0.1", NULL);

  EXPECT_ROW_VARIANT (NULL, "10", "≥95%", "90%", "9.47", NULL, -1);
  EXPECT_ROW_VARIANT (NULL, "10", "≥95%", "90%", "9.470", NULL, -1);
  EXPECT_ROW_VARIANT (NULL, "10", "≥95%", "90%", "9.475", NULL, -1);
  EXPECT_ROW_VARIANT (NULL, "10", "≥95%", "90%", "9.465", NULL, -1);
  /* 0.006 away, and no variant lands within 0.005 of 9.476 */
  EXPECT_ROW_VARIANT (NULL, "10", "≥95%", "90%", "9.476", "9.47", PBS_VARIANT_NONE);
  EXPECT_ROW_VARIANT (NULL, "10", "≥95%", "90%", "9.464", "9.47", PBS_VARIANT_NONE);
  /* a validator's 0.1 (rule book §7) */
  EXPECT_ROW_VARIANT (loose, "10", "≥95%", "90%", "9.5", NULL, -1);
  EXPECT_ROW_VARIANT (loose, "10", "≥95%", "90%", "9.57", NULL, -1);
  /* 9.58 is 0.11 away; one_decimal 9.5 is 0.08 away: within 0.1 */
  EXPECT_ROW_VARIANT (loose, "10", "≥95%", "90%", "9.58", "9.47", PBS_VARIANT_ONE_DECIMAL);
}

/* Nothing printed, nothing to compare: no row, budget or total findings. */
static void
test_nothing_printed (void)
{
  g_autofree char *yaml = one_row_yaml (NULL,
                                        "  - level1: 产出指标\n"
                                        "    level2: 数量指标\n"
                                        "    name: 测试指标\n"
                                        "    target: \"≥95%\"\n"
                                        "    actual: \"90%\"\n"
                                        "    points: 10\n",
                                        "80", NULL);
  Audited a;

  if (AUDIT_DATA (yaml, NULL, &a))
    {
      CHECK_COUNT (a.audit, PBS_FINDING_ROW_SCORE, 0);
      CHECK_COUNT (a.audit, PBS_FINDING_BUDGET_SCORE, 0);
      CHECK_COUNT (a.audit, PBS_FINDING_TOTAL, 0);
      CHECK_COUNT (a.audit, PBS_FINDING_TOTAL_ARITHMETIC, 0);
      /* the shortfall still owes its reason */
      CHECK_COUNT (a.audit, PBS_FINDING_MISSING_REASON, 1);
      FIND (a.audit, PBS_FINDING_MISSING_REASON, 0);
      CU_ASSERT_EQUAL (pbs_audit_get_n_findings (a.audit), 1);
    }
  audited_clear (&a);
}

/* doc/scoring.md budget variants: the rounding variants, initial_budget,
 * no_cap. */
static void
test_budget_variants (void)
{
  static const char *row = "  - level1: 产出指标\n"
                           "    level2: 数量指标\n"
                           "    name: 测试指标\n"
                           "    target: \"≥1项\"\n"
                           "    actual: \"1项\"\n"
                           "    points: 10\n";
  static const struct {
    const char *budget, *printed, *computed;
    PbsVariant variant;
  } cases[] = {
    /* 10 × 95.7 / 100 = 9.57, printed 9.5: truncate 9.57, floor 9.57,
     * one_decimal 9.6, one_decimal_truncate 9.5 */
    { "  annual: 100\n  executed: 95.7\n  points: 10\n  printed_score: 9.5\n", "9.5", "9.57",
      PBS_VARIANT_ONE_DECIMAL_TRUNCATE },
    /* 9.57 printed 10: whole points */
    { "  annual: 100\n  executed: 95.7\n  points: 10\n  printed_score: 10\n", "10", "9.57",
      PBS_VARIANT_WHOLE_POINTS },
    /* 10 × 96 / 100 = 9.6; against 年初预算数 120: 10 × 96 / 120 = 8 */
    { "  initial: 120\n  annual: 100\n  executed: 96\n  points: 10\n  printed_score: 8\n", "8",
      "9.6", PBS_VARIANT_INITIAL_BUDGET },
    /* 105 % capped: 10; uncapped 10.5 */
    { "  annual: 100\n  executed: 105\n  points: 10\n  printed_score: 10.5\n", "10.5", "10",
      PBS_VARIANT_NO_CAP },
    /* 9.6 printed 7: nothing explains it */
    { "  annual: 100\n  executed: 96\n  points: 10\n  printed_score: 7\n", "7", "9.6",
      PBS_VARIANT_NONE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *yaml = one_row_yaml (cases[i].budget, row, "80", NULL);
      Audited a;

      if (AUDIT_DATA (yaml, NULL, &a))
        {
          CHECK_COUNT (a.audit, PBS_FINDING_BUDGET_SCORE, 1);
          CHECK_COUNT (a.audit, PBS_FINDING_ROW_SCORE, 0);
          CHECK_FINDING (a.audit, FIND (a.audit, PBS_FINDING_BUDGET_SCORE, -1),
                         cases[i].printed, cases[i].computed, cases[i].variant);
        }
      audited_clear (&a);
    }
}

/* doc/scoring.md total variants: printed_rows — the total adds the printed
 * (wrong) row scores, so the table adds up and only the rows and the total
 * differ from the computed ones. */
static void
test_total_printed_rows (void)
{
  /* row 1: 10 × 90 / 95 = 9.47, printed 9 (whole points); filler 80.
   * Computed total 10 + 9.47 + 80 = 99.47; printed 10 + 9 + 80 = 99:
   * budget_not_in_total would be 89.47 → printed_rows. */
  g_autofree char *yaml = one_row_yaml (NULL,
                                        "  - level1: 产出指标\n"
                                        "    level2: 数量指标\n"
                                        "    name: 测试指标\n"
                                        "    target: \"≥95%\"\n"
                                        "    actual: \"90%\"\n"
                                        "    points: 10\n"
                                        "    reason: 已说明\n"
                                        "    printed_score: 9\n",
                                        "80",
                                        "    printed_score: 80\n"
                                        "printed_total: 99\n");
  Audited a;

  if (AUDIT_DATA (yaml, NULL, &a))
    {
      CHECK_COUNT (a.audit, PBS_FINDING_ROW_SCORE, 1);
      CHECK_FINDING (a.audit, FIND (a.audit, PBS_FINDING_ROW_SCORE, 0), "9", "9.47",
                     PBS_VARIANT_WHOLE_POINTS);
      CHECK_COUNT (a.audit, PBS_FINDING_TOTAL, 1);
      CHECK_FINDING (a.audit, FIND (a.audit, PBS_FINDING_TOTAL, -1), "99", "99.47",
                     PBS_VARIANT_PRINTED_ROWS);
      /* 10 + 9 + 80 = 99: the table adds up */
      CHECK_COUNT (a.audit, PBS_FINDING_TOTAL_ARITHMETIC, 0);
      CHECK_COUNT (a.audit, PBS_FINDING_BUDGET_SCORE, 0);
    }
  audited_clear (&a);
}

/* doc/scoring.md total variants, after budget_not_in_total and
 * printed_rows: the rounding variants. Row 1 is 10 × 90 / 95 = 9.47 and
 * printed right; the total 99.47 printed as 99. budget_not_in_total 89.47,
 * printed_rows 99.47, truncate / floor 99.47, one_decimal 99.5,
 * one_decimal_truncate 99.4, whole_points 99 — the same whether the total
 * or each row is rounded (§5: a total is the sum of rounded rows), as the
 * budget and the filler are whole. */
static void
test_total_rounding_variant (void)
{
  g_autofree char *yaml = one_row_yaml (NULL,
                                        "  - level1: 产出指标\n"
                                        "    level2: 数量指标\n"
                                        "    name: 测试指标\n"
                                        "    target: \"≥95%\"\n"
                                        "    actual: \"90%\"\n"
                                        "    points: 10\n"
                                        "    reason: 已说明\n"
                                        "    printed_score: 9.47\n",
                                        "80",
                                        "    printed_score: 80\n"
                                        "printed_total: 99\n");
  Audited a;

  if (AUDIT_DATA (yaml, NULL, &a))
    {
      CHECK_COUNT (a.audit, PBS_FINDING_ROW_SCORE, 0);
      CHECK_COUNT (a.audit, PBS_FINDING_TOTAL, 1);
      CHECK_FINDING (a.audit, FIND (a.audit, PBS_FINDING_TOTAL, -1), "99", "99.47",
                     PBS_VARIANT_WHOLE_POINTS);
      /* 10 + 9.47 + 80 = 99.47, not 99 */
      CHECK_COUNT (a.audit, PBS_FINDING_TOTAL_ARITHMETIC, 1);
    }
  audited_clear (&a);
}

/* ------------------------------------------------------------ nicks */

static void
test_variant_nicks (void)
{
  static const struct { PbsVariant v; const char *nick; } nicks[] = {
    { PBS_VARIANT_NONE, "none" },
    { PBS_VARIANT_TRUNCATE, "truncate" },
    { PBS_VARIANT_FLOOR, "floor" },
    { PBS_VARIANT_ONE_DECIMAL, "one_decimal" },
    { PBS_VARIANT_ONE_DECIMAL_TRUNCATE, "one_decimal_truncate" },
    { PBS_VARIANT_WHOLE_POINTS, "whole_points" },
    { PBS_VARIANT_WHOLE_POINTS_FLOOR, "whole_points_floor" },
    { PBS_VARIANT_OTHER_REVERSE_FORMULA, "other_reverse_formula" },
    { PBS_VARIANT_EQUAL_TWO_SIDED, "equal_two_sided" },
    { PBS_VARIANT_EQUAL_AS_GE, "equal_as_ge" },
    { PBS_VARIANT_INITIAL_BUDGET, "initial_budget" },
    { PBS_VARIANT_NO_CAP, "no_cap" },
    { PBS_VARIANT_BUDGET_NOT_IN_TOTAL, "budget_not_in_total" },
    { PBS_VARIANT_PRINTED_ROWS, "printed_rows" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (nicks); i++)
    {
      const char *s = pbs_variant_get_nick (nicks[i].v);

      CU_ASSERT_STRING_EQUAL (s != NULL ? s : "(null)", nicks[i].nick);
    }
}

/* The audit is a boxed, reference-counted value. */
static void
test_ref (void)
{
  Audited a;

  if (AUDIT_FIXTURE ("audit-arithmetic.yaml", &a))
    {
      PbsAudit *again = pbs_audit_ref (a.audit);

      CU_ASSERT_PTR_EQUAL (again, a.audit);
      pbs_audit_unref (again);
      CU_ASSERT_EQUAL (pbs_audit_get_n_findings (a.audit), 2);
      CU_ASSERT_TRUE (G_TYPE_IS_BOXED (PBS_TYPE_AUDIT));
    }
  audited_clear (&a);
}


/* §6, §7: when not-applicable rows rescale the total, a printed total
 * equal to the rescaled one is right, and the table adds up once its
 * printed scores are rescaled the same way (regression: it was reported
 * as total_arithmetic). 45 met of 45 counted + budget 10 of 10 = 55 of
 * 55 points, rescaled to 100. */
static void
test_rescaled_total_adds_up (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PbsReader) r = pbs_reader_new_for_data (
    "pbscore: 1\ntitle: t\nbudget: {annual: 100, executed: 100, printed_score: 10}\n"
    "printed_total: 100\nindicators:\n"
    "  - {level1: 产出指标, level2: 数量指标, name: A, target: '≥1', actual: '1', points: 45, printed_score: 45}\n"
    "  - {level1: 产出指标, level2: 数量指标, name: B, target: '≥1', points: 45, not_applicable: true}\n",
    -1, "na.yaml");
  g_autoptr (PbsDocument) doc = pbs_reader_next (r, &error);
  g_autoptr (PbsScorecard) sc = NULL;
  g_autoptr (PbsAudit) audit = NULL;
  PbsDecimal total;

  CU_ASSERT_PTR_NOT_NULL_FATAL (doc);
  sc = pbs_evaluation_score (pbs_document_get_evaluation (doc), NULL, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (sc);
  pbs_scorecard_get_total (sc, &total);
  PBS_ASSERT_DECIMAL (&total, "100.00");
  audit = pbs_audit_new (sc);
  CU_ASSERT_EQUAL (pbs_audit_count (audit, PBS_FINDING_TOTAL), 0);
  CU_ASSERT_EQUAL (pbs_audit_count (audit, PBS_FINDING_TOTAL_ARITHMETIC), 0);
  CU_ASSERT_EQUAL (pbs_audit_count (audit, PBS_FINDING_ROW_SCORE), 0);
}

/* ------------------------------------------- the budget as printed (§11) */

/* A budget of 207.4538 spending 197.4538: the rate is 95.17955…%. */
static void
audit_rate_at (const char *file, int line, const char *printed_rate, gboolean agrees)
{
  g_autofree char *yaml = g_strdup_printf (
    "pbscore: 1\ntitle: 执行率\nbudget: {annual: 207.4538, executed: 197.4538, printed_rate: \"%s\"}\n"
    "indicators:\n  - {level1: 产出指标, level2: 数量指标, name: 办件量, target: \"≥1000件\", "
    "actual: \"1200件\", points: 90}\n", printed_rate);
  Audited a;

  if (audit_document_at (file, line, pbs_test_read_one_at (file, line, NULL, yaml), NULL, &a))
    {
      CHECK_AT (pbs_audit_count (a.audit, PBS_FINDING_BUDGET_RATE) == (agrees ? 0u : 1u), file, line);
      if (!agrees)
        {
          int i = find_at (file, line, a.audit, PBS_FINDING_BUDGET_RATE, -1);
          const char *digits = printed_rate;
          g_autofree char *want = g_strndup (digits, strcspn (digits, "%"));

          check_finding_at (file, line, a.audit, i, want, "95.18", PBS_VARIANT_NONE);
        }
    }
  audited_clear (&a);
}
#define AUDIT_RATE(printed, agrees) audit_rate_at (__FILE__, __LINE__, printed, agrees)

/* §11: the printed 执行率 keeps its digits; rounded half up or cut to
 * them, the computed rate must give it, else a budget_rate finding. */
static void
test_printed_rate (void)
{
  AUDIT_RATE ("95.18%", TRUE);    /* half up */
  AUDIT_RATE ("95.17%", TRUE);    /* cut */
  AUDIT_RATE ("95.2%", TRUE);
  AUDIT_RATE ("95%", TRUE);
  AUDIT_RATE ("95.1796%", TRUE);
  AUDIT_RATE ("95.3%", FALSE);
  AUDIT_RATE ("96%", FALSE);
  AUDIT_RATE ("95.16%", FALSE);
}

/* §11: a table that prints only a rate and a score: its score stands, no
 * rate is computed, so nothing is compared with the printed rate, and the
 * total is checked with the printed score in it. A table that prints
 * neither 全年预算数 nor a score leaves the total unchecked. */
static void
test_budget_as_printed (void)
{
  Audited a;
  PbsDecimal d;

  if (AUDIT_DATA ("pbscore: 1\ntitle: 只有执行率\nprinted_total: 99.5\n"
                  "budget: {printed_rate: 95%, printed_score: 9.5}\n"
                  "indicators:\n  - {level1: 产出指标, level2: 数量指标, name: 办件量, target: \"≥1000件\", "
                  "actual: \"1200件\", points: 90, printed_score: 90}\n", NULL, &a))
    {
      CU_ASSERT_FALSE (pbs_scorecard_get_budget_rate (a.sc, &d));
      CU_ASSERT_TRUE (pbs_scorecard_get_budget_score (a.sc, &d));
      ASSERT_DEC_EQ (d, "9.5");
      CHECK_NO_FINDINGS (a.audit);
    }
  audited_clear (&a);

  if (AUDIT_DATA ("pbscore: 1\ntitle: 只有年初预算数\nprinted_total: 97\n"
                  "budget: {initial: 100}\n"
                  "indicators:\n  - {level1: 产出指标, level2: 数量指标, name: 办件量, target: \"≥1000件\", "
                  "actual: \"1200件\", points: 90, printed_score: 90}\n", NULL, &a))
    {
      CU_ASSERT_FALSE (pbs_scorecard_get_budget_score (a.sc, &d));
      CU_ASSERT_FALSE (pbs_scorecard_is_complete (a.sc));
      CHECK_COUNT (a.audit, PBS_FINDING_TOTAL, 0);
      CHECK_COUNT (a.audit, PBS_FINDING_TOTAL_ARITHMETIC, 0);
      CHECK_COUNT (a.audit, PBS_FINDING_BUDGET_SCORE, 0);
    }
  audited_clear (&a);
}

/* §11: sources that do not add up are the warning sources_mismatch, an
 * audit finding of kind warning like every scorecard warning. */
static void
test_sources_mismatch_finding (void)
{
  Audited a;

  if (AUDIT_DATA ("pbscore: 1\ntitle: 资金来源\n"
                  "budget:\n  annual: 100\n  executed: 100\n  sources:\n"
                  "    - {name: 当年财政拨款, annual: 80, executed: 80}\n"
                  "    - {name: 其他资金, annual: 10, executed: 20}\n"
                  "indicators:\n  - {level1: 产出指标, level2: 数量指标, name: 办件量, target: \"≥1000件\", "
                  "actual: \"1200件\", points: 90}\n", NULL, &a))
    {
      g_autofree char *zh = NULL, *en = NULL;
      int i;

      CHECK_COUNT (a.audit, PBS_FINDING_WARNING, 1);
      i = find_at (__FILE__, __LINE__, a.audit, PBS_FINDING_WARNING, -1);
      if (i >= 0)
        {
          CU_ASSERT_EQUAL (pbs_audit_get_warning (a.audit, (guint) i), PBS_WARNING_SOURCES_MISMATCH);
          zh = pbs_audit_dup_message (a.audit, (guint) i, PBS_LANGUAGE_ZH);
          en = pbs_audit_dup_message (a.audit, (guint) i, PBS_LANGUAGE_EN);
          ASSERT_STR (zh, "资金来源（当年财政拨款、上年结转资金、其他资金）的全年预算数合计 90，不等于年度资金总额的 100");
          ASSERT_STR (en, "the funding sources' 全年预算数 (annual) add up to 90, not the budget line's 100");
        }
    }
  audited_clear (&a);
}

static const PbsTestCase cases[] = {
  { "printed_rate", test_printed_rate },
  { "budget_as_printed", test_budget_as_printed },
  { "sources_mismatch_finding", test_sources_mismatch_finding },
  { "wrong_rows_scorecard", test_wrong_rows_scorecard },
  { "wrong_rows_findings", test_wrong_rows_findings },
  { "wrong_rows_missing_reason", test_wrong_rows_missing_reason },
  { "missing_reason_wording", test_missing_reason_wording },
  { "wrong_rows_warnings", test_wrong_rows_warnings },
  { "clean", test_clean },
  { "arithmetic", test_arithmetic },
  { "parents_qizhong", test_parents_qizhong },
  { "parents_sum", test_parents_sum },
  { "row_variants", test_row_variants },
  { "tolerance", test_tolerance },
  { "nothing_printed", test_nothing_printed },
  { "budget_variants", test_budget_variants },
  { "total_printed_rows", test_total_printed_rows },
  { "total_rounding_variant", test_total_rounding_variant },
  { "variant_nicks", test_variant_nicks },
  { "ref", test_ref },
  { "rescaled total adds up", test_rescaled_total_adds_up },
  { NULL, NULL }
};

int
main (void)
{
  return pbs_test_run ("audit", cases);
}
