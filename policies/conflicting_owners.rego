# METADATA
# title: No control has conflicting owners
# description: |-
#   When two rows cover the same control and name different owners (one says
#   the MSSP, another the client), nobody knows who does it. Rows owned by a
#   vendor do not conflict: in a hybrid estate the plant row and the cloud
#   vendor's row rightly both cover physical controls.
# custom:
#   id: conflicting-owners
#   severity: error
#   remediation: >-
#     Keep the control in one row, or make the rows agree (a `shared` row with
#     each party's duty).
#   frameworks: [iso27001-2022, cmmc-2.0]
package srmcheck.rules.conflicting_owners

import rego.v1

deny contains finding if {
	some framework_id, framework in input.frameworks
	some control_id, control in framework.controls
	count(control.rows) > 1
	owners := {input.srm.responsibilities[i].owner |
		some i in control.rows
		not data.srmcheck.lib.vendors.is_vendor(input.srm.responsibilities[i].owner)
	}
	count(owners) > 1
	rows := [input.srm.responsibilities[i].id | some i in control.rows]
	finding := {
		"msg": sprintf("%s is covered by rows %s with different owners (%s)", [control_id, concat(", ", rows), concat(", ", sort(owners))]),
		"pointer": sprintf("/frameworks/%s/controls/%s", [framework_id, control_id]),
		"framework": framework_id,
		"control": control_id,
	}
}
