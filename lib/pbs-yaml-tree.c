/* pbs-yaml-tree.c - YAML documents as compact node trees
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * libyaml's event parser feeds a compact node tree per document (nodes in
 * one array, scalar bytes in one buffer), with the place of every node at
 * hand for error messages. Hostile input is bounded while the tree is
 * built: nesting depth, scalar length and the number of nodes reached
 * through aliases.
 */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <yaml.h>

#include <glib/gstdio.h>

#include "pbs-yaml-tree.h"

#define MAX_DEPTH          64
#define MAX_SCALAR         (1024 * 1024)
#define MAX_ALIAS_NODES    10000

/* The input is read in blocks and checked as UTF-8 block by block (a
 * character split between two blocks waits in the next one): only the
 * current block and the one before it are held, the latter for the place
 * of an error libyaml finds a little behind what it was given. */
#define BLOCK_SIZE (64 * 1024)

typedef struct {
  GByteArray *bytes;
  guint64     offset;         /* of bytes->data[0] in the input */
  guint64     line;           /* 1-based line of bytes->data[0]... */
  guint64     column;         /* ...and its column, in characters */
} Block;

/* The sizes of a tree at one moment: what forgetting the nodes read
 * since then cuts it back to. */
typedef struct {
  guint nodes;
  guint kids;
  gsize text;
  guint anchors;
} Mark;

struct _PbsYamlStream
{
  char          *name;        /* for messages */
  char          *dir;         /* for relative template and policy paths */
  GInputStream  *input;
  Block          cur;         /* being given to libyaml */
  Block          prev;        /* the one before */
  gsize          pos;         /* in cur: what libyaml has taken */
  guint8         carry[4];    /* the start of a character split by the block's end */
  gsize          n_carry;
  gboolean       eof;
  gboolean       peeked;      /* cur holds the first block, not yet given */
  GError        *read_error;  /* located; libyaml only hears "input error" */
  yaml_parser_t  parser;
  gboolean       started;
  gboolean       finished;
  PbsYamlTree    tree;
  /* What building a tree needs on the way. */
  GHashTable    *anchors;     /* char* → GUINT_TO_POINTER (index + 1) */
  GArray        *open;        /* guint32 pairs: collection node, start in pending */
  GArray        *pending;     /* guint32: children of open collections */
  GPtrArray     *open_anchors; /* char*: the anchor of each open collection, or NULL */
  guint          expanded;    /* nodes reached through aliases so far */
  /* The list whose items are given away (pbs_yaml_stream_set_rows). */
  const PbsYamlRowFuncs *rows;
  gpointer       rows_data;
  const char    *rows_key;
  guint          rows_after;
  guint32        rows_list;   /* its node in this document, or PBS_YAML_NONE */
  guint          rows_start;  /* its first item in pending */
  gboolean       rows_given;  /* its items go to rows->row as they come */
  Mark           list_mark;   /* the tree's sizes when the list started... */
  Mark           row_mark;    /* ...and when its current item started */
};

/* ------------------------------------------------------------ node tree */

static inline PbsYamlNode *
node_at (PbsYamlTree *t, guint32 i)
{
  return &g_array_index (t->nodes, PbsYamlNode, i);
}

gboolean
pbs_yaml_is_null (const PbsYamlTree *t, guint32 node)
{
  const PbsYamlNode *n;
  const char *s;

  if (node == PBS_YAML_NONE)
    return TRUE;
  n = pbs_yaml_node (t, node);
  if (n->type != PBS_YAML_SCALAR || !n->plain)
    return FALSE;
  s = pbs_yaml_text (t, node);
  return *s == '\0' || strcmp (s, "~") == 0 || strcmp (s, "null") == 0
         || strcmp (s, "Null") == 0 || strcmp (s, "NULL") == 0;
}

static void
tree_reset (PbsYamlStream *self)
{
  PbsYamlTree *t = &self->tree;

  g_array_set_size (t->nodes, 0);
  g_array_set_size (t->kids, 0);
  g_string_truncate (t->text, 0);
  t->root = PBS_YAML_NONE;
  g_hash_table_remove_all (self->anchors);
  g_array_set_size (self->open, 0);
  g_array_set_size (self->pending, 0);
  g_ptr_array_set_size (self->open_anchors, 0);
  self->expanded = 0;
  self->rows_list = PBS_YAML_NONE;
  self->rows_given = FALSE;
}

static void
mark_now (PbsYamlStream *self, Mark *m)
{
  m->nodes = self->tree.nodes->len;
  m->kids = self->tree.kids->len;
  m->text = self->tree.text->len;
  m->anchors = g_hash_table_size (self->anchors);
}

/* Forgets the nodes read since @m, unless they define an anchor that a
 * later alias may name (those few stay, unattached). */
