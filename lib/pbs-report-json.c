/* pbs-report-json.c - reports as JSON and JSON Lines
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * json-glib builds and escapes the objects (doc/report.md lists every
 * field). Its one shortcoming here is numbers: it only writes doubles, as
 * %.17g, so a score of 9.99 would come out as 9.9900000000000002. Scores
 * must be the exact decimals of the table, with the policy's digits.
 *
 * So every decimal goes into the tree as a *string* made of a sentinel
 * prefix and the decimal's text: "\x01" + 16 random hex digits + ":" +
 * "9.99". After generating, each quoted sentinel string — exactly as
 * json-glib escaped it, `"\u0001<nonce>:9.99"` — is replaced by the bare
 * text 9.99. The nonce is drawn afresh for every render, so no string in
 * the input (a title, a reason) can forge a sentinel: it would have to
 * contain a control character followed by a 64-bit number nobody knows
 * in advance. The replacement also checks that what follows the sentinel
 * is a decimal, so nothing else can ever be unquoted.
 */
#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "pbs-report-private.h"

typedef struct {
  JsonBuilder  *b;
  const char   *prefix;   /* the sentinel: "\x01" nonce ":" */
  PbsScorecard *sc;
  PbsLanguage   language;
} Json;

static void
member_string (Json *j, const char *name, const char *value)
{
  json_builder_set_member_name (j->b, name);
  if (value != NULL)
    json_builder_add_string_value (j->b, value);
  else
    json_builder_add_null_value (j->b);
}

/* A string member, null when empty (optional header fields). */
static void
member_text (Json *j, const char *name, const char *value)
{
  member_string (j, name, value != NULL && *value != '\0' ? value : NULL);
}

/* A decimal's text as a JSON number, or null; takes @text. */
static void
member_number_take (Json *j, const char *name, char *text)
{
  json_builder_set_member_name (j->b, name);
  if (text != NULL)
    {
      g_autofree char *sentinel = g_strconcat (j->prefix, text, NULL);
      json_builder_add_string_value (j->b, sentinel);
      g_free (text);
    }
  else
    json_builder_add_null_value (j->b);
}

/* A decimal as given (amounts, points, printed values): its own digits. */
static void
member_decimal (Json *j, const char *name, const PbsDecimal *d)
{
  member_number_take (j, name, d != NULL ? pbs_decimal_to_string (d) : NULL);
}

/* A computed decimal (score, total, rate): the policy's digits. */
static void
member_computed (Json *j, const char *name, const PbsDecimal *d)
{
  member_number_take (j, name, d != NULL ? pbs_report_dup_number (j->sc, d) : NULL);
}

static void
member_int (Json *j, const char *name, gint64 value)
{
  json_builder_set_member_name (j->b, name);
  json_builder_add_int_value (j->b, value);
}

static void
member_bool (Json *j, const char *name, gboolean value)
{
  json_builder_set_member_name (j->b, name);
  json_builder_add_boolean_value (j->b, value);
}

static void
add_budget (Json *j)
{
  PbsBudget *b = pbs_evaluation_get_budget (pbs_scorecard_get_evaluation (j->sc));
  PbsDecimal d;

  json_builder_set_member_name (j->b, "budget");
  json_builder_begin_object (j->b);
  member_decimal (j, "initial", b != NULL && pbs_budget_get_initial (b, &d) ? &d : NULL);
  if (b != NULL)
    pbs_budget_get_annual (b, &d);
  member_decimal (j, "annual", b != NULL ? &d : NULL);
  if (b != NULL)
    pbs_budget_get_executed (b, &d);
  member_decimal (j, "executed", b != NULL ? &d : NULL);
  member_computed (j, "rate", pbs_scorecard_get_budget_rate (j->sc, &d) ? &d : NULL);
  pbs_scorecard_get_budget_points (j->sc, &d);
  member_decimal (j, "points", &d);
  pbs_scorecard_get_budget_score (j->sc, &d);
  member_computed (j, "score", &d);
  member_decimal (j, "printed_score", b != NULL && pbs_budget_get_printed_score (b, &d) ? &d : NULL);
  json_builder_end_object (j->b);
}

static void
add_flags (Json *j, PbsFlags flags)
{
  json_builder_set_member_name (j->b, "flags");
  json_builder_begin_array (j->b);
  for (guint bit = 0; bit < 32; bit++)
    if (flags & (1u << bit))
      json_builder_add_string_value (j->b, pbs_flag_get_nick ((PbsFlags) (1u << bit)));
  json_builder_end_array (j->b);
}

