# METADATA
# title: Every in-scope control is covered
# description: |-
#   Every control that a selected framework puts in scope must be covered by a
#   responsibility row or by an exception that has not expired. A control that
#   no row names is owned by nobody: the "I thought you handled that" gap behind
#   breaches and failed audits.
#
#   An exception covers a control until its `expires` date; one without an
#   expiry date, or past it on the `--as-of` date, does not. A framework
#   selected with `via: [other]` is also covered by the rows that cover its
#   crosswalk counterparts in `other`. The finding names the controls of the
#   other selected frameworks that map to the gap: the frameworks it touches.
#
#   A HIPAA implementation specification is a control too: a row citing its
#   standard covers it, and a standard that no row cites is covered when
#   every one of its specifications is. When only some are, the standard's
#   finding names the specifications that are not covered.
# custom:
#   id: uncovered-control
#   severity: error
#   remediation: >-
#     Add the control to the `controls` of the row that performs it, or record an
#     exception with a reason, an approver and an expiry date.
#   frameworks: [iso27001-2022, cmmc-2.0, nist-800-171r2, nist-800-171r3, nist-800-53r5, nist-csf-2.0, hipaa-security]
package srmcheck.rules.uncovered_control

import rego.v1

deny contains finding if {
	some framework_id, framework in input.frameworks
	some control_id, control in framework.controls
	count(control.rows) == 0
	not covered_via(control)
	not excepted(control)
	finding := {
		"msg": sprintf("%s control %s (%s) is not covered by any responsibility or current exception%s%s", [framework.title, control_id, control.title, partly(framework, control), touches(control)]),
		"pointer": sprintf("/frameworks/%s/controls/%s", [framework_id, control_id]),
		"framework": framework_id,
		"control": control_id,
	}
}

# The specifications a standard's gap leaves uncovered, when some of its
# specifications are covered and others not.
partly(framework, control) := object.get({0: ""}, count(met), text) if {
	specifications := [id | some id in object.get(control, "specifications", []); framework.controls[id]]
	missing := [id | some id in specifications; not covered(framework.controls[id])]
	met := [id | some id in specifications; covered(framework.controls[id])]
	text := object.get({0: ""}, count(missing), sprintf("; of its implementation specifications, not covered: %s", [concat(", ", missing)]))
}

covered(control) if count(control.rows) > 0

covered(control) if covered_via(control)

covered(control) if excepted(control)

covered_via(control) if {
	some cover in object.get(control, "via", [])
	count(cover.rows) > 0
}

# The other selected frameworks the gap touches, for the message.
touches(control) := text if {
	related := object.get(control, "related", {})
	count(related) > 0
	parts := [counterpart(framework_id, ids) | some framework_id, ids in related]
	text := sprintf("; it maps to %s", [concat("; ", parts)])
} else := ""

counterpart(framework_id, ids) := sprintf("%s %s", [framework_id, concat(", ", ids)]) if {
	count(ids) <= 3
} else := sprintf("%d controls of %s", [count(ids), framework_id])

excepted(control) if {
	some i in control.exceptions
	i in data.srmcheck.lib.exceptions.current
}
