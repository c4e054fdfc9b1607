#!/usr/bin/env python3
"""`--format xlsx` (doc/report.md, "xlsx"), read back two ways.

Every workbook pbscore writes here is opened by openpyxl (merged ranges,
cell values and types, number formats, sheet names, print setup) and read
again by pbscore itself: scoring the workbook must give the scorecard that
scoring the YAML gives. make check runs it with the system python
(/usr/bin/python3, which has python3-openpyxl), PBS_CLI set to the built
tools/pbscore and top_srcdir to the source tree. Prints "N passed, N
failed" last and exits non-zero when a case failed.
"""
import json
import os
import subprocess
import sys
import tempfile
from decimal import Decimal

from pbs_cli import cli_env, run_cases, without_file

CLI = os.environ.get('PBS_CLI')
SRCDIR = os.path.abspath(os.environ.get('top_srcdir')
                         or os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))
XISHAN = 'examples/xishan-2024.yaml'
BATCH = 'examples/data/batch-2024.yaml'
HEADS = ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分',
         '偏差原因分析及改进措施']
# --columns full (the default): 序号 in A, the official form in B:I, 状态 and 标记 in J:K
FULL_HEADS = ['序号'] + HEADS + ['状态', '标记']
SOURCES = ['当年财政拨款', '上年结转资金', '其他资金']


def run(*args, binary=False):
    return subprocess.run([CLI] + list(args), cwd=SRCDIR, env=cli_env(), capture_output=True,
                          text=not binary, timeout=120)


def scorecard(path):
    p = run('score', '--format', 'json', path)
    assert p.returncode == 0, '%s: exit %d: %s' % (path, p.returncode, p.stderr)
    return without_file(json.loads(p.stdout, parse_float=Decimal), path)


def same_scores(table, yaml_path):
    """The totals, grades, budget and row scores of @table equal @yaml_path's
    (the workbook prints its scores, so printed_score is set; it names no
    template)."""
    got, want = scorecard(table), scorecard(yaml_path)
    if isinstance(want, dict):
        got, want = [got], [want]
    assert len(got) == len(want), (len(got), len(want))
    for g, w in zip(got, want):
        for key in ('title', 'total', 'total_points', 'grade', 'complete'):
            assert g.get(key) == w.get(key), (key, g.get(key), w.get(key))
        for key in ('initial', 'annual', 'executed', 'rate', 'points', 'score'):
            assert g['budget'][key] == w['budget'][key], (key, g['budget'], w['budget'])
        # the source rows; one that gives no amount is a blank row, which
        # reads as no source (doc/report.md, "xlsx")
        given = [s for s in w['budget']['sources']
                 if any(s[k] is not None for k in ('initial', 'annual', 'executed'))]
        assert g['budget']['sources'] == given, (g['budget']['sources'], given)
        keys = ('level1', 'level2', 'name', 'target', 'actual', 'points', 'score', 'status',
                'reason')
        assert [[r[k] for k in keys] for r in g['indicators']] == \
            [[r[k] for k in keys] for r in w['indicators']]


def write(tmp, name, *args):
    out = os.path.join(tmp, name)
    p = run(*args, '--format', 'xlsx', '--output', out)
    assert p.returncode == 0, '%s: exit %d: %s' % (args, p.returncode, p.stderr)
    return out


def load(path):
    import openpyxl
    return openpyxl.load_workbook(path)


def find(ws, text):
    for row in ws.iter_rows():
        for cell in row:
            if cell.value == text:
                return cell
    raise AssertionError('no cell %r in sheet %r' % (text, ws.title))


def merged_at(ws, cell):
    for rng in ws.merged_cells.ranges:
        if cell.coordinate in rng:
            return rng
    return None


STATUS = {'met': '达成', 'partial': '部分达成', 'unmet': '未达成', 'unscored': '未计分',
          'not_applicable': '不适用', 'unpublished': '未公开'}


