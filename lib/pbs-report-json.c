/* pbs-report-json.c - reports as JSON and JSON Lines
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Written directly as it is produced (pbs-json.c), with no tree: every
 * decimal is a bare JSON number made of its exact digits (a score of 9.99
 * is 9.99, never a double), every string escaped by RFC 8259 (doc/report.md
 * lists every field).
 */
#include "config.h"

#include <string.h>

#include "pbs-json.h"
#include "pbs-report-private.h"

typedef struct {
  PbsJsonOut    w;
  PbsScorecard *sc;
  PbsLanguage   language;
} Json;

static void
member_string (Json *j, const char *name, const char *value)
{
  pbs_json_name (&j->w, name);
  pbs_json_string (&j->w, value);
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
  pbs_json_name (&j->w, name);
  pbs_json_number (&j->w, text);
  g_free (text);
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
  pbs_json_name (&j->w, name);
  pbs_json_int (&j->w, value);
}

static void
member_bool (Json *j, const char *name, gboolean value)
{
  pbs_json_name (&j->w, name);
  pbs_json_bool (&j->w, value);
}

/* budget.sources as in format 1: the rows the table gives, in the
 * form's order, each amount null when blank. */
static void
add_sources (Json *j, const PbsBudget *b)
{
  static const char * const columns[] = { "initial", "annual", "executed" };

  pbs_json_name (&j->w, "sources");
  pbs_json_begin_array (&j->w);
  for (guint s = 0; b != NULL && s < PBS_N_FUND_SOURCES; s++)
    {
      if (!pbs_budget_has_source (b, (PbsFundSource) s))
        continue;
      pbs_json_begin_object (&j->w);
      pbs_json_name (&j->w, "name");
      pbs_json_string (&j->w, pbs_fund_source_get_label ((PbsFundSource) s));
      for (guint col = 0; col < G_N_ELEMENTS (columns); col++)
        {
          PbsDecimal d;

          member_decimal (j, columns[col],
                          pbs_budget_get_source_amount (b, (PbsFundSource) s, (PbsBudgetColumn) col, &d)
                          ? &d : NULL);
        }
      pbs_json_end_object (&j->w);
    }
  pbs_json_end_array (&j->w);
}

static void
add_budget (Json *j)
{
  PbsBudget *b = pbs_evaluation_get_budget (pbs_scorecard_get_evaluation (j->sc));
  PbsDecimal d;

  pbs_json_name (&j->w, "budget");
  pbs_json_begin_object (&j->w);
  member_decimal (j, "initial", b != NULL && pbs_budget_get_initial (b, &d) ? &d : NULL);
  member_decimal (j, "annual", b != NULL && pbs_budget_get_annual (b, &d) ? &d : NULL);
  member_decimal (j, "executed", b != NULL && pbs_budget_get_executed (b, &d) ? &d : NULL);
  member_computed (j, "rate", pbs_scorecard_get_budget_rate (j->sc, &d) ? &d : NULL);
  pbs_scorecard_get_budget_points (j->sc, &d);
  member_decimal (j, "points", &d);
  member_computed (j, "score", pbs_scorecard_get_budget_score (j->sc, &d) ? &d : NULL);
  member_decimal (j, "printed_score", b != NULL && pbs_budget_get_printed_score (b, &d) ? &d : NULL);
  member_decimal (j, "printed_rate", b != NULL && pbs_budget_get_printed_rate (b, &d) ? &d : NULL);
  add_sources (j, b);
  pbs_json_end_object (&j->w);
}

static void
add_flags (Json *j, PbsFlags flags)
{
  pbs_json_name (&j->w, "flags");
  pbs_json_begin_array (&j->w);
  for (guint bit = 0; bit < 32; bit++)
    if (flags & (1u << bit))
      pbs_json_string (&j->w, pbs_flag_get_nick ((PbsFlags) (1u << bit)));
  pbs_json_end_array (&j->w);
}

static void
add_indicators (Json *j, const PbsReportInput *in)
{
  PbsEvaluation *e = pbs_scorecard_get_evaluation (j->sc);

  pbs_json_name (&j->w, "indicators");
  pbs_json_begin_array (&j->w);
  for (guint i = 0; i < pbs_scorecard_get_n_rows (j->sc); i++)
    {
      PbsIndicator *ind = pbs_evaluation_get_indicator (e, i);
      const PbsValue *target = pbs_indicator_get_target (ind);
      const PbsValue *actual = pbs_indicator_get_actual (ind);
      g_autofree char *explanation = NULL;
      PbsDecimal d;

      if (!pbs_report_row_selected (in, j->sc, i))
        continue;
      pbs_json_begin_object (&j->w);
      member_int (j, "row", i + 1);
      member_string (j, "place", pbs_indicator_get_place (ind));
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
      pbs_json_end_object (&j->w);
      pbs_report_input_flush (in);
    }
  pbs_json_end_array (&j->w);
}

