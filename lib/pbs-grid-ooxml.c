/* pbs-grid-ooxml.c - the zip package and XML parts of .xlsx and .docx files
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A zip bomb is stopped by the inflated size each part declares in the zip
 * directory (checked before a byte is inflated) and by counting what is
 * actually inflated: libgsf never gives more than the declared size, and a
 * part that inflates to less is a truncated part. Both bounds are in
 * pbs-grid-ooxml.h and doc/import.md.
 */
#include "config.h"

#include <string.h>

#include <gsf/gsf-infile-impl.h>

#include "pbscore/pbscore.h"
#include "pbs-grid-ooxml.h"

struct _PbsOoxml
{
  char      *file;
  GBytes    *data;
  GsfInput  *source;
  GsfInfile *zip;
  guint64    inflated;  /* bytes read from all parts */
};

struct _PbsOoxmlPart
{
  PbsOoxml        *pkg;
  char            *path;
  GsfInput        *input;
  xmlTextReaderPtr reader;
  GError          *io_error;  /* a bound or a damaged part, from read_cb */
  char            *xml_error; /* libxml2's first error */
  int              xml_line;
  int              xml_column;
  gboolean         xml_limit; /* the error is one of libxml2's bounds */
};

static void
init_libxml (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      xmlInitParser ();
      g_once_init_leave (&done, 1);
    }
}

PbsOoxml *
pbs_ooxml_open (const char *file, GBytes *data, GError **error)
{
  g_autoptr(PbsOoxml) self = g_new0 (PbsOoxml, 1);
  g_autoptr(GError) local = NULL;
  gsize size;
  gconstpointer bytes = g_bytes_get_data (data, &size);

  init_libxml ();
  self->file = g_strdup (file);
  self->data = g_bytes_ref (data);
  self->source = gsf_input_memory_new (bytes, (gsf_off_t) size, FALSE);
  self->zip = self->source != NULL ? gsf_infile_zip_new (self->source, &local) : NULL;
  if (self->zip == NULL)
    {
      g_set_error (error, PBS_IMPORT_ERROR, PBS_IMPORT_ERROR_CORRUPT,
                   "%s: not a zip package that can be read (%s)", file,
                   local != NULL ? local->message : "empty file");
      return NULL;
    }
  return g_steal_pointer (&self);
}

void
pbs_ooxml_free (PbsOoxml *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->zip);
  g_clear_object (&self->source);
  g_clear_pointer (&self->data, g_bytes_unref);
  g_free (self->file);
  g_free (self);
}

const char *
pbs_ooxml_get_file (const PbsOoxml *self)
{
  return self->file;
}

/* @path with "." and ".." resolved and no empty segments, as a vector. */
static char **
split_path (const char *path)
{
  g_auto(GStrv) parts = g_strsplit (path, "/", -1);
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (parts[i][0] == '\0' || strcmp (parts[i], ".") == 0)
        continue;
      if (strcmp (parts[i], "..") == 0)
        {
          if (out->len > 0)
            g_free (g_ptr_array_steal_index (out, out->len - 1));
          continue;
        }
      g_ptr_array_add (out, g_strdup (parts[i]));
    }
  g_ptr_array_add (out, NULL);
  return (char **) g_ptr_array_free (out, FALSE);
}

/* The part at @path: NULL without @error when there is none, NULL with
 * @error when its zip entry is damaged. gsf_infile_child_by_name() would
 * turn that error into a g_warning on stderr; the class method it wraps
 * (gsf-infile-impl.h) hands it over. */
static GsfInput *
open_child (PbsOoxml *self, const char *path, GError **error)
{
  g_auto(GStrv) parts = split_path (path);
  GsfInput *cur = g_object_ref (GSF_INPUT (self->zip));

  for (guint i = 0; parts[i] != NULL; i++)
    {
      GsfInput *next;

      if (!GSF_IS_INFILE (cur))
        {
          g_object_unref (cur);
          return NULL;
        }
      next = GSF_INFILE_CLASS (G_OBJECT_GET_CLASS (cur))->child_by_name (GSF_INFILE (cur), parts[i], error);
      g_object_unref (cur);
      if (next == NULL)
        return NULL;
      cur = next;
    }
  if (GSF_IS_INFILE (cur) && gsf_infile_num_children (GSF_INFILE (cur)) >= 0)
    {
      /* a folder, not a part */
      g_object_unref (cur);
      return NULL;
    }
  return cur;
}

