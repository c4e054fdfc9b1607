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

char *
pbs_lex_fold (const char *text)
{
  GString *s = g_string_sized_new (strlen (text));
  const char *p;
  char *out;

  for (p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0xFF10 && c <= 0xFF19)       /* ０-９ */
        g_string_append_c (s, (char) ('0' + (c - 0xFF10)));
      else if (c == 0xFF05)                 /* ％ */
        g_string_append_c (s, '%');
      else if (c == 0xFF0E)                 /* ． */
        g_string_append_c (s, '.');
      else if (c == 0xFF0B)                 /* ＋ */
        g_string_append_c (s, '+');
      else if (c == 0xFF0D || c == 0x2212)  /* － and the minus sign */
        g_string_append_c (s, '-');
      else if (c == 0xFF5E || c == 0x301C)  /* ～ 〜 */
        g_string_append_c (s, '~');
      else if (g_unichar_isspace (c) || c == 0x3000)
        g_string_append_c (s, ' ');
      else
        g_string_append_unichar (s, c);
    }
  out = g_string_free (s, FALSE);
  return g_strstrip (out);
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
  static const char * const marks[] = { "待填写", "待补充", "XX", "xx", "××" };

  for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
    if (strstr (text, marks[i]) != NULL)
      return TRUE;
  return FALSE;
}

gboolean
pbs_lex_is_no_value (const char *text)
{
  /* Folding has made － and full-width spaces ASCII already. */
  static const char * const dashes[] = { "/", "／", "—", "——", "-", "无", "空" };

  return folds_to_nothing_or (text, dashes, G_N_ELEMENTS (dashes));
}
