/* pbs-macros.h - visibility and availability macros
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(__PBSCORE_INSIDE__) && !defined(PBSCORE_COMPILATION)
#error "Only <pbscore/pbscore.h> can be included directly."
#endif

#include <glib.h>

G_BEGIN_DECLS

/* Every public symbol is hidden unless marked with an availability macro.
 * The library is built with -fvisibility=hidden, so a function declared
 * without PBS_AVAILABLE_IN_* never reaches the dynamic symbol table; the
 * symbol test (tests/check-symbols.sh) catches the opposite mistake. */
#if defined(PBSCORE_COMPILATION) && defined(__GNUC__)
#define _PBS_EXTERN __attribute__((visibility ("default"))) extern
#else
#define _PBS_EXTERN extern
#endif

/**
 * PBS_AVAILABLE_IN_0_1:
 *
 * Marks a symbol as public and available since pbscore 0.1.
 *
 * Since: 0.1
 */
#define PBS_AVAILABLE_IN_0_1 _PBS_EXTERN

G_END_DECLS
