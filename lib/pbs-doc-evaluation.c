/* pbs-doc-evaluation.c - reading `kind: evaluation` documents
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A self-evaluation table (doc/format.md): its heading, budget line and
 * rows, checked against the template it names and scored later by the
 * policy it names.
 */
#include "config.h"

#include <string.h>

#include "pbs-doc-evaluation.h"
#include "pbs-doc-rule.h"
#include "pbs-evaluation-private.h"
#include "pbs-template-private.h"
#include "pbs-indicator-private.h"
#include "pbs-budget-private.h"
#include "pbs-lex.h"

/* A template or policy reference, resolved once per reader: the same
 * reference in the next document of a batch reuses the object. */
static PbsTemplate *
resolve_template (const PbsConv *c, guint32 node, const char *ref, GError **error)
{
  g_autoptr (GError) local = NULL;
  PbsTemplate *t = g_hash_table_lookup (c->templates, ref);

  if (t != NULL)
    return pbs_template_ref (t);
  t = pbs_template_resolve (ref, c->dir, &local);
  if (t == NULL)
    {
      pbs_read_fail (c, error, node, PBS_DOCUMENT_ERROR_UNKNOWN_TEMPLATE,
                     "cannot use template “%s”: %s", ref, local->message);
      return NULL;
    }
  g_hash_table_insert (c->templates, g_strdup (ref), pbs_template_ref (t));
  return t;
}

static PbsPolicy *
resolve_policy (const PbsConv *c, guint32 node, const char *ref, GError **error)
{
  g_autoptr (GError) local = NULL;
  PbsPolicy *p = g_hash_table_lookup (c->policies, ref);

  if (p != NULL)
    return pbs_policy_ref (p);
  p = pbs_policy_resolve (ref, c->dir, &local);
  if (p == NULL)
    {
      pbs_read_fail (c, error, node, PBS_DOCUMENT_ERROR_UNKNOWN_POLICY,
                     "cannot use policy “%s”: %s", ref, local->message);
      return NULL;
    }
  g_hash_table_insert (c->policies, g_strdup (ref), pbs_policy_ref (p));
  return p;
}

static const char * const budget_keys[] = {
  "initial", "annual", "executed", "points", "printed_score", "printed_rate", "sources", NULL
};
enum { B_INITIAL, B_ANNUAL, B_EXECUTED, B_POINTS, B_PRINTED, B_RATE, B_SOURCES, B_N };

/* An optional amount of the money block: non-negative, exact. */
static gboolean
read_amount (const PbsConv *c, guint32 node, const char *key, gboolean *has, PbsDecimal *out,
             GError **error)
{
  *has = !pbs_read_is_null (c, node);
  return !*has || pbs_read_decimal (c, node, key, TRUE, out, error);
}

/* The printed 执行率 as written: `95.3%` or 95.3, a percentage, with the
 * digits it has. */
static gboolean
read_rate (const PbsConv *c, guint32 node, PbsDecimal *out, GError **error)
{
  g_autofree char *number = NULL;
  const char *s;
  gsize n;

  if (!pbs_read_string (c, node, "printed_rate", &s, error))
    return FALSE;
  n = strlen (s);
  if (n >= 1 && s[n - 1] == '%')
    number = g_strndup (s, n - 1);
  else if (g_str_has_suffix (s, "％"))
    number = g_strndup (s, n - strlen ("％"));
  if (number == NULL)
    return pbs_read_decimal (c, node, "printed_rate", TRUE, out, error);
  g_strstrip (number);
  if (!pbs_decimal_parse (number, out, NULL) || pbs_decimal_sign (out) < 0)
    return pbs_read_fail (c, error, node, PBS_DOCUMENT_ERROR_WRONG_TYPE,
                          "“printed_rate” must be a percentage as printed (95.3%% or 95.3), not “%s”", s);
  return TRUE;
}

/* The official name a mistaken source name was meant to be: one that
 * holds it, or that it holds (其中：当年财政拨款, 财政拨款, 结转资金). */
static const char *
nearest_source (const char *name)
{
  static const char * const stems[PBS_N_FUND_SOURCES] = { "财政拨款", "结转", "其他" };

  for (guint i = 0; i < PBS_N_FUND_SOURCES; i++)
    if (strstr (name, stems[i]) != NULL)
      return pbs_fund_source_get_label ((PbsFundSource) i);
  return NULL;
}

static const char * const source_keys[] = { "name", "initial", "annual", "executed", NULL };

