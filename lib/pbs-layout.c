/* pbs-layout.c - self-evaluation forms found in grids
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Layer: readers. Reads the official 项目支出绩效自评表 (财预〔2020〕10号) and
 * the 部门整体支出 form with their everyday variants (doc/import.md, rule
 * book §1 and §11) from the grids of any table reader. Rows are taken one
 * by one, each recognised by its words: a title row, label cells
 * (项目名称 …) with their values beside them, the money block's heads and
 * its 年度资金总额 row, the indicator block's header row (its words decide
 * which column is which, in any order), indicator rows, the 总分 row. A
 * form goes on in the next table when that table starts with indicator
 * rows; a new title or label row after indicator rows starts a new form.
 * Evaluations are built with the public API only.
 */
#include "config.h"

#include <string.h>

#include "pbscore/pbscore.h"
#include "pbs-evaluation-private.h"
#include "pbs-template-private.h"
#include "pbs-grid.h"
#include "pbs-layout.h"

/* ------------------------------------------------------------ cell text */

static gboolean
is_blank_char (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x00A0 || c == 0x3000 || c == 0x200B || c == 0xFEFF;
}

/* The text without any white space: what header and label words are
 * matched against ("年度\n指标值", "分 值" and "分值" are one word). */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text ? text : ""; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!is_blank_char (c))
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* Cells that print nothing: a dash or a slash in an empty cell. */
static gboolean
is_placeholder (const char *t)
{
  static const char *const marks[] = { "/", "／", "—", "——", "-", "－", "–", "\\", NULL };

  for (guint i = 0; marks[i] != NULL; i++)
    if (strcmp (t, marks[i]) == 0)
      return TRUE;
  return FALSE;
}

/* A value as the cell shows it, trimmed; blanks inside turn into single
 * spaces, and line breaks are dropped unless @keep_lines (a line break in
 * a narrow cell is no part of a name or a value). NULL when the cell
 * shows nothing or only a placeholder. */
static char *
clean (const char *text, gboolean keep_lines)
{
  GString *out;
  gboolean space = FALSE;

  if (text == NULL)
    return NULL;
  out = g_string_new (NULL);
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\r' && p[1] == '\n')
        continue;   /* CRLF is one line break */
      if (c == '\n' || c == '\r')
        {
          while (out->len > 0 && out->str[out->len - 1] == ' ')
            g_string_truncate (out, out->len - 1);
          if (keep_lines && out->len > 0)
            g_string_append_c (out, '\n');
          space = FALSE;
          continue;
        }
      if (is_blank_char (c))
        {
          space = out->len > 0 && out->str[out->len - 1] != '\n';
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }
  while (out->len > 0 && (out->str[out->len - 1] == '\n' || out->str[out->len - 1] == ' '))
    g_string_truncate (out, out->len - 1);
  if (out->len == 0 || is_placeholder (out->str))
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

/* The cell's text, or for a cell covered by a merge its top-left cell's. */
static const char *
get_or_origin (const PbsGrid *g, guint r, guint c)
{
  guint orow, ocol;
  const char *t = pbs_grid_get (g, r, c);

  if (t == NULL && pbs_grid_get_origin (g, r, c, &orow, &ocol))
    t = pbs_grid_get (g, orow, ocol);
  return t;
}

/* ------------------------------------------------------------ columns */

typedef enum {
  COL_L1, COL_L2, COL_NAME, COL_TARGET, COL_SIGN, COL_UNIT, COL_ACTUAL,
  COL_POINTS, COL_SCORE, COL_REASON, COL_IGNORED, COL_N
} Role;

/* Header words, the most specific first: the first entry whose word the
 * squeezed cell contains decides its column. */
static const struct {
  const char *word;
  Role        role;
} head_words[] = {
  { "得分计算", COL_IGNORED }, { "计算方法", COL_IGNORED }, { "评分标准", COL_IGNORED },
  { "评分规则", COL_IGNORED }, { "完成情况", COL_IGNORED },
  { "偏差原因", COL_REASON }, { "未完成原因", COL_REASON }, { "原因分析", COL_REASON },
  { "改进措施", COL_REASON },
  { "一级指标", COL_L1 }, { "二级指标", COL_L2 },
  { "三级指标", COL_NAME }, { "指标名称", COL_NAME }, { "指标内容", COL_NAME },
  { "实际完成值", COL_ACTUAL }, { "全年实际值", COL_ACTUAL }, { "实际值", COL_ACTUAL },
  { "实际完成", COL_ACTUAL },
  { "指标性质", COL_SIGN }, { "度量单位", COL_UNIT }, { "计量单位", COL_UNIT },
  { "年度指标值", COL_TARGET }, { "年度目标值", COL_TARGET }, { "指标值", COL_TARGET },
  { "目标值", COL_TARGET },
  { "分值", COL_POINTS }, { "权重", COL_POINTS },
  { "得分", COL_SCORE },
  /* the heads pbscore's own workbook has under --lang en (pbs-report-xlsx.c),
   * squeezed and in lower case */
  { "reasonfordeviation", COL_REASON }, { "level1", COL_L1 }, { "level2", COL_L2 },
  { "indicator", COL_NAME }, { "target", COL_TARGET }, { "actual", COL_ACTUAL },
  { "points", COL_POINTS }, { "score", COL_SCORE },
};

static Role
role_of (const char *squeezed)
{
  g_autofree char *lower = g_ascii_strdown (squeezed, -1);

  if (strcmp (squeezed, "单位") == 0)
    return COL_UNIT;
  for (guint i = 0; i < G_N_ELEMENTS (head_words); i++)
    if (strstr (lower, head_words[i].word) != NULL)
      return head_words[i].role;
  return COL_N;
}

typedef struct {
  int   col[COL_N];   /* -1 when absent */
  guint n_cols;       /* the grid's width, to recognise a continuation */
} Columns;

static void
columns_init (Columns *cols)
{
  for (guint i = 0; i < COL_N; i++)
    cols->col[i] = -1;
  cols->n_cols = 0;
}

static guint
assign_roles (const PbsGrid *g, guint r, Columns *cols, gboolean override)
{
  guint found = 0;

  for (guint c = 0; c < pbs_grid_get_n_cols (g); c++)
    {
      g_autofree char *s = squeeze (pbs_grid_get (g, r, c));
      Role role = role_of (s);

      if (role == COL_N || role == COL_IGNORED)
        continue;
      if (cols->col[role] < 0 || override)
        cols->col[role] = (int) c;
      found++;
    }
  return found;
}

/* Whether row @r is the indicator block's header (with 实际完成值, a target
 * column and a name column). A second header row below, all of whose
 * cells are header words, is taken too: 指标性质 | 指标值 | 度量单位 under a
 * merged 年度指标值, or 一级指标 | 二级指标 | 三级指标 under a merged 绩效指标.
 * Returns the rows it takes, 0 when it is no header. */
static guint
read_header (const PbsGrid *g, guint r, Columns *out)
{
  Columns cols, below;
  guint taken = 1, shown = 0;

  columns_init (&cols);
  assign_roles (g, r, &cols, FALSE);
  if (cols.col[COL_ACTUAL] < 0 || (cols.col[COL_TARGET] < 0 && cols.col[COL_SIGN] < 0))
    return 0;
  if (r + 1 < pbs_grid_get_n_rows (g))
    {
      columns_init (&below);
      for (guint c = 0; c < pbs_grid_get_n_cols (g); c++)
        {
          g_autofree char *t = clean (pbs_grid_get (g, r + 1, c), FALSE);

          shown += t != NULL;
        }
      if (shown > 0 && assign_roles (g, r + 1, &below, FALSE) == shown)
        {
          for (guint i = 0; i < COL_N; i++)
            if (below.col[i] >= 0)
              cols.col[i] = below.col[i];
          taken = 2;
        }
    }
  if (cols.col[COL_NAME] < 0 && cols.col[COL_L1] < 0)
    return 0;
  cols.n_cols = pbs_grid_get_n_cols (g);
  *out = cols;
  return taken;
}

/* ------------------------------------------------------------ forms */

typedef struct {
  GPtrArray     *out;          /* PbsEvaluation */
  PbsEvaluation *eval;         /* the form being read */
  gboolean       has_title;    /* from a 项目名称 label, which wins */
  gboolean       closed;       /* its 总分 row was read */
  char          *hint;         /* the title row, to choose a template */
  Columns        cols;         /* the indicator block's columns, or none */
  gboolean       in_block;
  Columns        budget;       /* the money block's heads */
  gboolean       in_budget;
  int            goal_col[2];  /* 年度总体目标: 预期目标, 实际完成情况 columns */
  gboolean       in_goals;
  char          *level1;       /* the last level cells, filled down */
  char          *level2;
  const char    *file;
  gboolean       saw_header;
  GError        *problem;      /* a form found wanting, reported at the end */
  PbsTemplate   *template_;    /* the points of a form without 分值, or NULL */
  gboolean       points_from_template;   /* the form took them */
} Reader;

static gboolean G_GNUC_PRINTF (6, 7)
cell_error (GError **error, int code, const PbsGrid *g, guint r, guint c, const char *format, ...)
{
  g_autofree char *place = pbs_grid_dup_place (g, r, c);
  g_autofree char *msg = NULL;
  va_list args;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, PBS_IMPORT_ERROR, code, "%s:%s: %s", pbs_grid_get_file (g), place, msg);
  return FALSE;
}

