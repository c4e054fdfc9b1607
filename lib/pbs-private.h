/* pbs-private.h - structures shared inside libpbscore (never installed)
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <yaml.h>

#include "pbscore/pbscore.h"
#include "pbs-rational.h"

G_BEGIN_DECLS

/* A parsed 年度指标值 / 实际完成值. It lives inline in PbsIndicator (no heap
 * block per number); the text and the unit share one allocation,
 * "text\0unit\0". */
struct _PbsValue
{
  char         *text;       /* owned; NULL when the value is unset */
  const char   *unit;       /* points into @text's allocation; never NULL when set */
  PbsDecimal    lo;         /* the number, a range's low bound, or the date as yyyymmdd */
  PbsDecimal    hi;         /* a range's high bound */
  PbsValueKind  kind;
  PbsOperator   op;
  guint16       year;
  guint8        month;
  guint8        day;        /* 0: the date is given to the month only */
  gboolean      boolean;
};

gboolean pbs_value_init_parse (PbsValue   *self,
                               const char *text,
                               GError    **error);
void     pbs_value_clear      (PbsValue   *self);
gboolean pbs_value_is_set     (const PbsValue *self);

typedef enum {
  PBS_ROW_RULE_COMPARE,   /* the comparison signs of rule book §4 */
  PBS_ROW_RULE_STEP,
  PBS_ROW_RULE_BANDS,
} PbsRowRule;

typedef struct {
  PbsDecimal min;
  PbsDecimal max;
  PbsDecimal score;
  gboolean   has_min;
  gboolean   has_max;
} PbsScoreBand;

struct _PbsIndicator
{
  gatomicrefcount ref_count;
  char       *level1;
  char       *level2;
  char       *name;
  char       *reason;
  PbsValue    target;
  PbsValue    actual;
  PbsDecimal  points;
  PbsDecimal  manual_score;
  PbsDecimal  printed_score;
  PbsBand     band;
  PbsBand     words_band;  /* the actual's words read against the target */
  guint       line;        /* 1-based source line, 0 when not from a file */
  guint       column;      /* 1-based source column */
  char       *parent;      /* nullable: the row this one details */
  PbsRowRule  rule;
  PbsDecimal  step_per;
  PbsDecimal  step_deduct;
  PbsStepMode step_mode;
  PbsBandsMeasure bands_of;
  GArray     *bands;       /* PbsScoreBand; NULL unless rule is BANDS */
  guint       has_manual_score : 1;
  guint       has_printed_score : 1;
  guint       not_applicable : 1;
  guint       reason_given : 1;   /* pbs_reason_is_given (reason), kept current */
  guint       qizhong : 1;        /* the name starts with 其中: a child row */
};

struct _PbsBudget
{
  gatomicrefcount ref_count;
  PbsDecimal annual;
  PbsDecimal executed;
  PbsDecimal initial;
  PbsDecimal points;
  PbsDecimal printed_score;
  guint      has_initial : 1;
  guint      has_points : 1;
  guint      has_printed_score : 1;
};

struct _PbsPolicy
{
  gatomicrefcount        ref_count;
  char                  *name;
  char                  *file;       /* the file it was read from, while unchanged */

  PbsDecimal             budget_points;
  gboolean               budget_cap;
  PbsBudgetZero          budget_zero;
  gboolean               budget_in_total;
  PbsDecimal             budget_explain_below;
  PbsDecimal             budget_yellow_below;
  PbsDecimal             budget_red_gap;

  PbsEqualMode           equal_mode;
  PbsReverseFormula      reverse_formula;
  PbsQualitativeDefaults qualitative_defaults;
  PbsDecimal             date_late;

  PbsDecimal             over_threshold;
  PbsOverAction          over_action;
  PbsDecimal             over_k;

  PbsRoundingMode        rounding_mode;
  guint                  rounding_digits;

  PbsWeightsMode         weights_mismatch;
  PbsDecimal             weights_total;

  PbsDecimal             grades_excellent;
  PbsDecimal             grades_good;
  PbsDecimal             grades_fair;

  PbsDecimal             audit_tolerance;
};

/* An indicator framework (指标体系). */
typedef struct {
  char       *name;
  PbsDecimal  points;
  gboolean    has_points;
  GPtrArray  *level2;      /* char*, owned, NULL-terminated for get_level2_names */
  GPtrArray  *suggested;   /* GStrv per level-2, parallel to level2 (without the NULL) */
} PbsTemplateLevel1;

