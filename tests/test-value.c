/* test-value.c - PbsValue: targets and actuals as printed in real tables
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Every sign glyph, unit form, date form and band word of rule book §2, §4
 * and §10 is one row of a table below; the loops name the failing text.
 */
#include "pbs-test.h"

/* Parses text that must parse; reports the error message otherwise. */
static PbsValue *
parse_ok (const char *text)
{
  g_autoptr(GError) error = NULL;
  PbsValue *v = pbs_value_parse (text, &error);

  CHECK (v != NULL, text);
  CHECK (error == NULL, text);
  if (v == NULL)
    fprintf (stderr, "  [%s] unexpected error: %s\n", text,
             error != NULL ? error->message : "(no GError)");
  return v;
}

/* ------------------------------------------------------- quantity table */

typedef struct {
  const char   *text;
  PbsValueKind  kind;
  PbsOperator   op;
  const char   *number;  /* canonical decimal text */
  const char   *unit;
} ValueCase;

static void
check_value_cases (const ValueCase *cases, gsize n)
{
  for (gsize i = 0; i < n; i++)
    {
      const ValueCase *c = &cases[i];
      g_autoptr(PbsValue) v = parse_ok (c->text);
      PbsDecimal number = { 0 };
      const char *unit;

      if (v == NULL)
        continue;
      CHECK (pbs_value_get_kind (v) == c->kind, c->text);
      CHECK (pbs_value_get_operator (v) == c->op, c->text);
      if (pbs_value_get_kind (v) != c->kind || pbs_value_get_operator (v) != c->op)
        fprintf (stderr, "  [%s] kind %d op %d, expected kind %d op %d\n",
                 c->text, pbs_value_get_kind (v), pbs_value_get_operator (v),
                 c->kind, c->op);
      CHECK (g_strcmp0 (pbs_value_get_text (v), c->text) == 0, c->text);

      CHECK (pbs_value_get_number (v, &number), c->text);
      CHECK_DECIMAL (&number, c->number, c->text);

      unit = pbs_value_get_unit (v);
      CHECK (unit != NULL, c->text);
      CHECK (g_strcmp0 (unit, c->unit) == 0, c->text);
      if (g_strcmp0 (unit, c->unit) != 0)
        fprintf (stderr, "  [%s] unit \"%s\", expected \"%s\"\n", c->text,
                 unit != NULL ? unit : "(null)", c->unit);
    }
}

/* rule book §2: GE is ≥ ≧ >= 不少于 不低于 大于等于 and the suffix 以上 */
static void
test_operator_ge (void)
{
  static const ValueCase cases[] = {
    { "≥95%", PBS_VALUE_QUANTITY, PBS_OP_GE, "95", "%" },
    { "≧95%", PBS_VALUE_QUANTITY, PBS_OP_GE, "95", "%" },
    { ">=95%", PBS_VALUE_QUANTITY, PBS_OP_GE, "95", "%" },
    { "不少于95%", PBS_VALUE_QUANTITY, PBS_OP_GE, "95", "%" },
    { "不低于95%", PBS_VALUE_QUANTITY, PBS_OP_GE, "95", "%" },
    { "大于等于95%", PBS_VALUE_QUANTITY, PBS_OP_GE, "95", "%" },
    { "95%以上", PBS_VALUE_QUANTITY, PBS_OP_GE, "95", "%" },
    { "≥98.5%", PBS_VALUE_QUANTITY, PBS_OP_GE, "98.5", "%" },
    { "不少于12项", PBS_VALUE_QUANTITY, PBS_OP_GE, "12", "项" },
    { "200人次以上", PBS_VALUE_QUANTITY, PBS_OP_GE, "200", "人次" },
  };

  check_value_cases (cases, G_N_ELEMENTS (cases));
}

/* rule book §2: GT is > ＞ 大于 高于 */
static void
test_operator_gt (void)
{
  static const ValueCase cases[] = {
    { ">90%", PBS_VALUE_QUANTITY, PBS_OP_GT, "90", "%" },
    { "＞90%", PBS_VALUE_QUANTITY, PBS_OP_GT, "90", "%" },
    { "大于90%", PBS_VALUE_QUANTITY, PBS_OP_GT, "90", "%" },
    { "高于90%", PBS_VALUE_QUANTITY, PBS_OP_GT, "90", "%" },
    { ">0件", PBS_VALUE_QUANTITY, PBS_OP_GT, "0", "件" },
  };

  check_value_cases (cases, G_N_ELEMENTS (cases));
}

