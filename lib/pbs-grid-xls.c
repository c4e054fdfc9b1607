/* pbs-grid-xls.c - the sheets of an .xls (BIFF) workbook as grids
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Layer: readers. freexl 1.0.6 (Debian 12) reads BIFF from a file name
 * only, so the bytes go to a temporary file first; it runs in a child
 * process (see "the child" below). It gives each cell's
 * value, telling dates from numbers by their format, but no number format
 * and no merged range. So here, as doc/import.md says:
 *   - text and dates (YYYY-MM-DD, YYYY-MM-DD HH:MM:SS) are shown as freexl
 *     gives them;
 *   - a number in a rate column (its header, the nearest cell above without
 *     a digit, has 率 or %) whose size is at most 2 is a fraction shown as a
 *     percentage (0.9994 → 99.94%);
 *   - any other number is shown as Excel's General format shows it: the
 *     double's 15 significant digits (printf's %.15g, which glibc rounds
 *     exactly), then pbs-grid-numfmt.c's General;
 *   - merged cells are not known: a merged range's cells other than its
 *     first read as blank, and filling blank level cells from above is the
 *     layout reader's business.
 */
#include "config.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <glib-unix.h>
#include <freexl.h>

#include "pbscore/pbscore.h"
#include "pbs-grid.h"
#include "pbs-grid-numfmt.h"

/* The largest fraction shown as a percentage in a rate column: 200 %. */
#define RATE_MAX_FRACTION 2.0

static const char *
freexl_reason (int code)
{
  switch (code)
    {
    case FREEXL_INSUFFICIENT_MEMORY:
      return "out of memory";
    case FREEXL_INVALID_CFBF_HEADER:
    case FREEXL_CFBF_INVALID_SIGNATURE:
    case FREEXL_CFBF_INVALID_SECTOR_SIZE:
      return "not an OLE2 compound file";
    case FREEXL_CFBF_READ_ERROR:
    case FREEXL_CFBF_SEEK_ERROR:
    case FREEXL_CFBF_EMPTY_FAT_CHAIN:
    case FREEXL_CFBF_ILLEGAL_FAT_ENTRY:
    case FREEXL_INVALID_MINI_STREAM:
    case FREEXL_CFBF_ILLEGAL_MINI_FAT_ENTRY:
      return "the OLE2 container is damaged or truncated";
    case FREEXL_BIFF_WORKBOOK_NOT_FOUND:
      return "no Workbook stream (not an Excel 97-2003 workbook)";
    case FREEXL_BIFF_INVALID_BOF:
    case FREEXL_BIFF_INVALID_SST:
    case FREEXL_BIFF_ILLEGAL_SST_INDEX:
    case FREEXL_ILLEGAL_RK_VALUE:
    case FREEXL_CRAFTED_FILE:
      return "the workbook stream is damaged";
    case FREEXL_INVALID_CHARACTER:
    case FREEXL_UNSUPPORTED_CHARSET:
      return "text in a code page that cannot be converted";
    default:
      return "freexl cannot read it";
    }
}

static gboolean
xls_error (const char *file, const char *place, int code, GError **error)
{
  g_set_error (error, PBS_IMPORT_ERROR,
               code == FREEXL_INSUFFICIENT_MEMORY ? PBS_IMPORT_ERROR_LIMIT :
               code == FREEXL_INVALID_CHARACTER || code == FREEXL_UNSUPPORTED_CHARSET ?
                 PBS_IMPORT_ERROR_ENCODING : PBS_IMPORT_ERROR_CORRUPT,
               "%s%s%s: %s (freexl error %d)", file, place != NULL ? ":" : "",
               place != NULL ? place : "", freexl_reason (code), code);
  return FALSE;
}

static gboolean
has_digit (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isdigit (c))
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_rate_header (const char *text)
{
  return strstr (text, "率") != NULL || strchr (text, '%') != NULL ||
         strstr (text, "％") != NULL;
}

/* ------------------------------------------------------------ the child
 *
 * freexl 1.0.6 is not safe on crafted files: fuzzing found a stack buffer
 * over-read inside freexl_open() (in its iconv conversion of a BIFF
 * string). So freexl runs in a child process, which sends the cells back
 * through a pipe; a child that crashes, hangs or dies is an error here,
 * never a crash of pbscore. The child calls only freexl, GLib's
 * locale-free number printing and write(). */

