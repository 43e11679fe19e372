package srmcheck.rules.raci_accountable_test

import rego.v1

srm(rows) := {"srm": {"responsibilities": rows}, "frameworks": {}}

test_exactly_one_accountable_party if {
	count(data.srmcheck.rules.raci_accountable.deny) == 0 with input as srm([{"id": "R-01", "raci": {"mssp": "R", "client": "A"}}])
	some two in data.srmcheck.rules.raci_accountable.deny with input as srm([{"id": "R-01", "raci": {"mssp": "RA", "client": "A"}}])
	two.msg == "responsibility R-01 has 2 accountable parties (client, mssp); it needs exactly one"
	some none in data.srmcheck.rules.raci_accountable.deny with input as srm([{"id": "R-01", "raci": {"mssp": "R"}}])
	none.msg == "responsibility R-01 has 0 accountable parties; it needs exactly one"
	some missing in data.srmcheck.rules.raci_accountable.deny with input as srm([{"id": "R-01"}])
	missing.msg == "responsibility R-01 has no RACI"
}
