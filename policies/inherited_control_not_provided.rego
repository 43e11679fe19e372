# METADATA
# title: A control inherited from a vendor is one the vendor provides
# description: |-
#   A row owned by `vendor:<id>` says the client inherits its controls from
#   that vendor. When the vendor's published responsibilities are referenced
#   (`parties.vendors[].responsibilities`), each of the row's controls in a
#   framework they reach (their own, or one their controls map to through
#   `equivalent` or `superset-of` crosswalk pairs) must be one the vendor says
#   can be inherited from it (`inheritance: full` or `partial`), itself or
#   through such a counterpart: a control the vendor leaves to its customers,
#   or does not list, is not the vendor's to own.
# custom:
#   id: inherited-control-not-provided
#   severity: error
#   remediation: Move the control to a row owned by the MSSP, the client or `shared`, or correct the vendor's published responsibilities.
#   frameworks: [nist-800-53r5, nist-800-171r2, iso27001-2022, cmmc-2.0, hipaa-security]
package srmcheck.rules.inherited_control_not_provided

import rego.v1

deny contains finding if {
	some r, row in input.srm.responsibilities
	owner := object.get(row, "owner", "")
	startswith(owner, "vendor:")
	vendor := substring(owner, 7, -1)
	published := input.vendorResponsibilities[vendor]
	matches := object.get(object.get(input, "vendorMatches", {}), vendor, [])
	some framework, controls in object.get(row, "controls", {})
	data.srmcheck.lib.chain.reaches(published, matches, framework)
	some c, control in controls
	not provides(published, matches, framework, control)
	finding := {
		"msg": sprintf("responsibility %s inherits %s %s from vendor %s, whose published responsibilities do not say it provides the control%s", [row.id, framework, control, vendor, left(published, matches, framework, control)]),
		"pointer": sprintf("/srm/responsibilities/%d/controls/%s/%d", [r, framework, c]),
		"framework": framework,
		"control": control,
	}
}

provides(published, _, framework, control) if {
	published.framework == framework
	some entry in published.controls
	entry.control == control
	entry.inheritance in {"full", "partial"}
}

provides(published, matches, framework, control) if {
	some i, entry in published.controls
	entry.inheritance in {"full", "partial"}
	some m in matches[i]
	m.framework == framework
	m.control == control
}

# The vendor's counterparts of the control that it leaves to its customers,
# named: " (nist-800-53r5 AC-2 is left to the customer)".
left(published, matches, framework, control) := "" if {
	count(counterparts(published, matches, framework, control)) == 0
}

left(published, matches, framework, control) := sprintf(" (%s: left to the customer)", [concat(", ", names)]) if {
	names := counterparts(published, matches, framework, control)
	count(names) > 0
}

counterparts(published, matches, framework, control) := [sprintf("%s %s", [published.framework, entry.control]) |
	published.framework != framework
	some i, entry in published.controls
	some m in matches[i]
	m.framework == framework
	m.control == control
]
