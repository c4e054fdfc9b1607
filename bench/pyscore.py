#!/usr/bin/env python3
"""A straightforward Python scorer, the benchmark's yardstick (doc/performance.md).

  bench/pyscore.py FILE > out.jsonl

Reads a batch written by bench/gen-batch.py with PyYAML's C loader and scores it
under the central policy (rule book §§3-6: ≥ ≤ = and ranges, qualitative words
with their 自评得分, 是/否, deadlines, step deductions, deviation bands; half-up
to two decimals; the budget line capped at its points; grades 90/80/60),
writing one JSON object per evaluation, as `pbscore score --format jsonl` does:
title, total, grade, the budget line's rate and score, and each row's score and
status. Exact decimals (fractions), no shortcuts -- the program a finance
bureau's analyst would write in an afternoon. It knows only the forms the
generator writes; anything else is an error.
"""
import json
import re
import sys
from decimal import Decimal
from fractions import Fraction

import yaml

LOADER = yaml.CSafeLoader
GRADES = [(90, '优'), (80, '良'), (60, '中')]
MET_WORDS = {'达成预期', '达到预期指标', '已达成预期', '达成'}
PARTIAL_WORDS = {'部分达成', '基本达到', '基本完成年度指标'}
QUANTITY = re.compile(r'^(≥|≤|=|>|<)?([0-9][0-9,]*(?:\.[0-9]+)?)(.*)$')
RANGE = re.compile(r'^([0-9.]+)%?-([0-9.]+)(%)$')
DATE = re.compile(r'^(\d{4})年(\d{1,2})月(?:(\d{1,2})日)?(底前)?$')


def frac(x):
    return Fraction(Decimal(str(x).replace(',', '')))


def round2(x):
    """Half-up (away from zero) to two decimals, as a Decimal with two places."""
    y = abs(x) * 100
    q = (y.numerator * 2 + y.denominator) // (2 * y.denominator)
    return Decimal(q if x >= 0 else -q).scaleb(-2)


def number(text):
    m = QUANTITY.match(text)
    if not m:
        raise ValueError(f'not a number: {text!r}')
    return m.group(1) or '', frac(m.group(2)), m.group(3)


def date_key(text):
    m = DATE.match(text)
    if not m:
        raise ValueError(f'not a date: {text!r}')
    return int(m.group(1)), int(m.group(2)), int(m.group(3) or 0)


def score_row(row):
    """(unrounded score, met) of one row."""
    w = frac(row['points'])
    target, actual = str(row['target']), str(row['actual'])
    rule = row.get('rule')
    if rule and rule['kind'] == 'step':
        op, t, _ = number(target)
        _, a, _ = number(actual)
        excess = t - a if op in ('≥', '>') else a - t
        if op == '=':
            excess = abs(excess)
        if excess <= 0:
            return w, True
        steps = excess / frac(rule['per'])
        whole = steps.numerator // steps.denominator
        if rule.get('steps', 'exact') == 'started' and whole != steps:
            steps = Fraction(whole + 1)
        elif rule.get('steps', 'exact') == 'completed':
            steps = Fraction(whole)
        return max(Fraction(0), w - frac(rule['deduct']) * steps), False
    if rule and rule['kind'] == 'bands':
        _, t, _ = number(target)
        _, a, _ = number(actual)
        m = abs(a - t) / abs(t) * 100 if rule['of'] == 'deviation' else a
        for band in rule['bands']:
            if 'min' in band and m < frac(band['min']):
                continue
            if 'max' in band and m > frac(band['max']):
                continue
            s = min(max(frac(band['score']), Fraction(0)), w)
            return s, s == w
        return Fraction(0), w == 0
    if target in ('是', '否'):
        return (w, True) if actual == target else (Fraction(0), False)
    if DATE.match(target):
        t, a = date_key(target), date_key(actual)
        if t[2] == 0 or a[2] == 0:
            t, a = t[:2], a[:2]
        return (w, True) if a <= t else (Fraction(0), False)
    m = RANGE.match(target)
    if m:
        lo, hi = frac(m.group(1)), frac(m.group(2))
        _, a, _ = number(actual)
        if a < lo:
            return min(w, max(Fraction(0), w * a / lo)), False
        if a > hi:
            return min(w, w * hi / a), False
        return w, True
    if QUANTITY.match(target):
        op, t, _ = number(target)
        _, a, _ = number(actual)
        if op in ('≤', '<'):
            return (w, True) if a <= t else (min(w, w * t / a) if a > 0 and t > 0 else Fraction(0), False)
        if a >= t:
            return w, True
        return (max(Fraction(0), w * a / t) if t > 0 else Fraction(0)), False
    # qualitative: words, and the 自评得分 the unit gave
    met = actual in MET_WORDS
    if not met and actual not in PARTIAL_WORDS:
        raise ValueError(f'no band in {actual!r}')
    if 'manual_score' in row:
        return min(max(frac(row['manual_score']), Fraction(0)), w), met
    if met:
        return w, True
    raise ValueError(f'{actual!r} needs a manual score')


def score_doc(doc):
    rows, total = [], Fraction(0)
    for i, row in enumerate(doc['indicators']):
        raw, met = score_row(row)
        w = frac(row['points'])
        s = round2(raw)
        if Fraction(s) > w:
            s = Decimal(str(row['points']))
        total += Fraction(s)
        status = 'met' if met else 'partial' if s > 0 else 'unmet'
        rows.append({'row': i + 1, 'name': row['name'], 'score': str(s), 'status': status})
    b = doc['budget']
    rate = frac(b['executed']) / frac(b['annual'])
    points = frac(b.get('points', 10))
    budget = round2(points * min(rate, Fraction(1)))
    total = round2(total + Fraction(budget))
    grade = next((g for limit, g in GRADES if total >= limit), '差')
    return {'title': doc['title'], 'total': str(total), 'grade': grade,
            'budget': {'rate': str(round2(rate * 100)), 'score': str(budget)}, 'indicators': rows}


def main(argv):
    if len(argv) != 1:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    out = sys.stdout
    with open(argv[0], encoding='utf-8') as fh:
        for doc in yaml.load_all(fh, Loader=LOADER):
            if doc is None:
                continue
            out.write(json.dumps(score_doc(doc), ensure_ascii=False))
            out.write('\n')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
