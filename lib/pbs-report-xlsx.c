/* pbs-report-xlsx.c - the official 绩效自评表 as an .xlsx workbook
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * libxlsxwriter (1.1.4) writes only to a file name: the workbook goes to
 * a temporary file, which is read back into the output and removed. Its
 * constant-memory mode is not used (it forbids merged cells).
 *
 * Text is always written with worksheet_write_string(), never as a
 * formula, whatever it starts with. Numbers are REAL cells: the decimal's
 * exact digits go through g_ascii_strtod(); a decimal of at most 15
 * significant digits gives the double nearest to it, which Excel shows
 * with those digits again (Excel displays 15 significant digits). The
 * number format gives the digits: money with the digits it was written
 * with, scores with two, rates as percentages.
 *
 * Layout of one sheet (official columns, A to H): the title, the year,
 * 项目名称, 主管部门 / 实施单位, the money block (年度资金总额 and the
 * source rows the budget gives), 年度总体目标 (when the evaluation has
 * goals), then the indicator block with its head row (repeated on every
 * printed page) and the level-1 and level-2 cells merged over their rows,
 * 总分 and 自评等级, and the sign-off row (when the evaluation has one).
 * The empty form has all three source rows and both blocks, to be filled.
 * Under --columns full the form moves to B to I, with 序号 in A and 状态
 * and 标记 in J and K. Several evaluations: a summary sheet first, then
 * one sheet each.
 */

#include "config.h"

#include <pthread.h>
#include <unistd.h>
#include <string.h>
#include <glib/gstdio.h>
#include <xlsxwriter.h>

#include "pbs-report-private.h"

#define L(label) pbs_report_label (PBS_LABEL_##label, in->language)
/* The empty form (PBS_REPORT_FORM): names and points, no values. */
#define BLANK (in->content == PBS_REPORT_FORM)
#define N_COLS 8
/* --columns full (not in the empty form): 序号 in A before the official
 * form, which keeps its columns whole in B to I, and 状态 and 标记 after
 * it in J and K. X0 is the form's first column. */
#define FULL (in->columns == PBS_REPORT_COLUMNS_FULL && !BLANK)
#define X0 (FULL ? 1u : 0u)
#define N_EXTRA 2
#define LAST_COL (FULL ? X0 + N_COLS - 1 + N_EXTRA : N_COLS - 1)
#define EXCEL_MAX_ROWS 1048576u
#define EXCEL_MAX_SHEET_NAME 31
typedef struct {
  lxw_workbook *wb;
  lxw_format   *title;
  lxw_format   *head;
  lxw_format   *text;
  lxw_format   *label;
  lxw_format   *score;
  lxw_format   *rate;
  GHashTable   *money;   /* number of decimals → lxw_format* */
} Formats;

static lxw_format *
new_cell_format (lxw_workbook *wb, gboolean bold, gboolean center)
{
  lxw_format *f = workbook_add_format (wb);

  format_set_border (f, LXW_BORDER_THIN);
  format_set_text_wrap (f);
  format_set_align (f, LXW_ALIGN_VERTICAL_CENTER);
  if (center)
    format_set_align (f, LXW_ALIGN_CENTER);
  if (bold)
    format_set_bold (f);
  format_set_font_name (f, "SimSun");
  format_set_font_size (f, 10);
  return f;
}

static void
formats_init (Formats *f, lxw_workbook *wb)
{
  f->wb = wb;
  f->title = workbook_add_format (wb);
  format_set_bold (f->title);
  format_set_font_size (f->title, 16);
  format_set_font_name (f->title, "SimSun");
  format_set_align (f->title, LXW_ALIGN_CENTER);
  format_set_align (f->title, LXW_ALIGN_VERTICAL_CENTER);
  f->head = new_cell_format (wb, TRUE, TRUE);
  f->text = new_cell_format (wb, FALSE, FALSE);
  f->label = new_cell_format (wb, FALSE, TRUE);
  f->score = new_cell_format (wb, FALSE, TRUE);
  format_set_num_format (f->score, "0.00");
  f->rate = new_cell_format (wb, FALSE, TRUE);
  format_set_num_format (f->rate, "0.00%");
  f->money = g_hash_table_new (g_direct_hash, g_direct_equal);
}

