/* pbs-report-summary.h - the summaries' rows (never installed)
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "pbs-report-records.h"

G_BEGIN_DECLS

/* The columns of PBS_REPORT_SUMMARY: one row per evaluation. */
void     pbs_report_summary_init (PbsRecords   *r,
                                  PbsFormat     format,
                                  PbsLanguage   language);
/* @sc's row; @file may be NULL, @document 0 (no value). */
gboolean pbs_report_summary_one  (PbsRecords   *r,
                                  PbsScorecard *sc,
                                  const char   *file,
                                  guint         document,
                                  GString      *out,
                                  GError      **error);

G_END_DECLS
