/* test-model.c - indicators, budget lines, evaluations, enum GTypes
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The data model of rule book §1 (a 绩效自评表: header, budget block,
 * indicator rows) as the public headers declare it, and the GTypes that
 * make it usable from bindings (STYLE.md, public API 7 and 11).
 */
#include "pbs-test.h"

static PbsIndicator *
indicator_new (const char *level1, const char *level2, const char *name, const char *points)
{
  PbsDecimal w = pbs_test_dec (points);
  return pbs_indicator_new (level1, level2, name, &w);
}

/* ------------------------------------------------------------- indicator */

/* §1: 一级指标 | 二级指标 | 三级指标 | 分值, and nothing else set yet. */
static void
test_indicator_new (void)
{
  g_autoptr (PbsIndicator) ind = indicator_new ("产出指标", "数量指标", "网上可办率", "7.5");
  PbsDecimal d;
  const char *reason;

  ASSERT_STR (pbs_indicator_get_level1 (ind), "产出指标");
  ASSERT_STR (pbs_indicator_get_level2 (ind), "数量指标");
  ASSERT_STR (pbs_indicator_get_name (ind), "网上可办率");
  pbs_indicator_get_points (ind, &d);
  ASSERT_DEC_EQ (d, "7.5");

  CU_ASSERT_PTR_NULL (pbs_indicator_get_target (ind));
  CU_ASSERT_PTR_NULL (pbs_indicator_get_actual (ind));
  reason = pbs_indicator_get_reason (ind);
  CU_ASSERT_TRUE (reason == NULL || *reason == '\0');
  CU_ASSERT_FALSE (pbs_indicator_get_manual_score (ind, &d));
  CU_ASSERT_FALSE (pbs_indicator_get_printed_score (ind, &d));
  CU_ASSERT_EQUAL (pbs_indicator_get_band (ind), PBS_BAND_UNKNOWN);
  CU_ASSERT_FALSE (pbs_indicator_get_not_applicable (ind));
}

/* the constructor copies its strings and its points */
static void
test_indicator_copies_inputs (void)
{
  char level1[] = "产出指标", name[] = "办件量";
  PbsDecimal w = pbs_test_dec ("10");
  g_autoptr (PbsIndicator) ind = pbs_indicator_new (level1, "数量指标", name, &w);
  PbsDecimal d;

  level1[0] = 'X';
  name[0] = 'Y';
  w = pbs_test_dec ("99");
  ASSERT_STR (pbs_indicator_get_level1 (ind), "产出指标");
  ASSERT_STR (pbs_indicator_get_name (ind), "办件量");
  pbs_indicator_get_points (ind, &d);
  ASSERT_DEC_EQ (d, "10");
}

static void
test_indicator_target_actual (void)
{
  g_autoptr (PbsIndicator) ind = indicator_new ("产出指标", "数量指标", "办结率", "10");
  g_autoptr (GError) error = NULL;
  const PbsValue *t, *a;
  PbsDecimal d;

  CU_ASSERT_TRUE (pbs_indicator_set_target (ind, "≥95%", &error));
  ASSERT_NO_ERROR (error);
  CU_ASSERT_TRUE (pbs_indicator_set_actual (ind, "96%", &error));
  ASSERT_NO_ERROR (error);

  t = pbs_indicator_get_target (ind);
  a = pbs_indicator_get_actual (ind);
  CU_ASSERT_PTR_NOT_NULL (t);
  CU_ASSERT_PTR_NOT_NULL (a);
  if (t == NULL || a == NULL)
    return;
  /* the text as written, and its parse (§2) */
  ASSERT_STR (pbs_value_get_text (t), "≥95%");
  CU_ASSERT_EQUAL (pbs_value_get_kind (t), PBS_VALUE_QUANTITY);
  CU_ASSERT_EQUAL (pbs_value_get_operator (t), PBS_OP_GE);
  CU_ASSERT_TRUE (pbs_value_get_number (t, &d));
  ASSERT_DEC_EQ (d, "95");
  ASSERT_STR (pbs_value_get_unit (t), "%");
  ASSERT_STR (pbs_value_get_text (a), "96%");
  CU_ASSERT_TRUE (pbs_value_get_number (a, &d));
  ASSERT_DEC_EQ (d, "96");

  /* a new target replaces the old one */
  CU_ASSERT_TRUE (pbs_indicator_set_target (ind, "≤3天", &error));
  ASSERT_NO_ERROR (error);
  t = pbs_indicator_get_target (ind);
  CU_ASSERT_TRUE (t != NULL && pbs_value_get_operator (t) == PBS_OP_LE);
  if (t != NULL)
    ASSERT_STR (pbs_value_get_text (t), "≤3天");
}

