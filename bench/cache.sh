#!/usr/bin/env bash
# Cached reruns: generates the 1,000-client portfolio (seed 7) under
# target/bench-cache/, then times, in alternating rounds,
#   uncached: srmcheck check DIR --no-cache
#   cold:     the cache folder removed first (every file checked and stored)
#   warm:     the unchanged portfolio again (every file from the cache)
#   changed:  after one client's SRM changed (that client checked again, the
#             portfolio rules re-run over every client)
# each `srmcheck --color never check DIR --as-of 2026-11-22 --format json
# --cache-dir CACHE > /dev/null` (exit 1 expected: the planted defects), and
# checks that every case prints the same findings as the uncached run. Wall
# times are medians of the rounds, quoted with the load average; the table
# is printed and written to bench/results/cache.md (or --results FILE).
#
# usage: bench/cache.sh [--clients 1000] [--runs 5] [--seed 7] [--profile release]
#                       [--results FILE]
#   --profile debug: the dev build (quicker to build, slower to run), labelled so.
set -euo pipefail
cd "$(dirname "$0")/.."
clients=1000 runs=5 seed=7 profile=release results=bench/results/cache.md
while [ $# -gt 0 ]; do
  case "$1" in
    --clients) clients="$2" ;;
    --runs) runs="$2" ;;
    --seed) seed="$2" ;;
    --profile) profile="$2" ;;
    --results) results="$2" ;;
    -h | --help) awk 'NR > 1 && /^#/ { print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) echo "cache.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift 2
done
case "$profile" in
  release) cargo build --release --quiet --bin srmcheck --example generate_portfolio; bin=target/release ;;
  debug) cargo build --quiet --bin srmcheck --example generate_portfolio; bin=target/debug ;;
  *) echo "cache.sh: --profile is release or debug" >&2; exit 2 ;;
esac
python3 - "$clients" "$runs" "$seed" "$results" "$bin" <<'PY'
import datetime, json, os, shutil, statistics, subprocess, sys, time

clients, runs, seed, results = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
bin_dir = sys.argv[5]
root, as_of = "target/bench-cache", "2026-11-22"
out, cache = os.path.join(root, "portfolio"), os.path.join(root, "cache")
shutil.rmtree(root, ignore_errors=True)
os.makedirs(root)
gen = subprocess.run([f"{bin_dir}/examples/generate_portfolio", "--clients", str(clients),
                      "--seed", str(seed), "--out", out], check=True, capture_output=True, text=True)
print(f"generated: {gen.stdout.strip()}", flush=True)
srms = sorted(os.path.join(d, f) for d, _, fs in os.walk(out) for f in fs if f == "srm.yaml")
changed_srm = srms[len(srms) // 2]

def command(cached):
    cmd = [f"{bin_dir}/srmcheck", "--color", "never", "check", out, "--as-of", as_of,
           "--format", "json", "--verbose"]
    return cmd + (["--cache-dir", cache] if cached else ["--no-cache"])

def run(cached):
    start = time.perf_counter()
    done = subprocess.run(command(cached), capture_output=True, text=True)
    wall = time.perf_counter() - start
    if done.returncode != 1:
        sys.exit(f"exit {done.returncode}: {done.stderr}")
    stats = next((l for l in done.stderr.splitlines() if l.startswith("cache: ")), "")
    return wall, json.loads(done.stdout), stats

def findings(document):
    return json.dumps({k: document[k] for k in ("summary", "findings", "problems", "srms")})

samples = {name: [] for name in ("uncached", "cold", "warm", "changed")}
stats_seen = {}
for i in range(runs):
    wall, reference, _ = run(False)
    samples["uncached"].append(wall)
    shutil.rmtree(cache, ignore_errors=True)
    for name in ("cold", "warm", "changed"):
        if name == "changed":
            with open(changed_srm, "a") as f:
                f.write(f"# edited in round {i + 1}\n")
            _, reference, _ = run(False)
        wall, document, stats = run(True)
        if findings(document) != findings(reference):
            sys.exit(f"{name}: the cached run's findings differ from the uncached run's")
        samples[name].append(wall)
        stats_seen[name] = stats
    print(f"  round {i + 1}/{runs}: " + ", ".join(f"{k} {v[-1]:.2f} s" for k, v in samples.items()),
          flush=True)

def sh(cmd):
    return subprocess.run(cmd, shell=True, capture_output=True, text=True).stdout.strip()

entries = [os.path.join(d, f) for d, _, fs in os.walk(cache) for f in fs if f.endswith(".json")]
size = sum(os.path.getsize(e) for e in entries)
load = " ".join(open("/proc/loadavg").read().split()[:3])
cpu = sh("grep -m1 'model name' /proc/cpuinfo | cut -d: -f2").strip()
targets = {"warm": "under 0.5 s", "changed": "under 1 s"}
rows = []
for name, walls in samples.items():
    median = statistics.median(walls)
    rows.append(f"| {name} | {runs} | {median:.2f} s | {min(walls):.2f} s | {max(walls):.2f} s | "
                f"{targets.get(name, '')} | {stats_seen.get(name, '').removeprefix('cache: ')} |")
lines = [
    "# Cached reruns",
    "",
    f"Written by `bench/cache.sh --clients {clients} --runs {runs} --seed {seed}"
    f"{'' if bin_dir.endswith('release') else ' --profile debug'}` on "
    f"{datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC.",
    "",
    f"- machine: {sh('nproc')} cores ({cpu}), load average at the end {load}",
    f"- {sh('rustc --version')}; srmcheck at {sh('git rev-parse --short HEAD') or 'unknown'}, "
    f"{'release' if bin_dir.endswith('release') else 'dev (debug) build: srmcheck unoptimised, dependencies at opt-level 2'}",
    f"- `srmcheck --color never check DIR --as-of {as_of} --format json --cache-dir CACHE`, "
    f"{clients:,} clients ({len(srms):,} SRMs); rounds alternate the cases: uncached "
    "(`--no-cache`), cold (cache removed), warm (unchanged), changed (one SRM edited)",
    f"- every case's findings, problems and assessments equal the uncached run's",
    f"- the cache: {len(entries):,} entries, {size / 1024 / 1024:.1f} MiB",
    "",
    "| run | runs | median | min | max | target | cache (last round) |",
    "|---|---|---|---|---|---|---|",
    *rows,
    "",
]
text = "\n".join(lines) + "\n"
os.makedirs(os.path.dirname(results) or ".", exist_ok=True)
open(results, "w").write(text)
shutil.rmtree(root, ignore_errors=True)
print()
print(text, end="")
PY