static void
forget_since (PbsYamlStream *self, const Mark *m)
{
  if (g_hash_table_size (self->anchors) != m->anchors)
    return;
  g_array_set_size (self->tree.nodes, m->nodes);
  g_array_set_size (self->tree.kids, m->kids);
  g_string_truncate (self->tree.text, m->text);
}

/* An item of the given-away list is complete: TRUE when it went to
 * rows->row instead of the list. The items are held until there are more
 * than rows_after of them; then the held ones go first, in order. */
static gboolean
give_row (PbsYamlStream *self, guint32 index)
{
  if (!self->rows_given)
    {
      if (self->pending->len - self->rows_start < self->rows_after)
        return FALSE;
      for (guint k = self->rows_start; k < self->pending->len; k++)
        self->rows->row (self->rows_data, &self->tree, g_array_index (self->pending, guint32, k));
      self->rows->row (self->rows_data, &self->tree, index);
      g_array_set_size (self->pending, self->rows_start);
      forget_since (self, &self->list_mark);
      self->rows_given = TRUE;
    }
  else
    {
      self->rows->row (self->rows_data, &self->tree, index);
      forget_since (self, &self->row_mark);
    }
  mark_now (self, &self->row_mark);
  return TRUE;
}

/* A list starts while only the root is open: is it the one to give away? */
static void
check_rows_list (PbsYamlStream *self, guint32 list)
{
  guint32 root, start, key;
  guint n;

  if (self->rows == NULL || self->open->len != 4)
    return;
  root = g_array_index (self->open, guint32, 0);
  start = g_array_index (self->open, guint32, 1);
  n = self->pending->len - start;
  if (node_at (&self->tree, root)->type != PBS_YAML_MAPPING || n % 2 != 1)
    return;
  key = g_array_index (self->pending, guint32, self->pending->len - 1);
  if (node_at (&self->tree, key)->type != PBS_YAML_SCALAR
      || strcmp (pbs_yaml_text (&self->tree, key), self->rows_key) != 0
      || !self->rows->start (self->rows_data, &self->tree,
                             &g_array_index (self->pending, guint32, start), n - 1))
    return;
  self->rows_list = list;
  self->rows_start = self->pending->len;
  self->rows_given = FALSE;
  mark_now (self, &self->list_mark);
  mark_now (self, &self->row_mark);
}

/* Attaches a finished node to the open collection, or makes it the root. */
static void
attach (PbsYamlStream *self, guint32 index)
{
  if (self->open->len > 0)
    {
      if (self->rows_list != PBS_YAML_NONE && self->open->len == 4
          && g_array_index (self->open, guint32, 2) == self->rows_list && give_row (self, index))
        return;
      g_array_append_val (self->pending, index);
    }
  else
    self->tree.root = index;
}

static guint32
new_node (PbsYamlTree *t, PbsYamlNodeType type, const yaml_mark_t *mark)
{
  PbsYamlNode n = { 0 };

  n.type = type;
  n.line = (guint32) mark->line + 1;
  n.column = (guint32) mark->column + 1;
  n.size = 1;
  g_array_append_val (t->nodes, n);
  return t->nodes->len - 1;
}

static void
add_anchor (PbsYamlStream *self, const yaml_char_t *anchor, guint32 index)
{
  if (anchor != NULL)
    g_hash_table_insert (self->anchors, g_strdup ((const char *) anchor), GUINT_TO_POINTER (index + 1));
}

/* --------------------------------------------------------------- stream */

static void
block_init (Block *b)
{
  b->bytes = g_byte_array_sized_new (BLOCK_SIZE + 4);
  b->offset = 0;
  b->line = 1;
  b->column = 1;
}

static PbsYamlStream *
stream_new (char *name, char *dir, GInputStream *input)
{
  PbsYamlStream *self = g_new0 (PbsYamlStream, 1);

  self->name = name;
  self->dir = dir;
  self->input = input;
  block_init (&self->cur);
  block_init (&self->prev);
  self->tree.nodes = g_array_new (FALSE, FALSE, sizeof (PbsYamlNode));
  self->tree.kids = g_array_new (FALSE, FALSE, sizeof (guint32));
  self->tree.text = g_string_new (NULL);
  self->tree.root = PBS_YAML_NONE;
  self->rows_list = PBS_YAML_NONE;
  self->anchors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->open = g_array_new (FALSE, FALSE, sizeof (guint32));
  self->pending = g_array_new (FALSE, FALSE, sizeof (guint32));
  self->open_anchors = g_ptr_array_new_with_free_func (g_free);
  return self;
}

