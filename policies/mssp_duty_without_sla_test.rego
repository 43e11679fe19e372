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
