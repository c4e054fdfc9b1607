#!/usr/bin/python3
# make-fixtures.py - writes the .xlsx, .xls and .docx fixtures of
# tests/test-grid-office.c with writers independent of pbscore:
# python3-openpyxl (.xlsx), python3-xlwt (.xls), python3-docx (.docx), and
# Python's zipfile where a writer cannot make what real files hold (a
# formula's cached value, rich text runs, a damaged package).
#
# Copyright 2026 The pbscore authors
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# The generated files are committed; run this (with /usr/bin/python3, whose
# openpyxl, xlwt and docx are Debian's) only to change them:
#   /usr/bin/python3 tests/data/office/make-fixtures.py
# It also writes examples/xishan-2024.xlsx, the Xishan example as the
# official form. Every file is written deterministically (fixed timestamps)
# so that rerunning the script changes nothing.

import datetime
import io
import os
import re
import struct
import sys
import zipfile

import docx
import openpyxl
import xlwt
import yaml
from docx.shared import Pt
from openpyxl.styles import Alignment

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.normpath(os.path.join(HERE, '..', '..', '..'))
STAMP = (2024, 1, 1, 0, 0, 0)


def fixed_zip(data):
    """The zip @data rewritten with fixed timestamps, members in order."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            zi = zipfile.ZipInfo(info.filename, STAMP)
            zi.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(zi, body)
    return out.getvalue()


def edit_zip(data, edits):
    """@data with some members replaced: @edits maps a name to a function
    from the old bytes (or None) to the new bytes (or None to drop it)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    names = [i.filename for i in src.infolist()]
    for n in edits:
        if n not in names:
            names.append(n)
    with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as dst:
        for n in names:
            old = src.read(n) if n in src.namelist() else None
            new = edits[n](old) if n in edits else old
            if new is None:
                continue
            zi = zipfile.ZipInfo(n, STAMP)
            zi.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(zi, new)
    return out.getvalue()


def save_workbook(wb):
    buf = io.BytesIO()
    wb.save(buf)
    # openpyxl stamps the time of saving into docProps/core.xml
    return edit_zip(buf.getvalue(), {'docProps/core.xml': lambda old: re.sub(
        rb'\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ', b'2024-01-01T00:00:00Z', old)})


def save_document(d):
    d.core_properties.created = datetime.datetime(2024, 1, 1)
    d.core_properties.modified = datetime.datetime(2024, 1, 1)
    d.core_properties.last_printed = datetime.datetime(2024, 1, 1)
    buf = io.BytesIO()
    d.save(buf)
    return fixed_zip(buf.getvalue())


def write(path, data):
    with open(path, 'wb') as f:
        f.write(data)
    print('wrote', os.path.relpath(path, TOP), len(data), 'bytes')


def text_cell(ws, ref, text):
    """A text cell that stays text even when it starts with '='."""
    c = ws[ref]
    c.value = text
    c.data_type = 's'
    return c


# ------------------------------------------------------------ formats.xlsx

def formats_xlsx():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = '格式'
    rows = [
        # value, number format (None: General)
        (0.9787, '0.00%'),
        (1354.1, '#,##0.00'),
        (datetime.datetime(2023, 12, 31), 'yyyy"年"m"月"d"日"'),
        (datetime.datetime(2023, 12, 31), 'yyyy-mm-dd'),
        (45291, 'mm-dd-yy'),           # openpyxl writes built-in id 14
        (0.1 + 0.2, None),
        (True, None),
        (1234.5, '0.0'),
        (-1234.5, '#,##0.00;(#,##0.00)'),
        (12, '0"个"'),
        (0.5, '0%'),
        (1234567.891, '#,##0'),
        (3.14159, '@'),
        (100, '[$¥-804]#,##0.00'),
        (0.75, 'h:mm'),
        (2.5e-10, None),
    ]
    for i, (value, fmt) in enumerate(rows, start=1):
        c = ws.cell(row=i, column=1, value=value)
        if fmt is not None:
            c.number_format = fmt
    text_cell(ws, 'B1', '1354.10')           # a number stored as text
    text_cell(ws, 'B2', '９７．８７％')         # full-width digits
    text_cell(ws, 'B3', '=100%')             # text that looks like a formula
    text_cell(ws, 'B4', '第一行\n第二行')
    # merged ranges: C1:C3 down, D1:F1 across
    ws['C1'] = '产出指标'
    ws.merge_cells('C1:C3')
    ws['D1'] = '项目资金（万元）'
    ws.merge_cells('D1:F1')
    second = wb.create_sheet('Sheet 2')
    second['B2'] = 'only cell'
    return save_workbook(wb)


