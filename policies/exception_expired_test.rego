package srmcheck.rules.exception_expired_test

import rego.v1

at(srm) := {"asOf": "2026-11-22", "srm": srm}

exception := {"framework": "iso27001-2022", "control": "A.8.30", "reason": "No outsourcing.", "approver": "CISO", "approved": "2026-01-01", "expires": "2027-01-01"}

test_expired_and_open_ended_exceptions_fire if {
	some expired in data.srmcheck.rules.exception_expired.deny with input as at({"exceptions": [object.union(exception, {"expires": "2026-01-01"})]})
	expired.msg == "the exception for iso27001-2022 A.8.30 expired on 2026-01-01"
	some open in data.srmcheck.rules.exception_expired.deny with input as at({"exceptions": [object.remove(exception, ["expires"])]})
	open.msg == "the exception for iso27001-2022 A.8.30 has no expiry date"
}
