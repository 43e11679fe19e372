#!/usr/bin/env bash
# Portfolio scale: generates portfolios of 100, 1,000 and 10,000 clients (fixed
# seed) under target/bench-portfolio/, then times for each size the full check
#   srmcheck --color never check DIR --no-cache --as-of 2026-11-22 --format json > /dev/null
# (exit 1 expected: the planted defects) and the parse-only floor
# (examples/parse_only.rs: the same files read and parsed, nothing resolved or
# evaluated). Wall time (median, min, max), CPU time (user + system, median),
# peak RSS, clients per second, the ratio full / parse-only and the 10,000 /
# 1,000 ratios of wall and CPU time; with `perf` on the machine, the
# instructions each run executed too (`perf stat -e instructions:u`), which
# repeat within a fraction of a percent where times on a shared machine do
# not. The table is printed and written to bench/results/portfolio.md (or
# --results FILE).
#
# With --callgrind (for machines where `perf` counts nothing), the smallest
# size is also run under valgrind's callgrind (bench/callgrind.py): the
# instructions of the full check on one thread and of the parse-only floor,
# their ratio, the split of the check by stage, and the per-rule profile
# (examples/rule_profile.rs: instructions per SRM of each rule, assessment
# and library on its own, sorted by cost), appended to the results. Callgrind
# is about 50x slower than the program: a few minutes at 100 clients.
#
# usage: bench/portfolio.sh [--sizes 100,1000,10000] [--runs 5] [--runs-large 3] [--seed 7]
#                           [--results FILE] [--callgrind]
#   --runs-large: runs for sizes of 10,000 clients and more.
#   Quick mode: bench/portfolio.sh --sizes 100,1000
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=100,1000,10000 runs=5 runs_large=3 seed=7 results=bench/results/portfolio.md callgrind=no
while [ $# -gt 0 ]; do
  case "$1" in
    --callgrind) callgrind=yes; shift; continue ;;
    --sizes) sizes="$2" ;;
    --runs) runs="$2" ;;
    --runs-large) runs_large="$2" ;;
    --seed) seed="$2" ;;
    --results) results="$2" ;;
    -h | --help) awk 'NR > 1 && /^#/ { print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) echo "portfolio.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift 2
done
cargo build --release --quiet --bin srmcheck --example generate_portfolio --example parse_only \
  --example rule_profile
python3 - "$sizes" "$runs" "$runs_large" "$seed" "$results" <<'PY'
import datetime, os, statistics, subprocess, sys, time

sizes = [int(s) for s in sys.argv[1].split(",")]
runs, runs_large, seed = int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
results = sys.argv[5]
root, as_of = "target/bench-portfolio", "2026-11-22"
os.makedirs(root, exist_ok=True)
rss_file = os.path.join(root, "rss")
time_bin = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None
perf_file = os.path.join(root, "perf")

def perf_works():
    try:
        done = subprocess.run(["perf", "stat", "-x,", "-e", "instructions:u", "-o", perf_file,
                               "true"], capture_output=True)
    except OSError:
        return False
    return done.returncode == 0 and "instructions" in open(perf_file).read()

use_perf = perf_works()
# Without GNU time: a fresh Python process runs the command, so that its
# RUSAGE_CHILDREN peak is that command's alone, and times it itself.
WRAPPER = """
import resource, subprocess, sys, time
start = time.perf_counter()
code = subprocess.run(sys.argv[2:], stdout=subprocess.DEVNULL).returncode
wall = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
open(sys.argv[1], "w").write(f"{wall} {usage.ru_utime + usage.ru_stime} {usage.ru_maxrss}")
sys.exit(code)
"""