# ------------------------------------------------------------ formulas

def formula_workbook():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = 'Sheet1'
    ws['A1'] = 1444.16
    ws['B1'] = 1445.05
    ws['C1'] = '=A1/B1'
    ws['C1'].number_format = '0.00%'
    ws['D12'] = '=SUM(A1:B1)'
    ws['D12'].number_format = '#,##0.00'
    ws['A2'] = '=IF(A1>0,"有","无")'
    return save_workbook(wb)


def with_cached_values(xml):
    """openpyxl writes no cached value: add them as Excel would."""
    s = xml.decode('utf-8')
    s = re.sub(r'(<c r="C1"[^>]*>)(<f>[^<]*</f>)(<v\s*/>|<v></v>)?',
               r'\1\2<v>0.99938410435971077</v>', s)
    s = re.sub(r'(<c r="D12"[^>]*>)(<f>[^<]*</f>)(<v\s*/>|<v></v>)?',
               r'\1\2<v>2899.21</v>', s)
    s = re.sub(r'<c r="A2"([^>]*)>(<f>[^<]*</f>)(<v\s*/>|<v></v>)?',
               r'<c r="A2" t="str"\1>\2<v>有</v>', s)
    return s.encode('utf-8')


def formula_xlsx(cached):
    data = formula_workbook()
    if cached:
        data = edit_zip(data, {'xl/worksheets/sheet1.xml': with_cached_values})
    return data


# ------------------------------------------------------------ rich text

RICH_SST = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2" uniqueCount="2">
<si><r><rPr><b/></rPr><t>项目</t></r><r><t xml:space="preserve"> 名称</t></r><rPh sb="0" eb="2"><t>xiangmu</t></rPh></si>
<si><t>plain</t></si>
</sst>'''

RICH_SHEET = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<sheetData>
<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>
<row r="3"><c r="A3" t="inlineStr"><is><r><t>行</t></r><r><t>内</t></r></is></c><c t="b"><v>0</v></c><c t="e"><v>#DIV/0!</v></c></row>
<row><c><v>7</v></c><c t="d"><v>2023-12-31T00:00:00</v></c><c t="d"><v>2023-12-31T08:30:00</v></c></row>
</sheetData>
</worksheet>'''


def rich_xlsx():
    wb = openpyxl.Workbook()
    wb.active.title = 'Rich'
    wb.active['A1'] = 'placeholder'
    data = save_workbook(wb)
    sst_rel = ('<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/'
               'relationships/sharedStrings" Target="sharedStrings.xml" Id="rId9"/>')
    sst_type = ('<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>')

    def add_rel(old):
        if b'relationships/sharedStrings' in old:
            return old
        return old.replace(b'</Relationships>', sst_rel.encode() + b'</Relationships>')

    def add_type(old):
        if b'sharedStrings' in old:
            return old
        return old.replace(b'</Types>', sst_type.encode() + b'</Types>')

    return edit_zip(data, {
        'xl/sharedStrings.xml': lambda old: RICH_SST.encode('utf-8'),
        'xl/worksheets/sheet1.xml': lambda old: RICH_SHEET.encode('utf-8'),
        'xl/_rels/workbook.xml.rels': add_rel,
        '[Content_Types].xml': add_type,
    })


# ------------------------------------------------------------ hostile files

def patch_declared_size(data, member, size):
    """The zip @data with @member's declared inflated size set to @size in
    its local header and in the central directory (a zip bomb's lie, or a
    bomb's truth, as far as the directory tells)."""
    b = bytearray(data)
    name = member.encode()
    i = 0
    while True:
        i = b.find(b'PK\x03\x04', i)
        if i < 0:
            break
        n, m = struct.unpack_from('<HH', b, i + 26)
        if bytes(b[i + 30:i + 30 + n]) == name:
            struct.pack_into('<I', b, i + 22, size)
        i += 4
    i = 0
    while True:
        i = b.find(b'PK\x01\x02', i)
        if i < 0:
            break
        n = struct.unpack_from('<H', b, i + 28)[0]
        if bytes(b[i + 46:i + 46 + n]) == name:
            struct.pack_into('<I', b, i + 24, size)
        i += 4
    return bytes(b)


