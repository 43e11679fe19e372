package srmcheck.rules.conflicting_owners_test

import rego.v1

test_conflicting_owners if {
	rows := [
		{"id": "R-01", "owner": "mssp", "controls": {"iso27001-2022": ["A.8.16"]}},
		{"id": "R-02", "owner": "client", "controls": {"iso27001-2022": ["A.8.15", "A.8.16"]}},
		{"id": "R-03", "owner": "vendor:aws"},
	]
	conflict := {"srm": {"responsibilities": rows}, "frameworks": {"iso27001-2022": {"controls": {"A.8.16": {"rows": [1, 0, 2]}}}}}
	some finding in data.srmcheck.rules.conflicting_owners.deny with input as conflict
	finding.msg == "A.8.16 is covered by rows R-01 (mssp), R-02 (client) with different owners"
	finding.pointer == "/srm/responsibilities/1/controls/iso27001-2022/1"
	finding.control == "A.8.16"
	alias := {"srm": {"responsibilities": [rows[0], {"id": "R-02", "owner": "client"}]}, "frameworks": {"iso27001-2022": {"controls": {"A.8.16": {"rows": [0, 1]}}}}}
	some aliased in data.srmcheck.rules.conflicting_owners.deny with input as alias
	aliased.pointer == "/srm/responsibilities/1/controls/iso27001-2022"
	vendor := {"srm": {"responsibilities": rows}, "frameworks": {"iso27001-2022": {"controls": {"A.7.1": {"rows": [1, 2]}}}}}
	count(data.srmcheck.rules.conflicting_owners.deny) == 0 with input as vendor
}
