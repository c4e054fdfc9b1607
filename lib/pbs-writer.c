/* pbs-writer.c - writing evaluations (and their scores) as YAML
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * libyaml's emitter writes the document, so quoting and escaping are its
 * business; Chinese text stays UTF-8 (unicode output on). The keys are
 * those of doc/format.md, so what is written reads back equal.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include "pbs-yaml-emit.h"
#include "pbs-nick.h"
#include "pbs-evaluation-private.h"
#include "pbs-indicator-private.h"
#include "pbs-budget-private.h"
#include "pbs-template-private.h"
#include "pbs-policy-private.h"
#include "pbs-decimal-private.h"
#include "pbs-scorecard-private.h"

static int
write_handler (void *data, unsigned char *buffer, size_t size)
{
  g_string_append_len (data, (const char *) buffer, (gssize) size);
  return 1;
}

static void
emit (PbsYamlOut *w, yaml_event_t *ev, int ok)
{
  if (w->failed)
    {
      if (ok)
        yaml_event_delete (ev);
      return;
    }
  if (!ok || !yaml_emitter_emit (&w->emitter, ev))
    w->failed = TRUE;
}

/* A scalar the loader would take for null, a boolean or a number if it
 * were written plain is quoted. */
static gboolean
needs_quotes (const char *s)
{
  static const char * const words[] = {
    "~", "null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE",
    "yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF",
  };

  if (*s == '\0')
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (strcmp (s, words[i]) == 0)
      return TRUE;
  return g_ascii_isdigit (*s) || *s == '-' || *s == '+' || *s == '.';
}

void
pbs_yaml_scalar (PbsYamlOut *w, const char *text, yaml_scalar_style_t style)
{
  yaml_event_t ev;

  if (text == NULL)
    {
      text = "null";
      style = YAML_PLAIN_SCALAR_STYLE;
    }
  if (style == YAML_ANY_SCALAR_STYLE && needs_quotes (text))
    style = YAML_DOUBLE_QUOTED_SCALAR_STYLE;
  emit (w, &ev, yaml_scalar_event_initialize (&ev, NULL, NULL, (yaml_char_t *) text,
                                              (int) strlen (text), 1, 1, style));
}

void
pbs_yaml_string (PbsYamlOut *w, const char *key, const char *value)
{
  pbs_yaml_scalar (w, key, YAML_PLAIN_SCALAR_STYLE);
  pbs_yaml_scalar (w, value, YAML_ANY_SCALAR_STYLE);
}

/* Values as printed (targets, actuals) are always quoted strings. */
void
pbs_yaml_quoted (PbsYamlOut *w, const char *key, const char *value)
{
  pbs_yaml_scalar (w, key, YAML_PLAIN_SCALAR_STYLE);
  pbs_yaml_scalar (w, value, YAML_DOUBLE_QUOTED_SCALAR_STYLE);
}

void
pbs_yaml_number (PbsYamlOut *w, const char *key, const PbsDecimal *d)
{
  g_autofree char *text = pbs_decimal_to_string (d);

  pbs_yaml_scalar (w, key, YAML_PLAIN_SCALAR_STYLE);
  pbs_yaml_scalar (w, text, YAML_PLAIN_SCALAR_STYLE);
}

void
pbs_yaml_plain (PbsYamlOut *w, const char *key, const char *value)
{
  pbs_yaml_scalar (w, key, YAML_PLAIN_SCALAR_STYLE);
  pbs_yaml_scalar (w, value, YAML_PLAIN_SCALAR_STYLE);
}

void
pbs_yaml_mapping_start (PbsYamlOut *w)
{
  yaml_event_t ev;
  emit (w, &ev, yaml_mapping_start_event_initialize (&ev, NULL, NULL, 1, YAML_BLOCK_MAPPING_STYLE));
}

void
pbs_yaml_mapping_end (PbsYamlOut *w)
{
  yaml_event_t ev;
  emit (w, &ev, yaml_mapping_end_event_initialize (&ev));
}

