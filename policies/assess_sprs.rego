# CMMC SPRS score: for an SRM on CMMC 2.0 Level 2, the DoD Assessment
# Methodology score, `max` (110) minus the weight of every practice without a capable
# owner: a practice no row covers, or whose every covering row is owned by a
# party that lacks a capability the row needs. The practices that cost points
# are listed, heaviest first.
package srmcheck.assess.sprs

import rego.v1

cmmc := input.frameworks["cmmc-2.0"]

rows := object.get(input.srm, "responsibilities", [])

costs contains {"control": id, "weight": control.weight, "reason": reason(control.rows)} if {
	cmmc.level == 2
	some id, control in cmmc.controls
	control.weight > 0
	not capable(control.rows)
}

reason(covering) := "no row covers it" if count(covering) == 0

else := "no covering row's owner has the capabilities it needs"

# Whether any of the covering rows is capable.
capable(covering) if {
	some i in covering
	capable_rows[i]
}

# Positions of the rows whose owner can do what the row needs, worked out
# once: a vendor's by its attestation, a party's by its capabilities.
capable_rows contains i if {
	some i, row in rows
	data.srmcheck.lib.vendors.is_vendor(row.owner)
}

capable_rows contains i if {
	lacking := data.srmcheck.lib.parties.lacking
	party_owners := data.srmcheck.lib.parties.party_owners
	some i, row in rows
	row.owner in party_owners
	not lacking[i]
}

# The score with every practice met.
max := 110

# The best score, for the evidence report.
facts := {"max": max}

result := {
	"score": max - sum([c.weight | some c in costs]),
	"costs": sort_costs,
} if cmmc.level == 2

sort_costs := [c | some weight in [5, 3, 1]; some c in costs; c.weight == weight]
