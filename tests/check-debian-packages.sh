#!/bin/sh
# check-debian-packages.sh - pbscore as Debian packages, from build to purge
#
#  1. copies the source tree (git's tracked and unignored files; no build
#     tree, no generated configure) to _deb/src/pbscore-VERSION/, so that
#     dpkg-buildpackage writes its .deb files to _deb/src/ and the source
#     tree stays clean;
#  2. dpkg-buildpackage -us -uc -b there (make check runs in dh_auto_test;
#     DEB_BUILD_OPTIONS gets parallel=2); the log is _deb/build.log;
#  3. lintian on the .changes: fails on any error or warning that
#     debian/*.lintian-overrides does not override;
#  4. apt-get install ./_deb/src/*.deb (waiting for the dpkg lock);
#  5. debian/tests/* (autopkgtest's tests) run against the installed
#     packages, with autopkgtest's null runner when it is installed;
#  6. purges the packages again, whatever happened before.
#
# Run by .ci/run as root (apt-get). Needs debhelper, devscripts, lintian,
# dh-python, autopkgtest and the Build-Depends of debian/control
# (build-aux/install-deps.sh installs them). Not part of make check.
# Prints "ok"/"not ok" lines and "N passed, N failed"; exits non-zero on a
# failure. _deb/ stays for its logs; KEEP_DEB=1 leaves the packages installed.
srcdir=$(cd "$(dirname "$0")/.." && pwd) || exit 99
work=$srcdir/_deb
passed=0 failed=0
ok ()   { passed=$((passed + 1)); echo "ok - $*"; }
fail () { failed=$((failed + 1)); echo "not ok - $*"; }

packages=$(sed -n 's/^Package: *//p' "$srcdir/debian/control")
installed_here=no
finish () {
  if [ "$installed_here" = yes ] && [ "${KEEP_DEB:-0}" != 1 ]; then
    # only what dpkg knows: apt-get refuses a name it has never seen
    # shellcheck disable=SC2086
    known=$(dpkg-query -W -f='${Package}\n' $packages 2>/dev/null | tr '\n' ' ')
    # shellcheck disable=SC2086
    if { [ -z "$known" ] ||
         apt-get purge -y -qq -o DPkg::Lock::Timeout=600 $known >"$work/purge.log" 2>&1; } &&
       ! dpkg-query -W -f='${db:Status-Abbrev} ${Package}\n' $packages 2>/dev/null |
           grep -qv -e '^un ' -e '^pn '; then
      ok "apt-get purge: none of the packages is left"
    else
      fail "apt-get purge failed or left packages:"
      tail -n 20 "$work/purge.log"
    fi
  fi
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ]
  exit $?
}

[ "$(id -u)" -eq 0 ] || { fail "must run as root (apt-get install)"; finish; }
for tool in dpkg-buildpackage lintian apt-get; do
  command -v "$tool" >/dev/null 2>&1 || { fail "no $tool (build-aux/install-deps.sh)"; finish; }
done

# 1. a copy of the tree
version=$(cd "$srcdir" && dpkg-parsechangelog -S Version)
tree=$work/src/pbscore-$version
rm -rf "$work"
mkdir -p "$tree" || exit 99
if git -C "$srcdir" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  # tracked and untracked-but-not-ignored files that exist (a deleted
  # tracked file is still listed by ls-files)
  # shellcheck disable=SC2016
  (cd "$srcdir" && git ls-files -z --cached --others --exclude-standard |
     xargs -0 sh -c 'for f; do [ -e "$f" ] && printf "%s\0" "$f"; done' sh |
     tar --null -T - -cf -) | tar -xf - -C "$tree"
else
  (cd "$srcdir" && tar --exclude='./_*' --exclude=./.git -cf - .) | tar -xf - -C "$tree"
fi
if [ -f "$tree/debian/control" ] && [ ! -e "$tree/_build" ]; then
  ok "copied the source tree to _deb/src/pbscore-$version"
else
  fail "copying the source tree to $tree"
  finish
fi

