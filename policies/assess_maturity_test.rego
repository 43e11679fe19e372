package srmcheck.assess.maturity_test

import rego.v1

as_of := "2026-06-30"

playbook(name) := {"name": name, "kind": "playbook"}

# Managed through both lenses: owned rows with a RACI, SLAs on the MSSP's
# duties, a monitoring row and an asset row, playbooks, escalation and a
# kept review.
managed_rows := [
	{"id": "R-01", "owner": "client", "raci": {"client": "RA"}, "capabilities": ["policy-governance"]},
	{
		"id": "R-02", "owner": "mssp", "raci": {"mssp": "RA", "client": "I"},
		"capabilities": ["security-monitoring", "incident-response"],
		"sla": [{"metric": "time-to-respond", "target": "1h"}],
		"evidence": [playbook("Incident response playbook")],
	},
	{
		"id": "R-03", "owner": "mssp", "raci": {"mssp": "RA", "client": "C"},
		"capabilities": ["asset-management"],
		"sla": [{"metric": "inventory-reconciliation", "target": "weekly"}],
		"evidence": [playbook("Asset onboarding runbook")],
	},
]

escalation := {"escalation": [{"party": "mssp", "contact": "SOC lead", "within": "15m"}], "decisionAuthority": "client"}

review := {"cadence": "quarterly", "lastReviewed": "2026-05-15"}

provider := {"capabilities": ["security-monitoring", "incident-response", "threat-intelligence", "asset-management", "detection-engineering"], "coverage": "24x7"}

client := {"capabilities": ["policy-governance", "incident-response", "asset-management", "detection-engineering"]}

srm(rows, extra) := object.union({"responsibilities": rows, "incidentResponse": escalation, "review": review, "parties": {"client": client}}, extra)

assess(srm) := result if {
	result := data.srmcheck.assess.maturity.result with input as {"srm": srm, "provider": provider, "frameworks": {}, "asOf": as_of}
}

# Integrated: shared, tested playbooks, threat intelligence, detection
# mapped to ATT&CK, the CMDB shared, quarterly reviews and measured KPIs.
integrated_rows := array.concat(managed_rows, [
	{
		"id": "R-04", "owner": "shared", "raci": {"mssp": "R", "client": "RA"},
		"duties": {"mssp": "Contain.", "client": "Decide."},
		"capabilities": ["incident-response", "threat-intelligence"],
		"sla": [{"metric": "time-to-respond", "target": "1h"}],
		"evidence": [playbook("Shared incident playbook"), {"name": "ATT&CK coverage map", "kind": "detection-coverage-map"}],
	},
	{
		"id": "R-05", "owner": "shared", "raci": {"mssp": "R", "client": "RA"},
		"duties": {"mssp": "Sync the CMDB with the ticket queue.", "client": "Own the inventory."},
		"capabilities": ["asset-management"],
		"sla": [{"metric": "cmdb-sync", "target": "daily"}],
		"evidence": [playbook("Change and outage runbook"), {"name": "CMDB sync", "kind": "asset-inventory"}],
	},
])

exercises := [
	{"kind": "tabletop", "date": "2026-03-10", "parties": ["mssp", "client"]},
	{"kind": "recovery-test", "date": "2025-11-02", "parties": ["mssp", "client"]},
]

measured_kpis := [{"name": "patch-latency", "target": "14d", "measured": "11d", "owners": ["client"]}]

integrated := srm(integrated_rows, {"exercises": exercises, "kpis": measured_kpis})

optimized_rows := array.concat(integrated_rows, [{
	"id": "R-06", "owner": "mssp", "raci": {"mssp": "RA", "client": "C"},
	"capabilities": ["incident-response"],
	"sla": [{"metric": "automation-review", "target": "monthly"}],
	"evidence": [{"name": "Phishing auto-containment", "kind": "automated-workflow"}, {"name": "RCA of the May outage", "kind": "root-cause-analysis"}],
}, {
	"id": "R-07", "owner": "shared", "raci": {"mssp": "R", "client": "RA"},
	"duties": {"mssp": "Baseline configurations.", "client": "Approve drift fixes."},
	"capabilities": ["configuration-management"],
	"sla": [{"metric": "drift-report", "target": "weekly"}],
	"evidence": [{"name": "Drift auto-remediation", "kind": "automated-workflow"}, {"name": "RCA of the VPN outage", "kind": "root-cause-analysis"}],
}])

cross_escalation := {"escalation": [{"party": "mssp", "contact": "SOC lead", "within": "15m"}, {"party": "client", "contact": "IT manager", "within": "30m"}], "decisionAuthority": "client"}

