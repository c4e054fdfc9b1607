/* pbs-grid-numfmt.c - a spreadsheet number as its cell shows it
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Excel keeps 0.9787 and shows "97.87%"; keeps 1354.1 and shows
 * "1,354.10"; keeps 45291 and shows "2023/12/31". The stored number comes
 * as shortest decimal text; everything here works on its decimal digits,
 * so what is shown is exact. Excel itself never shows more than 15
 * significant digits, so every number is first rounded to 15 (half away
 * from zero, as Excel rounds), then by the format. doc/import.md lists the
 * format codes understood and those shown as General instead.
 */
#include "config.h"

#include <string.h>

#include "pbs-grid-numfmt.h"

#define MAX_DIGITS 64
#define MAX_EXPONENT 400
#define EXCEL_DIGITS 15

/* A decimal 0.DDDD × 10^point: @point is the number of integer digits
 * (negative for 0.00DD). No leading or trailing zeros; zero has n == 0. */
typedef struct {
  gboolean neg;
  char     d[MAX_DIGITS + 2];
  int      n;
  int      point;
} Num;

static gboolean
num_parse (const char *text, Num *x)
{
  const char *p = text;
  int int_digits = 0, exp = 0, lead;
  gboolean seen_digit = FALSE, seen_point = FALSE;

  memset (x, 0, sizeof *x);
  while (*p == ' ')
    p++;
  if (*p == '-' || *p == '+')
    x->neg = *p++ == '-';
  for (; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          seen_digit = TRUE;
          if (x->n == 0 && *p == '0')
            {
              /* a leading zero: before the point it is nothing, after
               * it it moves the point */
              if (seen_point)
                int_digits--;
              continue;
            }
          if (x->n >= MAX_DIGITS)
            return FALSE;
          x->d[x->n++] = *p;
          if (!seen_point)
            int_digits++;
        }
      else if (*p == '.' && !seen_point)
        seen_point = TRUE;
      else
        break;
    }
  if (!seen_digit)
    return FALSE;
  if (*p == 'e' || *p == 'E')
    {
      gboolean eneg = FALSE;
      int ed = 0;

      p++;
      if (*p == '-' || *p == '+')
        eneg = *p++ == '-';
      for (; g_ascii_isdigit (*p); p++, ed++)
        {
          exp = exp * 10 + (*p - '0');
          if (exp > MAX_EXPONENT)
            return FALSE;
        }
      if (ed == 0)
        return FALSE;
      if (eneg)
        exp = -exp;
    }
  while (*p == ' ')
    p++;
  if (*p != '\0')
    return FALSE;

  while (x->n > 0 && x->d[x->n - 1] == '0')
    x->n--;
  x->d[x->n] = '\0';
  lead = int_digits;
  x->point = x->n == 0 ? 0 : lead + exp;
  if (x->n == 0)
    x->neg = FALSE;
  return TRUE;
}

/* Keeps the first @keep digits, rounding half away from zero. */
static void
num_round_digits (Num *x, int keep)
{
  if (keep >= x->n)
    return;
  if (keep < 0)
    {
      x->n = 0;
      x->d[0] = '\0';
      x->point = 0;
      return;
    }
  if (x->d[keep] >= '5')
    {
      int i = keep - 1;

      while (i >= 0 && x->d[i] == '9')
        i--;
      if (i < 0)
        {
          x->d[0] = '1';
          x->n = 1;
          x->point++;
        }
      else
        {
          x->d[i]++;
          x->n = i + 1;
        }
    }
  else
    x->n = keep;
  while (x->n > 0 && x->d[x->n - 1] == '0')
    x->n--;
  x->d[x->n] = '\0';
  if (x->n == 0)
    x->point = 0;
}

/* Rounds to @decimals digits after the point. */
static void
num_round_decimals (Num *x, int decimals)
{
  if (x->n > 0)
    num_round_digits (x, x->point + decimals);
}

/* The integer digits (at least "" for |x| < 1) and the fraction digits. */
static void
num_split (const Num *x, GString *int_part, GString *frac_part)
{
  for (int i = 0; i < x->point; i++)
    g_string_append_c (int_part, i < x->n ? x->d[i] : '0');
  for (int i = x->point < 0 ? x->point : 0; i < 0; i++)
    g_string_append_c (frac_part, '0');
  for (int i = x->point > 0 ? x->point : 0; i < x->n; i++)
    g_string_append_c (frac_part, x->d[i]);
}

