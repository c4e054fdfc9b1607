#!/usr/bin/python3
"""The Xishan workbook of `pbscore report --format xlsx`, as LibreOffice shows it.

Run by .ci/run (not by make check: soffice takes seconds to start):

  tests/check-xlsx-libreoffice.py PBSCORE

writes examples/xishan-2024.yaml as .xlsx under --columns official and
full, converts them with
`soffice --headless --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76'`
(comma, double quote, UTF-8; cells as they are displayed) and compares the
cells with `pbscore score --format json`: heads, the money block with its
thousands separators and percentage and its source rows, 年度总体目标 when
the example has goals, every indicator row (with 序号, 状态 and 标记 under
full), 总分 and 自评等级.
Exits 77 when soffice is missing, 1 on a difference.
"""
import csv
import json
import os
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
    with tempfile.TemporaryDirectory() as tmp:
        books = []
        for columns in ('official', 'full'):
            books.append(os.path.join(tmp, columns + '.xlsx'))
            subprocess.run([cli, 'report', '--format', 'xlsx', '--columns', columns,
                            '--output', books[-1], XISHAN], env=env, check=True)
        subprocess.run([soffice, '--headless', '--convert-to',
                        'csv:Text - txt - csv (StarCalc):44,34,76', '--outdir', tmp] + books,
                       env=dict(env, HOME=tmp), check=True, capture_output=True, timeout=300)
        for columns in ('official', 'full'):
            with open(os.path.join(tmp, columns + '.csv'), encoding='utf-8', newline='') as f:
                found[columns] = list(csv.reader(f))
    errors = []
    n = 0
    for columns, rows in found.items():
        compared, errs = sheet_errors(rows, sc, columns == 'full')
        n += compared
        errors += errs
    for e in errors:
        print('FAIL:', e)
    print('%d rows compared, %d differences' % (n, len(errors)))
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main())
