#!/bin/sh
# check-installed.sh - pbscore as an installed library, seen by a client
#
# Configures a fresh build with --prefix in a temporary directory, runs
# `make install`, then builds examples/xishan.c with nothing but
#   cc examples/xishan.c $(pkg-config --cflags --libs pbscore-1.0)
# and runs it against the installed libpbscore.so; checks that the man page
# is installed and runs tests/test_cli.py against the installed pbscore,
# which finds templates and policies in <prefix>/share/pbscore only (the
# installed library never searches the source tree); with introspection,
# runs examples/python/score.py with the installed overrides and the
# installed gjs module. Run by .ci/run after
# autogen.sh (needs ./configure); not part of `make check`.
#
# Usage: tests/check-installed.sh [extra configure options]
# Keeps the temporary directory when KEEP_TMP=1.
srcdir=$(cd "$(dirname "$0")/.." && pwd) || exit 99
[ -x "$srcdir/configure" ] || { echo "check-installed: run ./autogen.sh first" >&2; exit 99; }
CC=${CC:-cc}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/pbs-installed.XXXXXX") || exit 99
[ "${KEEP_TMP:-0}" = 1 ] || trap 'rm -rf "$tmp"' EXIT
prefix=$tmp/prefix
passed=0 failed=0
ok ()   { passed=$((passed + 1)); echo "ok - $*"; }
fail () { failed=$((failed + 1)); echo "not ok - $*"; }
finish () { echo "$passed passed, $failed failed"; [ "$failed" -eq 0 ]; exit $?; }

mkdir "$tmp/build"
if (cd "$tmp/build" && "$srcdir/configure" -q --prefix="$prefix" "$@" >configure.out 2>&1 &&
    make -s -j2 >make.out 2>&1 && make -s install DESTDIR= >install.out 2>&1); then
  ok "configure --prefix, make, make install"
