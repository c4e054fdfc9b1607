#!/usr/bin/env python3
"""The pbscore command, run as a user runs it (doc/cli.md, pbscore(1)).

make check runs it with PBS_CLI set to the built tools/pbscore (a libtool
wrapper or the real binary) and top_srcdir to the source tree; any other
pbscore can be checked the same way, such as an installed one:

  PBS_CLI=/usr/local/bin/pbscore top_srcdir=. python3 tests/test_cli.py

The program runs in the source tree on its fixtures (examples/, tests/data/)
under LC_ALL=C, so its UTF-8 output must not depend on the locale. Fixtures
are read by path; templates and policies named by NAME are left to the
program's own search path (an installed pbscore finds them in its prefix,
tests/check-installed.sh runs this file on one), never to the source tree. JSON is
parsed with json (numbers as decimal.Decimal, from their exact text), CSV
with csv, HTML with xml.etree (it must be well-formed XHTML). Standard
library only. Prints "N passed, N failed" last and exits non-zero when a
case failed.
"""
import csv
import decimal
import html
import io
import json
import os
import re
import shutil
import stat
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from decimal import Decimal

from pbs_cli import Cases, cli_env, expect, run_on_file, run_program, write_batch, write_file

CLI = os.environ.get('PBS_CLI')
SRCDIR = os.path.abspath(os.environ.get('top_srcdir')
                         or os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))
XISHAN = 'examples/xishan-2024.yaml'
XISHAN_TITLE = '昆明市西山区政务服务管理局2024年部门整体支出'
TEMPLATES = ['central-project-2020', 'core-2021', 'department-common-2013', 'department-overall']
PRESETS = ['central', 'yunnan-baoshan', 'ningxia', 'guangxi', 'shanxi']
FORMATS = ['text', 'markdown', 'csv', 'json', 'jsonl', 'html', 'yaml']

# The Xishan example under the central policy, worked out by hand from doc/scoring.md:
# (level1, level2, name, target, actual, points, score, status, rule, flags).
# Row 8: =100% scored like ≥: 5 × 97.7 / 100 = 4.885 → 4.89 (half-up), with a reason.
# Row 16: 80 / 60 = 1.33 > 1.2 (over.threshold): over-completed, and no 偏差原因.
X = [
    ('产出指标', '数量指标', '依托省政务服务平台发布政务服务事项', '≥1100项', '1163项', '5', '5.00', 'met', 'positive', []),
    ('产出指标', '数量指标', '一次办事项', '≥1100项', '1142项', '3', '3.00', 'met', 'positive', []),
    ('产出指标', '数量指标', '零跑腿事项', '≥1000项', '1080项', '3', '3.00', 'met', 'positive', []),
    ('产出指标', '数量指标', '“跨省通办”“跨层级办理”“跨部门联办”接办件', '≥10000件', '10791件', '3', '3.00', 'met',
     'positive', []),
    ('产出指标', '数量指标', '特定目标类项目纳入预算编制', '≥18个', '18个', '3', '3.00', 'met', 'positive', []),
    ('产出指标', '质量指标', '网上可办率', '≥95%', '100%', '5', '5.00', 'met', 'positive', []),
    ('产出指标', '质量指标', '全程网办率', '≥95%', '96%', '5', '5.00', 'met', 'positive', []),
    ('产出指标', '质量指标', '营商环境投诉办结销号率', '=100%', '97.7%', '5', '4.89', 'partial', 'equal', []),
    ('产出指标', '质量指标', '差评整改回访率', '=100%', '100%', '3', '3.00', 'met', 'equal', []),
    ('产出指标', '时效指标', '差评按时整改率', '=100%', '100%', '5', '5.00', 'met', 'equal', []),
    ('产出指标', '时效指标', '符合支付条件的项目资金支付', '及时', '及时', '2', '2.00', 'met', 'qualitative', []),
    ('产出指标', '成本指标', '项目支出控制在预算内', '≤347.45万元', '308.61万元', '4', '4.00', 'met', 'reverse_ratio', []),
    ('产出指标', '成本指标', '政府采购支出控制在预算内', '≤18.50万元', '17.37万元', '4', '4.00', 'met', 'reverse_ratio', []),
    ('效益指标', '经济效益指标', '公共资源交易招标投标节约率', '≥3.5%', '3.8%', '4', '4.00', 'met', 'positive', []),
    ('效益指标', '社会效益指标', '政务服务好评率', '≥99%', '99.99%', '8', '8.00', 'met', 'positive', []),
    ('效益指标', '社会效益指标', '审批时限压缩率', '≥60%', '80%', '8', '8.00', 'met', 'positive',
     ['over_completion', 'missing_reason']),
    ('效益指标', '社会效益指标', '“高效办成一件事”重点事项认领发布', '≥50个', '53个', '4', '4.00', 'met', 'positive', []),
    ('效益指标', '可持续影响指标', '营商环境持续优化', '持续优化', '达成预期', '6', '6.00', 'met', 'qualitative', []),
    ('满意度指标', '服务对象满意度指标', '企业和群众满意率', '≥95%', '100%', '10', '10.00', 'met', 'positive', []),
]
# Budget: 1444.16 / 1445.05 = 99.938 % → 99.94; 10 × 0.99938… = 9.9938… → 9.99.
# Rows 89.89 + budget 9.99 = 99.88 ≥ 90: 优.
X_SUBTOTALS = {
    (1, '产出指标', None): ('50', '49.89'),
    (2, '产出指标', '数量指标'): ('17', '17.00'),
    (2, '产出指标', '质量指标'): ('18', '17.89'),
    (2, '产出指标', '时效指标'): ('7', '7.00'),
    (2, '产出指标', '成本指标'): ('8', '8.00'),
    (1, '效益指标', None): ('30', '30.00'),
    (2, '效益指标', '经济效益指标'): ('4', '4.00'),
    (2, '效益指标', '社会效益指标'): ('20', '20.00'),
    (2, '效益指标', '可持续影响指标'): ('6', '6.00'),
    (1, '满意度指标', None): ('10', '10.00'),
    (2, '满意度指标', '服务对象满意度指标'): ('10', '10.00'),
}

# A policy that scores tables whose points do not add up (the reading fixtures of
# tests/data/valid/ are about the format, not about weights).
AS_IS_POLICY = """pbscore: 1
kind: policy
name: test-as-is
extends: central
weights:
  mismatch: as_is
"""

# An evaluation that should give lint nothing to say: measurable targets with units, the
# unit's own indicators, points spread evenly, every row met within the threshold.
LINT_CLEAN = """pbscore: 1
kind: evaluation
title: 乡村道路养护工程
year: 2024
budget:
  annual: 100
  executed: 100
  points: 10
indicators:
"""
for _i, (_l1, _l2, _name, _t, _a) in enumerate([
        ('产出指标', '数量指标', '养护农村公路里程', '≥120公里', '125公里'),
        ('产出指标', '数量指标', '修复路面坑槽面积', '≥3000平方米', '3100平方米'),
        ('产出指标', '质量指标', '养护路段优良路率', '≥85%', '88%'),
        ('产出指标', '质量指标', '桥涵检测覆盖数', '≥40座', '42座'),
        ('产出指标', '时效指标', '汛后水毁修复天数', '≤30天', '25天'),
        ('效益指标', '社会效益指标', '通行时间缩短', '≥10分钟', '11分钟'),
        ('效益指标', '社会效益指标', '交通事故起数下降', '≥5起', '5起'),
        ('效益指标', '可持续影响指标', '群众护路员人数', '≥60人', '62人'),
        ('满意度指标', '服务对象满意度指标', '沿线村民满意度', '≥90%', '93%'),
]):
    LINT_CLEAN += (f"  - {{level1: {_l1}, level2: {_l2}, name: {_name}, target: \"{_t}\", "
                   f"actual: \"{_a}\", points: 10}}\n")


def pbscore(*args, stdin=None, cwd=None):
    """Runs the program in the source tree; output must be UTF-8."""
    return run_program(CLI, args, stdin=stdin, cwd=cwd or SRCDIR)


def expect_rc(run, rc):
    expect(run.rc == rc, f"exit status {run.rc}, expected {rc}", run)


def expect_usage_error(run):
    expect_rc(run, 2)
    expect(run.err.startswith('pbscore: ') or 'Usage:' in run.err, 'no message on stderr', run)
    expect('Usage: pbscore' in run.err, 'no usage line on stderr', run)
    expect(run.out == '', 'a usage error wrote to stdout', run)


def load_json(text):
    """JSON with every number as the Decimal of its exact text."""
    return json.loads(text, parse_float=Decimal, parse_int=Decimal)


def is_number(value):
    return isinstance(value, Decimal)


def number(value, text, what):
    """A JSON number equal to the exact decimal @text, written with its digits."""
    expect(is_number(value), f"{what}: {value!r} is not a JSON number")
    expect(value == Decimal(text), f"{what}: {value} is not {text}")


CASES = Cases()
case = CASES.case


def data_files(folder):
    path = os.path.join(SRCDIR, 'tests', 'data', folder)
    return sorted(f'tests/data/{folder}/{f}' for f in os.listdir(path) if f.endswith('.yaml'))


def expectation(path):
    """The '# expect: CODE L:C [row N (name)]' header of an invalid fixture."""
    with open(os.path.join(SRCDIR, path), 'rb') as f:
        first = f.readline().decode('utf-8')
    m = re.match(r'# expect: (\w+) (\d+):(\d+)(?: (row \d+ \(.*\)))?\s*$', first)
    if m is None:
        raise AssertionError(f"{path}: no '# expect: CODE L:C' first line")
    return m.group(1), int(m.group(2)), int(m.group(3)), m.group(4)


# ------------------------------------------------------------- general

@case('--version prints "pbscore VERSION", also after a command')
def _():
    for args in (['--version'], ['score', '--version']):
        r = pbscore(*args)
        expect_rc(r, 0)
        expect(re.fullmatch(r'pbscore \d+\.\d+\.\d+\S*\n', r.out) is not None, 'not "pbscore X.Y.Z"', r)


@case('--help, -h and help list every command; help COMMAND and COMMAND --help show its options')
def _():
    for args in (['--help'], ['-h'], ['help']):
        r = pbscore(*args)
        expect_rc(r, 0)
        for command in ('score', 'summary', 'rollup', 'validate', 'explain', 'audit', 'lint', 'report',
                        'template', 'policy'):
            expect(re.search(rf'^\s+{command}\b', r.out, re.M) is not None, f'{command} not listed', r)
    for args in (['help', 'score'], ['score', '--help'], ['score', '-h']):
        r = pbscore(*args)
        expect_rc(r, 0)
        for option in ('--policy', '--template', '--format', '--lang', '--output', '--help', '--version'):
            expect(option in r.out, f'{option} not in the help of score', r)
    r = pbscore('explain', '--help')
    expect('--row' in r.out, 'explain --help lacks --row', r)
    r = pbscore('report', '--help')
    expect('--narrative' in r.out, 'report --help lacks --narrative', r)


@case('usage errors exit 2 with a usage message on stderr')
def _():
    for args in ([], ['frobnicate'], ['--frobnicate'], ['score', '--frobnicate', XISHAN],
                 ['score'], ['score', '--format', 'pdf', XISHAN], ['score', '--lang', 'fr', XISHAN],
                 ['explain', XISHAN, XISHAN], ['template'], ['template', 'frobnicate'],
                 ['template', 'show'], ['policy', 'show'], ['help', 'frobnicate'],
                 ['report', '--row', '3', XISHAN], ['validate', '--narrative', XISHAN]):
        expect_usage_error(pbscore(*args))


