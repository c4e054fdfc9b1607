/* pbs-yaml-read.c - what the YAML schemas share
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Reading a node as a string, a decimal, a truth value, a whole number or
 * an enum nick; a mapping against its known keys with "did you mean";
 * the root every document starts with; and the rule that tells a
 * template or policy reference that is a path from a shipped name.
 */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "pbs-yaml-read.h"
#include "pbs-nick.h"

void
pbs_conv_init (PbsConv *c, PbsYamlStream *stream, GHashTable *templates, GHashTable *policies)
{
  c->t = pbs_yaml_stream_get_tree (stream);
  c->name = pbs_yaml_stream_get_name (stream);
  c->dir = pbs_yaml_stream_get_dir (stream);
  c->templates = templates;
  c->policies = policies;
  c->row = 0;
  c->row_name = NULL;
  c->rows = NULL;
}

gboolean
pbs_read_fail (const PbsConv *c, GError **error, guint32 node, int code, const char *format, ...)
{
  g_autofree char *msg = NULL;
  g_autofree char *row = NULL;
  const PbsYamlNode *n = node != PBS_YAML_NONE ? pbs_yaml_node (c->t, node) : NULL;
  va_list args;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  if (c->row > 0)
    row = g_strdup_printf ("row %u (%s): ", c->row, c->row_name != NULL ? c->row_name : "?");
  g_set_error (error, PBS_DOCUMENT_ERROR, code, "%s:%u:%u: %s%s", c->name,
               n != NULL ? n->line : 1, n != NULL ? n->column : 1, row != NULL ? row : "", msg);
  return FALSE;
}

const char *
pbs_read_kind_name (const PbsConv *c, guint32 node)
{
  switch (pbs_yaml_node (c->t, node)->type)
    {
    case PBS_YAML_MAPPING:
      return "a mapping";
    case PBS_YAML_SEQUENCE:
      return "a list";
    case PBS_YAML_SCALAR:
    default:
      return "a single value";
    }
}

/* Edit distance of two short ASCII keys, for "did you mean". */
static guint
distance (const char *a, const char *b)
{
  guint la = (guint) MIN (strlen (a), 63), lb = (guint) MIN (strlen (b), 63);
  guint d[64][64];

  for (guint i = 0; i <= la; i++)
    d[i][0] = i;
  for (guint j = 0; j <= lb; j++)
    d[0][j] = j;
  for (guint i = 1; i <= la; i++)
    for (guint j = 1; j <= lb; j++)
      d[i][j] = MIN (MIN (d[i - 1][j] + 1, d[i][j - 1] + 1),
                     d[i - 1][j - 1] + (a[i - 1] != b[j - 1]));
  return d[la][lb];
}

/* The official form's column heads, typed as keys (issue 9). */
static const struct { const char *column; const char *key; } form_columns[] = {
  { "一级指标", "level1" }, { "二级指标", "level2" }, { "三级指标", "name" },
  { "指标名称", "name" }, { "年度指标值", "target" }, { "指标值", "target" },
  { "实际完成值", "actual" }, { "全年实际值", "actual" }, { "分值", "points" },
  { "得分", "printed_score" }, { "偏差原因分析及改进措施", "reason" }, { "偏差原因", "reason" },
  { "年初预算数", "initial" }, { "全年预算数", "annual" }, { "全年执行数", "executed" },
  { "项目名称", "title" }, { "主管部门", "department" }, { "实施单位", "unit" },
  { "年度", "year" }, { "总分", "printed_total" },
};

const char *
pbs_read_nearest (const char *key, const char * const *known)
{
  const char *best = NULL;
  guint best_d = G_MAXUINT;

  for (guint i = 0; i < G_N_ELEMENTS (form_columns); i++)
    if (strcmp (key, form_columns[i].column) == 0)
      for (guint j = 0; known[j] != NULL; j++)
        if (strcmp (known[j], form_columns[i].key) == 0)
          return known[j];

  for (guint i = 0; known[i] != NULL; i++)
    {
      guint d = distance (key, known[i]);
      if (d < best_d)
        {
          best_d = d;
          best = known[i];
        }
    }
  return best_d <= MAX (2u, (guint) strlen (key) / 3) ? best : NULL;
}

