# METADATA
# title: Dated evidence is no older than the review cadence
# description: |-
#   Evidence entries may carry the date they were produced (`evidence: [{name,
#   date, location}]`). Evidence older than the SRM's review cadence
#   (`review.cadence`, quarterly when unset) no longer shows that the duty is
#   done: an access review of last year says nothing of this quarter's
#   leavers. The warning is at the entry's date, with its age on the `--as-of`
#   date. Evidence in words, without a date, is not judged.
# custom:
#   id: evidence-stale
#   severity: warning
#   remediation: >-
#     Produce the evidence again (the review, the test, the report) and record
#     its new `date`, or review at the cadence the evidence is produced at.
#   frameworks: [iso27001-2022, cmmc-2.0, hipaa-security]
package srmcheck.rules.evidence_stale

import rego.v1

deny contains finding if {
	cadence := data.srmcheck.lib.review.cadence
	months := data.srmcheck.lib.review.months[cadence]
	some i, row in input.srm.responsibilities
	some j, item in object.get(row, "evidence", [])
	is_object(item)
	dated := object.get(item, "date", null)
	is_string(dated)
	produced := time.parse_ns("2006-01-02", dated)
	data.srmcheck.lib.review.date(time.add_date(produced, 0, months, 0)) < input.asOf
	finding := {
		"msg": sprintf("evidence %q of responsibility %s is dated %s, %d days before %s: older than the %s review cadence", [item.name, row.id, dated, days(produced), input.asOf, cadence]),
		"pointer": sprintf("/srm/responsibilities/%d/evidence/%d/date", [i, j]),
	}
}

days(produced) := round((time.parse_ns("2006-01-02", input.asOf) - produced) / 86400000000000)
