# Pbs.py - PyGObject overrides that make libpbscore's GI bindings Pythonic
#
# Copyright 2026 The pbscore authors
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Pythonic conveniences over the Pbs-1.0 GObject-Introspection bindings.

PyGObject loads this module whenever a program imports
``gi.repository.Pbs``; every plain GI call stays available underneath.
doc/bindings.md lists the contracts:

- ``Pbs.Decimal`` prints its exact digits (``str``), converts to
  ``decimal.Decimal`` (``to_decimal()``) and ``float``, and compares,
  orders and hashes like the ``decimal.Decimal`` of the same value;
- every call that takes a decimal accepts a ``Pbs.Decimal``, a
  ``decimal.Decimal``, an ``int`` or an exact ``str`` (as
  ``pbs_decimal_parse`` reads it);
- a ``Pbs.Scorecard`` has ``rows``, ``subtotals``, ``total``, ``grade``,
  ``complete`` and ``budget``;
- iterating a ``Pbs.Reader`` yields its documents in order;
- ``Pbs.load(path)`` returns the evaluations of a file.

Errors stay ``GLib.Error`` with the library's domain, code and message.
"""
import collections
import decimal
import numbers

from gi.repository import GLib

from ..module import get_introspection_module
from ..overrides import override

Pbs = get_introspection_module('Pbs')

__all__ = []


# ---------------------------------------------------------------- decimals

def _decimal_text(value):
    """The text pbs_decimal_parse reads for a Python number or string."""
    if isinstance(value, bool):
        raise TypeError("a decimal cannot be a bool")
    if isinstance(value, str):
        return value
    if isinstance(value, numbers.Integral):
        return str(int(value))
    if isinstance(value, decimal.Decimal):
        # 'f' never uses an exponent, and keeps the trailing zeros
        return format(value, 'f')
    raise TypeError("expected a Pbs.Decimal, decimal.Decimal, int or str, not %s"
                    % type(value).__name__)


def _as_decimal(value):
    """A Pbs.Decimal for any value a decimal argument accepts.

    A Pbs.Decimal passes through; anything else is parsed by the library,
    whose GLib.Error (value domain: NUMBER, OVERFLOW …) is not caught.
    """
    if value is None or isinstance(value, Pbs.Decimal):
        return value
    return Pbs.Decimal.parse(_decimal_text(value))[1]


def _py_number(value):
    """The decimal.Decimal or int to compare with, or None."""
    if isinstance(value, Pbs.Decimal):
        return value.to_decimal()
    if isinstance(value, (decimal.Decimal, numbers.Integral)) and not isinstance(value, bool):
        return value
    return None


class Decimal(Pbs.Decimal):
    """An exact decimal number (PbsDecimal).

    ``Pbs.Decimal()`` is zero; ``Pbs.Decimal(x)`` takes whatever a decimal
    argument accepts.
    """

    def __new__(cls, value=None):
        return Pbs.Decimal.__new__(cls)

    def __init__(self, value=None):
        Pbs.Decimal.__init__(self)
        if value is not None:
            parsed = _as_decimal(value)
            self.value = parsed.value
            self.scale = parsed.scale

    def to_decimal(self):
        """The same value as a decimal.Decimal, digit for digit."""
        return decimal.Decimal(self.to_string())

    def __str__(self):
        return self.to_string()

    def __repr__(self):
        return "Pbs.Decimal('%s')" % self.to_string()

    def __float__(self):
        return float(self.to_decimal())

    def __int__(self):
        return int(self.to_decimal())

    def __format__(self, spec):
        return format(self.to_decimal(), spec)

    def __bool__(self):
        return self.sign() != 0

    def __hash__(self):
        return hash(self.to_decimal())

    def _compare(self, other, op):
        other = _py_number(other)
        if other is None:
            return NotImplemented
        return op(self.to_decimal(), other)

    def __eq__(self, other):
        return self._compare(other, lambda a, b: a == b)

    def __ne__(self, other):
        return self._compare(other, lambda a, b: a != b)

    def __lt__(self, other):
        return self._compare(other, lambda a, b: a < b)

    def __le__(self, other):
        return self._compare(other, lambda a, b: a <= b)

    def __gt__(self, other):
        return self._compare(other, lambda a, b: a > b)

    def __ge__(self, other):
        return self._compare(other, lambda a, b: a >= b)


def _accepting_decimals(function, *positions):
    """Wraps a GI callable: the arguments at @positions become Pbs.Decimals."""
    def wrapper(*args, **kwargs):
        args = list(args)
        for i in positions:
            if i < len(args):
                args[i] = _as_decimal(args[i])
        return function(*args, **kwargs)
    wrapper.__name__ = function.__name__
    wrapper.__doc__ = function.__doc__
    return wrapper


# Decimal arguments, by position (self is 0 for a method).
for _name in ('add', 'sub', 'mul', 'div', 'compare', 'equal'):
    setattr(Decimal, _name, _accepting_decimals(getattr(Pbs.Decimal, _name), 0, 1))

Decimal = override(Decimal)
__all__.append('Decimal')


class Budget(Pbs.Budget):
    new = staticmethod(_accepting_decimals(Pbs.Budget.new, 0, 1))
    set_annual = _accepting_decimals(Pbs.Budget.set_annual, 1)
    set_executed = _accepting_decimals(Pbs.Budget.set_executed, 1)
    set_printed_rate = _accepting_decimals(Pbs.Budget.set_printed_rate, 1)
    set_source_amount = _accepting_decimals(Pbs.Budget.set_source_amount, 3)
    set_initial = _accepting_decimals(Pbs.Budget.set_initial, 1)
    set_points = _accepting_decimals(Pbs.Budget.set_points, 1)
    set_printed_score = _accepting_decimals(Pbs.Budget.set_printed_score, 1)


Budget = override(Budget)
__all__.append('Budget')


class Indicator(Pbs.Indicator):
    new = staticmethod(_accepting_decimals(Pbs.Indicator.new, 3))
    set_manual_score = _accepting_decimals(Pbs.Indicator.set_manual_score, 1)
    set_printed_score = _accepting_decimals(Pbs.Indicator.set_printed_score, 1)
    set_step = _accepting_decimals(Pbs.Indicator.set_step, 1, 2)
    add_score_band = _accepting_decimals(Pbs.Indicator.add_score_band, 1, 2, 3)


Indicator = override(Indicator)
__all__.append('Indicator')


class Evaluation(Pbs.Evaluation):
    set_printed_total = _accepting_decimals(Pbs.Evaluation.set_printed_total, 1)


Evaluation = override(Evaluation)
__all__.append('Evaluation')


# ---------------------------------------------------------------- names

def _flag_nicks(flags):
    """The nicks of the single flags set in @flags, lowest bit first."""
    bits = int(flags)
    return [value.first_value_nick
            for bit, value in sorted(Pbs.Flags.__flags_values__.items())
            if bit != 0 and bits & bit == bit]


def _optional(result):
    """A gboolean getter's (ok, value) as the value or None."""
    ok, value = result
    return value if ok else None


