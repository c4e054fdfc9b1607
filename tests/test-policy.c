/* test-policy.c - policy knobs and presets (doc/policy.md, rule book §8)
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "pbs-test.h"

/* doc/policy.md's table: every knob with its central value, as canonical
 * text, and a second valid value of the same knob. */
static const struct {
  const char *knob, *central, *other;
} knobs[] = {
  { "budget.points", "10", "20" },
  { "budget.cap", "true", "false" },
  { "budget.zero", "error", "score_zero" },
  { "budget.base", "annual", "initial" },
  { "budget.in_total", "true", "false" },
  { "budget.explain_below", "0.9", "0.85" },
  { "budget.yellow_below", "0.8", "0.7" },
  { "budget.red_gap", "0.05", "0.1" },
  { "equal.mode", "as_ge", "two_sided" },
  { "reverse.formula", "ratio", "relative_excess" },
  { "qualitative.defaults", "none", "middle" },
  { "qualitative.bands", "80/60", "80/50" },
  { "date.late", "0", "0.5" },
  { "over.threshold", "1.2", "1.3" },
  { "over.action", "flag", "deduct" },
  { "over.k", "1", "2" },
  { "rounding.mode", "half_up", "truncate" },
  { "rounding.digits", "2", "1" },
  { "weights.mismatch", "error", "rescale" },
  { "weights.total", "100", "110" },
  { "grades.excellent", "90", "95" },
  { "grades.good", "80", "85" },
  { "grades.fair", "60", "50" },
  { "audit.tolerance", "0.005", "0.1" },
};

static void
assert_get_at (const char *file, int line, const PbsPolicy *p, const char *knob,
               const char *expected)
{
  g_autofree char *got = pbs_policy_dup_knob (p, knob);
  gboolean ok = g_strcmp0 (got, expected) == 0;

  CU_assertImplementation (ok ? CU_TRUE : CU_FALSE, line, "policy knob value", file, "", CU_FALSE);
  if (!ok)
    fprintf (stderr, "%s:%d: %s = \"%s\", expected \"%s\"\n", file, line, knob,
             got ? got : "(null)", expected);
}
#define ASSERT_GET(p, knob, expected) assert_get_at (__FILE__, __LINE__, p, knob, expected)

/* Setting KNOB to VALUE must fail with CODE and leave the knob as it was;
 * a failure names "KNOB=VALUE". */
static void
assert_set_fails_at (const char *file, int line, PbsPolicy *p, const char *knob,
                     const char *value, PbsPolicyError code)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *before = pbs_policy_dup_knob (p, knob);
  g_autofree char *ctx = g_strdup_printf ("%s=%s", knob, value);

  pbs_test_check_at (!pbs_policy_set (p, knob, value, &error), "set must fail", file, line, ctx);
  pbs_test_error_is_at (file, line, error, PBS_POLICY_ERROR, code, ctx);
  if (before != NULL)
    assert_get_at (file, line, p, knob, before);
}
#define ASSERT_SET_FAILS(p, knob, value, code) \
  assert_set_fails_at (__FILE__, __LINE__, p, knob, value, code)

static void
assert_set_at (const char *file, int line, PbsPolicy *p, const char *knob, const char *value)
{
  g_autoptr (GError) error = NULL;
  gboolean ok = pbs_policy_set (p, knob, value, &error);

  CU_assertImplementation (ok ? CU_TRUE : CU_FALSE, line, "pbs_policy_set", file, "", CU_FALSE);
  if (!ok)
    fprintf (stderr, "%s:%d: %s=%s rejected: %s\n", file, line, knob, value,
             error ? error->message : "(no error set)");
}
#define ASSERT_SET(p, knob, value) assert_set_at (__FILE__, __LINE__, p, knob, value)

/* ------------------------------------------------------------------ tests */

