#!/usr/bin/python3
"""libpbscore through GObject-Introspection (uninstalled build), end to end.

Decimals, enums and error domains, then a YAML evaluation read from memory,
scored, rendered as a JSON report and audited against its printed scores.
doc/bindings.md shows the same calls.

make check runs it with GI_TYPELIB_PATH set to the build directory and
LD_LIBRARY_PATH to lib/.libs. By hand, from the build directory:

  GI_TYPELIB_PATH=. LD_LIBRARY_PATH=lib/.libs /usr/bin/python3 ../tests/test_gi.py

Always the system /usr/bin/python3: python3-gi is built for it only.
Prints "N passed, N failed" like the CUnit programs.
"""
import decimal
import json
import os
import sys
import traceback

import gi

gi.require_version('Pbs', '1.0')
from gi.repository import Gio, GLib, GObject, Pbs  # noqa: E402

results = []


def case(func):
    """Runs one test function and records its result."""
    try:
        func()
    except Exception:  # noqa: BLE001 - any failure is a failed case
        print(f"  Test: {func.__name__} ...FAILED")
        traceback.print_exc(file=sys.stdout)
        results.append(False)
    else:
        print(f"  Test: {func.__name__} ...passed")
        results.append(True)


def decimal_parse(text):
    """pbs_decimal_parse (text, PbsDecimal *out, GError **) through GI.

    With an (out caller-allocates) annotation the scanner makes it return
    the decimal (Pbs.Decimal.parse (text) -> Decimal, or (ok, Decimal));
    without one it takes the struct to fill as an argument.
    """
    parse = getattr(Pbs.Decimal, 'parse', None) or getattr(Pbs, 'decimal_parse')
    try:
        res = parse(text)
    except TypeError:
        dec = Pbs.Decimal()
        ok = parse(text, dec)
        assert ok is not False, f"parse({text!r}) returned {ok!r}"
        return dec
    if isinstance(res, tuple):
        assert res[0] is not False, f"parse({text!r}) returned {res!r}"
        res = res[-1]
    assert isinstance(res, Pbs.Decimal), f"parse({text!r}) gave {res!r}"
    return res


def decimal_round_to_string(dec, digits, mode):
    """pbs_decimal_round () then pbs_decimal_to_string ()."""
    try:
        res = dec.round(digits, mode)
    except TypeError:
        out = Pbs.Decimal()
        ok = dec.round(digits, mode, out)
        assert ok, "round() returned FALSE"
        return out.to_string()
    if isinstance(res, tuple):
        assert res[0], f"round() returned {res!r}"
        res = res[-1]
    return res.to_string()


def test_version():
    assert Pbs.get_version() == f"{Pbs.MAJOR_VERSION}.{Pbs.MINOR_VERSION}.{Pbs.MICRO_VERSION}", \
        Pbs.get_version()


def test_decimal_parse_and_round():
    dec = decimal_parse("2.675")
    assert dec.to_string() == "2.675", dec.to_string()
    # 四舍五入: a binary double would give 2.67
    assert decimal_round_to_string(dec, 2, Pbs.RoundingMode.HALF_UP) == "2.68"
    assert decimal_round_to_string(dec, 2, Pbs.RoundingMode.TRUNCATE) == "2.67"


def test_decimal_parse_error():
    try:
        decimal_parse("1,35,4")
    except GLib.Error as e:
        assert e.domain == "pbs-value-error-quark", e.domain
        assert e.matches(Pbs.value_error_quark(), Pbs.ValueError.NUMBER), (e.code, e.message)
    else:
        raise AssertionError("1,35,4 parsed without a GLib.Error")


def test_enum_gtypes():
    # glib-mkenums registered them: the GI enums carry real GTypes
    gtype = Pbs.RoundingMode.__gtype__
    assert gtype.name == "PbsRoundingMode" and gtype.is_a(GObject.TYPE_ENUM), gtype
    gtype = Pbs.Flags.__gtype__
    assert gtype.name == "PbsFlags" and gtype.is_a(GObject.TYPE_FLAGS), gtype
    assert int(Pbs.Flags.OVER_COMPLETION | Pbs.Flags.LATE) == (1 << 0) | (1 << 4)


