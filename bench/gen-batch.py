#!/usr/bin/env python3
"""Writes a synthetic batch of evaluations for the benchmark (doc/performance.md).

  bench/gen-batch.py N [FILE] [--seed S]      (standard output without FILE)
  bench/gen-batch.py --rows N [FILE] [--seed S] [--dense]


Each of the N documents is a project table as the finance bureaus publish them
(rule book §11): a long title, department and unit, a budget line in 万元 with
thousands separators, and 30 indicator rows of every rule kind -- ≥, ≤ and =
quantities, ranges, qualitative words, 是/否, deadlines, step deductions and
deviation bands -- with long Chinese names, mostly met, some short, late or
past their ceiling, and a 偏差原因 on most rows that miss. The points add up to
90, plus 10 for the budget line: 100 under the central policy. The same seed
gives the same file.

With --rows, one huge evaluation of N such rows instead (the memory figures of
doc/performance.md, "One huge evaluation"); its 90 points are shared out among the rows.
With --dense as well, its rows are short flow mappings (about 110 bytes each,
as in issue 14's file of 2 million rows in 227 MB):
`{level1: 产出, level2: 数量指标, name: 指标123456, target: "≥100", actual: 120, points: …}`.
"""
import random
import sys
from decimal import Decimal

LEVELS = [
    ('产出指标', '数量指标'), ('产出指标', '质量指标'), ('产出指标', '时效指标'), ('产出指标', '成本指标'),
    ('效益指标', '经济效益指标'), ('效益指标', '社会效益指标'), ('效益指标', '可持续影响指标'),
    ('满意度指标', '服务对象满意度指标'),
]
SUBJECTS = ['农村公路危旧桥梁改造加固工程', '城乡居民基本医疗保险参保缴费服务', '义务教育阶段学校校舍维修改造项目',
            '高标准农田建设及配套灌溉设施', '政务服务事项“一网通办”网上可办', '老旧小区供排水管网更新改造工程',
            '困难群众临时救助资金发放', '森林草原防火巡护及监测预警体系', '公共文化场馆免费开放服务']
MEASURES = ['完成数量', '验收合格率', '按期完成率', '覆盖人数', '资金拨付及时率', '群众满意度', '设施完好率',
            '投诉办结率', '单位成本控制']
REASONS = ['受汛期持续降雨影响，部分工程施工进度延后，已督促施工单位增加人员设备，确保下年度一季度完工。',
           '项目实施过程中需求增加，实际完成量超出年初预期，后续将科学合理设置绩效目标。',
           '个别乡镇资料报送不及时导致资金拨付滞后，下一步将建立定期调度和通报机制。']
QUAL_TARGETS = ['有效提升', '持续改善', '稳步提升', '规范有序', '显著改善']
QUAL_MET = ['达成预期', '达到预期指标', '已达成预期', '达成']
QUAL_PARTIAL = ['部分达成', '基本达到', '基本完成年度指标']


def q(s):
    return '"' + s.replace('\\', '\\\\').replace('"', '\\"') + '"'


def money(v):
    """万元 with thousands separators, two decimals ("1,445.05")."""
    return f'{v / 100:,.2f}'


def row(rng, i, points='3'):
    l1, l2 = LEVELS[i % len(LEVELS)]
    name = f'{rng.choice(SUBJECTS)}{rng.choice(MEASURES)}（第{i + 1}项，按年度绩效目标申报表口径统计）'
    k = rng.random()
    miss = rng.random() < 0.2
    extra = []
    if k < 0.40:                                    # ≥ quantity
        if rng.random() < 0.5:
            t = rng.choice([90, 95, 98, 100])
            target, a = f'≥{t}%', t - rng.choice([1, 3, 7.5]) if miss else min(100, t + rng.choice([0, 1, 2]))
            actual = f'{a}%'
        else:
            t = rng.choice([12, 150, 1100, 3000])
            unit = rng.choice(['项', '人次', '座', '公里'])
            a = int(t * (rng.choice([0.8, 0.9]) if miss else rng.choice([1, 1.05, 1.1])))
            target, actual = f'≥{t:,}{unit}', f'{a}{unit}'
    elif k < 0.52:                                  # ≤ quantity
        t = rng.choice([3, 5, 15])
        a = t + rng.choice([1, 2]) if miss else t - rng.choice([0, 1])
        target, actual = f'≤{t}个工作日', f'{a}个工作日'
    elif k < 0.58:                                  # =
        target, actual = '=100%', f'{rng.choice([97.7, 99.5])}%' if miss else '100%'
    elif k < 0.62:                                  # range
        target, actual = '80%-90%', f'{rng.choice([75, 93])}%' if miss else f'{rng.choice([80, 85, 88.5])}%'
    elif k < 0.76:                                  # qualitative
        target = rng.choice(QUAL_TARGETS)
        actual = rng.choice(QUAL_PARTIAL) if miss else rng.choice(QUAL_MET)
        # the 自评得分 the unit gave a row below 达成 (the central policy wants one)
        if miss:
            extra.append(f'    manual_score: {rng.choice(["2", "2.2", "1.8"])}')
    elif k < 0.82:                                  # 是/否
        target, actual = '是', '否' if miss else '是'
    elif k < 0.90:                                  # deadline
        m = rng.randint(6, 12)
        target = f'2024年{m}月底前'
        actual = f'2024年{m + 1 if miss and m < 12 else m}月{rng.randint(1, 28)}日' if miss else f'2024年{m}月{rng.randint(1, 28)}日'
        if miss and m == 12:
            actual = '2025年1月15日'
    elif k < 0.96:                                  # step deduction
        target, actual = '≤100%', f'{rng.choice([101.5, 104])}%' if miss else f'{rng.choice([96, 99.2, 100])}%'
        extra.append('    rule: {kind: step, per: 1, deduct: 0.5, steps: started}')
    else:                                           # deviation bands
        target, actual = '=100%', f'{rng.choice([88, 92.5, 112])}%' if miss else f'{rng.choice([96, 100, 103])}%'
        extra += ['    rule:', '      kind: bands', '      of: deviation', '      bands:',
                  '        - {max: 5, score: 3}', '        - {max: 10, score: 2}', '        - {max: 20, score: 1}']
    out = [f'  - level1: {l1}', f'    level2: {l2}', f'    name: {q(name)}', f'    target: {q(target)}',
           f'    actual: {q(actual)}', f'    points: {points}']
    if miss and rng.random() < 0.8:
        out.append(f'    reason: {q(rng.choice(REASONS))}')
    elif rng.random() < 0.3:
        out.append('    reason: 无')
    return out + extra


