/* test-report.c - PbsReport: every format of every content
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * doc/report.md is the contract. The Xishan example (examples/) and two
 * small evaluations — one built in code, whose title and names hold the
 * characters each format must escape, one read from YAML in memory — are
 * rendered in every format × content and read back: JSON with json-glib's
 * parser, CSV with an RFC 4180 reader below, HTML with GLib's
 * GMarkupParseContext (the page is XHTML, so an XML parser takes it), text
 * column by column with pbs_text_display_width().
 *
 * Where the files are: $PBS_TEST_DATA, else PBS_TEST_SRCDIR/data.
 */
#include "pbs-test.h"

#include <json-glib/json-glib.h>

static const PbsFormat formats[] = {
  PBS_FORMAT_TEXT, PBS_FORMAT_MARKDOWN, PBS_FORMAT_CSV, PBS_FORMAT_JSON, PBS_FORMAT_JSONL,
  PBS_FORMAT_HTML, PBS_FORMAT_YAML,
};
static const PbsReportContent contents[] = {
  PBS_REPORT_TABLE, PBS_REPORT_EXPLAIN, PBS_REPORT_AUDIT, PBS_REPORT_NARRATIVE, PBS_REPORT_LINT,
};

#define XISHAN_TITLE "昆明市西山区政务服务管理局2024年部门整体支出"
/* The title of the evaluation built in code: a comma, a quote, markup and
 * a line break, everything a format must escape. */
#define TRICKY_TITLE "甲,\"乙\"<丙>&\n丁"
#define TRICKY_NAME "完成|数量"

/* ------------------------------------------------------------- fixtures */

/* Scored evaluations: the documents own their evaluations. */
typedef struct {
  GPtrArray *docs;         /* PbsDocument*, owned */
  GPtrArray *scorecards;   /* PbsScorecard*, owned */
  char      *path;         /* the file read, for the places lint names */
} Scored;

static void
scored_free (Scored *s)
{
  g_ptr_array_unref (s->docs);
  g_ptr_array_unref (s->scorecards);
  g_free (s->path);
  g_free (s);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Scored, scored_free)

static Scored *
scored_new (void)
{
  Scored *s = g_new0 (Scored, 1);

  s->docs = g_ptr_array_new_with_free_func ((GDestroyNotify) pbs_document_unref);
  s->scorecards = g_ptr_array_new_with_free_func ((GDestroyNotify) pbs_scorecard_unref);
  return s;
}

/* Reads and scores (under each document's policy) every evaluation of
 * @reader; NULL with the test failed on any error. */
static Scored *
score_reader_at (const char *file, int line, PbsReader *reader, Scored *s)
{
  g_autoptr (GError) error = NULL;
  PbsDocument *doc;

  while ((doc = pbs_reader_next (reader, &error)) != NULL)
    {
      PbsScorecard *sc;

      g_ptr_array_add (s->docs, doc);
      sc = pbs_evaluation_score (pbs_document_get_evaluation (doc), NULL, &error);
      CHECK_AT (sc != NULL, file, line);
      if (sc == NULL)
        break;
      g_ptr_array_add (s->scorecards, sc);
    }
  CHECK_AT (error == NULL && s->scorecards->len > 0, file, line);
  if (error != NULL || s->scorecards->len == 0)
    {
      fprintf (stderr, "%s:%d: %s\n", file, line, error != NULL ? error->message : "no document");
      scored_free (s);
      return NULL;
    }
  return s;
}

static Scored *
score_file_at (const char *file, int line, const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PbsReader) reader = pbs_reader_new_for_path (path, &error);
  Scored *s;

  CHECK_AT (reader != NULL, file, line);
  if (reader == NULL)
    {
      fprintf (stderr, "%s:%d: %s: %s\n", file, line, path, error->message);
      return NULL;
    }
  s = scored_new ();
  s->path = g_strdup (path);
  return score_reader_at (file, line, reader, s);
}
#define SCORE_FILE(path) score_file_at (__FILE__, __LINE__, path)

static Scored *
score_xishan_at (const char *file, int line)
{
  g_autofree char *path = g_build_filename (pbs_test_data_dir (), "..", "..", "examples", "xishan-2024.yaml",
                                            NULL);
  Scored *s = score_file_at (file, line, path);

  CHECK_AT (s == NULL || s->scorecards->len == 1, file, line);
  return s;
}
#define SCORE_XISHAN() score_xishan_at (__FILE__, __LINE__)

static Scored *
score_data_at (const char *file, int line, const char *yaml, const char *name)
{
  g_autoptr (PbsReader) reader = pbs_reader_new_for_data (yaml, -1, name);
  Scored *s = scored_new ();

  s->path = g_strdup (name);
  return score_reader_at (file, line, reader, s);
}
#define SCORE_DATA(yaml, name) score_data_at (__FILE__, __LINE__, yaml, name)

static PbsIndicator *
row_new (const char *level1, const char *level2, const char *name, const char *target,
         const char *actual, const char *points, const char *reason)
{
  PbsDecimal p = pbs_test_dec (points);
  PbsIndicator *ind = pbs_indicator_new (level1, level2, name, &p);
  g_autoptr (GError) error = NULL;

  CU_ASSERT_TRUE (pbs_indicator_set_target (ind, target, &error));
  CU_ASSERT_TRUE (pbs_indicator_set_actual (ind, actual, &error));
  if (reason != NULL)
    pbs_indicator_set_reason (ind, reason);
  return ind;
}

/* Built in code (no file, so lint names no place): budget 10 points, two
 * rows of 45. Row 1 meets its target: 45.00; row 2: 81 / 90 × 45 =
 * 40.50, partial. Total 10 + 45 + 40.50 = 95.50. Two even rows pile no
 * points (neither stands out, doc/lint.md); test_lint_small gives each
 * row a lint finding of its own. */
static Scored *
score_tricky_at (const char *file, int line)
{
  g_autoptr (PbsEvaluation) e = pbs_evaluation_new ();
  g_autoptr (PbsIndicator) r1 = row_new ("产出指标", "数量指标", TRICKY_NAME, "≥100项", "100项",
                                         "45", NULL);
  g_autoptr (PbsIndicator) r2 = row_new ("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%",
                                         "81%", "45", "原因,含逗号和\"引号\"");
  PbsDecimal hundred = pbs_test_dec ("100");
  g_autoptr (PbsBudget) budget = pbs_budget_new (&hundred, &hundred);
  g_autoptr (GError) error = NULL;
  Scored *s = scored_new ();
  PbsScorecard *sc;

  pbs_evaluation_set_title (e, TRICKY_TITLE);
  pbs_evaluation_set_budget (e, budget);
  pbs_evaluation_add_indicator (e, r1);
  pbs_evaluation_add_indicator (e, r2);
  sc = pbs_evaluation_score (e, NULL, &error);
  CHECK_AT (sc != NULL, file, line);
  if (sc == NULL)
    {
      fprintf (stderr, "%s:%d: %s\n", file, line, error->message);
      scored_free (s);
      return NULL;
    }
  g_ptr_array_add (s->scorecards, sc);
  return s;
}
#define SCORE_TRICKY() score_tricky_at (__FILE__, __LINE__)

/* Renders @scorecards; NULL (with *error set) when the report fails. */
static char *
render (PbsFormat format, PbsReportContent content, PbsLanguage language, GPtrArray *scorecards,
        gint row, const char *name, GError **error)
{
  g_autoptr (PbsReport) report = pbs_report_new (format, content, language);
  gsize length = 0;
  char *text;

  for (guint i = 0; i < scorecards->len; i++)
    pbs_report_add (report, g_ptr_array_index (scorecards, i));
  pbs_report_set_row_filter (report, row, name);
  text = pbs_report_render (report, &length, error);
  if (text != NULL)
    CU_ASSERT_EQUAL (length, strlen (text));
  return text;
}

/* Renders and expects success. */
static char *
render_ok_at (const char *file, int line, PbsFormat format, PbsReportContent content,
              PbsLanguage language, GPtrArray *scorecards)
{
  g_autoptr (GError) error = NULL;
  char *text = render (format, content, language, scorecards, -1, NULL, &error);

  CHECK_AT (text != NULL, file, line);
  if (text == NULL)
    fprintf (stderr, "%s:%d: format %d content %d: %s\n", file, line, format, content,
             error->message);
  return text;
}
#define RENDER(format, content, language, scorecards) \
  render_ok_at (__FILE__, __LINE__, format, content, language, scorecards)

/* ------------------------------------------------------------- readers */

static JsonNode *
parse_json_at (const char *file, int line, const char *text)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;

  CHECK_AT (json_parser_load_from_data (parser, text, -1, &error), file, line);
  if (error != NULL)
    {
      fprintf (stderr, "%s:%d: not JSON: %s\n%.400s\n", file, line, error->message, text);
      return NULL;
    }
  return json_node_copy (json_parser_get_root (parser));
}
#define PARSE_JSON(text) parse_json_at (__FILE__, __LINE__, text)

/* RFC 4180: records of fields, each record ended by CRLF; a quoted field
 * may hold commas, doubled quotes, CR and LF. FALSE for anything else (a
 * bare LF ending a record, text after a closing quote, an open quote). */
static gboolean
parse_csv (const char *text, GPtrArray *records)
{
  const char *p = text;

  while (*p != '\0')
    {
      GPtrArray *record = g_ptr_array_new_with_free_func (g_free);

      g_ptr_array_add (records, record);
      for (;;)
        {
          GString *field = g_string_new (NULL);

          if (*p == '"')
            {
              for (p++;; p++)
                {
                  if (*p == '\0')
                    {
                      g_string_free (field, TRUE);
                      return FALSE;
                    }
                  if (*p == '"' && p[1] == '"')
                    {
                      g_string_append_c (field, '"');
                      p++;
                    }
                  else if (*p == '"')
                    {
                      p++;
                      break;
                    }
                  else
                    g_string_append_c (field, *p);
                }
            }
          else
            while (*p != '\0' && *p != ',' && *p != '\r' && *p != '\n' && *p != '"')
              g_string_append_c (field, *p++);
          g_ptr_array_add (record, g_string_free (field, FALSE));
          if (*p == ',')
            {
              p++;
              continue;
            }
          if (p[0] == '\r' && p[1] == '\n')
            {
              p += 2;
              break;
            }
          return FALSE;
        }
    }
  return TRUE;
}

