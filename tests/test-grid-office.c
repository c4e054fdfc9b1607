/* test-grid-office.c - the .xlsx, .xls and .docx table readers
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Fixtures in tests/data/office/ were written by openpyxl, xlwt and
 * python-docx (make-fixtures.py there, which says how); the files too big
 * to commit (a huge cell, a sheet past the row bound) are zipped here with
 * libgsf's zip writer. The readers are private: this program is built with
 * their sources (Makefile.am).
 */
#include "pbs-test.h"

#include <gsf/gsf.h>

#include "pbs-grid.h"
#include "pbs-grid-numfmt.h"

/* ------------------------------------------------------------ helpers */

static GBytes *
fixture (const char *name)
{
  g_autofree char *path = g_build_filename (pbs_test_data_dir (), "office", name, NULL);
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &data, &len, &error))
    {
      fprintf (stderr, "cannot read %s: %s\n", path, error->message);
      return NULL;
    }
  return g_bytes_new_take (data, len);
}

static GPtrArray *
read_bytes (const char *name, GBytes *bytes, GError **error)
{
  if (g_str_has_suffix (name, ".docx"))
    return pbs_grid_read_docx (name, bytes, error);
  if (g_str_has_suffix (name, ".xls"))
    return pbs_grid_read_xls (name, bytes, error);
  return pbs_grid_read_xlsx (name, bytes, error);
}

/* Reads a fixture that must read. */
static GPtrArray *
read_ok (const char *name)
{
  g_autoptr(GBytes) bytes = fixture (name);
  g_autoptr(GError) error = NULL;
  GPtrArray *grids;

  CU_ASSERT_PTR_NOT_NULL_FATAL (bytes);
  grids = read_bytes (name, bytes, &error);
  CU_ASSERT_PTR_NOT_NULL (grids);
  CU_ASSERT_PTR_NULL (error);
  if (error != NULL)
    fprintf (stderr, "%s: unexpected error: %s\n", name, error->message);
  return grids;
}

/* Reading @bytes fails with @code, the message naming @place. */
static void
check_error_at (const char *name, GBytes *bytes, int code, const char *place,
                const char *file, int line)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) grids = read_bytes (name, bytes, &error);

  CHECK_AT (grids == NULL, file, line);
  CHECK_AT (error != NULL, file, line);
  if (error == NULL)
    return;
  CHECK_AT (error->domain == PBS_IMPORT_ERROR, file, line);
  CHECK_AT (error->code == code, file, line);
  CHECK_AT (g_str_has_prefix (error->message, name), file, line);
  CHECK_AT (strstr (error->message, place) != NULL, file, line);
  if (error->code != code || strstr (error->message, place) == NULL)
    fprintf (stderr, "%s:%d: %s: got code %d: %s (expected code %d at %s)\n", file, line,
             name, error->code, error->message, code, place);
}

#define check_error(name, bytes, code, place) \
  check_error_at ((name), (bytes), (code), (place), __FILE__, __LINE__)

static void
check_fixture_error_at (const char *name, int code, const char *place, const char *file, int line)
{
  g_autoptr(GBytes) bytes = fixture (name);

  CHECK_AT (bytes != NULL, file, line);
  if (bytes != NULL)
    check_error_at (name, bytes, code, place, file, line);
}

#define check_fixture_error(name, code, place) \
  check_fixture_error_at ((name), (code), (place), __FILE__, __LINE__)

/* Cell "A1"-style @ref of @grid shows @expected (NULL: empty). */
static void
check_cell_at (const PbsGrid *grid, const char *ref, const char *expected,
               const char *file, int line)
{
  guint col = (guint) (ref[0] - 'A'), row = (guint) atoi (ref + 1) - 1;
  const char *got = pbs_grid_get (grid, row, col);

  if (expected == NULL)
    CHECK_AT (got == NULL, file, line);
  else
    CHECK_AT (got != NULL && strcmp (got, expected) == 0, file, line);
  if (g_strcmp0 (got, expected) != 0)
    fprintf (stderr, "%s:%d: %s shows [%s], expected [%s]\n", file, line, ref,
             got ? got : "(empty)", expected ? expected : "(empty)");
}