/* rule book §2: EQ is = ＝ ═ ﹦ 等于, or a bare number with no sign */
static void
test_operator_eq (void)
{
  static const ValueCase cases[] = {
    { "=100%", PBS_VALUE_QUANTITY, PBS_OP_EQ, "100", "%" },
    { "＝100%", PBS_VALUE_QUANTITY, PBS_OP_EQ, "100", "%" },
    { "═100%", PBS_VALUE_QUANTITY, PBS_OP_EQ, "100", "%" },
    { "﹦100%", PBS_VALUE_QUANTITY, PBS_OP_EQ, "100", "%" },
    { "等于100%", PBS_VALUE_QUANTITY, PBS_OP_EQ, "100", "%" },
    { "100%", PBS_VALUE_QUANTITY, PBS_OP_EQ, "100", "%" },
    { "100", PBS_VALUE_QUANTITY, PBS_OP_EQ, "100", "" },
    { "3.50", PBS_VALUE_QUANTITY, PBS_OP_EQ, "3.50", "" },
    { "0", PBS_VALUE_QUANTITY, PBS_OP_EQ, "0", "" },
    { "12件", PBS_VALUE_QUANTITY, PBS_OP_EQ, "12", "件" },
  };

  check_value_cases (cases, G_N_ELEMENTS (cases));
}

/* rule book §2: LE is ≤ ≦ <= 不超过 不高于 小于等于 and the suffixes 以内
 * 以下 */
static void
test_operator_le (void)
{
  static const ValueCase cases[] = {
    { "≤3天", PBS_VALUE_QUANTITY, PBS_OP_LE, "3", "天" },
    { "≦3天", PBS_VALUE_QUANTITY, PBS_OP_LE, "3", "天" },
    { "<=3天", PBS_VALUE_QUANTITY, PBS_OP_LE, "3", "天" },
    { "不超过3天", PBS_VALUE_QUANTITY, PBS_OP_LE, "3", "天" },
    { "不高于3天", PBS_VALUE_QUANTITY, PBS_OP_LE, "3", "天" },
    { "小于等于3天", PBS_VALUE_QUANTITY, PBS_OP_LE, "3", "天" },
    { "3天以内", PBS_VALUE_QUANTITY, PBS_OP_LE, "3", "天" },
    { "3天以下", PBS_VALUE_QUANTITY, PBS_OP_LE, "3", "天" },
    { "95%以内", PBS_VALUE_QUANTITY, PBS_OP_LE, "95", "%" },
    { "不超过1,000万元", PBS_VALUE_QUANTITY, PBS_OP_LE, "1000", "万元" },
  };

  check_value_cases (cases, G_N_ELEMENTS (cases));
}

/* rule book §2: LT is < ＜ 小于 低于 */
static void
test_operator_lt (void)
{
  static const ValueCase cases[] = {
    { "<5%", PBS_VALUE_QUANTITY, PBS_OP_LT, "5", "%" },
    { "＜5%", PBS_VALUE_QUANTITY, PBS_OP_LT, "5", "%" },
    { "小于5%", PBS_VALUE_QUANTITY, PBS_OP_LT, "5", "%" },
    { "低于5%", PBS_VALUE_QUANTITY, PBS_OP_LT, "5", "%" },
    { "<0.5", PBS_VALUE_QUANTITY, PBS_OP_LT, "0.5", "" },
  };

  check_value_cases (cases, G_N_ELEMENTS (cases));
}

/* rule book §2: white space (also the ideographic space U+3000) around the
 * sign and the value is ignored, and the text is kept as written */
static void
test_white_space (void)
{
  static const ValueCase cases[] = {
    { " ≥95% ", PBS_VALUE_QUANTITY, PBS_OP_GE, "95", "%" },
    { "≥ 95%", PBS_VALUE_QUANTITY, PBS_OP_GE, "95", "%" },
    { "\t≤ 3天\n", PBS_VALUE_QUANTITY, PBS_OP_LE, "3", "天" },
    { "　≥95%　", PBS_VALUE_QUANTITY, PBS_OP_GE, "95", "%" },
    { "≥　95%", PBS_VALUE_QUANTITY, PBS_OP_GE, "95", "%" },
    { "不少于 12项", PBS_VALUE_QUANTITY, PBS_OP_GE, "12", "项" },
  };

  check_value_cases (cases, G_N_ELEMENTS (cases));
}

/* rule book §2: units follow the number; a number without one has the unit
 * "" (never NULL) */
