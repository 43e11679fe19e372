# METADATA
# title: What the MSSP leaves to its clients, each client takes up
# description: |-
#   The MSSP publishes what it leaves to every client (its component
#   definition, imported as a `VendorResponsibilities` document the Provider
#   references with `responsibilities`). For each in-scope control where the
#   MSSP leaves something to its customer, a row of the client's SRM owned by
#   the client or `shared` must cover it: a row that gives the whole control
#   to the MSSP (or a vendor) leaves the client's part with a party that said
#   it does not do it.
# custom:
#   id: provider-responsibility-left-with-mssp
#   severity: error
#   remediation: Make the row `shared` with the client's duty, or give the client a row of its own for the control.
#   frameworks: [nist-800-53r5, iso27001-2022, cmmc-2.0, hipaa-security]
package srmcheck.rules.provider_responsibility_left_with_mssp

import rego.v1

deny contains finding if {
	published := input.providerResponsibilities
	some entry in published.controls
	trim_space(object.get(entry, "customer", "")) != ""
	control := input.frameworks[published.framework].controls[entry.control]
	not taken_up(control)
	some r in control.rows
	row := input.srm.responsibilities[r]
	finding := {
		"msg": sprintf("the MSSP leaves part of %s %s to its clients, but responsibility %s gives the control to %s", [published.framework, entry.control, row.id, object.get(row, "owner", "nobody")]),
		"pointer": sprintf("/srm/responsibilities/%d/owner", [r]),
		"framework": published.framework,
		"control": entry.control,
	}
}

taken_up(control) if {
	some r in control.rows
	input.srm.responsibilities[r].owner in {"client", "shared"}
}
