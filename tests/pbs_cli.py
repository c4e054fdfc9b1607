"""What the Python tests of the pbscore command share: its environment, a
run of it, input files written for it, expectations and named cases (run
by tests/pbscases.py).

Shared by tests/test_cli.py, test_import.py, test_import_office.py,
test_stream.py, test_report_xlsx.py and test_oracle.py (make check runs
each as a script, so this file, beside them, is importable).
"""

import os
import subprocess
import tempfile
import time

import pbscases


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
    """Runs each case (a function that raises on failure), prints its line,
    then "N passed, N failed, N skipped"; returns the exit status."""
    for case in cases:
        pbscases.run_one(case.__name__, case)
    return pbscases.summary()


def without_file(value, path):
    """@value (parsed JSON) with every string naming @path replaced by FILE."""
    if isinstance(value, dict):
        return {k: without_file(v, path) for k, v in value.items()}
    if isinstance(value, list):
        return [without_file(v, path) for v in value]
    if isinstance(value, str) and path in value:
        return value.replace(path, 'FILE')
    return value


def without_places(value):
    """@value (parsed JSON) without the `place` of its rows and findings:
    a row read from a table cites its cell there, one of a YAML document
    has none (doc/report.md), and that is the one difference expected."""
    if isinstance(value, dict):
        return {k: without_places(v) for k, v in value.items() if k != 'place'}
    if isinstance(value, list):
        return [without_places(v) for v in value]
    return value


def write_file(folder, name, content):
    """Writes @content (text, as UTF-8, or bytes) to @folder/@name, replacing
    it; returns the path."""
    path = os.path.join(folder, name)
    with open(path, 'wb') as f:
        f.write(content.encode('utf-8') if isinstance(content, str) else content)
    return path


def write_batch(folder, name, *docs):
    """Writes the YAML documents @docs to @folder/@name, `---` between them;
    returns the path."""
    return write_file(folder, name, '---\n'.join(docs))


def run_on_file(run, content, *args, name='doc.yaml'):
    """Writes @content (as write_file) to @name in a new temporary folder
    and returns run(*args, path): a test file's own runner of the program,
    with the file last. Messages name the file: it is the run's last
    argument (r.args[-1])."""
    with tempfile.TemporaryDirectory() as tmp:
        return run(*args, write_file(tmp, name, content))


class Run:
    """The outcome of one run of the program."""

    def __init__(self, args, rc, out, err, seconds):
        self.args, self.rc, self.out, self.err, self.seconds = args, rc, out, err, seconds

    def __repr__(self):
        return (f"pbscore {' '.join(self.args)} → exit {self.rc}\n--- stdout:\n{self.out[:1500]}"
                f"\n--- stderr:\n{self.err[:1500]}")


def expect(cond, what, run=None):
    if not cond:
        raise AssertionError(what + (f"\n{run!r}" if run is not None else ''))


def run_program(cli, args, stdin=None, cwd=None, timeout=120):
    """Runs @cli with @args in @cwd; its output must be UTF-8, its status 0,
    1 or 2 (never a crash), and GLib must not complain."""
    start = time.monotonic()
    proc = subprocess.run([cli, *args], input=stdin.encode('utf-8') if isinstance(stdin, str) else stdin,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=cwd, env=cli_env(),
                          timeout=timeout, check=False)
    run = Run(list(args), proc.returncode, proc.stdout.decode('utf-8'), proc.stderr.decode('utf-8'),
              time.monotonic() - start)
    expect(run.rc in (0, 1, 2), 'the program crashed or exited with a status outside 0, 1, 2', run)
    expect('CRITICAL' not in run.err and 'WARNING **' not in run.err, 'GLib complained', run)
    return run


class Cases:
    """Named cases, registered with @cases.case('name') and run in order,
    each printed as "ok - name" or "not ok - name" with its traceback."""

    def __init__(self):
        self.cases = []

    def case(self, name):
        def register(func):
            func.case_name = name
            self.cases.append(func)
            return func
        return register

    def run(self):
        """Runs the cases in order; prints "N passed, N failed, N skipped"
        and returns the exit status. PBS_CASES, when set, runs only the
        cases whose name holds one of its |-separated parts (running a
        later test file against an older pbscore, doc/hardening.md)."""
        only = [part for part in os.environ.get('PBS_CASES', '').split('|') if part]
        for func in self.cases:
            if not only or any(part in func.case_name for part in only):
                pbscases.run_one(func.case_name, func)
        return pbscases.summary()