/* budget.sources: the money block's informational rows (§11). */
static gboolean
read_sources (const PbsConv *c, guint32 list, PbsBudget *b, GError **error)
{
  const char *what = "a funding source";

  if (pbs_yaml_node (c->t, list)->type != PBS_YAML_SEQUENCE)
    return pbs_read_fail (c, error, list, PBS_DOCUMENT_ERROR_WRONG_TYPE,
                          "“sources” must be a list of rows (each starting with “- name: ”), not %s",
                          pbs_read_kind_name (c, list));
  for (guint32 i = 0; i < pbs_yaml_node (c->t, list)->count; i++)
    {
      guint32 node = pbs_yaml_kid (c->t, list, i), v[4];
      const char *name;
      guint source;

      if (!pbs_read_mapping (c, node, what, source_keys, v, error)
          || !pbs_read_require (c, node, v[0], "name", what, error)
          || !pbs_read_string (c, v[0], "name", &name, error))
        return FALSE;
      for (source = 0; source < PBS_N_FUND_SOURCES
                       && strcmp (name, pbs_fund_source_get_label ((PbsFundSource) source)) != 0; source++)
        ;
      if (source == PBS_N_FUND_SOURCES)
        {
          const char *hint = nearest_source (name);

          return pbs_read_fail (c, error, v[0], PBS_DOCUMENT_ERROR_BAD_VALUE,
                                "a funding source is 当年财政拨款, 上年结转资金 or 其他资金, not “%s”%s%s%s",
                                name, hint != NULL ? " (did you mean “" : "", hint != NULL ? hint : "",
                                hint != NULL ? "”?)" : "");
        }
      if (pbs_budget_has_source (b, (PbsFundSource) source))
        return pbs_read_fail (c, error, v[0], PBS_DOCUMENT_ERROR_BAD_VALUE,
                              "the funding source “%s” is listed twice", name);
      for (guint col = 0; col < PBS_N_BUDGET_COLUMNS; col++)
        {
          PbsDecimal d;
          gboolean has;

          if (!read_amount (c, v[col + 1], source_keys[col + 1], &has, &d, error))
            return FALSE;
          pbs_budget_set_source_amount (b, (PbsFundSource) source, (PbsBudgetColumn) col,
                                        has ? &d : NULL);
        }
    }
  return TRUE;
}

/* Every field is optional (§11: a table may print only 年初预算数, or only
 * a rate and a score); scoring decides what can be computed. */
static PbsBudget *
read_budget (const PbsConv *c, guint32 node, GError **error)
{
  static const guint8 amounts[] = { B_INITIAL, B_ANNUAL, B_EXECUTED, B_POINTS };
  static void (* const setters[]) (PbsBudget *, const PbsDecimal *) = {
    pbs_budget_set_initial, pbs_budget_set_annual, pbs_budget_set_executed, pbs_budget_set_points,
  };
  guint32 v[B_N];
  PbsDecimal d;
  g_autoptr (PbsBudget) b = NULL;
  guint32 at;

  if (!pbs_read_mapping (c, node, "the budget", budget_keys, v, error))
    return NULL;
  b = pbs_budget_new (NULL, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (amounts); i++)
    {
      gboolean has;

      if (!read_amount (c, v[amounts[i]], budget_keys[amounts[i]], &has, &d, error))
        return NULL;
      setters[i] (b, has ? &d : NULL);
    }
  /* Errors about the rate name 全年预算数's line, or the budget's. */
  at = !pbs_read_is_null (c, v[B_ANNUAL]) ? v[B_ANNUAL] : node;
  b->line = pbs_yaml_node (c->t, at)->line;
  b->column = pbs_yaml_node (c->t, at)->column;
  if (!pbs_read_is_null (c, v[B_PRINTED]))
    {
      if (!pbs_read_decimal (c, v[B_PRINTED], "printed_score", FALSE, &d, error))
        return NULL;
      pbs_budget_set_printed_score (b, &d);
    }
  if (!pbs_read_is_null (c, v[B_RATE]))
    {
      if (!read_rate (c, v[B_RATE], &d, error))
        return NULL;
      pbs_budget_set_printed_rate (b, &d);
    }
  if (!pbs_read_is_null (c, v[B_SOURCES]) && !read_sources (c, v[B_SOURCES], b, error))
    return NULL;
  return g_steal_pointer (&b);
}

static const char * const indicator_keys[] = {
  "level1", "level2", "name", "target", "actual", "points", "reason", "manual_score",
  "printed_score", "not_applicable", "band", "rule", "parent", "unpublished",
  /* output keys, accepted and ignored (doc/format.md) */
  "score", "status", "flags", "explanation", "ratio",
  NULL
};
enum { I_LEVEL1, I_LEVEL2, I_NAME, I_TARGET, I_ACTUAL, I_POINTS, I_REASON, I_MANUAL,
       I_PRINTED, I_NA, I_BAND, I_RULE, I_PARENT, I_UNPUBLISHED, I_N = 19 };