/* A bad text is a PBS_VALUE_ERROR and leaves the previous value in place. */
static void
test_indicator_bad_text (void)
{
  static const struct { const char *text; PbsValueError code; } bad[] = {
    { "", PBS_VALUE_ERROR_EMPTY },
    { "   ", PBS_VALUE_ERROR_EMPTY },
    { "≥", PBS_VALUE_ERROR_OPERATOR },
    { "2023年13月", PBS_VALUE_ERROR_DATE },
    { "2023-02-30", PBS_VALUE_ERROR_DATE },
    { "90%-80%", PBS_VALUE_ERROR_RANGE },
  };
  g_autoptr (PbsIndicator) ind = indicator_new ("产出指标", "数量指标", "办结率", "10");
  g_autoptr (PbsIndicator) fresh = indicator_new ("产出指标", "数量指标", "办结率", "10");

  CU_ASSERT_TRUE (pbs_indicator_set_target (ind, "≥95%", NULL));
  CU_ASSERT_TRUE (pbs_indicator_set_actual (ind, "96%", NULL));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) e1 = NULL;
      g_autoptr (GError) e2 = NULL;
      g_autoptr (GError) e3 = NULL;
      const PbsValue *v;

      CU_ASSERT_FALSE (pbs_indicator_set_target (ind, bad[i].text, &e1));
      CU_ASSERT_PTR_NOT_NULL (e1);
      if (e1 != NULL)
        {
          CU_ASSERT_EQUAL (e1->domain, PBS_VALUE_ERROR);
          if (!g_error_matches (e1, PBS_VALUE_ERROR, bad[i].code))
            fprintf (stderr, "%s:%d: target \"%s\": error %s/%d (%s), expected code %d\n",
                     __FILE__, __LINE__, bad[i].text, g_quark_to_string (e1->domain),
                     e1->code, e1->message, bad[i].code);
          CU_ASSERT_TRUE (g_error_matches (e1, PBS_VALUE_ERROR, bad[i].code));
        }
      v = pbs_indicator_get_target (ind);
      CU_ASSERT_TRUE (v != NULL && g_strcmp0 (pbs_value_get_text (v), "≥95%") == 0);

      CU_ASSERT_FALSE (pbs_indicator_set_actual (ind, bad[i].text, &e2));
      PBS_ASSERT_ERROR (e2, PBS_VALUE_ERROR, bad[i].code);
      v = pbs_indicator_get_actual (ind);
      CU_ASSERT_TRUE (v != NULL && g_strcmp0 (pbs_value_get_text (v), "96%") == 0);

      /* with nothing before, nothing after */
      CU_ASSERT_FALSE (pbs_indicator_set_target (fresh, bad[i].text, &e3));
      PBS_ASSERT_ERROR (e3, PBS_VALUE_ERROR, bad[i].code);
      CU_ASSERT_PTR_NULL (pbs_indicator_get_target (fresh));
    }
}

static void
test_indicator_fields (void)
{
  g_autoptr (PbsIndicator) ind = indicator_new ("满意度指标", "服务对象满意度指标", "群众满意度", "10");
  PbsDecimal manual = pbs_test_dec ("7.25"), printed = pbs_test_dec ("8.5"), d;

  pbs_indicator_set_reason (ind, "部分窗口改造未完成");
  ASSERT_STR (pbs_indicator_get_reason (ind), "部分窗口改造未完成");
  pbs_indicator_set_reason (ind, "已整改");
  ASSERT_STR (pbs_indicator_get_reason (ind), "已整改");

  pbs_indicator_set_manual_score (ind, &manual);
  manual = pbs_test_dec ("1");   /* the indicator keeps its own copy */
  CU_ASSERT_TRUE (pbs_indicator_get_manual_score (ind, &d));
  ASSERT_DEC_EQ (d, "7.25");
  /* setting one score leaves the other unset */
  CU_ASSERT_FALSE (pbs_indicator_get_printed_score (ind, &d));
  pbs_indicator_set_printed_score (ind, &printed);
  CU_ASSERT_TRUE (pbs_indicator_get_printed_score (ind, &d));
  ASSERT_DEC_EQ (d, "8.5");
  CU_ASSERT_TRUE (pbs_indicator_get_manual_score (ind, &d));
  ASSERT_DEC_EQ (d, "7.25");

  pbs_indicator_set_band (ind, PBS_BAND_PARTIAL);
  CU_ASSERT_EQUAL (pbs_indicator_get_band (ind), PBS_BAND_PARTIAL);
  pbs_indicator_set_band (ind, PBS_BAND_UNMET);
  CU_ASSERT_EQUAL (pbs_indicator_get_band (ind), PBS_BAND_UNMET);

  pbs_indicator_set_not_applicable (ind, TRUE);
  CU_ASSERT_TRUE (pbs_indicator_get_not_applicable (ind));
  pbs_indicator_set_not_applicable (ind, FALSE);
  CU_ASSERT_FALSE (pbs_indicator_get_not_applicable (ind));

  CU_ASSERT_FALSE (pbs_indicator_get_unpublished (ind));
  pbs_indicator_set_unpublished (ind, TRUE);
  CU_ASSERT_TRUE (pbs_indicator_get_unpublished (ind));
  pbs_indicator_set_unpublished (ind, FALSE);
  CU_ASSERT_FALSE (pbs_indicator_get_unpublished (ind));
}

