/* pbs-report-html.c - reports as one self-contained, printable HTML page
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * One page, no network and no script: the style sheet is inline, the
 * charts are inline SVG. The markup is XHTML-compatible (every element
 * closed, attributes quoted, only the five XML entities) so that it parses
 * as XML as well as HTML; text goes through g_markup_escape_text() after
 * C0 control characters, which XML 1.0 forbids even as references, have
 * become spaces and noncharacters (U+FFFE, U+FFFF, U+FDD0–U+FDEF, the last
 * two of every plane) U+FFFD. Printed (A4 landscape), the table's head
 * repeats on every page, a heading stays with what follows it, and a row
 * stays whole unless it starts a merged 一级/二级指标 cell: a row holding
 * a rowspan cannot be kept whole without keeping the whole run, which
 * would push the table off the title's page. Bar lengths are doubles (pbs_decimal_to_double is for
 * charts); every number printed on the page is an exact decimal.
 */
#include "config.h"

#include <string.h>

#include "pbs-report-private.h"

#define L(label) pbs_report_label (PBS_LABEL_##label, h->language)

typedef struct {
  GString     *out;
  PbsLanguage  language;
  guint        section;   /* the evaluation's number, from 1, for element ids */
  gboolean     full;      /* PBS_REPORT_COLUMNS_FULL: 序号, 状态 and 标记 too */
} Html;

/* Unicode noncharacters (U+FDD0–U+FDEF and the last two code points of
 * every plane, U+FFFE and U+FFFF among them): XML 1.0 forbids U+FFFE and
 * U+FFFF, and none belongs on a page. */
static gboolean
is_noncharacter (gunichar c)
{
  return (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE;
}

static void
esc (Html *h, const char *text)
{
  GString *clean = g_string_new (NULL);
  g_autofree char *escaped = NULL;

  for (const char *p = text != NULL ? text : ""; *p != '\0';)
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append_unichar (clean, 0xFFFD);   /* not UTF-8 */
          p++;
          continue;
        }
      p = g_utf8_next_char (p);
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
        g_string_append_c (clean, ' ');
      else if (is_noncharacter (c))
        g_string_append_unichar (clean, 0xFFFD);
      else
        g_string_append_unichar (clean, c);
    }
  escaped = g_markup_escape_text (clean->str, (gssize) clean->len);
  g_string_free (clean, TRUE);
  g_string_append (h->out, escaped);
}

/* <tag class="…">text</tag> */
static void
element (Html *h, const char *tag, const char *klass, const char *text)
{
  g_string_append_printf (h->out, "<%s", tag);
  if (klass != NULL)
    g_string_append_printf (h->out, " class=\"%s\"", klass);
  g_string_append_c (h->out, '>');
  esc (h, text);
  g_string_append_printf (h->out, "</%s>", tag);
}

static void
element_take (Html *h, const char *tag, const char *klass, char *text)
{
  element (h, tag, klass, text);
  g_free (text);
}

static const char style[] =
  "body{font-family:\"Noto Sans CJK SC\",\"Source Han Sans SC\",\"PingFang SC\",\"Microsoft YaHei\","
  "\"SimSun\",sans-serif;margin:2em;color:#222;line-height:1.45}\n"
  "h1{font-size:1.4em;margin:0 0 0.4em}\n"
  "h2{font-size:1.1em;margin:1.2em 0 0.4em}\n"
  "table{border-collapse:collapse;margin:0.3em 0 0.8em}\n"
  "th,td{border:1px solid #888;padding:0.2em 0.5em;vertical-align:top}\n"
  "th{background:#eee;font-weight:600;white-space:nowrap}\n"
  "thead{display:table-header-group}\n"
  "td.value,.nowrap{white-space:nowrap}\n"
  "tr.total th{text-align:left}\n"
  "table.meta th,table.meta td{border:none;background:none;padding:0.1em 0.8em 0.1em 0;text-align:left}\n"
  "td.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}\n"
  ".partial{color:#a25b00}.unmet{color:#b00020}.unscored,.not_applicable{color:#666}\n"
  ".flags{color:#b00020;font-size:0.9em}\n"
  "p.total{font-size:1.1em;font-weight:600}\n"
  "p.note{color:#b00020}\n"
  "p.legend{color:#555;font-size:0.85em}\n"
  "svg{display:block;margin:0.3em 0 1em;max-width:100%;height:auto}\n"
  "section.evaluation+section.evaluation{margin-top:3em;border-top:2px solid #888;padding-top:1em}\n"
  "@page{size:A4 landscape;margin:12mm}\n"
  "@media print{body{margin:0;font-size:10pt}"
  "section.evaluation+section.evaluation{break-before:page;border:none;margin:0;padding:0}"
  "h1,h2{break-after:avoid;page-break-after:avoid}"
  "svg,tr:not(:has(td[rowspan])),table.meta,table.budget,table.goals,p.total"
  "{break-inside:avoid;page-break-inside:avoid}"
  "th{-webkit-print-color-adjust:exact;print-color-adjust:exact}}\n";

/* The page's head: its title is the evaluation's when @only, the only
 * one, is given. */
