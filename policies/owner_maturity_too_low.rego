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

# The findings come from the capacity judgement (lib_capacity), which judges
# a control's SOC or infrastructure maturity by the capabilities it needs.
deny contains finding if {
	rows := input.srm.responsibilities
	some p in data.srmcheck.lib.capacity.problems
	p.kind == "maturity"
	row := rows[p.row]
	finding := {
		"msg": sprintf("responsibility %s covers %s, which needs an owner at maturity %d, but its owner (%s) is at %s maturity %d", [row.id, p.control, p.needed, data.srmcheck.lib.parties.owner_label(row), p.maturity, p.has]),
		"pointer": sprintf("/srm/responsibilities/%d/owner", [p.row]),
		"framework": p.framework,
		"control": p.control,
	}
}