typedef enum {
  REC_SHEET = 'S',   /* text: the sheet's name */
  REC_NUMBER = 'N',  /* text: %.15g digits */
  REC_TEXT = 'T',    /* text, a date or a time as freexl gives it */
  REC_ERROR = 'E',   /* code: freexl's; flag: 1 encrypted, 2 at (row, col) */
  REC_DONE = 'D',
} RecType;

typedef struct {
  guint8  type;
  guint8  flag;
  guint16 col;
  guint32 row;
  gint32  code;
  guint32 len;
} Rec;

/* Seconds freexl may take for one workbook. */
#define XLS_TIMEOUT_SECONDS 60
#define XLS_MAX_NAME 1024

static void
child_write (int fd, const void *data, gsize len)
{
  const char *p = data;

  while (len > 0)
    {
      gssize n = write (fd, p, len);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        _exit (3);
      p += n;
      len -= (gsize) n;
    }
}

static void
child_send (int fd, RecType type, guint8 flag, guint32 row, guint16 col, gint32 code,
            const char *text, gsize max)
{
  gsize len = text != NULL ? strlen (text) : 0;
  Rec rec = { (guint8) type, flag, col, row, code, (guint32) MIN (len, max) };

  child_write (fd, &rec, sizeof rec);
  if (rec.len > 0)
    child_write (fd, text, rec.len);
}

/* The sanitizers' hook (weak: absent from ordinary builds). libFuzzer sets
 * a death callback that saves the input as a crash; the child forked from a
 * fuzz target inherits it, and freexl's over-read would be saved as a crash
 * of pbscore, which goes on unharmed. */
extern void __sanitizer_set_death_callback (void (*callback) (void)) __attribute__ ((weak));

static void G_GNUC_NORETURN
child_main (const char *path, int fd)
{
  const void *xls = NULL;
  unsigned int count = 0, password = 0;
  int rc;

  if (__sanitizer_set_death_callback != NULL)
    __sanitizer_set_death_callback (NULL);
  rc = freexl_open (path, &xls);

  if (rc != FREEXL_OK)
    goto fail;
  if (freexl_get_info (xls, FREEXL_BIFF_PASSWORD, &password) == FREEXL_OK &&
      password == FREEXL_BIFF_OBFUSCATED)
    {
      child_send (fd, REC_ERROR, 1, 0, 0, 0, NULL, 0);
      _exit (0);
    }
  if ((rc = freexl_get_info (xls, FREEXL_BIFF_SHEET_COUNT, &count)) != FREEXL_OK)
    goto fail;
  for (unsigned int i = 0; i < count && i <= G_MAXUINT16; i++)
    {
      const char *name = NULL;
      unsigned int rows = 0;
      unsigned short cols = 0;

      if ((rc = freexl_get_worksheet_name (xls, (unsigned short) i, &name)) != FREEXL_OK ||
          (rc = freexl_select_active_worksheet (xls, (unsigned short) i)) != FREEXL_OK ||
          (rc = freexl_worksheet_dimensions (xls, &rows, &cols)) != FREEXL_OK)
        goto fail;
      child_send (fd, REC_SHEET, 0, 0, 0, 0, name, XLS_MAX_NAME);
      for (unsigned int r = 0; r < rows; r++)
        for (unsigned short c = 0; c < cols; c++)
          {
            FreeXL_CellValue cell;
            char digits[G_ASCII_DTOSTR_BUF_SIZE];

            if ((rc = freexl_get_cell_value (xls, r, c, &cell)) != FREEXL_OK)
              {
                child_send (fd, REC_ERROR, 2, r, c, rc, NULL, 0);
                _exit (0);
              }
            switch (cell.type)
              {
              case FREEXL_CELL_INT:
                g_snprintf (digits, sizeof digits, "%d", cell.value.int_value);
                child_send (fd, REC_NUMBER, 0, r, c, 0, digits, sizeof digits);
                break;
              case FREEXL_CELL_DOUBLE:
                g_ascii_formatd (digits, sizeof digits, "%.15g", cell.value.double_value);
                child_send (fd, REC_NUMBER, 0, r, c, 0, digits, sizeof digits);
                break;
              case FREEXL_CELL_TEXT:
              case FREEXL_CELL_SST_TEXT:
              case FREEXL_CELL_DATE:
              case FREEXL_CELL_DATETIME:
              case FREEXL_CELL_TIME:
                /* one byte past the grid's bound, so the grid reports it */
                if (cell.value.text_value != NULL && *cell.value.text_value != '\0')
                  child_send (fd, REC_TEXT, 0, r, c, 0, cell.value.text_value,
                              PBS_GRID_MAX_CELL_BYTES + 1);
                break;
              default:
                break;
              }
          }
    }
  child_send (fd, REC_DONE, 0, 0, 0, 0, NULL, 0);
  _exit (0);

fail:
  child_send (fd, REC_ERROR, 0, 0, 0, rc, NULL, 0);
  _exit (0);
}