def hostile(base):
    out = {}
    # a part that declares 300 MiB inflated (the bound is 256 MiB)
    out['bomb.xlsx'] = patch_declared_size(base, 'xl/worksheets/sheet1.xml',
                                           300 * 1024 * 1024)
    # a zip signature followed by nothing a zip reader can use
    out['malformed.xlsx'] = b'PK\x03\x04' + bytes(range(256)) * 4
    # the first half of a workbook: the central directory is gone
    out['truncated.xlsx'] = base[:len(base) // 2]
    # a workbook whose sheet part is missing
    out['half.xlsx'] = edit_zip(base, {'xl/worksheets/sheet1.xml': lambda old: None})
    # an entity bomb in a sheet: refused for its DTD, never expanded
    lol = ('<?xml version="1.0"?>\n<!DOCTYPE worksheet [\n'
           '<!ENTITY a "aaaaaaaaaa">\n'
           + ''.join('<!ENTITY %s "%s">\n' % (chr(98 + k), ('&%s;' % chr(97 + k)) * 10)
                     for k in range(8)) +
           ']>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
           '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&i;</t></is></c></row>'
           '</sheetData></worksheet>')
    out['entities.xlsx'] = edit_zip(base, {'xl/worksheets/sheet1.xml': lambda old: lol.encode()})
    # a shared string index past the table
    out['bad-string.xlsx'] = edit_zip(base, {
        'xl/worksheets/sheet1.xml': lambda old: re.sub(
            rb'<c r="A1"[^>]*>.*?</c>', b'<c r="A1" t="s"><v>99</v></c>', old)})
    return out


# ------------------------------------------------------------ docx

def merges_docx():
    d = docx.Document()
    d.add_paragraph('前言：表格之前的段落不是表格。')
    t = d.add_table(rows=4, cols=4)
    t.cell(0, 0).text = '一级指标'
    t.cell(0, 1).text = '二级指标'
    t.cell(0, 2).text = '三级指标'
    t.cell(0, 3).text = '分值'
    t.cell(1, 0).text = '产出指标'
    t.cell(1, 0).merge(t.cell(3, 0))          # vertical: rows 2-4
    t.cell(1, 1).text = '数量指标'
    t.cell(1, 2).text = '网上可办率'
    t.cell(1, 3).text = '5'
    t.cell(2, 1).text = '质量指标'
    t.cell(2, 1).merge(t.cell(2, 2))          # horizontal: columns 2-3
    t.cell(2, 3).text = '3'
    c = t.cell(3, 1)
    c.text = '第一段'
    c.add_paragraph('第二段')
    run = c.paragraphs[1].add_run()
    run.add_tab()
    run.add_text('制表')
    run.add_break()
    run.add_text('换行')
    t.cell(3, 2).text = '≥95%'
    d.add_paragraph('两表之间。')
    t2 = d.add_table(rows=1, cols=2)
    t2.cell(0, 0).text = '总分'
    t2.cell(0, 1).text = '100'
    return save_document(d)


def nested_docx():
    d = docx.Document()
    t = d.add_table(rows=2, cols=2)
    t.cell(0, 0).text = '外'
    t.cell(0, 1).text = '签章'
    inner = t.cell(1, 1).add_table(rows=2, cols=2)
    inner.cell(0, 0).text = '填报人'
    inner.cell(0, 1).text = '张三'
    inner.cell(1, 0).text = '联系电话'
    inner.cell(1, 1).text = '12345'
    t.cell(1, 0).text = '后'
    return save_document(d)


def grid_before_docx():
    """A row that starts one grid column in (w:gridBefore), as Word writes
    a table whose first cell was deleted: python-docx cannot, so its XML
    is edited."""
    d = docx.Document()
    t = d.add_table(rows=2, cols=3)
    for c, text in enumerate(['甲', '乙', '丙']):
        t.cell(0, c).text = text
    t.cell(1, 1).text = '右一'
    t.cell(1, 2).text = '右二'
    data = save_document(d)

    def edit(old):
        s = old.decode('utf-8')
        rows = s.split('<w:tr>')
        assert len(rows) == 3, 'python-docx wrote rows differently'
        second = rows[2]
        end = second.index('</w:tc>') + len('</w:tc>')
        rows[2] = '<w:trPr><w:gridBefore w:val="1"/></w:trPr>' + second[end:]
        return '<w:tr>'.join(rows).encode('utf-8')

    return edit_zip(data, {'word/document.xml': edit})


def date1904_xlsx():
    """A workbook in the 1904 date system (Excel for Mac's old default)."""
    wb = openpyxl.Workbook()
    wb.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904
    ws = wb.active
    ws.title = 'Mac'
    ws['A1'] = datetime.datetime(2023, 12, 31)
    ws['A1'].number_format = 'yyyy-mm-dd'
    return save_workbook(wb)


# ------------------------------------------------------------ xls

def formats_xls():
    wb = xlwt.Workbook(encoding='utf-8')
    ws = wb.add_sheet('格式')
    ws.write(0, 0, '执行率')
    ws.write(1, 0, 0.9994, xlwt.easyxf(num_format_str='0.00%'))
    ws.write(2, 0, 1.0)
    ws.write(0, 1, '全年执行数')
    ws.write(1, 1, 1354.1, xlwt.easyxf(num_format_str='#,##0.00'))
    ws.write(2, 1, 0.1 + 0.2)
    ws.write(3, 1, 123456789.123456789)
    ws.write(0, 2, '完成率(%)')
    ws.write(1, 2, 97.7)
    ws.write(2, 2, 0.5)
    ws.write(1, 3, datetime.date(2023, 12, 31), xlwt.easyxf(num_format_str='yyyy-mm-dd'))
    ws.write(2, 3, '１２３')
    ws.write_merge(4, 6, 0, 0, '产出指标')
    ws2 = wb.add_sheet('Sheet2')
    ws2.write(0, 0, 42)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


# ------------------------------------------------------------ the Xishan form

FORM_HEADS = ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分',
              '偏差原因分析及改进措施']


