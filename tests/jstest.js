// jstest.js - the small test runner of the gjs tests (tests/test_gjs.js,
// tests/test_pbs_js.js): assertions, cases, skips and the closing
// "N passed, N failed[, N skipped]" line. A legacy gjs module, so that the
// test scripts (run as `gjs FILE`) load it synchronously:
//   imports.searchPath.unshift(dir_of_the_test); const T = imports.jstest;
/* exported assert, assertEqual, expectError, Skip, runCase, finish */

const {GLib} = imports.gi;

const counts = {passed: 0, failed: 0, skipped: 0};

function assert(condition, message) {
    if (!condition)
        throw new Error(`assertion failed: ${message}`);
}

// Compares by JSON text: arrays and plain objects compare by content.
function assertEqual(actual, expected, what) {
    const a = JSON.stringify(actual), e = JSON.stringify(expected);
    if (a !== e)
        throw new Error(`${what}: got ${a}, expected ${e}`);
}

// Calls func, which must throw a GLib.Error of that domain and code;
// returns the error.
function expectError(func, quark, code, what) {
    try {
        func();
    } catch (e) {
        if (!(e instanceof GLib.Error))
            throw e;
        assert(e.matches(quark, code), `${what}: ${e.domain} ${e.code} ${e.message}`);
        return e;
    }
    throw new Error(`${what}: no GLib.Error`);
}

// Thrown by a case that needs something not there yet: counted apart.
var Skip = class Skip extends Error {};

// Runs one test function and records its result.
function runCase(func) {
    try {
        func();
        print(`  Test: ${func.name} ...passed`);
        counts.passed++;
    } catch (e) {
        if (e instanceof Skip) {
            print(`  Test: ${func.name} ...SKIPPED (${e.message})`);
            counts.skipped++;
            return;
        }
        print(`  Test: ${func.name} ...FAILED`);
        print(`    ${e}`);
        if (e.stack)
            print(e.stack.replace(/^/gm, '    '));
        counts.failed++;
    }
}

// Prints the counts; returns the exit status.
function finish() {
    const skipped = counts.skipped > 0 ? `, ${counts.skipped} skipped` : '';
    print(`\n${counts.passed} passed, ${counts.failed} failed${skipped}`);
    return counts.failed === 0 ? 0 : 1;
}
