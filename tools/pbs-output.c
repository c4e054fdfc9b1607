/* pbs-output.c - where the pbscore command writes its output
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The contract is doc/cli.md's "Where the output goes": --output onto a
 * character device, a FIFO or an open descriptor (/dev/stdout, /dev/fd/N)
 * is written in place, as a shell redirection would; a directory, a socket
 * or a block device is refused; a regular file, or a name that does not
 * exist yet, is replaced whole through a temporary file in its folder and
 * a rename. A chain of symbolic links is followed to its final file. A
 * fatal signal while the temporary file exists removes it. Messages name
 * the target, never the temporary file.
 */
#include "config.h"

#include "pbs-output.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

/* The temporary file a signal handler removes: its path is written before
 * the file is created and "armed" only while the file exists, so that the
 * handler does nothing but unlink(2) and raise(3), both async-signal-safe. */
static char pending_path[PATH_MAX + 16];
static volatile sig_atomic_t pending_armed;

static const int fatal_signals[] = { SIGTERM, SIGINT, SIGHUP, SIGXFSZ };

static void
on_fatal_signal (int sig)
{
  int saved = errno;

  if (pending_armed)
    unlink (pending_path);
  pending_armed = 0;
  signal (sig, SIG_DFL);
  raise (sig);
  errno = saved;
}

static void
block_fatal_signals (sigset_t *old)
{
  sigset_t set;

  sigemptyset (&set);
  for (guint i = 0; i < G_N_ELEMENTS (fatal_signals); i++)
    sigaddset (&set, fatal_signals[i]);
  sigprocmask (SIG_BLOCK, &set, old);
}

static void
install_handlers (void)
{
  static gboolean installed;
  struct sigaction sa;

  if (installed)
    return;
  installed = TRUE;
  memset (&sa, 0, sizeof sa);
  sa.sa_handler = on_fatal_signal;
  sigemptyset (&sa.sa_mask);
  for (guint i = 0; i < G_N_ELEMENTS (fatal_signals); i++)
    {
      struct sigaction old;

      /* A signal the caller ignores (nohup) stays ignored. */
      if (sigaction (fatal_signals[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN)
        continue;
      sigaction (fatal_signals[i], &sa, NULL);
    }
}

static gboolean
set_errno_error (GError **error, int saved, const char *target, const char *what)
{
  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
               "cannot %s “%s”: %s", what, target, g_strerror (saved));
  return FALSE;
}

/* Set once a failed write of standard output has been given to a caller,
 * who tells it: pbs_output_close_stdout() then fails without a second
 * message. */
static gboolean stdout_failure_given;

static gboolean
stdout_error (GError **error, int saved)
{
  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
               "cannot write the standard output: %s", g_strerror (saved));
  stdout_failure_given = TRUE;
  return FALSE;
}

static gboolean
write_all (int fd, const char *data, gsize length)
{
  while (length > 0)
    {
      ssize_t n = write (fd, data, MIN (length, (gsize) G_MAXSSIZE));

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return FALSE;
      data += n;
      length -= (gsize) n;
    }
  return TRUE;
}

/* A descriptor reopened by name: /dev/stdout, /dev/fd/N, /proc/…/fd/N.
 * Their links point at pipes and sockets that have no path to follow. */
static gboolean
is_descriptor_path (const char *path)
{
  return g_str_has_prefix (path, "/proc/") || g_str_has_prefix (path, "/dev/fd/")
         || strcmp (path, "/dev/stdout") == 0 || strcmp (path, "/dev/stderr") == 0;
}

/* Follows @path's chain of symbolic links to the final name (which may not
 * exist yet). Stops at a descriptor path. */
static char *
final_name (const char *path, const char *target, GError **error)
{
  g_autofree char *current = g_strdup (path);

  for (guint hops = 0; hops < 40; hops++)
    {
      GStatBuf st;
      g_autofree char *dest = NULL;
      g_autofree char *dir = NULL;

      if (is_descriptor_path (current) || g_lstat (current, &st) != 0 || !S_ISLNK (st.st_mode))
        return g_steal_pointer (&current);
      dest = g_file_read_link (current, NULL);
      if (dest == NULL)
        return g_steal_pointer (&current);
      if (g_path_is_absolute (dest))
        {
          g_free (current);
          current = g_steal_pointer (&dest);
          continue;
        }
      dir = g_path_get_dirname (current);
      g_free (current);
      current = g_build_filename (dir, dest, NULL);
    }
  set_errno_error (error, ELOOP, target, "write");
  return NULL;
}