def xishan():
    with open(os.path.join(TOP, 'examples', 'xishan-2024.yaml'), encoding='utf-8') as f:
        return yaml.safe_load(f)


def percent_value(text):
    """'97.7%' → (0.977, '0.0%'): how Excel keeps a typed percentage."""
    m = re.fullmatch(r'(\d+)(?:\.(\d+))?%', text)
    if not m:
        return None
    decimals = len(m.group(2) or '')
    digits = m.group(1) + (m.group(2) or '')
    value = int(digits) / 10 ** (decimals + 2)
    fmt = '0%' if decimals == 0 else '0.' + '0' * decimals + '%'
    return value, fmt


def money(text):
    return float(text.replace(',', ''))


def form_rows(doc):
    """The official form as rows of (cells, merges): shared by the three
    writers. Cells are text or (number, format); merges are
    (row, col, rows, cols), 0-based."""
    b = doc['budget']
    rows, merges = [], []
    rows.append([doc['title'] + '绩效自评表'])
    merges.append((0, 0, 1, 8))
    rows.append(['（2024年度）'])
    merges.append((1, 0, 1, 8))
    rows.append(['部门名称', doc['department'], None, None, '实施单位', doc['unit']])
    merges += [(2, 1, 1, 3), (2, 5, 1, 3)]
    rows.append(['项目资金（万元）', None, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率',
                 '得分'])
    r0 = len(rows) - 1
    rate = round(money(b['executed']) / money(b['annual']), 4)
    rows.append(['年度资金总额', None, (money(b['initial']), '#,##0.00'),
                 (money(b['annual']), '#,##0.00'), (money(b['executed']), '#,##0.00'),
                 (b['points'], None), (rate, '0.00%'), None])
    current = next((s for s in b.get('sources', []) if s['name'] == '当年财政拨款'), {})
    rows.append(['其中：当年财政拨款', None]
                + [(money(current[k]), '#,##0.00') if k in current else None
                   for k in ('initial', 'annual', 'executed')]
                + [None, None, None])
    rows.append(['上年结转资金', None, None, None, None, None, None, None])
    rows.append(['其他资金', None, None, None, None, None, None, None])
    merges.append((r0, 0, 1, 2))
    for r in range(r0 + 1, len(rows)):
        merges.append((r, 0, 1, 2))
    # 年度总体目标: the paragraphs the example gives, blank where it has none
    g = doc.get('goals') or {}
    rows.append(['年度总体目标', None, '预期目标', None, None, '实际完成情况', None, None])
    merges += [(len(rows) - 1, 0, 2, 2), (len(rows) - 1, 2, 1, 3), (len(rows) - 1, 5, 1, 3)]
    rows.append([None, None, g.get('expected'), None, None, g.get('achieved'), None, None])
    merges += [(len(rows) - 1, 2, 1, 3), (len(rows) - 1, 5, 1, 3)]
    rows.append(list(FORM_HEADS))
    first = len(rows)
    inds = doc['indicators']
    for ind in inds:
        actual = ind['actual']
        pv = percent_value(actual)
        rows.append([ind['level1'], ind['level2'], ind['name'], ind['target'],
                     pv if pv else actual, (ind['points'], None), None, ind.get('reason')])
    # level cells merged down over their groups
    for col, key in ((0, 'level1'), (1, 'level2')):
        start = 0
        for i in range(1, len(inds) + 1):
            if i == len(inds) or inds[i][key] != inds[start][key] or \
               (col == 1 and inds[i]['level1'] != inds[start]['level1']):
                if i - start > 1:
                    merges.append((first + start, col, i - start, 1))
                start = i
    total = b['points'] + sum(i['points'] for i in inds)
    rows.append(['总分', None, None, None, None, (total, None), None, None])
    merges.append((len(rows) - 1, 0, 1, 5))
    return rows, merges