# A small evaluation (doc/format.md): one row met, one partial whose printed
# score was truncated (37.77 for 37.7777…), the budget 86.18 % executed.
EVALUATION = open (os.path.join (os.environ.get ("G_TEST_SRCDIR") or
                                 os.path.dirname (os.path.abspath (__file__)),
                                 "data", "bindings", "settlement.yaml"),
                   encoding="utf-8").read ()


def decimal_out(res):
    """A PbsDecimal (out caller-allocates) result as a string.

    GI returns the Decimal itself for a void function and (ok, Decimal)
    for a gboolean one; ok must be true.
    """
    if isinstance(res, tuple):
        assert res[0] is True, f"getter returned {res!r}"
        res = res[-1]
    assert isinstance(res, Pbs.Decimal), repr(res)
    return res.to_string()


def read_all(data, name):
    """Every document of a YAML buffer, through Pbs.Reader."""
    reader = Pbs.Reader.new_for_data(data.encode('utf-8'), name)
    documents = []
    while True:
        document = reader.next()      # None at the end; GLib.Error on an error
        if document is None:
            return documents
        documents.append(document)


def score_evaluation():
    documents = read_all(EVALUATION, "mem.yaml")
    assert len(documents) == 1, documents
    assert documents[0].get_kind() == Pbs.DocumentKind.EVALUATION
    evaluation = documents[0].get_evaluation()
    return evaluation, evaluation.score(None)   # None: its own policy, else central


def test_reader_documents():
    # two documents in one buffer, a batch; the second starts on line 3
    documents = read_all("pbscore: 1\nkind: policy\nname: p1\n---\n"
                         "pbscore: 1\nkind: policy\nname: p2\nextends: central\n", "batch.yaml")
    assert [d.get_kind() for d in documents] == [Pbs.DocumentKind.POLICY] * 2, documents
    assert documents[0].get_line() == 1 and documents[1].get_line() == 5, \
        [d.get_line() for d in documents]
    assert documents[0].get_evaluation() is None


def test_score_evaluation():
    evaluation, scorecard = score_evaluation()
    assert evaluation.get_title() == "与委托运营方结算费用", evaluation.get_title()
    assert evaluation.get_year() == 2022 and evaluation.get_currency() == Pbs.Currency.YUAN
    assert evaluation.get_n_indicators() == 2
    assert scorecard.get_n_rows() == 2
    assert [decimal_out(scorecard.get_row_score(i)) for i in range(2)] == ["50.00", "37.78"]
    assert [decimal_out(scorecard.get_row_points(i)) for i in range(2)] == ["50", "40"]
    assert [scorecard.get_row_status(i) for i in range(2)] == [Pbs.Status.MET, Pbs.Status.PARTIAL]
    assert decimal_out(scorecard.get_row_ratio(1)) == "0.9444"
    assert decimal_out(scorecard.get_budget_rate()) == "86.18"
    assert decimal_out(scorecard.get_budget_score()) == "8.62"
    # 50.00 + 37.78 + 8.62, exactly
    assert decimal_out(scorecard.get_total()) == "96.40"
    assert decimal_out(scorecard.get_total_points()) == "100"
    assert scorecard.is_complete()
    assert scorecard.get_grade() == Pbs.Grade.EXCELLENT
    assert Pbs.grade_get_label(scorecard.get_grade()) == "优"
    explanation = scorecard.dup_row_explanation(1, Pbs.Language.EN)
    assert "85 / 90 × 40" in explanation, explanation
    assert scorecard.get_evaluation() == evaluation