@case('an unreadable file is an input error (exit 2, the file named)')
def _():
    r = pbscore('score', 'no/such/file.yaml')
    expect_rc(r, 2)
    expect(r.err.startswith('pbscore: ') and 'no/such/file.yaml' in r.err, 'file not named', r)


# ------------------------------------------------------------- score and the formats

def xishan_json(*extra):
    r = pbscore('score', '--format', 'json', *extra, XISHAN)
    expect_rc(r, 0)
    return load_json(r.out)


def check_xishan(doc, language='zh'):
    """The Xishan evaluation as JSON, field by field."""
    expect(isinstance(doc, dict), f'not an object: {doc!r}')
    expect(doc['title'] == XISHAN_TITLE, f"title {doc['title']!r}")
    expect(doc['policy'] == 'central', f"policy {doc['policy']!r}")
    number(doc['total'], '99.88', 'total')
    expect(str(doc['total']) == '99.88', f"total written as {doc['total']}, not with 2 digits")
    number(doc['total_points'], '100', 'total_points')
    expect(doc['grade'] == '优', f"grade {doc['grade']!r}")
    expect(doc['complete'] is True, f"complete {doc['complete']!r}")
    budget = doc['budget']
    number(budget['rate'], '99.94', 'budget.rate')
    number(budget['points'], '10', 'budget.points')
    number(budget['score'], '9.99', 'budget.score')
    expect(str(budget['score']) == '9.99', 'budget.score digits')
    rows = doc['indicators']
    expect(isinstance(rows, list) and len(rows) == len(X), f'{len(rows)} indicators, not {len(X)}')
    for i, (row, want) in enumerate(zip(rows, X)):
        l1, l2, name, target, actual, points, score, status, rule, flags = want
        where = f'row {i + 1}'
        expect(row['level1'] == l1, f"{where} level1 {row['level1']!r}")
        expect(row['level2'] == l2, f"{where} level2 {row['level2']!r}")
        expect(row['name'] == name, f"{where} name {row['name']!r}")
        expect(row['target'] == target, f"{where} target {row['target']!r}")
        expect(row['actual'] == actual, f"{where} actual {row['actual']!r}")
        number(row['points'], points, f'{where} points')
        number(row['score'], score, f'{where} score')
        expect(str(row['score']) == score, f"{where} score written as {row['score']}, not {score}")
        expect(row['status'] == status, f"{where} status {row['status']!r}")
        expect(row['rule'] == rule, f"{where} rule {row['rule']!r}")
        expect(row['flags'] == flags, f"{where} flags {row['flags']!r}, not {flags}")
        expect('printed_score' in row and row['printed_score'] is None, f"{where} printed_score")
        expect(isinstance(row['explanation'], str) and score in row['explanation'],
               f"{where} explanation {row['explanation']!r} does not give {score}")
    # the explanation's words (not the quoted target and actual) are in the language asked
    first = rows[0]['explanation'][0]
    expect(('\u4e00' <= first <= '\u9fff') == (language == 'zh'),
           f"explanation not in {language}: {rows[0]['explanation']!r}")
    got = {(s['level'], s['level1'], s['level2']): (s['points'], s['score']) for s in doc['subtotals']}
    expect(set(got) == set(X_SUBTOTALS), f'subtotals {sorted(got, key=str)}')
    for key, (points, score) in X_SUBTOTALS.items():
        number(got[key][0], points, f'subtotal {key} points')
        number(got[key][1], score, f'subtotal {key} score')
    expect(doc['warnings'] == [], f"warnings {doc['warnings']!r}")
    # the total is the budget score plus the rows' scores
    expect(budget['score'] + sum(r['score'] for r in rows) == doc['total'], 'total is not the sum')


@case('score --format json: the Xishan evaluation, field by field, numbers exact')
def _():
    check_xishan(xishan_json())


@case('score --format json --lang en: English explanations, same numbers')
def _():
    check_xishan(xishan_json('--lang', 'en'), language='en')


@case('score (text): one line per evaluation with its total and grade')
def _():
    r = pbscore('score', XISHAN)
    expect_rc(r, 0)
    lines = r.out.splitlines()
    expect(len(lines) == 2 and '总分' in lines[0], 'not a heading and one line', r)
    expect(XISHAN in lines[1] and XISHAN_TITLE in lines[1] and '99.88' in lines[1] and '优' in lines[1],
           'the line lacks the file, title, total or grade', r)
    r = pbscore('score', '--lang', 'en', XISHAN)
    expect('Total' in r.out and '总分' not in r.out, '--lang en heading', r)


@case('score: several files and batches are one output (json array, jsonl lines)')
def _():
    files = [XISHAN, 'tests/data/valid/batch-three.yaml', 'tests/data/audit/audit-clean.yaml']
    r = pbscore('score', '--format', 'json', *files)
    expect_rc(r, 0)
    docs = load_json(r.out)
    expect(isinstance(docs, list) and len(docs) == 5, f'{len(docs)} objects, not 1 + 3 + 1', r)
    check_xishan(docs[0])
    expect(docs[4]['title'] == '区人民医院医疗设备购置项目', 'order of the documents')
    r = pbscore('score', '--format', 'jsonl', *files)
    expect_rc(r, 0)
    lines = r.out.splitlines()
    expect(len(lines) == 5, f'{len(lines)} lines, not 5', r)
    objects = [load_json(line) for line in lines]
    expect(objects == docs, 'jsonl objects differ from the json array')
    r = pbscore('score', *files)
    expect(len(r.out.splitlines()) == 6, 'text: a heading and five lines', r)


@case('score -: reads stdin, named <stdin>; the same scores as the file')
def _():
    with open(os.path.join(SRCDIR, XISHAN), encoding='utf-8') as f:
        text = f.read()
    r = pbscore('score', '--format', 'json', '-', stdin=text)
    expect_rc(r, 0)
    check_xishan(load_json(r.out))
    r = pbscore('score', '-', stdin=text)
    expect('<stdin>' in r.out, 'stdin not named <stdin>', r)
    r = pbscore('score', '-', stdin='pbscore: 1\ntitle: x\nbudget: {annual: 1, executed: 1}\nindicators: [\n')
    expect_rc(r, 2)
    expect(re.match(r'pbscore: <stdin>:\d+:\d+: ', r.err) is not None, 'stdin error not located', r)


@case('score of a template or policy document is an input error naming the file and line')
def _():
    for path in ('templates/core-2021.yaml', 'tests/data/valid/policy-document.yaml'):
        r = pbscore('score', path)
        expect_rc(r, 2)
        expect(re.match(rf'pbscore: {re.escape(path)}:\d+:1: ', r.err) is not None, 'not located', r)
        expect(r.out == '', 'output written', r)


@case('--format csv: RFC 4180, a header and one row per indicator')
def _():
    for files, n in (([XISHAN], len(X)), ([XISHAN, 'tests/data/audit/audit-clean.yaml'], len(X) + 7)):
        r = pbscore('report', '--format', 'csv', *files)
        expect_rc(r, 0)
        rows = list(csv.reader(io.StringIO(r.out, newline='')))
        expect(len(rows) == n + 1, f'{len(rows)} records, not {n} + a header', r)
        header = rows[0]
        for field in ('level1', 'level2', 'name', 'target', 'actual', 'points', 'score', 'status'):
            expect(field in header, f'no {field} column in {header}')
        expect(all(len(row) == len(header) for row in rows), 'ragged records')
        col = {f: header.index(f) for f in header}
        for row, want in zip(rows[1:], X):
            expect(row[col['name']] == want[2], f"name {row[col['name']]!r}")
            expect(Decimal(row[col['score']]) == Decimal(want[6]), f"score {row[col['score']]!r}")
            expect(row[col['status']] == want[7], f"status {row[col['status']]!r}")


@case('--format html: one well-formed page with the table and an inline SVG chart')
def _():
    r = pbscore('report', '--format', 'html', XISHAN)
    expect_rc(r, 0)
    expect('<svg' in r.out, 'no <svg', r)
    root = ET.fromstring(r.out.split('\n', 1)[1] if r.out.startswith('<!DOCTYPE') else r.out)
    ns = '{http://www.w3.org/1999/xhtml}'
    expect(root.tag in ('html', ns + 'html'), f'root {root.tag}')
    text = ''.join(root.itertext())
    for row in X:
        expect(row[2] in text, f'{row[2]} not on the page')
    expect('99.88' in text, 'total not on the page')
    expect(root.find(f'.//{ns}table') is not None or root.find('.//table') is not None, 'no table')
    expect('http://' not in r.out.replace('http://www.w3.org/', ''), 'the page refers to the network')


@case('--format markdown: the 自评表 as a table')
def _():
    r = pbscore('report', '--format', 'markdown', XISHAN)
    expect_rc(r, 0)
    lines = r.out.splitlines()
    seps = [i for i, line in enumerate(lines) if re.fullmatch(r'\|(\s*:?-{3,}:?\s*\|)+', line)]
    expect(seps, 'no table separator line', r)
    table = [line for line in lines if line.startswith('|') and '营商环境投诉办结销号率' in line]
    expect(len(table) == 1 and '4.89' in table[0], 'row 8 not in a table row', r)


@case('--format text: an aligned table with 总分 (display width, not bytes)')
def _():
    r = pbscore('report', XISHAN)
    expect_rc(r, 0)
    expect('总分' in r.out and '99.88' in r.out and '优' in r.out, 'no 总分 99.88 优', r)
    expect(all(row[2] in r.out for row in X), 'a row is missing', r)


@case('--format yaml: the scored evaluations reload with pbscore validate -')
def _():
    r = pbscore('score', '--format', 'yaml', XISHAN, 'tests/data/valid/batch-three.yaml')
    expect_rc(r, 0)
    v = pbscore('validate', '-', stdin=r.out)
    expect_rc(v, 0)
    expect('4' in v.out, 'validate does not count 1 + 3 documents', v)
    j = pbscore('score', '--format', 'json', '-', stdin=r.out)
    expect_rc(j, 0)
    check_xishan(load_json(j.out)[0])


@case('--lang en changes the headings of every human-readable format')
def _():
    zh = pbscore('report', XISHAN)
    en = pbscore('report', '--lang', 'en', XISHAN)
    expect_rc(en, 0)
    expect('总分' in zh.out and '总分' not in en.out and 'Total' in en.out, 'text headings', en)
    en = pbscore('report', '--lang', 'en', '--format', 'markdown', XISHAN)
    expect('总分' not in en.out and 'Total' in en.out, 'markdown headings', en)


@case('every command writes every format it takes')
def _():
    for command in ('score', 'report', 'explain', 'audit'):
        for fmt in FORMATS:
            r = pbscore(command, '--format', fmt, XISHAN)
            expect(r.rc in (0, 1) and r.out != '', f'{command} --format {fmt}', r)
            if fmt == 'json':
                load_json(r.out)
            elif fmt == 'jsonl':
                for line in r.out.splitlines():
                    load_json(line)
            elif fmt == 'html':
                ET.fromstring(r.out.split('\n', 1)[1] if r.out.startswith('<!DOCTYPE') else r.out)
            elif fmt == 'csv':
                list(csv.reader(io.StringIO(r.out, newline='')))
    for fmt in FORMATS:
        r = pbscore('lint', '--format', fmt, XISHAN)
        expect_rc(r, 1)
        expect(r.out != '', f'lint --format {fmt} wrote nothing', r)


# ------------------------------------------------------------- --output

