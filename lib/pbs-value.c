/* pbs-value.c - targets and actuals as printed in real tables
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>

#include "pbs-lex.h"
#include "pbs-value-private.h"
#include "pbs-decimal-private.h"

/**
 * PbsValue:
 *
 * A parsed 年度指标值 or 实际完成值 (rule book §2): its kind, comparison sign,
 * exact number(s) and unit, with the original text kept for display.
 *
 * pbs_value_parse() understands the sign glyphs and words of real tables
 * (`≥` `≧` `>=` `不少于` … `≤` `不超过` `以内` …), full-width digits,
 * thousands separators, `百分比` for `%`, dates (`2023年12月`), ranges
 * (`80%-90%`), 是/否 and qualitative words.
 *
 * Since: 0.1
 */

G_DEFINE_BOXED_TYPE (PbsValue, pbs_value, pbs_value_copy, pbs_value_free)

/* ------------------------------------------------------------ glyph tables */

typedef struct {
  const char  *form;
  PbsOperator  op;
  gboolean     is_word;   /* a word (不少于) rather than a sign (≥) */
} OpForm;

/* Longest forms first, so 大于等于 is not read as 大于 and >= not as >. */
static const OpForm prefix_ops[] = {
  { "大于等于", PBS_OP_GE, TRUE },
  { "小于等于", PBS_OP_LE, TRUE },
  { "不少于", PBS_OP_GE, TRUE },
  { "不低于", PBS_OP_GE, TRUE },
  { "不超过", PBS_OP_LE, TRUE },
  { "不高于", PBS_OP_LE, TRUE },
  { "不多于", PBS_OP_LE, TRUE },
  { "大于", PBS_OP_GT, TRUE },
  { "高于", PBS_OP_GT, TRUE },
  { "小于", PBS_OP_LT, TRUE },
  { "低于", PBS_OP_LT, TRUE },
  { "等于", PBS_OP_EQ, TRUE },
  { ">=", PBS_OP_GE, FALSE },
  { "<=", PBS_OP_LE, FALSE },
  { "≥", PBS_OP_GE, FALSE },
  { "≧", PBS_OP_GE, FALSE },   /* U+2267 */
  { "≤", PBS_OP_LE, FALSE },
  { "≦", PBS_OP_LE, FALSE },   /* U+2266 */
  { "＞", PBS_OP_GT, FALSE },
  { ">", PBS_OP_GT, FALSE },
  { "＜", PBS_OP_LT, FALSE },
  { "<", PBS_OP_LT, FALSE },
  { "＝", PBS_OP_EQ, FALSE },
  { "═", PBS_OP_EQ, FALSE },   /* U+2550, seen in real tables */
  { "﹦", PBS_OP_EQ, FALSE },   /* U+FE66 */
  { "=", PBS_OP_EQ, FALSE },
};

/* Words after the unit: 95%以上, 3天以内, 3个工作日内. */
static const OpForm suffix_ops[] = {
  { "及以上", PBS_OP_GE, TRUE },
  { "及以下", PBS_OP_LE, TRUE },
  { "以上", PBS_OP_GE, TRUE },
  { "以内", PBS_OP_LE, TRUE },
  { "以下", PBS_OP_LE, TRUE },
  { "之内", PBS_OP_LE, TRUE },
  { "内", PBS_OP_LE, TRUE },
};

/* After a date: a deadline. */
static const char * const date_suffixes[] = {
  "之前", "以前", "前", "底", "以内", "之内", "内",
};

/* Separators between a range's bounds. */
static const char * const range_separators[] = {
  "-", "~", "—", "–", "至", "到",
};

/* Words that are only a unit: after a sign they mean the number is
 * missing, not that the target is a qualitative benchmark. */
static const char * const bare_units[] = {
  "%", "个", "项", "件", "人", "人次", "次", "天", "日", "月", "年", "元", "万元",
  "个工作日", "工作日", "平方米", "米", "公里", "户", "家", "所", "台", "套", "份",
  "场", "期", "篇", "条", "小时", "分钟", "百分比", "亩", "吨", "辆", "座",
};

static inline const char *
skip_prefix (const char *s, const char *prefix)
{
  size_t n;

  /* the glyph tables are scanned for every value: most forms differ at
   * the first byte */
  if (*s != *prefix)
    return NULL;
  n = strlen (prefix);
  return strncmp (s, prefix, n) == 0 ? s + n : NULL;
}