void
pbs_yaml_stream_free (PbsYamlStream *self)
{
  if (self == NULL)
    return;
  if (self->started)
    yaml_parser_delete (&self->parser);
  g_array_unref (self->tree.nodes);
  g_array_unref (self->tree.kids);
  g_string_free (self->tree.text, TRUE);
  g_hash_table_unref (self->anchors);
  g_array_unref (self->open);
  g_array_unref (self->pending);
  g_ptr_array_unref (self->open_anchors);
  g_free (self->name);
  g_free (self->dir);
  g_object_unref (self->input);
  g_byte_array_unref (self->cur.bytes);
  g_byte_array_unref (self->prev.bytes);
  g_clear_error (&self->read_error);
  g_free (self);
}

PbsYamlStream *
pbs_yaml_stream_new_for_path (const char *path, GError **error)
{
  g_autoptr (GError) local = NULL;
  g_autoptr (GFile) file = NULL;
  GFileInputStream *input;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, PBS_DOCUMENT_ERROR, PBS_DOCUMENT_ERROR_IO,
                   "%s: is a folder, not a YAML file", path);
      return NULL;
    }
  /* The message names the file as given (GIO's would make it absolute). */
  if (g_access (path, R_OK) != 0)
    {
      int saved = errno;

      g_set_error (error, PBS_DOCUMENT_ERROR, PBS_DOCUMENT_ERROR_IO,
                   "Failed to open file “%s”: open() failed: %s", path, g_strerror (saved));
      return NULL;
    }
  /* A regular file or a pipe (/dev/stdin, <(…)) alike: read in blocks. */
  file = g_file_new_for_path (path);
  input = g_file_read (file, NULL, &local);
  if (input == NULL)
    {
      g_set_error (error, PBS_DOCUMENT_ERROR, PBS_DOCUMENT_ERROR_IO, "%s: %s", path,
                   local->message);
      return NULL;
    }
  return stream_new (g_strdup (path), g_path_get_dirname (path), G_INPUT_STREAM (input));
}

PbsYamlStream *
pbs_yaml_stream_new_for_data (const char *data, gsize length, const char *name)
{
  g_autoptr (GBytes) bytes = g_bytes_new (data, length);

  return stream_new (g_strdup (name), g_strdup ("."), g_memory_input_stream_new_from_bytes (bytes));
}

PbsYamlStream *
pbs_yaml_stream_new_for_input (GInputStream *input, const char *name)
{
  return stream_new (g_strdup (name), g_strdup ("."), g_object_ref (input));
}

/* A tree this large is given back once read, not kept for the next one. */
#define KEEP_NODES 65536

void
pbs_yaml_stream_trim (PbsYamlStream *self)
{
  PbsYamlTree *t = &self->tree;

  if (t->nodes->len <= KEEP_NODES && t->text->allocated_len <= KEEP_NODES * 8)
    return;
  tree_reset (self);
  g_array_unref (t->nodes);
  g_array_unref (t->kids);
  g_string_free (t->text, TRUE);
  t->nodes = g_array_new (FALSE, FALSE, sizeof (PbsYamlNode));
  t->kids = g_array_new (FALSE, FALSE, sizeof (guint32));
  t->text = g_string_new (NULL);
}

void
pbs_yaml_stream_set_rows (PbsYamlStream *self, const char *key, guint after,
                          const PbsYamlRowFuncs *funcs, gpointer data)
{
  self->rows = funcs;
  self->rows_data = data;
  self->rows_key = key;
  self->rows_after = after;
}

const char *
pbs_yaml_stream_get_name (PbsYamlStream *self)
{
  return self->name;
}

const char *
pbs_yaml_stream_get_dir (PbsYamlStream *self)
{
  return self->dir;
}

const PbsYamlTree *
pbs_yaml_stream_get_tree (PbsYamlStream *self)
{
  return &self->tree;
}

/* ------------------------------------------------------------- parsing */

/* Moves @line and @column (1-based, in characters) over @length bytes. */
static void
advance_place (const guint8 *p, gsize length, guint64 *line, guint64 *column)
{
  const guint8 *end = p + length, *nl;

  while ((nl = memchr (p, '\n', (gsize) (end - p))) != NULL)
    {
      (*line)++;
      *column = 1;
      p = nl + 1;
    }
  for (; p < end; p++)
    if ((*p & 0xC0) != 0x80)
      (*column)++;
}

/* The place of byte @offset of the input when it is in the blocks held;
 * else the start of the older one. */
static void
place_of (PbsYamlStream *self, guint64 offset, guint *line, guint *column)
{
  const Block *b = offset >= self->cur.offset ? &self->cur : &self->prev;
  guint64 l = b->line, c = b->column;

  if (offset >= b->offset)
    advance_place (b->bytes->data, (gsize) MIN (offset - b->offset, (guint64) b->bytes->len), &l, &c);
  *line = (guint) MIN (l, (guint64) G_MAXUINT);
  *column = (guint) MIN (c, (guint64) G_MAXUINT);
}

