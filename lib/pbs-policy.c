/* pbs-policy.c - the knobs a province or city scores with, and the presets
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <stddef.h>
#include <string.h>

#include "pbs-nick.h"
#include "pbs-policy-private.h"
#include "pbs-decimal-private.h"
#include "pbs-datadir.h"

/**
 * PbsPolicy:
 *
 * Every choice rule book §§3–8 leaves open, as named knobs (`budget.points`,
 * `reverse.formula`, `rounding.mode` …; see doc/policy.md), with the
 * `central` preset as default and the provincial presets by name.
 *
 * Knobs are table-driven: one row per knob names its type, its place in
 * the structure and its bounds, so pbs_policy_set(), pbs_policy_dup_knob(), the
 * presets and (later) the YAML loader all read the same table.
 *
 * Since: 0.1
 */

G_DEFINE_BOXED_TYPE (PbsPolicy, pbs_policy, pbs_policy_ref, pbs_policy_unref)

typedef enum {
  KNOB_DECIMAL,
  KNOB_BOOL,
  KNOB_ENUM,
  KNOB_UINT,
  KNOB_BANDS,   /* two percentages `met/partial`, 100 ≥ met > partial ≥ 0 */
} KnobType;

typedef struct {
  const char *name;
  KnobType    type;
  size_t      offset;
  GType     (*enum_type) (void);
  const char *min;          /* inclusive bounds as text, or NULL */
  const char *max;
  const char *description;
} Knob;

#define F(field) offsetof (PbsPolicy, field)

static const Knob knobs[] = {
  { "budget.points", KNOB_DECIMAL, F (budget_points), NULL, "0", NULL,
    "points of the budget-execution line when the table gives none" },
  { "budget.cap", KNOB_BOOL, F (budget_cap), NULL, NULL, NULL,
    "the execution rate counts at most 100 %" },
  { "budget.zero", KNOB_ENUM, F (budget_zero), pbs_budget_zero_get_type, NULL, NULL,
    "a 全年预算数 of 0: error, or score_zero with a yellow warning" },
  { "budget.base", KNOB_ENUM, F (budget_base), pbs_budget_base_get_type, NULL, NULL,
    "what the execution rate divides by: annual (全年预算数) or initial (年初预算数)" },
  { "budget.in_total", KNOB_BOOL, F (budget_in_total), NULL, NULL, NULL,
    "the budget score counts in the total" },
  { "budget.explain_below", KNOB_DECIMAL, F (budget_explain_below), NULL, "0", NULL,
    "execution below this rate needs an explanation" },
  { "budget.yellow_below", KNOB_DECIMAL, F (budget_yellow_below), NULL, "0", NULL,
    "execution below this rate is a yellow warning" },
  { "budget.red_gap", KNOB_DECIMAL, F (budget_red_gap), NULL, "0", NULL,
    "red warning when the indicators' completion share exceeds the budget's by more than this, relative" },
  { "equal.mode", KNOB_ENUM, F (equal_mode), pbs_equal_mode_get_type, NULL, NULL,
    "how = targets score: as_ge or two_sided" },
  { "reverse.formula", KNOB_ENUM, F (reverse_formula), pbs_reverse_formula_get_type, NULL, NULL,
    "reverse indicators past the target: ratio (w·t/a) or relative_excess (w·(1 − (a−t)/t))" },
  { "qualitative.defaults", KNOB_ENUM, F (qualitative_defaults), pbs_qualitative_defaults_get_type, NULL, NULL,
    "score of a qualitative row below 达成 with no manual score: none, lower or middle of its band" },
  { "qualitative.bands", KNOB_BANDS, F (qualitative_bands), NULL, "0", "100",
    "lowest share of the points, in %, of 达成 and of 部分达成: 80/60 (Shandong's forms: 80/50)" },
  { "date.late", KNOB_DECIMAL, F (date_late), NULL, "0", "1",
    "share of the points a late date row keeps" },
  { "over.threshold", KNOB_DECIMAL, F (over_threshold), NULL, "1", NULL,
    "over-completion when the actual exceeds this multiple of the target" },
  { "over.action", KNOB_ENUM, F (over_action), pbs_over_action_get_type, NULL, NULL,
    "what over-completion does: flag, require_reason or deduct" },
  { "over.k", KNOB_DECIMAL, F (over_k), NULL, "0", NULL,
    "deduction factor k: s = w·max(0, 1 − k·(a/t − threshold))" },
  { "rounding.mode", KNOB_ENUM, F (rounding_mode), pbs_rounding_mode_get_type, NULL, NULL,
    "rounding of rows, the budget score and the total: half_up, truncate or floor" },
  { "rounding.digits", KNOB_UINT, F (rounding_digits), NULL, "0", "6",
    "decimal places of scores" },
  { "weights.mismatch", KNOB_ENUM, F (weights_mismatch), pbs_weights_mode_get_type, NULL, NULL,
    "points that do not add up to weights.total: error, rescale or as_is" },
  { "weights.total", KNOB_DECIMAL, F (weights_total), NULL, "0.01", NULL,
    "the total the points must add up to" },
  { "grades.excellent", KNOB_DECIMAL, F (grades_excellent), NULL, "0", NULL,
    "lowest total graded 优" },
  { "grades.good", KNOB_DECIMAL, F (grades_good), NULL, "0", NULL,
    "lowest total graded 良" },
  { "grades.fair", KNOB_DECIMAL, F (grades_fair), NULL, "0", NULL,
    "lowest total graded 中; below is 差" },
  { "audit.tolerance", KNOB_DECIMAL, F (audit_tolerance), NULL, "0", NULL,
    "a printed score differing from the computed one by more is flagged" },
};

