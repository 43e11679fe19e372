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

cloud_models := {"iaas", "paas", "saas"}

# Cloud components with the vendor that runs them.
cloud_components contains component if {
	some component in object.get(input.environment, "components", [])
	component.model in cloud_models
	is_string(object.get(component, "vendor", null))
}