void
pbs_yaml_sequence_start (PbsYamlOut *w, yaml_sequence_style_t style)
{
  yaml_event_t ev;
  emit (w, &ev, yaml_sequence_start_event_initialize (&ev, NULL, NULL, 1, style));
}

void
pbs_yaml_sequence_end (PbsYamlOut *w)
{
  yaml_event_t ev;
  emit (w, &ev, yaml_sequence_end_event_initialize (&ev));
}

/* A mapping of the non-empty texts among @keys, or nothing. */
static void
write_texts (PbsYamlOut *w, const char *name, const char * const *keys, const char * const *values)
{
  gboolean any = FALSE;

  for (guint i = 0; keys[i] != NULL; i++)
    any = any || *values[i] != '\0';
  if (!any)
    return;
  pbs_yaml_scalar (w, name, YAML_PLAIN_SCALAR_STYLE);
  pbs_yaml_mapping_start (w);
  for (guint i = 0; keys[i] != NULL; i++)
    if (*values[i] != '\0')
      pbs_yaml_string (w, keys[i], values[i]);
  pbs_yaml_mapping_end (w);
}

/* The money block's informational rows, in the form's order. */
static void
write_sources (PbsYamlOut *w, const PbsBudget *b)
{
  static const char * const columns[PBS_N_BUDGET_COLUMNS] = { "initial", "annual", "executed" };
  gboolean any = FALSE;

  for (guint s = 0; s < PBS_N_FUND_SOURCES; s++)
    any = any || b->sources[s].present;
  if (!any)
    return;
  pbs_yaml_scalar (w, "sources", YAML_PLAIN_SCALAR_STYLE);
  pbs_yaml_sequence_start (w, YAML_BLOCK_SEQUENCE_STYLE);
  for (guint s = 0; s < PBS_N_FUND_SOURCES; s++)
    {
      const PbsFundRow *row = &b->sources[s];

      if (!row->present)
        continue;
      pbs_yaml_mapping_start (w);
      pbs_yaml_string (w, "name", pbs_fund_source_get_label ((PbsFundSource) s));
      for (guint col = 0; col < PBS_N_BUDGET_COLUMNS; col++)
        if (row->has_amount[col])
          pbs_yaml_number (w, columns[col], &row->amount[col]);
      pbs_yaml_mapping_end (w);
    }
  pbs_yaml_sequence_end (w);
}

static void
write_budget (PbsYamlOut *w, const PbsBudget *b)
{
  pbs_yaml_scalar (w, "budget", YAML_PLAIN_SCALAR_STYLE);
  pbs_yaml_mapping_start (w);
  if (b->has_initial)
    pbs_yaml_number (w, "initial", &b->initial);
  if (b->has_annual)
    pbs_yaml_number (w, "annual", &b->annual);
  if (b->has_executed)
    pbs_yaml_number (w, "executed", &b->executed);
  if (b->has_points)
    pbs_yaml_number (w, "points", &b->points);
  if (b->has_printed_score)
    pbs_yaml_number (w, "printed_score", &b->printed_score);
  if (b->has_printed_rate)
    {
      g_autofree char *digits = pbs_decimal_to_string (&b->printed_rate);
      g_autofree char *rate = g_strconcat (digits, "%", NULL);

      pbs_yaml_plain (w, "printed_rate", rate);
    }
  write_sources (w, b);
  pbs_yaml_mapping_end (w);
}

