#!/bin/sh
# update-debian-symbols.sh - rewrite debian/libpbscore0.symbols (the
# dpkg-gensymbols file of the Debian package) from lib/pbscore.symbols.
#
# Usage: build-aux/update-debian-symbols.sh [SRCDIR]
#
# Run after every change to lib/pbscore.symbols (`make update-symbols` runs
# it too); tests/check-debian-symbols.sh, part of make check, fails while
# the two lists differ. A symbol already in the Debian file keeps the
# version it appeared in; a new one gets the version in configure.ac's
# AC_INIT (the first release that will have it). A removed symbol is an
# ABI break: this script drops it and says so, and the soname must change.
set -e
srcdir=${1:-$(cd "$(dirname "$0")/.." && pwd)}
list=$srcdir/lib/pbscore.symbols
ac=$srcdir/configure.ac

m4val () { sed -n -E "s/^m4_define\(\[$1\], *\[([0-9]+)\]\).*/\1/p" "$ac"; }
shval () { sed -n -E "s/^$1=([0-9]+)\$/\1/p" "$ac"; }
version=$(m4val pbs_major_version).$(m4val pbs_minor_version).$(m4val pbs_micro_version)
soname=$(( $(shval LT_CURRENT) - $(shval LT_AGE) ))
case $version in
  *[!0-9.]*|.*|*..*|*.) echo "update-debian-symbols: cannot read the version from $ac" >&2; exit 1 ;;
esac

pkg=libpbscore$soname
out=$srcdir/debian/$pkg.symbols
if [ ! -f "$out" ] && [ -n "$(ls "$srcdir"/debian/libpbscore[0-9]*.symbols 2>/dev/null)" ]; then
  echo "update-debian-symbols: the soname is now libpbscore.so.$soname: rename the package" \
       "libpbscore0 to $pkg in debian/control and its files, then run this again" >&2
  exit 1
fi

old=$(mktemp "${TMPDIR:-/tmp}/pbs-debsym.XXXXXX")
trap 'rm -f "$old" "$old.new"' EXIT
# "name version" of every symbol the Debian file already lists
if [ -f "$out" ]; then
  sed -n -E 's/^ ([^@ ]+)@Base ([^ ]+)$/\1 \2/p' "$out" >"$old"
fi

{
  echo "libpbscore.so.$soname $pkg #MINVER#"
  echo "* Build-Depends-Package: libpbscore-dev"
  LC_ALL=C sort -u "$list" | awk -v v="$version" -v old="$old" '
    BEGIN { while ((getline line < old) > 0) { split(line, f, " "); since[f[1]] = f[2] } }
    NF { print " " $1 "@Base " (($1 in since) ? since[$1] : v) }'
} >"$old.new"

removed=$(awk 'NR == FNR { keep[$1]; next } !($1 in keep) { print $1 }' "$list" "$old")
if [ -n "$removed" ]; then
  echo "update-debian-symbols: removed from the ABI (the soname must change):" >&2
  echo "$removed" | sed 's/^/  /' >&2
fi
mv -f "$old.new" "$out"
echo "  wrote debian/$pkg.symbols: $(grep -c '@Base' "$out") symbols"
