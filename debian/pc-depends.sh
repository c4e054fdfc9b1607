#!/bin/sh
# pc-depends.sh PC-FILE - the Debian packages holding the .pc files that
# PC-FILE's Requires and Requires.private name, as a Depends list
# ("libglib2.0-dev, libyaml-dev"). `pkg-config --cflags pbscore-1.0` needs
# every one of them, private or not, so libpbscore-dev must depend on them.
# Run by debian/rules (dh_gencontrol); a module that no installed package
# provides is an error, not a silent gap in the dependencies.
set -e
pc=$1
[ -f "$pc" ] || { echo "pc-depends: no such file: $pc" >&2; exit 1; }
# Requires lines: module names with optional version constraints,
# separated by commas and/or blanks.
modules=$(sed -n -E 's/^Requires(\.private)?:[[:space:]]*//p' "$pc" |
          tr ',' ' ' | tr -s ' \t' '\n' |
          grep -E '^[A-Za-z_][A-Za-z0-9_.+-]*$' || true)
deps=""
for m in $modules; do
  path=$(pkg-config --path "$m") || { echo "pc-depends: no .pc for $m" >&2; exit 1; }
  pkg=$(dpkg-query -S "$path" | head -n 1 | sed 's/[:,].*//')
  [ -n "$pkg" ] || { echo "pc-depends: no package owns $path" >&2; exit 1; }
  deps="$deps
$pkg"
done
echo "$deps" | sed '/^$/d' | LC_ALL=C sort -u | paste -sd, - | sed 's/,/, /g'