#undef F

typedef struct {
  const char *knob;
  const char *value;
} Setting;

/* The central preset: rule book §§3–7 defaults. Every knob must appear. */
static const Setting central_settings[] = {
  { "budget.points", "10" },
  { "budget.cap", "true" },
  { "budget.zero", "error" },
  { "budget.base", "annual" },
  { "budget.in_total", "true" },
  { "budget.explain_below", "0.9" },
  { "budget.yellow_below", "0.8" },
  { "budget.red_gap", "0.05" },
  { "equal.mode", "as_ge" },
  { "reverse.formula", "ratio" },
  { "qualitative.defaults", "none" },
  { "qualitative.bands", "80/60" },
  { "date.late", "0" },
  { "over.threshold", "1.2" },
  { "over.action", "flag" },
  { "over.k", "1" },
  { "rounding.mode", "half_up" },
  { "rounding.digits", "2" },
  { "weights.mismatch", "error" },
  { "weights.total", "100" },
  { "grades.excellent", "90" },
  { "grades.good", "80" },
  { "grades.fair", "60" },
  { "audit.tolerance", "0.005" },
};

static const Setting baoshan_settings[] = {
  { "budget.points", "20" },
};

static const Setting ningxia_settings[] = {
  { "budget.points", "0" },
};

static const Setting guangxi_settings[] = {
  { "over.threshold", "1.3" },
  { "over.action", "require_reason" },
};

static const Setting shanxi_settings[] = {
  { "over.threshold", "1.2" },
  { "over.action", "flag" },
};

typedef struct {
  const char    *name;
  const char    *label;      /* its name in Chinese reports */
  const Setting *settings;   /* applied on top of central */
  guint          n_settings;
} Preset;

/* Rule book §8. */
static const Preset presets[] = {
  { "central", "中央", NULL, 0 },
  { "yunnan-baoshan", "云南保山", baoshan_settings, G_N_ELEMENTS (baoshan_settings) },
  { "ningxia", "宁夏", ningxia_settings, G_N_ELEMENTS (ningxia_settings) },
  { "guangxi", "广西", guangxi_settings, G_N_ELEMENTS (guangxi_settings) },
  { "shanxi", "山西", shanxi_settings, G_N_ELEMENTS (shanxi_settings) },
};

