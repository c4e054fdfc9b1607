/* pbs-yaml-source.c - libyaml's events from an input stream
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The input is read in blocks, checked as UTF-8 block by block and given
 * to libyaml; a failure becomes a located error in the input's own terms.
 * Parsing ahead, the parser runs on a thread of its own and hands its
 * events over in slots of a small ring, a document at a time, so that
 * memory stays bounded whatever the input's size. Each thread frees what
 * it allocated: the parser's thread copies an event's texts into its slot
 * and deletes the event itself (freeing memory another thread's malloc
 * arena owns made two threads slower than one).
 */
#include "config.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <time.h>

#include "pbscore/pbs-error.h"
#include "pbs-yaml-source.h"

/* The input is read in blocks and checked as UTF-8 block by block (a
 * character split between two blocks waits in the next one): only the
 * current block and the one before it are held, the latter for the place
 * of an error libyaml finds a little behind what it was given. */
#define BLOCK_SIZE (64 * 1024)

/* Parsing ahead: at most AHEAD_SLOTS slots of at most AHEAD_EVENTS events
 * wait for the caller; a slot is handed over when full or at the end of a
 * document, so that a document is there as soon as it is read. A thread
 * that has to wait is woken when half the ring is ready for it (or the
 * parser waits for input, or has given its last slot), not at every slot:
 * a wake-up per document cost more than the second thread gained. */
#define AHEAD_SLOTS  16
#define AHEAD_HALF   (AHEAD_SLOTS / 2)
#define AHEAD_EVENTS 512
/* ...and a slot is handed over once its texts pass this many bytes */
#define AHEAD_TEXT   (256 * 1024)

typedef struct {
  GByteArray *bytes;
  guint64     offset;         /* of bytes->data[0] in the input */
  guint64     line;           /* 1-based line of bytes->data[0]... */
  guint64     column;         /* ...and its column, in characters */
} Block;

typedef struct {
  PbsYamlEvent events[AHEAD_EVENTS];  /* their texts in @text */
  GByteArray  *text;
  guint        n;
  GError      *error;         /* after the events: the parser failed */
  gboolean     last;          /* the parser's last slot: an error or the stream's end */
} Slot;

struct _PbsYamlSource
{
  gatomicrefcount refs;       /* the owner's, and the thread's while it runs */
  char          *name;        /* for messages */
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
  yaml_event_t   event;       /* the last one given, without a thread... */
  gboolean       have_event;
  PbsYamlEvent   compact;     /* ...as the tree reads it */
  /* Parsing ahead. Everything above belongs to the thread once it runs;
   * the ring is shared under the lock. */
  GThread        *thread;
  GCancellable   *cancel;
  pthread_mutex_t lock;
  pthread_cond_t  cond;       /* the ring or the thread's state changed */
  Slot           *slots;
  guint           head;       /* the first full slot */
  guint           count;      /* full slots */
  gboolean        stop;       /* the owner is gone: stop parsing */
  gboolean        reading;    /* the thread is in a read of the input */
  gboolean        given_last; /* its last slot is in the ring */
  gboolean        exited;
  gboolean        parser_waits; /* for a free slot */
  gboolean        owner_waits;  /* for a full one */
  /* the owner's side */
  gboolean        holding;    /* slots[head] is being taken from */
  guint           taken;      /* its events taken so far */
};

static void
block_init (Block *b)
{
  b->bytes = g_byte_array_sized_new (BLOCK_SIZE + 4);
  b->offset = 0;
  b->line = 1;
  b->column = 1;
}

PbsYamlSource *
pbs_yaml_source_new (GInputStream *input, const char *name)
{
  PbsYamlSource *self = g_new0 (PbsYamlSource, 1);

  g_atomic_ref_count_init (&self->refs);
  self->name = g_strdup (name);
  self->input = g_object_ref (input);
  block_init (&self->cur);
  block_init (&self->prev);
  pthread_mutex_init (&self->lock, NULL);
  pthread_cond_init (&self->cond, NULL);
  return self;
}

