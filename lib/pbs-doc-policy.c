/* pbs-doc-policy.c - reading `kind: policy` documents
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A policy file, and the search for a policy by name: the presets, then
 * the shipped and configured policy folders.
 */
#include "config.h"

#include <string.h>

#include "pbs-doc-policy.h"
#include "pbs-policy-private.h"
#include "pbs-datadir.h"

/* A policy document: `name`, `extends` and knobs, each knob `a.b` written
 * as key `b` under mapping `a` (or as the dotted key itself). */
PbsPolicy *
pbs_read_policy (const PbsConv *c, guint32 root, GError **error)
{
  const PbsYamlNode *n = pbs_yaml_node (c->t, root);
  g_autoptr (PbsPolicy) p = NULL;
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  const char * const *knobs = pbs_policy_list_knobs ();
  const char *name = NULL, *extends = "central", *label = NULL;
  guint32 name_node = PBS_YAML_NONE, extends_node = PBS_YAML_NONE, grades_key = PBS_YAML_NONE;
  guint32 label_node = PBS_YAML_NONE;

  if (n->type != PBS_YAML_MAPPING)
    return pbs_read_fail (c, error, root, PBS_DOCUMENT_ERROR_WRONG_TYPE,
                          "a policy must be a mapping of keys, not %s", pbs_read_kind_name (c, root)), NULL;

  /* First pass: the document's own keys, so `extends` applies first. */
  for (guint32 k = 0; k + 1 < n->count; k += 2)
    {
      guint32 key = pbs_yaml_kid (c->t, root, k), value = pbs_yaml_kid (c->t, root, k + 1);
      const char *s = pbs_yaml_node (c->t, key)->type == PBS_YAML_SCALAR ? pbs_yaml_text (c->t, key) : "";

      if (strcmp (s, "name") == 0 || strcmp (s, "extends") == 0 || strcmp (s, "label") == 0)
        {
          guint32 *slot = strcmp (s, "name") == 0 ? &name_node
                          : strcmp (s, "label") == 0 ? &label_node : &extends_node;

          if (*slot != PBS_YAML_NONE)
            return pbs_read_fail (c, error, key, PBS_DOCUMENT_ERROR_DUPLICATE_KEY,
                                  "key “%s” is given twice in a policy", s), NULL;
          *slot = value;
        }
    }
  if (extends_node != PBS_YAML_NONE && !pbs_read_is_null (c, extends_node)
      && !pbs_read_string (c, extends_node, "extends", &extends, error))
    return NULL;
  p = pbs_policy_new_preset (extends, NULL);
  if (p == NULL)
    return pbs_read_fail (c, error, extends_node, PBS_DOCUMENT_ERROR_UNKNOWN_POLICY,
                          "no policy preset is called “%s” (known: central, yunnan-baoshan, ningxia, "
                          "guangxi, shanxi)", extends), NULL;
  if (name_node != PBS_YAML_NONE && !pbs_read_is_null (c, name_node))
    {
      if (!pbs_read_string (c, name_node, "name", &name, error))
        return NULL;
      pbs_policy_set_name (p, name);
    }
  /* after the name, which drops the preset's label */
  if (label_node != PBS_YAML_NONE && !pbs_read_is_null (c, label_node))
    {
      if (!pbs_read_string (c, label_node, "label", &label, error))
        return NULL;
      pbs_policy_set_label (p, label);
    }

  for (guint32 k = 0; k + 1 < n->count; k += 2)
    {
      guint32 key = pbs_yaml_kid (c->t, root, k), value = pbs_yaml_kid (c->t, root, k + 1);
      const char *group;

      if (pbs_yaml_node (c->t, key)->type != PBS_YAML_SCALAR)
        return pbs_read_fail (c, error, key, PBS_DOCUMENT_ERROR_WRONG_TYPE,
                              "a key of a policy must be a single word"), NULL;
      group = pbs_yaml_text (c->t, key);
      if (strcmp (group, "pbscore") == 0 || strcmp (group, "kind") == 0
          || strcmp (group, "name") == 0 || strcmp (group, "extends") == 0
          || strcmp (group, "label") == 0)
        continue;

      /* Either a dotted knob, or a group whose keys are knobs. */
      guint32 pairs = 1, single[2] = { key, value };
      gboolean dotted = strchr (group, '.') != NULL;
      const PbsYamlNode *gn = pbs_yaml_node (c->t, value);

      if (!dotted)
        {
          if (gn->type != PBS_YAML_MAPPING)
            {
              g_autofree char *prefix = g_strconcat (group, ".", NULL);
              for (guint i = 0; knobs[i] != NULL; i++)
                if (g_str_has_prefix (knobs[i], prefix))
                  return pbs_read_fail (c, error, value, PBS_DOCUMENT_ERROR_WRONG_TYPE,
                                        "“%s” must be a mapping of knobs (such as %s)", group,
                                        knobs[i]), NULL;
              return pbs_read_fail (c, error, key, PBS_DOCUMENT_ERROR_UNKNOWN_KEY,
                                    "unknown key “%s” in a policy", group), NULL;
            }
          pairs = gn->count / 2;
        }
      for (guint32 j = 0; j < pairs; j++)
        {
          guint32 kk = dotted ? single[0] : pbs_yaml_kid (c->t, value, 2 * j);
          guint32 vv = dotted ? single[1] : pbs_yaml_kid (c->t, value, 2 * j + 1);
          g_autofree char *knob = NULL;
          g_autoptr (GError) local = NULL;
          const char *text;

          if (pbs_yaml_node (c->t, kk)->type != PBS_YAML_SCALAR)
            return pbs_read_fail (c, error, kk, PBS_DOCUMENT_ERROR_WRONG_TYPE,
                                  "a knob name must be a single word"), NULL;
          knob = dotted ? g_strdup (group) : g_strconcat (group, ".", pbs_yaml_text (c->t, kk), NULL);
          if (pbs_policy_knob_describe (knob) == NULL)
            {
              const char *hint = pbs_read_nearest (knob, knobs);
              return pbs_read_fail (c, error, kk, PBS_DOCUMENT_ERROR_UNKNOWN_KEY,
                                    "unknown policy knob “%s”%s%s%s", knob,
                                    hint ? " (did you mean “" : "", hint ? hint : "",
                                    hint ? "”?)" : ""), NULL;
            }
          if (grades_key == PBS_YAML_NONE && g_str_has_prefix (knob, "grades."))
            grades_key = kk;
          if (!g_hash_table_add (seen, (gpointer) g_intern_string (knob)))
            return pbs_read_fail (c, error, kk, PBS_DOCUMENT_ERROR_DUPLICATE_KEY,
                                  "knob “%s” is given twice", knob), NULL;
          if (!pbs_read_string (c, vv, knob, &text, error))
            return NULL;
          if (!pbs_policy_set_unchecked (p, knob, text, &local))
            return pbs_read_fail (c, error, vv,
                                  g_error_matches (local, PBS_POLICY_ERROR, PBS_POLICY_ERROR_OUT_OF_RANGE)
                                  ? PBS_DOCUMENT_ERROR_OUT_OF_RANGE : PBS_DOCUMENT_ERROR_BAD_VALUE,
                                  "%s", local->message), NULL;
        }
    }
  {
    g_autoptr (GError) local = NULL;
    if (!pbs_policy_validate (p, &local))
      return pbs_read_fail (c, error, grades_key != PBS_YAML_NONE ? grades_key : root,
                            PBS_DOCUMENT_ERROR_OUT_OF_RANGE, "%s", local->message), NULL;
  }
  return g_steal_pointer (&p);
}

