# METADATA
# title: Every covered addressable specification has a documented decision
# description: |-
#   Under 45 CFR 164.306(d)(3) an addressable implementation specification of
#   the HIPAA Security Rule is not optional: the covered entity or business
#   associate assesses it and documents its decision. It implements the
#   specification, implements an equivalent alternative measure, or finds
#   neither reasonable and appropriate, and says why. The row that covers the
#   specification (citing it, or its standard) records the decision:
#   `addressable: {"164.308(a)(3)(ii)(B)": {decision: alternative, reason: "..."}}`.
#   An in-scope addressable specification that a row covers but no covering
#   row decides is a finding at its first covering row.
#
#   A specification decided `not-reasonable` is not performed, so its owner is
#   not judged for capacity on it (capabilities, round-the-clock coverage,
#   maturity); the evidence report shows the decision and its reason.
# custom:
#   id: addressable-decision-missing
#   severity: error
#   remediation: >-
#     Record the decision on the row that covers the specification:
#     `addressable: {"<specification>": {decision: implemented}}`, or
#     `alternative` / `not-reasonable` with a `reason`.
#   frameworks: [hipaa-security]
package srmcheck.rules.addressable_decision_missing

import rego.v1

rows := object.get(input.srm, "responsibilities", [])

deny contains finding if {
	covering := data.srmcheck.lib.capacity.covering
	some framework_id, framework in input.frameworks
	some control_id, control in framework.controls
	object.get(control, "status", "") == "addressable"
	covered_by := covering[framework_id][control_id]
	count(covered_by) > 0
	not decided(control_id, covered_by)
	row := rows[covered_by[0]]
	finding := {
		"msg": sprintf("%s %s (%s), an addressable specification of %s, is covered by responsibility %s but has no documented decision", [framework.title, control_id, control.title, control.standard, row.id]),
		"pointer": sprintf("/srm/responsibilities/%d", [covered_by[0]]),
		"framework": framework_id,
		"control": control_id,
	}
}

decided(control_id, covered_by) if {
	some i in covered_by
	object.get(object.get(rows[i], "addressable", {}), control_id, null) != null
}