static void
write_scores (PbsYamlOut *w, PbsScorecard *sc, guint row)
{
  PbsDecimal d;
  PbsFlags flags = pbs_scorecard_get_row_flags (sc, row);
  g_autofree char *why = pbs_scorecard_dup_row_explanation (sc, row, PBS_LANGUAGE_ZH);

  if (pbs_scorecard_get_row_score (sc, row, &d))
    pbs_yaml_number (w, "score", &d);
  pbs_yaml_plain (w, "status", pbs_status_get_nick (pbs_scorecard_get_row_status (sc, row)));
  /* A row with a rule of its own already has a `rule:` mapping. */
  if (pbs_evaluation_get_indicator (pbs_scorecard_get_evaluation (sc), row)->rule == PBS_ROW_RULE_COMPARE)
    pbs_yaml_plain (w, "rule", pbs_rule_get_nick (pbs_scorecard_get_row_rule (sc, row)));
  if (pbs_scorecard_get_row_ratio (sc, row, &d))
    pbs_yaml_number (w, "ratio", &d);
  pbs_yaml_scalar (w, "flags", YAML_PLAIN_SCALAR_STYLE);
  pbs_yaml_sequence_start (w, YAML_FLOW_SEQUENCE_STYLE);
  for (guint bit = 1; bit != 0 && bit <= (guint) flags; bit <<= 1)
    if (flags & bit)
      pbs_yaml_scalar (w, pbs_flag_get_nick (bit), YAML_PLAIN_SCALAR_STYLE);
  pbs_yaml_sequence_end (w);
  pbs_yaml_string (w, "explanation", why);
}

static void
write_rule (PbsYamlOut *w, const PbsIndicator *ind)
{
  pbs_yaml_scalar (w, "rule", YAML_PLAIN_SCALAR_STYLE);
  pbs_yaml_mapping_start (w);
  if (ind->rule == PBS_ROW_RULE_STEP)
    {
      pbs_yaml_plain (w, "kind", "step");
      pbs_yaml_number (w, "per", &pbs_indicator_more (ind)->step_per);
      pbs_yaml_number (w, "deduct", &pbs_indicator_more (ind)->step_deduct);
      pbs_yaml_plain (w, "steps", pbs_enum_nick (PBS_TYPE_STEP_MODE, pbs_indicator_more (ind)->step_mode));
    }
  else
    {
      pbs_yaml_plain (w, "kind", "bands");
      pbs_yaml_plain (w, "of", pbs_enum_nick (PBS_TYPE_BANDS_MEASURE, pbs_indicator_more (ind)->bands_of));
      pbs_yaml_scalar (w, "bands", YAML_PLAIN_SCALAR_STYLE);
      pbs_yaml_sequence_start (w, YAML_BLOCK_SEQUENCE_STYLE);
      for (guint i = 0; i < pbs_indicator_more (ind)->bands->len; i++)
        {
          const PbsScoreBand *b = &g_array_index (pbs_indicator_more (ind)->bands, PbsScoreBand, i);
          yaml_event_t ev;

          emit (w, &ev, yaml_mapping_start_event_initialize (&ev, NULL, NULL, 1, YAML_FLOW_MAPPING_STYLE));
          if (b->has_min)
            pbs_yaml_number (w, "min", &b->min);
          if (b->has_max)
            pbs_yaml_number (w, "max", &b->max);
          pbs_yaml_number (w, "score", &b->score);
          pbs_yaml_mapping_end (w);
        }
      pbs_yaml_sequence_end (w);
    }
  pbs_yaml_mapping_end (w);
}

static void
write_indicator (PbsYamlOut *w, const PbsIndicator *ind, PbsScorecard *sc, guint row)
{
  static const char * const bands[] = { NULL, "met", "partial", "unmet" };

  pbs_yaml_mapping_start (w);
  pbs_yaml_string (w, "level1", ind->level1);
  pbs_yaml_string (w, "level2", ind->level2);
  pbs_yaml_string (w, "name", pbs_indicator_name (ind));
  if (ind->target.text != NULL)
    pbs_yaml_quoted (w, "target", ind->target.text);
  if (ind->actual.text != NULL)
    pbs_yaml_quoted (w, "actual", ind->actual.text);
  pbs_yaml_number (w, "points", &ind->points);
  if (pbs_indicator_more (ind)->reason != NULL)
    pbs_yaml_string (w, "reason", pbs_indicator_more (ind)->reason);
  if (ind->has_manual_score)
    pbs_yaml_number (w, "manual_score", &pbs_indicator_more (ind)->manual_score);
  if (ind->has_printed_score)
    pbs_yaml_number (w, "printed_score", &pbs_indicator_more (ind)->printed_score);
  if (ind->not_applicable)
    pbs_yaml_plain (w, "not_applicable", "true");
  if (ind->unpublished)
    pbs_yaml_plain (w, "unpublished", "true");
  if (ind->band != PBS_BAND_UNKNOWN)
    pbs_yaml_plain (w, "band", bands[ind->band]);
  if (ind->rule != PBS_ROW_RULE_COMPARE)
    write_rule (w, ind);
  if (pbs_indicator_more (ind)->parent != NULL)
    pbs_yaml_string (w, "parent", pbs_indicator_more (ind)->parent);
  if (sc != NULL)
    write_scores (w, sc, row);
  pbs_yaml_mapping_end (w);
}

