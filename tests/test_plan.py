#!/usr/bin/python3
"""Differential test: a compiled plan (PbsPlan) against the exact engine.

The random evaluations and policies of the oracle (tests/test_oracle.py: every
rule kind, rounding mode and policy knob it knows) are read through
GObject-Introspection and scored twice: by pbs_evaluation_score () and by
pbs_plan_rescore (). Every getter of the two scorecards must agree -- each row's
score (as digits, so the scale too), points, status, rule, deviation, flags,
ratio and explanation, the subtotals, the budget line, the total, the grade and
the warnings -- or both must fail with the same error. Then what-if scenarios:
actuals changed through pbs_plan_set_actual (), against a copy of the
evaluation with the same actuals set and scored exactly; a scorecard already
returned must keep the actuals it was scored with.

make check runs it like tests/test_gi.py (GI_TYPELIB_PATH, LD_LIBRARY_PATH).
Prints "N passed, N failed" (N = scorecards compared).
"""
import os
import random
import sys

import gi

gi.require_version('Pbs', '1.0')
from gi.repository import GLib, Pbs  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import test_oracle as oracle  # noqa: E402

SEED = 20261205
NDOCS = int(os.environ.get('PBS_PLAN_DOCS', '1500'))


def dec(res):
    """A decimal getter's result as digits, or None when it has none."""
    if isinstance(res, tuple):
        if res[0] is False:
            return None
        res = res[-1]
    return res.to_string()


def snapshot(sc):
    """Everything a scorecard tells, as plain values."""
    rows = []
    for i in range(sc.get_n_rows()):
        rows.append((dec(sc.get_row_score(i)), dec(sc.get_row_points(i)), int(sc.get_row_status(i)),
                     int(sc.get_row_rule(i)), int(sc.get_row_deviation(i)), int(sc.get_row_flags(i)),
                     dec(sc.get_row_ratio(i)), sc.dup_row_explanation(i, Pbs.Language.EN)))
    subtotals = []
    for i in range(sc.get_n_subtotals()):
        level, l1, l2, points, score = sc.get_subtotal(i)
        subtotals.append((level, l1, l2, points.to_string(), score.to_string()))
    return {
        'rows': rows,
        'subtotals': subtotals,
        'budget': (dec(sc.get_budget_rate()), dec(sc.get_budget_points()), dec(sc.get_budget_score())),
        'total': (dec(sc.get_total()), dec(sc.get_total_points())),
        'grade': int(sc.get_grade()),
        'complete': sc.is_complete(),
        'warnings': [(int(sc.get_warning(i)), sc.dup_warning_message(i, Pbs.Language.ZH))
                     for i in range(sc.get_n_warnings())],
    }


def outcome(func):
    """A scorecard's snapshot, or the error as (domain, code, message)."""
    try:
        sc = func()
    except GLib.Error as e:
        return ('error', e.domain, e.code, e.message)
    return snapshot(sc)


def differences(a, b):
    if a == b:
        return []
    if isinstance(a, tuple) or isinstance(b, tuple):
        return [('outcome', a if isinstance(a, tuple) else 'a scorecard',
                 b if isinstance(b, tuple) else 'a scorecard')]
    out = []
    for key in a:
        if a[key] == b[key]:
            continue
        if key == 'rows' and len(a[key]) == len(b[key]):
            out += [(f'row {i + 1}', x, y) for i, (x, y) in enumerate(zip(a[key], b[key])) if x != y]
        else:
            out.append((key, a[key], b[key]))
    return out


def make_policy(pol, tmp):
    if pol.preset:
        return Pbs.Policy.new_preset(pol.name)
    path = os.path.join(tmp, pol.name + '.yaml')
    with open(path, 'w', encoding='utf-8') as fh:
        fh.write(pol.yaml())
    return Pbs.policy_load_file(path)


def read_all(text, name):
    reader = Pbs.Reader.new_for_data(text.encode('utf-8'), name)
    out = []
    while True:
        doc = reader.next()
        if doc is None:
            return out
        out.append(doc.get_evaluation())


class Tally:
    def __init__(self):
        self.passed = self.failed = self.shown = 0

    def check(self, what, exact, planned):
        bad = differences(exact, planned)
        if not bad:
            self.passed += 1
            return
        self.failed += 1
        if self.shown < 20:
            self.shown += 1
            print(f'not ok - {what}')
            for field, x, y in bad[:6]:
                print(f'#   {field}: exact {x!r}')
                print(f'#   {" " * len(field)}  plan  {y!r}')


