/* pbs-doc-template.c - reading `kind: template` documents
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A template file (an indicator framework, doc/format.md), and the search
 * for a template by name in the shipped and configured template folders.
 */
#include "config.h"

#include "pbs-doc-template.h"
#include "pbs-doc-rule.h"
#include "pbs-template-private.h"

static const char * const template_keys[] = {
  "pbscore", "kind", "name", "title", "source", "total", "budget_points", "level1",
  "generic_indicators", NULL
};
enum { T_PBSCORE, T_KIND, T_NAME, T_TITLE, T_SOURCE, T_TOTAL, T_BUDGET, T_LEVEL1, T_GENERIC, T_N };

static const char * const level1_keys[] = { "name", "points", "level2", NULL };
static const char * const level2_keys[] = { "name", "suggested", NULL };

/* Reads a list of single values into a NULL-terminated array. */
static gboolean
read_names (const PbsConv *c, guint32 node, const char *key, GPtrArray *out, GError **error)
{
  if (pbs_read_is_null (c, node))
    return TRUE;
  if (pbs_yaml_node (c->t, node)->type != PBS_YAML_SEQUENCE)
    return pbs_read_fail (c, error, node, PBS_DOCUMENT_ERROR_WRONG_TYPE,
                          "“%s” must be a list, not %s", key, pbs_read_kind_name (c, node));
  for (guint32 i = 0; i < pbs_yaml_node (c->t, node)->count; i++)
    {
      const char *s;
      if (!pbs_read_string (c, pbs_yaml_kid (c->t, node, i), key, &s, error))
        return FALSE;
      g_ptr_array_add (out, (gpointer) s);
    }
  return TRUE;
}

static const char * const suggested_keys[] = { "name", "rule", "points", NULL };

/* `suggested:` — names, or {name, rule, points} whose rule rows of that
 * name take when they have none of their own, and whose points a table
 * without a 分值 column takes (doc/import.md). */
static gboolean
read_suggested (const PbsConv *c, PbsTemplate *t, const char *level1, const char *level2,
                guint32 node, GPtrArray *out, GError **error)
{
  if (pbs_read_is_null (c, node))
    return TRUE;
  if (pbs_yaml_node (c->t, node)->type != PBS_YAML_SEQUENCE)
    return pbs_read_fail (c, error, node, PBS_DOCUMENT_ERROR_WRONG_TYPE,
                          "“suggested” must be a list, not %s", pbs_read_kind_name (c, node));
  for (guint32 i = 0; i < pbs_yaml_node (c->t, node)->count; i++)
    {
      guint32 item = pbs_yaml_kid (c->t, node, i), w[3];
      const char *name = NULL;
      PbsDecimal zero;
      g_autoptr (PbsIndicator) carrier = NULL;

      if (pbs_yaml_node (c->t, item)->type == PBS_YAML_SCALAR)
        {
          g_ptr_array_add (out, (gpointer) pbs_yaml_text (c->t, item));
          continue;
        }
      if (!pbs_read_mapping (c, item, "a suggested indicator", suggested_keys, w, error)
          || !pbs_read_require (c, item, w[0], "name", "a suggested indicator", error)
          || !pbs_read_string (c, w[0], "name", &name, error))
        return FALSE;
      g_ptr_array_add (out, (gpointer) name);
      if (!pbs_read_is_null (c, w[2]))
        {
          PbsDecimal points;

          if (!pbs_read_decimal (c, w[2], "points", TRUE, &points, error))
            return FALSE;
          pbs_template_add_points (t, level1, level2, name, &points);
        }
      if (pbs_read_is_null (c, w[1]))
        continue;
      pbs_decimal_init (&zero, 0, 0);
      carrier = pbs_indicator_new ("", "", name, &zero);
      if (!pbs_read_rule (c, w[1], carrier, error))
        return FALSE;
      pbs_template_add_rule (t, carrier);
    }
  return TRUE;
}

