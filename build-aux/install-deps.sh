#!/bin/sh
# install-deps.sh - install the Debian packages pbscore's build, tests and CI
# need (Debian 12). Uses sudo when not run as root. gi-docgen builds the API
# reference (--enable-docs, and make distcheck); gjs runs tests/test_gjs.js.
# With --ci (.ci/run), also the tools that build, check and test the Debian
# packages (tests/check-debian-packages.sh), LibreOffice for the workbook
# and Chromium, its CJK fonts and poppler-utils for the printed HTML
# (tests/check-html-print.sh); debian/control's Build-Depends
# are all in the first list.
set -e
pkgs="build-essential pkg-config autoconf automake libtool autoconf-archive
      libglib2.0-dev libyaml-dev libcunit1-dev libjson-glib-dev
      gobject-introspection libgirepository1.0-dev python3 python3-gi
      valgrind clang libclang-rt-14-dev
      gi-docgen gjs
      libgsf-1-dev libxml2-dev libfreexl-dev libxlsxwriter-dev
      python3-openpyxl python3-xlwt python3-docx python3-yaml"
if [ "${1:-}" = --ci ]; then
  pkgs="$pkgs
      debhelper devscripts lintian dh-python autopkgtest libreoffice-calc-nogui
      chromium fonts-noto-cjk poppler-utils"
fi

if [ "$(id -u)" -eq 0 ]; then
  as_root=""
elif command -v sudo >/dev/null 2>&1; then
  as_root="sudo"
else
  echo "install-deps: not root and no sudo; install these packages: $pkgs" >&2
  exit 1
fi

# shellcheck disable=SC2086
if ! { $as_root apt-get update -qq &&
       $as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
         --no-install-recommends $pkgs >/dev/null; }; then
  # Offline or a broken mirror: good enough if everything is already there.
  missing=""
  for p in $pkgs; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' ||
      missing="$missing $p"
  done
  if [ -n "$missing" ]; then
    echo "install-deps: apt-get failed and these packages are missing:$missing" >&2
    exit 1
  fi
  echo "install-deps: apt-get failed, but every package is already installed" >&2
fi
