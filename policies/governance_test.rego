package srmcheck.rules.governance_test

# Tests of the governance rules: review-overdue, sign-off-missing,
# exception-incomplete, exception-expired and escalation-undefined.

import rego.v1

import data.srmcheck.rules.escalation
import data.srmcheck.rules.exception_expiry
import data.srmcheck.rules.exceptions
import data.srmcheck.rules.review
import data.srmcheck.rules.sign_off

at(srm) := {"asOf": "2026-11-22", "srm": srm}

test_a_review_within_the_cadence_is_silent if {
	count(review.deny) == 0 with input as at({"review": {"lastReviewed": "2026-10-01"}})
	count(review.deny) == 0 with input as at({"review": {"lastReviewed": "2026-01-15", "cadence": "annual"}})
}

test_an_overdue_review_fires if {
	some finding in review.deny with input as at({"review": {"lastReviewed": "2026-09-01", "cadence": "monthly"}})
	finding.msg == "the SRM was last reviewed on 2026-09-01; with a monthly cadence the next review was due by 2026-10-01"
	finding.pointer == "/srm/review/lastReviewed"
	count(review.deny) == 1 with input as at({"review": {"lastReviewed": "2026-04-01", "cadence": "semi-annual"}})
}

test_a_missing_review_fires if {
	some finding in review.deny with input as at({})
	finding.msg == "the SRM has no review date"
}

test_sign_offs if {
	both := {"mssp": {"by": "A", "date": "2026-10-02"}, "client": {"by": "B", "date": "2026-10-03"}}
	count(sign_off.deny) == 0 with input as at({"review": {"lastChanged": "2026-10-01", "signOff": both}})
	stale := at({"review": {"lastChanged": "2026-10-03", "signOff": both}})
	some finding in sign_off.deny with input as stale
	finding.msg == "the mssp signed off on 2026-10-02, before the last change on 2026-10-03"
	finding.pointer == "/srm/review/signOff/mssp/date"
	some missing in sign_off.deny with input as at({"review": {"signOff": {"mssp": both.mssp}}})
	missing.msg == "the client has not signed off the SRM"
}

exception := {"framework": "iso27001-2022", "control": "A.8.30", "reason": "No outsourcing.", "approver": "CISO", "approved": "2026-01-01", "expires": "2027-01-01"}

test_complete_current_exceptions_are_silent if {
	count(exceptions.deny) == 0 with input as at({"exceptions": [exception]})
	count(exception_expiry.deny) == 0 with input as at({"exceptions": [exception]})
}

test_an_exception_without_approver_fires if {
	some finding in exceptions.deny with input as at({"exceptions": [object.remove(exception, ["approver"])]})
	finding.msg == "the exception for iso27001-2022 A.8.30 has no approver"
	count(exceptions.deny) == 1 with input as at({"exceptions": [object.union(exception, {"reason": " "})]})
}

test_expired_and_open_ended_exceptions_fire if {
	some expired in exception_expiry.deny with input as at({"exceptions": [object.union(exception, {"expires": "2026-01-01"})]})
	expired.msg == "the exception for iso27001-2022 A.8.30 expired on 2026-01-01"
	some open in exception_expiry.deny with input as at({"exceptions": [object.remove(exception, ["expires"])]})
	open.msg == "the exception for iso27001-2022 A.8.30 has no expiry date"
}

test_escalation if {
	defined := {"incidentResponse": {"escalation": [{"party": "mssp", "contact": "SOC", "within": "15m"}], "decisionAuthority": "client"}}
	count(escalation.deny) == 0 with input as at(defined)
	findings := escalation.deny with input as at({})
	count(findings) == 2
	some finding in findings
	finding.pointer == "/srm"
	some partial in escalation.deny with input as at({"incidentResponse": {"decisionAuthority": "client"}})
	partial.pointer == "/srm/incidentResponse"
}