outcome_kpis := array.concat(measured_kpis, [
	{"name": "mttd", "target": "15m", "outcome": "time-to-detect", "measured": "12m", "owners": ["mssp"]},
	{"name": "mttr", "target": "1h", "outcome": "time-to-respond", "measured": "48m", "owners": ["mssp"]},
	{"name": "restore", "target": "4h", "outcome": "time-to-restore", "measured": "3h", "owners": ["client"]},
	{"name": "change-failures", "target": "5%", "outcome": "change-failure-rate", "measured": "3%", "owners": ["client"]},
])

optimized := srm(optimized_rows, {"exercises": exercises, "kpis": outcome_kpis, "incidentResponse": cross_escalation})

test_an_empty_srm_is_reactive_through_both_lenses if {
	result := assess({})
	result.level == 1
	result.name == "Reactive"
	result.lenses.soc.level == 1
	result.lenses.infrastructure.level == 1
	"Define clear ownership for detection, escalation, and containment: every row owned by the MSSP, the client, `shared` or a declared vendor" in result.next
}

test_owned_rows_slas_playbooks_escalation_and_reviews_are_managed if {
	result := assess(srm(managed_rows, {}))
	result.lenses.soc.level == 2
	result.lenses.infrastructure.level == 2
	result.level == 2
	result.name == "Managed"
	"Map detection coverage to known threat frameworks: a `kind: detection-coverage-map` evidence entry on a row of security operations" in result.lenses.soc.next
	some step in result.lenses.infrastructure.next
	startswith(step, "Integrate asset management data (CMDB)")
}

test_a_playbook_in_words_is_not_a_playbook if {
	rows := [object.union(row, {"evidence": ["Incident response playbook"]}) | some row in managed_rows]
	result := assess(srm(rows, {}))
	result.lenses.soc.level == 1
	"Replace assumption-based operations with documented processes and proactive confirmations: a `kind: playbook` evidence entry on a row of security operations" in result.lenses.soc.next
}

test_without_an_asset_row_the_infrastructure_lens_is_reactive if {
	rows := [row | some row in managed_rows; row.id != "R-03"]
	result := assess(srm(rows, {}))
	result.lenses.soc.level == 2
	result.lenses.infrastructure.level == 1
	result.level == 1
	"Establish baseline asset visibility across environments: an `asset-management` row whose owner has the capabilities it lists" in result.next
}

test_a_missing_sla_keeps_its_lens_reactive if {
	rows := array.concat(managed_rows, [{"id": "R-09", "owner": "mssp", "raci": {"mssp": "RA"}, "capabilities": ["security-monitoring"]}])
	result := assess(srm(rows, {}))
	result.lenses.soc.level == 1
	result.lenses.infrastructure.level == 2
	result.lenses.soc.next == ["SLAs define response expectations: an SLA (metric and target) on every security operations duty the MSSP performs"]
}

test_two_accountable_parties_break_the_raci if {
	rows := array.concat(managed_rows, [{"id": "R-09", "owner": "client", "raci": {"client": "A", "mssp": "A"}}])
	assess(srm(rows, {})).level == 1
}

test_an_overdue_review_keeps_the_partnership_reactive if {
	result := assess(srm(managed_rows, {"review": {"cadence": "quarterly", "lastReviewed": "2025-12-31"}}))
	result.level == 1
	"Set consistent communication cadences between internal teams and the MSSP: a `review` whose `lastReviewed` is within its cadence" in result.next
}

# R-01 (the client's) covers an infrastructure control and R-02 a monitoring
# control; A.8.8 has no row.
controls(exceptions) := {"iso27001-2022": {"controls": {
	"A.8.16": {"capabilities": ["security-monitoring"], "rows": [1], "exceptions": []},
	"A.5.1": {"capabilities": ["policy-governance"], "rows": [0], "exceptions": []},
	"A.8.8": {"capabilities": ["vulnerability-management"], "rows": [], "exceptions": exceptions},
}}}

test_an_uncovered_control_keeps_its_lens_reactive if {
	input_of := {"srm": srm(managed_rows, {}), "provider": provider, "asOf": as_of}
	result := data.srmcheck.assess.maturity.result with input as object.union(input_of, {"frameworks": controls([])})
	result.lenses.soc.level == 2
	result.lenses.infrastructure.level == 1
	"Confirm exactly what the MSSP monitors and how coverage is validated: every in-scope infrastructure control covered by an owner able to perform it (1 without an owner, 0 not capable)" in result.lenses.infrastructure.next
	excepted := data.srmcheck.assess.maturity.result with input as object.union(input_of, {"frameworks": controls([0])})
		with input.srm.exceptions as [{"framework": "iso27001-2022", "control": "A.8.8", "kind": "not-applicable", "reason": "No systems.", "approvedBy": "CISO", "approved": "2026-01-01", "expires": "2027-01-01"}]
	excepted.lenses.infrastructure.level == 2
}