static gboolean
has_suffix_at (const char *s, size_t len, const char *suffix, size_t *stem_len)
{
  size_t n = strlen (suffix);

  if (len < n || memcmp (s + len - n, suffix, n) != 0)
    return FALSE;
  *stem_len = len - n;
  return TRUE;
}

/* ----------------------------------------------------------- normalising */


static const char *
skip_spaces (const char *p)
{
  while (*p == ' ')
    p++;
  return p;
}

/* ------------------------------------------------------------- the parser */

typedef struct {
  const char *text;    /* as given, for messages */
  PbsValue   *value;
  GString    *unit;
} Parse;

static void
set_text (PbsValue *v, const char *text, const char *unit)
{
  size_t t = strlen (text), u = strlen (unit);
  /* no unit: the text's own terminating NUL is the empty unit */
  char *buf = g_malloc (u == 0 ? t + 1 : t + u + 2);

  memcpy (buf, text, t + 1);
  if (u > 0)
    memcpy (buf + t + 1, unit, u + 1);
  v->text = buf;
  v->unit_at = (guint32) (u == 0 ? t : t + 1);
}

static gboolean
is_bare_unit (const char *s)
{
  for (guint i = 0; i < G_N_ELEMENTS (bare_units); i++)
    if (strcmp (s, bare_units[i]) == 0)
      return TRUE;
  for (const char *p = s; *p != '\0'; p++)
    if ((guchar) *p >= 0x80)
      return FALSE;
  return TRUE;   /* only ASCII left: a unit or punctuation, never words */
}

/* Normalises a unit written after a number: 百分比 is %. */
static void
normalize_unit (GString *unit)
{
  g_strstrip (unit->str);
  g_string_set_size (unit, strlen (unit->str));
  if (strcmp (unit->str, "百分比") == 0 || strcmp (unit->str, "百分点") == 0)
    g_string_assign (unit, "%");
}

/* Reads the unit after a number up to @end, strips a trailing 以上 / 以内,
 * and merges that sign with @op. */
static gboolean
read_unit (Parse *ps, const char *p, size_t len, PbsOperator *op, gboolean op_given)
{
  size_t stem;

  while (len > 0 && p[len - 1] == ' ')
    len--;
  for (guint i = 0; i < G_N_ELEMENTS (suffix_ops); i++)
    if (has_suffix_at (p, len, suffix_ops[i].form, &stem))
      {
        if (op_given && *op != suffix_ops[i].op
            && !(*op == PBS_OP_GT && suffix_ops[i].op == PBS_OP_GE)
            && !(*op == PBS_OP_LT && suffix_ops[i].op == PBS_OP_LE))
          return FALSE;
        if (!op_given)
          *op = suffix_ops[i].op;
        len = stem;
        break;
      }
  g_string_truncate (ps->unit, 0);
  g_string_append_len (ps->unit, p, (gssize) len);
  normalize_unit (ps->unit);
  return TRUE;
}