static gboolean
set_value_at (const PbsConv *c, guint32 node, const char *key, PbsValue *slot, GError **error)
{
  g_autoptr (GError) local = NULL;
  const char *s = NULL;

  if (!pbs_read_string (c, node, key, &s, error))
    return FALSE;
  if (!pbs_value_init_parse (slot, s, &local))
    return pbs_read_fail (c, error, node, PBS_DOCUMENT_ERROR_BAD_VALUE, "%s: %s", key, local->message);
  return TRUE;
}

/* Records a placeholder (待填写 …, §11) left in a scalar field; TRUE when
 * there is one. */
static gboolean
note_placeholder (const PbsConv *c, PbsEvaluation *e, guint32 node, const char *field, guint row)
{
  const PbsYamlNode *n;

  if (node == PBS_YAML_NONE || pbs_read_is_null (c, node))
    return FALSE;
  n = pbs_yaml_node (c->t, node);
  if (n->type != PBS_YAML_SCALAR || !pbs_lex_is_placeholder (pbs_yaml_text (c->t, node)))
    return FALSE;
  pbs_evaluation_add_unfilled (e, field, row, n->line, n->column);
  return TRUE;
}

/* Is the node a value at all: not null, not a dash or 无 (rule book §11)? */
static gboolean
has_value (const PbsConv *c, guint32 node)
{
  return !pbs_read_is_null (c, node)
         && (pbs_yaml_node (c->t, node)->type != PBS_YAML_SCALAR
             || !g_utf8_validate (pbs_yaml_text (c->t, node), -1, NULL)
             || !pbs_lex_is_no_value (pbs_yaml_text (c->t, node)));
}

/* `无` as the actual of ≤3次, <5起 or =0起 means none happened: 0 (§11). */
static gboolean
reads_as_zero (const PbsConv *c, guint32 actual, const PbsValue *target)
{
  g_autofree char *folded = NULL;
  PbsDecimal n;

  if (pbs_read_is_null (c, actual) || pbs_yaml_node (c->t, actual)->type != PBS_YAML_SCALAR
      || target->text == NULL || target->kind != PBS_VALUE_QUANTITY)
    return FALSE;
  folded = pbs_lex_fold (pbs_yaml_text (c->t, actual));
  if (strcmp (folded, "无") != 0)
    return FALSE;
  pbs_decimal_init (&n, 0, 0);
  return target->op == PBS_OP_LE || target->op == PBS_OP_LT
         || (target->op == PBS_OP_EQ && pbs_decimal_compare (&target->lo, &n) == 0);
}

static gboolean
read_level (const PbsConv *c, guint32 node, const char *key, const char **out, GError **error)
{
  if (!pbs_read_string (c, node, key, out, error))
    return FALSE;
  g_autofree char *folded = g_utf8_validate (*out, -1, NULL) ? pbs_lex_fold (*out) : NULL;

  if (**out == '\0' || (folded != NULL && *folded == '\0'))
    return pbs_read_fail (c, error, node, PBS_DOCUMENT_ERROR_BAD_VALUE,
                          "“%s” is empty: write the category as the table prints it", key);
  return TRUE;
}

