// score.js - score every evaluation of a file and print its table (gjs)
//
// Copyright 2026 The pbscore authors
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// Usage: gjs -m score.js FILE
//
// FILE is any document pbscore reads (examples/xishan-2024.yaml). Prints
// each evaluation's rows with their status, the budget line, the total and
// the grade. Exit status 0, or 1 with the library's located message.
//
// This example imports the module from the source tree; a program of
// yours imports the installed one (doc/bindings.md):
//   import * as pbs from 'file:///usr/share/pbscore/gjs/pbs.js';
import GLib from 'gi://GLib';
import System from 'system';

import * as pbs from '../../bindings/gjs/pbs.js';

function printTable(scorecard) {
    const table = pbs.summary(scorecard);
    print(scorecard.get_evaluation().get_title());
    print('');
    for (const row of table.rows) {
        print([String(row.number).padStart(3), row.name, row.target ?? '', row.actual ?? '',
            row.points, row.score ?? '—', row.status].join('  '));
    }
    if (table.budget !== null)
        print(`预算执行率 ${table.budget.rate ?? '—'}%  ${table.budget.points}  ${table.budget.score ?? '—'}`);
    print(`总分 ${table.total}  等级 ${table.grade ?? '—（不完整）'}`);
}

const args = System.programArgs;
if (args.length !== 1) {
    printerr('usage: gjs -m score.js FILE');
    System.exit(2);
}
try {
    pbs.load(args[0]).forEach((evaluation, i) => {
        if (i > 0)
            print('');
        printTable(evaluation.score(null));
    });
} catch (e) {
    if (!(e instanceof GLib.Error))
        throw e;
    printerr(`score.js: ${e.message}`);
    System.exit(1);
}