static void
write_result (PbsYamlOut *w, PbsScorecard *sc)
{
  PbsDecimal d;

  pbs_yaml_scalar (w, "result", YAML_PLAIN_SCALAR_STYLE);
  pbs_yaml_mapping_start (w);
  pbs_scorecard_get_total (sc, &d);
  pbs_yaml_number (w, "total", &d);
  pbs_scorecard_get_total_points (sc, &d);
  pbs_yaml_number (w, "total_points", &d);
  pbs_yaml_string (w, "grade", pbs_grade_get_label (pbs_scorecard_get_grade (sc)));
  pbs_yaml_plain (w, "complete", pbs_scorecard_is_complete (sc) ? "true" : "false");
  if (pbs_scorecard_get_budget_rate (sc, &d))
    pbs_yaml_number (w, "budget_rate", &d);
  if (pbs_scorecard_get_budget_score (sc, &d))
    pbs_yaml_number (w, "budget_score", &d);
  pbs_yaml_mapping_end (w);
}

/* @file (absolute) as a document in @base_dir names it: relative to that
 * folder, so that the document reloads from where it is written, or
 * absolute without a folder (standard output, text kept in memory). Both
 * sides are resolved to real paths first: the `..` the relative path
 * climbs are the kernel's, not the spelling's. */
static char *
path_from (const char *file, const char *base_dir)
{
  g_autofree char *real = NULL, *base = NULL;
  g_auto (GStrv) f = NULL, b = NULL;
  GString *rel;
  guint common = 0;

  real = realpath (file, NULL);
  if (real == NULL)
    real = g_canonicalize_filename (file, NULL);
  if (base_dir == NULL)
    return g_steal_pointer (&real);
  base = realpath (base_dir, NULL);
  if (base == NULL)
    base = g_canonicalize_filename (base_dir, NULL);
  f = g_strsplit (real + 1, "/", -1);
  b = g_strsplit (base + 1, "/", -1);
  /* the folders both share, never the file's own name */
  while (b[common] != NULL && *b[common] != '\0' && f[common + 1] != NULL
         && strcmp (b[common], f[common]) == 0)
    common++;
  rel = g_string_new (NULL);
  for (guint i = common; b[i] != NULL && *b[i] != '\0'; i++)
    g_string_append (rel, "../");
  for (guint i = common; f[i] != NULL; i++)
    g_string_append_printf (rel, "%s%s", f[i], f[i + 1] != NULL ? "/" : "");
  /* a file in @base_dir itself: ./name, which pbs_reference_is_path()
   * takes for a path whatever its name ends in */
  if (strchr (rel->str, '/') == NULL)
    g_string_prepend (rel, "./");
  return g_string_free (rel, FALSE);
}

/* How to name a template so that reading the document back finds it: a
 * shipped name as the document named it (or when the search path finds
 * it), else the file it was read from, relative to @base_dir (see
 * path_from()). */
static char *
template_reference (PbsTemplate *t, const char *ref, const char *base_dir)
{
  g_autofree char *found = NULL;

  if (ref != NULL && !pbs_reference_is_path (ref))
    return g_strdup (ref);
  if (ref == NULL)
    found = pbs_template_find_file (pbs_template_get_name (t));
  if ((ref != NULL || found == NULL) && t->file != NULL)
    return path_from (t->file, base_dir);
  return g_strdup (ref != NULL ? ref : pbs_template_get_name (t));
}