static const char *
csv_field (GPtrArray *records, guint record, guint field)
{
  return g_ptr_array_index ((GPtrArray *) g_ptr_array_index (records, record), field);
}

static guint
csv_n_fields (GPtrArray *records, guint record)
{
  return ((GPtrArray *) g_ptr_array_index (records, record))->len;
}

/* XHTML through GMarkup: well-formed, with the elements counted by name. */
typedef struct {
  GHashTable *count;   /* element name → count */
  GString    *text;    /* all character data */
} Markup;

static void
markup_start (GMarkupParseContext *ctx, const char *element, const char **names,
              const char **values, gpointer data, GError **error)
{
  Markup *m = data;
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (m->count, element));

  (void) ctx;
  (void) names;
  (void) values;
  (void) error;
  g_hash_table_replace (m->count, g_strdup (element), GUINT_TO_POINTER (n + 1));
}

static void
markup_text (GMarkupParseContext *ctx, const char *text, gsize len, gpointer data, GError **error)
{
  Markup *m = data;

  (void) ctx;
  (void) error;
  g_string_append_len (m->text, text, (gssize) len);
}

static gboolean
parse_html_at (const char *file, int line, const char *html, Markup *m)
{
  static const GMarkupParser parser = { markup_start, NULL, markup_text, NULL, NULL };
  GMarkupParseContext *ctx;
  g_autoptr (GError) error = NULL;
  gboolean ok;

  m->count = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  m->text = g_string_new (NULL);
  /* GMarkup takes no DOCTYPE: the page starts with one line of it */
  CHECK_AT (g_str_has_prefix (html, "<!DOCTYPE html>\n"), file, line);
  if (g_str_has_prefix (html, "<!DOCTYPE html>\n"))
    html += strlen ("<!DOCTYPE html>\n");
  ctx = g_markup_parse_context_new (&parser, 0, m, NULL);
  ok = g_markup_parse_context_parse (ctx, html, -1, &error)
       && g_markup_parse_context_end_parse (ctx, &error);
  g_markup_parse_context_free (ctx);
  CHECK_AT (ok, file, line);
  if (!ok)
    fprintf (stderr, "%s:%d: not well-formed: %s\n", file, line, error->message);
  return ok;
}
#define PARSE_HTML(html, m) parse_html_at (__FILE__, __LINE__, html, m)

static void
markup_clear (Markup *m)
{
  g_clear_pointer (&m->count, g_hash_table_unref);
  if (m->text != NULL)
    g_string_free (m->text, TRUE);
  m->text = NULL;
}

static guint
markup_count (Markup *m, const char *element)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (m->count, element));
}

static const char *
lint_nick (PbsLintCheck check)
{
  g_autoptr (GEnumClass) klass = g_type_class_ref (PBS_TYPE_LINT_CHECK);
  GEnumValue *v = g_enum_get_value (klass, check);

  return v != NULL ? v->value_nick : "?";
}

/* ------------------------------------------------------------- every format */

/* Every format of every content renders the three fixtures into something
 * its reader takes, in both languages. */