/* Excel's General, as decided for pbscore: 15 significant digits, plain
 * decimal notation from 1E-09 up to (not including) 1E+15, otherwise
 * scientific (1.23456789012346E+15). The column width, which makes Excel
 * cut a General number to 11 characters on screen, is not considered: a
 * printed table has columns wide enough for what was typed. */
static void
append_general (GString *out, Num x)
{
  num_round_digits (&x, EXCEL_DIGITS);
  if (x.n == 0)
    {
      g_string_append_c (out, '0');
      return;
    }
  if (x.neg)
    g_string_append_c (out, '-');
  if (x.point > EXCEL_DIGITS || x.point < -8)
    {
      int e = x.point - 1;

      g_string_append_c (out, x.d[0]);
      if (x.n > 1)
        g_string_append_printf (out, ".%s", x.d + 1);
      g_string_append_printf (out, "E%c%02d", e < 0 ? '-' : '+', e < 0 ? -e : e);
      return;
    }
  {
    g_autoptr(GString) ip = g_string_new (NULL);
    g_autoptr(GString) fp = g_string_new (NULL);

    num_split (&x, ip, fp);
    g_string_append (out, ip->len > 0 ? ip->str : "0");
    if (fp->len > 0)
      g_string_append_printf (out, ".%s", fp->str);
  }
}

/* ------------------------------------------------------------ format codes */

typedef enum {
  T_LIT,       /* text shown as is */
  T_DIGIT,     /* 0 # ? */
  T_POINT,
  T_COMMA,
  T_PERCENT,
  T_AT,        /* @ */
  T_YEAR, T_MONTH, T_DAY, T_HOUR, T_MINUTE, T_SECOND, T_AMPM,
  T_ELAPSED_H, T_ELAPSED_M, T_ELAPSED_S,
  T_GENERAL,
  T_UNSUPPORTED, /* a condition, scientific notation, a fraction, [DBNum] */
} TokType;

typedef struct {
  TokType type;
  int     count;  /* run length (yyyy: 4), or the digit placeholder char */
  char   *text;   /* T_LIT, T_AMPM's form */
} Tok;

static void
tok_clear (gpointer p)
{
  g_free (((Tok *) p)->text);
}

static void
add_tok (GArray *toks, TokType type, int count, const char *text, gssize len)
{
  Tok t = { type, count, text != NULL ? g_strndup (text, len < 0 ? strlen (text) : (gsize) len) : NULL };

  /* adjacent literals merge, so a prefix or suffix is one piece */
  if (type == T_LIT && toks->len > 0)
    {
      Tok *last = &g_array_index (toks, Tok, toks->len - 1);

      if (last->type == T_LIT)
        {
          char *joined = g_strconcat (last->text, t.text, NULL);

          g_free (last->text);
          g_free (t.text);
          last->text = joined;
          return;
        }
    }
  g_array_append_val (toks, t);
}

static gboolean
prefix_ci (const char *p, const char *word)
{
  return g_ascii_strncasecmp (p, word, strlen (word)) == 0;
}

/* Splits a code into its sections at ';' outside quotes and brackets. */
static GPtrArray *
split_sections (const char *code)
{
  GPtrArray *sections = g_ptr_array_new_with_free_func (g_free);
  const char *start = code, *p = code;

  while (*p != '\0')
    {
      if (*p == '"')
        {
          p++;
          while (*p != '\0' && *p != '"')
            p++;
          if (*p != '\0')
            p++;
        }
      else if (*p == '\\' || *p == '_' || *p == '*')
        {
          p++;
          if (*p != '\0')
            p = g_utf8_next_char (p);
        }
      else if (*p == '[')
        {
          while (*p != '\0' && *p != ']')
            p++;
          if (*p != '\0')
            p++;
        }
      else if (*p == ';')
        {
          g_ptr_array_add (sections, g_strndup (start, (gsize) (p - start)));
          start = ++p;
        }
      else
        p = g_utf8_next_char (p);
    }
  g_ptr_array_add (sections, g_strdup (start));
  return sections;
}

static int
run_length (const char *p, char lower)
{
  int n = 0;

  while (g_ascii_tolower (p[n]) == lower)
    n++;
  return n;
}

