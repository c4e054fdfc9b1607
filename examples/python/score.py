#!/usr/bin/python3
# score.py - score every evaluation of a file and print its table
#
# Copyright 2026 The pbscore authors
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Usage: score.py FILE

FILE is any document pbscore reads (examples/xishan-2024.yaml). Prints each
evaluation's rows with their status (met, partial …), the subtotals, the
budget line, the total and the grade. Exit status 0, or 1 with the
library's located message on stderr.
"""
import sys
import unicodedata

import gi

gi.require_version('Pbs', '1.0')
from gi.repository import GLib, Pbs  # noqa: E402

def cell(text, width):
    """@text padded to @width terminal columns (a Chinese character is two)."""
    text = '' if text is None else str(text)
    used = sum(2 if unicodedata.east_asian_width(c) in 'WF' else 1 for c in text)
    return text + ' ' * max(0, width - used)


def print_table(scorecard):
    evaluation = scorecard.get_evaluation()
    print(evaluation.get_title())
    print()
    for row in scorecard.rows:
        score = row.score if row.score is not None else '—'
        print(f"{row.number:>3}  {cell(row.name, 40)}  {cell(row.target, 12)}"
              f"{cell(row.actual, 12)}{row.points!s:>4}  {score!s:>6}  {row.status}")
    print()
    for sub in scorecard.subtotals:
        name = sub.level1 if sub.level2 is None else '  ' + sub.level2
        print(f"     {cell(name, 40)}  {sub.points!s:>4}  {sub.score!s:>6}")
    budget = scorecard.budget
    if budget is not None:
        rate = f"{budget.rate}%" if budget.rate is not None else '—'
        score = budget.score if budget.score is not None else '—'   # unscored (rule book §11)
        print(f"     {cell('预算执行率 ' + rate, 40)}  {budget.points!s:>4}  {score!s:>6}")
    print()
    print(f"总分 {scorecard.total}  等级 {scorecard.grade or '—（不完整）'}")


def main(argv):
    if len(argv) != 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    try:
        evaluations = Pbs.load(argv[1])
        for i, evaluation in enumerate(evaluations):
            if i:
                print()
            print_table(evaluation.score(None))
    except GLib.Error as e:
        print(f"score.py: {e.message}", file=sys.stderr)
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