#define check_cell(grid, ref, expected) check_cell_at ((grid), (ref), (expected), __FILE__, __LINE__)

/* Cell @ref is covered by a merge starting at @origin. */
static void
check_covered_at (const PbsGrid *grid, const char *ref, const char *origin, const char *file, int line)
{
  guint r = 0, c = 0;
  gboolean covered = pbs_grid_get_origin (grid, (guint) atoi (ref + 1) - 1, (guint) (ref[0] - 'A'),
                                          &r, &c);

  CHECK_AT (covered, file, line);
  CHECK_AT (covered && c == (guint) (origin[0] - 'A') && r == (guint) atoi (origin + 1) - 1,
            file, line);
  CHECK_AT (pbs_grid_get (grid, (guint) atoi (ref + 1) - 1, (guint) (ref[0] - 'A')) == NULL,
            file, line);
}

#define check_covered(grid, ref, origin) check_covered_at ((grid), (ref), (origin), __FILE__, __LINE__)

static void
check_place (const PbsGrid *grid, guint row, guint col, const char *expected)
{
  g_autofree char *place = pbs_grid_dup_place (grid, row, col);

  CU_ASSERT_STRING_EQUAL (place, expected);
}

/* ------------------------------------------------------------ number formats */

typedef struct {
  const char *value;
  const char *code;
  gboolean    date1904;
  const char *shown;
} FormatCase;

static void
test_numfmt (void)
{
  static const FormatCase cases[] = {
    { "0.9787", "0.00%", FALSE, "97.87%" },
    { "0.97875", "0.00%", FALSE, "97.88%" },       /* half away from zero */
    { "-0.97875", "0.00%", FALSE, "-97.88%" },
    { "1354.1", "#,##0.00", FALSE, "1,354.10" },
    { "1354.1", NULL, FALSE, "1354.1" },
    { "0.30000000000000004", NULL, FALSE, "0.3" }, /* 15 significant digits */
    { "1.0049999999999999", "0.00", FALSE, "1.01" }, /* 15 first, as Excel */
    { "123456789012345678", NULL, FALSE, "1.23456789012346E+17" },
    { "2.5E-10", NULL, FALSE, "2.5E-10" },
    { "1E-3", NULL, FALSE, "0.001" },
    { "0", NULL, FALSE, "0" },
    { "-0", "0.00", FALSE, "0.00" },
    { "1234567", "#,##0,", FALSE, "1,235" },       /* a trailing comma scales */
    { "-5.5", "0.0", FALSE, "-5.5" },
    { "-5.5", "#,##0.00;(#,##0.00)", FALSE, "(5.50)" },
    { "0", "#,##0;-#,##0;\"-\"", FALSE, "-" },
    { "12", "0\"个\"", FALSE, "12个" },
    { "12.5", "[$¥-804]#,##0.00", FALSE, "¥12.50" },
    { "12.5", "[Red]0.0_);(0.0)", FALSE, "12.5" },
    { "0.1", "#.##", FALSE, ".1" },
    { "3", "G/通用格式", FALSE, "3" },
    { "3.25", "@", FALSE, "3.25" },
    { "1.5", "# ?/?", FALSE, "1.5" },              /* fractions: General */
    { "1234.5", "0.00E+00", FALSE, "1234.5" },     /* scientific: General */
    { "5", "[>3]0.0;0", FALSE, "5" },              /* conditions: General */
    { "45291", "yyyy/m/d", FALSE, "2023/12/31" },
    { "45291", "yyyy\"年\"m\"月\"d\"日\"", FALSE, "2023年12月31日" },
    { "45291", "yyyy-mm-dd", FALSE, "2023-12-31" },
    { "45291", "m/d/yyyy", FALSE, "2023-12-31" },  /* month first: ISO */
    { "45291", "d-mmm-yy", FALSE, "2023-12-31" },
    { "45261", "yyyy\"年\"m\"月\"", FALSE, "2023年12月" },
    { "45291.75", "yyyy-mm-dd hh:mm", FALSE, "2023-12-31 18:00" },
    { "0.75", "h:mm", FALSE, "18:00" },
    { "0.75", "上午/下午h\"时\"mm\"分\"", FALSE, "下午6时00分" },
    { "1.25", "[h]:mm", FALSE, "30:00" },
    { "60", "yyyy-mm-dd", FALSE, "1900-02-29" },   /* Lotus's leap day */
    { "59", "yyyy-mm-dd", FALSE, "1900-02-28" },
    { "61", "yyyy-mm-dd", FALSE, "1900-03-01" },
    { "1", "yyyy-mm-dd", FALSE, "1900-01-01" },
    { "43829", "yyyy-mm-dd", TRUE, "2023-12-31" }, /* 1904 date system */
    { "-1", "yyyy-mm-dd", FALSE, "-1" },           /* no date: General */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = pbs_numfmt_format (cases[i].value, cases[i].code, cases[i].date1904);

      CU_ASSERT_PTR_NOT_NULL (got);
      CU_ASSERT (g_strcmp0 (got, cases[i].shown) == 0);
      if (g_strcmp0 (got, cases[i].shown) != 0)
        fprintf (stderr, "%s with %s: got [%s], expected [%s]\n", cases[i].value,
                 cases[i].code ? cases[i].code : "General", got ? got : "NULL", cases[i].shown);
    }
  CU_ASSERT_PTR_NULL (pbs_numfmt_format ("abc", NULL, FALSE));
  CU_ASSERT_PTR_NULL (pbs_numfmt_format ("1e999", NULL, FALSE));
  CU_ASSERT_PTR_NULL (pbs_numfmt_format ("", NULL, FALSE));
  CU_ASSERT_STRING_EQUAL (pbs_numfmt_builtin (14), "yyyy/m/d");
  CU_ASSERT_PTR_NULL (pbs_numfmt_builtin (0));
  CU_ASSERT (pbs_numfmt_is_date ("yyyy-mm-dd"));
  CU_ASSERT (!pbs_numfmt_is_date ("#,##0.00"));
  CU_ASSERT (!pbs_numfmt_is_date ("\"day\"0"));
  {
    g_autofree char *p = pbs_numfmt_percent ("0.9994");

    CU_ASSERT_STRING_EQUAL (p, "99.94%");
  }
}