static void
add_subtotals (Json *j)
{
  pbs_json_name (&j->w, "subtotals");
  pbs_json_begin_array (&j->w);
  for (guint i = 0; i < pbs_scorecard_get_n_subtotals (j->sc); i++)
    {
      const char *level1, *level2;
      PbsDecimal points, score;
      guint level;

      pbs_scorecard_get_subtotal (j->sc, i, &level, &level1, &level2, &points, &score);
      pbs_json_begin_object (&j->w);
      member_int (j, "level", level);
      member_string (j, "level1", level1);
      member_string (j, "level2", level == 1 ? NULL : level2);
      member_decimal (j, "points", &points);
      member_computed (j, "score", &score);
      pbs_json_end_object (&j->w);
    }
  pbs_json_end_array (&j->w);
}

static void
add_warnings (Json *j)
{
  pbs_json_name (&j->w, "warnings");
  pbs_json_begin_array (&j->w);
  for (guint i = 0; i < pbs_scorecard_get_n_warnings (j->sc); i++)
    {
      g_autofree char *message = pbs_scorecard_dup_warning_message (j->sc, i, j->language);

      pbs_json_begin_object (&j->w);
      member_string (j, "code", pbs_enum_nick (PBS_TYPE_WARNING, pbs_scorecard_get_warning (j->sc, i)));
      member_string (j, "message", message);
      pbs_json_end_object (&j->w);
    }
  pbs_json_end_array (&j->w);
}

static void
add_findings (Json *j, const PbsReportInput *in)
{
  PbsEvaluation *e = pbs_scorecard_get_evaluation (j->sc);
  g_autoptr (PbsAudit) audit = pbs_audit_new (j->sc);

  pbs_json_name (&j->w, "findings");
  pbs_json_begin_array (&j->w);
  for (guint i = 0; i < pbs_audit_get_n_findings (audit); i++)
    {
      gint row = pbs_audit_get_row (audit, i);
      g_autofree char *message = NULL;
      PbsDecimal d;

      if (!pbs_report_finding_selected (in, j->sc, audit, i))
        continue;
      pbs_json_begin_object (&j->w);
      member_string (j, "kind", pbs_enum_nick (PBS_TYPE_FINDING_KIND, pbs_audit_get_kind (audit, i)));
      pbs_json_name (&j->w, "row");
      if (row >= 0)
        pbs_json_int (&j->w, row + 1);
      else
        pbs_json_null (&j->w);
      member_string (j, "name", row >= 0 ? pbs_indicator_get_name (pbs_evaluation_get_indicator (e, (guint) row))
                                         : NULL);
      member_string (j, "place", row >= 0 ? pbs_indicator_get_place (pbs_evaluation_get_indicator (e, (guint) row))
                                          : NULL);
      member_decimal (j, "printed", pbs_audit_get_printed (audit, i, &d) ? &d : NULL);
      member_computed (j, "computed", pbs_audit_get_computed (audit, i, &d) ? &d : NULL);
      member_string (j, "variant", pbs_variant_get_nick (pbs_audit_get_variant (audit, i)));
      member_string (j, "warning", pbs_audit_get_kind (audit, i) == PBS_FINDING_WARNING
                                   ? pbs_enum_nick (PBS_TYPE_WARNING, pbs_audit_get_warning (audit, i))
                                   : NULL);
      message = pbs_audit_dup_message (audit, i, j->language);
      member_string (j, "message", message);
      pbs_json_end_object (&j->w);
    }
  pbs_json_end_array (&j->w);
}

static void
add_lint (Json *j, const PbsReportInput *in)
{
  g_autoptr (GArray) items = pbs_report_lint_items (in, j->sc);

  pbs_json_name (&j->w, "lint");
  pbs_json_begin_array (&j->w);
  for (guint i = 0; i < items->len; i++)
    {
      const PbsReportLintItem *item = &g_array_index (items, PbsReportLintItem, i);

      pbs_json_begin_object (&j->w);
      member_string (j, "check", item->check);
      pbs_json_name (&j->w, "row");
      if (item->row > 0)
        pbs_json_int (&j->w, item->row);
      else
        pbs_json_null (&j->w);
      member_string (j, "name", item->name);
      member_string (j, "category", item->category);
      member_string (j, "where", item->where);
      member_string (j, "message", item->message);
      member_string (j, "suggestion", item->suggestion);
      pbs_json_end_object (&j->w);
    }
  pbs_json_end_array (&j->w);
}