static void
add_indicators (Json *j, const PbsReportInput *in)
{
  PbsEvaluation *e = pbs_scorecard_get_evaluation (j->sc);

  json_builder_set_member_name (j->b, "indicators");
  json_builder_begin_array (j->b);
  for (guint i = 0; i < pbs_scorecard_get_n_rows (j->sc); i++)
    {
      PbsIndicator *ind = pbs_evaluation_get_indicator (e, i);
      const PbsValue *target = pbs_indicator_get_target (ind);
      const PbsValue *actual = pbs_indicator_get_actual (ind);
      g_autofree char *explanation = NULL;
      PbsDecimal d;

      if (!pbs_report_row_selected (in, j->sc, i))
        continue;
      json_builder_begin_object (j->b);
      member_int (j, "row", i + 1);
      member_string (j, "level1", pbs_indicator_get_level1 (ind));
      member_string (j, "level2", pbs_indicator_get_level2 (ind));
      member_string (j, "name", pbs_indicator_get_name (ind));
      member_string (j, "target", target != NULL ? pbs_value_get_text (target) : NULL);
      member_string (j, "actual", actual != NULL ? pbs_value_get_text (actual) : NULL);
      pbs_scorecard_get_row_points (j->sc, i, &d);
      member_decimal (j, "points", &d);
      member_number_take (j, "score", pbs_report_dup_row_score (j->sc, i));
      member_string (j, "status", pbs_status_get_nick (pbs_scorecard_get_row_status (j->sc, i)));
      member_string (j, "rule", pbs_rule_get_nick (pbs_scorecard_get_row_rule (j->sc, i)));
      member_string (j, "deviation", pbs_deviation_get_nick (pbs_scorecard_get_row_deviation (j->sc, i)));
      add_flags (j, pbs_scorecard_get_row_flags (j->sc, i));
      member_decimal (j, "ratio", pbs_scorecard_get_row_ratio (j->sc, i, &d) ? &d : NULL);
      member_decimal (j, "printed_score", pbs_indicator_get_printed_score (ind, &d) ? &d : NULL);
      member_text (j, "reason", pbs_indicator_get_reason (ind));
      member_text (j, "parent", pbs_indicator_get_parent (ind));
      explanation = pbs_scorecard_dup_row_explanation (j->sc, i, j->language);
      member_string (j, "explanation", explanation);
      json_builder_end_object (j->b);
    }
  json_builder_end_array (j->b);
}

static void
add_subtotals (Json *j)
{
  json_builder_set_member_name (j->b, "subtotals");
  json_builder_begin_array (j->b);
  for (guint i = 0; i < pbs_scorecard_get_n_subtotals (j->sc); i++)
    {
      const char *level1, *level2;
      PbsDecimal points, score;
      guint level;

      pbs_scorecard_get_subtotal (j->sc, i, &level, &level1, &level2, &points, &score);
      json_builder_begin_object (j->b);
      member_int (j, "level", level);
      member_string (j, "level1", level1);
      member_string (j, "level2", level == 1 ? NULL : level2);
      member_decimal (j, "points", &points);
      member_computed (j, "score", &score);
      json_builder_end_object (j->b);
    }
  json_builder_end_array (j->b);
}

static void
add_warnings (Json *j)
{
  json_builder_set_member_name (j->b, "warnings");
  json_builder_begin_array (j->b);
  for (guint i = 0; i < pbs_scorecard_get_n_warnings (j->sc); i++)
    {
      g_autofree char *message = pbs_scorecard_dup_warning_message (j->sc, i, j->language);

      json_builder_begin_object (j->b);
      member_string (j, "code", pbs_enum_nick (PBS_TYPE_WARNING, pbs_scorecard_get_warning (j->sc, i)));
      member_string (j, "message", message);
      json_builder_end_object (j->b);
    }
  json_builder_end_array (j->b);
}

static void
add_findings (Json *j, const PbsReportInput *in)
{
  PbsEvaluation *e = pbs_scorecard_get_evaluation (j->sc);
  g_autoptr (PbsAudit) audit = pbs_audit_new (j->sc);

  json_builder_set_member_name (j->b, "findings");
  json_builder_begin_array (j->b);
  for (guint i = 0; i < pbs_audit_get_n_findings (audit); i++)
    {
      gint row = pbs_audit_get_row (audit, i);
      g_autofree char *message = NULL;
      PbsDecimal d;

      if (!pbs_report_finding_selected (in, j->sc, audit, i))
        continue;
      json_builder_begin_object (j->b);
      member_string (j, "kind", pbs_enum_nick (PBS_TYPE_FINDING_KIND, pbs_audit_get_kind (audit, i)));
      json_builder_set_member_name (j->b, "row");
      if (row >= 0)
        json_builder_add_int_value (j->b, row + 1);
      else
        json_builder_add_null_value (j->b);
      member_string (j, "name", row >= 0 ? pbs_indicator_get_name (pbs_evaluation_get_indicator (e, (guint) row))
                                         : NULL);
      member_decimal (j, "printed", pbs_audit_get_printed (audit, i, &d) ? &d : NULL);
      member_computed (j, "computed", pbs_audit_get_computed (audit, i, &d) ? &d : NULL);
      member_string (j, "variant", pbs_variant_get_nick (pbs_audit_get_variant (audit, i)));
      member_string (j, "warning", pbs_audit_get_kind (audit, i) == PBS_FINDING_WARNING
                                   ? pbs_enum_nick (PBS_TYPE_WARNING, pbs_audit_get_warning (audit, i))
                                   : NULL);
      message = pbs_audit_dup_message (audit, i, j->language);
      member_string (j, "message", message);
      json_builder_end_object (j->b);
    }
  json_builder_end_array (j->b);
}

