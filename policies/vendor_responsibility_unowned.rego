# METADATA
# title: Every customer responsibility a vendor publishes is picked up
# description: |-
#   A vendor's published responsibilities (its customer responsibility matrix,
#   imported with `srmcheck import` and referenced as
#   `parties.vendors[].responsibilities`) say what its customers must do for
#   each control. For every in-scope control where the vendor leaves something
#   to its customer, a row owned by the MSSP, the client or both (`shared`)
#   must cover the control: a row owned by a vendor, or none, leaves the duty
#   with nobody.
# custom:
#   id: vendor-responsibility-unowned
#   severity: error
#   remediation: Cover the control with a row owned by the MSSP, the client or `shared`, whose duties take up what the vendor leaves to its customer.
#   frameworks: [nist-800-53r5, iso27001-2022, cmmc-2.0, hipaa-security]
package srmcheck.rules.vendor_responsibility_unowned

import rego.v1

deny contains finding if {
	some vendor, published in input.vendorResponsibilities
	some i, entry in published.controls
	trim_space(object.get(entry, "customer", "")) != ""
	control := input.frameworks[published.framework].controls[entry.control]
	not picked_up(control)
	finding := {
		"msg": sprintf("vendor %s leaves a customer responsibility for %s %s, and no row owned by the MSSP, the client or shared covers the control", [vendor, published.framework, entry.control]),
		"pointer": sprintf("/vendorResponsibilities/%s/controls/%d/customer", [vendor, i]),
		"framework": published.framework,
		"control": entry.control,
	}
}

picked_up(control) if {
	some r in covering_rows(control)
	input.srm.responsibilities[r].owner in {"mssp", "client", "shared"}
}

covering_rows(control) := rows if {
	via := {r | some cover in object.get(control, "via", []); some r in cover.rows}
	rows := {r | some r in control.rows} | via
}