/* Tokenises one section. */
static GArray *
tokenize (const char *s)
{
  GArray *toks = g_array_new (FALSE, TRUE, sizeof (Tok));
  const char *p = s;

  g_array_set_clear_func (toks, tok_clear);
  if (prefix_ci (p, "General") || g_str_has_prefix (p, "G/通用格式"))
    {
      add_tok (toks, T_GENERAL, 0, NULL, 0);
      p += prefix_ci (p, "General") ? strlen ("General") : strlen ("G/通用格式");
    }
  while (*p != '\0')
    {
      char c = *p, lc = g_ascii_tolower (*p);
      int n;

      if (c == '"')
        {
          const char *end = strchr (p + 1, '"');

          if (end == NULL)
            end = p + strlen (p);
          add_tok (toks, T_LIT, 0, p + 1, end - (p + 1));
          p = *end == '"' ? end + 1 : end;
        }
      else if (c == '\\' || c == '_' || c == '*')
        {
          const char *next = p[1] != '\0' ? g_utf8_next_char (p + 1) : p + 1;

          /* \x shows x; _x pads by the width of x and *x fills the
           * column: neither shows anything that matters in a table */
          if (c == '\\' && p[1] != '\0')
            add_tok (toks, T_LIT, 0, p + 1, next - (p + 1));
          p = next;
        }
      else if (c == '[')
        {
          const char *end = strchr (p, ']');
          g_autofree char *in = NULL;

          if (end == NULL)
            end = p + strlen (p);
          in = g_strndup (p + 1, (gsize) (end - p - 1));
          p = *end == ']' ? end + 1 : end;
          if (in[0] == '$')
            {
              const char *dash = strchr (in + 1, '-');

              add_tok (toks, T_LIT, 0, in + 1, dash != NULL ? dash - (in + 1) : -1);
            }
          else if (in[0] == '<' || in[0] == '>' || in[0] == '=' || prefix_ci (in, "DBNum"))
            add_tok (toks, T_UNSUPPORTED, 0, NULL, 0);
          else if (g_ascii_tolower (in[0]) == 'h')
            add_tok (toks, T_ELAPSED_H, (int) strlen (in), NULL, 0);
          else if (g_ascii_tolower (in[0]) == 'm')
            add_tok (toks, T_ELAPSED_M, (int) strlen (in), NULL, 0);
          else if (g_ascii_tolower (in[0]) == 's')
            add_tok (toks, T_ELAPSED_S, (int) strlen (in), NULL, 0);
          /* otherwise a colour or a locale: nothing shown */
        }
      else if (c == '0' || c == '#' || c == '?')
        {
          add_tok (toks, T_DIGIT, c, NULL, 0);
          p++;
        }
      else if (strchr (".,%@", c) != NULL)
        {
          add_tok (toks, c == '.' ? T_POINT : c == ',' ? T_COMMA : c == '%' ? T_PERCENT : T_AT,
                   0, NULL, 0);
          p++;
        }
      else if (lc == 'e' && (p[1] == '+' || p[1] == '-'))
        {
          add_tok (toks, T_UNSUPPORTED, 0, NULL, 0);
          p += 2;
        }
      else if (c == '/' && toks->len > 0 &&
               g_array_index (toks, Tok, toks->len - 1).type == T_DIGIT)
        {
          add_tok (toks, T_UNSUPPORTED, 0, NULL, 0);
          p++;
        }
      else if (prefix_ci (p, "AM/PM") || prefix_ci (p, "A/P"))
        {
          n = prefix_ci (p, "AM/PM") ? 5 : 3;
          add_tok (toks, T_AMPM, n, NULL, 0);
          p += n;
        }
      else if (g_str_has_prefix (p, "上午/下午"))
        {
          add_tok (toks, T_AMPM, 0, NULL, 0);
          p += strlen ("上午/下午");
        }
      else if (lc == 'y' || lc == 'e')
        {
          n = lc == 'e' ? run_length (p, 'e') : run_length (p, 'y');
          add_tok (toks, T_YEAR, lc == 'e' ? 4 : n, NULL, 0);
          p += n;
        }
      else if (lc == 'm' || lc == 'd' || lc == 'h' || lc == 's')
        {
          n = run_length (p, lc);
          add_tok (toks, lc == 'm' ? T_MONTH : lc == 'd' ? T_DAY : lc == 'h' ? T_HOUR : T_SECOND,
                   n, NULL, 0);
          p += n;
        }
      else
        {
          const char *next = g_utf8_next_char (p);

          add_tok (toks, T_LIT, 0, p, next - p);
          p = next;
        }
    }

  /* m is minutes right after an hour or right before a second */
  for (guint i = 0; i < toks->len; i++)
    {
      Tok *t = &g_array_index (toks, Tok, i);
      TokType before = T_LIT, after = T_LIT;

      if (t->type != T_MONTH || t->count > 2)
        continue;
      for (guint j = i; j-- > 0;)
        if (g_array_index (toks, Tok, j).type != T_LIT)
          {
            before = g_array_index (toks, Tok, j).type;
            break;
          }
      for (guint j = i + 1; j < toks->len; j++)
        if (g_array_index (toks, Tok, j).type != T_LIT)
          {
            after = g_array_index (toks, Tok, j).type;
            break;
          }
      if (before == T_HOUR || before == T_ELAPSED_H || after == T_SECOND)
        t->type = T_MINUTE;
    }
  return toks;
}

