"""The small test runner of tests/test_overrides.py and tests/test_examples.py.

run() runs test functions and prints one line each; a function that raises
Skip (it needs something not there yet) is counted apart; finish() prints
"N passed, N failed, N skipped" (build-aux/test-summary.sh reads it) and
exits non-zero when a case failed.
"""
import sys
import traceback

counts = {'passed': 0, 'failed': 0, 'skipped': 0}


class Skip(Exception):
    """The case needs something that is not there yet; the message says what."""


def run(suite, *funcs):
    print(f"Suite: {suite}")
    for func in funcs:
        try:
            func()
        except Skip as s:
            print(f"  Test: {func.__name__} ...SKIPPED ({s})")
            counts['skipped'] += 1
        except Exception:  # noqa: BLE001 - any failure is a failed case
            print(f"  Test: {func.__name__} ...FAILED")
            traceback.print_exc(file=sys.stdout)
            counts['failed'] += 1
        else:
            print(f"  Test: {func.__name__} ...passed")
            counts['passed'] += 1


def finish():
    print(f"\n{counts['passed']} passed, {counts['failed']} failed, {counts['skipped']} skipped")
    sys.exit(0 if counts['failed'] == 0 else 1)
