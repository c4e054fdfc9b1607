/* pbs-report-yaml.c - the report as YAML: scored documents that reload, or the lint findings
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>

#include "pbs-report-private.h"
/* ---------------------------------------------------------------- YAML */

/* The lint findings as YAML, one document per evaluation (doc/report.md),
 * through the library's emitter (pbs-writer.c). */
static void
yaml_lint_document (PbsYamlOut *y, const PbsReportInput *in, PbsScorecard *sc)
{
  PbsEvaluation *e = pbs_scorecard_get_evaluation (sc);
  g_autoptr (GArray) items = pbs_report_lint_items (in, sc);

  pbs_yaml_document_start (y, FALSE);
  pbs_yaml_mapping_start (y);
  pbs_yaml_quoted (y, "title", pbs_evaluation_get_title (e));
  pbs_yaml_quoted (y, "source", pbs_evaluation_get_source (e));
  pbs_yaml_scalar (y, "lint", YAML_PLAIN_SCALAR_STYLE);
  pbs_yaml_sequence_start (y, YAML_BLOCK_SEQUENCE_STYLE);
  for (guint i = 0; i < items->len; i++)
    {
      const PbsReportLintItem *item = &g_array_index (items, PbsReportLintItem, i);
      g_autofree char *row = item->row > 0 ? g_strdup_printf ("%d", item->row) : NULL;

      pbs_yaml_mapping_start (y);
      pbs_yaml_plain (y, "check", item->check);
      pbs_yaml_scalar (y, "row", YAML_PLAIN_SCALAR_STYLE);
      pbs_yaml_scalar (y, row, YAML_PLAIN_SCALAR_STYLE);
      pbs_yaml_quoted (y, "name", item->name);
      pbs_yaml_quoted (y, "category", item->category);
      pbs_yaml_quoted (y, "where", item->where);
      pbs_yaml_quoted (y, "message", item->message);
      pbs_yaml_quoted (y, "suggestion", item->suggestion);
      pbs_yaml_mapping_end (y);
    }
  pbs_yaml_sequence_end (y);
  pbs_yaml_mapping_end (y);
  pbs_yaml_document_end (y);
}

/* The lint findings go through one emitter (@y, begun by the head) for
 * the whole stream; scored evaluations are saved one by one
 * (pbs_evaluation_save_to_data()), each after a `---`. */
gboolean
pbs_report_yaml_head (const PbsReportInput *in, PbsYamlOut *y, GString *out, GError **error)
{
  if (in->content == PBS_REPORT_LINT)
    return pbs_yaml_out_begin (y, out, error);
  return TRUE;
}

gboolean
pbs_report_yaml_one (const PbsReportInput *in, PbsYamlOut *y, PbsScorecard *sc, GString *out,
                     GError **error)
{
  if (in->content == PBS_REPORT_LINT)
    {
      yaml_lint_document (y, in, sc);
      return TRUE;
    }
  /* the document starts implicitly (no "---" of its own): one goes first;
   * the emitter's lines end with a line break */
  g_string_append (out, "---\n");
  return pbs_evaluation_emit_yaml (pbs_scorecard_get_evaluation (sc), sc, in->base_dir, out, in->flush,
                                   in->flush_data, error);
}

/* An input error in the place of its document (pbscore --keep-going). */
gboolean
pbs_report_yaml_error (const PbsReportInput *in, PbsYamlOut *y, const PbsReportErrorRecord *e,
                       GString *out, GError **error)
{
  PbsYamlOut own;
  PbsYamlOut *w = y;
  g_autofree char *document = g_strdup_printf ("%u", e->document);
  g_autofree char *code = g_strdup_printf ("%d", e->error->code);
  g_autofree char *line = e->line > 0 ? g_strdup_printf ("%u", e->line) : NULL;
  g_autofree char *column = e->column > 0 ? g_strdup_printf ("%u", e->column) : NULL;

  /* lint findings and summaries go through one emitter for the stream */
  if (in->content != PBS_REPORT_LINT && in->content != PBS_REPORT_SUMMARY)
    {
      if (!pbs_yaml_out_begin (&own, out, error))
        return FALSE;
      w = &own;
    }
  pbs_yaml_document_start (w, FALSE);
  pbs_yaml_mapping_start (w);
  pbs_yaml_quoted (w, "file", e->file);
  pbs_yaml_plain (w, "document", document);
  pbs_yaml_scalar (w, "error", YAML_PLAIN_SCALAR_STYLE);
  pbs_yaml_mapping_start (w);
  pbs_yaml_quoted (w, "domain", g_quark_to_string (e->error->domain));
  pbs_yaml_plain (w, "code", code);
  pbs_yaml_quoted (w, "message", e->error->message);
  pbs_yaml_plain (w, "line", line);
  pbs_yaml_plain (w, "column", column);
  pbs_yaml_mapping_end (w);
  pbs_yaml_mapping_end (w);
  pbs_yaml_document_end (w);
  return w == y || pbs_yaml_out_end (w, error);
}

gboolean
pbs_report_yaml_tail (const PbsReportInput *in, PbsYamlOut *y, GError **error)
{
  if (in->content == PBS_REPORT_LINT)
    return pbs_yaml_out_end (y, error);
  return TRUE;
}
