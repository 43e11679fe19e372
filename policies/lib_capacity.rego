# The capacity judgement: for every in-scope control, the rows that cover it
# (its own, then those covering it through a crosswalk the SRM opted into),
# what stops each covering owner from performing it, and the verdict. The
# capacity rules turn its `problems` into findings, the SPRS score and the
# maturity assessment judge by its `judgement`, and the evidence report shows
# its verdicts (`facts`): they cannot disagree.
#
# What stops an owner, by `kind`:
# A shared row split with a vendor (`shared: [client, vendor:aws]`) is judged
# per party: the MSSP's or the client's part by its profile, the vendor's by
# its attestations, as a vendor row is.
#
# - `capability`: a party owner lacks a capability the row lists (`missing`),
#   or has none of those srmcheck knows the control needs (`needs`);
# - `round-the-clock`: the control needs 24x7 coverage and the owner works
#   business hours;
# - `maturity`: the owner's SOC or infrastructure maturity is below the
#   control's `minMaturity`;
# - `attestation`: a vendor owner, or a vendor a shared row is split with, has
#   no attestation valid on the `--as-of` date;
# - `owner`: the row's owner is neither a party nor a vendor;
package srmcheck.lib.capacity

import rego.v1

rows := object.get(input.srm, "responsibilities", [])

soc_capabilities := {"security-monitoring", "incident-response", "threat-intelligence"}

# Which of the owner's maturities a control needs: the SOC's for detection,
# response and threat intelligence, the infrastructure's for the rest. (A
# lookup, not an `else` function: written as `"soc" if { some capability
# ...; capability in soc_capabilities } else := "infrastructure"`, the
# compiled RVM program gave no kind for a control without a SOC capability,
# where the interpreter gave `infrastructure`, and dropped every
# infrastructure `maturity` problem.)
maturity_kind(control) := object.get(
	{true: "soc"},
	count([c | some c in object.get(control, "capabilities", []); c in soc_capabilities]) > 0,
	"infrastructure",
)

# The rows covering each control, by framework: its own, then through `via`,
# each once, in row order.
# (Comprehensions rather than a function per control: in the compiled
# program each call costs more than the loop it makes.)
covering := {framework_id: {control_id: sort({i | some i in object.get(control, "rows", [])} | {i |
	some via in object.get(control, "via", [])
	some i in via.rows
}) |
	some control_id, control in framework.controls
} |
	some framework_id, framework in input.frameworks
}

# The rows judged against a control's own knowledge: its covering rows but
# those that cover a standard only through its implementation specifications
# (`via[].through: specifications`), which are judged at the specification.
# A row that decided an addressable HIPAA specification `not-reasonable`
# does not perform it, and is not judged for it.
own_covering := {framework_id: {control_id: sort({i |
	some i in object.get(control, "rows", [])
	not [control_id, i] in declined
} | {i |
	some via in object.get(control, "via", [])
	object.get(via, "through", "crosswalk") != "specifications"
	some i in via.rows
	not [control_id, i] in declined
}) |
	some control_id, control in framework.controls
} |
	some framework_id, framework in input.frameworks
}

# `[specification, row]` for each addressable specification a row decided
# `not-reasonable`.
declined := {[control_id, i] |
	some i, row in rows
	some control_id, decision in object.get(row, "addressable", {})
	object.get(decision, "decision", "") == "not-reasonable"
}

# `[framework, control]` for each in-scope control row `i` is judged for: a
# function, asked only for the rows with a problem (a whole object of every
# row would loop over every control once per row).
row_controls(i) := sort({[framework_id, control_id] |
	some framework_id, controls in own_covering
	some control_id, covered_by in controls
	i in covered_by
})

# What stops a row's owner whatever the control: one entry per row.
row_problems contains {"row": i, "kind": "capability", "missing": missing} if {
	some i, missing in data.srmcheck.lib.parties.lacking
}

# Each vendor doing a row's work, its owner or one a shared row is split
# with, must hold a current attestation.
row_problems contains {"row": pair[0], "kind": "attestation", "vendor": pair[1]} if {
	attested := data.srmcheck.lib.vendors.attested_ids
	some pair in data.srmcheck.lib.parties.row_vendor_ids
	not pair[1] in attested
}

# A row whose owner is neither a party nor a vendor has no parties.
row_problems contains {"row": i, "kind": "owner", "owner": object.get(row, "owner", "")} if {
	sets := data.srmcheck.lib.parties.row_party_sets
	some i, row in rows
	object.get(sets, i, null) == null
}

# What stops each covering owner from performing a control: the row's own
# problems for each control it covers, and those of the control.
problems contains p if {
	some problem in row_problems
	some pair in row_controls(problem.row)
	p := object.union(problem, {"framework": pair[0], "control": pair[1]})
}

