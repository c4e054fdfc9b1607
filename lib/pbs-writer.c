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

#include <string.h>
#include <yaml.h>

#include "pbs-private.h"

typedef struct {
  yaml_emitter_t emitter;
  GString       *out;
  gboolean       failed;
} Writer;

static int
write_handler (void *data, unsigned char *buffer, size_t size)
{
  g_string_append_len (data, (const char *) buffer, (gssize) size);
  return 1;
}

static void
emit (Writer *w, yaml_event_t *ev, int ok)
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

static void
scalar (Writer *w, const char *text, yaml_scalar_style_t style)
{
  yaml_event_t ev;

  if (style == YAML_ANY_SCALAR_STYLE && needs_quotes (text))
    style = YAML_DOUBLE_QUOTED_SCALAR_STYLE;
  emit (w, &ev, yaml_scalar_event_initialize (&ev, NULL, NULL, (yaml_char_t *) text,
                                              (int) strlen (text), 1, 1, style));
}

static void
string (Writer *w, const char *key, const char *value)
{
  scalar (w, key, YAML_PLAIN_SCALAR_STYLE);
  scalar (w, value, YAML_ANY_SCALAR_STYLE);
}

/* Values as printed (targets, actuals) are always quoted strings. */
static void
quoted (Writer *w, const char *key, const char *value)
{
  scalar (w, key, YAML_PLAIN_SCALAR_STYLE);
  scalar (w, value, YAML_DOUBLE_QUOTED_SCALAR_STYLE);
}

static void
number (Writer *w, const char *key, const PbsDecimal *d)
{
  g_autofree char *text = pbs_decimal_to_string (d);

  scalar (w, key, YAML_PLAIN_SCALAR_STYLE);
  scalar (w, text, YAML_PLAIN_SCALAR_STYLE);
}

static void
plain (Writer *w, const char *key, const char *value)
{
  scalar (w, key, YAML_PLAIN_SCALAR_STYLE);
  scalar (w, value, YAML_PLAIN_SCALAR_STYLE);
}

static void
mapping_start (Writer *w)
{
  yaml_event_t ev;
  emit (w, &ev, yaml_mapping_start_event_initialize (&ev, NULL, NULL, 1, YAML_BLOCK_MAPPING_STYLE));
}

static void
mapping_end (Writer *w)
{
  yaml_event_t ev;
  emit (w, &ev, yaml_mapping_end_event_initialize (&ev));
}

static void
sequence_start (Writer *w, yaml_sequence_style_t style)
{
  yaml_event_t ev;
  emit (w, &ev, yaml_sequence_start_event_initialize (&ev, NULL, NULL, 1, style));
}

static void
sequence_end (Writer *w)
{
  yaml_event_t ev;
  emit (w, &ev, yaml_sequence_end_event_initialize (&ev));
}

static void
write_budget (Writer *w, const PbsBudget *b)
{
  scalar (w, "budget", YAML_PLAIN_SCALAR_STYLE);
  mapping_start (w);
  if (b->has_initial)
    number (w, "initial", &b->initial);
  number (w, "annual", &b->annual);
  number (w, "executed", &b->executed);
  if (b->has_points)
    number (w, "points", &b->points);
  if (b->has_printed_score)
    number (w, "printed_score", &b->printed_score);
  mapping_end (w);
}

static void
write_scores (Writer *w, PbsScorecard *sc, guint row)
{
  PbsDecimal d;
  PbsFlags flags = pbs_scorecard_get_row_flags (sc, row);
  g_autofree char *why = pbs_scorecard_dup_row_explanation (sc, row, PBS_LANGUAGE_ZH);

  if (pbs_scorecard_get_row_score (sc, row, &d))
    number (w, "score", &d);
  plain (w, "status", pbs_status_to_string (pbs_scorecard_get_row_status (sc, row)));
  /* A row with a rule of its own already has a `rule:` mapping. */
  if (pbs_evaluation_get_indicator (pbs_scorecard_get_evaluation (sc), row)->rule == PBS_ROW_RULE_COMPARE)
    plain (w, "rule", pbs_rule_to_string (pbs_scorecard_get_row_rule (sc, row)));
  if (pbs_scorecard_get_row_ratio (sc, row, &d))
    number (w, "ratio", &d);
  scalar (w, "flags", YAML_PLAIN_SCALAR_STYLE);
  sequence_start (w, YAML_FLOW_SEQUENCE_STYLE);
  for (guint bit = 1; bit != 0 && bit <= (guint) flags; bit <<= 1)
    if (flags & bit)
      scalar (w, pbs_flag_to_string (bit), YAML_PLAIN_SCALAR_STYLE);
  sequence_end (w);
  string (w, "explanation", why);
}

