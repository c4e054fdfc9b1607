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

static gboolean
write_yaml_lint (const PbsReportInput *in, GString *out, GError **error)
{
  PbsYamlOut y;

  if (!pbs_yaml_out_begin (&y, out, error))
    return FALSE;
  for (guint i = 0; i < in->scorecards->len; i++)
    yaml_lint_document (&y, in, g_ptr_array_index (in->scorecards, i));
  return pbs_yaml_out_end (&y, error);
}

/* Several scored evaluations as one YAML stream, `---` before each; for
 * lint, the findings. */
gboolean
pbs_report_write_yaml (const PbsReportInput *in, GString *out, GError **error)
{
  if (in->content == PBS_REPORT_LINT)
    return write_yaml_lint (in, out, error);
  for (guint i = 0; i < in->scorecards->len; i++)
    {
      PbsScorecard *sc = g_ptr_array_index (in->scorecards, i);
      gsize length = 0;
      g_autofree char *doc = pbs_evaluation_write_yaml (pbs_scorecard_get_evaluation (sc), sc,
                                                        in->base_dir, &length, error);
      if (doc == NULL)
        return FALSE;
      if (!g_str_has_prefix (doc, "---"))
        g_string_append (out, "---\n");
      g_string_append_len (out, doc, (gssize) length);
      if (length > 0 && doc[length - 1] != '\n')
        g_string_append_c (out, '\n');
    }
  return TRUE;
}