struct _PbsTemplate
{
  gatomicrefcount ref_count;
  char       *name;
  char       *file;        /* the file it was read from, or NULL */
  char       *title;
  char       *source;
  PbsDecimal  total;
  PbsDecimal  budget_points;
  gboolean    has_budget_points;
  GArray     *level1;      /* PbsTemplateLevel1 */
  GPtrArray  *generic;     /* char*, owned, NULL-terminated */
  GHashTable *rules;       /* indicator name → PbsIndicator carrying its rule */
};

PbsTemplate *pbs_template_new_empty (void);
void         pbs_template_add_level1 (PbsTemplate *self, const char *name,
                                      const PbsDecimal *points);
void         pbs_template_add_level2 (PbsTemplate *self, const char *name,
                                      const char * const *suggested);
void         pbs_template_add_generic (PbsTemplate *self, const char *name);
/* A suggested indicator's rule (carried by an indicator of that name). */
void         pbs_template_add_rule (PbsTemplate *self, PbsIndicator *carrier);
/* Gives @ind the template's rule for its name, if there is one. */
void         pbs_template_apply_rule (const PbsTemplate *self, PbsIndicator *ind);
/* Reads the band of the actual's words again, after the target or the
 * actual changed (scoring then never re-reads words). */
void         pbs_indicator_refresh (PbsIndicator *self);
/* Copies the step or band rule of @src to @dst. */
void         pbs_indicator_copy_rule (PbsIndicator *dst, const PbsIndicator *src);

/* Shipped YAML files of a kind ("templates", "policies"): found in the
 * folders of the environment variable @env, then $(datadir)/pbscore/KIND,
 * then the source tree. */
char        *pbs_datadir_find (const char *kind, const char *env, const char *name);
char       **pbs_datadir_list (const char *kind, const char *env);

/* How a document named its template and policy (`template:` / `policy:`),
 * so that saving writes them back as they were given. */
void         pbs_evaluation_set_refs (PbsEvaluation *self, const char *template_ref,
                                      const char *policy_ref);
const char  *pbs_evaluation_get_template_ref (PbsEvaluation *self);
const char  *pbs_evaluation_get_policy_ref (PbsEvaluation *self);
/* The rows, for loops that must not pay a type check per row. */
GPtrArray   *pbs_evaluation_indicators (PbsEvaluation *self);
/* Where the evaluation was read from: its file and the document's place. */
void         pbs_evaluation_set_source (PbsEvaluation *self, const char *source,
                                        guint line, guint column);
void         pbs_evaluation_get_place (PbsEvaluation *self, guint *line, guint *column);

/* Sets a knob without the checks between knobs, for loaders that set
 * several and call pbs_policy_validate() at the end. */
gboolean     pbs_policy_set_unchecked (PbsPolicy *self, const char *knob,
                                       const char *value, GError **error);

/* A PbsDecimal a caller built by hand is checked at every public entry:
 * its scale must be 0–18 (caller mistakes are g_return_if_fail). */
#define PBS_DECIMAL_VALID(d) ((d)->scale >= 0 && (d)->scale <= PBS_DECIMAL_MAX_SCALE)

/* @d as text without trailing zeros after the point ("97.7000" → "97.7",
 * "90.00" → "90"), for sentences rather than tables. */
char *pbs_decimal_to_short_string (const PbsDecimal *d);

/* Number scanning shared by pbs_decimal_parse() and the value parser:
 * reads an optional sign, ASCII digits with thousands separators in groups
 * of three and an optional fraction from @p (already free of full-width
 * digits). On success *@endp is the first byte after the number. */
gboolean pbs_scan_number (const char  *p,
                          PbsDecimal  *out,
                          const char **endp,
                          GError     **error);

/* Copies @text with full-width digits, signs and white space folded to
 * ASCII and surrounding white space trimmed. */
char    *pbs_fold_width  (const char *text);

/* Is @reason a real 偏差原因 (not empty, not a placeholder such as 无 / -)? */
gboolean pbs_reason_is_given (const char *reason);

/* ------------------------------------------------------- writing YAML */