/* ------------------------------------------------------------ the parent */

/* Reads @len bytes before @deadline: 1, 0 at the end of the pipe, -1 when
 * time ran out. */
static int
read_full (int fd, void *buf, gsize len, gint64 deadline)
{
  char *p = buf;

  while (len > 0)
    {
      struct pollfd pfd = { fd, POLLIN, 0 };
      gint64 left = (deadline - g_get_monotonic_time ()) / 1000;
      int ready;
      gssize n;

      if (left <= 0)
        return -1;
      ready = poll (&pfd, 1, (int) MIN (left, G_MAXINT));
      if (ready < 0 && errno == EINTR)
        continue;
      if (ready <= 0)
        return -1;
      n = read (fd, p, len);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return 0;
      p += n;
      len -= (gsize) n;
    }
  return 1;
}

typedef struct {
  const char *file;
  GPtrArray  *grids;
  PbsGrid    *grid;   /* the sheet being read */
  GArray     *rate;   /* gboolean per column: its header names a rate */
} Parent;

static void
take_cell (Parent *p, const Rec *rec, const char *text)
{
  gboolean *rate;

  if (rec->col >= p->rate->len)
    g_array_set_size (p->rate, rec->col + 1u);
  rate = &g_array_index (p->rate, gboolean, rec->col);
  if (rec->type == REC_TEXT)
    {
      /* the header of a column: the nearest text above without a digit */
      if (!has_digit (text))
        *rate = is_rate_header (text);
      pbs_grid_set (p->grid, rec->row, rec->col, text, 0);
    }
  else
    {
      double v = g_ascii_strtod (text, NULL);
      g_autofree char *shown = *rate && v >= -RATE_MAX_FRACTION && v <= RATE_MAX_FRACTION
                               ? pbs_numfmt_percent (text)
                               : pbs_numfmt_format (text, NULL, FALSE);

      pbs_grid_set (p->grid, rec->row, rec->col, shown != NULL ? shown : text, 0);
    }
}

/* Reads the child's records into grids. TRUE when the child said it was
 * done; FALSE with @error when it sent an error, or with *@timed_out or
 * neither when it stopped early (the caller asks why). */
static gboolean
take_records (Parent *p, int fd, gboolean *timed_out, GError **error)
{
  gint64 deadline = g_get_monotonic_time () + XLS_TIMEOUT_SECONDS * G_USEC_PER_SEC;
  g_autofree char *text = g_malloc (PBS_GRID_MAX_CELL_BYTES + 2);
  Rec rec;
  int ok;

  *timed_out = FALSE;
  while ((ok = read_full (fd, &rec, sizeof rec, deadline)) == 1)
    {
      gsize max = rec.type == REC_SHEET ? XLS_MAX_NAME : PBS_GRID_MAX_CELL_BYTES + 1;

      if (rec.len > max || (ok = read_full (fd, text, rec.len, deadline)) != 1)
        break;
      text[rec.len] = '\0';
      switch (rec.type)
        {
        case REC_SHEET:
          if (p->grid != NULL && !pbs_grid_check_limits (p->grid, error))
            return FALSE;
          p->grid = pbs_grid_new (PBS_GRID_SHEET, p->file, text, 0);
          g_ptr_array_add (p->grids, p->grid);
          g_array_set_size (p->rate, 0);
          break;
        case REC_NUMBER:
        case REC_TEXT:
          if (p->grid == NULL || !g_utf8_validate (text, rec.len, NULL))
            {
              g_set_error (error, PBS_IMPORT_ERROR, PBS_IMPORT_ERROR_ENCODING,
                           "%s: freexl gave text that is not UTF-8", p->file);
              return FALSE;
            }
          take_cell (p, &rec, text);
          if (pbs_grid_is_full (p->grid))
            return pbs_grid_check_limits (p->grid, error);
          break;
        case REC_ERROR:
          if (rec.flag == 1)
            g_set_error (error, PBS_IMPORT_ERROR, PBS_IMPORT_ERROR_ENCRYPTED,
                         "%s: the workbook is password-protected; open it, remove the "
                         "password and save it again", p->file);
          else
            {
              g_autofree char *place = rec.flag == 2 && p->grid != NULL
                                       ? pbs_grid_dup_place (p->grid, rec.row, rec.col) : NULL;

              xls_error (p->file, place, rec.code, error);
            }
          return FALSE;
        case REC_DONE:
          return p->grid == NULL || pbs_grid_check_limits (p->grid, error);
        default:
          ok = 0;
          break;
        }
      if (ok != 1)
        break;
    }
  *timed_out = ok < 0;
  return FALSE;
}

