// libpbscore through GObject-Introspection from JavaScript (gjs), end to
// end: the counterpart of tests/test_gi.py (doc/bindings.md shows the same
// calls). A YAML evaluation read from memory is scored, a bad document
// raises a GLib.Error of the document domain, and the JSON report parses.
//
// make check runs it with GI_TYPELIB_PATH set to the build directory and
// LD_LIBRARY_PATH to lib/.libs. By hand, from the build directory:
//
//   GI_TYPELIB_PATH=. LD_LIBRARY_PATH=lib/.libs gjs ../tests/test_gjs.js
//
// Prints "N passed, N failed" like the CUnit programs.

imports.gi.versions.Pbs = '1.0';
const {Gio, GLib, Pbs} = imports.gi;
const System = imports.system;

imports.searchPath.unshift(GLib.path_get_dirname(System.programPath ?? '.'));
const {assert, assertEqual, runCase, finish} = imports.jstest;

// The evaluation tests/test_gi.py reads too (tests/data/bindings/).
const EVALUATION = new TextDecoder ().decode (GLib.file_get_contents (
    GLib.build_filenamev ([GLib.getenv ('G_TEST_SRCDIR') ??
                           GLib.path_get_dirname (imports.system.programPath ?? '.'),
                           'data', 'bindings', 'settlement.yaml']))[1]);

// A PbsDecimal (out caller-allocates) result as a string: gjs returns the
// Decimal itself for a void function and [ok, Decimal] for a gboolean one.
function decimalOut(res) {
    if (Array.isArray(res)) {
        assert(res[0] === true, `getter returned ${res[0]}`);
        res = res[1];
    }
    assert(res instanceof Pbs.Decimal, `not a Pbs.Decimal: ${res}`);
    return res.to_string();
}

// Every document of a YAML buffer, through Pbs.Reader (the data is a
// guint8 array: the text's UTF-8 bytes).
function readAll(text, name) {
    const reader = Pbs.Reader.new_for_data(new TextEncoder().encode(text), name);
    const documents = [];
    for (;;) {
        const document = reader.next();   // null at the end; throws GLib.Error
        if (document === null)
            return documents;
        documents.push(document);
    }
}

function scoreEvaluation() {
    const documents = readAll(EVALUATION, 'mem.yaml');
    assertEqual(documents.length, 1, 'documents');
    assertEqual(documents[0].get_kind(), Pbs.DocumentKind.EVALUATION, 'kind');
    const evaluation = documents[0].get_evaluation();
    // null: the evaluation's own policy, else central
    return [evaluation, evaluation.score(null)];
}

function testVersion() {
    assertEqual(Pbs.get_version(),
        `${Pbs.MAJOR_VERSION}.${Pbs.MINOR_VERSION}.${Pbs.MICRO_VERSION}`, 'version');
}

function testScoreEvaluation() {
    const [evaluation, scorecard] = scoreEvaluation();
    assertEqual(evaluation.get_title(), '与委托运营方结算费用', 'title');
    assertEqual(evaluation.get_n_indicators(), 2, 'indicators');
    assertEqual(scorecard.get_n_rows(), 2, 'rows');
    assertEqual([0, 1].map(i => decimalOut(scorecard.get_row_score(i))),
        ['50.00', '37.78'], 'row scores');
    assertEqual([0, 1].map(i => scorecard.get_row_status(i)),
        [Pbs.Status.MET, Pbs.Status.PARTIAL], 'row statuses');
    assertEqual(decimalOut(scorecard.get_budget_score()), '8.62', 'budget score');
    // 50.00 + 37.78 + 8.62, exactly
    assertEqual(decimalOut(scorecard.get_total()), '96.40', 'total');
    assert(scorecard.is_complete(), 'complete');
    assertEqual(scorecard.get_grade(), Pbs.Grade.EXCELLENT, 'grade');
    assertEqual(Pbs.grade_get_label(scorecard.get_grade()), '优', 'grade name');
}

