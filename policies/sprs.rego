# CMMC SPRS score: for an SRM on CMMC 2.0 Level 2, the DoD Assessment
# Methodology score, 110 minus the weight of every practice without a capable
# owner: a practice no row covers, or whose every covering row is owned by a
# party that lacks a capability the row needs. The practices that cost points
# are listed, heaviest first.
package srmcheck.assess.sprs

import rego.v1

cmmc := input.frameworks["cmmc-2.0"]

rows := object.get(input.srm, "responsibilities", [])

capabilities(party) := object.get(input.provider, "capabilities", []) if party == "mssp"

capabilities(party) := object.get(object.get(input.srm.parties, "client", {}), "capabilities", []) if party == "client"

owner_capabilities(row) := capabilities(row.owner) if row.owner in {"mssp", "client"}

owner_capabilities(row) := array.concat(capabilities("mssp"), capabilities("client")) if row.owner == "shared"

capable(row) if startswith(row.owner, "vendor:")

capable(row) if {
	have := owner_capabilities(row)
	every need in object.get(row, "capabilities", []) {
		need in have
	}
}

costs contains {"control": id, "weight": control.weight, "reason": reason} if {
	cmmc.level == 2
	some id, control in cmmc.controls
	control.weight > 0
	reason := why_not(control)
}

why_not(control) := "no row covers it" if {
	count(control.rows) == 0
} else := "no covering row's owner has the capabilities it needs" if {
	every i in control.rows {
		not capable(rows[i])
	}
}

result := {
	"score": 110 - sum([c.weight | some c in costs]),
	"costs": sort_costs,
} if cmmc.level == 2

sort_costs := [c | some weight in [5, 3, 1]; some c in costs; c.weight == weight]