static void
test_every_format_and_content (void)
{
  g_autoptr (Scored) xishan = SCORE_XISHAN ();
  g_autoptr (Scored) tricky = SCORE_TRICKY ();
  g_autofree char *batch_path = g_build_filename (pbs_test_data_dir (), "valid", "batch-three.yaml", NULL);
  g_autoptr (Scored) batch = SCORE_FILE (batch_path);
  Scored *all[3];

  if (xishan == NULL || tricky == NULL || batch == NULL)
    return;
  all[0] = xishan;
  all[1] = tricky;
  all[2] = batch;
  for (guint s = 0; s < G_N_ELEMENTS (all); s++)
    for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
      for (guint c = 0; c < G_N_ELEMENTS (contents); c++)
        for (PbsLanguage l = PBS_LANGUAGE_ZH; l <= PBS_LANGUAGE_EN; l++)
          {
            GPtrArray *scs = all[s]->scorecards;
            g_autofree char *out = RENDER (formats[f], contents[c], l, scs);

            if (out == NULL)
              continue;
            CU_ASSERT_TRUE (g_utf8_validate (out, -1, NULL));
            CU_ASSERT_TRUE (g_str_has_suffix (out, "\n"));
            switch (formats[f])
              {
              case PBS_FORMAT_JSON:
                {
                  g_autoptr (JsonNode) root = PARSE_JSON (out);

                  CU_ASSERT_TRUE (root != NULL
                                  && (scs->len == 1 ? JSON_NODE_HOLDS_OBJECT (root)
                                                    : JSON_NODE_HOLDS_ARRAY (root)));
                }
                break;
              case PBS_FORMAT_JSONL:
                {
                  g_auto (GStrv) lines = g_strsplit (out, "\n", -1);

                  /* one object a line, and the empty string after the last \n */
                  CU_ASSERT_EQUAL (g_strv_length (lines), scs->len + 1);
                  for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
                    {
                      g_autoptr (JsonNode) obj = PARSE_JSON (lines[i]);
                      CU_ASSERT_TRUE (obj != NULL && JSON_NODE_HOLDS_OBJECT (obj));
                    }
                }
                break;
              case PBS_FORMAT_CSV:
                {
                  g_autoptr (GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

                  CU_ASSERT_TRUE (parse_csv (out, records));
                  CU_ASSERT_TRUE (records->len >= 1);
                  for (guint i = 1; i < records->len; i++)
                    CU_ASSERT_EQUAL (csv_n_fields (records, i), csv_n_fields (records, 0));
                }
                break;
              case PBS_FORMAT_HTML:
                {
                  Markup m = { 0 };

                  if (PARSE_HTML (out, &m))
                    CU_ASSERT_EQUAL (markup_count (&m, "section"),
                                     scs->len + (contents[c] == PBS_REPORT_NARRATIVE ? scs->len : 0));
                  markup_clear (&m);
                }
                break;
              case PBS_FORMAT_YAML:
                CU_ASSERT_TRUE (g_str_has_prefix (out, "---"));
                CU_ASSERT_EQUAL (pbs_test_count (out, "---\n") + pbs_test_count (out, "--- "),
                                 scs->len);
                break;
              case PBS_FORMAT_TEXT:
              case PBS_FORMAT_MARKDOWN:
              default:
                /* each evaluation has its own title (the tricky one is
                 * escaped: test_markdown) */
                for (guint i = 0; all[s] != tricky && i < scs->len; i++)
                  {
                    PbsEvaluation *e = pbs_scorecard_get_evaluation (g_ptr_array_index (scs, i));
                    CU_ASSERT_PTR_NOT_NULL (strstr (out, pbs_evaluation_get_title (e)));
                  }
                break;
              }
          }
}

/* ------------------------------------------------------------- JSON */

static JsonObject *
indicator (JsonObject *doc, guint row)
{
  JsonArray *rows = json_object_get_array_member (doc, "indicators");

  return json_array_get_object_element (rows, row - 1);
}

static void
test_json_xishan (void)
{
  g_autoptr (Scored) xishan = SCORE_XISHAN ();
  g_autofree char *out = NULL;
  g_autoptr (JsonNode) root = NULL;
  JsonObject *doc, *budget, *row8, *row16;
  JsonArray *flags;

  if (xishan == NULL)
    return;
  out = RENDER (PBS_FORMAT_JSON, PBS_REPORT_TABLE, PBS_LANGUAGE_ZH, xishan->scorecards);
  root = out != NULL ? PARSE_JSON (out) : NULL;
  CU_ASSERT_TRUE_FATAL (root != NULL && JSON_NODE_HOLDS_OBJECT (root));
  doc = json_node_get_object (root);
  CU_ASSERT_STRING_EQUAL (json_object_get_string_member (doc, "title"), XISHAN_TITLE);
  CU_ASSERT_STRING_EQUAL (json_object_get_string_member (doc, "policy"), "central");
  CU_ASSERT_STRING_EQUAL (json_object_get_string_member (doc, "grade"), "优");
  CU_ASSERT_STRING_EQUAL (json_object_get_string_member (doc, "grade_code"), "excellent");
  CU_ASSERT_TRUE (json_object_get_boolean_member (doc, "complete"));
  CU_ASSERT_EQUAL (json_object_get_int_member (doc, "year"), 2024);
  CU_ASSERT_EQUAL (json_array_get_length (json_object_get_array_member (doc, "indicators")), 19);
  CU_ASSERT_EQUAL (json_array_get_length (json_object_get_array_member (doc, "warnings")), 0);
  CU_ASSERT_FALSE (json_object_has_member (doc, "findings"));
  CU_ASSERT_FALSE (json_object_has_member (doc, "lint"));
  budget = json_object_get_object_member (doc, "budget");
  CU_ASSERT_TRUE (json_object_get_double_member (budget, "rate") == 99.94);
  CU_ASSERT_TRUE (json_object_get_double_member (budget, "score") == 9.99);
  CU_ASSERT_TRUE (json_object_get_null_member (budget, "printed_score"));

  /* row 8: =100% scored like ≥, 5 × 97.7 / 100 = 4.885 → 4.89, partial */
  row8 = indicator (doc, 8);
  CU_ASSERT_EQUAL (json_object_get_int_member (row8, "row"), 8);
  CU_ASSERT_STRING_EQUAL (json_object_get_string_member (row8, "name"), "营商环境投诉办结销号率");
  CU_ASSERT_STRING_EQUAL (json_object_get_string_member (row8, "target"), "=100%");
  CU_ASSERT_TRUE (json_object_get_double_member (row8, "score") == 4.89);
  CU_ASSERT_STRING_EQUAL (json_object_get_string_member (row8, "status"), "partial");
  CU_ASSERT_STRING_EQUAL (json_object_get_string_member (row8, "rule"), "equal");
  CU_ASSERT_EQUAL (json_array_get_length (json_object_get_array_member (row8, "flags")), 0);
  /* row 16: 80 / 60 = 1.33 past 1.2, and no reason */
  row16 = indicator (doc, 16);
  flags = json_object_get_array_member (row16, "flags");
  CU_ASSERT_EQUAL_FATAL (json_array_get_length (flags), 2);
  CU_ASSERT_STRING_EQUAL (json_array_get_string_element (flags, 0), "over_completion");
  CU_ASSERT_STRING_EQUAL (json_array_get_string_element (flags, 1), "missing_reason");
  CU_ASSERT_TRUE (json_object_get_null_member (row16, "reason"));
}

/* Numbers are written with their exact digits, never through %.17g. */
static void
test_json_numbers_exact (void)
{
  g_autoptr (Scored) xishan = SCORE_XISHAN ();
  g_autofree char *line = NULL;
  g_autofree char *pretty = NULL;

  if (xishan == NULL)
    return;
  line = RENDER (PBS_FORMAT_JSONL, PBS_REPORT_TABLE, PBS_LANGUAGE_ZH, xishan->scorecards);
  CU_ASSERT_PTR_NOT_NULL_FATAL (line);
  CU_ASSERT_PTR_NOT_NULL (strstr (line, "\"total\":99.88,"));
  CU_ASSERT_PTR_NOT_NULL (strstr (line, "\"rate\":99.94,"));
  CU_ASSERT_PTR_NOT_NULL (strstr (line, "\"score\":9.99,"));
  CU_ASSERT_PTR_NOT_NULL (strstr (line, "\"initial\":1354.10,"));   /* as written */
  CU_ASSERT_PTR_NOT_NULL (strstr (line, "\"score\":4.89,"));
  CU_ASSERT_PTR_NOT_NULL (strstr (line, "\"score\":5.00,"));        /* policy digits */
  CU_ASSERT_PTR_NULL (strstr (line, "99.879999"));
  CU_ASSERT_PTR_NULL (strstr (line, "9.9900000"));
  CU_ASSERT_PTR_NULL (strstr (line, "\\u0001"));                    /* no sentinel left */
  pretty = RENDER (PBS_FORMAT_JSON, PBS_REPORT_TABLE, PBS_LANGUAGE_ZH, xishan->scorecards);
  CU_ASSERT_PTR_NOT_NULL_FATAL (pretty);
  CU_ASSERT_PTR_NOT_NULL (strstr (pretty, "\"total\" : 99.88,"));
}

/* Xishan and the three of batch-three.yaml, borrowed; NULL when either
 * did not load. */
static GPtrArray *
four_evaluations (Scored *xishan, Scored *batch)
{
  GPtrArray *scs;

  if (xishan == NULL || batch == NULL)
    return NULL;
  scs = g_ptr_array_new ();
  g_ptr_array_add (scs, g_ptr_array_index (xishan->scorecards, 0));
  for (guint i = 0; i < batch->scorecards->len; i++)
    g_ptr_array_add (scs, g_ptr_array_index (batch->scorecards, i));
  return scs;
}

static void
test_json_several (void)
{
  g_autoptr (Scored) xishan = SCORE_XISHAN ();
  g_autofree char *batch_path = g_build_filename (pbs_test_data_dir (), "valid", "batch-three.yaml", NULL);
  g_autoptr (Scored) batch = SCORE_FILE (batch_path);
  g_autoptr (GPtrArray) scs = four_evaluations (xishan, batch);
  g_autofree char *json = NULL, *jsonl = NULL;
  g_autoptr (JsonNode) root = NULL;
  g_auto (GStrv) lines = NULL;

  if (scs == NULL)
    return;
  CU_ASSERT_EQUAL_FATAL (scs->len, 4);

  json = RENDER (PBS_FORMAT_JSON, PBS_REPORT_TABLE, PBS_LANGUAGE_ZH, scs);
  root = json != NULL ? PARSE_JSON (json) : NULL;
  CU_ASSERT_TRUE_FATAL (root != NULL && JSON_NODE_HOLDS_ARRAY (root));
  CU_ASSERT_EQUAL (json_array_get_length (json_node_get_array (root)), 4);
  CU_ASSERT_STRING_EQUAL (json_object_get_string_member (json_array_get_object_element (json_node_get_array (root), 1), "title"),
                          "行政审批工作运行经费");

  jsonl = RENDER (PBS_FORMAT_JSONL, PBS_REPORT_TABLE, PBS_LANGUAGE_ZH, scs);
  CU_ASSERT_PTR_NOT_NULL_FATAL (jsonl);
  CU_ASSERT_EQUAL (pbs_test_count (jsonl, "\n"), 4);
  lines = g_strsplit (jsonl, "\n", -1);
  CU_ASSERT_EQUAL (g_strv_length (lines), 5);
  CU_ASSERT_STRING_EQUAL (lines[4], "");
  for (guint i = 0; i < 4 && lines[i] != NULL; i++)
    {
      g_autoptr (JsonNode) obj = PARSE_JSON (lines[i]);
      CU_ASSERT_TRUE (obj != NULL && JSON_NODE_HOLDS_OBJECT (obj));
    }

  /* no evaluation: an empty array, and nothing for JSON Lines */
  g_ptr_array_set_size (scs, 0);
  g_clear_pointer (&json, g_free);
  json = RENDER (PBS_FORMAT_JSON, PBS_REPORT_TABLE, PBS_LANGUAGE_ZH, scs);
  CU_ASSERT_PTR_NOT_NULL_FATAL (json);
  CU_ASSERT_STRING_EQUAL (g_strstrip (json), "[]");
}

/* Strings with quotes, control characters and markup survive JSON. */
static void
test_json_escaping (void)
{
  g_autoptr (Scored) tricky = SCORE_TRICKY ();
  g_autofree char *out = NULL;
  g_autoptr (JsonNode) root = NULL;
  JsonObject *doc;

  if (tricky == NULL)
    return;
  out = RENDER (PBS_FORMAT_JSON, PBS_REPORT_TABLE, PBS_LANGUAGE_ZH, tricky->scorecards);
  root = out != NULL ? PARSE_JSON (out) : NULL;
  CU_ASSERT_TRUE_FATAL (root != NULL && JSON_NODE_HOLDS_OBJECT (root));
  doc = json_node_get_object (root);
  CU_ASSERT_STRING_EQUAL (json_object_get_string_member (doc, "title"), TRICKY_TITLE);
  CU_ASSERT_STRING_EQUAL (json_object_get_string_member (indicator (doc, 1), "name"), TRICKY_NAME);
  CU_ASSERT_STRING_EQUAL (json_object_get_string_member (indicator (doc, 2), "reason"),
                          "原因,含逗号和\"引号\"");
  CU_ASSERT_PTR_NOT_NULL (strstr (out, "\"total\" : 95.50,"));
  CU_ASSERT_PTR_NOT_NULL (strstr (out, "\"score\" : 40.50,"));
  CU_ASSERT_TRUE (json_object_get_null_member (doc, "department"));
  CU_ASSERT_TRUE (json_object_get_null_member (doc, "year"));
}

/* Issue 12: every control character is escaped (RFC 8259), none dropped
 * (json-glib 1.6 dropped U+001F), and numbers are bare exact decimals. */
static void
test_json_every_control_character (void)
{
  static const PbsTestRow rows[] = { { OUT, QTY, "办件量", "90", "≥100件", "90件" } };
  g_autoptr (PbsEvaluation) e = pbs_test_evaluation_new ("100", "90", "10", rows, 1);
  g_autoptr (PbsScorecard) sc = NULL;
  g_autoptr (GPtrArray) all = g_ptr_array_new_with_free_func ((GDestroyNotify) pbs_scorecard_unref);
  g_autoptr (GString) title = g_string_new ("控制");
  g_autofree char *out = NULL;
  g_autoptr (JsonNode) root = NULL;

  for (char c = 1; c < 0x20; c++)
    g_string_append_c (title, c);
  g_string_append (title, "\"\\/\x7f末");
  pbs_evaluation_set_title (e, title->str);
  sc = SCORE_OK (e, NULL);
  CU_ASSERT_PTR_NOT_NULL_FATAL (sc);
  g_ptr_array_add (all, pbs_scorecard_ref (sc));
  out = RENDER (PBS_FORMAT_JSONL, PBS_REPORT_TABLE, PBS_LANGUAGE_ZH, all);
  CU_ASSERT_PTR_NOT_NULL_FATAL (out);
  CU_ASSERT_PTR_NOT_NULL (strstr (out, "\\u001f\\\"\\\\/"));
  CU_ASSERT_PTR_NOT_NULL (strstr (out, "\\n\\u000b\\f\\r"));
  CU_ASSERT_PTR_NOT_NULL (strstr (out, "\"total\":90.00,"));
  for (const char *p = out; *p != '\0'; p++)
    if (*p != '\n')
      CU_ASSERT_TRUE ((guchar) *p >= 0x20);
  root = PARSE_JSON (out);
  CU_ASSERT_TRUE_FATAL (root != NULL && JSON_NODE_HOLDS_OBJECT (root));
  CU_ASSERT_STRING_EQUAL (json_object_get_string_member (json_node_get_object (root), "title"),
                          title->str);
}

/* ------------------------------------------------------------- CSV */

static void
test_csv (void)
{
  g_autoptr (Scored) tricky = SCORE_TRICKY ();
  g_autoptr (Scored) xishan = SCORE_XISHAN ();
  g_autoptr (GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autofree char *out = NULL;
  g_autofree char *xout = NULL;

  if (tricky == NULL || xishan == NULL)
    return;
  out = RENDER (PBS_FORMAT_CSV, PBS_REPORT_TABLE, PBS_LANGUAGE_ZH, tricky->scorecards);
  CU_ASSERT_PTR_NOT_NULL_FATAL (out);
  /* the title quoted, its quotes doubled, its line break kept inside */
  CU_ASSERT_PTR_NOT_NULL (strstr (out, "\r\n\"甲,\"\"乙\"\"<丙>&\n丁\",产出指标,"));
  CU_ASSERT_TRUE (g_str_has_prefix (out, "title,level1,level2,name,target,actual,points,score,status,"
                                         "rule,flags,printed_score,reason,explanation\r\n"));
  CU_ASSERT_TRUE (g_str_has_suffix (out, "\r\n"));
  CU_ASSERT_TRUE_FATAL (parse_csv (out, records));
  CU_ASSERT_EQUAL_FATAL (records->len, 3);
  CU_ASSERT_EQUAL (csv_n_fields (records, 1), 14);
  CU_ASSERT_STRING_EQUAL (csv_field (records, 1, 0), TRICKY_TITLE);
  CU_ASSERT_STRING_EQUAL (csv_field (records, 1, 3), TRICKY_NAME);
  CU_ASSERT_STRING_EQUAL (csv_field (records, 1, 7), "45.00");
  CU_ASSERT_STRING_EQUAL (csv_field (records, 2, 7), "40.50");
  CU_ASSERT_STRING_EQUAL (csv_field (records, 2, 8), "partial");
  CU_ASSERT_STRING_EQUAL (csv_field (records, 2, 12), "原因,含逗号和\"引号\"");
  CU_ASSERT_STRING_EQUAL (csv_field (records, 1, 12), "");   /* no reason: empty */

  /* Xishan: 19 rows and a header; row 16's flags joined by ; */
  xout = RENDER (PBS_FORMAT_CSV, PBS_REPORT_TABLE, PBS_LANGUAGE_ZH, xishan->scorecards);
  g_ptr_array_set_size (records, 0);
  CU_ASSERT_TRUE_FATAL (xout != NULL && parse_csv (xout, records));
  CU_ASSERT_EQUAL_FATAL (records->len, 20);
  CU_ASSERT_STRING_EQUAL (csv_field (records, 16, 3), "审批时限压缩率");
  CU_ASSERT_STRING_EQUAL (csv_field (records, 16, 10), "over_completion;missing_reason");
  CU_ASSERT_STRING_EQUAL (csv_field (records, 8, 7), "4.89");
}

/* ------------------------------------------------------------- Markdown */

/* The | of a cell is written \| so that it never splits the cell: every
 * line of a table has as many unescaped | as its header. */
static guint
count_pipes (const char *line)
{
  guint n = 0;

  for (const char *p = line; *p != '\0'; p++)
    {
      if (*p == '\\' && p[1] != '\0')
        p++;
      else if (*p == '|')
        n++;
    }
  return n;
}

static void
test_markdown (void)
{
  g_autoptr (Scored) tricky = SCORE_TRICKY ();
  g_autofree char *out = NULL;
  g_auto (GStrv) lines = NULL;
  guint header_pipes = 0, table_lines = 0;
  gboolean row_seen = FALSE;

  if (tricky == NULL)
    return;
  out = RENDER (PBS_FORMAT_MARKDOWN, PBS_REPORT_TABLE, PBS_LANGUAGE_ZH, tricky->scorecards);
  CU_ASSERT_PTR_NOT_NULL_FATAL (out);
  /* the title: markup escaped, its line break a <br> */
  CU_ASSERT_TRUE (g_str_has_prefix (out, "## 甲,\"乙\"\\<丙\\>\\&<br>丁绩效自评表\n"));
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (lines[i][0] != '|')
        {
          header_pipes = 0;
          continue;
        }
      if (header_pipes == 0)
        header_pipes = count_pipes (lines[i]);
      CU_ASSERT_EQUAL (count_pipes (lines[i]), header_pipes);
      table_lines++;
      if (strstr (lines[i], "完成\\|数量") != NULL)
        {
          row_seen = TRUE;
          CU_ASSERT_EQUAL (count_pipes (lines[i]), 12);   /* 11 columns */
          CU_ASSERT_PTR_NOT_NULL (strstr (lines[i], "| 45.00 |"));
        }
    }
  CU_ASSERT_TRUE (row_seen);
  CU_ASSERT_TRUE (table_lines >= 6);
  CU_ASSERT_PTR_NULL (strstr (out, "完成|数量"));
  CU_ASSERT_PTR_NOT_NULL (strstr (out, "| --- | --- |"));
  CU_ASSERT_PTR_NOT_NULL (strstr (out, "| ---: |"));
}

/* ------------------------------------------------------------- HTML */

static void
test_html (void)
{
  g_autoptr (Scored) xishan = SCORE_XISHAN ();
  g_autoptr (Scored) tricky = SCORE_TRICKY ();
  g_autofree char *out = NULL, *tout = NULL;
  Markup m = { 0 };

  if (xishan == NULL || tricky == NULL)
    return;
  out = RENDER (PBS_FORMAT_HTML, PBS_REPORT_TABLE, PBS_LANGUAGE_ZH, xishan->scorecards);
  CU_ASSERT_PTR_NOT_NULL_FATAL (out);
  CU_ASSERT_PTR_NOT_NULL (strstr (out, "<svg"));
  CU_ASSERT_PTR_NULL (strstr (out, "<script"));
  CU_ASSERT_PTR_NOT_NULL (strstr (out, "<tr id=\"e1-row-8\">"));
  if (PARSE_HTML (out, &m))
    {
      CU_ASSERT_EQUAL (markup_count (&m, "html"), 1);
      CU_ASSERT_EQUAL (markup_count (&m, "section"), 1);
      CU_ASSERT_EQUAL (markup_count (&m, "svg"), 2);         /* rows, level-1 categories */
      CU_ASSERT_TRUE (markup_count (&m, "rect") >= 19 + 3);
      CU_ASSERT_PTR_NOT_NULL (strstr (m.text->str, "99.88"));
      CU_ASSERT_PTR_NOT_NULL (strstr (m.text->str, "营商环境投诉办结销号率"));
      CU_ASSERT_PTR_NOT_NULL (strstr (m.text->str, "99.78%（49.89 / 50）"));
    }
  markup_clear (&m);

  /* the tricky title is text, escaped, and reads back as written */
  tout = RENDER (PBS_FORMAT_HTML, PBS_REPORT_TABLE, PBS_LANGUAGE_ZH, tricky->scorecards);
  CU_ASSERT_PTR_NOT_NULL_FATAL (tout);
  CU_ASSERT_PTR_NOT_NULL (strstr (tout, "&lt;丙&gt;&amp;"));
  if (PARSE_HTML (tout, &m))
    CU_ASSERT_PTR_NOT_NULL (strstr (m.text->str, TRICKY_TITLE));
  markup_clear (&m);
}

/* ------------------------------------------------------------- text */

/* Where each column of a text table starts, in display columns, from its
 * rule of dashes ("----  --------  …"). */
static GArray *
column_starts (const char *rule)
{
  GArray *starts = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; rule[i] != '\0'; i++)
    if (rule[i] == '-' && (i == 0 || rule[i - 1] == ' '))
      g_array_append_val (starts, i);
  return starts;
}

