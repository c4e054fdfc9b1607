/* test-decimal.c - PbsDecimal: parsing, printing, rounding, arithmetic
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Scores are money-like decimals (rule book §5): these tests pin the exact
 * digits, the kept scale and every rounding mode, so that a binary-float
 * shortcut or a double rounding shows up as a wrong digit.
 */
#include "pbs-test.h"

static const char *
mode_name (PbsRoundingMode mode)
{
  switch (mode)
    {
    case PBS_ROUNDING_HALF_UP:
      return "half_up";
    case PBS_ROUNDING_TRUNCATE:
      return "truncate";
    case PBS_ROUNDING_FLOOR:
      return "floor";
    }
  return "?";
}

static PbsDecimal
dec_of (gint64 value, gint scale)
{
  PbsDecimal d;

  pbs_decimal_init (&d, value, scale);
  return d;
}

/* ------------------------------------------------------------------ init */

/* rule book §2: 1,354.10 is the coefficient 135410 at scale 2 */
static void
test_init_fields (void)
{
  PbsDecimal d;

  pbs_decimal_init (&d, 135410, 2);
  CU_ASSERT_EQUAL (d.value, 135410);
  CU_ASSERT_EQUAL (d.scale, 2);

  pbs_decimal_init (&d, -7, 0);
  CU_ASSERT_EQUAL (d.value, -7);
  CU_ASSERT_EQUAL (d.scale, 0);

  pbs_decimal_init (&d, 1, PBS_DECIMAL_MAX_SCALE);
  CU_ASSERT_EQUAL (d.value, 1);
  CU_ASSERT_EQUAL (d.scale, 18);
}

/* ------------------------------------------------------------- to_string */