def check_official_sheet(ws, title, full=True):
    """The form's layout; under --columns full (the default) shifted one
    column right, with 序号, 状态 and 标记 around it."""
    x0 = 1 if full else 0
    assert ws['A1'].value == '绩效自评表', ws['A1'].value
    assert ('A1:K1' if full else 'A1:H1') in [str(r) for r in ws.merged_cells.ranges]
    assert ws.max_column == (11 if full else 8), ws.max_column
    project = find(ws, '项目名称')
    assert project.column == 1 + x0 and project.offset(0, 1).value == title
    find(ws, '主管部门')
    find(ws, '实施单位')
    head = find(ws, '一级指标')
    assert head.column == 1 + x0
    assert [ws.cell(head.row, 1 + i).value for i in range(ws.max_column)] == \
        (FULL_HEADS if full else HEADS)
    if full:
        # 序号 is the row's number; 状态 its status label
        total = find(ws, '总分')
        assert [ws.cell(r, 1).value for r in range(head.row + 1, total.row + 1)] == \
            list(range(1, total.row - head.row)) + [None]
        assert ws.cell(head.row + 1, 10).value in ('达成', '部分达成', '未达成', '未评分', '不适用'), \
            ws.cell(head.row + 1, 10).value
    # the head rows repeat on every printed page; A4 landscape, one page wide
    assert ws.print_title_rows == '$%d:$%d' % (head.row, head.row), ws.print_title_rows
    assert ws.page_setup.orientation == 'landscape'
    assert str(ws.page_setup.paperSize) == '9'
    # fitToWidth 1 is the default, left out of the XML
    assert ws.page_setup.fitToWidth in (None, 1, '1') and ws.page_setup.fitToHeight in (0, '0')
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    # a level-1 cell is merged over its rows: the cell under it is blank
    first = ws.cell(head.row + 1, 1 + x0)
    rng = merged_at(ws, first)
    if ws.cell(head.row + 2, 1 + x0).value is None:
        assert rng is not None and rng.max_row > rng.min_row, 'level 1 not merged'
    else:
        assert rng is None
    # scores: REAL numbers with two decimals; every cell has a border
    score = ws.cell(head.row + 1, 7 + x0)
    assert isinstance(score.value, (int, float)), score.value
    assert score.number_format == '0.00', score.number_format
    assert score.border.left.style == 'thin'
    assert ws.cell(head.row + 1, 3 + x0).alignment.wrap_text
    # 总分 and 自评等级
    total = find(ws, '总分')
    assert total.column == 1 + x0
    assert isinstance(ws.cell(total.row, 7 + x0).value, (int, float))
    find(ws, '自评等级')
    # no formula anywhere: every text cell is a string
    for row in ws.iter_rows():
        for cell in row:
            assert cell.data_type != 'f', '%s is a formula' % cell.coordinate
    return head, total