test_an_owner_unable_to_perform_a_monitoring_control_keeps_the_soc_lens_reactive if {
	weak := {"capabilities": ["asset-management"], "coverage": "24x7"}
	result := data.srmcheck.assess.maturity.result with input as {"srm": srm(managed_rows, {}), "provider": weak, "frameworks": controls([0]), "asOf": as_of}
	result.lenses.soc.level == 1
	some step in result.lenses.soc.next
	contains(step, "(0 without an owner, 1 not capable)")
}

test_shared_tested_threat_informed_operations_are_integrated if {
	result := assess(integrated)
	result.lenses.soc.level == 3
	result.lenses.infrastructure.level == 3
	result.name == "Integrated"
	"Perform root cause analysis after incidents to strengthen detection logic, infrastructure hardening, network configuration, and response playbooks: a `kind: root-cause-analysis` evidence entry on a row of security operations" in result.lenses.soc.next
}

test_an_exercise_older_than_a_year_does_not_count if {
	old := [{"kind": "tabletop", "date": "2025-06-29", "parties": ["mssp", "client"]}, exercises[1]]
	result := assess(object.union(integrated, {"exercises": old}))
	result.lenses.soc.level == 2
	result.lenses.infrastructure.level == 3
	result.level == 2
}

test_an_exercise_without_the_client_does_not_count if {
	alone := [{"kind": "tabletop", "date": "2026-03-10", "parties": ["mssp"]}, exercises[1]]
	assess(object.union(integrated, {"exercises": alone})).lenses.soc.level == 2
}

test_an_unmeasured_kpi_does_not_review_performance if {
	unmeasured := [{"name": "patch-latency", "target": "14d", "owners": ["client"]}]
	assess(object.union(integrated, {"kpis": unmeasured})).level == 2
}

test_a_monthly_review_is_at_least_quarterly_and_a_semi_annual_one_is_not if {
	assess(object.union(integrated, {"review": {"cadence": "monthly", "lastReviewed": "2026-06-15"}})).level == 3
	assess(object.union(integrated, {"review": {"cadence": "semi-annual", "lastReviewed": "2026-05-15"}})).level == 2
}

test_outcome_metrics_root_causes_automation_and_cross_team_escalation_are_optimized if {
	result := assess(optimized)
	result.lenses.soc.level == 4
	result.lenses.infrastructure.level == 4
	result.name == "Optimized"
	"The relationship operates on shared KPIs and joint accountability: a measured outcome KPI for infrastructure owned by both the MSSP and the client" in result.lenses.infrastructure.next
}

test_an_unmeasured_outcome_kpi_is_not_outcome_measurement if {
	kpis := [object.union(kpi, {"measured": ""}) | some kpi in outcome_kpis; kpi.outcome == "time-to-detect"]
	others := [kpi | some kpi in outcome_kpis; object.get(kpi, "outcome", "") != "time-to-detect"]
	result := assess(object.union(optimized, {"kpis": array.concat(kpis, others)}))
	result.lenses.soc.level == 3
	result.lenses.infrastructure.level == 4
	result.level == 3
	"Fully shift measurement from operational SLAs to outcome-based metrics (MTTD, MTTR): a KPI with `outcome: time-to-detect` and a `measured` value" in result.next
}

test_shared_outcome_kpis_and_a_co_developed_roadmap_are_proactive if {
	rows := array.concat(optimized_rows, [{
		"id": "R-08", "owner": "shared", "raci": {"mssp": "R", "client": "RA"},
		"duties": {"mssp": "Build detections.", "client": "Set the roadmap."},
		"capabilities": ["detection-engineering", "security-monitoring"],
		"sla": [{"metric": "rule-review", "target": "monthly"}],
		"evidence": [{"name": "Detection roadmap 2026", "kind": "detection-roadmap"}],
	}])
	kpis := array.concat(outcome_kpis, [{"name": "outage-minutes", "target": "60", "outcome": "business-resilience", "measured": "35", "owners": ["mssp", "client"]}])
	result := assess(object.union(optimized, {"responsibilities": rows, "kpis": kpis}))
	result.lenses.soc.level == 5
	result.lenses.infrastructure.level == 5
	result.level == 5
	result.name == "Proactive"
	result.next == []
	without_roadmap := assess(object.union(optimized, {"kpis": kpis}))
	without_roadmap.lenses.soc.level == 4
	without_roadmap.lenses.infrastructure.level == 5
	without_roadmap.next == ["Co-develop detection engineering roadmaps with the MSSP: a shared `detection-engineering` row with a `kind: detection-roadmap` evidence entry"]
}

test_a_shared_row_the_client_is_not_responsible_for_keeps_the_partnership_reactive if {
	rows := array.concat(managed_rows, [{"id": "R-09", "owner": "shared", "raci": {"mssp": "R", "client": "A"}, "sla": [{"metric": "time-to-respond", "target": "1h"}]}])
	result := assess(srm(rows, {}))
	result.level == 1
	"Define clear ownership for detection, escalation, and containment: a RACI on every row with exactly one accountable party, in which each owner is responsible" in result.next
}