/* policy.md: pbs_policy_new () is `central`, with the table's values. */
static void
test_central_defaults (void)
{
  g_autoptr (PbsPolicy) p = pbs_policy_new ();
  g_autoptr (GError) error = NULL;
  PbsDecimal points;

  for (guint i = 0; i < G_N_ELEMENTS (knobs); i++)
    ASSERT_GET (p, knobs[i].knob, knobs[i].central);
  ASSERT_STR (pbs_policy_get_name (p), "central");
  CU_ASSERT_TRUE (pbs_policy_validate (p, &error));
  ASSERT_NO_ERROR (error);

  /* the typed accessors agree */
  CU_ASSERT_EQUAL (pbs_policy_get_rounding_mode (p), PBS_ROUNDING_HALF_UP);
  CU_ASSERT_EQUAL (pbs_policy_get_rounding_digits (p), 2);
  pbs_policy_get_budget_points (p, &points);
  PBS_ASSERT_DECIMAL (&points, "10");
}

/* policy.md: list_knobs names every knob of the table, and no other. */
static void
test_list_knobs (void)
{
  const char *const *list = pbs_policy_list_knobs ();
  guint n = 0;

  CU_ASSERT_PTR_NOT_NULL (list);
  if (list == NULL)
    return;
  n = g_strv_length ((char **) list);
  CU_ASSERT_EQUAL (n, G_N_ELEMENTS (knobs));
  for (guint i = 0; i < G_N_ELEMENTS (knobs); i++)
    {
      gboolean found = g_strv_contains (list, knobs[i].knob);

      CU_ASSERT_TRUE (found);
      if (!found)
        fprintf (stderr, "%s:%d: list_knobs lacks %s\n", __FILE__, __LINE__, knobs[i].knob);
    }
  /* and each is described */
  for (guint i = 0; list[i] != NULL; i++)
    {
      const char *d = pbs_policy_knob_describe (list[i]);
      CU_ASSERT_TRUE (d != NULL && *d != '\0');
    }
}

/* policy.md: every knob round-trips: get → set → get gives the same text,
 * for the central value and for another valid one. */
static void
test_round_trip (void)
{
  const char *const *list = pbs_policy_list_knobs ();

  for (guint i = 0; list != NULL && list[i] != NULL; i++)
    {
      g_autoptr (PbsPolicy) p = pbs_policy_new ();
      g_autofree char *v = pbs_policy_dup_knob (p, list[i]);

      CU_ASSERT_PTR_NOT_NULL (v);
      if (v == NULL)
        continue;
      ASSERT_SET (p, list[i], v);
      ASSERT_GET (p, list[i], v);
    }
  for (guint i = 0; i < G_N_ELEMENTS (knobs); i++)
    {
      g_autoptr (PbsPolicy) p = pbs_policy_new ();
      g_autoptr (PbsPolicy) central = pbs_policy_new ();

      ASSERT_SET (p, knobs[i].knob, knobs[i].other);
      ASSERT_GET (p, knobs[i].knob, knobs[i].other);
      /* a changed knob makes the policy differ from central */
      CU_ASSERT_FALSE (pbs_policy_equal (p, central));
      ASSERT_SET (p, knobs[i].knob, knobs[i].central);
      ASSERT_GET (p, knobs[i].knob, knobs[i].central);
      CU_ASSERT_TRUE (pbs_policy_equal (p, central));
    }
}