static void page_start_titled (Html *h, const char *title);

static void
page_start (Html *h, PbsScorecard *only)
{
  g_autofree char *title = NULL;

  if (only != NULL)
    {
      PbsEvaluation *e = pbs_scorecard_get_evaluation (only);
      title = g_strconcat (pbs_evaluation_get_title (e), h->language == PBS_LANGUAGE_ZH ? "" : " — ",
                           L (FORM), NULL);
    }
  else
    title = g_strdup (L (REPORT));
  page_start_titled (h, title);
}

static void
page_start_titled (Html *h, const char *title)
{
  g_string_append_printf (h->out,
                          "<!DOCTYPE html>\n"
                          "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"%s\" xml:lang=\"%s\">\n"
                          "<head>\n<meta charset=\"utf-8\"/>\n"
                          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
                          "<meta name=\"generator\" content=\"pbscore\"/>\n",
                          h->language == PBS_LANGUAGE_ZH ? "zh-CN" : "en",
                          h->language == PBS_LANGUAGE_ZH ? "zh-CN" : "en");
  element (h, "title", NULL, title);
  g_string_append_printf (h->out, "\n<style>\n%s</style>\n</head>\n<body>\n", style);
}

static void
heading (Html *h, const char *tag, PbsScorecard *sc, PbsLabel what)
{
  PbsEvaluation *e = pbs_scorecard_get_evaluation (sc);

  element_take (h, tag, NULL, g_strconcat (pbs_evaluation_get_title (e),
                                           h->language == PBS_LANGUAGE_ZH ? "" : " — ",
                                           pbs_report_label (what, h->language), NULL));
  g_string_append_c (h->out, '\n');
}

static void
meta_row (Html *h, const char *label, const char *value)
{
  g_string_append (h->out, "<tr>");
  element (h, "th", NULL, label);
  element (h, "td", NULL, value);
  g_string_append (h->out, "</tr>\n");
}

static void
write_header (Html *h, PbsScorecard *sc)
{
  g_auto (PbsReportHead) head = { 0 };

  pbs_report_head_init (&head, sc, h->language);
  heading (h, "h1", sc, PBS_LABEL_FORM);
  g_string_append (h->out, "<table class=\"meta\">\n");
  for (guint i = 0; i < head.n; i++)
    meta_row (h, pbs_report_label (head.fields[i].label, h->language), head.fields[i].value);
  g_string_append (h->out, "</table>\n");
}

static void
header_row (Html *h, const PbsLabel *labels, guint n)
{
  g_string_append (h->out, "<thead><tr>");
  for (guint i = 0; i < n; i++)
    element (h, "th", NULL, pbs_report_label (labels[i], h->language));
  g_string_append (h->out, "</tr></thead>\n");
}

static void
num_cell_take (Html *h, char *text)
{
  element_take (h, "td", "num", text != NULL ? text : g_strdup (L (NONE)));
}

static void
write_budget (Html *h, PbsScorecard *sc)
{
  static const PbsLabel labels[] = {
    PBS_LABEL_INITIAL, PBS_LABEL_ANNUAL, PBS_LABEL_EXECUTED, PBS_LABEL_POINTS, PBS_LABEL_RATE,
    PBS_LABEL_SCORE,
  };
  PbsBudget *b = pbs_evaluation_get_budget (pbs_scorecard_get_evaluation (sc));
  PbsDecimal d;

  element (h, "h2", NULL, L (BUDGET));
  g_string_append (h->out, "\n<table class=\"budget\">\n");
  header_row (h, labels, G_N_ELEMENTS (labels));
  g_string_append (h->out, "<tbody><tr>");
  num_cell_take (h, b != NULL && pbs_budget_get_initial (b, &d) ? pbs_report_dup_money (&d) : NULL);
  num_cell_take (h, b != NULL && pbs_budget_get_annual (b, &d) ? pbs_report_dup_money (&d) : NULL);
  num_cell_take (h, b != NULL && pbs_budget_get_executed (b, &d) ? pbs_report_dup_money (&d)
                                                                : NULL);
  pbs_scorecard_get_budget_points (sc, &d);
  num_cell_take (h, pbs_decimal_to_string (&d));
  if (pbs_scorecard_get_budget_rate (sc, &d))
    {
      g_autofree char *rate = pbs_report_dup_number (sc, &d);
      num_cell_take (h, g_strconcat (rate, "%", NULL));
    }
  else
    num_cell_take (h, NULL);
  num_cell_take (h, pbs_scorecard_get_budget_score (sc, &d) ? pbs_report_dup_number (sc, &d) : NULL);
  g_string_append (h->out, "</tr>");
  /* The money block's source rows (其中：当年财政拨款 …, budget.sources,
   * issue 9) follow here once the model has them. */
  g_string_append (h->out, "</tbody>\n</table>\n");
}