def form_xlsx(doc):
    rows, merges = form_rows(doc)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = '自评表'
    for r, cells in enumerate(rows, start=1):
        for c, v in enumerate(cells, start=1):
            if v is None:
                continue
            if isinstance(v, tuple):
                cell = ws.cell(row=r, column=c, value=v[0])
                if v[1]:
                    cell.number_format = v[1]
            else:
                cell = text_cell(ws, ws.cell(row=r, column=c).coordinate, v)
            cell.alignment = Alignment(wrap_text=True, vertical='center')
    for (r, c, nr, nc) in merges:
        ws.merge_cells(start_row=r + 1, start_column=c + 1,
                       end_row=r + nr, end_column=c + nc)
    return save_workbook(wb)


def xls_text(v, col):
    """What a person types into an .xls: freexl gives no formats, so
    percentages are typed as text, except the money block's 执行率 (column
    G), kept as a fraction that the reader shows as a percentage."""
    if isinstance(v, tuple):
        value, fmt = v
        if fmt and fmt.endswith('%') and col != 6:
            decimals = fmt.count('0') - 1
            return '%.*f%%' % (decimals, value * 100)
        return value
    return v


def form_xls(doc):
    rows, merges = form_rows(doc)
    wb = xlwt.Workbook(encoding='utf-8')
    ws = wb.add_sheet('自评表')
    covered = set()
    for (r, c, nr, nc) in merges:
        for i in range(r, r + nr):
            for j in range(c, c + nc):
                if (i, j) != (r, c):
                    covered.add((i, j))
        v = rows[r][c] if c < len(rows[r]) else None
        ws.write_merge(r, r + nr - 1, c, c + nc - 1, xls_text(v, c) if v is not None else '')
    starts = {(r, c) for (r, c, nr, nc) in merges}
    for r, cells in enumerate(rows):
        for c, v in enumerate(cells):
            if v is None or (r, c) in covered or (r, c) in starts:
                continue
            ws.write(r, c, xls_text(v, c))
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def docx_text(v):
    if isinstance(v, tuple):
        value, fmt = v
        if fmt == '#,##0.00':
            return '{:,.2f}'.format(value)
        if fmt and fmt.endswith('%'):
            decimals = fmt.count('0') - 1
            return '%.*f%%' % (decimals, value * 100)
        return str(value)
    return v


