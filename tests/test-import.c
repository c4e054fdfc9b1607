/* test-import.c - reading tables: CSV files and web pages (doc/import.md)
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Through the public API only: pbs_evaluation_load_file() and PbsReader
 * recognise a table file by its content and read its forms.
 */
#include "pbs-test.h"

static char *
data_path (const char *name)
{
  return g_build_filename (pbs_test_data_dir (), "import", name, NULL);
}

static GPtrArray *
load (const char *name, GError **error)
{
  g_autofree char *path = data_path (name);

  return pbs_evaluation_load_file (path, error);
}

/* Reads @text as a file named @name (the name's extension is a hint). */
static GPtrArray *
load_data (const char *text, gsize len, const char *name, GError **error)
{
  g_autoptr (PbsReader) reader = pbs_reader_new_for_data (text, (gssize) len, name);
  g_autoptr (GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) pbs_evaluation_unref);
  PbsDocument *doc;

  while ((doc = pbs_reader_next (reader, error)) != NULL)
    {
      g_ptr_array_add (out, pbs_evaluation_ref (pbs_document_get_evaluation (doc)));
      pbs_document_unref (doc);
    }
  if (error != NULL && *error != NULL)
    return NULL;
  return g_steal_pointer (&out);
}

/* The first row of the first form of @text read as a file named @name;
 * NULL (a failed assertion) when it does not read. */
static PbsIndicator *
first_row (const char *text, const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) got = load_data (text, strlen (text), name, &error);

  if (got == NULL)
    fprintf (stderr, "%s: %s\n", name, error->message);
  CU_ASSERT_PTR_NOT_NULL (got);
  if (got == NULL)
    return NULL;
  return pbs_indicator_ref (pbs_evaluation_get_indicator (g_ptr_array_index (got, 0), 0));
}

static int
import_code (const char *nick)
{
  g_autoptr (GEnumClass) klass = g_type_class_ref (PBS_TYPE_IMPORT_ERROR);
  g_autofree char *name = g_strconcat ("PBS_IMPORT_ERROR_", nick, NULL);
  GEnumValue *v = g_enum_get_value_by_name (klass, name);

  CU_ASSERT_PTR_NOT_NULL_FATAL (v);
  return v->value;
}

/* Every file of import/invalid/expect.txt fails with its code and text. */
static void
test_invalid_files (void)
{
  g_autofree char *list = data_path ("invalid/expect.txt");
  g_autofree char *text = NULL;
  g_auto (GStrv) lines = NULL;
  guint n = 0;

  CU_ASSERT_TRUE_FATAL (g_file_get_contents (list, &text, NULL, NULL));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto (GStrv) f = NULL;
      g_autofree char *name = NULL;
      g_autoptr (GError) error = NULL;
      g_autoptr (GPtrArray) e = NULL;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      f = g_strsplit (lines[i], " ", 3);
      CU_ASSERT_FATAL (f[0] != NULL && f[1] != NULL && f[2] != NULL);
      name = g_strconcat ("invalid/", f[0], NULL);
      e = load (name, &error);
      CU_ASSERT_PTR_NULL (e);
      PBS_ASSERT_ERROR (error, PBS_IMPORT_ERROR, import_code (f[1]));
      if (error != NULL && strstr (error->message, f[2]) == NULL)
        {
          fprintf (stderr, "%s: “%s” lacks “%s”\n", f[0], error->message, f[2]);
          CU_FAIL ("message lacks the expected text");
        }
      n++;
    }
  CU_ASSERT_TRUE (n >= 17);
}

