#!/bin/sh
# bootstrap.sh - from a fresh clone to a built library and its example:
# installs the Debian packages (sudo if not root), runs autogen.sh,
# configures out of tree in _build/, builds, and prints the seed department's
# scored self-evaluation table (pbscore report examples/xishan-2024.yaml).
#
# Set PBS_SKIP_DEPS=1 to skip the package step, PBS_CONFIGURE_FLAGS to
# pass more options to configure.
set -e
cd "$(dirname "$0")/.."

if [ "${PBS_SKIP_DEPS:-0}" != 1 ]; then
  echo "== installing Debian packages"
  ./build-aux/install-deps.sh
fi

echo "== autogen"
./autogen.sh >autogen.log 2>&1 || { cat autogen.log; exit 1; }

echo "== configure (_build)"
mkdir -p _build
cd _build
if [ ! -f config.status ]; then
  # shellcheck disable=SC2086
  ../configure --enable-introspection ${PBS_CONFIGURE_FLAGS:-}
fi

echo "== make"
make -j2

echo "== pbscore report examples/xishan-2024.yaml"
cd ..
_build/tools/pbscore report examples/xishan-2024.yaml
