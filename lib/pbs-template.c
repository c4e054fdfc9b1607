/* pbs-template.c - indicator frameworks (指标体系) as data
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>

#include "pbs-template-private.h"
#include "pbs-decimal-private.h"
#include "pbs-datadir.h"

/**
 * PbsTemplate:
 *
 * An official indicator framework: its level-1 categories with their
 * points, the level-2 categories allowed under each, suggested level-3
 * indicators, the budget line's points, and the generic indicators common
 * to every unit. Templates are YAML files (doc/format.md) found by name;
 * the taxonomy comes from them, never from code (rule book §1).
 *
 * Since: 0.1
 */

G_DEFINE_BOXED_TYPE (PbsTemplate, pbs_template, pbs_template_ref, pbs_template_unref)

static void
level1_clear (gpointer data)
{
  PbsTemplateLevel1 *l = data;

  g_free (l->name);
  g_ptr_array_unref (l->level2);
  g_ptr_array_unref (l->suggested);
}

PbsTemplate *
pbs_template_new_empty (void)
{
  PbsTemplate *self = g_new0 (PbsTemplate, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->name = g_strdup ("");
  self->title = g_strdup ("");
  self->source = g_strdup ("");
  pbs_decimal_init (&self->total, 100, 0);
  self->level1 = g_array_new (FALSE, TRUE, sizeof (PbsTemplateLevel1));
  g_array_set_clear_func (self->level1, level1_clear);
  self->generic = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->generic, NULL);
  self->rules = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) pbs_indicator_unref);
  self->points = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return self;
}

void
pbs_template_add_level1 (PbsTemplate *self, const char *name, const PbsDecimal *points)
{
  PbsTemplateLevel1 l = { 0 };

  l.name = g_strdup (name);
  l.has_points = points != NULL;
  if (points != NULL)
    l.points = *points;
  l.level2 = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (l.level2, NULL);
  l.suggested = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_array_append_val (self->level1, l);
}

/* Appends to a NULL-terminated GPtrArray, keeping the terminator. */
static void
append_terminated (GPtrArray *arr, gpointer item)
{
  g_ptr_array_index (arr, arr->len - 1) = item;
  g_ptr_array_add (arr, NULL);
}

void
pbs_template_add_level2 (PbsTemplate *self, const char *name, const char * const *suggested)
{
  PbsTemplateLevel1 *l;

  g_return_if_fail (self->level1->len > 0);
  l = &g_array_index (self->level1, PbsTemplateLevel1, self->level1->len - 1);
  append_terminated (l->level2, g_strdup (name));
  g_ptr_array_add (l->suggested, g_strdupv ((char **) suggested));
}

void
pbs_template_add_generic (PbsTemplate *self, const char *name)
{
  append_terminated (self->generic, g_strdup (name));
}

void
pbs_template_add_rule (PbsTemplate *self, PbsIndicator *carrier)
{
  g_hash_table_replace (self->rules, g_strdup (pbs_indicator_get_name (carrier)),
                        pbs_indicator_ref (carrier));
}

void
pbs_template_apply_rule (const PbsTemplate *self, PbsIndicator *ind)
{
  const PbsIndicator *carrier = g_hash_table_lookup (self->rules, pbs_indicator_get_name (ind));

  if (carrier != NULL)
    pbs_indicator_copy_rule (ind, carrier);
}

static char *
row_key (const char *level1, const char *level2, const char *name)
{
  return g_strjoin ("\x1f", level1 != NULL ? level1 : "", level2 != NULL ? level2 : "",
                    name != NULL ? name : "", NULL);
}

void
pbs_template_add_points (PbsTemplate *self, const char *level1, const char *level2,
                         const char *name, const PbsDecimal *points)
{
  g_hash_table_replace (self->points, row_key (level1, level2, name),
                        g_memdup2 (points, sizeof *points));
}

gboolean
pbs_template_get_row_points (const PbsTemplate *self, const char *level1, const char *level2,
                             const char *name, PbsDecimal *out)
{
  g_autofree char *key = row_key (level1, level2, name);
  const PbsDecimal *points = g_hash_table_lookup (self->points, key);

  if (points == NULL)
    return FALSE;
  *out = *points;
  return TRUE;
}