/* The Xishan tables hold the rows of examples/xishan-2024.yaml. */
static void
test_xishan_tables (void)
{
  static const char *const files[] = {
    "xishan-2024.csv", "xishan-2024-gbk.csv", "xishan-2024-unicode.txt",
    "xishan-2024.html", "xishan-2024-gb2312.html",
  };
  g_autofree char *yaml = g_build_filename (pbs_test_examples_dir (), "xishan-2024.yaml", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) want = pbs_evaluation_load_file (yaml, &error);

  CU_ASSERT_PTR_NOT_NULL_FATAL (want);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr (GPtrArray) got = load (files[i], &error);
      PbsEvaluation *a, *b;
      PbsDecimal x, y;

      if (got == NULL)
        fprintf (stderr, "%s: %s\n", files[i], error->message);
      CU_ASSERT_PTR_NOT_NULL_FATAL (got);
      CU_ASSERT_EQUAL_FATAL (got->len, 1);
      a = g_ptr_array_index (want, 0);
      b = g_ptr_array_index (got, 0);
      CU_ASSERT_STRING_EQUAL (pbs_evaluation_get_title (b), pbs_evaluation_get_title (a));
      CU_ASSERT_STRING_EQUAL (pbs_evaluation_get_department (b), pbs_evaluation_get_department (a));
      CU_ASSERT_EQUAL (pbs_evaluation_get_year (b), 2024);
      CU_ASSERT_EQUAL (pbs_evaluation_get_currency (b), PBS_CURRENCY_WAN_YUAN);
      CU_ASSERT_STRING_EQUAL (pbs_template_get_name (pbs_evaluation_get_template (b)),
                              "department-overall");
      pbs_budget_get_annual (pbs_evaluation_get_budget (b), &x);
      PBS_ASSERT_DECIMAL (&x, "1445.05");
      CU_ASSERT_TRUE (pbs_budget_get_initial (pbs_evaluation_get_budget (b), &y));
      PBS_ASSERT_DECIMAL (&y, "1354.10");
      CU_ASSERT_EQUAL_FATAL (pbs_evaluation_get_n_indicators (b), pbs_evaluation_get_n_indicators (a));
      for (guint k = 0; k < pbs_evaluation_get_n_indicators (a); k++)
        {
          PbsIndicator *ia = pbs_evaluation_get_indicator (a, k);
          PbsIndicator *ib = pbs_evaluation_get_indicator (b, k);

          CU_ASSERT_TRUE (pbs_indicator_equal (ia, ib));
          CU_ASSERT_PTR_NULL (pbs_indicator_get_place (ia));
          CU_ASSERT_PTR_NOT_NULL (pbs_indicator_get_place (ib));
        }
    }
}

/* Each row remembers its place in the file's own terms. */
static void
test_places (void)
{
  static const struct { const char *file; guint row; const char *place; } cases[] = {
    { "xishan-2024.csv", 0, "line 10, column 3" },
    { "xishan-2024-unicode.txt", 17, "line 27, column 3" },
    /* the page's navigation and layout tables are tables 1 and 2 */
    { "xishan-2024.html", 0, "table 3, row 9, column 3" },
    /* the caption is row 1; the form goes on in table 4 */
    { "habits.html", 3, "table 3, row 15, column 3" },
    { "habits.html", 4, "table 4, row 2, column 3" },
    { "habits.csv", 7, "line 24, column 4" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GPtrArray) got = load (cases[i].file, &error);
      PbsEvaluation *e;
      const char *place;

      CU_ASSERT_PTR_NOT_NULL_FATAL (got);
      e = g_ptr_array_index (got, 0);
      place = pbs_indicator_get_place (pbs_evaluation_get_indicator (e, cases[i].row));
      CU_ASSERT_STRING_EQUAL (place, cases[i].place);
      if (g_strcmp0 (place, cases[i].place) != 0)
        fprintf (stderr, "%s: got %s, expected %s\n", cases[i].file, place, cases[i].place);
    }
}

/* A copy of a row read from a table keeps its place (a what-if cites it). */
static void
test_copy_keeps_place (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) got = load ("habits.csv", &error);
  g_autoptr (PbsEvaluation) copy = NULL;

  CU_ASSERT_PTR_NOT_NULL_FATAL (got);
  copy = pbs_evaluation_copy (g_ptr_array_index (got, 0));
  g_clear_pointer (&got, g_ptr_array_unref);
  CU_ASSERT_STRING_EQUAL (pbs_indicator_get_place (pbs_evaluation_get_indicator (copy, 7)),
                          "line 24, column 4");
}