PbsTemplate *
pbs_read_template (const PbsConv *c, guint32 root, GError **error)
{
  const char *what = "a template";
  g_autoptr (PbsTemplate) t = pbs_template_new_empty ();
  g_autoptr (GPtrArray) names = g_ptr_array_new ();
  guint32 v[T_N], list;
  const char *s;

  if (!pbs_read_mapping (c, root, what, template_keys, v, error)
      || !pbs_read_require (c, root, v[T_NAME], "name", what, error)
      || !pbs_read_require (c, root, v[T_TITLE], "title", what, error)
      || !pbs_read_require (c, root, v[T_LEVEL1], "level1", what, error)
      || !pbs_read_string (c, v[T_NAME], "name", &s, error))
    return NULL;
  g_free (t->name);
  t->name = g_strdup (s);
  if (!pbs_read_string (c, v[T_TITLE], "title", &s, error))
    return NULL;
  g_free (t->title);
  t->title = g_strdup (s);
  if (!pbs_read_is_null (c, v[T_SOURCE]))
    {
      if (!pbs_read_string (c, v[T_SOURCE], "source", &s, error))
        return NULL;
      g_free (t->source);
      t->source = g_strdup (s);
    }
  if (!pbs_read_is_null (c, v[T_TOTAL]) && !pbs_read_decimal (c, v[T_TOTAL], "total", TRUE, &t->total, error))
    return NULL;
  if (!pbs_read_is_null (c, v[T_BUDGET]))
    {
      if (!pbs_read_decimal (c, v[T_BUDGET], "budget_points", TRUE, &t->budget_points, error))
        return NULL;
      t->has_budget_points = TRUE;
    }
  if (!read_names (c, v[T_GENERIC], "generic_indicators", names, error))
    return NULL;
  for (guint i = 0; i < names->len; i++)
    pbs_template_add_generic (t, g_ptr_array_index (names, i));

  list = v[T_LEVEL1];
  if (pbs_yaml_node (c->t, list)->type != PBS_YAML_SEQUENCE)
    {
      pbs_read_fail (c, error, list, PBS_DOCUMENT_ERROR_WRONG_TYPE,
                     "“level1” must be a list of categories, not %s", pbs_read_kind_name (c, list));
      return NULL;
    }
  for (guint32 i = 0; i < pbs_yaml_node (c->t, list)->count; i++)
    {
      guint32 l1 = pbs_yaml_kid (c->t, list, i), w[3], l2list;
      const char *name;
      PbsDecimal points;

      if (!pbs_read_mapping (c, l1, "a level-1 category", level1_keys, w, error)
          || !pbs_read_require (c, l1, w[0], "name", "a level-1 category", error)
          || !pbs_read_require (c, l1, w[2], "level2", "a level-1 category", error)
          || !pbs_read_string (c, w[0], "name", &name, error))
        return NULL;
      if (!pbs_read_is_null (c, w[1]) && !pbs_read_decimal (c, w[1], "points", TRUE, &points, error))
        return NULL;
      pbs_template_add_level1 (t, name, pbs_read_is_null (c, w[1]) ? NULL : &points);

      l2list = w[2];
      if (pbs_yaml_node (c->t, l2list)->type != PBS_YAML_SEQUENCE)
        {
          pbs_read_fail (c, error, l2list, PBS_DOCUMENT_ERROR_WRONG_TYPE,
                         "“level2” must be a list of categories, not %s", pbs_read_kind_name (c, l2list));
          return NULL;
        }
      for (guint32 j = 0; j < pbs_yaml_node (c->t, l2list)->count; j++)
        {
          guint32 l2 = pbs_yaml_kid (c->t, l2list, j), u[2];
          g_autoptr (GPtrArray) suggested = g_ptr_array_new ();

          if (pbs_yaml_node (c->t, l2)->type == PBS_YAML_SCALAR)
            name = pbs_yaml_text (c->t, l2);
          else if (!pbs_read_mapping (c, l2, "a level-2 category", level2_keys, u, error)
                   || !pbs_read_require (c, l2, u[0], "name", "a level-2 category", error)
                   || !pbs_read_string (c, u[0], "name", &name, error)
                   || !read_suggested (c, t, pbs_template_get_level1_name (t, i), name, u[1],
                                       suggested, error))
            return NULL;
          g_ptr_array_add (suggested, NULL);
          pbs_template_add_level2 (t, name, (const char * const *) suggested->pdata);
        }
    }
  return g_steal_pointer (&t);
}

/**
 * pbs_template_load_file:
 * @path: a YAML file holding a `kind: template` document
 * @error: return location for a #GError, or %NULL
 *
 * Reads a template from a YAML file.
 *
 * The file's first document must be of `kind: template`. The template
 * remembers the file's canonical path, so that a saved evaluation can name
 * it.
 *
 * Returns: (transfer full) (nullable): the template, or %NULL with @error
 *   in #PBS_DOCUMENT_ERROR
 *
 * Since: 0.1
 */
PbsTemplate *
pbs_template_load_file (const char *path, GError **error)
{
  g_autoptr (PbsYamlStream) stream = NULL;
  PbsConv c;
  guint32 root;
  PbsTemplate *t;

  g_return_val_if_fail (path != NULL, NULL);
  stream = pbs_read_first (path, PBS_DOCUMENT_TEMPLATE, &c, &root, error);
  if (stream == NULL || (t = pbs_read_template (&c, root, error)) == NULL)
    return NULL;
  g_free (t->file);
  t->file = g_canonicalize_filename (path, NULL);
  return t;
}

/**
 * pbs_template_lookup:
 * @name: a template name, such as `central-project-2020`
 * @error: return location for a #GError, or %NULL
 *
 * Finds a template by name in the search path and loads it.
 *
 * Returns: (transfer full) (nullable): the template, or %NULL with
 *   %PBS_DOCUMENT_ERROR_UNKNOWN_TEMPLATE (or the file's own error)
 *
 * Since: 0.1
 */
PbsTemplate *
pbs_template_lookup (const char *name, GError **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  path = pbs_template_find_file (name);
  if (path == NULL)
    {
      g_auto (GStrv) known = pbs_template_list ();
      g_autofree char *list = g_strjoinv (", ", known);
      g_set_error (error, PBS_DOCUMENT_ERROR, PBS_DOCUMENT_ERROR_UNKNOWN_TEMPLATE,
                   "no template is called “%s” (known: %s)", name, *list ? list : "none");
      return NULL;
    }
  return pbs_template_load_file (path, error);
}

/**
 * pbs_template_resolve:
 * @ref: a path to a template file, or the name of a shipped template
 * @base_dir: (nullable) (type filename): the folder a relative path is
 *   taken from, or %NULL for the current folder
 * @error: return location for a #GError, or %NULL
 *
 * Finds the template a document or a command line names: a path (see
 * pbs_reference_is_path()) is read with pbs_template_load_file(), a name
 * is looked up with pbs_template_lookup().
 *
 * Returns: (transfer full) (nullable): the template, or %NULL with @error
 *   in #PBS_DOCUMENT_ERROR
 *
 * Since: 0.1
 */
PbsTemplate *
pbs_template_resolve (const char *ref, const char *base_dir, GError **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (ref != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  path = pbs_read_reference_path (ref, base_dir);
  return path != NULL ? pbs_template_load_file (path, error) : pbs_template_lookup (ref, error);
}