/* Whether the rows' points under each level-1 category add up to what the
 * template fixes for it (a template that would fail the weights check is
 * no fit). */
static gboolean
weights_fit (PbsEvaluation *e, const PbsTemplate *t)
{
  for (guint i = 0; i < pbs_template_get_n_level1 (t); i++)
    {
      const char *name = pbs_template_get_level1_name (t, i);
      PbsDecimal want, sum, p;

      if (!pbs_template_get_level1_points (t, i, &want))
        continue;
      pbs_decimal_init (&sum, 0, 0);
      for (guint k = 0; k < pbs_evaluation_get_n_indicators (e); k++)
        {
          PbsIndicator *ind = pbs_evaluation_get_indicator (e, k);

          if (g_strcmp0 (pbs_indicator_get_level1 (ind), name) != 0)
            continue;
          pbs_indicator_get_points (ind, &p);
          if (!pbs_decimal_add (&sum, &p, &sum))
            return FALSE;
        }
      if (!pbs_decimal_equal (&sum, &want))
        return FALSE;
    }
  return TRUE;
}

/* The templates whose categories every row fits; with several, the one
 * the title names (部门整体 / 项目支出), else none. */
static void
choose_template (PbsEvaluation *e, const char *hint)
{
  g_auto (GStrv) names = pbs_template_list ();
  g_autoptr (GPtrArray) fits = g_ptr_array_new_with_free_func ((GDestroyNotify) pbs_template_unref);
  const char *want = NULL;

  if (hint != NULL && strstr (hint, "部门整体") != NULL)
    want = "department-overall";
  else if (hint != NULL && strstr (hint, "项目") != NULL)
    want = "central-project-2020";
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      PbsTemplate *t = pbs_template_lookup (names[i], NULL);

      if (t == NULL)
        continue;
      if (pbs_evaluation_check_template (e, t, NULL) && weights_fit (e, t))
        g_ptr_array_add (fits, t);
      else
        pbs_template_unref (t);
    }
  for (guint i = 0; i < fits->len; i++)
    {
      PbsTemplate *t = g_ptr_array_index (fits, i);

      if (fits->len == 1 || g_strcmp0 (pbs_template_get_name (t), want) == 0)
        {
          pbs_evaluation_set_template (e, t);
          pbs_evaluation_set_refs (e, pbs_template_get_name (t), NULL);
          return;
        }
    }
}

/* A form without both amounts of its money block cannot be scored nor
 * saved as a document: the first such form is the reader's error. */
