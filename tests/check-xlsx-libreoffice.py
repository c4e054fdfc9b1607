#!/usr/bin/python3
"""The workbooks of `pbscore --format xlsx`, as LibreOffice shows them.

Run by .ci/run (not by make check: soffice takes seconds to start):

  tests/check-xlsx-libreoffice.py PBSCORE

writes the workbooks of tests/test_report_xlsx.py — examples/xishan-2024.yaml
under --columns official and full and under --lang en, the batch example,
budgets with source rows (tests/data/valid/budget-as-printed.yaml) and two
empty forms (template new) — and converts them all with
`soffice --headless --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,…,-1'`
(comma, double quote, UTF-8; cells as they are displayed; every sheet).
Every cell of every sheet must show what openpyxl reads in it, number
formats applied (money's digits and thousands separators, scores with two
decimals, rates as percentages); merged ranges show their text once. The
Xishan sheets are also compared with `pbscore score --format json`: heads,
the money block with its source rows, 年度总体目标, every indicator row (with
序号, 状态 and 标记 under full), 总分 and 自评等级.
Exits 77 when soffice is missing, 1 on a difference.
"""
import csv
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from decimal import Decimal

SRCDIR = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))
XISHAN = os.path.join(SRCDIR, 'examples', 'xishan-2024.yaml')


def shown(d):
    """A decimal as the workbook's number format shows it: #,##0 with its digits."""
    text = '%s' % d
    whole, _, frac = text.partition('.')
    whole = '{:,}'.format(int(whole))
    return whole + ('.' + frac if frac else '')


def sheet_errors(rows, sc, full):
    """The differences between the cells LibreOffice shows and the scorecard
    @sc, for a workbook of --columns full (序号 in A, the form in B:I, 状态
    and 标记 in J:K) or official (the form in A:H)."""
    errors = []
    x0 = 1 if full else 0
    pad = [''] * x0

    def expect(r, got, want):
        if got != want:
            errors.append('%s row %d: %r, expected %r'
                          % ('full' if full else 'official', r + 1, got, want))

    def form(r):
        """Row @r's cells of the official form."""
        return rows[r][x0:x0 + 8]

    expect(0, rows[0][0], '绩效自评表')
    expect(1, rows[1][0], '（%d年度）' % sc['year'])
    expect(2, form(2)[:2], ['项目名称', sc['title']])
    expect(3, [form(3)[0], form(3)[1], form(3)[4], form(3)[5]],
           ['主管部门', sc['department'], '实施单位', sc['unit']])
    b = sc['budget']
    expect(4, rows[4], pad + ['项目资金（万元）', '', '年初预算数', '全年预算数', '全年执行数',
                              '分值', '执行率', '得分'] + [''] * (2 * x0))
    expect(5, form(5), ['', '年度资金总额', shown(b['initial']), shown(b['annual']),
                        shown(b['executed']), shown(b['points']), '%s%%' % b['rate'],
                        '%s' % b['score']])
    # the source rows under it: amounts as written, 分值, 执行率 and 得分 blank
    r = 6
    for k, source in enumerate(b['sources']):
        expect(r, form(r), ['', ('其中：' if k == 0 else '') + source['name']]
               + [shown(source[c]) if source[c] is not None else ''
                  for c in ('initial', 'annual', 'executed')] + ['', '', ''])
        r += 1
    head = r
    goals = sc['goals']
    if goals['expected'] or goals['achieved']:
        # 年度总体目标 over two rows: its heads, then the paragraphs
        expect(r, form(r), ['年度总体目标', '预期目标', '', '', '实际完成情况', '', '', ''])
        expect(r + 1, form(r + 1), ['', goals['expected'] or '', '', '', goals['achieved'] or '',
                                    '', '', ''])
        head = r + 2
    heads = ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分',
             '偏差原因分析及改进措施']
    expect(head, rows[head], ['序号'] + heads + ['状态', '标记'] if full else heads)
    last1 = last2 = None
    for k, ind in enumerate(sc['indicators']):
        r = head + 1 + k
        # a merged level cell shows in its first row only
        l1 = ind['level1'] if ind['level1'] != last1 else ''
        l2 = ind['level2'] if (ind['level1'], ind['level2']) != last2 else ''
        last1, last2 = ind['level1'], (ind['level1'], ind['level2'])
        expect(r, form(r), [l1, l2, ind['name'], ind['target'], ind['actual'],
                            shown(ind['points']), '%s' % ind['score'], ind['reason'] or ''])
        if full:
            expect(r, rows[r][0], '%d' % (k + 1))
            expect(r, rows[r][9], STATUS[ind['status']])
            expect(r, rows[r][10] != '', bool(ind['flags']))
    r = head + 1 + len(sc['indicators'])
    expect(r, [form(r)[0], form(r)[5], form(r)[6]],
           ['总分', shown(sc['total_points']), '%s' % sc['total']])
    expect(r + 1, [form(r + 1)[0], form(r + 1)[5]], ['自评等级', sc['grade']])
    return r + 2, errors


STATUS = {'met': '达成', 'partial': '部分达成', 'unmet': '未达成', 'unscored': '未计分',
          'not_applicable': '不适用', 'unpublished': '未公开'}