/* How to name @p so that reading back gives the same knobs: the preset
 * name the document gave, the file it was read from (see path_from()), or
 * its preset name when it is that preset; NULL with an error when it is
 * none of these (a policy changed in code has no name that brings its
 * knobs back). */
static char *
policy_reference (const PbsPolicy *p, const char *ref, const char *base_dir, GError **error)
{
  g_autoptr (PbsPolicy) preset = NULL;

  if (ref != NULL && !pbs_reference_is_path (ref))
    return g_strdup (ref);
  if (p->file != NULL)
    return path_from (p->file, base_dir);
  if (ref != NULL)
    return g_strdup (ref);
  preset = pbs_policy_new_preset (pbs_policy_get_name (p), NULL);
  if (preset != NULL && pbs_policy_equal (preset, p))
    return g_strdup (pbs_policy_get_name (p));
  g_set_error (error, PBS_DOCUMENT_ERROR, PBS_DOCUMENT_ERROR_BAD_VALUE,
               "the policy “%s” is neither a preset nor read from a file, so a document cannot "
               "name it: save it with pbs_policy_save_to_data and name that file",
               pbs_policy_get_name (p));
  return NULL;
}

/* The policy to write: the one the scores were computed under. When that
 * is the evaluation's own (or central, for none), the document keeps its
 * own `policy:`. */
static gboolean
choose_policy (PbsEvaluation *e, PbsScorecard *sc, const char *base_dir, char **text,
               GError **error)
{
  PbsPolicy *own = pbs_evaluation_get_policy (e);
  const PbsPolicy *used = sc != NULL ? pbs_scorecard_get_policy (sc) : own;
  const PbsPolicy *central = pbs_policy_get_central ();

  *text = NULL;
  if (used == NULL || (own != NULL ? pbs_policy_equal (used, own) : pbs_policy_equal (used, central)))
    {
      if (own == NULL)
        return TRUE;
      *text = policy_reference (own, pbs_evaluation_get_policy_ref (e), base_dir, error);
    }
  else
    *text = policy_reference (used, NULL, base_dir, error);
  return *text != NULL;
}

static void
write_evaluation (PbsYamlOut *w, PbsEvaluation *e, PbsScorecard *sc, const char *base_dir,
                  const char *policy_text, void (*row_done) (gpointer data), gpointer data)
{
  PbsTemplate *t = pbs_evaluation_get_template (e);
  const char *tref = pbs_evaluation_get_template_ref (e);
  PbsBudget *b = pbs_evaluation_get_budget (e);
  g_autofree char *year = NULL;

  pbs_yaml_mapping_start (w);
  pbs_yaml_plain (w, "pbscore", "1");
  pbs_yaml_plain (w, "kind", "evaluation");
  pbs_yaml_string (w, "title", pbs_evaluation_get_title (e));
  if (*pbs_evaluation_get_department (e) != '\0')
    pbs_yaml_string (w, "department", pbs_evaluation_get_department (e));
  if (*pbs_evaluation_get_unit (e) != '\0')
    pbs_yaml_string (w, "unit", pbs_evaluation_get_unit (e));
  if (pbs_evaluation_get_year (e) != 0)
    {
      year = g_strdup_printf ("%u", pbs_evaluation_get_year (e));
      pbs_yaml_plain (w, "year", year);
    }
  pbs_yaml_string (w, "currency", pbs_evaluation_get_currency (e) == PBS_CURRENCY_YUAN ? "元" : "万元");
  if (t != NULL)
    {
      g_autofree char *text = template_reference (t, tref, base_dir);
      pbs_yaml_string (w, "template", text);
    }
  if (policy_text != NULL)
    pbs_yaml_string (w, "policy", policy_text);
  if (b != NULL)
    write_budget (w, b);
  {
    PbsDecimal total;
    if (pbs_evaluation_get_printed_total (e, &total))
      pbs_yaml_number (w, "printed_total", &total);
    write_texts (w, "goals", (const char *[]) { "expected", "achieved", NULL },
                 (const char *[]) { pbs_evaluation_get_goals_expected (e),
                                    pbs_evaluation_get_goals_achieved (e) });
    write_texts (w, "signoff", (const char *[]) { "manager", "preparer", "phone", "date", NULL },
                 (const char *[]) { pbs_evaluation_get_signoff_manager (e),
                                    pbs_evaluation_get_signoff_preparer (e),
                                    pbs_evaluation_get_signoff_phone (e),
                                    pbs_evaluation_get_signoff_date (e) });
    if (pbs_evaluation_get_printed_grade (e) != PBS_GRADE_NONE)
      pbs_yaml_string (w, "printed_grade", pbs_grade_get_label (pbs_evaluation_get_printed_grade (e)));
  }

  pbs_yaml_scalar (w, "indicators", YAML_PLAIN_SCALAR_STYLE);
  pbs_yaml_sequence_start (w, YAML_BLOCK_SEQUENCE_STYLE);
  for (guint i = 0; i < pbs_evaluation_get_n_indicators (e); i++)
    {
      write_indicator (w, pbs_evaluation_get_indicator (e, i), sc, i);
      if (row_done != NULL)
        row_done (data);
    }
  pbs_yaml_sequence_end (w);
  if (sc != NULL)
    write_result (w, sc);
  pbs_yaml_mapping_end (w);
}