static void
finish_form (Reader *rd)
{
  if (rd->eval != NULL && pbs_evaluation_get_n_indicators (rd->eval) > 0
      && pbs_evaluation_get_budget (rd->eval) == NULL)
    {
      if (rd->problem == NULL)
        g_set_error (&rd->problem, PBS_IMPORT_ERROR, PBS_IMPORT_ERROR_LAYOUT,
                     "%s:%s: the form “%s” has no 年度资金总额 row (the money block with "
                     "年初预算数, 全年预算数 and 全年执行数), which its budget line is read from",
                     rd->file,
                     pbs_indicator_get_place (pbs_evaluation_get_indicator (rd->eval, 0)),
                     pbs_evaluation_get_title (rd->eval));
    }
  else if (rd->eval != NULL && pbs_evaluation_get_n_indicators (rd->eval) > 0)
    {
      if (rd->points_from_template)
        {
          pbs_evaluation_set_template (rd->eval, rd->template_);
          pbs_evaluation_set_refs (rd->eval, pbs_template_get_name (rd->template_), NULL);
        }
      else
        choose_template (rd->eval, rd->hint);
      g_ptr_array_add (rd->out, g_steal_pointer (&rd->eval));
    }
  g_clear_pointer (&rd->eval, pbs_evaluation_unref);
  g_clear_pointer (&rd->hint, g_free);
  g_clear_pointer (&rd->level1, g_free);
  g_clear_pointer (&rd->level2, g_free);
  rd->has_title = FALSE;
  rd->points_from_template = FALSE;
  rd->closed = FALSE;
  rd->in_block = FALSE;
  rd->in_budget = FALSE;
  rd->in_goals = FALSE;
}

static PbsEvaluation *
form (Reader *rd)
{
  if (rd->eval == NULL)
    {
      rd->eval = pbs_evaluation_new ();
      pbs_evaluation_set_source (rd->eval, rd->file, 0, 0);
    }
  return rd->eval;
}

/* Starts a new form when the current one already has rows. */
static PbsEvaluation *
fresh_form (Reader *rd)
{
  if (rd->eval != NULL && pbs_evaluation_get_n_indicators (rd->eval) > 0)
    finish_form (rd);
  return form (rd);
}

/* The first year (1990–2100) written before 年 in @text, or 0. */
static guint
find_year (const char *text)
{
  for (const char *p = text; p != NULL && *p; p++)
    {
      if (g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2])
          && g_ascii_isdigit (p[3]) && (p == text || !g_ascii_isdigit (p[-1])))
        {
          guint y = (guint) g_ascii_strtoull (p, NULL, 10);
          const char *q = p + 4;

          while (*q == ' ')
            q++;
          if (y >= 1990 && y <= 2100 && g_str_has_prefix (q, "年"))
            return y;
        }
    }
  return 0;
}

static void
note_year (Reader *rd, const char *text)
{
  guint y = find_year (text);

  if (y != 0 && pbs_evaluation_get_year (form (rd)) == 0)
    pbs_evaluation_set_year (form (rd), y);
}

/* "(2024)" alone under the title, as pbscore's workbook has it under
 * --lang en. */
static void
note_bare_year (Reader *rd, const char *squeezed)
{
  const char *p = squeezed;
  guint y;

  if (*p == '(')
    p++;
  else if (g_str_has_prefix (p, "（"))
    p += strlen ("（");
  else
    return;
  for (guint i = 0; i < 4; i++)
    if (!g_ascii_isdigit (p[i]))
      return;
  if (strcmp (p + 4, ")") != 0 && strcmp (p + 4, "）") != 0)
    return;
  y = (guint) g_ascii_strtoull (p, NULL, 10);
  if (y >= 1990 && y <= 2100 && pbs_evaluation_get_year (form (rd)) == 0)
    pbs_evaluation_set_year (form (rd), y);
}

/* The row's cells that show something (covered cells left out). */
static guint
row_texts (const PbsGrid *g, guint r, const char **texts, guint max, guint *cols)
{
  guint n = 0;

  for (guint c = 0; c < pbs_grid_get_n_cols (g) && n < max; c++)
    {
      const char *t = pbs_grid_get (g, r, c);
      g_autofree char *s = clean (t, FALSE);

      if (s == NULL)
        continue;
      cols[n] = c;
      texts[n++] = t;
    }
  return n;
}

/* A title row: one text (or one text merged over the row) with 自评表. */
static gboolean
read_title_row (Reader *rd, const char **texts, guint n)
{
  g_autofree char *title = NULL;
  g_autofree char *s = NULL;
  char *end;

  if (n != 1)
    return FALSE;
  s = squeeze (texts[0]);
  /* "performance self-evaluation": pbscore's own workbook under --lang en */
  if (strstr (s, "自评表") == NULL && strstr (s, "评价表") == NULL
      && strstr (s, "self-evaluation") == NULL)
    return FALSE;
  fresh_form (rd);
  g_free (rd->hint);
  rd->hint = g_strdup (s);
  note_year (rd, s);
  if (!rd->has_title)
    {
      /* "…2024年部门整体支出绩效自评表" → "…2024年部门整体支出" */
      title = clean (texts[0], FALSE);
      end = strstr (title, "绩效自评表");
      if (end == NULL)
        end = strstr (title, "自评表");
      if (end != NULL && end != title)
        *end = '\0';
      pbs_evaluation_set_title (form (rd), title);
    }
  return TRUE;
}

typedef enum { LABEL_TITLE, LABEL_DEPARTMENT, LABEL_UNIT, LABEL_DEPT_UNIT, LABEL_YEAR } Label;

static const struct {
  const char *word;
  Label       label;
} label_words[] = {
  { "项目名称", LABEL_TITLE }, { "主管部门", LABEL_DEPARTMENT }, { "实施单位", LABEL_UNIT },
  { "部门名称", LABEL_DEPT_UNIT }, { "单位名称", LABEL_DEPT_UNIT },
  { "部门(单位)名称", LABEL_DEPT_UNIT }, { "部门（单位）名称", LABEL_DEPT_UNIT },
  { "预算单位", LABEL_UNIT }, { "年度", LABEL_YEAR },
  /* pbscore's own workbook under --lang en */
  { "Project", LABEL_TITLE }, { "Department", LABEL_DEPARTMENT },
  { "Implementingunit", LABEL_UNIT },
};

