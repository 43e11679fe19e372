# METADATA
# title: Every vendor of the environment is in the SRM
# description: |-
#   Each vendor that runs a component of the client's environment (the cloud
#   provider, each SaaS vendor) is declared under `parties.vendors` with its
#   attestations. A vendor missing from the SRM is a party with duties nobody
#   has written down.
# custom:
#   id: environment-vendor-undeclared
#   severity: error
#   remediation: Declare the vendor under `parties.vendors`, with its attestations.
#   frameworks: [iso27001-2022, cmmc-2.0]
package srmcheck.rules.environment_vendor_undeclared

import rego.v1

deny contains finding if {
	some c, component in object.get(input.environment, "components", [])
	vendor := object.get(component, "vendor", null)
	is_string(vendor)
	not vendor in {v.id | some v in data.srmcheck.lib.vendors.declared}
	finding := {
		"msg": sprintf("vendor %s runs %s but is not declared in the SRM", [vendor, component.id]),
		"pointer": sprintf("/environment/components/%d/vendor", [c]),
	}
}