/* Runs freexl on @path in a child process and reads its cells. */
static gboolean
read_in_child (Parent *p, const char *path, GError **error)
{
  int fds[2], status = 0;
  pid_t pid;
  gboolean ok, timed_out = FALSE;
  GError *local = NULL;

  /* close-on-exec: a program that starts other processes meanwhile must
   * not hand them the pipe */
  if (!g_unix_open_pipe (fds, FD_CLOEXEC, &local))
    {
      g_set_error (error, PBS_IMPORT_ERROR, PBS_IMPORT_ERROR_LIMIT,
                   "%s: cannot make a pipe to read it: %s", p->file, local->message);
      g_error_free (local);
      return FALSE;
    }
  pid = fork ();
  if (pid < 0)
    {
      g_set_error (error, PBS_IMPORT_ERROR, PBS_IMPORT_ERROR_LIMIT,
                   "%s: cannot start a process to read it: %s", p->file, g_strerror (errno));
      close (fds[0]);
      close (fds[1]);
      return FALSE;
    }
  if (pid == 0)
    {
      close (fds[0]);
      child_main (path, fds[1]);
    }
  close (fds[1]);
  ok = take_records (p, fds[0], &timed_out, &local);
  close (fds[0]);
  /* done, failed or not: the child has nothing more to say */
  kill (pid, SIGKILL);
  while (waitpid (pid, &status, 0) < 0 && errno == EINTR)
    ;
  if (ok)
    return TRUE;
  if (local != NULL)
    g_propagate_error (error, local);
  else if (timed_out)
    g_set_error (error, PBS_IMPORT_ERROR, PBS_IMPORT_ERROR_LIMIT,
                 "%s: freexl took more than %d seconds on it", p->file, XLS_TIMEOUT_SECONDS);
  else
    g_set_error (error, PBS_IMPORT_ERROR, PBS_IMPORT_ERROR_CORRUPT,
                 "%s: freexl failed on it (%s %d): a damaged or crafted .xls",
                 p->file, WIFSIGNALED (status) ? "signal" : "exit status",
                 WIFSIGNALED (status) ? WTERMSIG (status) : WEXITSTATUS (status));
  return FALSE;
}

GPtrArray *
pbs_grid_read_xls (const char *file, GBytes *data, GError **error)
{
  g_autoptr(GPtrArray) grids = g_ptr_array_new_with_free_func ((GDestroyNotify) pbs_grid_free);
  g_autoptr(GArray) rate = g_array_new (FALSE, TRUE, sizeof (gboolean));
  g_autoptr(GError) local = NULL;
  g_autofree char *tmp = NULL;
  Parent p = { file, grids, NULL, rate };
  gboolean ok = FALSE, written = TRUE;
  gsize size;
  gconstpointer bytes;
  int fd;

  g_return_val_if_fail (file != NULL && data != NULL, NULL);
  bytes = g_bytes_get_data (data, &size);
  fd = g_file_open_tmp ("pbscore-XXXXXX.xls", &tmp, &local);
  if (fd < 0)
    {
      g_set_error (error, PBS_IMPORT_ERROR, PBS_IMPORT_ERROR_LIMIT,
                   "%s: cannot write the temporary copy freexl reads: %s", file, local->message);
      return NULL;
    }
  /* written through the descriptor g_file_open_tmp() made, so that the
   * copy stays readable by its owner only (0600) */
  for (gsize done = 0; written && done < size;)
    {
      gssize n = write (fd, (const char *) bytes + done, size - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          g_set_error (error, PBS_IMPORT_ERROR, PBS_IMPORT_ERROR_LIMIT,
                       "%s: cannot write the temporary copy freexl reads: %s", file,
                       g_strerror (errno));
          written = FALSE;
          continue;
        }
      done += (gsize) n;
    }
  g_close (fd, NULL);
  if (written)
    ok = read_in_child (&p, tmp, error);
  g_unlink (tmp);
  return ok ? g_steal_pointer (&grids) : NULL;
}
