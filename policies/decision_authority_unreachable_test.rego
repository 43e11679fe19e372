package srmcheck.rules.decision_authority_unreachable_test

import rego.v1

at(provider, client, incident) := {
	"asOf": "2026-11-22",
	"provider": {"coverage": provider},
	"srm": {"parties": {"client": {"coverage": client}}, "incidentResponse": incident},
}

office := [{"party": "mssp", "contact": "SOC", "within": "15m"}, {"party": "client", "contact": "Practice manager", "within": "1h"}]

on_call := [{"party": "mssp", "contact": "SOC", "within": "15m"}, {"party": "client", "contact": "Duty manager", "within": "30m", "hours": "24x7"}]

test_a_business_hours_authority_without_an_on_call_contact_is_found if {
	findings := data.srmcheck.rules.decision_authority_unreachable.deny with input as at("24x7", "business-hours", {"escalation": office, "decisionAuthority": "client"})
	count(findings) == 1
	some finding in findings
	finding.pointer == "/srm/incidentResponse/decisionAuthority"
	contains(finding.msg, "the client decides in an incident, works business-hours")
}

test_an_on_call_contact_of_the_authority_reaches_it if {
	count(data.srmcheck.rules.decision_authority_unreachable.deny) == 0 with input as at("24x7", "business-hours", {"escalation": on_call, "decisionAuthority": "client"})
}

test_an_authority_working_round_the_clock_needs_no_on_call_contact if {
	count(data.srmcheck.rules.decision_authority_unreachable.deny) == 0 with input as at("24x7", "24x7", {"escalation": office, "decisionAuthority": "client"})
	count(data.srmcheck.rules.decision_authority_unreachable.deny) == 0 with input as at("24x7", "business-hours", {"escalation": office, "decisionAuthority": "mssp"})
}

test_an_mssp_working_business_hours_escalates_in_business_hours if {
	count(data.srmcheck.rules.decision_authority_unreachable.deny) == 0 with input as at("business-hours", "business-hours", {"escalation": office, "decisionAuthority": "client"})
}