/* The display column at which each byte of @line starts. */
static guint
display_column (const char *line, const char *at)
{
  g_autofree char *prefix = g_strndup (line, (gsize) (at - line));

  return pbs_text_display_width (prefix);
}

static void
test_text_alignment (void)
{
  g_autoptr (Scored) xishan = SCORE_XISHAN ();
  g_autofree char *out = NULL;
  g_auto (GStrv) lines = NULL;
  g_autoptr (GArray) starts = NULL;
  guint header = 0, checked = 0;
  gboolean total_row = FALSE;

  /* the width itself: 汉字 and full-width forms two, combining marks none */
  CU_ASSERT_EQUAL (pbs_text_display_width ("ab"), 2);
  CU_ASSERT_EQUAL (pbs_text_display_width ("汉字"), 4);
  CU_ASSERT_EQUAL (pbs_text_display_width ("≥60％"), 5);
  CU_ASSERT_EQUAL (pbs_text_display_width ("e\xcc\x81"), 1);
  CU_ASSERT_EQUAL (pbs_text_display_width ("—"), 1);
  CU_ASSERT_EQUAL (pbs_text_display_width (""), 0);

  if (xishan == NULL)
    return;
  out = RENDER (PBS_FORMAT_TEXT, PBS_REPORT_TABLE, PBS_LANGUAGE_ZH, xishan->scorecards);
  CU_ASSERT_PTR_NOT_NULL_FATAL (out);
  CU_ASSERT_TRUE (g_str_has_prefix (out, XISHAN_TITLE "绩效自评表\n"));
  CU_ASSERT_PTR_NOT_NULL (strstr (out, "总分：99.88（满分 100）\n"));
  CU_ASSERT_PTR_NOT_NULL (strstr (out, "自评等级：优\n"));
  CU_ASSERT_PTR_NULL (strstr (out, " \n"));   /* no trailing blanks */
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "序号  一级指标"))
      header = i;
  CU_ASSERT_TRUE_FATAL (header > 0 && lines[header + 1] != NULL);
  starts = column_starts (lines[header + 1]);
  CU_ASSERT_EQUAL_FATAL (starts->len, 11);
  /* every row: each column (past the first) starts where its rule does,
   * after two blanks; 得分 (column 8, right-aligned) ends where its rule
   * ends */
  for (guint i = header + 2; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      guint col = 1;

      /* the form's last row: 总分 under 一级指标, the points and the score */
      if (g_str_has_prefix (lines[i], "      总分  "))
        {
          CU_ASSERT_EQUAL (display_column (lines[i], strstr (lines[i], "总分")),
                           g_array_index (starts, guint, 1));
          CU_ASSERT_TRUE (g_str_has_suffix (lines[i], "  100  99.88"));
          CU_ASSERT_EQUAL (display_column (lines[i], lines[i] + strlen (lines[i])),
                           g_array_index (starts, guint, 8) - 2);
          CU_ASSERT_TRUE (lines[i + 1] != NULL && lines[i + 1][0] == '\0');
          total_row = TRUE;
          continue;
        }
      const char *p = lines[i];
      guint score_end = g_array_index (starts, guint, 8) - 2;

      for (; *p != '\0' && col < 9; p = g_utf8_next_char (p))
        {
          guint at = display_column (lines[i], p);

          if (at == g_array_index (starts, guint, col))
            {
              CU_ASSERT_TRUE (p[-1] == ' ' && p[-2] == ' ');
              col++;
            }
          if (col == 8 && at + 1 == score_end)
            CU_ASSERT_TRUE (g_ascii_isdigit (*p) || g_str_has_prefix (p, "—"));
        }
      CU_ASSERT_EQUAL (col, 9);   /* reached column 8 exactly, never skipped over one */
      checked++;
    }
  CU_ASSERT_EQUAL (checked, 19);
  CU_ASSERT_TRUE (total_row);
  /* row 8: its number right-aligned under 序号, its score and status */
  {
    const char *row8 = strstr (out, "\n   8  产出指标    质量指标            营商环境投诉办结销号率  ");

    CU_ASSERT_PTR_NOT_NULL (row8);
    CU_ASSERT_TRUE (row8 != NULL && strstr (row8, "  4.89  部分达成  ") != NULL);
  }
}