/* ------------------------------------------------------------ xlsx */

static void
test_xlsx_formats (void)
{
  g_autoptr(GPtrArray) grids = read_ok ("formats.xlsx");
  const PbsGrid *g;

  CU_ASSERT_PTR_NOT_NULL_FATAL (grids);
  CU_ASSERT_EQUAL_FATAL (grids->len, 2);
  g = g_ptr_array_index (grids, 0);
  check_cell (g, "A1", "97.87%");
  check_cell (g, "A2", "1,354.10");
  check_cell (g, "A3", "2023年12月31日");
  check_cell (g, "A4", "2023-12-31");
  check_cell (g, "A5", "2023/12/31");          /* built-in 14 */
  check_cell (g, "A6", "0.3");
  check_cell (g, "A7", "TRUE");
  check_cell (g, "A8", "1234.5");
  check_cell (g, "A9", "(1,234.50)");
  check_cell (g, "A10", "12个");
  check_cell (g, "A11", "50%");
  check_cell (g, "A12", "1,234,568");
  check_cell (g, "A13", "3.14159");
  check_cell (g, "A14", "¥100.00");
  check_cell (g, "A15", "18:00");
  check_cell (g, "A16", "2.5E-10");
  check_cell (g, "B1", "1354.10");             /* a number stored as text */
  check_cell (g, "B2", "９７．８７％");
  check_cell (g, "B3", "=100%");
  check_cell (g, "B4", "第一行\n第二行");
  check_cell (g, "B5", NULL);
  check_place (g, 11, 0, "格式!A12");
}