static gboolean
unit_has_digit (const char *unit)
{
  for (const char *p = unit; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      return TRUE;
  return FALSE;
}

/* Skips the words a deadline may end with: 前, 底, 底前, 之前, 以内 …,
 * then 完成 or 完工 (rule book §11: kept for display only). */
static const char *
skip_deadline_words (const char *q)
{
  const char *r;

  q = skip_spaces (q);
  for (guint i = 0; i < G_N_ELEMENTS (date_suffixes); i++)
    if ((r = skip_prefix (q, date_suffixes[i])) != NULL)
      {
        q = skip_spaces (r);
        i = (guint) -1;
      }
  if ((r = skip_prefix (q, "完成")) != NULL || (r = skip_prefix (q, "完工")) != NULL)
    q = skip_spaces (r);
  return q;
}

static void
set_date (Parse *ps, guint y, guint m, guint d)
{
  ps->value->kind = PBS_VALUE_DATE;
  ps->value->year = (guint16) y;
  ps->value->month = (guint8) m;
  ps->value->day = (guint8) d;
  pbs_decimal_init (&ps->value->lo, (gint64) (y * 10000 + m * 100 + d), 0);
}

/* Tries a date at @p: 2023年12月, 2023年12月31日, 2023-12-31, 2023/12/31,
 * 2023.12.31, 2023.12前, followed by optional deadline words. FALSE (no
 * error) when @p is not a date; FALSE with @error when it is one that
 * cannot exist. A bare date-shaped number (2023.12, 2023-12, 2023/12 with
 * 1990 ≤ year ≤ 2100, §11) is no date here: *@shaped is set to its
 * separator and its year and month are stored for pbs_value_resolve_pair(). */
static gboolean
try_date (Parse *ps, const char *p, gboolean *is_date, char *shaped, GError **error)
{
  guint y = 0, m = 0, d = 0, n = 0;
  const char *q = p, *r;
  gboolean cjk, has_day = FALSE;

  *is_date = FALSE;
  *shaped = '\0';
  for (; g_ascii_isdigit (*q) && n < 5; q++, n++)
    y = y * 10 + (guint) (*q - '0');
  if (n != 4)
    return FALSE;

  if ((r = skip_prefix (q, "年")) != NULL)
    cjk = TRUE;
  else if (*q == '-' || *q == '/' || *q == '.')
    {
      cjk = FALSE;
      r = q + 1;
    }
  else
    return FALSE;

  for (n = 0, q = r; g_ascii_isdigit (*q) && n < 3; q++, n++)
    m = m * 10 + (guint) (*q - '0');
  if (n == 0 || n > 2)
    return FALSE;
  if (cjk)
    {
      if ((r = skip_prefix (q, "月")) == NULL)
        return FALSE;
      q = r;
      for (n = 0; g_ascii_isdigit (*q) && n < 3; q++, n++)
        d = d * 10 + (guint) (*q - '0');
      if (n > 2)
        return FALSE;
      if (n > 0)
        {
          has_day = TRUE;
          if ((r = skip_prefix (q, "日")) == NULL && (r = skip_prefix (q, "号")) == NULL)
            return FALSE;
          q = r;
        }
    }
  else if (*q == p[4])
    {
      q++;
      for (n = 0; g_ascii_isdigit (*q) && n < 3; q++, n++)
        d = d * 10 + (guint) (*q - '0');
      if (n == 0 || n > 2)
        return FALSE;
      has_day = TRUE;
    }
  else if (*q == '\0')
    {
      /* 2023.12, 2023-12, 2023/12: date-shaped, settled by the row. */
      if (y >= 1990 && y <= 2100 && m >= 1 && m <= 12)
        {
          *shaped = p[4];
          ps->value->year = (guint16) y;
          ps->value->month = (guint8) m;
        }
      return FALSE;
    }
  else if ((r = skip_deadline_words (q)) == q || *r != '\0')
    return FALSE;   /* 2023.12前 is a date; 2023.12万元 is not */

  if (*skip_deadline_words (q) != '\0')
    return FALSE;

  *is_date = TRUE;
  if (m < 1 || m > 12 || y < 1 || (has_day && !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y)))
    {
      g_set_error (error, PBS_VALUE_ERROR, PBS_VALUE_ERROR_DATE,
                   "“%s” is not a real date", ps->text);
      return FALSE;
    }
  set_date (ps, y, m, d);
  return TRUE;
}

/* A date without its year (§11): 12月底前, 年底前, 年内, 第四季度, 四季度, Q4,
 * 上半年, 下半年, with optional deadline words. */