static void
test_units (void)
{
  static const ValueCase cases[] = {
    { "≥10项", PBS_VALUE_QUANTITY, PBS_OP_GE, "10", "项" },
    { "≥5件", PBS_VALUE_QUANTITY, PBS_OP_GE, "5", "件" },
    { "≥200人次", PBS_VALUE_QUANTITY, PBS_OP_GE, "200", "人次" },
    { "≤1354.10万元", PBS_VALUE_QUANTITY, PBS_OP_LE, "1354.10", "万元" },
    { "≤3个工作日", PBS_VALUE_QUANTITY, PBS_OP_LE, "3", "个工作日" },
    { "≥500平方米", PBS_VALUE_QUANTITY, PBS_OP_GE, "500", "平方米" },
    { "≥266米", PBS_VALUE_QUANTITY, PBS_OP_GE, "266", "米" },
    { "≥0.5", PBS_VALUE_QUANTITY, PBS_OP_GE, "0.5", "" },
    { "=12", PBS_VALUE_QUANTITY, PBS_OP_EQ, "12", "" },
  };

  check_value_cases (cases, G_N_ELEMENTS (cases));
}

/* rule book §2: 百分比 and the full-width ％ both mean % */
static void
test_percent_forms (void)
{
  static const ValueCase cases[] = {
    { "≥95百分比", PBS_VALUE_QUANTITY, PBS_OP_GE, "95", "%" },
    { "≥95％", PBS_VALUE_QUANTITY, PBS_OP_GE, "95", "%" },
    { "90％以上", PBS_VALUE_QUANTITY, PBS_OP_GE, "90", "%" },
    { "≤5％", PBS_VALUE_QUANTITY, PBS_OP_LE, "5", "%" },
  };

  check_value_cases (cases, G_N_ELEMENTS (cases));
}

/* rule book §2: thousands separators, full-width digits and negative
 * numbers are read; the written scale is kept */
static void
test_number_forms (void)
{
  static const ValueCase cases[] = {
    { "1,354.10万元", PBS_VALUE_QUANTITY, PBS_OP_EQ, "1354.10", "万元" },
    { "≤1,000,000元", PBS_VALUE_QUANTITY, PBS_OP_LE, "1000000", "元" },
    { "≥９５％", PBS_VALUE_QUANTITY, PBS_OP_GE, "95", "%" },
    { "≥９５%", PBS_VALUE_QUANTITY, PBS_OP_GE, "95", "%" },
    { "１２项", PBS_VALUE_QUANTITY, PBS_OP_EQ, "12", "项" },
    { "-3%", PBS_VALUE_QUANTITY, PBS_OP_EQ, "-3", "%" },
    { "-0.5", PBS_VALUE_QUANTITY, PBS_OP_EQ, "-0.5", "" },
    { "≥95.00%", PBS_VALUE_QUANTITY, PBS_OP_GE, "95.00", "%" },
  };

  check_value_cases (cases, G_N_ELEMENTS (cases));
}

/* rule book §2: an actual may itself carry a sign (≥266米); it parses like
 * a target and the scorer uses the number */
static void
test_actual_with_sign (void)
{
  g_autoptr(PbsValue) v = parse_ok ("≥266米");
  PbsDecimal n;

  CU_ASSERT_PTR_NOT_NULL_FATAL (v);
  CU_ASSERT_EQUAL (pbs_value_get_kind (v), PBS_VALUE_QUANTITY);
  CU_ASSERT_EQUAL (pbs_value_get_operator (v), PBS_OP_GE);
  CU_ASSERT_TRUE_FATAL (pbs_value_get_number (v, &n));
  PBS_ASSERT_DECIMAL (&n, "266");
  CU_ASSERT_STRING_EQUAL (pbs_value_get_unit (v), "米");
}

/* rule book §2: a value that is not a date has no date */
static void
test_quantity_has_no_date (void)
{
  g_autoptr(PbsValue) v = parse_ok ("≥95%");
  guint y = 1, m = 1, d = 1;

  CU_ASSERT_PTR_NOT_NULL_FATAL (v);
  CU_ASSERT_FALSE (pbs_value_get_date (v, &y, &m, &d));
}

/* -------------------------------------------------------------- boolean */

/* rule book §2, §4: 是 and 否 are booleans with no sign */
static void
test_boolean (void)
{
  static const struct {
    const char *text;
    gboolean    value;
  } cases[] = {
    { "是", TRUE },
    { "否", FALSE },
    { " 是 ", TRUE },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(PbsValue) v = parse_ok (cases[i].text);
      PbsDecimal n;

      if (v == NULL)
        continue;
      CHECK (pbs_value_get_kind (v) == PBS_VALUE_BOOLEAN, cases[i].text);
      CHECK (pbs_value_get_operator (v) == PBS_OP_NONE, cases[i].text);
      CHECK (!pbs_value_get_boolean (v) == !cases[i].value, cases[i].text);
      CHECK (!pbs_value_get_number (v, &n), cases[i].text);
      CHECK (g_strcmp0 (pbs_value_get_text (v), cases[i].text) == 0,
             cases[i].text);
    }
}

/* ----------------------------------------------------------------- date */

/* rule book §2: dates to the month or the day; a bare date, or one with
 * 前 / 之前 / 以前, is a time limit (LE); day 0 means month precision */
