#!/usr/bin/python3
"""Smoke test: libpbscore through GObject-Introspection (uninstalled build).

make check runs it with GI_TYPELIB_PATH set to the build directory and
LD_LIBRARY_PATH to lib/.libs. By hand, from the build directory:

  GI_TYPELIB_PATH=. LD_LIBRARY_PATH=lib/.libs /usr/bin/python3 ../tests/test_gi.py

Always the system /usr/bin/python3: python3-gi is built for it only.
Prints "N passed, N failed" like the CUnit programs.
"""
import sys
import traceback

import gi

gi.require_version('Pbs', '1.0')
from gi.repository import GLib, GObject, Pbs  # noqa: E402

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


print("Suite: gi")
for f in (test_version, test_decimal_parse_and_round, test_decimal_parse_error, test_enum_gtypes):
    case(f)

passed = sum(results)
failed = len(results) - passed
print(f"\n{passed} passed, {failed} failed")
sys.exit(0 if failed == 0 else 1)
