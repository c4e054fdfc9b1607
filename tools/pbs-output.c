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

static gboolean
stdout_error (GError **error, int saved)
{
  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
               "cannot write the standard output: %s", g_strerror (saved));
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

/* Writes in place, like `> target` in a shell. */
static gboolean
write_in_place (const char *path, const char *target, const char *data, gsize length,
                GError **error)
{
  int fd = open (path, O_WRONLY | O_TRUNC | O_CLOEXEC | O_NOCTTY);

  if (fd < 0)
    return set_errno_error (error, errno, target, "open");
  if (!write_all (fd, data, length))
    {
      int saved = errno;

      close (fd);
      return set_errno_error (error, saved, target, "write");
    }
  if (close (fd) != 0)
    return set_errno_error (error, errno, target, "write");
  return TRUE;
}

static gboolean
replace_file (const char *path, const char *target, const char *data, gsize length,
              GError **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *tmpl = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  GStatBuf st;
  mode_t mode;
  sigset_t old;
  int fd, saved;

  if (strlen (tmpl) >= sizeof pending_path)
    return set_errno_error (error, ENAMETOOLONG, target, "write");
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
    return set_errno_error (error, saved, target, "write");
  if (fchmod (fd, mode) != 0 || !write_all (fd, data, length) || fsync (fd) != 0)
    {
      saved = errno;
      close (fd);
      goto failed;
    }
  if (close (fd) != 0 || rename (pending_path, path) != 0)
    {
      saved = errno;
      goto failed;
    }
  pending_armed = 0;
  return TRUE;

failed:
  block_fatal_signals (&old);
  unlink (pending_path);
  pending_armed = 0;
  sigprocmask (SIG_SETMASK, &old, NULL);
  return set_errno_error (error, saved, target, "write");
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
  g_autofree char *path = NULL;
  GStatBuf st;

  if (target == NULL || strcmp (target, "-") == 0)
    {
      if (fwrite (data, 1, length, stdout) != length || fflush (stdout) != 0)
        return stdout_error (error, errno);
      return TRUE;
    }
  path = final_name (target, target, error);
  if (path == NULL)
    return FALSE;
  if (is_descriptor_path (path))
    return write_in_place (path, target, data, length, error);
  if (g_stat (path, &st) == 0)
    {
      if (S_ISCHR (st.st_mode) || S_ISFIFO (st.st_mode))
        return write_in_place (path, target, data, length, error);
      if (S_ISDIR (st.st_mode))
        return set_errno_error (error, EISDIR, target, "write");
      if (!S_ISREG (st.st_mode))
        {
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                       "cannot write “%s”: not a regular file, a character device or a FIFO",
                       target);
          return FALSE;
        }
    }
  return replace_file (path, target, data, length, error);
}

/**
 * pbs_output_close_stdout:
 *
 * Flushes and closes standard output, so that a write that failed late
 * (`> /dev/full`, a full disk) is noticed. Call once, before exiting.
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
  if (failed)
    return stdout_error (error, saved != 0 ? saved : EIO);
  return TRUE;
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