static void
test_xlsx_merges_and_sheets (void)
{
  g_autoptr(GPtrArray) grids = read_ok ("formats.xlsx");
  const PbsGrid *g, *second;
  g_autofree char *name = NULL;

  CU_ASSERT_PTR_NOT_NULL_FATAL (grids);
  CU_ASSERT_EQUAL_FATAL (grids->len, 2);
  g = g_ptr_array_index (grids, 0);
  check_cell (g, "C1", "产出指标");
  check_covered (g, "C2", "C1");
  check_covered (g, "C3", "C1");
  CU_ASSERT (!pbs_grid_get_origin (g, 3, 2, NULL, NULL));
  check_cell (g, "D1", "项目资金（万元）");
  check_covered (g, "E1", "D1");
  check_covered (g, "F1", "D1");
  CU_ASSERT (!pbs_grid_get_origin (g, 0, 3, NULL, NULL));

  second = g_ptr_array_index (grids, 1);
  name = pbs_grid_dup_name (second);
  CU_ASSERT_STRING_EQUAL (name, "sheet Sheet 2");
  check_cell (second, "B2", "only cell");
  check_place (second, 1, 1, "'Sheet 2'!B2");
  CU_ASSERT_EQUAL (pbs_grid_get_n_rows (second), 2);
}

static void
test_xlsx_formulas (void)
{
  g_autoptr(GPtrArray) grids = read_ok ("formula-cached.xlsx");
  const PbsGrid *g;

  CU_ASSERT_PTR_NOT_NULL_FATAL (grids);
  g = g_ptr_array_index (grids, 0);
  check_cell (g, "C1", "99.94%");      /* 0.99938410435971077 as 0.00% */
  check_cell (g, "D12", "2,899.21");
  check_cell (g, "A2", "有");          /* a string result (t="str") */

  check_fixture_error ("formula-uncached.xlsx", PBS_IMPORT_ERROR_NO_CACHED_VALUE,
                       "formula-uncached.xlsx:Sheet1!C1: ");
}

static void
test_xlsx_rich_text (void)
{
  g_autoptr(GPtrArray) grids = read_ok ("rich.xlsx");
  const PbsGrid *g;

  CU_ASSERT_PTR_NOT_NULL_FATAL (grids);
  g = g_ptr_array_index (grids, 0);
  check_cell (g, "A1", "项目 名称");     /* runs joined, phonetic run left out */
  check_cell (g, "B1", "plain");
  check_cell (g, "A3", "行内");          /* an inline string */
  check_cell (g, "B3", "FALSE");         /* no r: the next column */
  check_cell (g, "C3", "#DIV/0!");
  check_cell (g, "A4", "7");             /* a row without r: the next row */
  check_cell (g, "B4", "2023-12-31");    /* t="d" at midnight: a date */
  check_cell (g, "C4", "2023-12-31T08:30:00");
}

static void
test_xlsx_date1904 (void)
{
  g_autoptr(GPtrArray) grids = read_ok ("date1904.xlsx");

  CU_ASSERT_PTR_NOT_NULL_FATAL (grids);
  /* stored as 43829, the days since 1904-01-01 */
  check_cell (g_ptr_array_index (grids, 0), "A1", "2023-12-31");
}

static void
test_xlsx_hostile (void)
{
  check_fixture_error ("bomb.xlsx", PBS_IMPORT_ERROR_LIMIT, "xl/worksheets/sheet1.xml");
  check_fixture_error ("malformed.xlsx", PBS_IMPORT_ERROR_CORRUPT, "malformed.xlsx: not a zip");
  check_fixture_error ("truncated.xlsx", PBS_IMPORT_ERROR_CORRUPT, "truncated.xlsx: not a zip");
  check_fixture_error ("half.xlsx", PBS_IMPORT_ERROR_CORRUPT, "xl/worksheets/sheet1.xml is missing");
  check_fixture_error ("entities.xlsx", PBS_IMPORT_ERROR_CORRUPT,
                       "entities.xlsx:xl/worksheets/sheet1.xml:13: a DTD");
  check_fixture_error ("bad-string.xlsx", PBS_IMPORT_ERROR_CORRUPT, "bad-string.xlsx:Sheet1!A1: ");
  {
    g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);

    check_error ("empty.xlsx", empty, PBS_IMPORT_ERROR_CORRUPT, "empty.xlsx: ");
  }
}