@case('--output writes the file, replaces it whole, and leaves it alone on an error')
def _():
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, 'report.json')
        r = pbscore('score', '--format', 'json', '--output', out, XISHAN)
        expect_rc(r, 0)
        expect(r.out == '', 'stdout used as well', r)
        with open(out, encoding='utf-8') as f:
            check_xishan(load_json(f.read()))
        # an input error after a good file: nothing written, the old file kept
        write_file(tmp, 'report.json', 'OLD')
        r = pbscore('score', '--format', 'json', '--output', out, XISHAN, 'tests/data/invalid/bad-band.yaml')
        expect_rc(r, 2)
        with open(out, encoding='utf-8') as f:
            expect(f.read() == 'OLD', 'the old file was touched')
        fresh = os.path.join(tmp, 'fresh.html')
        r = pbscore('report', '--format', 'html', '--output', fresh, 'tests/data/invalid/bad-band.yaml')
        expect_rc(r, 2)
        expect(not os.path.exists(fresh), 'a file was left after an input error')
        expect(os.listdir(tmp) == ['report.json'], f'stray files: {os.listdir(tmp)}')
        # a folder that does not exist: an error, exit 2
        r = pbscore('score', '--output', os.path.join(tmp, 'no', 'such', 'x.txt'), XISHAN)
        expect_rc(r, 2)
        expect(r.err.startswith('pbscore: '), 'no message', r)
        # template and policy take --output too
        path = os.path.join(tmp, 'policy.yaml')
        expect_rc(pbscore('policy', 'show', 'guangxi', '--output', path), 0)
        with open(path, encoding='utf-8') as f:
            expect('threshold: 1.3' in f.read(), 'policy show --output')


def saved_refs(text):
    """The template: and policy: lines of YAML documents, unquoted."""
    return [(m.group(1), m.group(2).strip('"\'')) for m in
            re.finditer(r'^(template|policy): (.*)$', text, re.M)]


@case('--format yaml names template and policy files so the documents reload from where they are written')
def _():
    with tempfile.TemporaryDirectory() as tmp:
        for sub in ('in', 'tpl', 'pol', 'out/deep'):
            os.makedirs(os.path.join(tmp, sub))
        shutil.copy(os.path.join(SRCDIR, 'templates/department-overall.yaml'), os.path.join(tmp, 'tpl'))
        expect_rc(pbscore('policy', 'show', 'central', '-o', os.path.join(tmp, 'pol', 'p.yaml')), 0)
        with open(os.path.join(SRCDIR, XISHAN), encoding='utf-8') as f:
            text = f.read()
        text = text.replace('template: department-overall', 'template: ../tpl/department-overall.yaml')
        text = text.replace('policy: central', 'policy: ../pol/p.yaml')
        doc = write_file(os.path.join(tmp, 'in'), 'doc.yaml', text)
        tpl = os.path.realpath(os.path.join(tmp, 'tpl', 'department-overall.yaml'))
        pol = os.path.realpath(os.path.join(tmp, 'pol', 'p.yaml'))
        # standard output: absolute paths, so `| pbscore validate -` reloads from anywhere
        r = pbscore('report', '--format', 'yaml', 'doc.yaml', cwd=os.path.join(tmp, 'in'))
        expect_rc(r, 0)
        expect(saved_refs(r.out) == [('template', tpl), ('policy', pol)], f'refs {saved_refs(r.out)}', r)
        expect_rc(pbscore('validate', '-', stdin=r.out), 0)
        # a file in another folder: relative to that folder, reloading from any working folder
        out = os.path.join(tmp, 'out', 'deep', 'x.yaml')
        r = pbscore('report', '--format', 'yaml', '--output', out, doc)
        expect_rc(r, 0)
        with open(out, encoding='utf-8') as f:
            refs = saved_refs(f.read())
        expect(refs == [('template', '../../tpl/department-overall.yaml'), ('policy', '../../pol/p.yaml')],
               f'refs {refs}')
        expect_rc(pbscore('validate', out), 0)
        expect_rc(pbscore('validate', 'deep/x.yaml', cwd=os.path.join(tmp, 'out')), 0)
        # beside the policy: ./p.yaml, a path even without .yaml's help
        out = os.path.join(tmp, 'pol', 'saved.yaml')
        expect_rc(pbscore('report', '--format', 'yaml', '-o', out, doc), 0)
        with open(out, encoding='utf-8') as f:
            refs = saved_refs(f.read())
        expect(('policy', './p.yaml') in refs, f'refs {refs}')
        expect_rc(pbscore('validate', out), 0)
        # through a symbolic link (read back from the link's folder): absolute
        os.symlink(os.path.join(tmp, 'out', 'deep', 'x.yaml'), os.path.join(tmp, 'link.yaml'))
        expect_rc(pbscore('report', '--format', 'yaml', '-o', os.path.join(tmp, 'link.yaml'), doc), 0)
        with open(os.path.join(tmp, 'link.yaml'), encoding='utf-8') as f:
            refs = saved_refs(f.read())
        expect(refs == [('template', tpl), ('policy', pol)], f'refs {refs}')
        # import: absolute, reloading from anywhere
        r = pbscore('import', doc)
        expect_rc(r, 0)
        expect(saved_refs(r.out) == [('template', tpl), ('policy', pol)], f'import refs {saved_refs(r.out)}', r)
        expect_rc(pbscore('validate', '-', stdin=r.out, cwd=tmp), 0)
        # a shipped name stays a name
        out = os.path.join(tmp, 'out', 'xishan.yaml')
        expect_rc(pbscore('report', '--format', 'yaml', '-o', out, XISHAN), 0)
        with open(out, encoding='utf-8') as f:
            refs = saved_refs(f.read())
        expect(refs == [('template', 'department-overall'), ('policy', 'central')], f'refs {refs}')


@case('YAML in UTF-16 or UTF-32 with a byte-order mark is read, from a file and from standard input')
def _():
    import codecs
    with open(os.path.join(SRCDIR, XISHAN), encoding='utf-8') as f:
        text = f.read()
    boms = {'utf-16-le': codecs.BOM_UTF16_LE, 'utf-16-be': codecs.BOM_UTF16_BE,
            'utf-32-le': codecs.BOM_UTF32_LE, 'utf-32-be': codecs.BOM_UTF32_BE}
    with tempfile.TemporaryDirectory() as tmp:
        for enc, bom in boms.items():
            data = bom + text.encode(enc)
            path = write_file(tmp, f'xishan-{enc}.yaml', data)
            for r in (pbscore('score', '--format', 'json', path),
                      pbscore('score', '--format', 'json', '-', stdin=data)):
                expect_rc(r, 0)
                check_xishan(load_json(r.out))
            # a lone surrogate or a code point past U+10FFFF: located
            unit = 2 if '16' in enc else 4
            bad = bytearray(data)
            at = len(bom) + text.index('title:') * unit
            bad[at:at + unit] = {'utf-16-le': b'\x00\xdc', 'utf-16-be': b'\xdc\x00',
                                 'utf-32-le': b'\x00\x00\x11\x00', 'utf-32-be': b'\x00\x11\x00\x00'}[enc]
            write_file(tmp, f'xishan-{enc}.yaml', bytes(bad))
            line = text[:text.index('title:')].count('\n') + 1
            r = pbscore('validate', path)
            expect_rc(r, 2)
            expect(f'{path}:{line}:1: the file is not valid {enc.upper().replace("-LE", "LE").replace("-BE", "BE")}'
                   in r.err, 'no located encoding error', r)


# ------------------------------------------------------------- validate

@case('validate: the example, the audit fixtures and the shipped templates are valid')
def _():
    files = [XISHAN, *data_files('audit'), *(f'templates/{t}.yaml' for t in TEMPLATES),
             *(f'policies/{p}.yaml' for p in PRESETS)]
    r = pbscore('validate', *files)
    expect_rc(r, 0)
    expect(len(r.out.splitlines()) == len(files), 'not one line per file', r)
    expect(r.err == '', 'messages on stderr', r)


def valid_case(path):
    @case(f'validate {path}: exit 0 (weights tolerated with --policy FILE)')
    def _():
        with tempfile.TemporaryDirectory() as tmp:
            policy = write_file(tmp, 'as-is.yaml', AS_IS_POLICY)
            r = pbscore('validate', path)
            # valid/ is about reading: a table whose points do not add up reads, but the
            # central policy refuses to score it, which validate reports, located
            if r.rc != 0:
                expect_rc(r, 2)
                expect(re.match(rf'pbscore: {re.escape(path)}:\d+:\d+: ', r.err) is not None
                       and 'weights.mismatch' in r.err, 'an error other than the weights check', r)
            r = pbscore('validate', '--policy', policy, path)
            expect_rc(r, 0)
            expect(r.out.startswith(path), 'the file is not named', r)


for _path in data_files('valid'):
    valid_case(_path)


def invalid_case(path):
    code, line, column, row = expectation(path)

    @case(f'validate {path}: exit 2 with {code} at {line}:{column}')
    def _():
        r = pbscore('validate', path)
        expect_rc(r, 2)
        prefix = f'pbscore: {path}:{line}:{column}: '
        expect(r.err.startswith(prefix), f'stderr does not start with {prefix!r}', r)
        if row is not None:
            expect(f'{row}:' in r.err, f'{row} not named', r)
        expect(r.err.count('\n') == 1, 'more than one message', r)
        expect(r.out == '', 'validate wrote to stdout', r)


for _path in data_files('invalid'):
    invalid_case(_path)


@case('validate stops at the first invalid document; a valid file before it is reported')
def _():
    r = pbscore('validate', XISHAN, 'tests/data/invalid/bad-band.yaml', 'tests/data/invalid/bad-actual.yaml')
    expect_rc(r, 2)
    expect('bad-band.yaml:14:11:' in r.err and 'bad-actual' not in r.err, 'not the first error only', r)


@case('validate: scoring errors count, located at their row (--policy guangxi requires reasons)')
def _():
    r = pbscore('validate', '--policy', 'guangxi', XISHAN)
    expect_rc(r, 2)
    # row 16 (审批时限压缩率) over-completes without a reason: line 132, its first key at column 5
    expect(r.err.startswith(f'pbscore: {XISHAN}:132:5: row 16 (审批时限压缩率): '), 'not located at row 16', r)


@case('every reading command reports a scoring error the same way: one located line')
def _():
    for command in ('score', 'explain', 'audit', 'lint', 'report'):
        r = pbscore(command, '--policy', 'guangxi', XISHAN)
        expect_rc(r, 2)
        expect(r.err.startswith(f'pbscore: {XISHAN}:132:5: row 16 (审批时限压缩率): ')
               and r.err.count('\n') == 1, 'not one located line', r)
        expect(r.out == '', 'output written', r)


@case('validate --template: the rows must fit the given template, located')
def _():
    expect_rc(pbscore('validate', '--template', 'central-project-2020', XISHAN), 0)
    r = pbscore('validate', '--template', 'department-common-2013', XISHAN)
    expect_rc(r, 2)
    expect(r.err.startswith(f'pbscore: {XISHAN}:40:5: row 1 (依托省政务服务平台发布政务服务事项): '),
           'not located at row 1', r)
    r = pbscore('validate', '--template', 'no-such-template', XISHAN)
    expect_rc(r, 2)
    expect('no-such-template' in r.err, 'unknown template not named', r)


