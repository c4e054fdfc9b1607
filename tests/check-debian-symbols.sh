#!/bin/sh
# check-debian-symbols.sh - debian/libpbscore0.symbols lists exactly the
# names of lib/pbscore.symbols, with the soname of configure.ac.
#
# tests/check-symbols.sh holds lib/pbscore.symbols to the library; this
# holds the Debian package's symbols file to lib/pbscore.symbols, so that
# a symbol added or removed cannot leave the package behind. The fix is
# always build-aux/update-debian-symbols.sh (`make update-symbols` runs it).
# Skipped (exit 77) where there is no debian/ folder: the release tarball.
srcdir=${top_srcdir:-$(dirname "$0")/..}
list=$srcdir/lib/pbscore.symbols
[ -d "$srcdir/debian" ] || { echo "skip - no debian/ folder in $srcdir"; exit 77; }

set -- "$srcdir"/debian/libpbscore[0-9]*.symbols
deb=$1
passed=0 failed=0
ok ()   { passed=$((passed + 1)); echo "ok - $*"; }
fail () { failed=$((failed + 1)); echo "not ok - $*"; }

if [ $# -ne 1 ] || [ ! -f "$deb" ]; then
  fail "expected one debian/libpbscoreN.symbols file, found: $*"
  echo "$passed passed, $failed failed"
  exit 1
fi
name=${deb##*/}

ac=$srcdir/configure.ac
cur=$(sed -n -E 's/^LT_CURRENT=([0-9]+)$/\1/p' "$ac")
age=$(sed -n -E 's/^LT_AGE=([0-9]+)$/\1/p' "$ac")
soname=libpbscore.so.$((cur - age))
if [ "$(head -n 1 "$deb")" = "$soname libpbscore$((cur - age)) #MINVER#" ] &&
   [ "$name" = "libpbscore$((cur - age)).symbols" ]; then
  ok "debian/$name is for $soname (configure.ac's LT_CURRENT - LT_AGE)"
else
  fail "debian/$name does not start with '$soname libpbscore$((cur - age)) #MINVER#'"
fi

want=$(mktemp "${TMPDIR:-/tmp}/pbs-debsym.XXXXXX") || exit 99
have=$(mktemp "${TMPDIR:-/tmp}/pbs-debsym.XXXXXX") || exit 99
trap 'rm -f "$want" "$have"' EXIT
LC_ALL=C sort -u "$list" | sed '/^$/d' >"$want"
# symbol lines: " name@Base version"; every other line is a header or a tag
sed -n -E 's/^ ([^@ ]+)@Base [^ ]+$/\1/p' "$deb" | LC_ALL=C sort >"$have"
n=$(wc -l <"$want" | tr -d ' ')
if LC_ALL=C sort -u "$have" | cmp -s - "$have" && cmp -s "$want" "$have"; then
  ok "debian/$name lists the $n symbols of lib/pbscore.symbols, each once"
else
  fail "debian/$name differs from lib/pbscore.symbols ('-' missing, '+' extra or repeated):"
  diff -u --label lib/pbscore.symbols --label "debian/$name" "$want" "$have"
  echo "Run build-aux/update-debian-symbols.sh (or make update-symbols) and commit debian/$name."
fi
# every line is a header, a tag or a well-formed symbol line
bad=$(sed -n -E '1d; /^\* [A-Za-z-]+: /d; /^ [A-Za-z_][A-Za-z0-9_]*@Base [0-9][0-9.~+]*$/d; p' "$deb")
if [ -z "$bad" ]; then
  ok "every line of debian/$name is well formed"
else
  fail "malformed lines in debian/$name:"
  echo "$bad"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
