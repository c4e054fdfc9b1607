/* pbs-document.c - reading YAML documents: evaluations, templates, policies
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * libyaml's event parser feeds a compact node tree per document (nodes in
 * one array, scalar bytes in one buffer), which is then read against the
 * format of doc/format.md with the place of every node at hand for error
 * messages. Hostile input is bounded while the tree is built: nesting
 * depth, scalar length and the number of nodes reached through aliases.
 */
#include "config.h"

#include <string.h>
#include <yaml.h>

#include "pbs-nick.h"
#include "pbs-datadir.h"
#include "pbs-evaluation-private.h"
#include "pbs-indicator-private.h"
#include "pbs-budget-private.h"
#include "pbs-template-private.h"
#include "pbs-policy-private.h"
#include "pbs-decimal-private.h"
#include "pbs-import.h"

#define MAX_DEPTH          64
#define MAX_SCALAR         (1024 * 1024)
#define MAX_ALIAS_NODES    10000
#define NONE               G_MAXUINT32

/* ------------------------------------------------------------ node tree */

typedef enum {
  NODE_SCALAR,
  NODE_SEQUENCE,
  NODE_MAPPING,
} NodeType;

typedef struct {
  guint8  type;
  guint8  plain;     /* a scalar written without quotes */
  guint32 line;      /* 1-based */
  guint32 column;    /* 1-based, in characters */
  guint32 first;     /* scalar: offset in text; collection: index in kids */
  guint32 count;     /* scalar: length; collection: number of kids */
  guint32 size;      /* nodes in the subtree (saturating), for alias limits */
} Node;

typedef struct {
  GArray     *nodes;     /* Node */
  GArray     *kids;      /* guint32: children of collections, contiguous */
  GString    *text;      /* scalar bytes, each NUL-terminated */
  GHashTable *anchors;   /* char* → GUINT_TO_POINTER (index + 1) */
  GArray     *open;      /* guint32 pairs: collection node, start in pending */
  GArray     *pending;   /* guint32: children of open collections */
  GPtrArray  *open_anchors; /* char*: the anchor of each open collection, or NULL */
  guint32     root;
  guint       expanded;  /* nodes reached through aliases so far */
} Tree;

static void
tree_init (Tree *t)
{
  t->nodes = g_array_new (FALSE, FALSE, sizeof (Node));
  t->kids = g_array_new (FALSE, FALSE, sizeof (guint32));
  t->text = g_string_new (NULL);
  t->anchors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  t->open = g_array_new (FALSE, FALSE, sizeof (guint32));
  t->pending = g_array_new (FALSE, FALSE, sizeof (guint32));
  t->open_anchors = g_ptr_array_new_with_free_func (g_free);
  t->root = NONE;
  t->expanded = 0;
}

static void
tree_reset (Tree *t)
{
  g_array_set_size (t->nodes, 0);
  g_array_set_size (t->kids, 0);
  g_string_truncate (t->text, 0);
  g_hash_table_remove_all (t->anchors);
  g_array_set_size (t->open, 0);
  g_array_set_size (t->pending, 0);
  g_ptr_array_set_size (t->open_anchors, 0);
  t->root = NONE;
  t->expanded = 0;
}

static void
tree_clear (Tree *t)
{
  g_array_unref (t->nodes);
  g_array_unref (t->kids);
  g_string_free (t->text, TRUE);
  g_hash_table_unref (t->anchors);
  g_array_unref (t->open);
  g_array_unref (t->pending);
  g_ptr_array_unref (t->open_anchors);
}

static inline Node *
node_at (const Tree *t, guint32 i)
{
  return &g_array_index (t->nodes, Node, i);
}

static inline const char *
scalar_text (const Tree *t, guint32 i)
{
  return t->text->str + node_at (t, i)->first;
}

static inline guint32
kid (const Tree *t, guint32 i, guint32 k)
{
  return g_array_index (t->kids, guint32, node_at (t, i)->first + k);
}

/* Attaches a finished node to the open collection, or makes it the root. */
static void
attach (Tree *t, guint32 index)
{
  if (t->open->len > 0)
    g_array_append_val (t->pending, index);
  else
    t->root = index;
}

static guint32
new_node (Tree *t, NodeType type, const yaml_mark_t *mark)
{
  Node n = { 0 };

  n.type = type;
  n.line = (guint32) mark->line + 1;
  n.column = (guint32) mark->column + 1;
  n.size = 1;
  g_array_append_val (t->nodes, n);
  return t->nodes->len - 1;
}

static void
add_anchor (Tree *t, const yaml_char_t *anchor, guint32 index)
{
  if (anchor != NULL)
    g_hash_table_insert (t->anchors, g_strdup ((const char *) anchor), GUINT_TO_POINTER (index + 1));
}

/* ------------------------------------------------------------- documents */

/**
 * PbsDocument:
 *
 * One YAML document read by a #PbsReader: an evaluation, a template or a
 * policy, with the line it starts on.
 *
 * Since: 0.1
 */
struct _PbsDocument
{
  gatomicrefcount  ref_count;
  PbsDocumentKind  kind;
  guint            line;
  PbsEvaluation   *evaluation;
  PbsTemplate     *template_;
  PbsPolicy       *policy;
};

G_DEFINE_BOXED_TYPE (PbsDocument, pbs_document, pbs_document_ref, pbs_document_unref)

/**
 * pbs_document_ref:
 * @self: a #PbsDocument
 *
 * Takes a reference on the document.
 *
 * Returns: (transfer full): @self, with one more reference
 *
 * Since: 0.1
 */
PbsDocument *
pbs_document_ref (PbsDocument *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

/**
 * pbs_document_unref:
 * @self: (transfer full): a #PbsDocument
 *
 * Drops a reference; the last one frees @self.
 *
 * Since: 0.1
 */
void
pbs_document_unref (PbsDocument *self)
{
  g_return_if_fail (self != NULL);
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_clear_object (&self->evaluation);
  g_clear_pointer (&self->template_, pbs_template_unref);
  g_clear_pointer (&self->policy, pbs_policy_unref);
  g_free (self);
}

/**
 * pbs_document_get_kind:
 * @self: a #PbsDocument
 *
 * Gets the kind of the document.
 *
 * The kind says which of pbs_document_get_evaluation(),
 * pbs_document_get_template() and pbs_document_get_policy() gives the
 * content; the other two give %NULL.
 *
 * Returns: what the document holds
 *
 * Since: 0.1
 */
PbsDocumentKind
pbs_document_get_kind (PbsDocument *self)
{
  g_return_val_if_fail (self != NULL, PBS_DOCUMENT_EVALUATION);
  return self->kind;
}

/**
 * pbs_document_get_line:
 * @self: a #PbsDocument
 *
 * Gets the line the document starts on in its stream.
 *
 * Returns: the 1-based line the document starts on
 *
 * Since: 0.1
 */
guint
pbs_document_get_line (PbsDocument *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->line;
}

/**
 * pbs_document_get_evaluation:
 * @self: a #PbsDocument
 *
 * Gets the evaluation the document holds.
 *
 * Returns: (transfer none) (nullable): the evaluation, for
 *   %PBS_DOCUMENT_EVALUATION
 *
 * Since: 0.1
 */
PbsEvaluation *
pbs_document_get_evaluation (PbsDocument *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->evaluation;
}

/**
 * pbs_document_get_template:
 * @self: a #PbsDocument
 *
 * Gets the template the document holds.
 *
 * Returns: (transfer none) (nullable): the template, for
 *   %PBS_DOCUMENT_TEMPLATE
 *
 * Since: 0.1
 */
PbsTemplate *
pbs_document_get_template (PbsDocument *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->template_;
}

/**
 * pbs_document_get_policy:
 * @self: a #PbsDocument
 *
 * Gets the policy the document holds.
 *
 * Returns: (transfer none) (nullable): the policy, for %PBS_DOCUMENT_POLICY
 *
 * Since: 0.1
 */
PbsPolicy *
pbs_document_get_policy (PbsDocument *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->policy;
}

/* --------------------------------------------------------------- reader */

/**
 * PbsReader:
 *
 * Reads the YAML documents of a file or a buffer one after another
 * (doc/format.md): a batch of millions of indicators streams through one
 * document at a time. Errors are #PBS_DOCUMENT_ERROR with
 * `FILE:LINE:COLUMN:` and the row they concern; after an error the reader
 * is finished.
 *
 * Since: 0.1
 */
struct _PbsReader
{
  GObject        parent_instance;
  char          *name;        /* for messages */
  char          *dir;         /* for relative template and policy paths */
  GBytes        *data;
  yaml_parser_t  parser;
  gboolean       started;
  gboolean       finished;
  Tree           tree;
  GHashTable    *templates;   /* reference text → PbsTemplate */
  GHashTable    *policies;    /* reference text → PbsPolicy */
  GPtrArray     *tables;      /* evaluations of a table file (pbs-import.c) */
  guint          next_table;
};

G_DEFINE_FINAL_TYPE (PbsReader, pbs_reader, G_TYPE_OBJECT)

static void
pbs_reader_finalize (GObject *object)
{
  PbsReader *self = PBS_READER (object);

  if (self->started)
    yaml_parser_delete (&self->parser);
  tree_clear (&self->tree);
  g_free (self->name);
  g_free (self->dir);
  g_bytes_unref (self->data);
  g_hash_table_unref (self->templates);
  g_hash_table_unref (self->policies);
  g_clear_pointer (&self->tables, g_ptr_array_unref);
  G_OBJECT_CLASS (pbs_reader_parent_class)->finalize (object);
}

static void
pbs_reader_class_init (PbsReaderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pbs_reader_finalize;
}

static void
pbs_reader_init (PbsReader *self)
{
  tree_init (&self->tree);
  self->templates = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           (GDestroyNotify) pbs_template_unref);
  self->policies = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) pbs_policy_unref);
}