/* ------------------------------------------------------------- row filter */

static void
test_row_filter (void)
{
  g_autoptr (Scored) xishan = SCORE_XISHAN ();
  g_autoptr (GError) error = NULL;
  g_autofree char *json = NULL, *text = NULL, *audit = NULL;
  g_autoptr (JsonNode) root = NULL;
  JsonArray *rows;

  if (xishan == NULL)
    return;
  json = render (PBS_FORMAT_JSON, PBS_REPORT_EXPLAIN, PBS_LANGUAGE_ZH, xishan->scorecards, 8, NULL,
                 &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (json);
  root = PARSE_JSON (json);
  CU_ASSERT_PTR_NOT_NULL_FATAL (root);
  rows = json_object_get_array_member (json_node_get_object (root), "indicators");
  CU_ASSERT_EQUAL_FATAL (json_array_get_length (rows), 1);
  CU_ASSERT_EQUAL (json_object_get_int_member (json_array_get_object_element (rows, 0), "row"), 8);
  /* subtotals stay whole */
  CU_ASSERT_EQUAL (json_array_get_length (json_object_get_array_member (json_node_get_object (root), "subtotals")), 11);

  text = render (PBS_FORMAT_TEXT, PBS_REPORT_EXPLAIN, PBS_LANGUAGE_ZH, xishan->scorecards, -1,
                 "审批时限压缩率", &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (text);
  CU_ASSERT_PTR_NOT_NULL (strstr (text, "\n  16  审批时限压缩率"));
  CU_ASSERT_PTR_NULL (strstr (text, "网上可办率"));

  /* the audit keeps only the findings about the row */
  audit = render (PBS_FORMAT_CSV, PBS_REPORT_AUDIT, PBS_LANGUAGE_ZH, xishan->scorecards, 8, NULL,
                  &error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (audit);
  CU_ASSERT_STRING_EQUAL (audit, "title,kind,row,name,printed,computed,variant,message\r\n");

  /* no such row: PBS_REPORT_ERROR_NO_SUCH_ROW in every format */
  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      g_autoptr (GError) e1 = NULL, e2 = NULL, e3 = NULL;
      g_autofree char *o1 = render (formats[f], PBS_REPORT_EXPLAIN, PBS_LANGUAGE_ZH,
                                    xishan->scorecards, 25, NULL, &e1);
      g_autofree char *o2 = render (formats[f], PBS_REPORT_TABLE, PBS_LANGUAGE_EN,
                                    xishan->scorecards, -1, "没有这一行", &e2);
      g_autofree char *o3 = render (formats[f], PBS_REPORT_LINT, PBS_LANGUAGE_ZH,
                                    xishan->scorecards, 0, NULL, &e3);

      CU_ASSERT_PTR_NULL (o1);
      PBS_ASSERT_ERROR (e1, PBS_REPORT_ERROR, PBS_REPORT_ERROR_NO_SUCH_ROW);
      CU_ASSERT_TRUE (e1 != NULL && strcmp (e1->message, "no row 25 (rows are numbered 1 to 19)") == 0);
      CU_ASSERT_PTR_NULL (o2);
      PBS_ASSERT_ERROR (e2, PBS_REPORT_ERROR, PBS_REPORT_ERROR_NO_SUCH_ROW);
      CU_ASSERT_TRUE (e2 != NULL && strstr (e2->message, "没有这一行") != NULL);
      CU_ASSERT_PTR_NULL (o3);
      PBS_ASSERT_ERROR (e3, PBS_REPORT_ERROR, PBS_REPORT_ERROR_NO_SUCH_ROW);
    }
  CU_ASSERT_STRING_EQUAL (g_quark_to_string (PBS_REPORT_ERROR), "pbs-report-error-quark");
}

/* ------------------------------------------------------------- streaming */

static char *
stream_text (GOutputStream *mem)
{
  gsize n = g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (mem));

  return g_strndup (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (mem)), n);
}

/* begin, write, end: the output of pbs_report_render(), written as each
 * evaluation comes (JSON and HTML hold the first back until the second). */
static void
test_stream (void)
{
  g_autoptr (Scored) xishan = SCORE_XISHAN ();
  g_autofree char *batch_path = g_build_filename (pbs_test_data_dir (), "valid", "batch-three.yaml", NULL);
  g_autoptr (Scored) batch = SCORE_FILE (batch_path);
  g_autoptr (GPtrArray) scs = four_evaluations (xishan, batch);

  if (scs == NULL)
    return;
  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    for (guint c = 0; c < G_N_ELEMENTS (contents); c++)
      for (guint n = 1; n <= scs->len; n += scs->len - 1)
        {
          g_autoptr (PbsReport) report = pbs_report_new (formats[f], contents[c], PBS_LANGUAGE_ZH);
          g_autoptr (GOutputStream) mem = g_memory_output_stream_new_resizable ();
          g_autoptr (GPtrArray) part = g_ptr_array_new ();
          g_autoptr (GError) error = NULL;
          g_autofree char *whole = NULL, *streamed = NULL;
          gsize after_second = 0;

          for (guint i = 0; i < n; i++)
            g_ptr_array_add (part, g_ptr_array_index (scs, i));
          whole = RENDER (formats[f], contents[c], PBS_LANGUAGE_ZH, part);
          CU_ASSERT_TRUE_FATAL (pbs_report_begin (report, mem, NULL, &error));
          for (guint i = 0; i < n; i++)
            {
              CU_ASSERT_TRUE_FATAL (pbs_report_write (report, g_ptr_array_index (part, i), &error));
              if (i == 1)
                after_second = g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (mem));
            }
          if (n > 1)
            CU_ASSERT_TRUE (after_second > 0);   /* written before the end */
          CU_ASSERT_TRUE_FATAL (pbs_report_end (report, &error));
          ASSERT_NO_ERROR (error);
          streamed = stream_text (mem);
          CU_ASSERT_TRUE (whole != NULL && strcmp (whole, streamed) == 0);
        }
}

/* An input error in the place of its document: an object of its own in
 * JSON (which makes two items an array), a line in JSON Lines, a document
 * in YAML; nothing in the other formats. */
static void
test_stream_error_record (void)
{
  g_autoptr (Scored) xishan = SCORE_XISHAN ();
  g_autoptr (GError) input = g_error_new (PBS_DOCUMENT_ERROR, PBS_DOCUMENT_ERROR_SYNTAX,
                                          "b.yaml:12:7: mapping values are not allowed here");

  if (xishan == NULL)
    return;
  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      g_autoptr (PbsReport) report = pbs_report_new (formats[f], PBS_REPORT_TABLE, PBS_LANGUAGE_EN);
      g_autoptr (PbsReport) alone = pbs_report_new (formats[f], PBS_REPORT_TABLE, PBS_LANGUAGE_EN);
      g_autoptr (GOutputStream) mem = g_memory_output_stream_new_resizable ();
      g_autoptr (GError) error = NULL;
      g_autofree char *out = NULL, *plain = NULL;

      pbs_report_add (alone, g_ptr_array_index (xishan->scorecards, 0));
      plain = pbs_report_render (alone, NULL, &error);
      CU_ASSERT_TRUE_FATAL (pbs_report_begin (report, mem, NULL, &error));
      CU_ASSERT_TRUE (pbs_report_write (report, g_ptr_array_index (xishan->scorecards, 0), &error));
      CU_ASSERT_TRUE (pbs_report_write_error (report, "b.yaml", 3, input, &error));
      CU_ASSERT_TRUE_FATAL (pbs_report_end (report, &error));
      out = stream_text (mem);
      if (formats[f] == PBS_FORMAT_JSON)
        {
          g_autoptr (JsonNode) root = PARSE_JSON (out);
          JsonObject *rec, *err;

          CU_ASSERT_TRUE_FATAL (root != NULL && JSON_NODE_HOLDS_ARRAY (root));
          CU_ASSERT_EQUAL_FATAL (json_array_get_length (json_node_get_array (root)), 2);
          rec = json_array_get_object_element (json_node_get_array (root), 1);
          CU_ASSERT_STRING_EQUAL (json_object_get_string_member (rec, "file"), "b.yaml");
          CU_ASSERT_EQUAL (json_object_get_int_member (rec, "document"), 3);
          err = json_object_get_object_member (rec, "error");
          CU_ASSERT_STRING_EQUAL (json_object_get_string_member (err, "domain"),
                                  "pbs-document-error-quark");
          CU_ASSERT_EQUAL (json_object_get_int_member (err, "code"), PBS_DOCUMENT_ERROR_SYNTAX);
          CU_ASSERT_EQUAL (json_object_get_int_member (err, "line"), 12);
          CU_ASSERT_EQUAL (json_object_get_int_member (err, "column"), 7);
        }
      else if (formats[f] == PBS_FORMAT_JSONL)
        {
          g_autofree char *expected = g_strdup_printf (
            "{\"file\":\"b.yaml\",\"document\":3,\"error\":{\"domain\":"
            "\"pbs-document-error-quark\",\"code\":%d,\"message\":"
            "\"b.yaml:12:7: mapping values are not allowed here\","
            "\"line\":12,\"column\":7}}\n", PBS_DOCUMENT_ERROR_SYNTAX);

          CU_ASSERT_TRUE (g_str_has_prefix (out, plain));
          CU_ASSERT_STRING_EQUAL (out + strlen (plain), expected);
        }
      else if (formats[f] == PBS_FORMAT_YAML)
        {
          g_autofree char *expected = g_strdup_printf (
            "---\nfile: \"b.yaml\"\ndocument: 3\nerror:\n  domain: \"pbs-document-error-quark\"\n"
            "  code: %d\n", PBS_DOCUMENT_ERROR_SYNTAX);

          CU_ASSERT_TRUE (g_str_has_prefix (out, plain));
          CU_ASSERT_PTR_NOT_NULL (strstr (out + strlen (plain), expected));
          CU_ASSERT_PTR_NOT_NULL (strstr (out + strlen (plain), "  line: 12\n  column: 7\n"));
        }
      else
        CU_ASSERT_STRING_EQUAL (out, plain);
    }
}

