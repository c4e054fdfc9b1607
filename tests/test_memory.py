#!/usr/bin/env python3
"""Peak memory of batches through the command line (issue 12, doc/cli.md
"Batches"): `pbscore score` on a generated batch of 10,000 evaluations and on
one of 20,000 has the same peak resident memory in every format but xlsx
(which keeps its batch, at most 1,000 evaluations), within a small
tolerance, and stays under 32 MiB, and so do `score --summary` (xlsx too) and
`summary`; for one huge evaluation, JSON, JSON Lines
and YAML add little to what reading and scoring it needs; and one huge
evaluation of dense rows (issue 14: 2 million rows in 227 MB of YAML) needs
at most 3 times its file size, in every format but xlsx and for `validate`
(issue 12's target; doc/performance.md, "One huge evaluation").

The peak is each run's maximum resident set (getrusage RUSAGE_CHILDREN of a
child that runs pbscore alone). Skipped (exit 77) under AddressSanitizer and
valgrind, whose own memory the figures would measure. Standard library only.
"""
import os
import subprocess
import sys
import tempfile

from pbs_cli import Cases, cli_env, expect

CLI = os.environ.get('PBS_CLI')
FORMATS = ['text', 'markdown', 'csv', 'json', 'jsonl', 'html', 'yaml']
SMALL, LARGE = 10000, 20000
MIB = 1024 * 1024

# Realistic rows: every common kind (more is better, reverse, equal, a
# money ceiling), long Chinese names, reasons on the missed ones.
ROWS = [
    ('产出指标', '数量指标', '依托省政务服务平台发布政务服务事项的数量', '≥1100项', '1063项', 15,
     '部分事项因上级系统调整未能按期发布，下一年度加强对接'),
    ('产出指标', '质量指标', '营商环境投诉办结销号率', '=100%', '97.7%', 15, '个别投诉涉及跨部门协调，办理周期较长'),
    ('产出指标', '时效指标', '审批平均办理时限', '≤5个工作日', '6个工作日', 15, '年末业务量集中导致办理时限延长'),
    ('效益指标', '社会效益指标', '政务服务事项网上可办率', '≥95%', '96%', 15, ''),
    ('满意度指标', '服务对象满意度指标', '办事群众满意度', '≥90%', '93%', 15, ''),
    ('成本指标', '经济成本指标', '项目支出控制数', '≤120万元', '118万元', 15, ''),
]


def evaluation(i):
    out = [f'pbscore: 1\ntitle: "昆明市某区政务服务管理局{i}号项目支出绩效自评"\n'
           f'department: "部门{i % 7}"\nunit: "单位{i % 13}"\nyear: 2024\n'
           'budget: {annual: 120, executed: 118}\nindicators:\n']
    for level1, level2, name, target, actual, points, reason in ROWS:
        why = f', reason: "{reason}"' if reason else ''
        out.append(f'  - {{level1: {level1}, level2: {level2}, name: "{name}", target: "{target}", '
                   f'actual: "{actual}", points: {points}{why}}}\n')
    return ''.join(out)


def huge_evaluation(rows):
    out = ['pbscore: 1\ntitle: "一份很长的自评表"\nbudget: {annual: 100, executed: 90}\nindicators:\n']
    for k in range(rows):
        out.append(f'  - {{level1: 产出指标, level2: 数量指标, name: "第{k}项工作任务完成数量", '
                   f'target: "≥10项", actual: "{9 + k % 3}项", points: 0.00045, reason: "原因{k}"}}\n')
    return ''.join(out)


DENSE_ROWS = 250000
DENSE_LEVELS = [('产出', '数量指标'), ('产出', '质量指标'), ('产出', '时效指标'), ('效益', '社会效益'), ('满意度', '满意度')]


