# METADATA
# title: Every MSSP duty has an SLA
# description: |-
#   Where the MSSP does work on a row (it owns it, shares it, or is
#   Responsible in the RACI), the row carries an SLA binding the MSSP: a metric
#   and a target. "If you monitor access logs, say how often": a duty without a
#   service level cannot be held to account.
# custom:
#   id: mssp-duty-without-sla
#   severity: warning
#   remediation: Add an `sla` entry with a `metric` and a `target` (party `mssp`, the default).
#   frameworks: [iso27001-2022, cmmc-2.0]
package srmcheck.rules.sla

import rego.v1

mssp_works(row) if row.owner in {"mssp", "shared"}

mssp_works(row) if contains(object.get(object.get(row, "raci", {}), "mssp", ""), "R")

has_sla(row) if {
	some sla in object.get(row, "sla", [])
	object.get(sla, "party", "mssp") == "mssp"
	trim_space(object.get(sla, "metric", "")) != ""
	trim_space(object.get(sla, "target", "")) != ""
}

deny contains finding if {
	some i, row in input.srm.responsibilities
	mssp_works(row)
	not has_sla(row)
	finding := {
		"msg": sprintf("the MSSP works on responsibility %s but no SLA binds it", [row.id]),
		"pointer": sprintf("/srm/responsibilities/%d", [i]),
	}
}
