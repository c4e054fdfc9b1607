/* pbs-layout.h - self-evaluation forms found in grids (never installed)
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Layer: readers, above the grids (pbs-grid.h) and the model; it builds
 * evaluations with the public API only.
 */
#pragma once

#include <glib.h>

#include "pbscore/pbscore.h"

G_BEGIN_DECLS

/* The evaluations the forms in @grids (element-type PbsGrid, in file
 * order) hold, one per form (a form split over two tables is one), or
 * NULL with a PBS_IMPORT_ERROR: _LAYOUT when no form is found (the
 * message says what was looked for), _BAD_VALUE naming the cell. A form
 * without a 分值 column takes its rows' points from @template_ (nullable:
 * then such a form is _BAD_VALUE, asking for a template). */
GPtrArray *pbs_layout_read (GPtrArray *grids, PbsTemplate *template_, GError **error);

G_END_DECLS