/* 年度总体目标 as the form prints it: 预期目标 beside 实际完成情况. */
static void
write_goals (Html *h, PbsScorecard *sc)
{
  static const PbsLabel labels[] = { PBS_LABEL_GOALS_EXPECTED, PBS_LABEL_GOALS_ACHIEVED };
  PbsEvaluation *e = pbs_scorecard_get_evaluation (sc);
  const char *expected = pbs_evaluation_get_goals_expected (e);
  const char *achieved = pbs_evaluation_get_goals_achieved (e);

  if (!PBS_REPORT_GIVEN (expected) && !PBS_REPORT_GIVEN (achieved))
    return;
  element (h, "h2", NULL, L (GOALS));
  g_string_append (h->out, "\n<table class=\"goals\">\n");
  header_row (h, labels, G_N_ELEMENTS (labels));
  g_string_append (h->out, "<tbody><tr>");
  element (h, "td", NULL, PBS_REPORT_GIVEN (expected) ? expected : L (NONE));
  element (h, "td", NULL, PBS_REPORT_GIVEN (achieved) ? achieved : L (NONE));
  g_string_append (h->out, "</tr></tbody>\n</table>\n");
}

/* The rows the filter selects, as row numbers from 0. */
static GArray *
selected_rows (const PbsReportInput *in, PbsScorecard *sc)
{
  GArray *rows = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < pbs_scorecard_get_n_rows (sc); i++)
    if (pbs_report_row_selected (in, sc, i))
      g_array_append_val (rows, i);
  return rows;
}

/* How many rows from @k on share the category of row @k (level 1, or
 * levels 1 and 2): the rowspan of merged category cells, as on paper. */
static guint
span (PbsEvaluation *e, GArray *rows, guint k, gboolean level2)
{
  PbsIndicator *first = pbs_evaluation_get_indicator (e, g_array_index (rows, guint, k));
  guint n = 1;

  while (k + n < rows->len)
    {
      PbsIndicator *next = pbs_evaluation_get_indicator (e, g_array_index (rows, guint, k + n));
      if (g_strcmp0 (pbs_indicator_get_level1 (first), pbs_indicator_get_level1 (next)) != 0
          || (level2 && g_strcmp0 (pbs_indicator_get_level2 (first), pbs_indicator_get_level2 (next)) != 0))
        break;
      n++;
    }
  return n;
}

/* A target or actual: a number with its unit (≥1100项, 97.7%, 2023年12月)
 * is never broken across lines; words wrap. */
static void
value_cell (Html *h, const PbsValue *value)
{
  if (value == NULL)
    element (h, "td", NULL, L (NONE));
  else
    element (h, "td", pbs_value_get_kind (value) == PBS_VALUE_QUALITATIVE ? NULL : "value",
             pbs_value_get_text (value));
}

/* The end of a table row: what is written so far may go out (one huge
 * evaluation is not held whole). */
static void
row_end (Html *h, const PbsReportInput *in)
{
  g_string_append (h->out, "</tr>\n");
  pbs_report_input_flush (in);
}

static void
write_rows (Html *h, const PbsReportInput *in, PbsScorecard *sc)
{
  static const PbsLabel labels[] = {
    PBS_LABEL_ROW, PBS_LABEL_LEVEL1, PBS_LABEL_LEVEL2, PBS_LABEL_NAME, PBS_LABEL_TARGET,
    PBS_LABEL_ACTUAL, PBS_LABEL_POINTS, PBS_LABEL_SCORE, PBS_LABEL_STATUS, PBS_LABEL_REASON,
  };
  static const PbsLabel official[] = {
    PBS_LABEL_LEVEL1, PBS_LABEL_LEVEL2, PBS_LABEL_NAME, PBS_LABEL_TARGET, PBS_LABEL_ACTUAL,
    PBS_LABEL_POINTS, PBS_LABEL_SCORE, PBS_LABEL_REASON,
  };
  PbsEvaluation *e = pbs_scorecard_get_evaluation (sc);
  g_autoptr (GArray) rows = selected_rows (in, sc);
  guint left1 = 0, left2 = 0;   /* rows still covered by the merged cells above */
  const char *sep = h->language == PBS_LANGUAGE_ZH ? "、" : ", ";
  PbsDecimal d;

  g_string_append (h->out, "<table class=\"form\">\n");
  if (h->full)
    header_row (h, labels, G_N_ELEMENTS (labels));
  else
    header_row (h, official, G_N_ELEMENTS (official));
  g_string_append (h->out, "<tbody>\n");
  for (guint k = 0; k < rows->len; k++)
    {
      guint i = g_array_index (rows, guint, k);
      PbsIndicator *ind = pbs_evaluation_get_indicator (e, i);
      PbsStatus status = pbs_scorecard_get_row_status (sc, i);
      g_autofree char *flags = pbs_report_dup_flags (pbs_scorecard_get_row_flags (sc, i), h->language, sep);
      PbsDecimal points;

      g_string_append_printf (h->out, "<tr id=\"e%u-row-%u\">", h->section, i + 1);
      if (h->full)
        num_cell_take (h, g_strdup_printf ("%u", i + 1));
      if (left1 == 0)
        {
          left1 = span (e, rows, k, FALSE);
          g_string_append_printf (h->out, "<td rowspan=\"%u\">", left1);
          esc (h, pbs_indicator_get_level1 (ind));
          g_string_append (h->out, "</td>");
        }
      if (left2 == 0)
        {
          left2 = span (e, rows, k, TRUE);
          g_string_append_printf (h->out, "<td rowspan=\"%u\">", left2);
          esc (h, pbs_indicator_get_level2 (ind));
          g_string_append (h->out, "</td>");
        }
      left1--;
      left2--;
      element (h, "td", NULL, pbs_indicator_get_name (ind));
      value_cell (h, pbs_indicator_get_target (ind));
      value_cell (h, pbs_indicator_get_actual (ind));
      pbs_scorecard_get_row_points (sc, i, &points);
      num_cell_take (h, pbs_decimal_to_string (&points));
      num_cell_take (h, pbs_report_dup_row_score (sc, i));
      if (h->full)
        {
          g_string_append_printf (h->out, "<td class=\"%s\">", pbs_status_get_nick (status));
          esc (h, pbs_report_status_label (status, h->language));
          if (*flags != '\0')
            {
              g_string_append (h->out, "<br/>");
              element (h, "span", "flags", flags);
            }
          g_string_append (h->out, "</td>");
        }
      element (h, "td", NULL, pbs_indicator_get_reason (ind));
      row_end (h, in);
    }
  /* the form's last row: 总分, its points and score */
  g_string_append_printf (h->out, "<tr class=\"total\"><th colspan=\"%u\">", h->full ? 6u : 5u);
  esc (h, L (TOTAL));
  g_string_append (h->out, "</th>");
  pbs_scorecard_get_total_points (sc, &d);
  num_cell_take (h, pbs_decimal_to_string (&d));
  pbs_scorecard_get_total (sc, &d);
  num_cell_take (h, pbs_report_dup_number (sc, &d));
  g_string_append_printf (h->out, "<td colspan=\"%u\"></td></tr>\n", h->full ? 2u : 1u);
  g_string_append (h->out, "</tbody>\n</table>\n");
}