static void
test_dates (void)
{
  static const struct {
    const char  *text;
    PbsOperator  op;
    guint        year, month, day;
  } cases[] = {
    { "2023年12月", PBS_OP_LE, 2023, 12, 0 },
    { "2023年12月31日", PBS_OP_LE, 2023, 12, 31 },
    { "2023-12-31", PBS_OP_LE, 2023, 12, 31 },
    { "2023年6月", PBS_OP_LE, 2023, 6, 0 },
    { "2023年6月1日", PBS_OP_LE, 2023, 6, 1 },
    { "2023-06-01", PBS_OP_LE, 2023, 6, 1 },
    { "2023年12月31日前", PBS_OP_LE, 2023, 12, 31 },
    { "2023年12月31日之前", PBS_OP_LE, 2023, 12, 31 },
    { "2023年12月以前", PBS_OP_LE, 2023, 12, 0 },
    { "≤2023年12月31日", PBS_OP_LE, 2023, 12, 31 },
    { "≥2023-06-01", PBS_OP_GE, 2023, 6, 1 },
    { "2024年2月29日", PBS_OP_LE, 2024, 2, 29 },
    { "2000-02-29", PBS_OP_LE, 2000, 2, 29 },
    { " 2023年12月 ", PBS_OP_LE, 2023, 12, 0 },
    /* rule book §11: real tables' forms; trailing words are for display */
    { "2023.12.31", PBS_OP_LE, 2023, 12, 31 },
    { "2023/12/31", PBS_OP_LE, 2023, 12, 31 },
    { "2023年12月底", PBS_OP_LE, 2023, 12, 0 },
    { "2023年12月前", PBS_OP_LE, 2023, 12, 0 },
    { "2023年12月底前", PBS_OP_LE, 2023, 12, 0 },
    { "2023年12月前完工", PBS_OP_LE, 2023, 12, 0 },
    { "2023年10月完工", PBS_OP_LE, 2023, 10, 0 },
    { "2023.12前", PBS_OP_LE, 2023, 12, 0 },
    /* 2023-12 and 2023/12 are no number: dates unless the row says
     * otherwise (pbs_value_resolve_pair in the reader) */
    { "2023-12", PBS_OP_LE, 2023, 12, 0 },
    { "2023/12", PBS_OP_LE, 2023, 12, 0 },
    { "≤2023-12", PBS_OP_LE, 2023, 12, 0 },
    /* no year yet: the reader gives them the evaluation's */
    { "12月底前", PBS_OP_LE, 0, 12, 0 },
    { "6月前", PBS_OP_LE, 0, 6, 0 },
    { "年底前", PBS_OP_LE, 0, 12, 0 },
    { "年底", PBS_OP_LE, 0, 12, 0 },
    { "年内", PBS_OP_LE, 0, 12, 0 },
    { "第四季度", PBS_OP_LE, 0, 12, 0 },
    { "四季度", PBS_OP_LE, 0, 12, 0 },
    { "Q4", PBS_OP_LE, 0, 12, 0 },
    { "上半年", PBS_OP_LE, 0, 6, 0 },
    { "下半年", PBS_OP_LE, 0, 12, 0 },
    { "下半年完成", PBS_OP_LE, 0, 12, 0 },
  };
  /* Not dates: a date-shaped number alone stays a number (the row decides),
   * a month count is a quantity, 12月内 is a length of time. */
  static const struct { const char *text; PbsValueKind kind; } not_dates[] = {
    { "2023.12", PBS_VALUE_QUANTITY },
    { "2023.1", PBS_VALUE_QUANTITY },
    { "1989.12", PBS_VALUE_QUANTITY },
    { "2023.13", PBS_VALUE_QUANTITY },
    { "12月", PBS_VALUE_QUANTITY },
    { "12月内", PBS_VALUE_QUANTITY },
    { "2023.12万元", PBS_VALUE_QUANTITY },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (not_dates); i++)
    {
      g_autoptr(PbsValue) v = parse_ok (not_dates[i].text);
      if (v != NULL)
        CHECK (pbs_value_get_kind (v) == not_dates[i].kind, not_dates[i].text);
    }

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *text = cases[i].text;
      g_autoptr(PbsValue) v = parse_ok (text);
      guint y = 0, m = 0, d = 99;

      if (v == NULL)
        continue;
      CHECK (pbs_value_get_kind (v) == PBS_VALUE_DATE, text);
      CHECK (pbs_value_get_operator (v) == cases[i].op, text);
      CHECK (g_strcmp0 (pbs_value_get_text (v), text) == 0, text);
      CHECK (pbs_value_get_date (v, &y, &m, &d), text);
      CHECK (y == cases[i].year, text);
      CHECK (m == cases[i].month, text);
      CHECK (d == cases[i].day, text);
      if (y != cases[i].year || m != cases[i].month || d != cases[i].day)
        fprintf (stderr, "  [%s] got %u-%u-%u, expected %u-%u-%u\n", text,
                 y, m, d, cases[i].year, cases[i].month, cases[i].day);
    }
}

