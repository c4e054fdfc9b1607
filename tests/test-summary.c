/* test-summary.c - a batch summed up by group (PbsSummary)
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The evaluations of these tests have a budget of 10 points (executed =
 * annual: 10.00) and one row of 90 points, "≥100个" against ACTUAL个, so
 * that total = 10 + 0.9 × ACTUAL (91 → 91.90 …); a row without an actual
 * makes the evaluation incomplete (no grade). doc/cli.md, "summary", is
 * the contract.
 */
#include "pbs-test.h"

/* A scored evaluation of @dept (nullable) and @year (0: none); @actual
 * NULL leaves the row unscored; @annual and @executed in @currency. */
static PbsScorecard *
scored (const char *dept, guint year, const char *actual, const char *annual,
        const char *executed, PbsCurrency currency)
{
  const PbsTestRow rows[] = {
    { "产出指标", "数量指标", "完成数", "90", "≥100个", actual },
  };
  g_autoptr (PbsEvaluation) e = pbs_test_evaluation_new (annual, executed, NULL, rows, 1);
  g_autoptr (GError) error = NULL;
  PbsScorecard *sc;

  pbs_evaluation_set_title (e, "项目");
  if (dept != NULL)
    pbs_evaluation_set_department (e, dept);
  pbs_evaluation_set_year (e, year);
  pbs_evaluation_set_currency (e, currency);
  sc = pbs_evaluation_score (e, NULL, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (sc);
  return sc;
}

static void
add (PbsSummary *s, const char *dept, guint year, const char *actual)
{
  g_autoptr (PbsScorecard) sc = scored (dept, year, actual, "100", "100", PBS_CURRENCY_WAN_YUAN);
  g_autoptr (GError) error = NULL;

  CU_ASSERT_TRUE (pbs_summary_add (s, sc, &error));
  CU_ASSERT_PTR_NULL (error);
}

static void
check_total (PbsSummary *s, guint group, PbsSummaryStat stat, const char *expected)
{
  PbsDecimal d;

  CU_ASSERT_TRUE_FATAL (pbs_summary_get_total (s, group, stat, &d));
  PBS_ASSERT_DECIMAL (&d, expected);
}

/* No key: one group of everything; the odd median is the middle total;
 * the incomplete evaluation is counted, not in the totals. */
static void
test_one_group_odd (void)
{
  g_autoptr (PbsSummary) s = pbs_summary_new ();
  PbsDecimal d;

  add (s, "教育局", 2023, "90");    /* 10 + 81 = 91.00 优 */
  add (s, "卫健委", 2024, "40");    /* 10 + 36 = 46.00 差 */
  add (s, NULL, 0, "80");           /* 10 + 72 = 82.00 良 */
  add (s, "教育局", 2023, NULL);    /* incomplete */
  CU_ASSERT_EQUAL (pbs_summary_get_n_evaluations (s), 4);
  CU_ASSERT_EQUAL (pbs_summary_get_n_groups (s), 1);
  CU_ASSERT_EQUAL (pbs_summary_get_count (s, 0), 4);
  CU_ASSERT_EQUAL (pbs_summary_get_grade_count (s, 0, PBS_GRADE_EXCELLENT), 1);
  CU_ASSERT_EQUAL (pbs_summary_get_grade_count (s, 0, PBS_GRADE_GOOD), 1);
  CU_ASSERT_EQUAL (pbs_summary_get_grade_count (s, 0, PBS_GRADE_FAIR), 0);
  CU_ASSERT_EQUAL (pbs_summary_get_grade_count (s, 0, PBS_GRADE_POOR), 1);
  CU_ASSERT_EQUAL (pbs_summary_get_grade_count (s, 0, PBS_GRADE_NONE), 1);
  check_total (s, 0, PBS_SUMMARY_STAT_MIN, "46.00");
  check_total (s, 0, PBS_SUMMARY_STAT_MEDIAN, "82.00");
  check_total (s, 0, PBS_SUMMARY_STAT_MEAN, "73.00");   /* 219 / 3 */
  check_total (s, 0, PBS_SUMMARY_STAT_MAX, "91.00");
  /* every evaluation has both amounts, the incomplete one too */
  CU_ASSERT_TRUE (pbs_summary_get_annual (s, 0, &d));
  PBS_ASSERT_DECIMAL (&d, "400.00");
  CU_ASSERT_TRUE (pbs_summary_get_rate (s, 0, &d));
  PBS_ASSERT_DECIMAL (&d, "100.00");
  CU_ASSERT_EQUAL (pbs_summary_get_n_without_amounts (s, 0), 0);
}

/* An even count: the mean of the two middle totals, half up to two
 * decimals: (82.00 + 90.01) / 2 = 86.005 → 86.01; the mean of 46.00,
 * 82.00, 90.01, 91.00 is 309.01 / 4 = 77.2525 → 77.25. */
static void
test_even_median_rounds_half_up (void)
{
  g_autoptr (PbsSummary) s = pbs_summary_new ();

  add (s, NULL, 0, "80");      /* 82.00 */
  add (s, NULL, 0, "88.9");    /* 10 + 80.01 = 90.01 */
  add (s, NULL, 0, "40");      /* 46.00 */
  add (s, NULL, 0, "90");      /* 91.00 */
  check_total (s, 0, PBS_SUMMARY_STAT_MEDIAN, "86.01");
  check_total (s, 0, PBS_SUMMARY_STAT_MEAN, "77.25");
  check_total (s, 0, PBS_SUMMARY_STAT_MIN, "46.00");
  check_total (s, 0, PBS_SUMMARY_STAT_MAX, "91.00");
}

/* Nested keys: one group per (department, year), text by code point,
 * years by number, a missing value last. */
static void
test_nested_groups_sorted (void)
{
  g_autoptr (PbsSummary) s = pbs_summary_new ();
  static const struct { const char *dept, *year; guint count; } expected[] = {
    { "卫健委", "2023", 1 }, { "教育局", "2022", 1 }, { "教育局", "2023", 2 },
    { "教育局", NULL, 1 }, { NULL, "2024", 1 },
  };

  pbs_summary_add_key (s, PBS_SUMMARY_KEY_DEPARTMENT);
  pbs_summary_add_key (s, PBS_SUMMARY_KEY_YEAR);
  CU_ASSERT_EQUAL (pbs_summary_get_n_keys (s), 2);
  CU_ASSERT_EQUAL (pbs_summary_get_key (s, 1), PBS_SUMMARY_KEY_YEAR);
  add (s, "教育局", 2023, "90");
  add (s, NULL, 2024, "90");
  add (s, "教育局", 0, "90");
  add (s, "卫健委", 2023, "90");
  add (s, "教育局", 2023, "80");
  add (s, "教育局", 2022, "80");
  CU_ASSERT_EQUAL_FATAL (pbs_summary_get_n_groups (s), G_N_ELEMENTS (expected));
  for (guint g = 0; g < G_N_ELEMENTS (expected); g++)
    {
      CU_ASSERT_STRING_EQUAL (pbs_summary_get_group_value (s, g, 0) ?: "(null)",
                              expected[g].dept ?: "(null)");
      CU_ASSERT_STRING_EQUAL (pbs_summary_get_group_value (s, g, 1) ?: "(null)",
                              expected[g].year ?: "(null)");
      CU_ASSERT_EQUAL (pbs_summary_get_count (s, g), expected[g].count);
    }
  /* 教育局 2023: 91.00 and 82.00 */
  check_total (s, 2, PBS_SUMMARY_STAT_MEDIAN, "86.50");
}

/* 元 tables are converted to 万元 exactly before they are summed; the
 * rate is weighted by funds: Σexecuted / Σannual. */
static void
test_yuan_converted (void)
{
  g_autoptr (PbsSummary) s = pbs_summary_new ();
  g_autoptr (PbsScorecard) a = scored ("教育局", 2023, "90", "1234500", "1000000", PBS_CURRENCY_YUAN);
  g_autoptr (PbsScorecard) b = scored ("教育局", 2023, "90", "100", "50", PBS_CURRENCY_WAN_YUAN);
  PbsDecimal d;

  CU_ASSERT_TRUE (pbs_summary_add (s, a, NULL));
  CU_ASSERT_TRUE (pbs_summary_add (s, b, NULL));
  CU_ASSERT_TRUE (pbs_summary_get_annual (s, 0, &d));
  PBS_ASSERT_DECIMAL (&d, "223.45");     /* 123.45 + 100 */
  CU_ASSERT_TRUE (pbs_summary_get_executed (s, 0, &d));
  PBS_ASSERT_DECIMAL (&d, "150.00");     /* 100 + 50 */
  CU_ASSERT_TRUE (pbs_summary_get_rate (s, 0, &d));
  PBS_ASSERT_DECIMAL (&d, "67.13");      /* 150 / 223.45 = 0.671291… */
}

/* An evaluation without 全年执行数 is left out of the sums and counted. */
static void
test_without_amounts (void)
{
  g_autoptr (PbsSummary) s = pbs_summary_new ();
  g_autoptr (PbsEvaluation) e = pbs_evaluation_new ();
  g_autoptr (PbsBudget) budget = NULL;
  g_autoptr (PbsScorecard) sc = NULL;
  g_autoptr (GError) error = NULL;
  PbsDecimal initial = pbs_test_dec ("80"), d;
  const PbsTestRow row[] = { { "产出指标", "数量指标", "完成数", "90", "≥100个", "90个" } };

  /* a budget printed with only 年初预算数 (rule book §11): no rate */
  budget = pbs_budget_new (NULL, NULL);
  pbs_budget_set_initial (budget, &initial);
  pbs_evaluation_set_title (e, "只有年初预算数");
  pbs_evaluation_set_budget (e, budget);
  pbs_test_add_rows (e, row, 1);
  sc = pbs_evaluation_score (e, NULL, &error);
  if (sc == NULL)
    fprintf (stderr, "%s\n", error->message);
  CU_ASSERT_PTR_NOT_NULL_FATAL (sc);
  CU_ASSERT_TRUE (pbs_summary_add (s, sc, NULL));
  CU_ASSERT_EQUAL (pbs_summary_get_n_without_amounts (s, 0), 1);
  CU_ASSERT_FALSE (pbs_summary_get_annual (s, 0, &d));
  CU_ASSERT_FALSE (pbs_summary_get_executed (s, 0, &d));
  CU_ASSERT_FALSE (pbs_summary_get_rate (s, 0, &d));
  add (s, NULL, 0, "90");
  CU_ASSERT_EQUAL (pbs_summary_get_n_without_amounts (s, 0), 1);
  CU_ASSERT_TRUE (pbs_summary_get_annual (s, 0, &d));
  PBS_ASSERT_DECIMAL (&d, "100.00");
}

/* A group with only incomplete evaluations has no totals. */
static void
test_no_complete_no_totals (void)
{
  g_autoptr (PbsSummary) s = pbs_summary_new ();
  PbsDecimal d;

  add (s, NULL, 0, NULL);
  for (guint stat = PBS_SUMMARY_STAT_MIN; stat <= PBS_SUMMARY_STAT_MAX; stat++)
    CU_ASSERT_FALSE (pbs_summary_get_total (s, 0, stat, &d));
  CU_ASSERT_EQUAL (pbs_summary_get_grade_count (s, 0, PBS_GRADE_NONE), 1);
}

/* The rendering: CSV heads are the names, values exact; xlsx a workbook. */
static void
test_render (void)
{
  g_autoptr (PbsSummary) s = pbs_summary_new ();
  g_autofree char *csv = NULL, *xlsx = NULL;
  g_autoptr (GError) error = NULL;
  gsize length = 0;

  pbs_summary_add_key (s, PBS_SUMMARY_KEY_DEPARTMENT);
  add (s, "教育局", 2023, "90");
  add (s, "教育局", 2023, NULL);
  csv = pbs_summary_render (s, PBS_FORMAT_CSV, PBS_LANGUAGE_ZH, NULL, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (csv);
  CU_ASSERT_STRING_EQUAL (csv,
                          "department,evaluations,excellent,good,fair,poor,incomplete,total_min,"
                          "total_median,total_mean,total_max,annual_budget,executed_budget,"
                          "execution_rate,without_amounts\r\n"
                          "教育局,2,1,0,0,0,1,91.00,91.00,91.00,91.00,200.00,200.00,100.00,0\r\n");
  /* xlsx: a zip (binary: the length comes apart) */
  xlsx = pbs_summary_render (s, PBS_FORMAT_XLSX, PBS_LANGUAGE_ZH, &length, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (xlsx);
  CU_ASSERT_TRUE (length > 1000 && memcmp (xlsx, "PK\x03\x04", 4) == 0);
}

/* PBS_REPORT_SUMMARY through PbsReport: one row per evaluation, the file
 * the evaluation's source and the document numbered within it. */
static void
test_report_summary (void)
{
  g_autoptr (PbsReport) report = pbs_report_new (PBS_FORMAT_CSV, PBS_REPORT_SUMMARY,
                                                 PBS_LANGUAGE_ZH);
  g_autoptr (PbsScorecard) a = scored ("教育局", 2023, "90", "100", "100", PBS_CURRENCY_WAN_YUAN);
  g_autoptr (PbsScorecard) b = scored (NULL, 0, NULL, "100", "100", PBS_CURRENCY_WAN_YUAN);
  g_autoptr (GError) error = NULL;
  g_autofree char *out = NULL;

  pbs_report_add (report, a);
  pbs_report_add (report, b);
  /* rendered twice: the documents are numbered afresh */
  for (guint i = 0; i < 2; i++)
    {
      out = pbs_report_render (report, NULL, &error);
      CU_ASSERT_PTR_NOT_NULL_FATAL (out);
      CU_ASSERT_STRING_EQUAL (out,
                              "file,document,title,department,unit,year,total,total_points,grade,"
                              "complete,printed_total,audit_differences,lint_findings\r\n"
                              ",1,项目,教育局,,2023,91.00,100,优,true,,0,1\r\n"
                              ",2,项目,,,,10.00,100,,false,,0,0\r\n");
      g_clear_pointer (&out, g_free);
    }
}

static const PbsTestCase cases[] = {
  { "one group, odd median, incomplete left out", test_one_group_odd },
  { "even median and mean round half up", test_even_median_rounds_half_up },
  { "nested groups, sorted", test_nested_groups_sorted },
  { "元 converted to 万元, rate by funds", test_yuan_converted },
  { "without amounts: counted, not summed", test_without_amounts },
  { "no complete evaluation: no totals", test_no_complete_no_totals },
  { "render: csv names, xlsx a workbook", test_render },
  { "PBS_REPORT_SUMMARY: a row per evaluation", test_report_summary },
  { NULL, NULL }
};

int
main (void)
{
  return pbs_test_run ("summary", cases);
}
