/* pbs-language.h - the language of explanations, messages and reports
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(__PBSCORE_INSIDE__) && !defined(PBSCORE_COMPILATION)
#error "Only <pbscore/pbscore.h> can be included directly."
#endif

#include <glib-object.h>
#include <pbscore/pbs-macros.h>

G_BEGIN_DECLS

/**
 * PbsLanguage:
 * @PBS_LANGUAGE_ZH: Chinese (the default)
 * @PBS_LANGUAGE_EN: English
 *
 * The language of explanations and warnings.
 *
 * Since: 0.1
 */
typedef enum {
  PBS_LANGUAGE_ZH,  /*< nick=zh >*/
  PBS_LANGUAGE_EN,  /*< nick=en >*/
} PbsLanguage;

G_END_DECLS