/* policy.md: every choice of every enum knob is accepted. */
static void
test_enum_choices (void)
{
  static const struct { const char *knob; const char *choices[4]; } enums[] = {
    { "budget.zero", { "error", "score_zero", NULL } },
    { "budget.base", { "annual", "initial", NULL } },
    { "equal.mode", { "as_ge", "two_sided", NULL } },
    { "reverse.formula", { "ratio", "relative_excess", NULL } },
    { "qualitative.defaults", { "none", "lower", "middle", NULL } },
    { "over.action", { "flag", "require_reason", "deduct", NULL } },
    { "rounding.mode", { "half_up", "truncate", "floor", NULL } },
    { "weights.mismatch", { "error", "rescale", "as_is", NULL } },
  };
  g_autoptr (PbsPolicy) p = pbs_policy_new ();

  for (guint i = 0; i < G_N_ELEMENTS (enums); i++)
    for (guint j = 0; enums[i].choices[j] != NULL; j++)
      {
        ASSERT_SET (p, enums[i].knob, enums[i].choices[j]);
        ASSERT_GET (p, enums[i].knob, enums[i].choices[j]);
      }
  /* the typed accessor follows the text */
  ASSERT_SET (p, "rounding.mode", "floor");
  CU_ASSERT_EQUAL (pbs_policy_get_rounding_mode (p), PBS_ROUNDING_FLOOR);
  ASSERT_SET (p, "rounding.mode", "truncate");
  CU_ASSERT_EQUAL (pbs_policy_get_rounding_mode (p), PBS_ROUNDING_TRUNCATE);
  ASSERT_SET (p, "rounding.digits", "0");
  CU_ASSERT_EQUAL (pbs_policy_get_rounding_digits (p), 0);
  ASSERT_SET (p, "rounding.digits", "6");
  CU_ASSERT_EQUAL (pbs_policy_get_rounding_digits (p), 6);
  ASSERT_SET (p, "budget.points", "12.5");
  {
    PbsDecimal points, expected = pbs_test_dec ("12.5");
    pbs_policy_get_budget_points (p, &points);
    CU_ASSERT_TRUE (pbs_decimal_equal (&points, &expected));
  }
}

/* §8 / policy.md presets: exactly the listed knobs differ from central. */
static void
test_presets (void)
{
  static const struct {
    const char *name;
    const char *knob[3];
    const char *value[3];
  } presets[] = {
    { "central", { NULL }, { NULL } },
    { "yunnan-baoshan", { "budget.points", NULL }, { "20", NULL } },
    { "ningxia", { "budget.points", NULL }, { "0", NULL } },
    { "guangxi", { "over.threshold", "over.action", NULL }, { "1.3", "require_reason", NULL } },
    { "shanxi", { NULL }, { NULL } },
  };
  g_autoptr (PbsPolicy) central = pbs_policy_new ();

  for (guint i = 0; i < G_N_ELEMENTS (presets); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (PbsPolicy) p = pbs_policy_new_preset (presets[i].name, &error);

      ASSERT_NO_ERROR (error);
      CU_ASSERT_PTR_NOT_NULL (p);
      if (p == NULL)
        continue;
      ASSERT_STR (pbs_policy_get_name (p), presets[i].name);
      CU_ASSERT_TRUE (pbs_policy_validate (p, NULL));
      for (guint k = 0; k < G_N_ELEMENTS (knobs); k++)
        {
          const char *expected = knobs[k].central;

          for (guint j = 0; presets[i].knob[j] != NULL; j++)
            if (strcmp (presets[i].knob[j], knobs[k].knob) == 0)
              expected = presets[i].value[j];
          ASSERT_GET (p, knobs[k].knob, expected);
        }
    }

  /* shanxi: threshold 1.2 and flag, no deduction — as central */
  {
    g_autoptr (PbsPolicy) shanxi = pbs_policy_new_preset ("shanxi", NULL);
    if (shanxi != NULL)
      {
        ASSERT_GET (shanxi, "over.threshold", "1.2");
        ASSERT_GET (shanxi, "over.action", "flag");
      }
  }
  /* the central preset by name is pbs_policy_new () */
  {
    g_autoptr (PbsPolicy) named = pbs_policy_new_preset ("central", NULL);
    CU_ASSERT_TRUE (named != NULL && pbs_policy_equal (named, central));
  }
  /* a preset is a fresh policy each time: changing one changes no other */
  {
    g_autoptr (PbsPolicy) a = pbs_policy_new_preset ("guangxi", NULL);
    g_autoptr (PbsPolicy) b = NULL;

    if (a != NULL)
      ASSERT_SET (a, "over.threshold", "2");
    b = pbs_policy_new_preset ("guangxi", NULL);
    if (b != NULL)
      ASSERT_GET (b, "over.threshold", "1.3");
  }
  /* Baoshan's typed accessor */
  {
    g_autoptr (PbsPolicy) baoshan = pbs_policy_new_preset ("yunnan-baoshan", NULL);
    if (baoshan != NULL)
      {
        PbsDecimal points;
        pbs_policy_get_budget_points (baoshan, &points);
        PBS_ASSERT_DECIMAL (&points, "20");
      }
  }
}