/* ---------------------------------------------------------------- range */

/* rule book §2, §10: a range is a closed interval [lo, hi] with a shared
 * unit and no sign */
static void
test_ranges (void)
{
  static const struct {
    const char *text;
    const char *lo;
    const char *hi;
    const char *unit;
  } cases[] = {
    { "80%-90%", "80", "90", "%" },
    { "80-90%", "80", "90", "%" },
    { "3~5天", "3", "5", "天" },
    { "3～5天", "3", "5", "天" },
    { "3天~5天", "3", "5", "天" },
    { "0.5-1.5万元", "0.5", "1.5", "万元" },
    { "85.5%-90.25%", "85.5", "90.25", "%" },
    { "1-2", "1", "2", "" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *text = cases[i].text;
      g_autoptr(PbsValue) v = parse_ok (text);
      PbsDecimal lo = { 0 }, hi = { 0 };

      if (v == NULL)
        continue;
      CHECK (pbs_value_get_kind (v) == PBS_VALUE_RANGE, text);
      CHECK (pbs_value_get_operator (v) == PBS_OP_NONE, text);
      CHECK (g_strcmp0 (pbs_value_get_text (v), text) == 0, text);
      CHECK (pbs_value_get_number (v, &lo), text);
      CHECK_DECIMAL (&lo, cases[i].lo, text);
      CHECK (pbs_value_get_high (v, &hi), text);
      CHECK_DECIMAL (&hi, cases[i].hi, text);
      CHECK (g_strcmp0 (pbs_value_get_unit (v), cases[i].unit) == 0, text);
    }
}

/* ---------------------------------------------------------- qualitative */

/* rule book §2: words that start with neither a sign nor a digit are
 * qualitative; time-limit words (按时, 在…内完成) are too */
static void
test_qualitative (void)
{
  static const char *texts[] = {
    "达成预期",
    "有效提升",
    "按时",
    "及时",
    "在3个工作日内完成",
    "达成年度指标",
    "部分达成年度指标并具有一定效果",
    "群众满意度明显提高",
    "不断完善",
    "已完成",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(PbsValue) v = parse_ok (texts[i]);
      PbsDecimal n;
      PbsDecimal hi;

      if (v == NULL)
        continue;
      CHECK (pbs_value_get_kind (v) == PBS_VALUE_QUALITATIVE, texts[i]);
      CHECK (pbs_value_get_operator (v) == PBS_OP_NONE, texts[i]);
      CHECK (!pbs_value_get_number (v, &n), texts[i]);
      CHECK (!pbs_value_get_high (v, &hi), texts[i]);
      CHECK (g_strcmp0 (pbs_value_get_text (v), texts[i]) == 0, texts[i]);
    }
}

/* --------------------------------------------------------------- errors */

typedef struct {
  const char *text;
  int         code;
  const char *needle;  /* must appear in the message; NULL: not checked */
} ErrorCase;

/* Every text pbs_value_parse () refuses, with its PBS_VALUE_ERROR code and
 * what the message must name (NULL: not checked): adding a case is adding
 * a line. */
static const ErrorCase value_errors[] = {
  /* rule book §2: empty or blank text (ASCII or U+3000 blanks) is EMPTY */
  { "", PBS_VALUE_ERROR_EMPTY, NULL },
  { "   ", PBS_VALUE_ERROR_EMPTY, NULL },
  { "\t\n", PBS_VALUE_ERROR_EMPTY, NULL },
  { "　", PBS_VALUE_ERROR_EMPTY, NULL },
  /* rule book §2: a sign with no number after it, or two conflicting signs,
   * is an OPERATOR error naming the text */
  { "≥", PBS_VALUE_ERROR_OPERATOR, "≥" },
  { "≥%", PBS_VALUE_ERROR_OPERATOR, "≥%" },
  { "不少于个", PBS_VALUE_ERROR_OPERATOR, "不少于个" },
  { "≤天", PBS_VALUE_ERROR_OPERATOR, "≤天" },
  { "＜", PBS_VALUE_ERROR_OPERATOR, "＜" },
  { "≤95%以上", PBS_VALUE_ERROR_OPERATOR, "≤95%以上" },
  /* rule book §2: malformed numbers (several points, bad thousands groups) */
  { "≥9..5%", PBS_VALUE_ERROR_NUMBER, "9..5" },
  { "1,35,4", PBS_VALUE_ERROR_NUMBER, "1,35,4" },
  { "≥1,35,4%", PBS_VALUE_ERROR_NUMBER, "1,35,4" },
  { "≥9.5.1%", PBS_VALUE_ERROR_NUMBER, "9.5.1" },
  { "12,34万元", PBS_VALUE_ERROR_NUMBER, "12,34" },
  { "≤1,23,456元", PBS_VALUE_ERROR_NUMBER, "1,23,456" },
  /* rule book §2: bytes that are not UTF-8 are refused; the message itself
   * stays valid UTF-8 */
  { "\xff" "95%", PBS_VALUE_ERROR_INVALID_UTF8, NULL },
  { "≥95\xc3%", PBS_VALUE_ERROR_INVALID_UTF8, NULL },
  { "\xe2\x89", PBS_VALUE_ERROR_INVALID_UTF8, NULL },
  { "达成\x80", PBS_VALUE_ERROR_INVALID_UTF8, NULL },
  /* rule book §5: more digits than are kept exactly is an OVERFLOW */
  { "≥12345678901234567890%", PBS_VALUE_ERROR_OVERFLOW, "12345678901234567890" },
  { "1234567890123456789项", PBS_VALUE_ERROR_OVERFLOW, "1234567890123456789" },
  { "≤0.0000000000000000001", PBS_VALUE_ERROR_OVERFLOW, "0.0000000000000000001" },
  /* rule book §2: dates that do not exist are DATE errors */
  { "2023年13月", PBS_VALUE_ERROR_DATE, "2023年13月" },
  { "2023-02-30", PBS_VALUE_ERROR_DATE, "2023-02-30" },
  { "2023年2月29日", PBS_VALUE_ERROR_DATE, "2023年2月29日" },
  { "2023年4月31日", PBS_VALUE_ERROR_DATE, "2023年4月31日" },
  { "2023-00-10", PBS_VALUE_ERROR_DATE, "2023-00-10" },
  { "2023年0月", PBS_VALUE_ERROR_DATE, "2023年0月" },
  { "1900-02-29", PBS_VALUE_ERROR_DATE, "1900-02-29" },
  { "2023-12-00", PBS_VALUE_ERROR_DATE, "2023-12-00" },
  { "2023年12月0日", PBS_VALUE_ERROR_DATE, "2023年12月0日" },
  { "2023-13-01", PBS_VALUE_ERROR_DATE, "2023-13-01" },
  /* rule book §2, §10: reversed bounds or different units make no range */
  { "90%-80%", PBS_VALUE_ERROR_RANGE, "90%-80%" },
  { "5~3天", PBS_VALUE_ERROR_RANGE, "5~3天" },
  { "3天-5件", PBS_VALUE_ERROR_RANGE, "3天-5件" },
  { "3天～5人次", PBS_VALUE_ERROR_RANGE, "3天～5人次" },
};

/* Each case fails with its code, and its message is valid UTF-8 and names
 * the text; a failure names the case. */
static void
test_errors (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (value_errors); i++)
    {
      const ErrorCase *c = &value_errors[i];
      g_autoptr(GError) error = NULL;
      g_autoptr(PbsValue) v = pbs_value_parse (c->text, &error);

      CHECK (v == NULL, c->text);
      if (!CHECK_ERROR (error, PBS_VALUE_ERROR, c->code, c->text) || error == NULL)
        continue;
      CHECK (g_utf8_validate (error->message, -1, NULL), c->text);
      if (c->needle != NULL)
        CHECK_MESSAGE_HAS (error, c->needle, c->text);
    }
}

