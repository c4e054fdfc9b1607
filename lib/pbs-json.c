/* pbs-json.c - writing JSON as it is produced
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>

#include "pbs-json.h"

/* Appends @n bytes: a copy when they fit, as they nearly always do once
 * the buffer has grown (GLib's append checks overlaps and resizes). */
static inline void
put (GString *out, const char *p, gsize n)
{
  if (out->len + n < out->allocated_len)
    {
      memcpy (out->str + out->len, p, n);
      out->len += n;
      out->str[out->len] = '\0';
    }
  else
    g_string_append_len (out, p, (gssize) n);
}

#define PUT_LITERAL(out, lit) put ((out), (lit), sizeof (lit) - 1)

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
    PUT_LITERAL (j->out, "  ");
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

/* Bytes a JSON string cannot hold as they are: the control characters
 * (NUL ends the text), the quote and the backslash. */
static const guint8 needs_escape[256] = {
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};

/* Appends @text as a JSON string with its quotes. */
static void
append_escaped (GString *out, const char *text)
{
  static const char hex[] = "0123456789abcdef";
  const guchar *run = (const guchar *) text, *p = run;

  /* Runs of bytes that need no escape are copied in one piece: names,
   * numbers and Chinese text are nearly all such runs. */
  g_string_append_c (out, '"');
  for (;;)
    {
      const char *esc;
      guchar c;

      while (!needs_escape[*p])
        p++;
      put (out, (const char *) run, (gsize) (p - run));
      c = *p;
      if (c == '\0')
        break;
      run = ++p;
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
        put (out, esc, 2);
      else
        {
          PUT_LITERAL (out, "\\u00");
          g_string_append_c (out, hex[c >> 4]);
          g_string_append_c (out, hex[c & 0xf]);
        }
    }
  g_string_append_c (out, '"');
}

void
pbs_json_name (PbsJsonOut *j, const char *name)
{
  before_item (j);
  append_escaped (j->out, name);
  if (j->pretty)
    PUT_LITERAL (j->out, " : ");
  else
    g_string_append_c (j->out, ':');
  j->after_name = TRUE;
}

void
pbs_json_null (PbsJsonOut *j)
{
  before_item (j);
  PUT_LITERAL (j->out, "null");
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
  put (j->out, digits, strlen (digits));
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
  if (value)
    PUT_LITERAL (j->out, "true");
  else
    PUT_LITERAL (j->out, "false");
}
