/* pbs-grid-html.c - the tables of a web page as grids
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Layer: readers. libxml2's HTML parser reads the page without the network
 * and without loading or expanding entities from a DTD; the page's bytes
 * are decoded to UTF-8 first (its byte-order mark, its <meta> charset, or
 * GB18030 when they are not UTF-8), so the parser never switches
 * encodings by itself. Every <table> is a grid, numbered in the order its
 * start tag appears; a table inside a table cell is a grid of its own and
 * is left out of the outer cell's text. rowspan and colspan become merged
 * ranges, placed by the HTML table algorithm (a cell goes to the first
 * column not taken by a rowspan from above).
 */
#include "config.h"

#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "pbscore/pbscore.h"
#include "pbs-grid.h"

/* Deeper than any real page; libxml2 itself stops at 256 open elements
 * for XML, not always for HTML. */
#define MAX_DEPTH 256

/* The largest page read: libxml2's tree takes about 25 times the page's
 * bytes (a 21 MB page of 200,000 rows took 500 MB), and a real page with a
 * self-evaluation table is well under 1 MB. */
#define MAX_PAGE_BYTES (16u * 1024u * 1024u)

/* HTML's own bounds on a cell's spans. */
#define MAX_ROWSPAN 65534
#define MAX_COLSPAN 1000

typedef struct {
  const char *file;
  GPtrArray  *grids;
  GError    **error;
  gboolean    failed;
} Walk;

static gboolean
is_element (xmlNode *n, const char *name)
{
  return n->type == XML_ELEMENT_NODE && n->name != NULL
         && g_ascii_strcasecmp ((const char *) n->name, name) == 0;
}

/* The charset a page declares in its first bytes: <meta charset=…>,
 * <meta http-equiv content="…; charset=…">, <?xml encoding=…?>. */
static char *
declared_charset (const char *data, gsize len)
{
  g_autofree char *head = g_ascii_strdown (data, (gssize) MIN (len, 4096));
  const char *keys[] = { "charset=", "encoding=" };

  for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
    {
      const char *p = strstr (head, keys[k]);
      const char *q;

      if (p == NULL)
        continue;
      p += strlen (keys[k]);
      while (*p == '"' || *p == '\'' || *p == ' ')
        p++;
      for (q = p; g_ascii_isalnum (*q) || *q == '-' || *q == '_'; q++)
        ;
      if (q > p)
        return g_strndup (p, (gsize) (q - p));
    }
  return NULL;
}

static int
span_attribute (xmlNode *cell, const char *name, int max)
{
  xmlChar *value = xmlGetProp (cell, (const xmlChar *) name);
  gint64 n;

  if (value == NULL)
    return 1;
  n = g_ascii_strtoll ((const char *) value, NULL, 10);
  xmlFree (value);
  if (n < 1)
    return 1;
  return (int) MIN (n, max);
}

static void
append_collapsed (GString *out, const char *text)
{
  for (const char *p = text; *p; p++)
    {
      if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f')
        {
          if (out->len > 0 && out->str[out->len - 1] != ' ' && out->str[out->len - 1] != '\n')
            g_string_append_c (out, ' ');
        }
      else
        g_string_append_c (out, *p);
    }
}

static void
break_line (GString *out)
{
  while (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  if (out->len > 0 && out->str[out->len - 1] != '\n')
    g_string_append_c (out, '\n');
}

static gboolean
is_block (xmlNode *n)
{
  static const char *const blocks[] = { "p", "div", "li", "tr", "h1", "h2", "h3",
                                        "h4", "h5", "h6", "ul", "ol", "pre" };

  for (guint i = 0; i < G_N_ELEMENTS (blocks); i++)
    if (is_element (n, blocks[i]))
      return TRUE;
  return FALSE;
}

/* The text of a cell as a browser shows it: white space collapsed, a line
 * break for <br> and between paragraphs; nested tables left out. */
static void
collect_text (xmlNode *node, GString *out, guint depth)
{
  for (xmlNode *n = node->children; n != NULL; n = n->next)
    {
      if (out->len > PBS_GRID_MAX_CELL_BYTES)
        return;
      if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)
        append_collapsed (out, (const char *) n->content);
      else if (n->type != XML_ELEMENT_NODE || depth >= MAX_DEPTH)
        continue;
      else if (is_element (n, "table") || is_element (n, "script") || is_element (n, "style"))
        continue;
      else if (is_element (n, "br"))
        break_line (out);
      else
        {
          gboolean block = is_block (n);

          if (block)
            break_line (out);
          collect_text (n, out, depth + 1);
          if (block)
            break_line (out);
        }
    }
}

static char *
cell_text (xmlNode *cell)
{
  GString *out = g_string_new (NULL);

  collect_text (cell, out, 0);
  while (out->len > 0 && (out->str[out->len - 1] == ' ' || out->str[out->len - 1] == '\n'))
    g_string_truncate (out, out->len - 1);
  while (out->len > 0 && (out->str[0] == ' ' || out->str[0] == '\n'))
    g_string_erase (out, 0, 1);
  return g_string_free (out, FALSE);
}

