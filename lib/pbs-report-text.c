/* pbs-report-text.c - reports as aligned text, Markdown and CSV
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Text and Markdown say the same things in the same order, so one set of
 * content writers drives both through a small Writer (headings, fields,
 * list items, tables) that knows the two syntaxes. Text tables are padded
 * by display width (pbs_text_display_width), so 汉字 line up in a
 * terminal; no cell is ever wrapped or cut. CSV is machine-facing: stable
 * names, one row per indicator or per finding (audit, lint; doc/report.md).
 */
#include "config.h"

#include <string.h>

#include "pbs-report-private.h"

/* ---------------------------------------------------------------- tables */

typedef struct {
  guint      n_cols;
  guint32    right;   /* bit i set: column i holds numbers, aligned right */
  GPtrArray *cells;   /* char*, owned, row by row; the first row is the header */
} Table;

static void
table_free (Table *t)
{
  g_ptr_array_unref (t->cells);
  g_free (t);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Table, table_free)

/* A table with the @n_cols headers of @heads. */
static Table *
table_new_heads (guint32 right, guint n_cols, const char * const *heads)
{
  Table *t = g_new0 (Table, 1);

  t->n_cols = n_cols;
  t->right = right;
  t->cells = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < n_cols; i++)
    g_ptr_array_add (t->cells, g_strdup (heads[i]));
  return t;
}

/* A table with the @n_cols headers that follow. */
static Table *
table_new (guint32 right, guint n_cols, ...)
{
  const char *heads[16];
  va_list ap;

  g_assert (n_cols <= G_N_ELEMENTS (heads));
  va_start (ap, n_cols);
  for (guint i = 0; i < n_cols; i++)
    heads[i] = va_arg (ap, const char *);
  va_end (ap);
  return table_new_heads (right, n_cols, heads);
}

static void
cell_add (GPtrArray *cells, const char *cell)
{
  g_ptr_array_add (cells, g_strdup (cell != NULL ? cell : ""));
}

static void
cell_take (GPtrArray *cells, char *cell)
{
  g_ptr_array_add (cells, cell != NULL ? cell : g_strdup (""));
}

static void
table_add (Table *t, const char *cell)
{
  cell_add (t->cells, cell);
}

static void
table_take (Table *t, char *cell)
{
  cell_take (t->cells, cell);
}

static guint
table_n_rows (const Table *t)
{
  return t->cells->len / t->n_cols;
}

static const char *
table_cell (const Table *t, guint row, guint col)
{
  return g_ptr_array_index (t->cells, row * t->n_cols + col);
}

/* ---------------------------------------------------------------- writer */

typedef struct {
  GString     *out;
  gboolean     markdown;
  PbsLanguage  language;
  const PbsReportInput *in;   /* its flush, between the rows of a table */
} Writer;

/* A cell or line on one line. Line breaks (CR LF, CR, LF) become a space
 * in text and <br> in Markdown; everything else a terminal would act on
 * (C0 and C1 controls, NEL, U+2028/U+2029, bidirectional overrides) is
 * cleaned by pbs_text_one_line(), the one cleaning function of the
 * terminal formats. Markdown then escapes punctuation that would be
 * markup. */
static void
append_segment (Writer *w, const char *start, gsize length)
{
  g_autofree char *raw = g_strndup (start, length);
  g_autofree char *clean = pbs_text_one_line (raw);

  for (const char *p = clean; *p != '\0'; p++)
    {
      if (w->markdown && strchr ("\\`*_[]<>&|", *p) != NULL)
        {
          /* CommonMark's backslash escapes: the text shows as written,
           * never as markup, HTML or an entity, and | never splits a cell */
          g_string_append_c (w->out, '\\');
          g_string_append_c (w->out, *p);
        }
      else
        g_string_append_c (w->out, *p);
    }
}

static void
append_inline (Writer *w, const char *text)
{
  const char *start = text;

  for (const char *p = text;; p++)
    {
      if (*p != '\0' && *p != '\n' && *p != '\r')
        continue;
      append_segment (w, start, (gsize) (p - start));
      if (*p == '\0')
        break;
      if (*p == '\r' && p[1] == '\n')
        p++;
      g_string_append (w->out, w->markdown ? "<br>" : " ");
      start = p + 1;
    }
}

static char *
inline_copy (Writer *w, const char *text)
{
  Writer tmp = { g_string_new (NULL), w->markdown, w->language, NULL };

  append_inline (&tmp, text);
  return g_string_free (tmp.out, FALSE);
}

static void
append_repeated (GString *s, char c, guint n)
{
  for (guint i = 0; i < n; i++)
    g_string_append_c (s, c);
}

static void
w_blank (Writer *w)
{
  /* Looks at the last two bytes only: g_str_has_suffix would measure the
   * whole output with strlen, once per heading (quadratic, issue 14). */
  const GString *o = w->out;

  if (o->len > 0 && !(o->len >= 2 && o->str[o->len - 1] == '\n' && o->str[o->len - 2] == '\n'))
    g_string_append_c (w->out, '\n');
}