static gboolean
try_relative_date (Parse *ps, const char *p)
{
  static const struct { const char *form; guint month; gboolean needs_word; } forms[] = {
    { "年底", 12, FALSE }, { "年末", 12, FALSE }, { "年内", 12, FALSE },
    { "第一季度", 3, FALSE }, { "第二季度", 6, FALSE }, { "第三季度", 9, FALSE },
    { "第四季度", 12, FALSE }, { "一季度", 3, FALSE }, { "二季度", 6, FALSE },
    { "三季度", 9, FALSE }, { "四季度", 12, FALSE },
    { "Q1", 3, FALSE }, { "Q2", 6, FALSE }, { "Q3", 9, FALSE }, { "Q4", 12, FALSE },
    { "上半年", 6, FALSE }, { "下半年", 12, FALSE },
  };
  const char *q = NULL, *r;
  guint m = 0, n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (forms) && q == NULL; i++)
    if ((r = skip_prefix (p, forms[i].form)) != NULL)
      {
        q = r;
        m = forms[i].month;
      }
  if (q == NULL)
    {
      /* 12月底前, 6月前: a month needs 底 or 前, since 12月 alone may be a
       * length of time and 12月内 is one. */
      for (q = p; g_ascii_isdigit (*q) && n < 3; q++, n++)
        m = m * 10 + (guint) (*q - '0');
      if (n == 0 || n > 2 || m < 1 || m > 12 || (q = skip_prefix (q, "月")) == NULL)
        return FALSE;
      q = skip_spaces (q);
      if (!g_str_has_prefix (q, "底") && !g_str_has_prefix (q, "末") && !g_str_has_prefix (q, "前")
          && !g_str_has_prefix (q, "之前") && !g_str_has_prefix (q, "以前"))
        return FALSE;
      if ((r = skip_prefix (q, "末")) != NULL)
        q = r;
    }
  if (*skip_deadline_words (q) != '\0')
    return FALSE;
  set_date (ps, 0, m, 0);
  ps->value->relative = TRUE;
  return TRUE;
}

/* Finds a range separator after the first number: the text after it must
 * start with a number. Returns the separator's position and length. */
static const char *
find_range_separator (const char *p, size_t *sep_len)
{
  for (const char *q = p; *q != '\0'; q++)
    for (guint i = 0; i < G_N_ELEMENTS (range_separators); i++)
      {
        const char *r = skip_prefix (q, range_separators[i]);
        if (r != NULL)
          {
            r = skip_spaces (r);
            if (g_ascii_isdigit (*r) || (*r == '.' && g_ascii_isdigit (r[1])))
              {
                *sep_len = strlen (range_separators[i]);
                return q;
              }
          }
      }
  return NULL;
}

static gboolean
value_error (GError **error, int code, const Parse *ps, const char *what)
{
  g_set_error (error, PBS_VALUE_ERROR, code, "“%s”: %s", ps->text, what);
  return FALSE;
}

static gboolean
parse_quantity (Parse *ps, const char *p, PbsOperator op, gboolean op_given, GError **error)
{
  PbsValue *v = ps->value;
  const char *end, *sep;
  size_t sep_len = 0;

  if (!pbs_lex_number (p, &v->lo, &end, error))
    {
      g_prefix_error (error, "“%s”: ", ps->text);
      return FALSE;
    }

  sep = find_range_separator (end, &sep_len);
  if (sep != NULL)
    {
      g_autoptr (GString) unit_lo = NULL;
      const char *end_hi;

      if (op_given)
        return value_error (error, PBS_VALUE_ERROR_OPERATOR, ps,
                            "a range takes no comparison sign");
      read_unit (ps, end, (size_t) (sep - end), &op, TRUE);
      unit_lo = g_string_new (ps->unit->str);
      if (!pbs_lex_number (skip_spaces (sep + sep_len), &v->hi, &end_hi, error))
        {
          g_prefix_error (error, "“%s”: ", ps->text);
          return FALSE;
        }
      read_unit (ps, end_hi, strlen (end_hi), &op, TRUE);
      if (unit_lo->len > 0 && ps->unit->len > 0 && strcmp (unit_lo->str, ps->unit->str) != 0)
        return value_error (error, PBS_VALUE_ERROR_RANGE, ps,
                            "the two bounds of the range have different units");
      if (ps->unit->len == 0)
        g_string_assign (ps->unit, unit_lo->str);
      if (unit_has_digit (ps->unit->str))
        return value_error (error, PBS_VALUE_ERROR_NUMBER, ps,
                            "unexpected digits after the range");
      if (pbs_decimal_compare (&v->lo, &v->hi) > 0)
        return value_error (error, PBS_VALUE_ERROR_RANGE, ps,
                            "the range's low bound is above its high bound");
      v->kind = PBS_VALUE_RANGE;
      v->op = PBS_OP_NONE;
      return TRUE;
    }

  if (!read_unit (ps, end, strlen (end), &op, op_given))
    return value_error (error, PBS_VALUE_ERROR_OPERATOR, ps,
                        "the sign before the number contradicts the word after it");
  if (unit_has_digit (ps->unit->str) || ps->unit->str[0] == '.' || ps->unit->str[0] == ',')
    return value_error (error, PBS_VALUE_ERROR_NUMBER, ps,
                        "unexpected text after the number: expected a unit such as % or 天");
  v->kind = PBS_VALUE_QUANTITY;
  v->op = op_given || op != PBS_OP_NONE ? op : PBS_OP_EQ;
  return TRUE;
}

