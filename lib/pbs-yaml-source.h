/* pbs-yaml-source.h - libyaml's events from an input stream (never installed)
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <gio/gio.h>
#include <yaml.h>

G_BEGIN_DECLS

/* The bytes of one input, read in blocks and checked as UTF-8, given to
 * libyaml, whose events come out one at a time; every error is located
 * (file:line:column) in the input's own terms. Optionally the parser runs
 * ahead on a thread of its own (pbs_yaml_source_start()), so that the
 * events of the next document are ready while the caller builds, scores
 * and writes the last one: the caller sees the same events and the same
 * errors in the same order either way. */
typedef struct _PbsYamlSource PbsYamlSource;

/* Reads @input (a reference is kept); messages call it @name. */
PbsYamlSource *pbs_yaml_source_new       (GInputStream *input, const char *name);
/* Stops the thread that parses ahead, if any, and frees what it read. A
 * thread blocked reading a pipe finishes on its own once its read returns. */
void           pbs_yaml_source_free      (PbsYamlSource *self);
/* Before pbs_yaml_source_start(): the first block of the input (up to
 * 64 KiB, whole characters), for recognising a table file; NULL with
 * @error set when it cannot be read. */
GBytes        *pbs_yaml_source_peek      (PbsYamlSource *self, GError **error);
/* Before pbs_yaml_source_start(), instead of events: the whole input,
 * from its start; events asked for afterwards are parsed from these
 * bytes. More than @max bytes is a LIMIT error (a device, an endless
 * pipe). */
GBytes        *pbs_yaml_source_read_all  (PbsYamlSource *self, gsize max, GError **error);
/* Starts the parser: UTF-16 and UTF-32 with a byte-order mark are
 * converted first. With @ahead, the parser runs on a thread of its own
 * (falls back to this one when no thread can be started). */
gboolean       pbs_yaml_source_start     (PbsYamlSource *self, gboolean ahead, GError **error);
/* What the node tree reads of a libyaml event, in 32 bytes (a
 * yaml_event_t is 104, and parsing ahead every event crosses from one
 * core's cache to another's). */
typedef struct {
  guint8      type;       /* a yaml_event_type_t */
  guint8      plain;      /* a plain scalar (no quotes, no block) */
  guint32     line;       /* of its start, 1-based */
  guint32     column;
  guint32     length;     /* of a scalar's value, in bytes (at most G_MAXUINT32) */
  const char *value;      /* a scalar's, NUL-terminated after @length bytes */
  const char *anchor;     /* a scalar's, a collection's or an alias's, or NULL */
} PbsYamlEvent;

/* The next event, the source's own until the next call; NULL with @error
 * set, located, when the input cannot be read, is not UTF-8 or is not
 * YAML. Ask no more after an error or YAML_STREAM_END_EVENT. */
const PbsYamlEvent *pbs_yaml_source_next (PbsYamlSource *self, GError **error);

/* The encoding a byte-order mark at the start of @p announces ("UTF-32LE",
 * "UTF-32BE", "UTF-16LE", "UTF-16BE"), the mark's length in *@mark; NULL
 * for no mark or UTF-8's (which libyaml reads itself). YAML allows all
 * five (YAML 1.2 §5.2); the source converts the others to UTF-8. */
const char    *pbs_yaml_bom_encoding     (const guint8 *p, gsize len, gsize *mark);

G_END_DECLS
