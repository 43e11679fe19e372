# The vendors an SRM declares, their attestations, and the cloud components
# of the environment they run. Whether each attestation is valid on the
# `--as-of` date is worked out here only: the capacity judgement relies on it
# and the evidence report shows it (`facts`).
package srmcheck.lib.vendors

import rego.v1

declared := object.get(input.srm.parties, "vendors", [])

# Whether a vendor has a current attestation of its controls: a business
# associate agreement is a contract, no evidence that the controls work.
attested(id) if id in attested_ids

# The declared vendors with a current attestation of their controls, by id.
attested_ids contains vendor.id if {
	some vendor in declared
	some attestation in object.get(vendor, "attestations", [])
	attestation.type != "baa"
	valid(attestation)
}

# Whether an attestation is valid on the `--as-of` date: a business
# associate agreement without `validUntil` lasts as long as the contract.
valid(attestation) := true if {
	attestation.validUntil >= input.asOf
} else := true if {
	attestation.type == "baa"
	not "validUntil" in object.keys(attestation)
} else := false

# Each declared vendor's attestations, valid or not, in order, by vendor id.
facts := {"attestations": {vendor.id: [valid(a) | some a in object.get(vendor, "attestations", [])] | some vendor in declared}}

# Whether a row owner is a vendor: `vendor:<id>`.
is_vendor(owner) if startswith(owner, "vendor:")

# The vendor id of a vendor owner `vendor:<id>`; undefined for a party.
vendor_id(owner) := substring(owner, count("vendor:"), -1) if is_vendor(owner)

# The owner `vendor:<id>` of a vendor.
owner_of(id) := sprintf("vendor:%s", [id])

cloud_models := {"iaas", "paas", "saas"}

# Cloud components with the vendor that runs them.
cloud_components contains component if {
	some component in object.get(input.environment, "components", [])
	component.model in cloud_models
	is_string(object.get(component, "vendor", null))
}