/* A workbook of one sheet whose XML is @sheet, zipped by libgsf. */
static GBytes *
zip_workbook (const char *sheet, gsize sheet_len)
{
  static const char *parts[][2] = {
    { "_rels/.rels",
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
      "relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>" },
    { "xl/workbook.xml",
      "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
      "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
      "<sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>" },
    { "xl/_rels/workbook.xml.rels",
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
      "relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>" },
  };
  GsfOutput *mem = gsf_output_memory_new ();
  GsfOutfile *zip = gsf_outfile_zip_new (mem, NULL);
  GsfOutfile *dirs[3];
  GBytes *bytes;

  /* a folder is a child outfile; parts go into it */
  dirs[0] = GSF_OUTFILE (gsf_outfile_new_child (zip, "_rels", TRUE));
  dirs[1] = GSF_OUTFILE (gsf_outfile_new_child (zip, "xl", TRUE));
  dirs[2] = GSF_OUTFILE (gsf_outfile_new_child (dirs[1], "_rels", TRUE));
  for (guint i = 0; i < 4; i++)
    {
      GsfOutfile *dir = i == 0 ? dirs[0] : i == 2 ? dirs[2] : dirs[1];
      const char *name = i == 0 ? ".rels" : i == 1 ? "workbook.xml" : i == 2 ? "workbook.xml.rels" : NULL;
      GsfOutput *out;

      if (i == 3)
        {
          GsfOutfile *ws = GSF_OUTFILE (gsf_outfile_new_child (dirs[1], "worksheets", TRUE));

          out = gsf_outfile_new_child (ws, "sheet1.xml", FALSE);
          gsf_output_write (out, sheet_len, (const guint8 *) sheet);
          gsf_output_close (out);
          g_object_unref (out);
          gsf_output_close (GSF_OUTPUT (ws));
          g_object_unref (ws);
          continue;
        }
      out = gsf_outfile_new_child (dir, name, FALSE);
      gsf_output_write (out, strlen (parts[i][1]), (const guint8 *) parts[i][1]);
      gsf_output_close (out);
      g_object_unref (out);
    }
  for (int i = 2; i >= 0; i--)
    {
      gsf_output_close (GSF_OUTPUT (dirs[i]));
      g_object_unref (dirs[i]);
    }
  gsf_output_close (GSF_OUTPUT (zip));
  g_object_unref (zip);
  bytes = g_bytes_new (gsf_output_memory_get_bytes (GSF_OUTPUT_MEMORY (mem)),
                       (gsize) gsf_output_size (mem));
  g_object_unref (mem);
  return bytes;
}

#define SHEET_HEAD "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
#define SHEET_TAIL "</sheetData></worksheet>"