/* The length of a prefix of a UTF-8 sequence at @p (at most 3 bytes,
 * all of them possible so far), or 0 when @p holds no such prefix. */
static gsize
utf8_prefix (const guint8 *p, gsize n)
{
  gsize need;

  if (n == 0 || n > 3)
    return 0;
  if (p[0] >= 0xC2 && p[0] <= 0xDF)
    need = 2;
  else if (p[0] >= 0xE0 && p[0] <= 0xEF)
    need = 3;
  else if (p[0] >= 0xF0 && p[0] <= 0xF4)
    need = 4;
  else
    return 0;
  if (n >= need)
    return 0;
  for (gsize i = 1; i < n; i++)
    if ((p[i] & 0xC0) != 0x80)
      return 0;
  return n;
}

/* Reads the next block into cur (the old one becomes prev): the carry of
 * the last one first, then what the input gives. FALSE with read_error
 * set on a read error. */
static gboolean
read_block (PbsYamlStream *self)
{
  Block old = self->prev;

  self->prev = self->cur;
  self->cur = old;
  self->cur.offset = self->prev.offset + self->prev.bytes->len;
  self->cur.line = self->prev.line;
  self->cur.column = self->prev.column;
  advance_place (self->prev.bytes->data, self->prev.bytes->len, &self->cur.line, &self->cur.column);
  g_byte_array_set_size (self->cur.bytes, 0);
  g_byte_array_append (self->cur.bytes, self->carry, (guint) self->n_carry);
  self->pos = 0;
  while (!self->eof && self->cur.bytes->len <= self->n_carry)
    {
      g_autoptr (GError) local = NULL;
      guint old_len = self->cur.bytes->len;
      gssize n;

      g_byte_array_set_size (self->cur.bytes, old_len + BLOCK_SIZE);
      n = g_input_stream_read (self->input, self->cur.bytes->data + old_len, BLOCK_SIZE, NULL, &local);
      g_byte_array_set_size (self->cur.bytes, old_len + (guint) MAX (n, 0));
      if (n < 0)
        {
          g_set_error (&self->read_error, PBS_DOCUMENT_ERROR, PBS_DOCUMENT_ERROR_IO,
                       "%s: cannot read: %s", self->name, local->message);
          return FALSE;
        }
      if (n == 0)
        self->eof = TRUE;
    }
  self->n_carry = 0;
  return TRUE;
}

/* Checks cur as UTF-8; the start of a character split by its end waits
 * for the next block. FALSE with read_error set, located, on an invalid
 * byte. */
static gboolean
check_block (PbsYamlStream *self)
{
  const char *end;
  gsize valid, rest;

  if (g_utf8_validate_len ((const char *) self->cur.bytes->data, self->cur.bytes->len, &end))
    return TRUE;
  valid = (gsize) ((const guint8 *) end - self->cur.bytes->data);
  rest = self->cur.bytes->len - valid;
  if (!self->eof && utf8_prefix ((const guint8 *) end, rest) == rest)
    {
      memcpy (self->carry, end, rest);
      self->n_carry = rest;
      g_byte_array_set_size (self->cur.bytes, (guint) valid);
      return TRUE;
    }
  {
    guint line, column;

    place_of (self, self->cur.offset + valid, &line, &column);
    g_set_error (&self->read_error, PBS_DOCUMENT_ERROR, PBS_DOCUMENT_ERROR_INVALID_UTF8,
                 "%s:%u:%u: the file is not valid UTF-8 (byte 0x%02x); save it as UTF-8, or as "
                 "UTF-16 or UTF-32 with a byte-order mark",
                 self->name, line, column, (guint) *(const guchar *) end);
  }
  return FALSE;
}

/* libyaml's read handler: what is left of the current block, then the
 * next one; 0 bytes at the end. */
static int
read_handler (void *data, unsigned char *buffer, size_t size, size_t *size_read)
{
  PbsYamlStream *self = data;
  gsize n;

  *size_read = 0;
  if (self->read_error != NULL)
    return 0;
  if (self->peeked)
    {
      self->peeked = FALSE;
      if (!check_block (self))
        return 0;
    }
  /* a block may hold nothing but the start of a character */
  while (self->pos == self->cur.bytes->len && (!self->eof || self->n_carry > 0))
    if (!read_block (self) || !check_block (self))
      return 0;
  n = MIN (size, self->cur.bytes->len - self->pos);
  memcpy (buffer, self->cur.bytes->data + self->pos, n);
  self->pos += n;
  *size_read = n;
  return 1;
}