static const Knob *
find_knob (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (knobs); i++)
    if (strcmp (knobs[i].name, name) == 0)
      return &knobs[i];
  return NULL;
}

#define KNOB_PTR(policy, knob) ((guint8 *) (policy) + (knob)->offset)

static gboolean
check_grades (const PbsPolicy *p, GError **error)
{
  if (pbs_decimal_compare (&p->grades_excellent, &p->grades_good) < 0
      || pbs_decimal_compare (&p->grades_good, &p->grades_fair) < 0)
    {
      g_autofree char *e = pbs_decimal_to_string (&p->grades_excellent);
      g_autofree char *g = pbs_decimal_to_string (&p->grades_good);
      g_autofree char *f = pbs_decimal_to_string (&p->grades_fair);
      g_set_error (error, PBS_POLICY_ERROR, PBS_POLICY_ERROR_OUT_OF_RANGE,
                   "grade thresholds out of order: grades.excellent %s, grades.good %s, "
                   "grades.fair %s must not increase", e, g, f);
      return FALSE;
    }
  return TRUE;
}

static gboolean
parse_knob_value (const Knob *k, const char *text, PbsPolicy *p, GError **error)
{
  guint8 *field = KNOB_PTR (p, k);

  switch (k->type)
    {
    case KNOB_DECIMAL:
      {
        PbsDecimal d, bound;
        g_autoptr (GError) local = NULL;

        if (!pbs_decimal_parse (text, &d, &local))
          {
            g_set_error (error, PBS_POLICY_ERROR, PBS_POLICY_ERROR_BAD_VALUE,
                         "%s: expected a number, got “%s”", k->name, text);
            return FALSE;
          }
        if ((k->min != NULL && pbs_decimal_parse (k->min, &bound, NULL)
             && pbs_decimal_compare (&d, &bound) < 0)
            || (k->max != NULL && pbs_decimal_parse (k->max, &bound, NULL)
                && pbs_decimal_compare (&d, &bound) > 0))
          {
            g_set_error (error, PBS_POLICY_ERROR, PBS_POLICY_ERROR_OUT_OF_RANGE,
                         "%s: %s is out of range (%s to %s)", k->name, text,
                         k->min != NULL ? k->min : "−∞", k->max != NULL ? k->max : "∞");
            return FALSE;
          }
        memcpy (field, &d, sizeof d);
        return TRUE;
      }
    case KNOB_BOOL:
      {
        gboolean b;

        if (strcmp (text, "true") == 0)
          b = TRUE;
        else if (strcmp (text, "false") == 0)
          b = FALSE;
        else
          {
            g_set_error (error, PBS_POLICY_ERROR, PBS_POLICY_ERROR_BAD_VALUE,
                         "%s: expected true or false, got “%s”", k->name, text);
            return FALSE;
          }
        memcpy (field, &b, sizeof b);
        return TRUE;
      }
    case KNOB_ENUM:
      {
        int v;

        if (!pbs_enum_from_nick (k->enum_type (), text, &v))
          {
            g_autofree char *choices = pbs_enum_dup_nicks (k->enum_type ());
            g_set_error (error, PBS_POLICY_ERROR, PBS_POLICY_ERROR_BAD_VALUE,
                         "%s: “%s” is not one of %s", k->name, text, choices);
            return FALSE;
          }
        memcpy (field, &v, sizeof v);
        return TRUE;
      }
    case KNOB_BANDS:
      {
        g_auto (GStrv) parts = g_strsplit (text, "/", -1);
        PbsDecimal b[2], lo, hi;

        pbs_decimal_parse (k->min, &lo, NULL);
        pbs_decimal_parse (k->max, &hi, NULL);
        /* scoring divides by 100 by moving the point: two places spare */
        if (g_strv_length (parts) != 2 || !pbs_decimal_parse (g_strstrip (parts[0]), &b[0], NULL)
            || !pbs_decimal_parse (g_strstrip (parts[1]), &b[1], NULL)
            || b[0].scale > PBS_DECIMAL_MAX_SCALE - 2 || b[1].scale > PBS_DECIMAL_MAX_SCALE - 2)
          {
            g_set_error (error, PBS_POLICY_ERROR, PBS_POLICY_ERROR_BAD_VALUE,
                         "%s: expected the lowest %% of 达成 and of 部分达成 as met/partial "
                         "(such as 80/60), got “%s”", k->name, text);
            return FALSE;
          }
        if (pbs_decimal_compare (&b[0], &hi) > 0 || pbs_decimal_compare (&b[0], &b[1]) <= 0
            || pbs_decimal_compare (&b[1], &lo) < 0)
          {
            g_set_error (error, PBS_POLICY_ERROR, PBS_POLICY_ERROR_OUT_OF_RANGE,
                         "%s: %s is out of range (100 ≥ met > partial ≥ 0)", k->name, text);
            return FALSE;
          }
        memcpy (field, b, sizeof b);
        return TRUE;
      }
    case KNOB_UINT:
      {
        guint64 n;
        guint u;

        if (!g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT, &n, NULL))
          {
            g_set_error (error, PBS_POLICY_ERROR, PBS_POLICY_ERROR_BAD_VALUE,
                         "%s: expected a whole number, got “%s”", k->name, text);
            return FALSE;
          }
        if (n < g_ascii_strtoull (k->min, NULL, 10) || n > g_ascii_strtoull (k->max, NULL, 10))
          {
            g_set_error (error, PBS_POLICY_ERROR, PBS_POLICY_ERROR_OUT_OF_RANGE,
                         "%s: %s is out of range (%s to %s)", k->name, text, k->min, k->max);
            return FALSE;
          }
        u = (guint) n;
        memcpy (field, &u, sizeof u);
        return TRUE;
      }
    default:
      g_assert_not_reached ();
    }
}