/* STYLE.md 7: values are boxed and reference-counted. */
static void
test_indicator_refcount (void)
{
  PbsIndicator *ind = indicator_new ("产出指标", "数量指标", "办件量", "10");
  PbsIndicator *copy;

  CU_ASSERT_PTR_EQUAL (pbs_indicator_ref (ind), ind);
  pbs_indicator_unref (ind);
  ASSERT_STR (pbs_indicator_get_name (ind), "办件量");

  CU_ASSERT_TRUE (G_TYPE_IS_BOXED (PBS_TYPE_INDICATOR));
  ASSERT_STR (g_type_name (PBS_TYPE_INDICATOR), "PbsIndicator");
  copy = g_boxed_copy (PBS_TYPE_INDICATOR, ind);
  /* a copy of a reference-counted box is a new reference */
  CU_ASSERT_PTR_EQUAL (copy, ind);
  g_boxed_free (PBS_TYPE_INDICATOR, copy);
  ASSERT_STR (pbs_indicator_get_name (ind), "办件量");
  pbs_indicator_unref (ind);
}

/* ---------------------------------------------------------------- budget */

/* §1 budget block: 年初预算数 (optional) | 全年预算数 | 全年执行数 | 分值. */
static void
test_budget (void)
{
  PbsDecimal annual = pbs_test_dec ("1445.05"), executed = pbs_test_dec ("1444.16");
  PbsDecimal initial = pbs_test_dec ("1300"), points = pbs_test_dec ("20");
  PbsDecimal printed = pbs_test_dec ("9.99"), d;
  g_autoptr (PbsBudget) b = pbs_budget_new (&annual, &executed);

  annual = pbs_test_dec ("1");
  pbs_budget_get_annual (b, &d);
  ASSERT_DEC_EQ (d, "1445.05");
  pbs_budget_get_executed (b, &d);
  ASSERT_DEC_EQ (d, "1444.16");

  CU_ASSERT_FALSE (pbs_budget_get_initial (b, &d));
  CU_ASSERT_FALSE (pbs_budget_get_points (b, &d));
  CU_ASSERT_FALSE (pbs_budget_get_printed_score (b, &d));

  pbs_budget_set_initial (b, &initial);
  CU_ASSERT_TRUE (pbs_budget_get_initial (b, &d));
  ASSERT_DEC_EQ (d, "1300");
  pbs_budget_set_points (b, &points);
  CU_ASSERT_TRUE (pbs_budget_get_points (b, &d));
  ASSERT_DEC_EQ (d, "20");
  pbs_budget_set_printed_score (b, &printed);
  CU_ASSERT_TRUE (pbs_budget_get_printed_score (b, &d));
  ASSERT_DEC_EQ (d, "9.99");
  /* the other fields are untouched */
  pbs_budget_get_annual (b, &d);
  ASSERT_DEC_EQ (d, "1445.05");

  CU_ASSERT_PTR_EQUAL (pbs_budget_ref (b), b);
  pbs_budget_unref (b);
  CU_ASSERT_TRUE (G_TYPE_IS_BOXED (PBS_TYPE_BUDGET));
  {
    PbsBudget *copy = g_boxed_copy (PBS_TYPE_BUDGET, b);
    CU_ASSERT_PTR_EQUAL (copy, b);
    g_boxed_free (PBS_TYPE_BUDGET, copy);
  }
  pbs_budget_get_executed (b, &d);
  ASSERT_DEC_EQ (d, "1444.16");
}

/* ------------------------------------------------------------ evaluation */

