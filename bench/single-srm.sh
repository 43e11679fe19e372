#!/usr/bin/env bash
# The pre-commit path: one SRM checked by a fresh process, wall time of the
# whole process. Prints the median, min and max of N runs (default 50) for a
# clean fixture and for one client of the example portfolio.
# Target: median under 50 ms on a 2-core machine.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-50}"
cargo build --release --quiet
python3 - "$runs" <<'PY'
import statistics, subprocess, sys, time
runs = int(sys.argv[1])
cases = {
    "rules/unknown-owner/pass (HIPAA, 22 controls)": "fixtures/rules/unknown-owner/pass/srm.yaml",
    "portfolio hybrid client (ISO 27001 + CMMC L2, 203 controls)": "fixtures/portfolio/clients/acme-manufacturing/srm.yaml",
}
for name, path in cases.items():
    cmd = ["target/release/srmcheck", "--color", "never", "check", "--as-of", "2026-11-22", path]
    subprocess.run(cmd, capture_output=True)  # warm the page cache
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, capture_output=True)
        times.append((time.perf_counter() - start) * 1000)
    print(f"{name}: median {statistics.median(times):.1f} ms, "
          f"min {min(times):.1f} ms, max {max(times):.1f} ms over {runs} runs")
PY

# Instruction counts are repeatable whatever else the machine is doing.
if command -v valgrind >/dev/null; then
  for path in fixtures/rules/unknown-owner/pass/srm.yaml fixtures/portfolio/clients/acme-manufacturing/srm.yaml; do
    valgrind --tool=callgrind --callgrind-out-file=/dev/null \
      target/release/srmcheck --color never check --as-of 2026-11-22 "$path" 2>&1 >/dev/null \
      | sed -n "s|.*I *refs: *|$path: instructions |p"
  done
fi