/* GError convention (STYLE): a NULL error pointer is allowed */
static void
test_error_null_gerror (void)
{
  CU_ASSERT_PTR_NULL (pbs_value_parse ("≥", NULL));
  CU_ASSERT_PTR_NULL (pbs_value_parse ("", NULL));
  CU_ASSERT_PTR_NULL (pbs_value_parse ("2023-02-30", NULL));
}

/* ------------------------------------------------------------------ band */

typedef struct {
  const char *actual;
  const char *target;  /* NULL: no target */
  PbsBand     band;
} BandCase;

/* rule book §4, §10: met, partial and unmet words, with 已 and the
 * suffixes 预期 预期指标 年度指标; anything else names no band */
static void
test_band (void)
{
  static const BandCase cases[] = {
    { "达成", NULL, PBS_BAND_MET },
    { "达到预期", NULL, PBS_BAND_MET },
    { "是", NULL, PBS_BAND_MET },
    { "完成", NULL, PBS_BAND_MET },
    { "合格", NULL, PBS_BAND_MET },
    { "有效", NULL, PBS_BAND_MET },
    { "及时", NULL, PBS_BAND_MET },
    { "达成预期", NULL, PBS_BAND_MET },
    { "达成预期指标", NULL, PBS_BAND_MET },
    { "达成年度指标", NULL, PBS_BAND_MET },
    { "已完成", NULL, PBS_BAND_MET },
    { "已达成", NULL, PBS_BAND_MET },
    { "完成年度指标", NULL, PBS_BAND_MET },
    { "已完成预期指标", NULL, PBS_BAND_MET },
    { "部分达成", NULL, PBS_BAND_PARTIAL },
    { "基本达到", NULL, PBS_BAND_PARTIAL },
    { "基本完成", NULL, PBS_BAND_PARTIAL },
    { "部分达成年度指标并具有一定效果", NULL, PBS_BAND_PARTIAL },
    { "部分达成年度指标", NULL, PBS_BAND_PARTIAL },
    { "已基本完成", NULL, PBS_BAND_PARTIAL },
    { "基本达到预期", NULL, PBS_BAND_PARTIAL },
    { "未达成", NULL, PBS_BAND_UNMET },
    { "否", NULL, PBS_BAND_UNMET },
    { "未完成", NULL, PBS_BAND_UNMET },
    { "未达成年度指标且效果较差", NULL, PBS_BAND_UNMET },
    { "未达成年度指标", NULL, PBS_BAND_UNMET },
    { "未完成预期指标", NULL, PBS_BAND_UNMET },
    { "一般", NULL, PBS_BAND_UNKNOWN },
    { "有效提升", NULL, PBS_BAND_UNKNOWN },
    { "完成率较低", NULL, PBS_BAND_UNKNOWN },
    { "达成预期", "达成预期", PBS_BAND_MET },
    { "未达成", "达成预期", PBS_BAND_UNMET },
    { "一般", "有效提升", PBS_BAND_UNKNOWN },
    /* 是否发生安全事故: 否 — the target's own word is met, even 否 */
    { "否", "否", PBS_BAND_MET },
    { "是", "是", PBS_BAND_MET },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const BandCase *c = &cases[i];
      g_autoptr(PbsValue) actual = parse_ok (c->actual);
      g_autoptr(PbsValue) target = c->target != NULL ? parse_ok (c->target)
                                                     : NULL;
      g_autofree char *ctx = g_strdup_printf ("%s vs %s", c->actual,
                                              c->target ? c->target : "(none)");
      PbsBand band;

      if (actual == NULL || (c->target != NULL && target == NULL))
        continue;
      band = pbs_value_get_band (actual, target);
      CHECK (band == c->band, ctx);
      if (band != c->band)
        fprintf (stderr, "  [%s] band %d, expected %d\n", ctx, band, c->band);
    }
}

