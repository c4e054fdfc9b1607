#!/bin/sh
# check-header.sh - the public headers as a client sees them
#
# 1. <pbscore/pbscore.h> alone compiles as strict C99 with every warning an
#    error (-std=c99 -Wall -Wextra -Werror -pedantic).
# 2. Every other public header refuses to be included directly (#error),
#    since clients include only <pbscore/pbscore.h>.
#
# make check passes CC, PBS_HEADER_CPPFLAGS (the -I flags of the build and
# source include/ directories) and GLIB_CFLAGS in the environment.
CC=${CC:-cc}
srcdir=${top_srcdir:-$(dirname "$0")/..}
builddir=${top_builddir:-.}
: "${PBS_HEADER_CPPFLAGS:=-I$builddir/include -I$srcdir/include}"
: "${GLIB_CFLAGS:=$(pkg-config --cflags gio-2.0 2>/dev/null)}"
strict="-std=c99 -Wall -Wextra -Werror -pedantic"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/pbs-header.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0

ok ()   { passed=$((passed + 1)); echo "ok - $*"; }
fail () { failed=$((failed + 1)); echo "not ok - $*"; }

# 1. the umbrella header alone
echo '#include <pbscore/pbscore.h>' >"$tmp/umbrella.c"
# shellcheck disable=SC2086
if $CC $strict $PBS_HEADER_CPPFLAGS $GLIB_CFLAGS -c "$tmp/umbrella.c" -o "$tmp/umbrella.o" >"$tmp/err" 2>&1; then
  ok "<pbscore/pbscore.h> compiles with $strict"
else
  fail "<pbscore/pbscore.h> does not compile with $strict:"
  cat "$tmp/err"
fi

# 2. direct inclusion of any other public header must hit the #error guard
headers=$( { ls "$srcdir"/include/pbscore/*.h; ls "$builddir"/include/pbscore/*.h; } 2>/dev/null |
           sed 's|.*/||' | LC_ALL=C sort -u | grep -v '^pbscore\.h$')
if [ -z "$headers" ]; then
  fail "no public headers found under $srcdir/include/pbscore"
fi
for h in $headers; do
  printf '#include <glib-object.h>\n#include <pbscore/%s>\n' "$h" >"$tmp/direct.c"
  # shellcheck disable=SC2086
  if $CC $strict $PBS_HEADER_CPPFLAGS $GLIB_CFLAGS -c "$tmp/direct.c" -o "$tmp/direct.o" >"$tmp/err" 2>&1; then
    fail "<pbscore/$h> can be included directly"
  elif grep -q 'Only <pbscore/pbscore.h> can be included directly' "$tmp/err"; then
    ok "<pbscore/$h> refuses direct inclusion"
  else
    fail "<pbscore/$h> fails to compile, but not at its #error guard:"
    cat "$tmp/err"
  fi
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
