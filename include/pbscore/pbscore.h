/* pbscore.h - umbrella header of libpbscore
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#define __PBSCORE_INSIDE__

#include <pbscore/pbs-macros.h>
#include <pbscore/pbs-version.h>
#include <pbscore/pbs-error.h>
#include <pbscore/pbs-language.h>
#include <pbscore/pbs-text.h>
#include <pbscore/pbs-decimal.h>
#include <pbscore/pbs-value.h>
#include <pbscore/pbs-policy.h>
#include <pbscore/pbs-template.h>
#include <pbscore/pbs-indicator.h>
#include <pbscore/pbs-budget.h>
#include <pbscore/pbs-evaluation.h>
#include <pbscore/pbs-scorecard.h>
#include <pbscore/pbs-plan.h>
#include <pbscore/pbs-document.h>
#include <pbscore/pbs-audit.h>
#include <pbscore/pbs-rollup.h>
#include <pbscore/pbs-lint.h>
#include <pbscore/pbs-narrative.h>
#include <pbscore/pbs-report.h>
#include <pbscore/pbs-summary.h>
#include <pbscore/pbs-enum-types.h>

#undef __PBSCORE_INSIDE__