static void
add_evaluation (Json *j, const PbsReportInput *in)
{
  PbsEvaluation *e = pbs_scorecard_get_evaluation (j->sc);
  PbsTemplate *template_ = pbs_evaluation_get_template (e);
  PbsGrade grade = pbs_scorecard_get_grade (j->sc);
  PbsDecimal d;

  pbs_json_begin_object (&j->w);
  member_string (j, "title", pbs_evaluation_get_title (e));
  member_text (j, "department", pbs_evaluation_get_department (e));
  member_text (j, "unit", pbs_evaluation_get_unit (e));
  pbs_json_name (&j->w, "year");
  if (pbs_evaluation_get_year (e) > 0)
    pbs_json_int (&j->w, pbs_evaluation_get_year (e));
  else
    pbs_json_null (&j->w);
  member_string (j, "currency", pbs_report_currency_label (pbs_evaluation_get_currency (e)));
  member_string (j, "template", template_ != NULL ? pbs_template_get_name (template_) : NULL);
  member_string (j, "policy", pbs_report_policy_name (j->sc));
  pbs_scorecard_get_total (j->sc, &d);
  member_computed (j, "total", &d);
  pbs_scorecard_get_total_points (j->sc, &d);
  member_decimal (j, "total_points", &d);
  member_string (j, "grade", grade != PBS_GRADE_NONE ? pbs_grade_get_label (grade) : NULL);
  member_string (j, "grade_code", grade != PBS_GRADE_NONE ? pbs_enum_nick (PBS_TYPE_GRADE, grade) : NULL);
  pbs_json_name (&j->w, "goals");
  pbs_json_begin_object (&j->w);
  member_text (j, "expected", pbs_evaluation_get_goals_expected (e));
  member_text (j, "achieved", pbs_evaluation_get_goals_achieved (e));
  pbs_json_end_object (&j->w);
  pbs_json_name (&j->w, "signoff");
  pbs_json_begin_object (&j->w);
  member_text (j, "manager", pbs_evaluation_get_signoff_manager (e));
  member_text (j, "preparer", pbs_evaluation_get_signoff_preparer (e));
  member_text (j, "phone", pbs_evaluation_get_signoff_phone (e));
  member_text (j, "date", pbs_evaluation_get_signoff_date (e));
  pbs_json_end_object (&j->w);
  member_string (j, "printed_grade",
                 pbs_evaluation_get_printed_grade (pbs_scorecard_get_evaluation (j->sc)) != PBS_GRADE_NONE
                 ? pbs_grade_get_label (pbs_evaluation_get_printed_grade (pbs_scorecard_get_evaluation (j->sc)))
                 : NULL);
  member_bool (j, "complete", pbs_scorecard_is_complete (j->sc));
  pbs_json_name (&j->w, "unscored");
  pbs_json_begin_array (&j->w);
  for (guint i = 0; i < pbs_scorecard_get_n_rows (j->sc); i++)
    if (pbs_scorecard_get_row_status (j->sc, i) == PBS_STATUS_UNSCORED
        && !(pbs_scorecard_get_row_flags (j->sc, i) & PBS_FLAG_NOT_COUNTED))
      pbs_json_int (&j->w, i + 1);
  pbs_json_end_array (&j->w);
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
  pbs_json_end_object (&j->w);
}

/* json: one bare object, or an array of several; jsonl: one object a
 * line. The report (pbs-report.c) knows which when it calls the head. */
void
pbs_report_json_head (PbsJsonOut *w, gboolean lines, gboolean several, GString *out)
{
  pbs_json_out_init (w, out, !lines);
  if (several && !lines)
    pbs_json_begin_array (w);
}

void
pbs_report_json_one (PbsJsonOut *w, const PbsReportInput *in, gboolean lines, PbsScorecard *sc)
{
  Json j = { *w, sc, in->language };

  add_evaluation (&j, in);
  *w = j.w;
  if (lines)
    g_string_append_c (w->out, '\n');
}

/* An input error in the place of its document (pbscore --keep-going,
 * doc/report.md): where, and the error with its line and column. */
void
pbs_report_json_error (PbsJsonOut *w, gboolean lines, const PbsReportErrorRecord *e)
{
  pbs_json_begin_object (w);
  pbs_json_name (w, "file");
  pbs_json_string (w, e->file);
  pbs_json_name (w, "document");
  pbs_json_int (w, e->document);
  pbs_json_name (w, "error");
  pbs_json_begin_object (w);
  pbs_json_name (w, "domain");
  pbs_json_string (w, g_quark_to_string (e->error->domain));
  pbs_json_name (w, "code");
  pbs_json_int (w, e->error->code);
  pbs_json_name (w, "message");
  pbs_json_string (w, e->error->message);
  pbs_json_name (w, "line");
  if (e->line > 0)
    pbs_json_int (w, e->line);
  else
    pbs_json_null (w);
  pbs_json_name (w, "column");
  if (e->column > 0)
    pbs_json_int (w, e->column);
  else
    pbs_json_null (w);
  pbs_json_end_object (w);
  pbs_json_end_object (w);
  if (lines)
    g_string_append_c (w->out, '\n');
}

void
pbs_report_json_tail (PbsJsonOut *w, gboolean lines, gboolean several)
{
  if (several && !lines)
    pbs_json_end_array (w);
  if (!lines)
    g_string_append_c (w->out, '\n');
}
