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
#   One finding per row, naming the controls concerned.
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

deny contains finding if {
	owners := data.srmcheck.lib.parties.owners
	party_owners := data.srmcheck.lib.parties.party_owners
	some i in {j | some [j, _] in needs_round_the_clock}
	row := input.srm.responsibilities[i]
	row.owner in party_owners
	owner := owners[row.owner]
	not owner.roundTheClock
	controls := sort([pair[1] | some pair in needs_round_the_clock; pair[0] == i])
	finding := {
		"msg": sprintf("responsibility %s covers %s, which need round-the-clock coverage, but its owner (%s) works %s", [row.id, concat(", ", controls), row.owner, owner.coverage]),
		"pointer": sprintf("/srm/responsibilities/%d/owner", [i]),
	}
}

# `[row, control]` for each row covering a control that needs round-the-clock
# coverage.
needs_round_the_clock contains [i, control_id] if {
	some framework in input.frameworks
	some control_id, control in framework.controls
	control.roundTheClock == true
	some i in control.rows
}