/* The format of money written with @decimals digits after the point. */
static lxw_format *
money_format (Formats *f, guint decimals)
{
  lxw_format *fmt = g_hash_table_lookup (f->money, GUINT_TO_POINTER (decimals));

  if (fmt == NULL)
    {
      g_autoptr (GString) code = g_string_new ("#,##0");

      if (decimals > 0)
        g_string_append_c (code, '.');
      for (guint i = 0; i < decimals; i++)
        g_string_append_c (code, '0');
      fmt = new_cell_format (f->wb, FALSE, TRUE);
      format_set_num_format (fmt, code->str);
      g_hash_table_insert (f->money, GUINT_TO_POINTER (decimals), fmt);
    }
  return fmt;
}

static void
put_text (lxw_worksheet *ws, guint row, guint col, const char *text, lxw_format *fmt)
{
  if (text == NULL || *text == '\0')
    worksheet_write_blank (ws, row, col, fmt);
  else
    worksheet_write_string (ws, row, col, text, fmt);
}

static void
put_merged_text (lxw_worksheet *ws, guint row0, guint col0, guint row1, guint col1,
                 const char *text, lxw_format *fmt)
{
  if (row0 == row1 && col0 == col1)
    put_text (ws, row0, col0, text, fmt);
  else
    worksheet_merge_range (ws, row0, col0, row1, col1, text != NULL ? text : "", fmt);
}

/* A decimal as a REAL cell: its exact digits through g_ascii_strtod(),
 * times 10^-@shift (2 for a percentage shown by "0.00%"): the exponent is
 * parsed with the digits, so the double is the one nearest to the exact
 * value, never the result of a division. */
static void
put_decimal (lxw_worksheet *ws, guint row, guint col, const PbsDecimal *d, guint shift,
             lxw_format *fmt)
{
  g_autofree char *digits = pbs_decimal_to_string (d);
  g_autofree char *text = g_strdup_printf ("%se-%u", digits, shift);

  worksheet_write_number (ws, row, col, g_ascii_strtod (text, NULL), fmt);
}

/* Money and points: a REAL number shown with the digits it was written
 * with. */
static void
put_written (Formats *f, lxw_worksheet *ws, guint row, guint col, const PbsDecimal *d)
{
  g_autofree char *digits = pbs_decimal_to_string (d);
  const char *point = strchr (digits, '.');
  guint decimals = point != NULL ? (guint) strlen (point + 1) : 0;

  worksheet_write_number (ws, row, col, g_ascii_strtod (digits, NULL),
                          money_format (f, decimals));
}

static const char *
project_label (const PbsReportInput *in)
{
  return in->language == PBS_LANGUAGE_EN ? "Project" : "项目名称";
}

static const char *
money_label (const PbsReportInput *in, PbsScorecard *sc, char **owned)
{
  const char *unit = pbs_report_currency_label (
    pbs_evaluation_get_currency (pbs_scorecard_get_evaluation (sc)));

  *owned = in->language == PBS_LANGUAGE_EN
           ? g_strdup_printf ("Project funds (%s)", unit)
           : g_strdup_printf ("项目资金（%s）", unit);
  return *owned;
}

/* The source rows' labels under 年度资金总额, { zh, en }: the English
 * keep the Chinese name, by which pbscore's reader knows the row. */
static const char *const source_words[PBS_N_FUND_SOURCES][2] = {
  [PBS_FUND_SOURCE_CURRENT] = { "当年财政拨款", "Appropriation (当年财政拨款)" },
  [PBS_FUND_SOURCE_CARRIED_OVER] = { "上年结转资金", "Carried over (上年结转资金)" },
  [PBS_FUND_SOURCE_OTHER] = { "其他资金", "Other funds (其他资金)" },
};

/* Rows of the money block under its head: 年度资金总额 and at most the
 * three source rows (其中：当年财政拨款, 上年结转资金, 其他资金). */
#define MAX_MONEY_ROWS (1 + PBS_N_FUND_SOURCES)

/* An amount of the money block in @col, or a blank money cell. */
static void
put_amount (Formats *f, lxw_worksheet *ws, guint row, guint col, gboolean has,
            const PbsDecimal *d)
{
  if (has)
    put_written (f, ws, row, col, d);
  else
    put_text (ws, row, col, NULL, money_format (f, 2));
}

/* One source row from @row: its label (the first 其中：), its amounts in
 * C to E (blank in the empty form) and F to H blank, as on the form:
 * only 年度资金总额 is scored. */