gboolean
pbs_ooxml_has_part (PbsOoxml *self, const char *path)
{
  g_autoptr(GError) damaged = NULL;
  GsfInput *input = open_child (self, path, &damaged);

  if (input == NULL)
    /* a damaged part is there: opening it says what is wrong */
    return damaged != NULL;
  g_object_unref (input);
  return TRUE;
}

/* ------------------------------------------------------------ parts */

static int
read_cb (void *context, char *buffer, int len)
{
  PbsOoxmlPart *part = context;
  gsf_off_t remaining = gsf_input_remaining (part->input);
  size_t n;

  if (part->io_error != NULL || len <= 0)
    return -1;
  if (remaining <= 0)
    return 0;
  n = (size_t) MIN ((gsf_off_t) len, remaining);
  if (part->pkg->inflated + n > PBS_OOXML_MAX_TOTAL_BYTES)
    {
      g_set_error (&part->io_error, PBS_IMPORT_ERROR, PBS_IMPORT_ERROR_LIMIT,
                   "%s:%s: the parts read inflate to more than %u MiB, the bound for one file",
                   part->pkg->file, part->path, PBS_OOXML_MAX_TOTAL_BYTES >> 20);
      return -1;
    }
  if (gsf_input_read (part->input, n, (guint8 *) buffer) == NULL)
    {
      g_set_error (&part->io_error, PBS_IMPORT_ERROR, PBS_IMPORT_ERROR_CORRUPT,
                   "%s:%s: the part is damaged or truncated (it inflates to less than "
                   "the %" G_GINT64_FORMAT " bytes the zip declares)",
                   part->pkg->file, part->path, (gint64) gsf_input_size (part->input));
      return -1;
    }
  part->pkg->inflated += n;
  return (int) n;
}

static int
close_cb (void *context)
{
  (void) context;
  return 0;
}

static void
error_cb (void *arg, xmlErrorPtr err)
{
  PbsOoxmlPart *part = arg;

  if (err == NULL || err->level < XML_ERR_ERROR || part->xml_error != NULL)
    return;
  part->xml_error = g_strchomp (g_strdup (err->message != NULL ? err->message : "malformed XML"));
  part->xml_line = err->line;
  part->xml_column = err->int2;
  /* libxml2 2.9 reports its bounds (10 MB of text in a node, 256 levels
   * of nesting) as a memory or internal error with these words */
  part->xml_limit = err->code == XML_ERR_NO_MEMORY ||
                    strstr (part->xml_error, "huge") != NULL ||
                    strstr (part->xml_error, "Excessive depth") != NULL;
}