static void
read_row (PbsGrid *grid, xmlNode *tr, guint row, GArray *busy)
{
  guint col = 0;

  for (xmlNode *n = tr->children; n != NULL && !pbs_grid_is_full (grid); n = n->next)
    {
      g_autofree char *text = NULL;
      int rows, cols;

      if (!is_element (n, "td") && !is_element (n, "th"))
        continue;
      while (col < busy->len && g_array_index (busy, guint, col) > 0)
        col++;
      rows = span_attribute (n, "rowspan", MAX_ROWSPAN);
      cols = span_attribute (n, "colspan", MAX_COLSPAN);
      text = cell_text (n);
      pbs_grid_set (grid, row, col, text, (guint) MAX (xmlGetLineNo (n), 0));
      pbs_grid_merge (grid, row, col, (guint) rows, (guint) cols);
      for (guint c = col; c < col + (guint) cols && c <= PBS_GRID_MAX_COLS; c++)
        {
          if (c >= busy->len)
            g_array_set_size (busy, c + 1);
          g_array_index (busy, guint, c) = MAX (g_array_index (busy, guint, c), (guint) rows);
        }
      col += (guint) cols;
      if (col > PBS_GRID_MAX_COLS)
        break;
    }
  for (guint c = 0; c < busy->len; c++)
    if (g_array_index (busy, guint, c) > 0)
      g_array_index (busy, guint, c)--;
}

static void
read_table (Walk *w, xmlNode *table)
{
  PbsGrid *grid = pbs_grid_new (PBS_GRID_TABLE, w->file, NULL, w->grids->len + 1);
  g_autoptr (GArray) busy = g_array_new (FALSE, TRUE, sizeof (guint));
  guint row = 0;

  g_ptr_array_add (w->grids, grid);
  for (xmlNode *n = table->children; n != NULL && !pbs_grid_is_full (grid); n = n->next)
    {
      if (is_element (n, "caption"))
        {
          g_autofree char *text = cell_text (n);

          pbs_grid_set (grid, row++, 0, text, (guint) MAX (xmlGetLineNo (n), 0));
        }
      else if (is_element (n, "tr"))
        read_row (grid, n, row++, busy);
      else if (is_element (n, "thead") || is_element (n, "tbody") || is_element (n, "tfoot"))
        for (xmlNode *r = n->children; r != NULL && !pbs_grid_is_full (grid); r = r->next)
          if (is_element (r, "tr"))
            read_row (grid, r, row++, busy);
    }
}

/* Every table in the order of its start tag, nested ones included. */
static void
find_tables (Walk *w, xmlNode *node, guint depth)
{
  for (xmlNode *n = node; n != NULL && !w->failed; n = n->next)
    {
      if (n->type != XML_ELEMENT_NODE && n->type != XML_DOCUMENT_NODE
          && n->type != XML_HTML_DOCUMENT_NODE)
        continue;
      if (depth >= MAX_DEPTH)
        {
          g_set_error (w->error, PBS_IMPORT_ERROR, PBS_IMPORT_ERROR_LIMIT,
                       "%s:line %ld: elements nested more than %d deep", w->file,
                       xmlGetLineNo (n), MAX_DEPTH);
          w->failed = TRUE;
          return;
        }
      if (is_element (n, "table"))
        read_table (w, n);
      find_tables (w, n->children, depth + 1);
    }
}

GPtrArray *
pbs_grid_read_html (const char *file, GBytes *data, GError **error)
{
  g_autoptr (GPtrArray) grids = g_ptr_array_new_with_free_func ((GDestroyNotify) pbs_grid_free);
  g_autofree char *text = NULL;
  g_autofree char *charset = NULL;
  gsize raw_len, len = 0;
  const char *raw = g_bytes_get_data (data, &raw_len);
  const char *end = NULL;
  htmlDocPtr doc;
  Walk w = { file, grids, error, FALSE };

  if (raw == NULL)
    raw = "";
  if (raw_len > MAX_PAGE_BYTES)
    {
      g_set_error (error, PBS_IMPORT_ERROR, PBS_IMPORT_ERROR_LIMIT,
                   "%s: a web page of %" G_GSIZE_FORMAT " bytes; pbscore reads pages of at "
                   "most %u bytes", file, raw_len, MAX_PAGE_BYTES);
      return NULL;
    }
  /* A page that is valid UTF-8 is read as UTF-8 whatever it declares:
   * pages saved from a browser keep their old GB2312 <meta>. */
  if (!g_utf8_validate_len (raw, raw_len, &end))
    charset = declared_charset (raw, raw_len);
  text = pbs_grid_decode_text (file, raw, raw_len, charset, &len, error);
  if (text == NULL)
    return NULL;
  if (len > G_MAXINT)
    {
      g_set_error (error, PBS_IMPORT_ERROR, PBS_IMPORT_ERROR_LIMIT,
                   "%s: a page too large to read", file);
      return NULL;
    }
  doc = htmlReadMemory (text, (int) len, NULL, "UTF-8",
                        HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING
                        | HTML_PARSE_IGNORE_ENC | HTML_PARSE_NOBLANKS);
  if (doc == NULL)
    {
      g_set_error (error, PBS_IMPORT_ERROR, PBS_IMPORT_ERROR_CORRUPT,
                   "%s: not a web page the HTML parser can read", file);
      return NULL;
    }
  find_tables (&w, (xmlNode *) doc, 0);
  xmlFreeDoc (doc);
  if (w.failed)
    return NULL;
  return g_steal_pointer (&grids);
}
