# METADATA
# title: Exactly one party is accountable for each row
# description: |-
#   Each row's `raci` gives every party involved its letters (R, A, C, I), and
#   exactly one party holds the A: the one who answers for the duty. Two
#   accountable parties means none in practice; none means the duty has no
#   one to answer for it in an audit or an incident.
# custom:
#   id: raci-accountable
#   severity: error
#   remediation: Give the row a `raci` in which exactly one party has the letter A.
#   frameworks: [iso27001-2022, cmmc-2.0, nist-800-53r5]
package srmcheck.rules.raci_accountable

import rego.v1

deny contains finding if {
	some i, accountable in data.srmcheck.lib.row_facts.accountable
	count(accountable) != 1
	row := input.srm.responsibilities[i]
	finding := problem(row, i, object.get(row, "raci", {}), accountable)
}

problem(row, i, raci, _) := {
	"msg": sprintf("responsibility %s has no RACI", [row.id]),
	"pointer": sprintf("/srm/responsibilities/%d", [i]),
} if count(raci) == 0

problem(row, i, raci, accountable) := {
	"msg": sprintf("responsibility %s has %d accountable parties%s; it needs exactly one", [row.id, count(accountable), named(sort(accountable))]),
	"pointer": sprintf("/srm/responsibilities/%d/raci", [i]),
} if count(raci) > 0

named(parties) := sprintf(" (%s)", [concat(", ", parties)]) if count(parties) > 0

else := ""