static void
w_heading (Writer *w, guint level, const char *text)
{
  w_blank (w);
  if (w->markdown)
    {
      append_repeated (w->out, '#', level + 1);
      g_string_append_c (w->out, ' ');
      append_inline (w, text);
      g_string_append (w->out, "\n\n");
      return;
    }
  {
    g_autofree char *line = inline_copy (w, text);
    g_string_append (w->out, line);
    g_string_append_c (w->out, '\n');
    append_repeated (w->out, level <= 1 ? '=' : '-', pbs_text_display_width (line));
    g_string_append (w->out, "\n\n");
  }
}

/* "label：value" (a list item in Markdown, so the fields stay lines). */
static void
w_field (Writer *w, const char *label, const char *value)
{
  if (w->markdown)
    g_string_append (w->out, "- ");
  append_inline (w, label);
  g_string_append (w->out, w->language == PBS_LANGUAGE_ZH ? "：" : ": ");
  append_inline (w, value);
  g_string_append_c (w->out, '\n');
}

static void
w_item (Writer *w, const char *text)
{
  g_string_append (w->out, "- ");
  append_inline (w, text);
  g_string_append_c (w->out, '\n');
}

static void
w_line (Writer *w, const char *text)
{
  append_inline (w, text);
  g_string_append (w->out, w->markdown ? "\n\n" : "\n");
}

/* A table's body rows are made one at a time, by @fill (the cells of row
 * @r appended to @cells, or FALSE when row @r is not shown), and written
 * as they are made, so that a huge table is never held whole: Markdown in
 * one pass, text in two (the widths first). */
typedef gboolean (*RowFill) (Writer *w, gconstpointer data, guint r, GPtrArray *cells);

typedef struct {
  guint                n_cols;
  guint32              right;
  const char * const  *heads;
  guint                n_rows;   /* rows @fill is asked for */
  RowFill              fill;
  gconstpointer        data;
} Rows;

static void
w_row_markdown (Writer *w, const Rows *t, const char * const *cells)
{
  g_string_append_c (w->out, '|');
  for (guint c = 0; c < t->n_cols; c++)
    {
      g_string_append_c (w->out, ' ');
      append_inline (w, cells[c]);
      g_string_append (w->out, " |");
    }
  g_string_append_c (w->out, '\n');
}

static void
w_table_markdown (Writer *w, const Rows *t)
{
  g_autoptr (GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);

  w_row_markdown (w, t, t->heads);
  g_string_append_c (w->out, '|');
  for (guint c = 0; c < t->n_cols; c++)
    g_string_append (w->out, (t->right >> c) & 1 ? " ---: |" : " --- |");
  g_string_append_c (w->out, '\n');
  for (guint r = 0; r < t->n_rows; r++)
    {
      g_ptr_array_set_size (cells, 0);
      if (!t->fill (w, t->data, r, cells))
        continue;
      w_row_markdown (w, t, (const char * const *) cells->pdata);
      pbs_report_input_flush (w->in);
    }
}

/* One line of the text table: @shown are its cells on one line. */
static void
w_row_text (Writer *w, const Rows *t, const guint *widths, char **shown)
{
  for (guint c = 0; c < t->n_cols; c++)
    {
      const char *cell = shown[c];
      guint pad = widths[c] - pbs_text_display_width (cell);
      gboolean last = c + 1 == t->n_cols;

      if ((t->right >> c) & 1)
        append_repeated (w->out, ' ', pad);
      g_string_append (w->out, cell);
      if (!last && !((t->right >> c) & 1))
        append_repeated (w->out, ' ', pad);
      if (!last)
        g_string_append (w->out, "  ");
    }
  /* no padding after the last non-empty cell */
  while (w->out->len > 0 && w->out->str[w->out->len - 1] == ' ')
    g_string_truncate (w->out, w->out->len - 1);
  g_string_append_c (w->out, '\n');
}

/* The cells of body row @r on one line each, in @shown; FALSE when the
 * row is not shown. */
static gboolean
shown_row (Writer *w, const Rows *t, guint r, GPtrArray *cells, GPtrArray *shown)
{
  g_ptr_array_set_size (cells, 0);
  g_ptr_array_set_size (shown, 0);
  if (!t->fill (w, t->data, r, cells))
    return FALSE;
  for (guint c = 0; c < t->n_cols; c++)
    g_ptr_array_add (shown, inline_copy (w, g_ptr_array_index (cells, c)));
  return TRUE;
}

static void
w_table_text (Writer *w, const Rows *t)
{
  g_autofree guint *widths = g_new0 (guint, t->n_cols);
  g_autoptr (GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) shown = g_ptr_array_new_with_free_func (g_free);

  for (guint c = 0; c < t->n_cols; c++)
    {
      g_autofree char *head = inline_copy (w, t->heads[c]);
      widths[c] = pbs_text_display_width (head);
    }
  for (guint r = 0; r < t->n_rows; r++)
    if (shown_row (w, t, r, cells, shown))
      for (guint c = 0; c < t->n_cols; c++)
        widths[c] = MAX (widths[c], pbs_text_display_width (g_ptr_array_index (shown, c)));

  g_ptr_array_set_size (shown, 0);
  for (guint c = 0; c < t->n_cols; c++)
    g_ptr_array_add (shown, inline_copy (w, t->heads[c]));
  w_row_text (w, t, widths, (char **) shown->pdata);
  for (guint c = 0; c < t->n_cols; c++)
    {
      append_repeated (w->out, '-', widths[c]);
      g_string_append (w->out, c + 1 == t->n_cols ? "\n" : "  ");
    }
  for (guint r = 0; r < t->n_rows; r++)
    if (shown_row (w, t, r, cells, shown))
      {
        w_row_text (w, t, widths, (char **) shown->pdata);
        pbs_report_input_flush (w->in);
      }
}

