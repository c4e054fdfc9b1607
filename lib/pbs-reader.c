/* pbs-reader.c - the documents of a YAML stream, one after another
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * PbsReader takes each document's tree from a PbsYamlStream
 * (pbs-yaml-tree.c), checks its root and hands it to the schema of its
 * kind: pbs-doc-evaluation.c, pbs-doc-template.c or pbs-doc-policy.c.
 * The templates and policies the evaluations of one stream name are
 * read once per reader.
 */
#include "config.h"

#include <string.h>

#include "pbs-doc-evaluation.h"
#include "pbs-doc-template.h"
#include "pbs-doc-policy.h"
#include "pbs-evaluation-private.h"
#include "pbs-grid.h"
#include "pbs-import.h"
#include "pbs-yaml-source.h"

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
  g_clear_pointer (&self->evaluation, pbs_evaluation_unref);
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
  PbsYamlStream *stream;
  gboolean       finished;
  GHashTable    *templates;   /* reference text → PbsTemplate */
  GHashTable    *policies;    /* reference text → PbsPolicy */
  gboolean       sniffed;
  GPtrArray     *tables;      /* evaluations of a table file (pbs-import.c) */
  guint          next_table;
  PbsTemplate   *template_;   /* the points of a table without 分值, or NULL */
  PbsRowStream  *rows;        /* a huge evaluation's rows, read as they come */
};

G_DEFINE_FINAL_TYPE (PbsReader, pbs_reader, G_TYPE_OBJECT)

static void
pbs_reader_finalize (GObject *object)
{
  PbsReader *self = PBS_READER (object);

  pbs_row_stream_free (self->rows);
  pbs_yaml_stream_free (self->stream);
  g_hash_table_unref (self->templates);
  g_hash_table_unref (self->policies);
  g_clear_pointer (&self->tables, g_ptr_array_unref);
  g_clear_pointer (&self->template_, pbs_template_unref);
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
  self->templates = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           (GDestroyNotify) pbs_template_unref);
  self->policies = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) pbs_policy_unref);
}

static PbsReader *
reader_new (PbsYamlStream *stream)
{
  PbsReader *self = g_object_new (PBS_TYPE_READER, NULL);

  self->stream = stream;
  self->rows = pbs_row_stream_new (stream, self->templates, self->policies);
  return self;
}

/**
 * pbs_reader_new_for_path:
 * @path: a YAML file
 * @error: return location for a #GError, or %NULL
 *
 * Opens @path for reading its documents, one at a time: the file is read
 * in blocks as the parser goes, never held whole (a workbook, Word
 * document, web page or CSV file is, being read whole by its reader).
 * Messages name the file as @path is written.
 *
 * Returns: (transfer full) (nullable): a reader, or %NULL with
 *   %PBS_DOCUMENT_ERROR_IO
 *
 * Since: 0.1
 */
PbsReader *
pbs_reader_new_for_path (const char *path, GError **error)
{
  PbsYamlStream *stream;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stream = pbs_yaml_stream_new_for_path (path, error);
  return stream != NULL ? reader_new (stream) : NULL;
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
  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length < 0)
    length = (gssize) strlen (data);
  return reader_new (pbs_yaml_stream_new_for_data (data, (gsize) length,
                                                   name != NULL ? name : "<data>"));
}

/**
 * pbs_reader_new_for_stream:
 * @stream: where the documents are read from, such as standard input
 * @name: (nullable): the name messages give it (default `<stream>`);
 *   relative template and policy paths are taken from the current folder
 *
 * Reads documents from @stream as pbs_reader_new_for_path() reads a file:
 * in blocks, one document at a time, so that a document is given as soon
 * as it has been read. The reader keeps a reference to @stream.
 *
 * Returns: (transfer full): a reader
 *
 * Since: 0.1
 */
PbsReader *
pbs_reader_new_for_stream (GInputStream *stream, const char *name)
{
  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  return reader_new (pbs_yaml_stream_new_for_input (stream, name != NULL ? name : "<stream>"));
}

