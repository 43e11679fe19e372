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

# The finding points at the control's entry in the first row whose owner
# differs from the first row's, and names the party-owned rows with their
# owners in row order.
deny contains finding if {
	rows := input.srm.responsibilities
	some framework_id, framework in input.frameworks
	some control_id, control in framework.controls
	count(control.rows) > 1
	parties := [i | some i in sort(control.rows); not data.srmcheck.lib.vendors.is_vendor(owner(rows[i]))]
	count({owner(rows[i]) | some i in parties}) > 1
	first := owner(rows[parties[0]])
	second := [i | some i in parties; owner(rows[i]) != first][0]
	named := [sprintf("%s (%s)", [rows[i].id, owner(rows[i])]) | some i in parties]
	finding := {
		"msg": sprintf("%s is covered by rows %s with different owners", [control_id, concat(", ", named)]),
		"pointer": entry(rows[second], second, framework_id, control_id),
		"framework": framework_id,
		"control": control_id,
	}
}

owner(row) := object.get(row, "owner", "no owner")

# The place of a control in a row's `controls`, or the row's list of the
# framework when it names the control by another id (a CMMC alias).
entry(row, i, framework_id, control_id) := sprintf("/srm/responsibilities/%d/controls/%s/%d", [i, framework_id, positions[0]]) if {
	positions := [k | some k, id in object.get(object.get(row, "controls", {}), framework_id, []); id == control_id]
	count(positions) > 0
} else := sprintf("/srm/responsibilities/%d/controls/%s", [i, framework_id])