static void
w_rows (Writer *w, const Rows *t)
{
  w_blank (w);
  if (w->markdown)
    w_table_markdown (w, t);
  else
    w_table_text (w, t);
  g_string_append_c (w->out, '\n');
}

/* A table held whole (a few rows) as generated rows. */
static gboolean
table_fill (Writer *w, gconstpointer data, guint r, GPtrArray *cells)
{
  const Table *t = data;

  for (guint c = 0; c < t->n_cols; c++)
    g_ptr_array_add (cells, g_strdup (table_cell (t, r + 1, c)));
  return TRUE;
}

static void
w_table (Writer *w, const Table *t)
{
  Rows rows = { t->n_cols, t->right, (const char * const *) t->cells->pdata, table_n_rows (t) - 1,
                table_fill, t };

  w_rows (w, &rows);
}

/* ---------------------------------------------------------------- content */

#define L(label) pbs_report_label (PBS_LABEL_##label, w->language)

static char *
dup_or_none (Writer *w, char *text)
{
  return text != NULL ? text : g_strdup (L (NONE));
}

static void
write_title (Writer *w, PbsScorecard *sc, PbsLabel what)
{
  PbsEvaluation *e = pbs_scorecard_get_evaluation (sc);
  g_autofree char *title = NULL;

  if (w->language == PBS_LANGUAGE_ZH)
    title = g_strconcat (pbs_evaluation_get_title (e), pbs_report_label (what, w->language), NULL);
  else
    title = g_strdup_printf ("%s — %s", pbs_evaluation_get_title (e), pbs_report_label (what, w->language));
  w_heading (w, 1, title);
}

static void
write_header (Writer *w, PbsScorecard *sc)
{
  g_auto (PbsReportHead) head = { 0 };

  pbs_report_head_init (&head, sc, w->language);
  write_title (w, sc, PBS_LABEL_FORM);
  for (guint i = 0; i < head.n; i++)
    w_field (w, pbs_report_label (head.fields[i].label, w->language), head.fields[i].value);
}

static void
write_budget (Writer *w, PbsScorecard *sc)
{
  PbsBudget *b = pbs_evaluation_get_budget (pbs_scorecard_get_evaluation (sc));
  g_autoptr (Table) t = table_new (0x3f, 6, L (INITIAL), L (ANNUAL), L (EXECUTED), L (POINTS),
                                   L (RATE), L (SCORE));
  PbsDecimal d;

  if (b != NULL && pbs_budget_get_initial (b, &d))
    table_take (t, pbs_report_dup_money (&d));
  else
    table_add (t, L (NONE));
  if (b != NULL && pbs_budget_get_annual (b, &d))
    table_take (t, pbs_report_dup_money (&d));
  else
    table_add (t, L (NONE));
  if (b != NULL && pbs_budget_get_executed (b, &d))
    table_take (t, pbs_report_dup_money (&d));
  else
    table_add (t, L (NONE));
  pbs_scorecard_get_budget_points (sc, &d);
  table_take (t, pbs_decimal_to_string (&d));
  if (pbs_scorecard_get_budget_rate (sc, &d))
    {
      g_autofree char *rate = pbs_report_dup_number (sc, &d);
      table_take (t, g_strconcat (rate, "%", NULL));
    }
  else
    table_add (t, L (NONE));
  if (pbs_scorecard_get_budget_score (sc, &d))
    table_take (t, pbs_report_dup_number (sc, &d));
  else
    table_add (t, L (NONE));
  /* The money block's source rows (其中：当年财政拨款 …, budget.sources,
   * issue 9) follow the total's row here once the model has them. */

  w_heading (w, 2, L (BUDGET));
  w_table (w, t);
}

/* 年度总体目标: 预期目标 and 实际完成情况, when the evaluation gives them. */
static void
write_goals (Writer *w, PbsScorecard *sc)
{
  PbsEvaluation *e = pbs_scorecard_get_evaluation (sc);
  const char *expected = pbs_evaluation_get_goals_expected (e);
  const char *achieved = pbs_evaluation_get_goals_achieved (e);

  if (!PBS_REPORT_GIVEN (expected) && !PBS_REPORT_GIVEN (achieved))
    return;
  w_heading (w, 2, L (GOALS));
  if (PBS_REPORT_GIVEN (expected))
    w_field (w, L (GOALS_EXPECTED), expected);
  if (PBS_REPORT_GIVEN (achieved))
    w_field (w, L (GOALS_ACHIEVED), achieved);
}

/* What a table of the scorecard's rows is made from. */
typedef struct {
  const PbsReportInput *in;
  PbsScorecard         *sc;
  gboolean              full;
} RowsOf;

/* Row @i of the indicator table; after the last indicator, the form's
 * last row: 总分, its points and score. */