/**
 * pbs_reader_set_template:
 * @self: a #PbsReader
 * @template_: (nullable): the template, or %NULL for none
 *
 * Sets the template a table file's form without a 分值 (points) column
 * takes its rows' points from: each row gets the points of the template's
 * suggested indicator of the same level-1, level-2 and name
 * (doc/import.md). Without one such a form is the error
 * %PBS_IMPORT_ERROR_BAD_VALUE. YAML documents and tables with a 分值
 * column are read as they are. Call it before the first
 * pbs_reader_next().
 *
 * Since: 0.1
 */
void
pbs_reader_set_template (PbsReader *self, PbsTemplate *template_)
{
  g_return_if_fail (PBS_IS_READER (self));
  g_return_if_fail (!self->sniffed);

  if (template_ != NULL)
    pbs_template_ref (template_);
  g_clear_pointer (&self->template_, pbs_template_unref);
  self->template_ = template_;
}

/**
 * pbs_reader_set_parse_ahead:
 * @self: a #PbsReader
 * @parse_ahead: whether YAML is parsed on a thread of its own
 *
 * Parses the YAML on a second thread, a few documents ahead of
 * pbs_reader_next(), so that on a machine with more than one core the
 * next documents are parsed while the caller scores and writes the last
 * one. The documents, their order and the errors are the same either way;
 * at most sixteen small slots of parsed events wait, so memory stays
 * bounded. The reader itself still belongs to one thread at a time
 * (doc/threads.md). Table files and data already read are not affected.
 * Call it before the first pbs_reader_next().
 *
 * Since: 0.1
 */
void
pbs_reader_set_parse_ahead (PbsReader *self, gboolean parse_ahead)
{
  g_return_if_fail (PBS_IS_READER (self));
  g_return_if_fail (!self->sniffed);

  pbs_yaml_stream_set_ahead (self->stream, parse_ahead);
}

/* Reads the document at @root into the content of its kind. */
static PbsDocument *
read_document (PbsConv *c, guint32 root, GError **error)
{
  const PbsYamlNode *n = pbs_yaml_node (c->t, root);
  PbsDocumentKind k;
  g_autoptr (PbsDocument) doc = NULL;

  if (!pbs_read_document_kind (c, root, &k, error))
    return NULL;
  if (k != PBS_DOCUMENT_EVALUATION && c->rows != NULL && pbs_row_stream_given (c->rows))
    {
      pbs_read_fail (c, error, root, PBS_DOCUMENT_ERROR_BAD_VALUE,
                     "“kind” comes after the rows of a document of more than %u rows, which are "
                     "read as the rows of an evaluation: put it before “indicators:”",
                     pbs_row_stream_get_at_once (c->rows));
      return NULL;
    }
  doc = g_new0 (PbsDocument, 1);
  g_atomic_ref_count_init (&doc->ref_count);
  doc->kind = k;
  doc->line = n->line;
  switch (k)
    {
    case PBS_DOCUMENT_EVALUATION:
      doc->evaluation = pbs_read_evaluation (c, root, error);
      if (doc->evaluation != NULL)
        pbs_evaluation_set_source (doc->evaluation, c->name, n->line, n->column);
      return doc->evaluation != NULL ? g_steal_pointer (&doc) : NULL;
    case PBS_DOCUMENT_TEMPLATE:
      doc->template_ = pbs_read_template (c, root, error);
      return doc->template_ != NULL ? g_steal_pointer (&doc) : NULL;
    case PBS_DOCUMENT_POLICY:
    default:
      doc->policy = pbs_read_policy (c, root, error);
      return doc->policy != NULL ? g_steal_pointer (&doc) : NULL;
    }
}

static gboolean
holds_nul_without_bom (GBytes *head)
{
  gsize len, mark;
  const guint8 *p = g_bytes_get_data (head, &len);

  return len > 0 && pbs_yaml_bom_encoding (p, len, &mark) == NULL && memchr (p, '\0', len) != NULL;
}

/* A table file is recognised by its first block and read whole; YAML is
 * left to be read document by document. */
