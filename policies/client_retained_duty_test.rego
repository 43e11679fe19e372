package srmcheck.rules.client_retained_duty_test

import rego.v1

srm(rows) := {"srm": {"responsibilities": rows}, "frameworks": {}}

test_client_retained_duties if {
	policy := {"id": "R-01", "owner": "mssp", "raci": {"mssp": "RA"}, "capabilities": ["policy-governance"]}
	some owned in data.srmcheck.rules.client_retained_duty.deny with input as srm([policy])
	owned.msg == "responsibility R-01 stays with the client (it needs policy-governance) but is owned by mssp"
	not_accountable := object.union(policy, {"owner": "shared", "raci": {"mssp": "A", "client": "R"}})
	some other in data.srmcheck.rules.client_retained_duty.deny with input as srm([not_accountable])
	endswith(other.msg, "but the client is not accountable")
	count(data.srmcheck.rules.client_retained_duty.deny) == 0 with input as srm([object.union(policy, {"owner": "shared", "raci": {"mssp": "R", "client": "A"}})])
}

test_user_access_approval_stays_with_the_client if {
	rows := [{"id": "R-05", "owner": "mssp", "raci": {"mssp": "RA"}}]
	frameworks := {"iso27001-2022": {"controls": {"A.5.18": {"rows": [0]}}}}
	some finding in data.srmcheck.rules.client_retained_duty.deny with input as {"srm": {"responsibilities": rows}, "frameworks": frameworks}
	finding.msg == "responsibility R-05 stays with the client (it covers user access approval (A.5.18)) but is owned by mssp"
}