/* Errors about a row cite the file and the row's place. */
static void
test_row_error_place (void)
{
  static const char csv[] =
    "项目资金（万元）,,年初预算数,全年预算数,全年执行数,分值\n"
    ",年度资金总额,10,10,10,10\n"
    "一级指标,二级指标,三级指标,年度指标值,实际完成值,分值\n"
    "产出指标,数量指标,培训人数,≥100人,120人次,90\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) got = load_data (csv, sizeof csv - 1, "units.csv", &error);
  g_autoptr (PbsScorecard) sc = NULL;

  CU_ASSERT_PTR_NOT_NULL_FATAL (got);
  sc = pbs_evaluation_score (g_ptr_array_index (got, 0), NULL, &error);
  CU_ASSERT_PTR_NULL (sc);
  CU_ASSERT_PTR_NOT_NULL_FATAL (error);
  CU_ASSERT_TRUE (g_str_has_prefix (error->message, "units.csv:line 4, column 3: row 1 (培训人数)"));
}

/* Habits of real forms: see habits.yaml, which states what the tables hold. */
static void
test_habits (void)
{
  static const char *const files[] = { "habits.csv", "habits.html" };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) want = load ("habits.yaml", &error);

  CU_ASSERT_PTR_NOT_NULL_FATAL (want);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr (GPtrArray) got = load (files[i], &error);
      PbsEvaluation *a = g_ptr_array_index (want, 0), *b;
      PbsDecimal d;

      CU_ASSERT_PTR_NOT_NULL_FATAL (got);
      CU_ASSERT_EQUAL_FATAL (got->len, 1);
      b = g_ptr_array_index (got, 0);
      CU_ASSERT_STRING_EQUAL (pbs_evaluation_get_title (b), "高标准农田建设项目");
      CU_ASSERT_STRING_EQUAL (pbs_evaluation_get_unit (b), "某县农田建设服务中心");
      CU_ASSERT_EQUAL (pbs_evaluation_get_year (b), 2023);
      CU_ASSERT_EQUAL (pbs_evaluation_get_currency (b), PBS_CURRENCY_YUAN);
      CU_ASSERT_TRUE (pbs_evaluation_get_printed_total (b, &d));
      PBS_ASSERT_DECIMAL (&d, "98");
      CU_ASSERT_TRUE (pbs_budget_get_printed_score (pbs_evaluation_get_budget (b), &d));
      PBS_ASSERT_DECIMAL (&d, "10");
      CU_ASSERT_EQUAL_FATAL (pbs_evaluation_get_n_indicators (b), 8);
      for (guint k = 0; k < 8; k++)
        CU_ASSERT_TRUE (pbs_indicator_equal (pbs_evaluation_get_indicator (a, k),
                                             pbs_evaluation_get_indicator (b, k)));
    }
}

/* Two forms on one page are two evaluations. */
static void
test_two_forms (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) got = load ("two-forms.html", &error);

  CU_ASSERT_PTR_NOT_NULL_FATAL (got);
  CU_ASSERT_EQUAL_FATAL (got->len, 2);
  CU_ASSERT_STRING_EQUAL (pbs_evaluation_get_title (g_ptr_array_index (got, 0)), "乡村道路养护");
  CU_ASSERT_STRING_EQUAL (pbs_evaluation_get_title (g_ptr_array_index (got, 1)), "农村客运补贴");
  CU_ASSERT_EQUAL (pbs_evaluation_get_n_indicators (g_ptr_array_index (got, 1)), 2);
}

static const char form_head[] =
  "<table><tr><td>项目资金（万元）</td><td>全年预算数</td><td>全年执行数</td><td>分值</td></tr>"
  "<tr><td>年度资金总额</td><td>10</td><td>10</td><td>10</td></tr><tr><th>一级指标</th><th>二级指标</th><th>三级指标</th><th>年度指标值</th>"
  "<th>实际完成值</th><th>分值</th></tr><tr><td>产出指标</td><td>数量指标</td><td>";
static const char form_tail[] = "</td><td>≥1个</td><td>1个</td><td>90</td></tr></table>";