static void
test_xlsx_generated (void)
{
  /* the zip writer itself, on a sheet that reads */
  {
    static const char ok[] = SHEET_HEAD "<row r=\"2\"><c r=\"B2\"><v>1354.1</v></c></row>" SHEET_TAIL;
    g_autoptr(GBytes) bytes = zip_workbook (ok, strlen (ok));
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) grids = pbs_grid_read_xlsx ("gen.xlsx", bytes, &error);

    CU_ASSERT_PTR_NOT_NULL_FATAL (grids);
    CU_ASSERT_EQUAL_FATAL (grids->len, 1);
    check_cell (g_ptr_array_index (grids, 0), "B2", "1354.1");
  }
  /* a 1 MiB cell (the bound is 64 KiB; a 100 MB cell stops the same way,
   * measured in doc/import.md) */
  {
    gsize n = 1024 * 1024;
    g_autoptr(GString) sheet = g_string_new (SHEET_HEAD "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>");
    g_autoptr(GBytes) bytes = NULL;

    for (gsize i = 0; i < n; i++)
      g_string_append_c (sheet, 'x');
    g_string_append (sheet, "</t></is></c></row>" SHEET_TAIL);
    bytes = zip_workbook (sheet->str, sheet->len);
    check_error ("huge-cell.xlsx", bytes, PBS_IMPORT_ERROR_LIMIT, "huge-cell.xlsx:Sheet1!A1: ");
  }
  /* more rows than a grid holds: stops at the bound, not at the end */
  {
    g_autoptr(GString) sheet = g_string_new (SHEET_HEAD);
    g_autoptr(GBytes) bytes = NULL;

    for (guint i = 0; i <= PBS_GRID_MAX_ROWS + 10; i++)
      g_string_append (sheet, "<row><c><v>1</v></c></row>");
    g_string_append (sheet, SHEET_TAIL);
    bytes = zip_workbook (sheet->str, sheet->len);
    check_error ("rows.xlsx", bytes, PBS_IMPORT_ERROR_LIMIT, "rows.xlsx:Sheet1!A");
  }
  /* malformed XML: located by part, line and column (libxml2 parses
   * ahead of the reader, so the cell is named only when the reader has
   * reached it) */
  {
    static const char bad[] = SHEET_HEAD "<row r=\"1\"><c r=\"D12\"><v>1</x></c></row>" SHEET_TAIL;
    g_autoptr(GBytes) bytes = zip_workbook (bad, strlen (bad));

    check_error ("bad.xlsx", bytes, PBS_IMPORT_ERROR_CORRUPT,
                 "bad.xlsx:xl/worksheets/sheet1.xml:1:119: malformed XML: ");
  }
  /* a number cell whose value is no number */
  {
    static const char bad[] = SHEET_HEAD "<row r=\"1\"><c r=\"C3\"><v>12abc</v></c></row>" SHEET_TAIL;
    g_autoptr(GBytes) bytes = zip_workbook (bad, strlen (bad));

    check_error ("nan.xlsx", bytes, PBS_IMPORT_ERROR_CORRUPT, "nan.xlsx:Sheet1!C3: ");
  }
  /* a malformed cell reference */
  {
    static const char bad[] = SHEET_HEAD "<row r=\"1\"><c r=\"1A\"><v>1</v></c></row>" SHEET_TAIL;
    g_autoptr(GBytes) bytes = zip_workbook (bad, strlen (bad));

    check_error ("ref.xlsx", bytes, PBS_IMPORT_ERROR_CORRUPT, "ref.xlsx:xl/worksheets/sheet1.xml:1: ");
  }
}

/* ------------------------------------------------------------ docx */

static void
test_docx_merges (void)
{
  g_autoptr(GPtrArray) grids = read_ok ("merges.docx");
  const PbsGrid *g;
  g_autofree char *name = NULL;

  CU_ASSERT_PTR_NOT_NULL_FATAL (grids);
  CU_ASSERT_EQUAL_FATAL (grids->len, 2);
  g = g_ptr_array_index (grids, 0);
  CU_ASSERT_EQUAL (pbs_grid_get_n_rows (g), 4);
  CU_ASSERT_EQUAL (pbs_grid_get_n_cols (g), 4);
  check_cell (g, "A1", "一级指标");
  check_cell (g, "A2", "产出指标");
  check_covered (g, "A3", "A2");        /* vMerge restart / continue */
  check_covered (g, "A4", "A2");
  check_cell (g, "B3", "质量指标");
  check_covered (g, "C3", "B3");        /* gridSpan */
  check_cell (g, "D3", "3");            /* the column after the span */
  check_cell (g, "B4", "第一段\n第二段\t制表\n换行");
  check_cell (g, "C4", "≥95%");
  check_place (g, 4, 3, "table 1, row 5, column 4");

  g = g_ptr_array_index (grids, 1);
  name = pbs_grid_dup_name (g);
  CU_ASSERT_STRING_EQUAL (name, "table 2");
  check_cell (g, "A1", "总分");
  check_cell (g, "B1", "100");
}

static void
test_docx_nested (void)
{
  g_autoptr(GPtrArray) grids = read_ok ("nested.docx");
  const PbsGrid *g;

  CU_ASSERT_PTR_NOT_NULL_FATAL (grids);
  /* the nested table is no grid of its own: it is flattened into its cell */
  CU_ASSERT_EQUAL_FATAL (grids->len, 1);
  g = g_ptr_array_index (grids, 0);
  CU_ASSERT_EQUAL (pbs_grid_get_n_rows (g), 2);
  CU_ASSERT_EQUAL (pbs_grid_get_n_cols (g), 2);
  check_cell (g, "A1", "外");
  check_cell (g, "B1", "签章");
  check_cell (g, "A2", "后");
  check_cell (g, "B2", "填报人\n张三\n联系电话\n12345");
}