static void
apply (PbsPolicy *p, const Setting *settings, guint n)
{
  for (guint i = 0; i < n; i++)
    {
      const Knob *k = find_knob (settings[i].knob);
      g_assert (k != NULL);
      if (!parse_knob_value (k, settings[i].value, p, NULL))
        g_assert_not_reached ();
    }
}

/* The central preset, built once and shared: scoring without a policy
 * must not rebuild it from its knob strings at every call. Nobody changes
 * it (callers only read it, or copy it). */
const PbsPolicy *
pbs_policy_get_central (void)
{
  static PbsPolicy *central;

  if (g_once_init_enter (&central))
    g_once_init_leave (&central, pbs_policy_new ());
  return central;
}

/**
 * pbs_policy_new:
 *
 * Creates a policy with the `central` preset's values (rule book §§3–7).
 *
 * Returns: (transfer full): a new #PbsPolicy
 *
 * Since: 0.1
 */
PbsPolicy *
pbs_policy_new (void)
{
  PbsPolicy *p = g_new0 (PbsPolicy, 1);

  g_atomic_ref_count_init (&p->ref_count);
  p->name = g_strdup ("central");
  p->label = g_strdup (presets[0].label);
  apply (p, central_settings, G_N_ELEMENTS (central_settings));
  return p;
}

/**
 * pbs_policy_new_preset:
 * @name: a preset: `central`, `yunnan-baoshan`, `ningxia`, `guangxi`,
 *   `shanxi`
 * @error: return location for a #GError, or %NULL
 *
 * Creates a policy from a preset of rule book §8. The result is the
 * caller's own and may be changed with pbs_policy_set().
 *
 * Returns: (transfer full) (nullable): a new #PbsPolicy, or %NULL with
 *   %PBS_POLICY_ERROR_UNKNOWN_PRESET
 *
 * Since: 0.1
 */
PbsPolicy *
pbs_policy_new_preset (const char *name, GError **error)
{
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (presets); i++)
    if (strcmp (presets[i].name, name) == 0)
      {
        PbsPolicy *p = pbs_policy_new ();
        apply (p, presets[i].settings, presets[i].n_settings);
        pbs_policy_set_name (p, name);
        pbs_policy_set_label (p, presets[i].label);
        return p;
      }
  g_set_error (error, PBS_POLICY_ERROR, PBS_POLICY_ERROR_UNKNOWN_PRESET,
               "no policy preset is called “%s” (known: central, yunnan-baoshan, "
               "ningxia, guangxi, shanxi)", name);
  return NULL;
}