/* An output being written: standard output, a descriptor written in place
 * (like `> target` in a shell), or a temporary file in the target's folder
 * renamed over it at the end. */
struct _PbsOutput
{
  char     *target;   /* as given, for messages */
  char     *path;     /* the final file to replace; NULL otherwise */
  int       fd;       /* -1 for standard output */
  gboolean  in_place;
};

static PbsOutput *
output_new (const char *target)
{
  PbsOutput *out = g_new0 (PbsOutput, 1);

  out->target = g_strdup (target);
  out->fd = -1;
  return out;
}

static void
output_free (PbsOutput *out)
{
  g_free (out->target);
  g_free (out->path);
  g_free (out);
}

static PbsOutput *
open_in_place (const char *path, const char *target, GError **error)
{
  int fd = open (path, O_WRONLY | O_TRUNC | O_CLOEXEC | O_NOCTTY);
  PbsOutput *out;

  if (fd < 0)
    {
      set_errno_error (error, errno, target, "open");
      return NULL;
    }
  out = output_new (target);
  out->fd = fd;
  out->in_place = TRUE;
  return out;
}

/* Creates the temporary file beside @path, armed for the signal handler. */
static PbsOutput *
open_replacement (const char *path, const char *target, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *tmpl = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  PbsOutput *out;
  GStatBuf st;
  mode_t mode;
  sigset_t old;
  int fd, saved;

  if (strlen (tmpl) >= sizeof pending_path)
    {
      set_errno_error (error, ENAMETOOLONG, target, "write");
      return NULL;
    }
  if (g_stat (path, &st) == 0)
    mode = st.st_mode & 07777;
  else
    {
      mode_t mask = umask (0);

      umask (mask);
      mode = 0666 & ~mask;
    }
  install_handlers ();
  block_fatal_signals (&old);
  memcpy (pending_path, tmpl, strlen (tmpl) + 1);
  fd = g_mkstemp_full (pending_path, O_WRONLY | O_CLOEXEC, 0600);
  saved = errno;
  if (fd >= 0)
    pending_armed = 1;
  sigprocmask (SIG_SETMASK, &old, NULL);
  if (fd < 0)
    {
      set_errno_error (error, saved, target, "write");
      return NULL;
    }
  out = output_new (target);
  out->fd = fd;
  out->path = g_strdup (path);
  if (fchmod (fd, mode) != 0)
    {
      saved = errno;
      pbs_output_abort (out);
      set_errno_error (error, saved, target, "write");
      return NULL;
    }
  return out;
}

/**
 * pbs_output_open:
 * @target: the --output argument; %NULL or "-" for standard output
 *
 * Starts an output (see the file's comment): nothing reaches a regular
 * file before pbs_output_commit(). Errors are in %G_FILE_ERROR and name
 * @target.
 */
PbsOutput *
pbs_output_open (const char *target, GError **error)
{
  g_autofree char *path = NULL;
  GStatBuf st;

  if (target == NULL || strcmp (target, "-") == 0)
    return output_new ("-");
  path = final_name (target, target, error);
  if (path == NULL)
    return NULL;
  if (is_descriptor_path (path))
    return open_in_place (path, target, error);
  if (g_stat (path, &st) == 0)
    {
      if (S_ISCHR (st.st_mode) || S_ISFIFO (st.st_mode))
        return open_in_place (path, target, error);
      if (S_ISDIR (st.st_mode))
        {
          set_errno_error (error, EISDIR, target, "write");
          return NULL;
        }
      if (!S_ISREG (st.st_mode))
        {
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                       "cannot write “%s”: not a regular file, a character device or a FIFO",
                       target);
          return NULL;
        }
    }
  return open_replacement (path, target, error);
}

/* Does @out write where the user sees it as it is produced (standard
 * output, a device, a pipe), rather than all at once? */
gboolean
pbs_output_is_streaming (const PbsOutput *out)
{
  return out->path == NULL;
}