/**
 * pbs_template_ref:
 * @self: a #PbsTemplate
 *
 * Takes a reference on the template.
 *
 * Returns: (transfer full): @self, with one more reference
 *
 * Since: 0.1
 */
PbsTemplate *
pbs_template_ref (PbsTemplate *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

/**
 * pbs_template_unref:
 * @self: (transfer full): a #PbsTemplate
 *
 * Drops a reference; the last one frees @self.
 *
 * Since: 0.1
 */
void
pbs_template_unref (PbsTemplate *self)
{
  g_return_if_fail (self != NULL);
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_free (self->name);
  g_free (self->file);
  g_free (self->title);
  g_free (self->source);
  g_array_unref (self->level1);
  g_ptr_array_unref (self->generic);
  g_hash_table_unref (self->rules);
  g_hash_table_unref (self->points);
  g_free (self);
}

/**
 * pbs_template_find_file:
 * @name: a template name, such as `central-project-2020`
 *
 * Finds the file of a template by name in the search path (doc/format.md).
 *
 * Returns: (transfer full) (nullable): the file's path, or %NULL
 *
 * Since: 0.1
 */
char *
pbs_template_find_file (const char *name)
{
  g_return_val_if_fail (name != NULL, NULL);
  return pbs_datadir_find ("templates", "PBSCORE_TEMPLATE_PATH", name);
}

/**
 * pbs_template_list:
 *
 * Lists the templates found in the search path.
 *
 * Returns: (transfer full): the sorted, unique template names
 *
 * Since: 0.1
 */
char **
pbs_template_list (void)
{
  return pbs_datadir_list ("templates", "PBSCORE_TEMPLATE_PATH");
}

/**
 * pbs_template_get_name:
 * @self: a #PbsTemplate
 *
 * Gets the name of the template.
 *
 * This is the name an evaluation's `template:` refers to it by, such as
 * `central-project-2020`.
 *
 * Returns: (transfer none): the name the template is found by
 *
 * Since: 0.1
 */
const char *
pbs_template_get_name (const PbsTemplate *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->name;
}

/**
 * pbs_template_get_title:
 * @self: a #PbsTemplate
 *
 * Gets the title of the framework.
 *
 * Returns: (transfer none): the framework's title
 *
 * Since: 0.1
 */
const char *
pbs_template_get_title (const PbsTemplate *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->title;
}

/**
 * pbs_template_get_source:
 * @self: a #PbsTemplate
 *
 * Gets the official document the framework comes from.
 *
 * Returns: (transfer none): the document the framework comes from, or an
 *   empty string
 *
 * Since: 0.1
 */
const char *
pbs_template_get_source (const PbsTemplate *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->source;
}

/**
 * pbs_template_get_total:
 * @self: a #PbsTemplate
 * @out: (out caller-allocates): the total points (100 unless the template
 *   says otherwise)
 *
 * Gets the total points of the framework.
 *
 * Since: 0.1
 */
void
pbs_template_get_total (const PbsTemplate *self, PbsDecimal *out)
{
  g_return_if_fail (self != NULL && out != NULL);
  *out = self->total;
}

/**
 * pbs_template_get_budget_points:
 * @self: a #PbsTemplate
 * @out: (out caller-allocates): the budget line's points in the framework
 *
 * Gets the points the framework gives the budget line.
 *
 * @out is left untouched when the template does not fix them.
 *
 * Returns: %TRUE when the template fixes them
 *
 * Since: 0.1
 */
gboolean
pbs_template_get_budget_points (const PbsTemplate *self, PbsDecimal *out)
{
  g_return_val_if_fail (self != NULL && out != NULL, FALSE);
  if (self->has_budget_points)
    *out = self->budget_points;
  return self->has_budget_points;
}

/**
 * pbs_template_get_n_level1:
 * @self: a #PbsTemplate
 *
 * Gets the number of level-1 categories in the framework.
 *
 * Returns: the number of level-1 categories
 *
 * Since: 0.1
 */
guint
pbs_template_get_n_level1 (const PbsTemplate *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->level1->len;
}

static const PbsTemplateLevel1 *
level1_at (const PbsTemplate *self, guint index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->level1->len, NULL);
  return &g_array_index (self->level1, PbsTemplateLevel1, index);
}

