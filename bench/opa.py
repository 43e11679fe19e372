"""srmcheck's evaluation against the real OPA engine on the same inputs, for
bench/opa.sh (which documents the cases).

    python3 bench/opa.py POLICIES INPUTS_DIR SRM_DIR RUNS PER_PROCESS RESULTS
    python3 bench/opa.py --one POLICIES INPUT.json      (one process, one input)
"""

import datetime
import glob
import json
import os
import pathlib
import re
import statistics
import subprocess
import sys
import time

from opa_bindings.engine import OpaEngine

AS_OF = "2026-11-22"
QUERY = "x := data.srmcheck_profile_batch.srm"


def batch_module(packages):
    """The batch srmcheck evaluates per SRM (as examples/rule_profile.rs
    writes it): every rule's `deny`, assessment's `result`, library's `facts`."""
    def facts_of(package):
        name = package.removeprefix("srmcheck.")
        portfolio = name == "lib.portfolio" or name.startswith("lib.portfolio.")
        return package.startswith("srmcheck.") and not portfolio and name.startswith(("lib.", "assess."))
    deny = "".join(f'\t"{p}": data.{p}.deny,\n' for p in packages if p.startswith("srmcheck.rules."))
    assess = "".join(f'\t"{p.removeprefix("srmcheck.assess.")}": [r | r := data.{p}.result],\n'
                     for p in packages if p.startswith("srmcheck.assess."))
    facts = "".join(f'\t"{p.removeprefix("srmcheck.")}": [f | f := data.{p}.facts],\n'
                    for p in packages if facts_of(p))
    return ("package srmcheck_profile_batch\n\nimport rego.v1\n\n"
            f'srm := {{"deny": {{\n{deny}}}, "assess": {{\n{assess}}}, "facts": {{\n{facts}}}}}\n')


def engine_with_pack(folder):
    engine = OpaEngine()
    packages = []
    for path in sorted(pathlib.Path(folder).glob("*.rego")):
        if path.name.endswith("_test.rego"):
            continue
        text = path.read_text()
        engine.add_policy(path.name, text)
        packages.append(re.search(r"^package ([\w.]+)", text, re.M).group(1))
    engine.add_policy("batch.rego", batch_module(packages))
    return engine


def inputs_of(path):
    value = json.load(open(path))
    return value if isinstance(value, list) else [value]


def one(folder, path):
    """One process: load the pack, evaluate one file's inputs."""
    engine = engine_with_pack(folder)
    for policy_input in inputs_of(path):
        engine.eval_query(QUERY, input=policy_input)


def in_process(folder, inputs, runs):
    """Seconds per run of OPA evaluating every input in one engine (after a
    first evaluation that prepares the query), and of encoding them as JSON."""
    engine = engine_with_pack(folder)
    engine.eval_query(QUERY, input=inputs[0])
    times, encode = [], []
    for _ in range(runs):
        start = time.perf_counter()
        for policy_input in inputs:
            engine.eval_query(QUERY, input=policy_input)
        times.append(time.perf_counter() - start)
        start = time.perf_counter()
        for policy_input in inputs:
            json.dumps(policy_input)
        encode.append(time.perf_counter() - start)
    return statistics.median(times), statistics.median(encode)


def srmcheck_in_process(folder, files, runs):
    """Seconds per run of srmcheck's RVM evaluating every input in one process
    (the batch part of examples/rule_profile.rs)."""
    times = []
    for _ in range(runs):
        out = subprocess.run(["target/release/examples/rule_profile", folder, *files],
                             capture_output=True, text=True, check=True).stdout
        line = next(l for l in out.splitlines() if l.startswith("data.srmcheck_profile_batch."))
        times.append(float(line.split("\t")[2]) / 1000)
    return statistics.median(times)


