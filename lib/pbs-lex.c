/* pbs-lex.c - numbers and words as written in Chinese tables
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The lowest layer above the base: folding full-width forms to ASCII and
 * scanning numbers, shared by the decimal and the value parsers (and any
 * reader of cells), so that a number is read the same way everywhere.
 */
#include "config.h"

#include <string.h>

#include "pbs-lex.h"

/* A PbsDecimal holds 18 significant digits exactly. */
#define MAX_DIGITS 18

/* Adds digit @c to @v: leading zeros are skipped, and FALSE means more
 * significant digits than a PbsDecimal holds. */
static inline gboolean
push_digit (gint64 *v, guint *sig, gboolean *leading, char c)
{
  if (*leading && c == '0')
    return TRUE;
  *leading = FALSE;
  if (++*sig > MAX_DIGITS)
    return FALSE;
  *v = *v * 10 + (c - '0');
  return TRUE;
}

gboolean
pbs_lex_number (const char *p, PbsDecimal *out, const char **endp, GError **error)
{
  const char *start = p;
  gboolean negative = FALSE, seen_digit = FALSE, leading = TRUE;
  guint sig = 0, scale = 0, group = 0;
  gboolean grouped = FALSE;
  gint64 v = 0;

  if (*p == '+' || *p == '-')
    negative = *p++ == '-';

  for (;; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          seen_digit = TRUE;
          group++;
          if (!push_digit (&v, &sig, &leading, *p))
            goto overflow;
        }
      else if (*p == ',' && seen_digit)
        {
          /* A thousands separator: the first group has 1–3 digits, every
           * later one exactly three, and a digit must follow. */
          if ((grouped ? group != 3 : group > 3) || !g_ascii_isdigit (p[1]))
            goto malformed;
          grouped = TRUE;
          group = 0;
        }
      else
        break;
    }
  if (grouped && group != 3)
    goto malformed;

  if (*p == '.')
    {
      p++;
      if (!g_ascii_isdigit (*p))
        goto malformed;
      for (; g_ascii_isdigit (*p); p++)
        {
          if (++scale > PBS_DECIMAL_MAX_SCALE || !push_digit (&v, &sig, &leading, *p))
            goto overflow;
        }
      seen_digit = TRUE;
    }
  if (!seen_digit)
    goto malformed;
  if (*p == '.' || *p == ',')
    goto malformed;

  out->value = negative ? -v : v;
  out->scale = (gint32) scale;
  out->reserved = 0;
  *endp = p;
  return TRUE;

malformed:
  g_set_error (error, PBS_VALUE_ERROR, PBS_VALUE_ERROR_NUMBER,
               "“%s” is not a well-formed number: expected digits, "
               "thousands separators in groups of three and at most one "
               "decimal point", start);
  return FALSE;

overflow:
  g_set_error (error, PBS_VALUE_ERROR, PBS_VALUE_ERROR_OVERFLOW,
               "“%s” has more than %d significant digits or decimals: "
               "pbscore keeps numbers exactly and cannot hold it",
               start, MAX_DIGITS);
  return FALSE;
}

/* Folds one character that is not plain ASCII into @o: returns the
 * new end of the output. */
static char *
fold_char (char *o, gunichar c)
{
  if (c >= 0xFF10 && c <= 0xFF19)       /* ０-９ */
    *o++ = (char) ('0' + (c - 0xFF10));
  else if (c == 0xFF05)                 /* ％ */
    *o++ = '%';
  else if (c == 0xFF0E)                 /* ． */
    *o++ = '.';
  else if (c == 0xFF0B)                 /* ＋ */
    *o++ = '+';
  else if (c == 0xFF0D || c == 0x2212)  /* － and the minus sign */
    *o++ = '-';
  else if (c == 0xFF5E || c == 0x301C)  /* ～ 〜 */
    *o++ = '~';
  else if (g_unichar_isspace (c) || c == 0x3000)
    *o++ = ' ';
  else
    o += g_unichar_to_utf8 (c, o);
  return o;
}

