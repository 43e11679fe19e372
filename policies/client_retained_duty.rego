# METADATA
# title: Client-retained duties stay with the client
# description: |-
#   Some duties stay with the client whatever the contract says: data
#   governance, approving users' access, and owning the security policy. An MSSP
#   can carry them out, but the client must be accountable (RACI A) and must
#   not hand ownership to the MSSP or a vendor. A row is such a duty when it
#   needs the `data-governance` or `policy-governance` capability, or covers a
#   user access approval control (listed below per framework).
# custom:
#   id: client-retained-duty
#   severity: error
#   remediation: >-
#     Make the client accountable (`raci: {client: A, ...}`) and the owner
#     `client` or `shared`; the MSSP may stay Responsible.
#   frameworks: [iso27001-2022, cmmc-2.0, nist-800-171r2, nist-800-53r5, hipaa-security]
package srmcheck.rules.client_retained_duty

import rego.v1

retained_capabilities := {"data-governance", "policy-governance"}

access_approval := {
	"iso27001-2022": {"A.5.18"},
	"cmmc-2.0": {"AC.L2-3.1.1", "AC.L1-b.1.i"},
	"nist-800-171r2": {"3.1.1"},
	"nist-800-53r5": {"AC-2"},
	"hipaa-security": {"164.308(a)(4)"},
}

# Why row `i` stays with the client, first reason first.
# Why each row stays with the client, by row position: the capabilities it
# needs that the client keeps, and the access-approval controls it covers.
reasons[i] := why if {
	some i in retained_rows
	row := input.srm.responsibilities[i]
	why := array.concat(
		[sprintf("it needs %s", [capability]) |
			some capability in row.capabilities
			capability in retained_capabilities
		],
		[sprintf("it covers user access approval (%s)", [pair[1]]) |
			some pair in approval_rows
			pair[0] == i
		],
	)
}

retained_rows contains i if {
	some i, row in input.srm.responsibilities
	some capability in row.capabilities
	capability in retained_capabilities
}

retained_rows contains pair[0] if some pair in approval_rows

# `[row, control]` for each row covering an access-approval control.
approval_rows contains [i, control_id] if {
	some framework_id, framework in input.frameworks
	some control_id in access_approval[framework_id]
	some i in framework.controls[control_id].rows
}

deny contains finding if {
	some i, why in reasons
	row := input.srm.responsibilities[i]
	not client_accountable(row)
	finding := {
		"msg": sprintf("responsibility %s stays with the client (%s) but %s", [row.id, why[0], problem(row)]),
		"pointer": sprintf("/srm/responsibilities/%d/owner", [i]),
	}
}

client_accountable(row) if {
	row.owner in {"client", "shared"}
	contains(object.get(object.get(row, "raci", {}), "client", ""), "A")
}

problem(row) := sprintf("is owned by %s", [row.owner]) if not row.owner in {"client", "shared"}

else := "the client is not accountable"