static void
write_source (const PbsReportInput *in, Formats *f, lxw_worksheet *ws, const PbsBudget *b,
              PbsFundSource source, gboolean first, guint row)
{
  const char *name = in->language == PBS_LANGUAGE_EN ? source_words[source][1]
                     : source_words[source][0];
  g_autofree char *label = !first ? g_strdup (name)
                           : g_strconcat (in->language == PBS_LANGUAGE_EN ? "of which: " : "其中：",
                                          name, NULL);

  put_text (ws, row, X0 + 1, label, f->label);
  for (guint c = 0; c < 3; c++)
    {
      PbsDecimal d;
      gboolean has = !BLANK && b != NULL
                     && pbs_budget_get_source_amount (b, source, (PbsBudgetColumn) c, &d);

      put_amount (f, ws, row, X0 + 2 + c, has, &d);
    }
  for (guint c = 5; c <= 7; c++)
    put_text (ws, row, X0 + c, NULL, f->label);
}

/* Writes the money block from @row: column A "项目资金（万元）" over a
 * head row, 年度资金总额 and the source rows the budget gives (the empty
 * form: all three, blank), whose amounts are in C to H. Returns the next
 * row. */
static guint
write_budget (const PbsReportInput *in, Formats *f, lxw_worksheet *ws, PbsScorecard *sc,
              guint row)
{
  PbsBudget *b = pbs_evaluation_get_budget (pbs_scorecard_get_evaluation (sc));
  const char *heads[] = { L (INITIAL), L (ANNUAL), L (EXECUTED), L (POINTS), L (RATE),
                          L (SCORE) };
  g_autofree char *label = NULL;
  PbsFundSource sources[PBS_N_FUND_SOURCES];
  guint n_sources = 0;
  PbsDecimal d;

  for (guint s = 0; s < PBS_N_FUND_SOURCES; s++)
    if (BLANK || (b != NULL && pbs_budget_has_source (b, (PbsFundSource) s)))
      sources[n_sources++] = (PbsFundSource) s;
  put_merged_text (ws, row, X0, row + 1 + n_sources, X0, money_label (in, sc, &label), f->label);
  put_text (ws, row, X0 + 1, NULL, f->head);
  for (guint i = 0; i < G_N_ELEMENTS (heads); i++)
    put_text (ws, row, X0 + 2 + i, heads[i], f->head);
  row++;
  put_text (ws, row, X0 + 1,
            in->language == PBS_LANGUAGE_EN ? "Total funds (资金总额)" : "年度资金总额", f->label);
  pbs_scorecard_get_budget_points (sc, &d);
  put_written (f, ws, row, X0 + 5, &d);
  if (BLANK)
    {
      for (guint c = 2; c <= 4; c++)
        put_amount (f, ws, row, X0 + c, FALSE, NULL);
      put_text (ws, row, X0 + 6, NULL, f->rate);
      put_text (ws, row, X0 + 7, NULL, f->score);
    }
  else
    {
      /* Either amount may be missing from a published table (§11). */
      put_amount (f, ws, row, X0 + 2, b != NULL && pbs_budget_get_initial (b, &d), &d);
      put_amount (f, ws, row, X0 + 3, b != NULL && pbs_budget_get_annual (b, &d), &d);
      put_amount (f, ws, row, X0 + 4, b != NULL && pbs_budget_get_executed (b, &d), &d);
      if (pbs_scorecard_get_budget_rate (sc, &d))
        put_decimal (ws, row, X0 + 6, &d, 2, f->rate);
      else
        put_text (ws, row, X0 + 6, NULL, f->label);
      if (pbs_scorecard_get_budget_score (sc, &d))
        put_decimal (ws, row, X0 + 7, &d, 0, f->score);
      else
        put_text (ws, row, X0 + 7, NULL, f->label);
    }
  row++;
  for (guint k = 0; k < n_sources; k++, row++)
    write_source (in, f, ws, b, sources[k], k == 0, row);
  return row;
}

/* The widths of the form's columns A to H and of 状态 and 标记, in
 * characters. */
static const double form_widths[N_COLS] = { 12, 14, 26, 16, 16, 9, 9, 30 };
static const double extra_widths[N_EXTRA] = { 10, 18 };

/* The words of the 年度总体目标 and sign-off blocks, which only this
 * format prints: { zh, en }. */