gboolean
pbs_output_append (PbsOutput *out, const char *data, gsize length, GError **error)
{
  if (out->fd < 0)
    {
      /* flushed at once: a reader of the pipe sees each piece as it comes */
      if (length > 0 && (fwrite (data, 1, length, stdout) != length || fflush (stdout) != 0))
        return stdout_error (error, errno);
      return TRUE;
    }
  if (!write_all (out->fd, data, length))
    return set_errno_error (error, errno, out->target, "write");
  return TRUE;
}

/* Finishes @out (and frees it): standard output flushed, a descriptor
 * closed, the temporary file synced and renamed over the target. */
gboolean
pbs_output_commit (PbsOutput *out, GError **error)
{
  int saved;

  if (out->fd < 0)
    {
      gboolean ok = fflush (stdout) == 0;

      saved = errno;
      output_free (out);
      return ok || stdout_error (error, saved);
    }
  if (out->in_place)
    {
      gboolean ok = close (out->fd) == 0;

      saved = errno;
      ok = ok || set_errno_error (error, saved, out->target, "write");
      output_free (out);
      return ok;
    }
  if (fsync (out->fd) != 0)
    {
      saved = errno;
      close (out->fd);
      out->fd = -2;
      goto failed;
    }
  saved = close (out->fd) != 0 ? errno : 0;
  out->fd = -2;
  if (saved != 0 || rename (pending_path, out->path) != 0)
    {
      if (saved == 0)
        saved = errno;
      goto failed;
    }
  pending_armed = 0;
  output_free (out);
  return TRUE;

failed:
  set_errno_error (error, saved, out->target, "write");
  pbs_output_abort (out);
  return FALSE;
}

/* Gives @out up (and frees it): a temporary file is removed, the target
 * left as it was. What standard output or a device got stays. */
void
pbs_output_abort (PbsOutput *out)
{
  sigset_t old;

  if (out == NULL)
    return;
  if (out->path != NULL)
    {
      if (out->fd >= 0)
        close (out->fd);
      block_fatal_signals (&old);
      unlink (pending_path);
      pending_armed = 0;
      sigprocmask (SIG_SETMASK, &old, NULL);
    }
  else if (out->fd >= 0)
    close (out->fd);
  else
    fflush (stdout);
  output_free (out);
}

/**
 * pbs_output_write:
 * @target: the --output argument; %NULL or "-" for standard output
 *
 * Writes @data whole to @target (see the file's comment). Errors are in
 * %G_FILE_ERROR and name @target.
 */
gboolean
pbs_output_write (const char *target, const char *data, gsize length, GError **error)
{
  PbsOutput *out = pbs_output_open (target, error);

  if (out == NULL)
    return FALSE;
  if (!pbs_output_append (out, data, length, error))
    {
      pbs_output_abort (out);
      return FALSE;
    }
  return pbs_output_commit (out, error);
}

/**
 * pbs_output_close_stdout:
 *
 * Flushes and closes standard output, so that a write that failed late
 * (`> /dev/full`, a full disk) is noticed. Call once, before exiting.
 * %FALSE when standard output failed at any time; @error is left unset
 * when that failure was already given to a caller by pbs_output_append()
 * or pbs_output_commit(), so that it is told once.
 */
gboolean
pbs_output_close_stdout (GError **error)
{
  gboolean failed = fflush (stdout) != 0 || ferror (stdout);
  int saved = errno;

  if (fclose (stdout) != 0 && !failed)
    {
      failed = TRUE;
      saved = errno;
    }
  if (failed && stdout_failure_given)
    return FALSE;
  if (failed)
    return stdout_error (error, saved != 0 ? saved : EIO);
  return !stdout_failure_given;
}

/**
 * pbs_output_dup_folder:
 * @target: the --output argument; %NULL or "-" for standard output
 *
 * The folder a document written to @target is read back from, for the
 * paths it names (doc/format.md): the folder of a regular file or a new
 * name. %NULL (write absolute paths) for standard output, a descriptor, a
 * device or FIFO (the reader is elsewhere), and a symbolic link (the file
 * may be read through the link, from another folder).
 */
