/* pbs-skeleton.c - a new, empty self-evaluation for a template
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * `pbscore template new` writes it; it is written by hand rather than by
 * the YAML emitter so that it can carry the comments that tell a person
 * what to fill in (no emitter keeps comments).
 */
#include "config.h"

#include <string.h>

#include "pbs-policy-private.h"

/* A YAML double-quoted scalar, safe for any text (template new, whose
 * skeleton is written by hand for the comments no emitter keeps): YAML's
 * own escapes for the quote, the backslash and control characters, and
 * for what a YAML reader would take as a line break (NEL, U+2028, U+2029,
 * which text copied from Word or PDF holds) or refuse as unprintable (C1
 * controls, U+FEFF, U+FFFE, U+FFFF). */
static void
append_yaml_string (GString *s, const char *text)
{
  g_string_append_c (s, '"');
  for (const char *p = text; *p != '\0';)
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append_printf (s, "\\x%02x", (guchar) *p);
          p++;
          continue;
        }
      p = g_utf8_next_char (p);
      if (c == '"' || c == '\\')
        {
          g_string_append_c (s, '\\');
          g_string_append_c (s, (char) c);
        }
      else if (c < 0x20 || c == 0x7f)
        g_string_append_printf (s, "\\x%02x", c);
      else if (c == 0x85)
        g_string_append (s, "\\N");
      else if (c == 0x2028)
        g_string_append (s, "\\L");
      else if (c == 0x2029)
        g_string_append (s, "\\P");
      else if ((c >= 0x80 && c < 0xA0) || c == 0xFEFF || c == 0xFFFE || c == 0xFFFF)
        g_string_append_printf (s, "\\u%04x", c);
      else
        g_string_append_unichar (s, c);
    }
  g_string_append_c (s, '"');
}

/* Template text in a comment line: whatever a YAML reader takes as a
 * line break (NEL, U+2028, U+2029, which text pasted from Word or PDF
 * holds) would end the comment and start content that does not parse,
 * so the comment gets the text on one line (issue 14). */
static void
append_comment_text (GString *s, const char *text)
{
  g_autofree char *line = pbs_text_one_line (text);

  g_string_append (s, line);
}

/* Splits @total points (2 decimals) over @n rows: the first n−1 rows get
 * the truncated share, the last the rest, so that they add up exactly. */
static void
share_points (const PbsDecimal *total, guint n, guint index, PbsDecimal *out)
{
  PbsDecimal count, share, used;

  pbs_decimal_init (&count, n, 0);
  pbs_decimal_div (total, &count, 2, PBS_ROUNDING_TRUNCATE, &share);
  if (index + 1 < n)
    {
      *out = share;
      return;
    }
  pbs_decimal_init (&count, n - 1, 0);
  pbs_decimal_mul (&share, &count, &used);
  pbs_decimal_sub (total, &used, out);
}

/* A new evaluation for @t: every level-1 / level-2 category with one row,
 * the template's suggested indicator as its name when there is one, and
 * placeholders that load and validate as they stand, each marked for the
 * user to replace. Points follow the template: a level-1's fixed points
 * are shared by its rows; the rest of the total (less the budget line) is
 * shared by the rows of level-1 categories without fixed points. */
/**
 * pbs_template_dup_skeleton:
 * @template_: a #PbsTemplate
 * @ref: how the new document names the template: a shipped name such as
 *   `central-project-2020`, or a path
 *
 * Writes a new, empty self-evaluation for @template_ as a YAML document
 * (format 1) with comments that say what to fill in: one row per level-1
 * and level-2 category, named after the template's suggested indicator
 * where there is one, with the points shared out as the template gives
 * them. The placeholders load and validate as they stand, so the skeleton
 * can be checked while it is filled in.
 *
 * Points: a level-1 category's fixed points are shared by its rows (two
 * decimals, truncated, the last row taking the rest so that they add up
 * exactly); the rest of the total, less the budget line, is shared by the
 * rows of the categories without fixed points.
 *
 * Returns: (transfer full): the document
 *
 * Since: 0.1
 */
