package srmcheck.rules.escalation_undefined_test

import rego.v1

at(srm) := {"asOf": "2026-11-22", "srm": srm}

test_escalation if {
	defined := {"incidentResponse": {"escalation": [{"party": "mssp", "contact": "SOC", "within": "15m"}], "decisionAuthority": "client"}}
	count(data.srmcheck.rules.escalation_undefined.deny) == 0 with input as at(defined)
	findings := data.srmcheck.rules.escalation_undefined.deny with input as at({})
	count(findings) == 2
	some finding in findings
	finding.pointer == "/srm"
	some partial in data.srmcheck.rules.escalation_undefined.deny with input as at({"incidentResponse": {"decisionAuthority": "client"}})
	partial.pointer == "/srm/incidentResponse"
}