else
  fail "configure, make or make install failed:"
  tail -n 40 "$tmp"/build/*.out "$tmp/build/config.log" 2>/dev/null | tail -n 80
  finish
fi

inc=$prefix/include/pbscore-1.0/pbscore
# every public header of the source tree, plus the two generated ones
want=$( { (cd "$srcdir/include/pbscore" && ls -- *.h); echo pbs-version.h; echo pbs-enum-types.h; } |
        LC_ALL=C sort -u)
have=$( (cd "$inc" 2>/dev/null && ls) | LC_ALL=C sort -u)
if [ "$want" = "$have" ]; then
  ok "the $(echo "$want" | wc -l | tr -d ' ') public headers, and only they, are in include/pbscore-1.0/pbscore"
else
  fail "installed headers differ from the public ones ('-' missing, '+' unexpected):"
  echo "$want" >"$tmp/want"; echo "$have" >"$tmp/have"
  diff -u "$tmp/want" "$tmp/have" | sed -n '/^[-+][^-+]/p'
fi

PKG_CONFIG_PATH=$prefix/lib/pkgconfig
export PKG_CONFIG_PATH
version=$(sed -n 's/^PACKAGE_VERSION=.\(.*\).$/\1/p' "$tmp/build/config.log" | head -n 1)
if [ "$(pkg-config --modversion pbscore-1.0 2>&1)" = "$version" ]; then
  ok "pkg-config --modversion pbscore-1.0 = $version"
else
  fail "pkg-config --modversion pbscore-1.0: $(pkg-config --modversion pbscore-1.0 2>&1)"
fi

if [ -e "$prefix/lib/libpbscore.so.0" ] && [ ! -e "$prefix/lib/libpbscore.a" ]; then
  ok "libpbscore.so.0 installed (no static library)"
else
  fail "libpbscore.so.0 missing or libpbscore.a installed: $(ls "$prefix/lib")"
fi

# shellcheck disable=SC2046
if (cd "$srcdir" && $CC examples/xishan.c $(pkg-config --cflags --libs pbscore-1.0) \
      -o "$tmp/xishan") >"$tmp/cc.out" 2>&1; then
  ok "cc examples/xishan.c \$(pkg-config --cflags --libs pbscore-1.0)"
  (cd "$srcdir" && LD_LIBRARY_PATH=$prefix/lib "$tmp/xishan") >"$tmp/run.out" 2>&1
  rc=$?
  if [ "$rc" -eq 0 ] && grep -q '总分' "$tmp/run.out"; then
    ok "installed xishan runs (exit 0) and prints 总分"
  else
    fail "installed xishan exited $rc or printed no 总分:"
    cat "$tmp/run.out"
  fi
  if command -v ldd >/dev/null &&
     LD_LIBRARY_PATH=$prefix/lib ldd "$tmp/xishan" | grep -q "$prefix/lib/libpbscore.so.0"; then
    ok "xishan loads libpbscore.so.0 from the prefix"
  else
    fail "xishan does not load the installed libpbscore.so.0"
  fi
else
  fail "compiling examples/xishan.c against the installed library failed:"
  cat "$tmp/cc.out"
fi

if [ -f "$prefix/share/man/man1/pbscore.1" ]; then
  ok "man page share/man/man1/pbscore.1 installed"
else
  fail "man page pbscore.1 not installed in $prefix/share/man/man1"
fi

# The command's own tests, run on the installed program. LD_LIBRARY_PATH
# names the prefix so that no other libpbscore (a build tree's, which would
# search the source tree for templates) can stand in for the installed one.
cli=$prefix/bin/pbscore
if [ ! -x "$cli" ]; then
  fail "pbscore not installed in $prefix/bin"
elif [ ! -x /usr/bin/python3 ]; then
  fail "tests/test_cli.py needs /usr/bin/python3"
else
  if command -v ldd >/dev/null &&
     LD_LIBRARY_PATH=$prefix/lib ldd "$cli" | grep -q "$prefix/lib/libpbscore.so.0"; then
    ok "the installed pbscore loads libpbscore.so.0 from the prefix"
  else
    fail "the installed pbscore does not load the installed libpbscore.so.0"
  fi
  if LD_LIBRARY_PATH=$prefix/lib PBS_CLI=$cli top_srcdir=$srcdir \
       /usr/bin/python3 "$srcdir/tests/test_cli.py" >"$tmp/cli.out" 2>&1; then
    ok "tests/test_cli.py against the installed pbscore: $(tail -n 1 "$tmp/cli.out")"
  else
    fail "tests/test_cli.py against the installed pbscore:"
    grep -v '^ok ' "$tmp/cli.out" | tail -n 80
  fi
fi

if grep -q -E "^HAVE_INTROSPECTION_TRUE=('')?$" "$tmp/build/config.log"; then
  if [ -f "$prefix/share/gir-1.0/Pbs-1.0.gir" ] &&
     [ -f "$prefix/lib/girepository-1.0/Pbs-1.0.typelib" ]; then
    ok "Pbs-1.0.gir and Pbs-1.0.typelib installed"
  else
    fail "introspection enabled but Pbs-1.0.gir/typelib not installed"
  fi
  # The PyGObject overrides in $(pythondir)/gi/overrides and the gjs module
  # in $(datadir)/pbscore/gjs, used by the examples from the installed tree.
  overrides=$(find "$prefix" -path '*/gi/overrides/Pbs.py' | head -n 1)
  case $overrides in
    "$prefix"/lib/python3*/*-packages/gi/overrides/Pbs.py)
      ok "Python overrides installed: ${overrides#"$prefix"/}"
      out=$(PYTHONPATH=${overrides%/gi/overrides/Pbs.py} GI_TYPELIB_PATH=$prefix/lib/girepository-1.0 \
            LD_LIBRARY_PATH=$prefix/lib /usr/bin/python3 "$srcdir/examples/python/score.py" \
            "$srcdir/examples/xishan-2024.yaml" 2>&1 | tail -n 1)
      if [ "$out" = "总分 99.88  等级 优" ]; then
        ok "examples/python/score.py with the installed overrides: $out"
      else
        fail "examples/python/score.py with the installed overrides: $out"
      fi ;;
    *) fail "the Python overrides are not in <prefix>/lib/python3.*/site-packages/gi/overrides: '$overrides'" ;;
  esac
  module=$prefix/share/pbscore/gjs/pbs.js
  if [ ! -f "$module" ]; then
    fail "the gjs module is not installed as share/pbscore/gjs/pbs.js"
  elif ! command -v gjs >/dev/null 2>&1; then
    ok "the gjs module is installed as share/pbscore/gjs/pbs.js (no gjs to run it)"
  else
    printf '%s\n' "import * as pbs from 'file://$module';" \
      "print(pbs.summary(pbs.load('$srcdir/examples/xishan-2024.yaml')[0].score(null)).total);" \
      >"$tmp/installed.js"
    out=$(GI_TYPELIB_PATH=$prefix/lib/girepository-1.0 LD_LIBRARY_PATH=$prefix/lib \
          gjs -m "$tmp/installed.js" 2>&1)
    if [ "$out" = "99.88" ]; then
      ok "the installed gjs module share/pbscore/gjs/pbs.js scores: $out"
    else
      fail "the installed gjs module share/pbscore/gjs/pbs.js: $out"
    fi
  fi
fi

finish