gboolean
pbs_read_mapping (const PbsConv *c, guint32 node, const char *what, const char * const *known,
                  guint32 *values, GError **error)
{
  const PbsYamlNode *n = pbs_yaml_node (c->t, node);
  guint nk = g_strv_length ((char **) known);

  for (guint i = 0; i < nk; i++)
    values[i] = PBS_YAML_NONE;
  if (n->type != PBS_YAML_MAPPING)
    return pbs_read_fail (c, error, node, PBS_DOCUMENT_ERROR_WRONG_TYPE,
                          "%s must be a mapping of keys, not %s", what, pbs_read_kind_name (c, node));

  for (guint32 k = 0; k + 1 < n->count; k += 2)
    {
      guint32 key = pbs_yaml_kid (c->t, node, k), value = pbs_yaml_kid (c->t, node, k + 1);
      const char *name;
      guint i;

      if (pbs_yaml_node (c->t, key)->type != PBS_YAML_SCALAR)
        return pbs_read_fail (c, error, key, PBS_DOCUMENT_ERROR_WRONG_TYPE,
                              "a key of %s must be a single word, not %s", what,
                              pbs_read_kind_name (c, key));
      name = pbs_yaml_text (c->t, key);
      for (i = 0; i < nk; i++)
        if (strcmp (name, known[i]) == 0)
          break;
      if (i == nk)
        {
          const char *hint = pbs_read_nearest (name, known);
          if (hint != NULL)
            return pbs_read_fail (c, error, key, PBS_DOCUMENT_ERROR_UNKNOWN_KEY,
                                  "unknown key “%s” in %s (did you mean “%s”?)", name, what, hint);
          return pbs_read_fail (c, error, key, PBS_DOCUMENT_ERROR_UNKNOWN_KEY,
                                "unknown key “%s” in %s", name, what);
        }
      if (values[i] != PBS_YAML_NONE)
        return pbs_read_fail (c, error, key, PBS_DOCUMENT_ERROR_DUPLICATE_KEY,
                              "key “%s” is given twice in %s", name, what);
      values[i] = value;
    }
  return TRUE;
}

gboolean
pbs_read_require (const PbsConv *c, guint32 mapping, guint32 value, const char *key,
                  const char *what, GError **error)
{
  if (!pbs_read_is_null (c, value))
    return TRUE;
  return pbs_read_fail (c, error, value != PBS_YAML_NONE ? value : mapping,
                        PBS_DOCUMENT_ERROR_MISSING_FIELD, "%s needs “%s”", what, key);
}

gboolean
pbs_read_string (const PbsConv *c, guint32 node, const char *key, const char **out, GError **error)
{
  if (pbs_yaml_node (c->t, node)->type != PBS_YAML_SCALAR)
    return pbs_read_fail (c, error, node, PBS_DOCUMENT_ERROR_WRONG_TYPE,
                          "“%s” must be a single value, not %s", key, pbs_read_kind_name (c, node));
  *out = pbs_yaml_text (c->t, node);
  return TRUE;
}

gboolean
pbs_read_decimal (const PbsConv *c, guint32 node, const char *key, gboolean non_negative,
                  PbsDecimal *out, GError **error)
{
  g_autoptr (GError) local = NULL;
  const char *s = NULL;
  const PbsYamlNode *n = pbs_yaml_node (c->t, node);

  if (!pbs_read_string (c, node, key, &s, error))
    return FALSE;
  if (n->plain)
    {
      const char *p = (*s == '+' || *s == '-') ? s + 1 : s;
      if (g_ascii_strcasecmp (p, ".nan") == 0 || g_ascii_strcasecmp (p, ".inf") == 0)
        return pbs_read_fail (c, error, node, PBS_DOCUMENT_ERROR_OUT_OF_RANGE,
                              "“%s” must be a finite number, not %s", key, s);
    }
  if (!pbs_decimal_parse (s, out, &local))
    {
      if (g_error_matches (local, PBS_VALUE_ERROR, PBS_VALUE_ERROR_OVERFLOW))
        return pbs_read_fail (c, error, node, PBS_DOCUMENT_ERROR_OUT_OF_RANGE,
                              "“%s”: %s", key, local->message);
      if (strpbrk (s, "eE") != NULL && g_ascii_isdigit (*s))
        return pbs_read_fail (c, error, node, PBS_DOCUMENT_ERROR_WRONG_TYPE,
                              "“%s” must be written without an exponent: %s", key, s);
      return pbs_read_fail (c, error, node, PBS_DOCUMENT_ERROR_WRONG_TYPE,
                            "“%s” must be a number, not “%s”", key, s);
    }
  if (non_negative && pbs_decimal_sign (out) < 0)
    return pbs_read_fail (c, error, node, PBS_DOCUMENT_ERROR_OUT_OF_RANGE,
                          "“%s” must not be negative: %s", key, s);
  return TRUE;
}

