#!/usr/bin/env python3
"""Generate the shipped framework catalogs and crosswalks under frameworks/.

Usage (from the repository root):

    python3 tools/gen_frameworks.py [DATA_DIR] [--check]

DATA_DIR defaults to frameworks/sources in the repository. It holds
the raw reference data (OSCAL catalogs, CSV/JSON lists, mapping tables) with a
README.md and PROVENANCE.json describing where every file comes from.

The generator

* reads only that raw data (Python 3.11 standard library, no third-party code),
* writes frameworks/<name>.yaml (kind: Framework), frameworks/mappings/*.yaml
  (kind: Mapping) and frameworks/README.md, byte-for-byte deterministic,
* cross-checks every catalog against the id,title,family lists in
  DATA_DIR/summary/ and against fixed expected counts, and exits non-zero if
  a count or an id set does not match (titles too, apart from the documented
  differences listed below),
* with --check writes nothing and exits non-zero if a file on disk differs
  from what would be generated (useful in CI).

Every raw file used for a catalog's source URL must match its sha256 in
PROVENANCE.json: a changed file without an updated provenance entry is an
error, so the attribution shipped in the catalogs cannot go stale.

All YAML is written by hand: every string scalar is double-quoted with
backslash and double quote escaped, so ids such as 164.308(a)(1) and titles
containing ": " or "#" are safe.

Data decisions (each one is also enforced by a check below):

* ISO/IEC 27001:2022: ids and short titles only. The control text is
  copyrighted and is never read or written. One source typo is corrected
  (A.7.6 "Working In secure areas" -> "Working in secure areas").
* SP 800-171 Rev 2: titles are the requirement text from the OSCAL JSON
  (public domain). 3.1.9 is missing there and is taken from
  summary/nist-800-171-rev2.csv. Three PDF artefacts are repaired
  (see R2_TITLE_FIXES). summary/nist-800-171-rev2.csv differs from the
  SP 800-171r2 wording for a few requirements (it carries the CMMC v2.13
  rephrasing and PDF artefacts); those ids are listed in R2_SUMMARY_DIFFS.
* DoD Assessment Methodology weights: 1, 3 or 5 per requirement, except
  3.12.4 (system security plan), which the methodology does not score (no
  SSP means no assessment can be completed); the source gives it 0 and it is
  shipped as weight 0. The weights sum to 313, so 110 - 313 = -203 is the
  minimum score.
* CMMC 2.0 v2.13: Level 1 and Level 2 only (Level 3 is left out). Practice
  titles lose the "[FCI Data]" / "[CUI Data]" markers and three titles cut by
  a PDF line break are repaired (CMMC_TITLE_FIXES). Level 1 practices carry
  their December 2021 (CMMC 2.0 model v2.0) ids as aliases: that model had
  17 Level 1 practices, because FAR b.1.ix corresponds to three SP 800-171
  requirements (3.10.3, 3.10.4, 3.10.5); PE.L1-b.1.ix therefore has three
  aliases and the other 14 have one each.
* SP 800-171 Rev 3 and CSF 2.0: the OSCAL files list families/categories out
  of order; controls are emitted in official order (sort-id). CSF 2.0 items
  carried over from CSF 1.1 and withdrawn have no status flag in this file;
  an active subcategory is one with at least one implementation example.
* HIPAA: standards, safeguard families and ids come from the OSCAL catalog
  (ids as written there, e.g. 164.310(a); where 45 CFR cites the standard
  with a trailing "(1)", e.g. 164.310(a)(1), that citation is an alias). The
  catalog does not list implementation specifications as such, so they are
  taken from 45 CFR 164.308-316 (HIPAA_SPECS) and checked against the
  catalog's "Implementation Specification (...)" entries, which mark every
  addressable specification.

Relationship vocabulary of the crosswalks (MAPPING_RELATIONSHIPS): the
shipped set is equivalent, subset-of, superset-of, intersects, related.
NIST OLIR wording maps as: "equal" -> equivalent, "subset of" -> subset-of,
"superset of" -> superset-of, "intersects with"/"intersect" -> intersects,
"not related to" -> pair dropped. SP 800-171r2 Appendix D gives no
set-theoretic relationship (basic requirements are mapped as a group to the
controls they come from), so its pairs are "related". CMMC Level 2 practices
are the SP 800-171r2 requirements themselves: "equivalent".
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import re
import sys
import textwrap
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO / "frameworks" / "sources"
OUT_DIR = REPO / "frameworks"
GENERATOR = "tools/gen_frameworks.py"
OSCAL_NS = "{http://csrc.nist.gov/ns/oscal/1.0}"

# --------------------------------------------------------------------------
# Source files (relative to the data dir)
# --------------------------------------------------------------------------
F_ISO = "catalogs/iso27001-2022/annex-a-ids-titles.csv"
F_ISO_CLAUSES = "catalogs/iso27001-2022/clauses-ids-headings.csv"
F_53 = "catalogs/nist-800-53-rev5/NIST_SP-800-53_rev5_catalog_5.0.1.json"
F_53_PROFILES = {
    "low": "catalogs/nist-800-53-rev5/NIST_SP-800-53_rev5_LOW-baseline_profile.json",
    "moderate": "catalogs/nist-800-53-rev5/NIST_SP-800-53_rev5_MODERATE-baseline_profile.json",
    "high": "catalogs/nist-800-53-rev5/NIST_SP-800-53_rev5_HIGH-baseline_profile.json",
    "privacy": "catalogs/nist-800-53-rev5/NIST_SP-800-53_rev5_PRIVACY-baseline_profile.json",
}
F_171R2 = "catalogs/nist-800-171-rev2/tbusillo_nist-800-171-rev2.json"
F_171R3 = "catalogs/nist-800-171-rev3/NIST_SP800-171_rev3_catalog.xml"
F_CSF = "catalogs/nist-csf-2.0/NIST_CSF_v2.0_catalog.xml"
F_CMMC = "catalogs/cmmc-2.0/acep-uaf_cmmc_2.13_controls_by_control.csv"
F_HIPAA = "catalogs/hipaa/oscal-compass_hipaa-2.0.0_catalog.json"
F_WEIGHTS = "mappings/nist-800-171r2_to_800-53r4_with-dod-weights.json"
F_MAP_53_ISO = "mappings/nist-800-53r5_to_iso27001-2022.csv"
F_MAP_CSF_ISO = "mappings/nist-csf-2.0_to_iso27001-2022.csv"
S_ISO = "summary/iso27001-2022-annexA_ids-titles.csv"
S_53 = "summary/nist-800-53-rev5.0.1.csv"
S_53_BASELINES = "summary/nist-800-53-rev5.1.1-baselines.csv"
S_171R2 = "summary/nist-800-171-rev2.csv"
S_171R3 = "summary/nist-800-171-rev3.csv"
S_CSF = "summary/nist-csf-2.0.csv"
S_CMMC = "summary/cmmc-2.0-v2.13_acep-uaf.csv"
S_CMMC_DEC2021 = "summary/cmmc-2.0-dec2021-naming.csv"
S_HIPAA = "summary/hipaa-security-rule-standards.csv"

USGOV_LICENCE = (
    "US Government work, not subject to copyright in the United States (17 U.S.C. 105); "
    "CC0 1.0 waiver elsewhere (usnistgov/oscal-content LICENSE.md). Source: National "
    "Institute of Standards and Technology."
)
OLIR_URL = "https://csrc.nist.gov/projects/olir/informative-reference-catalog"

# --------------------------------------------------------------------------
# Expected counts (the checks fail if the data disagrees)
# --------------------------------------------------------------------------
EXPECTED_COUNTS = {
    "iso27001-2022": 123,
    "cmmc-2.0": 125,
    "nist-800-171r2": 110,
    "nist-800-171r3": 97,
    "nist-800-53r5": 1007,
    "nist-csf-2.0": 106,
    "hipaa-security": 22,
}
# CSF 2.0 categories in the order of the published Core (NIST CSWP 29, Appendix A).
CSF_CATEGORY_ORDER = [
    "GV.OC", "GV.RM", "GV.RR", "GV.PO", "GV.OV", "GV.SC",
    "ID.AM", "ID.RA", "ID.IM",
    "PR.AA", "PR.AT", "PR.DS", "PR.PS", "PR.IR",
    "DE.CM", "DE.AE",
    "RS.MA", "RS.AN", "RS.CO", "RS.MI",
    "RC.RP", "RC.CO",
]
# The leaf requirements of ISO/IEC 27001:2022 clauses 4-10, the ids the OLIR
# mappings use. Clauses cannot be excluded from a certification's scope.
ISO_CLAUSE_IDS = [
    "4.1", "4.2", "4.3", "4.4", "5.1", "5.2", "5.3", "6.1.1", "6.1.2", "6.1.3", "6.2", "6.3",
    "7.1", "7.2", "7.3", "7.4", "7.5.1", "7.5.2", "7.5.3", "8.1", "8.2", "8.3", "9.1",
    "9.2.1", "9.2.2", "9.3.1", "9.3.2", "9.3.3", "10.1", "10.2",
]
# The parts of the ISO catalog a selection can name (`part: annex-a`).
ISO_PARTS = ("clauses", "annex-a")
# SP 800-171r2 Appendix D ids withdrawn in SP 800-53 Rev. 5 and their successors,
# as the Rev. 5 OSCAL catalog links them (derived there; checked here).
EXPECTED_R4_SUCCESSORS = {
    "AU-2(3)": ["AU-2"], "AU-8(1)": ["SC-45(1)"], "IA-2(3)": ["IA-2(1)"], "IA-2(9)": ["IA-2(8)"],
    "MP-5(4)": ["SC-28(1)"], "MP-7(1)": ["MP-7"],
}
EXPECTED_BASELINES = {"low": 149, "moderate": 287, "high": 370, "privacy": 96}
EXPECTED_WEIGHT_SUM = 313  # 110 - 313 = -203, the DoD methodology minimum score
EXPECTED_WEIGHT_COUNTS = {5: 44, 3: 14, 1: 51, 0: 1}
UNSCORED_REQUIREMENT = "3.12.4"  # not scored by the DoD Assessment Methodology

# --------------------------------------------------------------------------
# Curated corrections (each is applied only if the source still has the old
# value; otherwise the generator fails so the table can be revisited)
# --------------------------------------------------------------------------
ISO_TITLE_FIXES = {"A.7.6": ("Working In secure areas", "Working in secure areas")}

R2_TITLE_FIXES = {
    # PDF hyphenation artefact
    "3.5.4": (
        "Employ replay-resistant authentication mechanisms for network access to privileged "
        "and non- privileged accounts.",
        "Employ replay-resistant authentication mechanisms for network access to privileged "
        "and non-privileged accounts.",
    ),
    # final full stop lost in the source
    "3.10.6": (
        "Enforce safeguarding measures for CUI at alternate work sites",
        "Enforce safeguarding measures for CUI at alternate work sites.",
    ),
}
# 3.1.9 is absent from the Rev 2 JSON; its text comes from the summary list.
R2_MISSING = "3.1.9"
# Ids whose summary/nist-800-171-rev2.csv title is not the SP 800-171r2 text
# (CMMC v2.13 rewording or PDF artefacts in the summary).
R2_SUMMARY_DIFFS = {
    "3.2.1", "3.2.2", "3.3.2", "3.5.10", "3.7.3", "3.9.2", "3.12.3", "3.13.1",
    "3.13.5", "3.13.6", "3.14.4", "3.14.6",
}

CMMC_TITLE_FIXES = {
    # last word pushed into the description column by a PDF line break
    "IA.L2-3.5.10": ("Cryptographically-Protected", "Cryptographically-Protected Passwords", "Passwords "),
    "SC.L2-3.13.6": ("Network Communication by", "Network Communication by Exception", "Exception "),
    "SI.L2-3.14.6": ("Monitor Communications for", "Monitor Communications for Attacks", "Attacks "),
}
CMMC_SUMMARY_DIFFS = set(CMMC_TITLE_FIXES)  # the summary keeps the cut titles
# Level 2 practices renamed between the December 2021 model and v2.13.
CMMC_RENAMED_SINCE_DEC2021 = {"3.12.2": ("Plan of Action", "Operational Plan of Action")}

# FAR 52.204-21 (b)(1) item -> SP 800-171r2 requirement(s), as used for the
# December 2021 Level 1 ids (e.g. AC.L1-3.1.1).
FAR_TO_171R2 = {
    "b.1.i": ["3.1.1"],
    "b.1.ii": ["3.1.2"],
    "b.1.iii": ["3.1.20"],
    "b.1.iv": ["3.1.22"],
    "b.1.v": ["3.5.1"],
    "b.1.vi": ["3.5.2"],
    "b.1.vii": ["3.8.3"],
    "b.1.viii": ["3.10.1"],
    "b.1.ix": ["3.10.3", "3.10.4", "3.10.5"],
    "b.1.x": ["3.13.1"],
    "b.1.xi": ["3.13.5"],
    "b.1.xii": ["3.14.1"],
    "b.1.xiii": ["3.14.2"],
    "b.1.xiv": ["3.14.4"],
    "b.1.xv": ["3.14.5"],
}

# 45 CFR 164.308-316 implementation specifications per standard (standard ids
# as in the OSCAL catalog). R = required, A = addressable.
HIPAA_SPECS = {
    "164.308(a)(1)": [
        ("164.308(a)(1)(ii)(A)", "Risk Analysis", "R"),
        ("164.308(a)(1)(ii)(B)", "Risk Management", "R"),
        ("164.308(a)(1)(ii)(C)", "Sanction Policy", "R"),
        ("164.308(a)(1)(ii)(D)", "Information System Activity Review", "R"),
    ],
    "164.308(a)(2)": [],
    "164.308(a)(3)": [
        ("164.308(a)(3)(ii)(A)", "Authorization and/or Supervision", "A"),
        ("164.308(a)(3)(ii)(B)", "Workforce Clearance Procedure", "A"),
        ("164.308(a)(3)(ii)(C)", "Termination Procedures", "A"),
    ],
    "164.308(a)(4)": [
        ("164.308(a)(4)(ii)(A)", "Isolating Health Care Clearinghouse Functions", "R"),
        ("164.308(a)(4)(ii)(B)", "Access Authorization", "A"),
        ("164.308(a)(4)(ii)(C)", "Access Establishment and Modification", "A"),
    ],
    "164.308(a)(5)": [
        ("164.308(a)(5)(ii)(A)", "Security Reminders", "A"),
        ("164.308(a)(5)(ii)(B)", "Protection from Malicious Software", "A"),
        ("164.308(a)(5)(ii)(C)", "Log-in Monitoring", "A"),
        ("164.308(a)(5)(ii)(D)", "Password Management", "A"),
    ],
    "164.308(a)(6)": [
        ("164.308(a)(6)(ii)", "Response and Reporting", "R"),
    ],
    "164.308(a)(7)": [
        ("164.308(a)(7)(ii)(A)", "Data Backup Plan", "R"),
        ("164.308(a)(7)(ii)(B)", "Disaster Recovery Plan", "R"),
        ("164.308(a)(7)(ii)(C)", "Emergency Mode Operation Plan", "R"),
        ("164.308(a)(7)(ii)(D)", "Testing and Revision Procedures", "A"),
        ("164.308(a)(7)(ii)(E)", "Applications and Data Criticality Analysis", "A"),
    ],
    "164.308(a)(8)": [],
    "164.308(b)(1)": [
        ("164.308(b)(3)", "Written Contract or Other Arrangement", "R"),
    ],
    "164.310(a)": [
        ("164.310(a)(2)(i)", "Contingency Operations", "A"),
        ("164.310(a)(2)(ii)", "Facility Security Plan", "A"),
        ("164.310(a)(2)(iii)", "Access Control and Validation Procedures", "A"),
        ("164.310(a)(2)(iv)", "Maintenance Records", "A"),
    ],
    "164.310(b)": [],
    "164.310(c)": [],
    "164.310(d)": [
        ("164.310(d)(2)(i)", "Disposal", "R"),
        ("164.310(d)(2)(ii)", "Media Re-use", "R"),
        ("164.310(d)(2)(iii)", "Accountability", "A"),
        ("164.310(d)(2)(iv)", "Data Backup and Storage", "A"),
    ],
    "164.312(a)": [
        ("164.312(a)(2)(i)", "Unique User Identification", "R"),
        ("164.312(a)(2)(ii)", "Emergency Access Procedure", "R"),
        ("164.312(a)(2)(iii)", "Automatic Logoff", "A"),
        ("164.312(a)(2)(iv)", "Encryption and Decryption", "A"),
    ],
    "164.312(b)": [],
    "164.312(c)": [
        ("164.312(c)(2)", "Mechanism to Authenticate Electronic Protected Health Information", "A"),
    ],
    "164.312(d)": [],
    "164.312(e)(1)": [
        ("164.312(e)(2)(i)", "Integrity Controls", "A"),
        ("164.312(e)(2)(ii)", "Encryption", "A"),
    ],
    "164.314(a)": [
        ("164.314(a)(2)(i)", "Business Associate Contracts", "R"),
        ("164.314(a)(2)(ii)", "Other Arrangements", "R"),
        ("164.314(a)(2)(iii)", "Business Associate Contracts with Subcontractors", "R"),
    ],
    "164.314(b)": [
        ("164.314(b)(2)(i)", "Plan Sponsor Safeguards", "R"),
        ("164.314(b)(2)(ii)", "Adequate Separation", "R"),
        ("164.314(b)(2)(iii)", "Plan Sponsor Agents", "R"),
        ("164.314(b)(2)(iv)", "Security Incident Reporting", "R"),
    ],
    "164.316(a)": [],
    "164.316(b)": [
        ("164.316(b)(2)(i)", "Time Limit", "R"),
        ("164.316(b)(2)(ii)", "Availability", "R"),
        ("164.316(b)(2)(iii)", "Updates", "R"),
    ],
}
# Standard id in the OSCAL catalog -> citation of the standard in 45 CFR.
HIPAA_CFR_CITATION = {
    "164.310(a)": "164.310(a)(1)",
    "164.310(d)": "164.310(d)(1)",
    "164.312(a)": "164.312(a)(1)",
    "164.312(c)": "164.312(c)(1)",
    "164.314(a)": "164.314(a)(1)",
    "164.314(b)": "164.314(b)(1)",
    "164.316(b)": "164.316(b)(1)",
}
HIPAA_STATUS = {"R": "required", "A": "addressable"}

# Links of a withdrawn SP 800-53 control to its successor(s) in the OSCAL catalog.
WITHDRAWN_SUCCESSOR_RELS = ("incorporated-into", "moved-to")

RELATIONSHIPS = ("equivalent", "subset-of", "superset-of", "intersects", "related")
MAPPING_RELATIONSHIPS = {
    "equal": "equivalent",
    "equal to": "equivalent",
    "equivalent": "equivalent",
    "subset of": "subset-of",
    "is subset of": "subset-of",
    "superset of": "superset-of",
    "is superset of": "superset-of",
    "intersect": "intersects",
    "intersects": "intersects",
    "intersects with": "intersects",
    "related": "related",
    "related to": "related",
    "not related to": None,  # no relationship: pair dropped
}


class DataError(Exception):
    """The raw data does not look the way this generator expects."""


# --------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------
def norm(text: str) -> str:
    """Collapse all whitespace runs to one space and trim."""
    return " ".join(text.split())


def read_csv(data: Path, rel: str) -> list[dict]:
    with open(data / rel, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def read_json(data: Path, rel: str):
    with open(data / rel, encoding="utf-8") as fh:
        return json.load(fh)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def props(obj: dict) -> dict:
    return {p["name"]: p["value"] for p in obj.get("props", [])}


def xml_props(elem) -> dict:
    return {p.get("name"): p.get("value") for p in elem.findall(OSCAL_NS + "prop")}


def xml_text(elem) -> str:
    return norm("".join(elem.itertext())) if elem is not None else ""


def sort_key_dotted(text: str) -> list[int]:
    return [int(x) for x in re.findall(r"\d+", text)]


class Provenance:
    """Looks up PROVENANCE.json entries by file content (sha256)."""

    def __init__(self, data: Path):
        self.data = data
        self.by_sha = {}
        for entry in read_json(data, "PROVENANCE.json"):
            self.by_sha[entry["sha256"]] = entry

    def entry(self, rel: str) -> dict:
        digest = sha256(self.data / rel)
        if digest not in self.by_sha:
            raise DataError(f"{rel}: sha256 {digest} has no PROVENANCE.json entry")
        return self.by_sha[digest]

    def url(self, rel: str) -> str:
        e = self.entry(rel)
        return f"https://github.com/{e['repository']}/blob/{e['commit']}/{e['path']}"


# --------------------------------------------------------------------------
# YAML output
# --------------------------------------------------------------------------
def q(value: str) -> str:
    """Double-quoted YAML scalar with full escaping."""
    if not isinstance(value, str):
        raise TypeError(f"not a string: {value!r}")
    out = ['"']
    for ch in value:
        o = ord(ch)
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif o < 0x20 or o == 0x7F or 0x80 <= o <= 0x9F or o in (0x2028, 0x2029, 0xFEFF) or 0xD800 <= o <= 0xDFFF:
            out.append("\\u%04x" % o)
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def flow_list(values) -> str:
    return "[" + ", ".join(q(v) for v in values) + "]"


def header(sources: list[str], data: Path) -> list[str]:
    lines = [f"# Generated by {GENERATOR} from {', '.join(sources)}. Do not edit by hand."]
    for rel in sources:
        lines.append(f"# sha256 {sha256(data / rel)}  {rel}")
    return lines


def render_framework(fw: dict, data: Path) -> str:
    lines = header(fw["sources"], data)
    lines += [
        "apiVersion: srmcheck/v1",
        "kind: Framework",
        "metadata:",
        f"  name: {q(fw['name'])}",
        "spec:",
        f"  title: {q(fw['title'])}",
        f"  version: {q(fw['version'])}",
        "  source:",
        f"    name: {q(fw['source']['name'])}",
        f"    url: {q(fw['source']['url'])}",
        f"    licence: {q(fw['source']['licence'])}",
        "  controls:",
    ]
    for c in fw["controls"]:
        for comment in c.get("_comments", []):
            lines.append(f"    # {comment}")
        lines.append(f"    - id: {q(c['id'])}")
        lines.append(f"      title: {q(c['title'])}")
        lines.append(f"      family: {q(c['family'])}")
        if "function" in c:
            lines.append(f"      function: {q(c['function'])}")
        if "part" in c:
            lines.append(f"      part: {q(c['part'])}")
        if "level" in c:
            lines.append(f"      level: {int(c['level'])}")
        if "weight" in c:
            lines.append(f"      weight: {int(c['weight'])}")
        if c.get("baselines"):
            lines.append(f"      baselines: {flow_list(c['baselines'])}")
        if c.get("aliases"):
            lines.append(f"      aliases: {flow_list(c['aliases'])}")
        if c.get("specifications"):
            lines.append("      specifications:")
            for s in c["specifications"]:
                lines.append(f"        - id: {q(s['id'])}")
                lines.append(f"          title: {q(s['title'])}")
                lines.append(f"          status: {q(s['status'])}")
    return "\n".join(lines) + "\n"


def render_mapping(mp: dict, data: Path) -> str:
    src = mp["source"]
    lines = header(mp["sources"], data)
    lines += textwrap.wrap(f"Source: {src['name']}.", 96, initial_indent="# ", subsequent_indent="#   ")
    method = " ".join(mp["method"])
    lines += textwrap.wrap(f"Method: {method}", 96, initial_indent="# ", subsequent_indent="#   ",
                           break_on_hyphens=False)
    lines += [
        "apiVersion: srmcheck/v1",
        "kind: Mapping",
        "metadata:",
        f"  name: {q(mp['name'])}",
        "spec:",
        f"  from: {q(mp['from'])}",
        f"  to: {q(mp['to'])}",
        f"  derived: {'true' if mp['derived'] else 'false'}",
        f"  source: {{name: {q(src['name'])}, url: {q(src['url'])}, licence: {q(src['licence'])}}}",
        "  pairs:",
    ]
    for a, b, rel in mp["pairs"]:
        lines.append(f"    - {{from: {q(a)}, to: {q(b)}, relationship: {q(rel)}}}")
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------
# Catalog builders
# --------------------------------------------------------------------------
def build_iso_clauses(data: Path) -> list[dict]:
    """Clauses 4-10: ids and headings only, in the order of the standard."""
    controls = []
    for row in read_csv(data, F_ISO_CLAUSES):
        cid, title, family = row["id"].strip(), norm(row["heading"]), norm(row["clause"])
        if not re.fullmatch(r"(10|[4-9])(\.\d+){1,2}", cid):
            raise DataError(f"ISO clauses: unexpected id {cid!r}")
        if not family.startswith(cid.split(".", 1)[0] + " "):
            raise DataError(f"ISO {cid}: clause {family!r} does not match the id")
        controls.append({"id": cid, "title": title, "family": family, "part": "clauses"})
    if [c["id"] for c in controls] != ISO_CLAUSE_IDS:
        raise DataError(f"{F_ISO_CLAUSES}: ids differ from ISO_CLAUSE_IDS")
    return controls


def build_iso(data: Path, prov: Provenance) -> dict:
    controls = build_iso_clauses(data)
    for row in read_csv(data, F_ISO):
        cid, title, family = row["id"].strip(), norm(row["title"]), norm(row["family"])
        if not re.fullmatch(r"A\.[5-8]\.\d+", cid):
            raise DataError(f"ISO: unexpected id {cid!r}")
        if cid in ISO_TITLE_FIXES:
            old, new = ISO_TITLE_FIXES[cid]
            if title != old:
                raise DataError(f"ISO {cid}: expected source title {old!r}, got {title!r}")
            title = new
        if not family.startswith(cid.rsplit(".", 1)[0] + " "):
            raise DataError(f"ISO {cid}: family {family!r} does not match the id")
        controls.append({"id": cid, "title": title, "family": family, "part": "annex-a"})
    return {
        "name": "iso27001-2022",
        "title": "ISO/IEC 27001:2022",
        "version": "2022",
        "source": {
            "name": (
                "ISO/IEC 27001:2022 clause 4-10 requirement ids and headings and Annex A control "
                "identifiers and short titles, compiled from public listings"
            ),
            "url": "https://www.iso.org/standard/27001",
            "licence": (
                "ISO/IEC 27001:2022 is copyright ISO/IEC. Only clause and control identifiers, "
                "headings and short titles are included, as references; no requirement or control "
                "text. Obtain the standard from ISO or a national standards body for the "
                "requirements themselves."
            ),
        },
        "sources": [F_ISO_CLAUSES, F_ISO],
        "controls": controls,
    }


def build_80053(data: Path, prov: Provenance) -> tuple[dict, dict]:
    cat = read_json(data, F_53)["catalog"]
    controls = []
    uid_to_label = {}
    withdrawn = 0
    moved = {}  # withdrawn label -> uids it was incorporated into or moved to

    def walk(items, family, parent_title):
        nonlocal withdrawn
        for c in items:
            p = props(c)
            label = p["label"]
            uid_to_label[c["id"]] = label
            title = norm(c["title"])
            if p.get("status") == "withdrawn":
                withdrawn += 1
                moved[label] = [
                    ln["href"].lstrip("#") for ln in c.get("links", [])
                    if ln.get("rel") in WITHDRAWN_SUCCESSOR_RELS
                ]
            else:
                full = f"{parent_title} | {title}" if parent_title else title
                controls.append({"id": label, "title": full, "family": family, "_uid": c["id"]})
            walk(c.get("controls", []), family, title if parent_title is None else parent_title)

    for g in cat["groups"]:
        walk(g["controls"], f"{g['id'].upper()} {norm(g['title'])}", None)

    selections = {}
    for name, rel in F_53_PROFILES.items():
        prof = read_json(data, rel)["profile"]
        ids = [x for imp in prof["imports"] for inc in imp["include-controls"] for x in inc["with-ids"]]
        if len(ids) != len(set(ids)):
            raise DataError(f"{rel}: duplicate ids")
        unknown = [x for x in ids if x not in uid_to_label]
        if unknown:
            raise DataError(f"{rel}: ids not in the catalog: {unknown}")
        selections[name] = set(ids)
    active_uids = {c["_uid"] for c in controls}
    for name, sel in selections.items():
        gone = sorted(sel - active_uids)
        if gone:
            raise DataError(f"baseline {name} selects withdrawn controls: {gone}")
    for c in controls:
        c["baselines"] = [b for b in F_53_PROFILES if c["_uid"] in selections[b]]
        del c["_uid"]

    version = cat["metadata"]["version"]
    fw = {
        "name": "nist-800-53r5",
        "title": "NIST SP 800-53 Rev. 5",
        "version": version,
        "source": {
            "name": (
                f"NIST SP 800-53 Rev. 5 OSCAL catalog v{version}; SP 800-53B baseline profiles "
                f"(LOW, MODERATE, HIGH, PRIVACY) v5.1.1 (usnistgov/oscal-content)"
            ),
            "url": prov.url(F_53),
            "licence": USGOV_LICENCE,
        },
        "sources": [F_53] + list(F_53_PROFILES.values()),
        "controls": controls,
    }
    active = {c["id"] for c in controls}
    stats = {
        "withdrawn": withdrawn,
        "baselines": {b: len(s) for b, s in selections.items()},
        "successors": successors(moved, uid_to_label, active),
    }
    return fw, stats


def successors(moved: dict, uid_to_label: dict, active: set) -> dict:
    """Withdrawn SP 800-53 id -> the active Rev. 5 controls it was incorporated
    into or moved to, following chains of withdrawn controls; [] when none."""
    out = {}
    for label in moved:
        found, todo, seen = [], [label], set()
        while todo:
            at = todo.pop(0)
            if at in seen:
                continue
            seen.add(at)
            for uid in moved.get(at, []):
                uid = uid.split("_", 1)[0]  # "#ac-2_smt.k": a part of AC-2's statement
                if uid not in uid_to_label:
                    continue  # a family (SA-12 -> "#sr"): no control to map to
                target = uid_to_label[uid]
                if target in active:
                    if target not in found:
                        found.append(target)
                elif target in moved:
                    todo.append(target)
        out[label] = found
    return out


def load_weights(data: Path) -> tuple[dict, dict]:
    """SP 800-171r2 id -> (DoD weight, [SP 800-53 Rev 4 ids])."""
    weights, mapped = {}, {}
    for c in read_json(data, F_WEIGHTS)["controls"]:
        rid = c["control_id"].strip()
        if rid in weights:
            raise DataError(f"{F_WEIGHTS}: duplicate {rid}")
        w = int(c["dod_am_weight"])
        if w not in (1, 3, 5) and not (w == 0 and rid == UNSCORED_REQUIREMENT):
            raise DataError(f"{F_WEIGHTS}: {rid} has weight {w}")
        weights[rid] = w
        raw = c.get("mapped_controls")
        ids = []
        if raw:
            for part in raw.split(","):
                part = part.strip().upper()  # the source has one "Si-2"
                if not re.fullmatch(r"[A-Z]{2}-\d+(\(\d+\))?", part):
                    raise DataError(f"{F_WEIGHTS}: {rid}: odd control id {part!r}")
                if part not in ids:
                    ids.append(part)
        mapped[rid] = ids
    return weights, mapped


def build_171r2(data: Path, prov: Provenance, weights: dict) -> dict:
    doc = read_json(data, F_171R2)
    summary = {r["id"]: r for r in read_csv(data, S_171R2)}
    controls = []
    for g in doc["groups"]:
        family = f"{g['id']} {norm(g['title'])}"
        items = []
        for c in g["controls"]:
            title = norm(c["title"])
            if c["id"] in R2_TITLE_FIXES:
                old, new = R2_TITLE_FIXES[c["id"]]
                if title != old:
                    raise DataError(f"800-171r2 {c['id']}: expected source title {old!r}, got {title!r}")
                title = new
            items.append({"id": c["id"], "title": title, "family": family})
        if g["id"] == R2_MISSING.rsplit(".", 1)[0]:
            if any(i["id"] == R2_MISSING for i in items):
                raise DataError(f"800-171r2: {R2_MISSING} is now in the JSON; drop the patch")
            row = summary[R2_MISSING]
            if norm(row["family"]) != norm(g["title"]):
                raise DataError(f"800-171r2: {R2_MISSING} family mismatch")
            items.append({"id": R2_MISSING, "title": norm(row["title"]), "family": family})
            items.sort(key=lambda i: sort_key_dotted(i["id"]))
        controls.extend(items)
    for c in controls:
        c["weight"] = weights[c["id"]]
        if c["id"] == UNSCORED_REQUIREMENT:
            c["_comments"] = [
                f"{UNSCORED_REQUIREMENT} is not scored by the DoD Assessment Methodology: without a system",
                "security plan no assessment can be completed. Shipped with weight 0.",
            ]
    t = prov.entry(F_171R2)
    return {
        "name": "nist-800-171r2",
        "title": "NIST SP 800-171 Rev. 2",
        "version": "Rev. 2",
        "source": {
            "name": (
                "NIST SP 800-171 Rev. 2 in OSCAL JSON by Tom Busillo (tbusillo/nist-800-171-oscal); "
                "requirement 3.1.9 added from SP 800-171r2; DoD Assessment Methodology weights from "
                "the same repository"
            ),
            "url": prov.url(F_171R2),
            "licence": (
                "Requirement text: NIST SP 800-171 Rev. 2, US Government work (public domain in the "
                "United States). OSCAL conversion and weight table: MIT License, Copyright (c) 2022 "
                f"Tom Busillo ({t['repository']} LICENSE)."
            ),
        },
        "sources": [F_171R2, S_171R2, F_WEIGHTS],
        "controls": controls,
    }


def build_171r3(data: Path, prov: Provenance) -> tuple[dict, dict]:
    root = ET.parse(data / F_171R3).getroot()
    groups = []
    withdrawn = 0
    for g in root.findall(OSCAL_NS + "group"):
        if g.get("class") != "family":
            raise DataError(f"800-171r3: unexpected group class {g.get('class')}")
        gsort = xml_props(g)["sort-id"]
        gtitle = xml_text(g.find(OSCAL_NS + "title"))
        items = []
        for c in g.findall(OSCAL_NS + "control"):
            if c.get("class") != "requirement":
                raise DataError(f"800-171r3: unexpected control class {c.get('class')}")
            p = xml_props(c)
            sid = p["sort-id"]
            if c.get("id") != f"SP_800_171_{sid}" or not sid.startswith(gsort + "."):
                raise DataError(f"800-171r3: id/sort-id mismatch {c.get('id')} {sid}")
            if p.get("status") == "withdrawn":
                withdrawn += 1
                continue
            if "status" in p:
                raise DataError(f"800-171r3: {sid}: unknown status {p['status']}")
            items.append((sid, {"id": sid, "title": xml_text(c.find(OSCAL_NS + "title")), "family": f"{gsort} {gtitle}"}))
        groups.append((gsort, items))
    groups.sort(key=lambda x: x[0])
    controls = [c for _, items in groups for _, c in sorted(items, key=lambda x: x[0])]
    fw = {
        "name": "nist-800-171r3",
        "title": "NIST SP 800-171 Rev. 3",
        "version": "Rev. 3",
        "source": {
            "name": "NIST SP 800-171 Rev. 3 OSCAL catalog (usnistgov/oscal-content)",
            "url": prov.url(F_171R3),
            "licence": USGOV_LICENCE,
        },
        "sources": [F_171R3],
        "controls": controls,
    }
    return fw, {"withdrawn": withdrawn}


def build_csf(data: Path, prov: Provenance) -> tuple[dict, dict]:
    root = ET.parse(data / F_CSF).getroot()
    functions = []
    skipped_sub, skipped_cat = 0, 0
    for fn in root.findall(OSCAL_NS + "group"):
        if fn.get("class") != "function":
            raise DataError("CSF: unexpected group")
        fname = xml_text(fn.find(OSCAL_NS + "title"))
        cats = []
        for cat in fn.findall(OSCAL_NS + "control"):
            if cat.get("class") != "category":
                raise DataError("CSF: unexpected control under a function")
            ctitle = xml_text(cat.find(OSCAL_NS + "title"))
            subs = []
            for sub in cat.findall(OSCAL_NS + "control"):
                if sub.get("class") != "subcategory":
                    raise DataError("CSF: unexpected control under a category")
                p = xml_props(sub)
                if p.get("status") == "withdrawn" or not sub.findall(OSCAL_NS + "part[@name='example']"):
                    skipped_sub += 1
                    continue
                sid = sub.get("id")
                if not re.fullmatch(re.escape(cat.get("id")) + r"-\d\d", sid):
                    raise DataError(f"CSF: odd subcategory id {sid}")
                text = xml_text(sub.find(OSCAL_NS + "part[@name='statement']"))
                subs.append((p["sort-id"], {
                    "id": sid,
                    "title": text,
                    "family": f"{cat.get('id')} {ctitle}",
                    "function": fname,
                }))
            if subs:
                cats.append((xml_props(cat)["sort-id"], sorted(subs, key=lambda x: x[0])))
            else:
                skipped_cat += 1
        functions.append((xml_props(fn)["sort-id"], sorted(cats, key=lambda x: x[0])))
    functions.sort(key=lambda x: x[0])
    by_cat = {subs[0][1]["family"].split(" ", 1)[0]: subs for _, cats in functions for _, subs in cats}
    if sorted(by_cat) != sorted(CSF_CATEGORY_ORDER):
        raise DataError(f"CSF: active categories {sorted(by_cat)} differ from CSF_CATEGORY_ORDER")
    # The OSCAL sort-ids keep the CSF 1.1 order for DETECT (DE.AE before DE.CM);
    # the published CSF 2.0 Core lists DE.CM first. Emit the published order.
    controls = [c for cat_id in CSF_CATEGORY_ORDER for _, c in by_cat[cat_id]]
    fw = {
        "name": "nist-csf-2.0",
        "title": "NIST Cybersecurity Framework 2.0",
        "version": "2.0",
        "source": {
            "name": "NIST Cybersecurity Framework 2.0 OSCAL catalog (usnistgov/oscal-content)",
            "url": prov.url(F_CSF),
            "licence": USGOV_LICENCE,
        },
        "sources": [F_CSF],
        "controls": controls,
    }
    stats = {
        "functions": len(functions),
        "categories": sum(len(c) for _, c in functions),
        "withdrawn_subcategories": skipped_sub,
        "withdrawn_categories": skipped_cat,
    }
    return fw, stats


def cmmc_family(abbr: str, domain: str) -> str:
    small = {"and", "of", "for", "the", "to", "in", "on"}
    words = domain.lower().split()
    name = " ".join(w if (i and w in small) else w.capitalize() for i, w in enumerate(words))
    return f"{abbr} {name}"


def clean_cmmc_title(name: str) -> str:
    name = norm(name)
    name = re.sub(r"\s*\[(FCI|CUI)( Data\])?$", "", name)
    if "[" in name or "]" in name:
        raise DataError(f"CMMC: odd practice name {name!r}")
    return name


def build_cmmc(data: Path, prov: Provenance, weights: dict) -> tuple[dict, dict]:
    rows = read_csv(data, F_CMMC)
    dec2021 = {r["id"]: r for r in read_csv(data, S_CMMC_DEC2021)}
    dec_l1 = [i for i in dec2021 if ".L1-" in i]
    controls = []
    l2_title_by_req = {}
    skipped_l3 = 0
    used_aliases = []
    for r in rows:
        level = int(r["LEVEL"])
        cid = r["CONTROL_ID"].strip()
        req = r["CONTROL_REQUIREMENT"].strip()
        abbr = r["DOMAIN_ABBR"].strip()
        if level == 3:
            skipped_l3 += 1
            continue
        if cid != f"{abbr}.L{level}-{req}":
            raise DataError(f"CMMC: id {cid} does not match domain/level/requirement")
        title = clean_cmmc_title(r["CONTROL_NAME"])
        if cid in CMMC_TITLE_FIXES:
            old, new, desc_prefix = CMMC_TITLE_FIXES[cid]
            if title != old or not r["DESCRIPTION"].startswith(desc_prefix):
                raise DataError(f"CMMC {cid}: title fix no longer matches the source")
            title = new
        c = {"id": cid, "title": title, "family": cmmc_family(abbr, r["DOMAIN"]), "level": level}
        if level == 1:
            reqs = FAR_TO_171R2[req]
            aliases = [f"{abbr}.L1-{x}" for x in reqs]
            for a in aliases:
                if a not in dec2021:
                    raise DataError(f"CMMC {cid}: alias {a} not in {S_CMMC_DEC2021}")
            # single-requirement items must carry the same practice title in both namings
            if len(reqs) == 1 and norm(dec2021[aliases[0]]["title"]) != title:
                raise DataError(f"CMMC {cid}: title differs from {aliases[0]}")
            c["aliases"] = aliases
            used_aliases.extend(aliases)
        elif level == 2:
            c["weight"] = weights[req]
            l2_title_by_req[req] = title
            if req == UNSCORED_REQUIREMENT:
                c["_comments"] = [f"{UNSCORED_REQUIREMENT} is not scored by the DoD Assessment Methodology (weight 0)."]
        else:
            raise DataError(f"CMMC: unknown level {level}")
        controls.append(c)
    # b.1.ix -> 3.10.3/3.10.4/3.10.5: those aliases carry the Level 2 practice titles
    for req in FAR_TO_171R2["b.1.ix"]:
        alias = f"PE.L1-{req}"
        if norm(dec2021[alias]["title"]) != l2_title_by_req[req]:
            raise DataError(f"CMMC: {alias} title differs from PE.L2-{req}")
    if sorted(used_aliases) != sorted(dec_l1) or len(set(used_aliases)) != len(used_aliases):
        raise DataError(f"CMMC: aliases {sorted(used_aliases)} != December 2021 L1 ids {sorted(dec_l1)}")
    # Every Level 2 title equals the December 2021 naming of the same requirement.
    for req, title in l2_title_by_req.items():
        match = [r for i, r in dec2021.items() if i.endswith("-" + req)]
        want = [norm(m["title"]) for m in match]
        if req in CMMC_RENAMED_SINCE_DEC2021:
            old, new = CMMC_RENAMED_SINCE_DEC2021[req]
            if want != [old] or title != new:
                raise DataError(f"CMMC: {req} rename {old!r} -> {new!r} no longer matches the data")
            continue
        if want != [title]:
            raise DataError(f"CMMC: Level 2 {req} title {title!r} differs from the December 2021 naming")
    a = prov.entry(F_CMMC)
    w = prov.entry(F_WEIGHTS)
    fw = {
        "name": "cmmc-2.0",
        "title": "CMMC 2.0 Levels 1 and 2",
        "version": "2.13",
        "source": {
            "name": (
                "CMMC Model Overview v2.13 practices as parsed by acep-uaf/cmmc-2.0-control-parser "
                "(Alaska Center for Energy and Power); DoD Assessment Methodology weights via "
                f"{w['repository']}"
            ),
            "url": prov.url(F_CMMC),
            "licence": (
                "Practice titles from the CMMC model, copyright Carnegie Mellon University and The "
                "Johns Hopkins University Applied Physics Laboratory LLC, licensed under CC BY 4.0 "
                "(https://creativecommons.org/licenses/by/4.0/). Parsed data: MIT License, Copyright "
                f"(c) 2025 Alaska Center for Energy and Power ({a['repository']} LICENSE). Weights: "
                f"MIT License, Copyright (c) 2022 Tom Busillo ({w['repository']} LICENSE); facts from "
                "NIST SP 800-171r2 and the DoD Assessment Methodology."
            ),
        },
        "sources": [F_CMMC, S_CMMC_DEC2021, F_WEIGHTS],
        "controls": controls,
    }
    return fw, {"level3_skipped": skipped_l3, "aliases": len(used_aliases)}


def build_hipaa(data: Path, prov: Provenance) -> tuple[dict, dict]:
    cat = read_json(data, F_HIPAA)["catalog"]
    controls = []
    addressable_markers = {}
    named_markers = {}
    for g in cat["groups"]:
        family = norm(g["title"])
        section = props(g)["security-rule-identifiers"]
        for sg in g["groups"]:
            sid = props(sg)["standards-identifiers"].strip()
            if not sid.startswith(section + "("):
                raise DataError(f"HIPAA: {sid} is not in {section}")
            if sid not in HIPAA_SPECS:
                raise DataError(f"HIPAA: no implementation specification table for {sid}")
            count, names = 0, []
            for c in sg.get("controls", []):
                m = re.fullmatch(r"Implementation Specification \((.+)\)", norm(c["title"]))
                if m:
                    count += 1
                    if m.group(1) != "Addressable":
                        names.append(m.group(1))
            addressable_markers[sid], named_markers[sid] = count, names
            specs = HIPAA_SPECS[sid]
            ctrl = {"id": sid, "title": norm(sg["title"]), "family": family}
            if sid in HIPAA_CFR_CITATION:
                ctrl["aliases"] = [HIPAA_CFR_CITATION[sid]]
            if specs:
                ctrl["specifications"] = [
                    {"id": i, "title": t, "status": HIPAA_STATUS[s]} for i, t, s in specs
                ]
            controls.append(ctrl)
    # Cross-check the curated table against the catalog's addressable markers.
    for sid, specs in HIPAA_SPECS.items():
        addr = [t for _, t, s in specs if s == "A"]
        if addressable_markers.get(sid) != len(addr):
            raise DataError(
                f"HIPAA {sid}: {len(addr)} addressable specifications in the table, "
                f"{addressable_markers.get(sid)} marked in the catalog"
            )
        for name in named_markers.get(sid, []):
            if name not in addr:
                raise DataError(f"HIPAA {sid}: catalog marks {name!r} addressable, table does not")
        for i, _, _ in specs:
            base = HIPAA_CFR_CITATION.get(sid, sid)
            section_para = base.split("(")[0] + "(" + base.split("(")[1]
            if not i.startswith(section_para):
                raise DataError(f"HIPAA {sid}: specification {i} outside the standard's paragraph")
    h = prov.entry(F_HIPAA)
    fw = {
        "name": "hipaa-security",
        "title": "HIPAA Security Rule",
        "version": "45 CFR 164.308-316",
        "source": {
            "name": (
                "HIPAA Security Rule standards from the oscal-compass HIPAA catalog (NIST SP 800-66r2); "
                "implementation specifications and Required/Addressable status from 45 CFR 164.308-316"
            ),
            "url": prov.url(F_HIPAA),
            "licence": (
                f"Catalog: Apache License 2.0 ({h['repository']} LICENSE). 45 CFR Part 164 Subpart C "
                "and NIST SP 800-66r2 are US Government works (public domain in the United States)."
            ),
        },
        "sources": [F_HIPAA],
        "controls": controls,
    }
    all_specs = [s for sp in HIPAA_SPECS.values() for s in sp]
    stats = {
        "specifications": len(all_specs),
        "required": sum(1 for s in all_specs if s[2] == "R"),
        "addressable": sum(1 for s in all_specs if s[2] == "A"),
    }
    return fw, stats


# --------------------------------------------------------------------------
# Mapping builders
# --------------------------------------------------------------------------
def order_pairs(pairs, from_fw, to_fw):
    fi = {c["id"]: n for n, c in enumerate(from_fw["controls"])}
    ti = {c["id"]: n for n, c in enumerate(to_fw["controls"])}
    return sorted(pairs, key=lambda p: (fi[p[0]], ti[p[1]]))


def olir_mapping(data, rel, name, from_fw, to_fw, src_name, norm_from):
    from_ids = {c["id"] for c in from_fw["controls"]}
    to_ids = {c["id"] for c in to_fw["controls"]}
    kept, seen = [], set()
    stats = Counter()
    for r in read_csv(data, rel):
        a = norm_from(r["source"].strip())
        t = r["target"].strip()
        b = t.upper() if t.lower().startswith("a.") else t
        wording = norm(r["relationship"]).lower()
        if wording not in MAPPING_RELATIONSHIPS:
            raise DataError(f"{rel}: unknown relationship {r['relationship']!r}")
        relationship = MAPPING_RELATIONSHIPS[wording]
        stats["rows"] += 1
        if relationship is None:
            stats["dropped_not_related"] += 1
            continue
        if a not in from_ids:
            stats["dropped_unknown_from"] += 1
            continue
        if b not in to_ids:
            if re.fullmatch(r"\d+(\.\d+)*", b):
                stats["dropped_iso_clause"] += 1
            else:
                stats["dropped_unknown_to"] += 1
            continue
        if (a, b) in seen:
            stats["dropped_duplicate"] += 1
            continue
        seen.add((a, b))
        kept.append((a, b, relationship))
    stats["kept"] = len(kept)
    mp = {
        "name": name,
        "from": from_fw["name"],
        "to": to_fw["name"],
        "derived": False,
        "source": {
            "name": src_name,
            "url": OLIR_URL,
            "licence": (
                "NIST informative reference (OLIR), US Government work (public domain in the United "
                "States). ISO/IEC 27001:2022 identifiers only, no ISO text."
            ),
        },
        "method": [
            "Every row of the NIST OLIR informative reference, ISO/IEC 27001:2022 targets being",
            "clause 4-10 requirements (5.2) or Annex A controls (A.5.1). OLIR wording maps to the",
            "relationship vocabulary: equal -> equivalent, subset of -> subset-of, superset of ->",
            "superset-of, intersects with -> intersects; \"not related to\" rows are dropped.",
        ],
        "sources": [rel],
        "pairs": order_pairs(kept, from_fw, to_fw),
    }
    return mp, stats


def r2_mapping(prov, cats, mapped_r4, successors):
    """SP 800-171r2 Appendix D (SP 800-53 Rev 4 ids) -> SP 800-53 Rev 5: an id
    still active in Rev. 5 as it is, a withdrawn one to the Rev. 5 control(s) the
    OSCAL catalog says it was incorporated into or moved to."""
    r5_ids = {c["id"] for c in cats["nist-800-53r5"]["controls"]}
    pairs, seen, dropped_ids, replaced = [], set(), set(), {}
    total = 0
    no_mapping = []
    for c in cats["nist-800-171r2"]["controls"]:
        ids = mapped_r4.get(c["id"], [])
        if not ids:
            no_mapping.append(c["id"])
        for r4 in ids:
            total += 1
            if r4 in r5_ids:
                targets = [r4]
            elif r4 in successors:
                targets = successors[r4]
                if targets:
                    replaced[r4] = targets
            else:
                raise DataError(f"{F_WEIGHTS}: {c['id']}: {r4} is not an SP 800-53 Rev. 5 id")
            if not targets:
                dropped_ids.add(r4)
            for t in targets:
                if (c["id"], t) not in seen:
                    seen.add((c["id"], t))
                    pairs.append((c["id"], t, "related"))
    w = prov.entry(F_WEIGHTS)
    mp = {
        "name": "nist-800-171r2_to_nist-800-53r5",
        "from": "nist-800-171r2",
        "to": "nist-800-53r5",
        "derived": True,
        "source": {
            "name": (
                "NIST SP 800-171r2 Appendix D (SP 800-53 Rev. 4 ids) via tbusillo/nist-800-171-oscal; "
                "Rev. 4 ids withdrawn in Rev. 5 replaced by their successors in the SP 800-53 Rev. 5 "
                "OSCAL catalog"
            ),
            "url": prov.url(F_WEIGHTS),
            "licence": (
                f"MIT License, Copyright (c) 2022 Tom Busillo ({w['repository']} LICENSE); mapping "
                "facts from NIST SP 800-171r2 and SP 800-53 Rev. 5, US Government works."
            ),
        },
        "method": [
            "Each requirement's SP 800-53 Rev. 4 ids from SP 800-171r2 Appendix D. An id still active in",
            "Rev. 5 is kept as it is; a withdrawn one maps to the control(s) its Rev. 5 OSCAL entry links",
            "as `incorporated-into` or `moved-to` (" + ", ".join(f"{a} -> {', '.join(b)}" for a, b in sorted(replaced.items())) + ");",
            "one without a successor is dropped (" + ", ".join(sorted(dropped_ids)) + "). Appendix D",
            "gives no set relationship, so every pair is `related`.",
        ],
        "sources": [F_WEIGHTS, F_53],
        "pairs": order_pairs(pairs, cats["nist-800-171r2"], cats["nist-800-53r5"]),
    }
    stats = {
        "rows": total, "kept": len(pairs), "dropped_no_successor": len(dropped_ids),
        "dropped_ids": sorted(dropped_ids, key=lambda s: (s[:2], sort_key_dotted(s))),
        "replaced": replaced,
        "requirements_without_mapping": no_mapping,
    }
    return mp, stats


def r3_mapping(data, prov, cats):
    """SP 800-171r3 -> SP 800-53 Rev 5 from the source-control references of
    each requirement in the r3 OSCAL catalog (back-matter resources titled
    with an SP 800-53 id, e.g. AC-02(03))."""
    root = ET.parse(data / F_171R3).getroot()
    titles = {
        r.get("uuid"): xml_text(r.find(OSCAL_NS + "title"))
        for r in root.find(OSCAL_NS + "back-matter").findall(OSCAL_NS + "resource")
    }
    r3_ids = {c["id"] for c in cats["nist-800-171r3"]["controls"]}
    r5_ids = {c["id"] for c in cats["nist-800-53r5"]["controls"]}
    pairs, seen = [], set()
    for c in root.iter(OSCAL_NS + "control"):
        rid = xml_props(c).get("sort-id")
        if rid not in r3_ids:
            continue  # withdrawn requirements and anything else
        for link in c.findall(OSCAL_NS + "link"):
            title = titles.get(link.get("href", "").lstrip("#"), "")
            m = re.fullmatch(r"([A-Z]{2})-0*(\d+)(?:\(0*(\d+)\))?", title)
            if link.get("rel") != "reference" or not m:
                continue
            target = f"{m.group(1)}-{m.group(2)}" + (f"({m.group(3)})" if m.group(3) else "")
            if target not in r5_ids:
                raise DataError(f"{F_171R3}: {rid} references {title}, not an active SP 800-53 Rev. 5 control")
            if (rid, target) not in seen:
                seen.add((rid, target))
                pairs.append((rid, target, "related"))
    mp = {
        "name": "nist-800-171r3_to_nist-800-53r5",
        "from": "nist-800-171r3",
        "to": "nist-800-53r5",
        "derived": False,
        "source": {
            "name": "NIST SP 800-171 Rev. 3 OSCAL catalog: the SP 800-53 Rev. 5 source controls of each requirement",
            "url": prov.url(F_171R3),
            "licence": USGOV_LICENCE,
        },
        "method": [
            "Each active requirement's `reference` links to back-matter resources titled with an",
            "SP 800-53 id (the requirement's source controls, SP 800-53 Rev. 5.1.1); ids written",
            "AC-02(03) in the catalog are AC-2(3) here. The catalog gives no set relationship (a",
            "requirement is tailored from its source controls), so every pair is `related`.",
        ],
        "sources": [F_171R3],
        "pairs": order_pairs(pairs, cats["nist-800-171r3"], cats["nist-800-53r5"]),
    }
    return mp, {"rows": len(pairs), "kept": len(pairs), "requirements": len({a for a, _, _ in pairs})}


def build_mappings(data, prov, cats, mapped_r4, successors):
    out, stats = [], {}
    csf_ids = {c["id"].lower(): c["id"] for c in cats["nist-csf-2.0"]["controls"]}

    mp, st = olir_mapping(
        data, F_MAP_53_ISO, "nist-800-53r5_to_iso27001-2022",
        cats["nist-800-53r5"], cats["iso27001-2022"],
        "NIST OLIR informative reference: SP 800-53 Rev. 5 to ISO/IEC 27001:2022 (2023-10-12)",
        lambda s: s.upper(),
    )
    out.append(mp)
    stats[mp["name"]] = st

    mp, st = olir_mapping(
        data, F_MAP_CSF_ISO, "nist-csf-2.0_to_iso27001-2022",
        cats["nist-csf-2.0"], cats["iso27001-2022"],
        "NIST OLIR informative reference: Cybersecurity Framework 2.0 to ISO/IEC 27001:2022",
        lambda s: csf_ids.get(s.lower(), s.upper()),
    )
    out.append(mp)
    stats[mp["name"]] = st

    mp, st = r2_mapping(prov, cats, mapped_r4, successors)
    out.append(mp)
    stats[mp["name"]] = st
    mp, st = r3_mapping(data, prov, cats)
    out.append(mp)
    stats[mp["name"]] = st

    # CMMC Level 2 practice <-> SP 800-171r2 requirement, one to one; a Level 1
    # practice <-> the requirement(s) of its FAR 52.204-21 item.
    r2_ids = {c["id"] for c in cats["nist-800-171r2"]["controls"]}
    pairs = []
    for c in cats["cmmc-2.0"]["controls"]:
        if c["level"] == 2:
            reqs, rel = [c["id"].split("-", 1)[1]], "equivalent"
        else:
            reqs = FAR_TO_171R2[c["id"].split("-", 1)[1]]
            rel = "equivalent" if len(reqs) == 1 else "superset-of"
        for req in reqs:
            if req not in r2_ids:
                raise DataError(f"CMMC {c['id']}: {req} not in SP 800-171r2")
            pairs.append((c["id"], req, rel))
    a = prov.entry(F_CMMC)
    mp = {
        "name": "cmmc-2.0_to_nist-800-171r2",
        "from": "cmmc-2.0",
        "to": "nist-800-171r2",
        "derived": False,
        "source": {
            "name": (
                "CMMC Model Overview v2.13 (Level 2 practice = SP 800-171r2 requirement; Level 1 "
                "practice = FAR 52.204-21 item, aligned with SP 800-171r2 by the December 2021 "
                "model's ids), via acep-uaf/cmmc-2.0-control-parser"
            ),
            "url": prov.url(F_CMMC),
            "licence": (
                f"MIT License, Copyright (c) 2025 Alaska Center for Energy and Power ({a['repository']} "
                "LICENSE); CMMC model content CC BY 4.0, Carnegie Mellon University and The Johns "
                "Hopkins University Applied Physics Laboratory LLC."
            ),
        },
        "method": [
            "A Level 2 practice is the SP 800-171r2 requirement its id names (AC.L2-3.1.1 = 3.1.1):",
            "`equivalent`. A Level 1 practice is a FAR 52.204-21 (b)(1) item (AC.L1-b.1.i); the",
            "December 2021 model named it after the SP 800-171r2 requirement it matches (AC.L1-3.1.1),",
            "the practice's alias: `equivalent`, except PE.L1-b.1.ix, which covers three requirements",
            "(3.10.3, 3.10.4, 3.10.5) and is `superset-of` each.",
        ],
        "sources": [F_CMMC, S_CMMC_DEC2021],
        "pairs": order_pairs(pairs, cats["cmmc-2.0"], cats["nist-800-171r2"]),
    }
    out.append(mp)
    stats[mp["name"]] = {"rows": len(pairs), "kept": len(pairs)}
    return out, stats


# --------------------------------------------------------------------------
# Checks against summary/*.csv and fixed expectations
# --------------------------------------------------------------------------
class Checker:
    def __init__(self):
        self.errors = []
        self.notes = []

    def fail(self, msg):
        self.errors.append(msg)

    def eq(self, what, got, want):
        if got != want:
            self.fail(f"{what}: got {got!r}, expected {want!r}")

    def ids(self, what, got: list, want: list):
        if len(got) != len(set(got)):
            dup = [k for k, v in Counter(got).items() if v > 1]
            self.fail(f"{what}: duplicate ids {dup}")
        gs, ws = set(got), set(want)
        if gs != ws:
            self.fail(f"{what}: id sets differ; missing {sorted(ws - gs)[:20]}, extra {sorted(gs - ws)[:20]}")


def summary_rows(data, rel):
    return read_csv(data, rel)


def run_checks(data: Path, cats: dict, maps: list, extra: dict) -> Checker:
    ck = Checker()
    for name, n in EXPECTED_COUNTS.items():
        ck.eq(f"{name} control count", len(cats[name]["controls"]), n)

    def by_id(name):
        return {c["id"]: c for c in cats[name]["controls"]}

    def compare(name, rel, select=lambda r: True, title_diffs=frozenset(), family_of=None,
                id_of=lambda r: r["id"], casefold_family=False, part=None):
        rows = [r for r in summary_rows(data, rel) if select(r)]
        controls = [c for c in cats[name]["controls"] if part is None or c.get("part") == part]
        ck.ids(f"{name} vs {rel}", [c["id"] for c in controls], [id_of(r) for r in rows])
        ck.eq(f"{name} vs {rel}: count", len(controls), len(rows))
        have = by_id(name)
        for r in rows:
            c = have.get(id_of(r))
            if c is None:
                continue
            same = norm(r["title"]) == c["title"]
            if c["id"] in title_diffs:
                if same:
                    ck.fail(f"{name} {c['id']}: listed as a known title difference but now equal")
            elif not same:
                ck.fail(f"{name} {c['id']}: title {c['title']!r} != summary {norm(r['title'])!r}")
            fam, want = (family_of(c), norm(r["family"])) if family_of else (None, None)
            if casefold_family and fam is not None:
                fam, want = fam.casefold(), want.casefold()
            if fam != want:
                ck.fail(f"{name} {c['id']}: family {c['family']!r} does not match summary {r['family']!r}")
        # order: summary lists are in official order too (except where noted)
        return rows

    compare("iso27001-2022", S_ISO, title_diffs=frozenset(ISO_TITLE_FIXES), family_of=lambda c: c["family"],
            part="annex-a")
    iso = cats["iso27001-2022"]["controls"]
    ck.eq("iso27001-2022 clause ids", [c["id"] for c in iso if c.get("part") == "clauses"], ISO_CLAUSE_IDS)
    ck.eq("iso27001-2022 parts", sorted({c.get("part") for c in iso}), sorted(ISO_PARTS))
    ck.eq("iso27001-2022 order: clauses, then Annex A", [c["part"] for c in iso],
          ["clauses"] * len(ISO_CLAUSE_IDS) + ["annex-a"] * 93)
    compare("nist-800-53r5", S_53, family_of=lambda c: c["family"].split(" ", 1)[1])
    compare("nist-800-171r2", S_171R2, title_diffs=frozenset(R2_SUMMARY_DIFFS),
            family_of=lambda c: c["family"].split(" ", 1)[1])
    compare("nist-800-171r3", S_171R3, family_of=lambda c: c["family"].split(" ", 1)[1])
    compare("nist-csf-2.0", S_CSF,
            family_of=lambda c: f"{c['function']} / {c['family'].split(' ', 1)[1]} ({c['family'].split(' ', 1)[0]})")
    compare("cmmc-2.0", S_CMMC, select=lambda r: ".L3-" not in r["id"], title_diffs=frozenset(CMMC_SUMMARY_DIFFS),
            family_of=lambda c: c["family"], casefold_family=True)
    compare("hipaa-security", S_HIPAA, family_of=lambda c: c["family"])

    # Official order: ids in the same order as the summary lists where those are ordered.
    # (summary/nist-csf-2.0.csv lists categories in file order, not official order; see below.)
    want = [r["id"] for r in summary_rows(data, S_ISO)]
    if [c["id"] for c in iso if c["part"] == "annex-a"] != want:
        ck.fail(f"iso27001-2022: Annex A order differs from {S_ISO}")
    for name, rel in [("nist-800-53r5", S_53), ("nist-800-171r3", S_171R3),
                      ("hipaa-security", S_HIPAA), ("nist-800-171r2", S_171R2)]:
        want = [r["id"] for r in summary_rows(data, rel)]
        got = [c["id"] for c in cats[name]["controls"]]
        if got != want:
            ck.fail(f"{name}: control order differs from {rel}")

    got_cats = []
    for c in cats["nist-csf-2.0"]["controls"]:
        cat_id = c["family"].split(" ", 1)[0]
        if not got_cats or got_cats[-1] != cat_id:
            got_cats.append(cat_id)
    ck.eq("nist-csf-2.0 category order", got_cats, CSF_CATEGORY_ORDER)

    # 800-53 baselines vs summary
    want_sel = {b: set() for b in EXPECTED_BASELINES}
    for r in summary_rows(data, S_53_BASELINES):
        want_sel[r["baseline"].strip().lower()].add(r["id"].strip())
    got_sel = {b: set() for b in EXPECTED_BASELINES}
    for c in cats["nist-800-53r5"]["controls"]:
        lid = re.sub(r"\((\d+)\)", r".\1", c["id"]).lower()
        for b in c.get("baselines", []):
            got_sel[b].add(lid)
    for b, n in EXPECTED_BASELINES.items():
        ck.eq(f"nist-800-53r5 baseline {b} count", len(got_sel[b]), n)
        if got_sel[b] != want_sel[b]:
            ck.fail(f"nist-800-53r5 baseline {b}: selection differs from {S_53_BASELINES}")

    # Weights
    for name, sel in [("nist-800-171r2", lambda c: True), ("cmmc-2.0", lambda c: c.get("level") == 2)]:
        ws = [c.get("weight") for c in cats[name]["controls"] if sel(c)]
        ck.eq(f"{name} weighted controls", len(ws), 110)
        if None in ws:
            ck.fail(f"{name}: a control has no weight")
            continue
        ck.eq(f"{name} weight sum", sum(ws), EXPECTED_WEIGHT_SUM)
        ck.eq(f"{name} weight counts", dict(Counter(ws)), EXPECTED_WEIGHT_COUNTS)
    cm = cats["cmmc-2.0"]["controls"]
    ck.eq("cmmc-2.0 level 1 count", sum(1 for c in cm if c["level"] == 1), 15)
    ck.eq("cmmc-2.0 level 2 count", sum(1 for c in cm if c["level"] == 2), 110)
    if any(c["level"] == 1 and not c.get("aliases") for c in cm):
        ck.fail("cmmc-2.0: a Level 1 practice has no alias")
    if any(c["level"] == 1 and "weight" in c for c in cm):
        ck.fail("cmmc-2.0: a Level 1 practice has a weight")
    r2w = {c["id"]: c["weight"] for c in cats["nist-800-171r2"]["controls"]}
    for c in cm:
        if c["level"] == 2 and c["weight"] != r2w[c["id"].split("-", 1)[1]]:
            ck.fail(f"{c['id']}: weight differs from SP 800-171r2")

    # HIPAA specifications
    hs = [s for c in cats["hipaa-security"]["controls"] for s in c.get("specifications", [])]
    ck.eq("hipaa specifications", len(hs), 46)
    ck.eq("hipaa required", sum(1 for s in hs if s["status"] == "required"), 24)
    ck.eq("hipaa addressable", sum(1 for s in hs if s["status"] == "addressable"), 22)
    spec = {s["id"]: s for s in hs}
    for sid, status in [("164.308(a)(1)(ii)(A)", "required"), ("164.312(a)(2)(iv)", "addressable"),
                        ("164.312(a)(2)(i)", "required"), ("164.312(e)(2)(ii)", "addressable"),
                        ("164.308(a)(7)(ii)(A)", "required"), ("164.310(d)(2)(i)", "required")]:
        ck.eq(f"hipaa {sid} status", spec.get(sid, {}).get("status"), status)

    # Global uniqueness of ids and aliases within each catalog; every string non-empty
    for name, fw in cats.items():
        seen = Counter()
        for c in fw["controls"]:
            seen[c["id"]] += 1
            for a in c.get("aliases", []):
                seen[a] += 1
            for s in c.get("specifications", []):
                seen[s["id"]] += 1
            for k in ("id", "title", "family"):
                if not c[k] or c[k] != c[k].strip():
                    ck.fail(f"{name} {c['id']}: empty or untrimmed {k}")
        dup = [k for k, v in seen.items() if v > 1]
        if dup:
            ck.fail(f"{name}: ids/aliases used more than once: {dup}")

    # Mappings: both ends exist, relationship vocabulary, no duplicates
    for mp in maps:
        fids = {c["id"] for c in cats[mp["from"]]["controls"]}
        tids = {c["id"] for c in cats[mp["to"]]["controls"]}
        seen = set()
        for a, b, rel in mp["pairs"]:
            if a not in fids or b not in tids:
                ck.fail(f"{mp['name']}: dangling pair {a} -> {b}")
            if rel not in RELATIONSHIPS:
                ck.fail(f"{mp['name']}: relationship {rel!r}")
            if (a, b) in seen:
                ck.fail(f"{mp['name']}: duplicate pair {a} -> {b}")
            seen.add((a, b))
    m = {mp["name"]: mp for mp in maps}
    ck.eq("cmmc-2.0_to_nist-800-171r2 pairs", len(m["cmmc-2.0_to_nist-800-171r2"]["pairs"]), 127)
    cmmc_from = {a for a, _, _ in m["cmmc-2.0_to_nist-800-171r2"]["pairs"]}
    ck.eq("cmmc-2.0 practices mapped", len(cmmc_from), 125)
    r3 = m["nist-800-171r3_to_nist-800-53r5"]["pairs"]
    ck.eq("nist-800-171r3_to_nist-800-53r5 pairs", len(r3), 157)
    ck.eq("nist-800-171r3 requirements mapped", len({a for a, _, _ in r3}), 97)
    ck.eq("nist-800-171r2 withdrawn Rev. 4 ids replaced", extra["mapping_stats"]["nist-800-171r2_to_nist-800-53r5"]["replaced"],
          EXPECTED_R4_SUCCESSORS)
    for mp in maps:
        if not mp.get("method"):
            ck.fail(f"{mp['name']}: no method")
    st = extra["mapping_stats"]
    ck.eq("nist-800-53r5_to_iso27001-2022 source rows", st["nist-800-53r5_to_iso27001-2022"]["rows"], 642)
    ck.eq("nist-csf-2.0_to_iso27001-2022 source rows", st["nist-csf-2.0_to_iso27001-2022"]["rows"], 341)
    for name in ("nist-800-53r5_to_iso27001-2022", "nist-csf-2.0_to_iso27001-2022"):
        s = st[name]
        ck.eq(f"{name} kept pairs", s["kept"], s["rows"])
        for k in ("dropped_unknown_from", "dropped_unknown_to", "dropped_duplicate", "dropped_iso_clause"):
            if s.get(k):
                ck.fail(f"{name}: {s[k]} rows {k}")
    return ck


# --------------------------------------------------------------------------
# README
# --------------------------------------------------------------------------
def render_readme(cats: dict, maps: list, stats: dict) -> str:
    order = ["iso27001-2022", "nist-800-53r5", "nist-800-171r2", "nist-800-171r3", "cmmc-2.0",
             "nist-csf-2.0", "hipaa-security"]
    short_source = {
        "iso27001-2022": ("Compiled public listings of clause 4-10 ids and headings and Annex A ids and short titles", "ISO/IEC copyright: ids, headings and short titles only, no requirement or control text"),
        "nist-800-53r5": ("NIST OSCAL catalog v5.0.1 + SP 800-53B v5.1.1 baseline profiles (usnistgov/oscal-content)", "US Government work (public domain in the US), CC0 elsewhere"),
        "nist-800-171r2": ("tbusillo/nist-800-171-oscal (+ 3.1.9, DoD weights)", "Text public domain (NIST); conversion MIT, (c) 2022 Tom Busillo"),
        "nist-800-171r3": ("NIST OSCAL catalog (usnistgov/oscal-content)", "US Government work (public domain in the US), CC0 elsewhere"),
        "cmmc-2.0": ("CMMC Model v2.13 via acep-uaf/cmmc-2.0-control-parser; DoD weights via tbusillo/nist-800-171-oscal", "CMMC model CC BY 4.0 (CMU, JHU-APL); parser MIT (c) 2025 ACEP; weights MIT (c) 2022 Tom Busillo"),
        "nist-csf-2.0": ("NIST OSCAL catalog (usnistgov/oscal-content)", "US Government work (public domain in the US), CC0 elsewhere"),
        "hipaa-security": ("oscal-compass HIPAA catalog (NIST SP 800-66r2) + 45 CFR 164.308-316", "Catalog Apache-2.0; rule text public domain"),
    }
    notes = {
        "nist-800-53r5": "controls and enhancements, withdrawn excluded; `baselines` "
        + ", ".join(f"{b} {n}" for b, n in stats["baselines"].items()),
        "nist-800-171r2": "`weight` = DoD Assessment Methodology value (sum 313)",
        "nist-800-171r3": "withdrawn requirements excluded",
        "cmmc-2.0": "Level 1: 15 (`aliases` = December 2021 ids); Level 2: 110 (`weight`)",
        "nist-csf-2.0": "subcategories; `function` = CSF function",
        "hipaa-security": "standards; `specifications` with required/addressable status",
        "iso27001-2022": "clauses 4-10: 30 requirements (`part: clauses`); Annex A: 93 controls (`part: annex-a`)",
    }
    lines = [
        "# Framework catalogs",
        "",
        f"Generated by `{GENERATOR}` from the reference data in `sources/` (see its README.md and",
        "PROVENANCE.json). Do not edit these files by hand: change the generator and run it again.",
        "",
        "| File | Framework id | Controls | Notes | Source | Licence |",
        "|---|---|---|---|---|---|",
    ]
    for name in order:
        fw = cats[name]
        src, lic = short_source[name]
        lines.append(f"| `{name}.yaml` | `{name}` | {len(fw['controls'])} | {notes[name]} | {src} | {lic} |")
    lines += [
        "",
        "## Crosswalks (`mappings/`)",
        "",
        "| File | From | To | Pairs | Source |",
        "|---|---|---|---|---|",
    ]
    for mp in maps:
        lines.append(
            f"| `mappings/{mp['name']}.yaml` | `{mp['from']}` | `{mp['to']}` | {len(mp['pairs'])} | {mp['source']['name']} |"
        )
    lines += [
        "",
        "Only pairs whose both ends are in the shipped catalogs are kept. The OLIR references to",
        "ISO/IEC 27001:2022 point at clauses 4-10 as well as Annex A, and the catalog has both, so every",
        "one of their pairs is kept; SP 800-53 Rev. 4 ids from SP 800-171r2 Appendix D that are",
        "withdrawn in Rev. 5 are dropped. Relationships are one of `equivalent`, `subset-of`,",
        "`superset-of`, `intersects`, `related`.",
        "",
        "The full licence and attribution text of each source is in the `spec.source` block of each",
        "file. ISO/IEC 27001 control text, SOC 2 criteria and PCI DSS are not shipped; a licensed user",
        "can bring such a catalog in as a file of their own.",
        "",
        "## Regenerate",
        "",
        "```sh",
        "python3 tools/gen_frameworks.py                 # data from frameworks/sources",
        "python3 tools/gen_frameworks.py /path/to/data   # or another copy of the data",
        "python3 tools/gen_frameworks.py --check         # verify only: exit 1 if a file is stale",
        "```",
        "",
        "The generator uses the Python 3.11 standard library only, writes the same bytes on every",
        "run, and exits non-zero if any count, id set or title disagrees with `sources/summary/`.",
    ]
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------
def generate(data: Path):
    prov = Provenance(data)
    weights, mapped_r4 = load_weights(data)
    stats = {}
    cats = {}
    cats["iso27001-2022"] = build_iso(data, prov)
    cats["nist-800-53r5"], s53 = build_80053(data, prov)
    cats["nist-800-171r2"] = build_171r2(data, prov, weights)
    cats["nist-800-171r3"], s3 = build_171r3(data, prov)
    cats["cmmc-2.0"], scm = build_cmmc(data, prov, weights)
    cats["nist-csf-2.0"], scsf = build_csf(data, prov)
    cats["hipaa-security"], shp = build_hipaa(data, prov)
    stats.update(baselines=s53["baselines"], s53=s53, s3=s3, scm=scm, scsf=scsf, shp=shp)
    maps, mstats = build_mappings(data, prov, cats, mapped_r4, s53["successors"])
    stats["mapping_stats"] = mstats

    files = {}
    for name, fw in cats.items():
        files[OUT_DIR / f"{name}.yaml"] = render_framework(fw, data)
    for mp in maps:
        files[OUT_DIR / "mappings" / f"{mp['name']}.yaml"] = render_mapping(mp, data)
    files[OUT_DIR / "README.md"] = render_readme(cats, maps, stats)
    return cats, maps, stats, files


def report(cats, maps, stats):
    print("Catalogs:")
    for name, fw in cats.items():
        print(f"  {name:16} {len(fw['controls']):5} controls")
    print(f"  nist-800-53r5 withdrawn skipped: {stats['s53']['withdrawn']}")
    print("  nist-800-53r5 baselines: " + ", ".join(f"{b}={n}" for b, n in stats["baselines"].items()))
    print(f"  nist-800-171r3 withdrawn skipped: {stats['s3']['withdrawn']}")
    sc = stats["scsf"]
    print(f"  nist-csf-2.0: {sc['functions']} functions, {sc['categories']} categories; skipped "
          f"{sc['withdrawn_subcategories']} withdrawn subcategories, {sc['withdrawn_categories']} withdrawn categories")
    cm = cats["cmmc-2.0"]["controls"]
    print(f"  cmmc-2.0: level 1 = {sum(1 for c in cm if c['level'] == 1)} "
          f"({stats['scm']['aliases']} December 2021 aliases), level 2 = {sum(1 for c in cm if c['level'] == 2)}, "
          f"level 3 skipped = {stats['scm']['level3_skipped']}")
    sh = stats["shp"]
    print(f"  hipaa-security: {sh['specifications']} implementation specifications "
          f"({sh['required']} required, {sh['addressable']} addressable)")
    print("Weights (DoD Assessment Methodology):")
    for name, sel in [("nist-800-171r2", lambda c: True), ("cmmc-2.0", lambda c: c.get("level") == 2)]:
        ws = [c["weight"] for c in cats[name]["controls"] if sel(c)]
        cnt = Counter(ws)
        print(f"  {name:16} n={len(ws)} sum={sum(ws)} min score={len(ws) - sum(ws)} "
              + " ".join(f"w{w}={cnt[w]}" for w in sorted(cnt, reverse=True)))
    print("Mappings:")
    for mp in maps:
        s = stats["mapping_stats"][mp["name"]]
        extra = {k: v for k, v in s.items() if k not in ("rows", "kept") and v}
        print(f"  {mp['name']:34} source rows={s['rows']} kept={s['kept']} dropped={s['rows'] - s['kept']} {extra if extra else ''}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data_dir", nargs="?", default=str(DEFAULT_DATA), help="reference data dir (default frameworks/sources)")
    ap.add_argument("--check", action="store_true", help="write nothing; exit 1 if any output file is stale")
    args = ap.parse_args(argv)
    data = Path(args.data_dir).resolve()
    if not (data / "PROVENANCE.json").is_file():
        print(f"error: {data} does not look like the reference data dir (no PROVENANCE.json)", file=sys.stderr)
        return 2
    try:
        cats, maps, stats, files = generate(data)
    except (DataError, KeyError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    report(cats, maps, stats)
    ck = run_checks(data, cats, maps, stats)
    if ck.errors:
        print(f"\n{len(ck.errors)} check(s) failed:", file=sys.stderr)
        for e in ck.errors:
            print(f"  - {e}", file=sys.stderr)
        return 1
    print("Checks: all counts, id sets, titles and baselines match frameworks/sources/summary.")
    if args.check:
        stale = [p for p, text in files.items() if not p.is_file() or p.read_bytes() != text.encode("utf-8")]
        for p in stale:
            print(f"stale: {p.relative_to(REPO)}", file=sys.stderr)
        return 1 if stale else 0
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
    print(f"Wrote {len(files)} files under {OUT_DIR.relative_to(REPO)}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
