# METADATA
# title: Every MSSP duty has an SLA
# description: |-
#   Where the MSSP does work on a row (it owns it, shares it, or is
#   Responsible in the RACI), the row carries an SLA binding the MSSP: a metric
#   and a target. "If you monitor access logs, say how often": a duty without a
#   service level cannot be held to account. An SLA whose metric or target
#   is a placeholder (`TBD`, `TODO`, `n/a`, `-`, blank) is no SLA: the
#   finding then sits on the placeholder (a `TODO` is found by
#   `placeholder-value`).
# custom:
#   id: mssp-duty-without-sla
#   severity: warning
#   remediation: >-
#     Add an `sla` entry with a `metric` and a `target` (party `mssp`, the
#     default), or replace the placeholder by the agreed value.
#   frameworks: [iso27001-2022, cmmc-2.0]
package srmcheck.rules.mssp_duty_without_sla

import rego.v1

# The rows the MSSP works on (it owns or shares them, or is responsible in the
# RACI) less the rows an SLA of the MSSP binds: both from lib_row_facts. A row
# whose only SLAs are placeholders is found at each placeholder instead.
deny contains finding if {
	placeholders := data.srmcheck.lib.row_facts.sla_placeholders
	some i in data.srmcheck.lib.row_facts.mssp_works - data.srmcheck.lib.row_facts.sla_bound
	not placeholders[i]
	row := input.srm.responsibilities[i]
	finding := {
		"msg": sprintf("the MSSP works on responsibility %s but no SLA binds it", [row.id]),
		"pointer": sprintf("/srm/responsibilities/%d", [i]),
	}
}

deny contains finding if {
	some i, found in data.srmcheck.lib.row_facts.sla_placeholders
	row := input.srm.responsibilities[i]
	some entry in found
	j := entry[0]
	field := entry[1]
	value := row.sla[j][field]
	# A `TODO` is `placeholder-value`'s: one placeholder, one finding.
	not startswith(upper(trim_space(value)), "TODO")
	finding := {
		"msg": sprintf("the %s of SLA %d of responsibility %s is a placeholder (`%s`): it binds the MSSP to nothing", [field, j + 1, row.id, value]),
		"pointer": sprintf("/srm/responsibilities/%d/sla/%d/%s", [i, j, field]),
	}
}