/* Neither an internal nor an external entity is expanded. */
static void
test_entities (void)
{
  static const char *const pages[] = {
    "<!DOCTYPE html [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
    "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]>",
    "<!DOCTYPE html [<!ENTITY d SYSTEM \"file:///etc/passwd\">]>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *page = g_strconcat (pages[i], "<html><body>", form_head, "x&d;y",
                                           form_tail, "</body></html>", NULL);
      g_autoptr (GError) error = NULL;
      g_autoptr (GPtrArray) got = load_data (page, strlen (page), "entity.html", &error);
      const char *name;

      CU_ASSERT_PTR_NOT_NULL_FATAL (got);
      CU_ASSERT_EQUAL_FATAL (got->len, 1);
      name = pbs_indicator_get_name (pbs_evaluation_get_indicator (g_ptr_array_index (got, 0), 0));
      CU_ASSERT_TRUE (strlen (name) < 16);
      CU_ASSERT_PTR_NULL (strstr (name, "root:"));
      CU_ASSERT_PTR_NULL (strstr (name, "aaaa"));
    }
}

/* A table in a cell is a grid of its own, left out of the cell's text. */
static void
test_nested_table (void)
{
  g_autofree char *page = g_strconcat ("<table><tr><td>附件<table><tr><td>x</td></tr></table></td></tr></table>",
                                       form_head, "内嵌", form_tail, NULL);
  g_autofree char *inner = g_strconcat ("<table><tr><td>", form_head, "内嵌", form_tail,
                                        "</td></tr></table>", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) got = load_data (page, strlen (page), "nested.html", &error);
  g_autoptr (GPtrArray) got2 = load_data (inner, strlen (inner), "inner.html", &error);

  CU_ASSERT_PTR_NOT_NULL_FATAL (got);
  CU_ASSERT_EQUAL (got->len, 1);
  CU_ASSERT_STRING_EQUAL (pbs_indicator_get_place (pbs_evaluation_get_indicator (g_ptr_array_index (got, 0), 0)),
                          "table 3, row 4, column 3");
  CU_ASSERT_PTR_NOT_NULL_FATAL (got2);
  CU_ASSERT_STRING_EQUAL (pbs_indicator_get_place (pbs_evaluation_get_indicator (g_ptr_array_index (got2, 0), 0)),
                          "table 2, row 4, column 3");
}

/* Tables nested past any real page's depth are a located error. */
static void
test_deep_nesting (void)
{
  g_autoptr (GString) page = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) got = NULL;

  for (guint i = 0; i < 5000; i++)
    g_string_append (page, "<table><tr><td>");
  got = load_data (page->str, page->len, "deep.html", &error);
  CU_ASSERT_PTR_NULL (got);
  CU_ASSERT_PTR_NOT_NULL_FATAL (error);
  /* libxml2 may stop the nesting itself (no form found) or pbscore does */
  CU_ASSERT_TRUE (g_error_matches (error, PBS_IMPORT_ERROR, PBS_IMPORT_ERROR_LIMIT)
                  || g_error_matches (error, PBS_IMPORT_ERROR, PBS_IMPORT_ERROR_LAYOUT));
  CU_ASSERT_TRUE (g_str_has_prefix (error->message, "deep.html:"));
}

/* A cell past the bound, a span over millions of cells and too many rows
 * are PBS_IMPORT_ERROR_LIMIT at their place. */
