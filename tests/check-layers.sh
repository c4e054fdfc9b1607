#!/bin/sh
# check-layers.sh - libpbscore reads one way (doc/architecture.md)
#
# Every file of lib/ has one layer, listed once in tests/layers.txt. The
# check fails when
#  1. a source file includes a private header of a higher layer;
#  2. an object file uses a symbol defined in a higher layer (read with nm
#     from the built objects);
#  3. files of one layer use each other in a loop (a -> b -> a, or longer);
#  4. a file of lib/ or a built object has no layer.
#
#   tests/check-layers.sh              check the build tree (make check)
#   tests/check-layers.sh --self-test  build a tiny tree with an upward
#                                      include, an upward call and a loop,
#                                      and check that all three are caught
#
# make check passes top_srcdir, top_builddir, CC and NM in the environment.
# Run by hand from the source tree, the build tree is the README's _build/.
srcdir=${top_srcdir:-$(dirname "$0")/..}
builddir=${top_builddir:-$srcdir/_build}
NM=${NM:-nm}
CC=${CC:-cc}

# check TABLE SRCDIR OBJDIR PREFIX: prints one line per violation, exits 1
# when there is any; 77 when the includes are right but there is no built
# object to read the symbol uses from (then they are not checked).
check () {
  table=$1 src=$2 objdir=$3 prefix=$4
  tmp=$(mktemp -d "${TMPDIR:-/tmp}/pbs-layers.XXXXXX") || exit 99
  # shellcheck disable=SC2064
  trap "rm -rf '$tmp'" EXIT

  # symbols: "D file symbol" for definitions, "U file symbol" for uses
  : >"$tmp/syms"
  found=0
  for o in "$objdir"/"$prefix"*.o; do
    [ -f "$o" ] || continue
    found=1
    name=$(basename "$o" .o)
    name=${name#"$prefix"}
    # an object left from a source file that is gone is not the library's
    case $name in pbs-enum-types) ;; *) [ -f "$src/$name.c" ] || continue ;; esac
    # $NM may carry flags of its own (libtool's "nm -B"); -P comes last
    # shellcheck disable=SC2086
    $NM -P "$o" >"$tmp/nm" || { echo "check-layers: $NM -P $o failed"; return 2; }
    awk -v f="$name" '
      $2 ~ /^[TDBRVWG]$/ { print "D", f, $1 }
      $2 == "U"          { print "U", f, $1 }' "$tmp/nm" >>"$tmp/syms"
  done
  if [ "$found" = 0 ]; then
    echo "check-layers: no objects $objdir/$prefix*.o: the includes are checked, the symbol uses"
    echo "check-layers: are not (build the library first, or set top_builddir)"
  fi

  # includes: "I file header" for every #include "…" of lib/
  : >"$tmp/incs"
  for f in "$src"/*.c "$src"/*.h; do
    [ -f "$f" ] || continue
    base=$(basename "$f")
    case $base in *.c) base=${base%.c} ;; esac
    sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"\([^"]*\)".*/\1/p' "$f" |
      while read -r h; do echo "I $base $h"; done >>"$tmp/incs"
    echo "F $base" >>"$tmp/incs"
  done

  awk '
    FNR == 1 { part++ }
    part == 1 {
      sub(/#.*/, "")
      if (NF == 0) next
      if ($1 in layer) { print "layers.txt lists " $1 " twice"; bad++ }
      layer[$1] = $2 + 0; name[$2 + 0] = $3
      next
    }
    part == 2 && $1 == "D" { def[$3] = $2; files[$2] = 1; next }
    part == 2 && $1 == "U" { nuse++; uf[nuse] = $2; us[nuse] = $3; files[$2] = 1; next }
    part == 3 && $1 == "F" {
      if (!($2 in layer) && $2 !~ /^pbs-enum-types/ && $2 != "config.h") {
        print "lib/" $2 ": no layer in tests/layers.txt"; bad++
      }
      next
    }
    part == 3 && $1 == "I" {
      if (($3 in layer) && ($2 in layer) && layer[$3] > layer[$2]) {
        print "lib/" $2 " (layer " layer[$2] ") includes " $3 " of the higher layer " layer[$3]
        bad++
      }
      next
    }
    END {
      for (f in files)
        if (!(f in layer)) { print f ".o: no layer in tests/layers.txt"; bad++ }
      for (i = 1; i <= nuse; i++) {
        f = uf[i]; s = us[i]
        if (!(s in def) || !(f in layer)) continue
        g = def[s]
        if (g == f || !(g in layer)) continue
        if (layer[g] > layer[f]) {
          if (!((f, g) in up)) {
            up[f, g] = 1
            print f " (layer " layer[f] ") uses " s " of " g " (the higher layer " layer[g] ")"
            bad++
          }
        } else if (layer[g] == layer[f] && !((f, g) in edge)) {
          edge[f, g] = 1; reach[f, g] = 1
        }
      }
      # loops inside a layer: the transitive closure of same-layer uses
      n = 0
      for (f in files) if (f in layer) node[++n] = f
      for (k = 1; k <= n; k++)
        for (i = 1; i <= n; i++)
          if ((node[i], node[k]) in reach)
            for (j = 1; j <= n; j++)
              if ((node[k], node[j]) in reach) reach[node[i], node[j]] = 1
      for (i = 1; i <= n; i++)
        for (j = i + 1; j <= n; j++)
          if (((node[i], node[j]) in reach) && ((node[j], node[i]) in reach)) {
            a = node[i]; b = node[j]
            if (a > b) { a = node[j]; b = node[i] }
            print a " and " b " (layer " layer[a] ") use each other in a loop"
            bad++
          }
      exit bad > 0
    }' "$table" "$tmp/syms" "$tmp/incs" || return 1
  [ "$found" = 1 ] || return 77
}

