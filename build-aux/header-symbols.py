#!/usr/bin/python3
"""Print the symbols pbscore's public headers declare as exported, sorted.

Usage: build-aux/header-symbols.py [SRCDIR]

Every function declared after PBS_AVAILABLE_IN_x_y (including the
*_get_type of a G_DECLARE_*_TYPE), plus pbs_get_version from
pbs-version.h.in, plus one *_get_type per enumeration that glib-mkenums
turns into a GType. tests/check-symbols.sh compares this with
lib/pbscore.symbols, so a function declared but never defined is caught
even after `make update-symbols`.
"""
import glob
import os
import re
import sys

srcdir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..")
incdir = os.path.join(srcdir, "include", "pbscore")
NOT_ENUM_SOURCES = {"pbscore.h", "pbs-macros.h", "pbs-version.h", "pbs-enum-types.h"}


def strip_comments(text):
    return re.sub(r"/\*.*?\*/", " ", text, flags=re.S)


def camel_to_snake(name):
    # glib-mkenums' default: PbsRoundingMode -> pbs_rounding_mode
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", "_", name).lower()


symbols = set()
for path in sorted(glob.glob(os.path.join(incdir, "*.h")) +
                   glob.glob(os.path.join(incdir, "*.h.in"))):
    base = os.path.basename(path)
    if base in ("pbs-enum-types.h", "pbs-version.h"):
        continue  # generated: pbs-version.h.in and the enums stand for them
    raw = open(path, encoding="utf-8").read()
    text = strip_comments(raw)
    for m in re.finditer(r"\bPBS_AVAILABLE_IN_\d+_\d+\s+([^;]*?)\(", text):
        decl = m.group(1)
        if re.match(r"\s*G_DECLARE_\w+_TYPE\s*$", decl):
            args = text[m.end():].split(",")
            symbols.add(args[1].strip() + "_get_type")
        else:
            symbols.add(re.findall(r"(\w+)\s*$", decl)[0])
    if base not in NOT_ENUM_SOURCES and base.endswith(".h"):
        # enums: typedef enum [/*< flags >*/] { ... } Name;  (comments kept
        # out of the match by stripping them first)
        for m in re.finditer(r"typedef\s+enum\s*\w*\s*\{[^}]*\}\s*(\w+)\s*;", text):
            symbols.add(camel_to_snake(m.group(1)) + "_get_type")

print("\n".join(sorted(symbols)))