/* Whether @text is, all of it, a label or a column head. */
static gboolean
is_head_word (const char *text)
{
  g_autofree char *s = squeeze (text);
  g_autofree char *lower = g_ascii_strdown (s, -1);

  for (guint i = 0; i < G_N_ELEMENTS (label_words); i++)
    if (strcmp (s, label_words[i].word) == 0)
      return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (head_words); i++)
    if (strcmp (lower, head_words[i].word) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
is_unset (const char *text)
{
  return text == NULL || *text == '\0';
}

static void
set_label (Reader *rd, Label label, const char *value)
{
  PbsEvaluation *e = form (rd);

  switch (label)
    {
    case LABEL_TITLE:
      pbs_evaluation_set_title (e, value);
      rd->has_title = TRUE;
      break;
    case LABEL_DEPARTMENT:
      pbs_evaluation_set_department (e, value);
      break;
    case LABEL_UNIT:
      pbs_evaluation_set_unit (e, value);
      break;
    case LABEL_DEPT_UNIT:
      if (is_unset (pbs_evaluation_get_department (e)))
        pbs_evaluation_set_department (e, value);
      if (is_unset (pbs_evaluation_get_unit (e)))
        pbs_evaluation_set_unit (e, value);
      if (is_unset (pbs_evaluation_get_title (e)))
        pbs_evaluation_set_title (e, value);
      break;
    case LABEL_YEAR:
    default:
      break;
    }
  note_year (rd, value);
}

/* Label cells: "项目名称" with its value in the next cell that shows
 * something, or "项目名称：value" in one cell. */
static gboolean
read_labels (Reader *rd, const PbsGrid *g, guint r)
{
  gboolean any = FALSE;
  guint n_cols = pbs_grid_get_n_cols (g);

  for (guint c = 0; c < n_cols; c++)
    {
      g_autofree char *s = squeeze (pbs_grid_get (g, r, c));

      for (guint i = 0; i < G_N_ELEMENTS (label_words); i++)
        {
          const char *w = label_words[i].word;
          g_autofree char *value = NULL;

          if (!g_str_has_prefix (s, w))
            continue;
          if (s[strlen (w)] == '\0')
            {
              for (guint v = c + 1; v < n_cols && value == NULL; v++)
                value = clean (pbs_grid_get (g, r, v), FALSE);
              /* a row of heads (a summary sheet's 项目名称 | 主管部门 |
               * 实施单位 | 分值) has labels without values */
              if (value != NULL && is_head_word (value))
                g_clear_pointer (&value, g_free);
            }
          else if (g_str_has_prefix (s + strlen (w), ":") || g_str_has_prefix (s + strlen (w), "："))
            {
              const char *colon = strstr (pbs_grid_get (g, r, c), ":");

              if (colon == NULL)
                colon = strstr (pbs_grid_get (g, r, c), "：");
              value = clean (colon + (colon[0] == ':' ? 1 : strlen ("：")), FALSE);
            }
          else
            continue;
          if (!any && label_words[i].label != LABEL_YEAR)
            {
              /* a label after indicator rows opens the next form */
              if (rd->eval != NULL && pbs_evaluation_get_n_indicators (rd->eval) > 0)
                fresh_form (rd);
            }
          any = TRUE;
          if (value != NULL)
            set_label (rd, label_words[i].label, value);
          break;
        }
    }
  return any;
}

/* ------------------------------------------------------------ money */

enum { B_INITIAL, B_ANNUAL, B_EXECUTED, B_POINTS, B_RATE, B_SCORE, B_N };

static gboolean
read_budget_heads (Reader *rd, const PbsGrid *g, guint r)
{
  static const struct { const char *word; int slot; } words[] = {
    { "年初预算数", B_INITIAL }, { "全年预算数", B_ANNUAL }, { "全年执行数", B_EXECUTED },
    { "执行率", B_RATE }, { "分值", B_POINTS }, { "得分", B_SCORE },
    /* --lang en, squeezed and in lower case */
    { "initialbudget", B_INITIAL }, { "full-yearbudget", B_ANNUAL },
    { "executed", B_EXECUTED }, { "rate", B_RATE }, { "points", B_POINTS },
    { "score", B_SCORE },
  };
  Columns heads;
  guint money = 0;
  gboolean yuan = FALSE, wan = FALSE;

  columns_init (&heads);
  for (guint c = 0; c < pbs_grid_get_n_cols (g); c++)
    {
      g_autofree char *squeezed = squeeze (pbs_grid_get (g, r, c));
      g_autofree char *s = g_ascii_strdown (squeezed, -1);

      if (strstr (s, "万元") != NULL)
        wan = TRUE;
      else if (strstr (s, "(元)") != NULL || strstr (s, "（元）") != NULL)
        yuan = TRUE;
      for (guint i = 0; i < G_N_ELEMENTS (words); i++)
        if (strstr (s, words[i].word) != NULL)
          {
            if (heads.col[words[i].slot] < 0)
              heads.col[words[i].slot] = (int) c;
            if (words[i].slot <= B_EXECUTED)
              money++;
            break;
          }
    }
  if (money < 2)
    return FALSE;
  fresh_form (rd);
  if (yuan && !wan)
    pbs_evaluation_set_currency (form (rd), PBS_CURRENCY_YUAN);
  rd->budget = heads;
  rd->in_budget = TRUE;
  return TRUE;
}

/* A number cell: "1,354.10", "10分", "99.94%" (without its %). */
static gboolean
parse_number (const PbsGrid *g, guint r, int c, const char *what, gboolean *has,
              PbsDecimal *out, GError **error)
{
  g_autoptr (GError) local = NULL;
  g_autofree char *t = NULL;
  gsize n;

  *has = FALSE;
  if (c < 0)
    return TRUE;
  t = clean (pbs_grid_get (g, r, (guint) c), FALSE);
  if (t == NULL)
    return TRUE;
  n = strlen (t);
  if (n >= 3 && strcmp (t + n - 3, "分") == 0)
    t[n - 3] = '\0';
  else if (n >= 1 && t[n - 1] == '%')
    t[n - 1] = '\0';
  if (!pbs_decimal_parse (t, out, &local))
    return cell_error (error, PBS_IMPORT_ERROR_BAD_VALUE, g, r, (guint) c,
                       "%s “%s” is not a number: %s", what,
                       pbs_grid_get (g, r, (guint) c), local->message);
  *has = TRUE;
  return TRUE;
}

/* A number the document reader refuses when negative (doc/format.md:
 * money, points and the printed rate): the same, as a located error, so
 * that what a table imports always reloads. */
static gboolean
parse_non_negative (const PbsGrid *g, guint r, int c, const char *what, gboolean *has,
                    PbsDecimal *out, GError **error)
{
  if (!parse_number (g, r, c, what, has, out, error))
    return FALSE;
  if (*has && pbs_decimal_sign (out) < 0)
    return cell_error (error, PBS_IMPORT_ERROR_BAD_VALUE, g, r, (guint) c,
                       "%s “%s” must not be negative", what, pbs_grid_get (g, r, (guint) c));
  return TRUE;
}

/* The amounts of a money-block row, in the budget's column order
 * (年初预算数, 全年预算数, 全年执行数); FALSE on a bad number. */
static gboolean
read_amounts (Reader *rd, const PbsGrid *g, guint r, gboolean has[3], PbsDecimal amount[3],
              GError **error)
{
  static const int slots[3] = { B_INITIAL, B_ANNUAL, B_EXECUTED };
  static const char *const what[3] = { "年初预算数", "全年预算数", "全年执行数" };

  for (guint i = 0; i < 3; i++)
    if (!parse_non_negative (g, r, rd->budget.col[slots[i]], what[i], &has[i], &amount[i], error))
      return FALSE;
  return TRUE;
}

/* The 年度资金总额 row: every amount the table prints, none invented
 * (rule book §11: a form may print only 年初预算数, or only a rate and a
 * score); its 执行率 as printed, with its digits. */
static gboolean
read_budget_total (Reader *rd, const PbsGrid *g, guint r, GError **error)
{
  const int *col = rd->budget.col;
  static void (* const setters[3]) (PbsBudget *, const PbsDecimal *) = {
    pbs_budget_set_initial, pbs_budget_set_annual, pbs_budget_set_executed,
  };
  PbsDecimal amount[3], d;
  gboolean has_amount[3], has;
  g_autoptr (PbsBudget) b = pbs_budget_new (NULL, NULL);

  if (!read_amounts (rd, g, r, has_amount, amount, error))
    return FALSE;
  for (guint i = 0; i < 3; i++)
    if (has_amount[i])
      setters[i] (b, &amount[i]);
  if (!parse_non_negative (g, r, col[B_POINTS], "分值", &has, &d, error))
    return FALSE;
  if (has)
    pbs_budget_set_points (b, &d);
  if (!parse_number (g, r, col[B_SCORE], "得分", &has, &d, error))
    return FALSE;
  if (has)
    pbs_budget_set_printed_score (b, &d);
  if (!parse_non_negative (g, r, col[B_RATE], "执行率", &has, &d, error))
    return FALSE;
  if (has)
    pbs_budget_set_printed_rate (b, &d);
  pbs_evaluation_set_budget (form (rd), b);
  return TRUE;
}

/* 其中：当年财政拨款 / 上年结转资金 / 其他资金 below 年度资金总额 (rule
 * book §11, informational): each with the amounts it prints; a row that
 * prints none is left out. TRUE with *@taken when the row is one. */
static gboolean
read_budget_source (Reader *rd, const PbsGrid *g, guint r, const char *squeezed, gboolean *taken,
                    GError **error)
{
  static const struct { const char *word; PbsFundSource source; } words[] = {
    { "财政拨款", PBS_FUND_SOURCE_CURRENT }, { "上年结转", PBS_FUND_SOURCE_CARRIED_OVER },
    { "结转资金", PBS_FUND_SOURCE_CARRIED_OVER }, { "其他资金", PBS_FUND_SOURCE_OTHER },
  };
  PbsBudget *b = rd->eval != NULL ? pbs_evaluation_get_budget (rd->eval) : NULL;
  PbsDecimal amount[3];
  gboolean has[3];
  guint i;

  *taken = FALSE;
  for (i = 0; i < G_N_ELEMENTS (words) && strstr (squeezed, words[i].word) == NULL; i++)
    ;
  if (i == G_N_ELEMENTS (words) || b == NULL)
    return TRUE;
  *taken = TRUE;
  if (!read_amounts (rd, g, r, has, amount, error))
    return FALSE;
  for (guint c = 0; c < 3; c++)
    if (has[c])
      pbs_budget_set_source_amount (b, words[i].source, (PbsBudgetColumn) c, &amount[c]);
  return TRUE;
}

/* ------------------------------------------------------------ goals */

/* 年度总体目标 with its heads 预期目标 and 实际完成情况 beside it; the
 * paragraphs are in the row below, under the heads. */
static gboolean
read_goal_heads (Reader *rd, const PbsGrid *g, guint r, const char *first)
{
  g_autofree char *s = squeeze (first);

  if (!g_str_has_prefix (s, "年度总体目标") && !g_str_has_prefix (s, "总体目标")
      && g_ascii_strncasecmp (s, "Overallannualgoals", 18) != 0)
    return FALSE;
  rd->goal_col[0] = rd->goal_col[1] = -1;
  for (guint c = 0; c < pbs_grid_get_n_cols (g); c++)
    {
      g_autofree char *h = squeeze (pbs_grid_get (g, r, c));

      if ((strstr (h, "预期目标") != NULL || g_ascii_strcasecmp (h, "Expected") == 0)
          && rd->goal_col[0] < 0)
        rd->goal_col[0] = (int) c;
      else if ((strstr (h, "完成情况") != NULL || g_ascii_strcasecmp (h, "Achieved") == 0)
               && rd->goal_col[1] < 0)
        rd->goal_col[1] = (int) c;
    }
  rd->in_goals = rd->goal_col[0] >= 0 || rd->goal_col[1] >= 0;
  return TRUE;
}

static void
read_goals (Reader *rd, const PbsGrid *g, guint r)
{
  static void (* const setters[2]) (PbsEvaluation *, const char *) = {
    pbs_evaluation_set_goals_expected, pbs_evaluation_set_goals_achieved,
  };
  guint orow[2] = { 0 }, ocol[2] = { 0 };

  rd->in_goals = FALSE;
  for (guint i = 0; i < 2; i++)
    if (rd->goal_col[i] >= 0 && !pbs_grid_get_origin (g, r, (guint) rd->goal_col[i], &orow[i], &ocol[i]))
      orow[i] = r, ocol[i] = (guint) rd->goal_col[i];
  /* one cell merged under both heads belongs to neither */
  if (rd->goal_col[0] >= 0 && rd->goal_col[1] >= 0 && orow[0] == orow[1] && ocol[0] == ocol[1])
    return;
  for (guint i = 0; i < 2; i++)
    {
      /* a head merged down over the row gives no text of its own */
      g_autofree char *text = rd->goal_col[i] < 0 || orow[i] != r ? NULL
                              : clean (pbs_grid_get (g, orow[i], ocol[i]), TRUE);

      if (text != NULL)
        setters[i] (form (rd), text);
    }
}

/* ------------------------------------------------------------ sign-off */

/* 填报人：… 联系电话：… 填报日期：… 项目负责人：…, several in a cell or
 * each with its value in the next cell. The footer's other labels (审核人,
 * 单位负责人 …) have no field: they only end the value before them. */
static void
read_signoff (Reader *rd, const char *const *texts, guint n)
{
  static const struct { const char *word; void (*set) (PbsEvaluation *, const char *); } words[] = {
    { "项目负责人", pbs_evaluation_set_signoff_manager },
    { "填报人", pbs_evaluation_set_signoff_preparer }, { "填表人", pbs_evaluation_set_signoff_preparer },
    { "联系电话", pbs_evaluation_set_signoff_phone },
    { "填报日期", pbs_evaluation_set_signoff_date }, { "填表日期", pbs_evaluation_set_signoff_date },
    { "审核人", NULL }, { "单位负责人", NULL }, { "财务负责人", NULL }, { "自评等级", NULL },
    /* the English workbook's (pbs-report-xlsx.c) */
    { "Project manager", pbs_evaluation_set_signoff_manager },
    { "Prepared by", pbs_evaluation_set_signoff_preparer },
    { "Phone", pbs_evaluation_set_signoff_phone }, { "Date", pbs_evaluation_set_signoff_date },
    { "Grade", NULL },
  };

  if (rd->eval == NULL)
    return;
  for (guint k = 0; k < n; k++)
    {
      g_autofree char *cell = clean (texts[k], FALSE);
      const char *p = cell;

      while (p != NULL && *p != '\0')
        {
          const char *at = NULL, *end = NULL;
          guint w = 0;

          /* the first label in the rest of the cell, and the next after it */
          for (guint i = 0; i < G_N_ELEMENTS (words); i++)
            {
              const char *f = strstr (p, words[i].word);

              if (f != NULL && (at == NULL || f < at))
                at = f, w = i;
            }
          if (at == NULL)
            break;
          p = at + strlen (words[w].word);
          for (guint i = 0; i < G_N_ELEMENTS (words); i++)
            {
              const char *f = strstr (p, words[i].word);

              if (f != NULL && (end == NULL || f < end))
                end = f;
            }
          {
            g_autofree char *raw = end != NULL ? g_strndup (p, (gsize) (end - p)) : g_strdup (p);
            const char *v = raw;
            g_autofree char *value = NULL;

            while (*v == ' ')
              v++;
            if (g_str_has_prefix (v, "：") || g_str_has_prefix (v, ":"))
              v += *v == ':' ? 1 : strlen ("：");
            value = clean (v, FALSE);
            /* "填报人" alone: its value is the next cell, unless that is a label */
            if (value == NULL && end == NULL && k + 1 < n)
              {
                g_autofree char *next = clean (texts[k + 1], FALSE);
                gboolean label = FALSE;

                for (guint i = 0; next != NULL && i < G_N_ELEMENTS (words); i++)
                  label = label || strstr (next, words[i].word) != NULL;
                if (next != NULL && !label)
                  {
                    value = g_steal_pointer (&next);
                    k++;
                  }
              }
            if (value != NULL && words[w].set != NULL)
              words[w].set (rd->eval, value);
          }
          p = end;
        }
    }
}

/* ------------------------------------------------------------ indicator rows */

/* A level cell: its text, its merge's, or (blank below the first row of
 * a group) the one above. */
static const char *
level (const PbsGrid *g, guint r, int c, char **last)
{
  g_autofree char *t = NULL;

  if (c < 0)
    return *last != NULL ? *last : "";
  t = clean (get_or_origin (g, r, (guint) c), FALSE);
  if (t != NULL)
    {
      g_free (*last);
      *last = g_steal_pointer (&t);
    }
  return *last != NULL ? *last : "";
}

static char *
cell_at (const PbsGrid *g, guint r, int c, gboolean keep_lines)
{
  return c < 0 ? NULL : clean (pbs_grid_get (g, r, (guint) c), keep_lines);
}

/* 指标性质 words as comparison signs (rule book §1). */
static const char *
sign_of (const char *nature)
{
  if (nature == NULL)
    return "";
  if (strstr (nature, "正向") != NULL)
    return "≥";
  if (strstr (nature, "反向") != NULL)
    return "≤";
  if (strstr (nature, "定性") != NULL || strstr (nature, "定量") != NULL)
    return "";
  return nature;
}

static gboolean
is_bare_number (const char *text)
{
  PbsDecimal d;

  return text != NULL && pbs_decimal_parse (text, &d, NULL);
}

/* The target as one text: 指标性质 + 指标值 + 度量单位 when the form splits it. */
static char *
compose_target (const char *sign, const char *value, const char *unit)
{
  if (value == NULL)
    return NULL;
  return g_strconcat (sign_of (sign), value,
                      unit != NULL && !g_str_has_suffix (value, unit) ? unit : "", NULL);
}

/* A form without a 分值 column (Baoshan's, whose points its scoring rules
 * fix): the row takes the points of the template's suggested indicator of
 * its level-1, level-2 and name; never a share of a category's weight,
 * which would be a guess. A row that must be scored (@needed) and gets no
 * points is an error that says what to pass. */
static gboolean
row_points_from_template (Reader *rd, const PbsGrid *g, guint r, guint name_col,
                          const char *l1, const char *l2, const char *name, gboolean needed,
                          gboolean *has, PbsDecimal *points, GError **error)
{
  if (rd->template_ != NULL && pbs_template_get_row_points (rd->template_, l1, l2, name, points))
    {
      *has = TRUE;
      rd->points_from_template = TRUE;
      return TRUE;
    }
  if (!needed)
    return TRUE;
  if (rd->template_ == NULL)
    return cell_error (error, PBS_IMPORT_ERROR_BAD_VALUE, g, r, name_col,
                       "the row “%s” has no 分值 (points): the form has no 分值 column; "
                       "pass a template that gives each row's points (--template NAME|FILE, "
                       "doc/import.md)", name);
  return cell_error (error, PBS_IMPORT_ERROR_BAD_VALUE, g, r, name_col,
                     "the row “%s” has no 分值 (points): the form has no 分值 column, and "
                     "template “%s” gives no points for “%s” under %s / %s",
                     name, pbs_template_get_name (rd->template_), name, l1, l2);
}

static gboolean
read_indicator (Reader *rd, const PbsGrid *g, guint r, GError **error)
{
  const int *col = rd->cols.col;
  g_autofree char *name = cell_at (g, r, col[COL_NAME], FALSE);
  g_autofree char *sign = cell_at (g, r, col[COL_SIGN], FALSE);
  g_autofree char *value = cell_at (g, r, col[COL_TARGET], FALSE);
  g_autofree char *unit = cell_at (g, r, col[COL_UNIT], FALSE);
  g_autofree char *actual = cell_at (g, r, col[COL_ACTUAL], FALSE);
  g_autofree char *reason = cell_at (g, r, col[COL_REASON], TRUE);
  g_autofree char *target = NULL;
  g_autofree char *place = NULL;
  g_autoptr (PbsIndicator) ind = NULL;
  g_autoptr (GError) local = NULL;
  const char *l1, *l2;
  PbsDecimal points, score;
  gboolean has_points, has_score;
  guint name_col = (guint) (col[COL_NAME] >= 0 ? col[COL_NAME] : col[COL_L1]);

  target = compose_target (sign, value, unit);
  if (name == NULL && target == NULL && actual == NULL)
    return TRUE;   /* an empty or template row, or a title row inside */
  /* level cells are filled down from rows that hold an indicator only */
  l1 = level (g, r, col[COL_L1], &rd->level1);
  l2 = level (g, r, col[COL_L2], &rd->level2);
  if (!parse_non_negative (g, r, col[COL_POINTS], "分值", &has_points, &points, error)
      || !parse_number (g, r, col[COL_SCORE], "得分", &has_score, &score, error))
    return FALSE;
  if (name == NULL)
    return cell_error (error, PBS_IMPORT_ERROR_BAD_VALUE, g, r, name_col,
                       "a row with a target or an actual but no indicator name");
  /* A row before any 一级指标 / 二级指标 cell (none above it to fill from)
   * has no category: format 1 needs both (found by fuzz-table). */
  if (*l1 == '\0' || *l2 == '\0')
    return cell_error (error, PBS_IMPORT_ERROR_BAD_VALUE, g, r,
                       (guint) MAX (*l1 == '\0' ? col[COL_L1] : col[COL_L2], 0),
                       "the row “%s” has no %s, and no row above it gives one",
                       name, *l1 == '\0' ? "一级指标" : "二级指标");
  if (col[COL_POINTS] < 0 && !row_points_from_template (rd, g, r, name_col, l1, l2, name,
                                                        target != NULL || actual != NULL,
                                                        &has_points, &points, error))
    return FALSE;
  if (!has_points && (target != NULL || actual != NULL))
    return cell_error (error, PBS_IMPORT_ERROR_BAD_VALUE, g, r,
                       (guint) MAX (col[COL_POINTS], 0),
                       "the row “%s” has no 分值 (points)", name);
  if (unit != NULL && actual != NULL && is_bare_number (actual))
    {
      char *with_unit = g_strconcat (actual, unit, NULL);

      g_free (actual);
      actual = with_unit;
    }
  if (!has_points)
    pbs_decimal_init (&points, 0, 0);
  ind = pbs_indicator_new (l1, l2, name, &points);
  /* Printed with its name (and perhaps its points) only: a row the
   * published table does not show in full (rule book §11), unscored, and
   * the scorecard incomplete. */
  if (target == NULL && actual == NULL)
    pbs_indicator_set_unpublished (ind, TRUE);
  if (target != NULL && !pbs_indicator_set_target (ind, target, &local))
    return cell_error (error, PBS_IMPORT_ERROR_BAD_VALUE, g, r, (guint) col[COL_TARGET],
                       "年度指标值 “%s”: %s", target, local->message);
  if (actual != NULL && !pbs_indicator_set_actual (ind, actual, &local))
    return cell_error (error, PBS_IMPORT_ERROR_BAD_VALUE, g, r, (guint) col[COL_ACTUAL],
                       "实际完成值 “%s”: %s", actual, local->message);
  if (reason != NULL)
    pbs_indicator_set_reason (ind, reason);
  if (has_score)
    pbs_indicator_set_printed_score (ind, &score);
  place = pbs_grid_dup_place (g, r, name_col);
  pbs_indicator_set_place (ind, place);
  pbs_evaluation_add_indicator (form (rd), ind);
  return TRUE;
}

/* The 总分 row: its 得分 is the printed total. */
static gboolean
read_total (Reader *rd, const PbsGrid *g, guint r, GError **error)
{
  PbsDecimal total;
  gboolean has = FALSE;

  if (!parse_number (g, r, rd->cols.col[COL_SCORE], "总分", &has, &total, error))
    return FALSE;
  if (has && rd->eval != NULL)
    pbs_evaluation_set_printed_total (rd->eval, &total);
  rd->closed = TRUE;
  rd->in_block = FALSE;
  return TRUE;
}

static gboolean
first_word_is (const char *text, const char *const *words)
{
  g_autofree char *s = squeeze (text);

  for (guint i = 0; words[i] != NULL; i++)
    if (g_str_has_prefix (s, words[i]))
      return TRUE;
  return FALSE;
}

/* 自评等级 优 / 良 / 中 / 差: the printed grade, in the label's own cell
 * ("自评等级：优") or in the next one; anything else is passed over. */
static void
read_grade (Reader *rd, const char *const *texts, guint n)
{
  static const char *const grades[] = { "优", "良", "中", "差" };
  static const PbsGrade values[] = {
    PBS_GRADE_EXCELLENT, PBS_GRADE_GOOD, PBS_GRADE_FAIR, PBS_GRADE_POOR,
  };
  g_autofree char *label = squeeze (texts[0]);
  const char *rest;

  if (rd->eval == NULL)
    return;
  if (g_str_has_prefix (label, "自评等级"))
    rest = label + strlen ("自评等级");
  else if (g_str_has_prefix (label, "Grade"))
    rest = label + strlen ("Grade");
  else
    return;
  if (g_str_has_prefix (rest, "：") || g_str_has_prefix (rest, ":"))
    rest += g_str_has_prefix (rest, ":") ? 1 : strlen ("：");
  for (guint k = 0; k < 2; k++)
    {
      g_autofree char *next = k == 1 && n > 1 ? squeeze (texts[1]) : NULL;
      const char *text = k == 0 ? rest : next;

      if (text == NULL)
        continue;
      for (guint i = 0; i < G_N_ELEMENTS (grades); i++)
        if (strcmp (text, grades[i]) == 0)
          {
            pbs_evaluation_set_printed_grade (rd->eval, values[i]);
            return;
          }
    }
}

static gboolean
read_row (Reader *rd, const PbsGrid *g, guint *r, GError **error)
{
  static const char *const total_words[] = { "总分", "合计", "总计", "Total", NULL };
  static const char *const footer_words[] = {
    "自评等级", "填报人", "填表人", "联系电话", "填报日期", "填表日期", "审核人",
    "单位负责人", "财务负责人", "项目负责人", "注：", "注:", "说明",
    "Grade", "Projectmanager", "Preparedby", NULL };
  static const char *const goals_words[] = { "年度总体目标", "Overallannualgoals", NULL };
  static const char *const label_starts[] = {
    "项目名称", "主管部门", "实施单位", "部门名称", "单位名称", "部门(单位)名称",
    "部门（单位）名称", "预算单位", NULL };
  const char *texts[8];
  guint cols[8];
  guint n = row_texts (g, *r, texts, G_N_ELEMENTS (texts), cols);
  Columns header;
  guint taken;

  if (n == 0)
    return TRUE;
  taken = read_header (g, *r, &header);
  if (taken > 0)
    {
      if (rd->closed)
        fresh_form (rd);
      form (rd);
      rd->cols = header;
      rd->in_block = TRUE;
      rd->in_budget = FALSE;
      rd->saw_header = TRUE;
      *r += taken - 1;
      return TRUE;
    }
  if (read_title_row (rd, texts, n))
    return TRUE;
  if (rd->in_block && first_word_is (texts[0], total_words))
    return read_total (rd, g, *r, error);
  if (first_word_is (texts[0], footer_words))
    {
      read_grade (rd, texts, n);
      read_signoff (rd, texts, n);
      rd->in_block = FALSE;
      return TRUE;
    }
  if (first_word_is (texts[0], goals_words))
    {
      /* the money block ends here: a paragraph below that names
       * 资金总额 is no amount */
      rd->in_budget = FALSE;
      rd->in_block = FALSE;
      read_goal_heads (rd, g, *r, texts[0]);
      return TRUE;
    }
  if (read_budget_heads (rd, g, *r))
    {
      rd->in_block = FALSE;
      return TRUE;
    }
  if (!rd->in_block && rd->in_goals)
    {
      read_goals (rd, g, *r);
      return TRUE;
    }
  if (!rd->in_block && read_goal_heads (rd, g, *r, texts[0]))
    {
      rd->in_budget = FALSE;
      return TRUE;
    }
  if (rd->in_block && !first_word_is (texts[0], label_starts))
    return read_indicator (rd, g, *r, error);
  rd->in_block = FALSE;
  if (rd->in_budget)
    for (guint i = 0; i < n; i++)
      {
        g_autofree char *s = squeeze (texts[i]);
        gboolean taken = FALSE;

        if (strstr (s, "资金总额") != NULL)
          return read_budget_total (rd, g, *r, error);
        /* a source row's name is its first text: 财政拨款 elsewhere (a
         * note, a label's value) is no source row */
        if (i == 0 && !read_budget_source (rd, g, *r, s, &taken, error))
          return FALSE;
        if (taken)
          return TRUE;
      }
  if (!read_labels (rd, g, *r) && n == 1 && !rd->in_block)
    {
      /* a line under the title: "（2024年度）", "填报日期：…" is a footer */
      g_autofree char *t = squeeze (texts[0]);

      if (strstr (t, "年度") != NULL && g_utf8_strlen (t, -1) <= 12)
        note_year (rd, t);
      else
        note_bare_year (rd, t);
    }
  return TRUE;
}

GPtrArray *
pbs_layout_read (GPtrArray *grids, PbsTemplate *template_, GError **error)
{
  g_autoptr (GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) pbs_evaluation_unref);
  Reader rd = { 0 };
  gboolean ok = TRUE;

  g_return_val_if_fail (grids != NULL, NULL);
  rd.out = out;
  rd.template_ = template_;
  columns_init (&rd.cols);
  columns_init (&rd.budget);
  for (guint i = 0; i < grids->len && ok; i++)
    {
      const PbsGrid *g = g_ptr_array_index (grids, i);

      rd.file = pbs_grid_get_file (g);
      /* A table as wide as the last one, after a form that has not
       * reached its 总分, goes on with its rows (a form split over two
       * tables); any other table starts afresh. */
      if (!rd.in_block || rd.cols.n_cols != pbs_grid_get_n_cols (g))
        rd.in_block = FALSE;
      for (guint r = 0; r < pbs_grid_get_n_rows (g) && ok; r++)
        ok = read_row (&rd, g, &r, error);
    }
  if (ok)
    finish_form (&rd);
  if (ok && rd.problem != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&rd.problem));
      ok = FALSE;
    }
  g_clear_error (&rd.problem);
  g_clear_pointer (&rd.eval, pbs_evaluation_unref);
  g_free (rd.hint);
  g_free (rd.level1);
  g_free (rd.level2);
  if (!ok)
    return NULL;
  if (out->len == 0)
    {
      const PbsGrid *g = grids->len > 0 ? g_ptr_array_index (grids, 0) : NULL;
      g_autofree char *where = g == NULL ? g_strdup ("the file")
                               : grids->len == 1 ? pbs_grid_dup_name (g)
                               : g_strdup_printf ("any of its %u tables", grids->len);

      g_set_error (error, PBS_IMPORT_ERROR, PBS_IMPORT_ERROR_LAYOUT,
                   "%s: %s in %s", g != NULL ? pbs_grid_get_file (g) : "",
                   rd.saw_header ? "an indicator block (一级指标 … 实际完成值) without a single "
                                   "filled row"
                                 : "no header row with 三级指标, 年度指标值 and 实际完成值",
                   where);
      return NULL;
    }
  return g_steal_pointer (&out);
}