static PbsIndicator *
read_indicator (PbsConv *c, guint32 node, PbsTemplate *template_, guint year, PbsEvaluation *e,
                GError **error)
{
  static const struct { const char *word; PbsBand band; } bands[] = {
    { "met", PBS_BAND_MET }, { "partial", PBS_BAND_PARTIAL }, { "unmet", PBS_BAND_UNMET },
    { "达成", PBS_BAND_MET }, { "部分达成", PBS_BAND_PARTIAL }, { "未达成", PBS_BAND_UNMET },
  };
  const char *what = "an indicator";
  guint32 v[I_N];
  const char *level1, *level2, *name, *s;
  PbsDecimal points, d;
  g_autoptr (PbsIndicator) ind = NULL;

  /* Name the row in every message, once its name can be read. */
  if (pbs_yaml_node (c->t, node)->type == PBS_YAML_MAPPING)
    for (guint32 k = 0; k + 1 < pbs_yaml_node (c->t, node)->count; k += 2)
      {
        guint32 key = pbs_yaml_kid (c->t, node, k), value = pbs_yaml_kid (c->t, node, k + 1);
        if (pbs_yaml_node (c->t, key)->type == PBS_YAML_SCALAR
            && strcmp (pbs_yaml_text (c->t, key), "name") == 0
            && pbs_yaml_node (c->t, value)->type == PBS_YAML_SCALAR)
          c->row_name = pbs_yaml_text (c->t, value);
      }

  if (!pbs_read_mapping (c, node, what, indicator_keys, v, error)
      || !pbs_read_require (c, node, v[I_LEVEL1], "level1", what, error)
      || !pbs_read_require (c, node, v[I_LEVEL2], "level2", what, error)
      || !pbs_read_require (c, node, v[I_NAME], "name", what, error)
      || !pbs_read_require (c, node, v[I_POINTS], "points", what, error)
      || !read_level (c, v[I_LEVEL1], "level1", &level1, error)
      || !read_level (c, v[I_LEVEL2], "level2", &level2, error)
      || !pbs_read_string (c, v[I_NAME], "name", &name, error)
      || !pbs_read_decimal (c, v[I_POINTS], "points", TRUE, &points, error))
    return NULL;

  if (template_ != NULL && !pbs_template_allows (template_, level1, NULL))
    {
      pbs_read_fail (c, error, v[I_LEVEL1], PBS_DOCUMENT_ERROR_TEMPLATE_MISMATCH,
                     "template %s has no level-1 category “%s”", pbs_template_get_name (template_),
                     level1);
      return NULL;
    }
  if (template_ != NULL && !pbs_template_allows (template_, level1, level2))
    {
      pbs_read_fail (c, error, v[I_LEVEL2], PBS_DOCUMENT_ERROR_TEMPLATE_MISMATCH,
                     "template %s does not allow “%s” under “%s”", pbs_template_get_name (template_),
                     level2, level1);
      return NULL;
    }

  ind = pbs_indicator_new (level1, level2, name, &points);
  ind->line = pbs_yaml_node (c->t, node)->line;
  ind->column = pbs_yaml_node (c->t, node)->column;
  if (!pbs_read_is_null (c, v[I_NA]))
    {
      gboolean na = FALSE;
      if (!pbs_read_bool (c, v[I_NA], "not_applicable", &na, error))
        return NULL;
      pbs_indicator_set_not_applicable (ind, na);
    }
  if (!pbs_read_is_null (c, v[I_UNPUBLISHED]))
    {
      gboolean unpublished = FALSE;
      if (!pbs_read_bool (c, v[I_UNPUBLISHED], "unpublished", &unpublished, error))
        return NULL;
      pbs_indicator_set_unpublished (ind, unpublished);
    }
  note_placeholder (c, e, v[I_NAME], "name", c->row);
  note_placeholder (c, e, v[I_REASON], "reason", c->row);
  /* A placeholder (§11) is kept as written and the row left unscored. */
  if (note_placeholder (c, e, v[I_TARGET], "target", c->row))
    {
      pbs_value_init_words (&ind->target, pbs_yaml_text (c->t, v[I_TARGET]));
      ind->unfilled = TRUE;
    }
  /* A dash or 无 is no value (§11): no target is an error unless the row
   * does not apply; no actual leaves the row unscored. */
  else if (has_value (c, v[I_TARGET]))
    {
      if (!set_value_at (c, v[I_TARGET], "target", &ind->target, error))
        return NULL;
    }
  else if (!ind->not_applicable && !ind->unpublished)
    {
      if (v[I_TARGET] == PBS_YAML_NONE || pbs_read_is_null (c, v[I_TARGET]))
        {
          pbs_read_require (c, node, v[I_TARGET], "target", what, error);
          return NULL;
        }
      pbs_read_fail (c, error, v[I_TARGET], PBS_DOCUMENT_ERROR_BAD_VALUE,
                     "the target (年度指标值) is empty or only a dash: a row with points needs one, "
                     "or “not_applicable: true” when it does not apply");
      return NULL;
    }
  if (note_placeholder (c, e, v[I_ACTUAL], "actual", c->row))
    {
      pbs_value_init_words (&ind->actual, pbs_yaml_text (c->t, v[I_ACTUAL]));
      ind->unfilled = TRUE;
    }
  else if (reads_as_zero (c, v[I_ACTUAL], &ind->target))
    {
      pbs_value_init_zero (&ind->actual, pbs_yaml_text (c->t, v[I_ACTUAL]),
                           pbs_value_get_unit (&ind->target));
      ind->read_as_zero = TRUE;
    }
  else if (has_value (c, v[I_ACTUAL])
           && !set_value_at (c, v[I_ACTUAL], "actual", &ind->actual, error))
    return NULL;
  {
    g_autoptr (GError) local = NULL;
    gboolean bad_actual = FALSE;

    if (!pbs_value_resolve_pair (&ind->target, &ind->actual, level2, year, &bad_actual, &local))
      {
        pbs_read_fail (c, error, bad_actual ? v[I_ACTUAL] : v[I_TARGET], PBS_DOCUMENT_ERROR_BAD_VALUE,
                       "%s: %s", bad_actual ? "actual" : "target", local->message);
        return NULL;
      }
  }
  pbs_indicator_refresh (ind);
  if (!pbs_read_is_null (c, v[I_REASON]))
    {
      if (!pbs_read_string (c, v[I_REASON], "reason", &s, error))
        return NULL;
      pbs_indicator_set_reason (ind, s);
    }
  if (!pbs_read_is_null (c, v[I_MANUAL]))
    {
      if (!pbs_read_decimal (c, v[I_MANUAL], "manual_score", TRUE, &d, error))
        return NULL;
      pbs_indicator_set_manual_score (ind, &d);
    }
  if (!pbs_read_is_null (c, v[I_PRINTED]))
    {
      if (!pbs_read_decimal (c, v[I_PRINTED], "printed_score", FALSE, &d, error))
        return NULL;
      pbs_indicator_set_printed_score (ind, &d);
    }
  if (!pbs_read_is_null (c, v[I_BAND]))
    {
      guint i;
      if (!pbs_read_string (c, v[I_BAND], "band", &s, error))
        return NULL;
      for (i = 0; i < G_N_ELEMENTS (bands) && strcmp (s, bands[i].word) != 0; i++)
        ;
      if (i == G_N_ELEMENTS (bands))
        {
          pbs_read_fail (c, error, v[I_BAND], PBS_DOCUMENT_ERROR_BAD_VALUE,
                         "band must be met, partial or unmet, not “%s”", s);
          return NULL;
        }
      pbs_indicator_set_band (ind, bands[i].band);
    }
  if (!pbs_read_is_null (c, v[I_PARENT]))
    {
      if (!pbs_read_string (c, v[I_PARENT], "parent", &s, error))
        return NULL;
      pbs_indicator_set_parent (ind, s);
    }
  /* `rule:` as a mapping is a rule of the row's own; as a single word it
   * is the name a scored document gives the rule used (output, ignored). */
  if (!pbs_read_is_null (c, v[I_RULE]) && pbs_yaml_node (c->t, v[I_RULE])->type != PBS_YAML_SCALAR)
    {
      if (!pbs_read_rule (c, v[I_RULE], ind, error))
        return NULL;
    }
  else if (template_ != NULL)
    pbs_template_apply_rule (template_, ind);
  return pbs_indicator_pack (g_steal_pointer (&ind));
}