static void
add_lint (Json *j, const PbsReportInput *in)
{
  g_autoptr (GArray) items = pbs_report_lint_items (in, j->sc);

  json_builder_set_member_name (j->b, "lint");
  json_builder_begin_array (j->b);
  for (guint i = 0; i < items->len; i++)
    {
      const PbsReportLintItem *item = &g_array_index (items, PbsReportLintItem, i);

      json_builder_begin_object (j->b);
      member_string (j, "check", item->check);
      json_builder_set_member_name (j->b, "row");
      if (item->row > 0)
        json_builder_add_int_value (j->b, item->row);
      else
        json_builder_add_null_value (j->b);
      member_string (j, "name", item->name);
      member_string (j, "category", item->category);
      member_string (j, "where", item->where);
      member_string (j, "message", item->message);
      member_string (j, "suggestion", item->suggestion);
      json_builder_end_object (j->b);
    }
  json_builder_end_array (j->b);
}

static void
add_evaluation (Json *j, const PbsReportInput *in)
{
  PbsEvaluation *e = pbs_scorecard_get_evaluation (j->sc);
  PbsTemplate *template_ = pbs_evaluation_get_template (e);
  PbsGrade grade = pbs_scorecard_get_grade (j->sc);
  PbsDecimal d;

  json_builder_begin_object (j->b);
  member_string (j, "title", pbs_evaluation_get_title (e));
  member_text (j, "department", pbs_evaluation_get_department (e));
  member_text (j, "unit", pbs_evaluation_get_unit (e));
  json_builder_set_member_name (j->b, "year");
  if (pbs_evaluation_get_year (e) > 0)
    json_builder_add_int_value (j->b, pbs_evaluation_get_year (e));
  else
    json_builder_add_null_value (j->b);
  member_string (j, "currency", pbs_report_currency_label (pbs_evaluation_get_currency (e)));
  member_string (j, "template", template_ != NULL ? pbs_template_get_name (template_) : NULL);
  member_string (j, "policy", pbs_report_policy_name (j->sc));
  pbs_scorecard_get_total (j->sc, &d);
  member_computed (j, "total", &d);
  pbs_scorecard_get_total_points (j->sc, &d);
  member_decimal (j, "total_points", &d);
  member_string (j, "grade", grade != PBS_GRADE_NONE ? pbs_grade_get_label (grade) : NULL);
  member_string (j, "grade_code", grade != PBS_GRADE_NONE ? pbs_enum_nick (PBS_TYPE_GRADE, grade) : NULL);
  json_builder_set_member_name (j->b, "goals");
  json_builder_begin_object (j->b);
  member_text (j, "expected", pbs_evaluation_get_goals_expected (e));
  member_text (j, "achieved", pbs_evaluation_get_goals_achieved (e));
  json_builder_end_object (j->b);
  json_builder_set_member_name (j->b, "signoff");
  json_builder_begin_object (j->b);
  member_text (j, "manager", pbs_evaluation_get_signoff_manager (e));
  member_text (j, "preparer", pbs_evaluation_get_signoff_preparer (e));
  member_text (j, "phone", pbs_evaluation_get_signoff_phone (e));
  member_text (j, "date", pbs_evaluation_get_signoff_date (e));
  json_builder_end_object (j->b);
  member_string (j, "printed_grade",
                 pbs_evaluation_get_printed_grade (pbs_scorecard_get_evaluation (j->sc)) != PBS_GRADE_NONE
                 ? pbs_grade_get_label (pbs_evaluation_get_printed_grade (pbs_scorecard_get_evaluation (j->sc)))
                 : NULL);
  member_bool (j, "complete", pbs_scorecard_is_complete (j->sc));
  json_builder_set_member_name (j->b, "unscored");
  json_builder_begin_array (j->b);
  for (guint i = 0; i < pbs_scorecard_get_n_rows (j->sc); i++)
    if (pbs_scorecard_get_row_status (j->sc, i) == PBS_STATUS_UNSCORED
        && !(pbs_scorecard_get_row_flags (j->sc, i) & PBS_FLAG_NOT_COUNTED))
      json_builder_add_int_value (j->b, i + 1);
  json_builder_end_array (j->b);
  add_budget (j);
  add_indicators (j, in);
  add_subtotals (j);
  add_warnings (j);
  if (in->content == PBS_REPORT_AUDIT)
    add_findings (j, in);
  if (in->content == PBS_REPORT_LINT)
    add_lint (j, in);
  if (in->content == PBS_REPORT_NARRATIVE)
    {
      g_autofree char *narrative = pbs_narrative_dup_text (j->sc);
      member_string (j, "narrative", narrative != NULL ? narrative : "");
    }
  json_builder_end_object (j->b);
}