/* §1 header: 项目名称, 主管部门, 实施单位, year, money unit. */
static void
test_evaluation_header (void)
{
  g_autoptr (PbsEvaluation) e = pbs_evaluation_new ();

  CU_ASSERT_PTR_NOT_NULL (e);
  CU_ASSERT_TRUE (G_TYPE_IS_BOXED (PBS_TYPE_EVALUATION));
  ASSERT_STR (g_type_name (PBS_TYPE_EVALUATION), "PbsEvaluation");
  CU_ASSERT_EQUAL (pbs_evaluation_get_n_indicators (e), 0);
  CU_ASSERT_PTR_NULL (pbs_evaluation_get_budget (e));
  /* 万元 is the default (pbs-evaluation.h) */
  CU_ASSERT_EQUAL (pbs_evaluation_get_currency (e), PBS_CURRENCY_WAN_YUAN);

  pbs_evaluation_set_title (e, "2024年部门整体支出绩效自评");
  pbs_evaluation_set_department (e, "昆明市西山区人民政府");
  pbs_evaluation_set_unit (e, "昆明市西山区政务服务管理局");
  pbs_evaluation_set_year (e, 2024);
  pbs_evaluation_set_currency (e, PBS_CURRENCY_YUAN);
  ASSERT_STR (pbs_evaluation_get_title (e), "2024年部门整体支出绩效自评");
  ASSERT_STR (pbs_evaluation_get_department (e), "昆明市西山区人民政府");
  ASSERT_STR (pbs_evaluation_get_unit (e), "昆明市西山区政务服务管理局");
  CU_ASSERT_EQUAL (pbs_evaluation_get_year (e), 2024);
  CU_ASSERT_EQUAL (pbs_evaluation_get_currency (e), PBS_CURRENCY_YUAN);

  /* setters replace (and copy) */
  {
    g_autofree char *title = g_strdup ("新标题");
    pbs_evaluation_set_title (e, title);
    title[0] = 'X';
    ASSERT_STR (pbs_evaluation_get_title (e), "新标题");
  }
}

/* The evaluation holds its indicators in order, with its own references. */
static void
test_evaluation_indicators (void)
{
  g_autoptr (PbsEvaluation) e = pbs_evaluation_new ();
  static const char *const names[] = { "办件量", "办结率", "群众满意度" };
  PbsIndicator *added[3];

  for (guint i = 0; i < 3; i++)
    {
      PbsIndicator *ind = indicator_new ("产出指标", "数量指标", names[i], "10");

      added[i] = ind;
      pbs_evaluation_add_indicator (e, ind);
      /* drop ours: the evaluation keeps its own reference */
      pbs_indicator_unref (ind);
    }
  CU_ASSERT_EQUAL (pbs_evaluation_get_n_indicators (e), 3);
  for (guint i = 0; i < 3; i++)
    {
      PbsIndicator *got = pbs_evaluation_get_indicator (e, i);

      CU_ASSERT_PTR_EQUAL (got, added[i]);
      if (got != NULL)
        ASSERT_STR (pbs_indicator_get_name (got), names[i]);
    }
  /* a getter borrows: changing the row through it changes the table */
  pbs_indicator_set_reason (pbs_evaluation_get_indicator (e, 1), "说明");
  ASSERT_STR (pbs_indicator_get_reason (pbs_evaluation_get_indicator (e, 1)), "说明");
}

/* The evaluation keeps its own reference to its budget line. */
static void
test_evaluation_budget (void)
{
  g_autoptr (PbsEvaluation) e = pbs_evaluation_new ();
  PbsDecimal a = pbs_test_dec ("100"), x = pbs_test_dec ("90"), d;
  PbsBudget *b = pbs_budget_new (&a, &x);
  PbsBudget *b2;

  pbs_evaluation_set_budget (e, b);
  pbs_budget_unref (b);
  CU_ASSERT_PTR_EQUAL (pbs_evaluation_get_budget (e), b);
  pbs_budget_get_executed (pbs_evaluation_get_budget (e), &d);
  ASSERT_DEC_EQ (d, "90");

  /* replacing it */
  x = pbs_test_dec ("95");
  b2 = pbs_budget_new (&a, &x);
  pbs_evaluation_set_budget (e, b2);
  CU_ASSERT_PTR_EQUAL (pbs_evaluation_get_budget (e), b2);
  pbs_budget_unref (b2);
  pbs_budget_get_executed (pbs_evaluation_get_budget (e), &d);
  ASSERT_DEC_EQ (d, "95");
}

