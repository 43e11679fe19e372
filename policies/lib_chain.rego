# The responsibility chain's matching, as resolved in Rust: each entry of a
# published responsibilities document stands for the controls of the selected
# frameworks listed in `input.vendorMatches[<vendor>][i]` (or
# `input.providerMatches[i]` for the MSSP's own): itself, when its framework is
# selected, and its crosswalk counterparts through pairs at least as broad
# (`equivalent`, `superset-of`). The chain rules judge those controls.
package srmcheck.lib.chain

import rego.v1

# The matches of an entry that are in scope of the SRM, in order.
in_scope(matches) := [m |
	some m in matches
	input.frameworks[m.framework].controls[m.control]
]

# The rows covering a control, directly or `via` a crosswalk the SRM opted into.
covering_rows(control) := rows if {
	via := {r | some cover in object.get(control, "via", []); some r in cover.rows}
	rows := {r | some r in control.rows} | via
}

# Whether a row owned by one of `owners` covers one of the matched controls.
covered_by(matched, owners) if {
	some m in matched
	some r in covering_rows(input.frameworks[m.framework].controls[m.control])
	input.srm.responsibilities[r].owner in owners
}

# " (through cmmc-2.0 AC.L1-b.1.i)": the counterparts in other frameworks a
# published control matched through; empty when it matched only itself.
through(framework, matched) := "" if {
	every m in matched {
		m.framework == framework
	}
}

through(framework, matched) := sprintf(" (through %s)", [concat(", ", names)]) if {
	names := [sprintf("%s %s", [m.framework, m.control]) |
		some m in matched
		m.framework != framework
	]
	count(names) > 0
}

# Whether a published document reaches a framework: its own, or one its
# controls matched into.
reaches(published, matches, framework) if {
	published.framework == framework
}

reaches(_, matches, framework) if {
	some found in matches
	some m in found
	m.framework == framework
}
