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

deny contains finding if {
	some i, missing in data.srmcheck.lib.parties.lacking
	row := input.srm.responsibilities[i]
	some need in missing
	finding := {
		"msg": sprintf("responsibility %s needs `%s`, which its owner (%s) does not have", [row.id, need, row.owner]),
		"pointer": sprintf("/srm/responsibilities/%d/capabilities", [i]),
	}
}

deny contains finding if {
	owners := data.srmcheck.lib.parties.owners
	party_owners := data.srmcheck.lib.parties.party_owners
	rows := input.srm.responsibilities
	some framework_id, framework in input.frameworks
	some control_id, control in framework.controls
	needs := control.capabilities
	some i in control.rows
	row := rows[i]
	row.owner in party_owners
	have := owners[row.owner].capabilities
	every need in needs {
		not need in have
	}
	finding := {
		"msg": sprintf("responsibility %s covers %s, which needs %s; its owner (%s) has none of them", [row.id, control_id, concat(" or ", needs), row.owner]),
		"pointer": sprintf("/srm/responsibilities/%d/owner", [i]),
		"framework": framework_id,
		"control": control_id,
	}
}