/**
 * pbs_policy_copy:
 * @self: a #PbsPolicy
 *
 * Copies a policy.
 *
 * The copy has its own reference count and keeps the name and the file the
 * policy was read from.
 *
 * Returns: (transfer full): an independent copy of @self
 *
 * Since: 0.1
 */
PbsPolicy *
pbs_policy_copy (const PbsPolicy *self)
{
  PbsPolicy *p;

  g_return_val_if_fail (self != NULL, NULL);
  p = g_memdup2 (self, sizeof *self);
  g_atomic_ref_count_init (&p->ref_count);
  p->name = g_strdup (self->name);
  p->label = g_strdup (self->label);
  p->file = g_strdup (self->file);
  return p;
}

/**
 * pbs_policy_ref:
 * @self: a #PbsPolicy
 *
 * Takes a reference on the policy.
 *
 * Returns: (transfer full): @self, with one more reference
 *
 * Since: 0.1
 */
PbsPolicy *
pbs_policy_ref (PbsPolicy *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

/**
 * pbs_policy_unref:
 * @self: (transfer full): a #PbsPolicy
 *
 * Drops a reference; the last one frees @self.
 *
 * Since: 0.1
 */
void
pbs_policy_unref (PbsPolicy *self)
{
  g_return_if_fail (self != NULL);
  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_free (self->name);
      g_free (self->label);
      g_free (self->file);
      g_free (self);
    }
}

/**
 * pbs_policy_get_name:
 * @self: a #PbsPolicy
 *
 * Gets the name of the policy.
 *
 * Returns: (transfer none): the policy's name (its preset's, unless set)
 *
 * Since: 0.1
 */
const char *
pbs_policy_get_name (const PbsPolicy *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->name;
}

/**
 * pbs_policy_set_name:
 * @self: a #PbsPolicy
 * @name: a name for reports
 *
 * Names the policy (a policy file that extends a preset sets its own).
 * A label belongs to a name: a new name drops the label (set it again
 * with pbs_policy_set_label()).
 *
 * Since: 0.1
 */
void
pbs_policy_set_name (PbsPolicy *self, const char *name)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (name != NULL);
  g_free (self->name);
  self->name = g_strdup (name);
  g_clear_pointer (&self->label, g_free);
}

/**
 * pbs_policy_get_label:
 * @self: a #PbsPolicy
 *
 * Gets the policy's name for people, which Chinese reports show: the
 * presets' are 中央, 云南保山, 宁夏, 广西 and 山西; a policy file gives
 * its own with `label:` (doc/policy.md).
 *
 * Returns: (transfer none) (nullable): the label, or %NULL when the
 *   policy has none
 *
 * Since: 0.1
 */
const char *
pbs_policy_get_label (const PbsPolicy *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->label;
}

/**
 * pbs_policy_set_label:
 * @self: a #PbsPolicy
 * @label: (nullable): a name for people, or %NULL for none
 *
 * Sets the policy's name for people (see pbs_policy_get_label()).
 *
 * Since: 0.1
 */
void
pbs_policy_set_label (PbsPolicy *self, const char *label)
{
  g_return_if_fail (self != NULL);
  g_free (self->label);
  self->label = label != NULL && *label != '\0' ? g_strdup (label) : NULL;
}

static gboolean set_knob (PbsPolicy *self, const char *knob, const char *value,
                          gboolean check, GError **error);

/**
 * pbs_policy_set:
 * @self: a #PbsPolicy
 * @knob: a knob name, such as `budget.points`
 * @value: its new value as text: a number, `true`/`false` or a choice name
 * @error: return location for a #GError, or %NULL
 *
 * Sets one knob. On error @self is unchanged.
 *
 * Returns: %TRUE on success; %FALSE with @error in the #PBS_POLICY_ERROR
 *   domain (UNKNOWN_KNOB, BAD_VALUE, OUT_OF_RANGE)
 *
 * Since: 0.1
 */