/* The row filter's "no such row" comes at the end, after the output. */
static void
test_stream_no_such_row (void)
{
  g_autoptr (Scored) xishan = SCORE_XISHAN ();
  g_autoptr (PbsReport) report = pbs_report_new (PBS_FORMAT_TEXT, PBS_REPORT_EXPLAIN, PBS_LANGUAGE_ZH);
  g_autoptr (GOutputStream) mem = g_memory_output_stream_new_resizable ();
  g_autoptr (GError) error = NULL;
  g_autofree char *out = NULL;

  if (xishan == NULL)
    return;
  pbs_report_set_row_filter (report, 25, NULL);
  CU_ASSERT_TRUE_FATAL (pbs_report_begin (report, mem, NULL, &error));
  CU_ASSERT_TRUE (pbs_report_write (report, g_ptr_array_index (xishan->scorecards, 0), &error));
  CU_ASSERT_FALSE (pbs_report_end (report, &error));
  PBS_ASSERT_ERROR (error, PBS_REPORT_ERROR, PBS_REPORT_ERROR_NO_SUCH_ROW);
  out = stream_text (mem);
  CU_ASSERT_PTR_NOT_NULL (strstr (out, XISHAN_TITLE));
}

/* ------------------------------------------------------------- lint */

/* The Xishan lint in every format: the same findings as pbs_lint_new(),
 * row 16 (审批时限压缩率, line 132, its first key at column 5) among them. */
static void
test_lint_xishan (void)
{
  g_autoptr (Scored) xishan = SCORE_XISHAN ();
  g_autoptr (PbsLint) lint = NULL;
  g_autofree char *json = NULL, *csv = NULL, *text = NULL, *en = NULL, *html = NULL;
  g_autofree char *yaml = NULL, *md = NULL, *where16 = NULL, *count = NULL;
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  JsonArray *found;
  guint n, n16 = 0;
  Markup m = { 0 };

  if (xishan == NULL)
    return;
  lint = pbs_lint_new (g_ptr_array_index (xishan->scorecards, 0));
  n = pbs_lint_get_n_findings (lint);
  CU_ASSERT_TRUE_FATAL (n >= 4);
  where16 = g_strdup_printf ("%s:132:5", xishan->path);

  json = RENDER (PBS_FORMAT_JSON, PBS_REPORT_LINT, PBS_LANGUAGE_ZH, xishan->scorecards);
  root = json != NULL ? PARSE_JSON (json) : NULL;
  CU_ASSERT_TRUE_FATAL (root != NULL && JSON_NODE_HOLDS_OBJECT (root));
  CU_ASSERT_STRING_EQUAL (json_object_get_string_member (json_node_get_object (root), "title"), XISHAN_TITLE);
  found = json_object_get_array_member (json_node_get_object (root), "lint");
  CU_ASSERT_EQUAL_FATAL (json_array_get_length (found), n);
  for (guint i = 0; i < n; i++)
    {
      JsonObject *f = json_array_get_object_element (found, i);
      gint row = pbs_lint_get_row (lint, i);
      g_autofree char *message = pbs_lint_dup_message (lint, i, PBS_LANGUAGE_ZH);
      g_autofree char *suggestion = pbs_lint_dup_suggestion (lint, i, PBS_LANGUAGE_ZH);
      g_autoptr (GList) keys = json_object_get_members (f);

      CU_ASSERT_EQUAL (g_list_length (keys), 7);
      CU_ASSERT_STRING_EQUAL (json_object_get_string_member (f, "check"),
                              lint_nick (pbs_lint_get_check (lint, i)));
      CU_ASSERT_STRING_EQUAL (json_object_get_string_member (f, "message"), message);
      CU_ASSERT_STRING_EQUAL (json_object_get_string_member (f, "suggestion"), suggestion);
      CU_ASSERT_TRUE (g_str_has_prefix (json_object_get_string_member (f, "where"), xishan->path));
      if (row >= 0)
        {
          CU_ASSERT_EQUAL (json_object_get_int_member (f, "row"), row + 1);
          CU_ASSERT_FALSE (json_object_get_null_member (f, "name"));
        }
      else
        {
          CU_ASSERT_TRUE (json_object_get_null_member (f, "row"));
          CU_ASSERT_TRUE (json_object_get_null_member (f, "name"));
        }
      if (row == 15)
        {
          n16++;
          CU_ASSERT_STRING_EQUAL (json_object_get_string_member (f, "name"), "审批时限压缩率");
          CU_ASSERT_STRING_EQUAL (json_object_get_string_member (f, "category"), "社会效益指标");
          CU_ASSERT_STRING_EQUAL (json_object_get_string_member (f, "where"), where16);
        }
    }
  CU_ASSERT_EQUAL (n16, 2);   /* target_too_low and missing_reason */
  CU_ASSERT_EQUAL (pbs_lint_count (lint, PBS_LINT_TARGET_TOO_LOW), 1);

  csv = RENDER (PBS_FORMAT_CSV, PBS_REPORT_LINT, PBS_LANGUAGE_ZH, xishan->scorecards);
  CU_ASSERT_TRUE_FATAL (csv != NULL && parse_csv (csv, records));
  CU_ASSERT_TRUE (g_str_has_prefix (csv, "title,check,row,name,category,where,message,suggestion\r\n"));
  CU_ASSERT_EQUAL_FATAL (records->len, n + 1);
  for (guint i = 0; i < n; i++)
    {
      CU_ASSERT_EQUAL (csv_n_fields (records, i + 1), 8);
      CU_ASSERT_STRING_EQUAL (csv_field (records, i + 1, 0), XISHAN_TITLE);
      CU_ASSERT_STRING_EQUAL (csv_field (records, i + 1, 1), lint_nick (pbs_lint_get_check (lint, i)));
      if (pbs_lint_get_row (lint, i) < 0)
        CU_ASSERT_STRING_EQUAL (csv_field (records, i + 1, 2), "");
    }

  text = RENDER (PBS_FORMAT_TEXT, PBS_REPORT_LINT, PBS_LANGUAGE_ZH, xishan->scorecards);
  CU_ASSERT_PTR_NOT_NULL_FATAL (text);
  CU_ASSERT_TRUE (g_str_has_prefix (text, XISHAN_TITLE "指标质量检查\n"));
  CU_ASSERT_EQUAL (pbs_test_count (text, "\n    建议："), n);
  {
    g_autofree char *line = g_strdup_printf ("\n%s: 第 16 行（审批时限压缩率）：", where16);
    count = g_strdup_printf ("\n共 %u 条问题\n", n);
    CU_ASSERT_EQUAL (pbs_test_count (text, line), 2);
    CU_ASSERT_TRUE (g_str_has_suffix (text, count));
    /* the check's Chinese label, its stable name in brackets */
    CU_ASSERT_PTR_NOT_NULL (strstr (text, " [目标值偏低（target_too_low）]\n"));
  }
  en = RENDER (PBS_FORMAT_TEXT, PBS_REPORT_LINT, PBS_LANGUAGE_EN, xishan->scorecards);
  CU_ASSERT_PTR_NOT_NULL_FATAL (en);
  CU_ASSERT_EQUAL (pbs_test_count (en, "\n    Suggestion: "), n);
  CU_ASSERT_PTR_NULL (strstr (en, "建议"));
  CU_ASSERT_PTR_NOT_NULL (strstr (en, " [target_too_low]\n"));

  md = RENDER (PBS_FORMAT_MARKDOWN, PBS_REPORT_LINT, PBS_LANGUAGE_ZH, xishan->scorecards);
  CU_ASSERT_PTR_NOT_NULL_FATAL (md);
  CU_ASSERT_EQUAL (pbs_test_count (md, "\n| "), n + 2);   /* header, rule, findings */
  CU_ASSERT_PTR_NOT_NULL (strstr (md, "| 目标值偏低（target\\_too\\_low） | 16 | 审批时限压缩率 | 社会效益指标 |"));

  html = RENDER (PBS_FORMAT_HTML, PBS_REPORT_LINT, PBS_LANGUAGE_ZH, xishan->scorecards);
  CU_ASSERT_PTR_NOT_NULL_FATAL (html);
  CU_ASSERT_EQUAL (pbs_test_count (html, "<tr data-check=\""), n);
  CU_ASSERT_PTR_NOT_NULL (strstr (html, "<tr data-check=\"target_too_low\"><td class=\"check\">目标值偏低（target_too_low）</td><td class=\"num\">16</td>"));
  if (PARSE_HTML (html, &m))
    CU_ASSERT_EQUAL (markup_count (&m, "table"), 1);
  markup_clear (&m);

  yaml = RENDER (PBS_FORMAT_YAML, PBS_REPORT_LINT, PBS_LANGUAGE_ZH, xishan->scorecards);
  CU_ASSERT_PTR_NOT_NULL_FATAL (yaml);
  CU_ASSERT_TRUE (g_str_has_prefix (yaml, "---\ntitle: \"" XISHAN_TITLE "\"\n"));
  CU_ASSERT_EQUAL (pbs_test_count (yaml, "\n- check: "), n);
  CU_ASSERT_PTR_NOT_NULL (strstr (yaml, "\n- check: target_too_low\n  row: 16\n  name: \"审批时限压缩率\"\n"));
  CU_ASSERT_PTR_NOT_NULL (strstr (yaml, "\n  row: null\n  name: null\n"));
}

/* Lint of evaluations built in code (no place to name) and read from
 * memory; the row filter; a table with nothing to say. */