/* The ring, with what the parser read ahead and nobody took. */
static void
free_slots (PbsYamlSource *self)
{
  for (guint i = 0; self->slots != NULL && i < AHEAD_SLOTS; i++)
    {
      g_clear_error (&self->slots[i].error);
      g_byte_array_unref (self->slots[i].text);
    }
  g_clear_pointer (&self->slots, g_free);
}

static void
source_unref (PbsYamlSource *self)
{
  if (!g_atomic_ref_count_dec (&self->refs))
    return;
  free_slots (self);
  if (self->have_event)
    yaml_event_delete (&self->event);
  if (self->started)
    yaml_parser_delete (&self->parser);
  g_clear_object (&self->cancel);
  pthread_mutex_destroy (&self->lock);
  pthread_cond_destroy (&self->cond);
  g_free (self->name);
  g_object_unref (self->input);
  g_byte_array_unref (self->cur.bytes);
  g_byte_array_unref (self->prev.bytes);
  g_clear_error (&self->read_error);
  g_free (self);
}

/* Waits for the thread to end, except when it is blocked reading (a pipe
 * nobody writes to): then it ends by itself once its read returns, and
 * frees the source if it is the last to hold it. */
void
pbs_yaml_source_free (PbsYamlSource *self)
{
  if (self == NULL)
    return;
  if (self->thread != NULL)
    {
      gboolean exited;

      pthread_mutex_lock (&self->lock);
      self->stop = TRUE;
      pthread_cond_broadcast (&self->cond);
      pthread_mutex_unlock (&self->lock);
      g_cancellable_cancel (self->cancel);
      pthread_mutex_lock (&self->lock);
      while (!self->exited && !self->reading)
        pthread_cond_wait (&self->cond, &self->lock);
      if (!self->exited)
        {
          /* a read of a regular file returns at once: give it a moment */
          struct timespec until;

          clock_gettime (CLOCK_REALTIME, &until);
          until.tv_nsec += 200 * 1000 * 1000;
          if (until.tv_nsec >= 1000 * 1000 * 1000)
            until.tv_sec++, until.tv_nsec -= 1000 * 1000 * 1000;
          while (!self->exited
                 && pthread_cond_timedwait (&self->cond, &self->lock, &until) != ETIMEDOUT)
            ;
        }
      exited = self->exited;
      pthread_mutex_unlock (&self->lock);
      if (exited)
        g_thread_join (self->thread);
      else
        g_thread_unref (self->thread);
      self->thread = NULL;
    }
  source_unref (self);
}

/* -------------------------------------------------------------- reading */

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
place_of (PbsYamlSource *self, guint64 offset, guint *line, guint *column)
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

/* Parsing ahead, the owner waits for a thread that is not reading. */
static void
set_reading (PbsYamlSource *self, gboolean reading)
{
  /* (not self->thread: the owner sets that while this thread runs) */
  if (self->slots == NULL)
    return;
  pthread_mutex_lock (&self->lock);
  self->reading = reading;
  pthread_cond_broadcast (&self->cond);
  pthread_mutex_unlock (&self->lock);
}

/* Reads the next block into cur (the old one becomes prev): the carry of
 * the last one first, then what the input gives. FALSE with read_error
 * set on a read error. */
static gboolean
read_block (PbsYamlSource *self)
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
      set_reading (self, TRUE);
      n = g_input_stream_read (self->input, self->cur.bytes->data + old_len, BLOCK_SIZE,
                               self->cancel, &local);
      set_reading (self, FALSE);
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
check_block (PbsYamlSource *self)
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
  PbsYamlSource *self = data;
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

/* The first block into cur, once: what peeking and starting look at. */
static gboolean
read_first_block (PbsYamlSource *self, GError **error)
{
  if (self->peeked)
    return TRUE;
  if (!read_block (self))
    {
      g_propagate_error (error, g_steal_pointer (&self->read_error));
      return FALSE;
    }
  self->peeked = TRUE;
  return TRUE;
}