static void
test_list_presets (void)
{
  static const char *const names[] = { "central", "yunnan-baoshan", "ningxia", "guangxi", "shanxi" };
  const char *const *list = pbs_policy_list_presets ();

  CU_ASSERT_PTR_NOT_NULL (list);
  if (list == NULL)
    return;
  CU_ASSERT_EQUAL (g_strv_length ((char **) list), G_N_ELEMENTS (names));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      CU_ASSERT_TRUE (g_strv_contains (list, names[i]));
      if (!g_strv_contains (list, names[i]))
        fprintf (stderr, "%s:%d: list_presets lacks %s\n", __FILE__, __LINE__, names[i]);
    }
  /* every listed preset can be made */
  for (guint i = 0; list[i] != NULL; i++)
    {
      g_autoptr (PbsPolicy) p = pbs_policy_new_preset (list[i], NULL);
      CU_ASSERT_PTR_NOT_NULL (p);
    }
}

/* §8: no Kunming scoring text exists, so there is no such preset. */
static void
test_unknown_preset (void)
{
  static const char *const bad[] = { "kunming", "Central", "", "guangxi ", NULL };

  for (guint i = 0; bad[i] != NULL; i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (PbsPolicy) p = pbs_policy_new_preset (bad[i], &error);

      CU_ASSERT_PTR_NULL (p);
      PBS_ASSERT_ERROR (error, PBS_POLICY_ERROR, PBS_POLICY_ERROR_UNKNOWN_PRESET);
    }
}

/* Every pbs_policy_set () that must fail, with its PBS_POLICY_ERROR code
 * (doc/policy.md): adding a case is adding a line. */
