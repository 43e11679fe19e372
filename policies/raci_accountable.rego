# METADATA
# title: Exactly one party is accountable for each row, and its owner is responsible
# description: |-
#   Each row's `raci` gives every party involved its letters (R, A, C, I), and
#   exactly one party holds the A: the one who answers for the duty. Two
#   accountable parties means none in practice; none means the duty has no
#   one to answer for it in an audit or an incident. The row's owner does the
#   work, so the RACI makes it Responsible (R): both the MSSP and the client
#   for a shared row. An MSSP-owned row whose RACI makes only the client
#   responsible says two different things about who does the duty.
# custom:
#   id: raci-accountable
#   severity: error
#   remediation: >-
#     Give the row a `raci` in which exactly one party has the letter A and the
#     owner (both parties of a shared row) the letter R, such as
#     `{mssp: R, client: RA}` for a shared row.
#   frameworks: [iso27001-2022, cmmc-2.0, nist-800-53r5]
package srmcheck.rules.raci_accountable

import rego.v1

deny contains finding if {
	some i, accountable in data.srmcheck.lib.row_facts.accountable
	count(accountable) != 1
	row := input.srm.responsibilities[i]
	finding := problem(row, i, object.get(row, "raci", {}), accountable)
}

deny contains finding if {
	some i, parties in data.srmcheck.lib.row_facts.not_responsible
	row := input.srm.responsibilities[i]
	some party in parties
	finding := {
		"msg": sprintf("responsibility %s is owned by %s, but its RACI does not make %s Responsible (R)", [row.id, data.srmcheck.lib.parties.owner_label(row), party]),
		"pointer": raci_pointer(i, row.raci, party),
	}
}

# The party's RACI entry, or the RACI when it has none.
raci_pointer(i, raci, party) := sprintf("/srm/responsibilities/%d/raci/%s", [i, json_pointer_escape(party)]) if party in object.keys(raci)

else := sprintf("/srm/responsibilities/%d/raci", [i])

json_pointer_escape(token) := replace(replace(token, "~", "~0"), "/", "~1")

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
