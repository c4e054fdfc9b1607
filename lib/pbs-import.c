/* pbs-import.c - recognising table files and reading them as evaluations
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Layer: readers. A file is recognised by its content: magic bytes, then
 * the parts of its zip or OLE2 container (opened with libgsf); the
 * extension only decides between YAML and CSV, which are both plain text.
 * Formats pbscore does not read are refused with a conversion hint.
 */
#include "config.h"

#include <string.h>

#include <gsf/gsf-infile.h>
#include <gsf/gsf-infile-msole.h>
#include <gsf/gsf-infile-zip.h>
#include <gsf/gsf-input-memory.h>

#include "pbscore/pbscore.h"
#include "pbs-grid.h"
#include "pbs-import.h"
#include "pbs-layout.h"
#include "pbs-yaml-source.h"
#include "pbs-yaml-tree.h"

/* libgsf 1.14 declares no g_autoptr cleanups of its own. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfInput, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfInfile, g_object_unref)

#define SOFFICE "soffice --headless --convert-to"

static gboolean
has_prefix_len (const guint8 *p, gsize len, const char *magic, gsize n)
{
  return len >= n && memcmp (p, magic, n) == 0;
}

/* The extension of @file, lower case, without the dot; "" without one. */
static char *
dup_extension (const char *file)
{
  g_autofree char *base = g_path_get_basename (file != NULL ? file : "");
  const char *dot = strrchr (base, '.');

  return g_ascii_strdown (dot != NULL ? dot + 1 : "", -1);
}

static gboolean G_GNUC_PRINTF (4, 5)
refuse (GError **error, int code, const char *file, const char *format, ...)
{
  g_autofree char *msg = NULL;
  va_list args;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, PBS_IMPORT_ERROR, code, "%s: %s", file, msg);
  return FALSE;
}

static gboolean
child_exists (GsfInfile *infile, const char *first, ...)
{
  GsfInput *child;
  const char *names[8];
  guint n = 0;
  va_list args;

  va_start (args, first);
  for (const char *s = first; s != NULL && n < G_N_ELEMENTS (names) - 1;
       s = va_arg (args, const char *))
    names[n++] = s;
  va_end (args);
  names[n] = NULL;
  child = gsf_infile_child_by_aname (infile, names);
  if (child == NULL)
    return FALSE;
  g_object_unref (child);
  return TRUE;
}

/* Opens a zip or an OLE2 container over @data (which it borrows). */
static GsfInfile *
open_container (const char *file, GBytes *data, gboolean zip, GError **error)
{
  gsize len;
  const guint8 *p = g_bytes_get_data (data, &len);
  g_autoptr (GsfInput) input = gsf_input_memory_new (p, (gsf_off_t) len, FALSE);
  g_autoptr (GError) local = NULL;
  GsfInfile *infile;

  infile = zip ? gsf_infile_zip_new (input, &local) : gsf_infile_msole_new (input, &local);
  if (infile == NULL)
    refuse (error, PBS_IMPORT_ERROR_CORRUPT, file, "a damaged %s (%s)",
            zip ? "zip container" : "OLE2 compound file",
            local != NULL ? local->message : "unreadable directory");
  return infile;
}

static gboolean
sniff_zip (const char *file, GBytes *data, const char *ext, PbsImportFormat *format,
           GError **error)
{
  g_autoptr (GsfInfile) zip = open_container (file, data, TRUE, error);

  if (zip == NULL)
    return FALSE;
  if (child_exists (zip, "xl", "workbook.xml", NULL))
    {
      *format = PBS_IMPORT_XLSX;
      return TRUE;
    }
  if (child_exists (zip, "word", "document.xml", NULL))
    {
      *format = PBS_IMPORT_DOCX;
      return TRUE;
    }
  if (child_exists (zip, "OFD.xml", NULL))
    return refuse (error, PBS_IMPORT_ERROR_UNSUPPORTED_FORMAT, file,
                   "an OFD document (版式文件), which pbscore does not read; "
                   "take the table from the workbook or Word document it was made from");
  if (child_exists (zip, "ppt", "presentation.xml", NULL))
    return refuse (error, PBS_IMPORT_ERROR_UNSUPPORTED_FORMAT, file,
                   "a PowerPoint presentation, which pbscore does not read; "
                   "copy the table into a workbook (.xlsx)");
  if (child_exists (zip, "content.xml", NULL))
    return refuse (error, PBS_IMPORT_ERROR_UNSUPPORTED_FORMAT, file,
                   "an OpenDocument file (.ods/.odt), which pbscore does not read; "
                   "convert it: " SOFFICE " xlsx (or docx) %s", file);
  if (child_exists (zip, "[Content_Types].xml", NULL))
    return refuse (error, PBS_IMPORT_ERROR_CORRUPT, file,
                   "an Office Open XML package with neither xl/workbook.xml nor "
                   "word/document.xml (half a workbook?)");
  return refuse (error, PBS_IMPORT_ERROR_UNSUPPORTED_FORMAT, file,
                 "a zip archive that holds no workbook or Word document%s",
                 strcmp (ext, "et") == 0 || strcmp (ext, "wps") == 0
                 ? "; save it from WPS as .xlsx or .docx" : "");
}