def dense_evaluation(rows):
    """One evaluation of @rows short rows, about 110 bytes of YAML each, as
    issue 14's file (and bench/gen-batch.py --rows N --dense)."""
    out = ['pbscore: 1\ntitle: "一份很长的自评表"\nyear: 2024\n'
           'budget: {annual: 100, executed: 90}\nindicators:\n']
    for k in range(rows):
        level1, level2 = DENSE_LEVELS[k * len(DENSE_LEVELS) // rows]
        target = (90, 95, 100, 120)[k % 4]
        actual = target + (-10, -1, 0, 2, 5)[k % 5]
        out.append(f'  - {{level1: {level1}, level2: {level2}, name: 指标{100000 + k}, '
                   f'target: "≥{target}", actual: {actual}, points: 0.00036}}\n')
    return ''.join(out)


def under_a_checker():
    """AddressSanitizer or valgrind, in the environment or in the binary."""
    for key in ('ASAN_OPTIONS', 'LSAN_OPTIONS', 'UBSAN_OPTIONS'):
        if key in os.environ:
            return key
    for key in ('LD_PRELOAD', 'LOG_COMPILER', 'PY_LOG_COMPILER', 'VALGRIND'):
        value = os.environ.get(key, '')
        if 'asan' in value or 'valgrind' in value or (key == 'VALGRIND' and value):
            return key
    here = os.path.dirname(CLI)
    for path in (os.path.join(here, '.libs', 'pbscore'), CLI,
                 os.path.join(here, '..', 'lib', '.libs', 'libpbscore.so')):
        try:
            with open(path, 'rb') as f:
                if b'__asan_init' in f.read():
                    return path
        except OSError:
            pass
    return None


MEASURE = ('import resource, subprocess, sys\n'
           'with open(sys.argv[1], "wb") as out:\n'
           '    rc = subprocess.run(sys.argv[2:], stdout=out, stderr=subprocess.DEVNULL).returncode\n'
           'print(rc, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n')


def peak(args, out_path):
    """Exit status and peak resident memory (bytes) of one pbscore run."""
    proc = subprocess.run([sys.executable, '-c', MEASURE, out_path, CLI, *args],
                          stdout=subprocess.PIPE, check=True, env=cli_env(), timeout=600)
    rc, kib = proc.stdout.split()
    return int(rc), int(kib) * 1024


def write_batches(tmp):
    """The batches of SMALL and LARGE evaluations in @tmp: {n: path}."""
    batches = {}
    for n in (SMALL, LARGE):
        batches[n] = os.path.join(tmp, f'batch-{n}.yaml')
        with open(batches[n], 'w', encoding='utf-8') as f:
            for i in range(n):
                if i:
                    f.write('---\n')
                f.write(evaluation(i))
    return batches


cases = Cases()
case = cases.case
figures = []


@case(f'score: peak memory flat between {SMALL} and {LARGE} evaluations, in every format but xlsx')
def _():
    with tempfile.TemporaryDirectory() as tmp:
        batches = write_batches(tmp)
        out = os.path.join(tmp, 'out')
        for fmt in FORMATS:
            got = {}
            for n in (SMALL, LARGE):
                rc, got[n] = peak(['score', '--format', fmt, batches[n]], out)
                expect(rc == 0, f'{fmt}, {n} evaluations: exit {rc}')
            figures.append(f'{fmt}: {got[SMALL] / MIB:.1f} MiB for {SMALL}, '
                           f'{got[LARGE] / MIB:.1f} MiB for {LARGE}')
            # twice the input may cost a tenth more and 2 MiB, not twice the memory
            expect(got[LARGE] <= got[SMALL] * 1.1 + 2 * MIB,
                   f'{fmt}: {got[SMALL]} bytes for {SMALL}, {got[LARGE]} for {LARGE}: not flat')
            expect(got[LARGE] <= 32 * MIB, f'{fmt}: {got[LARGE] / MIB:.1f} MiB, more than 32 MiB')


@case(f'score --summary and summary: peak memory flat between {SMALL} and {LARGE} evaluations')
def _():
    with tempfile.TemporaryDirectory() as tmp:
        batches = write_batches(tmp)
        out = os.path.join(tmp, 'out')
        # the summary's xlsx is written row by row (libxlsxwriter's constant memory);
        # summary keeps a total per evaluation for the median (16 bytes each)
        for args in (['score', '--summary', '--format', 'jsonl'], ['score', '--summary'],
                     ['score', '--summary', '--format', 'xlsx'], ['summary', '--by', 'unit']):
            got = {}
            for n in (SMALL, LARGE):
                rc, got[n] = peak(args + [batches[n]], out)
                expect(rc == 0, f'{args}, {n} evaluations: exit {rc}')
            what = ' '.join(args)
            figures.append(f'{what}: {got[SMALL] / MIB:.1f} MiB for {SMALL}, '
                           f'{got[LARGE] / MIB:.1f} MiB for {LARGE}')
            expect(got[LARGE] <= got[SMALL] * 1.1 + 2 * MIB,
                   f'{what}: {got[SMALL]} bytes for {SMALL}, {got[LARGE]} for {LARGE}: not flat')
            expect(got[LARGE] <= 32 * MIB, f'{what}: {got[LARGE] / MIB:.1f} MiB, more than 32 MiB')


@case('one huge evaluation (200,000 rows): the report adds little to reading and scoring it')
def _():
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, 'huge.yaml')
        with open(path, 'w', encoding='utf-8') as f:
            f.write(huge_evaluation(200000))
        size = os.path.getsize(path)
        out = os.path.join(tmp, 'out')
        rc, model = peak(['validate', path], out)
        expect(rc == 0, f'validate: exit {rc}')
        figures.append(f'one evaluation of 200,000 rows, {size / MIB:.1f} MiB: '
                       f'validate {model / MIB:.1f} MiB')
        # the formats written between rows (the text table, aligned, waits
        # for its widest cell; CSV and HTML write an evaluation at a time)
        for fmt in ('json', 'jsonl', 'yaml'):
            rc, got = peak(['report', '--format', fmt, path], out)
            expect(rc == 0, f'{fmt}: exit {rc}')
            figures.append(f'  report --format {fmt}: {got / MIB:.1f} MiB ({got / size:.1f}x the file)')
            # the output goes out as it is written, a buffer at a time
            expect(got <= model * 1.1 + 8 * MIB,
                   f'{fmt}: {got / MIB:.1f} MiB against {model / MIB:.1f} MiB to read and score')



@case(f'one huge evaluation of dense rows ({DENSE_ROWS:,}): at most 3 times its file size')
def _():
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, 'dense.yaml')
        with open(path, 'w', encoding='utf-8') as f:
            f.write(dense_evaluation(DENSE_ROWS))
        size = os.path.getsize(path)
        out = os.path.join(tmp, 'out')
        figures.append(f'one evaluation of {DENSE_ROWS:,} dense rows, {size / MIB:.1f} MiB:')
        for args in [['validate']] + [['score', '--format', fmt] for fmt in FORMATS]:
            rc, got = peak(args + [path], out)
            what = ' '.join(args)
            expect(rc == 0, f'{what}: exit {rc}')
            figures.append(f'  {what}: {got / MIB:.1f} MiB ({got / size:.2f}x the file)')
            expect(got <= 3 * size, f'{what}: {got / MIB:.1f} MiB, more than 3 times the file '
                   f'({size / MIB:.1f} MiB)')


if CLI is None:
    print('PBS_CLI is not set')
    sys.exit(77)
checker = under_a_checker()
if checker is not None:
    print(f'skipped: peak memory means nothing under a memory checker ({checker})')
    sys.exit(77)
status = cases.run()
print('\n'.join(figures))
sys.exit(status)
