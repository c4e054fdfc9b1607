/* embed.c - libpbscore inside a finance tool: score a batch of evaluations
 * under two policies and list the rows whose status changes
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A finance office that moves from one scoring policy to another wants to
 * know which rows of which tables the move affects. This program reads
 * every evaluation of the files given, scores each under both policies and
 * prints each row whose status (met, partial, unmet …) differs, with both
 * scores, then the totals that changed.
 *
 * Build against an installed pbscore:
 *   cc embed.c $(pkg-config --cflags --libs pbscore-1.0) -o embed
 * Run:
 *   ./embed central data/strict-policy.yaml data/batch-2024.yaml
 * A policy is a preset name (central, yunnan-baoshan …) or a policy file.
 * Exit status: 0, or 1 with a located message on stderr.
 */
#include <stdio.h>
#include <string.h>

#include <pbscore/pbscore.h>

static PbsPolicy *
policy_from_argument (const char *arg, GError **error)
{
  if (strchr (arg, '/') != NULL || g_str_has_suffix (arg, ".yaml"))
    return pbs_policy_load_file (arg, error);
  return pbs_policy_lookup (arg, error);
}

/* A row's score as text, or an em dash for an unscored row. */
static char *
row_score (PbsScorecard *sc, guint row)
{
  PbsDecimal score;

  if (!pbs_scorecard_get_row_score (sc, row, &score))
    return g_strdup ("—");
  return pbs_decimal_to_string (&score);
}

static char *
total_text (PbsScorecard *sc)
{
  PbsDecimal total;

  pbs_scorecard_get_total (sc, &total);
  return pbs_decimal_to_string (&total);
}

/* Prints the rows of @ev whose status differs; returns how many. */
static guint
compare_evaluation (PbsEvaluation *ev, PbsPolicy *base, PbsPolicy *other,
                    guint *n_rows, GError **error)
{
  g_autoptr (PbsScorecard) a = pbs_evaluation_score (ev, base, error);
  g_autoptr (PbsScorecard) b = NULL;
  g_autofree char *total_a = NULL, *total_b = NULL;
  guint changed = 0;

  if (a == NULL)
    return 0;
  b = pbs_evaluation_score (ev, other, error);
  if (b == NULL)
    return 0;

  for (guint row = 0; row < pbs_scorecard_get_n_rows (a); row++)
    {
      PbsStatus sa = pbs_scorecard_get_row_status (a, row);
      PbsStatus sb = pbs_scorecard_get_row_status (b, row);
      g_autofree char *score_a = NULL, *score_b = NULL;

      if (sa == sb)
        continue;
      score_a = row_score (a, row);
      score_b = row_score (b, row);
      printf ("%s, row %u %s: %s → %s (%s → %s)\n",
              pbs_evaluation_get_title (ev), row + 1,
              pbs_indicator_get_name (pbs_evaluation_get_indicator (ev, row)),
              pbs_status_get_nick (sa), pbs_status_get_nick (sb), score_a, score_b);
      changed++;
    }
  *n_rows += pbs_scorecard_get_n_rows (a);

  total_a = total_text (a);
  total_b = total_text (b);
  if (strcmp (total_a, total_b) != 0)
    printf ("%s: total %s → %s\n", pbs_evaluation_get_title (ev), total_a, total_b);
  return changed;
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PbsPolicy) base = NULL;
  g_autoptr (PbsPolicy) other = NULL;
  guint n_evaluations = 0, n_rows = 0, n_changed = 0;

  if (argc < 4)
    {
      fprintf (stderr, "usage: %s BASE-POLICY OTHER-POLICY FILE...\n", argv[0]);
      return 2;
    }
  base = policy_from_argument (argv[1], &error);
  if (base != NULL)
    other = policy_from_argument (argv[2], &error);
  if (other == NULL)
    {
      fprintf (stderr, "embed: %s\n", error->message);
      return 1;
    }

  printf ("%s → %s\n", pbs_policy_get_name (base), pbs_policy_get_name (other));
  for (int i = 3; i < argc; i++)
    {
      /* The array owns its evaluations: unreffing it frees them. */
      g_autoptr (GPtrArray) evaluations = pbs_evaluation_load_file (argv[i], &error);

      if (evaluations == NULL)
        {
          fprintf (stderr, "embed: %s\n", error->message);
          return 1;
        }
      for (guint j = 0; j < evaluations->len; j++)
        {
          n_changed += compare_evaluation (g_ptr_array_index (evaluations, j),
                                           base, other, &n_rows, &error);
          if (error != NULL)
            {
              fprintf (stderr, "embed: %s: %s\n", argv[i], error->message);
              return 1;
            }
          n_evaluations++;
        }
    }
  printf ("%u evaluations, %u rows, %u changed status\n", n_evaluations, n_rows, n_changed);
  return 0;
}
