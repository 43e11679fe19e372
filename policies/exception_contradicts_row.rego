# METADATA
# title: An exception and a row do not contradict each other
# description: |-
#   An exception says a control does not apply (`not-applicable`) or that its
#   risk is knowingly accepted (`risk-accepted`); a row that covers the same
#   control says a party performs it. Both cannot be true: a not-applicable
#   control that a row covers (in any status but `not-applicable`), or a
#   risk-accepted control that a row implements (`implemented` or
#   `alternative`), leaves the assessor to guess which statement holds.
#
#   The finding sits on the exception and names the rows. It names no
#   control of its own, so the exception does not except it.
# custom:
#   id: exception-contradicts-row
#   severity: error
#   remediation: >-
#     Remove the control from the row (the exception stands), or withdraw the
#     exception (the row covers it); for a partly met control accepted at risk,
#     record the row's status for it (`controlStatus`, such as `partial`).
#   frameworks: [iso27001-2022, cmmc-2.0, nist-800-171r2, hipaa-security]
package srmcheck.rules.exception_contradicts_row

import rego.v1

deny contains finding if {
	now := data.srmcheck.lib.exceptions.current
	rows := input.srm.responsibilities
	some framework_id, framework in input.frameworks
	some control_id, control in framework.controls
	some j in object.get(control, "exceptions", [])
	j in now
	exception := input.srm.exceptions[j]
	kind := data.srmcheck.lib.exceptions.kind(exception)
	ids := [rows[i].id |
		some i in object.get(control, "rows", [])
		contradicts(kind, data.srmcheck.lib.capacity.status(rows[i], framework_id, control_id))
	]
	count(ids) > 0
	finding := {
		"msg": sprintf(claim[kind], [j + 1, framework_id, control_id, rows_that(ids, verb[kind])]),
		"pointer": sprintf("/srm/exceptions/%d", [j]),
	}
}

claim := {
	"not-applicable": "exception %d says %s %s does not apply, but %s it",
	"risk-accepted": "exception %d accepts the risk of not meeting %s %s, but %s it",
}

# What the rows do, as one verb and its plural.
verb := {"not-applicable": ["covers", "cover"], "risk-accepted": ["implements", "implement"]}

contradicts("not-applicable", status) if status != "not-applicable"

contradicts("risk-accepted", status) if status in {"implemented", "alternative"}

rows_that(ids, verbs) := sprintf("responsibility %s %s", [ids[0], verbs[0]]) if count(ids) == 1

rows_that(ids, verbs) := sprintf("responsibilities %s %s", [concat(", ", ids), verbs[1]]) if count(ids) > 1