static gboolean
toks_have (GArray *toks, TokType lo, TokType hi)
{
  for (guint i = 0; i < toks->len; i++)
    {
      TokType t = g_array_index (toks, Tok, i).type;

      if (t >= lo && t <= hi)
        return TRUE;
    }
  return FALSE;
}

gboolean
pbs_numfmt_is_date (const char *code)
{
  g_autoptr(GPtrArray) sections = NULL;
  g_autoptr(GArray) toks = NULL;

  if (code == NULL)
    return FALSE;
  sections = split_sections (code);
  toks = tokenize (g_ptr_array_index (sections, 0));
  return toks_have (toks, T_YEAR, T_ELAPSED_S);
}

/* ------------------------------------------------------------ numbers */

static void
group_thousands (GString *digits)
{
  for (gssize i = (gssize) digits->len - 3; i > 0; i -= 3)
    g_string_insert_c (digits, i, ',');
}

/* Shows |@x| by a number section; FALSE when the section has a shape not
 * supported (literals between digit placeholders). */
static gboolean
append_number (GString *out, Num x, GArray *toks)
{
  int first = -1, last = -1, point_at = -1;
  int int_zeros = 0, frac_places = 0, frac_zeros = 0, percent = 0, scale = 0;
  gboolean grouping = FALSE;
  g_autoptr(GString) ip = g_string_new (NULL);
  g_autoptr(GString) fp = g_string_new (NULL);

  for (guint i = 0; i < toks->len; i++)
    {
      TokType t = g_array_index (toks, Tok, i).type;

      if (t == T_DIGIT || t == T_POINT)
        {
          if (first < 0)
            first = (int) i;
          last = (int) i;
        }
      if (t == T_PERCENT)
        percent++;
    }
  for (int i = first; i >= 0 && i <= last; i++)
    {
      Tok *t = &g_array_index (toks, Tok, i);

      switch (t->type)
        {
        case T_DIGIT:
          if (point_at < 0)
            int_zeros += t->count == '0';
          else
            {
              frac_places++;
              if (t->count == '0')
                frac_zeros = frac_places;
            }
          break;
        case T_POINT:
          if (point_at >= 0)
            return FALSE;
          point_at = i;
          break;
        case T_COMMA:
          /* a comma before more integer placeholders groups thousands;
           * one after the last of them scales by 1000 */
          {
            gboolean digit_after = FALSE;

            for (int j = i + 1; j <= last; j++)
              {
                TokType u = g_array_index (toks, Tok, j).type;

                if (u == T_POINT)
                  break;
                if (u == T_DIGIT)
                  {
                    digit_after = point_at < 0;
                    break;
                  }
              }
            if (digit_after)
              grouping = TRUE;
            else
              scale++;
          }
          break;
        case T_PERCENT:
          break;
        default:
          return FALSE;
        }
    }
  for (guint i = (guint) (last + 1); last >= 0 && i < toks->len; i++)
    {
      if (g_array_index (toks, Tok, i).type != T_COMMA)
        break;
      scale++;
    }

  if (x.n > 0)
    x.point += 2 * percent - 3 * scale;
  num_round_digits (&x, EXCEL_DIGITS);
  num_round_decimals (&x, frac_places);
  num_split (&x, ip, fp);
  while ((int) ip->len < int_zeros)
    g_string_prepend_c (ip, '0');
  if (grouping)
    group_thousands (ip);
  while ((int) fp->len < frac_places)
    g_string_append_c (fp, '0');
  while ((int) fp->len > frac_zeros && fp->str[fp->len - 1] == '0')
    g_string_truncate (fp, fp->len - 1);

  for (guint i = 0; i < toks->len; i++)
    {
      Tok *t = &g_array_index (toks, Tok, i);

      if ((int) i == first)
        {
          g_string_append (out, ip->str);
          if (point_at >= 0)
            g_string_append_printf (out, ".%s", fp->str);
          i = (guint) last;
          continue;
        }
      if (t->type == T_LIT)
        g_string_append (out, t->text);
      else if (t->type == T_PERCENT)
        g_string_append_c (out, '%');
    }
  return TRUE;
}