@case('--policy NAME|FILE overrides the documents\' own')
def _():
    expect(xishan_json('--policy', 'shanxi')['policy'] == 'shanxi', 'preset not used')
    r = pbscore('policy', 'show', 'ningxia')
    with tempfile.TemporaryDirectory() as tmp:
        path = write_file(tmp, 'saved.yaml', r.out)
        doc = xishan_json('--policy', path)
        expect(doc['policy'] == 'ningxia', f"policy {doc['policy']!r}")
    r = pbscore('score', '--policy', 'atlantis', XISHAN)
    expect_rc(r, 2)
    expect('atlantis' in r.err, 'unknown policy not named', r)


# ------------------------------------------------------------- the official form (issue 9)

FORM_DOC = """pbscore: 1
title: 表单测试
goals:
  expected: 预期的目标段落
signoff:
  preparer: 李四
  date: 2025年3月10日
budget:
  initial: 12
  annual: 207.4538
  executed: 200.5
indicators:
  - {level1: 产出指标, level2: 数量指标, name: 办件量, target: "≥1000件", actual: "1200件", points: 90}
"""

OFFICIAL_HEADS = ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分',
                  '偏差原因分析及改进措施']


@case('report --columns official|full: the form\'s columns only, or with 序号, 状态, 标记')
def _():
    for fmt in ('text', 'markdown', 'html'):
        full = pbscore('report', '--format', fmt, XISHAN)
        same = pbscore('report', '--format', fmt, '--columns', 'full', XISHAN)
        official = pbscore('report', '--format', fmt, '--columns', 'official', XISHAN)
        for r in (full, same, official):
            expect_rc(r, 0)
        expect(full.out == same.out, f'{fmt}: --columns full is not the default', same)
        table = official.out[official.out.index('绩效指标'):]
        heads = re.findall('|'.join(OFFICIAL_HEADS + ['序号', '状态', '标记']), table)
        expect('序号' not in official.out and '状态' not in official.out and '标记' not in official.out,
               f'{fmt}: official shows pbscore\'s own columns', official)
        expect(heads[:8] == OFFICIAL_HEADS, f'{fmt}: official heads {heads[:8]}', official)
        expect('序号' in full.out and '状态' in full.out, f'{fmt}: full lost 序号 or 状态', full)
        expect('偏差原因分析及改进措施' in full.out, f'{fmt}: the reason column is not the form\'s', full)
    r = pbscore('score', '--format', 'markdown', '--columns', 'official', XISHAN)
    expect_rc(r, 0)
    expect('| 一级指标 | 二级指标 |' in r.out and '序号' not in r.out, 'score --columns', r)
    with tempfile.TemporaryDirectory() as tmp:
        book = os.path.join(tmp, 'x.xlsx')
        r = pbscore('report', '--format', 'xlsx', '--columns', 'official', '--output', book, XISHAN)
        expect_rc(r, 0)
        expect(os.path.getsize(book) > 0, 'xlsx with --columns official wrote nothing')
    r = pbscore('report', '--columns', 'wide', XISHAN)
    expect_usage_error(r)
    expect('unknown columns “wide” (full or official)' in r.err, 'the bad --columns is not named', r)
    expect_usage_error(pbscore('lint', '--columns', 'official', XISHAN))


@case('report: 总分 row, money with two decimals or more, 年度总体目标 and sign-off in every human format')
def _():
    for fmt in ('text', 'markdown', 'html'):
        r = pbscore('report', '--format', fmt, '-', stdin=FORM_DOC)
        expect_rc(r, 0)
        for want in ('12.00', '207.4538', '200.50', '年度总体目标', '预期目标', '预期的目标段落',
                     '填报人', '李四', '填报日期', '2025年3月10日'):
            expect(want in r.out, f'{fmt}: {want} missing', r)
        expect('实际完成情况' not in r.out or fmt == 'html', f'{fmt}: an empty 实际完成情况 shown', r)
        expect('项目负责人' not in r.out, f'{fmt}: an empty 项目负责人 shown', r)
    r = pbscore('report', '--format', 'markdown', XISHAN)
    expect('|  | 总分 |  |  |  |  | 100 | 99.88 |  |  |  |\n' in r.out, 'no 总分 row in markdown', r)
    doc = load_json(pbscore('score', '--format', 'json', '-', stdin=FORM_DOC).out)
    number(doc['budget']['initial'], '12', 'json initial')
    r = pbscore('score', '--format', 'csv', '-', stdin=FORM_DOC)
    expect('12.00' not in r.out, 'csv is data: no padded money', r)


def english_words(text):
    """The Latin words a Chinese report shows, past file places and stable
    names in brackets after a Chinese label."""
    if text.startswith('<!DOCTYPE'):
        text = re.sub(r'<style>.*?</style>', '', text, flags=re.S)
        text = html.unescape(re.sub(r'<[^>]+>', ' ', text))
    text = text.replace(XISHAN, '')
    text = re.sub(r'（[a-z0-9_\\-]+）|\([a-z0-9_\\]+\)', '', text)
    return sorted(set(re.findall(r'[A-Za-z][A-Za-z_]*', text)))


@case('--lang zh: every label of the Xishan text, markdown and html reports is Chinese')
def _():
    for command in (('report',), ('report', '--narrative'), ('explain',), ('audit',), ('lint',)):
        for fmt in ('text', 'markdown', 'html'):
            r = pbscore(*command, '--format', fmt, XISHAN)
            words = english_words(r.out)
            expect(words == [], f'{" ".join(command)} --format {fmt}: English words {words}', r)
    r = pbscore('report', XISHAN)
    expect('评分口径：中央（central）' in r.out, 'the preset\'s Chinese name', r)
    r = pbscore('report', '--lang', 'en', XISHAN)
    expect('Policy: central' in r.out, 'English reports name the preset by its name', r)
    expect('正向（positive）' in pbscore('explain', XISHAN).out, 'rule label')
    expect('缺偏差原因（missing_reason）' in pbscore('audit', XISHAN).out, 'finding label')
    r = pbscore('lint', 'tests/data/valid/placeholders.yaml')
    expect('年度指标值（target）仍是占位符' in r.out, 'unfilled field by its Chinese name', r)


@case('policy label: the presets\' Chinese names; a policy file gives its own with label:')
def _():
    r = pbscore('policy', 'show', 'guangxi')
    expect_rc(r, 0)
    expect('\nname: guangxi\nlabel: 广西\n' in r.out, 'policy show has no label', r)
    with tempfile.TemporaryDirectory() as tmp:
        mine = write_file(tmp, 'mine.yaml', 'pbscore: 1\nkind: policy\nname: mine\nlabel: 某市口径\nextends: shanxi\n')
        r = pbscore('report', '--policy', mine, XISHAN)
        expect_rc(r, 0)
        expect('评分口径：某市口径（mine）' in r.out, 'the policy file\'s label', r)
        write_file(tmp, 'mine.yaml', 'pbscore: 1\nkind: policy\nname: mine\nextends: shanxi\n')
        r = pbscore('report', '--policy', mine, XISHAN)
        expect('评分口径：mine\n' in r.out, 'a renamed policy kept its preset\'s label', r)
        write_file(tmp, 'mine.yaml', 'pbscore: 1\nkind: policy\nname: mine\nlabel: a\nlabel: b\n')
        r = pbscore('validate', mine)
        expect_rc(r, 2)
        expect('label' in r.err and 'twice' in r.err, 'a doubled label: not named', r)


# ------------------------------------------------------------- explain, audit, lint, report

@case('explain: every row\'s rule and arithmetic; --row N and --row NAME pick one')
def _():
    r = pbscore('explain', XISHAN)
    expect_rc(r, 0)
    expect(all(row[2] in r.out for row in X), 'a row is missing', r)
    r = pbscore('explain', '--row', '8', '--format', 'json', XISHAN)
    expect_rc(r, 0)
    rows = load_json(r.out)['indicators']
    expect([row['name'] for row in rows] == ['营商环境投诉办结销号率'], f'rows {rows}')
    expect('4.89' in rows[0]['explanation'] and '97.7' in rows[0]['explanation'], 'no arithmetic')
    r = pbscore('explain', '--row', '审批时限压缩率', XISHAN)
    expect_rc(r, 0)
    expect('审批时限压缩率' in r.out and '网上可办率' not in r.out, 'not only that row', r)
    for bad in ('99', '0', '没有这一行'):
        r = pbscore('explain', '--row', bad, XISHAN)
        expect_rc(r, 2)
        expect(r.err.startswith('pbscore: ') and bad in r.err, f'--row {bad} not reported', r)


def findings(run):
    return [(f['kind'], f['row']) for doc in ([load_json(run.out)]) for f in doc['findings']]


@case('audit: a printed_grade differing from the computed grade is a finding, exit 1')
def _():
    doc = ('pbscore: 1\ntitle: t\nprinted_grade: 良\nbudget: {annual: 10, executed: 10}\nindicators:\n'
           '  - {level1: 产出指标, level2: 数量指标, name: 甲, target: "≥1项", actual: "1项", points: 90}\n')
    r = pbscore('audit', '--format', 'json', '-', stdin=doc)
    expect_rc(r, 1)
    expect(findings(r) == [('grade', None)], f'findings {findings(r)}', r)
    expect(load_json(r.out)['printed_grade'] == '良', 'printed_grade not in the JSON', r)
    r = pbscore('audit', '-', stdin=doc.replace('良', '优'))
    expect_rc(r, 0)


@case('audit: exit 1 with exactly the wrong rows, the budget score and the total')
def _():
    path = 'tests/data/audit/audit-wrong-rows.yaml'
    r = pbscore('audit', path)
    expect_rc(r, 1)
    r = pbscore('audit', '--format', 'json', path)
    expect_rc(r, 1)
    found = findings(r)
    rows = sorted(row for kind, row in found if kind == 'row_score')
    expect(rows == [Decimal(n) for n in (2, 3, 5, 8, 11)], f'row_score rows {rows}')
    kinds = {kind for kind, _ in found}
    for kind in ('budget_score', 'total', 'total_arithmetic', 'missing_reason'):
        expect(kind in kinds, f'no {kind} finding: {sorted(kinds)}')
    doc = load_json(r.out)
    variants = {f['kind']: f['variant'] for f in doc['findings'] if f['kind'] in ('budget_score', 'total')}
    expect(variants == {'budget_score': 'initial_budget', 'total': 'budget_not_in_total'}, f'variants {variants}')


@case('audit: exit 0 on a clean table, exit 1 on one that does not add up')
def _():
    r = pbscore('audit', '--format', 'json', 'tests/data/audit/audit-clean.yaml')
    expect_rc(r, 0)
    expect(load_json(r.out)['findings'] == [], 'findings on a clean table', r)
    r = pbscore('audit', '--format', 'json', 'tests/data/audit/audit-arithmetic.yaml')
    expect_rc(r, 1)
    expect({k for k, _ in findings(r)} >= {'total', 'total_arithmetic'}, 'total findings', r)
    for path in ('tests/data/audit/parents-qizhong.yaml', 'tests/data/audit/parents-sum.yaml'):
        expect_rc(pbscore('audit', path), 0)


LINT_KEYS = ['check', 'row', 'name', 'category', 'where', 'message', 'suggestion']


