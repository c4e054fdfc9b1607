/* pbs-nick.c - enum values by their stable names
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "pbs-nick.h"

const char *
pbs_enum_nick (GType type, int value)
{
  GEnumClass *klass = g_type_class_ref (type);
  GEnumValue *v = g_enum_get_value (klass, value);
  const char *s = v != NULL ? v->value_nick : "";

  /* Enum classes live as long as the type: the nick stays valid. */
  g_type_class_unref (klass);
  return s;
}

gboolean
pbs_enum_from_nick (GType type, const char *nick, int *value)
{
  g_autoptr (GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *v = g_enum_get_value_by_nick (klass, nick);

  if (v == NULL)
    return FALSE;
  *value = v->value;
  return TRUE;
}

char *
pbs_enum_dup_nicks (GType type)
{
  g_autoptr (GEnumClass) klass = g_type_class_ref (type);
  GString *choices = g_string_new (NULL);

  for (guint i = 0; i < klass->n_values; i++)
    g_string_append_printf (choices, "%s%s", i ? ", " : "", klass->values[i].value_nick);
  return g_string_free (choices, FALSE);
}