/**
 * pbs_reader_new_for_path:
 * @path: a YAML file
 * @error: return location for a #GError, or %NULL
 *
 * Opens @path (mapped, not copied) for reading its documents. Messages
 * name the file as @path is written.
 *
 * Returns: (transfer full) (nullable): a reader, or %NULL with
 *   %PBS_DOCUMENT_ERROR_IO
 *
 * Since: 0.1
 */
PbsReader *
pbs_reader_new_for_path (const char *path, GError **error)
{
  g_autoptr (GError) local = NULL;
  GMappedFile *mapped;
  GBytes *data;
  PbsReader *self;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, PBS_DOCUMENT_ERROR, PBS_DOCUMENT_ERROR_IO,
                   "%s: is a folder, not a YAML file", path);
      return NULL;
    }
  /* A regular file is mapped, not copied; a pipe (/dev/stdin, <(…))
   * cannot be mapped and is read whole. */
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR) && g_file_test (path, G_FILE_TEST_EXISTS))
    {
      char *contents = NULL;
      gsize length = 0;

      if (!g_file_get_contents (path, &contents, &length, &local))
        {
          g_set_error (error, PBS_DOCUMENT_ERROR, PBS_DOCUMENT_ERROR_IO, "%s", local->message);
          return NULL;
        }
      data = g_bytes_new_take (contents, length);
    }
  else
    {
      mapped = g_mapped_file_new (path, FALSE, &local);
      if (mapped == NULL)
        {
          g_set_error (error, PBS_DOCUMENT_ERROR, PBS_DOCUMENT_ERROR_IO, "%s", local->message);
          return NULL;
        }
      data = g_mapped_file_get_length (mapped) > 0 ? g_mapped_file_get_bytes (mapped)
                                                   : g_bytes_new_static ("", 0);
      g_mapped_file_unref (mapped);
    }
  self = g_object_new (PBS_TYPE_READER, NULL);
  self->name = g_strdup (path);
  self->dir = g_path_get_dirname (path);
  self->data = data;
  return self;
}

/**
 * pbs_reader_new_for_data:
 * @data: (array length=length) (element-type guint8): YAML text
 * @length: its length in bytes, or -1 when NUL-terminated
 * @name: (nullable): the name messages give it (default `<data>`);
 *   relative template and policy paths are taken from the current folder
 *
 * Reads documents from memory; @data is copied.
 *
 * Returns: (transfer full): a reader
 *
 * Since: 0.1
 */
PbsReader *
pbs_reader_new_for_data (const char *data, gssize length, const char *name)
{
  PbsReader *self;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length < 0)
    length = (gssize) strlen (data);
  self = g_object_new (PBS_TYPE_READER, NULL);
  self->name = g_strdup (name != NULL ? name : "<data>");
  self->dir = g_strdup (".");
  self->data = g_bytes_new (data, (gsize) length);
  return self;
}

/* ----------------------------------------------------------- conversion */

typedef struct {
  PbsReader  *reader;
  Tree       *t;
  guint       row;        /* current indicator, 1-based; 0 outside rows */
  const char *row_name;
} Conv;

/* Sets @error to "FILE:LINE:COLUMN: [row N (name): ]message". */
static gboolean G_GNUC_PRINTF (5, 6)
fail (const Conv *c, GError **error, guint32 node, int code, const char *format, ...)
{
  g_autofree char *msg = NULL;
  g_autofree char *row = NULL;
  const Node *n = node != NONE ? node_at (c->t, node) : NULL;
  va_list args;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  if (c->row > 0)
    row = g_strdup_printf ("row %u (%s): ", c->row, c->row_name != NULL ? c->row_name : "?");
  g_set_error (error, PBS_DOCUMENT_ERROR, code, "%s:%u:%u: %s%s", c->reader->name,
               n != NULL ? n->line : 1, n != NULL ? n->column : 1, row != NULL ? row : "", msg);
  return FALSE;
}

static gboolean
is_null (const Conv *c, guint32 node)
{
  const Node *n;
  const char *s;

  if (node == NONE)
    return TRUE;
  n = node_at (c->t, node);
  if (n->type != NODE_SCALAR || !n->plain)
    return FALSE;
  s = scalar_text (c->t, node);
  return *s == '\0' || strcmp (s, "~") == 0 || strcmp (s, "null") == 0
         || strcmp (s, "Null") == 0 || strcmp (s, "NULL") == 0;
}

static const char *
node_kind_name (const Conv *c, guint32 node)
{
  switch (node_at (c->t, node)->type)
    {
    case NODE_MAPPING:
      return "a mapping";
    case NODE_SEQUENCE:
      return "a list";
    case NODE_SCALAR:
    default:
      return "a single value";
    }
}

/* Edit distance of two short ASCII keys, for "did you mean". */
static guint
distance (const char *a, const char *b)
{
  guint la = (guint) MIN (strlen (a), 63), lb = (guint) MIN (strlen (b), 63);
  guint d[64][64];

  for (guint i = 0; i <= la; i++)
    d[i][0] = i;
  for (guint j = 0; j <= lb; j++)
    d[0][j] = j;
  for (guint i = 1; i <= la; i++)
    for (guint j = 1; j <= lb; j++)
      d[i][j] = MIN (MIN (d[i - 1][j] + 1, d[i][j - 1] + 1),
                     d[i - 1][j - 1] + (a[i - 1] != b[j - 1]));
  return d[la][lb];
}

static const char *
nearest (const char *key, const char * const *known)
{
  const char *best = NULL;
  guint best_d = G_MAXUINT;

  for (guint i = 0; known[i] != NULL; i++)
    {
      guint d = distance (key, known[i]);
      if (d < best_d)
        {
          best_d = d;
          best = known[i];
        }
    }
  return best_d <= MAX (2u, (guint) strlen (key) / 3) ? best : NULL;
}

/* Reads a mapping against its known keys: values[i] is the node of
 * known[i], or NONE. Unknown and duplicate keys are errors at the key. */
static gboolean
read_mapping (const Conv *c, guint32 node, const char *what, const char * const *known,
              guint32 *values, GError **error)
{
  const Node *n = node_at (c->t, node);
  guint nk = g_strv_length ((char **) known);

  for (guint i = 0; i < nk; i++)
    values[i] = NONE;
  if (n->type != NODE_MAPPING)
    return fail (c, error, node, PBS_DOCUMENT_ERROR_WRONG_TYPE,
                 "%s must be a mapping of keys, not %s", what, node_kind_name (c, node));

  for (guint32 k = 0; k + 1 < n->count; k += 2)
    {
      guint32 key = kid (c->t, node, k), value = kid (c->t, node, k + 1);
      const char *name;
      guint i;

      if (node_at (c->t, key)->type != NODE_SCALAR)
        return fail (c, error, key, PBS_DOCUMENT_ERROR_WRONG_TYPE,
                     "a key of %s must be a single word, not %s", what, node_kind_name (c, key));
      name = scalar_text (c->t, key);
      for (i = 0; i < nk; i++)
        if (strcmp (name, known[i]) == 0)
          break;
      if (i == nk)
        {
          const char *hint = nearest (name, known);
          if (hint != NULL)
            return fail (c, error, key, PBS_DOCUMENT_ERROR_UNKNOWN_KEY,
                         "unknown key “%s” in %s (did you mean “%s”?)", name, what, hint);
          return fail (c, error, key, PBS_DOCUMENT_ERROR_UNKNOWN_KEY,
                       "unknown key “%s” in %s", name, what);
        }
      if (values[i] != NONE)
        return fail (c, error, key, PBS_DOCUMENT_ERROR_DUPLICATE_KEY,
                     "key “%s” is given twice in %s", name, what);
      values[i] = value;
    }
  return TRUE;
}

static gboolean
require (const Conv *c, guint32 mapping, guint32 value, const char *key, const char *what,
         GError **error)
{
  if (!is_null (c, value))
    return TRUE;
  return fail (c, error, value != NONE ? value : mapping, PBS_DOCUMENT_ERROR_MISSING_FIELD,
               "%s needs “%s”", what, key);
}

static gboolean
get_string (const Conv *c, guint32 node, const char *key, const char **out, GError **error)
{
  if (node_at (c->t, node)->type != NODE_SCALAR)
    return fail (c, error, node, PBS_DOCUMENT_ERROR_WRONG_TYPE,
                 "“%s” must be a single value, not %s", key, node_kind_name (c, node));
  *out = scalar_text (c->t, node);
  return TRUE;
}

