# Facts about the rows of an SRM that several rules and assessments judge by,
# computed once per evaluation: a rule that reads them costs a lookup, not
# another pass over every row.
package srmcheck.lib.row_facts

import rego.v1

# The rows the MSSP works on: it owns them or is one of the parties of a
# shared row (not of one split between the client and a vendor), or is
# responsible in their RACI.
mssp_works contains i if {
	some i, parties in data.srmcheck.lib.parties.parties_of_row
	"mssp" in parties
}

mssp_works contains i if {
	some i, row in input.srm.responsibilities
	contains(row.raci.mssp, "R")
}

# The rows an SLA of the MSSP binds: one with a metric and a target that are
# not placeholders.
sla_bound contains i if {
	words := placeholders
	some i, row in input.srm.responsibilities
	some sla in row.sla
	object.get(sla, "party", "mssp") == "mssp"
	not lower(trim_space(sla.metric)) in words
	not lower(trim_space(sla.target)) in words
}

# The MSSP's SLAs whose metric or target is a placeholder, by row: `[[j,
# field]]` for SLA `j` of the row. Such an SLA binds no one.
sla_placeholders[i] := found if {
	words := placeholders
	some i, row in input.srm.responsibilities
	found := [[j, field] |
		some j, sla in object.get(row, "sla", [])
		object.get(sla, "party", "mssp") == "mssp"
		some field in ["metric", "target"]
		lower(trim_space(sla[field])) in words
	]
	count(found) > 0
}

# Text that stands for a value still to be decided, trimmed and in lower
# case: blank, `TBD`, `TODO`, `TBA`, `n/a`, `-` or `?` (in any case). Rules
# test `lower(trim_space(text)) in placeholders` inline: a function call per
# SLA field cost more than the loop around it.
placeholders := {"", "tbd", "tba", "todo", "n/a", "na", "-", "--", "?"}

# The parties accountable (`A` in the RACI) for each row; `[]` for a row
# without a RACI.
accountable[i] := [party | some party, letters in object.get(row, "raci", {}); contains(letters, "A")] if {
	some i, row in input.srm.responsibilities
}

# The parties doing each row's work (its owner; each party of a shared row,
# vendors it is split with included) with a RACI whom that RACI does not
# make Responsible (`R`), for each row with any.
not_responsible[i] := parties if {
	some i, row in input.srm.responsibilities
	raci := object.get(row, "raci", {})
	count(raci) > 0
	parties := [party |
		some party in data.srmcheck.lib.parties.parties_of_row[i]
		not contains(object.get(raci, party, ""), "R")
	]
	count(parties) > 0
}