/* An indicator shared by two evaluations outlives the first. */
static void
test_evaluation_shared_indicator (void)
{
  PbsEvaluation *e1 = pbs_evaluation_new ();
  g_autoptr (PbsEvaluation) e2 = pbs_evaluation_new ();
  g_autoptr (PbsIndicator) ind = indicator_new ("产出指标", "数量指标", "办件量", "10");

  pbs_evaluation_add_indicator (e1, ind);
  pbs_evaluation_add_indicator (e2, ind);
  pbs_evaluation_unref (e1);
  CU_ASSERT_PTR_EQUAL (pbs_evaluation_get_indicator (e2, 0), ind);
  ASSERT_STR (pbs_indicator_get_name (pbs_evaluation_get_indicator (e2, 0)), "办件量");
}

/* ----------------------------------------------------------- enum GTypes */

/* STYLE.md 11: enums through glib-mkenums, with the header's nicks. */
static void
check_enum_nicks (GType type, const char *type_name, const char *const *nicks, guint n)
{
  g_autoptr (GEnumClass) klass = NULL;

  CU_ASSERT_TRUE (G_TYPE_IS_ENUM (type));
  ASSERT_STR (g_type_name (type), type_name);
  if (!G_TYPE_IS_ENUM (type))
    return;
  klass = g_type_class_ref (type);
  CU_ASSERT_EQUAL (klass->n_values, n);
  for (guint i = 0; i < n; i++)
    {
      GEnumValue *v = g_enum_get_value_by_nick (klass, nicks[i]);

      CU_ASSERT_TRUE (v != NULL && v->value == (gint) i);
      if (v == NULL || v->value != (gint) i)
        fprintf (stderr, "%s:%d: %s nick %s: %s\n", __FILE__, __LINE__, type_name, nicks[i],
                 v ? "wrong value" : "missing");
    }
}

static void
test_enum_types (void)
{
  static const char *const status[] = { "met", "partial", "unmet", "unscored", "not_applicable",
                                        "unpublished" };
  static const char *const rule[] = { "none", "positive", "equal", "equal_zero", "equal_two_sided",
                                      "reverse_ratio", "reverse_relative_excess", "range",
                                      "qualitative", "boolean", "date", "step", "bands" };
  static const char *const grade[] = { "none", "excellent", "good", "fair", "poor" };
  static const char *const warning[] = { "over_budget", "execution_below_90", "yellow_low_execution",
                                         "yellow_zero_budget", "red_mismatch", "weights",
                                         "budget_printed_differs", "zero_points", "sources_mismatch" };
  static const char *const source[] = { "current", "carried_over", "other" };
  static const char *const column[] = { "initial", "annual", "executed" };
  static const char *const rounding[] = { "half_up", "truncate", "floor" };
  static const char *const op[] = { "none", "ge", "gt", "eq", "le", "lt" };
  static const char *const band[] = { "unknown", "met", "partial", "unmet" };
  static const char *const kind[] = { "quantity", "qualitative", "boolean", "date", "range" };
  static const char *const currency[] = { "wan_yuan", "yuan" };
  static const char *const language[] = { "zh", "en" };
  static const char *const equal[] = { "as_ge", "two_sided" };
  static const char *const reverse[] = { "ratio", "relative_excess" };
  static const char *const qual[] = { "none", "lower", "middle" };
  static const char *const over[] = { "flag", "require_reason", "deduct" };
  static const char *const weights[] = { "error", "rescale", "as_is" };
  static const char *const zero[] = { "error", "score_zero" };

  check_enum_nicks (PBS_TYPE_STATUS, "PbsStatus", status, G_N_ELEMENTS (status));
  check_enum_nicks (PBS_TYPE_RULE, "PbsRule", rule, G_N_ELEMENTS (rule));
  check_enum_nicks (PBS_TYPE_GRADE, "PbsGrade", grade, G_N_ELEMENTS (grade));
  check_enum_nicks (PBS_TYPE_WARNING, "PbsWarning", warning, G_N_ELEMENTS (warning));
  check_enum_nicks (PBS_TYPE_ROUNDING_MODE, "PbsRoundingMode", rounding, G_N_ELEMENTS (rounding));
  check_enum_nicks (PBS_TYPE_OPERATOR, "PbsOperator", op, G_N_ELEMENTS (op));
  check_enum_nicks (PBS_TYPE_BAND, "PbsBand", band, G_N_ELEMENTS (band));
  check_enum_nicks (PBS_TYPE_VALUE_KIND, "PbsValueKind", kind, G_N_ELEMENTS (kind));
  check_enum_nicks (PBS_TYPE_CURRENCY, "PbsCurrency", currency, G_N_ELEMENTS (currency));
  check_enum_nicks (PBS_TYPE_LANGUAGE, "PbsLanguage", language, G_N_ELEMENTS (language));
  check_enum_nicks (PBS_TYPE_EQUAL_MODE, "PbsEqualMode", equal, G_N_ELEMENTS (equal));
  check_enum_nicks (PBS_TYPE_REVERSE_FORMULA, "PbsReverseFormula", reverse, G_N_ELEMENTS (reverse));
  check_enum_nicks (PBS_TYPE_QUALITATIVE_DEFAULTS, "PbsQualitativeDefaults", qual, G_N_ELEMENTS (qual));
  check_enum_nicks (PBS_TYPE_OVER_ACTION, "PbsOverAction", over, G_N_ELEMENTS (over));
  check_enum_nicks (PBS_TYPE_WEIGHTS_MODE, "PbsWeightsMode", weights, G_N_ELEMENTS (weights));
  check_enum_nicks (PBS_TYPE_BUDGET_ZERO, "PbsBudgetZero", zero, G_N_ELEMENTS (zero));
  check_enum_nicks (PBS_TYPE_FUND_SOURCE, "PbsFundSource", source, G_N_ELEMENTS (source));
  check_enum_nicks (PBS_TYPE_BUDGET_COLUMN, "PbsBudgetColumn", column, G_N_ELEMENTS (column));

  /* the example of the brief, spelled out */
  {
    GEnumClass *klass = g_type_class_ref (PBS_TYPE_STATUS);
    GEnumValue *v = g_enum_get_value_by_nick (klass, "not_applicable");

    CU_ASSERT_TRUE (v != NULL && v->value == PBS_STATUS_NOT_APPLICABLE);
    if (v != NULL)
      ASSERT_STR (v->value_name, "PBS_STATUS_NOT_APPLICABLE");
    g_type_class_unref (klass);
  }
}

