// The gjs module bindings/gjs/pbs.js, every convenience, and every loader
// and container-returning function of the public API from JavaScript
// (their results must outlive the call: the transfer annotations are right).
//
// A script (make check and .ci/run's ASan step run `gjs FILE`, no -m) that
// imports the ES module from the source tree with import(). By hand, from
// the build directory:
//
//   GI_TYPELIB_PATH=$PWD LD_LIBRARY_PATH=$PWD/lib/.libs gjs ../tests/test_pbs_js.js
//
// Prints "N passed, N failed".

imports.gi.versions.Pbs = '1.0';
const {GLib, Pbs} = imports.gi;
const System = imports.system;

const HERE = GLib.path_get_dirname(System.programPath ?? System.programInvocationName);
const SRCDIR = GLib.getenv('top_srcdir') ?? GLib.build_filenamev([HERE, '..']);
const path = (...parts) => GLib.build_filenamev([SRCDIR, ...parts]);
const XISHAN = path('examples', 'xishan-2024.yaml');
const BATCH = path('examples', 'data', 'batch-2024.yaml');

imports.searchPath.unshift(HERE);
const {assert, assertEqual, expectError, runCase, finish} = imports.jstest;

// A full garbage collection, so that a wrongly freed object shows.
function collect() {
    System.gc();
}