static const PbsTemplateLevel1 *
level1_named (const PbsTemplate *self, const char *name)
{
  for (guint i = 0; i < self->level1->len; i++)
    {
      const PbsTemplateLevel1 *l = &g_array_index (self->level1, PbsTemplateLevel1, i);
      if (strcmp (l->name, name) == 0)
        return l;
    }
  return NULL;
}

/**
 * pbs_template_get_level1_name:
 * @self: a #PbsTemplate
 * @index: a level-1 category number, from 0
 *
 * Gets the name of a level-1 category.
 *
 * Returns: (transfer none): its name, such as `产出指标`
 *
 * Since: 0.1
 */
const char *
pbs_template_get_level1_name (const PbsTemplate *self, guint index)
{
  const PbsTemplateLevel1 *l = level1_at (self, index);
  return l != NULL ? l->name : NULL;
}

/**
 * pbs_template_get_level1_points:
 * @self: a #PbsTemplate
 * @index: a level-1 category number, from 0
 * @out: (out caller-allocates): its points
 *
 * Gets the points of a level-1 category.
 *
 * @out is left untouched when the framework does not fix them.
 *
 * Returns: %TRUE when the framework fixes them
 *
 * Since: 0.1
 */
gboolean
pbs_template_get_level1_points (const PbsTemplate *self, guint index, PbsDecimal *out)
{
  const PbsTemplateLevel1 *l = level1_at (self, index);

  g_return_val_if_fail (l != NULL && out != NULL, FALSE);
  if (l->has_points)
    *out = l->points;
  return l->has_points;
}

/**
 * pbs_template_get_level2_names:
 * @self: a #PbsTemplate
 * @index: a level-1 category number, from 0
 *
 * Gets the level-2 categories allowed under a level-1 category.
 *
 * Returns: (transfer none) (array zero-terminated=1): the level-2
 *   categories allowed under it
 *
 * Since: 0.1
 */
const char * const *
pbs_template_get_level2_names (const PbsTemplate *self, guint index)
{
  const PbsTemplateLevel1 *l = level1_at (self, index);
  return l != NULL ? (const char * const *) l->level2->pdata : NULL;
}

/**
 * pbs_template_get_suggested:
 * @self: a #PbsTemplate
 * @level1: a level-1 category
 * @level2: a level-2 category under it
 *
 * Gets the suggested level-3 indicators of a category.
 *
 * Returns: (transfer none) (array zero-terminated=1) (nullable): the
 *   suggested level-3 indicators, or %NULL when the categories are unknown
 *
 * Since: 0.1
 */
const char * const *
pbs_template_get_suggested (const PbsTemplate *self, const char *level1, const char *level2)
{
  const PbsTemplateLevel1 *l;

  g_return_val_if_fail (self != NULL && level1 != NULL && level2 != NULL, NULL);
  l = level1_named (self, level1);
  if (l == NULL)
    return NULL;
  for (guint i = 0; i + 1 < l->level2->len; i++)
    if (strcmp (g_ptr_array_index (l->level2, i), level2) == 0)
      return g_ptr_array_index (l->suggested, i);
  return NULL;
}

/**
 * pbs_template_get_generic_indicators:
 * @self: a #PbsTemplate
 *
 * Gets the generic indicators of the framework.
 *
 * Returns: (transfer none) (array zero-terminated=1): indicator names that
 *   are common to every unit (共性指标), for lint
 *
 * Since: 0.1
 */
const char * const *
pbs_template_get_generic_indicators (const PbsTemplate *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return (const char * const *) self->generic->pdata;
}

/**
 * pbs_template_allows:
 * @self: a #PbsTemplate
 * @level1: a level-1 category
 * @level2: (nullable): a level-2 category, or %NULL to check @level1 only
 *
 * Checks whether the framework allows a category.
 *
 * Returns: %TRUE when the framework has @level1 and allows @level2 under it
 *
 * Since: 0.1
 */
gboolean
pbs_template_allows (const PbsTemplate *self, const char *level1, const char *level2)
{
  const PbsTemplateLevel1 *l;

  g_return_val_if_fail (self != NULL && level1 != NULL, FALSE);
  l = level1_named (self, level1);
  if (l == NULL)
    return FALSE;
  if (level2 == NULL)
    return TRUE;
  for (guint i = 0; i + 1 < l->level2->len; i++)
    if (strcmp (g_ptr_array_index (l->level2, i), level2) == 0)
      return TRUE;
  return FALSE;
}
