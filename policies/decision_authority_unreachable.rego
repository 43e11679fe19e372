# METADATA
# title: The decision authority can be reached when the MSSP escalates
# description: |-
#   An MSSP that watches around the clock detects an intrusion at 2 AM; if
#   the party that decides on containment works business hours and the
#   escalation path names no one of it who can be reached out of hours, the
#   alert waits for the morning while the attacker moves on. When the MSSP
#   covers `24x7` and the `decisionAuthority` is a party working
#   business hours, the escalation path needs a step of that party with
#   `hours: 24x7` (an on-call contact).
# custom:
#   id: decision-authority-unreachable
#   severity: error
#   remediation: >-
#     Add an escalation step of the deciding party with an out-of-hours
#     contact and `hours: 24x7`, or give decision authority out of hours to a
#     party that works them.
#   frameworks: [iso27001-2022, cmmc-2.0, nist-800-171r2, hipaa-security]
package srmcheck.rules.decision_authority_unreachable

import rego.v1

incident := object.get(input.srm, "incidentResponse", {})

deny contains finding if {
	owners := data.srmcheck.lib.parties.owners
	owners.mssp.roundTheClock
	authority := incident.decisionAuthority
	authority in {"mssp", "client"}
	not owners[authority].roundTheClock
	not out_of_hours(authority)
	finding := {
		"msg": sprintf("the MSSP watches around the clock, but the %s decides in an incident, works %s and has no out-of-hours contact (`hours: 24x7`) in the escalation path: an incident at night waits for the morning", [authority, owners[authority].coverage]),
		"pointer": "/srm/incidentResponse/decisionAuthority",
	}
}

# A step of the party that can be reached out of hours.
out_of_hours(party) if {
	some step in object.get(incident, "escalation", [])
	step.party == party
	object.get(step, "hours", "") == "24x7"
}