static void
write_subtotals (Html *h, PbsScorecard *sc)
{
  static const PbsLabel labels[] = {
    PBS_LABEL_LEVEL1, PBS_LABEL_LEVEL2, PBS_LABEL_POINTS, PBS_LABEL_SCORE,
  };
  guint n = pbs_scorecard_get_n_subtotals (sc);

  if (n == 0)
    return;
  element (h, "h2", NULL, L (SUBTOTALS));
  g_string_append (h->out, "\n<table class=\"subtotals\">\n");
  header_row (h, labels, G_N_ELEMENTS (labels));
  g_string_append (h->out, "<tbody>\n");
  for (guint i = 0; i < n; i++)
    {
      const char *level1, *level2;
      PbsDecimal points, score;
      guint level;

      pbs_scorecard_get_subtotal (sc, i, &level, &level1, &level2, &points, &score);
      g_string_append_printf (h->out, "<tr class=\"level%u\">", level);
      element (h, level == 1 ? "th" : "td", NULL, level == 1 ? level1 : "");
      element (h, "td", NULL, level == 1 ? "" : level2);
      num_cell_take (h, pbs_decimal_to_string (&points));
      num_cell_take (h, pbs_report_dup_number (sc, &score));
      g_string_append (h->out, "</tr>\n");
    }
  g_string_append (h->out, "</tbody>\n</table>\n");
}

static void
write_total (Html *h, PbsScorecard *sc)
{
  PbsGrade grade = pbs_scorecard_get_grade (sc);
  PbsDecimal total, points;
  g_autofree char *total_text = NULL, *points_text = NULL, *unscored = NULL;
  gboolean zh = h->language == PBS_LANGUAGE_ZH;

  pbs_scorecard_get_total (sc, &total);
  pbs_scorecard_get_total_points (sc, &points);
  total_text = pbs_report_dup_number (sc, &total);
  points_text = pbs_decimal_to_string (&points);

  g_string_append (h->out, "<p class=\"total\">");
  esc (h, L (TOTAL));
  g_string_append (h->out, zh ? "：" : ": ");
  element (h, "span", "score", total_text);
  g_string_append_printf (h->out, zh ? "（" : " (");
  esc (h, L (OF));
  /* a no-break space: 满分 never parts from its number */
  g_string_append_printf (h->out, "\xc2\xa0%s%s　", points_text, zh ? "）" : ")");
  esc (h, L (GRADE));
  g_string_append (h->out, zh ? "：" : ": ");
  element (h, "span", "grade", grade != PBS_GRADE_NONE ? pbs_grade_get_label (grade) : L (NONE));
  if (pbs_evaluation_get_printed_grade (pbs_scorecard_get_evaluation (sc)) != PBS_GRADE_NONE)
    {
      g_string_append (h->out, "　");
      esc (h, L (PRINTED_GRADE));
      g_string_append (h->out, zh ? "：" : ": ");
      element (h, "span", "printed-grade",
               pbs_grade_get_label (pbs_evaluation_get_printed_grade (pbs_scorecard_get_evaluation (sc))));
    }
  g_string_append (h->out, "</p>\n");

  unscored = pbs_report_dup_unscored (sc, h->language);
  if (unscored != NULL)
    {
      element_take (h, "p", "note", g_strconcat (L (INCOMPLETE), unscored, NULL));
      g_string_append_c (h->out, '\n');
    }
}