/* An exact decimal from a YAML number or string ("1,354.10"). */
static gboolean
get_decimal (const Conv *c, guint32 node, const char *key, gboolean non_negative,
             PbsDecimal *out, GError **error)
{
  g_autoptr (GError) local = NULL;
  const char *s;
  const Node *n = node_at (c->t, node);

  if (!get_string (c, node, key, &s, error))
    return FALSE;
  if (n->plain)
    {
      const char *p = (*s == '+' || *s == '-') ? s + 1 : s;
      if (g_ascii_strcasecmp (p, ".nan") == 0 || g_ascii_strcasecmp (p, ".inf") == 0)
        return fail (c, error, node, PBS_DOCUMENT_ERROR_OUT_OF_RANGE,
                     "“%s” must be a finite number, not %s", key, s);
    }
  if (!pbs_decimal_parse (s, out, &local))
    {
      if (g_error_matches (local, PBS_VALUE_ERROR, PBS_VALUE_ERROR_OVERFLOW))
        return fail (c, error, node, PBS_DOCUMENT_ERROR_OUT_OF_RANGE,
                     "“%s”: %s", key, local->message);
      if (strpbrk (s, "eE") != NULL && g_ascii_isdigit (*s))
        return fail (c, error, node, PBS_DOCUMENT_ERROR_WRONG_TYPE,
                     "“%s” must be written without an exponent: %s", key, s);
      return fail (c, error, node, PBS_DOCUMENT_ERROR_WRONG_TYPE,
                   "“%s” must be a number, not “%s”", key, s);
    }
  if (non_negative && pbs_decimal_sign (out) < 0)
    return fail (c, error, node, PBS_DOCUMENT_ERROR_OUT_OF_RANGE,
                 "“%s” must not be negative: %s", key, s);
  return TRUE;
}