def check_xishan():
    with tempfile.TemporaryDirectory() as tmp:
        for full in (False, True):
            out = write(tmp, 'x.xlsx', 'report', '--columns', 'full' if full else 'official',
                        XISHAN)
            wb = load(out)
            assert wb.sheetnames == ['绩效自评表'], wb.sheetnames
            ws = wb.active
            check_official_sheet(ws, '昆明市西山区政务服务管理局2024年部门整体支出', full)
            x0 = 1 if full else 0
            assert ws['A2'].value == '（2024年度）', ws['A2'].value
            # money: the digits it was written with; the rate as a percentage
            label = find(ws, '年度资金总额')
            assert label.column == 2 + x0
            initial = ws.cell(label.row, 3 + x0)
            assert initial.value == 1354.1 and initial.number_format == '#,##0.00', (
                initial.value, initial.number_format)
            assert ws.cell(label.row, 4 + x0).value == 1445.05
            rate = ws.cell(label.row, 7 + x0)
            assert rate.number_format == '0.00%', rate.number_format
            assert rate.value == 0.9994, rate.value   # the double nearest to 0.9994
            # its one source row under it: 其中：当年财政拨款 with 年初预算数 only
            source = ws.cell(label.row + 1, 2 + x0)
            assert source.value == '其中：当年财政拨款', source.value
            cells = [ws.cell(label.row + 1, 3 + x0 + c) for c in range(6)]
            assert [c.value for c in cells] == [1354.1, None, None, None, None, None], \
                [c.value for c in cells]
            assert cells[0].number_format == '#,##0.00' and cells[0].data_type == 'n'
            assert all(c.border.left.style == 'thin' for c in cells)
            money = find(ws, '项目资金（万元）')
            assert str(merged_at(ws, money)) == '%s%d:%s%d' % (
                'AB'[x0], label.row - 1, 'AB'[x0], label.row + 1), merged_at(ws, money)
            total = find(ws, '总分')
            assert ws.cell(total.row, 7 + x0).value == 99.88
            assert ws.cell(total.row + 1, 6 + x0).value == '优'
            # a row is tall enough for its wrapped texts (LibreOffice does not fit
            # it): the reason of 营商环境投诉办结销号率 takes three lines of 偏差原因
            long = find(ws, '营商环境投诉办结销号率')
            assert len(ws.cell(long.row, 8 + x0).value) > 40
            assert ws.row_dimensions[long.row].height >= 3 * 13.5, \
                ws.row_dimensions[long.row].height
            assert ws.row_dimensions[find(ws, '一次办事项').row].height is None
            if full:
                # 状态 and 标记 of every row, as the scorecard has them
                head = find(ws, '一级指标')
                rows = scorecard(XISHAN)['indicators']
                for k, r in enumerate(rows):
                    status = ws.cell(head.row + 1 + k, 10).value
                    assert status == STATUS[r['status']], (k, status, r['status'])
                    flags = ws.cell(head.row + 1 + k, 11).value
                    assert (flags is None) == (not r['flags']), (k, flags, r['flags'])
                    assert ws.cell(head.row + 1 + k, 1).value == k + 1
            # pbscore reads its own workbook back to the same scorecard
            same_scores(out, XISHAN)


def check_sources():
    """Every source row a budget gives goes under 年度资金总额 with its
    amounts as written, and reads back (tests/data/valid/budget-as-printed.yaml:
    a budget with all three, one without amounts; budgets with none)."""
    src = 'tests/data/valid/budget-as-printed.yaml'
    with tempfile.TemporaryDirectory() as tmp:
        for full in (False, True):
            x0 = 1 if full else 0
            out = write(tmp, 's.xlsx', 'report', '--columns', 'full' if full else 'official', src)
            wb = load(out)
            ws = wb['3 完整资金表']
            check_official_sheet(ws, '完整资金表', full)
            money = find(ws, '年度资金总额')
            got = [[c.value for c in ws[money.row + k][x0 + 1:x0 + 8]] for k in range(1, 4)]
            assert got == [['其中：当年财政拨款', 100, 180.4538, 170.4538, None, None, None],
                           ['上年结转资金', None, 27, 27, None, None, None],
                           ['其他资金', None, None, None, None, None, None]], got
            assert ws.cell(money.row + 1, 4 + x0).number_format == '#,##0.0000'
            assert ws.cell(money.row + 1, 3 + x0).number_format == '#,##0'
            assert find(ws, '一级指标').row == money.row + 4
            # a budget without sources: no row under 年度资金总额
            ws = wb['1 只公布年初预算数的项目']
            assert find(ws, '一级指标').row == find(ws, '年度资金总额').row + 1
            same_scores(out, src)
            # under --lang en the labels keep the Chinese names, and read back
            out = write(tmp, 'en.xlsx', 'report', '--lang', 'en',
                        '--columns', 'full' if full else 'official', src)
            ws = load(out).worksheets[3]
            money = find(ws, 'Total funds (资金总额)')
            assert [ws.cell(money.row + k, 2 + x0).value for k in range(1, 4)] == [
                'of which: Appropriation (当年财政拨款)', 'Carried over (上年结转资金)',
                'Other funds (其他资金)']
            same_scores(out, src)


GOALS_SIGNOFF = {
    'goals': {'expected': '保障大厅正常运转，优化营商环境。' * 4,
              'achieved': '全年大厅正常运转，办件满意率100%。'},
    'signoff': {'manager': '张三', 'preparer': '李四', 'phone': '0871-12345678',
                'date': '2025年3月10日'},
}