# the built packages, less the -dbgsym ones (detached debugging symbols)
built_debs () {
  for d in "$work"/src/*.deb; do
    case $d in *-dbgsym_*) ;; *) [ -f "$d" ] && echo "$d" ;; esac
  done
}

# 2. build
t0=$(date +%s)
if (cd "$tree" &&
    DEB_BUILD_OPTIONS="parallel=2${DEB_BUILD_OPTIONS:+ $DEB_BUILD_OPTIONS}" \
      dpkg-buildpackage -us -uc -b) >"$work/build.log" 2>&1; then
  ok "dpkg-buildpackage -us -uc -b ($(( $(date +%s) - t0 )) s, make check included):" \
     "$(built_debs | sed 's|.*/||' | tr '\n' ' ')"
else
  fail "dpkg-buildpackage failed (_deb/build.log):"
  tail -n 120 "$work/build.log"
  finish
fi
grep -E '^# (TOTAL|PASS|SKIP|XFAIL|FAIL|XPASS|ERROR):' "$work/build.log" | sed 's/^/  make check /'
# the build ran in the copy: nothing new, not even ignored, in debian/
if git -C "$srcdir" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  left=$(git -C "$srcdir" status --porcelain --ignored -- debian | grep '^!!' | head -n 5)
  [ -z "$left" ] || fail "files in the source tree's debian/ that git ignores: $left"
fi

# 3. lintian
changes=$(ls "$work"/src/*.changes)
if lintian --fail-on error,warning --display-level '>=pedantic' \
     "$changes" >"$work/lintian.log" 2>&1; then
  ok "lintian: no error, no warning ($(grep -c '^[IPX]: ' "$work/lintian.log") info/pedantic tags)"
else
  fail "lintian found errors or warnings:"
fi
grep -E '^[EWIPXO]: ' "$work/lintian.log" | sort | uniq | head -n 60

# 4. install (not the -dbgsym packages)
debs=$(built_debs)
# shellcheck disable=SC2086
if env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
     -o DPkg::Lock::Timeout=600 $debs >"$work/install.log" 2>&1; then
  installed_here=yes
  ok "apt-get install ./_deb/src/*.deb"
else
  installed_here=yes
  fail "apt-get install of the packages failed:"
  tail -n 40 "$work/install.log"
  finish
fi

# 5. the autopkgtests against the installed packages. The two commands the
#    README promises run first in a bare environment, as in a new shell.
if env -i PATH=/usr/local/bin:/usr/bin:/bin HOME="$HOME" LANG=C.UTF-8 sh -c \
     'pbscore report /usr/share/doc/pbscore/examples/xishan-2024.yaml' >"$work/report.out" 2>&1 &&
   grep -q '99.88' "$work/report.out"; then
  ok "pbscore report /usr/share/doc/pbscore/examples/xishan-2024.yaml in a bare environment"
else
  fail "pbscore report on the installed example:"
  tail -n 20 "$work/report.out"
fi
if env -i PATH=/usr/bin:/bin HOME="$HOME" /usr/bin/python3 -c \
     "import gi; gi.require_version('Pbs','1.0'); from gi.repository import Pbs; print(Pbs.get_version())" \
     >"$work/import.out" 2>&1; then
  ok "/usr/bin/python3 imports gi.repository.Pbs $(cat "$work/import.out") in a bare environment"
else
  fail "/usr/bin/python3 cannot import gi.repository.Pbs:"
  cat "$work/import.out"
fi

tests=$(sed -n 's/^Tests: *//p' "$tree/debian/tests/control" | tr ',' ' ')
if command -v autopkgtest >/dev/null 2>&1; then
  # -B: test the installed packages, build nothing
  if (cd "$work" && autopkgtest -B --output-dir "$work/autopkgtest" \
        "$tree" -- null) >"$work/autopkgtest.log" 2>&1; then
    ok "autopkgtest -B … -- null: $(grep -cE '^[a-z0-9-]+ +PASS' "$work/autopkgtest/summary")" \
       "of $(echo "$tests" | wc -w) tests passed"
  else
    fail "autopkgtest -B … -- null failed:"
    cat "$work/autopkgtest/summary" 2>/dev/null
    tail -n 60 "$work/autopkgtest.log"
  fi
  [ -f "$work/autopkgtest/summary" ] && sed 's/^/  /' "$work/autopkgtest/summary"
else
  for t in $tests; do
    mkdir -p "$work/tmp-$t"
    if (cd "$tree" && AUTOPKGTEST_TMP=$work/tmp-$t "debian/tests/$t") >"$work/test-$t.log" 2>&1; then
      ok "debian/tests/$t"
    else
      fail "debian/tests/$t:"
      tail -n 40 "$work/test-$t.log"
    fi
  done
fi

# 6. purge (in finish)
finish
