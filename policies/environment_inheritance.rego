# METADATA
# title: Controls a cloud vendor runs are inherited from it, for its components only
# description: |-
#   A cloud vendor runs layers of the stack for its customers: the physical
#   layer for IaaS; physical, network and host for PaaS; everything but data,
#   identity and configuration for SaaS. Those controls are inherited from the
#   vendor, so for each layer the vendor runs the SRM has a row owned by
#   `vendor:<id>`, applying to the component, covering controls of that layer
#   (`layer` in srmcheck's knowledge), backed by the vendor's attestation.
#   A row applies to the components its `components` names, or to every
#   component when it names none. Inheritance holds for the vendor's own
#   components only: a vendor-owned row that applies to a component the vendor
#   does not run (an on-prem site, another vendor's service) claims what
#   nobody inherits (naming no `components`, it claims the environment's
#   on-prem sites), and a row owned by a vendor that runs no component of the
#   environment is a duty nobody holds. An on-prem component has no vendor to
#   inherit from: its physical, network and host layers need a row owned by
#   the MSSP, the client or both (`shared`) that applies to it, or the
#   in-scope controls of that layer are a gap there.
# custom:
#   id: environment-inheritance
#   severity: warning
#   remediation: >-
#     Add rows owned by the cloud vendor for the controls of the layers it runs,
#     with `components` naming the vendor's components; cover an on-prem site's
#     physical, network and host layers with rows owned by the MSSP, the client
#     or both that apply to it.
#   frameworks: [iso27001-2022, cmmc-2.0, nist-800-53r5]
package srmcheck.rules.environment_inheritance

import rego.v1

# The layers a cloud vendor runs, by service model.
vendor_layers := {
	"iaas": ["physical"],
	"paas": ["physical", "network", "host"],
	"saas": ["physical", "network", "host", "application"],
}

# The layers of an on-prem component that a party of the SRM must cover.
on_prem_layers := ["physical", "network", "host"]

rows := object.get(input.srm, "responsibilities", [])

declared_ids := {vendor.id | some vendor in data.srmcheck.lib.vendors.declared}

# An undeclared vendor is environment-vendor-undeclared's one finding, at
# the component: no finding per layer here.
deny contains finding if {
	inherited_by := inherited
	some c, component in data.srmcheck.lib.components.components
	component in data.srmcheck.lib.vendors.cloud_components
	component.vendor in declared_ids
	some layer in vendor_layers[component.model]
	layer in layers_in_scope
	not [component.id, layer] in inherited_by
	finding := {
		"msg": sprintf("%s runs the %s layer of %s (%s), but no row owned by %s that applies to %s covers a control of that layer", [component.vendor, layer, component.id, component.model, data.srmcheck.lib.vendors.owner_of(component.vendor), component.id]),
		"pointer": sprintf("/environment/components/%d", [c]),
	}
}

# Layers of the in-scope controls.
layers_in_scope contains control.layer if {
	some framework in input.frameworks
	some control in framework.controls
}

# `[row, layer]` for each row covering an in-scope control of a layer.
row_layers contains [i, control.layer] if {
	some framework in input.frameworks
	some control in framework.controls
	is_string(object.get(control, "layer", null))
	some i in control.rows
}

# `[component, layer]` for each layer a vendor-owned row covers on a
# component its vendor runs.
inherited contains [component_id, layer] if {
	applies := data.srmcheck.lib.components.applies
	by_id := data.srmcheck.lib.components.by_id
	vendored := data.srmcheck.lib.parties.vendor_owned
	some pair in row_layers
	i := pair[0]
	i in vendored
	layer := pair[1]
	id := substring(rows[i].owner, 7, -1)
	some component_id in applies[i]
	data.srmcheck.lib.components.runs(id, by_id[component_id])
}

# `[component, layer]` for each layer a row not owned by a vendor covers on
# a component. (A row whose owner is no party at all is unknown-owner's
# finding, not a gap here too.)
held contains [component_id, layer] if {
	applies := data.srmcheck.lib.components.applies
	vendored := data.srmcheck.lib.parties.vendor_owned
	some pair in row_layers
	i := pair[0]
	layer := pair[1]
	not i in vendored
	some component_id in applies[i]
}

deny contains finding if {
	held_by := held
	some c, component in data.srmcheck.lib.components.components
	component.model == "on-prem"
	some layer in on_prem_layers
	layer in layers_in_scope
	not [component.id, layer] in held_by
	finding := {
		"msg": sprintf("%s is on-prem, with no vendor to inherit from, but no row owned by the MSSP, the client or both that applies to it covers a control of its %s layer: the in-scope %s controls are a gap there", [component.id, layer, layer]),
		"pointer": sprintf("/environment/components/%d", [c]),
	}
}

# Vendors that run a cloud component of the environment.
running_vendors := {component.vendor | some component in data.srmcheck.lib.vendors.cloud_components}

deny contains finding if {
	some i in data.srmcheck.lib.parties.vendor_owned
	row := rows[i]
	id := substring(row.owner, 7, -1)
	not id in running_vendors
	finding := {
		"msg": sprintf("responsibility %s is owned by vendor %s, which runs no cloud component of the environment to inherit from", [row.id, id]),
		"pointer": sprintf("/srm/responsibilities/%d/owner", [i]),
	}
}

# A vendor-owned row naming a component its vendor does not run: a finding
# at that entry.
deny contains finding if {
	by_id := data.srmcheck.lib.components.by_id
	some i in data.srmcheck.lib.parties.vendor_owned
	row := rows[i]
	id := substring(row.owner, 7, -1)
	id in running_vendors
	some k, component_id in object.get(row, "components", [])
	component := by_id[component_id]
	not data.srmcheck.lib.components.runs(id, component)
	finding := {
		"msg": sprintf("responsibility %s is owned by vendor %s but applies to %s (%s), which %s does not run: nothing of %s is inherited from it", [row.id, id, component_id, component.model, id, component_id]),
		"pointer": sprintf("/srm/responsibilities/%d/components/%d", [i, k]),
	}
}

# A vendor-owned row naming no components applies to every one: a finding at
# its owner when the environment has on-prem components, which the vendor
# cannot run. (Another vendor's cloud component needs that vendor's own row,
# which the first rule asks for.)
deny contains finding if {
	sites := [component.id |
		some component in data.srmcheck.lib.components.components
		component.model == "on-prem"
	]
	count(sites) > 0
	some i in data.srmcheck.lib.parties.vendor_owned
	row := rows[i]
	id := substring(row.owner, 7, -1)
	id in running_vendors
	not data.srmcheck.lib.components.names_components(row)
	finding := {
		"msg": sprintf("responsibility %s is owned by vendor %s and names no `components`, so it applies to every component, also to on-prem %s, which %s does not run", [row.id, id, concat(", ", sites), id]),
		"pointer": sprintf("/srm/responsibilities/%d/owner", [i]),
	}
}