static void
test_docx_grid_before (void)
{
  g_autoptr(GPtrArray) grids = read_ok ("grid-before.docx");
  const PbsGrid *g;

  CU_ASSERT_PTR_NOT_NULL_FATAL (grids);
  g = g_ptr_array_index (grids, 0);
  check_cell (g, "A1", "甲");
  check_cell (g, "A2", NULL);          /* w:gridBefore: no cell there */
  check_cell (g, "B2", "右一");
  check_cell (g, "C2", "右二");
}

static void
test_docx_hostile (void)
{
  g_autoptr(GBytes) malformed = fixture ("malformed.xlsx");
  g_autoptr(GBytes) workbook = fixture ("formats.xlsx");

  CU_ASSERT_PTR_NOT_NULL_FATAL (malformed);
  CU_ASSERT_PTR_NOT_NULL_FATAL (workbook);
  check_error ("bad.docx", malformed, PBS_IMPORT_ERROR_CORRUPT, "bad.docx: not a zip");
  /* a package with no document part */
  check_error ("book.docx", workbook, PBS_IMPORT_ERROR_CORRUPT,
               "book.docx:xl/workbook.xml: the main part is <workbook>, not <document>");
}

/* ------------------------------------------------------------ xls */

static void
test_xls_values (void)
{
  g_autoptr(GPtrArray) grids = read_ok ("formats.xls");
  const PbsGrid *g;

  CU_ASSERT_PTR_NOT_NULL_FATAL (grids);
  CU_ASSERT_EQUAL_FATAL (grids->len, 2);
  g = g_ptr_array_index (grids, 0);
  check_cell (g, "A1", "执行率");
  check_cell (g, "A2", "99.94%");      /* a fraction under a 率 header */
  check_cell (g, "A3", "100%");
  check_cell (g, "B2", "1354.1");      /* no format from freexl: General */
  check_cell (g, "B3", "0.3");         /* 15 significant digits */
  check_cell (g, "B4", "123456789.123457");
  check_cell (g, "C2", "97.7");        /* past 2: not a fraction */
  check_cell (g, "C3", "50%");         /* under a % header */
  check_cell (g, "D2", "2023-12-31");  /* a date, as freexl gives it */
  check_cell (g, "D3", "１２３");
  check_cell (g, "A5", "产出指标");
  check_cell (g, "A6", NULL);          /* no merged ranges from freexl */
  check_place (g, 4, 0, "格式!A5");
  check_cell (g_ptr_array_index (grids, 1), "A1", "42");
}

static void
test_xls_hostile (void)
{
  g_autoptr(GBytes) zip = fixture ("formats.xlsx");
  g_autoptr(GBytes) garbage = g_bytes_new_static ("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 not really", 20);

  CU_ASSERT_PTR_NOT_NULL_FATAL (zip);
  check_error ("zip.xls", zip, PBS_IMPORT_ERROR_CORRUPT, "zip.xls: ");
  check_error ("short.xls", garbage, PBS_IMPORT_ERROR_CORRUPT, "short.xls: ");

  /* A fuzzer's find: freexl 1.0.6 over-reads a stack buffer in
   * freexl_open(). freexl runs in a child process: where the over-read
   * goes unnoticed, freexl reports a bad code page; under ASan the child
   * aborts. Either way an error here, never a crash. */
  {
    g_autoptr(GBytes) crafted = fixture ("freexl-overread.xls");
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) grids = NULL;

    CU_ASSERT_PTR_NOT_NULL_FATAL (crafted);
    grids = pbs_grid_read_xls ("crafted.xls", crafted, &error);
    CU_ASSERT_PTR_NULL (grids);
    CU_ASSERT_PTR_NOT_NULL_FATAL (error);
    CU_ASSERT (error->domain == PBS_IMPORT_ERROR);
    CU_ASSERT (error->code == PBS_IMPORT_ERROR_ENCODING || error->code == PBS_IMPORT_ERROR_CORRUPT);
    CU_ASSERT (g_str_has_prefix (error->message, "crafted.xls: "));
  }
}

