"""The environment the Python tests run the pbscore command in.

Shared by tests/test_cli.py and tests/test_oracle.py (make check runs each
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
