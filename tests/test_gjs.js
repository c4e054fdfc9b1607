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
const {GLib, Pbs} = imports.gi;
const System = imports.system;

const results = [];

function assert(condition, message) {
    if (!condition)
        throw new Error(`assertion failed: ${message}`);
}

function assertEqual(actual, expected, what) {
    const a = JSON.stringify(actual), e = JSON.stringify(expected);
    if (a !== e)
        throw new Error(`${what}: got ${a}, expected ${e}`);
}

// Runs one test function and records its result.
function runCase(func) {
    try {
        func();
        print(`  Test: ${func.name} ...passed`);
        results.push(true);
    } catch (e) {
        print(`  Test: ${func.name} ...FAILED`);
        print(`    ${e}`);
        if (e.stack)
            print(e.stack.replace(/^/gm, '    '));
        results.push(false);
    }
}

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

print('Suite: gjs');
[testVersion, testScoreEvaluation, testDocumentErrors, testJsonReport,
    testAuditPrintedScore].forEach(runCase);

const passed = results.filter(r => r).length;
const failed = results.length - passed;
print(`\n${passed} passed, ${failed} failed`);
System.exit(failed === 0 ? 0 : 1);
