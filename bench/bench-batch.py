#!/usr/bin/env python3
"""The batch benchmark of issue 12 (doc/performance.md): pbscore on large batch files,
every figure a ratio to a bare libyaml parse of the same file in the same run.

  bench/bench-batch.py [options] N [N ...]        (make bench-batch: 10000 40000)
    --pbscore PATH       the pbscore program (default tools/pbscore)
    --floor PATH         bench/yaml-floor (default bench/yaml-floor)
    --bench-score PATH   bench/bench-score, for the re-scoring rates (default bench/bench-score)
    --dir DIR            where the batch files go (default a temporary folder, removed)
    --huge ROWS          also one huge evaluation of ROWS dense rows (gen-batch.py --rows
                         ROWS --dense): each format's peak memory over the file's size
                         (make bench-batch: 200000; 0 skips it)
    --check              a smoke run for make check: also compare every document of
                         the first batch between bench/pyscore.py and pbscore, and fail
                         on a difference or a failed command

For each N, bench/gen-batch.py writes a batch of N evaluations (30 realistic
rows each); then, on that file, one after the other: the floor, `pbscore validate`,
`pbscore score --format jsonl|csv|text|json` (standard output to /dev/null),
and bench/pyscore.py (Python + PyYAML's C loader) writing JSON Lines. Each is
timed by wall clock with its peak resident memory (getrusage of the child). Then
linearity (the last N's time over the first's, against the ratio of the sizes),
pbscore's speed-up over Python, and the in-memory re-scoring rates
(bench-score --rescore), and the peak memory of one huge evaluation against
its file (--huge). The numbers are only as quiet as the machine: run it when
nothing else runs.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from decimal import Decimal

HERE = os.path.dirname(os.path.abspath(__file__))
COMMANDS = [
    ('validate', ['validate']),
    ('score jsonl', ['score', '--format', 'jsonl']),
    ('score csv', ['score', '--format', 'csv']),
    ('score text', ['score', '--format', 'text']),
    ('score json', ['score', '--format', 'json']),
    # the above parse ahead on a second thread (the default with two or
    # more processors); these two show one thread for comparison
    ('validate 1 thr', ['validate', '--threads', '1']),
    ('jsonl 1 thr', ['score', '--format', 'jsonl', '--threads', '1']),
]
HUGE_FORMATS = ['text', 'markdown', 'csv', 'json', 'jsonl', 'yaml', 'html']


GNU_TIME = '/usr/bin/time'


def unwrapped(program):
    """The real binary behind a libtool wrapper script (tools/pbscore in a
    build tree), with the library folder it adds to LD_LIBRARY_PATH set in
    this process's environment: the wrapper itself takes about 0.1 s a run
    (it runs sed and friends), which the floor does not pay. Anything else
    is returned as it is."""
    real = os.path.join(os.path.dirname(program), '.libs', os.path.basename(program))
    try:
        with open(program, 'rb') as f:
            head = f.read(65536).decode('utf-8', 'replace')
    except OSError:
        return program
    match = re.search(r'^ *LD_LIBRARY_PATH="([^"$]*)', head, re.M)
    if not head.startswith('#!') or 'libtool' not in head or not os.path.isfile(real) or not match:
        return program
    folders = [d for d in match.group(1).split(':') if d]
    os.environ['LD_LIBRARY_PATH'] = ':'.join(folders + [os.environ.get('LD_LIBRARY_PATH', '')]).rstrip(':')
    return real


def run(argv, stdout=subprocess.DEVNULL):
    """(wall seconds, peak RSS in MiB, exit status) of one program.

    The peak is GNU time's (%M) when it is installed: a child forked from
    this Python process would count Python's own pages until its exec.
    """
    with tempfile.NamedTemporaryFile('r') as peak:
        timed = [GNU_TIME, '-f', '%M', '-o', peak.name, *argv] if os.path.exists(GNU_TIME) else argv
        t0 = time.monotonic()
        proc = subprocess.Popen(timed, stdout=stdout, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.monotonic() - t0
        err = proc.stderr.read().decode('utf-8', 'replace')
        proc.stderr.close()
        kib = usage.ru_maxrss
        if timed is not argv:
            lines = peak.read().split()
            kib = int(lines[-1]) if lines and lines[-1].isdigit() else kib
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        print(f'# {" ".join(argv)}: exit {code}: {err.strip()[:300]}', file=sys.stderr)
    return wall, kib / 1024, code


def compare(pbs_lines, py_lines):
    """Differences between pbscore's JSON Lines and pyscore's, document by document."""
    bad = []
    if len(pbs_lines) != len(py_lines):
        bad.append(f'{len(pbs_lines)} documents from pbscore, {len(py_lines)} from pyscore')
    for n, (a, b) in enumerate(zip(pbs_lines, py_lines), 1):
        x = json.loads(a, parse_float=Decimal, parse_int=Decimal)
        y = json.loads(b)
        got = [('title', x['title'], y['title']), ('total', x['total'], Decimal(y['total'])),
               ('grade', x['grade'], y['grade']),
               ('budget score', x['budget']['score'], Decimal(y['budget']['score'])),
               ('rows', len(x['indicators']), len(y['indicators']))]
        for r, s in zip(x['indicators'], y['indicators']):
            got.append((f'row {r["row"]} score', r['score'], Decimal(s['score'])))
            got.append((f'row {r["row"]} status', r['status'], s['status']))
        bad += [f'document {n}: {what}: pbscore {p}, pyscore {q}' for what, p, q in got if p != q]
    return bad


def huge(pbscore, folder, rows):
    """One evaluation of @rows dense rows: each command's peak memory over the
    file's size (the target of issues 12 and 14: at most 3)."""
    if rows <= 0:
        return []
    path = os.path.join(folder, f'huge-{rows}.yaml')
    subprocess.run([sys.executable, os.path.join(HERE, 'gen-batch.py'), '--rows', str(rows), path, '--dense'],
                   check=True)
    size = os.path.getsize(path) / (1 << 20)
    print(f'\n## one huge evaluation: {rows} dense rows, {size:.1f} MiB')
    print(f'{"command":<16} {"time s":>8} {"peak MiB":>9} {"/ file":>7}')
    failed = []
    for name, args in [('validate', ['validate'])] + [(f'score {f}', ['score', '--format', f]) for f in HUGE_FORMATS]:
        t, m, code = run([pbscore, *args, path])
        failed += [f'{name} (huge)'] if code else []
        print(f'{name:<16} {t:8.2f} {m:9.1f} {m / size:7.2f}')
    return failed