static char *
generate (JsonNode *root, gboolean pretty)
{
  g_autoptr (JsonGenerator) gen = json_generator_new ();

  json_generator_set_pretty (gen, pretty);
  json_generator_set_indent (gen, 2);
  json_generator_set_root (gen, root);
  return json_generator_to_data (gen, NULL);
}

/* The sentinel as json-glib writes it inside a string, with the opening
 * quote: asking json-glib itself keeps this right whatever it escapes. */
static char *
escaped_prefix (const char *prefix)
{
  g_autoptr (JsonNode) node = json_node_new (JSON_NODE_VALUE);
  char *text;
  gsize len;

  json_node_set_string (node, prefix);
  text = generate (node, FALSE);
  len = strlen (text);
  if (len >= 2 && text[len - 1] == '"')
    text[len - 1] = '\0';   /* drop the closing quote */
  return text;
}

/* Replaces every `"<sentinel>DECIMAL"` of @json by DECIMAL. */
static gboolean
unquote_numbers (const char *json, const char *pattern, GString *out, GError **error)
{
  gsize plen = strlen (pattern);
  const char *p = json;
  const char *hit;

  while ((hit = strstr (p, pattern)) != NULL)
    {
      const char *num = hit + plen;
      const char *end = num;

      while (g_ascii_isdigit (*end) || *end == '-' || *end == '.')
        end++;
      if (*end != '"' || end == num)
        {
          g_set_error (error, PBS_REPORT_ERROR, PBS_REPORT_ERROR_FAILED,
                       "the JSON writer produced a malformed number");
          return FALSE;
        }
      g_string_append_len (out, p, hit - p);
      g_string_append_len (out, num, end - num);
      p = end + 1;
    }
  g_string_append (out, p);
  return TRUE;
}

/* Writes the builder's tree, numbers unquoted, and a line break. */
static gboolean
emit (JsonBuilder *b, gboolean pretty, const char *pattern, GString *out, GError **error)
{
  g_autoptr (JsonNode) root = json_builder_get_root (b);
  g_autofree char *text = root != NULL ? generate (root, pretty) : NULL;

  if (text == NULL)
    {
      g_set_error (error, PBS_REPORT_ERROR, PBS_REPORT_ERROR_FAILED, "the JSON writer failed");
      return FALSE;
    }
  if (!unquote_numbers (text, pattern, out, error))
    return FALSE;
  g_string_append_c (out, '\n');
  return TRUE;
}

gboolean
pbs_report_write_json (const PbsReportInput *in, gboolean lines, GString *out, GError **error)
{
  g_autofree char *prefix = g_strdup_printf ("\x01%08x%08x:", g_random_int (), g_random_int ());
  g_autofree char *pattern = escaped_prefix (prefix);
  g_autoptr (JsonBuilder) b = json_builder_new ();
  Json j = { b, prefix, NULL, in->language };
  gboolean array = !lines && in->scorecards->len != 1;

  if (pattern == NULL || !g_str_has_prefix (pattern, "\""))
    {
      g_set_error (error, PBS_REPORT_ERROR, PBS_REPORT_ERROR_FAILED, "the JSON writer failed");
      return FALSE;
    }

  /* json: one object, or an array of several; jsonl: one object a line. */
  if (array)
    json_builder_begin_array (b);
  for (guint i = 0; i < in->scorecards->len; i++)
    {
      j.sc = g_ptr_array_index (in->scorecards, i);
      add_evaluation (&j, in);
      if (lines)
        {
          if (!emit (b, FALSE, pattern, out, error))
            return FALSE;
          json_builder_reset (b);
        }
    }
  if (array)
    json_builder_end_array (b);
  return lines || emit (b, TRUE, pattern, out, error);
}
