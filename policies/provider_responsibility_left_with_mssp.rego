# METADATA
# title: What the MSSP leaves to its clients, each client takes up
# description: |-
#   The MSSP publishes what it leaves to every client (its component
#   definition, imported as a `VendorResponsibilities` document the Provider
#   references with `responsibilities`). For each in-scope control where the
#   MSSP leaves something to its customer (itself, or its counterparts in the
#   SRM's frameworks through `equivalent` or `superset-of` crosswalk pairs), a
#   row of the client's SRM owned by the client or `shared` must cover it: a
#   row that gives the whole control to the MSSP (or a vendor) leaves the
#   client's part with a party that said it does not do it.
# custom:
#   id: provider-responsibility-left-with-mssp
#   severity: error
#   remediation: Make the row `shared` with the client's duty, or give the client a row of its own for the control.
#   frameworks: [nist-800-53r5, nist-800-171r2, iso27001-2022, cmmc-2.0, hipaa-security]
package srmcheck.rules.provider_responsibility_left_with_mssp

import rego.v1

deny contains finding if {
	published := input.providerResponsibilities
	some i, entry in published.controls
	trim_space(object.get(entry, "customer", "")) != ""
	matched := data.srmcheck.lib.chain.in_scope(input.providerMatches[i])
	not data.srmcheck.lib.chain.covered_by(matched, {"client", "shared"})
	some m in matched
	some r in input.frameworks[m.framework].controls[m.control].rows
	row := input.srm.responsibilities[r]
	finding := {
		"msg": sprintf("the MSSP leaves part of %s %s%s to its clients, but responsibility %s gives the control to %s", [published.framework, entry.control, data.srmcheck.lib.chain.through(published.framework, [m]), row.id, object.get(row, "owner", "nobody")]),
		"pointer": sprintf("/srm/responsibilities/%d/owner", [r]),
		"framework": m.framework,
		"control": m.control,
	}
}