/* ------------------------------------------------------------ dates */

typedef struct {
  int y, m, d, hh, mi, ss;
  guint64 days;  /* the serial's whole days, for elapsed time */
  guint64 secs;  /* seconds into the day */
} DateTime;

/* The serial @x as a date and time, Excel's way: the 1900 system counts
 * 1900-01-01 as 1 and, as Lotus 1-2-3 did, has a 29 February 1900 (60);
 * the 1904 system counts 1904-01-01 as 0. FALSE outside 0 … 9999-12-31. */
static gboolean
serial_to_date (const Num *x, gboolean date1904, DateTime *dt)
{
  guint64 whole = 0, frac_num = 0, frac_den = 1, ms;
  int i;
  GDate date;

  if (x->neg || x->point > 7)
    return FALSE;
  for (i = 0; i < x->point; i++)
    whole = whole * 10 + (guint64) (i < x->n ? x->d[i] - '0' : 0);
  /* at most 12 fraction digits: a millisecond needs fewer than 9 */
  for (i = x->point; i < x->n && i < x->point + 12; i++)
    {
      frac_num = frac_num * 10 + (guint64) (i >= 0 ? x->d[i] - '0' : 0);
      frac_den *= 10;
    }
  for (; i < x->point + 12 && i < 0; i++)
    frac_den *= 10;
  ms = (frac_num * 86400000u + frac_den / 2) / frac_den;
  /* shown to the second: round half up */
  dt->secs = (ms + 500) / 1000;
  if (dt->secs >= 86400)
    {
      dt->secs -= 86400;
      whole++;
    }
  if (whole > 2958465)
    return FALSE;
  dt->days = whole;
  dt->hh = (int) (dt->secs / 3600);
  dt->mi = (int) (dt->secs / 60 % 60);
  dt->ss = (int) (dt->secs % 60);

  if (!date1904 && whole == 0)
    {
      dt->y = 1900, dt->m = 1, dt->d = 0;
      return TRUE;
    }
  if (!date1904 && whole == 60)
    {
      dt->y = 1900, dt->m = 2, dt->d = 29;
      return TRUE;
    }
  g_date_clear (&date, 1);
  if (date1904)
    g_date_set_dmy (&date, 1, G_DATE_JANUARY, 1904);
  else
    g_date_set_dmy (&date, whole < 60 ? 31 : 30, G_DATE_DECEMBER, 1899);
  g_date_add_days (&date, (guint) whole);
  dt->y = g_date_get_year (&date);
  dt->m = g_date_get_month (&date);
  dt->d = g_date_get_day (&date);
  return TRUE;
}

/* Whether the date tokens read year (4 digits), month, day as numbers in
 * that order, so that what is shown is a date pbscore's value parser reads
 * (2023年12月31日, 2023/12/31, 2023-12-31, 2023年12月). */
static gboolean
date_reads_well (GArray *toks)
{
  int stage = 0;

  for (guint i = 0; i < toks->len; i++)
    {
      Tok *t = &g_array_index (toks, Tok, i);

      if (t->type == T_YEAR)
        {
          if (stage != 0 || t->count < 3)
            return FALSE;
          stage = 1;
        }
      else if (t->type == T_MONTH)
        {
          if (stage != 1 || t->count > 2)
            return FALSE;
          stage = 2;
        }
      else if (t->type == T_DAY)
        {
          if (stage != 2 || t->count > 2)
            return FALSE;
          stage = 3;
        }
    }
  return stage >= 2;
}