static gboolean
indicator_fill (Writer *w, gconstpointer data, guint i, GPtrArray *t)
{
  const RowsOf *of = data;
  PbsScorecard *sc = of->sc;
  gboolean full = of->full;
  const char *sep = w->language == PBS_LANGUAGE_ZH ? "、" : ", ";
  PbsDecimal d;

  if (i < pbs_scorecard_get_n_rows (sc))
    {
      PbsIndicator *ind = pbs_evaluation_get_indicator (pbs_scorecard_get_evaluation (sc), i);
      const PbsValue *target = pbs_indicator_get_target (ind);
      const PbsValue *actual = pbs_indicator_get_actual (ind);
      PbsDecimal points;

      if (!pbs_report_row_selected (of->in, sc, i))
        return FALSE;
      pbs_scorecard_get_row_points (sc, i, &points);
      if (full)
        cell_take (t, g_strdup_printf ("%u", i + 1));
      cell_add (t, pbs_indicator_get_level1 (ind));
      cell_add (t, pbs_indicator_get_level2 (ind));
      cell_add (t, pbs_indicator_get_name (ind));
      cell_add (t, target != NULL ? pbs_value_get_text (target) : L (NONE));
      cell_add (t, actual != NULL ? pbs_value_get_text (actual) : L (NONE));
      cell_take (t, pbs_decimal_to_string (&points));
      cell_take (t, dup_or_none (w, pbs_report_dup_row_score (sc, i)));
      if (full)
        {
          cell_add (t, pbs_report_status_label (pbs_scorecard_get_row_status (sc, i), w->language));
          cell_take (t, pbs_report_dup_flags (pbs_scorecard_get_row_flags (sc, i), w->language, sep));
        }
      cell_add (t, pbs_indicator_get_reason (ind));
      return TRUE;
    }
  if (full)
    cell_add (t, "");
  cell_add (t, L (TOTAL));
  for (guint c = 0; c < 4; c++)
    cell_add (t, "");
  pbs_scorecard_get_total_points (sc, &d);
  cell_take (t, pbs_decimal_to_string (&d));
  pbs_scorecard_get_total (sc, &d);
  cell_take (t, pbs_report_dup_number (sc, &d));
  for (guint c = full ? 0 : 2; c < 3; c++)
    cell_add (t, "");
  return TRUE;
}

static void
write_rows (Writer *w, const PbsReportInput *in, PbsScorecard *sc)
{
  gboolean full = in->columns == PBS_REPORT_COLUMNS_FULL;
  /* full: 序号 first, 状态 and 标记 after 得分 (right-aligned: 序号, 分值, 得分) */
  const char *heads[] = { L (ROW), L (LEVEL1), L (LEVEL2), L (NAME), L (TARGET), L (ACTUAL),
                          L (POINTS), L (SCORE), L (STATUS), L (FLAGS), L (REASON) };
  const char *official[] = { L (LEVEL1), L (LEVEL2), L (NAME), L (TARGET), L (ACTUAL),
                             L (POINTS), L (SCORE), L (REASON) };
  RowsOf of = { in, sc, full };
  Rows rows = { full ? G_N_ELEMENTS (heads) : G_N_ELEMENTS (official),
                full ? 1 << 0 | 1 << 6 | 1 << 7 : 1 << 5 | 1 << 6, full ? heads : official,
                pbs_scorecard_get_n_rows (sc) + 1, indicator_fill, &of };

  w_heading (w, 2, L (INDICATORS));
  w_rows (w, &rows);
}

static void
write_subtotals (Writer *w, PbsScorecard *sc)
{
  g_autoptr (Table) t = table_new (1 << 2 | 1 << 3, 4, L (LEVEL1), L (LEVEL2), L (POINTS), L (SCORE));
  guint n = pbs_scorecard_get_n_subtotals (sc);

  if (n == 0)
    return;
  for (guint i = 0; i < n; i++)
    {
      const char *level1, *level2;
      PbsDecimal points, score;
      guint level;

      pbs_scorecard_get_subtotal (sc, i, &level, &level1, &level2, &points, &score);
      table_add (t, level == 1 ? level1 : "");
      table_add (t, level == 1 ? "" : level2);
      table_take (t, pbs_decimal_to_string (&points));
      table_take (t, pbs_report_dup_number (sc, &score));
    }
  w_heading (w, 2, L (SUBTOTALS));
  w_table (w, t);
}

static void
write_total (Writer *w, PbsScorecard *sc)
{
  PbsGrade grade = pbs_scorecard_get_grade (sc);
  PbsDecimal total, points;
  g_autofree char *total_text = NULL, *points_text = NULL, *line = NULL, *grade_text = NULL;
  g_autofree char *unscored = NULL;

  pbs_scorecard_get_total (sc, &total);
  pbs_scorecard_get_total_points (sc, &points);
  total_text = pbs_report_dup_number (sc, &total);
  points_text = pbs_decimal_to_string (&points);
  line = g_strdup_printf (w->language == PBS_LANGUAGE_ZH ? "%s（%s %s）" : "%s (%s %s)",
                          total_text, L (OF), points_text);
  if (grade == PBS_GRADE_NONE)
    grade_text = g_strdup (L (NONE));
  else if (w->language == PBS_LANGUAGE_ZH)
    grade_text = g_strdup (pbs_grade_get_label (grade));
  else
    grade_text = g_strdup_printf ("%s (%s)", pbs_grade_get_label (grade),
                                  pbs_enum_nick (PBS_TYPE_GRADE, grade));

  w_blank (w);
  w_field (w, L (TOTAL), line);
  w_field (w, L (GRADE), grade_text);
  if (pbs_evaluation_get_printed_grade (pbs_scorecard_get_evaluation (sc)) != PBS_GRADE_NONE)
    w_field (w, L (PRINTED_GRADE),
             pbs_grade_get_label (pbs_evaluation_get_printed_grade (pbs_scorecard_get_evaluation (sc))));
  unscored = pbs_report_dup_unscored (sc, w->language);
  if (unscored != NULL)
    {
      g_autofree char *note = g_strconcat (L (INCOMPLETE), unscored, NULL);
      w_blank (w);
      w_line (w, note);
    }
}