GBytes *
pbs_yaml_source_peek (PbsYamlSource *self, GError **error)
{
  g_return_val_if_fail (!self->started, NULL);

  const guint8 *p;
  gsize n, cut;

  if (!read_first_block (self, error))
    return NULL;
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
pbs_yaml_source_read_all (PbsYamlSource *self, gsize max, GError **error)
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
          g_set_error (error, PBS_DOCUMENT_ERROR, PBS_DOCUMENT_ERROR_LIMIT,
                       "%s: more than %" G_GSIZE_FORMAT " bytes, more than a table file may have",
                       self->name, max);
          return NULL;
        }
      g_byte_array_append (all, buf, (guint) n);
    }
  if (n < 0)
    {
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
typing_habit_fail (PbsYamlSource *self, guint last, GError **error)
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
yaml_fail (PbsYamlSource *self, GError **error)
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
decode_unicode (PbsYamlSource *self, GError **error)
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


/* ------------------------------------------------------------- parsing */

/* The next event from libyaml on this thread. */
static gboolean
parse_now (PbsYamlSource *self, yaml_event_t *event, GError **error)
{
  if (yaml_parser_parse (&self->parser, event))
    return TRUE;
  return yaml_fail (self, error);
}

/* @to: what the tree reads of @from, its texts @from's. */
static void
compact (PbsYamlEvent *to, const yaml_event_t *from)
{
  memset (to, 0, sizeof *to);
  to->type = (guint8) from->type;
  to->line = (guint32) MIN (from->start_mark.line + 1, (size_t) G_MAXUINT32);
  to->column = (guint32) MIN (from->start_mark.column + 1, (size_t) G_MAXUINT32);
  switch (from->type)
    {
    case YAML_SCALAR_EVENT:
      to->plain = from->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
      to->length = (guint32) MIN (from->data.scalar.length, (size_t) G_MAXUINT32);
      to->value = (const char *) from->data.scalar.value;
      to->anchor = (const char *) from->data.scalar.anchor;
      break;
    case YAML_SEQUENCE_START_EVENT:
      to->anchor = (const char *) from->data.sequence_start.anchor;
      break;
    case YAML_MAPPING_START_EVENT:
      to->anchor = (const char *) from->data.mapping_start.anchor;
      break;
    case YAML_ALIAS_EVENT:
      to->anchor = (const char *) from->data.alias.anchor;
      break;
    default:
      break;
    }
}

/* Texts kept in a slot are written as offsets + 1 while the slot fills
 * (its buffer may move), then as pointers once it is full. */
static const char *
keep_text (GByteArray *text, const char *s, gsize length)
{
  gsize at = text->len;

  if (s == NULL)
    return NULL;
  g_byte_array_append (text, (const guint8 *) s, (guint) length);
  g_byte_array_append (text, (const guint8 *) "", 1);
  return GSIZE_TO_POINTER (at + 1);
}

static void
resolve_text (GByteArray *text, const char **s)
{
  if (*s != NULL)
    *s = (const char *) text->data + GPOINTER_TO_SIZE (*s) - 1;
}

/* The thread that parses ahead: fills the free slots in order until the
 * stream ends, the parser fails or the owner stops it. */
static gpointer
ahead_run (gpointer data)
{
  PbsYamlSource *self = data;
  gboolean last = FALSE;
  sigset_t all;

  /* Signals go to the owner's thread, whose handlers (the CLI's removal
   * of a temporary file) expect them there. */
  sigfillset (&all);
  pthread_sigmask (SIG_BLOCK, &all, NULL);
  while (!last)
    {
      Slot *slot;

      pthread_mutex_lock (&self->lock);
      if (self->count == AHEAD_SLOTS)
        {
          self->parser_waits = TRUE;
          while (self->count > AHEAD_HALF && !self->stop)
            pthread_cond_wait (&self->cond, &self->lock);
          self->parser_waits = FALSE;
        }
      if (self->stop)
        {
          pthread_mutex_unlock (&self->lock);
          break;
        }
      slot = &self->slots[(self->head + self->count) % AHEAD_SLOTS];
      pthread_mutex_unlock (&self->lock);

      slot->n = 0;
      g_byte_array_set_size (slot->text, 0);
      while (slot->n < AHEAD_EVENTS && slot->text->len < AHEAD_TEXT)
        {
          yaml_event_t ev;

          if (!parse_now (self, &ev, &slot->error))
            {
              last = TRUE;
              break;
            }
          {
            PbsYamlEvent *kept = &slot->events[slot->n++];

            compact (kept, &ev);
            kept->value = keep_text (slot->text, kept->value, ev.type == YAML_SCALAR_EVENT
                                                              ? ev.data.scalar.length : 0);
            kept->anchor = keep_text (slot->text, kept->anchor, kept->anchor != NULL ? strlen (kept->anchor) : 0);
          }
          yaml_event_delete (&ev);
          if (slot->events[slot->n - 1].type == YAML_STREAM_END_EVENT)
            last = TRUE;
          if (last || slot->events[slot->n - 1].type == YAML_DOCUMENT_END_EVENT)
            break;
        }
      /* the texts have stopped moving: offsets become pointers */
      for (guint k = 0; k < slot->n; k++)
        {
          resolve_text (slot->text, &slot->events[k].value);
          resolve_text (slot->text, &slot->events[k].anchor);
        }
      slot->last = last;
      pthread_mutex_lock (&self->lock);
      self->count++;
      self->given_last = last;
      if (self->owner_waits && (self->count >= AHEAD_HALF || last))
        pthread_cond_broadcast (&self->cond);
      pthread_mutex_unlock (&self->lock);
    }
  pthread_mutex_lock (&self->lock);
  self->exited = TRUE;
  pthread_cond_broadcast (&self->cond);
  pthread_mutex_unlock (&self->lock);
  source_unref (self);
  return NULL;
}

gboolean
pbs_yaml_source_start (PbsYamlSource *self, gboolean ahead, GError **error)
{
  g_return_val_if_fail (!self->started, FALSE);

  if (!read_first_block (self, error))
    return FALSE;
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
  if (ahead)
    {
      self->slots = g_new0 (Slot, AHEAD_SLOTS);
      for (guint i = 0; i < AHEAD_SLOTS; i++)
        self->slots[i].text = g_byte_array_new ();
      self->cancel = g_cancellable_new ();
      g_atomic_ref_count_inc (&self->refs);
      self->thread = g_thread_try_new ("pbs-yaml-ahead", ahead_run, self, NULL);
      if (self->thread == NULL)
        {
          /* parse on this thread, as without @ahead */
          g_atomic_ref_count_dec (&self->refs);
          free_slots (self);
          g_clear_object (&self->cancel);
        }
    }
  return TRUE;
}

const PbsYamlEvent *
pbs_yaml_source_next (PbsYamlSource *self, GError **error)
{
  g_return_val_if_fail (self->started, NULL);

  if (self->thread == NULL)
    {
      if (self->have_event)
        yaml_event_delete (&self->event);
      self->have_event = parse_now (self, &self->event, error);
      if (!self->have_event)
        return NULL;
      compact (&self->compact, &self->event);
      return &self->compact;
    }
  for (;;)
    {
      if (self->holding)
        {
          Slot *slot = &self->slots[self->head];

          if (self->taken < slot->n)
            return &slot->events[self->taken++];
          if (slot->error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&slot->error));
              return NULL;
            }
          if (slot->last)
            {
              g_set_error (error, PBS_DOCUMENT_ERROR, PBS_DOCUMENT_ERROR_IO,
                           "%s: read past the end", self->name);
              return NULL;
            }
          pthread_mutex_lock (&self->lock);
          self->head = (self->head + 1) % AHEAD_SLOTS;
          self->count--;
          self->holding = FALSE;
          if (self->parser_waits && self->count == AHEAD_HALF)
            pthread_cond_broadcast (&self->cond);
          pthread_mutex_unlock (&self->lock);
        }
      pthread_mutex_lock (&self->lock);
      self->owner_waits = TRUE;
      /* a parser waiting for input may be slow: take what is there */
      while (self->count == 0 || (self->count < AHEAD_HALF && !self->reading && !self->given_last))
        pthread_cond_wait (&self->cond, &self->lock);
      self->owner_waits = FALSE;
      pthread_mutex_unlock (&self->lock);
      self->holding = TRUE;
      self->taken = 0;
    }
}