PbsOoxmlPart *
pbs_ooxml_part_open (PbsOoxml *self, const char *path, GError **error)
{
  g_autoptr(PbsOoxmlPart) part = g_new0 (PbsOoxmlPart, 1);
  g_autoptr(GError) damaged = NULL;
  g_auto(GStrv) parts = split_path (path);
  gsf_off_t size;

  part->pkg = self;
  part->path = g_strjoinv ("/", parts);
  part->input = open_child (self, path, &damaged);
  if (part->input == NULL && damaged != NULL)
    {
      g_set_error (error, PBS_IMPORT_ERROR, PBS_IMPORT_ERROR_CORRUPT,
                   "%s:%s: the part's zip entry is damaged (%s)", self->file, part->path,
                   damaged->message);
      return NULL;
    }
  if (part->input == NULL)
    {
      g_set_error (error, PBS_IMPORT_ERROR, PBS_IMPORT_ERROR_CORRUPT,
                   "%s: the part %s is missing (half a package?)", self->file, part->path);
      return NULL;
    }
  size = gsf_input_size (part->input);
  if (size < 0 || (guint64) size > PBS_OOXML_MAX_PART_BYTES)
    {
      g_set_error (error, PBS_IMPORT_ERROR, PBS_IMPORT_ERROR_LIMIT,
                   "%s:%s: the part inflates to %" G_GINT64_FORMAT " bytes, past the bound "
                   "of %u MiB for one part (a zip bomb?)",
                   self->file, part->path, (gint64) size, PBS_OOXML_MAX_PART_BYTES >> 20);
      return NULL;
    }
  /* NONET: no network; no NOENT, DTDLOAD or HUGE: no entity is expanded,
   * no DTD loaded, and libxml2 keeps its own bounds (10 MB per text node,
   * 256 levels of nesting). */
  part->reader = xmlReaderForIO (read_cb, close_cb, part, part->path, NULL,
                                 XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (part->reader == NULL)
    {
      g_set_error (error, PBS_IMPORT_ERROR, PBS_IMPORT_ERROR_CORRUPT,
                   "%s:%s: the part cannot be read as XML", self->file, part->path);
      return NULL;
    }
  xmlTextReaderSetStructuredErrorHandler (part->reader, error_cb, part);
  return g_steal_pointer (&part);
}

void
pbs_ooxml_part_free (PbsOoxmlPart *part)
{
  if (part == NULL)
    return;
  if (part->reader != NULL)
    xmlFreeTextReader (part->reader);
  g_clear_object (&part->input);
  g_clear_error (&part->io_error);
  g_free (part->xml_error);
  g_free (part->path);
  g_free (part);
}

xmlTextReaderPtr
pbs_ooxml_part_reader (PbsOoxmlPart *part)
{
  return part->reader;
}

int
pbs_ooxml_part_next (PbsOoxmlPart *part, GError **error)
{
  int ret = xmlTextReaderRead (part->reader);

  if (ret == 1 && xmlTextReaderNodeType (part->reader) == XML_READER_TYPE_DOCUMENT_TYPE)
    {
      g_set_error (error, PBS_IMPORT_ERROR, PBS_IMPORT_ERROR_CORRUPT,
                   "%s:%s:%d: a DTD, which Office Open XML parts never have",
                   part->pkg->file, part->path,
                   xmlTextReaderGetParserLineNumber (part->reader));
      return -1;
    }
  /* libxml2 parses ahead of the node it returns: its error waits until
   * the reader reaches it (-1), so that the place is the reader's */
  if (ret >= 0 && part->io_error == NULL)
    return ret;
  if (part->io_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&part->io_error));
      return -1;
    }
  g_set_error (error, PBS_IMPORT_ERROR,
               part->xml_limit ? PBS_IMPORT_ERROR_LIMIT : PBS_IMPORT_ERROR_CORRUPT,
               part->xml_limit ? "%s:%s:%d:%d: past a bound of the XML parser: %s"
                               : "%s:%s:%d:%d: malformed XML: %s", part->pkg->file, part->path,
               part->xml_error != NULL ? part->xml_line : xmlTextReaderGetParserLineNumber (part->reader),
               part->xml_error != NULL ? part->xml_column : xmlTextReaderGetParserColumnNumber (part->reader),
               part->xml_error != NULL ? part->xml_error : "the XML reader failed");
  return -1;
}

gboolean
pbs_ooxml_part_root (PbsOoxmlPart *part, const char *name, const char *what, GError **error)
{
  int ret;

  while ((ret = pbs_ooxml_part_next (part, error)) == 1)
    if (xmlTextReaderNodeType (part->reader) == XML_READER_TYPE_ELEMENT)
      {
        const char *local = (const char *) xmlTextReaderConstLocalName (part->reader);

        if (local != NULL && strcmp (local, name) == 0)
          return TRUE;
        g_set_error (error, PBS_IMPORT_ERROR, PBS_IMPORT_ERROR_CORRUPT,
                     "%s:%s: the main part is <%s>, not <%s> (not %s)", part->pkg->file,
                     part->path, local != NULL ? local : "?", name, what);
        return FALSE;
      }
  if (ret == 0)
    g_set_error (error, PBS_IMPORT_ERROR, PBS_IMPORT_ERROR_CORRUPT,
                 "%s:%s: the part is empty", part->pkg->file, part->path);
  return FALSE;
}

/* ------------------------------------------------------------ helpers */

char *
pbs_ooxml_attr (xmlTextReaderPtr reader, const char *name)
{
  char *value = NULL;

  if (xmlTextReaderMoveToFirstAttribute (reader) != 1)
    return NULL;
  do
    {
      const char *local = (const char *) xmlTextReaderConstLocalName (reader);

      if (local != NULL && strcmp (local, name) == 0)
        {
          value = g_strdup ((const char *) xmlTextReaderConstValue (reader));
          break;
        }
    }
  while (xmlTextReaderMoveToNextAttribute (reader) == 1);
  xmlTextReaderMoveToElement (reader);
  return value;
}

static gboolean
is_node (xmlTextReaderPtr reader, int type, const char *name)
{
  const char *local;

  if (xmlTextReaderNodeType (reader) != type)
    return FALSE;
  local = (const char *) xmlTextReaderConstLocalName (reader);
  return local != NULL && strcmp (local, name) == 0;
}

gboolean
pbs_ooxml_is_start (xmlTextReaderPtr reader, const char *name)
{
  return is_node (reader, XML_READER_TYPE_ELEMENT, name);
}