/* The sign-off of the form, the fields the evaluation gives. */
static void
write_signoff (Writer *w, PbsScorecard *sc)
{
  PbsReportField fields[4];
  guint n = pbs_report_signoff (pbs_scorecard_get_evaluation (sc), fields);

  if (n > 0)
    w_blank (w);
  for (guint i = 0; i < n; i++)
    w_field (w, pbs_report_label (fields[i].label, w->language), fields[i].value);
}

static void
write_warnings (Writer *w, PbsScorecard *sc)
{
  guint n = pbs_scorecard_get_n_warnings (sc);

  if (n == 0)
    return;
  w_heading (w, 2, L (WARNINGS));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *message = pbs_scorecard_dup_warning_message (sc, i, w->language);
      g_autofree char *item = g_strdup_printf ("%s (%s)", message,
                                               pbs_enum_nick (PBS_TYPE_WARNING,
                                                              pbs_scorecard_get_warning (sc, i)));
      w_item (w, item);
    }
}

static void
write_table (gpointer writer, const PbsReportInput *in, PbsScorecard *sc)
{
  Writer *w = writer;

  write_header (w, sc);
  write_budget (w, sc);
  write_goals (w, sc);
  write_rows (w, in, sc);
  write_subtotals (w, sc);
  write_total (w, sc);
  write_signoff (w, sc);
  write_warnings (w, sc);
}

static gboolean
explain_fill (Writer *w, gconstpointer data, guint i, GPtrArray *t)
{
  const RowsOf *of = data;
  PbsScorecard *sc = of->sc;
  PbsDecimal points;

  if (!pbs_report_row_selected (of->in, sc, i))
    return FALSE;
  pbs_scorecard_get_row_points (sc, i, &points);
  cell_take (t, g_strdup_printf ("%u", i + 1));
  cell_add (t, pbs_indicator_get_name (pbs_evaluation_get_indicator (pbs_scorecard_get_evaluation (sc), i)));
  cell_take (t, pbs_report_dup_code (PBS_TYPE_RULE, pbs_scorecard_get_row_rule (sc, i), w->language));
  cell_take (t, pbs_decimal_to_string (&points));
  cell_take (t, dup_or_none (w, pbs_report_dup_row_score (sc, i)));
  cell_take (t, pbs_report_cite_place (sc, (gint) i, pbs_scorecard_dup_row_explanation (sc, i, w->language)));
  return TRUE;
}

static void
write_explain (gpointer writer, const PbsReportInput *in, PbsScorecard *sc)
{
  Writer *w = writer;
  const char *heads[] = { L (ROW), L (NAME), L (RULE), L (POINTS), L (SCORE), L (EXPLANATION) };
  RowsOf of = { in, sc, FALSE };
  Rows rows = { G_N_ELEMENTS (heads), 1 << 0 | 1 << 3 | 1 << 4, heads, pbs_scorecard_get_n_rows (sc),
                explain_fill, &of };

  write_title (w, sc, PBS_LABEL_EXPLAIN);
  w_rows (w, &rows);
}

typedef struct {
  const PbsReportInput *in;
  PbsScorecard         *sc;
  PbsAudit             *audit;
} FindingsOf;

static gboolean
audit_fill (Writer *w, gconstpointer data, guint i, GPtrArray *t)
{
  const FindingsOf *of = data;
  PbsAudit *audit = of->audit;
  PbsScorecard *sc = of->sc;
  gint row = pbs_audit_get_row (audit, i);
  PbsDecimal d;

  if (!pbs_report_finding_selected (of->in, sc, audit, i))
    return FALSE;
  cell_take (t, pbs_report_dup_code (PBS_TYPE_FINDING_KIND, pbs_audit_get_kind (audit, i), w->language));
  cell_take (t, dup_or_none (w, row >= 0 ? g_strdup_printf ("%d", row + 1) : NULL));
  cell_add (t, row >= 0 ? pbs_indicator_get_name (pbs_evaluation_get_indicator (pbs_scorecard_get_evaluation (sc), (guint) row))
                        : L (NONE));
  cell_take (t, dup_or_none (w, pbs_audit_get_printed (audit, i, &d) ? pbs_decimal_to_string (&d) : NULL));
  cell_take (t, dup_or_none (w, pbs_audit_get_computed (audit, i, &d) ? pbs_report_dup_number (sc, &d) : NULL));
  cell_take (t, pbs_report_dup_code (PBS_TYPE_VARIANT, pbs_audit_get_variant (audit, i), w->language));
  cell_take (t, pbs_report_cite_place (sc, row, pbs_audit_dup_message (audit, i, w->language)));
  return TRUE;
}