DENSE_LEVELS = [('产出', '数量指标'), ('产出', '质量指标'), ('产出', '时效指标'), ('效益', '社会效益'), ('满意度', '满意度')]


def dense_row(rng, i, points):
    """One short row of a dense table (--dense)."""
    l1, l2 = DENSE_LEVELS[i * len(DENSE_LEVELS) // DENSE_ROWS[0]] if DENSE_ROWS else DENSE_LEVELS[0]
    t = rng.choice([90, 95, 100, 120])
    actual = t + rng.choice([-10, -1, 0, 2, 5])
    return (f'  - {{level1: {l1}, level2: {l2}, name: 指标{100000 + i}, target: "≥{t}", '
            f'actual: {actual}, points: {points}}}')


DENSE_ROWS = []


def document(rng, n, rows=30):
    annual = rng.randint(50_00, 5_000_00)   # cents of 万元
    executed = int(annual * rng.choice([1, 0.98, 0.95, 0.87, 0.6]))
    county = rng.choice(['西山区', '五华区', '盘龙区', '官渡区', '呈贡区', '晋宁区'])
    dept = f'昆明市{county}{rng.choice(["交通运输局", "卫生健康局", "教育体育局", "农业农村局", "民政局"])}'
    lines = ['pbscore: 1', 'kind: evaluation',
             f'title: {q(f"{dept}2024年度{rng.choice(SUBJECTS)}项目支出绩效自评表（第{n + 1}号）")}',
             f'department: {dept}', f'unit: {dept}{rng.choice(["机关", "事务中心", "服务站"])}', 'year: 2024',
             'currency: 万元', 'budget:', f'  initial: {q(money(annual))}', f'  annual: {q(money(annual))}',
             f'  executed: {q(money(executed))}', '  points: 10', 'indicators:']
    out = ['\n'.join(lines) + '\n']
    # 90 points in all: N - 1 equal shares to six places, the rest on the last row
    share = Decimal(90 * 10**6 // rows) / 10**6 if rows != 30 else Decimal(3)
    for i in range(rows):
        points = share if i < rows - 1 else 90 - share * (rows - 1)
        if DENSE_ROWS:
            out.append(dense_row(rng, i, str(points)) + '\n')
        else:
            out.append('\n'.join(row(rng, i, str(points))) + '\n')
    return ''.join(out)


def main(argv):
    args = [a for a in argv if not a.startswith('--')]
    seed = 12
    if '--seed' in argv:
        seed = int(argv[argv.index('--seed') + 1])
        args.remove(str(seed))
    rows = None
    if '--rows' in argv:
        rows = int(argv[argv.index('--rows') + 1])
    if '--dense' in argv:
        if rows is None:
            print('--dense goes with --rows N', file=sys.stderr)
            return 2
        DENSE_ROWS.append(rows)
    if not args:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    n = int(args[0])
    rng = random.Random(seed)
    out = open(args[1], 'w', encoding='utf-8') if len(args) > 1 else sys.stdout
    with out:
        if rows is not None:
            out.write('---\n')
            out.write(document(rng, 0, rows))
            return 0
        for d in range(n):
            out.write('---\n')
            out.write(document(rng, d))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