static void
write_rule (Writer *w, const PbsIndicator *ind)
{
  scalar (w, "rule", YAML_PLAIN_SCALAR_STYLE);
  mapping_start (w);
  if (ind->rule == PBS_ROW_RULE_STEP)
    {
      plain (w, "kind", "step");
      number (w, "per", &ind->step_per);
      number (w, "deduct", &ind->step_deduct);
      plain (w, "steps", pbs_enum_nick (PBS_TYPE_STEP_MODE, ind->step_mode));
    }
  else
    {
      plain (w, "kind", "bands");
      plain (w, "of", pbs_enum_nick (PBS_TYPE_BANDS_MEASURE, ind->bands_of));
      scalar (w, "bands", YAML_PLAIN_SCALAR_STYLE);
      sequence_start (w, YAML_BLOCK_SEQUENCE_STYLE);
      for (guint i = 0; i < ind->bands->len; i++)
        {
          const PbsScoreBand *b = &g_array_index (ind->bands, PbsScoreBand, i);
          yaml_event_t ev;

          emit (w, &ev, yaml_mapping_start_event_initialize (&ev, NULL, NULL, 1, YAML_FLOW_MAPPING_STYLE));
          if (b->has_min)
            number (w, "min", &b->min);
          if (b->has_max)
            number (w, "max", &b->max);
          number (w, "score", &b->score);
          mapping_end (w);
        }
      sequence_end (w);
    }
  mapping_end (w);
}

static void
write_indicator (Writer *w, const PbsIndicator *ind, PbsScorecard *sc, guint row)
{
  static const char * const bands[] = { NULL, "met", "partial", "unmet" };

  mapping_start (w);
  string (w, "level1", ind->level1);
  string (w, "level2", ind->level2);
  string (w, "name", ind->name);
  quoted (w, "target", ind->target.text != NULL ? ind->target.text : "");
  if (ind->actual.text != NULL)
    quoted (w, "actual", ind->actual.text);
  number (w, "points", &ind->points);
  if (*ind->reason != '\0')
    string (w, "reason", ind->reason);
  if (ind->has_manual_score)
    number (w, "manual_score", &ind->manual_score);
  if (ind->has_printed_score)
    number (w, "printed_score", &ind->printed_score);
  if (ind->not_applicable)
    plain (w, "not_applicable", "true");
  if (ind->band != PBS_BAND_UNKNOWN)
    plain (w, "band", bands[ind->band]);
  if (ind->rule != PBS_ROW_RULE_COMPARE)
    write_rule (w, ind);
  if (ind->parent != NULL)
    string (w, "parent", ind->parent);
  if (sc != NULL)
    write_scores (w, sc, row);
  mapping_end (w);
}

static void
write_result (Writer *w, PbsScorecard *sc)
{
  PbsDecimal d;

  scalar (w, "result", YAML_PLAIN_SCALAR_STYLE);
  mapping_start (w);
  pbs_scorecard_get_total (sc, &d);
  number (w, "total", &d);
  pbs_scorecard_get_total_points (sc, &d);
  number (w, "total_points", &d);
  string (w, "grade", pbs_grade_to_string (pbs_scorecard_get_grade (sc)));
  plain (w, "complete", pbs_scorecard_is_complete (sc) ? "true" : "false");
  if (pbs_scorecard_get_budget_rate (sc, &d))
    number (w, "budget_rate", &d);
  pbs_scorecard_get_budget_score (sc, &d);
  number (w, "budget_score", &d);
  mapping_end (w);
}

static void
write_evaluation (Writer *w, PbsEvaluation *e, PbsScorecard *sc)
{
  PbsTemplate *t = pbs_evaluation_get_template (e);
  PbsPolicy *p = pbs_evaluation_get_policy (e);
  const char *tref = pbs_evaluation_get_template_ref (e), *pref = pbs_evaluation_get_policy_ref (e);
  PbsBudget *b = pbs_evaluation_get_budget (e);
  g_autofree char *year = NULL;

  mapping_start (w);
  plain (w, "pbscore", "1");
  plain (w, "kind", "evaluation");
  string (w, "title", pbs_evaluation_get_title (e));
  if (*pbs_evaluation_get_department (e) != '\0')
    string (w, "department", pbs_evaluation_get_department (e));
  if (*pbs_evaluation_get_unit (e) != '\0')
    string (w, "unit", pbs_evaluation_get_unit (e));
  if (pbs_evaluation_get_year (e) != 0)
    {
      year = g_strdup_printf ("%u", pbs_evaluation_get_year (e));
      plain (w, "year", year);
    }
  string (w, "currency", pbs_evaluation_get_currency (e) == PBS_CURRENCY_YUAN ? "元" : "万元");
  if (t != NULL)
    string (w, "template", tref != NULL ? tref : pbs_template_get_name (t));
  if (p != NULL)
    string (w, "policy", pref != NULL ? pref : pbs_policy_get_name (p));
  if (b != NULL)
    write_budget (w, b);
  {
    PbsDecimal total;
    if (pbs_evaluation_get_printed_total (e, &total))
      number (w, "printed_total", &total);
  }

  scalar (w, "indicators", YAML_PLAIN_SCALAR_STYLE);
  sequence_start (w, YAML_BLOCK_SEQUENCE_STYLE);
  for (guint i = 0; i < pbs_evaluation_get_n_indicators (e); i++)
    write_indicator (w, pbs_evaluation_get_indicator (e, i), sc, i);
  sequence_end (w);
  if (sc != NULL)
    write_result (w, sc);
  mapping_end (w);
}

