#!/usr/bin/python3
"""Writes the CSV and HTML fixtures of tests/data/import/ (doc/import.md).

The fixtures are checked in; this script documents how they were made and
remakes them: `/usr/bin/python3 tests/data/import/make-fixtures.py`. They are
written by Python's own csv module, codecs and hand-shaped HTML, never by
pbscore. The Xishan tables hold what examples/xishan-2024.yaml holds, laid
out as the 部门整体支出 form is printed; the habit tables hold what the
matching .yaml files beside them hold.
"""
import csv
import html
import io
import os

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.normpath(os.path.join(HERE, '..', '..', '..'))


def xishan():
    with open(os.path.join(TOP, 'examples', 'xishan-2024.yaml'), encoding='utf-8') as f:
        return yaml.safe_load(f)


def source(doc, name):
    """The amounts (initial, annual, executed) of a budget.sources row, ''
    where the YAML gives none: the table prints what the YAML holds."""
    for s in doc['budget'].get('sources', []):
        if s['name'] == name:
            return [str(s.get(k, '')) for k in ('initial', 'annual', 'executed')]
    return ['', '', '']


def goals(doc):
    g = doc.get('goals') or {}
    return g.get('expected', ''), g.get('achieved', '')


def signoff(doc):
    s = doc.get('signoff') or {}
    return (s.get('preparer', ''), s.get('phone', ''), s.get('date', ''))


HEAD = ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施']


def xishan_rows(doc, first_row_only=True):
    """The Xishan form as rows of 8 cells: title, label, money block, goals,
    indicator block (levels on the first row of each group only), 总分,
    sign-off."""
    b = doc['budget']
    expected, achieved = goals(doc)
    preparer, phone, date = signoff(doc)
    rows = [
        [doc['title'] + '绩效自评表'] + [''] * 7,
        ['部门（单位）名称', doc['department']] + [''] * 6,
        ['项目资金（万元）', '', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
        ['', '年度资金总额', b['initial'], b['annual'], b['executed'], str(b['points']), '99.94%', ''],
        ['', '其中：当年财政拨款'] + source(doc, '当年财政拨款') + ['—', '—', '—'],
        ['', '上年结转资金'] + source(doc, '上年结转资金') + ['—', '—', '—'],
        ['年度总体目标', '预期目标', '', '', '实际完成情况', '', '', ''],
        ['', expected, '', '', achieved, '', '', ''],
        HEAD,
    ]
    last1 = last2 = None
    for ind in doc['indicators']:
        l1 = ind['level1'] if (ind['level1'] != last1 or not first_row_only) else ''
        l2 = ind['level2'] if (ind['level2'] != last2 or l1 or not first_row_only) else ''
        last1, last2 = ind['level1'], ind['level2']
        rows.append([l1, l2, ind['name'], ind['target'], ind['actual'], str(ind['points']), '',
                     ind.get('reason', '')])
    rows.append(['总分', '', '', '', '', '100', '', ''])
    rows.append(['填报人：' + preparer, '', '联系电话：' + phone, '', '', '填报日期：' + date, '', ''])
    return rows


def write_csv(path, rows, encoding, delimiter=',', bom=''):
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator='\r\n').writerows(rows)
    with open(path, 'wb') as f:
        f.write((bom + out.getvalue()).encode(encoding))


def cell(text, tag='td', **attrs):
    a = ''.join(' %s="%s"' % (k, v) for k, v in attrs.items())
    body = html.escape(text).replace('\n', '<br>') if text else '&nbsp;'
    return '<%s%s>%s</%s>' % (tag, a, body, tag)


