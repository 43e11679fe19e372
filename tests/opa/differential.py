"""The built-in pack in the real OPA engine, against srmcheck on the same SRMs.

    python differential.py SRMCHECK POLICIES AS_OF SRM...

Loads every policy of POLICIES (tests left out) into OPA, evaluates each
SRM rule's `deny` and each assessment's `result` on the policy input that
`SRMCHECK input` prints for the SRM, and compares them with what
`SRMCHECK check --format json` finds: the findings as (rule, message,
pointer), the assessments as JSON. Prints one line per SRM that differs
and a summary; exits 1 on any difference, 2 when OPA refuses the pack.
"""

import json
import pathlib
import re
import subprocess
import sys

from opa_bindings.engine import OpaEngine, OpaError


def load_pack(engine, folder):
    """Adds the pack to `engine`; returns {package: rule id} of the SRM rules
    and the assessment names."""
    rules, assessments = {}, []
    for path in sorted(folder.glob("*.rego")):
        if path.name.endswith("_test.rego"):
            continue
        text = path.read_text()
        engine.add_policy(path.name, text)
        package = re.search(r"^package ([\w.]+)", text, re.M).group(1)
        if package.startswith("srmcheck.rules."):
            rules[package] = re.search(r"^#\s+id:\s*(\S+)", text, re.M).group(1)
        elif package.startswith("srmcheck.assess."):
            assessments.append(package.removeprefix("srmcheck.assess."))
    return rules, assessments


def query(engine, expression, policy_input):
    """The value of `expression`, or None when it is undefined."""
    rows = engine.eval_query(f"x := {expression}", input=policy_input)
    return rows[0]["x"] if rows else None


def opa_view(engine, rules, assessments, policy_input):
    findings = set()
    for package, rule in rules.items():
        for item in query(engine, f"data.{package}.deny", policy_input) or []:
            findings.add((rule, item["msg"], item.get("pointer", "")))
    results = {}
    for name in assessments:
        value = query(engine, f"data.srmcheck.assess.{name}.result", policy_input)
        if value is not None:
            results[name] = value
    return findings, results


def srmcheck_view(binary, as_of, files, rules):
    """Per file: srmcheck's findings of the SRM rules and its assessments."""
    run = subprocess.run(
        [binary, "check", "--as-of", as_of, "--format", "json", "--fail-on", "never", *files],
        capture_output=True,
        text=True,
    )
    report = json.loads(run.stdout)
    srm_rules = set(rules.values())
    views = {file: (set(), {}) for file in files}
    # A finding may point into another file (the provider, a vendor's
    # responsibilities): it belongs to the SRM it names.
    file_of = {srm["name"]: srm["file"] for srm in report["srms"]}
    for finding in report["findings"]:
        file = file_of.get(finding.get("srm"))
        if finding["rule"] in srm_rules and file in views:
            views[file][0].add((finding["rule"], finding["message"], finding.get("pointer", "")))
    for srm in report["srms"]:
        if srm["file"] in views:
            views[srm["file"]][1].update(srm.get("assessments") or {})
    return views


def main():
    binary, policies, as_of, *files = sys.argv[1:]
    engine = OpaEngine()
    try:
        rules, assessments = load_pack(engine, pathlib.Path(policies))
        query(engine, "data.srmcheck", {})
    except OpaError as error:
        print(f"OPA refuses the pack: {error}")
        return 2
    ours = srmcheck_view(binary, as_of, files, rules)
    differ, findings = 0, 0
    for file in files:
        policy_input = json.loads(
            subprocess.run(
                [binary, "input", "--as-of", as_of, file], capture_output=True, check=True
            ).stdout
        )
        theirs = opa_view(engine, rules, assessments, policy_input)
        findings += len(theirs[0])
        if theirs[0] != ours[file][0]:
            differ += 1
            print(f"{file}: findings differ")
            for finding in sorted(theirs[0] - ours[file][0]):
                print(f"  only OPA:      {finding}")
            for finding in sorted(ours[file][0] - theirs[0]):
                print(f"  only srmcheck: {finding}")
        for name in sorted(set(theirs[1]) | set(ours[file][1])):
            if theirs[1].get(name) != ours[file][1].get(name):
                differ += 1
                print(f"{file}: assessment {name} differs")
                print(f"  OPA:      {json.dumps(theirs[1].get(name), sort_keys=True)[:2000]}")
                print(f"  srmcheck: {json.dumps(ours[file][1].get(name), sort_keys=True)[:2000]}")
    print(f"{len(files)} SRMs, {findings} findings from OPA, {differ} differences")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
