# METADATA
# title: Incidents have an escalation path and a decision authority
# description: |-
#   When an incident strikes at night, the SOC must know whom to call, in what
#   order and how soon, and who decides on containment that stops the
#   business. `incidentResponse` gives the `escalation` steps and the
#   `decisionAuthority`; defining them is what lifts a partnership off the
#   reactive first level of the maturity model.
# custom:
#   id: escalation-undefined
#   severity: error
#   remediation: >-
#     Add `incidentResponse` with `escalation` steps ({party, contact, within})
#     and the party with `decisionAuthority`.
#   frameworks: [iso27001-2022, cmmc-2.0, nist-800-171r2, hipaa-security]
package srmcheck.rules.escalation_undefined

import rego.v1

incident := object.get(input.srm, "incidentResponse", {})

deny contains finding if {
	count(object.get(incident, "escalation", [])) == 0
	finding := {"msg": "the SRM defines no incident escalation path", "pointer": pointer}
}

deny contains finding if {
	object.get(incident, "decisionAuthority", null) == null
	finding := {"msg": "the SRM names no party with decision authority in an incident", "pointer": pointer}
}

pointer := "/srm/incidentResponse" if input.srm.incidentResponse

else := "/srm"