gboolean
pbs_read_bool (const PbsConv *c, guint32 node, const char *key, gboolean *out, GError **error)
{
  static const char * const yes[] = { "true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON" };
  static const char * const no[] = { "false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF" };
  const char *s = NULL;

  if (!pbs_read_string (c, node, key, &s, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (yes); i++)
    if (strcmp (s, yes[i]) == 0 || strcmp (s, no[i]) == 0)
      {
        *out = strcmp (s, yes[i]) == 0;
        return TRUE;
      }
  return pbs_read_fail (c, error, node, PBS_DOCUMENT_ERROR_WRONG_TYPE,
                        "“%s” must be true or false, not “%s”", key, s);
}

gboolean
pbs_read_uint (const PbsConv *c, guint32 node, const char *key, guint min, guint max, guint *out,
               GError **error)
{
  const char *s = NULL;
  guint64 v;

  if (!pbs_read_string (c, node, key, &s, error))
    return FALSE;
  if (!g_ascii_string_to_unsigned (s, 10, 0, G_MAXUINT64, &v, NULL))
    return pbs_read_fail (c, error, node, PBS_DOCUMENT_ERROR_WRONG_TYPE,
                          "“%s” must be a whole number, not “%s”", key, s);
  if (v < min || v > max)
    return pbs_read_fail (c, error, node, PBS_DOCUMENT_ERROR_OUT_OF_RANGE,
                          "“%s” must be between %u and %u, not %s", key, min, max, s);
  *out = (guint) v;
  return TRUE;
}

gboolean
pbs_read_nick (const PbsConv *c, guint32 node, const char *key, GType type, int *out,
               GError **error)
{
  g_autofree char *choices = NULL;
  const char *s = NULL;

  if (!pbs_read_string (c, node, key, &s, error))
    return FALSE;
  if (pbs_enum_from_nick (type, s, out))
    return TRUE;
  choices = pbs_enum_dup_nicks (type);
  return pbs_read_fail (c, error, node, PBS_DOCUMENT_ERROR_BAD_VALUE,
                        "“%s” must be one of %s, not “%s”", key, choices, s);
}

/* ------------------------------------------------------------- the root */

/* The `kind:` words, in the order of PbsDocumentKind. */
static const char * const kinds[] = { "evaluation", "template", "policy" };

gboolean
pbs_read_document_kind (const PbsConv *c, guint32 root, PbsDocumentKind *kind, GError **error)
{
  const PbsYamlNode *n = pbs_yaml_node (c->t, root);
  guint32 version = PBS_YAML_NONE, kind_node = PBS_YAML_NONE;
  const char *s;

  *kind = PBS_DOCUMENT_EVALUATION;
  if (n->type != PBS_YAML_MAPPING)
    return pbs_read_fail (c, error, root, PBS_DOCUMENT_ERROR_WRONG_TYPE,
                          "a document must be a mapping of keys starting with “pbscore: 1”, not %s",
                          pbs_read_kind_name (c, root));
  for (guint32 i = 0; i + 1 < n->count; i += 2)
    {
      guint32 key = pbs_yaml_kid (c->t, root, i);
      if (pbs_yaml_node (c->t, key)->type != PBS_YAML_SCALAR)
        continue;
      if (strcmp (pbs_yaml_text (c->t, key), "pbscore") == 0 && version == PBS_YAML_NONE)
        version = pbs_yaml_kid (c->t, root, i + 1);
      else if (strcmp (pbs_yaml_text (c->t, key), "kind") == 0 && kind_node == PBS_YAML_NONE)
        kind_node = pbs_yaml_kid (c->t, root, i + 1);
    }
  if (pbs_read_is_null (c, version))
    return pbs_read_fail (c, error, root, PBS_DOCUMENT_ERROR_MISSING_FIELD,
                          "a document needs “pbscore: 1” (the format version)");
  if (pbs_yaml_node (c->t, version)->type != PBS_YAML_SCALAR
      || strcmp (pbs_yaml_text (c->t, version), "1") != 0)
    return pbs_read_fail (c, error, version, PBS_DOCUMENT_ERROR_VERSION,
                          "this pbscore reads format 1, not “%s”",
                          pbs_yaml_node (c->t, version)->type == PBS_YAML_SCALAR
                          ? pbs_yaml_text (c->t, version) : "?");
  if (!pbs_read_is_null (c, kind_node))
    {
      guint i;
      if (!pbs_read_string (c, kind_node, "kind", &s, error))
        return FALSE;
      for (i = 0; i < G_N_ELEMENTS (kinds) && strcmp (s, kinds[i]) != 0; i++)
        ;
      if (i == G_N_ELEMENTS (kinds))
        return pbs_read_fail (c, error, kind_node, PBS_DOCUMENT_ERROR_VERSION,
                              "kind must be evaluation, template or policy, not “%s”", s);
      *kind = (PbsDocumentKind) i;
    }
  return TRUE;
}

/* Templates and policies are small files: reading one from a device
 * (/dev/zero, /dev/urandom), a FIFO or a huge file would run away or hang
 * (issue 14), so only a regular file of at most this size is read. */
#define PBS_READ_MAX_REFERENCED ((goffset) 16 * 1024 * 1024)

static gboolean
check_referenced_file (const char *path, GError **error)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    {
      int saved = errno;

      g_set_error (error, PBS_DOCUMENT_ERROR, PBS_DOCUMENT_ERROR_IO, "%s: %s", path,
                   g_strerror (saved));
      return FALSE;
    }
  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, PBS_DOCUMENT_ERROR, PBS_DOCUMENT_ERROR_IO,
                   "%s: not a regular file (templates and policies are read only from regular "
                   "files)", path);
      return FALSE;
    }
  if ((goffset) st.st_size > PBS_READ_MAX_REFERENCED)
    {
      g_set_error (error, PBS_DOCUMENT_ERROR, PBS_DOCUMENT_ERROR_LIMIT,
                   "%s: %" G_GINT64_FORMAT " bytes, more than the 16 MiB a template or policy "
                   "may have", path, (gint64) st.st_size);
      return FALSE;
    }
  return TRUE;
}

