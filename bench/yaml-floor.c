/* yaml-floor.c - the floor of the batch benchmark: a bare libyaml event parse
 *
 * Copyright 2026 The pbscore authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Reads FILE as pbscore reads one (libyaml's parser over the file) and does
 * nothing with the events but count them: no tree, no checks, no values.
 * Every figure of bench/bench-batch.py is a ratio to this program's time on
 * the same file in the same run (doc/performance.md).
 *
 * Usage: bench/yaml-floor FILE
 */
#include <stdio.h>
#include <yaml.h>

int
main (int argc, char **argv)
{
  yaml_parser_t parser;
  yaml_event_t event;
  unsigned long long events = 0;
  int done = 0;
  FILE *f;

  if (argc != 2 || (f = fopen (argv[1], "rb")) == NULL)
    {
      fprintf (stderr, "usage: yaml-floor FILE\n");
      return 2;
    }
  yaml_parser_initialize (&parser);
  yaml_parser_set_input_file (&parser, f);
  while (!done)
    {
      if (!yaml_parser_parse (&parser, &event))
        {
          fprintf (stderr, "%s:%lu:%lu: %s\n", argv[1], (unsigned long) parser.problem_mark.line + 1,
                   (unsigned long) parser.problem_mark.column + 1, parser.problem);
          return 1;
        }
      done = event.type == YAML_STREAM_END_EVENT;
      yaml_event_delete (&event);
      events++;
    }
  yaml_parser_delete (&parser);
  fclose (f);
  printf ("%llu events\n", events);
  return 0;
}