def xishan_with(tmp, **fields):
    import yaml
    with open(os.path.join(SRCDIR, XISHAN), encoding='utf-8') as f:
        doc = yaml.safe_load(f)
    doc.update(fields)
    src = os.path.join(tmp, 'with.yaml')
    with open(src, 'w', encoding='utf-8') as f:
        yaml.safe_dump(doc, f, allow_unicode=True)
    return src


def check_goals_signoff():
    """年度总体目标 under the money block and the sign-off row under 自评等级
    (doc/report.md), in both languages; left out when the evaluation has
    none."""
    words = {'zh': ('年度总体目标', '预期目标', '实际完成情况',
                    ['项目负责人', '填报人', '联系电话', '填报日期']),
             'en': ('Overall annual goals', 'Expected', 'Achieved',
                    ['Project manager', 'Prepared by', 'Phone', 'Date'])}
    with tempfile.TemporaryDirectory() as tmp:
        src = xishan_with(tmp, **GOALS_SIGNOFF)
        for lang, (head, expected, achieved, signoff) in words.items():
            out = write(tmp, lang + '.xlsx', 'report', '--columns', 'official', '--lang', lang,
                        src)
            ws = load(out).active
            goals = find(ws, head)
            money = find(ws, '年度资金总额' if lang == 'zh' else 'Total funds (资金总额)')
            # under the example's one source row
            assert ws.cell(money.row + 1, 2).value == (
                '其中：当年财政拨款' if lang == 'zh' else 'of which: Appropriation (当年财政拨款)')
            assert goals.row == money.row + 2, (goals.row, money.row)
            assert str(merged_at(ws, goals)) == 'A%d:A%d' % (goals.row, goals.row + 1)
            assert ws.cell(goals.row, 2).value == expected
            assert str(merged_at(ws, ws.cell(goals.row, 2))) == 'B%d:D%d' % ((goals.row,) * 2)
            assert ws.cell(goals.row, 5).value == achieved
            assert str(merged_at(ws, ws.cell(goals.row, 5))) == 'E%d:H%d' % ((goals.row,) * 2)
            text = ws.cell(goals.row + 1, 2)
            assert text.value == GOALS_SIGNOFF['goals']['expected'] and text.data_type == 's'
            assert text.alignment.wrap_text
            assert ws.cell(goals.row + 1, 5).value == GOALS_SIGNOFF['goals']['achieved']
            # a paragraph of 64 characters takes more than one line
            assert ws.row_dimensions[goals.row + 1].height > 27, \
                ws.row_dimensions[goals.row + 1].height
            grade = find(ws, '自评等级' if lang == 'zh' else 'Grade')
            row = [ws.cell(grade.row + 1, 1 + c).value for c in range(8)]
            want = GOALS_SIGNOFF['signoff']
            assert row == [signoff[0], want['manager'], signoff[1], want['preparer'],
                           signoff[2], want['phone'], signoff[3], want['date']], row
            assert ws.max_row == grade.row + 1, (ws.max_row, grade.row)
            same_scores(out, src)
            # and pbscore's reader reads both blocks back as they were
            got = scorecard(out)
            for key in ('goals', 'signoff'):
                assert got[key] == GOALS_SIGNOFF[key], (lang, key, got[key])
        # the Xishan example prints no sign-off: no row under 自评等级
        src = xishan_with(tmp, goals={'achieved': '完成'})
        ws = load(write(tmp, 'none.xlsx', 'report', src)).active
        assert ws.max_row == find(ws, '自评等级').row
        assert find(ws, '年度总体目标').offset(1, 4).value == '完成'
        assert find(ws, '年度总体目标').offset(1, 1).value is None
        src = xishan_with(tmp, goals=None)
        ws = load(write(tmp, 'nogoals.xlsx', 'report', src)).active
        assert all(c.value != '年度总体目标' for r in ws.iter_rows() for c in r)