def what_if(rng, tally, evaluation, policy, pool, title):
    """Actuals changed on a plan against the same changes on a copy."""
    plan = Pbs.Plan.new(evaluation, policy)
    reference = evaluation.copy()
    before = outcome(lambda: plan.rescore())
    kept = plan.rescore() if not isinstance(before, tuple) else None
    n = evaluation.get_n_indicators()
    for step in range(3):
        if n == 0:
            return
        row = rng.randrange(n)
        text = rng.choice(pool) if rng.random() < 0.9 else None
        try:
            plan.set_actual(row, text)
        except GLib.Error:
            continue
        reference = reference.copy()
        reference.get_indicator(row).set_actual(text)
        tally.check(f'{title}, what-if {step + 1} (row {row + 1} actual {text!r})',
                    outcome(lambda: reference.score(policy)), outcome(lambda: plan.rescore()))
    if kept is not None:
        tally.check(f'{title}: a scorecard returned before the what-ifs', before, snapshot(kept))


SRC = os.environ.get('top_srcdir') or os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
# templates and policies by name from the source tree
os.environ['PBSCORE_TEMPLATE_PATH'] = os.path.join(SRC, 'templates')
os.environ['PBSCORE_POLICY_PATH'] = os.path.join(SRC, 'policies')


def main():
    rng = random.Random(SEED)
    policies = oracle.make_policies(rng)
    tally = Tally()
    exact_rows = all_rows = 0
    import tempfile
    with tempfile.TemporaryDirectory(prefix='pbs-plan-') as tmp:
        for k, pol in enumerate(policies):
            policy = make_policy(pol, tmp)
            docs = []
            for i in range(NDOCS // len(policies)):
                doc = oracle.gen_doc(rng, pol, k * 10000 + i)
                oracle.finalize_doc(doc, pol, rng)
                docs.append(doc)
            pool = [r['actual'] for d in docs for r in d['rows'] if r.get('actual') is not None]
            for doc in docs:
                try:
                    evaluations = read_all(oracle.doc_yaml(doc), f'{doc["title"]}.yaml')
                except GLib.Error:
                    continue
                for evaluation in evaluations:
                    title = f'{doc["title"]} under {pol.name}'
                    plan = Pbs.Plan.new(evaluation, policy)
                    exact_rows += plan.get_n_exact_rows()
                    all_rows += evaluation.get_n_indicators()
                    tally.check(title, outcome(lambda: evaluation.score(policy)),
                                outcome(lambda: plan.rescore()))
                    # twice: the second re-score reuses the first scorecard
                    tally.check(title + ' (again)', outcome(lambda: evaluation.score(policy)),
                                outcome(lambda: plan.rescore()))
                    what_if(rng, tally, evaluation, policy, pool, title)
        # The fixtures and examples: templates, their own policies, real tables' habits.
        folders = [os.path.join(SRC, 'tests', 'data', 'valid'), os.path.join(SRC, 'examples')]
        pool = ['95%', '100%', '3天', '达成', '部分达成', '是', '否', '2024年12月31日', '0']
        for folder in folders:
            for name in sorted(os.listdir(folder)):
                if not name.endswith('.yaml'):
                    continue
                try:
                    reader = Pbs.Reader.new_for_path(os.path.join(folder, name))
                    docs = []
                    while (doc := reader.next()) is not None:
                        docs.append(doc)
                except GLib.Error:
                    continue
                for k, doc in enumerate(docs):
                    evaluation = doc.get_evaluation()
                    if evaluation is None:
                        continue
                    title = f'{name} document {k + 1}'
                    plan = Pbs.Plan.new(evaluation, None)
                    exact_rows += plan.get_n_exact_rows()
                    all_rows += evaluation.get_n_indicators()
                    tally.check(title, outcome(lambda: evaluation.score(None)), outcome(lambda: plan.rescore()))
                    what_if(rng, tally, evaluation, None, pool, title)
        # A table whose categories' points are not its template's, under each
        # weights.mismatch (the warning, rescaling, or the error).
        with open(os.path.join(SRC, 'examples', 'xishan-2024.yaml'), encoding='utf-8') as fh:
            text = fh.read().replace('    points: 5\n', '    points: 4\n', 1)
        evaluation = read_all(text, 'mismatch.yaml')[0]
        for mode in ('as_is', 'rescale', 'error'):
            policy = Pbs.Policy.new_preset('central')
            policy.set('weights.mismatch', mode)
            plan = Pbs.Plan.new(evaluation, policy)
            exact = outcome(lambda: evaluation.score(policy))
            tally.check(f'template points under weights.mismatch {mode}', exact, outcome(lambda: plan.rescore()))
            if mode != 'error' and (isinstance(exact, tuple) or plan.get_n_exact_rows() != 0
                                    or int(Pbs.Warning.WEIGHTS) not in [w for w, _ in exact['warnings']]):
                print(f'not ok - the template mismatch under {mode} was not compiled or not warned')
                tally.failed += 1
    print(f'# {all_rows} rows, {exact_rows} left to the exact engine')
    # The test must have compared something, and most rows in integers.
    if tally.passed < NDOCS or exact_rows * 2 > all_rows:
        print(f'not ok - too little compared ({tally.passed} scorecards, {exact_rows}/{all_rows} exact rows)')
        tally.failed += 1
    print(f'{tally.passed} passed, {tally.failed} failed')
    return 0 if tally.failed == 0 else 1


if __name__ == '__main__':
    sys.exit(main())
