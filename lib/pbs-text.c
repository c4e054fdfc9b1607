/* pbs-text.c - text for terminals: display width and one-line cells
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>

#include "pbscore/pbscore.h"
/**
 * pbs_text_display_width:
 * @text: UTF-8 text
 *
 * Counts the terminal columns @text takes: East Asian wide and full-width
 * characters (汉字, full-width punctuation) take two, combining marks and
 * other zero-width characters none, everything else one. The text format
 * pads its columns with it so that Chinese lines up.
 *
 * Returns: the display width
 *
 * Since: 0.1
 */
guint
pbs_text_display_width (const char *text)
{
  guint width = 0;

  g_return_val_if_fail (text != NULL, 0);

  for (const char *p = text; *p != '\0';)
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          width++;   /* a stray byte: a terminal shows one replacement mark */
          p++;
          continue;
        }
      p = g_utf8_next_char (p);
      if (!g_unichar_iszerowidth (c))
        width += g_unichar_iswide (c) ? 2 : 1;
    }
  return width;
}

/**
 * pbs_text_one_line:
 * @text: UTF-8 text
 *
 * Makes @text safe to print as one cell of a terminal table: line breaks,
 * tabs and other C0 and C1 control characters (which could also move the
 * cursor or recolour the terminal; U+009B is an 8-bit CSI), NEL (U+0085)
 * and the line and paragraph separators U+2028 and U+2029 become spaces,
 * and bidirectional embeddings, overrides and isolates (U+202A–U+202E,
 * U+2066–U+2069), which would reorder what follows, are dropped. Bytes
 * that are not UTF-8 become `?`. The text and Markdown reports clean
 * their cells and lines with it.
 *
 * Returns: (transfer full): the cleaned copy
 *
 * Since: 0.1
 */
char *
pbs_text_one_line (const char *text)
{
  GString *s;

  g_return_val_if_fail (text != NULL, NULL);

  s = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0';)
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append_c (s, '?');
          p++;
          continue;
        }
      p = g_utf8_next_char (p);
      if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069))
        continue;
      if (c < 0x20 || (c >= 0x7F && c < 0xA0) || c == 0x2028 || c == 0x2029)
        g_string_append_c (s, ' ');
      else
        g_string_append_unichar (s, c);
    }
  return g_string_free (s, FALSE);
}