gboolean
pbs_value_init_parse (PbsValue *self, const char *text, GError **error)
{
  g_autofree char *folded = NULL;
  g_autoptr (GString) unit = g_string_new ("");
  PbsValue v = { 0 };
  Parse ps = { text, &v, unit };
  PbsOperator op = PBS_OP_NONE;
  gboolean op_given = FALSE, op_is_word = FALSE, is_date;
  char shaped;
  const char *p;

  folded = pbs_lex_fold_checked (text, error);
  if (folded == NULL)
    return FALSE;
  if (*folded == '\0')
    return value_error (error, PBS_VALUE_ERROR_EMPTY, &ps,
                        "expected a target or actual value, found nothing");

  if (strcmp (folded, "是") == 0 || strcmp (folded, "否") == 0)
    {
      v.kind = PBS_VALUE_BOOLEAN;
      v.boolean = strcmp (folded, "是") == 0;
      goto done;
    }

  p = folded;
  for (guint i = 0; i < G_N_ELEMENTS (prefix_ops); i++)
    {
      const char *r = skip_prefix (p, prefix_ops[i].form);
      if (r != NULL)
        {
          op = prefix_ops[i].op;
          op_given = TRUE;
          op_is_word = prefix_ops[i].is_word;
          p = skip_spaces (r);
          break;
        }
    }

  if (!try_date (&ps, p, &is_date, &shaped, error))
    {
      if (is_date)
        return FALSE;
    }
  else
    {
      v.op = op_given ? op : PBS_OP_LE;
      goto done;
    }
  if (try_relative_date (&ps, p))
    {
      v.op = op_given ? op : PBS_OP_LE;
      goto done;
    }

  if (shaped == '-' || shaped == '/')
    {
      /* 2023-12 is never a range nor 2023/12 a fraction: a date, unless
       * the row's other side is a plain number (pbs_value_resolve_pair). */
      guint y = v.year, m = v.month;
      set_date (&ps, y, m, 0);
      v.op = op_given ? op : PBS_OP_LE;
      v.shaped = op_given ? 2 : 1;
      goto done;
    }

  if (g_ascii_isdigit (*p) || ((*p == '-' || *p == '+' || *p == '.') && g_ascii_isdigit (p[1])))
    {
      if (!parse_quantity (&ps, p, op, op_given, error))
        return FALSE;
      if (shaped == '.')
        v.shaped = op_given ? 2 : 1;
      else
        v.year = v.month = 0;
      goto done;
    }
  v.year = v.month = 0;

  if (op_given && (*p == '\0' || !op_is_word || is_bare_unit (p)))
    return value_error (error, PBS_VALUE_ERROR_OPERATOR, &ps,
                        "expected a number after the comparison sign");

  /* Words: 达成预期, 按时, 高于全市平均水平. */
  v.kind = PBS_VALUE_QUALITATIVE;
  v.op = PBS_OP_NONE;

done:
  set_text (&v, text, unit->str);
  pbs_value_clear (self);
  *self = v;
  return TRUE;
}

void
pbs_value_init_words (PbsValue *self, const char *text)
{
  pbs_value_clear (self);
  self->kind = PBS_VALUE_QUALITATIVE;
  self->op = PBS_OP_NONE;
  set_text (self, text, "");
}

void
pbs_value_init_zero (PbsValue *self, const char *text, const char *unit)
{
  pbs_value_clear (self);
  self->kind = PBS_VALUE_QUANTITY;
  self->op = PBS_OP_EQ;
  pbs_decimal_init (&self->lo, 0, 0);
  set_text (self, text, unit);
}

/* Makes a date-shaped number the date it is shaped as. */
static void
shaped_to_date (PbsValue *v)
{
  v->kind = PBS_VALUE_DATE;
  v->day = 0;
  if (v->shaped == 1)
    v->op = PBS_OP_LE;
  pbs_decimal_init (&v->lo, (gint64) (v->year * 10000u + v->month * 100u), 0);
}

static gboolean
is_explicit_date (const PbsValue *v)
{
  return v->text != NULL && v->kind == PBS_VALUE_DATE && v->shaped == 0;
}

