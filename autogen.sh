#!/bin/sh
# autogen.sh - generate configure and Makefile.in from a git checkout.
# Needs autoconf, automake, libtool, autoconf-archive, pkg-config,
# libglib2.0-dev and gobject-introspection (for introspection.m4);
# build-aux/bootstrap.sh installs them on Debian.
set -e
cd "$(dirname "$0")"
mkdir -p m4
autoreconf --force --install --verbose
echo "Now configure out of tree, e.g.: mkdir _build && cd _build && ../configure"
