# METADATA
# title: A control inherited from a vendor is one the vendor provides
# description: |-
#   A row owned by `vendor:<id>` says the client inherits its controls from
#   that vendor. When the vendor's published responsibilities are referenced
#   (`parties.vendors[].responsibilities`), each of the row's controls in
#   their framework must be one the vendor says can be inherited from it
#   (`inheritance: full` or `partial`): a control the vendor leaves to its
#   customers, or does not list, is not the vendor's to own.
# custom:
#   id: inherited-control-not-provided
#   severity: error
#   remediation: Move the control to a row owned by the MSSP, the client or `shared`, or correct the vendor's published responsibilities.
#   frameworks: [nist-800-53r5, iso27001-2022, cmmc-2.0, hipaa-security]
package srmcheck.rules.inherited_control_not_provided

import rego.v1

deny contains finding if {
	some r, row in input.srm.responsibilities
	owner := object.get(row, "owner", "")
	startswith(owner, "vendor:")
	vendor := substring(owner, 7, -1)
	published := input.vendorResponsibilities[vendor]
	some c, control in object.get(object.get(row, "controls", {}), published.framework, [])
	not provides(published, control)
	finding := {
		"msg": sprintf("responsibility %s inherits %s %s from vendor %s, whose published responsibilities do not say it provides the control", [row.id, published.framework, control, vendor]),
		"pointer": sprintf("/srm/responsibilities/%d/controls/%s/%d", [r, published.framework, c]),
		"framework": published.framework,
		"control": control,
	}
}

provides(published, control) if {
	some entry in published.controls
	entry.control == control
	entry.inheritance in {"full", "partial"}
}
