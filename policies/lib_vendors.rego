# The vendors an SRM declares, their attestations, and the cloud components
# of the environment they run.
package srmcheck.lib.vendors

import rego.v1

declared := object.get(input.srm.parties, "vendors", [])

attested(id) if {
	some vendor in declared
	vendor.id == id
	some attestation in object.get(vendor, "attestations", [])
	attestation.validUntil >= input.asOf
}

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