/* PbsFlags is declared a flags type, so its GType is a GFlags with bit values. */
static void
test_flags_type (void)
{
  static const struct { const char *nick; guint value; } flags[] = {
    { "over_completion", PBS_FLAG_OVER_COMPLETION },
    { "missing_reason", PBS_FLAG_MISSING_REASON },
    { "manual_out_of_band", PBS_FLAG_MANUAL_OUT_OF_BAND },
    { "printed_differs", PBS_FLAG_PRINTED_DIFFERS },
    { "late", PBS_FLAG_LATE },
    { "manual_ignored", PBS_FLAG_MANUAL_IGNORED },
    { "over_deducted", PBS_FLAG_OVER_DEDUCTED },
    { "not_counted", PBS_FLAG_NOT_COUNTED },
    { "read_as_zero", PBS_FLAG_READ_AS_ZERO },
  };
  g_autoptr (GFlagsClass) klass = NULL;

  CU_ASSERT_TRUE (G_TYPE_IS_FLAGS (PBS_TYPE_FLAGS));
  ASSERT_STR (g_type_name (PBS_TYPE_FLAGS), "PbsFlags");
  if (!G_TYPE_IS_FLAGS (PBS_TYPE_FLAGS))
    return;
  klass = g_type_class_ref (PBS_TYPE_FLAGS);
  CU_ASSERT_EQUAL (klass->mask, 0x1ffu);
  for (guint i = 0; i < G_N_ELEMENTS (flags); i++)
    {
      GFlagsValue *v = g_flags_get_value_by_nick (klass, flags[i].nick);
      CU_ASSERT_TRUE (v != NULL && v->value == flags[i].value);
    }
}

/* ------------------------------------------------------------- to_string */

/* Yunnan's 自评等级 column prints 优/良/中/差; an incomplete card has none. */
static void
test_grade_get_label (void)
{
  ASSERT_STR (pbs_grade_get_label (PBS_GRADE_EXCELLENT), "优");
  ASSERT_STR (pbs_grade_get_label (PBS_GRADE_GOOD), "良");
  ASSERT_STR (pbs_grade_get_label (PBS_GRADE_FAIR), "中");
  ASSERT_STR (pbs_grade_get_label (PBS_GRADE_POOR), "差");
  ASSERT_STR (pbs_grade_get_label (PBS_GRADE_NONE), "");
}