/* The sign-off of the form, the fields the evaluation gives. */
static void
write_signoff (Html *h, PbsScorecard *sc)
{
  PbsReportField fields[4];
  guint n = pbs_report_signoff (pbs_scorecard_get_evaluation (sc), fields);

  if (n == 0)
    return;
  g_string_append (h->out, "<table class=\"meta signoff\">\n");
  for (guint i = 0; i < n; i++)
    meta_row (h, pbs_report_label (fields[i].label, h->language), fields[i].value);
  g_string_append (h->out, "</table>\n");
}

static void
write_warnings (Html *h, PbsScorecard *sc)
{
  guint n = pbs_scorecard_get_n_warnings (sc);

  if (n == 0)
    return;
  element (h, "h2", NULL, L (WARNINGS));
  g_string_append (h->out, "\n<ul class=\"warnings\">\n");
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *message = pbs_scorecard_dup_warning_message (sc, i, h->language);
      g_string_append_printf (h->out, "<li data-code=\"%s\">",
                              pbs_enum_nick (PBS_TYPE_WARNING, pbs_scorecard_get_warning (sc, i)));
      esc (h, message);
      g_string_append (h->out, "</li>\n");
    }
  g_string_append (h->out, "</ul>\n");
}

/* ---------------------------------------------------------------- charts */

typedef struct {
  char       *label;     /* owned */
  PbsStatus   status;    /* the colour */
  PbsDecimal  value;     /* completion as a fraction */
  gboolean    has_value;
  char       *caption;   /* owned: the text after the bar */
} Bar;

/* by status: met, partial, unmet, unscored, not applicable */
static const char * const bar_colours[] = { "#3a8f5c", "#d08a1e", "#c0392b", "#999999", "#999999" };

static void
bar_clear (Bar *b)
{
  g_free (b->label);
  g_free (b->caption);
}

/* "96.00%" from 0.9600, exactly. */
static char *
percent (const PbsDecimal *fraction)
{
  PbsDecimal hundred, p;
  g_autofree char *text = NULL;

  pbs_decimal_init (&hundred, 100, 0);
  if (!pbs_decimal_mul (fraction, &hundred, &p))
    return g_strdup ("");
  text = pbs_decimal_format (&p, 2, PBS_ROUNDING_HALF_UP);
  return g_strconcat (text, "%", NULL);
}

static void
coord (GString *out, const char *name, double v)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  /* ASCII, whatever the locale's decimal mark. */
  g_string_append_printf (out, " %s=\"%s\"", name, g_ascii_formatd (buf, sizeof buf, "%.1f", v));
}

/* A chart's bars, made one at a time by @fill (FALSE: entry @i has no
 * bar), twice: for the sizes, then to draw them, so that a huge
 * evaluation's bars are never held together. */
typedef struct {
  guint         n;
  gboolean    (*fill) (Html *h, gconstpointer data, guint i, Bar *b);
  gconstpointer data;
} Bars;

/* A horizontal bar chart: one labelled bar per entry, scaled so that 100 %
 * is a marked line (bars past it are longer, up to 200 %). */
static void
chart (Html *h, const PbsReportInput *in, const char *title, const Bars *bars)
{
  const double row_h = 22.0, bar_w = 360.0, char_w = 6.5, gap = 8.0, top = 6.0;
  double label_w = 0, caption_w = 0, max = 1.0, width, height, scale;
  guint n = 0;

  for (guint i = 0; i < bars->n; i++)
    {
      Bar b = { 0 };

      if (!bars->fill (h, bars->data, i, &b))
        continue;
      n++;
      label_w = MAX (label_w, pbs_text_display_width (b.label) * char_w);
      caption_w = MAX (caption_w, pbs_text_display_width (b.caption) * char_w);
      if (b.has_value)
        max = MAX (max, pbs_decimal_to_double (&b.value));
      bar_clear (&b);
    }
  if (n == 0)
    return;
  max = MIN (max, 2.0);
  label_w += gap;
  scale = bar_w / max;
  width = label_w + bar_w + 4 + caption_w + gap;
  height = top * 2 + row_h * n;

  element (h, "h2", NULL, title);
  g_string_append (h->out, "\n<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\"");
  coord (h->out, "width", width);
  coord (h->out, "height", height);
  g_string_append_printf (h->out, " viewBox=\"0 0 %d %d\" font-size=\"12\">\n", (int) width + 1,
                          (int) height + 1);
  element (h, "title", NULL, title);
  g_string_append_c (h->out, '\n');
  for (guint i = 0, k = 0; i < bars->n; i++)
    {
      Bar b = { 0 };
      double y = top + row_h * k, v;
      const char *fill;

      if (!bars->fill (h, bars->data, i, &b))
        continue;
      k++;
      v = b.has_value ? MIN (pbs_decimal_to_double (&b.value), max) : 0.0;
      fill = bar_colours[b.status];
      g_string_append (h->out, "<text text-anchor=\"end\"");
      coord (h->out, "x", label_w - gap);
      coord (h->out, "y", y + row_h * 0.68);
      g_string_append_c (h->out, '>');
      esc (h, b.label);
      g_string_append (h->out, "</text>");
      g_string_append_printf (h->out, "<rect fill=\"%s\"", fill);
      coord (h->out, "x", label_w);
      coord (h->out, "y", y + 4);
      coord (h->out, "width", MAX (v * scale, 0.0));
      coord (h->out, "height", row_h - 8);
      g_string_append (h->out, "/>");
      g_string_append (h->out, "<text");
      coord (h->out, "x", label_w + MAX (v * scale, 0.0) + 4);
      coord (h->out, "y", y + row_h * 0.68);
      g_string_append_c (h->out, '>');
      esc (h, b.caption);
      g_string_append (h->out, "</text>\n");
      bar_clear (&b);
      pbs_report_input_flush (in);
    }
  /* the 100 % line */
  g_string_append (h->out, "<line stroke=\"#444\" stroke-dasharray=\"3,3\"");
  coord (h->out, "x1", label_w + scale);
  coord (h->out, "y1", top / 2);
  coord (h->out, "x2", label_w + scale);
  coord (h->out, "y2", height - top / 2);
  g_string_append (h->out, "/>\n</svg>\n");
}