static void
test_limits (void)
{
  gsize big = 1024 * 1024;
  g_autoptr (GString) csv = g_string_new ("一级指标,二级指标,三级指标,年度指标值,实际完成值,分值\n产出指标,数量指标,\"");
  g_autoptr (GString) rows = g_string_new (NULL);
  static const char span[] =
    "<table><tr><td rowspan=\"65534\" colspan=\"1000\">x</td></tr></table>";
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) got = NULL;

  g_string_set_size (csv, csv->len + big);
  memset (csv->str + csv->len - big, 'a', big);
  g_string_append (csv, "\",≥1个,1个,100\n");
  got = load_data (csv->str, csv->len, "huge.csv", &error);
  CU_ASSERT_PTR_NULL (got);
  PBS_ASSERT_ERROR (error, PBS_IMPORT_ERROR, PBS_IMPORT_ERROR_LIMIT);
  CU_ASSERT_TRUE (error != NULL && g_str_has_prefix (error->message, "huge.csv:line 2, column 3: a cell of more than"));
  g_clear_error (&error);

  got = load_data (span, sizeof span - 1, "span.html", &error);
  CU_ASSERT_PTR_NULL (got);
  PBS_ASSERT_ERROR (error, PBS_IMPORT_ERROR, PBS_IMPORT_ERROR_LIMIT);
  g_clear_error (&error);

  for (guint i = 0; i < 200000; i++)
    g_string_append (rows, "1,2\n");
  got = load_data (rows->str, rows->len, "rows.csv", &error);
  CU_ASSERT_PTR_NULL (got);
  PBS_ASSERT_ERROR (error, PBS_IMPORT_ERROR, PBS_IMPORT_ERROR_LIMIT);
  CU_ASSERT_TRUE (error != NULL && strstr (error->message, "rows.csv:line 100001, column 1: more than 100000 rows") != NULL);
}

/* RFC 4180: quotes, doubled quotes, line breaks inside quotes, CRLF. */
static void
test_csv_quoting (void)
{
  static const char csv[] =
    "项目资金（万元）,,年初预算数,全年预算数,全年执行数,分值\r\n"
    ",年度资金总额,10,10,10,10\r\n"
    "一级指标,二级指标,三级指标,年度指标值,实际完成值,分值,偏差原因分析及改进措施\r\n"
    "产出指标,数量指标,\"“培训”\"\"人数\"\"\",≥100人,90人,90,\"资金\r\n未到位\"\r\n"
    "\r\n";
  g_autoptr (PbsIndicator) ind = first_row (csv, "q.csv");

  CU_ASSERT_PTR_NOT_NULL_FATAL (ind);
  CU_ASSERT_STRING_EQUAL (pbs_indicator_get_name (ind), "“培训”\"人数\"");
  CU_ASSERT_STRING_EQUAL (pbs_indicator_get_reason (ind), "资金\n未到位");
  CU_ASSERT_STRING_EQUAL (pbs_indicator_get_place (ind), "line 4, column 3");
}

/* The header words of other provinces' forms name the same columns, in any
 * order, with white space and line breaks inside. */
static void
test_header_variants (void)
{
  static const char *const heads[] = {
    "一级指标,二级指标,三级指标,年度指标值,实际完成值,分值,得分,偏差原因分析及改进措施",
    "一级指标,二级指标,指标内容,年度目标值,实际值,分值,得分,偏差原因分析",
    "一级指标,二级指标,指标名称,目标值,全年实际值,权重,自评得分,偏差原因",
    "一级指标,二级指标,\"三级\n指标\",\"年度 指标值\",\"实际\n完成值\",分　值,得　分,未完成原因",
    "偏差原因分析及改进措施,分值,得分,实际完成值,年度指标值,三级指标,二级指标,一级指标",
  };
  static const char *const rows[] = {
    "产出指标,数量指标,培训人数,≥100人,80人,90,72,经费不足",
    "产出指标,数量指标,培训人数,≥100人,80人,90,72,经费不足",
    "产出指标,数量指标,培训人数,≥100人,80人,90,72,经费不足",
    "产出指标,数量指标,培训人数,≥100人,80人,90,72,经费不足",
    "经费不足,90,72,80人,≥100人,培训人数,数量指标,产出指标",
  };

  for (guint i = 0; i < G_N_ELEMENTS (heads); i++)
    {
      g_autofree char *csv = g_strdup_printf ("项目资金（万元）,,年初预算数,全年预算数,全年执行数,分值\n"
                                              ",年度资金总额,10,10,10,10\n%s\n%s\n", heads[i], rows[i]);
      g_autoptr (PbsIndicator) ind = first_row (csv, "heads.csv");
      PbsDecimal d;

      CU_ASSERT_PTR_NOT_NULL_FATAL (ind);
      CU_ASSERT_STRING_EQUAL (pbs_indicator_get_level1 (ind), "产出指标");
      CU_ASSERT_STRING_EQUAL (pbs_indicator_get_name (ind), "培训人数");
      CU_ASSERT_STRING_EQUAL (pbs_value_get_text (pbs_indicator_get_target (ind)), "≥100人");
      CU_ASSERT_STRING_EQUAL (pbs_value_get_text (pbs_indicator_get_actual (ind)), "80人");
      CU_ASSERT_STRING_EQUAL (pbs_indicator_get_reason (ind), "经费不足");
      pbs_indicator_get_points (ind, &d);
      PBS_ASSERT_DECIMAL (&d, "90");
      CU_ASSERT_TRUE (pbs_indicator_get_printed_score (ind, &d));
      PBS_ASSERT_DECIMAL (&d, "72");
    }
}