static gboolean
read_tables (PbsReader *self, GError **error)
{
  const char *name = pbs_yaml_stream_get_name (self->stream);
  g_autoptr (GBytes) head = pbs_yaml_stream_peek (self->stream, error);
  g_autoptr (GBytes) all = NULL;
  g_autoptr (GError) local = NULL;
  PbsImportFormat format;

  if (head == NULL)
    return FALSE;
  if (pbs_import_sniff (name, head, &format, &local) && format == PBS_IMPORT_YAML)
    return TRUE;
  /* No text holds a NUL: /dev/zero, /dev/urandom or another binary stream
   * that is no workbook ends at its first block, with the text readers'
   * located error, instead of being read whole (issue 14). */
  if (format != PBS_IMPORT_XLSX && format != PBS_IMPORT_XLS && format != PBS_IMPORT_DOCX
      && holds_nul_without_bom (head))
    {
      g_clear_error (&local);
      if (!pbs_import_read (name, head, self->template_, &self->tables, error))
        return FALSE;
      g_clear_pointer (&self->tables, g_ptr_array_unref);
    }
  /* a table, or something refused: the whole input decides, up to the
   * largest file a table reader takes */
  all = pbs_yaml_stream_read_all (self->stream, PBS_GRID_MAX_TEXT_BYTES, error);
  return all != NULL && pbs_import_read (name, all, self->template_, &self->tables, error);
}

/**
 * pbs_reader_next:
 * @self: a #PbsReader
 * @error: return location for a #GError, or %NULL
 *
 * Reads the next document. Empty documents are skipped. Documents are
 * read one at a time: only the current one is held in memory.
 *
 * After an error in a document's content (an unknown key, a wrong value)
 * the next call goes on with the document after it; after an error in the
 * YAML itself (or in a table file) the input ends there, and the next
 * call returns %NULL with @error unset.
 *
 * Returns: (transfer full) (nullable): the next document; %NULL at the end
 *   of the input (with @error unset) or on an error (with @error set)
 *
 * Since: 0.1
 */
PbsDocument *
pbs_reader_next (PbsReader *self, GError **error)
{
  PbsConv c;
  PbsDocument *doc;
  guint32 root;

  g_return_val_if_fail (PBS_IS_READER (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (self->finished)
    return NULL;
  /* A workbook, Word document, web page or CSV file: its evaluations,
   * read whole by pbs-import.c (doc/import.md). */
  if (!self->sniffed)
    {
      self->sniffed = TRUE;
      if (!read_tables (self, error))
        {
          self->finished = TRUE;
          return NULL;
        }
    }
  if (self->tables != NULL)
    {
      if (self->next_table >= self->tables->len)
        {
          self->finished = TRUE;
          return NULL;
        }
      doc = g_new0 (PbsDocument, 1);
      g_atomic_ref_count_init (&doc->ref_count);
      doc->kind = PBS_DOCUMENT_EVALUATION;
      doc->evaluation = pbs_evaluation_ref (g_ptr_array_index (self->tables, self->next_table++));
      return doc;
    }
  pbs_row_stream_reset (self->rows);
  if (!pbs_yaml_stream_next (self->stream, &root, error))
    {
      self->finished = TRUE;
      return NULL;
    }
  pbs_conv_init (&c, self->stream, self->templates, self->policies);
  c.rows = self->rows;
  /* a document that does not read leaves the stream at the next one; a
   * huge one's tree is not kept while the document is scored and written */
  doc = read_document (&c, root, error);
  pbs_row_stream_reset (self->rows);
  pbs_yaml_stream_trim (self->stream);
  return doc;
}

/* --------------------------------------------------------- conveniences */

/**
 * pbs_evaluation_load_file:
 * @path: a YAML file of evaluations
 * @error: return location for a #GError, or %NULL
 *
 * Reads every document of @path, which must all be evaluations. For large
 * batches prefer a #PbsReader, which holds one document at a time.
 *
 * The array owns its evaluations (its free function unrefs them): unref the
 * array, and take a reference on an evaluation you keep beyond it. Hence
 * `(transfer container)`: with `(transfer full)` the bindings would also
 * unref each evaluation, which the array already does.
 *
 * Returns: (transfer container) (element-type PbsEvaluation) (nullable): the
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
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) pbs_evaluation_unref);
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
      g_ptr_array_add (out, pbs_evaluation_ref (doc->evaluation));
      pbs_document_unref (doc);
    }
  if (error != NULL && *error != NULL)
    return NULL;
  return g_steal_pointer (&out);
}
