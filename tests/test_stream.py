#!/usr/bin/env python3
"""Batches through the command line, one document at a time (doc/cli.md,
"Batches"): output written as it is produced, what an input error leaves,
--keep-going and its error records, --output all or nothing, standard input
read as a stream, UTF-8 checked block by block, the progress line.

make check runs it with PBS_CLI set to the built tools/pbscore. Standard
library only.
"""
import json
import os
import pty
import select
import subprocess
import sys
import tempfile
import time

from pbs_cli import Cases, cli_env, expect, run_on_file, run_program, write_batch, write_file

CLI = os.environ.get('PBS_CLI')
SRCDIR = os.path.abspath(os.environ.get('top_srcdir')
                         or os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))

cases = Cases()
case = cases.case


def evaluation(title, points=90):
    return ('pbscore: 1\n'
            f'title: "{title}"\n'
            'budget: {annual: 100, executed: 90}\n'
            'indicators:\n'
            '  - {level1: 产出指标, level2: 数量指标, name: 甲, target: "≥10项", actual: "10项", '
            f'points: {points}}}\n')


GOOD_A = evaluation('甲项目')
GOOD_C = evaluation('丙项目')
BAD_B = 'pbscore: 1\ntitle: "乙项目"\nbogus: 1\n'     # an unknown key at line 3, column 1


def pbscore(*args, stdin=None, cwd=None):
    return run_program(CLI, args, stdin=stdin, cwd=cwd or SRCDIR)


def expect_rc(run, rc):
    expect(run.rc == rc, f'exit {run.rc}, not {rc}', run)


@case('without --keep-going the first invalid document stops the run; the output covers the ones before')
def _():
    with tempfile.TemporaryDirectory() as tmp:
        path = write_batch(tmp, 'b.yaml', GOOD_A, BAD_B, GOOD_C)
        r = pbscore('score', '--format', 'json', path)
        expect_rc(r, 2)
        expect(f'{path}:9:1: unknown key “bogus”' in r.err, 'the error is not located', r)
        doc = json.loads(r.out)
        expect(isinstance(doc, dict) and doc['title'] == '甲项目', 'not the first evaluation alone', r)
        r = pbscore('score', '--format', 'csv', path)
        expect_rc(r, 2)
        expect('甲项目' in r.out and '丙项目' not in r.out, 'csv does not stop at the error', r)
        r = pbscore('score', path)
        expect_rc(r, 2)
        expect(len(r.out.splitlines()) == 2 and '甲项目' in r.out, 'text: heading and the first line', r)
        # the first document invalid: nothing at all
        for fmt in ('json', 'html', 'csv', 'yaml', 'text'):
            r = pbscore('report', '--format', fmt, write_batch(tmp, 'first.yaml', BAD_B, GOOD_A))
            expect_rc(r, 2)
            expect(r.out == '', f'{fmt}: output before any evaluation', r)


@case('--keep-going: every valid document written, each invalid one on stderr and as a record in its place; exit 2')
def _():
    with tempfile.TemporaryDirectory() as tmp:
        path = write_batch(tmp, 'b.yaml', GOOD_A, BAD_B, GOOD_C)
        r = pbscore('score', '--keep-going', '--format', 'json', path)
        expect_rc(r, 2)
        expect(r.err.count('unknown key “bogus”') == 1, 'the error not told once on stderr', r)
        items = json.loads(r.out)
        expect([i.get('title') for i in items] == ['甲项目', None, '丙项目'], 'not a, error, c', r)
        rec = items[1]
        expect(rec['file'] == path and rec['document'] == 2, 'file and document', r)
        err = rec['error']
        expect(err['domain'] == 'pbs-document-error-quark' and isinstance(err['code'], int),
               'domain and code', r)
        expect((err['line'], err['column']) == (9, 1), f"place {err['line']}:{err['column']}", r)
        expect(err['message'].startswith(f'{path}:9:1: '), 'message', r)

        r = pbscore('lint', '-k', '--format', 'jsonl', path)
        expect_rc(r, 2)
        lines = [json.loads(line) for line in r.out.splitlines()]
        expect(len(lines) == 3 and 'error' in lines[1] and lines[1]['document'] == 2, 'jsonl records', r)

        r = pbscore('report', '-k', '--format', 'yaml', path)
        expect_rc(r, 2)
        expect('\n---\nfile: ' in r.out and 'document: 2\nerror:\n  domain: "pbs-document-error-quark"'
               in r.out, 'yaml record', r)

        # text and csv: the valid ones only, the error on stderr
        r = pbscore('score', '-k', path)
        expect_rc(r, 2)
        expect('甲项目' in r.out and '丙项目' in r.out and '乙项目' not in r.out, 'text lines', r)

        # a missing file and a file without documents are input errors too
        empty = write_batch(tmp, 'empty.yaml', '# nothing\n')
        r = pbscore('validate', '-k', path, os.path.join(tmp, 'missing.yaml'), empty,
                    os.path.join(SRCDIR, 'tests/data/valid/batch-three.yaml'))
        expect_rc(r, 2)
        expect('batch-three.yaml' in r.out and 'b.yaml' not in r.out, 'validate lists the valid files', r)
        expect('missing.yaml' in r.err and 'holds no document' in r.err, 'missing and empty told', r)

        # nothing invalid: the command's own status (audit: 1 for findings)
        r = pbscore('audit', '-k', os.path.join(SRCDIR, 'examples/xishan-2024.yaml'))
        expect_rc(r, 1)
        r = pbscore('score', '-k', '--format', 'json', write_batch(tmp, 'ok.yaml', GOOD_A))
        expect_rc(r, 0)
        expect(json.loads(r.out)['title'] == '甲项目', 'one evaluation stays a bare object', r)


