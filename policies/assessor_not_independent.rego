# METADATA
# title: Independent assessments have an independent assessor
# description: |-
#   An independent review or assessment of the controls (ISO/IEC 27001:2022
#   A.5.35, SP 800-53 CA-2, CA-2(1), CA-7(1), CA-8, CA-8(1)) is worth only as
#   much as its assessor's independence from the work it assesses. The
#   assessor of a row covering one is the declared vendors the row makes
#   Responsible (`raci: {vendor:<id>: R}`, an assessor engaged for the work),
#   or its owner when it names none (`shared` is both the MSSP and the client).
#   An assessor is not independent when it owns or shares a row covering any
#   other in-scope control: the MSSP reviewing the service it runs, or a client
#   reviewing the controls it operates.
# custom:
#   id: assessor-not-independent
#   severity: error
#   remediation: Engage an assessor that operates none of the assessed rows (an internal audit function or an audit firm, declared under `parties.vendors`) and make it Responsible (`R`) in the row's `raci`; keep the assessment in a row of its own.
#   frameworks: [iso27001-2022, nist-800-53r5]
package srmcheck.rules.assessor_not_independent

import rego.v1

# The controls that ask for an assessor independent of the operators, by framework.
independent_assessments := {
	"iso27001-2022": {"A.5.35"},
	"nist-800-53r5": {"CA-2", "CA-2(1)", "CA-7(1)", "CA-8", "CA-8(1)"},
}

rows := object.get(input.srm, "responsibilities", [])

parties_of(owner) := {"mssp", "client"} if owner == "shared"

else := {owner}

# The vendors a row makes Responsible, as `vendor:<id>`.
responsible_vendors(row) := {party |
	some party, letters in object.get(row, "raci", {})
	data.srmcheck.lib.vendors.is_vendor(party)
	contains(letters, "R")
}

assessors(row) := responsible_vendors(row) if count(responsible_vendors(row)) > 0

else := parties_of(object.get(row, "owner", ""))

# Rows by the parties that own or share them, for rows covering an in-scope
# control that is not an independent assessment.
operated contains [party, i] if {
	some framework_id, framework in input.frameworks
	some control_id, control in framework.controls
	not control_id in object.get(independent_assessments, framework_id, set())
	some i in object.get(control, "rows", [])
	some party in parties_of(object.get(rows[i], "owner", ""))
}

deny contains finding if {
	some framework_id, ids in independent_assessments
	some control_id in ids
	control := input.frameworks[framework_id].controls[control_id]
	some i in object.get(control, "rows", [])
	row := rows[i]
	some assessor in assessors(row)
	operates := sort({rows[j].id | some [party, j] in operated; party == assessor})
	count(operates) > 0
	finding := {
		"msg": sprintf("responsibility %s covers %s, an independent assessment, but its assessor (%s) also operates %s", [row.id, control_id, assessor, listed(operates)]),
		"pointer": sprintf("/srm/responsibilities/%d/owner", [i]),
	}
}

listed(ids) := sprintf("responsibility %s", [ids[0]]) if count(ids) == 1

else := sprintf("responsibilities %s and %d more", [ids[0], count(ids) - 1])