PbsYamlStream *
pbs_read_first (const char *path, PbsDocumentKind kind, PbsConv *c, guint32 *root,
                GError **error)
{
  g_autoptr (PbsYamlStream) stream = NULL;
  PbsDocumentKind found;

  if (!check_referenced_file (path, error))
    return NULL;
  stream = pbs_yaml_stream_new_for_path (path, error);
  if (stream == NULL)
    return NULL;
  if (!pbs_yaml_stream_next (stream, root, error))
    {
      if (error == NULL || *error == NULL)
        g_set_error (error, PBS_DOCUMENT_ERROR, PBS_DOCUMENT_ERROR_MISSING_FIELD,
                     "%s:1:1: the file holds no document", path);
      return NULL;
    }
  pbs_conv_init (c, stream, NULL, NULL);
  if (!pbs_read_document_kind (c, *root, &found, error))
    return NULL;
  if (found != kind)
    {
      g_set_error (error, PBS_DOCUMENT_ERROR, PBS_DOCUMENT_ERROR_VERSION,
                   "%s:%u:1: expected a document of kind %s", path,
                   pbs_yaml_node (c->t, *root)->line, kinds[kind]);
      return NULL;
    }
  return g_steal_pointer (&stream);
}

/* ------------------------------------------------------------ references */

/**
 * pbs_reference_is_path:
 * @ref: how a document or a command line names a template or a policy
 *
 * Tells a reference to a file from the name of a shipped template or
 * policy: it is a path when it has a slash or ends in `.yaml`, and a name
 * (looked up with pbs_template_lookup() or pbs_policy_lookup()) otherwise.
 * pbs_template_resolve() and pbs_policy_resolve() apply this rule.
 *
 * Returns: %TRUE when @ref is a path
 *
 * Since: 0.1
 */
gboolean
pbs_reference_is_path (const char *ref)
{
  g_return_val_if_fail (ref != NULL, FALSE);
  return strchr (ref, '/') != NULL || g_str_has_suffix (ref, ".yaml");
}

char *
pbs_read_reference_path (const char *ref, const char *base_dir)
{
  if (!pbs_reference_is_path (ref))
    return NULL;
  if (base_dir == NULL || g_path_is_absolute (ref))
    return g_strdup (ref);
  return g_build_filename (base_dir, ref, NULL);
}