def check_english_round_trip():
    """A workbook written under --lang en reads back through pbscore's own
    reader to the scorecard the YAML gives (year, grade and all)."""
    with tempfile.TemporaryDirectory() as tmp:
        for args, src in ((('report',), XISHAN), (('score',), XISHAN), (('report',), BATCH)):
            out = write(tmp, 'en.xlsx', *args, '--lang', 'en', src)
            ws = load(out).worksheets[-1]
            find(ws, 'Level 1')
            same_scores(out, src)
            got, want = scorecard(out), scorecard(src)
            if isinstance(want, dict):
                got, want = [got], [want]
            for g, w in zip(got, want):
                assert g['year'] == w['year'], (g['year'], w['year'])
                assert g['currency'] == w['currency']
                assert g['department'] == w['department'] and g['unit'] == w['unit']
                assert g['printed_grade'] == g['grade'], (g['printed_grade'], g['grade'])


def check_score_xlsx():
    with tempfile.TemporaryDirectory() as tmp:
        out = write(tmp, 's.xlsx', 'score', XISHAN)
        same_scores(out, XISHAN)


def check_batch():
    with tempfile.TemporaryDirectory() as tmp:
        out = write(tmp, 'b.xlsx', 'report', BATCH)
        wb = load(out)
        expected = scorecard(BATCH)
        titles = [e['title'] for e in expected]
        assert wb.sheetnames[0] == '汇总', wb.sheetnames
        assert len(wb.sheetnames) == 1 + len(titles)
        for i, (name, title) in enumerate(zip(wb.sheetnames[1:], titles)):
            assert name == ('%d %s' % (i + 1, title))[:31], (name, title)
            check_official_sheet(wb[name], title)
        summary = wb['汇总']
        assert [summary.cell(1 + i + 1, 2).value for i in range(len(titles))] == titles
        same_scores(out, BATCH)


def check_sheet_names():
    import yaml
    with open(os.path.join(SRCDIR, BATCH), encoding='utf-8') as f:
        docs = [d for d in yaml.safe_load_all(f) if d]
    long = '很长的项目名称[一]:*?/\\' * 4
    for d in docs:
        d['title'] = long
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, 'same.yaml')
        with open(src, 'w', encoding='utf-8') as f:
            yaml.safe_dump_all(docs, f, allow_unicode=True)
        out = write(tmp, 'n.xlsx', 'report', src)
        names = load(out).sheetnames[1:]
        assert len(set(names)) == len(docs), names
        for n in names:
            assert len(n) <= 31 and not set(n) & set('[]:*?/\\'), n
        same_scores(out, src)


def check_formula_text():
    import yaml
    with open(os.path.join(SRCDIR, XISHAN), encoding='utf-8') as f:
        doc = yaml.safe_load(f)
    doc['title'] = '=HYPERLINK("http://example.com","x")'
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, 'f.yaml')
        with open(src, 'w', encoding='utf-8') as f:
            yaml.safe_dump(doc, f, allow_unicode=True)
        out = write(tmp, 'f.xlsx', 'report', src)
        ws = load(out).active
        cell = find(ws, '项目名称').offset(0, 1)
        assert cell.data_type == 's' and cell.value == doc['title'], (cell.data_type, cell.value)
        same_scores(out, src)


def check_stdout_and_refusals():
    p = run('report', '--format', 'xlsx', XISHAN, binary=True)
    assert p.returncode == 0 and p.stdout[:2] == b'PK', p.stderr
    p = run('explain', '--format', 'xlsx', XISHAN)
    assert p.returncode != 0 and 'xlsx' in p.stderr, (p.returncode, p.stderr)