function expectDocumentError(text, code, where) {
    let error = null;
    try {
        readAll(text, 'bad.yaml');
    } catch (e) {
        error = e;
    }
    assert(error !== null, `${JSON.stringify(text)} read without an error`);
    assert(error instanceof GLib.Error, `not a GLib.Error: ${error}`);
    assertEqual(error.domain, Pbs.document_error_quark(), 'error domain');
    assertEqual(error.code, code, 'error code');
    assert(error.matches(Pbs.document_error_quark(), code), 'GLib.Error.matches');
    assert(error.message.startsWith(where), `message: ${error.message}`);
}

function testDocumentErrors() {
    // FILE:LINE:COLUMN, 1-based
    expectDocumentError('pbscore: 1\nkind: evaluation\nbudget: [\n',
        Pbs.DocumentError.SYNTAX, 'bad.yaml:4:1: ');
    expectDocumentError('pbscore: 1\nbudget: {annual: 1, executed: 1}\nindicators: []\n',
        Pbs.DocumentError.MISSING_FIELD, 'bad.yaml:1:1: ');
}

function testJsonReport() {
    const [, scorecard] = scoreEvaluation();
    const report = Pbs.Report.new(Pbs.Format.JSON, Pbs.ReportContent.TABLE, Pbs.Language.EN);
    report.add(scorecard);
    const [text, length] = report.render();
    assertEqual(length, new TextEncoder().encode(text).length, 'length in bytes');
    // JSON.parse reads numbers as doubles: compare the exact digits in the
    // text, and the parsed values
    assert(/"total" : 96\.40,/.test(text), 'the total is written as 96.40');
    const obj = JSON.parse(text);
    assertEqual(obj.title, '与委托运营方结算费用', 'title');
    assertEqual(obj.total, 96.4, 'total');
    assertEqual(obj.grade_code, 'excellent', 'grade_code');
    assertEqual(obj.indicators.map(r => r.score), [50, 37.78], 'scores');
    assertEqual(obj.indicators[1].status, 'partial', 'status');
    assertEqual(obj.warnings.map(w => w.code), ['execution_below_90', 'red_mismatch'], 'warnings');
}

function testAuditPrintedScore() {
    const [, scorecard] = scoreEvaluation();
    const audit = Pbs.Audit.new(scorecard);
    assertEqual(audit.count(Pbs.FindingKind.ROW_SCORE), 1, 'row-score findings');
    let i = 0;
    while (i < audit.get_n_findings() && audit.get_kind(i) !== Pbs.FindingKind.ROW_SCORE)
        i++;
    assertEqual(audit.get_row(i), 1, 'row (0-based)');
    assertEqual(decimalOut(audit.get_printed(i)), '37.77', 'printed');
    assertEqual(decimalOut(audit.get_computed(i)), '37.78', 'computed');
    assertEqual(audit.get_variant(i), Pbs.Variant.TRUNCATE, 'variant');
}

// The settlement evaluation scored with another year or satisfaction.
function scoreVariant(year, satisfaction) {
    const text = EVALUATION.replace('year: 2022', `year: ${year}`)
        .replace('actual: "85%"', `actual: "${satisfaction}"`);
    return readAll(text, `${year}.yaml`)[0].get_evaluation().score(null);
}

