#!/usr/bin/python3
# whatif.py - what if one row's actual had been different?
#
# Copyright 2026 The pbscore authors
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Usage: whatif.py FILE [ROW ACTUAL]

Scores the first evaluation of FILE (any document pbscore reads), then a
copy of it in which row ROW (numbered from 1) has the actual ACTUAL (text
as a table prints it, such as 100% or 1200项), and prints what changed:
the rows whose score or status moved, the total and the grade. Without
ROW and ACTUAL, the first row that missed a numeric target is given its
target. The evaluation itself is never changed: once scored it is sealed.
Exit status 0, or 1 with the library's located message on stderr.
"""
import sys

import gi

gi.require_version('Pbs', '1.0')
from gi.repository import GLib, Pbs  # noqa: E402


def target_as_actual(scorecard):
    """(row number, actual) for the first missed row with a numeric target."""
    for row in scorecard.rows:
        if row.status == 'met':
            continue
        target = scorecard.get_evaluation().get_indicator(row.number - 1).get_target()
        ok, number = target.get_number() if target is not None else (False, None)
        if ok:
            return row.number, f"{number}{target.get_unit() or ''}"
    return None


def main(argv):
    if len(argv) not in (2, 4):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    try:
        evaluation = Pbs.load(argv[1])[0]
        before = evaluation.score(None)
        if len(argv) == 4:
            number, actual = int(argv[2]), argv[3]
        else:
            change = target_as_actual(before)
            if change is None:
                print("every row with a numeric target met it: nothing to try")
                return 0
            number, actual = change
        if not 1 <= number <= before.get_n_rows():
            print(f"whatif.py: no row {number} (1 to {before.get_n_rows()})", file=sys.stderr)
            return 2

        what_if = evaluation.copy()
        what_if.get_indicator(number - 1).set_actual(actual)
        after = what_if.score(None)
    except GLib.Error as e:
        print(f"whatif.py: {e.message}", file=sys.stderr)
        return 1

    old_row = before.rows[number - 1]
    print(f"{evaluation.get_title()}: row {number} {old_row.name}: "
          f"actual {old_row.actual} → {actual}")
    for old, new in zip(before.rows, after.rows):
        if (old.score, old.status) != (new.score, new.status):
            print(f"  row {old.number}: score {old.score} → {new.score}, "
                  f"{old.status} → {new.status}")
            print(f"    {new.explanation}")
    print(f"  total {before.total} → {after.total}, "
          f"grade {before.grade or '—'} → {after.grade or '—'}")
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