/* Bars held in an array (the level-1 chart's few). */
static gboolean
held_bar (Html *h, gconstpointer data, guint i, Bar *b)
{
  const Bar *held = &g_array_index ((GArray *) data, Bar, i);

  *b = *held;
  b->label = g_strdup (held->label);
  b->caption = g_strdup (held->caption);
  return TRUE;
}

typedef struct {
  const PbsReportInput *in;
  PbsScorecard         *sc;
} BarsOf;

/* The bar of row @i: its completion. */
static gboolean
row_bar (Html *h, gconstpointer data, guint i, Bar *b)
{
  const BarsOf *of = data;
  PbsScorecard *sc = of->sc;

  if (!pbs_report_row_selected (of->in, sc, i))
    return FALSE;
  b->label = g_strdup_printf ("%u. %s", i + 1,
                              pbs_indicator_get_name (pbs_evaluation_get_indicator (pbs_scorecard_get_evaluation (sc), i)));
  b->status = pbs_scorecard_get_row_status (sc, i);
  b->has_value = pbs_report_row_completion (sc, i, &b->value);
  b->caption = b->has_value ? percent (&b->value) : g_strdup (L (NONE));
  return TRUE;
}

/* Σ points of the counted, scored rows under a level-1 category. */
static void
scored_points (PbsScorecard *sc, const char *level1, PbsDecimal *out)
{
  PbsEvaluation *e = pbs_scorecard_get_evaluation (sc);

  pbs_decimal_init (out, 0, 0);
  for (guint i = 0; i < pbs_scorecard_get_n_rows (sc); i++)
    {
      PbsIndicator *ind = pbs_evaluation_get_indicator (e, i);
      PbsDecimal score, points;

      if (strcmp (pbs_indicator_get_level1 (ind), level1) != 0
          || (pbs_scorecard_get_row_flags (sc, i) & PBS_FLAG_NOT_COUNTED)
          || !pbs_scorecard_get_row_score (sc, i, &score))
        continue;
      pbs_indicator_get_points (ind, &points);
      if (!pbs_decimal_add (out, &points, out))
        return;
    }
}

static void
write_charts (Html *h, const PbsReportInput *in, PbsScorecard *sc)
{
  BarsOf of = { in, sc };
  Bars rows = { pbs_scorecard_get_n_rows (sc), row_bar, &of };
  g_autoptr (GArray) level1 = g_array_new (FALSE, TRUE, sizeof (Bar));
  Bars level1_bars = { 0, held_bar, level1 };
  gboolean any_row = FALSE;

  g_array_set_clear_func (level1, (GDestroyNotify) bar_clear);

  for (guint i = 0; i < pbs_scorecard_get_n_rows (sc) && !any_row; i++)
    any_row = pbs_report_row_selected (in, sc, i);
  for (guint i = 0; i < pbs_scorecard_get_n_subtotals (sc); i++)
    {
      const char *name;
      PbsDecimal points, score;
      guint level;
      Bar b = { 0 };
      g_autofree char *score_text = NULL, *points_text = NULL;

      pbs_scorecard_get_subtotal (sc, i, &level, &name, NULL, &points, &score);
      if (level != 1)
        continue;
      /* The rate is of the points that were scored: not-applicable, not
       * counted and unscored rows stay out of it (the subtotal's points
       * are the table's, as printed). */
      scored_points (sc, name, &points);
      b.label = g_strdup (name);
      b.has_value = pbs_decimal_sign (&points) > 0
                    && pbs_decimal_div (&score, &points, 4, PBS_ROUNDING_HALF_UP, &b.value);
      b.status = !b.has_value ? PBS_STATUS_UNSCORED
                 : pbs_decimal_compare (&score, &points) >= 0 ? PBS_STATUS_MET
                 : pbs_decimal_sign (&score) > 0 ? PBS_STATUS_PARTIAL : PBS_STATUS_UNMET;
      score_text = pbs_report_dup_number (sc, &score);
      points_text = pbs_decimal_to_string (&points);
      if (b.has_value)
        {
          g_autofree char *p = percent (&b.value);
          b.caption = g_strdup_printf (h->language == PBS_LANGUAGE_ZH ? "%s（%s / %s）" : "%s (%s / %s)",
                                       p, score_text, points_text);
        }
      else
        b.caption = g_strdup_printf ("%s / %s", score_text, points_text);
      g_array_append_val (level1, b);
    }
  level1_bars.n = level1->len;
  chart (h, in, L (CHART_ROWS), &rows);
  chart (h, in, L (CHART_LEVEL1), &level1_bars);
  if (any_row || level1->len > 0)
    {
      element (h, "p", "legend", L (CHART_LEGEND));
      g_string_append_c (h->out, '\n');
    }
}