static gboolean
sniff_ole2 (const char *file, GBytes *data, const char *ext, PbsImportFormat *format,
            GError **error)
{
  g_autoptr (GsfInfile) ole = open_container (file, data, FALSE, error);

  if (ole == NULL)
    return FALSE;
  if (child_exists (ole, "EncryptedPackage", NULL))
    return refuse (error, PBS_IMPORT_ERROR_ENCRYPTED, file,
                   "a password-protected workbook or document; open it, remove the "
                   "password (文件 → 信息 → 保护工作簿 / Protect Workbook) and save it again");
  if (child_exists (ole, "Workbook", NULL) || child_exists (ole, "Book", NULL))
    {
      /* WPS's .et is a BIFF8 workbook in the same container as .xls. */
      *format = PBS_IMPORT_XLS;
      return TRUE;
    }
  if (child_exists (ole, "WordDocument", NULL))
    return refuse (error, PBS_IMPORT_ERROR_UNSUPPORTED_FORMAT, file,
                   "%s, which pbscore does not read; convert it: " SOFFICE " docx %s",
                   strcmp (ext, "wps") == 0 ? "a WPS Writer document (.wps)"
                                            : "a Word 97-2003 document (.doc)", file);
  return refuse (error, PBS_IMPORT_ERROR_UNSUPPORTED_FORMAT, file,
                 "an OLE2 compound file that holds no workbook (%s); convert it: "
                 SOFFICE " xlsx %s",
                 strcmp (ext, "et") == 0 ? "a WPS spreadsheet without a Workbook stream"
                                         : "no Workbook or Book stream", file);
}

