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
package srmcheck.rules.client_retained

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
reasons(i, row) := array.concat(
	[sprintf("it needs %s", [capability]) |
		some capability in object.get(row, "capabilities", [])
		capability in retained_capabilities
	],
	[sprintf("it covers user access approval (%s)", [control_id]) |
		some framework_id, ids in access_approval
		some control_id in ids
		i in object.get(object.get(object.get(input.frameworks, framework_id, {}), "controls", {}), control_id, {"rows": []}).rows
	],
)

deny contains finding if {
	some i, row in input.srm.responsibilities
	why := reasons(i, row)
	count(why) > 0
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
