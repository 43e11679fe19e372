# METADATA
# title: Controls a cloud vendor runs are inherited from it
# description: |-
#   A cloud vendor runs layers of the stack for its customers: the physical
#   layer for IaaS; physical, network and host for PaaS; everything but data,
#   identity and configuration for SaaS. Those controls are inherited from the
#   vendor, so for each layer the vendor runs the SRM has a row owned by
#   `vendor:<id>` covering controls of that layer (`layer` in srmcheck's
#   knowledge), backed by the vendor's attestation.
#   Conversely an on-prem estate has no vendor to inherit from: a row owned by
#   a vendor that runs no component of the environment is a duty nobody holds.
# custom:
#   id: environment-inheritance
#   severity: warning
#   remediation: >-
#     Add rows owned by the cloud vendor for the controls of the layers it runs,
#     or give a vendor-owned row to a party that really does it.
#   frameworks: [iso27001-2022, cmmc-2.0, nist-800-53r5]
package srmcheck.rules.environment_inheritance

import rego.v1

# The layers a cloud vendor runs, by service model.
vendor_layers := {
	"iaas": ["physical"],
	"paas": ["physical", "network", "host"],
	"saas": ["physical", "network", "host", "application"],
}

deny contains finding if {
	some c, component in object.get(input.environment, "components", [])
	component in data.srmcheck.lib.vendors.cloud_components
	owner := data.srmcheck.lib.vendors.owner_of(component.vendor)
	some layer in vendor_layers[component.model]
	layer in layers_in_scope
	not [owner, layer] in inherited
	finding := {
		"msg": sprintf("%s runs the %s layer of %s (%s), but no row owned by %s covers a control of that layer", [component.vendor, layer, component.id, component.model, owner]),
		"pointer": sprintf("/environment/components/%d", [c]),
	}
}

# Layers of the in-scope controls.
layers_in_scope contains control.layer if {
	some framework in input.frameworks
	some control in framework.controls
}

# `[owner, layer]` for each vendor-owned row covering a control of a layer.
inherited contains [owner, control.layer] if {
	some framework in input.frameworks
	some control in framework.controls
	some i in control.rows
	owner := input.srm.responsibilities[i].owner
	data.srmcheck.lib.vendors.is_vendor(owner)
}

deny contains finding if {
	some i, row in input.srm.responsibilities
	id := data.srmcheck.lib.vendors.vendor_id(row.owner)
	not id in {component.vendor | some component in data.srmcheck.lib.vendors.cloud_components}
	finding := {
		"msg": sprintf("responsibility %s is owned by vendor %s, which runs no cloud component of the environment to inherit from", [row.id, id]),
		"pointer": sprintf("/srm/responsibilities/%d/owner", [i]),
	}
}