static void
append_date (GString *out, const DateTime *dt, GArray *toks)
{
  gboolean ampm = toks_have (toks, T_AMPM, T_AMPM);
  gboolean has_date = toks_have (toks, T_YEAR, T_DAY);

  if (has_date && !date_reads_well (toks))
    {
      /* month names, day first, two-digit years, a month without a year:
       * shown as an ISO date, which keeps the whole date and reads back */
      g_string_append_printf (out, "%04d-%02d-%02d", dt->y, dt->m, dt->d);
      if (toks_have (toks, T_HOUR, T_SECOND))
        g_string_append_printf (out, toks_have (toks, T_SECOND, T_SECOND) ? " %d:%02d:%02d" : " %d:%02d",
                                dt->hh, dt->mi, dt->ss);
      return;
    }
  for (guint i = 0; i < toks->len; i++)
    {
      Tok *t = &g_array_index (toks, Tok, i);
      int h12 = dt->hh % 12 == 0 ? 12 : dt->hh % 12;

      switch (t->type)
        {
        case T_LIT:
          g_string_append (out, t->text);
          break;
        case T_YEAR:
          if (t->count <= 2)
            g_string_append_printf (out, "%02d", dt->y % 100);
          else
            g_string_append_printf (out, "%04d", dt->y);
          break;
        case T_MONTH:
          g_string_append_printf (out, t->count == 1 ? "%d" : "%02d", dt->m);
          break;
        case T_DAY:
          g_string_append_printf (out, t->count == 1 ? "%d" : "%02d", dt->d);
          break;
        case T_HOUR:
          g_string_append_printf (out, t->count == 1 ? "%d" : "%02d", ampm ? h12 : dt->hh);
          break;
        case T_MINUTE:
          g_string_append_printf (out, t->count == 1 ? "%d" : "%02d", dt->mi);
          break;
        case T_SECOND:
          g_string_append_printf (out, t->count == 1 ? "%d" : "%02d", dt->ss);
          break;
        case T_ELAPSED_H:
          g_string_append_printf (out, "%" G_GUINT64_FORMAT, dt->days * 24 + dt->secs / 3600);
          break;
        case T_ELAPSED_M:
          g_string_append_printf (out, "%" G_GUINT64_FORMAT, dt->days * 1440 + dt->secs / 60);
          break;
        case T_ELAPSED_S:
          g_string_append_printf (out, "%" G_GUINT64_FORMAT, dt->days * 86400 + dt->secs);
          break;
        case T_AMPM:
          if (t->count == 0)
            g_string_append (out, dt->hh < 12 ? "上午" : "下午");
          else if (t->count == 3)
            g_string_append (out, dt->hh < 12 ? "A" : "P");
          else
            g_string_append (out, dt->hh < 12 ? "AM" : "PM");
          break;
        case T_POINT:
          g_string_append_c (out, '.');
          break;
        case T_DIGIT:
          /* fractions of a second are not shown (doc/import.md) */
          break;
        default:
          break;
        }
    }
}

/* ------------------------------------------------------------ built-ins */

