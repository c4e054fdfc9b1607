// jstest.js - the small test runner of the gjs tests (tests/test_gjs.js,
// tests/test_pbs_js.js): assertions, cases and the closing
// "N passed, N failed" line. A legacy gjs module, so that the
// test scripts (run as `gjs FILE`) load it synchronously:
//   imports.searchPath.unshift(dir_of_the_test); const T = imports.jstest;
/* exported assert, assertEqual, expectError, runCase, finish */

const {GLib} = imports.gi;

const counts = {passed: 0, failed: 0};

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

// Runs one test function and records its result.
function runCase(func) {
    try {
        func();
        print(`  Test: ${func.name} ...passed`);
        counts.passed++;
    } catch (e) {
        print(`  Test: ${func.name} ...FAILED`);
        print(`    ${e}`);
        if (e.stack)
            print(e.stack.replace(/^/gm, '    '));
        counts.failed++;
    }
}

// Prints the counts; returns the exit status.
function finish() {
    print(`\n${counts.passed} passed, ${counts.failed} failed`);
    return counts.failed === 0 ? 0 : 1;
}
