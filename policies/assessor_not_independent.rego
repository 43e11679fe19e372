# METADATA
# title: Independent assessments have an independent assessor
# description: |-
#   An independent review or assessment is worth only as much as its
#   assessor's independence from the work it assesses. The controls that ask
#   for independence in so many words:
#
#   - ISO/IEC 27001:2022 A.5.35, the independent review of information
#     security (by people independent of the area reviewed);
#   - SP 800-53 Rev 5 CA-2(1) (independent assessors), CA-7(1) (independent
#     assessment of continuous monitoring), CA-8(1) (an independent penetration
#     testing agent or team) and SA-11(3) (independent verification of the
#     developer's assessment plans and evidence).
#
#   The base controls CA-2 and CA-8 do not: their independence is the
#   enhancement's, which the moderate (CA-2(1)) and high (CA-8(1)) baselines
#   select and the low baseline leaves out. ISO 27001 clause 9.2.2 asks for
#   auditors' objectivity and impartiality, which internal auditors meet by
#   not auditing their own work, inside one party where an SRM cannot see.
#   The periodic assessments of SP 800-171 (3.12.1, 03.12.01), CMMC
#   (CA.L2-3.12.1), the HIPAA evaluation (164.308(a)(8)) and CSF 2.0
#   (ID.IM-02) may be done by the organisation itself: CMMC's independent
#   assessment is the certification, not a practice.
#
#   The assessor of a row covering one is the declared vendors the row makes
#   Responsible (`raci: {vendor:<id>: R}`, an assessor engaged for the work),
#   or its owner when it names none (`shared` is both of its parties). An
#   assessor is not independent when it owns or shares a row covering any
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
	"nist-800-53r5": {"CA-2(1)", "CA-7(1)", "CA-8(1)", "SA-11(3)"},
}

rows := object.get(input.srm, "responsibilities", [])

# The vendors a row makes Responsible, as `vendor:<id>`.
responsible_vendors(row) := {party |
	some party, letters in object.get(row, "raci", {})
	startswith(party, "vendor:")
	contains(letters, "R")
}

assessors(row, _) := responsible_vendors(row) if count(responsible_vendors(row)) > 0

assessors(row, i) := object.get(data.srmcheck.lib.parties.row_party_sets, i, set()) if count(responsible_vendors(row)) == 0

# Rows by the parties that own or share them, for rows covering an in-scope
# control that is not an independent assessment.
operated contains [party, i] if {
	sets := data.srmcheck.lib.parties.row_party_sets
	some framework_id, framework in input.frameworks
	some control_id, control in framework.controls
	not control_id in object.get(independent_assessments, framework_id, set())
	some i in object.get(control, "rows", [])
	some party in sets[i]
}

deny contains finding if {
	some framework_id, ids in independent_assessments
	some control_id in ids
	control := input.frameworks[framework_id].controls[control_id]
	some i in object.get(control, "rows", [])
	row := rows[i]
	some assessor in assessors(row, i)
	operates := sort({rows[j].id | some [party, j] in operated; party == assessor})
	count(operates) > 0
	finding := {
		"msg": sprintf("responsibility %s covers %s, an independent assessment, but its assessor (%s) also operates %s", [row.id, control_id, assessor, listed(operates)]),
		"pointer": sprintf("/srm/responsibilities/%d/owner", [i]),
	}
}

listed(ids) := sprintf("responsibility %s", [ids[0]]) if count(ids) == 1

listed(ids) := sprintf("responsibilities %s and %d more", [ids[0], count(ids) - 1]) if count(ids) > 1