static const struct {
  const char     *knob, *value;
  PbsPolicyError  code;
} set_errors[] = {
  /* not a knob (doc/policy.md lists them all) */
  { "budget.pointz", "1", PBS_POLICY_ERROR_UNKNOWN_KNOB },
  { "budget", "1", PBS_POLICY_ERROR_UNKNOWN_KNOB },
  { "rounding", "1", PBS_POLICY_ERROR_UNKNOWN_KNOB },
  { "Budget.points", "1", PBS_POLICY_ERROR_UNKNOWN_KNOB },
  { "rounding.digits ", "1", PBS_POLICY_ERROR_UNKNOWN_KNOB },
  { "", "1", PBS_POLICY_ERROR_UNKNOWN_KNOB },
  /* policy.md: a wrong type or an unknown choice is BAD_VALUE: enum
   * choices */
  { "equal.mode", "sideways", PBS_POLICY_ERROR_BAD_VALUE },
  { "equal.mode", "AS_GE", PBS_POLICY_ERROR_BAD_VALUE },
  { "rounding.mode", "round", PBS_POLICY_ERROR_BAD_VALUE },
  { "over.action", "ignore", PBS_POLICY_ERROR_BAD_VALUE },
  { "weights.mismatch", "", PBS_POLICY_ERROR_BAD_VALUE },
  { "budget.zero", "true", PBS_POLICY_ERROR_BAD_VALUE },
  { "qualitative.defaults", "upper", PBS_POLICY_ERROR_BAD_VALUE },
  { "reverse.formula", "inverse", PBS_POLICY_ERROR_BAD_VALUE },
  /* bad decimals */
  { "budget.points", "abc", PBS_POLICY_ERROR_BAD_VALUE },
  { "over.threshold", "1.2.3", PBS_POLICY_ERROR_BAD_VALUE },
  { "audit.tolerance", "", PBS_POLICY_ERROR_BAD_VALUE },
  { "date.late", "half", PBS_POLICY_ERROR_BAD_VALUE },
  { "rounding.digits", "two", PBS_POLICY_ERROR_BAD_VALUE },
  /* bad booleans */
  { "budget.cap", "on", PBS_POLICY_ERROR_BAD_VALUE },
  { "budget.cap", "TRUE", PBS_POLICY_ERROR_BAD_VALUE },
  { "budget.in_total", "10", PBS_POLICY_ERROR_BAD_VALUE },
  { "budget.in_total", "", PBS_POLICY_ERROR_BAD_VALUE },
  /* policy.md: "boolean knobs take `true`/`false`": other spellings such as
   * YAML 1.1's yes/no are not the knob's type. */
  { "budget.cap", "yes", PBS_POLICY_ERROR_BAD_VALUE },
  { "budget.in_total", "no", PBS_POLICY_ERROR_BAD_VALUE },
  /* policy.md: impossible values are OUT_OF_RANGE. */
  { "budget.points", "-1", PBS_POLICY_ERROR_OUT_OF_RANGE },
  { "over.threshold", "0.9", PBS_POLICY_ERROR_OUT_OF_RANGE },
  { "over.threshold", "0.999", PBS_POLICY_ERROR_OUT_OF_RANGE },
  { "rounding.digits", "7", PBS_POLICY_ERROR_OUT_OF_RANGE },
  { "date.late", "1.5", PBS_POLICY_ERROR_OUT_OF_RANGE },
  { "date.late", "-0.1", PBS_POLICY_ERROR_OUT_OF_RANGE },
  { "over.k", "-1", PBS_POLICY_ERROR_OUT_OF_RANGE },
  { "weights.total", "0", PBS_POLICY_ERROR_OUT_OF_RANGE },
  { "weights.total", "-100", PBS_POLICY_ERROR_OUT_OF_RANGE },
  { "audit.tolerance", "-0.005", PBS_POLICY_ERROR_OUT_OF_RANGE },
  /* grades must keep excellent ≥ good ≥ fair ≥ 0 */
  { "grades.good", "95", PBS_POLICY_ERROR_OUT_OF_RANGE },
  { "grades.excellent", "70", PBS_POLICY_ERROR_OUT_OF_RANGE },
  { "grades.fair", "85", PBS_POLICY_ERROR_OUT_OF_RANGE },
  { "grades.fair", "-1", PBS_POLICY_ERROR_OUT_OF_RANGE },
  /* rule book §11 qualitative.bands: met/partial, 100 ≥ met > partial ≥ 0 */
  { "qualitative.bands", "80", PBS_POLICY_ERROR_BAD_VALUE },
  { "qualitative.bands", "80/50/30", PBS_POLICY_ERROR_BAD_VALUE },
  { "qualitative.bands", "0.8/0.6x", PBS_POLICY_ERROR_BAD_VALUE },
  { "qualitative.bands", "", PBS_POLICY_ERROR_BAD_VALUE },
  { "qualitative.bands", "80.00000000000000001/60", PBS_POLICY_ERROR_BAD_VALUE },
  { "qualitative.bands", "60/80", PBS_POLICY_ERROR_OUT_OF_RANGE },
  { "qualitative.bands", "80/80", PBS_POLICY_ERROR_OUT_OF_RANGE },
  { "qualitative.bands", "101/60", PBS_POLICY_ERROR_OUT_OF_RANGE },
  { "qualitative.bands", "80/-1", PBS_POLICY_ERROR_OUT_OF_RANGE },
};

/* Each case fails with its code and leaves its knob, and so the policy,
 * as it was. */
static void
test_set_errors (void)
{
  g_autoptr (PbsPolicy) p = pbs_policy_new ();
  g_autoptr (PbsPolicy) central = pbs_policy_new ();

  for (guint i = 0; i < G_N_ELEMENTS (set_errors); i++)
    ASSERT_SET_FAILS (p, set_errors[i].knob, set_errors[i].value, set_errors[i].code);
  CU_ASSERT_TRUE (pbs_policy_equal (p, central));
  CU_ASSERT_TRUE (pbs_policy_validate (p, NULL));
}