static const char *const goal_words[][2] = {
  { "年度总体目标", "Overall annual goals" },
  { "预期目标", "Expected" },
  { "实际完成情况", "Achieved" },
};
static const char *const signoff_words[][2] = {
  { "项目负责人", "Project manager" },
  { "填报人", "Prepared by" },
  { "联系电话", "Phone" },
  { "填报日期", "Date" },
};
#define WORD(table, i) (table[i][in->language == PBS_LANGUAGE_EN ? 1 : 0])

static gboolean
has_text (const char *s)
{
  return s != NULL && *s != '\0';
}

/* Lines a text takes in a cell about @width characters wide (a Chinese
 * character counts two), each of its paragraphs from a new line: Excel
 * does not fit the height of a merged row by itself. */
static guint
text_lines (const char *text, double width)
{
  guint units = 0, lines = 0;

  for (const char *p = text != NULL ? text : ""; ; p = g_utf8_next_char (p))
    {
      if (*p == '\0' || *p == '\n')
        {
          lines += (guint) (units / width) + 1;
          units = 0;
          if (*p == '\0')
            break;
        }
      else
        units += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
    }
  return lines;
}

/* 年度总体目标 from @row, when the evaluation has goals (or the form is
 * empty): column A over two rows, 预期目标 in B to D and 实际完成情况 in E
 * to H, their paragraphs below. Returns the next row. */
static guint
write_goals (const PbsReportInput *in, Formats *f, lxw_worksheet *ws, PbsEvaluation *e,
             guint row)
{
  const char *expected = BLANK ? NULL : pbs_evaluation_get_goals_expected (e);
  const char *achieved = BLANK ? NULL : pbs_evaluation_get_goals_achieved (e);
  guint lines;

  if (!BLANK && !has_text (expected) && !has_text (achieved))
    return row;
  put_merged_text (ws, row, X0, row + 1, X0, WORD (goal_words, 0), f->label);
  put_merged_text (ws, row, X0 + 1, row, X0 + 3, WORD (goal_words, 1), f->head);
  put_merged_text (ws, row, X0 + 4, row, X0 + N_COLS - 1, WORD (goal_words, 2), f->head);
  row++;
  put_merged_text (ws, row, X0 + 1, row, X0 + 3, expected, f->text);
  put_merged_text (ws, row, X0 + 4, row, X0 + N_COLS - 1, achieved, f->text);
  /* B to D and E to H are about 56 and 64 characters wide (setup_page) */
  lines = MAX (text_lines (expected, 56), text_lines (achieved, 64));
  worksheet_set_row (ws, row, MAX (2u, lines) * 13.5, NULL);
  return row + 1;
}

/* The sign-off row from @row, when the evaluation has one (or the form is
 * empty): 项目负责人, 填报人, 联系电话 and 填报日期, each label with its
 * value in the cell beside it. Returns the next row. */
static guint
write_signoff (const PbsReportInput *in, Formats *f, lxw_worksheet *ws, PbsEvaluation *e,
               guint row)
{
  const char *values[] = {
    pbs_evaluation_get_signoff_manager (e), pbs_evaluation_get_signoff_preparer (e),
    pbs_evaluation_get_signoff_phone (e), pbs_evaluation_get_signoff_date (e),
  };
  gboolean any = BLANK;

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    any = any || has_text (values[i]);
  if (!any)
    return row;
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      put_text (ws, row, X0 + 2 * i, WORD (signoff_words, i), f->label);
      put_text (ws, row, X0 + 2 * i + 1, BLANK ? NULL : values[i], f->text);
    }
  return row + 1;
}

/* Merges the run of rows [@first, @last] of column @col holding @text. */
static void
close_run (lxw_worksheet *ws, Formats *f, guint col, guint first, guint last, const char *text)
{
  put_merged_text (ws, first, col, last, col, text, f->label);
}

static const char *
level_text (PbsIndicator *ind, guint col)
{
  const char *s = col == 0 ? pbs_indicator_get_level1 (ind) : pbs_indicator_get_level2 (ind);

  return s != NULL ? s : "";
}

/* Makes an indicator row tall enough for its wrapped texts: LibreOffice
 * does not fit a row's height to wrapped text by itself, nor does any
 * program for a merged cell (@alone: the level cells that are one row's
 * own). A row of one line keeps the default height. */