static void
write_audit (gpointer writer, const PbsReportInput *in, PbsScorecard *sc)
{
  Writer *w = writer;
  g_autoptr (PbsAudit) audit = pbs_audit_new (sc);
  const char *heads[] = { L (KIND), L (ROW), L (NAME), L (PRINTED), L (COMPUTED), L (VARIANT), L (MESSAGE) };
  FindingsOf of = { in, sc, audit };
  Rows rows = { G_N_ELEMENTS (heads), 1 << 1 | 1 << 3 | 1 << 4, heads, pbs_audit_get_n_findings (audit),
                audit_fill, &of };
  guint shown = 0;

  write_title (w, sc, PBS_LABEL_AUDIT);
  for (guint i = 0; i < pbs_audit_get_n_findings (audit) && shown == 0; i++)
    shown += pbs_report_finding_selected (in, sc, audit, i);
  if (shown > 0)
    w_rows (w, &rows);
  else
    w_line (w, L (NO_FINDINGS));
}

static gboolean
lint_fill (Writer *w, gconstpointer data, guint i, GPtrArray *t)
{
  const PbsReportLintItem *item = &g_array_index ((GArray *) data, PbsReportLintItem, i);

  cell_add (t, item->where != NULL ? item->where : L (NONE));
  cell_take (t, pbs_report_dup_code (PBS_TYPE_LINT_CHECK, item->check_value, w->language));
  cell_take (t, dup_or_none (w, item->row > 0 ? g_strdup_printf ("%d", item->row) : NULL));
  cell_add (t, item->name != NULL ? item->name : L (NONE));
  cell_add (t, item->category != NULL ? item->category : L (NONE));
  cell_add (t, item->message);
  cell_add (t, item->suggestion);
  return TRUE;
}

/* Text: one line per finding as a compiler writes it, FILE:LINE:COLUMN
 * first so that editors jump to the row, the suggestion indented below;
 * Markdown: a table. Then the count. */
static void
write_lint (gpointer writer, const PbsReportInput *in, PbsScorecard *sc)
{
  Writer *w = writer;
  g_autoptr (GArray) items = pbs_report_lint_items (in, sc);
  g_autofree char *count = NULL;

  write_title (w, sc, PBS_LABEL_LINT);
  if (items->len == 0)
    {
      w_line (w, L (NO_FINDINGS));
      return;
    }
  if (w->markdown)
    {
      const char *heads[] = { L (WHERE), L (CHECK), L (ROW), L (NAME), L (CATEGORY), L (MESSAGE),
                              L (SUGGESTION) };
      Rows rows = { G_N_ELEMENTS (heads), 1 << 2, heads, items->len, lint_fill, items };

      w_rows (w, &rows);
    }
  else
    for (guint i = 0; i < items->len; i++)
      {
        const PbsReportLintItem *item = &g_array_index (items, PbsReportLintItem, i);
        g_autofree char *check = pbs_report_dup_code (PBS_TYPE_LINT_CHECK, item->check_value,
                                                      w->language);

        if (item->where != NULL)
          {
            append_inline (w, item->where);
            g_string_append (w->out, ": ");
          }
        append_inline (w, item->message);
        g_string_append_printf (w->out, " [%s]\n", check);
        if (item->suggestion != NULL && *item->suggestion != '\0')
          {
            g_string_append_printf (w->out, "    %s%s", L (SUGGESTION),
                                    w->language == PBS_LANGUAGE_ZH ? "：" : ": ");
            append_inline (w, item->suggestion);
            g_string_append_c (w->out, '\n');
          }
        pbs_report_input_flush (w->in);
      }
  if (w->language == PBS_LANGUAGE_ZH)
    count = g_strdup_printf ("共 %u 条问题", items->len);
  else
    count = g_strdup_printf ("%u finding%s", items->len, items->len == 1 ? "" : "s");
  w_blank (w);
  w_line (w, count);
}

static void
write_narrative (gpointer writer, const PbsReportInput *in, PbsScorecard *sc)
{
  Writer *w = writer;
  g_autofree char *text = pbs_narrative_dup_text (sc);
  g_auto (GStrv) lines = NULL;

  w_heading (w, 2, L (NARRATIVE));
  if (text == NULL)
    return;
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strchomp (lines[i]);
      if (lines[i][0] == '\0')
        continue;
      w_line (w, lines[i]);
    }
}

/* One evaluation, after the ones before it (@index from 0). The report
 * (pbs-report.c) keeps the trailing line breaks of what came before in
 * @out, so w_blank() sees them. */
void
pbs_report_text_one (const PbsReportInput *in, gboolean markdown, guint index, PbsScorecard *sc,
                     GString *out)
{
  static const PbsReportParts parts = {
    write_table, write_explain, write_audit, write_lint, write_narrative,
  };
  Writer w = { out, markdown, in->language, in };

  if (index > 0)
    w_blank (&w);
  pbs_report_write_parts (&parts, &w, in, sc);
}