def check_empty_form():
    """template new --format xlsx, filled in with openpyxl as a person
    would, scores as the same values in the YAML skeleton do."""
    import openpyxl
    import yaml
    for name in ('department-overall', 'central-project-2020'):
        with tempfile.TemporaryDirectory() as tmp:
            out = write(tmp, 'form.xlsx', 'template', 'new', name)
            p = run('template', 'new', name)
            assert p.returncode == 0, p.stderr
            doc = yaml.safe_load(p.stdout)
            wb = openpyxl.load_workbook(out)
            ws = wb.active
            head, total = find(ws, '一级指标'), find(ws, '总分')
            assert ws.cell(total.row, 7).value is None
            assert find(ws, '项目名称').offset(0, 1).value is None
            rows = list(range(head.row + 1, total.row))
            assert len(rows) == len(doc['indicators'])
            title = '测试项目' + name
            find(ws, '项目名称').offset(0, 1).value = title
            money = find(ws, '年度资金总额')
            ws.cell(money.row, 4).value = 200
            ws.cell(money.row, 5).value = 190.5
            doc['title'] = title
            doc['budget']['annual'] = 200
            doc['budget']['executed'] = 190.5
            # the three source rows under 年度资金总额, blank, money-formatted,
            # inside the block's merged 项目资金 cell
            labels = [ws.cell(money.row + 1 + k, 2).value for k in range(3)]
            assert labels == ['其中：' + SOURCES[0]] + SOURCES[1:], labels
            for k in range(3):
                cells = [ws.cell(money.row + 1 + k, 3 + c) for c in range(6)]
                assert all(c.value is None for c in cells), [c.value for c in cells]
                assert [c.number_format for c in cells[:3]] == ['#,##0.00'] * 3
                assert all(c.border.left.style == 'thin' for c in cells)
            assert str(merged_at(ws, find(ws, '项目资金（万元）'))) == 'A%d:A%d' % (
                money.row - 1, money.row + 3)
            assert find(ws, '年度总体目标').row == money.row + 4
            # filled as a person would: two of them, 其他资金 left blank
            for c, v in ((4, 150), (5, 140.5)):
                ws.cell(money.row + 1, c).value = v
            for c, v in ((4, 50), (5, 50)):
                ws.cell(money.row + 2, c).value = v
            doc['budget']['sources'] = [
                {'name': SOURCES[0], 'annual': 150, 'executed': 140.5},
                {'name': SOURCES[1], 'annual': 50, 'executed': 50}]
            for k, (r, ind) in enumerate(zip(rows, doc['indicators'])):
                assert ws.cell(r, 3).value == ind['name']
                assert ws.cell(r, 6).value == ind['points']
                ws.cell(r, 4).value = '≥100%'
                ws.cell(r, 5).value = '%d%%' % (90 + k % 11)
                ind['target'] = '≥100%'
                ind['actual'] = '%d%%' % (90 + k % 11)
                if k % 11 != 10:
                    ws.cell(r, 8).value = '原因%d' % k
                    ind['reason'] = '原因%d' % k
            # the empty form has 年度总体目标 and the sign-off row, blank, to fill
            goals = find(ws, '年度总体目标')
            assert ws.cell(goals.row + 1, 2).value is None
            ws.cell(goals.row + 1, 2).value = '完成培训任务'
            ws.cell(goals.row + 1, 5).value = '全年完成培训任务\n群众满意'
            doc['goals'] = {'expected': '完成培训任务', 'achieved': '全年完成培训任务\n群众满意'}
            sign = find(ws, '项目负责人')
            assert sign.row == find(ws, '自评等级').row + 1
            values = ['赵六', '钱七', '0875-7654321', '2025年3月1日']
            for k, v in enumerate(values):
                assert ws.cell(sign.row, 2 + 2 * k).value is None
                ws.cell(sign.row, 2 + 2 * k).value = v
            doc['signoff'] = dict(zip(('manager', 'preparer', 'phone', 'date'), values))
            wb.save(os.path.join(tmp, 'filled.xlsx'))
            with open(os.path.join(tmp, 'filled.yaml'), 'w', encoding='utf-8') as f:
                yaml.safe_dump(doc, f, allow_unicode=True)
            same_scores(os.path.join(tmp, 'filled.xlsx'), os.path.join(tmp, 'filled.yaml'))
            got = scorecard(os.path.join(tmp, 'filled.xlsx'))
            assert got['goals'] == doc['goals'] and got['signoff'] == doc['signoff'], \
                (got['goals'], got['signoff'])