/* 一级 / 二级 / 三级指标 in a second header row under a merged 绩效指标. */
static void
test_two_row_header (void)
{
  static const char page[] =
    "<table><tr><td>项目资金（万元）</td><td>全年预算数</td><td>全年执行数</td><td>分值</td></tr>"
    "<tr><td>年度资金总额</td><td>10</td><td>10</td><td>10</td></tr>"
    "<tr><th colspan=\"3\">绩效指标</th><th rowspan=\"2\">年度指标值</th><th rowspan=\"2\">实际完成值</th>"
    "<th rowspan=\"2\">分值</th></tr>"
    "<tr><th>一级指标</th><th>二级指标</th><th>三级指标</th></tr>"
    "<tr><td>产出指标</td><td>数量指标</td><td>培训人数</td><td>≥100人</td><td>100人</td><td>90</td></tr>"
    "</table>";
  g_autoptr (PbsIndicator) ind = first_row (page, "two-row.html");

  CU_ASSERT_PTR_NOT_NULL_FATAL (ind);
  CU_ASSERT_STRING_EQUAL (pbs_indicator_get_level2 (ind), "数量指标");
  CU_ASSERT_STRING_EQUAL (pbs_indicator_get_name (ind), "培训人数");
  CU_ASSERT_STRING_EQUAL (pbs_indicator_get_place (ind), "table 1, row 5, column 3");
}

/* A form without its money block is a LAYOUT error naming the form. */
static void
test_no_budget (void)
{
  static const char csv[] =
    "一级指标,二级指标,三级指标,年度指标值,实际完成值,分值\n"
    "产出指标,数量指标,培训人数,≥100人,120人,100\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) got = load_data (csv, sizeof csv - 1, "nobudget.csv", &error);

  CU_ASSERT_PTR_NULL (got);
  PBS_ASSERT_ERROR (error, PBS_IMPORT_ERROR, PBS_IMPORT_ERROR_LAYOUT);
  CU_ASSERT_TRUE (error != NULL && g_str_has_prefix (error->message,
                  "nobudget.csv:line 2, column 3: the form “” has no 年度资金总额 row"));
}

/* Issue 10: the official form's money block (amounts as printed, 执行率,
 * the source rows), 年度总体目标 under merged heads and the sign-off land
 * in format 1's fields (rule book §11); nothing is invented. */
