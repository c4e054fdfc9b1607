/* pbs-json.c - writing JSON as it is produced
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>

#include "pbs-json.h"

void
pbs_json_out_init (PbsJsonOut *j, GString *out, gboolean pretty)
{
  memset (j, 0, sizeof *j);
  j->out = out;
  j->pretty = pretty;
}

static void
newline (PbsJsonOut *j)
{
  if (!j->pretty)
    return;
  g_string_append_c (j->out, '\n');
  for (guint i = 0; i < j->depth; i++)
    g_string_append (j->out, "  ");
}

/* What goes before a value or a member name: a comma after an earlier
 * item, a line break when pretty; nothing right after a name. */
static void
before_item (PbsJsonOut *j)
{
  if (j->after_name)
    {
      j->after_name = FALSE;
      return;
    }
  if (j->depth > 0)
    {
      if (j->has_items[j->depth])
        g_string_append_c (j->out, ',');
      j->has_items[j->depth] = TRUE;
      newline (j);
    }
}

static void
begin (PbsJsonOut *j, char open)
{
  before_item (j);
  g_string_append_c (j->out, open);
  g_return_if_fail (j->depth < PBS_JSON_MAX_DEPTH);
  j->depth++;
  j->has_items[j->depth] = FALSE;
}

static void
end (PbsJsonOut *j, char close)
{
  gboolean had_items;

  g_return_if_fail (j->depth > 0);
  had_items = j->has_items[j->depth];
  j->depth--;
  if (had_items)
    newline (j);
  g_string_append_c (j->out, close);
}

void
pbs_json_begin_object (PbsJsonOut *j)
{
  begin (j, '{');
}

void
pbs_json_end_object (PbsJsonOut *j)
{
  end (j, '}');
}

void
pbs_json_begin_array (PbsJsonOut *j)
{
  begin (j, '[');
}

void
pbs_json_end_array (PbsJsonOut *j)
{
  end (j, ']');
}

/* Appends @text as a JSON string with its quotes. */
static void
append_escaped (GString *out, const char *text)
{
  static const char hex[] = "0123456789abcdef";
  const char *run = text, *p;

  /* Runs of bytes that need no escape are copied in one piece: names,
   * numbers and Chinese text are nearly all such runs. */
  g_string_append_c (out, '"');
  for (p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;
      const char *esc;

      if (c >= 0x20 && c != '"' && c != '\\')
        continue;
      g_string_append_len (out, run, p - run);
      run = p + 1;
      switch (c)
        {
        case '"':
          esc = "\\\"";
          break;
        case '\\':
          esc = "\\\\";
          break;
        case '\b':
          esc = "\\b";
          break;
        case '\f':
          esc = "\\f";
          break;
        case '\n':
          esc = "\\n";
          break;
        case '\r':
          esc = "\\r";
          break;
        case '\t':
          esc = "\\t";
          break;
        default:
          esc = NULL;
        }
      if (esc != NULL)
        g_string_append (out, esc);
      else
        {
          g_string_append (out, "\\u00");
          g_string_append_c (out, hex[c >> 4]);
          g_string_append_c (out, hex[c & 0xf]);
        }
    }
  g_string_append_len (out, run, p - run);
  g_string_append_c (out, '"');
}

void
pbs_json_name (PbsJsonOut *j, const char *name)
{
  before_item (j);
  append_escaped (j->out, name);
  g_string_append (j->out, j->pretty ? " : " : ":");
  j->after_name = TRUE;
}

void
pbs_json_null (PbsJsonOut *j)
{
  before_item (j);
  g_string_append (j->out, "null");
}

void
pbs_json_string (PbsJsonOut *j, const char *text)
{
  if (text == NULL)
    {
      pbs_json_null (j);
      return;
    }
  before_item (j);
  append_escaped (j->out, text);
}

void
pbs_json_number (PbsJsonOut *j, const char *digits)
{
  if (digits == NULL)
    {
      pbs_json_null (j);
      return;
    }
  before_item (j);
  g_string_append (j->out, digits);
}

void
pbs_json_int (PbsJsonOut *j, gint64 value)
{
  char rev[20];
  guint64 mag = value < 0 ? (guint64) 0 - (guint64) value : (guint64) value;
  int len = 0;

  /* row numbers and counts, several a row: no printf */
  before_item (j);
  do
    {
      rev[len++] = (char) ('0' + mag % 10);
      mag /= 10;
    }
  while (mag != 0);
  if (value < 0)
    g_string_append_c (j->out, '-');
  while (len > 0)
    g_string_append_c (j->out, rev[--len]);
}

void
pbs_json_bool (PbsJsonOut *j, gboolean value)
{
  before_item (j);
  g_string_append (j->out, value ? "true" : "false");
}