gboolean
pbs_ooxml_is_end (xmlTextReaderPtr reader, const char *name)
{
  /* <x/> has no end node: its start stands for both */
  if (is_node (reader, XML_READER_TYPE_ELEMENT, name))
    return xmlTextReaderIsEmptyElement (reader) == 1;
  return is_node (reader, XML_READER_TYPE_END_ELEMENT, name);
}

gboolean
pbs_ooxml_is_text (xmlTextReaderPtr reader)
{
  switch (xmlTextReaderNodeType (reader))
    {
    case XML_READER_TYPE_TEXT:
    case XML_READER_TYPE_CDATA:
    case XML_READER_TYPE_WHITESPACE:
    case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
      return TRUE;
    default:
      return FALSE;
    }
}

void
pbs_ooxml_error_add_place (GError *error, const char *place)
{
  char *message;

  if (error == NULL || place == NULL)
    return;
  message = g_strdup_printf ("%s (in %s)", error->message, place);
  g_free (error->message);
  error->message = message;
}

void
pbs_ooxml_append_capped (GString *buf, const char *text, gsize max)
{
  gsize len = strlen (text);

  if (buf->len > max)
    return;
  g_string_append_len (buf, text, (gssize) MIN (len, max + 1 - buf->len));
}

/* ------------------------------------------------------------ relationships */

static char *
resolve_target (const char *base, const char *target)
{
  g_autofree char *dir = NULL;
  g_autofree char *joined = NULL;
  g_auto(GStrv) parts = NULL;
  const char *slash;

  if (target[0] == '/')
    joined = g_strdup (target + 1);
  else
    {
      slash = strrchr (base, '/');
      dir = slash != NULL ? g_strndup (base, (gsize) (slash - base)) : g_strdup ("");
      joined = *dir != '\0' ? g_strconcat (dir, "/", target, NULL) : g_strdup (target);
    }
  parts = split_path (joined);
  return g_strjoinv ("/", parts);
}

GHashTable *
pbs_ooxml_read_rels (PbsOoxml *self, const char *path, GHashTable **types, GError **error)
{
  g_autoptr(GHashTable) targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) kinds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(PbsOoxmlPart) part = NULL;
  g_autofree char *rels = NULL;
  const char *slash = strrchr (path, '/');
  int ret;

  if (slash != NULL)
    rels = g_strdup_printf ("%.*s/_rels/%s.rels", (int) (slash - path), path, slash + 1);
  else
    rels = g_strdup_printf ("_rels/%s.rels", path);
  if (pbs_ooxml_has_part (self, rels))
    {
      part = pbs_ooxml_part_open (self, rels, error);
      if (part == NULL)
        return NULL;
      while ((ret = pbs_ooxml_part_next (part, error)) == 1)
        {
          xmlTextReaderPtr r = part->reader;
          g_autofree char *id = NULL, *target = NULL, *type = NULL, *mode = NULL;

          if (!pbs_ooxml_is_start (r, "Relationship"))
            continue;
          id = pbs_ooxml_attr (r, "Id");
          target = pbs_ooxml_attr (r, "Target");
          type = pbs_ooxml_attr (r, "Type");
          mode = pbs_ooxml_attr (r, "TargetMode");
          if (id == NULL || target == NULL || (mode != NULL && strcmp (mode, "External") == 0))
            continue;
          g_hash_table_replace (targets, g_strdup (id), resolve_target (path, target));
          g_hash_table_replace (kinds, g_strdup (id), g_strdup (type != NULL ? type : ""));
        }
      if (ret < 0)
        return NULL;
    }
  if (types != NULL)
    *types = g_steal_pointer (&kinds);
  return g_steal_pointer (&targets);
}

char *
pbs_ooxml_find_rel (PbsOoxml *self, const char *path, const char *type_suffix, GError **error)
{
  g_autoptr(GHashTable) types = NULL;
  g_autoptr(GHashTable) targets = pbs_ooxml_read_rels (self, path, &types, error);
  GHashTableIter iter;
  gpointer id, type;
  const char *best = NULL, *best_id = NULL;

  if (targets == NULL)
    return NULL;
  /* the lowest id wins, so the answer does not depend on hash order */
  g_hash_table_iter_init (&iter, types);
  while (g_hash_table_iter_next (&iter, &id, &type))
    if (g_str_has_suffix (type, type_suffix) &&
        (best_id == NULL || strcmp (id, best_id) < 0))
      {
        best_id = id;
        best = g_hash_table_lookup (targets, id);
      }
  return g_strdup (best);
}