problems contains {"framework": framework_id, "control": control_id, "row": i, "kind": "capability", "needs": needs} if {
	owners := data.srmcheck.lib.parties.owners
	judged := data.srmcheck.lib.parties.judged
	cover_of := own_covering
	some framework_id, framework in input.frameworks
	some control_id, control in framework.controls
	needs := object.get(control, "capabilities", [])
	count(needs) > 0
	some i in cover_of[framework_id][control_id]
	judge := object.get(judged, i, null)
	judge != null
	have := owners[judge].capabilities
	every need in needs {
		not need in have
	}
}

problems contains {"framework": framework_id, "control": control_id, "row": i, "kind": "round-the-clock", "coverage": owner.coverage} if {
	owners := data.srmcheck.lib.parties.owners
	judged := data.srmcheck.lib.parties.judged
	cover_of := own_covering
	some framework_id, framework in input.frameworks
	some control_id, control in framework.controls
	object.get(control, "roundTheClock", false) == true
	some i in cover_of[framework_id][control_id]
	judge := object.get(judged, i, null)
	judge != null
	owner := owners[judge]
	not owner.roundTheClock
}

problems contains {"framework": framework_id, "control": control_id, "row": i, "kind": "maturity", "needed": needed, "maturity": kind, "has": has} if {
	lowest := data.srmcheck.lib.parties.lowest_maturity
	owners := data.srmcheck.lib.parties.owners
	judged := data.srmcheck.lib.parties.judged
	cover_of := own_covering
	some framework_id, framework in input.frameworks
	some control_id, control in framework.controls
	needed := object.get(control, "minMaturity", 1)
	needed > lowest
	kind := maturity_kind(control)
	some i in cover_of[framework_id][control_id]
	judge := object.get(judged, i, null)
	judge != null
	has := owners[judge].maturity[kind]
	has < needed
}

# `[framework, control, row]` for each covering row whose owner cannot
# perform the control: a row covering a standard through a specification is
# blocked for the standard when it is for the specification.
blocked := at_own | through_specifications(at_own)

at_own := {[p.framework, p.control, p.row] | some p in problems}

through_specifications(own) := {[framework_id, control_id, i] |
	some framework_id, framework in input.frameworks
	some control_id, control in framework.controls
	some via in object.get(control, "via", [])
	object.get(via, "through", "crosswalk") == "specifications"
	some i in via.rows
	[framework_id, via.control, i] in own
}

# A row's implementation status of a control: the row's `controlStatus` for
# it, else the row's `status`, else `implemented`.
status(row, framework_id, control_id) := object.get(object.get(object.get(row, "controlStatus", {}), framework_id, {}), control_id, object.get(row, "status", "implemented"))

# Statuses that count as the control being in place.
in_place := {"implemented", "alternative"}

# The judgement of every in-scope control, by framework: `rows` covering it,
# `capable` those whose owner can perform it, `statuses` of the capable rows,
# `verdict` (`capable`, `not-capable` or `no-owner`) and `excepted` (a
# current exception names it).
judgement := {framework_id: {control_id: {
	"rows": covered_by,
	"capable": capable,
	"statuses": statuses,
	"inPlace": object.get(none, count([s | some s in statuses; s in in_place]), true),
	"verdict": object.get({0: "no-owner"}, count(covered_by), object.get({0: "not-capable"}, count(capable), "capable")),
	"excepted": object.get(excepted, control_id, false),
} |
	some control_id, covered_by in controls
	capable := [i | some i in covered_by; not [framework_id, control_id, i] in out]
	statuses := [object.get(object.get(control_statuses[i], framework_id, {}), control_id, default_status[i]) | some i in capable]
} |
	out := blocked
	some framework_id, controls in covering
	excepted := object.get(excepted_by, framework_id, {})
}

# Each row's `controlStatus` and `status`, by row index: what `status` gives,
# looked up without a call per row and control.
control_statuses := [object.get(row, "controlStatus", {}) | some row in rows]

default_status := [object.get(row, "status", "implemented") | some row in rows]

excepted_by := {framework_id: {control_id: true |
	some pair in data.srmcheck.lib.exceptions.excepted
	pair[0] == framework_id
	control_id := pair[1]
} |
	some framework_id, _ in input.frameworks
}

# Counts as flags and verdicts by lookup: `object.get(none, n, true)` is
# false for none, true for some. (Written with `else` functions instead, the
# compiled RVM program left a not-capable control out of the judgement,
# where the interpreter did not.)
none := {0: false}

# The verdict of every in-scope control, for the evidence report.
facts := {framework_id: {control_id: j.verdict | some control_id, j in controls} |
	some framework_id, controls in judgement
}
