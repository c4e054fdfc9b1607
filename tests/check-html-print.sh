#!/bin/bash
# tests/check-html-print.sh PBSCORE - the Xishan report as HTML, printed
#
# Run by .ci/run (not by make check: Chromium takes seconds to start).
# Renders examples/xishan-2024.yaml with `PBSCORE report --format html`
# (under --columns full and official), prints each page with headless
# Chromium to PDF (A4 landscape, from the page's @page rule) and reads the
# PDF with poppler-utils (pdfinfo, pdftotext):
#   - every page is A4 landscape;
#   - the first page holds the title and the first indicator row;
#   - no page is blank, and no page holds only headings (h1/h2 texts).
# Exits 77 (skip) when chromium or poppler-utils are missing, except under
# CI (CI set and not empty), where their absence fails; 1 on a bad page.
set -u
pbscore=${1:?usage: tests/check-html-print.sh PBSCORE}
srcdir=$(cd "$(dirname "$0")/.." && pwd)
xishan=$srcdir/examples/xishan-2024.yaml
title=昆明市西山区政务服务管理局2024年部门整体支出绩效自评表
# the first indicator row: the start of its name (a cell may wrap) and its
# actual value
first_row=依托省政务服务平台
first_actual=1163项

chromium=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$chromium" ] || ! command -v pdftotext >/dev/null || ! command -v pdfinfo >/dev/null; then
  if [ -n "${CI:-}" ]; then
    echo "FAIL: chromium, pdftotext or pdfinfo missing (apt-get install chromium fonts-noto-cjk poppler-utils)"
    exit 1
  fi
  echo "SKIP: chromium or poppler-utils missing"
  exit 77
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
st=0
fail () { echo "FAIL: $*"; st=1; }

for columns in full official; do
  html=$tmp/xishan-$columns.html
  pdf=$tmp/xishan-$columns.pdf
  LC_ALL=C.UTF-8 "$pbscore" report --format html --columns "$columns" --output "$html" "$xishan" ||
    { fail "$columns: pbscore report failed"; continue; }
  HOME=$tmp timeout 300 "$chromium" --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
    --user-data-dir="$tmp/profile" --print-to-pdf="$pdf" "file://$html" >"$tmp/chromium.log" 2>&1
  if [ ! -s "$pdf" ]; then
    cat "$tmp/chromium.log"
    fail "$columns: chromium wrote no PDF"
    continue
  fi
  pages=$(pdfinfo "$pdf" | awk '/^Pages:/ { print $2 }')
  echo "$columns: $pages pages"
  # the headings of the page, one per line, to tell a heading-only page
  grep -o '<h[12]>[^<]*</h[12]>' "$html" | sed -e 's/<[^>]*>//g' >"$tmp/headings"
  for ((p = 1; p <= pages; p++)); do
    size=$(pdfinfo -f "$p" -l "$p" "$pdf" | awk '/^Page.*size:/ { print $4, $6; exit }')
    read -r w h <<<"$size"
    awk -v w="$w" -v h="$h" 'BEGIN { exit !(w > 841 && w < 843 && h > 594 && h < 596) }' ||
      fail "$columns: page $p is $w x $h pt, not A4 landscape"
    pdftotext -f "$p" -l "$p" -layout "$pdf" "$tmp/page.txt"
    sed -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//' "$tmp/page.txt" | grep -v '^$' >"$tmp/lines" || true
    if [ ! -s "$tmp/lines" ]; then
      fail "$columns: page $p is blank"
      continue
    fi
    if ! grep -v -x -F -f "$tmp/headings" "$tmp/lines" >/dev/null; then
      fail "$columns: page $p holds only a heading: $(tr '\n' ' ' <"$tmp/lines")"
    fi
    if [ "$p" -eq 1 ]; then
      grep -q -F "$title" "$tmp/lines" || fail "$columns: the title is not on page 1"
      { grep -q -F "$first_row" "$tmp/lines" && grep -q -F "$first_actual" "$tmp/lines"; } ||
        fail "$columns: the first indicator row ($first_row…, $first_actual) is not on page 1"
    fi
  done
done
[ "$st" -eq 0 ] && echo "ok: the printed Xishan report starts its table on page 1, no blank or heading-only page"
exit "$st"