@case('lint: the Xishan example confesses its weaknesses (exit 1), named by row')
def _():
    r = pbscore('lint', XISHAN)
    expect_rc(r, 1)
    expect('审批时限压缩率' in r.out, '审批时限压缩率 not named', r)
    # text: FILE:LINE:COLUMN first, as a compiler writes it
    expect(re.search(rf'^{re.escape(XISHAN)}:132:5: .*审批时限压缩率.*\[目标值偏低（target_too_low）\]$', r.out, re.M),
           'row 16 not located in the text', r)
    r = pbscore('lint', '--format', 'json', XISHAN)
    expect_rc(r, 1)
    doc = load_json(r.out)
    expect(isinstance(doc, dict) and doc['title'] == XISHAN_TITLE, 'not the evaluation object', r)
    found = doc['lint']
    checks = {(f['check'], f['name']) for f in found}
    expect(('target_too_low', '审批时限压缩率') in checks, f'target_too_low missing: {checks}')
    expect(('missing_reason', '审批时限压缩率') in checks, f'missing_reason missing: {checks}')
    expect(('vague_target', '营商环境持续优化') in checks, f'vague_target missing: {checks}')
    for f in found:
        expect(list(f) == LINT_KEYS, f'keys {list(f)}')
        expect(f['message'] and f['suggestion'], f'incomplete finding {f}')
        expect(re.fullmatch(rf'{re.escape(XISHAN)}:\d+:\d+', f['where']), f'where {f["where"]}')
        if f['row'] is not None:
            expect(f['name'] == X[int(f['row']) - 1][2], f'row {f["row"]} is not {f["name"]}')
        else:
            expect(f['name'] is None, f'a finding without a row names {f["name"]}')
    row16 = [f for f in found if f['row'] == 16]
    expect(row16 and row16[0]['where'] == f'{XISHAN}:132:5', f'row 16 where {row16}')
    r = pbscore('lint', '--lang', 'en', XISHAN)
    expect('Suggestion:' in r.out and '建议' not in r.out, 'English lint', r)


@case('lint: every format holds the same findings')
def _():
    files = [XISHAN, 'tests/data/valid/batch-three.yaml']
    docs = load_json(pbscore('lint', '--format', 'json', *files).out)
    expect(isinstance(docs, list) and len(docs) == 4, 'json: not one object per evaluation')
    want = [(d['title'], f['check'], f['row'], f['where']) for d in docs for f in d['lint']]
    expect(len(want) > 4, f'too few findings: {want}')
    r = pbscore('lint', '--format', 'jsonl', *files)
    expect_rc(r, 1)
    expect([load_json(line) for line in r.out.splitlines()] == docs, 'jsonl differs from json', r)
    r = pbscore('lint', '--format', 'csv', *files)
    expect_rc(r, 1)
    expect('\r\n' in r.out, 'csv lines do not end in CRLF', r)
    rows = list(csv.reader(io.StringIO(r.out, newline='')))
    expect(rows[0] == ['title', *[k for k in LINT_KEYS]], f'csv header {rows[0]}')
    got = [(t, c, Decimal(n) if n else None, w) for t, c, n, _name, _cat, w, _m, _s in rows[1:]]
    expect(got == want, f'csv findings {got}')
    r = pbscore('lint', '--format', 'html', *files)
    expect_rc(r, 1)
    root = ET.fromstring(r.out.split('\n', 1)[1])
    ns = '{http://www.w3.org/1999/xhtml}'
    checks = [tr.get('data-check') for tr in root.iter(f'{ns}tr') if tr.get('data-check')]
    expect(checks == [c for _t, c, _r, _w in want], f'html findings {checks}')
    r = pbscore('lint', '--format', 'markdown', XISHAN)
    expect_rc(r, 1)
    expect(re.search(r'^\| .*132:5 \| 目标值偏低（target\\_too\\_low） \| 16 \|', r.out, re.M), 'markdown row 16', r)
    r = pbscore('lint', '--format', 'yaml', *files)
    expect_rc(r, 1)
    expect(r.out.count('\n---') + r.out.startswith('---') == 4, 'yaml: not one document each', r)
    expect(r.out.count('\n- check: ') == len(want), 'yaml: not every finding', r)
    expect(f'  where: "{XISHAN}:132:5"' in r.out, 'yaml: row 16 not located', r)


@case('lint: exit 0 when there is nothing to say')
def _():
    r = pbscore('lint', '-', stdin=LINT_CLEAN)
    expect_rc(r, 0)


@case('report --narrative: the analysis names the real shortfalls')
def _():
    r = pbscore('report', '--narrative', XISHAN)
    expect_rc(r, 0)
    expect('营商环境投诉办结销号率' in r.out and '97.7' in r.out, 'the shortfall of row 8 not named', r)
    expect('总分' in r.out, 'the table is not there', r)
    r = pbscore('report', '--narrative', '--format', 'json', XISHAN)
    expect_rc(r, 0)
    doc = load_json(r.out)
    expect('营商环境投诉办结销号率' in doc.get('narrative', ''), 'json narrative', r)


# ------------------------------------------------------------- template and policy

@case('template list shows the four templates')
def _():
    r = pbscore('template', 'list')
    expect_rc(r, 0)
    names = [line.split()[0] for line in r.out.splitlines() if line.strip()]
    expect(sorted(set(names) & set(TEMPLATES)) == TEMPLATES, f'templates {names}', r)


@case('template show NAME prints the template\'s file')
def _():
    for name in TEMPLATES:
        r = pbscore('template', 'show', name)
        expect_rc(r, 0)
        with open(os.path.join(SRCDIR, 'templates', f'{name}.yaml'), encoding='utf-8') as f:
            expect(r.out == f.read(), f'{name}: not the file')
    r = pbscore('template', 'show', 'no-such-template')
    expect_rc(r, 2)
    expect('no-such-template' in r.err, 'not named', r)


def template_new_case(name):
    @case(f'template new {name}: a skeleton that validates, and scores once filled in')
    def _():
        r = pbscore('template', 'new', name)
        expect_rc(r, 0)
        skeleton = r.out
        expect(f'template: "{name}"' in skeleton or f'template: {name}' in skeleton, 'no template: line', r)
        for part in ('\ngoals:', '\nsignoff:', '\n# printed_total:', '\n# printed_grade:',
                     '\n  # printed_score:', '\n    # printed_score:', '\n  # printed_rate:',
                     '\n  # sources:'):
            expect(part in skeleton, f'the skeleton lacks {part.strip()!r}', r)
        v = pbscore('validate', '-', stdin=skeleton)
        expect_rc(v, 0)
        # each placeholder (待填写 …, rule book §11) is a located warning
        title_line = next(i for i, l in enumerate(skeleton.split('\n'), 1) if l.startswith('title:'))
        expect(f':{title_line}:8: 警告：title 仍是占位符' in v.err, 'no located placeholder warning', v)
        filled_in = [l for l in skeleton.split('\n') if '待填写' in l.split('#')[0]]
        expect(v.err.count('仍是占位符') == len(filled_in), 'not one warning per placeholder', v)
        j = pbscore('score', '--format', 'json', '-', stdin=skeleton)
        expect_rc(j, 0)
        doc = load_json(j.out)
        expect(doc['template'] == name, f"template {doc['template']!r}")
        # one row per level-2 category of the template, every one of them
        shown = pbscore('template', 'show', name).out
        level2 = {(s['level1'], s['level2']) for s in doc['subtotals'] if s['level'] == 2}
        expect(len(doc['indicators']) == len(level2), 'not one row per level-2 category')
        for _l1, l2 in level2:
            expect(l2 in shown, f'{l2} is not in the template')
        number(doc['total_points'], '100', 'total_points')
        expect(doc['complete'] is False, 'a skeleton without actuals is complete')
        # fill in the actuals: every row meets its target, the total is full marks
        filled = skeleton.replace('# actual: ""', 'actual: "100%"')
        j = pbscore('score', '--format', 'json', '-', stdin=filled)
        expect_rc(j, 0)
        doc = load_json(j.out)
        expect(doc['complete'] is True, 'not complete once filled in')
        number(doc['total'], '100', 'total once filled in')
        # the money block's commented lines (§11) are valid once uncommented
        filled = re.sub(r'^  # (printed_rate|sources)', r'  \1', filled, flags=re.M)
        filled = re.sub(r'^  #   - ', '    - ', filled, flags=re.M)
        j = pbscore('score', '--format', 'json', '-', stdin=filled)
        expect_rc(j, 0)
        doc = load_json(j.out)
        expect([s['name'] for s in doc['budget']['sources']] == ['当年财政拨款', '上年结转资金', '其他资金'],
               'the sources once uncommented', j)
        expect(doc['warnings'] == [], 'the skeleton\'s sources add up', j)
        number(doc['budget']['printed_rate'], '100', 'printed_rate once uncommented')
        expect_rc(pbscore('audit', '-', stdin=filled), 0)


for _name in TEMPLATES:
    template_new_case(_name)


BUDGET_DOC = ('pbscore: 1\ntitle: 执行率\n'
              'budget: {annual: 207.4538, executed: 197.4538, printed_rate: "%s", printed_score: 9.52}\n'
              'indicators:\n'
              '  - {level1: 产出指标, level2: 数量指标, name: 办件量, target: "≥1000件", actual: "1200件", points: 90}\n')


@case('§11 budget.printed_rate: audited against the computed rate at its own digits (budget_rate, exit 1)')
def _():
    r = pbscore('audit', '--format', 'json', '-', stdin=BUDGET_DOC % '95.18%')
    expect_rc(r, 0)
    r = pbscore('audit', '--format', 'json', '-', stdin=BUDGET_DOC % '95.3%')
    expect_rc(r, 1)
    found = [f for f in load_json(r.out)['findings'] if f['kind'] == 'budget_rate']
    expect(len(found) == 1, 'one budget_rate finding', r)
    number(found[0]['printed'], '95.3', 'printed rate')
    number(found[0]['computed'], '95.18', 'computed rate')
    r = pbscore('audit', '-', stdin=BUDGET_DOC % '95.3%')
    expect('预算执行率：公布 95.3%，应为 95.18%' in r.out, 'the finding in words', r)
    r = pbscore('score', '--format', 'json', '-', stdin=BUDGET_DOC % '95.3%')
    number(load_json(r.out)['budget']['printed_rate'], '95.3', 'printed_rate in JSON')


@case('§11 a budget of only a rate and a score scores as printed; JSON and YAML keep what was printed')
def _():
    doc = ('pbscore: 1\ntitle: t\nbudget: {printed_rate: 95.3%, printed_score: 9.53}\nindicators:\n'
           '  - {level1: 产出指标, level2: 数量指标, name: a, target: "≥1个", actual: "1个", points: 90}\n')
    r = pbscore('score', '--format', 'json', '-', stdin=doc)
    expect_rc(r, 0)
    b = load_json(r.out)['budget']
    expect(b['annual'] is None and b['executed'] is None and b['rate'] is None, 'no rate invented', r)
    number(b['score'], '9.53', 'the printed score stands')
    r = pbscore('score', '--format', 'yaml', '-', stdin=doc)
    expect('printed_rate: 95.3%' in r.out and '\n  annual:' not in r.out, 'YAML keeps what was printed', r)
    expect_rc(pbscore('validate', '-', stdin=r.out), 0)


@case('§11 qualitative.bands in a policy document: 部分达成 scores from 50 % under 80/50')
def _():
    doc = ('pbscore: 1\ntitle: t\nbudget: {annual: 100, executed: 100}\nindicators:\n'
           '  - {level1: 产出指标, level2: 数量指标, name: a, target: "≥1个", actual: "1个", points: 80}\n'
           '  - {level1: 效益指标, level2: 社会效益指标, name: b, target: 服务质量有效提升, actual: 部分达成, '
           'points: 10, reason: 原因}\n')
    r = pbscore('score', '--format', 'json', '--policy', 'tests/data/valid/policy-qualitative-bands.yaml',
                '-', stdin=doc)
    expect_rc(r, 0)
    number(load_json(r.out)['indicators'][1]['score'], '5.00', 'lower bound of [50 %, 80 %) of 10')
    r = pbscore('policy', 'show', 'central')
    expect(re.search(r'^\s+bands: 80/60$', r.out, re.M) is not None, 'central bands 80/60', r)