def expect_document_error(data, code, where):
    try:
        read_all(data, "bad.yaml")
    except GLib.Error as e:
        assert e.domain == GLib.quark_to_string(Pbs.document_error_quark()), e.domain
        assert e.matches(Pbs.document_error_quark(), code), (e.domain, e.code, e.message)
        assert Pbs.DocumentError(e.code) == code
        assert e.message.startswith(where), e.message
    else:
        raise AssertionError(f"{data!r} read without a GLib.Error")


def test_document_errors():
    # FILE:LINE:COLUMN, 1-based
    expect_document_error("pbscore: 1\nkind: evaluation\nbudget: [\n",
                          Pbs.DocumentError.SYNTAX, "bad.yaml:4:1: ")
    expect_document_error("pbscore: 1\nbudget: {annual: 1, executed: 1}\nindicators: []\n",
                          Pbs.DocumentError.MISSING_FIELD, "bad.yaml:1:1: ")
    expect_document_error("pbscore: 2\n", Pbs.DocumentError.VERSION, "bad.yaml:1:")


def test_json_report():
    _, scorecard = score_evaluation()
    report = Pbs.Report.new(Pbs.Format.JSON, Pbs.ReportContent.TABLE, Pbs.Language.EN)
    report.add(scorecard)
    text, length = report.render()
    assert length == len(text.encode('utf-8')), (length, len(text))
    # exact decimals: 96.40 is written as such, not 96.400000000000006
    obj = json.loads(text, parse_float=decimal.Decimal)
    assert obj["title"] == "与委托运营方结算费用"
    assert str(obj["total"]) == "96.40" and obj["grade_code"] == "excellent", obj["total"]
    assert obj["complete"] is True
    assert [str(r["score"]) for r in obj["indicators"]] == ["50.00", "37.78"]
    assert obj["indicators"][1]["status"] == "partial"
    assert str(obj["budget"]["rate"]) == "86.18"
    assert [w["code"] for w in obj["warnings"]] == ["execution_below_90", "red_mismatch"]


def test_report_columns():
    _, scorecard = score_evaluation()
    report = Pbs.Report.new(Pbs.Format.MARKDOWN, Pbs.ReportContent.TABLE, Pbs.Language.ZH)
    report.add(scorecard)
    assert report.get_columns() == Pbs.ReportColumns.FULL
    report.set_columns(Pbs.ReportColumns.OFFICIAL)
    assert report.get_columns() == Pbs.ReportColumns.OFFICIAL
    text, _ = report.render()
    assert "| 一级指标 | 二级指标 |" in text and "序号" not in text, text
    assert "偏差原因分析及改进措施" in text
    policy = Pbs.Policy.new_preset("ningxia")
    assert policy.get_label() == "宁夏"
    policy.set_label("某市")
    assert policy.get_label() == "某市"


def test_streaming_report():
    """begin, write, end on a Gio stream: what render gives; a reader on a stream."""
    _, scorecard = score_evaluation()
    report = Pbs.Report(format=Pbs.Format.JSONL, content=Pbs.ReportContent.TABLE,
                        language=Pbs.Language.EN)
    assert report.props.format == Pbs.Format.JSONL and report.props.language == Pbs.Language.EN
    out = Gio.MemoryOutputStream.new_resizable()
    assert report.begin(out, None)
    assert report.write(scorecard) and report.write(scorecard)
    assert report.end()
    out.close(None)
    text = out.steal_as_bytes().get_data().decode('utf-8')
    lines = text.splitlines()
    assert len(lines) == 2 and json.loads(lines[0])["title"] == "与委托运营方结算费用", text[:200]
    one = Pbs.Report.new(Pbs.Format.JSONL, Pbs.ReportContent.TABLE, Pbs.Language.EN)
    one.add(scorecard)
    assert one.render()[0] == lines[0] + "\n"
    data = ("pbscore: 1\ntitle: 甲\nbudget: {annual: 1, executed: 1}\nindicators: []\n---\n"
            "pbscore: 1\ntitle: 乙\nbudget: {annual: 1, executed: 1}\nindicators: []\n").encode('utf-8')
    def titles(data, ahead):
        reader = Pbs.Reader.new_for_stream(Gio.MemoryInputStream.new_from_bytes(GLib.Bytes.new(data)), "s.yaml")
        reader.set_parse_ahead(ahead)
        got = []
        while (doc := reader.next()) is not None:
            got.append(doc.get_evaluation().get_title())
        return got
    assert titles(data, False) == ["甲", "乙"]
    # the same, parsed ahead on a thread of the reader's own
    assert titles(b"---\n".join([data] * 50), True) == ["甲", "乙"] * 50