char *
pbs_lex_fold (const char *text)
{
  /* Every cell of every row comes through here, so the common bytes take
   * no decoding: ASCII is copied (its white space made a space, as
   * g_unichar_isspace() says), and a character is decoded only when its
   * lead byte can start one that folds (U+0080–00BF, U+1000–3FFF,
   * U+F000–FFFF); the rest, most of CJK, is copied as it is. Folding
   * never lengthens the text. */
  size_t len = strlen (text);
  char *out = g_malloc (len + 1), *o = out;
  const guchar *p = (const guchar *) text;

  while (*p != '\0')
    {
      guchar b = *p;

      if (b < 0x80)
        {
          *o++ = b == '\t' || b == '\n' || b == '\r' || b == '\f' ? ' ' : (char) b;
          p++;
        }
      else if (b == 0xC2 || b == 0xE1 || b == 0xE2 || b == 0xE3 || b == 0xEF)
        {
          gunichar c = g_utf8_get_char_validated ((const char *) p, -1);

          if (c == (gunichar) -1 || c == (gunichar) -2)
            *o++ = (char) *p++;   /* not UTF-8 (callers check before): kept */
          else
            {
              o = fold_char (o, c);
              p = (const guchar *) g_utf8_next_char (p);
            }
        }
      else
        {
          /* the lead byte and its continuation bytes, never past the end */
          *o++ = (char) *p++;
          while ((*p & 0xC0) == 0x80)
            *o++ = (char) *p++;
        }
    }
  /* trimmed as g_strstrip() does, without its two passes over the text */
  while (o > out && g_ascii_isspace (o[-1]))
    o--;
  *o = '\0';
  if (g_ascii_isspace (*out))
    {
      char *start = out;

      while (g_ascii_isspace (*start))
        start++;
      memmove (out, start, (size_t) (o - start) + 1);
    }
  return out;
}

/* Is @text, folded, empty or one of @words? */
static gboolean
folds_to_nothing_or (const char *text, const char * const *words, guint n_words)
{
  g_autofree char *folded = pbs_lex_fold (text);

  if (*folded == '\0')
    return TRUE;
  for (guint i = 0; i < n_words; i++)
    if (strcmp (folded, words[i]) == 0)
      return TRUE;
  return FALSE;
}

gboolean
pbs_lex_is_reason (const char *reason)
{
  static const char * const placeholders[] = {
    "无", "/", "-", "—", "——", "－", "／", "N/A", "n/a", "NA", "暂无", "无。",
    "0", "略",
  };

  return !folds_to_nothing_or (reason, placeholders, G_N_ELEMENTS (placeholders));
}

char *
pbs_lex_fold_checked (const char *text, GError **error)
{
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_autofree char *shown = g_utf8_make_valid (text, -1);
      g_set_error (error, PBS_VALUE_ERROR, PBS_VALUE_ERROR_INVALID_UTF8,
                   "“%s” is not valid UTF-8", shown);
      return NULL;
    }
  return pbs_lex_fold (text);
}

gboolean
pbs_lex_is_placeholder (const char *text)
{
  /* One pass for the five marks, every cell of every row being checked:
   * a byte that can start one (X, x, 待's E5, ×'s C3), then the mark. */
  for (const char *p = text; *p != '\0'; p++)
    switch ((guchar) *p)
      {
      case 'X':
      case 'x':
        if (p[1] == *p)
          return TRUE;
        break;
      case 0xC3:
        if (strncmp (p, "××", strlen ("××")) == 0)
          return TRUE;
        break;
      case 0xE5:
        if (strncmp (p, "待填写", strlen ("待填写")) == 0
            || strncmp (p, "待补充", strlen ("待补充")) == 0)
          return TRUE;
        break;
      default:
        break;
      }
  return FALSE;
}

gboolean
pbs_lex_is_no_value (const char *text)
{
  /* Folding has made － and full-width spaces ASCII already. */
  static const char * const dashes[] = { "/", "／", "—", "——", "-", "无", "空" };

  return folds_to_nothing_or (text, dashes, G_N_ELEMENTS (dashes));
}