// PbsSummary (`pbscore summary`): groups in the order of their values,
// counts, exact totals and the funds in 万元 (the table is in 元), and the
// same figures in its JSON.
function testSummary() {
    const summary = Pbs.Summary.new();
    summary.add_key(Pbs.SummaryKey.YEAR);
    assertEqual(summary.get_n_keys(), 1, 'keys');
    assertEqual(summary.get_key(0), Pbs.SummaryKey.YEAR, 'key');
    // 96.40 (2023), 96.40 and 98.62 (2022): 50 + 40 + 8.62
    for (const [year, satisfaction] of [[2023, '85%'], [2022, '85%'], [2022, '90%']])
        assert(summary.add(scoreVariant(year, satisfaction)), `add ${year}`);
    assertEqual(summary.get_n_evaluations(), 3, 'evaluations');
    assertEqual(summary.get_n_groups(), 2, 'groups');
    assertEqual([0, 1].map(g => summary.get_group_value(g, 0)), ['2022', '2023'], 'group values');
    assertEqual([0, 1].map(g => summary.get_count(g)), [2, 1], 'counts');
    assertEqual(summary.get_grade_count(0, Pbs.Grade.EXCELLENT), 2, 'excellent in 2022');
    assertEqual(summary.get_grade_count(0, Pbs.Grade.GOOD), 0, 'good in 2022');
    assertEqual([Pbs.SummaryStat.MIN, Pbs.SummaryStat.MEDIAN, Pbs.SummaryStat.MEAN,
        Pbs.SummaryStat.MAX].map(stat => decimalOut(summary.get_total(0, stat))),
    ['96.40', '97.51', '97.51', '98.62'], '2022 totals: min, median, mean, max');
    // 2 × 250000 元 and 2 × 215457.6 元, in 万元, exactly; 86.18304 % executed,
    // rounded half up to two decimals
    assertEqual(decimalOut(summary.get_annual(0)), '50.00', 'Σ全年预算数');
    assertEqual(decimalOut(summary.get_executed(0)), '43.09152', 'Σ全年执行数');
    assertEqual(decimalOut(summary.get_rate(0)), '86.18', 'execution rate');
    assertEqual(summary.get_n_without_amounts(0), 0, 'without amounts');
    assertEqual(decimalOut(summary.get_annual(1)), '25.00', 'Σ全年预算数 of 2023');

    // JSON.parse reads doubles: the exact digits are checked in the text
    const [text] = summary.render(Pbs.Format.JSON, Pbs.Language.EN);
    for (const field of ['"total_median" : 97.51,', '"annual_budget" : 50.00,',
        '"executed_budget" : 43.09152,', '"execution_rate" : 86.18,'])
        assert(text.includes(field), `${field} in the JSON: ${text}`);
    const groups = JSON.parse(text);
    assertEqual(groups.map(g => [g.year, g.evaluations, g.excellent, g.incomplete]),
        [[2022, 2, 2, 0], [2023, 1, 1, 0]], 'JSON groups');
}

// The summary report content (`score --summary`): one row per evaluation,
// streamed to a GOutputStream with the file and document number given, or
// rendered with the evaluation's source counted from 1.
function testSummaryReport() {
    const [, scorecard] = scoreEvaluation();
    const report = Pbs.Report.new(Pbs.Format.CSV, Pbs.ReportContent.SUMMARY, Pbs.Language.EN);
    const stream = Gio.MemoryOutputStream.new_resizable();
    assert(report.begin(stream, null), 'begin');
    assert(report.write_document(scorecard, 'a.yaml', 3), 'write_document');
    assert(report.end(), 'end');
    stream.close(null);
    assertEqual(new TextDecoder().decode(stream.steal_as_bytes().toArray()).split('\r\n'), [
        'file,document,title,department,unit,year,total,total_points,grade,complete,' +
            'printed_total,audit_differences,lint_findings',
        'a.yaml,3,与委托运营方结算费用,,,2022,96.40,100,优,true,96.39,2,1', ''], 'CSV (CRLF)');

    const json = Pbs.Report.new(Pbs.Format.JSON, Pbs.ReportContent.SUMMARY, Pbs.Language.EN);
    json.add(scorecard);
    json.add(scorecard);
    const [text] = json.render();
    assert(text.includes('"total" : 96.40,'), `the total's digits: ${text}`);
    assertEqual(JSON.parse(text).map(r => [r.file, r.document, r.grade, r.complete,
        r.audit_differences]), [['mem.yaml', 1, '优', true, 2], ['mem.yaml', 2, '优', true, 2]],
    'JSON rows');
}

print('Suite: gjs');
[testVersion, testScoreEvaluation, testDocumentErrors, testJsonReport,
    testAuditPrintedScore, testSummary, testSummaryReport].forEach(runCase);

System.exit(finish());