static void
test_lint_small (void)
{
  static const char vague_yaml[] =
    "pbscore: 1\n"
    "title: 窗口服务\n"
    "budget: {annual: 10, executed: 10}\n"
    "indicators:\n"
    "  - level1: 产出指标\n"
    "    level2: 质量指标\n"
    "    name: 服务质量\n"
    "    target: 明显提升\n"
    "    actual: 达成\n"
    "    points: 90\n";
  g_autoptr (Scored) tricky = SCORE_TRICKY ();
  g_autofree char *clean_path = g_build_filename (pbs_test_data_dir (), "lint", "clean.yaml", NULL);
  g_autoptr (Scored) clean = SCORE_FILE (clean_path);
  g_autoptr (Scored) vague = SCORE_DATA (vague_yaml, "vague.yaml");
  g_autoptr (GError) error = NULL;
  g_autofree char *json = NULL, *text = NULL, *ctext = NULL, *cjson = NULL, *vjson = NULL;
  g_autofree char *filtered = NULL, *chtml = NULL;
  g_autoptr (JsonNode) root = NULL, croot = NULL, vroot = NULL, froot = NULL;
  JsonArray *found;

  if (tricky == NULL || clean == NULL || vague == NULL)
    return;

  /* built in code, with a finding on each row: row 1's target without
   * its unit, row 2's reason taken away (two rows of 45 no longer pile
   * points: neither stands out, doc/lint.md); no place */
  {
    /* scoring sealed the evaluation: change a copy */
    g_autoptr (PbsEvaluation) e = pbs_evaluation_copy (
      pbs_scorecard_get_evaluation (g_ptr_array_index (tricky->scorecards, 0)));
    PbsScorecard *sc;

    CU_ASSERT_TRUE (pbs_indicator_set_target (pbs_evaluation_get_indicator (e, 0), "≥100", NULL));
    CU_ASSERT_TRUE (pbs_indicator_set_actual (pbs_evaluation_get_indicator (e, 0), "100", NULL));
    pbs_indicator_set_reason (pbs_evaluation_get_indicator (e, 1), NULL);
    sc = pbs_evaluation_score (e, NULL, &error);
    CU_ASSERT_PTR_NOT_NULL_FATAL (sc);
    g_ptr_array_remove_index (tricky->scorecards, 0);
    g_ptr_array_add (tricky->scorecards, sc);
  }
  json = RENDER (PBS_FORMAT_JSON, PBS_REPORT_LINT, PBS_LANGUAGE_ZH, tricky->scorecards);
  root = json != NULL ? PARSE_JSON (json) : NULL;
  CU_ASSERT_PTR_NOT_NULL_FATAL (root);
  found = json_object_get_array_member (json_node_get_object (root), "lint");
  CU_ASSERT_EQUAL_FATAL (json_array_get_length (found), 2);
  for (guint i = 0; i < 2; i++)
    {
      JsonObject *f = json_array_get_object_element (found, i);

      CU_ASSERT_STRING_EQUAL (json_object_get_string_member (f, "check"), i == 0 ? "no_unit" : "missing_reason");
      CU_ASSERT_EQUAL (json_object_get_int_member (f, "row"), i + 1);
      CU_ASSERT_TRUE (json_object_get_null_member (f, "where"));
    }
  CU_ASSERT_STRING_EQUAL (json_object_get_string_member (json_array_get_object_element (found, 0), "name"),
                          TRICKY_NAME);
  text = RENDER (PBS_FORMAT_TEXT, PBS_REPORT_LINT, PBS_LANGUAGE_ZH, tricky->scorecards);
  CU_ASSERT_PTR_NOT_NULL_FATAL (text);
  /* without a place, a line starts with the message */
  CU_ASSERT_PTR_NOT_NULL (strstr (text, "\n第 1 行（完成|数量）："));
  CU_ASSERT_TRUE (g_str_has_suffix (text, "\n共 2 条问题\n"));

  /* the row filter keeps the findings of its row */
  filtered = render (PBS_FORMAT_JSON, PBS_REPORT_LINT, PBS_LANGUAGE_ZH, tricky->scorecards, 2, NULL,
                     &error);
  froot = filtered != NULL ? PARSE_JSON (filtered) : NULL;
  CU_ASSERT_PTR_NOT_NULL_FATAL (froot);
  found = json_object_get_array_member (json_node_get_object (froot), "lint");
  CU_ASSERT_EQUAL_FATAL (json_array_get_length (found), 1);
  CU_ASSERT_EQUAL (json_object_get_int_member (json_array_get_object_element (found, 0), "row"), 2);

  /* read from memory: the place is the buffer's name, line and column */
  vjson = RENDER (PBS_FORMAT_JSON, PBS_REPORT_LINT, PBS_LANGUAGE_ZH, vague->scorecards);
  vroot = vjson != NULL ? PARSE_JSON (vjson) : NULL;
  CU_ASSERT_PTR_NOT_NULL_FATAL (vroot);
  found = json_object_get_array_member (json_node_get_object (vroot), "lint");
  CU_ASSERT_TRUE_FATAL (json_array_get_length (found) >= 1);
  CU_ASSERT_STRING_EQUAL (json_object_get_string_member (json_array_get_object_element (found, 0), "check"),
                          "vague_target");
  CU_ASSERT_STRING_EQUAL (json_object_get_string_member (json_array_get_object_element (found, 0), "where"),
                          "vague.yaml:5:5");

  /* nothing to say */
  cjson = RENDER (PBS_FORMAT_JSON, PBS_REPORT_LINT, PBS_LANGUAGE_ZH, clean->scorecards);
  croot = cjson != NULL ? PARSE_JSON (cjson) : NULL;
  CU_ASSERT_PTR_NOT_NULL_FATAL (croot);
  CU_ASSERT_EQUAL (json_array_get_length (json_object_get_array_member (json_node_get_object (croot), "lint")), 0);
  ctext = RENDER (PBS_FORMAT_TEXT, PBS_REPORT_LINT, PBS_LANGUAGE_ZH, clean->scorecards);
  CU_ASSERT_TRUE (ctext != NULL && g_str_has_suffix (ctext, "\n未发现问题。\n"));
  chtml = RENDER (PBS_FORMAT_HTML, PBS_REPORT_LINT, PBS_LANGUAGE_ZH, clean->scorecards);
  CU_ASSERT_TRUE (chtml != NULL && strstr (chtml, "<td colspan=\"7\">未发现问题。</td>") != NULL);
}

/* ------------------------------------------------------------- the official form */

/* The official form's fields: goals, sign-off, printed grade, money of
 * fewer and more than two decimals, a custom policy with its label. */
static const char form_yaml[] =
  "pbscore: 1\n"
  "title: 表单测试\n"
  "year: 2024\n"
  "goals:\n"
  "  expected: 预期的目标段落\n"
  "  achieved: 实际完成的段落\n"
  "signoff:\n"
  "  manager: 张三\n"
  "  preparer: 李四\n"
  "  phone: \"0871-12345678\"\n"
  "  date: 2025年3月10日\n"
  "printed_grade: 良\n"
  "budget:\n"
  "  initial: 12\n"
  "  annual: 207.4538\n"
  "  executed: 200.5\n"
  "indicators:\n"
  "  - {level1: 产出指标, level2: 数量指标, name: 办件量, target: \"≥1000件\", actual: \"1200件\", points: 90}\n";