static void
test_official_form_fields (void)
{
  static const char page[] =
    "<table>"
    "<tr><td colspan=\"8\">某县2024年度项目支出绩效自评表</td></tr>"
    "<tr><td>项目名称</td><td colspan=\"7\">培训项目</td></tr>"
    "<tr><td rowspan=\"4\">项目资金<br>（万元）</td><td></td><td>年初预算数</td><td>全年预算数</td>"
    "<td>全年执行数</td><td>分值</td><td>执行率</td><td>得分</td></tr>"
    "<tr><td>年度资金总额</td><td>100</td><td>120</td><td>114</td><td>10</td><td>95.0%</td><td>9.5</td></tr>"
    "<tr><td>其中：当年财政拨款</td><td>—</td><td>100</td><td>95</td><td>—</td><td>—</td><td>—</td></tr>"
    "<tr><td>上年结转资金</td><td>&nbsp;</td><td>20</td><td>／</td><td></td><td></td><td></td></tr>"
    /* a note naming 财政拨款 in another cell is no source row */
    "<tr><td>资金来源</td><td>一般公共预算财政拨款</td><td>全额</td><td colspan=\"5\"></td></tr>"
    "<tr><td rowspan=\"2\">年度<br>总体目标</td><td colspan=\"3\">预期目标</td><td colspan=\"4\">实际完成情况</td></tr>"
    "<tr><td colspan=\"3\">培训100人</td><td colspan=\"4\">培训120人<br>考核合格</td></tr>"
    "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>年度指标值</td><td>实际完成值</td>"
    "<td>分值</td><td>得分</td><td>偏差原因分析及改进措施</td></tr>"
    "<tr><td>产出指标</td><td>数量指标</td><td>培训人数</td><td>≥100人</td><td>120人</td><td>90</td>"
    "<td>90</td><td></td></tr>"
    "<tr><td>总分</td><td colspan=\"5\"></td><td>99.5</td><td></td></tr>"
    "<tr><td>项目负责人：王五</td><td>填报人</td><td>赵六</td><td colspan=\"3\">联系电话：0871-1234 填报日期：2025年1月5日</td>"
    "<td>审核人</td><td>孙七</td></tr>"
    "<tr><td>填表人：钱八 审核人：孙七</td><td colspan=\"7\"></td></tr>"
    "</table>";
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) got = load_data (page, sizeof page - 1, "form.html", &error);
  PbsEvaluation *e;
  PbsBudget *b;
  PbsDecimal d;

  ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (got);
  CU_ASSERT_EQUAL_FATAL (got->len, 1);
  e = g_ptr_array_index (got, 0);
  b = pbs_evaluation_get_budget (e);
  CU_ASSERT_PTR_NOT_NULL_FATAL (b);
  CU_ASSERT_TRUE (pbs_budget_get_printed_rate (b, &d));
  ASSERT_DEC_EQ (d, "95.0");                 /* with its digits */
  CU_ASSERT_TRUE (pbs_budget_get_printed_score (b, &d));
  ASSERT_DEC_EQ (d, "9.5");
  CU_ASSERT_FALSE (pbs_budget_get_source_amount (b, PBS_FUND_SOURCE_CURRENT, PBS_BUDGET_COLUMN_INITIAL, &d));
  CU_ASSERT_TRUE (pbs_budget_get_source_amount (b, PBS_FUND_SOURCE_CURRENT, PBS_BUDGET_COLUMN_ANNUAL, &d));
  ASSERT_DEC_EQ (d, "100");
  CU_ASSERT_TRUE (pbs_budget_get_source_amount (b, PBS_FUND_SOURCE_CURRENT, PBS_BUDGET_COLUMN_EXECUTED, &d));
  ASSERT_DEC_EQ (d, "95");
  CU_ASSERT_TRUE (pbs_budget_has_source (b, PBS_FUND_SOURCE_CARRIED_OVER));
  CU_ASSERT_TRUE (pbs_budget_get_source_amount (b, PBS_FUND_SOURCE_CARRIED_OVER, PBS_BUDGET_COLUMN_ANNUAL, &d));
  ASSERT_DEC_EQ (d, "20");
  CU_ASSERT_FALSE (pbs_budget_get_source_amount (b, PBS_FUND_SOURCE_CARRIED_OVER,
                                                 PBS_BUDGET_COLUMN_EXECUTED, &d));
  CU_ASSERT_FALSE (pbs_budget_has_source (b, PBS_FUND_SOURCE_OTHER));
  /* the last 填表人 wins; 审核人 has no field and only ends the value before it */
  CHECK_FORM_TEXTS (e, "培训100人", "培训120人\n考核合格", "王五", "钱八", "0871-1234", "2025年1月5日");
}