static gboolean
has_row_named (PbsEvaluation *e, const char *name)
{
  for (guint i = 0; i < pbs_evaluation_get_n_indicators (e); i++)
    if (strcmp (pbs_indicator_get_name (pbs_evaluation_get_indicator (e, i)), name) == 0)
      return TRUE;
  return FALSE;
}

/* The value node of a row's `parent:` key, for the error's place. */
static guint32
parent_node (const PbsConv *c, guint32 row)
{
  const PbsYamlNode *n = pbs_yaml_node (c->t, row);

  for (guint32 k = 0; k + 1 < n->count; k += 2)
    if (pbs_yaml_node (c->t, pbs_yaml_kid (c->t, row, k))->type == PBS_YAML_SCALAR
        && strcmp (pbs_yaml_text (c->t, pbs_yaml_kid (c->t, row, k)), "parent") == 0)
      return pbs_yaml_kid (c->t, row, k + 1);
  return row;
}

/* Reads one row into @e: FALSE with @error set when it does not read. */
static gboolean
add_row (PbsConv *c, guint32 node, PbsTemplate *template_, guint year, PbsEvaluation *e,
         GError **error)
{
  g_autoptr (PbsIndicator) ind = read_indicator (c, node, template_, year, e, error);

  if (ind == NULL)
    return FALSE;
  if (pbs_indicator_get_parent (ind) != NULL && !has_row_named (e, pbs_indicator_get_parent (ind)))
    return pbs_read_fail (c, error, parent_node (c, node), PBS_DOCUMENT_ERROR_BAD_VALUE,
                          "parent “%s” names no row above this one", pbs_indicator_get_parent (ind));
  pbs_evaluation_add_indicator (e, ind);
  return TRUE;
}

static const char * const evaluation_keys[] = {
  "pbscore", "kind", "title", "department", "unit", "year", "currency", "template", "policy",
  "budget", "indicators", "printed_total", "result", "printed_grade", "goals", "signoff", NULL
};
enum { E_PBSCORE, E_KIND, E_TITLE, E_DEPARTMENT, E_UNIT, E_YEAR, E_CURRENCY, E_TEMPLATE,
       E_POLICY, E_BUDGET, E_INDICATORS, E_PRINTED_TOTAL, E_RESULT, E_PRINTED_GRADE, E_GOALS, E_SIGNOFF, E_N };

/* A mapping of optional text fields: goals {expected, achieved}, signoff
 * {manager, preparer, phone, date} (the official form; never scored). */
