/* pbs-nick.h - enum values by their stable names (never installed)
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "pbscore/pbscore.h"

G_BEGIN_DECLS

/* Layer: base. The nick of an enum value (its stable name, as written in
 * documents and JSON), "" for a value the type does not have. */
const char *pbs_enum_nick      (GType type, int value);
/* The value of a nick, or FALSE when the type has no such nick. */
gboolean    pbs_enum_from_nick (GType type, const char *nick, int *value);
/* Every nick of @type, "a, b, c", for messages that list the choices. */
char       *pbs_enum_dup_nicks (GType type);

G_END_DECLS