@case('§11 budget.sources: an unknown name is a located error that says what was meant')
def _():
    r = pbscore('validate', 'tests/data/invalid/unknown-fund-source.yaml')
    expect_rc(r, 2)
    expect('unknown-fund-source.yaml:8:14: a funding source is 当年财政拨款, 上年结转资金 or 其他资金, '
           'not “财政拨款” (did you mean “当年财政拨款”?)' in r.err, 'the message', r)


@case('policy list shows the five presets')
def _():
    r = pbscore('policy', 'list')
    expect_rc(r, 0)
    names = [line.split()[0] for line in r.out.splitlines() if line.strip()]
    expect(names == PRESETS, f'presets {names}', r)
    expect('over.threshold: 1.3' in r.out, 'guangxi differences', r)


@case('policy show NAME prints the policy as YAML (guangxi: threshold 1.3)')
def _():
    r = pbscore('policy', 'show', 'guangxi')
    expect_rc(r, 0)
    expect(re.search(r'^\s+threshold: 1\.3$', r.out, re.M) is not None, 'no threshold: 1.3', r)
    expect(re.search(r'^kind: policy$', r.out, re.M) is not None, 'not a policy document', r)
    v = pbscore('validate', '-', stdin=r.out)
    expect_rc(v, 0)
    r = pbscore('policy', 'show', 'atlantis')
    expect_rc(r, 2)
    r = pbscore('policy', 'knobs')
    expect_rc(r, 0)
    expect('over.threshold' in r.out and 'rounding.mode' in r.out, 'knobs', r)

# ------------------------------------------------------------- issue 14: outputs

def raw_pbscore(*args, stdout=subprocess.PIPE, stdin=None, preexec_fn=None, cwd=None):
    """Runs the program with its stdin and stdout wherever the caller says; returns (rc, err)."""
    proc = subprocess.run([CLI, *args], stdin=stdin, stdout=stdout, stderr=subprocess.PIPE,
                          cwd=cwd or SRCDIR, env=cli_env(), timeout=120, check=False,
                          preexec_fn=preexec_fn)
    return proc.returncode, proc.stderr.decode('utf-8', 'replace')


@case('help, --help, --version and commands notice a failed write of stdout (> /dev/full): exit 2, told once')
def _():
    if not os.path.exists('/dev/full'):
        return
    for args in (('help',), ('--help',), ('--version',), ('help', 'score'), ('score', '--help'),
                 ('score', '--version'), ('policy', 'list'), ('policy', 'show', 'central'),
                 ('template', 'list'), ('template', 'new', 'core-2021'), ('score', XISHAN),
                 ('score', '--format', 'json', XISHAN, XISHAN), ('score', '--summary', XISHAN),
                 ('validate', XISHAN), ('import', XISHAN), ('summary', XISHAN), ('rollup', XISHAN),
                 ('audit', XISHAN), ('lint', XISHAN), ('explain', XISHAN),
                 ('report', '--format', 'html', XISHAN)):
        with open('/dev/full', 'w') as full:
            rc, err = raw_pbscore(*args, stdout=full)
        expect(rc == 2, f'pbscore {" ".join(args)} > /dev/full: exit {rc}, expected 2\n{err}')
        expect(err.count('cannot write the standard output') == 1 and err.count('pbscore: ') == 1,
               f'pbscore {" ".join(args)} > /dev/full: not one message naming standard output: {err}')


@case('--output onto a FIFO, a character device or /dev/stdout is written in place')
def _():
    with tempfile.TemporaryDirectory() as tmp:
        fifo = os.path.join(tmp, 'fifo')
        os.mkfifo(fifo)
        reader = subprocess.Popen(['cat', fifo], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        try:
            r = pbscore('score', '--format', 'json', '--output', fifo, XISHAN)
            got = reader.communicate(timeout=60)[0].decode('utf-8')
        finally:
            reader.kill()
            reader.wait()
        expect_rc(r, 0)
        expect(stat.S_ISFIFO(os.lstat(fifo).st_mode), 'the FIFO was replaced by a file', r)
        expect(load_json(got)['title'] == XISHAN_TITLE, 'the FIFO did not carry the output', r)
        expect(os.listdir(tmp) == ['fifo'], f'left behind: {os.listdir(tmp)}', r)
    r = pbscore('score', '--format', 'json', '--output', '/dev/stdout', XISHAN)
    expect_rc(r, 0)
    expect(load_json(r.out)['title'] == XISHAN_TITLE, '/dev/stdout did not get the output', r)
    r = pbscore('score', '--output', '/dev/null', XISHAN)
    expect_rc(r, 0)
    expect(stat.S_ISCHR(os.stat('/dev/null').st_mode), '/dev/null is no longer a device', r)
    if os.path.exists('/dev/full'):
        r = pbscore('score', '--output', '/dev/full', XISHAN)
        expect_rc(r, 2)
        expect('/dev/full' in r.err, 'the message does not name the target', r)
        expect(stat.S_ISCHR(os.stat('/dev/full').st_mode), '/dev/full is no longer a device', r)


@case('--output refuses a directory and a socket, naming the target')
def _():
    import socket
    with tempfile.TemporaryDirectory() as tmp:
        r = pbscore('score', '--output', tmp, XISHAN)
        expect_rc(r, 2)
        expect(f'“{tmp}”' in r.err, 'the message does not name the directory', r)
        expect(os.listdir(tmp) == [], f'left behind: {os.listdir(tmp)}', r)
        path = os.path.join(tmp, 's')
        sock = socket.socket(socket.AF_UNIX)
        try:
            sock.bind(path)
            r = pbscore('score', '--output', path, XISHAN)
            expect_rc(r, 2)
            expect(f'“{path}”' in r.err, 'the message does not name the socket', r)
            expect(stat.S_ISSOCK(os.lstat(path).st_mode), 'the socket was replaced', r)
            expect(os.listdir(tmp) == ['s'], f'left behind: {os.listdir(tmp)}', r)
        finally:
            sock.close()


@case('--output follows a chain of symbolic links to the final file; a hard link is split')
def _():
    with tempfile.TemporaryDirectory() as tmp:
        os.mkdir(os.path.join(tmp, 'd'))
        final = write_file(os.path.join(tmp, 'd'), 'final.json', 'old')
        os.chmod(final, 0o640)
        os.symlink('d/final.json', os.path.join(tmp, 'middle'))
        os.symlink('middle', os.path.join(tmp, 'first'))
        os.link(final, os.path.join(tmp, 'hard'))
        r = pbscore('score', '--format', 'json', '--output', os.path.join(tmp, 'first'), XISHAN)
        expect_rc(r, 0)
        expect(os.path.islink(os.path.join(tmp, 'first')) and os.path.islink(os.path.join(tmp, 'middle')),
               'a link of the chain was replaced', r)
        with open(final, encoding='utf-8') as f:
            expect(load_json(f.read())['title'] == XISHAN_TITLE, 'the final file was not written', r)
        expect(stat.S_IMODE(os.stat(final).st_mode) == 0o640, 'the permissions were not kept', r)
        with open(os.path.join(tmp, 'hard'), encoding='utf-8') as f:
            expect(f.read() == 'old', 'the other hard link changed: the rename splits them', r)
        expect(sorted(os.listdir(os.path.join(tmp, 'd'))) == ['final.json'], 'temporary file left', r)


@case('--output: killed mid-write (SIGXFSZ), the temporary file is removed')
def _():
    import resource
    import signal

    def small_files():
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, resource.RLIM_INFINITY))
    with tempfile.TemporaryDirectory() as tmp:
        out = write_file(tmp, 'big.html', 'old')
        rc, err = raw_pbscore('report', '--format', 'html', '--output', out, XISHAN, XISHAN,
                              preexec_fn=small_files)
        expect(rc == -signal.SIGXFSZ, f'exit {rc}, expected death by SIGXFSZ\n{err}')
        expect(os.listdir(tmp) == ['big.html'], f'left behind: {os.listdir(tmp)}')
        with open(out) as f:
            expect(f.read() == 'old', 'the target changed')


@case('--output: killed by SIGTERM, SIGINT or SIGHUP mid-write, the temporary file is removed')
def _():
    import signal
    import time

    with open(os.path.join(SRCDIR, XISHAN), 'rb') as f:
        first = f.read() + b'\n---\n'
    for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        with tempfile.TemporaryDirectory() as tmp:
            out = write_file(tmp, 'out.jsonl', 'old')
            # The first document is written through the temporary file while
            # standard input stays open: the program is mid-write, waiting.
            # Under nohup or in a shell's background job SIGHUP or SIGINT
            # arrive ignored, and pbscore keeps what it is given ignored:
            # the child starts with the default action, as from a terminal.
            proc = subprocess.Popen([CLI, 'score', '--format', 'jsonl', '--output', out, '-'],
                                    stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                                    stderr=subprocess.PIPE, cwd=SRCDIR, env=cli_env(),
                                    preexec_fn=lambda: signal.signal(sig, signal.SIG_DFL))
            try:
                proc.stdin.write(first)
                proc.stdin.flush()
                deadline = time.monotonic() + 30
                while os.listdir(tmp) == ['out.jsonl'] and time.monotonic() < deadline:
                    time.sleep(0.01)
                during = sorted(os.listdir(tmp))
                proc.send_signal(sig)
                rc = proc.wait(timeout=60)
            finally:
                if proc.poll() is None:
                    proc.kill()
                    proc.wait()
                proc.stdin.close()
                proc.stderr.close()
            expect(len(during) == 2, f'{sig.name}: no temporary file while the input was open: {during}')
            expect(rc == -sig, f'{sig.name}: exit {rc}, expected death by the signal')
            expect(os.listdir(tmp) == ['out.jsonl'], f'{sig.name}: left behind: {os.listdir(tmp)}')
            with open(out) as f:
                expect(f.read() == 'old', f'{sig.name}: the target changed')


@case('--output: an error names the target, never the temporary file')
def _():
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, 'missing', 'x.json')
        r = pbscore('score', '--format', 'json', '--output', out, XISHAN)
        expect_rc(r, 2)
        expect(f'“{out}”' in r.err, 'the message does not name the target', r)
        expect(re.search(r'x\.json\.[A-Za-z0-9]{6}|XXXXXX', r.err) is None,
               'the message names the temporary file', r)
        expect(os.listdir(tmp) == [], f'left behind: {os.listdir(tmp)}', r)


# ------------------------------------------------------------- issue 14: what reports let through

HOSTILE = r'A\x1b[31mB\x9b31mC\NDE\LF\PG\u202eH\u2066I\uFFFEJ\uFFFFK\uFDD0L\U0001FFFEM\x07N'


def hostile_document(folder):
    """The Xishan example with a title full of what terminals and XML choke on."""
    with open(os.path.join(SRCDIR, XISHAN), encoding='utf-8') as f:
        src = f.read()
    src = re.sub(r'^title: .*$', lambda m: f'title: "{HOSTILE}"', src, count=1, flags=re.M)
    return write_file(folder, 'hostile.yaml', src)


def is_nonchar(ch):
    c = ord(ch)
    return 0xFDD0 <= c <= 0xFDEF or (c & 0xFFFE) == 0xFFFE


