/* pbs-doc-rule.c - reading an indicator's own `rule:`
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>

#include "pbs-doc-rule.h"

static const char * const rule_keys[] = { "kind", "per", "deduct", "steps", "of", "bands", NULL };
enum { R_KIND, R_PER, R_DEDUCT, R_STEPS, R_OF, R_BANDS, R_N };
static const char * const band_keys[] = { "min", "max", "score", NULL };

gboolean
pbs_read_rule (const PbsConv *c, guint32 node, PbsIndicator *ind, GError **error)
{
  const char *what = "a rule", *kind = NULL;
  guint32 v[R_N];

  if (!pbs_read_mapping (c, node, what, rule_keys, v, error)
      || !pbs_read_require (c, node, v[R_KIND], "kind", what, error)
      || !pbs_read_string (c, v[R_KIND], "kind", &kind, error))
    return FALSE;

  if (strcmp (kind, "step") == 0)
    {
      PbsDecimal per, deduct;
      int mode = PBS_STEP_EXACT;

      if (v[R_OF] != PBS_YAML_NONE || v[R_BANDS] != PBS_YAML_NONE)
        return pbs_read_fail (c, error, v[R_OF] != PBS_YAML_NONE ? v[R_OF] : v[R_BANDS],
                              PBS_DOCUMENT_ERROR_UNKNOWN_KEY,
                              "“%s” belongs to a band rule, not a step rule",
                              v[R_OF] != PBS_YAML_NONE ? "of" : "bands");

      if (!pbs_read_require (c, node, v[R_PER], "per", "a step rule", error)
          || !pbs_read_require (c, node, v[R_DEDUCT], "deduct", "a step rule", error)
          || !pbs_read_decimal (c, v[R_PER], "per", TRUE, &per, error)
          || !pbs_read_decimal (c, v[R_DEDUCT], "deduct", TRUE, &deduct, error)
          || (!pbs_read_is_null (c, v[R_STEPS])
              && !pbs_read_nick (c, v[R_STEPS], "steps", PBS_TYPE_STEP_MODE, &mode, error)))
        return FALSE;
      if (pbs_decimal_sign (&per) == 0)
        return pbs_read_fail (c, error, v[R_PER], PBS_DOCUMENT_ERROR_OUT_OF_RANGE,
                              "“per” must be above 0");
      pbs_indicator_set_step (ind, &per, &deduct, mode);
      return TRUE;
    }
  if (strcmp (kind, "bands") == 0)
    {
      int of = PBS_BANDS_OF_DEVIATION;
      guint32 list;

      for (guint k = R_PER; k <= R_STEPS; k++)
        if (v[k] != PBS_YAML_NONE)
          return pbs_read_fail (c, error, v[k], PBS_DOCUMENT_ERROR_UNKNOWN_KEY,
                                "“%s” belongs to a step rule, not a band rule", rule_keys[k]);

      if (!pbs_read_require (c, node, v[R_BANDS], "bands", "a band rule", error)
          || (!pbs_read_is_null (c, v[R_OF])
              && !pbs_read_nick (c, v[R_OF], "of", PBS_TYPE_BANDS_MEASURE, &of, error)))
        return FALSE;
      list = v[R_BANDS];
      if (pbs_yaml_node (c->t, list)->type != PBS_YAML_SEQUENCE || pbs_yaml_node (c->t, list)->count == 0)
        return pbs_read_fail (c, error, list, PBS_DOCUMENT_ERROR_WRONG_TYPE,
                              "“bands” must be a list of bands such as {max: 10, score: 5}");
      pbs_indicator_set_score_bands (ind, of);
      for (guint32 i = 0; i < pbs_yaml_node (c->t, list)->count; i++)
        {
          guint32 band = pbs_yaml_kid (c->t, list, i), w[3];
          PbsDecimal min, max, score;

          if (!pbs_read_mapping (c, band, "a band", band_keys, w, error)
              || !pbs_read_require (c, band, w[2], "score", "a band", error)
              || !pbs_read_decimal (c, w[2], "score", TRUE, &score, error)
              || (!pbs_read_is_null (c, w[0]) && !pbs_read_decimal (c, w[0], "min", FALSE, &min, error))
              || (!pbs_read_is_null (c, w[1]) && !pbs_read_decimal (c, w[1], "max", FALSE, &max, error)))
            return FALSE;
          /* A band no value can fall in would score its rows 0 unseen. */
          if (!pbs_read_is_null (c, w[0]) && !pbs_read_is_null (c, w[1])
              && pbs_decimal_compare (&min, &max) > 0)
            return pbs_read_fail (c, error, band, PBS_DOCUMENT_ERROR_OUT_OF_RANGE,
                                  "a band's min is above its max: no value falls in it");
          pbs_indicator_add_score_band (ind, pbs_read_is_null (c, w[0]) ? NULL : &min,
                                        pbs_read_is_null (c, w[1]) ? NULL : &max, &score);
        }
      return TRUE;
    }
  return pbs_read_fail (c, error, v[R_KIND], PBS_DOCUMENT_ERROR_BAD_VALUE,
                        "a rule's kind must be step or bands, not “%s”", kind);
}