def test_audit_printed_scores():
    _, scorecard = score_evaluation()
    audit = Pbs.Audit.new(scorecard)
    assert audit.count(Pbs.FindingKind.ROW_SCORE) == 1
    assert audit.count(Pbs.FindingKind.BUDGET_SCORE) == 0     # 8.62 printed, 8.62 computed
    assert audit.count(Pbs.FindingKind.MISSING_REASON) == 1
    kinds = [audit.get_kind(i) for i in range(audit.get_n_findings())]
    i = kinds.index(Pbs.FindingKind.ROW_SCORE)
    assert audit.get_row(i) == 1                              # 0-based: the second row
    assert decimal_out(audit.get_printed(i)) == "37.77"
    assert decimal_out(audit.get_computed(i)) == "37.78"
    assert audit.get_variant(i) == Pbs.Variant.TRUNCATE       # explained: truncated
    i = kinds.index(Pbs.FindingKind.TOTAL)
    assert audit.get_row(i) == -1
    assert (decimal_out(audit.get_printed(i)), decimal_out(audit.get_computed(i))) == ("96.39", "96.40")
    assert audit.get_variant(i) == Pbs.Variant.PRINTED_ROWS   # the sum of the printed rows
    assert "37.77" in audit.dup_message(kinds.index(Pbs.FindingKind.ROW_SCORE), Pbs.Language.EN)


def test_save_without_budget():
    # set_budget(None) on a copy: saving refuses, as reading a document
    # without a budget line would
    evaluation, _ = score_evaluation()
    copy = evaluation.copy()
    copy.set_budget(None)
    try:
        copy.save_to_data(None)
    except GLib.Error as e:
        assert e.matches(Pbs.document_error_quark(), Pbs.DocumentError.MISSING_FIELD), e.message
        assert "budget" in e.message, e.message
    else:
        raise AssertionError("saved an evaluation without a budget line")
    copy.set_budget(evaluation.get_budget())
    text, _length = copy.save_to_data(None)
    assert len(read_all(text, "mem.yaml")) == 1


def test_summary():
    """PbsSummary from a binding: groups, counts, exact totals, 元 in 万元, and its JSON."""
    _, scorecard = score_evaluation()
    summary = Pbs.Summary.new()
    summary.add_key(Pbs.SummaryKey.YEAR)
    assert summary.add(scorecard) and summary.add(scorecard)
    assert summary.get_n_groups() == 1 and summary.get_group_value(0, 0) == "2022"
    assert summary.get_count(0) == 2
    assert summary.get_grade_count(0, scorecard.get_grade()) == 2
    ok, median = summary.get_total(0, Pbs.SummaryStat.MEDIAN)
    assert ok and decimal_out(median) == "96.40", median
    ok, annual = summary.get_annual(0)
    budget = scorecard.get_evaluation().get_budget()
    assert ok and budget.get_annual()[0]
    # the evaluation is in 元: the sum is in 万元, twice the amount / 10,000
    expected = decimal.Decimal(decimal_out(budget.get_annual()[1])) * 2 / 10000
    assert decimal.Decimal(decimal_out(annual)) == expected, (decimal_out(annual), expected)
    text, _length = summary.render(Pbs.Format.JSON, Pbs.Language.EN)
    groups = json.loads(text)
    assert groups[0]["year"] == 2022 and groups[0]["evaluations"] == 2, text