def per_process(cmds, expected):
    """Median seconds of one process per command."""
    times = []
    for cmd in cmds:
        start = time.perf_counter()
        done = subprocess.run(cmd, capture_output=True)
        times.append(time.perf_counter() - start)
        if done.returncode not in expected:
            sys.exit(f"{' '.join(cmd)}: exit {done.returncode}\n{done.stderr[-2000:]}")
    return statistics.median(times)


def sh(cmd):
    return subprocess.run(cmd, shell=True, capture_output=True, text=True).stdout.strip()


def main():
    folder, inputs_dir, srm_dir, runs, per, results = sys.argv[1:7]
    runs, per = int(runs), int(per)
    files = sorted(glob.glob(os.path.join(inputs_dir, "*.json")))
    inputs = [i for f in files for i in inputs_of(f)]
    srms = sorted(glob.glob(os.path.join(srm_dir, "clients", "*", "srm.yaml")))
    load_start = " ".join(open("/proc/loadavg").read().split()[:3])
    opa, encode = in_process(folder, inputs, runs)
    ours = srmcheck_in_process(folder, files, runs)
    opa_one = per_process([[sys.executable, __file__, "--one", folder, f] for f in files[:per]], {0})
    ours_one = per_process([["target/release/srmcheck", "--color", "never", "check", s, "--no-cache",
                             "--as-of", AS_OF, "--format", "json"] for s in srms[:per]], {0, 1})
    load_end = " ".join(open("/proc/loadavg").read().split()[:3])
    n = len(inputs)
    cpu = sh("grep -m1 'model name' /proc/cpuinfo | cut -d: -f2").strip()
    version = sh(f"{sys.executable} -m pip show opa-golib-python-bindings 2>/dev/null"
                 " | grep ^Version | cut -d' ' -f2")
    lines = [
        "# srmcheck against OPA on the same inputs",
        "",
        f"Written by `bench/opa.sh --runs {runs} --per-process {per}` on "
        f"{datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC.",
        "",
        f"- machine: {sh('nproc')} cores ({cpu}), "
        f"load average {load_start} at the start, {load_end} at the end",
        f"- OPA: the engine embedded in `opa-golib-python-bindings` "
        f"{version}; "
        f"srmcheck at {sh('git rev-parse --short HEAD') or 'unknown'}",
        f"- inputs: the policy input (`srmcheck input`) of each of the {n} SRMs of the generated "
        "portfolio (seed 7); both engines evaluate the same batch of every SRM rule's `deny`, "
        "every assessment's `result` and every library's `facts` (one query per SRM)",
        "",
        "| case | OPA | srmcheck | OPA / srmcheck |",
        "|---|---|---|---|",
        f"| in-process, one engine, {n} inputs (median of {runs} runs) | {opa:.2f} s "
        f"({opa / n * 1000:.1f} ms per SRM) | {ours:.2f} s ({ours / n * 1000:.1f} ms per SRM) | "
        f"**{opa / ours:.1f}x** |",
        f"| one process per file (median of {per} files) | {opa_one * 1000:.0f} ms | "
        f"{ours_one * 1000:.0f} ms | **{opa_one / ours_one:.1f}x** |",
        "",
        f"- OPA in-process includes encoding each input as JSON for the engine ({encode:.2f} s "
        f"of the {opa:.2f} s in Python's `json.dumps`): without it, "
        f"{(opa - encode) / ours:.1f}x.",
        "- srmcheck in-process: the RVM evaluating the compiled batch over the same inputs "
        "(`examples/rule_profile.rs`, its last part), input values built before the clock starts.",
        "- one process per file: OPA in a fresh Python process that loads the pack and evaluates "
        "one file's input; srmcheck, `srmcheck check SRM --no-cache --format json` on the SRM file (it also "
        "reads the YAML, resolves it and builds the input).",
        "",
    ]
    text = "\n".join(lines)
    os.makedirs(os.path.dirname(results) or ".", exist_ok=True)
    open(results, "w").write(text)
    print(text, end="")


if __name__ == "__main__":
    if sys.argv[1] == "--one":
        one(sys.argv[2], sys.argv[3])
    else:
        main()