void
pbs_report_text_end (GString *out)
{
  /* End with exactly one line break. */
  while (out->len > 1 && out->str[out->len - 1] == '\n' && out->str[out->len - 2] == '\n')
    g_string_truncate (out, out->len - 1);
}

/* ---------------------------------------------------------------- CSV */

/* A CSV cell without control characters: C0 controls other than tab, CR
 * and LF (which CSV quotes), DEL and C1 controls (U+0080–U+009F) are
 * removed, so that no escape sequence reaches a terminal that shows the
 * file. */
static char *
csv_clean (const char *text)
{
  GString *s = g_string_sized_new (strlen (text));

  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    {
      if ((*p < 0x20 && *p != '\t' && *p != '\r' && *p != '\n') || *p == 0x7F)
        continue;
      if (*p == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F)
        {
          p++;
          continue;
        }
      g_string_append_c (s, (char) *p);
    }
  return g_string_free (s, FALSE);
}

/* A plain number: [+-]digits[,digits][.digits][%], such as -3.2%. */
static gboolean
is_plain_number (const char *s)
{
  gboolean digits = FALSE;

  if (*s == '+' || *s == '-')
    s++;
  for (; g_ascii_isdigit (*s) || (*s == ',' && digits); s++)
    digits = TRUE;
  if (*s == '.')
    for (s++; g_ascii_isdigit (*s); s++)
      ;
  if (*s == '%')
    s++;
  return digits && *s == '\0';
}

/* Is @text a cell that csv_clean() keeps as it is and RFC 4180 leaves
 * unquoted? Most cells are: they are appended without a copy. */
static gboolean
csv_is_plain (const char *text)
{
  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    if (*p < 0x20 || *p == 0x7F || *p == ',' || *p == '"'
        || (*p == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F))
      return FALSE;
  return TRUE;
}

/* RFC 4180: a field holding a comma, a quote, CR or LF is quoted, its
 * quotes doubled. For a spreadsheet, a text that would run as a formula
 * (it starts with = + - @ TAB or CR and is no plain number) gets a
 * leading ' (OWASP's CSV injection advice). */