static gboolean
read_texts (const PbsConv *c, PbsEvaluation *e, guint32 node, const char *what,
            const char * const *keys, void (* const *setters) (PbsEvaluation *, const char *),
            GError **error)
{
  guint32 v[4];
  const char *s;

  if (!pbs_read_mapping (c, node, what, keys, v, error))
    return FALSE;
  for (guint i = 0; keys[i] != NULL; i++)
    if (!pbs_read_is_null (c, v[i]))
      {
        if (!pbs_read_string (c, v[i], keys[i], &s, error))
          return FALSE;
        setters[i] (e, s);
        note_placeholder (c, e, v[i], keys[i], 0);
      }
  return TRUE;
}

/* The 自评等级 as tables print it. */
static gboolean
read_grade (const PbsConv *c, guint32 node, PbsGrade *out, GError **error)
{
  static const struct { const char *word; PbsGrade grade; } grades[] = {
    { "优", PBS_GRADE_EXCELLENT }, { "优秀", PBS_GRADE_EXCELLENT }, { "excellent", PBS_GRADE_EXCELLENT },
    { "良", PBS_GRADE_GOOD }, { "良好", PBS_GRADE_GOOD }, { "good", PBS_GRADE_GOOD },
    { "中", PBS_GRADE_FAIR }, { "中等", PBS_GRADE_FAIR }, { "fair", PBS_GRADE_FAIR },
    { "差", PBS_GRADE_POOR }, { "较差", PBS_GRADE_POOR }, { "poor", PBS_GRADE_POOR },
  };
  const char *s;

  if (!pbs_read_string (c, node, "printed_grade", &s, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (grades); i++)
    if (strcmp (s, grades[i].word) == 0)
      {
        *out = grades[i].grade;
        return TRUE;
      }
  return pbs_read_fail (c, error, node, PBS_DOCUMENT_ERROR_BAD_VALUE,
                        "printed_grade must be 优, 良, 中 or 差 (优秀, 良好, 中等, 较差), not “%s”", s);
}

static gboolean take_rows (PbsConv *c, PbsEvaluation *e, const guint32 *v,
                           const char *template_ref, guint year, GError **error);

PbsEvaluation *
pbs_read_evaluation (PbsConv *c, guint32 root, GError **error)
{
  const char *what = "an evaluation";
  g_autoptr (PbsEvaluation) e = pbs_evaluation_new ();
  g_autoptr (PbsTemplate) template_ = NULL;
  g_autoptr (PbsPolicy) policy = NULL;
  g_autoptr (PbsBudget) budget = NULL;
  const char *s, *template_ref = NULL, *policy_ref = NULL;
  guint32 v[E_N], list;
  guint year = 0;

  if (!pbs_read_mapping (c, root, what, evaluation_keys, v, error)
      || !pbs_read_require (c, root, v[E_TITLE], "title", what, error)
      || !pbs_read_require (c, root, v[E_BUDGET], "budget", what, error)
      || !pbs_read_require (c, root, v[E_INDICATORS], "indicators", what, error)
      || !pbs_read_string (c, v[E_TITLE], "title", &s, error))
    return NULL;
  pbs_evaluation_set_title (e, s);
  note_placeholder (c, e, v[E_TITLE], "title", 0);
  note_placeholder (c, e, v[E_DEPARTMENT], "department", 0);
  note_placeholder (c, e, v[E_UNIT], "unit", 0);
  if (!pbs_read_is_null (c, v[E_DEPARTMENT]))
    {
      if (!pbs_read_string (c, v[E_DEPARTMENT], "department", &s, error))
        return NULL;
      pbs_evaluation_set_department (e, s);
    }
  if (!pbs_read_is_null (c, v[E_UNIT]))
    {
      if (!pbs_read_string (c, v[E_UNIT], "unit", &s, error))
        return NULL;
      pbs_evaluation_set_unit (e, s);
    }
  if (!pbs_read_is_null (c, v[E_YEAR]))
    {
      if (!pbs_read_uint (c, v[E_YEAR], "year", PBS_YEAR_MIN, PBS_YEAR_MAX, &year, error))
        return NULL;
      pbs_evaluation_set_year (e, year);
    }
  if (!pbs_read_is_null (c, v[E_CURRENCY]))
    {
      if (!pbs_read_string (c, v[E_CURRENCY], "currency", &s, error))
        return NULL;
      if (strcmp (s, "元") == 0)
        pbs_evaluation_set_currency (e, PBS_CURRENCY_YUAN);
      else if (strcmp (s, "万元") == 0)
        pbs_evaluation_set_currency (e, PBS_CURRENCY_WAN_YUAN);
      else
        {
          pbs_read_fail (c, error, v[E_CURRENCY], PBS_DOCUMENT_ERROR_BAD_VALUE,
                         "currency must be 元 or 万元, not “%s”", s);
          return NULL;
        }
    }
  if (!pbs_read_is_null (c, v[E_TEMPLATE]))
    {
      if (!pbs_read_string (c, v[E_TEMPLATE], "template", &template_ref, error)
          || (template_ = resolve_template (c, v[E_TEMPLATE], template_ref, error)) == NULL)
        return NULL;
      pbs_evaluation_set_template (e, template_);
    }
  if (!pbs_read_is_null (c, v[E_POLICY]))
    {
      if (!pbs_read_string (c, v[E_POLICY], "policy", &policy_ref, error)
          || (policy = resolve_policy (c, v[E_POLICY], policy_ref, error)) == NULL)
        return NULL;
      pbs_evaluation_set_policy (e, policy);
    }
  pbs_evaluation_set_refs (e, template_ref, policy_ref);
  if (!pbs_read_is_null (c, v[E_PRINTED_TOTAL]))
    {
      PbsDecimal total;
      if (!pbs_read_decimal (c, v[E_PRINTED_TOTAL], "printed_total", FALSE, &total, error))
        return NULL;
      pbs_evaluation_set_printed_total (e, &total);
    }

  if (!pbs_read_is_null (c, v[E_PRINTED_GRADE]))
    {
      PbsGrade grade = PBS_GRADE_NONE;
      if (!read_grade (c, v[E_PRINTED_GRADE], &grade, error))
        return NULL;
      pbs_evaluation_set_printed_grade (e, grade);
    }

  {
    static const char * const goal_keys[] = { "expected", "achieved", NULL };
    static void (* const goal_setters[]) (PbsEvaluation *, const char *) = {
      pbs_evaluation_set_goals_expected, pbs_evaluation_set_goals_achieved,
    };
    static const char * const signoff_keys[] = { "manager", "preparer", "phone", "date", NULL };
    static void (* const signoff_setters[]) (PbsEvaluation *, const char *) = {
      pbs_evaluation_set_signoff_manager, pbs_evaluation_set_signoff_preparer,
      pbs_evaluation_set_signoff_phone, pbs_evaluation_set_signoff_date,
    };

    if ((!pbs_read_is_null (c, v[E_GOALS])
         && !read_texts (c, e, v[E_GOALS], "goals", goal_keys, goal_setters, error))
        || (!pbs_read_is_null (c, v[E_SIGNOFF])
            && !read_texts (c, e, v[E_SIGNOFF], "signoff", signoff_keys, signoff_setters, error)))
      return NULL;
  }

  if ((budget = read_budget (c, v[E_BUDGET], error)) == NULL)
    return NULL;
  pbs_evaluation_set_budget (e, budget);

  list = v[E_INDICATORS];
  if (pbs_yaml_node (c->t, list)->type != PBS_YAML_SEQUENCE)
    {
      if (pbs_read_is_null (c, list))
        return g_steal_pointer (&e);
      pbs_read_fail (c, error, list, PBS_DOCUMENT_ERROR_WRONG_TYPE,
                     "“indicators” must be a list of rows (each starting with “- ”), not %s",
                     pbs_read_kind_name (c, list));
      return NULL;
    }
  if (c->rows != NULL && pbs_row_stream_given (c->rows))
    return take_rows (c, e, v, template_ref, year, error) ? g_steal_pointer (&e) : NULL;
  for (guint32 i = 0; i < pbs_yaml_node (c->t, list)->count; i++)
    {
      c->row = i + 1;
      c->row_name = NULL;
      if (!add_row (c, pbs_yaml_kid (c->t, list, i), template_, year, e, error))
        return NULL;
    }
  c->row = 0;
  return g_steal_pointer (&e);
}

/* ------------------------------------------------------- rows as they come */

struct _PbsRowStream
{
  PbsYamlStream *stream;
  GHashTable    *templates;
  GHashTable    *policies;
  PbsConv        c;           /* the rows' own: c.row counts them */
  gboolean       given;       /* this document's rows came here */
  PbsEvaluation *e;           /* what they read into: indicators and placeholders */
  char          *template_ref; /* the context they were read in */
  PbsTemplate   *template_;
  guint          year;
  GError        *error;       /* the first row's error; the rest are not read */
  guint          at_once;     /* more rows than this are read as they come */
};

/* The keys before the rows give their context: `template:` and `year:`.
 * FALSE (the rows stay in the tree, read the usual way) when the document
 * is not an evaluation or its context does not read. */
static gboolean
rows_start (gpointer data, const PbsYamlTree *t, const guint32 *pairs, guint n)
{
  PbsRowStream *self = data;
  PbsConv *c = &self->c;

  pbs_row_stream_reset (self);
  pbs_conv_init (c, self->stream, self->templates, self->policies);
  for (guint k = 0; k + 1 < n; k += 2)
    {
      const char *key = pbs_yaml_node (t, pairs[k])->type == PBS_YAML_SCALAR ? pbs_yaml_text (t, pairs[k]) : "";
      guint32 value = pairs[k + 1];
      const char *s;

      if (pbs_read_is_null (c, value))
        continue;
      if (strcmp (key, "kind") == 0
          && (pbs_yaml_node (t, value)->type != PBS_YAML_SCALAR
              || strcmp (pbs_yaml_text (t, value), "evaluation") != 0))
        return FALSE;
      if (strcmp (key, "year") == 0
          && (self->year != 0
              || !pbs_read_uint (c, value, "year", PBS_YEAR_MIN, PBS_YEAR_MAX, &self->year, NULL)))
        return FALSE;
      if (strcmp (key, "template") == 0)
        {
          if (self->template_ref != NULL || !pbs_read_string (c, value, "template", &s, NULL)
              || (self->template_ = resolve_template (c, value, s, NULL)) == NULL)
            return FALSE;
          self->template_ref = g_strdup (s);
        }
    }
  self->e = pbs_evaluation_new ();
  return TRUE;
}

static void
rows_row (gpointer data, const PbsYamlTree *t, guint32 item)
{
  PbsRowStream *self = data;

  self->given = TRUE;
  self->c.row++;
  self->c.row_name = NULL;
  if (self->error == NULL)
    add_row (&self->c, item, self->template_, self->year, self->e, &self->error);
}

static const PbsYamlRowFuncs row_funcs = { rows_start, rows_row };

PbsRowStream *
pbs_row_stream_new (PbsYamlStream *stream, GHashTable *templates, GHashTable *policies)
{
  PbsRowStream *self = g_new0 (PbsRowStream, 1);
  /* The tests read every fixture both ways (tests/test_memory.py). */
  const char *at_once = g_getenv ("PBSCORE_ROWS_AT_ONCE");

  self->stream = stream;
  self->templates = templates;
  self->policies = policies;
  self->at_once = at_once != NULL ? (guint) g_ascii_strtoull (at_once, NULL, 10) : PBS_ROWS_AT_ONCE;
  pbs_yaml_stream_set_rows (stream, "indicators", self->at_once, &row_funcs, self);
  return self;
}

void
pbs_row_stream_reset (PbsRowStream *self)
{
  self->given = FALSE;
  g_clear_pointer (&self->e, pbs_evaluation_unref);
  g_clear_pointer (&self->template_ref, g_free);
  g_clear_pointer (&self->template_, pbs_template_unref);
  g_clear_error (&self->error);
  self->year = 0;
  self->c.row = 0;
}

void
pbs_row_stream_free (PbsRowStream *self)
{
  if (self == NULL)
    return;
  pbs_row_stream_reset (self);
  pbs_yaml_stream_set_rows (self->stream, NULL, 0, NULL, NULL);
  g_free (self);
}

gboolean
pbs_row_stream_given (const PbsRowStream *self)
{
  return self->given;
}

guint
pbs_row_stream_get_at_once (const PbsRowStream *self)
{
  return self->at_once;
}

/* The rows read as they came become @e's, unless the document gave their
 * context only after them. */
static gboolean
take_rows (PbsConv *c, PbsEvaluation *e, const guint32 *v, const char *template_ref, guint year,
           GError **error)
{
  PbsRowStream *rows = c->rows;
  static const char late[] = "“%s” comes after the rows of an evaluation of more than %u rows, "
                             "which are read as they come: put it before “indicators:”";

  if (g_strcmp0 (template_ref, rows->template_ref) != 0)
    return pbs_read_fail (c, error, v[E_TEMPLATE], PBS_DOCUMENT_ERROR_BAD_VALUE, late, "template",
                          rows->at_once);
  if (year != rows->year)
    return pbs_read_fail (c, error, v[E_YEAR], PBS_DOCUMENT_ERROR_BAD_VALUE, late, "year",
                          rows->at_once);
  if (rows->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&rows->error));
      return FALSE;
    }
  for (guint i = 0; i < pbs_evaluation_get_n_indicators (rows->e); i++)
    pbs_evaluation_add_indicator (e, pbs_evaluation_get_indicator (rows->e, i));
  for (guint i = 0; i < pbs_evaluation_get_n_unfilled (rows->e); i++)
    {
      guint row, line, column;
      const char *field = pbs_evaluation_get_unfilled (rows->e, i, &row, &line, &column);

      pbs_evaluation_add_unfilled (e, field, row, line, column);
    }
  pbs_row_stream_reset (rows);
  return TRUE;
}