const char *
pbs_numfmt_builtin (guint id)
{
  static const char * const codes[] = {
    [1] = "0",
    [2] = "0.00",
    [3] = "#,##0",
    [4] = "#,##0.00",
    [5] = "\"¥\"#,##0;\"¥\"\\-#,##0",
    [6] = "\"¥\"#,##0;[Red]\"¥\"\\-#,##0",
    [7] = "\"¥\"#,##0.00;\"¥\"\\-#,##0.00",
    [8] = "\"¥\"#,##0.00;[Red]\"¥\"\\-#,##0.00",
    [9] = "0%",
    [10] = "0.00%",
    [11] = "0.00E+00",
    [12] = "# ?/?",
    [13] = "# ?\?/?\?",
    [14] = "yyyy/m/d",
    [15] = "d-mmm-yy",
    [16] = "d-mmm",
    [17] = "mmm-yy",
    [18] = "h:mm AM/PM",
    [19] = "h:mm:ss AM/PM",
    [20] = "h:mm",
    [21] = "h:mm:ss",
    [22] = "yyyy/m/d h:mm",
    [27] = "yyyy\"年\"m\"月\"",
    [28] = "m\"月\"d\"日\"",
    [29] = "m\"月\"d\"日\"",
    [30] = "m-d-yy",
    [31] = "yyyy\"年\"m\"月\"d\"日\"",
    [32] = "h\"时\"mm\"分\"",
    [33] = "h\"时\"mm\"分\"ss\"秒\"",
    [34] = "上午/下午h\"时\"mm\"分\"",
    [35] = "上午/下午h\"时\"mm\"分\"ss\"秒\"",
    [36] = "yyyy\"年\"m\"月\"",
    [37] = "#,##0;(#,##0)",
    [38] = "#,##0;[Red](#,##0)",
    [39] = "#,##0.00;(#,##0.00)",
    [40] = "#,##0.00;[Red](#,##0.00)",
    [41] = "#,##0;-#,##0;\"-\"",
    [42] = "\"¥\"#,##0;\"¥\"-#,##0;\"¥\"\"-\"",
    [43] = "#,##0.00;-#,##0.00;\"-\"",
    [44] = "\"¥\"#,##0.00;\"¥\"-#,##0.00;\"¥\"\"-\"",
    [45] = "mm:ss",
    [46] = "[h]:mm:ss",
    [47] = "mm:ss.0",
    [48] = "##0.0E+0",
    [49] = "@",
    [50] = "yyyy\"年\"m\"月\"",
    [51] = "m\"月\"d\"日\"",
    [52] = "yyyy\"年\"m\"月\"",
    [53] = "m\"月\"d\"日\"",
    [54] = "m\"月\"d\"日\"",
    [55] = "上午/下午h\"时\"mm\"分\"",
    [56] = "上午/下午h\"时\"mm\"分\"ss\"秒\"",
    [57] = "yyyy\"年\"m\"月\"",
    [58] = "m\"月\"d\"日\"",
  };

  return id < G_N_ELEMENTS (codes) ? codes[id] : NULL;
}

/* ------------------------------------------------------------ entry points */

char *
pbs_numfmt_format (const char *value, const char *code, gboolean date1904)
{
  g_autoptr(GPtrArray) sections = NULL;
  g_autoptr(GArray) toks = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  Num x, abs;
  guint which = 0;
  gboolean signed_section;

  g_return_val_if_fail (value != NULL, NULL);
  if (!num_parse (value, &x))
    return NULL;
  if (code == NULL || *code == '\0')
    {
      append_general (out, x);
      return g_string_free (g_steal_pointer (&out), FALSE);
    }

  /* positive;negative;zero;text: the value's own sign picks the section,
   * and a section of its own shows the negative number without its sign */
  sections = split_sections (code);
  if (x.neg && sections->len >= 2)
    which = 1;
  else if (x.n == 0 && sections->len >= 3)
    which = 2;
  signed_section = which == 0 && x.neg;
  toks = tokenize (g_ptr_array_index (sections, which));
  abs = x;
  abs.neg = FALSE;

  if (toks_have (toks, T_UNSUPPORTED, T_UNSUPPORTED) || toks_have (toks, T_GENERAL, T_GENERAL) ||
      toks_have (toks, T_AT, T_AT))
    {
      g_string_truncate (out, 0);
      append_general (out, x);
      return g_string_free (g_steal_pointer (&out), FALSE);
    }
  if (toks_have (toks, T_YEAR, T_ELAPSED_S))
    {
      DateTime dt;

      if (!serial_to_date (&x, date1904, &dt))
        append_general (out, x);
      else
        append_date (out, &dt, toks);
      return g_string_free (g_steal_pointer (&out), FALSE);
    }
  if (signed_section)
    g_string_append_c (out, '-');
  if (!append_number (out, abs, toks))
    {
      g_string_truncate (out, 0);
      append_general (out, x);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
pbs_numfmt_percent (const char *value)
{
  Num x;
  GString *out;

  g_return_val_if_fail (value != NULL, NULL);
  if (!num_parse (value, &x))
    return NULL;
  if (x.n > 0)
    x.point += 2;
  out = g_string_new (NULL);
  append_general (out, x);
  g_string_append_c (out, '%');
  return g_string_free (out, FALSE);
}