# ---------------------------------------------------------------- scorecards

class ScorecardRow:
    """One indicator row of a scored table, as the table prints it.

    The attributes are read from the scorecard and its evaluation when
    asked for; the row keeps both alive.
    """

    __slots__ = ('_scorecard', '_index', '_language')

    def __init__(self, scorecard, index, language):
        self._scorecard = scorecard
        self._index = index
        self._language = language

    @property
    def _indicator(self):
        return self._scorecard.get_evaluation().get_indicator(self._index)

    @property
    def number(self):
        """The row's number in the table, from 1."""
        return self._index + 1

    @property
    def level1(self):
        return self._indicator.get_level1()

    @property
    def level2(self):
        return self._indicator.get_level2()

    @property
    def name(self):
        return self._indicator.get_name()

    @property
    def target(self):
        """The 年度指标值 as printed, or None."""
        value = self._indicator.get_target()
        return value.get_text() if value is not None else None

    @property
    def actual(self):
        """The 实际完成值 as printed, or None."""
        value = self._indicator.get_actual()
        return value.get_text() if value is not None else None

    @property
    def points(self):
        return _optional(self._scorecard.get_row_points(self._index))

    @property
    def score(self):
        """The computed score, or None for an unscored row."""
        return _optional(self._scorecard.get_row_score(self._index))

    @property
    def printed_score(self):
        """The 得分 the table printed, or None."""
        return _optional(self._indicator.get_printed_score())

    @property
    def status(self):
        return self._scorecard.get_row_status(self._index).value_nick

    @property
    def rule(self):
        return self._scorecard.get_row_rule(self._index).value_nick

    @property
    def deviation(self):
        """How the row missed its target, as its rule decided: 'none', 'short' …"""
        return self._scorecard.get_row_deviation(self._index).value_nick

    @property
    def flags(self):
        return _flag_nicks(self._scorecard.get_row_flags(self._index))

    @property
    def reason(self):
        """The 偏差原因分析, or None when the table gives none."""
        return self._indicator.get_reason() or None

    @property
    def explanation(self):
        return self._scorecard.dup_row_explanation(self._index, self._language)

    def explain(self, language):
        """The explanation in @language (a Pbs.Language)."""
        return self._scorecard.dup_row_explanation(self._index, language)

    def __repr__(self):
        return '<Pbs row %d %s: %s>' % (self.number, self.name, self.status)