GBytes *
pbs_yaml_stream_peek (PbsYamlStream *self, GError **error)
{
  g_return_val_if_fail (!self->started, NULL);

  const guint8 *p;
  gsize n, cut;

  if (!self->peeked)
    {
      if (!read_block (self))
        {
          g_propagate_error (error, g_steal_pointer (&self->read_error));
          self->finished = TRUE;
          return NULL;
        }
      self->peeked = TRUE;
    }
  /* whole characters: a block cut within one would not look like text */
  p = self->cur.bytes->data;
  n = self->cur.bytes->len;
  cut = n;
  for (gsize back = 1; back <= 3 && back <= n; back++)
    if (utf8_prefix (p + n - back, back) == back)
      {
        cut = n - back;
        break;
      }
  return g_bytes_new (p, cut);
}

GBytes *
pbs_yaml_stream_read_all (PbsYamlStream *self, gsize max, GError **error)
{
  g_autoptr (GByteArray) all = g_byte_array_new ();
  g_autoptr (GError) local = NULL;
  guint8 buf[BLOCK_SIZE];
  GBytes *bytes;
  gssize n;

  g_return_val_if_fail (!self->started, NULL);

  /* what was peeked, and the start of a character it left */
  g_byte_array_append (all, self->cur.bytes->data, self->cur.bytes->len);
  g_byte_array_append (all, self->carry, (guint) self->n_carry);
  self->n_carry = 0;
  while ((n = g_input_stream_read (self->input, buf, sizeof buf, NULL, &local)) > 0)
    {
      /* a device or an endless pipe stops here, not when memory runs out */
      if ((gsize) all->len + (gsize) n > max)
        {
          self->finished = TRUE;
          g_set_error (error, PBS_DOCUMENT_ERROR, PBS_DOCUMENT_ERROR_LIMIT,
                       "%s: more than %" G_GSIZE_FORMAT " bytes, more than a table file may have",
                       self->name, max);
          return NULL;
        }
      g_byte_array_append (all, buf, (guint) n);
    }
  if (n < 0)
    {
      self->finished = TRUE;
      g_set_error (error, PBS_DOCUMENT_ERROR, PBS_DOCUMENT_ERROR_IO, "%s: cannot read: %s",
                   self->name, local->message);
      return NULL;
    }
  bytes = g_byte_array_free_to_bytes (g_steal_pointer (&all));
  /* the documents, if any are asked for, are read from the start again */
  g_object_unref (self->input);
  self->input = g_memory_input_stream_new_from_bytes (bytes);
  g_byte_array_set_size (self->cur.bytes, 0);
  g_byte_array_set_size (self->prev.bytes, 0);
  self->cur.offset = self->prev.offset = 0;
  self->cur.line = self->prev.line = 1;
  self->cur.column = self->prev.column = 1;
  self->pos = 0;
  self->eof = FALSE;
  self->peeked = FALSE;
  return bytes;
}

/* Habits of people typing on a Chinese keyboard that libyaml reports in
 * its own words: a full-width colon after a key (title：…) or a tab in the
 * indentation. Looks at the lines held (the two blocks, from the first
 * whole line) up to line @last for the first one and, when found, sets a
 * plain sentence at its line and column. */
static gboolean
typing_habit_fail (PbsYamlStream *self, guint last, GError **error)
{
  g_autoptr (GByteArray) held = g_byte_array_new ();
  const Block *first = self->prev.bytes->len > 0 ? &self->prev : &self->cur;
  const char *p, *end;
  guint64 line_no = first->line;

  if (first == &self->prev)
    g_byte_array_append (held, self->prev.bytes->data, self->prev.bytes->len);
  g_byte_array_append (held, self->cur.bytes->data, self->cur.bytes->len);
  p = (const char *) held->data;
  end = p + held->len;
  if (first->column != 1)
    {
      /* the block starts within a line: begin at the next one */
      const char *nl = memchr (p, '\n', (gsize) (end - p));

      if (nl == NULL)
        return FALSE;
      p = nl + 1;
      line_no++;
    }
  for (guint64 line = line_no; line <= last && p < end; line++)
    {
      const char *eol = memchr (p, '\n', (gsize) (end - p));
      const char *q = p;
      guint column = 1;

      if (eol == NULL)
        eol = end;
      for (; q < eol && (*q == ' ' || *q == '\t'); q++, column++)
        if (*q == '\t')
          {
            g_set_error (error, PBS_DOCUMENT_ERROR, PBS_DOCUMENT_ERROR_SYNTAX,
                         "%s:%u:%u: a tab in the indentation: YAML indents with spaces only; "
                         "replace the tab with spaces", self->name, (guint) line, column);
            return TRUE;
          }
      if (q + 1 < eol && *q == '-' && q[1] == ' ')
        q += 2, column += 2;
      /* A key: text up to a full-width colon, with no ASCII colon, quote
       * or comment before it. */
      for (; q < eol && *q != ':' && *q != '#' && *q != '"' && *q != '\''; q = g_utf8_next_char (q), column++)
        if (eol - q >= 3 && memcmp (q, "\xef\xbc\x9a", 3) == 0)   /* U+FF1A ： */
          {
            if (column == 1 || q == p)
              break;
            g_set_error (error, PBS_DOCUMENT_ERROR, PBS_DOCUMENT_ERROR_SYNTAX,
                         "%s:%u:%u: a full-width colon “：” after a key: type the ASCII colon "
                         "and a space (key: value)", self->name, (guint) line, column);
            return TRUE;
          }
      p = eol + 1;
    }
  return FALSE;
}