static void
test_official_form (void)
{
  g_autoptr (Scored) form = SCORE_DATA (form_yaml, "form.yaml");
  static const PbsFormat human[] = { PBS_FORMAT_TEXT, PBS_FORMAT_MARKDOWN, PBS_FORMAT_HTML };

  if (form == NULL)
    return;
  for (guint f = 0; f < G_N_ELEMENTS (human); f++)
    for (PbsReportColumns c = PBS_REPORT_COLUMNS_FULL; c <= PBS_REPORT_COLUMNS_OFFICIAL; c++)
      {
        g_autoptr (PbsReport) report = pbs_report_new (human[f], PBS_REPORT_TABLE, PBS_LANGUAGE_ZH);
        g_autoptr (GError) error = NULL;
        g_autofree char *out = NULL;

        CU_ASSERT_EQUAL (pbs_report_get_columns (report), PBS_REPORT_COLUMNS_FULL);
        pbs_report_add (report, g_ptr_array_index (form->scorecards, 0));
        pbs_report_set_columns (report, c);
        CU_ASSERT_EQUAL (pbs_report_get_columns (report), c);
        out = pbs_report_render (report, NULL, &error);
        CU_ASSERT_PTR_NOT_NULL_FATAL (out);
        /* the form's head of the reason column */
        CU_ASSERT_PTR_NOT_NULL (strstr (out, "偏差原因分析及改进措施"));
        /* 序号, 状态, 标记 only in the full table */
        CU_ASSERT_EQUAL (strstr (out, "序号") != NULL, c == PBS_REPORT_COLUMNS_FULL);
        CU_ASSERT_EQUAL (strstr (out, "状态") != NULL, c == PBS_REPORT_COLUMNS_FULL);
        if (human[f] != PBS_FORMAT_HTML)   /* HTML shows the flags in the status cell */
          CU_ASSERT_EQUAL (strstr (out, "标记") != NULL, c == PBS_REPORT_COLUMNS_FULL);
        /* money: at least two decimals, never fewer than written */
        CU_ASSERT_PTR_NOT_NULL (strstr (out, "12.00"));
        CU_ASSERT_PTR_NOT_NULL (strstr (out, "207.4538"));
        CU_ASSERT_PTR_NOT_NULL (strstr (out, "200.50"));
        /* goals, sign-off, printed grade */
        CU_ASSERT_PTR_NOT_NULL (strstr (out, "年度总体目标"));
        CU_ASSERT_PTR_NOT_NULL (strstr (out, "预期的目标段落"));
        CU_ASSERT_PTR_NOT_NULL (strstr (out, "实际完成的段落"));
        CU_ASSERT_PTR_NOT_NULL (strstr (out, "项目负责人"));
        CU_ASSERT_PTR_NOT_NULL (strstr (out, "张三"));
        CU_ASSERT_PTR_NOT_NULL (strstr (out, "填报人"));
        CU_ASSERT_PTR_NOT_NULL (strstr (out, "0871-12345678"));
        CU_ASSERT_PTR_NOT_NULL (strstr (out, "2025年3月10日"));
        CU_ASSERT_PTR_NOT_NULL (strstr (out, "原表自评等级"));
        CU_ASSERT_PTR_NOT_NULL (strstr (out, "评分口径"));
        CU_ASSERT_PTR_NOT_NULL (strstr (out, "中央（central）"));
      }
  {
    g_autofree char *md = NULL, *html = NULL;
    g_autoptr (PbsReport) report = pbs_report_new (PBS_FORMAT_MARKDOWN, PBS_REPORT_TABLE, PBS_LANGUAGE_ZH);

    pbs_report_add (report, g_ptr_array_index (form->scorecards, 0));
    pbs_report_set_columns (report, PBS_REPORT_COLUMNS_OFFICIAL);
    md = pbs_report_render (report, NULL, NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL (md);
    CU_ASSERT_PTR_NOT_NULL (strstr (md, "| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 |\n"));
    CU_ASSERT_PTR_NOT_NULL (strstr (md, "| 产出指标 | 数量指标 | 办件量 | ≥1000件 | 1200件 | 90 | 90.00 |  |\n"));
    /* the 总分 row: the points and score of the whole form */
    CU_ASSERT_PTR_NOT_NULL (strstr (md, "| 总分 |  |  |  |  | 100 | 99.66 |  |\n"));
    html = RENDER (PBS_FORMAT_HTML, PBS_REPORT_TABLE, PBS_LANGUAGE_ZH, form->scorecards);
    CU_ASSERT_PTR_NOT_NULL_FATAL (html);
    CU_ASSERT_PTR_NOT_NULL (strstr (html, "<tr class=\"total\"><th colspan=\"6\">总分</th><td class=\"num\">100</td><td class=\"num\">99.66</td><td colspan=\"2\"></td></tr>"));
    CU_ASSERT_PTR_NOT_NULL (strstr (html, "<table class=\"goals\">"));
    CU_ASSERT_PTR_NOT_NULL (strstr (html, "<table class=\"meta signoff\">"));
    CU_ASSERT_PTR_NOT_NULL (strstr (html, "<span class=\"printed-grade\">良</span>"));
  }
}

/* HTML prints: A4 landscape, the head on each page, no heading alone at
 * a page's foot, rows whole, numbers with their units on one line. */
static void
test_html_print (void)
{
  g_autoptr (Scored) xishan = SCORE_XISHAN ();
  g_autofree char *html = NULL;

  if (xishan == NULL)
    return;
  html = RENDER (PBS_FORMAT_HTML, PBS_REPORT_TABLE, PBS_LANGUAGE_ZH, xishan->scorecards);
  CU_ASSERT_PTR_NOT_NULL_FATAL (html);
  CU_ASSERT_PTR_NOT_NULL (strstr (html, "@page{size:A4 landscape;"));
  CU_ASSERT_PTR_NOT_NULL (strstr (html, "thead{display:table-header-group}"));
  CU_ASSERT_PTR_NOT_NULL (strstr (html, "h1,h2{break-after:avoid;"));
  CU_ASSERT_PTR_NOT_NULL (strstr (html, "svg,tr:not(:has(td[rowspan])),"));
  CU_ASSERT_PTR_NOT_NULL (strstr (html, "td.value,.nowrap{white-space:nowrap}"));
  CU_ASSERT_PTR_NOT_NULL (strstr (html, "<td class=\"value\">≥1100项</td><td class=\"value\">1163项</td>"));
  /* words wrap */
  CU_ASSERT_PTR_NOT_NULL (strstr (html, "<td>持续优化</td><td>达成预期</td>"));
  CU_ASSERT_PTR_NOT_NULL (strstr (html, "满分\xc2\xa0" "100"));
}

/* Under Chinese every label is Chinese; the stable names follow in
 * brackets. Under English the names alone, as before. */
static void
test_chinese_labels (void)
{
  g_autoptr (Scored) xishan = SCORE_XISHAN ();
  g_autofree char *explain = NULL, *audit = NULL, *audit_en = NULL, *explain_en = NULL;

  if (xishan == NULL)
    return;
  explain = RENDER (PBS_FORMAT_TEXT, PBS_REPORT_EXPLAIN, PBS_LANGUAGE_ZH, xishan->scorecards);
  audit = RENDER (PBS_FORMAT_MARKDOWN, PBS_REPORT_AUDIT, PBS_LANGUAGE_ZH, xishan->scorecards);
  explain_en = RENDER (PBS_FORMAT_TEXT, PBS_REPORT_EXPLAIN, PBS_LANGUAGE_EN, xishan->scorecards);
  audit_en = RENDER (PBS_FORMAT_MARKDOWN, PBS_REPORT_AUDIT, PBS_LANGUAGE_EN, xishan->scorecards);
  CU_ASSERT_PTR_NOT_NULL_FATAL (explain);
  CU_ASSERT_PTR_NOT_NULL_FATAL (audit);
  CU_ASSERT_PTR_NOT_NULL (strstr (explain, "正向（positive）"));
  CU_ASSERT_PTR_NOT_NULL (strstr (explain, "反向（比值）（reverse_ratio）"));
  CU_ASSERT_PTR_NOT_NULL (strstr (audit, "| 缺偏差原因（missing\\_reason） | 16 | 审批时限压缩率 | — | — | — | 第 16 行"));
  CU_ASSERT_PTR_NULL (strstr (audit, "| none |"));
  CU_ASSERT_PTR_NOT_NULL (strstr (explain_en, "  positive  "));
  CU_ASSERT_PTR_NOT_NULL (strstr (audit_en, "| missing\\_reason | 16 |"));
  CU_ASSERT_PTR_NOT_NULL (strstr (audit_en, "| none |"));
}

/* A batch larger than one workbook holds (doc/report.md, "xlsx": at most
 * 1000 evaluations) fails before writing, pointing at --summary. */
static void
test_xlsx_too_many (void)
{
  g_autoptr (Scored) xishan = SCORE_XISHAN ();
  g_autoptr (PbsReport) report = pbs_report_new (PBS_FORMAT_XLSX, PBS_REPORT_TABLE,
                                                 PBS_LANGUAGE_ZH);
  g_autoptr (GError) error = NULL;
  g_autofree char *out = NULL;

  if (xishan == NULL)
    return;
  for (guint i = 0; i < 1001; i++)
    pbs_report_add (report, g_ptr_array_index (xishan->scorecards, 0));
  out = pbs_report_render (report, NULL, &error);
  CU_ASSERT_PTR_NULL (out);
  CU_ASSERT_TRUE_FATAL (g_error_matches (error, PBS_REPORT_ERROR, PBS_REPORT_ERROR_UNSUPPORTED));
  CU_ASSERT_PTR_NOT_NULL (strstr (error->message, "the 1000 one workbook holds"));
  CU_ASSERT_PTR_NOT_NULL (strstr (error->message, "--summary"));
}

/* ------------------------------------------------------------- YAML */

/* The table content as YAML is the scored evaluations, which read back. */
static void
test_yaml_reloads (void)
{
  g_autoptr (Scored) xishan = SCORE_XISHAN ();
  g_autoptr (Scored) tricky = SCORE_TRICKY ();
  g_autoptr (GPtrArray) scs = g_ptr_array_new ();
  g_autofree char *out = NULL;
  g_autoptr (Scored) back = NULL;

  if (xishan == NULL || tricky == NULL)
    return;
  g_ptr_array_add (scs, g_ptr_array_index (xishan->scorecards, 0));
  g_ptr_array_add (scs, g_ptr_array_index (tricky->scorecards, 0));
  out = RENDER (PBS_FORMAT_YAML, PBS_REPORT_TABLE, PBS_LANGUAGE_ZH, scs);
  CU_ASSERT_PTR_NOT_NULL_FATAL (out);
  back = SCORE_DATA (out, "<report>");
  CU_ASSERT_TRUE_FATAL (back != NULL && back->scorecards->len == 2);
  CU_ASSERT_STRING_EQUAL (pbs_evaluation_get_title (pbs_scorecard_get_evaluation (g_ptr_array_index (back->scorecards, 1))),
                          TRICKY_TITLE);
  {
    PbsDecimal total;

    pbs_scorecard_get_total (g_ptr_array_index (back->scorecards, 0), &total);
    PBS_ASSERT_DECIMAL (&total, "99.88");
  }
}

static const PbsTestCase cases[] = {
  { "every format of every content", test_every_format_and_content },
  { "json: the Xishan evaluation field by field", test_json_xishan },
  { "json: numbers with their exact digits", test_json_numbers_exact },
  { "json and jsonl: several evaluations, none", test_json_several },
  { "json: strings with quotes, controls and markup survive", test_json_escaping },
  { "json: every control character escaped", test_json_every_control_character },
  { "csv: RFC 4180 quoting, CRLF", test_csv },
  { "markdown: | and markup escaped", test_markdown },
  { "html: well-formed XHTML with SVG charts", test_html },
  { "text: columns aligned by display width", test_text_alignment },
  { "row filter and PBS_REPORT_ERROR_NO_SUCH_ROW", test_row_filter },
  { "stream: begin, write, end as render, written as it comes", test_stream },
  { "stream: an input error's record in its place", test_stream_error_record },
  { "stream: no such row at the end", test_stream_no_such_row },
  { "lint: the Xishan findings in every format", test_lint_xishan },
  { "lint: in-code and in-memory evaluations, filter, none", test_lint_small },
  { "yaml: the scored evaluations reload", test_yaml_reloads },
  { "xlsx: more evaluations than a workbook holds", test_xlsx_too_many },
  { "the official form: columns, money, 总分, goals, sign-off", test_official_form },
  { "html: prints on A4 landscape, heads repeated, units kept", test_html_print },
  { "Chinese labels for rules, findings, variants", test_chinese_labels },
  { NULL, NULL },
};

int
main (void)
{
  return pbs_test_run ("report", cases);
}