def check_spreadsheet_csv():
    """--format csv --spreadsheet (doc/report.md, "csv")."""
    import csv
    import io
    import yaml
    plain = run('report', '--format', 'csv', XISHAN, binary=True).stdout
    assert plain.startswith(b'title,level1,'), plain[:40]
    p = run('report', '--format', 'csv', '--spreadsheet', '--encoding', 'gbk', XISHAN, binary=True)
    assert p.returncode == 0, p.stderr
    text = p.stdout.decode('gb18030')
    assert not text.startswith('\ufeff')
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][:4] == ['项目名称', '一级指标', '二级指标', '三级指标'], rows[0]
    assert rows[1][0] == '昆明市西山区政务服务管理局2024年部门整体支出'
    # the same records as plain CSV, but for the heads and the target =100%,
    # which Excel would run as a formula
    want = [[("'" + c) if c.startswith('=') else c for c in r]
            for r in list(csv.reader(io.StringIO(plain.decode('utf-8'))))[1:]]
    assert rows[1:] == want
    assert rows[8][4] == "'=100%", rows[8][4]
    p = run('report', '--format', 'csv', '--spreadsheet', '--lang', 'en', XISHAN, binary=True)
    assert p.stdout.startswith(b'\xef\xbb\xbftitle,level1,'), p.stdout[:20]
    with open(os.path.join(SRCDIR, XISHAN), encoding='utf-8') as f:
        doc = yaml.safe_load(f)
    doc['title'] = '=HYPERLINK("http://x","y")'
    doc['indicators'][0]['reason'] = '-3.2%'
    doc['indicators'][1]['reason'] = '@SUM(A1)'
    doc['indicators'][2]['reason'] = '+1,234.5'
    doc['indicators'][3]['reason'] = '-1+2'
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, 'f.yaml')
        with open(src, 'w', encoding='utf-8') as f:
            yaml.safe_dump(doc, f, allow_unicode=True)
        p = run('report', '--format', 'csv', '--spreadsheet', src, binary=True)
        rows = list(csv.reader(io.StringIO(p.stdout.decode('utf-8-sig'))))
        assert rows[1][0] == "'=HYPERLINK(\"http://x\",\"y\")", rows[1][0]
        assert [r[12] for r in rows[1:5]] == ['-3.2%', "'@SUM(A1)", '+1,234.5', "'-1+2"], \
            [r[12] for r in rows[1:5]]
        p = run('report', '--format', 'csv', src, binary=True)
        assert p.stdout.decode('utf-8').split('\r\n')[1].startswith('"=HYPERLINK(')
    # the issue's "done when": score's CSV under --lang zh, GB18030 with Chinese heads; a
    # character GBK lacks (𠀾, U+2003E) is kept, not lost
    with tempfile.TemporaryDirectory() as tmp:
        src = xishan_with(tmp, title='西山𠀾项目')
        p = run('score', '--format', 'csv', '--spreadsheet', '--encoding', 'gbk', '--lang', 'zh',
                src, binary=True)
        assert p.returncode == 0, p.stderr
        rows = list(csv.reader(io.StringIO(p.stdout.decode('gb18030'))))
        assert rows[0][:8] == ['项目名称', '一级指标', '二级指标', '三级指标', '年度指标值',
                               '实际完成值', '分值', '得分'], rows[0]
        assert rows[1][0] == '西山𠀾项目' and len(rows) == 1 + len(scorecard(src)['indicators'])
    p = run('report', '--format', 'json', '--spreadsheet', XISHAN)
    assert p.returncode == 2 and '--spreadsheet' in p.stderr, (p.returncode, p.stderr)


CASES = [check_spreadsheet_csv, check_empty_form, check_xishan, check_sources, check_score_xlsx, check_batch, check_sheet_names, check_formula_text,
         check_stdout_and_refusals, check_goals_signoff, check_english_round_trip]


def main():
    if not CLI:
        print('PBS_CLI is not set: run through make check')
        return 77
    try:
        import openpyxl  # noqa: F401
    except ImportError:
        print('SKIP: no openpyxl (python3-openpyxl)')
        return 77
    return run_cases(CASES)


if __name__ == '__main__':
    sys.exit(main())