def criticals_of(func):
    """The messages of the library's criticals while @func runs, counted
    instead of printed and never fatal (the caller's G_DEBUG aside)."""
    messages = []
    always_fatal = GLib.log_set_always_fatal(GLib.LogLevelFlags.LEVEL_ERROR)
    handler = GLib.log_set_handler("pbscore", GLib.LogLevelFlags.LEVEL_CRITICAL,
                                   lambda domain, level, message, data: messages.append(message), None)
    try:
        func()
    finally:
        GLib.log_remove_handler("pbscore", handler)
        GLib.log_set_always_fatal(always_fatal)
    return messages


def render_all(scorecard):
    """The scorecard in every text format (issue 14: no criticals)."""
    texts = []
    for fmt in (Pbs.Format.TEXT, Pbs.Format.MARKDOWN, Pbs.Format.CSV, Pbs.Format.JSON, Pbs.Format.HTML):
        report = Pbs.Report.new(fmt, Pbs.ReportContent.TABLE, Pbs.Language.ZH)
        report.add(scorecard)
        texts.append(report.render()[0])
    return texts


def test_scored_evaluation_stays_as_scored():
    # Issue 14: clearing an actual after scoring made the explanation say
    # "实际 0%" and rendering fired library criticals. A scored evaluation
    # is sealed: the setter is refused (one critical, a caller mistake),
    # the scorecard and its reports stay as they were, and the evaluation
    # still saves to YAML that reloads.
    evaluation, scorecard = score_evaluation()
    explanations = [scorecard.dup_row_explanation(i, Pbs.Language.ZH) for i in range(2)]
    reports = render_all(scorecard)
    refused = criticals_of(lambda: evaluation.get_indicator(0).set_actual(None))
    assert len(refused) == 1, f"clearing an actual after scoring gave criticals {refused}"
    assert evaluation.get_indicator(0).get_actual() is not None, "the actual was cleared"
    assert [scorecard.dup_row_explanation(i, Pbs.Language.ZH) for i in range(2)] == explanations
    again = []
    assert criticals_of(lambda: again.extend(render_all(scorecard))) == []
    assert again == reports
    text, _length = evaluation.save_to_data(None)
    assert len(read_all(text, "saved.yaml")) == 1


def test_setters_keep_what_saves():
    # Issue 14: set_year(4294967295) and set_budget(None) used to be
    # accepted, and the YAML saved then did not reload. An impossible year
    # is refused (a critical, the year unchanged); no budget line is a
    # MISSING_FIELD when saving; whatever the writer writes reloads.
    evaluation = read_all(EVALUATION, "mem.yaml")[0].get_evaluation()
    year = evaluation.get_year()
    assert len(criticals_of(lambda: evaluation.set_year(4294967295))) == 1
    assert evaluation.get_year() == year, evaluation.get_year()
    text, _length = evaluation.save_to_data(None)
    assert len(read_all(text, "saved.yaml")) == 1
    evaluation.set_budget(None)
    try:
        evaluation.save_to_data(None)
    except GLib.Error as e:
        assert e.matches(Pbs.document_error_quark(), Pbs.DocumentError.MISSING_FIELD), e.message
    else:
        raise AssertionError("saved an evaluation without a budget line")


print("Suite: gi")
for f in (test_version, test_decimal_parse_and_round, test_decimal_parse_error, test_enum_gtypes,
          test_reader_documents, test_score_evaluation, test_document_errors, test_json_report,
          test_report_columns, test_streaming_report, test_audit_printed_scores,
          test_save_without_budget, test_summary, test_scored_evaluation_stays_as_scored,
          test_setters_keep_what_saves):
    case(f)

passed = sum(results)
failed = len(results) - passed
print(f"\n{passed} passed, {failed} failed")
sys.exit(0 if failed == 0 else 1)
