# METADATA
# title: The owner has the capabilities the duty needs
# description: |-
#   A row's owner must be able to do the work: it needs every capability the
#   row lists under `capabilities`, and, for each in-scope control the row
#   covers, at least one of the capabilities srmcheck knows that control needs
#   (`frameworks/knowledge`). The MSSP's capabilities are its Provider's; the
#   client's are `parties.client.capabilities`; a shared row may draw on both.
#   Vendor rows are judged by their attestations instead.
#
#   Assigning a control to a party that cannot perform it is the commonest way
#   an SRM looks complete on paper and fails in an audit ("don't assign
#   controls the client can't handle").
# custom:
#   id: owner-lacks-capability
#   severity: error
#   remediation: >-
#     Give the row to a party that has the capability, make it shared with the
#     MSSP, or add the capability to the party's profile once it really has it.
#   frameworks: [iso27001-2022, cmmc-2.0, nist-800-171r2, nist-800-53r5, hipaa-security]
#   category: capacity
package srmcheck.rules.owner_lacks_capability

import rego.v1

# The findings come from the capacity judgement (lib_capacity), which the
# SPRS score and the evidence report read too: one per control a row covers
# (a row that covers no in-scope control gets one of its own).
deny contains finding if {
	rows := input.srm.responsibilities
	some p in data.srmcheck.lib.capacity.problems
	p.kind == "capability"
	row := rows[p.row]
	finding := {
		"msg": message(row, p),
		"pointer": pointer(p),
		"framework": p.framework,
		"control": p.control,
	}
}

deny contains finding if {
	some p in data.srmcheck.lib.capacity.row_problems
	p.kind == "capability"
	count(data.srmcheck.lib.capacity.row_controls(p.row)) == 0
	row := input.srm.responsibilities[p.row]
	finding := {
		"msg": sprintf("responsibility %s needs %s, which its owner (%s) does not have", [row.id, named(p.missing), data.srmcheck.lib.parties.owner_label(row)]),
		"pointer": sprintf("/srm/responsibilities/%d/capabilities", [p.row]),
	}
}

message(row, p) := sprintf("responsibility %s covers %s and needs %s, which its owner (%s) does not have", [row.id, p.control, named(p.missing), data.srmcheck.lib.parties.owner_label(row)]) if p.missing

message(row, p) := sprintf("responsibility %s covers %s, which needs %s; its owner (%s) has none of them", [row.id, p.control, concat(" or ", p.needs), data.srmcheck.lib.parties.owner_label(row)]) if p.needs

pointer(p) := sprintf("/srm/responsibilities/%d/capabilities", [p.row]) if p.missing

pointer(p) := sprintf("/srm/responsibilities/%d/owner", [p.row]) if p.needs

named(capabilities) := concat(", ", [sprintf("`%s`", [c]) | some c in capabilities])