/* ---------------------------------------------------------------- content */

static void
write_table (gpointer writer, const PbsReportInput *in, PbsScorecard *sc)
{
  Html *h = writer;

  write_header (h, sc);
  write_budget (h, sc);
  write_goals (h, sc);
  element (h, "h2", NULL, L (INDICATORS));
  g_string_append_c (h->out, '\n');
  write_rows (h, in, sc);
  write_subtotals (h, sc);
  write_total (h, sc);
  write_signoff (h, sc);
  write_warnings (h, sc);
  write_charts (h, in, sc);
}

/* The table of explain, audit or lint under its heading, up to its body. */
static void
part_table_start (Html *h, PbsScorecard *sc, PbsLabel what, const char *class_name,
                  const PbsLabel *labels, guint n)
{
  heading (h, "h1", sc, what);
  g_string_append_printf (h->out, "<table class=\"%s\">\n", class_name);
  header_row (h, labels, n);
  g_string_append (h->out, "<tbody>\n");
}

/* The end of an audit or lint table of @columns: one row saying so when
 * none of its findings was @shown. */
static void
findings_table_end (Html *h, guint shown, guint columns)
{
  if (shown == 0)
    {
      g_string_append_printf (h->out, "<tr><td colspan=\"%u\">", columns);
      esc (h, L (NO_FINDINGS));
      g_string_append (h->out, "</td></tr>\n");
    }
  g_string_append (h->out, "</tbody>\n</table>\n");
}

static void
write_explain (gpointer writer, const PbsReportInput *in, PbsScorecard *sc)
{
  Html *h = writer;
  static const PbsLabel labels[] = {
    PBS_LABEL_ROW, PBS_LABEL_NAME, PBS_LABEL_RULE, PBS_LABEL_POINTS, PBS_LABEL_SCORE,
    PBS_LABEL_EXPLANATION,
  };
  PbsEvaluation *e = pbs_scorecard_get_evaluation (sc);

  part_table_start (h, sc, PBS_LABEL_EXPLAIN, "explain", labels, G_N_ELEMENTS (labels));
  for (guint i = 0; i < pbs_scorecard_get_n_rows (sc); i++)
    {
      PbsDecimal points;

      if (!pbs_report_row_selected (in, sc, i))
        continue;
      g_string_append_printf (h->out, "<tr id=\"e%u-row-%u\">", h->section, i + 1);
      num_cell_take (h, g_strdup_printf ("%u", i + 1));
      element (h, "td", NULL, pbs_indicator_get_name (pbs_evaluation_get_indicator (e, i)));
      element_take (h, "td", "rule", pbs_report_dup_code (PBS_TYPE_RULE, pbs_scorecard_get_row_rule (sc, i),
                                                          h->language));
      pbs_scorecard_get_row_points (sc, i, &points);
      num_cell_take (h, pbs_decimal_to_string (&points));
      num_cell_take (h, pbs_report_dup_row_score (sc, i));
      element_take (h, "td", NULL, pbs_scorecard_dup_row_explanation (sc, i, h->language));
      row_end (h, in);
    }
  g_string_append (h->out, "</tbody>\n</table>\n");
}