gboolean
pbs_yaml_out_begin (PbsYamlOut *w, GString *out, GError **error)
{
  yaml_event_t ev;

  memset (w, 0, sizeof *w);
  if (!yaml_emitter_initialize (&w->emitter))
    {
      g_set_error_literal (error, PBS_DOCUMENT_ERROR, PBS_DOCUMENT_ERROR_IO,
                           "cannot start the YAML emitter");
      return FALSE;
    }
  w->out = out;
  yaml_emitter_set_output (&w->emitter, write_handler, w->out);
  yaml_emitter_set_unicode (&w->emitter, 1);
  yaml_emitter_set_width (&w->emitter, -1);
  yaml_emitter_set_indent (&w->emitter, 2);
  emit (w, &ev, yaml_stream_start_event_initialize (&ev, YAML_UTF8_ENCODING));
  return TRUE;
}

void
pbs_yaml_document_start (PbsYamlOut *w, gboolean implicit)
{
  yaml_event_t ev;
  emit (w, &ev, yaml_document_start_event_initialize (&ev, NULL, NULL, NULL, implicit));
}

void
pbs_yaml_document_end (PbsYamlOut *w)
{
  yaml_event_t ev;
  emit (w, &ev, yaml_document_end_event_initialize (&ev, 1));
}

gboolean
pbs_yaml_out_end (PbsYamlOut *w, GError **error)
{
  yaml_event_t ev;
  gboolean ok;

  emit (w, &ev, yaml_stream_end_event_initialize (&ev));
  ok = !w->failed;
  if (!ok)
    g_set_error (error, PBS_DOCUMENT_ERROR, PBS_DOCUMENT_ERROR_IO,
                 "cannot write the YAML document: %s",
                 w->emitter.problem != NULL ? w->emitter.problem : "emitter error");
  yaml_emitter_delete (&w->emitter);
  return ok;
}

/* One implicit document: the writer's usual output. */
static gboolean
writer_start (PbsYamlOut *w, GError **error)
{
  if (!pbs_yaml_out_begin (w, g_string_new (NULL), error))
    return FALSE;
  pbs_yaml_document_start (w, TRUE);
  return TRUE;
}

static char *
writer_finish (PbsYamlOut *w, gsize *length, GError **error)
{
  pbs_yaml_document_end (w);
  if (!pbs_yaml_out_end (w, error))
    {
      g_string_free (w->out, TRUE);
      return NULL;
    }
  if (length != NULL)
    *length = w->out->len;
  return g_string_free (w->out, FALSE);
}

