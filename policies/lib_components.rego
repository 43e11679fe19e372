# The environment components each row applies to: those its `components`
# names, or every component of the environment when it names none.
package srmcheck.lib.components

import rego.v1

components := object.get(input.environment, "components", [])

ids := [component.id | some component in components]

# Each component by id.
by_id := {component.id: component | some component in components}

# Whether a row names its components (otherwise it applies to all).
names_components(row) if count(object.get(row, "components", [])) > 0

# The ids of the components each row applies to.
applies[i] := row.components if {
	some i, row in input.srm.responsibilities
	names_components(row)
}

applies[i] := ids if {
	some i, row in input.srm.responsibilities
	not names_components(row)
}

# Whether a vendor runs a component: a cloud component with that vendor.
runs(vendor_id, component) if {
	component.model in data.srmcheck.lib.vendors.cloud_models
	component.vendor == vendor_id
}
