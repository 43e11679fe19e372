#!/usr/bin/env bash
# Regenerates docs/report-client.png, the README's screenshot of the HTML
# report: the example portfolio's SaaS client as headless Chromium shows it
# at 1280x1600. Run from anywhere; needs chromium (Debian: apt-get install
# chromium). SRMCHECK names the binary to use (default: cargo run).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"
out="$(mktemp -d)"
profile="$(mktemp -d)"
trap 'rm -rf "$out" "$profile"' EXIT
${SRMCHECK:-cargo run --quiet --} report fixtures/portfolio --as-of 2026-11-22 --out "$out"
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --hide-scrollbars --user-data-dir="$profile" \
  --screenshot="$repo/docs/report-client.png" --window-size=1280,1600 \
  "file://$out/clients/brightdesk.html" 2>/dev/null
echo "wrote docs/report-client.png"