static void
fit_row (const PbsReportInput *in, lxw_worksheet *ws, guint row, PbsIndicator *ind,
         const char *flags, const gboolean alone[2])
{
  const PbsValue *target = pbs_indicator_get_target (ind);
  const PbsValue *actual = pbs_indicator_get_actual (ind);
  const char *texts[N_COLS] = {
    alone[0] ? level_text (ind, 0) : NULL, alone[1] ? level_text (ind, 1) : NULL,
    pbs_indicator_get_name (ind),
    !BLANK && target != NULL ? pbs_value_get_text (target) : NULL,
    !BLANK && actual != NULL ? pbs_value_get_text (actual) : NULL,
    NULL, NULL, BLANK ? NULL : pbs_indicator_get_reason (ind),
  };
  guint lines = text_lines (flags, extra_widths[1]);

  for (guint c = 0; c < N_COLS; c++)
    lines = MAX (lines, text_lines (texts[c], form_widths[c]));
  if (lines > 1)
    worksheet_set_row (ws, row, lines * 13.5, NULL);
}

/* The indicator block from @row; returns the next row. */
static guint
write_indicators (const PbsReportInput *in, Formats *f, lxw_worksheet *ws, PbsScorecard *sc,
                  guint row)
{
  PbsEvaluation *e = pbs_scorecard_get_evaluation (sc);
  const char *heads[N_COLS] = { L (LEVEL1), L (LEVEL2), L (NAME), L (TARGET), L (ACTUAL),
                                L (POINTS), L (SCORE),
                                in->language == PBS_LANGUAGE_EN ? L (REASON)
                                : "偏差原因分析及改进措施" };
  const char *extra[N_EXTRA] = { L (STATUS), L (FLAGS) };
  const char *sep = in->language == PBS_LANGUAGE_EN ? ", " : "、";
  g_autoptr (GArray) rows = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree gboolean *alone = NULL;   /* [2 * k + c]: a level cell of one row */
  guint head_row = row;

  for (guint c = 0; c < N_COLS; c++)
    put_text (ws, row, X0 + c, heads[c], f->head);
  if (FULL)
    {
      put_text (ws, row, 0, L (ROW), f->head);
      for (guint c = 0; c < N_EXTRA; c++)
        put_text (ws, row, X0 + N_COLS + c, extra[c], f->head);
    }
  worksheet_repeat_rows (ws, head_row, head_row);
  row++;
  for (guint i = 0; i < pbs_scorecard_get_n_rows (sc); i++)
    if (pbs_report_row_selected (in, sc, i))
      g_array_append_val (rows, i);
  alone = g_new0 (gboolean, 2 * rows->len + 1);

  for (guint c = 0; c < 2; c++)
    {
      guint first = row;

      for (guint k = 0; k < rows->len; k++)
        {
          PbsIndicator *ind = pbs_evaluation_get_indicator (e, g_array_index (rows, guint, k));
          const char *text = level_text (ind, c);
          gboolean last = k + 1 == rows->len;
          gboolean differs = FALSE;

          if (!last)
            {
              PbsIndicator *next = pbs_evaluation_get_indicator (e, g_array_index (rows, guint,
                                                                                   k + 1));
              differs = g_strcmp0 (text, level_text (next, c)) != 0
                        || (c == 1 && g_strcmp0 (level_text (ind, 0), level_text (next, 0)) != 0);
            }
          if (last || differs)
            {
              close_run (ws, f, X0 + c, first, row + k, text);
              alone[2 * k + c] = first == row + k;
              first = row + k + 1;
            }
        }
    }

  for (guint k = 0; k < rows->len; k++, row++)
    {
      guint i = g_array_index (rows, guint, k);
      PbsIndicator *ind = pbs_evaluation_get_indicator (e, i);
      const PbsValue *target = pbs_indicator_get_target (ind);
      const PbsValue *actual = pbs_indicator_get_actual (ind);
      PbsDecimal d;

      put_text (ws, row, X0 + 2, pbs_indicator_get_name (ind), f->text);
      pbs_scorecard_get_row_points (sc, i, &d);
      put_written (f, ws, row, X0 + 5, &d);
      if (BLANK)
        {
          put_text (ws, row, X0 + 3, NULL, f->label);
          put_text (ws, row, X0 + 4, NULL, f->label);
          put_text (ws, row, X0 + 6, NULL, f->score);
          put_text (ws, row, X0 + 7, NULL, f->text);
          fit_row (in, ws, row, ind, NULL, alone + 2 * k);
          continue;
        }
      put_text (ws, row, X0 + 3, target != NULL ? pbs_value_get_text (target) : NULL, f->label);
      put_text (ws, row, X0 + 4, actual != NULL ? pbs_value_get_text (actual) : NULL, f->label);
      if (pbs_scorecard_get_row_score (sc, i, &d))
        put_decimal (ws, row, X0 + 6, &d, 0, f->score);
      else
        put_text (ws, row, X0 + 6, NULL, f->label);
      put_text (ws, row, X0 + 7, pbs_indicator_get_reason (ind), f->text);
      if (FULL)
        {
          g_autofree char *flags = pbs_report_dup_flags (pbs_scorecard_get_row_flags (sc, i),
                                                         in->language, sep);

          /* the row's number in the evaluation, as text and html print it */
          worksheet_write_number (ws, row, 0, i + 1, f->label);
          put_text (ws, row, X0 + N_COLS,
                    pbs_report_status_label (pbs_scorecard_get_row_status (sc, i), in->language),
                    f->label);
          put_text (ws, row, X0 + N_COLS + 1, flags, f->text);
          fit_row (in, ws, row, ind, flags, alone + 2 * k);
        }
      else
        fit_row (in, ws, row, ind, NULL, alone + 2 * k);
    }
  return row;
}

