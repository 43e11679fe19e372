package srmcheck.rules.conflicting_owners_test

import rego.v1

test_conflicting_owners if {
	rows := [{"id": "R-01", "owner": "mssp"}, {"id": "R-02", "owner": "client"}, {"id": "R-03", "owner": "vendor:aws"}]
	conflict := {"srm": {"responsibilities": rows}, "frameworks": {"iso27001-2022": {"controls": {"A.8.16": {"rows": [0, 1]}}}}}
	some finding in data.srmcheck.rules.conflicting_owners.deny with input as conflict
	finding.msg == "A.8.16 is covered by rows R-01, R-02 with different owners (client, mssp)"
	finding.control == "A.8.16"
	vendor := {"srm": {"responsibilities": rows}, "frameworks": {"iso27001-2022": {"controls": {"A.7.1": {"rows": [1, 2]}}}}}
	count(data.srmcheck.rules.conflicting_owners.deny) == 0 with input as vendor
}