gboolean
pbs_policy_set (PbsPolicy *self, const char *knob, const char *value, GError **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (knob != NULL && value != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!set_knob (self, knob, value, TRUE, error))
    return FALSE;
  /* Changed: no longer the file it was read from. */
  g_clear_pointer (&self->file, g_free);
  return TRUE;
}

gboolean
pbs_policy_set_unchecked (PbsPolicy *self, const char *knob, const char *value, GError **error)
{
  return set_knob (self, knob, value, FALSE, error);
}

static gboolean
set_knob (PbsPolicy *self, const char *knob, const char *value, gboolean check, GError **error)
{
  const Knob *k;
  PbsPolicy tmp;

  k = find_knob (knob);
  if (k == NULL)
    {
      g_set_error (error, PBS_POLICY_ERROR, PBS_POLICY_ERROR_UNKNOWN_KNOB,
                   "no policy knob is called “%s”", knob);
      return FALSE;
    }
  tmp = *self;
  if (!parse_knob_value (k, value, &tmp, error) || (check && !check_grades (&tmp, error)))
    return FALSE;
  memcpy (KNOB_PTR (self, k), KNOB_PTR (&tmp, k), k->type == KNOB_DECIMAL ? sizeof (PbsDecimal)
          : k->type == KNOB_BANDS ? 2 * sizeof (PbsDecimal)
          : k->type == KNOB_BOOL ? sizeof (gboolean) : k->type == KNOB_ENUM ? sizeof (int)
          : sizeof (guint));
  return TRUE;
}

/**
 * pbs_policy_dup_knob:
 * @self: a #PbsPolicy
 * @knob: a knob name
 *
 * Gives a knob's value in the canonical text pbs_policy_set() accepts:
 * `10`, `true`, `half_up`, `0.005`.
 *
 * Returns: (transfer full) (nullable): the value, or %NULL for an unknown
 *   knob
 *
 * Since: 0.1
 */
char *
pbs_policy_dup_knob (const PbsPolicy *self, const char *knob)
{
  const Knob *k;
  const guint8 *field;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (knob != NULL, NULL);

  k = find_knob (knob);
  if (k == NULL)
    return NULL;
  field = KNOB_PTR (self, k);
  switch (k->type)
    {
    case KNOB_DECIMAL:
      return pbs_decimal_to_string ((const PbsDecimal *) field);
    case KNOB_BOOL:
      return g_strdup (*(const gboolean *) field ? "true" : "false");
    case KNOB_ENUM:
      return g_strdup (pbs_enum_nick (k->enum_type (), *(const int *) field));
    case KNOB_UINT:
      return g_strdup_printf ("%u", *(const guint *) field);
    case KNOB_BANDS:
      {
        PbsDecimal b[2];
        g_autofree char *met = NULL, *partial = NULL;

        memcpy (b, field, sizeof b);
        met = pbs_decimal_to_string (&b[0]);
        partial = pbs_decimal_to_string (&b[1]);
        return g_strconcat (met, "/", partial, NULL);
      }
    default:
      g_assert_not_reached ();
    }
}

/**
 * pbs_policy_equal:
 * @a: a #PbsPolicy
 * @b: a #PbsPolicy
 *
 * Compares every knob (not the names).
 *
 * Returns: %TRUE when @a and @b score every table alike
 *
 * Since: 0.1
 */
gboolean
pbs_policy_equal (const PbsPolicy *a, const PbsPolicy *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (knobs); i++)
    {
      if (knobs[i].type == KNOB_DECIMAL || knobs[i].type == KNOB_BANDS)
        {
          PbsDecimal dx[2], dy[2];
          guint n = knobs[i].type == KNOB_BANDS ? 2 : 1;

          memcpy (dx, KNOB_PTR (a, &knobs[i]), n * sizeof dx[0]);
          memcpy (dy, KNOB_PTR (b, &knobs[i]), n * sizeof dy[0]);
          for (guint j = 0; j < n; j++)
            if (!pbs_decimal_equal (&dx[j], &dy[j]))
              return FALSE;
        }
      else
        {
          g_autofree char *x = pbs_policy_dup_knob (a, knobs[i].name);
          g_autofree char *y = pbs_policy_dup_knob (b, knobs[i].name);

          if (strcmp (x, y) != 0)
            return FALSE;
        }
    }
  return TRUE;
}

