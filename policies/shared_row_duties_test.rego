package srmcheck.rules.shared_row_duties_test

import rego.v1

srm(rows) := {"srm": {"responsibilities": rows}, "frameworks": {}}

test_shared_rows_need_both_duties if {
	row := {"id": "R-01", "owner": "shared", "duties": {"mssp": "Monitor.", "client": "  "}}
	some finding in data.srmcheck.rules.shared_row_duties.deny with input as srm([row])
	finding.msg == "responsibility R-01 is shared but does not say what the client does"
	count(data.srmcheck.rules.shared_row_duties.deny) == 0 with input as srm([object.union(row, {"duties": {"client": "Decide."}})])
	count(data.srmcheck.rules.shared_row_duties.deny) == 0 with input as srm([{"id": "R-02", "owner": "mssp"}])
}

test_a_row_split_with_a_vendor_needs_the_duties_of_its_parties if {
	row := {"id": "R-01", "owner": "shared", "shared": ["client", "vendor:aws"], "duties": {"client": "Review the findings.", "mssp": "Monitor."}}
	findings := data.srmcheck.rules.shared_row_duties.deny with input as srm([row])
	[f.msg | some f in findings] == ["responsibility R-01 is shared but does not say what the vendor:aws does"]
	done := object.union(row, {"duties": {"vendor:aws": "Runs GuardDuty."}})
	count(data.srmcheck.rules.shared_row_duties.deny) == 0 with input as srm([done])
}
