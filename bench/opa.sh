#!/usr/bin/env bash
# srmcheck's policy evaluation against the real OPA engine on the same inputs.
# Generates the 100-client portfolio (seed 7) under target/bench-portfolio/100
# (unless it is there), writes the policy input of each SRM (`srmcheck
# input`), then times:
#   - in-process: one OPA engine (the one embedded in the PyPI wheel
#     `opa-golib-python-bindings`, from the virtualenv ~/.cache/srmcheck-opa or
#     $SRMCHECK_OPA_PYTHON) evaluating every input, beside srmcheck's RVM
#     evaluating the same inputs (examples/rule_profile.rs, its batch part);
#   - one process per file: a fresh OPA process per input file, beside
#     `srmcheck check SRM` per SRM file.
# Both evaluate the whole built-in pack (every rule's `deny`, every
# assessment's `result`, every library's `facts`) as one query per SRM.
# Writes bench/results/opa.md (or --results FILE).
#
# usage: bench/opa.sh [--runs 3] [--per-process 20] [--results FILE]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=3 per=20 results=bench/results/opa.md
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2" ;;
    --per-process) per="$2" ;;
    --results) results="$2" ;;
    -h | --help) awk 'NR > 1 && /^#/ { print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) echo "opa.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift 2
done
python="${SRMCHECK_OPA_PYTHON:-$HOME/.cache/srmcheck-opa/bin/python}"
if ! "$python" -c 'import opa_bindings.engine' 2>/dev/null; then
  echo "opa.sh: no opa_bindings for $python; install it as tests/opa/differential.py says" >&2
  exit 2
fi
cargo build --release --quiet --bin srmcheck --example generate_portfolio --example rule_profile
portfolio=target/bench-portfolio/100 inputs=target/bench-portfolio/opa-inputs
if [ ! -d "$portfolio/clients" ]; then
  target/release/examples/generate_portfolio --clients 100 --seed 7 --out "$portfolio" >/dev/null
fi
rm -rf "$inputs" && mkdir -p "$inputs"
for srm in "$portfolio"/clients/*/srm.yaml; do
  name=$(basename "$(dirname "$srm")")
  target/release/srmcheck --color never input "$srm" --as-of 2026-11-22 >"$inputs/$name.json"
done
"$python" bench/opa.py policies "$inputs" "$portfolio" "$runs" "$per" "$results"