static gboolean
yaml_fail (PbsYamlStream *self, GError **error)
{
  const yaml_parser_t *p = &self->parser;
  gboolean utf8 = p->problem != NULL && (strstr (p->problem, "UTF-8") != NULL
                                         || strstr (p->problem, "unicode") != NULL);
  guint line = (guint) p->problem_mark.line + 1, column = (guint) p->problem_mark.column + 1;

  /* Our own reading failed: its error is located already. */
  if (self->read_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&self->read_error));
      return FALSE;
    }
  /* The reader (control characters, bad encodings) gives a byte offset,
   * not a mark. */
  if (p->error == YAML_READER_ERROR)
    {
      place_of (self, p->problem_offset, &line, &column);
      g_set_error (error, PBS_DOCUMENT_ERROR, utf8 ? PBS_DOCUMENT_ERROR_INVALID_UTF8 : PBS_DOCUMENT_ERROR_SYNTAX,
                   "%s:%u:%u: %s", self->name, line, column, p->problem != NULL ? p->problem : "YAML error");
    }
  else if (typing_habit_fail (self, line, error))
    ;
  else if (p->context != NULL)
    g_set_error (error, PBS_DOCUMENT_ERROR, PBS_DOCUMENT_ERROR_SYNTAX, "%s:%u:%u: %s %s (line %u)",
                 self->name, line, column, p->problem, p->context,
                 (guint) p->context_mark.line + 1);
  else
    g_set_error (error, PBS_DOCUMENT_ERROR, PBS_DOCUMENT_ERROR_SYNTAX, "%s:%u:%u: %s",
                 self->name, line, column, p->problem != NULL ? p->problem : "YAML error");
  return FALSE;
}

