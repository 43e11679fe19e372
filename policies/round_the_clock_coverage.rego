# METADATA
# title: Round-the-clock controls have a round-the-clock owner
# description: |-
#   Controls that need 24x7 coverage (continuous monitoring, alert triage,
#   incident detection and response; `roundTheClock` in srmcheck's knowledge)
#   cannot sit with a party that works business hours only: attackers move from
#   access to exfiltration in under an hour, at night as readily as by day. A
#   shared row is fine when either party covers 24x7; vendor rows are judged by
#   their attestations.
#
#   One finding per control concerned, naming it.
# custom:
#   id: round-the-clock-coverage
#   severity: error
#   remediation: >-
#     Give the row to the MSSP or make it shared with a 24x7 party, or change
#     the party's `coverage` once it really staffs nights and weekends.
#   frameworks: [iso27001-2022, cmmc-2.0, nist-800-171r2, nist-800-53r5]
#   category: capacity
package srmcheck.rules.round_the_clock_coverage

import rego.v1

# One finding per control a row covers that needs round-the-clock coverage,
# from the capacity judgement (lib_capacity).
deny contains finding if {
	rows := input.srm.responsibilities
	some p in data.srmcheck.lib.capacity.problems
	p.kind == "round-the-clock"
	row := rows[p.row]
	finding := {
		"msg": sprintf("responsibility %s covers %s, which needs round-the-clock coverage, but its owner (%s) works %s", [row.id, p.control, data.srmcheck.lib.parties.owner_label(row), p.coverage]),
		"pointer": sprintf("/srm/responsibilities/%d/owner", [p.row]),
		"framework": p.framework,
		"control": p.control,
	}
}
