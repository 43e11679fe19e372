# METADATA
# title: Who handles regulated data holds the attestation it requires
# description: |-
#   A cloud vendor whose component holds CUI holds a FedRAMP Moderate
#   authorisation or its equivalent (FedRAMP High, DoD Impact Level 4 or
#   above), as DFARS 252.204-7012 requires of a cloud service that stores,
#   processes or transmits CUI. The MSSP, when it works on a component holding
#   CUI, is an external service provider: its Provider records a CMMC Level 2
#   certification (or a FedRAMP Moderate authorisation). A vendor or the MSSP
#   that handles PHI is a business associate, bound by a business associate
#   agreement (`baa`) under 45 CFR 164.308(b). Each must be valid on the
#   `--as-of` date. A component holds the environment's `dataClasses` unless it
#   names its own; the MSSP works on the rows it owns, shares or is responsible
#   for, on the components they apply to. A vendor whose attestation type is
#   still a `TODO` is left to `placeholder-value` until it is decided.
# custom:
#   id: data-class-attestation-missing
#   severity: error
#   remediation: >-
#     Obtain the attestation and record it (`attestations` of the vendor, or of
#     the MSSP in its Provider, with its `type` and `validUntil`), or name the
#     component's own `dataClasses` if the data is not there.
#   frameworks: [cmmc-2.0, nist-800-171r2, hipaa-security]
package srmcheck.rules.data_class_attestation_missing

import rego.v1

deny contains finding if {
	some v, vendor in data.srmcheck.lib.vendors.declared
	some class, kinds in data.srmcheck.lib.data.required.vendor
	held := sort([component.id |
		some component in data.srmcheck.lib.data.components
		data.srmcheck.lib.components.runs(vendor.id, component)
		class in data.srmcheck.lib.data.held(component)
	])
	count(held) > 0
	not holds(object.get(vendor, "attestations", []), kinds)
	not undecided(vendor)
	finding := {
		"msg": sprintf("vendor %s runs %s, which holds %s, but has no %s valid on %s", [vendor.id, concat(", ", held), upper(class), data.srmcheck.lib.data.named[class], input.asOf]),
		"pointer": sprintf("/srm/parties/vendors/%d/id", [v]),
	}
}

deny contains finding if {
	some class, kinds in data.srmcheck.lib.data.required.mssp
	rows := mssp_rows(class)
	count(rows) > 0
	not holds(object.get(input.provider, "attestations", []), kinds)
	finding := {
		"msg": sprintf("the MSSP works on %s (%s) but its Provider records no %s valid on %s", [upper(class), listed(rows), data.srmcheck.lib.data.named_mssp[class], input.asOf]),
		"pointer": provider_pointer,
	}
}

# The ids of the rows the MSSP works on that apply to a component holding the class.
mssp_rows(class) := sort({row.id |
	some i, row in input.srm.responsibilities
	i in data.srmcheck.lib.row_facts.mssp_works
	some id in data.srmcheck.lib.components.applies[i]
	id in data.srmcheck.lib.data.holders[class]
})

# The rows named in a message: at most three, then how many more.
listed(rows) := sprintf("responsibility %s", rows) if count(rows) == 1

listed(rows) := sprintf("responsibilities %s", [concat(", ", rows)]) if {
	count(rows) > 1
	count(rows) <= 3
}

listed(rows) := sprintf("responsibilities %s and %d more", [concat(", ", array.slice(rows, 0, 3)), count(rows) - 3]) if count(rows) > 3

# A vendor with an attestation whose type is still a placeholder: the
# `placeholder-value` rule reports it until the parties decide what it is.
undecided(vendor) if {
	some attestation in object.get(vendor, "attestations", [])
	startswith(trim_space(attestation.type), "TODO")
}

holds(attestations, kinds) if {
	some attestation in attestations
	attestation.type in kinds
	data.srmcheck.lib.vendors.valid(attestation)
}

provider_pointer := "/provider/attestations" if "attestations" in object.keys(input.provider)

else := "/provider"