def form_docx(doc):
    rows, merges = form_rows(doc)
    d = docx.Document()
    style = d.styles['Normal']
    style.font.size = Pt(10)
    t = d.add_table(rows=len(rows), cols=8)
    t.style = 'Table Grid'
    # python-docx moves a merged cell's text into the range's first cell:
    # write only first cells, as Word keeps them
    covered = {(i, j) for (r, c, nr, nc) in merges
               for i in range(r, r + nr) for j in range(c, c + nc) if (i, j) != (r, c)}
    for r, cells in enumerate(rows):
        for c, v in enumerate(cells):
            if v is not None and (r, c) not in covered:
                t.cell(r, c).text = docx_text(v)
    for (r, c, nr, nc) in merges:
        t.cell(r, c).merge(t.cell(r + nr - 1, c + nc - 1))
    return save_document(d)


def no_points_xlsx():
    """tests/data/import/no-points.yaml as a form without a 分值 column
    (doc/import.md): the table starts at B3 under a note, the level cells
    merged down, the printed 得分 beside the actuals."""
    with open(os.path.join(TOP, 'tests', 'data', 'import', 'no-points.yaml'),
              encoding='utf-8') as f:
        doc = yaml.safe_load(f)
    b = doc['budget']
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = 'Sheet1'
    ws['A1'] = '附件2'
    rows = [
        [doc['title'] + '绩效自评表'],
        ['项目名称', doc['title']],
        ['主管部门', doc['department'], None, '实施单位', doc['unit']],
        ['项目资金（万元）', None, '全年预算数', '全年执行数', '分值', '执行率', '得分'],
        [None, '年度资金总额', b['annual'], b['executed'], b['points'], (0.96, '0.00%'), 19.2],
        ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '得分', '偏差原因分析及改进措施'],
    ]
    scores = [20, 8, 10, 10, 18.89, 10]
    for ind, score in zip(doc['indicators'], scores):
        rows.append([ind['level1'], ind['level2'], ind['name'], ind['target'], ind['actual'],
                     score, ind.get('reason')])
    rows.append(['总分', None, None, None, None, 96.09])
    for r, cells in enumerate(rows, start=3):
        for c, v in enumerate(cells, start=2):
            if v is None:
                continue
            if isinstance(v, tuple):
                ws.cell(row=r, column=c, value=v[0]).number_format = v[1]
            elif isinstance(v, str):
                text_cell(ws, ws.cell(row=r, column=c).coordinate, v)
            else:
                ws.cell(row=r, column=c, value=v)
    first = 3 + 6
    # level cells merged down over their groups, as the form prints them
    ws.merge_cells(start_row=first, start_column=2, end_row=first + 3, end_column=2)
    ws.merge_cells(start_row=first, start_column=3, end_row=first + 1, end_column=3)
    ws.merge_cells(start_row=6, start_column=2, end_row=7, end_column=2)
    ws.merge_cells(start_row=3, start_column=2, end_row=3, end_column=8)
    return save_workbook(wb)


def main():
    write(os.path.join(HERE, 'formats.xlsx'), formats_xlsx())
    write(os.path.join(HERE, 'formula-cached.xlsx'), formula_xlsx(True))
    write(os.path.join(HERE, 'formula-uncached.xlsx'), formula_xlsx(False))
    write(os.path.join(HERE, 'rich.xlsx'), rich_xlsx())
    for name, data in hostile(formula_xlsx(True)).items():
        write(os.path.join(HERE, name), data)
    write(os.path.join(HERE, 'merges.docx'), merges_docx())
    write(os.path.join(HERE, 'nested.docx'), nested_docx())
    write(os.path.join(HERE, 'grid-before.docx'), grid_before_docx())
    write(os.path.join(HERE, 'date1904.xlsx'), date1904_xlsx())
    write(os.path.join(HERE, 'formats.xls'), formats_xls())
    doc = xishan()
    write(os.path.join(HERE, 'xishan-2024.xlsx'), form_xlsx(doc))
    write(os.path.join(HERE, 'xishan-2024.xls'), form_xls(doc))
    write(os.path.join(HERE, 'xishan-2024.docx'), form_docx(doc))
    write(os.path.join(TOP, 'examples', 'xishan-2024.xlsx'), form_xlsx(doc))
    write(os.path.join(HERE, 'no-points.xlsx'), no_points_xlsx())
    return 0


if __name__ == '__main__':
    sys.exit(main())