static gboolean
is_plain_number (const PbsValue *v)
{
  return v->text != NULL && (v->kind == PBS_VALUE_QUANTITY || v->kind == PBS_VALUE_RANGE)
         && v->shaped == 0;
}

gboolean
pbs_value_resolve_pair (PbsValue *target, PbsValue *actual, const char *level2, guint year,
                        gboolean *bad_actual, GError **error)
{
  PbsValue *side[2] = { target, actual };
  gboolean timely = level2 != NULL && g_str_has_prefix (level2, "时效");

  for (guint i = 0; i < 2; i++)
    {
      PbsValue *v = side[i], *other = side[1 - i];

      *bad_actual = i == 1;
      if (v->text == NULL)
        continue;
      if (v->relative && v->year == 0)
        {
          if (year == 0)
            {
              g_set_error (error, PBS_VALUE_ERROR, PBS_VALUE_ERROR_DATE,
                           "“%s” has no year and the evaluation gives none: write a full "
                           "date such as 2023年12月, or give the evaluation its year (year: 2023)", v->text);
              return FALSE;
            }
          v->year = (guint16) year;
          pbs_decimal_init (&v->lo, (gint64) (year * 10000u + v->month * 100u), 0);
        }
      if (v->shaped == 0 || (v->kind == PBS_VALUE_DATE && !is_plain_number (other)))
        continue;
      if (timely || (other->text != NULL && other->shaped != 0) || is_explicit_date (other))
        shaped_to_date (v);
      else if (is_plain_number (other))
        {
          g_set_error (error, PBS_VALUE_ERROR, PBS_VALUE_ERROR_DATE,
                       "“%s” may be a number or a date, and “%s” is a number: write a "
                       "date as %u年%u月, or a number with its unit", v->text, other->text,
                       (guint) v->year, (guint) v->month);
          return FALSE;
        }
    }
  return TRUE;
}

void
pbs_value_clear (PbsValue *self)
{
  g_clear_pointer (&self->text, g_free);
  memset (self, 0, sizeof *self);
}

gboolean
pbs_value_is_set (const PbsValue *self)
{
  return self->text != NULL;
}

/**
 * pbs_value_parse:
 * @text: a target or actual exactly as printed (`≥95%`, `不超过3个工作日`,
 *   `2023年12月`, `80%-90%`, `达成预期`)
 * @error: return location for a #GError, or %NULL
 *
 * Parses a 年度指标值 or 实际完成值 (rule book §2). Text that starts with
 * neither a sign nor a number is qualitative; a sign with no number after
 * it, a malformed number, an impossible date or a reversed range is an
 * error whose message quotes @text.
 *
 * Returns: (transfer full) (nullable): the value, or %NULL with @error in
 *   the #PBS_VALUE_ERROR domain
 *
 * Since: 0.1
 */
PbsValue *
pbs_value_parse (const char *text, GError **error)
{
  PbsValue *v;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  v = g_new0 (PbsValue, 1);
  if (!pbs_value_init_parse (v, text, error))
    {
      g_free (v);
      return NULL;
    }
  return v;
}

/**
 * pbs_value_copy:
 * @self: a #PbsValue
 *
 * Copies a value.
 *
 * Returns: (transfer full): a deep copy of @self
 *
 * Since: 0.1
 */
PbsValue *
pbs_value_copy (const PbsValue *self)
{
  PbsValue *v;

  g_return_val_if_fail (self != NULL, NULL);
  v = g_memdup2 (self, sizeof *self);
  if (self->text != NULL)
    set_text (v, self->text, self->text + self->unit_at);
  return v;
}

/**
 * pbs_value_free:
 * @self: (nullable): a #PbsValue from pbs_value_parse() or pbs_value_copy()
 *
 * Frees @self.
 *
 * Since: 0.1
 */
void
pbs_value_free (PbsValue *self)
{
  if (self == NULL)
    return;
  pbs_value_clear (self);
  g_free (self);
}

/**
 * pbs_value_get_text:
 * @self: a #PbsValue
 *
 * Gets the text the value was parsed from.
 *
 * Returns: (transfer none): the text as it was given
 *
 * Since: 0.1
 */
const char *
pbs_value_get_text (const PbsValue *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->text;
}

