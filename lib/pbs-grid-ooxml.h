/* pbs-grid-ooxml.h - the zip package and XML parts of .xlsx and .docx files
 * (never installed)
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Layer: readers (below pbs-grid-xlsx.c and pbs-grid-docx.c). libgsf opens
 * the zip, libxml2's streaming reader reads each part as it is inflated: a
 * part is never held whole in memory. Every part goes through the same
 * bounds (doc/import.md, "Limits"): its inflated size, and the inflated
 * size of all parts read from one file. No DTD is loaded, no entity
 * expanded, no network touched; a part with a DTD at all is refused (Office
 * Open XML parts never have one).
 */
#pragma once

#include <glib.h>
#include <gsf/gsf.h>
#include <libxml/xmlreader.h>

G_BEGIN_DECLS

/* Bounds on what is inflated from one package. */
#define PBS_OOXML_MAX_PART_BYTES  (256u * 1024u * 1024u)
#define PBS_OOXML_MAX_TOTAL_BYTES (512u * 1024u * 1024u)

typedef struct _PbsOoxml PbsOoxml;

/* Opens @data as a zip package; @file names it in messages. NULL with a
 * PBS_IMPORT_ERROR_CORRUPT error when it is no zip libgsf can read. */
PbsOoxml   *pbs_ooxml_open         (const char *file, GBytes *data, GError **error);
void        pbs_ooxml_free         (PbsOoxml *self);
const char *pbs_ooxml_get_file     (const PbsOoxml *self);

/* Whether the package has a part at @path ("xl/workbook.xml"). */
gboolean    pbs_ooxml_has_part     (PbsOoxml *self, const char *path);

/* The relationships of the part @path (its _rels/NAME.rels; "" for the
 * package's own _rels/.rels): a table from relationship id to target
 * path, resolved against @path's folder. @types, when not NULL, gets a
 * table from id to relationship type. A missing .rels part is an empty
 * table. */
GHashTable *pbs_ooxml_read_rels    (PbsOoxml *self, const char *path,
                                    GHashTable **types, GError **error);
/* The target of the first relationship of @path whose type ends with
 * @type_suffix ("/officeDocument"), or NULL (no error) when none has. */
char       *pbs_ooxml_find_rel     (PbsOoxml *self, const char *path,
                                    const char *type_suffix, GError **error);

/* A streaming reader over the part @path, bounds checked. A missing part
 * is a PBS_IMPORT_ERROR_CORRUPT error naming it. */
typedef struct _PbsOoxmlPart PbsOoxmlPart;

PbsOoxmlPart    *pbs_ooxml_part_open  (PbsOoxml *self, const char *path, GError **error);
void             pbs_ooxml_part_free  (PbsOoxmlPart *part);
xmlTextReaderPtr pbs_ooxml_part_reader (PbsOoxmlPart *part);
/* The next node (xmlTextReaderRead): 1, 0 at the end, -1 with an error
 * (malformed XML, a DTD, an inflated size past a bound, a truncated part)
 * whose message starts "FILE:PART:LINE:COLUMN: " or "FILE:PART: ". */
int              pbs_ooxml_part_next  (PbsOoxmlPart *part, GError **error);
/* Reads up to the root element: FALSE with a PBS_IMPORT_ERROR_CORRUPT
 * error when it is not named @name (@what names the format for the
 * message: "an Excel workbook"). */
gboolean         pbs_ooxml_part_root  (PbsOoxmlPart *part, const char *name,
                                       const char *what, GError **error);
/* Appends " (in PLACE)" to @error's message ("in Sheet1!D12"). */
void             pbs_ooxml_error_add_place (GError *error, const char *place);

/* The attribute of the current element whose local name is @name, in any
 * namespace (w:val, r:id, ref), or NULL. */
char            *pbs_ooxml_attr       (xmlTextReaderPtr reader, const char *name);
/* Whether the current node is an element start (or end) named @name. */
gboolean         pbs_ooxml_is_start   (xmlTextReaderPtr reader, const char *name);
gboolean         pbs_ooxml_is_end     (xmlTextReaderPtr reader, const char *name);
/* Whether the current node is character data (text, CDATA, white space). */
gboolean         pbs_ooxml_is_text    (xmlTextReaderPtr reader);

/* Appends @text to @buf unless @buf would pass @max bytes; then appends
 * only enough to pass it by one byte (so the grid reports the cell as too
 * big) and keeps no more. */
void             pbs_ooxml_append_capped (GString *buf, const char *text, gsize max);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PbsOoxml, pbs_ooxml_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PbsOoxmlPart, pbs_ooxml_part_free)

G_END_DECLS