char *
pbs_output_dup_folder (const char *target)
{
  GStatBuf st;

  if (target == NULL || strcmp (target, "-") == 0 || is_descriptor_path (target))
    return NULL;
  if (g_lstat (target, &st) == 0 && !S_ISREG (st.st_mode))
    return NULL;
  return g_path_get_dirname (target);
}

/* ------------------------------------------------------------ the stream */

/* A GOutputStream over a PbsOutput, so that a PbsReport writes to it as it
 * produces; with gb18030, UTF-8 is converted on the way (a sequence split
 * between two writes waits for its end) and the byte-order mark left out. */
struct _PbsOutputStream
{
  GOutputStream  parent_instance;
  PbsOutput     *out;       /* borrowed */
  gboolean       gb18030;
  gboolean       started;
  GByteArray    *carry;     /* UTF-8 bytes not converted yet */
};

G_DEFINE_FINAL_TYPE (PbsOutputStream, pbs_output_stream, G_TYPE_OUTPUT_STREAM)

/* The length of @data's longest prefix that ends on a character boundary. */
static gsize
complete_utf8 (const guint8 *data, gsize length)
{
  gsize i = length;

  for (guint back = 0; back < 4 && i > 0; back++)
    {
      guint8 c = data[i - 1];

      if (c < 0x80)
        return length;                  /* ASCII ends the text */
      if (c >= 0xC0)
        {
          gsize need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;

          return length - (i - 1) >= need ? length : i - 1;
        }
      i--;
    }
  return length;                        /* not UTF-8: g_convert says so */
}

static gboolean
convert_and_append (PbsOutputStream *self, gsize length, GError **error)
{
  g_autofree char *gb = NULL;
  gsize written = 0;
  const char *text = (const char *) self->carry->data;

  if (length == 0)
    return TRUE;
  gb = g_convert (text, (gssize) length, "GB18030", "UTF-8", NULL, &written, error);
  if (gb == NULL || !pbs_output_append (self->out, gb, written, error))
    return FALSE;
  g_byte_array_remove_range (self->carry, 0, (guint) length);
  return TRUE;
}

static gssize
pbs_output_stream_write (GOutputStream *stream, const void *buffer, gsize count,
                         GCancellable *cancellable, GError **error)
{
  PbsOutputStream *self = (PbsOutputStream *) stream;

  (void) cancellable;
  if (!self->gb18030)
    return pbs_output_append (self->out, buffer, count, error) ? (gssize) count : -1;
  g_byte_array_append (self->carry, buffer, (guint) count);
  if (!self->started)
    {
      if (self->carry->len < 3 && memcmp (self->carry->data, "\xef\xbb\xbf", self->carry->len) == 0)
        return (gssize) count;
      self->started = TRUE;
      if (memcmp (self->carry->data, "\xef\xbb\xbf", 3) == 0)
        g_byte_array_remove_range (self->carry, 0, 3);
    }
  if (!convert_and_append (self, complete_utf8 (self->carry->data, self->carry->len), error))
    return -1;
  return (gssize) count;
}

static gboolean
pbs_output_stream_flush (GOutputStream *stream, GCancellable *cancellable, GError **error)
{
  PbsOutputStream *self = (PbsOutputStream *) stream;

  (void) cancellable;
  return !self->gb18030 || convert_and_append (self, self->carry->len, error);
}

static void
pbs_output_stream_finalize (GObject *object)
{
  PbsOutputStream *self = (PbsOutputStream *) object;

  g_byte_array_unref (self->carry);
  G_OBJECT_CLASS (pbs_output_stream_parent_class)->finalize (object);
}

static void
pbs_output_stream_class_init (PbsOutputStreamClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pbs_output_stream_finalize;
  G_OUTPUT_STREAM_CLASS (klass)->write_fn = pbs_output_stream_write;
  G_OUTPUT_STREAM_CLASS (klass)->flush = pbs_output_stream_flush;
}

static void
pbs_output_stream_init (PbsOutputStream *self)
{
  self->carry = g_byte_array_new ();
}

/* A stream writing to @out (which must outlive it). */
GOutputStream *
pbs_output_stream_new (PbsOutput *out, gboolean gb18030)
{
  PbsOutputStream *self = g_object_new (pbs_output_stream_get_type (), NULL);

  self->out = out;
  self->gb18030 = gb18030;
  return G_OUTPUT_STREAM (self);
}