static guint
write_total (const PbsReportInput *in, Formats *f, lxw_worksheet *ws, PbsScorecard *sc,
             guint row)
{
  PbsGrade grade = pbs_scorecard_get_grade (sc);
  PbsDecimal d;

  put_merged_text (ws, row, X0, row, X0 + 4, L (TOTAL), f->head);
  pbs_scorecard_get_total_points (sc, &d);
  put_written (f, ws, row, X0 + 5, &d);
  pbs_scorecard_get_total (sc, &d);
  if (BLANK)
    put_text (ws, row, X0 + 6, NULL, f->score);
  else
    put_decimal (ws, row, X0 + 6, &d, 0, f->score);
  put_text (ws, row, X0 + 7, NULL, f->text);
  row++;
  put_merged_text (ws, row, X0, row, X0 + 4, L (GRADE), f->head);
  put_merged_text (ws, row, X0 + 5, row, X0 + 7,
                   BLANK ? NULL
                   : grade == PBS_GRADE_NONE ? L (NONE) : pbs_grade_get_label (grade), f->label);
  return row + 1;
}

static void
setup_page (const PbsReportInput *in, lxw_worksheet *ws)
{
  for (guint c = 0; c < N_COLS; c++)
    worksheet_set_column (ws, X0 + c, X0 + c, form_widths[c], NULL);
  if (FULL)
    {
      worksheet_set_column (ws, 0, 0, 6, NULL);   /* 序号 */
      for (guint c = 0; c < N_EXTRA; c++)
        worksheet_set_column (ws, X0 + N_COLS + c, X0 + N_COLS + c, extra_widths[c], NULL);
    }
  worksheet_set_paper (ws, 9);   /* A4 */
  worksheet_set_landscape (ws);
  worksheet_fit_to_pages (ws, 1, 0);
  worksheet_set_margins (ws, 0.5, 0.5, 0.6, 0.6);
}