/**
 * pbs_value_get_kind:
 * @self: a #PbsValue
 *
 * Gets the kind of the value.
 *
 * Returns: what kind of value @self is
 *
 * Since: 0.1
 */
PbsValueKind
pbs_value_get_kind (const PbsValue *self)
{
  g_return_val_if_fail (self != NULL, PBS_VALUE_QUALITATIVE);
  return self->kind;
}

/**
 * pbs_value_get_operator:
 * @self: a #PbsValue
 *
 * The comparison sign: from a glyph, a word (不少于) or a suffix (以上);
 * %PBS_OP_EQ for a bare number; %PBS_OP_LE for a bare date (a deadline);
 * %PBS_OP_NONE for words, 是/否 and ranges.
 *
 * Returns: the operator
 *
 * Since: 0.1
 */
PbsOperator
pbs_value_get_operator (const PbsValue *self)
{
  g_return_val_if_fail (self != NULL, PBS_OP_NONE);
  return self->op;
}

/**
 * pbs_value_get_number:
 * @self: a #PbsValue
 * @out: (out caller-allocates): the number, or a range's low bound
 *
 * Gets the number of a quantity, or the low bound of a range.
 *
 * The number is as printed, in the value's unit: `≥95%` gives 95. @out is
 * left untouched for other kinds.
 *
 * Returns: %TRUE for quantities and ranges; %FALSE otherwise
 *
 * Since: 0.1
 */
gboolean
pbs_value_get_number (const PbsValue *self, PbsDecimal *out)
{
  g_return_val_if_fail (self != NULL && out != NULL, FALSE);
  if (self->kind != PBS_VALUE_QUANTITY && self->kind != PBS_VALUE_RANGE)
    return FALSE;
  *out = self->lo;
  return TRUE;
}

/**
 * pbs_value_get_high:
 * @self: a #PbsValue
 * @out: (out caller-allocates): a range's high bound
 *
 * Gets the high bound of a range.
 *
 * @out is left untouched for other kinds.
 *
 * Returns: %TRUE for ranges; %FALSE otherwise
 *
 * Since: 0.1
 */
gboolean
pbs_value_get_high (const PbsValue *self, PbsDecimal *out)
{
  g_return_val_if_fail (self != NULL && out != NULL, FALSE);
  if (self->kind != PBS_VALUE_RANGE)
    return FALSE;
  *out = self->hi;
  return TRUE;
}

/**
 * pbs_value_get_unit:
 * @self: a #PbsValue
 *
 * The unit after the number, normalised (`百分比` and `％` are `%`).
 *
 * Returns: (transfer none): the unit; an empty string when there is none
 *
 * Since: 0.1
 */
const char *
pbs_value_get_unit (const PbsValue *self)
{
  g_return_val_if_fail (self != NULL, "");
  return self->text != NULL ? self->text + self->unit_at : "";
}

/**
 * pbs_value_get_boolean:
 * @self: a #PbsValue
 *
 * Gets the truth of a 是/否 value.
 *
 * Returns: %TRUE for 是; %FALSE for 否 and any other kind
 *
 * Since: 0.1
 */
gboolean
pbs_value_get_boolean (const PbsValue *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->kind == PBS_VALUE_BOOLEAN && self->boolean;
}

/**
 * pbs_value_get_date:
 * @self: a #PbsValue
 * @year: (out) (optional): the year
 * @month: (out) (optional): the month, 1–12
 * @day: (out) (optional): the day, or 0 when the date is given to the month
 *
 * Gets the year, month and day of a date.
 *
 * The out arguments are left untouched for other kinds.
 *
 * Returns: %TRUE for dates; %FALSE otherwise
 *
 * Since: 0.1
 */
gboolean
pbs_value_get_date (const PbsValue *self, guint *year, guint *month, guint *day)
{
  g_return_val_if_fail (self != NULL, FALSE);
  if (self->kind != PBS_VALUE_DATE)
    return FALSE;
  if (year != NULL)
    *year = self->year;
  if (month != NULL)
    *month = self->month;
  if (day != NULL)
    *day = self->day;
  return TRUE;
}

/* ------------------------------------------------------------------ bands */

typedef struct {
  const char *word;
  PbsBand     band;
} BandWord;

/* Words that start a longer phrase: 部分达成年度指标并具有一定效果. They are
 * checked before the stems, since 达成 is inside 部分达成 and 未达成. */