def measure(cmd, expected):
    """Wall seconds, CPU seconds, peak RSS (KiB) and instructions (None without
    perf) of one run of `cmd`, stdout discarded."""
    if time_bin:
        wrapped = [time_bin, "-f", "%U %S %M", "-o", rss_file] + cmd
    else:
        wrapped = [sys.executable, "-c", WRAPPER, rss_file] + cmd
    if use_perf:
        wrapped = ["perf", "stat", "-x,", "-e", "instructions:u", "-o", perf_file] + wrapped
    start = time.perf_counter()
    done = subprocess.run(wrapped, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - start
    if done.returncode != expected:
        sys.exit(f"{' '.join(cmd)}: exit {done.returncode}, expected {expected}\n{done.stderr[-2000:]}")
    words = open(rss_file).read().split()[-3:]
    if time_bin:
        cpu = float(words[0]) + float(words[1])
    else:
        wall, cpu = float(words[0]), float(words[1])
    instructions = None
    if use_perf:
        for line in open(perf_file):
            fields = line.split(",")
            if len(fields) > 2 and fields[2].startswith("instructions") and fields[0].isdigit():
                instructions = int(fields[0])
    return wall, cpu, int(words[2]), instructions

def sh(cmd):
    return subprocess.run(cmd, shell=True, capture_output=True, text=True).stdout.strip()

rows, medians, cpu_medians, instr_medians = [], {}, {}, {}
for size in sizes:
    out = os.path.join(root, str(size))
    subprocess.run(["rm", "-rf", out], check=True)
    gen = subprocess.run(["target/release/examples/generate_portfolio", "--clients", str(size),
                          "--seed", str(seed), "--out", out], check=True, capture_output=True, text=True)
    print(f"generated: {gen.stdout.strip()}", flush=True)
    n = runs_large if size >= 10000 else runs
    cases = [
        ("full check", ["target/release/srmcheck", "--color", "never", "check", out,
                        "--no-cache", "--as-of", as_of, "--format", "json"], 1),
        ("parse only", ["target/release/examples/parse_only", out], 0),
    ]
    floor = subprocess.run(cases[1][1], check=True, capture_output=True, text=True).stdout
    files = floor.split()[0]
    for name, cmd, expected in cases:
        samples = []
        for i in range(n):
            samples.append(measure(cmd, expected))
            print(f"  {size} clients, {name}, run {i + 1}/{n}: {samples[-1][0]:.2f} s", flush=True)
        walls = [w for w, _, _, _ in samples]
        median = statistics.median(walls)
        medians[(size, name)] = median
        cpu_medians[(size, name)] = statistics.median(c for _, c, _, _ in samples)
        counted = [i for _, _, _, i in samples if i is not None]
        instructions = "n/a"
        if counted:
            instr_medians[(size, name)] = statistics.median(counted)
            instructions = f"{instr_medians[(size, name)] / 1e9:,.1f} G"
        rows.append(f"| {size:,} | {files} | {name} | {n} | {median:.2f} s | {min(walls):.2f} s | "
                    f"{max(walls):.2f} s | {cpu_medians[(size, name)]:.2f} s | {instructions} | "
                    f"{size / median:,.0f} | {max(r for _, _, r, _ in samples) / 1024:,.0f} MiB |")

cpu = sh("grep -m1 'model name' /proc/cpuinfo | cut -d: -f2").strip()
mem = int(sh("grep MemTotal /proc/meminfo").split()[1]) / 1024 / 1024
load = " ".join(open("/proc/loadavg").read().split()[:3])
lines = [
    "# Portfolio benchmark",
    "",
    f"Written by `bench/portfolio.sh --sizes {','.join(map(str, sizes))} --runs {runs} "
    f"--runs-large {runs_large} --seed {seed}` on "
    f"{datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC.",
    "",
    f"- machine: {sh('nproc')} cores ({cpu}), {mem:.1f} GiB memory, load average at the end "
    f"{load}",
    f"- {sh('rustc --version')}; srmcheck at {sh('git rev-parse --short HEAD') or 'unknown'}",
    f"- full check: `srmcheck --color never check DIR --no-cache --as-of {as_of} --format json > /dev/null`; "
    "parse only: `examples/parse_only.rs DIR` (the same files read and parsed in parallel, "
    "nothing resolved or evaluated)",
    f"- CPU time (user + system) and peak RSS from "
    f"{'GNU time (%U, %S, %M)' if time_bin else 'getrusage(RUSAGE_CHILDREN)'}; "
    "peak RSS is the largest of the runs",
    "- instructions: " + ("`perf stat -e instructions:u`, median of the runs" if use_perf
                          else "n/a (no usable `perf` on this machine)"),
    "",
    "| clients | files | run | runs | median | min | max | CPU (median) | instructions | clients/s | peak RSS |",
    "|---|---|---|---|---|---|---|---|---|---|---|",
    *rows,
    "",
]
for size in sizes:
    ratio = medians[(size, "full check")] / medians[(size, "parse only")]
    line = f"- {size:,} clients: full check / parse only = {ratio:.1f} by wall time"
    if (size, "full check") in instr_medians and (size, "parse only") in instr_medians:
        by_instructions = instr_medians[(size, "full check")] / instr_medians[(size, "parse only")]
        line += f", {by_instructions:.2f} by instructions"
    lines.append(line)
if 1000 in sizes and 10000 in sizes:
    for name in ("full check", "parse only"):
        ratio = medians[(10000, name)] / medians[(1000, name)]
        cpu = cpu_medians[(10000, name)] / cpu_medians[(1000, name)]
        line = f"- 10,000 / 1,000 clients, {name}: wall time ratio {ratio:.1f}, CPU time ratio {cpu:.1f}"
        if (10000, name) in instr_medians and (1000, name) in instr_medians:
            line += f", instructions ratio {instr_medians[(10000, name)] / instr_medians[(1000, name)]:.2f}"
        lines.append(line + " (10.0 is linear)")
text = "\n".join(lines) + "\n"
os.makedirs(os.path.dirname(results) or ".", exist_ok=True)
open(results, "w").write(text)
print()
print(text, end="")
PY
if [ "$callgrind" = yes ]; then
  smallest=$(tr , '\n' <<<"$sizes" | sort -n | head -1)
  python3 bench/callgrind.py "target/bench-portfolio/$smallest" "$smallest" "$results"
fi