Subtotal = collections.namedtuple('Subtotal', 'level level1 level2 points score')
Subtotal.__doc__ = """A category subtotal: level 1 (level2 None) or level 2."""

BudgetLine = collections.namedtuple('BudgetLine', 'rate points score')
BudgetLine.__doc__ = """The budget-execution line: rate (None when unknown), points, score
(None when unscored: no rate and no printed score, rule book §11)."""

__all__ += ['ScorecardRow', 'Subtotal', 'BudgetLine']


class Scorecard(Pbs.Scorecard):
    def get_rows(self, language=Pbs.Language.ZH):
        """The rows, with explanations in @language."""
        return tuple(ScorecardRow(self, i, language) for i in range(self.get_n_rows()))

    @property
    def rows(self):
        """The rows, explanations in Chinese (the tables' language)."""
        return self.get_rows()

    @property
    def subtotals(self):
        return tuple(Subtotal(*self.get_subtotal(i)) for i in range(self.get_n_subtotals()))

    @property
    def total(self):
        return self.get_total()

    @property
    def grade(self):
        """优, 良, 中 or 差; None while the scorecard is incomplete."""
        grade = self.get_grade()
        if grade == Pbs.Grade.NONE or not self.is_complete():
            return None
        return Pbs.grade_get_label(grade)

    @property
    def complete(self):
        return self.is_complete()

    @property
    def budget(self):
        """The budget line, or None when the evaluation has no budget."""
        if self.get_evaluation().get_budget() is None:
            return None
        return BudgetLine(_optional(self.get_budget_rate()),
                          self.get_budget_points(),
                          _optional(self.get_budget_score()))


Scorecard = override(Scorecard)
__all__.append('Scorecard')


# ---------------------------------------------------------------- reading

class Reader(Pbs.Reader):
    def __iter__(self):
        """Yields the documents in order; a bad one raises GLib.Error."""
        while True:
            document = self.next()
            if document is None:
                return
            yield document


Reader = override(Reader)
__all__.append('Reader')


def load(path):
    """The list of the evaluations of @path, in any format pbscore reads.

    Raises GLib.Error (document domain) when the file cannot be read or
    holds no evaluation.
    """
    evaluations = list(Pbs.Evaluation.load_file(path))
    if not evaluations:
        raise GLib.Error.new_literal(Pbs.document_error_quark(),
                                     '%s:1:1: the file holds no evaluation' % path,
                                     Pbs.DocumentError.MISSING_FIELD)
    return evaluations


__all__.append('load')