static const BandWord band_prefixes[] = {
  { "部分达成", PBS_BAND_PARTIAL },
  { "部分完成", PBS_BAND_PARTIAL },
  { "部分实现", PBS_BAND_PARTIAL },
  { "基本达到", PBS_BAND_PARTIAL },
  { "基本达成", PBS_BAND_PARTIAL },
  { "基本完成", PBS_BAND_PARTIAL },
  { "未达成", PBS_BAND_UNMET },
  { "未达到", PBS_BAND_UNMET },
  { "未完成", PBS_BAND_UNMET },
  { "未实现", PBS_BAND_UNMET },
};

/* Whole words, once 已 and 预期 / 预期指标 / 年度指标 are stripped. */
static const BandWord band_stems[] = {
  { "达成", PBS_BAND_MET },
  { "达到", PBS_BAND_MET },
  { "达到预期", PBS_BAND_MET },
  { "是", PBS_BAND_MET },
  { "完成", PBS_BAND_MET },
  { "合格", PBS_BAND_MET },
  { "有效", PBS_BAND_MET },
  { "及时", PBS_BAND_MET },
  { "实现", PBS_BAND_MET },
  { "否", PBS_BAND_UNMET },
};

static const char * const band_suffixes[] = { "预期指标", "年度指标", "预期", "目标" };

/**
 * pbs_value_get_band:
 * @self: an actual
 * @target: (nullable): its target, whose own words also mean 达成
 *
 * Reads the band of a qualitative actual (rule book §4, §10): `达成`,
 * `达到预期`, `完成`, `合格`, `有效`, `及时`, `是` or the target's own words are
 * 达成, with an optional leading `已` and trailing `预期` / `预期指标` /
 * `年度指标`; `部分达成`, `基本达到`, `基本完成` are 部分达成; `未达成`, `未完成`,
 * `否` are 未达成.
 *
 * Returns: the band, or %PBS_BAND_UNKNOWN when the words name none
 *
 * Since: 0.1
 */
PbsBand
pbs_value_get_band (const PbsValue *self, const PbsValue *target)
{
  g_autofree char *folded = NULL;
  const char *p;
  size_t len, stem;

  g_return_val_if_fail (self != NULL, PBS_BAND_UNKNOWN);
  if (self->text == NULL)
    return PBS_BAND_UNKNOWN;
  folded = pbs_lex_fold (self->text);
  if (target != NULL && target->text != NULL)
    {
      g_autofree char *t = pbs_lex_fold (target->text);
      if (strcmp (folded, t) == 0)
        return PBS_BAND_MET;
    }
  if (self->kind == PBS_VALUE_BOOLEAN)
    return self->boolean ? PBS_BAND_MET : PBS_BAND_UNMET;

  p = folded;
  if (g_str_has_prefix (p, "已"))
    p += strlen ("已");
  for (guint i = 0; i < G_N_ELEMENTS (band_prefixes); i++)
    if (g_str_has_prefix (p, band_prefixes[i].word))
      return band_prefixes[i].band;

  len = strlen (p);
  for (guint i = 0; i < G_N_ELEMENTS (band_stems); i++)
    if (strcmp (p, band_stems[i].word) == 0)
      return band_stems[i].band;
  for (guint j = 0; j < G_N_ELEMENTS (band_suffixes); j++)
    if (has_suffix_at (p, len, band_suffixes[j], &stem))
      for (guint i = 0; i < G_N_ELEMENTS (band_stems); i++)
        if (strlen (band_stems[i].word) == stem && memcmp (p, band_stems[i].word, stem) == 0)
          return band_stems[i].band;
  return PBS_BAND_UNKNOWN;
}

/**
 * pbs_operator_get_sign:
 * @op: an operator
 *
 * Gets the printed sign of a comparison operator.
 *
 * Returns: (transfer none): the sign as printed: `≥`, `>`, `=`, `≤`, `<`,
 *   or an empty string for %PBS_OP_NONE
 *
 * Since: 0.1
 */
const char *
pbs_operator_get_sign (PbsOperator op)
{
  static const char * const signs[] = { "", "≥", ">", "=", "≤", "<" };

  g_return_val_if_fail ((guint) op < G_N_ELEMENTS (signs), "");
  return signs[op];
}