/**
 * pbs_policy_save_to_data:
 * @self: a #PbsPolicy
 * @length: (out) (optional): the length of the text
 * @error: return location for a #GError, or %NULL
 *
 * Writes @self as a `kind: policy` document with every knob, grouped by
 * the part of its name before the dot (doc/format.md). The shipped
 * `policies/NAME.yaml` files are written by this function from the C
 * presets.
 *
 * Returns: (transfer full) (nullable): the YAML text, or %NULL with @error
 *
 * Since: 0.1
 */
char *
pbs_policy_save_to_data (const PbsPolicy *self, gsize *length, GError **error)
{
  const char * const *knobs = pbs_policy_list_knobs ();
  g_autofree char *group = NULL;
  PbsYamlOut w = { 0 };

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!writer_start (&w, error))
    return NULL;
  pbs_yaml_mapping_start (&w);
  pbs_yaml_plain (&w, "pbscore", "1");
  pbs_yaml_plain (&w, "kind", "policy");
  pbs_yaml_string (&w, "name", pbs_policy_get_name (self));
  if (pbs_policy_get_label (self) != NULL)
    pbs_yaml_string (&w, "label", pbs_policy_get_label (self));
  for (guint i = 0; knobs[i] != NULL; i++)
    {
      const char *dot = strchr (knobs[i], '.');
      g_autofree char *value = pbs_policy_dup_knob (self, knobs[i]);

      if (group == NULL || strncmp (group, knobs[i], (size_t) (dot - knobs[i])) != 0
          || group[dot - knobs[i]] != '\0')
        {
          if (group != NULL)
            pbs_yaml_mapping_end (&w);
          g_free (group);
          group = g_strndup (knobs[i], (gsize) (dot - knobs[i]));
          pbs_yaml_scalar (&w, group, YAML_PLAIN_SCALAR_STYLE);
          pbs_yaml_mapping_start (&w);
        }
      pbs_yaml_plain (&w, dot + 1, value);
    }
  if (group != NULL)
    pbs_yaml_mapping_end (&w);
  pbs_yaml_mapping_end (&w);
  return writer_finish (&w, length, error);
}

/* The checks of pbs_evaluation_save_to_data(), then the document appended
 * to @out as the emitter produces it; @row_done, when given, is called
 * after each row (a report writes out what @out holds). */
gboolean
pbs_evaluation_emit_yaml (PbsEvaluation *self, PbsScorecard *scorecard, const char *base_dir,
                          GString *out, void (*row_done) (gpointer data), gpointer data,
                          GError **error)
{
  PbsYamlOut w = { 0 };
  g_autofree char *policy_text = NULL;

  if (scorecard != NULL && pbs_scorecard_get_n_rows (scorecard) != pbs_evaluation_get_n_indicators (self))
    {
      g_set_error (error, PBS_DOCUMENT_ERROR, PBS_DOCUMENT_ERROR_BAD_VALUE,
                   "the scorecard has %u rows but the evaluation now has %u: score it again",
                   pbs_scorecard_get_n_rows (scorecard), pbs_evaluation_get_n_indicators (self));
      return FALSE;
    }
  /* A row that does not apply or is not published may lack its target
   * (rule book §11); any other row needs one to be read back. */
  for (guint i = 0; i < pbs_evaluation_get_n_indicators (self); i++)
    if (!pbs_value_is_set (&pbs_evaluation_get_indicator (self, i)->target)
        && !pbs_evaluation_get_indicator (self, i)->unpublished
        && !pbs_evaluation_get_indicator (self, i)->not_applicable)
      {
        g_set_error (error, PBS_DOCUMENT_ERROR, PBS_DOCUMENT_ERROR_MISSING_FIELD,
                     "row %u (%s) has no target (年度指标值), which a document requires", i + 1,
                     pbs_indicator_get_name (pbs_evaluation_get_indicator (self, i)));
        return FALSE;
      }
  /* Scoring refuses a table without one (PBS_SCORE_ERROR_NO_BUDGET), and
   * so does reading: a document has a budget line. */
  if (pbs_evaluation_get_budget (self) == NULL)
    {
      g_set_error_literal (error, PBS_DOCUMENT_ERROR, PBS_DOCUMENT_ERROR_MISSING_FIELD,
                           "the evaluation has no budget line (全年预算数 and 全年执行数), "
                           "which a document requires");
      return FALSE;
    }
  if (!choose_policy (self, scorecard, base_dir, &policy_text, error))
    return FALSE;

  if (!pbs_yaml_out_begin (&w, out, error))
    return FALSE;
  pbs_yaml_document_start (&w, TRUE);
  write_evaluation (&w, self, scorecard, base_dir, policy_text, row_done, data);
  pbs_yaml_document_end (&w);
  return pbs_yaml_out_end (&w, error);
}