static gboolean
get_bool (const Conv *c, guint32 node, const char *key, gboolean *out, GError **error)
{
  static const char * const yes[] = { "true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON" };
  static const char * const no[] = { "false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF" };
  const char *s;

  if (!get_string (c, node, key, &s, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (yes); i++)
    if (strcmp (s, yes[i]) == 0 || strcmp (s, no[i]) == 0)
      {
        *out = strcmp (s, yes[i]) == 0;
        return TRUE;
      }
  return fail (c, error, node, PBS_DOCUMENT_ERROR_WRONG_TYPE,
               "“%s” must be true or false, not “%s”", key, s);
}

static gboolean
get_uint (const Conv *c, guint32 node, const char *key, guint min, guint max, guint *out,
          GError **error)
{
  const char *s;
  guint64 v;

  if (!get_string (c, node, key, &s, error))
    return FALSE;
  if (!g_ascii_string_to_unsigned (s, 10, 0, G_MAXUINT64, &v, NULL))
    return fail (c, error, node, PBS_DOCUMENT_ERROR_WRONG_TYPE,
                 "“%s” must be a whole number, not “%s”", key, s);
  if (v < min || v > max)
    return fail (c, error, node, PBS_DOCUMENT_ERROR_OUT_OF_RANGE,
                 "“%s” must be between %u and %u, not %s", key, min, max, s);
  *out = (guint) v;
  return TRUE;
}

/* A relative template or policy reference: a path when it has a slash or
 * ends in .yaml, relative to the document's folder. */
static char *
resolve_path (const Conv *c, const char *ref)
{
  if (strchr (ref, '/') == NULL && !g_str_has_suffix (ref, ".yaml"))
    return NULL;
  if (g_path_is_absolute (ref))
    return g_strdup (ref);
  return g_build_filename (c->reader->dir, ref, NULL);
}

static PbsTemplate *
resolve_template (const Conv *c, guint32 node, const char *ref, GError **error)
{
  g_autoptr (GError) local = NULL;
  g_autofree char *path = resolve_path (c, ref);
  PbsTemplate *t = g_hash_table_lookup (c->reader->templates, ref);

  if (t != NULL)
    return pbs_template_ref (t);
  t = path != NULL ? pbs_template_load_file (path, &local) : pbs_template_lookup (ref, &local);
  if (t == NULL)
    {
      fail (c, error, node, PBS_DOCUMENT_ERROR_UNKNOWN_TEMPLATE,
            "cannot use template “%s”: %s", ref, local->message);
      return NULL;
    }
  g_hash_table_insert (c->reader->templates, g_strdup (ref), pbs_template_ref (t));
  return t;
}

static PbsPolicy *
resolve_policy (const Conv *c, guint32 node, const char *ref, GError **error)
{
  g_autoptr (GError) local = NULL;
  g_autofree char *path = resolve_path (c, ref);
  PbsPolicy *p = g_hash_table_lookup (c->reader->policies, ref);

  if (p != NULL)
    return pbs_policy_ref (p);
  p = path != NULL ? pbs_policy_load_file (path, &local) : pbs_policy_lookup (ref, &local);
  if (p == NULL)
    {
      fail (c, error, node, PBS_DOCUMENT_ERROR_UNKNOWN_POLICY,
            "cannot use policy “%s”: %s", ref, local->message);
      return NULL;
    }
  g_hash_table_insert (c->reader->policies, g_strdup (ref), pbs_policy_ref (p));
  return p;
}

/* ------------------------------------------------------------ evaluation */

static const char * const budget_keys[] = {
  "initial", "annual", "executed", "points", "printed_score", NULL
};
enum { B_INITIAL, B_ANNUAL, B_EXECUTED, B_POINTS, B_PRINTED, B_N };

static PbsBudget *
read_budget (const Conv *c, guint32 node, GError **error)
{
  guint32 v[B_N];
  PbsDecimal annual, executed, d;
  g_autoptr (PbsBudget) b = NULL;

  if (!read_mapping (c, node, "the budget", budget_keys, v, error)
      || !require (c, node, v[B_ANNUAL], "annual", "the budget", error)
      || !require (c, node, v[B_EXECUTED], "executed", "the budget", error)
      || !get_decimal (c, v[B_ANNUAL], "annual", TRUE, &annual, error)
      || !get_decimal (c, v[B_EXECUTED], "executed", TRUE, &executed, error))
    return NULL;
  b = pbs_budget_new (&annual, &executed);
  if (!is_null (c, v[B_INITIAL]))
    {
      if (!get_decimal (c, v[B_INITIAL], "initial", TRUE, &d, error))
        return NULL;
      pbs_budget_set_initial (b, &d);
    }
  if (!is_null (c, v[B_POINTS]))
    {
      if (!get_decimal (c, v[B_POINTS], "points", TRUE, &d, error))
        return NULL;
      pbs_budget_set_points (b, &d);
    }
  if (!is_null (c, v[B_PRINTED]))
    {
      if (!get_decimal (c, v[B_PRINTED], "printed_score", FALSE, &d, error))
        return NULL;
      pbs_budget_set_printed_score (b, &d);
    }
  return g_steal_pointer (&b);
}

static const char * const indicator_keys[] = {
  "level1", "level2", "name", "target", "actual", "points", "reason", "manual_score",
  "printed_score", "not_applicable", "band", "rule", "parent",
  /* output keys, accepted and ignored (doc/format.md) */
  "score", "status", "flags", "explanation", "ratio",
  NULL
};
enum { I_LEVEL1, I_LEVEL2, I_NAME, I_TARGET, I_ACTUAL, I_POINTS, I_REASON, I_MANUAL,
       I_PRINTED, I_NA, I_BAND, I_RULE, I_PARENT, I_N = 18 };

static gboolean
set_value_at (const Conv *c, guint32 node, const char *key, PbsValue *slot, GError **error)
{
  g_autoptr (GError) local = NULL;
  const char *s = NULL;

  if (!get_string (c, node, key, &s, error))
    return FALSE;
  if (!pbs_value_init_parse (slot, s, &local))
    return fail (c, error, node, PBS_DOCUMENT_ERROR_BAD_VALUE, "%s: %s", key, local->message);
  return TRUE;
}

static const char * const rule_keys[] = { "kind", "per", "deduct", "steps", "of", "bands", NULL };
enum { R_KIND, R_PER, R_DEDUCT, R_STEPS, R_OF, R_BANDS, R_N };
static const char * const band_keys[] = { "min", "max", "score", NULL };

/* Looks @s up among the nicks of @type; FALSE with BAD_VALUE when absent. */
static gboolean
get_nick (const Conv *c, guint32 node, const char *key, GType type, int *out, GError **error)
{
  g_autofree char *choices = NULL;
  const char *s = NULL;

  if (!get_string (c, node, key, &s, error))
    return FALSE;
  if (pbs_enum_from_nick (type, s, out))
    return TRUE;
  choices = pbs_enum_dup_nicks (type);
  return fail (c, error, node, PBS_DOCUMENT_ERROR_BAD_VALUE, "“%s” must be one of %s, not “%s”",
               key, choices, s);
}

/* `rule:` — step deduction or bands (rule book §9, doc/format.md). */
static gboolean
read_rule (const Conv *c, guint32 node, PbsIndicator *ind, GError **error)
{
  const char *what = "a rule", *kind = NULL;
  guint32 v[R_N];

  if (!read_mapping (c, node, what, rule_keys, v, error)
      || !require (c, node, v[R_KIND], "kind", what, error)
      || !get_string (c, v[R_KIND], "kind", &kind, error))
    return FALSE;

  if (strcmp (kind, "step") == 0)
    {
      PbsDecimal per, deduct;
      int mode = PBS_STEP_EXACT;

      if (v[R_OF] != NONE || v[R_BANDS] != NONE)
        return fail (c, error, v[R_OF] != NONE ? v[R_OF] : v[R_BANDS], PBS_DOCUMENT_ERROR_UNKNOWN_KEY,
                     "“%s” belongs to a band rule, not a step rule", v[R_OF] != NONE ? "of" : "bands");

      if (!require (c, node, v[R_PER], "per", "a step rule", error)
          || !require (c, node, v[R_DEDUCT], "deduct", "a step rule", error)
          || !get_decimal (c, v[R_PER], "per", TRUE, &per, error)
          || !get_decimal (c, v[R_DEDUCT], "deduct", TRUE, &deduct, error)
          || (!is_null (c, v[R_STEPS]) && !get_nick (c, v[R_STEPS], "steps", PBS_TYPE_STEP_MODE, &mode, error)))
        return FALSE;
      if (pbs_decimal_sign (&per) == 0)
        return fail (c, error, v[R_PER], PBS_DOCUMENT_ERROR_OUT_OF_RANGE, "“per” must be above 0");
      pbs_indicator_set_step (ind, &per, &deduct, mode);
      return TRUE;
    }
  if (strcmp (kind, "bands") == 0)
    {
      int of = PBS_BANDS_OF_DEVIATION;
      guint32 list;

      for (guint k = R_PER; k <= R_STEPS; k++)
        if (v[k] != NONE)
          return fail (c, error, v[k], PBS_DOCUMENT_ERROR_UNKNOWN_KEY,
                       "“%s” belongs to a step rule, not a band rule", rule_keys[k]);

      if (!require (c, node, v[R_BANDS], "bands", "a band rule", error)
          || (!is_null (c, v[R_OF]) && !get_nick (c, v[R_OF], "of", PBS_TYPE_BANDS_MEASURE, &of, error)))
        return FALSE;
      list = v[R_BANDS];
      if (node_at (c->t, list)->type != NODE_SEQUENCE || node_at (c->t, list)->count == 0)
        return fail (c, error, list, PBS_DOCUMENT_ERROR_WRONG_TYPE,
                     "“bands” must be a list of bands such as {max: 10, score: 5}");
      pbs_indicator_set_score_bands (ind, of);
      for (guint32 i = 0; i < node_at (c->t, list)->count; i++)
        {
          guint32 band = kid (c->t, list, i), w[3];
          PbsDecimal min, max, score;

          if (!read_mapping (c, band, "a band", band_keys, w, error)
              || !require (c, band, w[2], "score", "a band", error)
              || !get_decimal (c, w[2], "score", TRUE, &score, error)
              || (!is_null (c, w[0]) && !get_decimal (c, w[0], "min", FALSE, &min, error))
              || (!is_null (c, w[1]) && !get_decimal (c, w[1], "max", FALSE, &max, error)))
            return FALSE;
          pbs_indicator_add_score_band (ind, is_null (c, w[0]) ? NULL : &min,
                                        is_null (c, w[1]) ? NULL : &max, &score);
        }
      return TRUE;
    }
  return fail (c, error, v[R_KIND], PBS_DOCUMENT_ERROR_BAD_VALUE,
               "a rule's kind must be step or bands, not “%s”", kind);
}

static PbsIndicator *
read_indicator (Conv *c, guint32 node, PbsTemplate *template_, GError **error)
{
  static const struct { const char *word; PbsBand band; } bands[] = {
    { "met", PBS_BAND_MET }, { "partial", PBS_BAND_PARTIAL }, { "unmet", PBS_BAND_UNMET },
    { "达成", PBS_BAND_MET }, { "部分达成", PBS_BAND_PARTIAL }, { "未达成", PBS_BAND_UNMET },
  };
  const char *what = "an indicator";
  guint32 v[I_N];
  const char *level1, *level2, *name, *s;
  PbsDecimal points, d;
  g_autoptr (PbsIndicator) ind = NULL;

  /* Name the row in every message, once its name can be read. */
  if (node_at (c->t, node)->type == NODE_MAPPING)
    for (guint32 k = 0; k + 1 < node_at (c->t, node)->count; k += 2)
      {
        guint32 key = kid (c->t, node, k), value = kid (c->t, node, k + 1);
        if (node_at (c->t, key)->type == NODE_SCALAR && strcmp (scalar_text (c->t, key), "name") == 0
            && node_at (c->t, value)->type == NODE_SCALAR)
          c->row_name = scalar_text (c->t, value);
      }

  if (!read_mapping (c, node, what, indicator_keys, v, error)
      || !require (c, node, v[I_LEVEL1], "level1", what, error)
      || !require (c, node, v[I_LEVEL2], "level2", what, error)
      || !require (c, node, v[I_NAME], "name", what, error)
      || !require (c, node, v[I_TARGET], "target", what, error)
      || !require (c, node, v[I_POINTS], "points", what, error)
      || !get_string (c, v[I_LEVEL1], "level1", &level1, error)
      || !get_string (c, v[I_LEVEL2], "level2", &level2, error)
      || !get_string (c, v[I_NAME], "name", &name, error)
      || !get_decimal (c, v[I_POINTS], "points", TRUE, &points, error))
    return NULL;

  if (template_ != NULL && !pbs_template_allows (template_, level1, NULL))
    {
      fail (c, error, v[I_LEVEL1], PBS_DOCUMENT_ERROR_TEMPLATE_MISMATCH,
            "template %s has no level-1 category “%s”", pbs_template_get_name (template_), level1);
      return NULL;
    }
  if (template_ != NULL && !pbs_template_allows (template_, level1, level2))
    {
      fail (c, error, v[I_LEVEL2], PBS_DOCUMENT_ERROR_TEMPLATE_MISMATCH,
            "template %s does not allow “%s” under “%s”", pbs_template_get_name (template_),
            level2, level1);
      return NULL;
    }

  ind = pbs_indicator_new (level1, level2, name, &points);
  ind->line = node_at (c->t, node)->line;
  ind->column = node_at (c->t, node)->column;
  if (!set_value_at (c, v[I_TARGET], "target", &ind->target, error))
    return NULL;
  if (!is_null (c, v[I_ACTUAL]) && !set_value_at (c, v[I_ACTUAL], "actual", &ind->actual, error))
    return NULL;
  pbs_indicator_refresh (ind);
  if (!is_null (c, v[I_REASON]))
    {
      if (!get_string (c, v[I_REASON], "reason", &s, error))
        return NULL;
      pbs_indicator_set_reason (ind, s);
    }
  if (!is_null (c, v[I_MANUAL]))
    {
      if (!get_decimal (c, v[I_MANUAL], "manual_score", TRUE, &d, error))
        return NULL;
      pbs_indicator_set_manual_score (ind, &d);
    }
  if (!is_null (c, v[I_PRINTED]))
    {
      if (!get_decimal (c, v[I_PRINTED], "printed_score", FALSE, &d, error))
        return NULL;
      pbs_indicator_set_printed_score (ind, &d);
    }
  if (!is_null (c, v[I_NA]))
    {
      gboolean na = FALSE;
      if (!get_bool (c, v[I_NA], "not_applicable", &na, error))
        return NULL;
      pbs_indicator_set_not_applicable (ind, na);
    }
  if (!is_null (c, v[I_BAND]))
    {
      guint i;
      if (!get_string (c, v[I_BAND], "band", &s, error))
        return NULL;
      for (i = 0; i < G_N_ELEMENTS (bands) && strcmp (s, bands[i].word) != 0; i++)
        ;
      if (i == G_N_ELEMENTS (bands))
        {
          fail (c, error, v[I_BAND], PBS_DOCUMENT_ERROR_BAD_VALUE,
                "band must be met, partial or unmet, not “%s”", s);
          return NULL;
        }
      pbs_indicator_set_band (ind, bands[i].band);
    }
  if (!is_null (c, v[I_PARENT]))
    {
      if (!get_string (c, v[I_PARENT], "parent", &s, error))
        return NULL;
      pbs_indicator_set_parent (ind, s);
    }
  /* `rule:` as a mapping is a rule of the row's own; as a single word it
   * is the name a scored document gives the rule used (output, ignored). */
  if (!is_null (c, v[I_RULE]) && node_at (c->t, v[I_RULE])->type != NODE_SCALAR)
    {
      if (!read_rule (c, v[I_RULE], ind, error))
        return NULL;
    }
  else if (template_ != NULL)
    pbs_template_apply_rule (template_, ind);
  return g_steal_pointer (&ind);
}

static gboolean
has_row_named (PbsEvaluation *e, const char *name)
{
  for (guint i = 0; i < pbs_evaluation_get_n_indicators (e); i++)
    if (strcmp (pbs_indicator_get_name (pbs_evaluation_get_indicator (e, i)), name) == 0)
      return TRUE;
  return FALSE;
}

/* The value node of a row's `parent:` key, for the error's place. */
static guint32
parent_node (const Conv *c, guint32 row)
{
  const Node *n = node_at (c->t, row);

  for (guint32 k = 0; k + 1 < n->count; k += 2)
    if (node_at (c->t, kid (c->t, row, k))->type == NODE_SCALAR
        && strcmp (scalar_text (c->t, kid (c->t, row, k)), "parent") == 0)
      return kid (c->t, row, k + 1);
  return row;
}

static const char * const evaluation_keys[] = {
  "pbscore", "kind", "title", "department", "unit", "year", "currency", "template", "policy",
  "budget", "indicators", "printed_total", "result", NULL
};
enum { E_PBSCORE, E_KIND, E_TITLE, E_DEPARTMENT, E_UNIT, E_YEAR, E_CURRENCY, E_TEMPLATE,
       E_POLICY, E_BUDGET, E_INDICATORS, E_PRINTED_TOTAL, E_RESULT, E_N };

static PbsEvaluation *
read_evaluation (Conv *c, guint32 root, GError **error)
{
  const char *what = "an evaluation";
  g_autoptr (PbsEvaluation) e = pbs_evaluation_new ();
  g_autoptr (PbsTemplate) template_ = NULL;
  g_autoptr (PbsPolicy) policy = NULL;
  g_autoptr (PbsBudget) budget = NULL;
  const char *s, *template_ref = NULL, *policy_ref = NULL;
  guint32 v[E_N], list;
  guint year = 0;

  if (!read_mapping (c, root, what, evaluation_keys, v, error)
      || !require (c, root, v[E_TITLE], "title", what, error)
      || !require (c, root, v[E_BUDGET], "budget", what, error)
      || !require (c, root, v[E_INDICATORS], "indicators", what, error)
      || !get_string (c, v[E_TITLE], "title", &s, error))
    return NULL;
  pbs_evaluation_set_title (e, s);
  if (!is_null (c, v[E_DEPARTMENT]))
    {
      if (!get_string (c, v[E_DEPARTMENT], "department", &s, error))
        return NULL;
      pbs_evaluation_set_department (e, s);
    }
  if (!is_null (c, v[E_UNIT]))
    {
      if (!get_string (c, v[E_UNIT], "unit", &s, error))
        return NULL;
      pbs_evaluation_set_unit (e, s);
    }
  if (!is_null (c, v[E_YEAR]))
    {
      if (!get_uint (c, v[E_YEAR], "year", 1900, 2999, &year, error))
        return NULL;
      pbs_evaluation_set_year (e, year);
    }
  if (!is_null (c, v[E_CURRENCY]))
    {
      if (!get_string (c, v[E_CURRENCY], "currency", &s, error))
        return NULL;
      if (strcmp (s, "元") == 0)
        pbs_evaluation_set_currency (e, PBS_CURRENCY_YUAN);
      else if (strcmp (s, "万元") == 0)
        pbs_evaluation_set_currency (e, PBS_CURRENCY_WAN_YUAN);
      else
        {
          fail (c, error, v[E_CURRENCY], PBS_DOCUMENT_ERROR_BAD_VALUE,
                "currency must be 元 or 万元, not “%s”", s);
          return NULL;
        }
    }
  if (!is_null (c, v[E_TEMPLATE]))
    {
      if (!get_string (c, v[E_TEMPLATE], "template", &template_ref, error)
          || (template_ = resolve_template (c, v[E_TEMPLATE], template_ref, error)) == NULL)
        return NULL;
      pbs_evaluation_set_template (e, template_);
    }
  if (!is_null (c, v[E_POLICY]))
    {
      if (!get_string (c, v[E_POLICY], "policy", &policy_ref, error)
          || (policy = resolve_policy (c, v[E_POLICY], policy_ref, error)) == NULL)
        return NULL;
      pbs_evaluation_set_policy (e, policy);
    }
  pbs_evaluation_set_refs (e, template_ref, policy_ref);
  if (!is_null (c, v[E_PRINTED_TOTAL]))
    {
      PbsDecimal total;
      if (!get_decimal (c, v[E_PRINTED_TOTAL], "printed_total", FALSE, &total, error))
        return NULL;
      pbs_evaluation_set_printed_total (e, &total);
    }

  if ((budget = read_budget (c, v[E_BUDGET], error)) == NULL)
    return NULL;
  pbs_evaluation_set_budget (e, budget);

  list = v[E_INDICATORS];
  if (node_at (c->t, list)->type != NODE_SEQUENCE)
    {
      if (is_null (c, list))
        return g_steal_pointer (&e);
      fail (c, error, list, PBS_DOCUMENT_ERROR_WRONG_TYPE,
            "“indicators” must be a list of rows (each starting with “- ”), not %s",
            node_kind_name (c, list));
      return NULL;
    }
  for (guint32 i = 0; i < node_at (c->t, list)->count; i++)
    {
      PbsIndicator *ind;

      c->row = i + 1;
      c->row_name = NULL;
      ind = read_indicator (c, kid (c->t, list, i), template_, error);
      if (ind == NULL)
        return NULL;
      if (pbs_indicator_get_parent (ind) != NULL && !has_row_named (e, pbs_indicator_get_parent (ind)))
        {
          fail (c, error, parent_node (c, kid (c->t, list, i)), PBS_DOCUMENT_ERROR_BAD_VALUE,
                "parent “%s” names no row above this one", pbs_indicator_get_parent (ind));
          pbs_indicator_unref (ind);
          return NULL;
        }
      pbs_evaluation_add_indicator (e, ind);
      pbs_indicator_unref (ind);
    }
  c->row = 0;
  return g_steal_pointer (&e);
}

/* -------------------------------------------------------------- template */

static const char * const template_keys[] = {
  "pbscore", "kind", "name", "title", "source", "total", "budget_points", "level1",
  "generic_indicators", NULL
};
enum { T_PBSCORE, T_KIND, T_NAME, T_TITLE, T_SOURCE, T_TOTAL, T_BUDGET, T_LEVEL1, T_GENERIC, T_N };

static const char * const level1_keys[] = { "name", "points", "level2", NULL };
static const char * const level2_keys[] = { "name", "suggested", NULL };

/* Reads a list of single values into a NULL-terminated array. */
static gboolean
read_names (const Conv *c, guint32 node, const char *key, GPtrArray *out, GError **error)
{
  if (is_null (c, node))
    return TRUE;
  if (node_at (c->t, node)->type != NODE_SEQUENCE)
    return fail (c, error, node, PBS_DOCUMENT_ERROR_WRONG_TYPE,
                 "“%s” must be a list, not %s", key, node_kind_name (c, node));
  for (guint32 i = 0; i < node_at (c->t, node)->count; i++)
    {
      const char *s;
      if (!get_string (c, kid (c->t, node, i), key, &s, error))
        return FALSE;
      g_ptr_array_add (out, (gpointer) s);
    }
  return TRUE;
}

static const char * const suggested_keys[] = { "name", "rule", NULL };

/* `suggested:` — names, or {name, rule} whose rule rows of that name take
 * when they have none of their own. */
static gboolean
read_suggested (const Conv *c, PbsTemplate *t, guint32 node, GPtrArray *out, GError **error)
{
  if (is_null (c, node))
    return TRUE;
  if (node_at (c->t, node)->type != NODE_SEQUENCE)
    return fail (c, error, node, PBS_DOCUMENT_ERROR_WRONG_TYPE,
                 "“suggested” must be a list, not %s", node_kind_name (c, node));
  for (guint32 i = 0; i < node_at (c->t, node)->count; i++)
    {
      guint32 item = kid (c->t, node, i), w[2];
      const char *name = NULL;
      PbsDecimal zero;
      g_autoptr (PbsIndicator) carrier = NULL;

      if (node_at (c->t, item)->type == NODE_SCALAR)
        {
          g_ptr_array_add (out, (gpointer) scalar_text (c->t, item));
          continue;
        }
      if (!read_mapping (c, item, "a suggested indicator", suggested_keys, w, error)
          || !require (c, item, w[0], "name", "a suggested indicator", error)
          || !get_string (c, w[0], "name", &name, error))
        return FALSE;
      g_ptr_array_add (out, (gpointer) name);
      if (is_null (c, w[1]))
        continue;
      pbs_decimal_init (&zero, 0, 0);
      carrier = pbs_indicator_new ("", "", name, &zero);
      if (!read_rule (c, w[1], carrier, error))
        return FALSE;
      pbs_template_add_rule (t, carrier);
    }
  return TRUE;
}

static PbsTemplate *
read_template (Conv *c, guint32 root, GError **error)
{
  const char *what = "a template";
  g_autoptr (PbsTemplate) t = pbs_template_new_empty ();
  g_autoptr (GPtrArray) names = g_ptr_array_new ();
  guint32 v[T_N], list;
  const char *s;

  if (!read_mapping (c, root, what, template_keys, v, error)
      || !require (c, root, v[T_NAME], "name", what, error)
      || !require (c, root, v[T_TITLE], "title", what, error)
      || !require (c, root, v[T_LEVEL1], "level1", what, error)
      || !get_string (c, v[T_NAME], "name", &s, error))
    return NULL;
  g_free (t->name);
  t->name = g_strdup (s);
  if (!get_string (c, v[T_TITLE], "title", &s, error))
    return NULL;
  g_free (t->title);
  t->title = g_strdup (s);
  if (!is_null (c, v[T_SOURCE]))
    {
      if (!get_string (c, v[T_SOURCE], "source", &s, error))
        return NULL;
      g_free (t->source);
      t->source = g_strdup (s);
    }
  if (!is_null (c, v[T_TOTAL]) && !get_decimal (c, v[T_TOTAL], "total", TRUE, &t->total, error))
    return NULL;
  if (!is_null (c, v[T_BUDGET]))
    {
      if (!get_decimal (c, v[T_BUDGET], "budget_points", TRUE, &t->budget_points, error))
        return NULL;
      t->has_budget_points = TRUE;
    }
  if (!read_names (c, v[T_GENERIC], "generic_indicators", names, error))
    return NULL;
  for (guint i = 0; i < names->len; i++)
    pbs_template_add_generic (t, g_ptr_array_index (names, i));

  list = v[T_LEVEL1];
  if (node_at (c->t, list)->type != NODE_SEQUENCE)
    {
      fail (c, error, list, PBS_DOCUMENT_ERROR_WRONG_TYPE,
            "“level1” must be a list of categories, not %s", node_kind_name (c, list));
      return NULL;
    }
  for (guint32 i = 0; i < node_at (c->t, list)->count; i++)
    {
      guint32 l1 = kid (c->t, list, i), w[3], l2list;
      const char *name;
      PbsDecimal points;

      if (!read_mapping (c, l1, "a level-1 category", level1_keys, w, error)
          || !require (c, l1, w[0], "name", "a level-1 category", error)
          || !require (c, l1, w[2], "level2", "a level-1 category", error)
          || !get_string (c, w[0], "name", &name, error))
        return NULL;
      if (!is_null (c, w[1]) && !get_decimal (c, w[1], "points", TRUE, &points, error))
        return NULL;
      pbs_template_add_level1 (t, name, is_null (c, w[1]) ? NULL : &points);

      l2list = w[2];
      if (node_at (c->t, l2list)->type != NODE_SEQUENCE)
        {
          fail (c, error, l2list, PBS_DOCUMENT_ERROR_WRONG_TYPE,
                "“level2” must be a list of categories, not %s", node_kind_name (c, l2list));
          return NULL;
        }
      for (guint32 j = 0; j < node_at (c->t, l2list)->count; j++)
        {
          guint32 l2 = kid (c->t, l2list, j), u[2];
          g_autoptr (GPtrArray) suggested = g_ptr_array_new ();

          if (node_at (c->t, l2)->type == NODE_SCALAR)
            name = scalar_text (c->t, l2);
          else if (!read_mapping (c, l2, "a level-2 category", level2_keys, u, error)
                   || !require (c, l2, u[0], "name", "a level-2 category", error)
                   || !get_string (c, u[0], "name", &name, error)
                   || !read_suggested (c, t, u[1], suggested, error))
            return NULL;
          g_ptr_array_add (suggested, NULL);
          pbs_template_add_level2 (t, name, (const char * const *) suggested->pdata);
        }
    }
  return g_steal_pointer (&t);
}

/* ---------------------------------------------------------------- policy */

/* A policy document: `name`, `extends` and knobs, each knob `a.b` written
 * as key `b` under mapping `a` (or as the dotted key itself). */
static PbsPolicy *
read_policy (Conv *c, guint32 root, GError **error)
{
  const Node *n = node_at (c->t, root);
  g_autoptr (PbsPolicy) p = NULL;
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  const char * const *knobs = pbs_policy_list_knobs ();
  const char *name = NULL, *extends = "central";
  guint32 name_node = NONE, extends_node = NONE, grades_key = NONE;

  if (n->type != NODE_MAPPING)
    return fail (c, error, root, PBS_DOCUMENT_ERROR_WRONG_TYPE,
                 "a policy must be a mapping of keys, not %s", node_kind_name (c, root)), NULL;

  /* First pass: the document's own keys, so `extends` applies first. */
  for (guint32 k = 0; k + 1 < n->count; k += 2)
    {
      guint32 key = kid (c->t, root, k), value = kid (c->t, root, k + 1);
      const char *s = node_at (c->t, key)->type == NODE_SCALAR ? scalar_text (c->t, key) : "";

      if (strcmp (s, "name") == 0 || strcmp (s, "extends") == 0)
        {
          if ((strcmp (s, "name") == 0 ? name_node : extends_node) != NONE)
            return fail (c, error, key, PBS_DOCUMENT_ERROR_DUPLICATE_KEY,
                         "key “%s” is given twice in a policy", s), NULL;
          if (strcmp (s, "name") == 0)
            name_node = value;
          else
            extends_node = value;
        }
    }
  if (extends_node != NONE && !is_null (c, extends_node)
      && !get_string (c, extends_node, "extends", &extends, error))
    return NULL;
  p = pbs_policy_new_preset (extends, NULL);
  if (p == NULL)
    return fail (c, error, extends_node, PBS_DOCUMENT_ERROR_UNKNOWN_POLICY,
                 "no policy preset is called “%s” (known: central, yunnan-baoshan, ningxia, "
                 "guangxi, shanxi)", extends), NULL;
  if (name_node != NONE && !is_null (c, name_node))
    {
      if (!get_string (c, name_node, "name", &name, error))
        return NULL;
      pbs_policy_set_name (p, name);
    }

  for (guint32 k = 0; k + 1 < n->count; k += 2)
    {
      guint32 key = kid (c->t, root, k), value = kid (c->t, root, k + 1);
      const char *group;

      if (node_at (c->t, key)->type != NODE_SCALAR)
        return fail (c, error, key, PBS_DOCUMENT_ERROR_WRONG_TYPE,
                     "a key of a policy must be a single word"), NULL;
      group = scalar_text (c->t, key);
      if (strcmp (group, "pbscore") == 0 || strcmp (group, "kind") == 0
          || strcmp (group, "name") == 0 || strcmp (group, "extends") == 0)
        continue;

      /* Either a dotted knob, or a group whose keys are knobs. */
      guint32 pairs = 1, single[2] = { key, value };
      gboolean dotted = strchr (group, '.') != NULL;
      const Node *gn = node_at (c->t, value);

      if (!dotted)
        {
          if (gn->type != NODE_MAPPING)
            {
              g_autofree char *prefix = g_strconcat (group, ".", NULL);
              for (guint i = 0; knobs[i] != NULL; i++)
                if (g_str_has_prefix (knobs[i], prefix))
                  return fail (c, error, value, PBS_DOCUMENT_ERROR_WRONG_TYPE,
                               "“%s” must be a mapping of knobs (such as %s)", group, knobs[i]), NULL;
              return fail (c, error, key, PBS_DOCUMENT_ERROR_UNKNOWN_KEY,
                           "unknown key “%s” in a policy", group), NULL;
            }
          pairs = gn->count / 2;
        }
      for (guint32 j = 0; j < pairs; j++)
        {
          guint32 kk = dotted ? single[0] : kid (c->t, value, 2 * j);
          guint32 vv = dotted ? single[1] : kid (c->t, value, 2 * j + 1);
          g_autofree char *knob = NULL;
          g_autoptr (GError) local = NULL;
          const char *text;

          if (node_at (c->t, kk)->type != NODE_SCALAR)
            return fail (c, error, kk, PBS_DOCUMENT_ERROR_WRONG_TYPE,
                         "a knob name must be a single word"), NULL;
          knob = dotted ? g_strdup (group) : g_strconcat (group, ".", scalar_text (c->t, kk), NULL);
          if (pbs_policy_knob_describe (knob) == NULL)
            {
              const char *hint = nearest (knob, knobs);
              return fail (c, error, kk, PBS_DOCUMENT_ERROR_UNKNOWN_KEY,
                           "unknown policy knob “%s”%s%s%s", knob, hint ? " (did you mean “" : "",
                           hint ? hint : "", hint ? "”?)" : ""), NULL;
            }
          if (grades_key == NONE && g_str_has_prefix (knob, "grades."))
            grades_key = kk;
          if (!g_hash_table_add (seen, (gpointer) g_intern_string (knob)))
            return fail (c, error, kk, PBS_DOCUMENT_ERROR_DUPLICATE_KEY,
                         "knob “%s” is given twice", knob), NULL;
          if (!get_string (c, vv, knob, &text, error))
            return NULL;
          if (!pbs_policy_set_unchecked (p, knob, text, &local))
            return fail (c, error, vv, g_error_matches (local, PBS_POLICY_ERROR, PBS_POLICY_ERROR_OUT_OF_RANGE)
                                       ? PBS_DOCUMENT_ERROR_OUT_OF_RANGE : PBS_DOCUMENT_ERROR_BAD_VALUE,
                         "%s", local->message), NULL;
        }
    }
  {
    g_autoptr (GError) local = NULL;
    if (!pbs_policy_validate (p, &local))
      return fail (c, error, grades_key != NONE ? grades_key : root, PBS_DOCUMENT_ERROR_OUT_OF_RANGE,
                   "%s", local->message), NULL;
  }
  return g_steal_pointer (&p);
}

/* -------------------------------------------------------------- the root */

static PbsDocument *
read_document (Conv *c, guint32 root, GError **error)
{
  static const char * const kinds[] = { "evaluation", "template", "policy" };
  const Node *n = node_at (c->t, root);
  guint32 version = NONE, kind = NONE;
  PbsDocumentKind k = PBS_DOCUMENT_EVALUATION;
  g_autoptr (PbsDocument) doc = NULL;
  const char *s;

  if (n->type != NODE_MAPPING)
    return fail (c, error, root, PBS_DOCUMENT_ERROR_WRONG_TYPE,
                 "a document must be a mapping of keys starting with “pbscore: 1”, not %s",
                 node_kind_name (c, root)), NULL;
  for (guint32 i = 0; i + 1 < n->count; i += 2)
    {
      guint32 key = kid (c->t, root, i);
      if (node_at (c->t, key)->type != NODE_SCALAR)
        continue;
      if (strcmp (scalar_text (c->t, key), "pbscore") == 0 && version == NONE)
        version = kid (c->t, root, i + 1);
      else if (strcmp (scalar_text (c->t, key), "kind") == 0 && kind == NONE)
        kind = kid (c->t, root, i + 1);
    }
  if (is_null (c, version))
    return fail (c, error, root, PBS_DOCUMENT_ERROR_MISSING_FIELD,
                 "a document needs “pbscore: 1” (the format version)"), NULL;
  if (node_at (c->t, version)->type != NODE_SCALAR || strcmp (scalar_text (c->t, version), "1") != 0)
    return fail (c, error, version, PBS_DOCUMENT_ERROR_VERSION,
                 "this pbscore reads format 1, not “%s”",
                 node_at (c->t, version)->type == NODE_SCALAR ? scalar_text (c->t, version) : "?"), NULL;
  if (!is_null (c, kind))
    {
      guint i;
      if (!get_string (c, kind, "kind", &s, error))
        return NULL;
      for (i = 0; i < G_N_ELEMENTS (kinds) && strcmp (s, kinds[i]) != 0; i++)
        ;
      if (i == G_N_ELEMENTS (kinds))
        return fail (c, error, kind, PBS_DOCUMENT_ERROR_VERSION,
                     "kind must be evaluation, template or policy, not “%s”", s), NULL;
      k = (PbsDocumentKind) i;
    }

  doc = g_new0 (PbsDocument, 1);
  g_atomic_ref_count_init (&doc->ref_count);
  doc->kind = k;
  doc->line = n->line;
  switch (k)
    {
    case PBS_DOCUMENT_EVALUATION:
      doc->evaluation = read_evaluation (c, root, error);
      if (doc->evaluation != NULL)
        pbs_evaluation_set_source (doc->evaluation, c->reader->name, n->line, n->column);
      return doc->evaluation != NULL ? g_steal_pointer (&doc) : NULL;
    case PBS_DOCUMENT_TEMPLATE:
      doc->template_ = read_template (c, root, error);
      return doc->template_ != NULL ? g_steal_pointer (&doc) : NULL;
    case PBS_DOCUMENT_POLICY:
    default:
      doc->policy = read_policy (c, root, error);
      return doc->policy != NULL ? g_steal_pointer (&doc) : NULL;
    }
}

/* ------------------------------------------------------------- parsing */

/* The 1-based line and column (in characters) of byte @offset. */
static void
place_of (PbsReader *self, gsize offset, guint *line, guint *column)
{
  gsize len;
  const char *data = g_bytes_get_data (self->data, &len), *end, *p;

  end = data + MIN (offset, len);
  *line = 1;
  *column = 1;
  for (p = data; p < end; p = g_utf8_next_char (p))
    {
      if (*p == '\n')
        (*line)++, *column = 1;
      else
        (*column)++;
    }
}

static gboolean
yaml_fail (PbsReader *self, GError **error)
{
  const yaml_parser_t *p = &self->parser;
  gboolean utf8 = p->problem != NULL && (strstr (p->problem, "UTF-8") != NULL
                                         || strstr (p->problem, "unicode") != NULL);
  guint line = (guint) p->problem_mark.line + 1, column = (guint) p->problem_mark.column + 1;

  /* The reader (control characters, bad encodings) gives a byte offset,
   * not a mark. */
  if (p->error == YAML_READER_ERROR)
    {
      place_of (self, p->problem_offset, &line, &column);
      g_set_error (error, PBS_DOCUMENT_ERROR, utf8 ? PBS_DOCUMENT_ERROR_INVALID_UTF8 : PBS_DOCUMENT_ERROR_SYNTAX,
                   "%s:%u:%u: %s", self->name, line, column, p->problem != NULL ? p->problem : "YAML error");
    }
  else if (p->context != NULL)
    g_set_error (error, PBS_DOCUMENT_ERROR, PBS_DOCUMENT_ERROR_SYNTAX, "%s:%u:%u: %s %s (line %u)",
                 self->name, line, column, p->problem, p->context,
                 (guint) p->context_mark.line + 1);
  else
    g_set_error (error, PBS_DOCUMENT_ERROR, PBS_DOCUMENT_ERROR_SYNTAX, "%s:%u:%u: %s",
                 self->name, line, column, p->problem != NULL ? p->problem : "YAML error");
  return FALSE;
}

/* Finds the line and column of the first invalid UTF-8 byte. */
static gboolean
check_utf8 (PbsReader *self, GError **error)
{
  gsize len;
  const char *data = g_bytes_get_data (self->data, &len), *end;
  guint line, column;

  if (g_utf8_validate_len (data, len, &end))
    return TRUE;
  place_of (self, (gsize) (end - data), &line, &column);
  g_set_error (error, PBS_DOCUMENT_ERROR, PBS_DOCUMENT_ERROR_INVALID_UTF8,
               "%s:%u:%u: the file is not valid UTF-8 (byte 0x%02x); save it as UTF-8",
               self->name, line, column, (guint) (guchar) *end);
  return FALSE;
}

static gboolean
limit_fail (PbsReader *self, const yaml_mark_t *mark, const char *what, GError **error)
{
  g_set_error (error, PBS_DOCUMENT_ERROR, PBS_DOCUMENT_ERROR_LIMIT, "%s:%u:%u: %s", self->name,
               (guint) mark->line + 1, (guint) mark->column + 1, what);
  return FALSE;
}

/* Builds the tree of one document, from after DOCUMENT-START up to and
 * including DOCUMENT-END. */
static gboolean
build_tree (PbsReader *self, GError **error)
{
  Tree *t = &self->tree;

  tree_reset (t);
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
          else
            {
              guint32 i = new_node (t, NODE_SCALAR, &ev.start_mark);
              Node *n = node_at (t, i);
              n->plain = ev.data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
              n->first = (guint32) t->text->len;
              n->count = (guint32) ev.data.scalar.length;
              g_string_append_len (t->text, (const char *) ev.data.scalar.value,
                                   (gssize) ev.data.scalar.length);
              g_string_append_c (t->text, '\0');
              add_anchor (t, ev.data.scalar.anchor, i);
              attach (t, i);
            }
          break;

        case YAML_SEQUENCE_START_EVENT:
        case YAML_MAPPING_START_EVENT:
          if (t->open->len / 2 >= MAX_DEPTH)
            ok = limit_fail (self, &ev.start_mark, "nesting is deeper than 64 levels", error);
          else
            {
              guint32 i = new_node (t, ev.type == YAML_MAPPING_START_EVENT ? NODE_MAPPING : NODE_SEQUENCE,
                                    &ev.start_mark);
              guint32 frame[2] = { i, t->pending->len };
              const yaml_char_t *anchor = ev.type == YAML_MAPPING_START_EVENT
                                          ? ev.data.mapping_start.anchor : ev.data.sequence_start.anchor;
              g_array_append_vals (t->open, frame, 2);
              /* The anchor is registered when the node is complete, so a
               * node cannot contain an alias to itself. */
              g_ptr_array_add (t->open_anchors, anchor != NULL ? g_strdup ((const char *) anchor) : NULL);
            }
          break;

        case YAML_SEQUENCE_END_EVENT:
        case YAML_MAPPING_END_EVENT:
          {
            guint32 i = g_array_index (t->open, guint32, t->open->len - 2);
            guint32 start = g_array_index (t->open, guint32, t->open->len - 1);
            guint32 n = t->pending->len - start;
            guint64 size = 1;
            char *anchor;
            Node *node;

            g_array_set_size (t->open, t->open->len - 2);
            anchor = g_ptr_array_steal_index (t->open_anchors, t->open_anchors->len - 1);
            node = node_at (t, i);
            node->first = t->kids->len;
            node->count = n;
            if (n > 0)
              g_array_append_vals (t->kids, &g_array_index (t->pending, guint32, start), n);
            g_array_set_size (t->pending, start);
            for (guint32 k = 0; k < n; k++)
              size += node_at (t, kid (t, i, k))->size;
            node->size = (guint32) MIN (size, (guint64) G_MAXUINT32 / 2);
            if (anchor != NULL)
              g_hash_table_insert (t->anchors, anchor, GUINT_TO_POINTER (i + 1));
            attach (t, i);
          }
          break;

        case YAML_ALIAS_EVENT:
          {
            gpointer idx = NULL;
            const char *anchor = (const char *) ev.data.alias.anchor;

            if (!g_hash_table_lookup_extended (t->anchors, anchor, NULL, &idx)
                || GPOINTER_TO_UINT (idx) == 0)
              {
                g_set_error (error, PBS_DOCUMENT_ERROR, PBS_DOCUMENT_ERROR_SYNTAX,
                             "%s:%u:%u: alias “*%s” names no complete anchor before it",
                             self->name, (guint) ev.start_mark.line + 1,
                             (guint) ev.start_mark.column + 1, anchor);
                ok = FALSE;
                break;
              }
            t->expanded += node_at (t, GPOINTER_TO_UINT (idx) - 1)->size;
            if (t->expanded > MAX_ALIAS_NODES)
              ok = limit_fail (self, &ev.start_mark,
                               "aliases expand to more than 10,000 nodes (a “billion laughs” document?)",
                               error);
            else
              attach (t, GPOINTER_TO_UINT (idx) - 1);
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

/**
 * pbs_reader_next:
 * @self: a #PbsReader
 * @error: return location for a #GError, or %NULL
 *
 * Reads the next document. Empty documents are skipped.
 *
 * Returns: (transfer full) (nullable): the next document; %NULL at the end
 *   of the input (with @error unset) or on an error (with @error set)
 *
 * Since: 0.1
 */
PbsDocument *
pbs_reader_next (PbsReader *self, GError **error)
{
  g_return_val_if_fail (PBS_IS_READER (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (self->finished)
    return NULL;
  /* A workbook, Word document, web page or CSV file: its evaluations,
   * read whole by pbs-import.c (doc/import.md). */
  if (!self->started && self->tables == NULL
      && !pbs_import_read (self->name, self->data, &self->tables, error))
    {
      self->finished = TRUE;
      return NULL;
    }
  if (self->tables != NULL)
    {
      PbsDocument *doc;

      if (self->next_table >= self->tables->len)
        {
          self->finished = TRUE;
          return NULL;
        }
      doc = g_new0 (PbsDocument, 1);
      g_atomic_ref_count_init (&doc->ref_count);
      doc->kind = PBS_DOCUMENT_EVALUATION;
      doc->evaluation = g_object_ref (g_ptr_array_index (self->tables, self->next_table++));
      return doc;
    }
  if (!self->started)
    {
      gsize len;
      const guchar *data = g_bytes_get_data (self->data, &len);

      if (!check_utf8 (self, error) || !yaml_parser_initialize (&self->parser))
        {
          if (error != NULL && *error == NULL)
            g_set_error (error, PBS_DOCUMENT_ERROR, PBS_DOCUMENT_ERROR_IO,
                         "%s: cannot start the YAML parser", self->name);
          self->finished = TRUE;
          return NULL;
        }
      yaml_parser_set_input_string (&self->parser, data != NULL ? data : (const guchar *) "", len);
      self->started = TRUE;
    }

  for (;;)
    {
      yaml_event_t ev;
      Conv c = { self, &self->tree, 0, NULL };
      PbsDocument *doc;

      if (!yaml_parser_parse (&self->parser, &ev))
        {
          self->finished = TRUE;
          yaml_fail (self, error);
          return NULL;
        }
      if (ev.type == YAML_STREAM_END_EVENT)
        {
          yaml_event_delete (&ev);
          self->finished = TRUE;
          return NULL;
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
          return NULL;
        }
      if (self->tree.root == NONE || is_null (&c, self->tree.root))
        continue;
      doc = read_document (&c, self->tree.root, error);
      if (doc == NULL)
        self->finished = TRUE;
      return doc;
    }
}

/* --------------------------------------------------------- conveniences */

static PbsDocument *
read_single (const char *path, PbsDocumentKind kind, const char *what, GError **error)
{
  g_autoptr (PbsReader) reader = pbs_reader_new_for_path (path, error);
  g_autoptr (PbsDocument) doc = NULL;

  if (reader == NULL)
    return NULL;
  doc = pbs_reader_next (reader, error);
  if (doc == NULL)
    {
      if (error == NULL || *error == NULL)
        g_set_error (error, PBS_DOCUMENT_ERROR, PBS_DOCUMENT_ERROR_MISSING_FIELD,
                     "%s:1:1: the file holds no document", path);
      return NULL;
    }
  if (doc->kind != kind)
    {
      g_set_error (error, PBS_DOCUMENT_ERROR, PBS_DOCUMENT_ERROR_VERSION,
                   "%s:%u:1: expected a document of kind %s", path, doc->line, what);
      return NULL;
    }
  return g_steal_pointer (&doc);
}

/**
 * pbs_template_load_file:
 * @path: a YAML file holding a `kind: template` document
 * @error: return location for a #GError, or %NULL
 *
 * Reads a template from a YAML file.
 *
 * The file's first document must be of `kind: template`. The template
 * remembers the file's canonical path, so that a saved evaluation can name
 * it.
 *
 * Returns: (transfer full) (nullable): the template, or %NULL with @error
 *   in #PBS_DOCUMENT_ERROR
 *
 * Since: 0.1
 */
PbsTemplate *
pbs_template_load_file (const char *path, GError **error)
{
  g_autoptr (PbsDocument) doc = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  doc = read_single (path, PBS_DOCUMENT_TEMPLATE, "template", error);
  if (doc == NULL)
    return NULL;
  g_free (doc->template_->file);
  doc->template_->file = g_canonicalize_filename (path, NULL);
  return pbs_template_ref (doc->template_);
}

/**
 * pbs_policy_load_file:
 * @path: a YAML file holding a `kind: policy` document
 * @error: return location for a #GError, or %NULL
 *
 * Reads a policy from a YAML file.
 *
 * The file's first document must be of `kind: policy`. The policy remembers
 * the file's canonical path, so that a saved evaluation can name it.
 *
 * Returns: (transfer full) (nullable): the policy, or %NULL with @error in
 *   #PBS_DOCUMENT_ERROR
 *
 * Since: 0.1
 */
PbsPolicy *
pbs_policy_load_file (const char *path, GError **error)
{
  g_autoptr (PbsDocument) doc = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  doc = read_single (path, PBS_DOCUMENT_POLICY, "policy", error);
  if (doc == NULL)
    return NULL;
  g_free (doc->policy->file);
  doc->policy->file = g_canonicalize_filename (path, NULL);
  return pbs_policy_ref (doc->policy);
}

/**
 * pbs_evaluation_load_file:
 * @path: a YAML file of evaluations
 * @error: return location for a #GError, or %NULL
 *
 * Reads every document of @path, which must all be evaluations. For large
 * batches prefer a #PbsReader, which holds one document at a time.
 *
 * Returns: (transfer full) (element-type PbsEvaluation) (nullable): the
 *   evaluations, or %NULL with @error in #PBS_DOCUMENT_ERROR
 *
 * Since: 0.1
 */
GPtrArray *
pbs_evaluation_load_file (const char *path, GError **error)
{
  g_autoptr (PbsReader) reader = NULL;
  g_autoptr (GPtrArray) out = NULL;
  PbsDocument *doc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  reader = pbs_reader_new_for_path (path, error);
  if (reader == NULL)
    return NULL;
  out = g_ptr_array_new_with_free_func (g_object_unref);
  while ((doc = pbs_reader_next (reader, error)) != NULL)
    {
      if (doc->kind != PBS_DOCUMENT_EVALUATION)
        {
          g_set_error (error, PBS_DOCUMENT_ERROR, PBS_DOCUMENT_ERROR_VERSION,
                       "%s:%u:1: expected evaluations only, found a %s", path, doc->line,
                       doc->kind == PBS_DOCUMENT_TEMPLATE ? "template" : "policy");
          pbs_document_unref (doc);
          return NULL;
        }
      g_ptr_array_add (out, g_object_ref (doc->evaluation));
      pbs_document_unref (doc);
    }
  if (error != NULL && *error != NULL)
    return NULL;
  return g_steal_pointer (&out);
}

/**
 * pbs_policy_lookup:
 * @name: a preset (`central`, `yunnan-baoshan`, `ningxia`, `guangxi`,
 *   `shanxi`) or the name of a policy file in the search path
 * @error: return location for a #GError, or %NULL
 *
 * Finds a policy by name: the built-in presets first, then `NAME.yaml` in
 * the folders of `PBSCORE_POLICY_PATH`, the installed
 * `$(datadir)/pbscore/policies` and the source tree's `policies/`.
 *
 * Returns: (transfer full) (nullable): the policy, or %NULL with
 *   %PBS_DOCUMENT_ERROR_UNKNOWN_POLICY (or the file's own error)
 *
 * Since: 0.1
 */
PbsPolicy *
pbs_policy_lookup (const char *name, GError **error)
{
  g_autofree char *path = NULL;
  PbsPolicy *p;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  p = pbs_policy_new_preset (name, NULL);
  if (p != NULL)
    return p;
  path = pbs_datadir_find ("policies", "PBSCORE_POLICY_PATH", name);
  if (path == NULL)
    {
      g_set_error (error, PBS_DOCUMENT_ERROR, PBS_DOCUMENT_ERROR_UNKNOWN_POLICY,
                   "no policy is called “%s” (presets: central, yunnan-baoshan, ningxia, "
                   "guangxi, shanxi; or a file NAME.yaml in PBSCORE_POLICY_PATH)", name);
      return NULL;
    }
  return pbs_policy_load_file (path, error);
}
