# METADATA
# title: Every owner is a known party
# description: |-
#   Each responsibility row names exactly one owner, and that owner is a party
#   of the SRM: `mssp`, `client`, `shared` (both, with each duty spelled out) or
#   `vendor:<id>` of a vendor declared under `parties.vendors`. A row without a
#   known owner is a duty nobody has agreed to perform.
# custom:
#   id: unknown-owner
#   severity: error
#   remediation: >-
#     Set `owner` to `mssp`, `client`, `shared` or `vendor:<id>`, declaring the
#     vendor under `parties.vendors` first.
#   frameworks: [iso27001-2022, cmmc-2.0]
package srmcheck.rules.unknown_owner

import rego.v1

parties := {"mssp", "client", "shared"}

deny contains finding if {
	some i, row in input.srm.responsibilities
	owner := object.get(row, "owner", null)
	not owner in parties
	not declared_vendor(owner)
	finding := {
		"msg": message(row, owner),
		"pointer": sprintf("/srm/responsibilities/%d/owner", [i]),
	}
}

declared_vendor(owner) if owner in vendor_owners

# `vendor:<id>` for each vendor declared under `parties.vendors`.
vendor_owners contains data.srmcheck.lib.vendors.owner_of(vendor.id) if {
	some vendor in input.srm.parties.vendors
}

message(row, owner) := sprintf("responsibility %s has no owner", [row.id]) if {
	owner == null
} else := sprintf("responsibility %s is owned by `%v`, which is not a party of this SRM", [row.id, owner])