/* pbs-scorecard.h: "The nicks are stable strings for reports". */
static void
test_status_rule_flag_get_nick (void)
{
  g_autoptr (GEnumClass) status = g_type_class_ref (PBS_TYPE_STATUS);
  g_autoptr (GEnumClass) rule = g_type_class_ref (PBS_TYPE_RULE);
  g_autoptr (GFlagsClass) flags = g_type_class_ref (PBS_TYPE_FLAGS);

  for (guint i = 0; i < status->n_values; i++)
    ASSERT_STR (pbs_status_get_nick ((PbsStatus) status->values[i].value),
                status->values[i].value_nick);
  for (guint i = 0; i < rule->n_values; i++)
    ASSERT_STR (pbs_rule_get_nick ((PbsRule) rule->values[i].value),
                rule->values[i].value_nick);
  for (guint i = 0; i < flags->n_values; i++)
    if (flags->values[i].value != 0)
      ASSERT_STR (pbs_flag_get_nick ((PbsFlags) flags->values[i].value),
                  flags->values[i].value_nick);

  /* spelled out, independent of the GTypes */
  ASSERT_STR (pbs_status_get_nick (PBS_STATUS_NOT_APPLICABLE), "not_applicable");
  ASSERT_STR (pbs_rule_get_nick (PBS_RULE_REVERSE_RELATIVE_EXCESS), "reverse_relative_excess");
  ASSERT_STR (pbs_flag_get_nick (PBS_FLAG_OVER_DEDUCTED), "over_deducted");
  ASSERT_STR (pbs_flag_get_nick (PBS_FLAG_MISSING_REASON), "missing_reason");
}

/* ------------------------------------------------------- version, errors */

static void
test_version (void)
{
  g_autofree char *parts = g_strdup_printf ("%d.%d.%d", PBS_MAJOR_VERSION,
                                            PBS_MINOR_VERSION, PBS_MICRO_VERSION);

  ASSERT_STR (pbs_get_version (), PBS_VERSION_S);
  ASSERT_STR (parts, PBS_VERSION_S);
}

/* STYLE.md 4: one error domain per area. */
static void
test_error_domains (void)
{
  CU_ASSERT_NOT_EQUAL (PBS_VALUE_ERROR, 0);
  CU_ASSERT_NOT_EQUAL (PBS_SCORE_ERROR, 0);
  CU_ASSERT_NOT_EQUAL (PBS_POLICY_ERROR, 0);
  CU_ASSERT_NOT_EQUAL (PBS_VALUE_ERROR, PBS_SCORE_ERROR);
  CU_ASSERT_NOT_EQUAL (PBS_SCORE_ERROR, PBS_POLICY_ERROR);
  CU_ASSERT_NOT_EQUAL (PBS_VALUE_ERROR, PBS_POLICY_ERROR);
  /* stable across calls */
  CU_ASSERT_EQUAL (pbs_score_error_quark (), pbs_score_error_quark ());
}

/* Criticals from g_return_if_fail in the library, counted instead of
 * printed, and not fatal even under G_DEBUG=fatal-criticals
 * (check-valgrind): a setter on a sealed evaluation, or out of its range,
 * is a programmer error. */
typedef struct {
  GLogLevelFlags always_fatal;
  guint          handler;
  guint          n;
} Criticals;

static void
count_critical (const char *domain, GLogLevelFlags level, const char *message, gpointer data)
{
  Criticals *c = data;

  (void) domain;
  (void) level;
  (void) message;
  c->n++;
}

static void
criticals_begin (Criticals *c)
{
  c->n = 0;
  c->always_fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK);
  c->handler = g_log_set_handler ("pbscore", G_LOG_LEVEL_CRITICAL, count_critical, c);
}

/* How many criticals were logged since criticals_begin (). */
static guint
criticals_end (Criticals *c)
{
  g_log_remove_handler ("pbscore", c->handler);
  g_log_set_always_fatal (c->always_fatal);
  return c->n;
}

