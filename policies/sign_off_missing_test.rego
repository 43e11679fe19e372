package srmcheck.rules.sign_off_missing_test

import rego.v1

at(srm) := {"asOf": "2026-11-22", "srm": srm}

test_sign_offs if {
	both := {"mssp": {"by": "A", "date": "2026-10-02"}, "client": {"by": "B", "date": "2026-10-03"}}
	count(data.srmcheck.rules.sign_off_missing.deny) == 0 with input as at({"review": {"lastChanged": "2026-10-01", "signOff": both}})
	stale := at({"review": {"lastChanged": "2026-10-03", "signOff": both}})
	some finding in data.srmcheck.rules.sign_off_missing.deny with input as stale
	finding.msg == "the mssp signed off on 2026-10-02, before the last change on 2026-10-03"
	finding.pointer == "/srm/review/signOff/mssp/date"
	some missing in data.srmcheck.rules.sign_off_missing.deny with input as at({"review": {"signOff": {"mssp": both.mssp}}})
	missing.msg == "the client has not signed off the SRM"
}

test_one_person_for_both_parties_is_not_a_dual_sign_off if {
	one := {"mssp": {"by": "Dana  Reyes", "date": "2026-10-02"}, "client": {"by": "dana reyes ", "date": "2026-10-03"}}
	findings := data.srmcheck.rules.sign_off_missing.deny with input as at({"review": {"signOff": one}})
	count(findings) == 1
	some finding in findings
	finding.pointer == "/srm/review/signOff/client/by"
	finding.msg == "dana reyes signed off for both the MSSP and the client: a dual sign-off needs a person of each party"
}
