"""The small test runner of every Python test (tests/test_*.py).

run() runs test functions and prints one line each (run_one() one named
case); a function that raises Skip (it needs something not there yet) is
counted apart; summary() prints "N passed, N failed, N skipped"
(build-aux/test-summary.sh reads it) and returns the exit status, finish()
exits with it.
"""
import sys
import traceback

counts = {'passed': 0, 'failed': 0, 'skipped': 0}


class Skip(Exception):
    """The case needs something that is not there yet; the message says what."""


def run_one(name, func):
    """Runs one case, prints its line and counts it."""
    try:
        func()
    except Skip as s:
        print(f"  Test: {name} ...SKIPPED ({s})")
        counts['skipped'] += 1
    except Exception:  # noqa: BLE001 - any failure is a failed case
        print(f"  Test: {name} ...FAILED")
        traceback.print_exc(file=sys.stdout)
        counts['failed'] += 1
    else:
        print(f"  Test: {name} ...passed")
        counts['passed'] += 1


def run(suite, *funcs):
    print(f"Suite: {suite}")
    for func in funcs:
        run_one(func.__name__, func)


def summary():
    print(f"\n{counts['passed']} passed, {counts['failed']} failed, {counts['skipped']} skipped")
    sys.stdout.flush()
    return 0 if counts['failed'] == 0 else 1


def finish():
    sys.exit(summary())