static void
csv_field (GString *out, const char *raw, gboolean first, gboolean spreadsheet)
{
  g_autofree char *clean = NULL;
  g_autofree char *guarded = NULL;
  const char *text;

  if (!first)
    g_string_append_c (out, ',');
  if (raw == NULL)
    return;
  if (!(spreadsheet && raw[0] != '\0' && strchr ("=+-@", raw[0]) != NULL) && csv_is_plain (raw))
    {
      g_string_append (out, raw);
      return;
    }
  text = clean = csv_clean (raw);
  if (spreadsheet && text[0] != '\0' && strchr ("=+-@\t\r", text[0]) != NULL
      && !is_plain_number (text))
    text = guarded = g_strconcat ("'", text, NULL);
  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
csv_record (const PbsReportInput *in, GString *out, const char * const *fields, guint n)
{
  for (guint i = 0; i < n; i++)
    csv_field (out, fields[i], i == 0, in->spreadsheet);
  g_string_append (out, "\r\n");
  pbs_report_input_flush (in);
}

/* The head row: the stable names, or for a spreadsheet under --lang zh
 * the form's Chinese words (doc/report.md, "csv"). */
static void
csv_head (const PbsReportInput *in, GString *out, const char * const *fields, guint n)
{
  static const struct { const char *name; const char *zh; } words[] = {
    { "title", "项目名称" }, { "level1", "一级指标" }, { "level2", "二级指标" },
    { "name", "三级指标" }, { "target", "年度指标值" }, { "actual", "实际完成值" },
    { "points", "分值" }, { "score", "得分" }, { "status", "状态" }, { "rule", "评分规则" },
    { "flags", "标记" }, { "printed_score", "原表得分" }, { "reason", "偏差原因分析及改进措施" },
    { "explanation", "计算说明" }, { "kind", "类别" }, { "row", "序号" },
    { "printed", "原表数" }, { "computed", "计算数" }, { "variant", "口径" },
    { "message", "说明" }, { "check", "检查项" }, { "category", "指标类别" },
    { "where", "位置" }, { "suggestion", "建议" },
  };
  const char *heads[16];

  g_assert (n <= G_N_ELEMENTS (heads));
  for (guint i = 0; i < n; i++)
    {
      heads[i] = fields[i];
      if (in->spreadsheet && in->language == PBS_LANGUAGE_ZH)
        for (guint k = 0; k < G_N_ELEMENTS (words); k++)
          if (strcmp (fields[i], words[k].name) == 0)
            heads[i] = words[k].zh;
    }
  if (in->spreadsheet)
    g_string_append (out, "\xef\xbb\xbf");   /* the byte-order mark */
  csv_record (in, out, heads, n);
}

static void
csv_rows (const PbsReportInput *in, PbsScorecard *sc, GString *out)
{
  PbsEvaluation *e = pbs_scorecard_get_evaluation (sc);

  for (guint i = 0; i < pbs_scorecard_get_n_rows (sc); i++)
    {
      PbsIndicator *ind = pbs_evaluation_get_indicator (e, i);
      const PbsValue *target = pbs_indicator_get_target (ind);
      const PbsValue *actual = pbs_indicator_get_actual (ind);
      PbsDecimal points, printed;
      g_autofree char *points_text = NULL, *score = NULL, *flags = NULL, *printed_text = NULL;
      g_autofree char *explanation = NULL;

      if (!pbs_report_row_selected (in, sc, i))
        continue;
      pbs_scorecard_get_row_points (sc, i, &points);
      points_text = pbs_decimal_to_string (&points);
      score = pbs_report_dup_row_score (sc, i);
      flags = pbs_report_dup_flags (pbs_scorecard_get_row_flags (sc, i), -1, ";");
      if (pbs_indicator_get_printed_score (ind, &printed))
        printed_text = pbs_decimal_to_string (&printed);
      explanation = pbs_scorecard_dup_row_explanation (sc, i, in->language);
      {
        const char *fields[] = {
          pbs_evaluation_get_title (e),
          pbs_indicator_get_level1 (ind),
          pbs_indicator_get_level2 (ind),
          pbs_indicator_get_name (ind),
          target != NULL ? pbs_value_get_text (target) : NULL,
          actual != NULL ? pbs_value_get_text (actual) : NULL,
          points_text,
          score,
          pbs_status_get_nick (pbs_scorecard_get_row_status (sc, i)),
          pbs_rule_get_nick (pbs_scorecard_get_row_rule (sc, i)),
          flags,
          printed_text,
          pbs_indicator_get_reason (ind),
          explanation,
        };
        csv_record (in, out, fields, G_N_ELEMENTS (fields));
      }
    }
}

static void
csv_findings (const PbsReportInput *in, PbsScorecard *sc, GString *out)
{
  PbsEvaluation *e = pbs_scorecard_get_evaluation (sc);
  g_autoptr (PbsAudit) audit = pbs_audit_new (sc);

  for (guint i = 0; i < pbs_audit_get_n_findings (audit); i++)
    {
      gint row = pbs_audit_get_row (audit, i);
      PbsDecimal d;
      g_autofree char *row_text = NULL, *printed = NULL, *computed = NULL, *message = NULL;

      if (!pbs_report_finding_selected (in, sc, audit, i))
        continue;
      if (row >= 0)
        row_text = g_strdup_printf ("%d", row + 1);
      if (pbs_audit_get_printed (audit, i, &d))
        printed = pbs_decimal_to_string (&d);
      if (pbs_audit_get_computed (audit, i, &d))
        computed = pbs_report_dup_number (sc, &d);
      message = pbs_audit_dup_message (audit, i, in->language);
      {
        const char *fields[] = {
          pbs_evaluation_get_title (e),
          pbs_enum_nick (PBS_TYPE_FINDING_KIND, pbs_audit_get_kind (audit, i)),
          row_text,
          row >= 0 ? pbs_indicator_get_name (pbs_evaluation_get_indicator (e, (guint) row)) : NULL,
          printed,
          computed,
          pbs_variant_get_nick (pbs_audit_get_variant (audit, i)),
          message,
        };
        csv_record (in, out, fields, G_N_ELEMENTS (fields));
      }
    }
}

static void
csv_lint (const PbsReportInput *in, PbsScorecard *sc, GString *out)
{
  PbsEvaluation *e = pbs_scorecard_get_evaluation (sc);
  g_autoptr (GArray) items = pbs_report_lint_items (in, sc);

  for (guint i = 0; i < items->len; i++)
    {
      const PbsReportLintItem *item = &g_array_index (items, PbsReportLintItem, i);
      g_autofree char *row = item->row > 0 ? g_strdup_printf ("%d", item->row) : NULL;
      const char *fields[] = {
        pbs_evaluation_get_title (e),
        item->check,
        row,
        item->name,
        item->category,
        item->where,
        item->message,
        item->suggestion,
      };

      csv_record (in, out, fields, G_N_ELEMENTS (fields));
    }
}

void
pbs_report_csv_head (const PbsReportInput *in, GString *out)
{
  static const char * const row_header[] = {
    "title", "level1", "level2", "name", "target", "actual", "points", "score", "status", "rule",
    "flags", "printed_score", "reason", "explanation",
  };
  static const char * const finding_header[] = {
    "title", "kind", "row", "name", "printed", "computed", "variant", "message",
  };
  static const char * const lint_header[] = {
    "title", "check", "row", "name", "category", "where", "message", "suggestion",
  };

  if (in->content == PBS_REPORT_AUDIT)
    csv_head (in, out, finding_header, G_N_ELEMENTS (finding_header));
  else if (in->content == PBS_REPORT_LINT)
    csv_head (in, out, lint_header, G_N_ELEMENTS (lint_header));
  else
    csv_head (in, out, row_header, G_N_ELEMENTS (row_header));
}

void
pbs_report_csv_one (const PbsReportInput *in, PbsScorecard *sc, GString *out)
{
  if (in->content == PBS_REPORT_AUDIT)
    csv_findings (in, sc, out);
  else if (in->content == PBS_REPORT_LINT)
    csv_lint (in, sc, out);
  else
    csv_rows (in, sc, out);
}

/* One CSV field, for the summaries (pbs-report-records.c). */
void
pbs_report_csv_field (GString *out, const char *raw, gboolean first, gboolean spreadsheet)
{
  csv_field (out, raw, first, spreadsheet);
}
