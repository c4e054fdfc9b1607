#!/usr/bin/python3
# audit_excel.py - audit a published self-evaluation table
#
# Copyright 2026 The pbscore authors
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Usage: audit_excel.py FILE

FILE is a table as a spending unit published it: an Excel workbook
(examples/xishan-2024.xlsx) or any other document pbscore reads. Every
evaluation in it is scored and checked against what it printed: each
finding (a printed score that differs, with the rounding that explains
it; a missing reason …) is printed with its message. Exit status 0 when
nothing was found, 3 when something was, 1 with the library's located
message on stderr when the file cannot be read.
"""
import sys

import gi

gi.require_version('Pbs', '1.0')
from gi.repository import GLib, Pbs  # noqa: E402


def print_audit(scorecard):
    """Prints the findings of @scorecard's audit; returns how many."""
    audit = Pbs.Audit.new(scorecard)
    print(f"{scorecard.get_evaluation().get_title()}: "
          f"总分 {scorecard.total}，{audit.get_n_findings()} 项审核发现")
    for i in range(audit.get_n_findings()):
        row = audit.get_row(i)
        where = f"row {row + 1}" if row >= 0 else "table"
        ok, printed = audit.get_printed(i)
        ok2, computed = audit.get_computed(i)
        figures = f" printed {printed}, computed {computed}," if ok and ok2 else ""
        print(f"  {audit.get_kind(i).value_nick} ({where}):{figures} "
              f"variant {audit.get_variant(i).value_nick}")
        print(f"    {audit.dup_message(i, Pbs.Language.ZH)}")
    return audit.get_n_findings()


def main(argv):
    if len(argv) != 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    try:
        found = sum(print_audit(ev.score(None)) for ev in Pbs.load(argv[1]))
    except GLib.Error as e:
        print(f"audit_excel.py: {e.message}", file=sys.stderr)
        return 1
    return 3 if found else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