/* libyaml's emitter with pbscore's settings (UTF-8 kept, no line width),
 * shared by the evaluation and policy writer and the reports. Errors are
 * collected and reported by pbs_yaml_out_end(). */
typedef struct {
  yaml_emitter_t emitter;
  GString       *out;
  gboolean       failed;
} PbsYamlOut;

gboolean pbs_yaml_out_begin       (PbsYamlOut *w, GString *out, GError **error);
gboolean pbs_yaml_out_end         (PbsYamlOut *w, GError **error);
void     pbs_yaml_document_start  (PbsYamlOut *w, gboolean implicit);
void     pbs_yaml_document_end    (PbsYamlOut *w);
/* A scalar; NULL writes null. Under YAML_ANY_SCALAR_STYLE a text the
 * reader would take for null, a boolean or a number is quoted. */
void     pbs_yaml_scalar          (PbsYamlOut *w, const char *text, yaml_scalar_style_t style);
void     pbs_yaml_mapping_start   (PbsYamlOut *w);
void     pbs_yaml_mapping_end     (PbsYamlOut *w);
void     pbs_yaml_sequence_start  (PbsYamlOut *w, yaml_sequence_style_t style);
void     pbs_yaml_sequence_end    (PbsYamlOut *w);
/* key: value pairs: a string quoted when needed, always quoted, a plain
 * word, an exact decimal. */
void     pbs_yaml_string          (PbsYamlOut *w, const char *key, const char *value);
void     pbs_yaml_quoted          (PbsYamlOut *w, const char *key, const char *value);
void     pbs_yaml_plain           (PbsYamlOut *w, const char *key, const char *value);
void     pbs_yaml_number          (PbsYamlOut *w, const char *key, const PbsDecimal *d);

/* ---------------------------------------------------------------- rules */

typedef struct {
  const PbsPolicy    *policy;
  const PbsIndicator *indicator;
  PbsLanguage         language;
  guint               row;       /* 1-based, for messages */
  const char         *source;    /* the file the row was read from, or NULL */
  gboolean            want_ratio; /* compute the completion ratio, not only whether one exists */
} PbsRuleInput;

/* Sets @error to "FILE:LINE:COLUMN: row N (name): what" — the place when
 * the row was read from a file (rule book quality bar: every input error
 * names file, line, column and row). @ind may be NULL for the document. */
void pbs_set_row_error (GError **error, GQuark domain, int code, const char *source,
                        guint row, const PbsIndicator *ind, const char *what);

typedef struct {
  PbsRule     rule;
  PbsRational raw;         /* unrounded score, already in [0, w] */
  PbsRational ratio;       /* completion a/t when has_ratio */
  PbsFlags    flags;
  gboolean    met;
  gboolean    has_ratio;
} PbsRuleResult;

/* Scores one applicable row that has an actual. When @explain is non-NULL,
 * the rule appends its explanation (rule, inputs, formula with numbers)
 * in @in->language; the caller appends the rounding. */
gboolean pbs_rules_score_row (const PbsRuleInput *in,
                              PbsRuleResult      *out,
                              GString            *explain,
                              GError            **error);

/* The audit's view of a scorecard: a row's unrounded score under another
 * policy (NULL: the scorecard's), and the unrounded budget score against
 * 全年预算数 or 年初预算数, capped or not. FALSE when there is none. */
gboolean pbs_scorecard_row_raw    (PbsScorecard *self, guint row, const PbsPolicy *policy,
                                   PbsRational *raw, PbsRule *rule);
gboolean pbs_scorecard_budget_raw (PbsScorecard *self, gboolean initial, gboolean cap,
                                   PbsRational *raw);
/* A raw total brought to the scorecard's total points as the total was
 * (not-applicable rows, weights.mismatch rescale): unchanged otherwise. */
gboolean pbs_scorecard_rescale    (PbsScorecard *self, const PbsDecimal *raw, PbsDecimal *out);

/* The nick of an enum value (its stable name), "" for an unknown value. */
const char *pbs_enum_nick (GType type, int value);

/* Appends @r as a decimal: exact when it terminates within 6 places,
 * otherwise 4 places followed by "…". */
void     pbs_append_rational (GString *s, const PbsRational *r);
void     pbs_append_decimal  (GString *s, const PbsDecimal *d);
void     pbs_append_rounding (GString *s, const PbsPolicy *policy, PbsLanguage lang);

G_END_DECLS
