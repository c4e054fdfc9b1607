/* pbs-version.c - run-time version of libpbscore
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "pbscore/pbscore.h"

/**
 * pbs_get_version:
 *
 * The version of the pbscore library the program runs against, which may
 * differ from %PBS_VERSION_S it was compiled against.
 *
 * Returns: (transfer none): the version, such as `0.1.0`
 *
 * Since: 0.1
 */
const char *
pbs_get_version (void)
{
  return PBS_VERSION_S;
}
