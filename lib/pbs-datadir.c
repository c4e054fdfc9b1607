/* pbs-datadir.c - finding the YAML files pbscore ships: templates and
 * policy presets
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
/* dladdr() is a GNU extension. */
#define _GNU_SOURCE
#include "config.h"

#include <dlfcn.h>
#include <string.h>

#include "pbs-datadir.h"

/* Is this library the one in the build tree (not installed)? Then the
 * source tree's data folders are searched too, so that an uninstalled
 * build works; an installed library never looks there. */
static gboolean
running_uninstalled (void)
{
  static gsize checked = 0;
  static gboolean uninstalled = FALSE;

  if (g_once_init_enter (&checked))
    {
      Dl_info info;

      uninstalled = dladdr ((void *) pbs_get_version, &info) != 0 && info.dli_fname != NULL
                    && g_str_has_prefix (info.dli_fname, PBS_BUILD_DIR "/");
      g_once_init_leave (&checked, 1);
    }
  return uninstalled;
}

/* The folders searched for files of @kind ("templates", "policies"), in
 * order: the environment variable @env (a search path), the installed
 * $(datadir)/pbscore/KIND, then, for the library of the build tree only,
 * the source tree's KIND/. */
static GPtrArray *
search_dirs (const char *kind, const char *env)
{
  GPtrArray *dirs = g_ptr_array_new_with_free_func (g_free);
  const char *path = g_getenv (env);

  if (path != NULL && *path != '\0')
    {
      g_auto (GStrv) parts = g_strsplit (path, G_SEARCHPATH_SEPARATOR_S, -1);
      for (guint i = 0; parts[i] != NULL; i++)
        if (*parts[i] != '\0')
          g_ptr_array_add (dirs, g_strdup (parts[i]));
    }
  g_ptr_array_add (dirs, g_build_filename (PBS_DATA_DIR, kind, NULL));
  if (running_uninstalled ())
    g_ptr_array_add (dirs, g_build_filename (PBS_SOURCE_DATA_DIR, kind, NULL));
  return dirs;
}

/* A name is a plain file name: no folders, no dot files. */
static gboolean
valid_name (const char *name)
{
  if (*name == '\0' || name[0] == '.')
    return FALSE;
  for (const char *p = name; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_' && *p != '.')
      return FALSE;
  return TRUE;
}

char *
pbs_datadir_find (const char *kind, const char *env, const char *name)
{
  g_autoptr (GPtrArray) dirs = NULL;
  g_autofree char *file = NULL;

  if (!valid_name (name))
    return NULL;
  file = g_strconcat (name, ".yaml", NULL);
  dirs = search_dirs (kind, env);
  for (guint i = 0; i < dirs->len; i++)
    {
      char *path = g_build_filename (g_ptr_array_index (dirs, i), file, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return path;
      g_free (path);
    }
  return NULL;
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

char **
pbs_datadir_list (const char *kind, const char *env)
{
  g_autoptr (GPtrArray) dirs = search_dirs (kind, env);
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *names = g_ptr_array_new ();

  for (guint i = 0; i < dirs->len; i++)
    {
      g_autoptr (GDir) dir = g_dir_open (g_ptr_array_index (dirs, i), 0, NULL);
      const char *entry;

      while (dir != NULL && (entry = g_dir_read_name (dir)) != NULL)
        if (g_str_has_suffix (entry, ".yaml"))
          {
            char *name = g_strndup (entry, strlen (entry) - strlen (".yaml"));
            if (valid_name (name) && g_hash_table_add (seen, name))
              g_ptr_array_add (names, g_strdup (name));
          }
    }
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return (char **) g_ptr_array_free (names, FALSE);
}
