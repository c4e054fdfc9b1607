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

#include "pbs-yaml-source.h"
#include "pbs-yaml-tree.h"

#define MAX_DEPTH          64
#define MAX_SCALAR         (1024 * 1024)
#define MAX_ALIAS_NODES    10000

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
  PbsYamlSource *source;
  gboolean       ahead;       /* parse on a thread of its own */
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
new_node (PbsYamlTree *t, PbsYamlNodeType type, const PbsYamlEvent *ev)
{
  PbsYamlNode n = { 0 };

  n.type = type;
  n.line = ev->line;
  n.column = ev->column;
  n.size = 1;
  g_array_append_val (t->nodes, n);
  return t->nodes->len - 1;
}

static void
add_anchor (PbsYamlStream *self, const char *anchor, guint32 index)
{
  if (anchor != NULL)
    g_hash_table_insert (self->anchors, g_strdup (anchor), GUINT_TO_POINTER (index + 1));
}

/* --------------------------------------------------------------- stream */

/* Takes @name, @dir and @input. */
static PbsYamlStream *
stream_new (char *name, char *dir, GInputStream *input)
{
  PbsYamlStream *self = g_new0 (PbsYamlStream, 1);

  self->name = name;
  self->dir = dir;
  self->source = pbs_yaml_source_new (input, name);
  g_object_unref (input);
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
  pbs_yaml_source_free (self->source);
  g_array_unref (self->tree.nodes);
  g_array_unref (self->tree.kids);
  g_string_free (self->tree.text, TRUE);
  g_hash_table_unref (self->anchors);
  g_array_unref (self->open);
  g_array_unref (self->pending);
  g_ptr_array_unref (self->open_anchors);
  g_free (self->name);
  g_free (self->dir);
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

GBytes *
pbs_yaml_stream_peek (PbsYamlStream *self, GError **error)
{
  GBytes *head;

  g_return_val_if_fail (!self->started, NULL);

  if ((head = pbs_yaml_source_peek (self->source, error)) == NULL)
    self->finished = TRUE;
  return head;
}

GBytes *
pbs_yaml_stream_read_all (PbsYamlStream *self, gsize max, GError **error)
{
  GBytes *all;

  g_return_val_if_fail (!self->started, NULL);

  if ((all = pbs_yaml_source_read_all (self->source, max, error)) == NULL)
    self->finished = TRUE;
  return all;
}

void
pbs_yaml_stream_set_ahead (PbsYamlStream *self, gboolean ahead)
{
  g_return_if_fail (!self->started);

  self->ahead = ahead;
}

/* ------------------------------------------------------------- parsing */
static gboolean
limit_fail (PbsYamlStream *self, const PbsYamlEvent *ev, const char *what, GError **error)
{
  g_set_error (error, PBS_DOCUMENT_ERROR, PBS_DOCUMENT_ERROR_LIMIT, "%s:%u:%u: %s", self->name,
               ev->line, ev->column, what);
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
      const PbsYamlEvent *ev = pbs_yaml_source_next (self->source, error);
      gboolean ok = TRUE;

      if (ev == NULL)
        return FALSE;

      switch (ev->type)
        {
        case YAML_DOCUMENT_END_EVENT:
          return TRUE;

        case YAML_SCALAR_EVENT:
          if (ev->length > MAX_SCALAR)
            ok = limit_fail (self, ev, "a value is longer than 1 MiB", error);
          else if (memchr (ev->value, '\0', ev->length) != NULL)
            {
              /* A "\0" escape: every reader of the tree stops at the first
               * NUL, so the rest would vanish unseen (issue 14). */
              g_set_error (error, PBS_DOCUMENT_ERROR, PBS_DOCUMENT_ERROR_BAD_VALUE,
                           "%s:%u:%u: a value or key holds U+0000 (a \\0 escape), "
                           "which no field may hold", self->name,
                           ev->line, ev->column);
              ok = FALSE;
            }
          else
            {
              guint32 i = new_node (t, PBS_YAML_SCALAR, ev);
              PbsYamlNode *n = node_at (t, i);
              n->plain = ev->plain;
              n->first = (guint32) t->text->len;
              n->count = (guint32) ev->length;
              g_string_append_len (t->text, ev->value,
                                   (gssize) ev->length);
              g_string_append_c (t->text, '\0');
              add_anchor (self, ev->anchor, i);
              attach (self, i);
            }
          break;

        case YAML_SEQUENCE_START_EVENT:
        case YAML_MAPPING_START_EVENT:
          if (self->open->len / 2 >= MAX_DEPTH)
            ok = limit_fail (self, ev, "nesting is deeper than 64 levels", error);
          else
            {
              guint32 i = new_node (t, ev->type == YAML_MAPPING_START_EVENT ? PBS_YAML_MAPPING : PBS_YAML_SEQUENCE,
                                    ev);
              guint32 frame[2] = { i, self->pending->len };
              const char *anchor = ev->anchor;
              g_array_append_vals (self->open, frame, 2);
              if (ev->type == YAML_SEQUENCE_START_EVENT)
                check_rows_list (self, i);
              /* The anchor is registered when the node is complete, so a
               * node cannot contain an alias to itself. */
              g_ptr_array_add (self->open_anchors, g_strdup (anchor));
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
            const char *anchor = ev->anchor;

            if (!g_hash_table_lookup_extended (self->anchors, anchor, NULL, &idx)
                || GPOINTER_TO_UINT (idx) == 0)
              {
                g_set_error (error, PBS_DOCUMENT_ERROR, PBS_DOCUMENT_ERROR_SYNTAX,
                             "%s:%u:%u: alias “*%s” names no complete anchor before it",
                             self->name, ev->line,
                             ev->column, anchor);
                ok = FALSE;
                break;
              }
            self->expanded += pbs_yaml_node (t, GPOINTER_TO_UINT (idx) - 1)->size;
            if (self->expanded > MAX_ALIAS_NODES)
              ok = limit_fail (self, ev,
                               "aliases expand to more than 10,000 nodes (a “billion laughs” document?)",
                               error);
            else
              attach (self, GPOINTER_TO_UINT (idx) - 1);
          }
          break;

        default:
          break;
        }
      if (!ok)
        return FALSE;
    }
}

gboolean
pbs_yaml_stream_next (PbsYamlStream *self, guint32 *root, GError **error)
{
  *root = PBS_YAML_NONE;
  if (self->finished)
    return FALSE;
  if (!self->started)
    {
      self->started = TRUE;
      if (!pbs_yaml_source_start (self->source, self->ahead, error))
        {
          self->finished = TRUE;
          return FALSE;
        }
    }

  for (;;)
    {
      const PbsYamlEvent *ev = pbs_yaml_source_next (self->source, error);

      if (ev == NULL)
        {
          self->finished = TRUE;
          return FALSE;
        }
      if (ev->type == YAML_STREAM_END_EVENT)
        {
          self->finished = TRUE;
          return FALSE;
        }
      if (ev->type != YAML_DOCUMENT_START_EVENT)
        continue;
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