@case('--output FILE: all or nothing; with --keep-going the finished run is written')
def _():
    with tempfile.TemporaryDirectory() as tmp:
        path = write_batch(tmp, 'b.yaml', GOOD_A, BAD_B, GOOD_C)
        out = write_file(tmp, 'out.json', 'old')
        r = pbscore('score', '--format', 'json', '--output', out, path)
        expect_rc(r, 2)
        with open(out, encoding='utf-8') as f:
            expect(f.read() == 'old', 'the target changed on an input error')
        expect(sorted(os.listdir(tmp)) == ['b.yaml', 'out.json'], 'a temporary file is left')
        r = pbscore('score', '-k', '--format', 'jsonl', '--output', out, path)
        expect_rc(r, 2)
        with open(out, encoding='utf-8') as f:
            expect(len(f.read().splitlines()) == 3, 'keep-going output not written whole')


def read_until(fd, needle, timeout):
    """Bytes read from @fd until @needle shows (or @timeout seconds)."""
    got = b''
    end = time.monotonic() + timeout
    while needle not in got and time.monotonic() < end:
        ready, _, _ = select.select([fd], [], [], max(0.0, end - time.monotonic()))
        if not ready:
            break
        chunk = os.read(fd, 65536)
        if not chunk:
            break
        got += chunk
    return got


@case('standard input is read as a stream: an evaluation is written before the input ends')
def _():
    proc = subprocess.Popen([CLI, 'score', '--format', 'jsonl', '-'], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=cli_env())
    try:
        proc.stdin.write((GOOD_A + '---\n' + GOOD_C + '---\n').encode('utf-8'))
        proc.stdin.flush()
        got = read_until(proc.stdout.fileno(), b'\n', 20)
        expect('甲项目'.encode('utf-8') in got, f'nothing before the end of the input: {got!r}')
        proc.stdin.write(evaluation('丁项目').encode('utf-8'))
        proc.stdin.close()
        rest = proc.stdout.read()
        proc.wait(timeout=20)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    lines = (got + rest).decode('utf-8').splitlines()
    expect([json.loads(line)['title'] for line in lines] == ['甲项目', '丙项目', '丁项目'],
           f'not the three evaluations in order: {lines!r}')
    expect(proc.returncode == 0, f'exit {proc.returncode}')
    r = pbscore('score', '-', '-', stdin=GOOD_A)
    expect_rc(r, 2)
    expect('read once' in r.err, 'a second - is not refused', r)


@case('UTF-8 is checked block by block: a character across blocks reads; an invalid byte far in is located')
def _():
    # the 64 KiB block ends inside a three-byte character, at several offsets
    for shift in range(3):
        pad = 'x' * (65536 - len('pbscore: 1\ntitle: "') - 1 + shift)
        text = (f'pbscore: 1\ntitle: "{pad}甲乙丙"\nbudget: {{annual: 100, executed: 90}}\n'
                'indicators:\n  - {level1: 产出指标, level2: 数量指标, name: 甲, target: "≥10项", '
                'actual: "10项", points: 90}\n')
        r = run_on_file(pbscore, text, 'score', '--format', 'json', name='long.yaml')
        expect_rc(r, 0)
        expect(json.loads(r.out)['title'].endswith('甲乙丙'), 'the title lost a character', r)
    lines = ['pbscore: 1', 'title: "长"', 'budget: {annual: 100, executed: 90}', 'indicators:']
    lines += [f'  - {{level1: 产出指标, level2: 数量指标, name: 指标{i}, target: "≥10项", actual: "10项", '
              'points: 0.03}' for i in range(3000)]
    body = '\n'.join(lines) + '\n'
    data = body.encode('utf-8') + '  # 注释'.encode('utf-8') + b'\xff\n'
    expect(len(data) > 3 * 65536, 'the fixture is not long enough')
    r = run_on_file(pbscore, data, 'validate', name='bad.yaml')
    expect_rc(r, 2)
    expect(f'{r.args[-1]}:{len(lines) + 1}:7: the file is not valid UTF-8 (byte 0xff)' in r.err,
           'the invalid byte is not located', r)
    # a character cut by the end of the file
    r = run_on_file(pbscore, GOOD_A.encode('utf-8') + '# 甲'.encode('utf-8')[:-1], 'validate',
                    name='bad.yaml')
    expect_rc(r, 2)
    expect(f'{r.args[-1]}:6:3: the file is not valid UTF-8' in r.err, 'a cut character is not located', r)


