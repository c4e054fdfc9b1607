#!/usr/bin/python3
# summary.py - a batch of evaluations summed up by department
#
# Copyright 2026 The pbscore authors
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Usage: summary.py FILE...

Scores every evaluation of the FILEs (any documents pbscore reads) and
prints, for each department (主管部门) in order of first appearance, how
many tables it has, how many got each grade, how many are incomplete, and
its lowest total. Exit status 0, or 1 with the library's located message
on stderr.
"""
import collections
import sys

import gi

gi.require_version('Pbs', '1.0')
from gi.repository import GLib, Pbs  # noqa: E402

GRADES = ('优', '良', '中', '差')


def main(argv):
    if len(argv) < 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    by_department = collections.defaultdict(list)   # keeps first-appearance order
    try:
        for path in argv[1:]:
            for evaluation in Pbs.load(path):
                department = evaluation.get_department() or '（未填主管部门）'
                by_department[department].append(evaluation.score(None))
    except GLib.Error as e:
        print(f"summary.py: {e.message}", file=sys.stderr)
        return 1

    for department, scorecards in by_department.items():
        grades = collections.Counter(sc.grade for sc in scorecards)
        counts = '  '.join(f"{g} {grades[g]}" for g in GRADES)
        lowest = min(scorecards, key=lambda sc: sc.total)
        print(f"{department}: {len(scorecards)} 张自评表  {counts}  不完整 {grades[None]}")
        print(f"  最低总分 {lowest.total}（{lowest.get_evaluation().get_title()}）")
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