static void
write_audit (gpointer writer, const PbsReportInput *in, PbsScorecard *sc)
{
  Html *h = writer;
  static const PbsLabel labels[] = {
    PBS_LABEL_KIND, PBS_LABEL_ROW, PBS_LABEL_NAME, PBS_LABEL_PRINTED, PBS_LABEL_COMPUTED,
    PBS_LABEL_VARIANT, PBS_LABEL_MESSAGE,
  };
  PbsEvaluation *e = pbs_scorecard_get_evaluation (sc);
  g_autoptr (PbsAudit) audit = pbs_audit_new (sc);
  guint shown = 0;

  part_table_start (h, sc, PBS_LABEL_AUDIT, "audit", labels, G_N_ELEMENTS (labels));
  for (guint i = 0; i < pbs_audit_get_n_findings (audit); i++)
    {
      gint row = pbs_audit_get_row (audit, i);
      PbsDecimal d;

      if (!pbs_report_finding_selected (in, sc, audit, i))
        continue;
      shown++;
      g_string_append (h->out, "<tr>");
      element_take (h, "td", "kind", pbs_report_dup_code (PBS_TYPE_FINDING_KIND, pbs_audit_get_kind (audit, i),
                                                          h->language));
      num_cell_take (h, row >= 0 ? g_strdup_printf ("%d", row + 1) : NULL);
      element (h, "td", NULL, row >= 0 ? pbs_indicator_get_name (pbs_evaluation_get_indicator (e, (guint) row))
                                       : L (NONE));
      num_cell_take (h, pbs_audit_get_printed (audit, i, &d) ? pbs_decimal_to_string (&d) : NULL);
      num_cell_take (h, pbs_audit_get_computed (audit, i, &d) ? pbs_report_dup_number (sc, &d) : NULL);
      element_take (h, "td", "variant", pbs_report_dup_code (PBS_TYPE_VARIANT, pbs_audit_get_variant (audit, i),
                                                             h->language));
      element_take (h, "td", NULL, pbs_audit_dup_message (audit, i, h->language));
      row_end (h, in);
    }
  findings_table_end (h, shown, G_N_ELEMENTS (labels));
}

static void
write_lint (gpointer writer, const PbsReportInput *in, PbsScorecard *sc)
{
  Html *h = writer;
  static const PbsLabel labels[] = {
    PBS_LABEL_CHECK, PBS_LABEL_ROW, PBS_LABEL_NAME, PBS_LABEL_CATEGORY, PBS_LABEL_WHERE,
    PBS_LABEL_MESSAGE, PBS_LABEL_SUGGESTION,
  };
  g_autoptr (GArray) items = pbs_report_lint_items (in, sc);

  part_table_start (h, sc, PBS_LABEL_LINT, "lint", labels, G_N_ELEMENTS (labels));
  for (guint i = 0; i < items->len; i++)
    {
      const PbsReportLintItem *item = &g_array_index (items, PbsReportLintItem, i);

      /* the check nick is ASCII from an enumeration: safe as an attribute */
      g_string_append_printf (h->out, "<tr data-check=\"%s\">", item->check);
      element_take (h, "td", "check", pbs_report_dup_code (PBS_TYPE_LINT_CHECK, item->check_value,
                                                           h->language));
      num_cell_take (h, item->row > 0 ? g_strdup_printf ("%d", item->row) : NULL);
      element (h, "td", NULL, item->name != NULL ? item->name : L (NONE));
      element (h, "td", NULL, item->category != NULL ? item->category : L (NONE));
      element (h, "td", "where", item->where != NULL ? item->where : L (NONE));
      element (h, "td", NULL, item->message);
      element (h, "td", "suggestion", item->suggestion);
      row_end (h, in);
    }
  findings_table_end (h, items->len, G_N_ELEMENTS (labels));
}

static void
write_narrative (gpointer writer, const PbsReportInput *in, PbsScorecard *sc)
{
  Html *h = writer;
  g_autofree char *text = pbs_narrative_dup_text (sc);
  g_auto (GStrv) lines = NULL;

  g_string_append (h->out, "<section class=\"narrative\" lang=\"zh-CN\" xml:lang=\"zh-CN\">\n");
  element (h, "h2", NULL, L (NARRATIVE));
  g_string_append_c (h->out, '\n');
  lines = g_strsplit (text != NULL ? text : "", "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (lines[i][0] == '\0')
        continue;
      element (h, "p", NULL, lines[i]);
      g_string_append_c (h->out, '\n');
    }
  g_string_append (h->out, "</section>\n");
}

void
pbs_report_html_head (const PbsReportInput *in, PbsScorecard *only, GString *out)
{
  Html h = { out, in->language, 0, in->columns == PBS_REPORT_COLUMNS_FULL };

  page_start (&h, only);
}

/* Evaluation number @index (from 0) as its own section. */
void
pbs_report_html_one (const PbsReportInput *in, guint index, PbsScorecard *sc, GString *out)
{
  static const PbsReportParts parts = {
    write_table, write_explain, write_audit, write_lint, write_narrative,
  };
  Html h = { out, in->language, index + 1, in->columns == PBS_REPORT_COLUMNS_FULL };

  g_string_append_printf (out, "<section class=\"evaluation\" id=\"e%u\">\n", h.section);
  pbs_report_write_parts (&parts, &h, in, sc);
  g_string_append (out, "</section>\n");
}

void
pbs_report_html_tail (GString *out)
{
  g_string_append (out, "</body>\n</html>\n");
}

/* The page's head with @title, for the summaries (pbs-report-records.c). */
void
pbs_report_html_page (GString *out, PbsLanguage language, const char *title)
{
  Html h = { out, language, 0, TRUE };

  page_start_titled (&h, title);
}

/* @text escaped for the page, as every text of it is. */
void
pbs_report_html_text (GString *out, const char *text)
{
  Html h = { out, PBS_LANGUAGE_ZH, 0, TRUE };

  esc (&h, text);
}