/* rule book §4: an actual written exactly as the target's words is 达成,
 * whatever the words are */
static void
test_band_equal_to_target (void)
{
  static const char *words[] = { "有效提升", "按时", "群众满意度明显提高",
                                 "在3个工作日内完成" };

  for (gsize i = 0; i < G_N_ELEMENTS (words); i++)
    {
      g_autoptr(PbsValue) actual = parse_ok (words[i]);
      g_autoptr(PbsValue) target = parse_ok (words[i]);
      g_autoptr(PbsValue) other = parse_ok ("达成预期");

      if (actual == NULL || target == NULL || other == NULL)
        continue;
      CHECK (pbs_value_get_band (actual, target) == PBS_BAND_MET, words[i]);
      /* the same words against another target, or none, name no band */
      CHECK (pbs_value_get_band (actual, other) == PBS_BAND_UNKNOWN, words[i]);
      CHECK (pbs_value_get_band (actual, NULL) == PBS_BAND_UNKNOWN, words[i]);
    }
}

/* ------------------------------------------------------------- operator */

/* rule book §2: each operator prints as its canonical sign */
static void
test_operator_get_sign (void)
{
  static const struct {
    PbsOperator  op;
    const char  *text;
  } cases[] = {
    { PBS_OP_GE, "≥" },
    { PBS_OP_GT, ">" },
    { PBS_OP_EQ, "=" },
    { PBS_OP_LE, "≤" },
    { PBS_OP_LT, "<" },
    { PBS_OP_NONE, "" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *s = pbs_operator_get_sign (cases[i].op);

      CHECK (s != NULL, cases[i].text);
      CHECK (g_strcmp0 (s, cases[i].text) == 0, cases[i].text);
    }
}

/* --------------------------------------------------------- boxed / refs */

/* STYLE (public API 7): values are boxed; a copy carries everything and
 * outlives the original */
static void
test_boxed_copy (void)
{
  PbsValue *v = parse_ok ("≥1,354.10万元");
  g_autoptr(PbsValue) copy = NULL;
  PbsValue *boxed;
  PbsDecimal n;
  GValue gv = G_VALUE_INIT;

  CU_ASSERT_PTR_NOT_NULL_FATAL (v);
  CU_ASSERT_TRUE (G_TYPE_IS_BOXED (PBS_TYPE_VALUE));

  boxed = g_boxed_copy (PBS_TYPE_VALUE, v);
  CU_ASSERT_PTR_NOT_NULL_FATAL (boxed);
  CU_ASSERT_STRING_EQUAL (pbs_value_get_text (boxed), "≥1,354.10万元");
  CU_ASSERT_EQUAL (pbs_value_get_operator (boxed), PBS_OP_GE);
  g_boxed_free (PBS_TYPE_VALUE, boxed);

  g_value_init (&gv, PBS_TYPE_VALUE);
  g_value_set_boxed (&gv, v);
  CU_ASSERT_STRING_EQUAL (pbs_value_get_text (g_value_get_boxed (&gv)),
                          "≥1,354.10万元");
  g_value_unset (&gv);

  copy = pbs_value_copy (v);
  pbs_value_free (v);
  CU_ASSERT_PTR_NOT_NULL_FATAL (copy);
  CU_ASSERT_STRING_EQUAL (pbs_value_get_text (copy), "≥1,354.10万元");
  CU_ASSERT_EQUAL (pbs_value_get_kind (copy), PBS_VALUE_QUANTITY);
  CU_ASSERT_EQUAL (pbs_value_get_operator (copy), PBS_OP_GE);
  CU_ASSERT_TRUE_FATAL (pbs_value_get_number (copy, &n));
  PBS_ASSERT_DECIMAL (&n, "1354.10");
  CU_ASSERT_STRING_EQUAL (pbs_value_get_unit (copy), "万元");
}

/* STYLE (public API 7): a copied range keeps both bounds, a copied date its
 * day */
static void
test_copy_range_and_date (void)
{
  g_autoptr(PbsValue) range = parse_ok ("3~5天");
  g_autoptr(PbsValue) date = parse_ok ("2023年12月31日前");
  g_autoptr(PbsValue) range_copy = NULL;
  g_autoptr(PbsValue) date_copy = NULL;
  PbsDecimal lo, hi;
  guint y = 0, m = 0, d = 0;

  CU_ASSERT_PTR_NOT_NULL_FATAL (range);
  CU_ASSERT_PTR_NOT_NULL_FATAL (date);
  range_copy = pbs_value_copy (range);
  date_copy = pbs_value_copy (date);
  g_clear_pointer (&range, pbs_value_free);
  g_clear_pointer (&date, pbs_value_free);

  CU_ASSERT_EQUAL (pbs_value_get_kind (range_copy), PBS_VALUE_RANGE);
  CU_ASSERT_TRUE_FATAL (pbs_value_get_number (range_copy, &lo));
  CU_ASSERT_TRUE_FATAL (pbs_value_get_high (range_copy, &hi));
  PBS_ASSERT_DECIMAL (&lo, "3");
  PBS_ASSERT_DECIMAL (&hi, "5");
  CU_ASSERT_STRING_EQUAL (pbs_value_get_unit (range_copy), "天");

  CU_ASSERT_EQUAL (pbs_value_get_kind (date_copy), PBS_VALUE_DATE);
  CU_ASSERT_EQUAL (pbs_value_get_operator (date_copy), PBS_OP_LE);
  CU_ASSERT_TRUE (pbs_value_get_date (date_copy, &y, &m, &d));
  CU_ASSERT_EQUAL (y, 2023);
  CU_ASSERT_EQUAL (m, 12);
  CU_ASSERT_EQUAL (d, 31);
}

static const PbsTestCase cases[] = {
  { "operator_ge", test_operator_ge },
  { "operator_gt", test_operator_gt },
  { "operator_eq", test_operator_eq },
  { "operator_le", test_operator_le },
  { "operator_lt", test_operator_lt },
  { "white_space", test_white_space },
  { "units", test_units },
  { "percent_forms", test_percent_forms },
  { "number_forms", test_number_forms },
  { "actual_with_sign", test_actual_with_sign },
  { "quantity_has_no_date", test_quantity_has_no_date },
  { "boolean", test_boolean },
  { "dates", test_dates },
  { "ranges", test_ranges },
  { "qualitative", test_qualitative },
  { "errors", test_errors },
  { "error_null_gerror", test_error_null_gerror },
  { "band", test_band },
  { "band_equal_to_target", test_band_equal_to_target },
  { "operator_get_sign", test_operator_get_sign },
  { "boxed_copy", test_boxed_copy },
  { "copy_range_and_date", test_copy_range_and_date },
  { NULL, NULL },
};

int
main (void)
{
  return pbs_test_run ("value", cases);
}