/* Issue 8: what was scored stays as it was; a what-if works on a copy. */
static void
test_seal_and_copy (void)
{
  static const PbsTestRow rows[] = { { OUT, QTY, "办件量", "90", "≥100件", "90件" } };
  g_autoptr (PbsEvaluation) e = pbs_test_evaluation_new ("100", "90", "10", rows, 1);
  g_autoptr (PbsScorecard) sc = NULL;
  g_autoptr (PbsEvaluation) c = NULL;
  g_autoptr (PbsScorecard) sc2 = NULL;
  PbsIndicator *ind;
  PbsDecimal d;
  Criticals criticals;

  pbs_evaluation_set_title (e, "原表");
  CU_ASSERT_FALSE (pbs_evaluation_is_sealed (e));
  sc = SCORE_OK (e, NULL);
  CU_ASSERT_PTR_NOT_NULL_FATAL (sc);
  CU_ASSERT_TRUE (pbs_evaluation_is_sealed (e));
  ind = pbs_evaluation_get_indicator (e, 0);

  criticals_begin (&criticals);
  pbs_evaluation_set_title (e, "改过");
  CU_ASSERT_FALSE (pbs_indicator_set_actual (ind, "100件", NULL));
  pbs_indicator_set_reason (ind, "原因");
  d = pbs_test_dec ("1");
  pbs_budget_set_printed_score (pbs_evaluation_get_budget (e), &d);
  CU_ASSERT_EQUAL (criticals_end (&criticals), 4);
  ASSERT_STR (pbs_evaluation_get_title (e), "原表");
  ASSERT_STR (pbs_value_get_text (pbs_indicator_get_actual (ind)), "90件");
  CU_ASSERT_FALSE (pbs_budget_get_printed_score (pbs_evaluation_get_budget (e), &d));

  /* the copy is deep and open; the original and its scorecard stay */
  c = pbs_evaluation_copy (e);
  CU_ASSERT_FALSE (pbs_evaluation_is_sealed (c));
  ASSERT_STR (pbs_evaluation_get_title (c), "原表");
  CU_ASSERT_PTR_NOT_EQUAL (pbs_evaluation_get_indicator (c, 0), ind);
  CU_ASSERT_TRUE (pbs_indicator_set_actual (pbs_evaluation_get_indicator (c, 0), "100件", NULL));
  sc2 = SCORE_OK (c, NULL);
  CHECK_ROW_SCORE (sc, 0, "81");
  CHECK_ROW_SCORE (sc2, 0, "90");
  ASSERT_STR (pbs_value_get_text (pbs_indicator_get_actual (ind)), "90件");
}

/* Issue 14: setters refuse what the writer could not save and read back:
 * a year outside 1900–2999 (0 is unset). A band rule with no band is a
 * scoring error, not a silent 0. */
static void
test_setter_ranges (void)
{
  static const PbsTestRow rows[] = { { OUT, QTY, "办件量", "90", "≥100件", "90件" } };
  g_autoptr (PbsEvaluation) e = pbs_test_evaluation_new ("100", "90", "10", rows, 1);
  g_autoptr (GError) error = NULL;
  g_autoptr (PbsScorecard) sc = NULL;
  Criticals criticals;

  pbs_evaluation_set_year (e, 2024);
  criticals_begin (&criticals);
  pbs_evaluation_set_year (e, 4294967295u);
  pbs_evaluation_set_year (e, 1899);
  CU_ASSERT_EQUAL (criticals_end (&criticals), 2);
  CU_ASSERT_EQUAL (pbs_evaluation_get_year (e), 2024);
  pbs_evaluation_set_year (e, 0);
  CU_ASSERT_EQUAL (pbs_evaluation_get_year (e), 0);

  pbs_indicator_set_score_bands (pbs_evaluation_get_indicator (e, 0), PBS_BANDS_OF_VALUE);
  sc = pbs_evaluation_score (e, NULL, &error);
  CU_ASSERT_PTR_NULL (sc);
  PBS_ASSERT_ERROR (error, PBS_SCORE_ERROR, PBS_SCORE_ERROR_BAD_RULE);
  CU_ASSERT_PTR_NOT_NULL (error != NULL ? strstr (error->message, "at least one band") : NULL);
}

static const PbsTestCase cases[] = {
  { "indicator_new", test_indicator_new },
  { "indicator_copies_inputs", test_indicator_copies_inputs },
  { "indicator_target_actual", test_indicator_target_actual },
  { "indicator_bad_text", test_indicator_bad_text },
  { "indicator_fields", test_indicator_fields },
  { "indicator_refcount", test_indicator_refcount },
  { "budget", test_budget },
  { "evaluation_header", test_evaluation_header },
  { "seal_and_copy", test_seal_and_copy },
  { "setter_ranges", test_setter_ranges },
  { "evaluation_indicators", test_evaluation_indicators },
  { "evaluation_budget", test_evaluation_budget },
  { "evaluation_shared_indicator", test_evaluation_shared_indicator },
  { "enum_types", test_enum_types },
  { "flags_type", test_flags_type },
  { "grade_get_label", test_grade_get_label },
  { "status_rule_flag_get_nick", test_status_rule_flag_get_nick },
  { "version", test_version },
  { "error_domains", test_error_domains },
  { NULL, NULL }
};

int
main (void)
{
  return pbs_test_run ("model", cases);
}
