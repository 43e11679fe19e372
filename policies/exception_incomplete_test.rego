package srmcheck.rules.exception_incomplete_test

import rego.v1

at(srm) := {"asOf": "2026-11-22", "srm": srm}

exception := {"framework": "iso27001-2022", "control": "A.8.30", "reason": "No outsourcing.", "approver": "CISO", "approved": "2026-01-01", "expires": "2027-01-01"}

test_complete_current_exceptions_are_silent if {
	count(data.srmcheck.rules.exception_incomplete.deny) == 0 with input as at({"exceptions": [exception]})
	count(data.srmcheck.rules.exception_expired.deny) == 0 with input as at({"exceptions": [exception]})
}

test_an_exception_without_approver_fires if {
	some finding in data.srmcheck.rules.exception_incomplete.deny with input as at({"exceptions": [object.remove(exception, ["approver"])]})
	finding.msg == "the exception for iso27001-2022 A.8.30 has no approver"
	count(data.srmcheck.rules.exception_incomplete.deny) == 1 with input as at({"exceptions": [object.union(exception, {"reason": " "})]})
}