/**
 * pbs_evaluation_save_to_data:
 * @self: a #PbsEvaluation
 * @scorecard: (nullable): its scorecard, to write the scores too
 * @length: (out) (optional): the length of the text
 * @error: return location for a #GError, or %NULL
 *
 * Writes @self as a format-1 YAML document (doc/format.md). With a
 * scorecard, each row also gets `score`, `status`, `rule`, `ratio`,
 * `flags` and `explanation`, and the document a `result` mapping; these
 * are ignored when the document is read back.
 *
 * A shipped template or policy is named by its name; one read from a file
 * by that file's absolute path, since the text has no folder of its own
 * (pbs_evaluation_save_to_file() writes it relative to the file's folder).
 * An evaluation without a budget line, or with a row that needs a target
 * and has none, is %PBS_DOCUMENT_ERROR_MISSING_FIELD: reading it back
 * would fail.
 *
 * Returns: (transfer full) (nullable): the YAML text, or %NULL with @error
 *
 * Since: 0.1
 */
char *
pbs_evaluation_save_to_data (PbsEvaluation *self, PbsScorecard *scorecard, gsize *length,
                             GError **error)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (scorecard == NULL || pbs_scorecard_get_evaluation (scorecard) == self, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return pbs_evaluation_write_yaml (self, scorecard, NULL, length, error);
}

/* pbs_evaluation_save_to_data() with the folder the text will be written
 * in (NULL: absolute paths). */
char *
pbs_evaluation_write_yaml (PbsEvaluation *self, PbsScorecard *scorecard, const char *base_dir,
                           gsize *length, GError **error)
{
  g_autoptr (GString) out = g_string_new (NULL);

  if (!pbs_evaluation_emit_yaml (self, scorecard, base_dir, out, NULL, NULL, error))
    return NULL;
  if (length != NULL)
    *length = out->len;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * pbs_evaluation_save_to_file:
 * @self: a #PbsEvaluation
 * @scorecard: (nullable): its scorecard, to write the scores too
 * @path: the file to write
 * @error: return location for a #GError, or %NULL
 *
 * Writes @self to @path as pbs_evaluation_save_to_data() does, except that
 * a template or policy read from a file is named relative to @path's
 * folder, so the document reloads from where it is written. The text is
 * written to a temporary file beside @path and renamed over it, so an
 * error never leaves a partial file.
 *
 * Returns: %TRUE on success; %FALSE with %PBS_DOCUMENT_ERROR_IO, or the
 *   errors of pbs_evaluation_save_to_data()
 *
 * Since: 0.1
 */
gboolean
pbs_evaluation_save_to_file (PbsEvaluation *self, PbsScorecard *scorecard, const char *path,
                             GError **error)
{
  g_autofree char *text = NULL, *dir = NULL;
  g_autoptr (GError) local = NULL;
  gsize length;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (scorecard == NULL || pbs_scorecard_get_evaluation (scorecard) == self, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  dir = g_path_get_dirname (path);
  text = pbs_evaluation_write_yaml (self, scorecard, dir, &length, error);
  if (text == NULL)
    return FALSE;
  /* g_file_set_contents() writes a temporary file and renames it. */
  if (!g_file_set_contents (path, text, (gssize) length, &local))
    {
      g_set_error (error, PBS_DOCUMENT_ERROR, PBS_DOCUMENT_ERROR_IO, "%s", local->message);
      return FALSE;
    }
  return TRUE;
}