static gboolean
write_sheet (const PbsReportInput *in, Formats *f, lxw_worksheet *ws, PbsScorecard *sc,
             GError **error)
{
  PbsEvaluation *e = pbs_scorecard_get_evaluation (sc);
  guint n = pbs_scorecard_get_n_rows (sc);
  g_autofree char *year = NULL;
  guint row = 0;

  /* title, year, project, department, money (head and rows), goals (2),
   * head, rows, total, grade, sign-off */
  if ((guint64) n + 11 + MAX_MONEY_ROWS > EXCEL_MAX_ROWS)
    {
      g_set_error (error, PBS_REPORT_ERROR, PBS_REPORT_ERROR_UNSUPPORTED,
                   "“%s” has %u rows, past Excel's %u rows of a sheet: "
                   "split the evaluation or write another format",
                   pbs_evaluation_get_title (e), n, EXCEL_MAX_ROWS);
      return FALSE;
    }
  setup_page (in, ws);
  worksheet_set_row (ws, 0, 28, NULL);
  worksheet_merge_range (ws, 0, 0, 0, LAST_COL, L (FORM), f->title);
  year = BLANK ? g_strdup (in->language == PBS_LANGUAGE_EN ? "(    )" : "（    年度）")
         : pbs_evaluation_get_year (e) > 0
         ? g_strdup_printf (in->language == PBS_LANGUAGE_EN ? "(%u)" : "（%u年度）",
                            pbs_evaluation_get_year (e))
         : NULL;
  worksheet_merge_range (ws, 1, 0, 1, LAST_COL, year != NULL ? year : "", NULL);
  row = 2;
  put_text (ws, row, X0, project_label (in), f->label);
  put_merged_text (ws, row, X0 + 1, row, X0 + N_COLS - 1,
                   BLANK ? NULL : pbs_evaluation_get_title (e), f->text);
  row++;
  put_text (ws, row, X0, L (DEPARTMENT), f->label);
  put_merged_text (ws, row, X0 + 1, row, X0 + 3,
                   BLANK ? NULL : pbs_evaluation_get_department (e), f->text);
  put_text (ws, row, X0 + 4, L (UNIT), f->label);
  put_merged_text (ws, row, X0 + 5, row, X0 + N_COLS - 1,
                   BLANK ? NULL : pbs_evaluation_get_unit (e), f->text);
  row++;
  row = write_budget (in, f, ws, sc, row);
  row = write_goals (in, f, ws, e, row);
  row = write_indicators (in, f, ws, sc, row);
  row = write_total (in, f, ws, sc, row);
  write_signoff (in, f, ws, e, row);
  return TRUE;
}

