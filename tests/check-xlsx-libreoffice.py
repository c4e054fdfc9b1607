#!/usr/bin/python3
"""The Xishan workbook of `pbscore report --format xlsx`, as LibreOffice shows it.

Run by .ci/run (not by make check: soffice takes seconds to start):

  tests/check-xlsx-libreoffice.py PBSCORE

writes examples/xishan-2024.yaml as .xlsx, converts it with
`soffice --headless --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76'`
(comma, double quote, UTF-8; cells as they are displayed) and compares the
cells with `pbscore score --format json`: heads, the money block with its
thousands separators and percentage, 年度总体目标 when the example has goals,
every indicator row, 总分 and 自评等级.
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
    with tempfile.TemporaryDirectory() as tmp:
        book = os.path.join(tmp, 'xishan.xlsx')
        subprocess.run([cli, 'report', '--format', 'xlsx', '--output', book, XISHAN], env=env,
                       check=True)
        subprocess.run([soffice, '--headless', '--convert-to',
                        'csv:Text - txt - csv (StarCalc):44,34,76', '--outdir', tmp, book],
                       env=dict(env, HOME=tmp), check=True, capture_output=True, timeout=300)
        with open(os.path.join(tmp, 'xishan.csv'), encoding='utf-8', newline='') as f:
            rows = list(csv.reader(f))
    errors = []

    def expect(r, got, want):
        if got != want:
            errors.append('row %d: %r, expected %r' % (r + 1, got, want))

    expect(0, rows[0][0], '绩效自评表')
    expect(1, rows[1][0], '（%d年度）' % sc['year'])
    expect(2, rows[2][:2], ['项目名称', sc['title']])
    expect(3, [rows[3][0], rows[3][1], rows[3][4], rows[3][5]],
           ['主管部门', sc['department'], '实施单位', sc['unit']])
    b = sc['budget']
    expect(4, rows[4], ['项目资金（万元）', '', '年初预算数', '全年预算数', '全年执行数', '分值',
                        '执行率', '得分'])
    expect(5, rows[5], ['', '年度资金总额', shown(b['initial']), shown(b['annual']),
                        shown(b['executed']), shown(b['points']), '%s%%' % b['rate'],
                        '%s' % b['score']])
    head = 6
    goals = sc['goals']
    if goals['expected'] or goals['achieved']:
        # 年度总体目标 over two rows: its heads, then the paragraphs
        expect(6, rows[6], ['年度总体目标', '预期目标', '', '', '实际完成情况', '', '', ''])
        expect(7, rows[7], ['', goals['expected'] or '', '', '', goals['achieved'] or '', '', '',
                            ''])
        head = 8
    expect(head, rows[head], ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值',
                              '分值', '得分', '偏差原因分析及改进措施'])
    last1 = last2 = None
    for k, ind in enumerate(sc['indicators']):
        r = head + 1 + k
        # a merged level cell shows in its first row only
        l1 = ind['level1'] if ind['level1'] != last1 else ''
        l2 = ind['level2'] if (ind['level1'], ind['level2']) != last2 else ''
        last1, last2 = ind['level1'], (ind['level1'], ind['level2'])
        expect(r, rows[r], [l1, l2, ind['name'], ind['target'], ind['actual'],
                            shown(ind['points']), '%s' % ind['score'], ind['reason'] or ''])
    r = head + 1 + len(sc['indicators'])
    expect(r, [rows[r][0], rows[r][5], rows[r][6]],
           ['总分', shown(sc['total_points']), '%s' % sc['total']])
    expect(r + 1, [rows[r + 1][0], rows[r + 1][5]], ['自评等级', sc['grade']])
    for e in errors:
        print('FAIL:', e)
    print('%d rows compared, %d differences' % (r + 2, len(errors)))
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main())