function tests(pbs) {
    // ------------------------------------------------ loaders and containers
    function loadFileEvaluationsOutliveTheArray() {
        // With (transfer full) on the GPtrArray gjs unreffed each evaluation
        // once more than it owned: "already finalized".
        let evaluations = Pbs.Evaluation.load_file(BATCH);
        collect();
        assertEqual(evaluations.map(ev => ev.get_title()),
            ['行政审批工作运行经费', '远程异地评标工位建设', '校园安全设施维护', '青少年体育培训'], 'titles');
        const first = evaluations[0];
        evaluations = null;
        collect();
        assertEqual(first.get_department(), '昆明市西山区政务服务管理局', 'department');
        assertEqual(first.score(null).get_total().to_string(), '100.00', 'total');
    }

    function readerAndPolicyTemplateLoaders() {
        const reader = Pbs.Reader.new_for_path(XISHAN);
        const document = reader.next();
        assertEqual(reader.next(), null, 'end');
        collect();
        assertEqual(document.get_evaluation().get_year(), 2024, 'year');
        const data = GLib.file_get_contents(XISHAN)[1];
        const fromData = Pbs.Reader.new_for_data(data, 'xishan.yaml').next();
        assertEqual(fromData.get_evaluation().get_n_indicators(), 19, 'rows');
        assertEqual(Pbs.Policy.load_file(path('policies', 'ningxia.yaml')).get_name(), 'ningxia', 'policy file');
        assertEqual(Pbs.Policy.lookup('guangxi').get_name(), 'guangxi', 'policy lookup');
        expectError(() => Pbs.Policy.lookup('nope'), Pbs.document_error_quark(),
            Pbs.DocumentError.UNKNOWN_POLICY, 'unknown policy');
        const template = Pbs.Template.load_file(path('templates', 'central-project-2020.yaml'));
        assertEqual(template.get_name(), 'central-project-2020', 'template file');
        assertEqual(Pbs.Template.lookup('core-2021').get_name(), 'core-2021', 'template lookup');
        assert(Pbs.reference_is_path('a/b') && !Pbs.reference_is_path('central'), 'reference rule');
        assertEqual(Pbs.Policy.resolve('guangxi', null).get_name(), 'guangxi', 'policy resolve');
        assertEqual(Pbs.Template.resolve('core-2021', null).get_name(), 'core-2021', 'template resolve');
        const skeleton = template.dup_skeleton('central-project-2020');
        collect();
        const fresh = Pbs.Reader.new_for_data(new TextEncoder().encode(skeleton), 'new.yaml').next();
        const copy = fresh.get_evaluation().copy();
        fresh.get_evaluation().score(null);
        assert(fresh.get_evaluation().is_sealed() && !copy.is_sealed(), 'scoring seals, a copy is open');
    }

    function containerFunctions() {
        assertEqual(Pbs.Policy.list_presets(),
            ['central', 'yunnan-baoshan', 'ningxia', 'guangxi', 'shanxi'], 'presets');
        assert(Pbs.Policy.list_knobs().includes('rounding.mode'), 'knobs');
        assert(Pbs.Template.list().includes('central-project-2020'), 'templates');
        const template = Pbs.Template.lookup('central-project-2020');
        collect();
        assertEqual(template.get_level2_names(0), ['数量指标', '质量指标', '时效指标', '成本指标'], 'level2');
        assert(template.get_generic_indicators().includes('群众满意度'), 'generic');
        assert(template.get_suggested('产出指标', '数量指标').length > 0, 'suggested');
        const rollup = Pbs.Rollup.new();
        for (const ev of pbs.load(BATCH))
            rollup.add(ev.score(null));
        assertEqual(rollup.list_departments(), ['昆明市西山区政务服务管理局', '昆明市西山区教育体育局'], 'departments');
    }

    // ------------------------------------------------ decimals
    function decimals() {
        const d = pbs.decimal('96.40');
        assert(d instanceof Pbs.Decimal, 'a Pbs.Decimal');
        assertEqual(pbs.decimalToString(d), '96.40', 'string');
        assertEqual(pbs.decimalToNumber(d), 96.4, 'number');
        assertEqual(pbs.decimalToString(null), null, 'null');
        assert(pbs.decimal(d) === d, 'a Pbs.Decimal passes through');
        assertEqual(pbs.decimal(7).to_string(), '7', 'integer');
        assertEqual(pbs.decimal(12345678901234567n).to_string(), '12345678901234567', 'BigInt');
        assertEqual(pbs.decimal('1,354.10').to_string(), '1354.10', 'separators');
        let threw = false;
        try {
            pbs.decimal(0.1);
        } catch (e) {
            threw = e instanceof TypeError;
        }
        assert(threw, 'a fractional number is a TypeError');
        expectError(() => pbs.decimal('1,35,4'), Pbs.value_error_quark(), Pbs.ValueError.NUMBER, 'bad digits');
        const budget = Pbs.Budget.new(pbs.decimal(1445), pbs.decimal('1444.16'));
        const [ok, executed] = budget.get_executed();
        assert(ok, 'executed is given');
        assertEqual(executed.to_string(), '1444.16', 'budget');
    }

    // ------------------------------------------------ scorecards
    function scorecardRows() {
        const sc = pbs.load(XISHAN)[0].score(null);
        const rows = pbs.rows(sc);
        assertEqual(rows.length, 19, 'rows');
        const r = rows[7];
        assertEqual([r.number, r.level1, r.level2, r.name, r.target, r.actual, r.points, r.score,
            r.printedScore, r.status, r.rule, r.flags],
        [8, '产出指标', '质量指标', '营商环境投诉办结销号率', '=100%', '97.7%', '5', '4.89',
            null, 'partial', 'equal', []], 'row 8');
        assert(r.reason.startsWith('受理投诉473件'), r.reason);
        assert(r.explanation.includes('97.7 / 100 × 5 = 4.885 → 4.89'), r.explanation);
        assert(pbs.rows(sc, Pbs.Language.EN)[7].explanation !== r.explanation, 'English');
        assertEqual([rows[15].flags, rows[15].reason], [['over_completion', 'missing_reason'], null], 'row 16');
        assertEqual([rows[11].rule, rows[17].rule], ['reverse_ratio', 'qualitative'], 'rules');
        assert(JSON.parse(JSON.stringify(rows[7])).name === r.name, 'a row is plain data');
        const audited = pbs.rows(pbs.load(path('tests', 'data', 'audit', 'audit-wrong-rows.yaml'))[0].score(null));
        assertEqual([audited[1].printedScore, audited[1].score], ['4.88', '4.89'], 'printed score');
    }

    function scorecardRowDeviation() {
        const rows = pbs.rows(pbs.load(XISHAN)[0].score(null));
        assertEqual([rows[0].deviation, rows[7].deviation], ['none', 'short'], 'deviation');
        assert(JSON.stringify(rows[7]).includes('"deviation":"short"'), 'deviation in JSON');
    }

    function scorecardSummary() {
        const s = pbs.summary(pbs.load(XISHAN)[0].score(null));
        assertEqual([s.total, s.grade, s.complete], ['99.88', '优', true], 'total');
        assertEqual(s.budget, {rate: '99.94', points: '10', score: '9.99'}, 'budget');
        assertEqual(s.subtotals.length, 11, 'subtotals');
        assertEqual(s.subtotals[0], {level: 1, level1: '产出指标', level2: null, points: '50', score: '49.89'}, 'level 1');
        assertEqual(s.subtotals[2].level2, '质量指标', 'level 2');
        assertEqual(s.rows.length, 19, 'rows');

        const ev = Pbs.Evaluation.new();
        const indicator = Pbs.Indicator.new('产出指标', '数量指标', '办结件数', pbs.decimal(90));
        indicator.set_target('≥100件');
        ev.add_indicator(indicator);
        ev.set_budget(Pbs.Budget.new(pbs.decimal(10), pbs.decimal(9)));
        const incomplete = pbs.summary(ev.score(null));
        assertEqual([incomplete.complete, incomplete.grade, incomplete.rows[0].score, incomplete.rows[0].status],
            [false, null, null, 'unscored'], 'incomplete');
    }

    // ------------------------------------------------ reading
    function readerIterates() {
        const reader = Pbs.Reader.new_for_path(path('tests', 'data', 'valid', 'batch-three.yaml'));
        assertEqual([...reader].map(doc => doc.get_evaluation().get_title()),
            ['行政审批工作运行经费', '远程异地评标工位建设', '政务服务自助终端部署'], 'for...of');
        const seen = [];
        const e = expectError(() => {
            for (const doc of pbs.documents(Pbs.Reader.new_for_path(
                path('tests', 'data', 'invalid', 'batch-second-bad.yaml'))))
                seen.push(doc.get_evaluation().get_title());
        }, Pbs.document_error_quark(), Pbs.DocumentError.BAD_VALUE, 'bad second document');
        assert(e.message.includes(':24:13: '), e.message);
        assertEqual(seen, ['第一份正常'], 'the good document first');
    }

    function load() {
        const evaluations = pbs.load(BATCH);
        assertEqual(evaluations.map(ev => ev.score(null).get_total().to_string()),
            ['100.00', '99.39', '83.67', '99.58'], 'totals');
        const q = Pbs.document_error_quark();
        expectError(() => pbs.load(path('no-such-file.yaml')), q, Pbs.DocumentError.IO, 'missing file');
        expectError(() => pbs.load(path('policies', 'central.yaml')), q, Pbs.DocumentError.VERSION, 'a policy');
        const e = expectError(() => pbs.load(path('tests', 'data', 'invalid', 'syntax-unclosed-quote.yaml')),
            q, Pbs.DocumentError.SYNTAX, 'syntax');
        assert(e.message.startsWith(path('tests', 'data', 'invalid', 'syntax-unclosed-quote.yaml') + ':'), e.message);
        // a loader that found nothing: the module's own error
        const real = Pbs.Evaluation.load_file;
        Pbs.Evaluation.load_file = () => [];
        try {
            const none = expectError(() => pbs.load('empty.xlsx'), q, Pbs.DocumentError.MISSING_FIELD, 'none');
            assert(none.message.startsWith('empty.xlsx:1:1: '), none.message);
        } finally {
            Pbs.Evaluation.load_file = real;
        }
    }

    return [loadFileEvaluationsOutliveTheArray, readerAndPolicyTemplateLoaders, containerFunctions,
        decimals, scorecardRows, scorecardRowDeviation, scorecardSummary, readerIterates, load];
}

print('Suite: gjs module');
let status = 1;
const loop = new GLib.MainLoop(null, false);
import('../bindings/gjs/pbs.js').then(pbs => {
    tests(pbs).forEach(runCase);
    status = finish();
}).catch(e => {
    print(`cannot import bindings/gjs/pbs.js: ${e}\n${e.stack ?? ''}`);
}).finally(() => loop.quit());
loop.run();
System.exit(status);
