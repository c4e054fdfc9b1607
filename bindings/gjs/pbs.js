// pbs.js - JavaScript (gjs) conveniences over libpbscore's GI bindings
//
// Copyright 2026 The pbscore authors
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// gjs has no override hook for a third-party namespace, so this ES module
// gives the conveniences of the Python overrides (gi/overrides/Pbs.py) as
// functions; doc/bindings.md lists them. Installed as
// $(datadir)/pbscore/gjs/pbs.js:
//
//   import * as pbs from 'file:///usr/share/pbscore/gjs/pbs.js';
//
// Importing it also makes a Pbs.Reader iterable (for...of yields its
// documents). Errors stay GLib.Error with the library's domain and code.

import GLib from 'gi://GLib';
import Pbs from 'gi://Pbs?version=1.0';

export {Pbs};

// ---------------------------------------------------------------- decimals

/** The exact digits of a Pbs.Decimal ("96.40"), or null for null. */
export function decimalToString(d) {
    return d === null || d === undefined ? null : d.to_string();
}

/**
 * A Pbs.Decimal as a JavaScript number: a double, so not exact; for
 * arithmetic or charts, never for printing a score.
 */
export function decimalToNumber(d) {
    return d === null || d === undefined ? null : Number(d.to_string());
}

/**
 * A Pbs.Decimal from a Pbs.Decimal, an exact string ("96.40", "1,354.1")
 * or an integer (number or BigInt). A string the library cannot read
 * throws its GLib.Error (value domain); a fractional number, which has no
 * exact decimal, throws a TypeError.
 */
export function decimal(value) {
    if (value instanceof Pbs.Decimal)
        return value;
    let text;
    if (typeof value === 'string')
        text = value;
    else if (typeof value === 'bigint' || (typeof value === 'number' && Number.isSafeInteger(value)))
        text = String(value);
    else
        throw new TypeError(`expected a Pbs.Decimal, an exact string or an integer, not ${value}`);
    return Pbs.Decimal.parse(text)[1];
}

// A gboolean getter's [ok, decimal] as its digits or null.
function optionalDigits([ok, value]) {
    return ok ? value.to_string() : null;
}

// ---------------------------------------------------------------- names

// The nick of an enum value. The library declares every nick as its GI
// member name in lower case (tests/test_overrides.py checks this), and gjs
// keys the enum object by that name in upper case.
function nick(enumeration, value) {
    for (const [key, v] of Object.entries(enumeration)) {
        if (v === value)
            return key.toLowerCase();
    }
    return null;
}

function flagNicks(flags) {
    return Object.entries(Pbs.Flags)
        .filter(([, bit]) => bit !== 0 && (flags & bit) === bit)
        .sort(([, a], [, b]) => a - b)
        .map(([key]) => key.toLowerCase());
}

// ---------------------------------------------------------------- scorecards

/**
 * The rows of a scorecard as plain objects: number (from 1), level1,
 * level2, name, target and actual (as printed, or null), points, score
 * and printedScore (digits, or null), status, rule, deviation (nicks),
 * flags (an array of nicks), reason (or null) and explanation (in
 * @language, Chinese by default).
 */
export function rows(scorecard, language = Pbs.Language.ZH) {
    const evaluation = scorecard.get_evaluation();
    const out = [];
    for (let i = 0; i < scorecard.get_n_rows(); i++) {
        const indicator = evaluation.get_indicator(i);
        const target = indicator.get_target(), actual = indicator.get_actual();
        out.push({
            number: i + 1,
            level1: indicator.get_level1(),
            level2: indicator.get_level2(),
            name: indicator.get_name(),
            target: target ? target.get_text() : null,
            actual: actual ? actual.get_text() : null,
            points: optionalDigits(scorecard.get_row_points(i)),
            score: optionalDigits(scorecard.get_row_score(i)),
            printedScore: optionalDigits(indicator.get_printed_score()),
            status: nick(Pbs.Status, scorecard.get_row_status(i)),
            rule: nick(Pbs.Rule, scorecard.get_row_rule(i)),
            deviation: nick(Pbs.Deviation, scorecard.get_row_deviation(i)),
            flags: flagNicks(scorecard.get_row_flags(i)),
            reason: indicator.get_reason() || null,
            explanation: scorecard.dup_row_explanation(i, language),
        });
    }
    return out;
}

/** The subtotals: {level, level1, level2 (null at level 1), points, score}. */
export function subtotals(scorecard) {
    const out = [];
    for (let i = 0; i < scorecard.get_n_subtotals(); i++) {
        const [level, level1, level2, points, score] = scorecard.get_subtotal(i);
        out.push({level, level1, level2, points: points.to_string(), score: score.to_string()});
    }
    return out;
}

/**
 * The whole scorecard: {total, grade (优 良 中 差, or null while
 * incomplete), complete, budget ({rate (or null), points, score (or null
 * when unscored, rule book §11)}, or null without a budget line), rows,
 * subtotals}.
 */
export function summary(scorecard, language = Pbs.Language.ZH) {
    const complete = scorecard.is_complete();
    const grade = scorecard.get_grade();
    const hasBudget = scorecard.get_evaluation().get_budget() !== null;
    return {
        total: scorecard.get_total().to_string(),
        grade: complete && grade !== Pbs.Grade.NONE ? Pbs.grade_get_label(grade) : null,
        complete,
        budget: hasBudget ? {
            rate: optionalDigits(scorecard.get_budget_rate()),
            points: scorecard.get_budget_points().to_string(),
            score: optionalDigits(scorecard.get_budget_score()),
        } : null,
        rows: rows(scorecard, language),
        subtotals: subtotals(scorecard),
    };
}

// ---------------------------------------------------------------- reading

/** Yields the documents of a Pbs.Reader in order. */
export function* documents(reader) {
    for (;;) {
        const document = reader.next();   // throws GLib.Error on a bad one
        if (document === null)
            return;
        yield document;
    }
}

Pbs.Reader.prototype[Symbol.iterator] = function () {
    return documents(this);
};

/**
 * The evaluations of a file in any format pbscore reads, as an array.
 * Throws GLib.Error (document domain) when the file cannot be read or
 * holds no evaluation.
 */
export function load(path) {
    const evaluations = Pbs.Evaluation.load_file(path);
    if (evaluations.length === 0) {
        throw new GLib.Error(Pbs.document_error_quark(), Pbs.DocumentError.MISSING_FIELD,
            `${path}:1:1: the file holds no evaluation`);
    }
    return evaluations;
}
