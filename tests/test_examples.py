#!/usr/bin/python3
"""Every example program, run against the build tree, its output checked.

examples/xishan.c and examples/embed.c (built by make), examples/python/*.py
(with this interpreter, so PYTHONPATH's overrides and, under ASan, the
preloaded runtime carry over), examples/gjs/score.js (with $GJS -m, when
configure found gjs). make check sets top_srcdir, top_builddir, PYTHONPATH,
GI_TYPELIB_PATH, LD_LIBRARY_PATH and GJS.

A case that needs an API of issue 8 (whatif.py: pbs_evaluation_copy) is
SKIPPED, saying so. Prints "N passed, N failed, N skipped".
"""
import os
import re
import subprocess
import sys

import gi

gi.require_version('Pbs', '1.0')
from pbscases import Skip, finish, run as run_cases  # noqa: E402
from gi.repository import Pbs  # noqa: E402

SRCDIR = os.environ.get('top_srcdir') or os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
BUILDDIR = os.environ.get('top_builddir') or os.getcwd()
XISHAN = os.path.join(SRCDIR, 'examples', 'xishan-2024.yaml')
XLSX = os.path.join(SRCDIR, 'examples', 'xishan-2024.xlsx')
BATCH = os.path.join(SRCDIR, 'examples', 'data', 'batch-2024.yaml')
STRICT = os.path.join(SRCDIR, 'examples', 'data', 'strict-policy.yaml')


def run(argv, status=0):
    """Runs @argv; its exit status must be @status. Returns its stdout."""
    p = subprocess.run(argv, capture_output=True, text=True, timeout=120)
    assert p.returncode == status, (argv, p.returncode, p.stdout, p.stderr)
    if status == 0:
        assert p.stderr == '', (argv, p.stderr)
    return p.stdout if status == 0 else p.stderr


def python_example(name, *args, status=0):
    return run([sys.executable, os.path.join(SRCDIR, 'examples', 'python', name), *args], status)


def test_xishan_c():
    out = run([os.path.join(BUILDDIR, 'examples', 'xishan')])
    assert '营商环境投诉办结销号率' in out, out


def test_embed_c():
    out = run([os.path.join(BUILDDIR, 'examples', 'embed'), 'central', STRICT, BATCH, XISHAN])
    assert out.splitlines() == [
        'central → strict',
        '远程异地评标工位建设, row 1 新建远程异地评标工位: met → partial (50.00 → 35.71)',
        '远程异地评标工位建设: total 99.39 → 74.60',
        '青少年体育培训: total 99.58 → 94.58',
        '昆明市西山区政务服务管理局2024年部门整体支出: total 99.88 → 98.81',
        '5 evaluations, 31 rows, 1 changed status',
    ], out
    err = run([os.path.join(BUILDDIR, 'examples', 'embed'), 'central', 'no-such-preset', BATCH], 1)
    assert err.startswith('embed: no policy is called “no-such-preset”'), err


def test_score_py():
    out = python_example('score.py', XISHAN)
    lines = out.splitlines()
    assert lines[0] == '昆明市西山区政务服务管理局2024年部门整体支出', lines[0]
    row8 = next(line for line in lines if '营商环境投诉办结销号率' in line)
    assert row8.split()[-5:] == ['=100%', '97.7%', '5', '4.89', 'partial'], row8
    assert sum(1 for line in lines if line.rstrip().endswith(('met', 'partial'))) == 19
    assert lines[-1] == '总分 99.88  等级 优', lines[-1]
    assert any(line.split()[-3:] == ['99.94%', '10', '9.99'] for line in lines), out
    err = python_example('score.py', os.path.join(SRCDIR, 'policies', 'central.yaml'), status=1)
    assert err.startswith('score.py: ') and 'expected evaluations only' in err, err


def test_score_py_every_evaluation():
    out = python_example('score.py', BATCH)
    totals = [line for line in out.splitlines() if line.startswith('总分')]
    assert totals == ['总分 100.00  等级 优', '总分 99.39  等级 优',
                      '总分 83.67  等级 良', '总分 99.58  等级 优'], totals