/* The first non-blank bytes of a text, after a UTF-8 byte-order mark. */
static const char *
skip_blank (const char *p, const char *end)
{
  if (end - p >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;
  while (p < end && g_ascii_isspace (*p))
    p++;
  return p;
}

static gboolean
text_has_prefix_nocase (const char *p, const char *end, const char *prefix)
{
  gsize n = strlen (prefix);

  return (gsize) (end - p) >= n && g_ascii_strncasecmp (p, prefix, n) == 0;
}

/* Whether the first non-blank line reads as YAML: a comment, a directive,
 * a document or sequence start, `pbscore:`, or a "word: " key with no
 * comma or tab (which a table's first row would have). */
static gboolean
first_line_is_yaml (const char *line)
{
  const char *colon = strchr (line, ':');

  if (line[0] == '#' || line[0] == '-' || line[0] == '%')
    return TRUE;
  if (strncmp (line, "pbscore:", 8) == 0)
    return TRUE;
  return colon != NULL && (colon[1] == ' ' || colon[1] == '\0' || colon[1] == '\r')
         && strpbrk (line, ",\t") == NULL;
}

/* Whether a text reads as a table of separated values rather than YAML:
 * its first non-blank line is no YAML, and it has a comma or a tab or the
 * text is not UTF-8 (a GB18030 table). A YAML document that is not UTF-8
 * stays YAML, for the YAML reader's located encoding error. */
static gboolean
looks_like_csv (const char *p, const char *end, gboolean utf8)
{
  const char *eol = memchr (p, '\n', (gsize) (end - p));
  g_autofree char *line = g_strndup (p, (gsize) ((eol != NULL ? eol : end) - p));

  if (first_line_is_yaml (line))
    return FALSE;
  return !utf8 || strpbrk (line, ",\t") != NULL;
}

/* A text with a UTF-16 or UTF-32 byte-order mark: a page when its first
 * non-blank character is `<`; YAML when the name says so or its first line
 * reads as YAML (always for UTF-32, which no table is saved in); a table
 * when the name says so or the first line has a comma or a tab. Only the first 4 KiB are decoded, whole characters. */
static gboolean
sniff_unicode (const guint8 *p, gsize len, const char *encoding, gsize mark, const char *ext,
               PbsImportFormat *format)
{
  gsize read = 0, n;
  gsize unit = encoding[4] == '3' ? 4 : 2;
  g_autofree char *head = NULL;
  const char *q, *end;

  n = MIN (len - mark, 4096) / unit * unit;
  head = g_convert ((const char *) p + mark, (gssize) n, "UTF-8", encoding, &read, NULL, NULL);
  if (head == NULL)
    head = g_convert ((const char *) p + mark, (gssize) read, "UTF-8", encoding, NULL, NULL, NULL);
  if (head == NULL)
    head = g_strdup ("");
  end = head + strlen (head);
  q = skip_blank (head, end);
  if (q < end && *q == '<')
    *format = PBS_IMPORT_HTML;
  else if (unit == 4 || strcmp (ext, "yaml") == 0 || strcmp (ext, "yml") == 0)
    *format = PBS_IMPORT_YAML;
  else if (strcmp (ext, "csv") == 0 || strcmp (ext, "tsv") == 0 || strcmp (ext, "txt") == 0)
    *format = PBS_IMPORT_CSV;
  else
    *format = looks_like_csv (q, end, TRUE) ? PBS_IMPORT_CSV : PBS_IMPORT_YAML;
  return TRUE;
}

gboolean
pbs_import_sniff (const char *file, GBytes *data, PbsImportFormat *format, GError **error)
{
  gsize len;
  const guint8 *p = g_bytes_get_data (data, &len);
  const char *text, *end, *q;
  g_autofree char *ext = dup_extension (file);
  gboolean utf8;
  const char *encoding;
  gsize mark;

  g_return_val_if_fail (format != NULL, FALSE);
  *format = PBS_IMPORT_YAML;
  if (p == NULL || len == 0)
    return TRUE;
  text = (const char *) p;
  end = text + len;

  if (has_prefix_len (p, len, "PK\x03\x04", 4) || has_prefix_len (p, len, "PK\x05\x06", 4))
    return sniff_zip (file, data, ext, format, error);
  if (has_prefix_len (p, len, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8))
    return sniff_ole2 (file, data, ext, format, error);
  if (has_prefix_len (p, len, "%PDF-", 5))
    return refuse (error, PBS_IMPORT_ERROR_UNSUPPORTED_FORMAT, file,
                   "a PDF file, which pbscore does not read (a PDF keeps no table, only "
                   "positioned text); use the workbook or Word document it was printed "
                   "from, or the web page it was published on");
  if (has_prefix_len (p, len, "{\\rtf", 5))
    return refuse (error, PBS_IMPORT_ERROR_UNSUPPORTED_FORMAT, file,
                   "an RTF document, which pbscore does not read; convert it: "
                   SOFFICE " docx %s", file);
  /* UTF-16 or UTF-32 with a byte-order mark: YAML (which allows both),
   * Excel's "Unicode text" (tab-separated) or a page saved as UTF-16. The
   * first characters decide, as for UTF-8 below. */
  if ((encoding = pbs_yaml_bom_encoding (p, len, &mark)) != NULL)
    return sniff_unicode (p, len, encoding, mark, ext, format);
  q = skip_blank (text, end);
  if (text_has_prefix_nocase (q, end, "MIME-Version:")
      || text_has_prefix_nocase (q, end, "From:")
      || strcmp (ext, "mht") == 0 || strcmp (ext, "mhtml") == 0)
    return refuse (error, PBS_IMPORT_ERROR_UNSUPPORTED_FORMAT, file,
                   "a web archive (.mht), which pbscore does not read; save the page "
                   "as HTML only (网页，仅HTML), or convert it: " SOFFICE " html %s", file);
  if (text_has_prefix_nocase (q, end, "<?xml"))
    {
      gsize n = MIN ((gsize) (end - q), 4096);
      g_autofree char *head = g_strndup (q, n);

      if (strstr (head, "urn:schemas-microsoft-com:office:spreadsheet") != NULL
          || strstr (head, "schemas.microsoft.com/office/word/2003") != NULL
          || strstr (head, "progid=\"Excel.Sheet\"") != NULL
          || strstr (head, "progid=\"Word.Document\"") != NULL)
        return refuse (error, PBS_IMPORT_ERROR_UNSUPPORTED_FORMAT, file,
                       "an Office 2003 XML file, which pbscore does not read; convert it: "
                       SOFFICE " %s %s",
                       strstr (head, "Word") != NULL ? "docx" : "xlsx", file);
    }
  if (q < end && *q == '<')
    {
      *format = PBS_IMPORT_HTML;
      return TRUE;
    }
  if (strcmp (ext, "yaml") == 0 || strcmp (ext, "yml") == 0)
    return TRUE;
  if (strcmp (ext, "csv") == 0 || strcmp (ext, "tsv") == 0 || strcmp (ext, "txt") == 0)
    {
      *format = PBS_IMPORT_CSV;
      return TRUE;
    }
  if (strcmp (ext, "html") == 0 || strcmp (ext, "htm") == 0)
    {
      *format = PBS_IMPORT_HTML;
      return TRUE;
    }
  utf8 = g_utf8_validate (text, (gssize) MIN (len, (gsize) G_MAXSSIZE), NULL);
  if (looks_like_csv (q, end, utf8))
    {
      *format = PBS_IMPORT_CSV;
      return TRUE;
    }
  return TRUE;
}

const char *
pbs_import_format_name (PbsImportFormat format)
{
  switch (format)
    {
    case PBS_IMPORT_XLSX: return "an .xlsx workbook";
    case PBS_IMPORT_XLS:  return "an .xls workbook";
    case PBS_IMPORT_DOCX: return "a .docx document";
    case PBS_IMPORT_HTML: return "a web page";
    case PBS_IMPORT_CSV:  return "a CSV file";
    case PBS_IMPORT_YAML:
    default:              return "a YAML document";
    }
}

typedef GPtrArray *(*ReadFunc) (const char *file, GBytes *data, GError **error);

static const ReadFunc readers[] = {
  [PBS_IMPORT_XLSX] = pbs_grid_read_xlsx,
  [PBS_IMPORT_XLS]  = pbs_grid_read_xls,
  [PBS_IMPORT_DOCX] = pbs_grid_read_docx,
  [PBS_IMPORT_HTML] = pbs_grid_read_html,
  [PBS_IMPORT_CSV]  = pbs_grid_read_csv,
};

GPtrArray *
pbs_import_read_grids (const char *file, GBytes *data, PbsImportFormat format, GError **error)
{
  g_autoptr (GPtrArray) grids = NULL;

  g_return_val_if_fail (format > PBS_IMPORT_YAML && format < G_N_ELEMENTS (readers), NULL);
  grids = readers[format] (file, data, error);
  if (grids == NULL)
    return NULL;
  /* A reader that went past a bound did not fail by itself. */
  for (guint i = 0; i < grids->len; i++)
    if (!pbs_grid_check_limits (g_ptr_array_index (grids, i), error))
      return NULL;
  if (grids->len == 0)
    {
      g_set_error (error, PBS_IMPORT_ERROR, PBS_IMPORT_ERROR_NO_TABLE,
                   "%s: %s without a single table", file, pbs_import_format_name (format));
      return NULL;
    }
  return g_steal_pointer (&grids);
}

gboolean
pbs_import_read (const char *file, GBytes *data, PbsTemplate *template_,
                 GPtrArray **evaluations, GError **error)
{
  g_autoptr (GPtrArray) grids = NULL;
  PbsImportFormat format;

  g_return_val_if_fail (evaluations != NULL && *evaluations == NULL, FALSE);
  if (!pbs_import_sniff (file, data, &format, error))
    return FALSE;
  if (format == PBS_IMPORT_YAML)
    return TRUE;
  grids = pbs_import_read_grids (file, data, format, error);
  if (grids == NULL)
    return FALSE;
  *evaluations = pbs_layout_read (grids, template_, error);
  return *evaluations != NULL;
}