# The workbooks of tests/test_report_xlsx.py, each compared cell by cell with
# what openpyxl reads in it: (name, pbscore's arguments).
WORKBOOKS = [
    ('xishan-en', ['report', '--lang', 'en', 'examples/xishan-2024.yaml']),
    ('batch', ['report', 'examples/data/batch-2024.yaml']),
    ('sources', ['report', '--columns', 'official', 'tests/data/valid/budget-as-printed.yaml']),
    ('sources-full', ['report', 'tests/data/valid/budget-as-printed.yaml']),
    ('form', ['template', 'new', 'department-overall']),
    ('form-project', ['template', 'new', 'central-project-2020']),
]


def displayed(cell):
    """A cell as its number format shows it, as LibreOffice's CSV export
    ("as shown") writes it: the formats pbscore writes (doc/report.md)."""
    v, fmt = cell.value, cell.number_format
    if v is None:
        return ''
    if isinstance(v, str):
        return v
    if fmt == '0.00%':
        return '{:.2f}%'.format(v * 100)
    if fmt == '0.00':
        return '{:.2f}'.format(v)
    if fmt.startswith('#,##0'):
        decimals = len(fmt.partition('.')[2])
        return '{:,.{}f}'.format(v, decimals)
    if fmt == 'General' and float(v).is_integer():
        return '%d' % v
    raise ValueError('%s: number format %r of %r' % (cell.coordinate, fmt, v))


def workbook_errors(book, csvs):
    """The cells of every sheet of @book (openpyxl) against LibreOffice's
    CSV of it (@csvs: sheet name → rows): values with their number formats,
    a merged range's text in its first cell only."""
    import openpyxl
    errors = []
    wb = openpyxl.load_workbook(book)
    for ws in wb.worksheets:
        rows = csvs.get(ws.title)
        if rows is None:
            errors.append('%s: no CSV of sheet %r' % (os.path.basename(book), ws.title))
            continue
        covered = set()
        for rng in ws.merged_cells.ranges:
            for r in range(rng.min_row, rng.max_row + 1):
                for c in range(rng.min_col, rng.max_col + 1):
                    if (r, c) != (rng.min_row, rng.min_col):
                        covered.add((r, c))
        want = [['' if (cell.row, cell.column) in covered else displayed(cell) for cell in row]
                for row in ws.iter_rows()]
        got = [list(r) for r in rows]
        while want and not any(want[-1]):
            want.pop()
        while got and not any(got[-1]):
            got.pop()
        if len(got) != len(want):
            errors.append('%s!%s: %d rows, expected %d' % (os.path.basename(book), ws.title,
                                                           len(got), len(want)))
        for r, (g, w) in enumerate(zip(got, want)):
            n = max(len(g), len(w))
            g, w = g + [''] * (n - len(g)), w + [''] * (n - len(w))
            if g != w:
                errors.append('%s!%s row %d: %r, expected %r'
                              % (os.path.basename(book), ws.title, r + 1, g, w))
    return errors


def main():
    cli = sys.argv[1]
    soffice = shutil.which('soffice')
    if soffice is None:
        print('SKIP: no soffice')
        return 77
    env = dict(os.environ, LC_ALL='C')
    sc = json.loads(subprocess.run([cli, 'score', '--format', 'json', XISHAN], env=env,
                                   capture_output=True, check=True, text=True).stdout,
                    parse_float=Decimal)
    found = {}
    errors = []
    n = 0
    with tempfile.TemporaryDirectory() as tmp:
        books = {}
        for columns in ('official', 'full'):
            books[columns] = os.path.join(tmp, columns + '.xlsx')
            subprocess.run([cli, 'report', '--format', 'xlsx', '--columns', columns,
                            '--output', books[columns], XISHAN], env=env, check=True)
        for name, args in WORKBOOKS:
            books[name] = os.path.join(tmp, name + '.xlsx')
            subprocess.run([cli] + args + ['--format', 'xlsx', '--output', books[name]],
                           env=env, check=True, cwd=SRCDIR)
        # every sheet (the 12th option, -1) to BOOK-SHEET.csv, cells as shown;
        # soffice says which file each sheet went to
        p = subprocess.run([soffice, '--headless', '--convert-to',
                            'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,'
                            'false,-1', '--outdir', tmp] + list(books.values()),
                           env=dict(env, HOME=tmp, LC_ALL='C.UTF-8'), check=True,
                           capture_output=True, timeout=300,
                           text=True)
        sheets = re.findall(r'^Writing sheet (.*) -> (.*\.csv)$', p.stdout, re.M)
        for name, book in books.items():
            csvs = {}
            for sheet, path in sheets:
                if os.path.basename(path) == name + '-' + sheet + '.csv':
                    with open(path, encoding='utf-8', newline='') as fp:
                        csvs[sheet] = list(csv.reader(fp))
            found[name] = csvs
            errors += workbook_errors(book, csvs)
            n += sum(len(rows) for rows in csvs.values())
    for columns in ('official', 'full'):
        compared, errs = sheet_errors(found[columns]['绩效自评表'], sc, columns == 'full')
        errors += errs
    for e in errors:
        print('FAIL:', e)
    print('%d workbooks, %d rows compared, %d differences' % (len(found), n, len(errors)))
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main())