/* policy.md: the edges of each range are allowed. */
static void
test_range_edges (void)
{
  g_autoptr (PbsPolicy) p = pbs_policy_new ();

  ASSERT_SET (p, "over.threshold", "1");
  ASSERT_SET (p, "rounding.digits", "0");
  ASSERT_SET (p, "rounding.digits", "6");
  ASSERT_SET (p, "date.late", "1");
  ASSERT_SET (p, "date.late", "0");
  ASSERT_SET (p, "budget.points", "0");
  ASSERT_SET (p, "over.k", "0");
  ASSERT_SET (p, "audit.tolerance", "0");
  ASSERT_SET (p, "grades.good", "90");      /* equal to excellent */
  ASSERT_SET (p, "grades.fair", "90");
  ASSERT_SET (p, "grades.fair", "0");
  CU_ASSERT_TRUE (pbs_policy_validate (p, NULL));
}

/* copy is deep; equal compares knobs. */
static void
test_copy_equal (void)
{
  g_autoptr (PbsPolicy) p = pbs_policy_new ();
  g_autoptr (PbsPolicy) copy = NULL;
  g_autoptr (PbsPolicy) other = pbs_policy_new ();

  ASSERT_SET (p, "reverse.formula", "relative_excess");
  copy = pbs_policy_copy (p);
  CU_ASSERT_PTR_NOT_NULL (copy);
  CU_ASSERT_PTR_NOT_EQUAL (copy, p);
  CU_ASSERT_TRUE (pbs_policy_equal (p, copy));
  ASSERT_GET (copy, "reverse.formula", "relative_excess");

  ASSERT_SET (copy, "budget.points", "20");
  ASSERT_GET (p, "budget.points", "10");
  CU_ASSERT_FALSE (pbs_policy_equal (p, copy));
  ASSERT_SET (p, "rounding.mode", "floor");
  ASSERT_GET (copy, "rounding.mode", "half_up");

  /* equal is by value */
  CU_ASSERT_FALSE (pbs_policy_equal (p, other));
  ASSERT_SET (other, "reverse.formula", "relative_excess");
  ASSERT_SET (other, "rounding.mode", "floor");
  CU_ASSERT_TRUE (pbs_policy_equal (p, other));
  CU_ASSERT_TRUE (pbs_policy_equal (p, p));

  /* a decimal knob is compared by value: 1.30 is 1.3 */
  {
    g_autoptr (PbsPolicy) a = pbs_policy_new ();
    g_autoptr (PbsPolicy) b = pbs_policy_new ();
    ASSERT_SET (a, "over.threshold", "1.3");
    ASSERT_SET (b, "over.threshold", "1.30");
    CU_ASSERT_TRUE (pbs_policy_equal (a, b));
  }
}

static void
test_ref_name (void)
{
  g_autoptr (PbsPolicy) p = pbs_policy_new ();
  PbsPolicy *r = pbs_policy_ref (p);

  CU_ASSERT_PTR_EQUAL (r, p);
  pbs_policy_unref (r);
  /* still alive: we hold the first reference */
  ASSERT_GET (p, "budget.points", "10");

  pbs_policy_set_name (p, "my-city");
  ASSERT_STR (pbs_policy_get_name (p), "my-city");

  CU_ASSERT_TRUE (G_TYPE_IS_BOXED (PBS_TYPE_POLICY));
  {
    PbsPolicy *boxed = g_boxed_copy (PBS_TYPE_POLICY, p);
    CU_ASSERT_TRUE (boxed != NULL && pbs_policy_equal (boxed, p));
    g_boxed_free (PBS_TYPE_POLICY, boxed);
  }
  ASSERT_GET (p, "budget.points", "10");
}

static const PbsTestCase cases[] = {
  { "central_defaults", test_central_defaults },
  { "list_knobs", test_list_knobs },
  { "round_trip", test_round_trip },
  { "enum_choices", test_enum_choices },
  { "presets", test_presets },
  { "list_presets", test_list_presets },
  { "unknown_preset", test_unknown_preset },
  { "set_errors", test_set_errors },
  { "range_edges", test_range_edges },
  { "copy_equal", test_copy_equal },
  { "ref_name", test_ref_name },
  { NULL, NULL }
};

int
main (void)
{
  return pbs_test_run ("policy", cases);
}