def run_on_terminal(args, feed):
    """Runs pbscore with standard error on a terminal; @feed is a list of
    (text, seconds to wait after). Gives stdout and what the terminal got."""
    master, slave = pty.openpty()
    proc = subprocess.Popen([CLI, *args], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=slave, env=cli_env())
    os.close(slave)
    try:
        for text, wait in feed:
            proc.stdin.write(text.encode('utf-8'))
            proc.stdin.flush()
            time.sleep(wait)
        proc.stdin.close()
        out = proc.stdout.read()
        proc.wait(timeout=20)
        err = b''
        while True:
            ready, _, _ = select.select([master], [], [], 0.2)
            if not ready:
                break
            try:
                chunk = os.read(master, 65536)
            except OSError:
                break
            if not chunk:
                break
            err += chunk
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        os.close(master)
    return out, err.decode('utf-8', 'replace')


@case('--threads 2 (the YAML parsed ahead on a thread of its own) and --threads 1 give the same bytes')
def _():
    many = [evaluation(f'第{i}号', points=10 + i % 80) for i in range(120)]
    with tempfile.TemporaryDirectory() as tmp:
        batches = {
            'good': write_batch(tmp, 'good.yaml', *many),
            'bad': write_batch(tmp, 'bad.yaml', *many[:50], BAD_B, *many[50:]),
            'syntax': write_batch(tmp, 'syntax.yaml', *many, 'title: [未完\n', GOOD_A),
            'utf8': write_file(tmp, 'utf8.yaml', ('---\n'.join(many) + '# \udcff\n')
                               .encode('utf-8', 'surrogateescape')),
        }
        commands = [['score', '--format', f] for f in
                    ('text', 'markdown', 'csv', 'json', 'jsonl', 'html', 'yaml')]
        commands += [['validate'], ['audit'], ['lint', '--format', 'json'], ['explain', '--format', 'jsonl'],
                     ['score', '--summary', '--format', 'csv'], ['summary', '--by', 'year']]
        compared = 0
        for name, path in batches.items():
            for command in commands:
                for keep in ([], ['--keep-going']):
                    one = pbscore(*command, *keep, '--threads', '1', path)
                    two = pbscore(*command, *keep, '--threads', '2', path)
                    expect((one.rc, one.out, one.err) == (two.rc, two.out, two.err),
                           f'{name}: {command + keep} differs with --threads 2', two)
                    expect(name == 'good' or one.rc == 2, f'{name}: {command + keep} exit {one.rc}', one)
                    compared += 1
        expect(compared == 4 * len(commands) * 2, 'not every command was compared')
        r = pbscore('score', '--threads', 'many', batches['good'])
        expect_rc(r, 2)
        expect('--threads takes 1 or 2' in r.err, 'a bad --threads is not refused', r)


@case('parsing ahead, a run stopped by an error does not wait for a pipe that is still open')
def _():
    with tempfile.TemporaryDirectory() as tmp:
        fifo = os.path.join(tmp, 'fifo.yaml')
        os.mkfifo(fifo)
        proc = subprocess.Popen([CLI, 'validate', '--threads', '2', fifo], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, env=cli_env())
        writer = open(fifo, 'wb')
        try:
            writer.write((BAD_B + '---\n').encode('utf-8'))
            writer.flush()
            try:
                out, err = proc.communicate(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                out, err = proc.communicate()
                expect(False, 'pbscore waited for the writer to close the pipe')
        finally:
            writer.close()
        expect(proc.returncode == 2, f'exit {proc.returncode}')
        expect('unknown key “bogus”' in err.decode('utf-8'), f'stderr: {err!r}')


@case('progress: one self-updating line on a terminal, cleared at the end; none with --quiet')
def _():
    feed = [(GOOD_A + '---\n', 0.6), (GOOD_C + '---\n', 0.6), (evaluation('丁项目'), 0)]
    out, err = run_on_terminal(['score', '--format', 'jsonl', '-'], feed)
    expect(len(out.splitlines()) == 3, f'stdout: {out!r}')
    expect('documents' in err and 'rows' in err and 'rows/s' in err and '<stdin>' in err,
           f'no progress line: {err!r}')
    expect('\r' in err and '\n' not in err.replace('\r\n', ''), f'not one self-updating line: {err!r}')
    expect(err.endswith('\r\x1b[K'), f'the line is not cleared at the end: {err!r}')
    out, err = run_on_terminal(['score', '--quiet', '--format', 'jsonl', '-'], feed)
    expect(len(out.splitlines()) == 3 and err == '', f'--quiet: {err!r}')


sys.exit(cases.run())