/* rule book §5: a decimal prints exactly `scale` decimals, canonically */
static void
test_to_string (void)
{
  static const struct {
    gint64      value;
    gint        scale;
    const char *text;
  } cases[] = {
    { 135410, 2, "1354.10" },
    { -50, 2, "-0.50" },
    { 10, 0, "10" },
    { -10, 0, "-10" },
    { 0, 0, "0" },
    { 0, 2, "0.00" },
    { 5, 3, "0.005" },
    { -5, 3, "-0.005" },
    { 250, 2, "2.50" },
    { 100, 2, "1.00" },
    { 1, 18, "0.000000000000000001" },
    { -123456789012345678, 18, "-0.123456789012345678" },
    { G_MAXINT64, 0, "9223372036854775807" },
    { G_MININT64, 0, "-9223372036854775808" },
    { G_MAXINT64, 18, "9.223372036854775807" },
    { G_MININT64, 18, "-9.223372036854775808" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      PbsDecimal d = dec_of (cases[i].value, cases[i].scale);
      CHECK_DECIMAL (&d, cases[i].text, cases[i].text);
    }
}

/* ----------------------------------------------------------------- parse */

/* rule book §2: signs, thousands separators, kept scale, trimmed white
 * space and full-width digits (０-９) are all read */
static void
test_parse_valid (void)
{
  static const struct {
    const char *text;
    gint64      value;
    gint        scale;
    const char *canonical;
  } cases[] = {
    { "1354.10", 135410, 2, "1354.10" },
    { "1,354.10", 135410, 2, "1354.10" },
    { "1,000,000", 1000000, 0, "1000000" },
    { "12,345,678.9", 123456789, 1, "12345678.9" },
    { "2.50", 250, 2, "2.50" },
    { "2.5", 25, 1, "2.5" },
    { "10", 10, 0, "10" },
    { "0", 0, 0, "0" },
    { "-0.5", -5, 1, "-0.5" },
    { "-0.50", -50, 2, "-0.50" },
    { "-1,354.10", -135410, 2, "-1354.10" },
    { "+3", 3, 0, "3" },
    { "+0.25", 25, 2, "0.25" },
    { "-0.00", 0, 2, "0.00" },
    { "  7.25 ", 725, 2, "7.25" },
    { "\t42\n", 42, 0, "42" },
    { "　12　", 12, 0, "12" },
    { "１２３", 123, 0, "123" },
    { "１２.５０", 1250, 2, "12.50" },
    { "９５", 95, 0, "95" },
    { "123456789012345678", 123456789012345678, 0, "123456789012345678" },
    { "12345678901234567.8", 123456789012345678, 1, "12345678901234567.8" },
    { "0.000000000000000001", 1, 18, "0.000000000000000001" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      PbsDecimal d = { 0 };
      gboolean ok = pbs_decimal_parse (cases[i].text, &d, &error);

      CHECK (ok, cases[i].text);
      CHECK (error == NULL, cases[i].text);
      if (!ok)
        {
          fprintf (stderr, "  error: %s\n", error ? error->message : "(none)");
          continue;
        }
      CHECK (d.value == cases[i].value, cases[i].text);
      CHECK (d.scale == cases[i].scale, cases[i].text);
      CHECK_DECIMAL (&d, cases[i].canonical, cases[i].text);
    }
}

/* rule book §2: parse and print are inverse on canonical text */
static void
test_parse_round_trip (void)
{
  static const char *texts[] = {
    "1354.10", "-0.50", "10", "0.005", "2.50", "-7", "99.94",
    "0.000000000000000001",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      PbsDecimal d = pbs_test_dec (texts[i]);
      CHECK_DECIMAL (&d, texts[i], texts[i]);
    }
}

/* Every text pbs_decimal_parse () refuses, with its PBS_VALUE_ERROR code:
 * adding a case is adding a line. */
static const struct {
  const char *text;
  int         code;
} parse_errors[] = {
  /* rule book §2: empty or blank text is its own error, not a malformed
   * number */
  { "", PBS_VALUE_ERROR_EMPTY },
  { " ", PBS_VALUE_ERROR_EMPTY },
  { "   \t\n", PBS_VALUE_ERROR_EMPTY },
  { "　", PBS_VALUE_ERROR_EMPTY },
  /* rule book §2: thousands separators only in groups of three, one decimal
   * point, no letters or stray characters */
  { "abc", PBS_VALUE_ERROR_NUMBER },
  { "12a", PBS_VALUE_ERROR_NUMBER },
  { "a12", PBS_VALUE_ERROR_NUMBER },
  { "1,35,4", PBS_VALUE_ERROR_NUMBER },
  { "12,34", PBS_VALUE_ERROR_NUMBER },
  { "1,2345", PBS_VALUE_ERROR_NUMBER },
  { "1,23,456", PBS_VALUE_ERROR_NUMBER }, /* a short group in the middle */
  { "1,2345,678", PBS_VALUE_ERROR_NUMBER },
  { ",123", PBS_VALUE_ERROR_NUMBER },
  { "123,", PBS_VALUE_ERROR_NUMBER },
  { "1,354.1,0", PBS_VALUE_ERROR_NUMBER },
  { "1..5", PBS_VALUE_ERROR_NUMBER },
  { "1.2.3", PBS_VALUE_ERROR_NUMBER },
  { "--1", PBS_VALUE_ERROR_NUMBER },
  { "+-1", PBS_VALUE_ERROR_NUMBER },
  { "1-", PBS_VALUE_ERROR_NUMBER },
  { "1 000", PBS_VALUE_ERROR_NUMBER },
  { "1e5", PBS_VALUE_ERROR_NUMBER },
  { "0x10", PBS_VALUE_ERROR_NUMBER },
  { "95%", PBS_VALUE_ERROR_NUMBER },
  { "٣", PBS_VALUE_ERROR_NUMBER }, /* Arabic-Indic 3: only ASCII and full-width digits */
  { "१२", PBS_VALUE_ERROR_NUMBER }, /* Devanagari 12 */
  /* rule book §5: pbscore keeps at most 18 significant digits and 18
   * decimals exactly; more is an overflow, never a silent rounding */
  { "1234567890123456789", PBS_VALUE_ERROR_OVERFLOW }, /* 19 digits, still fits in int64 */
  { "9223372036854775807", PBS_VALUE_ERROR_OVERFLOW },
  { "99999999999999999999", PBS_VALUE_ERROR_OVERFLOW },
  { "-1234567890123456789", PBS_VALUE_ERROR_OVERFLOW },
  { "1,234,567,890,123,456,789", PBS_VALUE_ERROR_OVERFLOW },
  { "0.1234567890123456789", PBS_VALUE_ERROR_OVERFLOW }, /* 19 decimals */
  { "0.0000000000000000001", PBS_VALUE_ERROR_OVERFLOW }, /* 19 decimals, 1 significant */
  { "123456789.0123456789", PBS_VALUE_ERROR_OVERFLOW },
  /* rule book §2: bytes that are not UTF-8 are refused as such, and the
   * message stays valid UTF-8 */
  { "\xff" "1", PBS_VALUE_ERROR_INVALID_UTF8 },
  { "1.5\xc3", PBS_VALUE_ERROR_INVALID_UTF8 },
  { "\xe2\x89", PBS_VALUE_ERROR_INVALID_UTF8 },
};

/* Each case fails with its code and a valid UTF-8 message; a failure
 * names the case. */
static void
test_parse_errors (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (parse_errors); i++)
    {
      const char *text = parse_errors[i].text;
      g_autoptr(GError) error = NULL;
      PbsDecimal d;

      CHECK (!pbs_decimal_parse (text, &d, &error), text);
      if (CHECK_ERROR (error, PBS_VALUE_ERROR, parse_errors[i].code, text) && error != NULL)
        CHECK (g_utf8_validate (error->message, -1, NULL), text);
    }
}

/* GError convention (STYLE): a NULL error pointer is allowed and the
 * failure is still reported by the return value */
static void
test_parse_null_error (void)
{
  PbsDecimal d;

  CU_ASSERT_FALSE (pbs_decimal_parse ("x1", &d, NULL));
  CU_ASSERT_FALSE (pbs_decimal_parse ("", &d, NULL));
  CU_ASSERT_TRUE (pbs_decimal_parse ("1.5", &d, NULL));
  PBS_ASSERT_DECIMAL (&d, "1.5");
}

/* ----------------------------------------------------------------- round */

typedef struct {
  const char      *in;
  guint            digits;
  PbsRoundingMode  mode;
  const char      *out;
} RoundCase;

/* rule book §5: half_up ties away from zero, truncate toward zero, floor
 * toward −∞; 2.675 → 2.68 (no binary-float artefact) */
static void
test_round_modes (void)
{
  static const RoundCase cases[] = {
    { "2.675", 2, PBS_ROUNDING_HALF_UP, "2.68" },
    { "2.665", 2, PBS_ROUNDING_HALF_UP, "2.67" },
    { "-2.675", 2, PBS_ROUNDING_HALF_UP, "-2.68" },
    { "2.674999", 2, PBS_ROUNDING_HALF_UP, "2.67" },
    { "-2.674999", 2, PBS_ROUNDING_HALF_UP, "-2.67" },
    { "1.005", 2, PBS_ROUNDING_HALF_UP, "1.01" },
    { "0.125", 2, PBS_ROUNDING_HALF_UP, "0.13" },
    { "2.5", 0, PBS_ROUNDING_HALF_UP, "3" },
    { "-2.5", 0, PBS_ROUNDING_HALF_UP, "-3" },
    { "0.5", 0, PBS_ROUNDING_HALF_UP, "1" },
    { "0.49", 0, PBS_ROUNDING_HALF_UP, "0" },
    { "9.995", 2, PBS_ROUNDING_HALF_UP, "10.00" },
    { "99.5", 0, PBS_ROUNDING_HALF_UP, "100" },
    { "-0.005", 2, PBS_ROUNDING_HALF_UP, "-0.01" },
    { "-0.004", 2, PBS_ROUNDING_HALF_UP, "0.00" },
    { "1.23456789", 4, PBS_ROUNDING_HALF_UP, "1.2346" },
    { "2.679", 2, PBS_ROUNDING_TRUNCATE, "2.67" },
    { "-2.679", 2, PBS_ROUNDING_TRUNCATE, "-2.67" },
    { "2.999", 0, PBS_ROUNDING_TRUNCATE, "2" },
    { "-0.5", 0, PBS_ROUNDING_TRUNCATE, "0" },
    { "96.789", 1, PBS_ROUNDING_TRUNCATE, "96.7" },
    { "-2.671", 2, PBS_ROUNDING_FLOOR, "-2.68" },
    { "2.679", 2, PBS_ROUNDING_FLOOR, "2.67" },
    { "-2.67", 2, PBS_ROUNDING_FLOOR, "-2.67" },
    { "-0.001", 2, PBS_ROUNDING_FLOOR, "-0.01" },
    { "0.009", 2, PBS_ROUNDING_FLOOR, "0.00" },
    { "-2.5", 0, PBS_ROUNDING_FLOOR, "-3" },
    { "89.99", 0, PBS_ROUNDING_FLOOR, "89" },
    { "0.000000000000000001", 17, PBS_ROUNDING_FLOOR, "0.00000000000000000" },
    { "-0.000000000000000001", 17, PBS_ROUNDING_FLOOR, "-0.00000000000000001" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const RoundCase *c = &cases[i];
      PbsDecimal in = pbs_test_dec (c->in);
      PbsDecimal out = { 0 };
      g_autofree char *ctx = g_strdup_printf ("round(%s, %u, %s)", c->in,
                                              c->digits, mode_name (c->mode));

      CHECK (pbs_decimal_round (&in, c->digits, c->mode, &out), ctx);
      CHECK (out.scale == (gint32) c->digits, ctx);
      CHECK_DECIMAL (&out, c->out, ctx);
    }
}

/* rule book §5: rounding to more digits than the value has pads with
 * zeros, in every mode, and never changes the number */
static void
test_round_pads (void)
{
  static const RoundCase cases[] = {
    { "2.5", 2, PBS_ROUNDING_HALF_UP, "2.50" },
    { "2.5", 2, PBS_ROUNDING_TRUNCATE, "2.50" },
    { "-2.5", 2, PBS_ROUNDING_FLOOR, "-2.50" },
    { "123", 2, PBS_ROUNDING_TRUNCATE, "123.00" },
    { "7", 0, PBS_ROUNDING_HALF_UP, "7" },
    { "-1354.10", 4, PBS_ROUNDING_HALF_UP, "-1354.1000" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const RoundCase *c = &cases[i];
      PbsDecimal in = pbs_test_dec (c->in);
      PbsDecimal out = { 0 };
      g_autofree char *ctx = g_strdup_printf ("round(%s, %u, %s)", c->in,
                                              c->digits, mode_name (c->mode));

      CHECK (pbs_decimal_round (&in, c->digits, c->mode, &out), ctx);
      CHECK (out.scale == (gint32) c->digits, ctx);
      CHECK_DECIMAL (&out, c->out, ctx);
      CHECK (pbs_decimal_compare (&in, &out) == 0, ctx);
    }
}

/* rule book §5: the largest coefficients round without overflow */
static void
test_round_extremes (void)
{
  PbsDecimal big = dec_of (G_MAXINT64, 18);
  PbsDecimal small = dec_of (G_MININT64, 18);
  PbsDecimal out;

  CU_ASSERT_TRUE (pbs_decimal_round (&big, 0, PBS_ROUNDING_HALF_UP, &out));
  PBS_ASSERT_DECIMAL (&out, "9");
  CU_ASSERT_TRUE (pbs_decimal_round (&big, 2, PBS_ROUNDING_HALF_UP, &out));
  PBS_ASSERT_DECIMAL (&out, "9.22");
  CU_ASSERT_TRUE (pbs_decimal_round (&small, 2, PBS_ROUNDING_FLOOR, &out));
  PBS_ASSERT_DECIMAL (&out, "-9.23");
  CU_ASSERT_TRUE (pbs_decimal_round (&small, 2, PBS_ROUNDING_TRUNCATE, &out));
  PBS_ASSERT_DECIMAL (&out, "-9.22");

  /* rounding an integer to 0 digits changes nothing, even at the ends of
   * the coefficient's range */
  big = dec_of (G_MAXINT64, 0);
  small = dec_of (G_MININT64, 0);
  CU_ASSERT_TRUE (pbs_decimal_round (&big, 0, PBS_ROUNDING_HALF_UP, &out));
  PBS_ASSERT_DECIMAL (&out, "9223372036854775807");
  CU_ASSERT_TRUE (pbs_decimal_round (&small, 0, PBS_ROUNDING_FLOOR, &out));
  PBS_ASSERT_DECIMAL (&out, "-9223372036854775808");
}

/* ---------------------------------------------------------------- format */

/* rule book §5: format is the rounded text with exactly `digits` decimals */
static void
test_format (void)
{
  static const RoundCase cases[] = {
    { "2.675", 2, PBS_ROUNDING_HALF_UP, "2.68" },
    { "2.5", 2, PBS_ROUNDING_HALF_UP, "2.50" },
    { "-2.679", 2, PBS_ROUNDING_TRUNCATE, "-2.67" },
    { "-2.671", 2, PBS_ROUNDING_FLOOR, "-2.68" },
    { "1354.10", 0, PBS_ROUNDING_FLOOR, "1354" },
    { "-0.4", 0, PBS_ROUNDING_HALF_UP, "0" },
    { "99.945", 2, PBS_ROUNDING_HALF_UP, "99.95" },
    { "7", 1, PBS_ROUNDING_TRUNCATE, "7.0" },
    { "6.666666", 2, PBS_ROUNDING_HALF_UP, "6.67" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const RoundCase *c = &cases[i];
      PbsDecimal in = pbs_test_dec (c->in);
      g_autofree char *text = pbs_decimal_format (&in, c->digits, c->mode);
      g_autofree char *ctx = g_strdup_printf ("format(%s, %u, %s)", c->in,
                                              c->digits, mode_name (c->mode));

      CHECK (text != NULL, ctx);
      if (text == NULL)
        continue;
      CHECK (strcmp (text, c->out) == 0, ctx);
      if (strcmp (text, c->out) != 0)
        fprintf (stderr, "  got %s, expected %s\n", text, c->out);
    }
}

/* ------------------------------------------------------------ add / sub */

typedef struct {
  const char *a;
  const char *b;
  const char *out;
  gint        scale;
} BinCase;

/* OP (a, b) gives out, exactly at scale, for each case. */
static void
check_bin_cases (const BinCase *cases, gsize n,
                 gboolean (*op) (const PbsDecimal *, const PbsDecimal *, PbsDecimal *),
                 const char *sign)
{
  for (gsize i = 0; i < n; i++)
    {
      const BinCase *c = &cases[i];
      PbsDecimal a = pbs_test_dec (c->a), b = pbs_test_dec (c->b);
      PbsDecimal out = { 0 };
      g_autofree char *ctx = g_strdup_printf ("%s %s %s", c->a, sign, c->b);

      CHECK (op (&a, &b, &out), ctx);
      CHECK (out.scale == c->scale, ctx);
      CHECK_DECIMAL (&out, c->out, ctx);
    }
}

/* rule book §5: sums are exact, at the larger of the two scales */
static void
test_add (void)
{
  static const BinCase cases[] = {
    { "0.1", "0.2", "0.3", 1 },
    { "1.5", "2.25", "3.75", 2 },
    { "10", "0.01", "10.01", 2 },
    { "1.00", "-2.5", "-1.50", 2 },
    { "-0.5", "0.5", "0.0", 1 },
    { "9.99", "0.01", "10.00", 2 },
    { "1354.10", "-1354.1", "0.00", 2 },
    { "0.000000000000000001", "1", "1.000000000000000001", 18 },
  };

  check_bin_cases (cases, G_N_ELEMENTS (cases), pbs_decimal_add, "+");
}

/* rule book §5: 0.1 + 0.2 is exactly 0.3 and equals 0.30 */
static void
test_add_no_float_artefact (void)
{
  PbsDecimal a = pbs_test_dec ("0.1"), b = pbs_test_dec ("0.2");
  PbsDecimal sum, expected = pbs_test_dec ("0.30");

  CU_ASSERT_TRUE_FATAL (pbs_decimal_add (&a, &b, &sum));
  PBS_ASSERT_DECIMAL (&sum, "0.3");
  CU_ASSERT_EQUAL (sum.scale, 1);
  CU_ASSERT_TRUE (pbs_decimal_equal (&sum, &expected));
  CU_ASSERT_EQUAL (pbs_decimal_compare (&sum, &expected), 0);
}

/* rule book §5: differences are exact, at the larger of the two scales */
static void
test_sub (void)
{
  static const BinCase cases[] = {
    { "5", "7.25", "-2.25", 2 },
    { "0.3", "0.1", "0.2", 1 },
    { "100", "99.94", "0.06", 2 },
    { "-1", "-1.000", "0.000", 3 },
    { "-0.5", "0.25", "-0.75", 2 },
    { "1354.10", "0.1", "1354.00", 2 },
  };

  check_bin_cases (cases, G_N_ELEMENTS (cases), pbs_decimal_sub, "-");
}

/* rule book §5: an exact sum that does not fit is refused, not wrapped */
static void
test_add_sub_overflow (void)
{
  PbsDecimal max = dec_of (G_MAXINT64, 0);
  PbsDecimal min = dec_of (G_MININT64, 0);
  PbsDecimal one = dec_of (1, 0);
  PbsDecimal big = dec_of (900000000000000000, 0);
  PbsDecimal cent = pbs_test_dec ("0.01");
  PbsDecimal out;

  CU_ASSERT_FALSE (pbs_decimal_add (&max, &one, &out));
  CU_ASSERT_FALSE (pbs_decimal_sub (&min, &one, &out));
  CU_ASSERT_FALSE (pbs_decimal_sub (&one, &min, &out));
  /* 900000000000000000.01 needs 20 digits at scale 2 */
  CU_ASSERT_FALSE (pbs_decimal_add (&big, &cent, &out));
  CU_ASSERT_FALSE (pbs_decimal_sub (&big, &cent, &out));

  /* at the edge it still works */
  CU_ASSERT_TRUE (pbs_decimal_sub (&max, &one, &out));
  PBS_ASSERT_DECIMAL (&out, "9223372036854775806");
  CU_ASSERT_TRUE (pbs_decimal_add (&min, &one, &out));
  PBS_ASSERT_DECIMAL (&out, "-9223372036854775807");
}

/* ------------------------------------------------------------------- mul */

/* rule book §5: products are exact, at the sum of the scales */
static void
test_mul (void)
{
  static const BinCase cases[] = {
    { "1.5", "2.25", "3.375", 3 },
    { "-0.5", "0.5", "-0.25", 2 },
    { "10", "0.80", "8.00", 2 },
    { "-3", "-4", "12", 0 },
    { "0", "-2.5", "0.0", 1 },
    { "1354.10", "0.01", "13.5410", 4 },
    { "20", "0.9994", "19.9880", 4 },
  };

  check_bin_cases (cases, G_N_ELEMENTS (cases), pbs_decimal_mul, "*");
}

/* rule book §5: a product beyond int64 is refused (9e17 × 100) */
static void
test_mul_overflow (void)
{
  PbsDecimal big = dec_of (900000000000000000, 0);
  PbsDecimal hundred = dec_of (100, 0);
  PbsDecimal max = dec_of (G_MAXINT64, 0);
  PbsDecimal minus_one = dec_of (-1, 0);
  PbsDecimal two = dec_of (2, 0);
  PbsDecimal min = dec_of (G_MININT64, 0);
  PbsDecimal out;

  CU_ASSERT_FALSE (pbs_decimal_mul (&big, &hundred, &out));
  CU_ASSERT_FALSE (pbs_decimal_mul (&hundred, &big, &out));
  CU_ASSERT_FALSE (pbs_decimal_mul (&max, &two, &out));
  CU_ASSERT_FALSE (pbs_decimal_mul (&min, &minus_one, &out));

  CU_ASSERT_TRUE (pbs_decimal_mul (&max, &minus_one, &out));
  PBS_ASSERT_DECIMAL (&out, "-9223372036854775807");
}

/* ------------------------------------------------------------------- div */

typedef struct {
  const char      *a;
  const char      *b;
  guint            digits;
  PbsRoundingMode  mode;
  const char      *out;
} DivCase;

/* rule book §4, §5: the quotient is exact and rounded once, in the named
 * mode (≤3天, w = 10, a = 4.5: w·t/a = 30 / 4.5 = 6.67) */
static void
test_div (void)
{
  static const DivCase cases[] = {
    { "30", "4.5", 2, PBS_ROUNDING_HALF_UP, "6.67" },
    { "2", "3", 4, PBS_ROUNDING_TRUNCATE, "0.6666" },
    { "2", "3", 4, PBS_ROUNDING_HALF_UP, "0.6667" },
    { "2", "3", 4, PBS_ROUNDING_FLOOR, "0.6666" },
    { "-2", "3", 4, PBS_ROUNDING_TRUNCATE, "-0.6666" },
    { "-2", "3", 4, PBS_ROUNDING_HALF_UP, "-0.6667" },
    { "-1", "3", 2, PBS_ROUNDING_FLOOR, "-0.34" },
    { "1", "-3", 2, PBS_ROUNDING_FLOOR, "-0.34" },
    { "-1", "-3", 2, PBS_ROUNDING_FLOOR, "0.33" },
    { "1", "8", 2, PBS_ROUNDING_HALF_UP, "0.13" },
    { "-1", "8", 2, PBS_ROUNDING_HALF_UP, "-0.13" },
    { "1", "8", 2, PBS_ROUNDING_TRUNCATE, "0.12" },
    { "10", "4", 0, PBS_ROUNDING_HALF_UP, "3" },
    { "9", "3", 2, PBS_ROUNDING_HALF_UP, "3.00" },
    { "1", "3", 0, PBS_ROUNDING_FLOOR, "0" },
    { "0.05", "0.1", 1, PBS_ROUNDING_HALF_UP, "0.5" },
    { "1.23456", "1", 2, PBS_ROUNDING_HALF_UP, "1.23" },
    { "0.125", "1", 2, PBS_ROUNDING_HALF_UP, "0.13" },
    { "960", "100", 2, PBS_ROUNDING_HALF_UP, "9.60" },
    { "999.4", "1000", 4, PBS_ROUNDING_HALF_UP, "0.9994" },
    { "1354.10", "1354.10", 4, PBS_ROUNDING_HALF_UP, "1.0000" },
    { "0", "7", 2, PBS_ROUNDING_FLOOR, "0.00" },
    { "1", "3", 18, PBS_ROUNDING_TRUNCATE, "0.333333333333333333" },
    { "10", "3", 18, PBS_ROUNDING_TRUNCATE, "3.333333333333333333" },
    { "10", "3", 17, PBS_ROUNDING_HALF_UP, "3.33333333333333333" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const DivCase *c = &cases[i];
      PbsDecimal a = pbs_test_dec (c->a), b = pbs_test_dec (c->b);
      PbsDecimal out = { 0 };
      g_autofree char *ctx = g_strdup_printf ("div(%s, %s, %u, %s)", c->a, c->b,
                                              c->digits, mode_name (c->mode));

      CHECK (pbs_decimal_div (&a, &b, c->digits, c->mode, &out), ctx);
      CHECK (out.scale == (gint32) c->digits, ctx);
      CHECK_DECIMAL (&out, c->out, ctx);
    }
}

/* rule book §5: one rounding point: 0.12499 must not become 0.125 and then
 * 0.13 */
static void
test_div_rounds_once (void)
{
  PbsDecimal a = dec_of (12499, 0), b = dec_of (100000, 0);
  PbsDecimal c = dec_of (1, 0), d = pbs_test_dec ("8.0001");
  PbsDecimal out;

  CU_ASSERT_TRUE_FATAL (pbs_decimal_div (&a, &b, 2, PBS_ROUNDING_HALF_UP, &out));
  PBS_ASSERT_DECIMAL (&out, "0.12");
  /* 1 / 8.0001 = 0.124998437... */
  CU_ASSERT_TRUE_FATAL (pbs_decimal_div (&c, &d, 2, PBS_ROUNDING_HALF_UP, &out));
  PBS_ASSERT_DECIMAL (&out, "0.12");
  CU_ASSERT_TRUE_FATAL (pbs_decimal_div (&c, &d, 5, PBS_ROUNDING_HALF_UP, &out));
  PBS_ASSERT_DECIMAL (&out, "0.12500");
}

/* rule book §3 (budget.zero): dividing by zero is refused, never "by 1" */
static void
test_div_by_zero (void)
{
  PbsDecimal one = dec_of (1, 0);
  PbsDecimal zero = dec_of (0, 0);
  PbsDecimal zero2 = pbs_test_dec ("0.00");
  PbsDecimal out;

  CU_ASSERT_FALSE (pbs_decimal_div (&one, &zero, 2, PBS_ROUNDING_HALF_UP, &out));
  CU_ASSERT_FALSE (pbs_decimal_div (&one, &zero2, 4, PBS_ROUNDING_TRUNCATE, &out));
  CU_ASSERT_FALSE (pbs_decimal_div (&zero, &zero, 0, PBS_ROUNDING_FLOOR, &out));
}

/* rule book §5: a quotient that cannot be held exactly at `digits` is
 * refused rather than wrapped */
static void
test_div_overflow (void)
{
  PbsDecimal big = dec_of (900000000000000000, 0);
  PbsDecimal milli = pbs_test_dec ("0.001");
  PbsDecimal out;

  CU_ASSERT_FALSE (pbs_decimal_div (&big, &milli, 2, PBS_ROUNDING_HALF_UP, &out));
}

/* ------------------------------------------------------ compare / equal */

/* rule book §5: comparison is by number, across scales */
static void
test_compare (void)
{
  static const struct {
    const char *a;
    const char *b;
    int         sign;
  } cases[] = {
    { "2.5", "2.50", 0 },
    { "2.5", "2.49", 1 },
    { "2.49", "2.5", -1 },
    { "-1", "0.5", -1 },
    { "10", "9.999", 1 },
    { "-0.5", "-0.50", 0 },
    { "-0.5", "-0.49", -1 },
    { "0", "0.000", 0 },
    { "-0.001", "0", -1 },
    { "100", "99.99999999", 1 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      PbsDecimal a = pbs_test_dec (cases[i].a), b = pbs_test_dec (cases[i].b);
      int ab = pbs_decimal_compare (&a, &b);
      int ba = pbs_decimal_compare (&b, &a);
      g_autofree char *ctx = g_strdup_printf ("compare(%s, %s)", cases[i].a,
                                              cases[i].b);

      CHECK ((ab > 0) - (ab < 0) == cases[i].sign, ctx);
      CHECK ((ba > 0) - (ba < 0) == -cases[i].sign, ctx);
      CHECK (pbs_decimal_equal (&a, &b) == (cases[i].sign == 0), ctx);
    }
}

/* rule book §5: comparing across very different scales must not overflow
 * while aligning them */
static void
test_compare_extremes (void)
{
  PbsDecimal huge = dec_of (900000000000000000, 0);
  PbsDecimal half = dec_of (5, 1);
  PbsDecimal max0 = dec_of (G_MAXINT64, 0);
  PbsDecimal max18 = dec_of (G_MAXINT64, 18);
  PbsDecimal min0 = dec_of (G_MININT64, 0);
  PbsDecimal tiny = dec_of (-1, 18);

  CU_ASSERT_TRUE (pbs_decimal_compare (&huge, &half) > 0);
  CU_ASSERT_TRUE (pbs_decimal_compare (&half, &huge) < 0);
  CU_ASSERT_TRUE (pbs_decimal_compare (&max0, &max18) > 0);
  CU_ASSERT_TRUE (pbs_decimal_compare (&max18, &max0) < 0);
  CU_ASSERT_TRUE (pbs_decimal_compare (&min0, &tiny) < 0);
  CU_ASSERT_TRUE (pbs_decimal_compare (&tiny, &min0) > 0);
  CU_ASSERT_FALSE (pbs_decimal_equal (&max0, &max18));
  CU_ASSERT_EQUAL (pbs_decimal_compare (&max18, &max18), 0);
}

/* rule book §5: 2.50 and 2.5 are equal but print differently */
static void
test_equal_keeps_scale (void)
{
  PbsDecimal a = pbs_test_dec ("2.5"), b = pbs_test_dec ("2.50");

  CU_ASSERT_TRUE (pbs_decimal_equal (&a, &b));
  CU_ASSERT_TRUE (pbs_decimal_equal (&b, &a));
  PBS_ASSERT_DECIMAL (&a, "2.5");
  PBS_ASSERT_DECIMAL (&b, "2.50");
}

/* rule book §10: status keys on the sign of a score: exactly −1, 0 or 1 */
static void
test_sign (void)
{
  PbsDecimal neg = dec_of (-500, 2);
  PbsDecimal tiny = dec_of (-1, 18);
  PbsDecimal zero = dec_of (0, 2);
  PbsDecimal pos = dec_of (3, 0);
  PbsDecimal max = dec_of (G_MAXINT64, 0);
  PbsDecimal min = dec_of (G_MININT64, 0);

  CU_ASSERT_EQUAL (pbs_decimal_sign (&neg), -1);
  CU_ASSERT_EQUAL (pbs_decimal_sign (&tiny), -1);
  CU_ASSERT_EQUAL (pbs_decimal_sign (&zero), 0);
  CU_ASSERT_EQUAL (pbs_decimal_sign (&pos), 1);
  CU_ASSERT_EQUAL (pbs_decimal_sign (&max), 1);
  CU_ASSERT_EQUAL (pbs_decimal_sign (&min), -1);
}

/* ------------------------------------------------------------- to_double */

/* to_double is for display and charts only: it approximates */
static void
test_to_double (void)
{
  PbsDecimal a = pbs_test_dec ("2.675");
  PbsDecimal b = pbs_test_dec ("-1354.10");
  PbsDecimal c = dec_of (1, 18);
  PbsDecimal d = dec_of (G_MAXINT64, 0);
  PbsDecimal e = dec_of (0, 5);

  CU_ASSERT_DOUBLE_EQUAL (pbs_decimal_to_double (&a), 2.675, 1e-12);
  CU_ASSERT_DOUBLE_EQUAL (pbs_decimal_to_double (&b), -1354.1, 1e-9);
  CU_ASSERT_DOUBLE_EQUAL (pbs_decimal_to_double (&c) * 1e18, 1.0, 1e-9);
  CU_ASSERT_DOUBLE_EQUAL (pbs_decimal_to_double (&d) / 9.223372036854775807e18,
                          1.0, 1e-12);
  CU_ASSERT_DOUBLE_EQUAL (pbs_decimal_to_double (&e), 0.0, 0.0);
}

/* ----------------------------------------------------------------- boxed */

/* STYLE (public API 7): PbsDecimal is a boxed GType that copies by value */
static void
test_boxed (void)
{
  PbsDecimal d = pbs_test_dec ("1,354.10");
  PbsDecimal *copy;
  g_autoptr(PbsDecimal) owned = NULL;
  GValue gv = G_VALUE_INIT;

  CU_ASSERT_TRUE (G_TYPE_IS_BOXED (PBS_TYPE_DECIMAL));
  CU_ASSERT_STRING_EQUAL (g_type_name (PBS_TYPE_DECIMAL), "PbsDecimal");

  copy = g_boxed_copy (PBS_TYPE_DECIMAL, &d);
  CU_ASSERT_PTR_NOT_NULL_FATAL (copy);
  CU_ASSERT_PTR_NOT_EQUAL (copy, &d);
  CU_ASSERT_EQUAL (copy->value, 135410);
  CU_ASSERT_EQUAL (copy->scale, 2);
  /* the copy is independent of the original */
  d.value = 1;
  CU_ASSERT_EQUAL (copy->value, 135410);
  g_boxed_free (PBS_TYPE_DECIMAL, copy);

  owned = pbs_decimal_copy (&d);
  CU_ASSERT_PTR_NOT_NULL_FATAL (owned);
  CU_ASSERT_EQUAL (owned->value, 1);
  CU_ASSERT_EQUAL (owned->scale, 2);
  PBS_ASSERT_DECIMAL (owned, "0.01");

  g_value_init (&gv, PBS_TYPE_DECIMAL);
  g_value_set_boxed (&gv, &d);
  CU_ASSERT_PTR_NOT_EQUAL (g_value_get_boxed (&gv), &d);
  CU_ASSERT_TRUE (pbs_decimal_equal (g_value_get_boxed (&gv), &d));
  g_value_unset (&gv);
}

static const PbsTestCase cases[] = {
  { "init_fields", test_init_fields },
  { "to_string", test_to_string },
  { "parse_valid", test_parse_valid },
  { "parse_round_trip", test_parse_round_trip },
  { "parse_errors", test_parse_errors },
  { "parse_null_error", test_parse_null_error },
  { "round_modes", test_round_modes },
  { "round_pads", test_round_pads },
  { "round_extremes", test_round_extremes },
  { "format", test_format },
  { "add", test_add },
  { "add_no_float_artefact", test_add_no_float_artefact },
  { "sub", test_sub },
  { "add_sub_overflow", test_add_sub_overflow },
  { "mul", test_mul },
  { "mul_overflow", test_mul_overflow },
  { "div", test_div },
  { "div_rounds_once", test_div_rounds_once },
  { "div_by_zero", test_div_by_zero },
  { "div_overflow", test_div_overflow },
  { "compare", test_compare },
  { "compare_extremes", test_compare_extremes },
  { "equal_keeps_scale", test_equal_keeps_scale },
  { "sign", test_sign },
  { "to_double", test_to_double },
  { "boxed", test_boxed },
  { NULL, NULL },
};

int
main (void)
{
  return pbs_test_run ("decimal", cases);
}