@case('text and markdown strip C1 controls, NEL, U+2028/2029 and bidi overrides; CSV removes controls')
def _():
    terminal_bad = re.compile('[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]')
    with tempfile.TemporaryDirectory() as tmp:
        doc = hostile_document(tmp)
        for fmt in ('text', 'markdown'):
            for command in ('score', 'report', 'explain'):
                r = pbscore(command, '--format', fmt, doc)
                expect_rc(r, 0)
                expect('A' in r.out and 'M N' in r.out.replace('\\', ''), 'the title is gone', r)
                bad = terminal_bad.findall(r.out)
                expect(not bad, f'{command} {fmt} lets through {bad!r}', r)
        r = pbscore('report', '--format', 'csv', doc)
        expect_rc(r, 0)
        bad = re.findall('[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]', r.out)
        expect(not bad, f'CSV lets through {bad!r}', r)
        rows = list(csv.reader(io.StringIO(r.out)))
        expect(rows[1][0].startswith('A[31mB31mC'), f'CSV title {rows[1][0]!r}', r)


@case('HTML replaces noncharacters, so the page stays well-formed XML')
def _():
    with tempfile.TemporaryDirectory() as tmp:
        doc = hostile_document(tmp)
        r = pbscore('report', '--format', 'html', doc)
        expect_rc(r, 0)
        bad = [ch for ch in r.out if is_nonchar(ch)]
        expect(not bad, f'HTML carries noncharacters {bad!r}', r)
        root = ET.fromstring(r.out.encode('utf-8'))
        expect(root is not None, 'not XML', r)

# ------------------------------------------------------------- issue 14: inputs

def xishan_with(folder, name='doc.yaml', **fields):
    """The Xishan example with top-level fields replaced (values written as given)."""
    with open(os.path.join(SRCDIR, XISHAN), encoding='utf-8') as f:
        src = f.read()
    for key, value in fields.items():
        src, n = re.subn(rf'^{key}: .*$', lambda m: f'{key}: {value}', src, count=1, flags=re.M)
        if n == 0:
            src = f'{key}: {value}\n' + src
    return write_file(folder, name, src)


@case('templates and policies are read only from regular files: /dev/zero, /dev/urandom, a FIFO')
def _():
    with tempfile.TemporaryDirectory() as tmp:
        fifo = os.path.join(tmp, 'fifo.yaml')
        os.mkfifo(fifo)
        for bad in ('/dev/zero', '/dev/urandom', fifo):
            for args in (('score', '--policy', bad, XISHAN), ('score', '--template', bad, XISHAN),
                         ('policy', 'show', bad),
                         ('score', xishan_with(tmp, policy=f'"{bad}"')),
                         ('score', xishan_with(tmp, template=f'"{bad}"'))):
                r = pbscore(*args)
                expect_rc(r, 2)
                expect(bad in r.err and 'regular file' in r.err, 'the message does not name the file', r)


@case('a template or policy file of more than 16 MiB is a LIMIT error naming it; 16 MiB is read')
def _():
    limit = 16 * 1024 * 1024
    policy = 'pbscore: 1\nkind: policy\nname: padded\nextends: central\n'
    with tempfile.TemporaryDirectory() as tmp:
        for size, ok in ((limit, True), (limit + 1, False)):
            path = write_file(tmp, f'p{size}.yaml', policy + '#' + 'x' * (size - len(policy) - 2) + '\n')
            expect(os.path.getsize(path) == size, 'the padded policy has the wrong size')
            for args in (('score', '--policy', path, XISHAN), ('policy', 'show', path),
                         ('score', xishan_with(tmp, policy=f'"{path}"'))):
                r = pbscore(*args)
                if ok:
                    expect_rc(r, 0)
                else:
                    expect_rc(r, 2)
                    expect(path in r.err and '16 MiB' in r.err, 'the message does not name the file', r)


@case('a device or an endless pipe as input ends with an error, not a runaway buffer')
def _():
    # /dev/zero and /dev/urandom: the first block already holds what no text
    # holds, located; an endless table on standard input stops at the
    # largest table file pbscore reads (doc/import.md). Random bytes are
    # mostly taken for a table (a NUL in the first block), but the few
    # starts that look like YAML (a byte-order mark, say) are read as YAML
    # and fail at their first invalid byte: located either way.
    for dev, msg in (('/dev/zero', r'/dev/zero:line 1: a NUL character'),
                     ('/dev/urandom', r'/dev/urandom:(line \d+|\d+:\d+): ')):
        if not os.path.exists(dev):
            continue
        r = pbscore('validate', dev)
        expect_rc(r, 2)
        expect(re.search(msg, r.err), f'no located error for {dev}', r)
    endless = subprocess.Popen(['yes', '序号,指标,目标'], stdout=subprocess.PIPE)
    try:
        rc, err = raw_pbscore('validate', '-', stdin=endless.stdout)
    finally:
        endless.kill()
        endless.wait()
        endless.stdout.close()
    expect(rc == 2, f'an endless CSV pipe: exit {rc}, expected 2\n{err}')
    expect('<stdin>: more than 268435456 bytes' in err, f'no limit named: {err}')


@case('a YAML value or key holding U+0000 is a located error, not a truncation')
def _():
    with tempfile.TemporaryDirectory() as tmp:
        doc = xishan_with(tmp, title=r'"西山\0garbage"')
        r = pbscore('validate', doc)
        expect_rc(r, 2)
        expect(re.search(r'doc\.yaml:\d+:\d+: .*U\+0000', r.err) is not None, 'no located error', r)
        doc = xishan_with(tmp, name='key.yaml', **{'"no\\0te"': 'x'})
        r = pbscore('validate', doc)
        expect_rc(r, 2)
        expect(re.search(r'key\.yaml:1:1: .*U\+0000', r.err) is not None, 'no located error for a key', r)

@case('template new: the skeleton validates when the template holds U+2028, U+2029 or U+0085')
def _():
    with tempfile.TemporaryDirectory() as tmp:
        with open(os.path.join(SRCDIR, 'templates', 'core-2021.yaml'), encoding='utf-8') as f:
            src = f.read()
        src = src.replace('name: core-2021', 'name: pasted', 1)
        src = src.replace('suggested: [成本控制率]', 'suggested: ["成本\\L控制\\P率\\N"]', 1)
        src = src.replace('- 社会成本指标', '- "社会\\L成本指标"', 1)
        # the title and the source go into the skeleton's comment lines
        src, n = re.subn(r'^title: (.*)$', r'title: "项目\\L支出\\P绩效\\N自评表"', src, count=1, flags=re.M)
        expect(n == 1, 'the fixture changed: no title')
        src, n = re.subn(r'^source: (.*)$', r'source: "财预\\L〔2021〕"', src, count=1, flags=re.M)
        expect(n == 1, 'the fixture changed: no source')
        write_file(tmp, 'pasted.yaml', src)
        env = dict(cli_env(), PBSCORE_TEMPLATE_PATH=tmp)
        proc = subprocess.run([CLI, 'template', 'new', 'pasted'], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, cwd=SRCDIR, env=env, timeout=120, check=False)
        expect(proc.returncode == 0, f'template new: exit {proc.returncode}: {proc.stderr!r}')
        skeleton = proc.stdout
        expect('\u2028'.encode() not in skeleton, 'a raw U+2028 in the skeleton')
        proc = subprocess.run([CLI, 'validate', '-'], input=skeleton, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, cwd=SRCDIR, env=env, timeout=120, check=False)
        expect(proc.returncode == 0, f'the skeleton does not validate: {proc.stderr.decode()}')

@case('a score band with min > max is an error located at the band, not a silent 0')
def _():
    with open(os.path.join(SRCDIR, XISHAN), encoding='utf-8') as f:
        src = f.read()
    # the first row's rule: a band no value can fall in
    src, n = re.subn(r'^(\s+)points: 5$', lambda m: (
        f"{m.group(1)}points: 5\n{m.group(1)}rule:\n{m.group(1)}  kind: bands\n"
        f"{m.group(1)}  of: value\n{m.group(1)}  bands:\n{m.group(1)}    - {{min: 2000, max: 1000, score: 5}}"),
        src, count=1, flags=re.M)
    expect(n == 1, 'the fixture changed: no "points: 5" row')
    r = run_on_file(pbscore, src, 'score', name='band.yaml')
    expect_rc(r, 2)
    expect(re.search(r'band\.yaml:\d+:\d+: .*min is above its max', r.err) is not None, 'no located error', r)


# ------------------------------------------------------------- summaries and roll-up

SUMMARY_FIELDS = ['file', 'document', 'title', 'department', 'unit', 'year', 'total', 'total_points',
                  'grade', 'complete', 'printed_total', 'audit_differences', 'lint_findings']
GROUP_FIELDS = ['evaluations', 'excellent', 'good', 'fair', 'poor', 'incomplete', 'total_min',
                'total_median', 'total_mean', 'total_max', 'annual_budget', 'executed_budget',
                'execution_rate', 'without_amounts']
AUDIT_DIFFERENCES = {'row_score', 'budget_score', 'total', 'total_arithmetic', 'grade', 'budget_rate'}


def small_evaluation(title, actual, department=None, year=None, annual='100', executed='100',
                     currency=None):
    """A table whose total is 10 × min(1, executed / annual) + 0.9 × actual (one row of 90
    points, "≥100个"); without @actual the row is unscored and the table incomplete."""
    head = f"pbscore: 1\ntitle: {title}\n"
    if department:
        head += f"department: {department}\n"
    if year:
        head += f"year: {year}\n"
    if currency:
        head += f"currency: {currency}\n"
    row = '{level1: 产出指标, level2: 数量指标, name: 完成数, target: "≥100个", points: 90'
    row += f', actual: "{actual}个"}}' if actual is not None else '}'
    return (head + f"budget:\n  annual: {annual}\n  executed: {executed}\nindicators:\n  - {row}\n")