/* ------------------------------------------------------------ the Xishan form */

/* The three writers' Xishan forms show the same text in the same cells;
 * the .xls has no merged ranges and no number formats. */
static void
test_xishan_forms (void)
{
  g_autoptr(GPtrArray) xlsx = read_ok ("xishan-2024.xlsx");
  g_autoptr(GPtrArray) docx = read_ok ("xishan-2024.docx");
  g_autoptr(GPtrArray) xls = read_ok ("xishan-2024.xls");
  const PbsGrid *a, *b, *c;

  CU_ASSERT_PTR_NOT_NULL_FATAL (xlsx);
  CU_ASSERT_PTR_NOT_NULL_FATAL (docx);
  CU_ASSERT_PTR_NOT_NULL_FATAL (xls);
  CU_ASSERT_EQUAL_FATAL (xlsx->len, 1);
  CU_ASSERT_EQUAL_FATAL (docx->len, 1);
  CU_ASSERT_EQUAL_FATAL (xls->len, 1);
  a = g_ptr_array_index (xlsx, 0);
  b = g_ptr_array_index (docx, 0);
  c = g_ptr_array_index (xls, 0);
  CU_ASSERT_EQUAL (pbs_grid_get_n_rows (a), 31);
  CU_ASSERT_EQUAL (pbs_grid_get_n_rows (b), pbs_grid_get_n_rows (a));
  CU_ASSERT_EQUAL (pbs_grid_get_n_cols (b), pbs_grid_get_n_cols (a));
  for (guint r = 0; r < pbs_grid_get_n_rows (a); r++)
    for (guint col = 0; col < pbs_grid_get_n_cols (a); col++)
      {
        guint r1 = 0, c1 = 0, r2 = 0, c2 = 0;
        gboolean m1 = pbs_grid_get_origin (a, r, col, &r1, &c1);
        gboolean m2 = pbs_grid_get_origin (b, r, col, &r2, &c2);

        CU_ASSERT (g_strcmp0 (pbs_grid_get (a, r, col), pbs_grid_get (b, r, col)) == 0);
        CU_ASSERT (m1 == m2 && r1 == r2 && c1 == c2);
        if (!m1)
          {
            const char *x = pbs_grid_get (a, r, col), *y = pbs_grid_get (c, r, col);

            /* the .xls money is General: 1354.1 for 1,354.10 */
            if (x != NULL && y != NULL && strchr (x, ',') == NULL)
              CU_ASSERT (strcmp (x, y) == 0);
          }
      }
  check_cell (a, "C5", "1,354.10");
  check_cell (a, "G5", "99.94%");
  check_cell (c, "C5", "1354.1");
  check_cell (c, "G5", "99.94%");
  check_cell (a, "A9", "年度总体目标");
  check_covered (a, "B10", "A9");
  check_cell (a, "A12", "产出指标");
  check_covered (a, "A13", "A12");
  check_cell (c, "A13", NULL);         /* blank below: the layout fills it */
  check_cell (a, "E17", "100%");       /* 1 with the format 0% */
  check_cell (a, "E19", "97.7%");      /* 0.977 shown as 0.0% */
}

static const PbsTestCase cases[] = {
  { "number formats", test_numfmt },
  { "xlsx: shown values", test_xlsx_formats },
  { "xlsx: merges and sheets", test_xlsx_merges_and_sheets },
  { "xlsx: formulas", test_xlsx_formulas },
  { "xlsx: rich and inline text", test_xlsx_rich_text },
  { "xlsx: the 1904 date system", test_xlsx_date1904 },
  { "xlsx: hostile files", test_xlsx_hostile },
  { "xlsx: generated bounds", test_xlsx_generated },
  { "docx: merges", test_docx_merges },
  { "docx: nested table", test_docx_nested },
  { "docx: gridBefore", test_docx_grid_before },
  { "docx: hostile files", test_docx_hostile },
  { "xls: values", test_xls_values },
  { "xls: hostile files", test_xls_hostile },
  { "the Xishan form in three formats", test_xishan_forms },
  { NULL, NULL }
};

int
main (void)
{
  return pbs_test_run ("grid-office", cases);
}
