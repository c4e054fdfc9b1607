/* pbs-yaml-read.h - what the YAML schemas share (never installed)
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The schemas of doc/format.md (pbs-doc-rule.c, pbs-doc-policy.c,
 * pbs-doc-template.c, pbs-doc-evaluation.c) read a PbsYamlTree through
 * these helpers, which turn every mistake into a PBS_DOCUMENT_ERROR
 * located at its node: `FILE:LINE:COLUMN: [row N (name): ]message`.
 */
#pragma once

#include "pbs-yaml-tree.h"

G_BEGIN_DECLS

typedef struct _PbsRowStream PbsRowStream;

/* What converting one document needs. */
typedef struct {
  const PbsYamlTree *t;
  const char        *name;       /* the input, for messages */
  const char        *dir;        /* for relative template and policy paths */
  GHashTable        *templates;  /* reference text → PbsTemplate; NULL: no cache */
  GHashTable        *policies;   /* reference text → PbsPolicy; NULL: no cache */
  guint              row;        /* current indicator, 1-based; 0 outside rows */
  const char        *row_name;
  PbsRowStream      *rows;       /* nullable: rows read as they came (pbs-doc-evaluation.h) */
} PbsConv;

void         pbs_conv_init          (PbsConv *c, PbsYamlStream *stream,
                                     GHashTable *templates, GHashTable *policies);

/* Sets @error to "FILE:LINE:COLUMN: [row N (name): ]message" at @node (the
 * document's start when PBS_YAML_NONE); returns FALSE. */
gboolean     pbs_read_fail          (const PbsConv *c, GError **error, guint32 node, int code,
                                     const char *format, ...) G_GNUC_PRINTF (5, 6);

static inline gboolean
pbs_read_is_null (const PbsConv *c, guint32 node)
{
  return pbs_yaml_is_null (c->t, node);
}

/* "a mapping", "a list" or "a single value", for messages. */
const char  *pbs_read_kind_name     (const PbsConv *c, guint32 node);
/* The entry of @known (NULL-terminated) close enough to @key to be what
 * was meant, or NULL. */
const char  *pbs_read_nearest       (const char *key, const char * const *known);

/* Reads a mapping against its known keys: values[i] is the node of
 * known[i], or PBS_YAML_NONE. Unknown and duplicate keys are errors at the
 * key. */
gboolean     pbs_read_mapping       (const PbsConv *c, guint32 node, const char *what,
                                     const char * const *known, guint32 *values,
                                     GError **error);
/* MISSING_FIELD unless @value (of @key in @mapping) is there. */
gboolean     pbs_read_require       (const PbsConv *c, guint32 mapping, guint32 value,
                                     const char *key, const char *what, GError **error);
gboolean     pbs_read_string        (const PbsConv *c, guint32 node, const char *key,
                                     const char **out, GError **error);
/* An exact decimal from a YAML number or string ("1,354.10"). */
gboolean     pbs_read_decimal       (const PbsConv *c, guint32 node, const char *key,
                                     gboolean non_negative, PbsDecimal *out, GError **error);
gboolean     pbs_read_bool          (const PbsConv *c, guint32 node, const char *key,
                                     gboolean *out, GError **error);
gboolean     pbs_read_uint          (const PbsConv *c, guint32 node, const char *key,
                                     guint min, guint max, guint *out, GError **error);
/* One of the nicks of the enum @type; BAD_VALUE naming them otherwise. */
gboolean     pbs_read_nick          (const PbsConv *c, guint32 node, const char *key,
                                     GType type, int *out, GError **error);

/* Checks a document's root (a mapping with `pbscore: 1`) and gives its
 * `kind:` (an evaluation when absent). */
gboolean     pbs_read_document_kind (const PbsConv *c, guint32 root, PbsDocumentKind *kind,
                                     GError **error);
/* Opens @path and checks that its first document is of @kind: then @c
 * and @root are ready for that kind's schema, and the stream (which @c
 * reads) is returned, to be freed after. */
PbsYamlStream *pbs_read_first       (const char *path, PbsDocumentKind kind, PbsConv *c,
                                     guint32 *root, GError **error);
/* The file a template or policy reference names, relative to @base_dir
 * (the current folder when NULL); NULL when it is a name, not a path. */
char        *pbs_read_reference_path (const char *ref, const char *base_dir);

G_END_DECLS
