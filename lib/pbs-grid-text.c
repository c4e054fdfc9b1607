/* pbs-grid-text.c - the encodings of text tables: UTF-8, GB18030, UTF-16
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Layer: readers, below the CSV and HTML readers. Conversion is GLib's
 * (g_convert, iconv underneath); this file only decides which encoding.
 */
#include "config.h"

#include <string.h>

#include "pbscore/pbscore.h"
#include "pbs-grid.h"

/* The line of byte @offset, counting the line feeds before it; in UTF-16
 * a line feed is a 0x0A byte beside a 0x00. */
static guint
line_of (const char *data, gsize offset, gboolean utf16)
{
  guint line = 1;

  for (gsize i = 0; i < offset; i++)
    if (data[i] == '\n' && (!utf16 || (i + 1 < offset && data[i + 1] == '\0')
                            || (i > 0 && data[i - 1] == '\0')))
      line++;
  return line;
}

/* GBK and GB2312 are subsets of GB18030: one converter reads them all. */
static const char *
canonical_charset (const char *charset)
{
  if (g_ascii_strcasecmp (charset, "gb2312") == 0 || g_ascii_strcasecmp (charset, "gbk") == 0
      || g_ascii_strcasecmp (charset, "gb_2312-80") == 0 || g_ascii_strcasecmp (charset, "x-gbk") == 0
      || g_ascii_strcasecmp (charset, "cp936") == 0 || g_ascii_strcasecmp (charset, "euc-cn") == 0
      || g_ascii_strcasecmp (charset, "gb18030") == 0)
    return "GB18030";
  if (g_ascii_strcasecmp (charset, "utf8") == 0)
    return "UTF-8";
  return charset;
}

static char *
convert (const char *file, const char *data, gsize len, const char *from,
         gboolean utf16, gsize *text_len, GError **error)
{
  g_autoptr (GError) local = NULL;
  gsize read = 0, written = 0;
  char *out;

  out = g_convert (data, (gssize) len, "UTF-8", from, &read, &written, &local);
  if (out == NULL)
    {
      if (g_error_matches (local, G_CONVERT_ERROR, G_CONVERT_ERROR_NO_CONVERSION))
        g_set_error (error, PBS_IMPORT_ERROR, PBS_IMPORT_ERROR_ENCODING,
                     "%s: the encoding %s is not one pbscore can read "
                     "(UTF-8, GB18030/GBK/GB2312, UTF-16 with a byte-order mark)", file, from);
      else
        g_set_error (error, PBS_IMPORT_ERROR, PBS_IMPORT_ERROR_ENCODING,
                     "%s:line %u: bytes that are not %s text (save the file as UTF-8)",
                     file, line_of (data, MIN (read, len), utf16), from);
      return NULL;
    }
  if (memchr (out, '\0', written) != NULL)
    {
      gsize at = (gsize) ((char *) memchr (out, '\0', written) - out);

      g_set_error (error, PBS_IMPORT_ERROR, PBS_IMPORT_ERROR_ENCODING,
                   "%s:line %u: a NUL character: a binary file, not text",
                   file, line_of (out, at, FALSE));
      g_free (out);
      return NULL;
    }
  *text_len = written;
  return out;
}

char *
pbs_grid_decode_text (const char *file, const char *data, gsize len, const char *charset,
                      gsize *text_len, GError **error)
{
  const char *end = NULL;

  g_return_val_if_fail (text_len != NULL, NULL);
  if (len > PBS_GRID_MAX_TEXT_BYTES)
    {
      g_set_error (error, PBS_IMPORT_ERROR, PBS_IMPORT_ERROR_LIMIT,
                   "%s: a text file of %" G_GSIZE_FORMAT " bytes; pbscore reads at most %u",
                   file, len, PBS_GRID_MAX_TEXT_BYTES);
      return NULL;
    }
  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    return convert (file, data + 3, len - 3, "UTF-8", FALSE, text_len, error);
  if (len >= 2 && memcmp (data, "\xFF\xFE", 2) == 0)
    return convert (file, data + 2, len - 2, "UTF-16LE", TRUE, text_len, error);
  if (len >= 2 && memcmp (data, "\xFE\xFF", 2) == 0)
    return convert (file, data + 2, len - 2, "UTF-16BE", TRUE, text_len, error);
  if (charset != NULL && *charset != '\0')
    return convert (file, data, len, canonical_charset (charset), FALSE, text_len, error);
  if (g_utf8_validate_len (data, len, &end))
    return convert (file, data, len, "UTF-8", FALSE, text_len, error);
  return convert (file, data, len, "GB18030", FALSE, text_len, error);
}