self_test () {
  t=$(mktemp -d "${TMPDIR:-/tmp}/pbs-layers-self.XXXXXX") || exit 99
  # shellcheck disable=SC2064
  trap "rm -rf '$t'" EXIT
  mkdir "$t/lib"
  cat >"$t/layers.txt" <<'EOF'
low         0 base
low-priv.h  0 base
high        1 top
high-priv.h 1 top
peer-a      1 top
peer-b      1 top
EOF
  echo 'int high_fn (void); int high_fn (void) { return 1; }' >"$t/lib/high.c"
  echo 'int high_fn (void);' >"$t/lib/high-priv.h"
  printf '#include "high-priv.h"\nint low_fn (void); int low_fn (void) { return high_fn (); }\n' >"$t/lib/low.c"
  echo 'int b_fn (void); int a_fn (void); int a_fn (void) { return b_fn (); }' >"$t/lib/peer-a.c"
  echo 'int a_fn (void); int b_fn (void); int b_fn (void) { return a_fn (); }' >"$t/lib/peer-b.c"
  for c in "$t"/lib/*.c; do
    "$CC" -c "$c" -o "$t/lib/x-$(basename "$c" .c).o" || exit 99
  done
  out=$(check "$t/layers.txt" "$t/lib" "$t/lib" x-)
  st=$?
  echo "$out"
  failures=0
  [ "$st" = 1 ] || { echo "not ok - the check passed a tree that breaks the layers"; failures=1; }
  echo "$out" | grep -q 'low (layer 0) includes high-priv.h' ||
    { echo "not ok - an upward include was not caught"; failures=1; }
  echo "$out" | grep -q 'low (layer 0) uses high_fn of high' ||
    { echo "not ok - an upward call was not caught"; failures=1; }
  echo "$out" | grep -q 'peer-a and peer-b (layer 1) use each other in a loop' ||
    { echo "not ok - a loop inside a layer was not caught"; failures=1; }
  if [ "$failures" = 0 ]; then
    echo "ok - an upward include, an upward call and a loop are caught"
  fi
  return "$failures"
}

passed=0 failed=0
if (self_test); then passed=$((passed + 1)); else failed=$((failed + 1)); fi
if [ "${1:-}" = --self-test ]; then
  echo "$passed passed, $failed failed"
  exit "$failed"
fi

if [ -d "$builddir/lib/.libs" ]; then
  objdir=$builddir/lib/.libs
else
  objdir=$builddir/lib
fi
(check "$srcdir/tests/layers.txt" "$srcdir/lib" "$objdir" libpbscore_la-)
st=$?
if [ "$st" = 0 ]; then
  echo "ok - libpbscore reads one way (tests/layers.txt)"
  passed=$((passed + 1))
elif [ "$st" = 77 ]; then
  echo "ok - libpbscore's includes read one way; # SKIP the symbol uses: no built objects"
  echo "$passed passed, $failed failed, 1 skipped"
  exit 77
else
  echo "not ok - libpbscore breaks its layers (doc/architecture.md)"
  failed=$((failed + 1))
fi
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