def test_whatif_py():
    if not hasattr(Pbs.Evaluation, 'copy'):
        raise Skip('needs issue 8: pbs_evaluation_copy')
    out = python_example('whatif.py', XISHAN)
    lines = out.splitlines()
    assert lines[0] == ('昆明市西山区政务服务管理局2024年部门整体支出: row 8 营商环境投诉办结销号率: '
                        'actual 97.7% → 100%'), lines[0]
    assert lines[1] == '  row 8: score 4.89 → 5.00, partial → met', lines[1]
    assert lines[-1] == '  total 99.88 → 99.99, grade 优 → 优', lines[-1]
    out = python_example('whatif.py', XISHAN, '19', '80%')
    assert '  row 19: score 10.00 → 8.42, met → partial' in out.splitlines(), out
    assert out.splitlines()[-1] == '  total 99.88 → 98.30, grade 优 → 优', out


def test_summary_py():
    out = python_example('summary.py', BATCH, XISHAN)
    assert out.splitlines() == [
        '昆明市西山区政务服务管理局: 3 张自评表  优 3  良 0  中 0  差 0  不完整 0',
        '  最低总分 99.39（远程异地评标工位建设）',
        '昆明市西山区教育体育局: 2 张自评表  优 1  良 1  中 0  差 0  不完整 0',
        '  最低总分 83.67（校园安全设施维护）',
    ], out


def test_audit_excel_py():
    # a finding: exit status 3, the findings on stdout
    p = subprocess.run([sys.executable, os.path.join(SRCDIR, 'examples', 'python', 'audit_excel.py'), XISHAN],
                       capture_output=True, text=True, timeout=120)
    assert p.returncode == 3 and p.stderr == '', p
    assert p.stdout.splitlines() == [
        '昆明市西山区政务服务管理局2024年部门整体支出: 总分 99.88，1 项审核发现',
        '  missing_reason (row 16): variant none',
        '    第 16 行（审批时限压缩率）：实际完成值远超年度指标值，缺少偏差原因分析',
    ], p.stdout
    p = subprocess.run([sys.executable, os.path.join(SRCDIR, 'examples', 'python', 'audit_excel.py'),
                        os.path.join(SRCDIR, 'tests', 'data', 'audit', 'audit-wrong-rows.yaml')],
                       capture_output=True, text=True, timeout=120)
    assert p.returncode == 3, p
    assert '  row_score (row 2): printed 4.88, computed 4.89, variant truncate' in p.stdout.splitlines(), p.stdout
    out = python_example('audit_excel.py', os.path.join(SRCDIR, 'tests', 'data', 'audit', 'audit-clean.yaml'))
    assert out.splitlines()[0].endswith('0 项审核发现'), out


def test_audit_excel_py_on_xlsx():
    # examples/xishan-2024.xlsx and the library's Excel reader come with
    # issue 10; until then the example is checked on the YAML only.
    if not os.path.exists(XLSX):
        raise Skip('needs issue 10: examples/xishan-2024.xlsx')
    p = subprocess.run([sys.executable, os.path.join(SRCDIR, 'examples', 'python', 'audit_excel.py'), XLSX],
                       capture_output=True, text=True, timeout=120)
    assert p.returncode in (0, 3) and p.stderr == '', p
    first = p.stdout.splitlines()[0]
    assert re.fullmatch(r'.+: 总分 \d+\.\d\d，\d+ 项审核发现', first), p.stdout


def test_gjs_score_js():
    gjs = os.environ.get('GJS', 'no')
    if gjs in ('', 'no'):
        raise Skip('configure found no gjs')
    script = os.path.join(SRCDIR, 'examples', 'gjs', 'score.js')
    lines = run([gjs, '-m', script, XISHAN]).splitlines()
    assert lines[0] == '昆明市西山区政务服务管理局2024年部门整体支出', lines[0]
    assert '  8  营商环境投诉办结销号率  =100%  97.7%  5  4.89  partial' in lines, lines
    assert lines[-2:] == ['预算执行率 99.94%  10  9.99', '总分 99.88  等级 优'], lines[-2:]
    err = run([gjs, '-m', script, os.path.join(SRCDIR, 'policies', 'central.yaml')], 1)
    assert err.startswith('score.js: ') and 'expected evaluations only' in err, err


run_cases('examples',
    test_xishan_c, test_embed_c, test_score_py, test_score_py_every_evaluation,
    test_whatif_py, test_summary_py, test_audit_excel_py, test_audit_excel_py_on_xlsx,
    test_gjs_score_js)
finish()