const char *
pbs_yaml_bom_encoding (const guint8 *p, gsize len, gsize *mark)
{
  static const struct { const char *bom; gsize len; const char *name; } marks[] = {
    /* UTF-32LE's mark begins with UTF-16LE's: the longer one first */
    { "\xFF\xFE\x00\x00", 4, "UTF-32LE" },
    { "\x00\x00\xFE\xFF", 4, "UTF-32BE" },
    { "\xFF\xFE", 2, "UTF-16LE" },
    { "\xFE\xFF", 2, "UTF-16BE" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
    if (len >= marks[i].len && memcmp (p, marks[i].bom, marks[i].len) == 0)
      {
        *mark = marks[i].len;
        return marks[i].name;
      }
  *mark = 0;
  return NULL;
}

/* A UTF-16 or UTF-32 text with its byte-order mark becomes UTF-8 without
 * it, so that everything after (the UTF-8 check, places, the parser) reads
 * one encoding: the first block is looked at, and such a text is read
 * whole, converted, and read again from memory. Bytes that are not text
 * in the encoding are an error at their line and column. */
static gboolean
decode_unicode (PbsYamlStream *self, GError **error)
{
  g_autoptr (GError) local = NULL;
  g_autoptr (GByteArray) all = NULL;
  gsize len, mark, read = 0, written = 0;
  const guint8 *data = self->cur.bytes->data;
  const char *encoding = pbs_yaml_bom_encoding (data, self->cur.bytes->len, &mark);
  char *text;

  if (encoding == NULL)
    return TRUE;
  all = g_byte_array_new ();
  g_byte_array_append (all, self->cur.bytes->data, self->cur.bytes->len);
  while (!self->eof)
    {
      guint8 buf[BLOCK_SIZE];
      gssize n = g_input_stream_read (self->input, buf, sizeof buf, NULL, &local);

      if (n < 0)
        {
          g_set_error (error, PBS_DOCUMENT_ERROR, PBS_DOCUMENT_ERROR_IO, "%s: cannot read: %s",
                       self->name, local->message);
          return FALSE;
        }
      if (n == 0)
        self->eof = TRUE;
      g_byte_array_append (all, buf, (guint) n);
    }
  data = all->data;
  len = all->len;
  text = g_convert ((const char *) data + mark, (gssize) (len - mark), "UTF-8", encoding,
                    &read, &written, &local);
  /* g_convert() leaves a cut character at the end unread, without an error */
  if (text == NULL || read != len - mark)
    {
      g_autofree char *before = g_convert ((const char *) data + mark, (gssize) read, "UTF-8",
                                           encoding, NULL, NULL, NULL);
      g_autoptr (GString) bytes = g_string_new (NULL);
      guint line = 1, column = 1;
      gsize unit = encoding[4] == '3' ? 4 : 2;

      for (const char *p = before; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
        if (*p == '\n')
          line++, column = 1;
        else
          column++;
      for (gsize i = mark + read; i < len && i < mark + read + unit; i++)
        g_string_append_printf (bytes, "%s0x%02x", bytes->len > 0 ? " " : "", data[i]);
      g_set_error (error, PBS_DOCUMENT_ERROR, PBS_DOCUMENT_ERROR_INVALID_UTF8,
                   "%s:%u:%u: the file is not valid %s (%s%s); save it as UTF-8, or as UTF-16 "
                   "or UTF-32 with a byte-order mark", self->name, line, column, encoding,
                   bytes->len > 0 ? "bytes " : "", bytes->len > 0 ? bytes->str : "a cut character at the end");
      g_free (text);
      return FALSE;
    }
  g_object_unref (self->input);
  self->input = g_memory_input_stream_new_from_data (text, (gssize) written, g_free);
  g_byte_array_set_size (self->cur.bytes, 0);
  self->eof = FALSE;
  self->peeked = FALSE;
  self->n_carry = 0;
  return TRUE;
}

static gboolean
limit_fail (PbsYamlStream *self, const yaml_mark_t *mark, const char *what, GError **error)
{
  g_set_error (error, PBS_DOCUMENT_ERROR, PBS_DOCUMENT_ERROR_LIMIT, "%s:%u:%u: %s", self->name,
               (guint) mark->line + 1, (guint) mark->column + 1, what);
  return FALSE;
}

/* Builds the tree of one document, from after DOCUMENT-START up to and
 * including DOCUMENT-END. */
static gboolean
build_tree (PbsYamlStream *self, GError **error)
{
  PbsYamlTree *t = &self->tree;

  tree_reset (self);
  for (;;)
    {
      yaml_event_t ev;
      gboolean ok = TRUE;

      if (!yaml_parser_parse (&self->parser, &ev))
        return yaml_fail (self, error);

      switch (ev.type)
        {
        case YAML_DOCUMENT_END_EVENT:
          yaml_event_delete (&ev);
          return TRUE;

        case YAML_SCALAR_EVENT:
          if (ev.data.scalar.length > MAX_SCALAR)
            ok = limit_fail (self, &ev.start_mark, "a value is longer than 1 MiB", error);
          else if (memchr (ev.data.scalar.value, '\0', ev.data.scalar.length) != NULL)
            {
              /* A "\0" escape: every reader of the tree stops at the first
               * NUL, so the rest would vanish unseen (issue 14). */
              g_set_error (error, PBS_DOCUMENT_ERROR, PBS_DOCUMENT_ERROR_BAD_VALUE,
                           "%s:%u:%u: a value or key holds U+0000 (a \\0 escape), "
                           "which no field may hold", self->name,
                           (guint) ev.start_mark.line + 1, (guint) ev.start_mark.column + 1);
              ok = FALSE;
            }
          else
            {
              guint32 i = new_node (t, PBS_YAML_SCALAR, &ev.start_mark);
              PbsYamlNode *n = node_at (t, i);
              n->plain = ev.data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
              n->first = (guint32) t->text->len;
              n->count = (guint32) ev.data.scalar.length;
              g_string_append_len (t->text, (const char *) ev.data.scalar.value,
                                   (gssize) ev.data.scalar.length);
              g_string_append_c (t->text, '\0');
              add_anchor (self, ev.data.scalar.anchor, i);
              attach (self, i);
            }
          break;

        case YAML_SEQUENCE_START_EVENT:
        case YAML_MAPPING_START_EVENT:
          if (self->open->len / 2 >= MAX_DEPTH)
            ok = limit_fail (self, &ev.start_mark, "nesting is deeper than 64 levels", error);
          else
            {
              guint32 i = new_node (t, ev.type == YAML_MAPPING_START_EVENT ? PBS_YAML_MAPPING : PBS_YAML_SEQUENCE,
                                    &ev.start_mark);
              guint32 frame[2] = { i, self->pending->len };
              const yaml_char_t *anchor = ev.type == YAML_MAPPING_START_EVENT
                                          ? ev.data.mapping_start.anchor : ev.data.sequence_start.anchor;
              g_array_append_vals (self->open, frame, 2);
              if (ev.type == YAML_SEQUENCE_START_EVENT)
                check_rows_list (self, i);
              /* The anchor is registered when the node is complete, so a
               * node cannot contain an alias to itself. */
              g_ptr_array_add (self->open_anchors, anchor != NULL ? g_strdup ((const char *) anchor) : NULL);
            }
          break;

        case YAML_SEQUENCE_END_EVENT:
        case YAML_MAPPING_END_EVENT:
          {
            guint32 i = g_array_index (self->open, guint32, self->open->len - 2);
            guint32 start = g_array_index (self->open, guint32, self->open->len - 1);
            guint32 n = self->pending->len - start;
            guint64 size = 1;
            char *anchor;
            PbsYamlNode *node;

            g_array_set_size (self->open, self->open->len - 2);
            anchor = g_ptr_array_steal_index (self->open_anchors, self->open_anchors->len - 1);
            node = node_at (t, i);
            node->first = t->kids->len;
            node->count = n;
            if (n > 0)
              g_array_append_vals (t->kids, &g_array_index (self->pending, guint32, start), n);
            g_array_set_size (self->pending, start);
            for (guint32 k = 0; k < n; k++)
              size += pbs_yaml_node (t, pbs_yaml_kid (t, i, k))->size;
            node->size = (guint32) MIN (size, (guint64) G_MAXUINT32 / 2);
            if (anchor != NULL)
              g_hash_table_insert (self->anchors, anchor, GUINT_TO_POINTER (i + 1));
            attach (self, i);
          }
          break;

        case YAML_ALIAS_EVENT:
          {
            gpointer idx = NULL;
            const char *anchor = (const char *) ev.data.alias.anchor;

            if (!g_hash_table_lookup_extended (self->anchors, anchor, NULL, &idx)
                || GPOINTER_TO_UINT (idx) == 0)
              {
                g_set_error (error, PBS_DOCUMENT_ERROR, PBS_DOCUMENT_ERROR_SYNTAX,
                             "%s:%u:%u: alias “*%s” names no complete anchor before it",
                             self->name, (guint) ev.start_mark.line + 1,
                             (guint) ev.start_mark.column + 1, anchor);
                ok = FALSE;
                break;
              }
            self->expanded += pbs_yaml_node (t, GPOINTER_TO_UINT (idx) - 1)->size;
            if (self->expanded > MAX_ALIAS_NODES)
              ok = limit_fail (self, &ev.start_mark,
                               "aliases expand to more than 10,000 nodes (a “billion laughs” document?)",
                               error);
            else
              attach (self, GPOINTER_TO_UINT (idx) - 1);
          }
          break;

        default:
          break;
        }
      yaml_event_delete (&ev);
      if (!ok)
        return FALSE;
    }
}

/* Starts libyaml on the first call; FALSE (finished) when it cannot. */
static gboolean
start (PbsYamlStream *self, GError **error)
{
  if (!self->peeked)
    {
      if (!read_block (self))
        {
          g_propagate_error (error, g_steal_pointer (&self->read_error));
          return FALSE;
        }
      self->peeked = TRUE;
    }
  if (!decode_unicode (self, error))
    return FALSE;
  if (!yaml_parser_initialize (&self->parser))
    {
      g_set_error (error, PBS_DOCUMENT_ERROR, PBS_DOCUMENT_ERROR_IO,
                   "%s: cannot start the YAML parser", self->name);
      return FALSE;
    }
  yaml_parser_set_input (&self->parser, read_handler, self);
  self->started = TRUE;
  return TRUE;
}

gboolean
pbs_yaml_stream_next (PbsYamlStream *self, guint32 *root, GError **error)
{
  *root = PBS_YAML_NONE;
  if (self->finished)
    return FALSE;
  if (!self->started && !start (self, error))
    {
      self->finished = TRUE;
      return FALSE;
    }

  for (;;)
    {
      yaml_event_t ev;

      if (!yaml_parser_parse (&self->parser, &ev))
        {
          self->finished = TRUE;
          return yaml_fail (self, error);
        }
      if (ev.type == YAML_STREAM_END_EVENT)
        {
          yaml_event_delete (&ev);
          self->finished = TRUE;
          return FALSE;
        }
      if (ev.type != YAML_DOCUMENT_START_EVENT)
        {
          yaml_event_delete (&ev);
          continue;
        }
      yaml_event_delete (&ev);

      if (!build_tree (self, error))
        {
          self->finished = TRUE;
          return FALSE;
        }
      if (pbs_yaml_is_null (&self->tree, self->tree.root))
        continue;
      *root = self->tree.root;
      return TRUE;
    }
}