def xishan_html(doc, charset):
    """A government article page: navigation, a layout table around the
    article, the form inside with level cells merged by rowspan."""
    b = doc['budget']
    inds = doc['indicators']
    expected, achieved = goals(doc)
    span1, span2 = {}, {}
    for i, ind in enumerate(inds):
        k1 = ind['level1']
        k2 = (ind['level1'], ind['level2'])
        span1.setdefault(k1, [i, 0])[1] += 1
        span2.setdefault(k2, [i, 0])[1] += 1
    t = []
    t.append('<table border="1" cellspacing="0" style="width:100%">')
    t.append('<tr>' + cell(doc['title'] + '绩效自评表', colspan=8) + '</tr>')
    t.append('<tr>' + cell('部门（单位）名称') + cell(doc['department'], colspan=7) + '</tr>')
    t.append('<tr>' + cell('项目资金<br>（万元）'.replace('<br>', '\n'), rowspan=3) + cell('')
             + ''.join(cell(h) for h in ['年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'])
             + '</tr>')
    t.append('<tr>' + cell('年度资金总额') + cell(b['initial']) + cell(b['annual']) + cell(b['executed'])
             + cell(str(b['points'])) + cell('99.94%') + cell('') + '</tr>')
    t.append('<tr>' + cell('其中：当年财政拨款') + ''.join(cell(a) for a in source(doc, '当年财政拨款'))
             + cell('—') + cell('—') + cell('—') + '</tr>')
    t.append('<tr>' + cell('年度总体目标', rowspan=2) + cell('预期目标', colspan=3)
             + cell('实际完成情况', colspan=4) + '</tr>')
    t.append('<tr>' + cell(expected, colspan=3) + cell(achieved, colspan=4) + '</tr>')
    t.append('<tr>' + ''.join(cell(h, 'th') for h in HEAD) + '</tr>')
    for i, ind in enumerate(inds):
        row = ''
        s1 = span1[ind['level1']]
        s2 = span2[(ind['level1'], ind['level2'])]
        if s1[0] == i:
            row += cell(ind['level1'], rowspan=s1[1])
        if s2[0] == i:
            row += cell(ind['level2'], rowspan=s2[1])
        row += cell(ind['name']) + cell(ind['target']) + cell(ind['actual']) + cell(str(ind['points']))
        row += cell('') + cell(ind.get('reason', ''))
        t.append('<tr>' + row + '</tr>')
    t.append('<tr>' + cell('总分', colspan=5) + cell('100') + cell('') + cell('') + '</tr>')
    t.append('</table>')
    return '''<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=%(charset)s" />
<title>%(title)s绩效自评报告_西山区人民政府</title>
<script type="text/javascript">var nav = "<table><tr><td>not a table</td></tr></table>";</script>
</head>
<body>
<div class="top"><table class="nav"><tr><td><a href="/">首页</a></td><td><a href="/zwgk/">政务公开</a></td></tr></table></div>
<table class="main" width="1000"><tr><td class="article">
<h1>%(title)s绩效自评报告</h1>
<p>发布时间：2025-03-10&nbsp;&nbsp;来源：西山区政务服务管理局</p>
<p>一、部门基本情况……</p>
<p>附件：部门整体支出绩效自评表</p>
%(table)s
<p>注：本表金额单位为万元。</p>
</td></tr></table>
<div class="foot">主办单位：昆明市西山区人民政府办公室</div>
</body>
</html>
''' % {'charset': charset, 'title': html.escape(doc['title']), 'table': '\n'.join(t)}


def main():
    doc = xishan()
    rows = xishan_rows(doc)
    write_csv(os.path.join(HERE, 'xishan-2024.csv'), rows, 'utf-8', bom='\ufeff')
    write_csv(os.path.join(HERE, 'xishan-2024-gbk.csv'), rows, 'gb18030')
    write_csv(os.path.join(HERE, 'xishan-2024-unicode.txt'), xishan_rows(doc, False), 'utf-16-le',
              delimiter='\t', bom='\ufeff')
    with open(os.path.join(HERE, 'xishan-2024.html'), 'w', encoding='utf-8') as f:
        f.write(xishan_html(doc, 'utf-8'))
    with open(os.path.join(HERE, 'xishan-2024-gb2312.html'), 'wb') as f:
        f.write(xishan_html(doc, 'gb2312').encode('gb18030'))


if __name__ == '__main__':
    main()