/**
 * pbs_policy_load_file:
 * @path: a YAML file holding a `kind: policy` document
 * @error: return location for a #GError, or %NULL
 *
 * Reads a policy from a YAML file.
 *
 * The file's first document must be of `kind: policy`. The policy remembers
 * the file's canonical path, so that a saved evaluation can name it.
 *
 * Returns: (transfer full) (nullable): the policy, or %NULL with @error in
 *   #PBS_DOCUMENT_ERROR
 *
 * Since: 0.1
 */
PbsPolicy *
pbs_policy_load_file (const char *path, GError **error)
{
  g_autoptr (PbsYamlStream) stream = NULL;
  PbsConv c;
  guint32 root;
  PbsPolicy *p;

  g_return_val_if_fail (path != NULL, NULL);
  stream = pbs_read_first (path, PBS_DOCUMENT_POLICY, &c, &root, error);
  if (stream == NULL || (p = pbs_read_policy (&c, root, error)) == NULL)
    return NULL;
  g_free (p->file);
  p->file = g_canonicalize_filename (path, NULL);
  return p;
}

/**
 * pbs_policy_lookup:
 * @name: a preset (`central`, `yunnan-baoshan`, `ningxia`, `guangxi`,
 *   `shanxi`) or the name of a policy file in the search path
 * @error: return location for a #GError, or %NULL
 *
 * Finds a policy by name: the built-in presets first, then `NAME.yaml` in
 * the folders of `PBSCORE_POLICY_PATH`, the installed
 * `$(datadir)/pbscore/policies` and the source tree's `policies/`.
 *
 * Returns: (transfer full) (nullable): the policy, or %NULL with
 *   %PBS_DOCUMENT_ERROR_UNKNOWN_POLICY (or the file's own error)
 *
 * Since: 0.1
 */
PbsPolicy *
pbs_policy_lookup (const char *name, GError **error)
{
  g_autofree char *path = NULL;
  PbsPolicy *p;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  p = pbs_policy_new_preset (name, NULL);
  if (p != NULL)
    return p;
  path = pbs_datadir_find ("policies", "PBSCORE_POLICY_PATH", name);
  if (path == NULL)
    {
      g_set_error (error, PBS_DOCUMENT_ERROR, PBS_DOCUMENT_ERROR_UNKNOWN_POLICY,
                   "no policy is called “%s” (presets: central, yunnan-baoshan, ningxia, "
                   "guangxi, shanxi; or a file NAME.yaml in PBSCORE_POLICY_PATH)", name);
      return NULL;
    }
  return pbs_policy_load_file (path, error);
}

/**
 * pbs_policy_resolve:
 * @ref: a path to a policy file, or the name of a preset or shipped policy
 * @base_dir: (nullable) (type filename): the folder a relative path is
 *   taken from, or %NULL for the current folder
 * @error: return location for a #GError, or %NULL
 *
 * Finds the policy a document or a command line names: a path (see
 * pbs_reference_is_path()) is read with pbs_policy_load_file(), a name is
 * looked up with pbs_policy_lookup().
 *
 * Returns: (transfer full) (nullable): the policy, or %NULL with @error in
 *   #PBS_DOCUMENT_ERROR
 *
 * Since: 0.1
 */
PbsPolicy *
pbs_policy_resolve (const char *ref, const char *base_dir, GError **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (ref != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  path = pbs_read_reference_path (ref, base_dir);
  return path != NULL ? pbs_policy_load_file (path, error) : pbs_policy_lookup (ref, error);
}
