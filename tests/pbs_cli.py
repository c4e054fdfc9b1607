"""The environment the Python tests run the pbscore command in.

Shared by tests/test_cli.py, tests/test_oracle.py and tests/test_report_xlsx.py (make check runs each
as a script, so this file, beside them, is importable).
"""

import os


def cli_env():
    """The caller's environment, made independent of the caller's settings.

    Messages in the C locale; templates and policies by name come from the
    program's own search path (the installed data folder, or the source tree
    for the build tree's library), never from a path the caller happens to
    have set; a GLib critical (a caller mistake inside the program) aborts
    the run.
    """
    env = dict(os.environ)
    env['LC_ALL'] = 'C'
    env.pop('LANG', None)
    env.pop('PBSCORE_TEMPLATE_PATH', None)
    env.pop('PBSCORE_POLICY_PATH', None)
    env['G_DEBUG'] = 'fatal-criticals'
    return env


def run_cases(cases):
    """Runs each case (a function that raises on failure), prints PASS or
    FAIL with its traceback, then "N passed, N failed"; returns the exit
    status: 1 when a case failed."""
    import sys
    import traceback
    passed = failed = 0
    for case in cases:
        try:
            case()
            passed += 1
            print('PASS:', case.__name__)
        except Exception:
            failed += 1
            print('FAIL:', case.__name__)
            traceback.print_exc(file=sys.stdout)
    print('%d passed, %d failed' % (passed, failed))
    return 1 if failed else 0


def without_file(value, path):
    """@value (parsed JSON) with every string naming @path replaced by FILE."""
    if isinstance(value, dict):
        return {k: without_file(v, path) for k, v in value.items()}
    if isinstance(value, list):
        return [without_file(v, path) for v in value]
    if isinstance(value, str) and path in value:
        return value.replace(path, 'FILE')
    return value