def xlsx_sheets(path):
    """Each sheet of a workbook as rows of cell texts (inline strings, numbers, booleans)."""
    import zipfile
    ns = {'m': 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'}
    with zipfile.ZipFile(path) as z:
        names = sorted(n for n in z.namelist() if re.fullmatch(r'xl/worksheets/sheet\d+\.xml', n))
        sheets = []
        for name in names:
            rows = []
            for row in ET.fromstring(z.read(name)).iter(f"{{{ns['m']}}}row"):
                cells = []
                for c in row.findall('m:c', ns):
                    text = ''.join(t.text or '' for t in c.iter(f"{{{ns['m']}}}t"))
                    v = c.find('m:v', ns)
                    cells.append(text if c.get('t') == 'inlineStr' else (v.text if v is not None else ''))
                rows.append(cells)
            sheets.append(rows)
    return sheets


@case('score --summary: one row per evaluation in every format, with the fields of doc/cli.md')
def _():
    files = ['tests/data/audit/audit-wrong-rows.yaml', 'tests/data/valid/batch-three.yaml']
    r = pbscore('score', '--summary', '--format', 'json', *files)
    expect_rc(r, 0)
    rows = load_json(r.out)
    expect(isinstance(rows, list) and len(rows) == 4, 'not four rows', r)
    for row in rows:
        expect(list(row) == SUMMARY_FIELDS, f'fields {list(row)}', r)
    expect([(x['file'], x['document']) for x in rows]
           == [(files[0], 1), (files[1], 1), (files[1], 2), (files[1], 3)], 'file and document', r)
    first = rows[0]
    number(first['total'], '93.02', 'total')
    number(first['printed_total'], '84.52', 'printed_total')
    expect(first['grade'] == '优' and first['complete'] is True and first['year'] == 2023, 'row 1', r)
    expect(rows[1]['unit'] is None and rows[1]['printed_total'] is None, 'no value is null', r)
    # the counts are audit's differences (printed against computed) and lint's findings
    audit = load_json(pbscore('audit', '--format', 'json', files[0]).out)
    lint = load_json(pbscore('lint', '--format', 'json', files[0]).out)
    differences = sum(1 for f in audit['findings'] if f['kind'] in AUDIT_DIFFERENCES)
    expect(differences > 0 and first['audit_differences'] == differences,
           f"audit_differences {first['audit_differences']}, audit has {differences}", r)
    expect(first['lint_findings'] == len(lint['lint']) > 0, 'lint_findings', r)
    # one evaluation: a bare object, as every JSON report
    one = load_json(pbscore('score', '--summary', '--format', 'json', files[0]).out)
    expect(isinstance(one, dict) and one['title'] == first['title'], 'one evaluation is an object')
    for fmt in FORMATS:
        r = pbscore('score', '--summary', '--format', fmt, *files)
        expect_rc(r, 0)
        if fmt == 'jsonl':
            lines = [load_json(line) for line in r.out.splitlines()]
            expect(lines == rows, 'jsonl is not json line by line', r)
        elif fmt == 'csv':
            table = list(csv.reader(io.StringIO(r.out, newline='')))
            expect(table[0] == SUMMARY_FIELDS, f'csv heads {table[0]}', r)
            expect(len(table) == 5 and table[1][6] == '93.02' and table[1][9] == 'true', 'csv rows', r)
        elif fmt == 'html':
            page = ET.fromstring(r.out.split('\n', 1)[1])
            cells = [''.join(td.itertext()) for td in page.iter('{http://www.w3.org/1999/xhtml}td')]
            expect(len(cells) == 4 * len(SUMMARY_FIELDS) and '93.02' in cells, 'html cells', r)
        elif fmt == 'yaml':
            expect(r.out.count('\ntotal: ') == 4 and 'audit_differences: ' in r.out, 'yaml documents', r)
        elif fmt in ('text', 'markdown'):
            expect(r.out.count('\n') == (4 + 1 if fmt == 'text' else 4 + 2), f'{fmt}: lines', r)
            expect('项目名称' in r.out and '审核差异' in r.out and '93.02' in r.out, f'{fmt}: heads', r)
    # --lang en: English heads for people; csv keeps the names
    r = pbscore('score', '--summary', '--lang', 'en', files[0])
    expect(r.out.startswith('File ') and 'Audit differences' in r.out and 'excellent' in r.out, 'en', r)
    r = pbscore('score', '--summary', '--lang', 'zh', '--format', 'csv', files[0])
    expect(r.out.startswith(','.join(SUMMARY_FIELDS) + '\r\n'), 'csv heads under zh', r)
    # xlsx: one sheet, the heads and a row per evaluation, numbers as numbers
    with tempfile.TemporaryDirectory() as tmp:
        book = os.path.join(tmp, 'summary.xlsx')
        r = pbscore('score', '--summary', '--format', 'xlsx', '--output', book, *files)
        expect_rc(r, 0)
        sheets = xlsx_sheets(book)
        expect(len(sheets) == 1 and len(sheets[0]) == 5, f'one sheet of 5 rows: {sheets}', r)
        expect(sheets[0][0][:3] == ['文件', '文档', '项目名称'], f'heads {sheets[0][0]}', r)
        expect(sheets[0][1][6] == '93.02' and sheets[0][1][1] == '1', f'row {sheets[0][1]}', r)


@case('score --summary --keep-going: an error record in its place, exit 2')
def _():
    with tempfile.TemporaryDirectory() as tmp:
        good = write_batch(tmp, 'good.yaml', small_evaluation('甲', 90), small_evaluation('乙', None))
        bad = write_batch(tmp, 'bad.yaml', small_evaluation('丙', '9x0'))
        r = pbscore('score', '--summary', '--keep-going', '--format', 'jsonl', good, bad, good)
        expect_rc(r, 2)
        lines = [load_json(line) for line in r.out.splitlines()]
        expect(len(lines) == 5, 'five records', r)
        expect(lines[2]['file'] == bad and lines[2]['document'] == 1 and 'error' in lines[2], 'error', r)
        expect([x['document'] for x in lines] == [1, 2, 1, 1, 2], 'documents numbered per file', r)
        expect(lines[1]['complete'] is False and lines[1]['grade'] is None, 'incomplete row', r)
        number(lines[0]['total'], '91.00', 'total')


@case('summary: counts, grades, totals and money per group; nested --by; exit 0 or 2')
def _():
    with tempfile.TemporaryDirectory() as tmp:
        a = write_batch(tmp, 'a.yaml',
                        small_evaluation('甲', 90, '教育局', 2023),              # 91.00 优
                        small_evaluation('乙', 80, '教育局', 2023),              # 82.00 良
                        small_evaluation('丙', 40, '教育局', 2024),              # 46.00 差
                        # 元: 1234500 / 1000000 → 123.45 / 100 万元; 8.10 + 63 = 71.10 中
                        small_evaluation('丁', 70, '卫健委', 2023, '1234500', '1000000', '元'),
                        small_evaluation('戊', None, '卫健委', 2023))            # incomplete
        r = pbscore('summary', '--format', 'json', a)
        expect_rc(r, 0)
        groups = load_json(r.out)
        expect(isinstance(groups, list) and len(groups) == 1, 'one group without --by', r)
        g = groups[0]
        expect(list(g) == GROUP_FIELDS, f'fields {list(g)}', r)
        expect((g['evaluations'], g['excellent'], g['good'], g['fair'], g['poor'], g['incomplete'])
               == (5, 1, 1, 1, 1, 1), 'counts', r)
        # four complete totals: 46.00 71.10 82.00 91.00 → median (71.10 + 82.00) / 2 = 76.55
        for field, text in (('total_min', '46.00'), ('total_median', '76.55'), ('total_max', '91.00'),
                            ('total_mean', '72.53'),            # 290.10 / 4 = 72.525 → 72.53
                            ('annual_budget', '523.45'), ('executed_budget', '500.00'),
                            ('execution_rate', '95.52')):       # 500 / 523.45 = 0.95520…
            number(g[field], text, field)
        expect(g['without_amounts'] == 0, 'without_amounts', r)
        # nested: department, then year; an odd group's median is its middle total
        r = pbscore('summary', '--by', 'department', '--by', 'year', '--format', 'json', a)
        expect_rc(r, 0)
        groups = load_json(r.out)
        expect([(x['department'], x['year'], x['evaluations']) for x in groups]
               == [('卫健委', 2023, 2), ('教育局', 2023, 2), ('教育局', 2024, 1)], 'nested groups', r)
        expect(list(groups[0])[:2] == ['department', 'year'], 'keys first', r)
        number(groups[0]['annual_budget'], '223.45', '元 converted to 万元')
        number(groups[0]['total_median'], '71.10', 'one complete total')
        number(groups[1]['total_median'], '86.50', 'even median')
        expect(groups[0]['total_mean'] is not None and groups[0]['incomplete'] == 1, 'incomplete', r)
        r = pbscore('summary', '--by', 'department', a)
        expect_rc(r, 0)
        expect(r.out.startswith('主管部门') and '全年预算数（万元）' in r.out, 'text heads', r)
        for fmt in FORMATS:
            r = pbscore('summary', '--by', 'year', '--format', fmt, a)
            expect(r.rc == 0 and r.out != '', f'summary --format {fmt}', r)
            if fmt == 'csv':
                table = list(csv.reader(io.StringIO(r.out, newline='')))
                expect(table[0] == ['year'] + GROUP_FIELDS and len(table) == 3, 'csv', r)
        # an input error: exit 2, nothing written; --keep-going counts the others
        bad = write_batch(tmp, 'bad.yaml', small_evaluation('坏', '9x0', '教育局'))
        r = pbscore('summary', '--format', 'json', a, bad)
        expect_rc(r, 2)
        expect(r.out == '' and 'bad.yaml:' in r.err, 'input error', r)
        r = pbscore('summary', '--keep-going', '--format', 'json', bad, a)
        expect_rc(r, 2)
        expect(load_json(r.out)[0]['evaluations'] == 5, 'keep-going counts the valid ones', r)
        expect_usage_error(pbscore('summary', '--by', 'colour', a))
        book = os.path.join(tmp, 'groups.xlsx')
        expect_rc(pbscore('summary', '--by', 'department', '--format', 'xlsx', '--output', book, a), 0)
        rows = xlsx_sheets(book)[0]
        expect(rows[0][:2] == ['主管部门', '评价数'] and rows[2][0] == '教育局'
               and rows[2][1] == '3', f'xlsx groups {rows}')


@case('rollup: the evaluations merged into one table and scored (doc/rollup.md)')
def _():
    with tempfile.TemporaryDirectory() as tmp:
        # ≥100个 + ≥100个 → ≥200个; 90个 + 50个 → 140个: 90 × 140 / 200 = 63.00;
        # budget 250 / 400 = 62.50 % → 6.25; total 69.25 中
        a = write_batch(tmp, 'a.yaml', small_evaluation('甲', 90, '教育局', 2023),
                        small_evaluation('乙', 50, '教育局', 2023, '300', '150'))
        r = pbscore('rollup', '--format', 'json', '--title', '教育局汇总', a)
        expect_rc(r, 0)
        doc = load_json(r.out)
        expect(doc['title'] == '教育局汇总' and doc['department'] == '教育局', 'header', r)
        number(doc['total'], '69.25', 'total')
        number(doc['budget']['annual'], '400', 'annual summed')
        expect(doc['grade'] == '中' and doc['indicators'][0]['target'] == '≥200个', 'merged row', r)
        r = pbscore('rollup', a)
        expect_rc(r, 0)
        expect('汇总绩效自评表' in r.out and '69.25' in r.out, 'the scored table by default', r)
        # yaml: the merged document, which reloads and scores the same
        r = pbscore('rollup', '--format', 'yaml', a)
        expect_rc(r, 0)
        merged = write_file(tmp, 'merged.yaml', r.out)
        again = load_json(pbscore('score', '--format', 'json', merged).out)
        number(again['total'], '69.25', 'the merged document reloads')
        # 元 and 万元 tables are not summed: an input error, nothing written
        b = write_batch(tmp, 'b.yaml', small_evaluation('甲', 90),
                        small_evaluation('乙', 90, annual='1000000', executed='1000000', currency='元'))
        r = pbscore('rollup', b)
        expect_rc(r, 2)
        expect(r.out == '' and '元' in r.err, 'currencies differ', r)
        bad = write_batch(tmp, 'bad.yaml', small_evaluation('坏', '9x0'))
        r = pbscore('rollup', a, bad)
        expect_rc(r, 2)
        expect(r.out == '' and 'bad.yaml:' in r.err, 'input error', r)


def main():
    if not CLI:
        print('test_cli.py: set PBS_CLI to the pbscore program', file=sys.stderr)
        print('0 passed, 1 failed')
        return 1
    if os.sep not in CLI:
        found = shutil.which(CLI)
        if found is None:
            print(f'test_cli.py: {CLI} not found', file=sys.stderr)
            print('0 passed, 1 failed')
            return 1
    decimal.getcontext().prec = 50
    print(f'# {CLI} in {SRCDIR}')
    return CASES.run()


if __name__ == '__main__':
    sys.exit(main())
