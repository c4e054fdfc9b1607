/* pbs-yaml-tree.h - YAML documents as compact node trees (never installed)
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A PbsYamlStream reads the documents of a file or a buffer one after
 * another, each into a PbsYamlTree: nodes in one array, the children of
 * collections in another, scalar bytes in one buffer. libyaml stays inside
 * pbs-yaml-tree.c; the schemas read the tree only.
 */
#pragma once

#include "pbscore/pbscore.h"
#include <gio/gio.h>

G_BEGIN_DECLS

/* The index of no node: an absent key, an empty document. */
#define PBS_YAML_NONE G_MAXUINT32

typedef enum {
  PBS_YAML_SCALAR,
  PBS_YAML_SEQUENCE,
  PBS_YAML_MAPPING,
} PbsYamlNodeType;

typedef struct {
  guint8  type;      /* PbsYamlNodeType */
  guint8  plain;     /* a scalar written without quotes */
  guint32 line;      /* 1-based */
  guint32 column;    /* 1-based, in characters */
  guint32 first;     /* scalar: offset in text; collection: index in kids */
  guint32 count;     /* scalar: length; collection: number of kids */
  guint32 size;      /* nodes in the subtree (saturating), for alias limits */
} PbsYamlNode;

/* One document. A mapping's kids are its keys and values, alternating. */
typedef struct {
  GArray  *nodes;    /* PbsYamlNode */
  GArray  *kids;     /* guint32: children of collections, contiguous */
  GString *text;     /* scalar bytes, each NUL-terminated */
  guint32  root;     /* PBS_YAML_NONE in an empty document */
} PbsYamlTree;

static inline const PbsYamlNode *
pbs_yaml_node (const PbsYamlTree *t, guint32 i)
{
  return &g_array_index (t->nodes, PbsYamlNode, i);
}

static inline const char *
pbs_yaml_text (const PbsYamlTree *t, guint32 i)
{
  return t->text->str + pbs_yaml_node (t, i)->first;
}

static inline guint32
pbs_yaml_kid (const PbsYamlTree *t, guint32 i, guint32 k)
{
  return g_array_index (t->kids, guint32, pbs_yaml_node (t, i)->first + k);
}

/* YAML's null: no node, or a plain empty, `~` or `null` scalar. */
gboolean pbs_yaml_is_null (const PbsYamlTree *t, guint32 node);

/* The documents of one file or buffer, read one at a time. */
typedef struct _PbsYamlStream PbsYamlStream;

/* Opens @path, read in blocks as the parser goes (a regular file or a
 * pipe alike). %PBS_DOCUMENT_ERROR_IO when it cannot be opened. */
PbsYamlStream     *pbs_yaml_stream_new_for_path (const char *path, GError **error);
/* Reads from a copy of @data; messages call it @name. Relative paths are
 * taken from the current folder. */
PbsYamlStream     *pbs_yaml_stream_new_for_data (const char *data, gsize length,
                                                 const char *name);
void               pbs_yaml_stream_free         (PbsYamlStream *self);
/* The name messages give the input, and the folder relative template
 * and policy paths are taken from. */
const char        *pbs_yaml_stream_get_name     (PbsYamlStream *self);
const char        *pbs_yaml_stream_get_dir      (PbsYamlStream *self);
/* Reads from @input in blocks (a reference is kept). */
PbsYamlStream     *pbs_yaml_stream_new_for_input (GInputStream *input, const char *name);
/* Before the first document: the first block of the input (up to 64 KiB,
 * whole characters), for recognising a table file (pbs-import.h); NULL
 * with @error set when it cannot be read or is not UTF-8. */
GBytes            *pbs_yaml_stream_peek         (PbsYamlStream *self, GError **error);
/* Instead of documents: the whole input (a table file), from its start;
 * documents asked for afterwards are read from these bytes. More than
 * @max bytes is a LIMIT error (a device or an endless pipe). */
GBytes            *pbs_yaml_stream_read_all     (PbsYamlStream *self, gsize max,
                                                  GError **error);
/* Gives back the memory of a large tree once its document has been read
 * (the tree is then empty until the next pbs_yaml_stream_next()). */
void               pbs_yaml_stream_trim         (PbsYamlStream *self);
/* The tree of the current document; the same object for every document. */
const PbsYamlTree *pbs_yaml_stream_get_tree     (PbsYamlStream *self);
/* Builds the tree of the next document that is not empty and gives its
 * root. FALSE at the end of the input (@error unset) or on an error
 * (@error set, located); after either the stream stays at its end. */
gboolean           pbs_yaml_stream_next         (PbsYamlStream *self, guint32 *root,
                                                 GError **error);

/* Before the first document: parse on a thread of its own, so that the
 * next document's events are ready while the caller handles this one
 * (pbs-yaml-source.h). The documents and errors are the same. */
void               pbs_yaml_stream_set_ahead    (PbsYamlStream *self, gboolean ahead);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PbsYamlStream, pbs_yaml_stream_free)

/* The items of one list read as the parser gives them, so that a huge
 * document's tree never holds them all (one huge evaluation's rows,
 * doc/performance.md). The list is the value of a given key in a
 * document's root mapping. */
typedef struct {
  /* The list starts: @pairs are the keys and values of the root mapping
   * before it (@n nodes). TRUE when its items may be given to @row. */
  gboolean (*start) (gpointer data, const PbsYamlTree *t, const guint32 *pairs, guint n);
  /* One complete item, in order; the tree forgets it after the call. */
  void     (*row)   (gpointer data, const PbsYamlTree *t, guint32 item);
} PbsYamlRowFuncs;

/* Gives the items of the list under @key (static) to @funcs once it has
 * more than @after of them: the first @after + 1 together, then each as
 * it is read. A list of at most @after items stays in the tree, as does
 * every list when @funcs is NULL. */
void               pbs_yaml_stream_set_rows     (PbsYamlStream *self, const char *key, guint after,
                                                 const PbsYamlRowFuncs *funcs, gpointer data);


G_END_DECLS
