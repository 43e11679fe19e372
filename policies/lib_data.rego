# The classes of regulated data the client's environment holds, where each
# is written, and which components hold it: a component holds what its own
# `dataClasses` lists, or the environment's `dataClasses` when it lists none
# of its own. The scope rules and the attestation rules judge by it.
package srmcheck.lib.data

import rego.v1

environment_classes := object.get(input.environment, "dataClasses", [])

components := object.get(input.environment, "components", [])

# The classes a component holds.
held(component) := object.get(component, "dataClasses", environment_classes)

# Every class the environment holds, wherever it is written.
classes := {class | some class in environment_classes} | {class |
	some component in components
	some class in object.get(component, "dataClasses", [])
}

# Where each class is first written: the environment's list, else the first
# component that names it. Findings about a class point there.
written_at[class] := pointers[0] if {
	some class in classes
	pointers := array.concat(
		[sprintf("/environment/dataClasses/%d", [i]) | some i, c in environment_classes; c == class],
		[sprintf("/environment/components/%d/dataClasses/%d", [k, j]) |
			some k, component in components
			some j, c in object.get(component, "dataClasses", [])
			c == class
		],
	)
}

# The ids of the components holding each class.
holders[class] := {component.id | some component in components; class in held(component)} if {
	some class in classes
}

# The attestation types that answer for a class when a vendor runs a
# component holding it, and when the MSSP works on one. CUI in a cloud needs
# FedRAMP Moderate or its equivalent (DFARS 252.204-7012); the MSSP handling
# CUI is an external service provider, assessed at CMMC Level 2 (or
# authorised at FedRAMP Moderate). PHI needs a business associate agreement
# (45 CFR 164.308(b)), of a vendor and of the MSSP alike.
required := {
	"vendor": {
		"cui": {"fedramp-moderate", "fedramp-high", "dod-il4", "dod-il5", "dod-il6"},
		"phi": {"baa"},
	},
	"mssp": {
		"cui": {"cmmc-l2", "cmmc-l3", "fedramp-moderate", "fedramp-high"},
		"phi": {"baa"},
	},
}

# What each requirement is called in messages.
named := {"cui": "FedRAMP Moderate authorisation or equivalent (FedRAMP High, DoD IL4 or above)", "phi": "business associate agreement (baa)"}

named_mssp := {"cui": "CMMC Level 2 certification as an external service provider (or FedRAMP Moderate authorisation)", "phi": "business associate agreement (baa)"}
