/* fuzz-value.c - libFuzzer target: targets, actuals and plain numbers
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The fuzzer's bytes, up to the first NUL, are parsed as a target or
 * actual (pbs_value_parse) and as a plain number (pbs_decimal_parse).
 * A parse either fails with a PBS_VALUE_ERROR whose message is UTF-8, or
 * gives a value that keeps doc/values.md's invariants:
 *
 *  - the text is the input, byte for byte, and the unit is never NULL;
 *  - quantities and ranges have a number, a range's bounds are in order,
 *    a date's month is 1–12 and its day 0 or a day of that month;
 *  - a copy is the same value, and an actual whose words are its target's
 *    is in band 达成;
 *  - a plain number prints as text that parses back to the same number
 *    with the same scale.
 *
 * A broken invariant abort()s, which libFuzzer reports as a crash with
 * the input that caused it. Build and run: doc/fuzzing.md.
 */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <pbscore/pbscore.h>

#define FUZZ_NAME "fuzz-value"
#include "fuzz-common.h"

static void
check_value (const PbsValue *v, const char *text)
{
  g_autoptr (PbsValue) copy = NULL;
  PbsDecimal lo, hi;
  guint year, month, day;
  gboolean has_number, has_high, has_date;

  if (strcmp (pbs_value_get_text (v), text) != 0)
    broken_promise ("the value's text is not its input", NULL, text);
  if (pbs_value_get_unit (v) == NULL)
    broken_promise ("a NULL unit", NULL, text);
  if (pbs_operator_get_sign (pbs_value_get_operator (v)) == NULL)
    broken_promise ("an operator with no name", NULL, text);

  has_number = pbs_value_get_number (v, &lo);
  has_high = pbs_value_get_high (v, &hi);
  has_date = pbs_value_get_date (v, &year, &month, &day);
  switch (pbs_value_get_kind (v))
    {
    case PBS_VALUE_QUANTITY:
      if (!has_number || has_high || has_date)
        broken_promise ("a quantity without a number alone", NULL, text);
      break;
    case PBS_VALUE_RANGE:
      if (!has_number || !has_high || has_date)
        broken_promise ("a range without two bounds", NULL, text);
      if (pbs_decimal_compare (&lo, &hi) > 0)
        broken_promise ("a range whose low bound is above its high bound", NULL, text);
      break;
    case PBS_VALUE_DATE:
      if (has_number || has_high || !has_date)
        broken_promise ("a date that is not only a date", NULL, text);
      if (month < 1 || month > 12
          || (day != 0 && (year < 1 || year > G_MAXUINT16
                           || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month,
                                                 (GDateYear) year))))
        broken_promise ("a date that does not exist", NULL, text);
      break;
    case PBS_VALUE_QUALITATIVE:
    case PBS_VALUE_BOOLEAN:
      if (has_number || has_high || has_date)
        broken_promise ("words with a number or a date", NULL, text);
      break;
    default:
      broken_promise ("an unknown kind", NULL, text);
    }

  copy = pbs_value_copy (v);
  if (strcmp (pbs_value_get_text (copy), text) != 0
      || strcmp (pbs_value_get_unit (copy), pbs_value_get_unit (v)) != 0
      || pbs_value_get_kind (copy) != pbs_value_get_kind (v)
      || pbs_value_get_operator (copy) != pbs_value_get_operator (v))
    broken_promise ("a copy differs from its original", NULL, text);

  /* get_band () must not crash on any value; one whose words are its
   * target's own is 达成 (rule book §10). */
  (void) pbs_value_get_band (v, NULL);
  if (pbs_value_get_band (v, copy) != PBS_BAND_MET)
    broken_promise ("an actual equal to its target is not 达成", NULL, text);
}

static void
check_decimal (const char *text)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *printed = NULL;
  PbsDecimal d, again;

  if (!pbs_decimal_parse (text, &d, &error))
    {
      check_error (error, "a failed parse without an error", text, PBS_VALUE_ERROR, 0);
      return;
    }
  if (error != NULL)
    broken_promise ("a parsed number and an error", error, text);
  if (d.scale < 0 || d.scale > PBS_DECIMAL_MAX_SCALE)
    broken_promise ("a scale out of range", NULL, text);
  printed = pbs_decimal_to_string (&d);
  if (!pbs_decimal_parse (printed, &again, &error))
    broken_promise ("a printed number does not parse back", error, printed);
  if (again.value != d.value || again.scale != d.scale)
    broken_promise ("a printed number parses back to another", NULL, text);
}

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  (void) argc;
  (void) argv;
  /* A g_return_if_fail () inside the library is a library bug, whatever
   * the input: make it a crash rather than a line on stderr. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  g_type_ensure (PBS_TYPE_VALUE);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  /* The parsers take C strings: the input up to its first NUL. */
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr (GError) error = NULL;
  g_autoptr (PbsValue) value = NULL;

  value = pbs_value_parse (text, &error);
  if (value == NULL)
    check_error (error, "a failed parse without an error", text, PBS_VALUE_ERROR, 0);
  else if (error != NULL)
    broken_promise ("a parsed value and an error", error, text);
  else
    check_value (value, text);

  check_decimal (text);
  return 0;
}