char *
pbs_template_dup_skeleton (PbsTemplate *template_, const char *ref)
{
  PbsTemplate *t = template_;
  GString *s;
  PbsDecimal total, budget, fixed, free_points, d;
  guint n1 = pbs_template_get_n_level1 (t);
  guint free_rows = 0, free_index = 0;
  g_autofree char *budget_text = NULL;

  g_return_val_if_fail (template_ != NULL, NULL);
  g_return_val_if_fail (ref != NULL, NULL);

  s = g_string_new (NULL);
  pbs_template_get_total (t, &total);
  if (!pbs_template_get_budget_points (t, &budget))
    pbs_policy_get_budget_points (pbs_policy_get_central (), &budget);
  pbs_decimal_sub (&total, &budget, &free_points);
  pbs_decimal_init (&fixed, 0, 0);
  for (guint i = 0; i < n1; i++)
    {
      const char * const *l2 = pbs_template_get_level2_names (t, i);

      if (pbs_template_get_level1_points (t, i, &d))
        pbs_decimal_sub (&free_points, &d, &free_points);
      else
        free_rows += MAX (l2 != NULL ? g_strv_length ((char **) l2) : 0, 1);
    }

  g_string_append (s, "# ");
  append_comment_text (s, pbs_template_get_title (t));
  g_string_append (s, "（");
  append_comment_text (s, pbs_template_get_name (t));
  g_string_append (s, "）：新建的绩效自评表\n");
  if (pbs_template_get_source (t) != NULL)
    {
      g_string_append (s, "# 依据：");
      append_comment_text (s, pbs_template_get_source (t));
      g_string_append_c (s, '\n');
    }
  g_string_append (s,
                   "#\n"
                   "# 标有「待填写」的值是占位符，能通过 pbscore validate，但必须改为实际内容：\n"
                   "# 项目名称、预算数、每行的三级指标、年度指标值（target）和实际完成值（actual）。\n"
                   "# 每个二级指标下可增删行；各行分值之和应与一级指标分值一致（doc/format.md）。\n"
                   "pbscore: 1\n"
                   "kind: evaluation\n"
                   "title: \"待填写：项目名称\"\n"
                   "# department: 主管部门\n"
                   "# unit: 实施单位\n"
                   "# year: 2025\n"
                   "goals:                     # 年度总体目标（不计分）\n"
                   "  expected: \"待填写：预期目标\"\n"
                   "  achieved: \"待填写：实际完成情况\"\n"
                   "signoff:\n"
                   "  manager: \"待填写：项目负责人\"\n"
                   "  preparer: \"待填写：填报人\"\n"
                   "  phone: \"待填写：联系电话\"\n"
                   "  date: \"待填写：填报日期\"\n"
                   "# printed_total: 0          # 公布的总分（审核用，可省略）\n"
                   "# printed_grade: 优         # 公布的自评等级：优、良、中、差（审核用，可省略）\n"
                   "currency: 万元\n"
                   "template: ");
  append_yaml_string (s, ref);
  budget_text = pbs_decimal_to_string (&budget);
  g_string_append_printf (s,
                          "\n"
                          "# policy: central\n"
                          "budget:\n"
                          "  # initial: 0           # 年初预算数\n"
                          "  annual: 100            # 待填写：全年预算数\n"
                          "  executed: 100          # 待填写：全年执行数\n"
                          "  points: %s\n"
                          "  # printed_score: 0     # 公布的预算执行率得分（审核用，可省略）\n"
                          "  # printed_rate: 100%%   # 公布的执行率，按表上原样（审核用，可省略）\n"
                          "  # sources:             # 其中：资金来源（不计分；合计应等于上面的金额）\n"
                          "  #   - {name: 当年财政拨款, initial: 0, annual: 100, executed: 100}\n"
                          "  #   - {name: 上年结转资金, initial: 0, annual: 0, executed: 0}\n"
                          "  #   - {name: 其他资金, initial: 0, annual: 0, executed: 0}\n"
                          "indicators:\n", budget_text);
  for (guint i = 0; i < n1; i++)
    {
      const char *l1 = pbs_template_get_level1_name (t, i);
      const char * const *l2 = pbs_template_get_level2_names (t, i);
      guint n2 = l2 != NULL ? g_strv_length ((char **) l2) : 0;
      PbsDecimal l1_points;
      gboolean has_points = pbs_template_get_level1_points (t, i, &l1_points);

      for (guint j = 0; j < MAX (n2, 1); j++)
        {
          const char *level2 = n2 > 0 ? l2[j] : "";
          const char * const *suggested = n2 > 0 ? pbs_template_get_suggested (t, l1, level2) : NULL;
          g_autofree char *points = NULL;
          PbsDecimal p;

          if (has_points)
            share_points (&l1_points, MAX (n2, 1), j, &p);
          else
            share_points (&free_points, free_rows, free_index++, &p);
          points = pbs_decimal_to_string (&p);
          g_string_append (s, "  - level1: ");
          append_yaml_string (s, l1);
          g_string_append (s, "\n    level2: ");
          append_yaml_string (s, level2);
          g_string_append (s, "\n    name: ");
          if (suggested != NULL && suggested[0] != NULL)
            {
              append_yaml_string (s, suggested[0]);
              g_string_append (s, "      # 模板建议的指标，可改");
            }
          else
            g_string_append (s, "\"待填写：三级指标\"");
          g_string_append_printf (s,
                                  "\n    target: \"≥100%%\"     # 待填写：年度指标值\n"
                                  "    # actual: \"\"          # 实际完成值（未填则不计分）\n"
                                  "    points: %s\n"
                                  "    reason: \"\"            # 偏差原因分析及改进措施\n"
                                  "    # printed_score: 0     # 公布的得分（审核用，可省略）\n",
                                  points);
        }
    }
  return g_string_free (s, FALSE);
}
