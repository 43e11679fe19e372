# METADATA
# title: Every customer responsibility a vendor publishes is picked up
# description: |-
#   A vendor's published responsibilities (its customer responsibility matrix,
#   imported with `srmcheck import` and referenced as
#   `parties.vendors[].responsibilities`) say what its customers must do for
#   each control. For every in-scope control where the vendor leaves something
#   to its customer, a row owned by the MSSP, the client or both (`shared`)
#   must cover the control: a row owned by a vendor, or none, leaves the duty
#   with nobody. A control of another framework than the SRM's is in scope
#   through its crosswalk counterparts (`equivalent` or `superset-of` pairs:
#   an SP 800-53 CRM against a CMMC SRM), and a party row covering any of them
#   picks it up.
# custom:
#   id: vendor-responsibility-unowned
#   severity: error
#   remediation: Cover the control with a row owned by the MSSP, the client or `shared`, whose duties take up what the vendor leaves to its customer.
#   frameworks: [nist-800-53r5, nist-800-171r2, iso27001-2022, cmmc-2.0, hipaa-security]
package srmcheck.rules.vendor_responsibility_unowned

import rego.v1

deny contains finding if {
	some vendor, published in input.vendorResponsibilities
	some i, entry in published.controls
	trim_space(object.get(entry, "customer", "")) != ""
	matched := data.srmcheck.lib.chain.in_scope(input.vendorMatches[vendor][i])
	count(matched) > 0
	not data.srmcheck.lib.chain.covered_by(matched, {"mssp", "client", "shared"})
	finding := {
		"msg": sprintf("vendor %s leaves a customer responsibility for %s %s%s, and no row owned by the MSSP, the client or shared covers the control", [vendor, published.framework, entry.control, data.srmcheck.lib.chain.through(published.framework, matched)]),
		"pointer": sprintf("/vendorResponsibilities/%s/controls/%d/customer", [vendor, i]),
		"framework": matched[0].framework,
		"control": matched[0].control,
	}
}
