package srmcheck.rules.review_overdue_test

import rego.v1

at(srm) := {"asOf": "2026-11-22", "srm": srm}

test_a_review_within_the_cadence_is_silent if {
	count(data.srmcheck.rules.review_overdue.deny) == 0 with input as at({"review": {"lastReviewed": "2026-10-01"}})
	count(data.srmcheck.rules.review_overdue.deny) == 0 with input as at({"review": {"lastReviewed": "2026-01-15", "cadence": "annual"}})
}

test_an_overdue_review_fires if {
	some finding in data.srmcheck.rules.review_overdue.deny with input as at({"review": {"lastReviewed": "2026-09-01", "cadence": "monthly"}})
	finding.msg == "the SRM was last reviewed on 2026-09-01; with a monthly cadence the next review was due by 2026-10-01"
	finding.pointer == "/srm/review/lastReviewed"
	count(data.srmcheck.rules.review_overdue.deny) == 1 with input as at({"review": {"lastReviewed": "2026-04-01", "cadence": "semi-annual"}})
}

test_a_missing_review_fires if {
	some finding in data.srmcheck.rules.review_overdue.deny with input as at({})
	finding.msg == "the SRM has no review date"
}
