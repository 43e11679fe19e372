package srmcheck.assess.maturity_test

import rego.v1

managed_rows := [
	{"id": "R-01", "owner": "client", "raci": {"client": "RA"}},
	{
		"id": "R-02", "owner": "shared", "raci": {"mssp": "R", "client": "RA"},
		"duties": {"mssp": "Contain.", "client": "Decide."},
		"capabilities": ["incident-response"],
		"sla": [{"metric": "time-to-respond", "target": "1h"}],
		"evidence": ["Incident response playbook"],
	},
	{"id": "R-03", "owner": "vendor:aws", "raci": {"vendor:aws": "R", "client": "A"}},
]

escalation := {"escalation": [{"party": "mssp", "contact": "SOC lead", "within": "15m"}], "decisionAuthority": "client"}

integrated_rows := array.concat(managed_rows, [
	{
		"id": "R-05", "owner": "mssp", "raci": {"mssp": "RA"},
		"capabilities": ["threat-intelligence", "incident-response"],
		"sla": [{"metric": "time-to-detect", "target": "15m"}, {"metric": "incident-test", "target": "annual"}],
		"evidence": ["Tabletop exercise report"],
	},
])

test_an_empty_srm_is_reactive if {
	result := data.srmcheck.assess.maturity.result with input as {"srm": {}}
	result.level == 1
	result.name == "Reactive"
	"give every row an owner that is a party of the SRM" in result.next
}

test_documented_ownership_slas_raci_and_escalation_are_managed if {
	srm := {"responsibilities": managed_rows, "incidentResponse": escalation}
	result := data.srmcheck.assess.maturity.result with input as {"srm": srm}
	result.level == 2
	"exercise incident response together: a tabletop or exercise as evidence or SLA" in result.next
	"have a row that feeds threat intelligence into detection" in result.next
	not "share incident response: a shared row with both parties' duties and a playbook or runbook as evidence" in result.next
}

test_a_missing_sla_keeps_the_partnership_reactive if {
	rows := array.concat(managed_rows, [{"id": "R-04", "owner": "mssp", "raci": {"mssp": "RA"}}])
	result := data.srmcheck.assess.maturity.result with input as {"srm": {"responsibilities": rows, "incidentResponse": escalation}}
	result.level == 1
	result.next == ["put an SLA (metric and target) on every duty the MSSP performs"]
}

test_two_accountable_parties_break_the_raci if {
	rows := [{"id": "R-01", "owner": "client", "raci": {"client": "A", "mssp": "A"}}]
	result := data.srmcheck.assess.maturity.result with input as {"srm": {"responsibilities": rows, "incidentResponse": escalation}}
	result.level == 1
}

test_a_row_without_raci_breaks_the_raci if {
	rows := array.concat(managed_rows, [{"id": "R-04", "owner": "client"}])
	result := data.srmcheck.assess.maturity.result with input as {"srm": {"responsibilities": rows, "incidentResponse": escalation}}
	result.level == 1
	result.next == ["give every row a RACI with exactly one accountable party, in which its owner is responsible"]
}

test_a_blank_sla_target_binds_nothing if {
	blank := [{"id": "R-04", "owner": "mssp", "raci": {"mssp": "RA"}, "sla": [{"metric": "time-to-detect", "target": " "}]}]
	result := data.srmcheck.assess.maturity.result with input as {"srm": {"responsibilities": array.concat(managed_rows, blank), "incidentResponse": escalation}}
	result.next == ["put an SLA (metric and target) on every duty the MSSP performs"]
}

test_shared_exercised_threat_informed_response_is_integrated_and_metrics_optimized if {
	result := data.srmcheck.assess.maturity.result with input as {"srm": {"responsibilities": integrated_rows, "incidentResponse": escalation}}
	result.level == 4
	count(result.next) == 2
}

test_an_sla_test_counts_as_an_exercise if {
	rows := [row | some row in integrated_rows; row.id != "R-05"]
	exercised := array.concat(rows, [{
		"id": "R-06", "owner": "mssp", "raci": {"mssp": "RA"},
		"capabilities": ["incident-response", "threat-intelligence"],
		"sla": [{"metric": "incident-test", "target": "annual"}],
	}])
	data.srmcheck.assess.maturity.exercised with input as {"srm": {"responsibilities": exercised}}
}

test_shared_kpis_and_owned_detection_logic_are_proactive if {
	rows := array.concat(integrated_rows, [{
		"id": "R-07", "owner": "shared", "raci": {"mssp": "R", "client": "RA"},
		"capabilities": ["detection-engineering"],
		"sla": [{"metric": "rule-review", "target": "monthly"}],
	}])
	kpis := [{"name": "mean-time-to-detect", "target": "10m", "owners": ["mssp", "client"]}]
	result := data.srmcheck.assess.maturity.result with input as {"srm": {"responsibilities": rows, "incidentResponse": escalation, "kpis": kpis}}
	result.level == 5
	result.name == "Proactive"
	result.next == []
}

test_a_shared_row_the_client_is_not_responsible_for_keeps_the_partnership_reactive if {
	rows := array.concat(managed_rows, [{"id": "R-04", "owner": "shared", "raci": {"mssp": "R", "client": "A"}, "sla": [{"metric": "time-to-respond", "target": "1h"}]}])
	result := data.srmcheck.assess.maturity.result with input as {"srm": {"responsibilities": rows, "incidentResponse": escalation}}
	result.level == 1
	result.next == ["give every row a RACI with exactly one accountable party, in which its owner is responsible"]
}

# R-01 (the client's) covers a monitoring control the client cannot perform.
monitoring(exceptions) := {
	"iso27001-2022": {"controls": {"A.8.16": {"capabilities": ["security-monitoring"], "rows": [0], "exceptions": exceptions}}},
}

test_an_owner_unable_to_perform_a_control_keeps_the_partnership_reactive if {
	srm := {"responsibilities": managed_rows, "incidentResponse": escalation, "parties": {"client": {"capabilities": ["policy-governance"]}}}
	provider := {"capabilities": ["security-monitoring"], "coverage": "24x7"}
	result := data.srmcheck.assess.maturity.result with input as {"srm": srm, "provider": provider, "frameworks": monitoring([])}
	result.level == 1
	result.next == ["give every covered control an owner able to perform it (capabilities, hours, maturity, a current vendor attestation)"]
	capable := data.srmcheck.assess.maturity.result with input as {"srm": srm, "provider": provider, "frameworks": {}}
	capable.level == 2
}