static gboolean
writer_start (Writer *w, GError **error)
{
  yaml_event_t ev;

  if (!yaml_emitter_initialize (&w->emitter))
    {
      g_set_error_literal (error, PBS_DOCUMENT_ERROR, PBS_DOCUMENT_ERROR_IO,
                           "cannot start the YAML emitter");
      return FALSE;
    }
  w->out = g_string_new (NULL);
  yaml_emitter_set_output (&w->emitter, write_handler, w->out);
  yaml_emitter_set_unicode (&w->emitter, 1);
  yaml_emitter_set_width (&w->emitter, -1);
  yaml_emitter_set_indent (&w->emitter, 2);
  emit (w, &ev, yaml_stream_start_event_initialize (&ev, YAML_UTF8_ENCODING));
  emit (w, &ev, yaml_document_start_event_initialize (&ev, NULL, NULL, NULL, 1));
  return TRUE;
}

static char *
writer_finish (Writer *w, gsize *length, GError **error)
{
  yaml_event_t ev;

  emit (w, &ev, yaml_document_end_event_initialize (&ev, 1));
  emit (w, &ev, yaml_stream_end_event_initialize (&ev));
  if (w->failed)
    {
      g_set_error (error, PBS_DOCUMENT_ERROR, PBS_DOCUMENT_ERROR_IO,
                   "cannot write the YAML document: %s",
                   w->emitter.problem != NULL ? w->emitter.problem : "emitter error");
      yaml_emitter_delete (&w->emitter);
      g_string_free (w->out, TRUE);
      return NULL;
    }
  yaml_emitter_delete (&w->emitter);
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
  Writer w = { 0 };

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!writer_start (&w, error))
    return NULL;
  mapping_start (&w);
  plain (&w, "pbscore", "1");
  plain (&w, "kind", "policy");
  string (&w, "name", pbs_policy_get_name (self));
  for (guint i = 0; knobs[i] != NULL; i++)
    {
      const char *dot = strchr (knobs[i], '.');
      g_autofree char *value = pbs_policy_get (self, knobs[i]);

      if (group == NULL || strncmp (group, knobs[i], (size_t) (dot - knobs[i])) != 0
          || group[dot - knobs[i]] != '\0')
        {
          if (group != NULL)
            mapping_end (&w);
          g_free (group);
          group = g_strndup (knobs[i], (gsize) (dot - knobs[i]));
          scalar (&w, group, YAML_PLAIN_SCALAR_STYLE);
          mapping_start (&w);
        }
      plain (&w, dot + 1, value);
    }
  if (group != NULL)
    mapping_end (&w);
  mapping_end (&w);
  return writer_finish (&w, length, error);
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
 * Returns: (transfer full) (nullable): the YAML text, or %NULL with @error
 *
 * Since: 0.1
 */
char *
pbs_evaluation_save_to_data (PbsEvaluation *self, PbsScorecard *scorecard, gsize *length,
                             GError **error)
{
  Writer w = { 0 };

  g_return_val_if_fail (PBS_IS_EVALUATION (self), NULL);
  g_return_val_if_fail (scorecard == NULL || pbs_scorecard_get_evaluation (scorecard) == self, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!writer_start (&w, error))
    return NULL;
  write_evaluation (&w, self, scorecard);
  return writer_finish (&w, length, error);
}

/**
 * pbs_evaluation_save_to_file:
 * @self: a #PbsEvaluation
 * @scorecard: (nullable): its scorecard, to write the scores too
 * @path: the file to write
 * @error: return location for a #GError, or %NULL
 *
 * Writes @self to @path as pbs_evaluation_save_to_data() does. The text is
 * written to a temporary file beside @path and renamed over it, so an
 * error never leaves a partial file.
 *
 * Returns: %TRUE on success; %FALSE with %PBS_DOCUMENT_ERROR_IO
 *
 * Since: 0.1
 */
gboolean
pbs_evaluation_save_to_file (PbsEvaluation *self, PbsScorecard *scorecard, const char *path,
                             GError **error)
{
  g_autofree char *text = NULL;
  g_autoptr (GError) local = NULL;
  gsize length;

  g_return_val_if_fail (PBS_IS_EVALUATION (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  text = pbs_evaluation_save_to_data (self, scorecard, &length, error);
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