/* "3 标题" cut to Excel's 31 characters, without []:*?/\ and unique. */
static char *
sheet_name (guint number, const char *title, GHashTable *used)
{
  g_autoptr (GString) s = g_string_new (NULL);
  const char *p;
  guint chars = 0;

  g_string_printf (s, "%u ", number);
  chars = (guint) g_utf8_strlen (s->str, -1);
  for (p = title != NULL ? title : ""; *p != '\0' && chars < EXCEL_MAX_SHEET_NAME;
       p = g_utf8_next_char (p), chars++)
    {
      gunichar c = g_utf8_get_char (p);

      if (strchr ("[]:*?/\\'", (int) c) != NULL && c < 0x80)
        c = '_';
      g_string_append_unichar (s, c);
    }
  /* numbers make the names unique; a name still taken would be a bug */
  g_assert (!g_hash_table_contains (used, s->str));
  g_hash_table_add (used, g_strdup (s->str));
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static void
write_summary (const PbsReportInput *in, Formats *f, lxw_worksheet *ws)
{
  const char *heads[] = { L (ROW), project_label (in), L (DEPARTMENT), L (UNIT), L (POINTS),
                          L (TOTAL), L (GRADE) };
  static const double widths[] = { 6, 36, 20, 20, 9, 9, 10 };

  for (guint c = 0; c < G_N_ELEMENTS (heads); c++)
    {
      put_text (ws, 0, c, heads[c], f->head);
      worksheet_set_column (ws, c, c, widths[c], NULL);
    }
  worksheet_set_paper (ws, 9);
  worksheet_set_landscape (ws);
  worksheet_fit_to_pages (ws, 1, 0);
  worksheet_repeat_rows (ws, 0, 0);
  for (guint i = 0; i < in->scorecards->len; i++)
    {
      PbsScorecard *sc = g_ptr_array_index (in->scorecards, i);
      PbsEvaluation *e = pbs_scorecard_get_evaluation (sc);
      PbsGrade grade = pbs_scorecard_get_grade (sc);
      PbsDecimal d;

      worksheet_write_number (ws, i + 1, 0, i + 1, f->label);
      put_text (ws, i + 1, 1, pbs_evaluation_get_title (e), f->text);
      put_text (ws, i + 1, 2, pbs_evaluation_get_department (e), f->text);
      put_text (ws, i + 1, 3, pbs_evaluation_get_unit (e), f->text);
      pbs_scorecard_get_total_points (sc, &d);
      put_written (f, ws, i + 1, 4, &d);
      pbs_scorecard_get_total (sc, &d);
      put_decimal (ws, i + 1, 5, &d, 0, f->score);
      put_text (ws, i + 1, 6, grade == PBS_GRADE_NONE ? L (NONE) : pbs_grade_get_label (grade),
                f->label);
    }
}

/* workbook_close() writes docProps/core.xml's dates with gmtime(), whose
 * result is one static buffer: two threads closing workbooks at once race
 * on it (ThreadSanitizer, tests/test-threads.c). A pthread mutex rather
 * than a GMutex, whose futex ThreadSanitizer cannot see. */
static pthread_mutex_t close_lock = PTHREAD_MUTEX_INITIALIZER;

gboolean
pbs_report_write_xlsx (const PbsReportInput *in, GString *out, GError **error)
{
  g_autoptr (GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *path = NULL, *bytes = NULL;
  lxw_workbook_options options = { .constant_memory = LXW_FALSE, .tmpdir = NULL };
  lxw_workbook *wb;
  lxw_error werr;
  Formats f;
  gboolean ok = TRUE;
  gsize len;
  int fd;

  if (in->content != PBS_REPORT_TABLE && in->content != PBS_REPORT_FORM)
    {
      g_set_error (error, PBS_REPORT_ERROR, PBS_REPORT_ERROR_UNSUPPORTED,
                   "the xlsx format writes the scored table or the empty form only");
      return FALSE;
    }
  if (in->scorecards->len > PBS_REPORT_XLSX_MAX_EVALUATIONS)
    {
      g_set_error (error, PBS_REPORT_ERROR, PBS_REPORT_ERROR_UNSUPPORTED,
                   "%u evaluations are more than the %u one workbook holds: "
                   "write a summary (--summary) or split them",
                   in->scorecards->len, PBS_REPORT_XLSX_MAX_EVALUATIONS);
      return FALSE;
    }
  fd = g_file_open_tmp ("pbscore-XXXXXX.xlsx", &path, error);
  if (fd < 0)
    return FALSE;
  close (fd);
  wb = workbook_new_opt (path, &options);
  if (wb == NULL)
    {
      g_set_error (error, PBS_REPORT_ERROR, PBS_REPORT_ERROR_FAILED,
                   "cannot start a workbook in %s", path);
      g_unlink (path);
      return FALSE;
    }
  formats_init (&f, wb);
  if (in->scorecards->len == 1)
    {
      lxw_worksheet *ws = workbook_add_worksheet (wb, in->language == PBS_LANGUAGE_EN
                                                      ? "Evaluation" : "绩效自评表");

      ok = write_sheet (in, &f, ws, g_ptr_array_index (in->scorecards, 0), error);
    }
  else
    {
      write_summary (in, &f, workbook_add_worksheet (wb, in->language == PBS_LANGUAGE_EN
                                                         ? "Summary" : "汇总"));
      g_hash_table_add (used, g_strdup (in->language == PBS_LANGUAGE_EN ? "Summary" : "汇总"));
      for (guint i = 0; ok && i < in->scorecards->len; i++)
        {
          PbsScorecard *sc = g_ptr_array_index (in->scorecards, i);
          g_autofree char *name = sheet_name (i + 1,
                                              pbs_evaluation_get_title (
                                                pbs_scorecard_get_evaluation (sc)),
                                              used);

          ok = write_sheet (in, &f, workbook_add_worksheet (wb, name), sc, error);
        }
    }
  g_hash_table_unref (f.money);
  pthread_mutex_lock (&close_lock);
  werr = workbook_close (wb);
  pthread_mutex_unlock (&close_lock);
  if (ok && werr != LXW_NO_ERROR)
    {
      g_set_error (error, PBS_REPORT_ERROR, PBS_REPORT_ERROR_FAILED,
                   "libxlsxwriter: %s", lxw_strerror (werr));
      ok = FALSE;
    }
  if (ok && !g_file_get_contents (path, &bytes, &len, error))
    ok = FALSE;
  g_unlink (path);
  if (ok)
    g_string_append_len (out, bytes, (gssize) len);
  return ok;
}

/* workbook_close() under the lock above, for the summaries' workbooks
 * (pbs-report-records.c): an lxw_error. */
int
pbs_report_xlsx_close (struct lxw_workbook *wb)
{
  lxw_error werr;

  pthread_mutex_lock (&close_lock);
  werr = workbook_close (wb);
  pthread_mutex_unlock (&close_lock);
  return werr;
}
