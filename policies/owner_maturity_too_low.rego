# METADATA
# title: The owner is mature enough for the control
# description: |-
#   Each control carries the minimum partnership maturity (1 Reactive to
#   5 Proactive) of an owner able to perform it (`minMaturity` in srmcheck's
#   knowledge). The owner's SOC maturity is compared for controls of detection,
#   response and threat intelligence, its infrastructure maturity for the rest;
#   a shared row has the better of the two parties'. A control owned below its
#   maturity is performed on paper only ("don't assign controls the client
#   can't handle").
# custom:
#   id: owner-maturity-too-low
#   severity: warning
#   remediation: >-
#     Share the row with the MSSP or move it to a party at the maturity the
#     control needs, or record a risk-accepted exception while the owner matures.
#   frameworks: [iso27001-2022, cmmc-2.0]
#   category: capacity
package srmcheck.rules.owner_maturity_too_low

import rego.v1

soc_capabilities := {"security-monitoring", "incident-response", "threat-intelligence"}

kind(control) := "soc" if {
	some capability in object.get(control, "capabilities", [])
	capability in soc_capabilities
} else := "infrastructure"

deny contains finding if {
	lowest := data.srmcheck.lib.parties.lowest_maturity
	owners := data.srmcheck.lib.parties.owners
	party_owners := data.srmcheck.lib.parties.party_owners
	some framework_id, framework in input.frameworks
	some control_id, control in framework.controls
	needed := control.minMaturity
	needed > lowest
	k := kind(control)
	some i in control.rows
	row := input.srm.responsibilities[i]
	row.owner in party_owners
	has := owners[row.owner].maturity[k]
	has < needed
	finding := {
		"msg": sprintf("responsibility %s covers %s, which needs an owner at maturity %d, but its owner (%s) is at %s maturity %d", [row.id, control_id, needed, row.owner, k, has]),
		"pointer": sprintf("/srm/responsibilities/%d/owner", [i]),
		"framework": framework_id,
		"control": control_id,
	}
}