/* A YAML document is still YAML, with or without an extension. */
static void
test_yaml_still_yaml (void)
{
  static const char yaml[] =
    "pbscore: 1\nkind: evaluation\ntitle: t, with a comma\nbudget: {annual: 1, executed: 1}\n"
    "indicators:\n"
    "  - {level1: 产出指标, level2: 数量指标, name: a, target: \"≥1个\", actual: \"1个\", points: 90}\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) got = load_data (yaml, sizeof yaml - 1, "<stdin>", &error);

  CU_ASSERT_PTR_NOT_NULL_FATAL (got);
  CU_ASSERT_EQUAL (got->len, 1);
  CU_ASSERT_PTR_NULL (pbs_indicator_get_place (pbs_evaluation_get_indicator (g_ptr_array_index (got, 0), 0)));
}

/* A form without a 分值 column takes each row's points from the reader's
 * template (its suggested indicators' `points:`), and the evaluation
 * names that template; a row the template gives none is BAD_VALUE at the
 * row. */
static void
test_points_from_template (void)
{
  g_autofree char *html = data_path ("no-points.html");
  g_autofree char *tpath = data_path ("no-points-template.yaml");
  static const char csv[] =
    "一级指标,二级指标,三级指标,年度指标值,实际完成值\r\n"
    "产出指标,数量指标,培训人数,≥100人,120人\r\n"
    "产出指标,数量指标,别的指标,≥1个,1个\r\n";
  static const gint64 want[] = { 20, 10, 10, 10, 20, 10 };
  g_autoptr (GError) error = NULL;
  g_autoptr (PbsTemplate) t = pbs_template_load_file (tpath, &error);
  g_autoptr (PbsReader) reader = NULL;
  g_autoptr (PbsDocument) doc = NULL;
  PbsEvaluation *e;

  CU_ASSERT_PTR_NOT_NULL_FATAL (t);
  reader = pbs_reader_new_for_path (html, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (reader);
  pbs_reader_set_template (reader, t);
  doc = pbs_reader_next (reader, &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (doc);
  e = pbs_document_get_evaluation (doc);
  CU_ASSERT_EQUAL_FATAL (pbs_evaluation_get_n_indicators (e), G_N_ELEMENTS (want));
  for (guint i = 0; i < G_N_ELEMENTS (want); i++)
    {
      PbsDecimal d, w;

      pbs_indicator_get_points (pbs_evaluation_get_indicator (e, i), &d);
      pbs_decimal_init (&w, want[i], 0);
      CU_ASSERT_TRUE (pbs_decimal_equal (&d, &w));
    }
  CU_ASSERT_PTR_EQUAL (pbs_evaluation_get_template (e), t);

  g_clear_object (&reader);
  reader = pbs_reader_new_for_data (csv, sizeof csv - 1, "t.csv");
  pbs_reader_set_template (reader, t);
  g_clear_pointer (&doc, pbs_document_unref);
  doc = pbs_reader_next (reader, &error);
  CU_ASSERT_PTR_NULL (doc);
  CU_ASSERT_TRUE (g_error_matches (error, PBS_IMPORT_ERROR, PBS_IMPORT_ERROR_BAD_VALUE));
  CU_ASSERT_PTR_NOT_NULL (strstr (error->message, "t.csv:line 3, column 3: the row “别的指标”"));
  CU_ASSERT_PTR_NOT_NULL (strstr (error->message, "template “baoshan-sample” gives no points"));
}

static const PbsTestCase cases[] = {
  { "invalid_files", test_invalid_files },
  { "points_from_template", test_points_from_template },
  { "xishan_tables", test_xishan_tables },
  { "places", test_places },
  { "copy_keeps_place", test_copy_keeps_place },
  { "row_error_place", test_row_error_place },
  { "habits", test_habits },
  { "two_forms", test_two_forms },
  { "entities", test_entities },
  { "nested_table", test_nested_table },
  { "deep_nesting", test_deep_nesting },
  { "limits", test_limits },
  { "csv_quoting", test_csv_quoting },
  { "header_variants", test_header_variants },
  { "two_row_header", test_two_row_header },
  { "no_budget", test_no_budget },
  { "official_form_fields", test_official_form_fields },
  { "yaml_still_yaml", test_yaml_still_yaml },
  { NULL, NULL },
};

int
main (void)
{
  return pbs_test_run ("import", cases);
}
