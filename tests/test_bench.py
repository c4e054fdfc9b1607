#!/usr/bin/env python3
"""The batch benchmark's smoke run (bench/bench-batch.py --check 10).

Ten generated evaluations go through every command the benchmark times
(the libyaml floor, pbscore validate and score in each format, the Python
scorer; one huge evaluation of 1,500 dense rows in every format), which
must all succeed, and bench/pyscore.py must give pbscore's totals, grades,
budget scores and row scores and statuses for every one -- so the yardstick
of doc/performance.md scores the same rules. No time is checked. Prints "N passed, N failed" like the other tests.
"""
import os
import subprocess
import sys

from pbs_cli import cli_env

SRC = os.environ.get('top_srcdir') or os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
BUILD = os.environ.get('top_builddir') or os.getcwd()


def main():
    cli = os.environ.get('PBS_CLI') or os.path.join(BUILD, 'tools', 'pbscore')
    proc = subprocess.run([sys.executable, os.path.join(SRC, 'bench', 'bench-batch.py'), '--check',
                           '--pbscore', cli, '--floor', os.path.join(BUILD, 'bench', 'yaml-floor'), '--huge', '1500', '10'],
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=cli_env(), check=False,
                          timeout=600)
    out = proc.stdout.decode('utf-8', 'replace')
    print(out)
    ok = (proc.returncode == 0 and 'agree on all 10 documents' in out
          and 'one huge evaluation: 1500 dense rows' in out and 'score html' in out)
    print(f'{int(ok)} passed, {int(not ok)} failed')
    return 0 if ok else 1


if __name__ == '__main__':
    sys.exit(main())
