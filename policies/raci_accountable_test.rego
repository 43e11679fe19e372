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

test_the_owner_is_responsible if {
	count(data.srmcheck.rules.raci_accountable.deny) == 0 with input as srm([{"id": "R-01", "owner": "shared", "raci": {"mssp": "R", "client": "RA"}}])
	count(data.srmcheck.rules.raci_accountable.deny) == 0 with input as srm([{"id": "R-01", "owner": "vendor:aws", "raci": {"vendor:aws": "R", "client": "A"}}])
	some only_client in data.srmcheck.rules.raci_accountable.deny with input as srm([{"id": "R-01", "owner": "mssp", "raci": {"mssp": "A", "client": "R"}}])
	only_client.msg == "responsibility R-01 is owned by mssp, but its RACI does not make mssp Responsible (R)"
	only_client.pointer == "/srm/responsibilities/0/raci/mssp"
	some shared in data.srmcheck.rules.raci_accountable.deny with input as srm([{"id": "R-01", "owner": "shared", "raci": {"mssp": "R", "client": "A"}}])
	shared.msg == "responsibility R-01 is owned by shared, but its RACI does not make client Responsible (R)"
	shared.pointer == "/srm/responsibilities/0/raci/client"
	some absent in data.srmcheck.rules.raci_accountable.deny with input as srm([{"id": "R-01", "owner": "vendor:aws", "raci": {"client": "RA"}}])
	absent.pointer == "/srm/responsibilities/0/raci"
}

test_each_party_of_a_split_row_is_responsible if {
	row := {"id": "R-01", "owner": "shared", "shared": ["client", "vendor:aws"], "raci": {"client": "RA", "mssp": "R"}}
	some finding in data.srmcheck.rules.raci_accountable.deny with input as srm([row])
	finding.msg == "responsibility R-01 is owned by shared between client and vendor:aws, but its RACI does not make vendor:aws Responsible (R)"
	finding.pointer == "/srm/responsibilities/0/raci"
	count(data.srmcheck.rules.raci_accountable.deny) == 0 with input as srm([object.union(row, {"raci": {"client": "RA", "vendor:aws": "R"}})])
}
