package srmcheck.rules.mssp_duty_without_sla_test

import rego.v1

srm(rows) := {"srm": {"responsibilities": rows}, "frameworks": {}}

test_mssp_work_needs_an_sla if {
	some finding in data.srmcheck.rules.mssp_duty_without_sla.deny with input as srm([{"id": "R-01", "owner": "mssp"}])
	finding.msg == "the MSSP works on responsibility R-01 but no SLA binds it"
	count(data.srmcheck.rules.mssp_duty_without_sla.deny) == 1 with input as srm([{"id": "R-01", "owner": "client", "raci": {"mssp": "R", "client": "A"}}])
	count(data.srmcheck.rules.mssp_duty_without_sla.deny) == 1 with input as srm([{"id": "R-01", "owner": "shared", "sla": [{"party": "client", "metric": "m", "target": "t"}]}])
	count(data.srmcheck.rules.mssp_duty_without_sla.deny) == 0 with input as srm([{"id": "R-01", "owner": "mssp", "sla": [{"metric": "time-to-detect", "target": "15m"}]}])
	count(data.srmcheck.rules.mssp_duty_without_sla.deny) == 0 with input as srm([{"id": "R-01", "owner": "client", "raci": {"client": "RA", "mssp": "C"}}])
}

test_a_placeholder_sla_binds_no_one if {
	rows := [{"id": "R-01", "owner": "mssp", "sla": [{"metric": "time-to-detect", "target": " TBD "}, {"metric": "-", "target": "1h"}]}]
	findings := data.srmcheck.rules.mssp_duty_without_sla.deny with input as srm(rows)
	count(findings) == 2
	some target in findings
	target.pointer == "/srm/responsibilities/0/sla/0/target"
	target.msg == "the target of SLA 1 of responsibility R-01 is a placeholder (` TBD `): it binds the MSSP to nothing"
	some metric in findings
	metric.pointer == "/srm/responsibilities/0/sla/1/metric"
}

test_a_placeholder_beside_a_real_sla_is_still_found if {
	rows := [{"id": "R-01", "owner": "mssp", "sla": [{"metric": "time-to-detect", "target": "15m"}, {"metric": "restore-test", "target": "n/a"}]}]
	findings := data.srmcheck.rules.mssp_duty_without_sla.deny with input as srm(rows)
	[f.pointer | some f in findings] == ["/srm/responsibilities/0/sla/1/target"]
}

test_a_client_placeholder_is_not_the_mssps if {
	rows := [{"id": "R-01", "owner": "mssp", "sla": [{"metric": "time-to-detect", "target": "15m"}, {"party": "client", "metric": "approval", "target": "TODO"}]}]
	count(data.srmcheck.rules.mssp_duty_without_sla.deny) == 0 with input as srm(rows)
}

test_a_todo_is_left_to_placeholder_value if {
	rows := [{"id": "R-01", "owner": "mssp", "sla": [{"metric": "time-to-detect", "target": "TODO"}]}]
	count(data.srmcheck.rules.mssp_duty_without_sla.deny) == 0 with input as srm(rows)
}