def main(argv):
    opts = {'--pbscore': 'tools/pbscore', '--floor': 'bench/yaml-floor', '--bench-score': 'bench/bench-score',
            '--dir': None, '--huge': '0'}
    check = False
    sizes = []
    while argv:
        a = argv.pop(0)
        if a in opts:
            opts[a] = argv.pop(0)
        elif a == '--check':
            check = True
        else:
            sizes.append(int(a))
    if not sizes:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    pbscore, floor = unwrapped(opts['--pbscore']), opts['--floor']
    folder = opts['--dir'] or tempfile.mkdtemp(prefix='pbs-bench-')
    failed = []
    results = {}
    try:
        print(f'# {os.cpu_count()} CPUs; load average {os.getloadavg()[0]:.2f} at the start')
        for n in sizes:
            path = os.path.join(folder, f'batch-{n}.yaml')
            subprocess.run([sys.executable, os.path.join(HERE, 'gen-batch.py'), str(n), path], check=True)
            size = os.path.getsize(path) / 1e6
            print(f'\n## {n} evaluations, {30 * n} rows, {size:.1f} MB')
            # the floor twice (the first also brings the file into the page cache)
            run([floor, path])
            t_floor, m_floor, code = run([floor, path])
            failed += ['floor'] if code else []
            res = {'floor': (t_floor, m_floor)}
            print(f'{"command":<16} {"time s":>8} {"/ floor":>8} {"peak MiB":>9}')
            print(f'{"libyaml parse":<16} {t_floor:8.2f} {1:8.2f} {m_floor:9.1f}')
            for name, args in COMMANDS:
                t, m, code = run([pbscore, *args, path])
                failed += [f'{name} ({n})'] if code else []
                res[name] = (t, m)
                print(f'{name:<16} {t:8.2f} {t / t_floor:8.2f} {m:9.1f}')
            out = os.path.join(folder, f'py-{n}.jsonl')
            with open(out, 'w') as fh:
                t, m, code = run([sys.executable, os.path.join(HERE, 'pyscore.py'), path], stdout=fh)
            failed += [f'pyscore ({n})'] if code else []
            res['python'] = (t, m)
            print(f'{"python jsonl":<16} {t:8.2f} {t / t_floor:8.2f} {m:9.1f}')
            print(f'pbscore score --format jsonl is {t / res["score jsonl"][0]:.1f}x faster than Python')
            results[n] = res
            if check and n == sizes[0]:
                mine = subprocess.run([pbscore, 'score', '--format', 'jsonl', path], stdout=subprocess.PIPE,
                                      check=False).stdout.decode('utf-8').splitlines()
                with open(out, encoding='utf-8') as fh:
                    bad = compare(mine, fh.read().splitlines())
                for line in bad[:10]:
                    print(f'not ok - pyscore differs: {line}')
                failed += ['pyscore against pbscore'] if bad else []
                if not bad:
                    print(f'# pyscore and pbscore agree on all {len(mine)} documents')
        if len(sizes) > 1:
            a, b = sizes[0], sizes[-1]
            print(f'\n## linearity: {b} / {a} evaluations ({b / a:.0f}x the input)')
            for name in ['floor'] + [c for c, _ in COMMANDS] + ['python']:
                ta, tb = results[a][name][0], results[b][name][0]
                print(f'{name:<16} {tb / ta:6.2f}x time   peak {results[a][name][1]:.0f} -> {results[b][name][1]:.0f} MiB')
        bench = opts['--bench-score']
        if os.path.exists(bench) and not check:
            print('\n## re-scoring in memory, one core')
            sys.stdout.flush()
            subprocess.run([bench, '--rescore', os.path.join(folder, f'batch-{sizes[0]}.yaml')], check=False)
        failed += huge(pbscore, folder, int(opts['--huge']))
        print(f'\n# load average {os.getloadavg()[0]:.2f} at the end')
    finally:
        if opts['--dir'] is None:
            shutil.rmtree(folder, ignore_errors=True)
    if failed:
        print(f'not ok - failed: {", ".join(failed)}')
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