/**
 * pbs_policy_validate:
 * @self: a #PbsPolicy
 * @error: return location for a #GError, or %NULL
 *
 * Checks the rules between knobs (grade thresholds in order). Each knob's
 * own bounds are checked when it is set.
 *
 * Returns: %TRUE when @self is consistent
 *
 * Since: 0.1
 */
gboolean
pbs_policy_validate (const PbsPolicy *self, GError **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return check_grades (self, error);
}

/**
 * pbs_policy_list_knobs:
 *
 * Lists the names of every policy knob.
 *
 * Returns: (transfer none) (array zero-terminated=1): every knob name, in
 *   the order of doc/policy.md
 *
 * Since: 0.1
 */
const char * const *
pbs_policy_list_knobs (void)
{
  static const char *names[G_N_ELEMENTS (knobs) + 1];
  static gsize filled = 0;

  if (g_once_init_enter (&filled))
    {
      for (guint i = 0; i < G_N_ELEMENTS (knobs); i++)
        names[i] = knobs[i].name;
      g_once_init_leave (&filled, 1);
    }
  return names;
}

/**
 * pbs_policy_knob_describe:
 * @knob: a knob name
 *
 * Describes a policy knob in one line.
 *
 * Returns: (transfer none) (nullable): a one-line description of @knob, or
 *   %NULL when there is no such knob
 *
 * Since: 0.1
 */
const char *
pbs_policy_knob_describe (const char *knob)
{
  const Knob *k;

  g_return_val_if_fail (knob != NULL, NULL);
  k = find_knob (knob);
  return k != NULL ? k->description : NULL;
}

/**
 * pbs_policy_list_presets:
 *
 * Lists the names of the built-in policy presets.
 *
 * The first, `central`, is the default.
 *
 * Returns: (transfer none) (array zero-terminated=1): the preset names
 *
 * Since: 0.1
 */
const char * const *
pbs_policy_list_presets (void)
{
  static const char * const names[] = {
    "central", "yunnan-baoshan", "ningxia", "guangxi", "shanxi", NULL
  };
  G_STATIC_ASSERT (G_N_ELEMENTS (names) == G_N_ELEMENTS (presets) + 1);
  return names;
}

/**
 * pbs_policy_get_rounding_mode:
 * @self: a #PbsPolicy
 *
 * Gets how scores are rounded under the policy.
 *
 * Returns: the `rounding.mode` knob
 *
 * Since: 0.1
 */
PbsRoundingMode
pbs_policy_get_rounding_mode (const PbsPolicy *self)
{
  g_return_val_if_fail (self != NULL, PBS_ROUNDING_HALF_UP);
  return self->rounding_mode;
}

/**
 * pbs_policy_get_rounding_digits:
 * @self: a #PbsPolicy
 *
 * Gets the number of decimal places scores are rounded to.
 *
 * Returns: the `rounding.digits` knob
 *
 * Since: 0.1
 */
guint
pbs_policy_get_rounding_digits (const PbsPolicy *self)
{
  g_return_val_if_fail (self != NULL, 2);
  return self->rounding_digits;
}

/**
 * pbs_policy_get_budget_points:
 * @self: a #PbsPolicy
 * @out: (out caller-allocates): the `budget.points` knob
 *
 * Gets the default points of the budget line.
 *
 * They apply to a budget line that gives no points of its own.
 *
 * Since: 0.1
 */
void
pbs_policy_get_budget_points (const PbsPolicy *self, PbsDecimal *out)
{
  g_return_if_fail (self != NULL && out != NULL);
  *out = self->budget_points;
}
