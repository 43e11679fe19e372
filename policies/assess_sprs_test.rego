package srmcheck.assess.sprs_test

import rego.v1

practices := {
	"AC.L2-3.1.1": {"weight": 5, "rows": [0]},
	"AC.L2-3.1.2": {"weight": 5, "rows": []},
	"AT.L2-3.2.1": {"weight": 3, "rows": [1]},
	"CA.L2-3.12.4": {"weight": 0, "rows": [0]},
	"SI.L2-3.14.7": {"weight": 1, "rows": [2]},
}

rows := [
	{"owner": "mssp", "capabilities": ["identity-administration"]},
	{"owner": "client", "capabilities": ["security-awareness-training"]},
	{"owner": "shared", "capabilities": ["security-monitoring", "policy-governance"]},
]

provider := {"capabilities": ["identity-administration", "security-monitoring"], "coverage": "24x7"}

parties := {"client": {"capabilities": ["policy-governance", "security-awareness-training"]}}

srm_of(rows_, extra) := object.union({"parties": parties, "responsibilities": rows_}, extra)

case(controls, srm) := {
	"asOf": "2026-11-22",
	"provider": provider,
	"srm": srm,
	"frameworks": {"cmmc-2.0": {"level": 2, "controls": controls}},
}

base := case(practices, srm_of(rows, {}))

result(i) := r if {
	r := data.srmcheck.assess.sprs.result with input as i
}

test_practices_not_met_cost_their_weight if {
	r := result(base)
	r.score == 105
	r.costs == [{"control": "AC.L2-3.1.2", "weight": 5, "reason": "no row covers it"}]
	r.basis == "computed from the SRM's stated ownership and implementation status, not from an assessment of the system"
}

test_an_owner_that_cannot_perform_a_practice_costs_its_weight if {
	weak := [rows[0], {"owner": "client", "capabilities": ["incident-response"]}, rows[2]]
	r := result(case(practices, srm_of(weak, {})))
	r.score == 102
	{"control": "AT.L2-3.2.1", "weight": 3, "reason": "no covering row's owner can perform it"} in r.costs
}

test_not_applicable_exceptions_with_a_reason_are_met if {
	exceptions := [{"framework": "cmmc-2.0", "control": "AC.L2-3.1.2", "kind": "not-applicable", "reason": "No wireless", "expires": "2027-06-01"}]
	controls := object.union(practices, {"AC.L2-3.1.2": {"weight": 5, "rows": [], "exceptions": [0]}})
	r := result(case(controls, srm_of(rows, {"exceptions": exceptions})))
	r.score == 110
	r.status == "final"
	blank := [object.union(exceptions[0], {"reason": " "})]
	result(case(controls, srm_of(rows, {"exceptions": blank}))).score == 105
}

test_a_risk_accepted_practice_is_not_met if {
	exceptions := [{"framework": "cmmc-2.0", "control": "AC.L2-3.1.1", "kind": "risk-accepted", "reason": "Legacy", "expires": "2027-06-01"}]
	controls := object.union(practices, {"AC.L2-3.1.1": {"weight": 5, "rows": [0], "exceptions": [0]}})
	r := result(case(controls, srm_of(rows, {"exceptions": exceptions})))
	r.score == 100
	{"control": "AC.L2-3.1.1", "weight": 5, "reason": "risk-accepted: an accepted risk is not a met practice"} in r.costs
}

test_no_score_without_a_system_security_plan if {
	controls := object.union(practices, {"CA.L2-3.12.4": {"weight": 0, "rows": []}})
	r := result(case(controls, srm_of(rows, {})))
	r.score == null
	r.status == "none"
	"CA.L2-3.12.4 (System Security Plan) is not met: without it there is no score" in r.blockers
	"CA.L2-3.12.4 may never be on a POA&M" in r.blockers
}

test_partial_encryption_costs_three_points if {
	controls := {"SC.L2-3.13.11": {"weight": 5, "rows": [0]}, "CA.L2-3.12.4": {"weight": 0, "rows": [0]}}
	partial := [{"owner": "mssp", "controlStatus": {"cmmc-2.0": {"SC.L2-3.13.11": "partial"}}}]
	r := result(case(controls, srm_of(partial, {})))
	r.score == 107
	r.costs == [{"control": "SC.L2-3.13.11", "weight": 3, "reason": "not in place: its capable rows are partial"}]
	planned := [{"owner": "mssp", "controlStatus": {"cmmc-2.0": {"SC.L2-3.13.11": "planned"}}}]
	result(case(controls, srm_of(planned, {}))).score == 105
}

test_conditional_status_needs_eligible_practices_on_a_poam if {
	controls := {"SI.L2-3.14.7": {"weight": 1, "rows": []}, "CA.L2-3.12.4": {"weight": 0, "rows": [0]}}
	open := result(case(controls, srm_of(rows, {})))
	open.score == 109
	open.status == "none"
	open.blockers == ["SI.L2-3.14.7 is open without a POA&M entry"]
	poam := [{"control": "SI.L2-3.14.7", "gap": "No alert review", "due": "2027-03-01"}]
	planned := result(case(controls, srm_of(rows, {"poam": poam})))
	planned.status == "conditional"
	planned.closeOutBy == "2027-05-21"
	late := [object.union(poam[0], {"due": "2027-09-01"})]
	result(case(controls, srm_of(rows, {"poam": late}))).blockers == ["the POA&M entry of SI.L2-3.14.7 is due 2027-09-01, after the 180-day close-out (2027-05-21)"]
}

test_heavy_or_excluded_practices_block_a_conditional_status if {
	controls := {"AC.L2-3.1.2": {"weight": 5, "rows": []}, "AC.L2-3.1.20": {"weight": 1, "rows": []}, "CA.L2-3.12.4": {"weight": 0, "rows": [0]}}
	r := result(case(controls, srm_of(rows, {})))
	r.blockers == [
		"AC.L2-3.1.2 costs 5 points; a POA&M may hold only 1-point practices (and SC.L2-3.13.11 at 3 when partial)",
		"AC.L2-3.1.20 may never be on a POA&M",
	]
	many := {sprintf("AC.L2-3.1.%d", [n]): {"weight": 5, "rows": []} | some n in numbers.range(1, 5)}
	low := result(case(object.union(controls, many), srm_of(rows, {})))
	"the score 84 is below 88" in low.blockers
}

test_the_floor_is_minus_203 if {
	heavy := {sprintf("X.%d", [n]): {"weight": 5, "rows": []} | some n in numbers.range(1, 70)}
	r := result(case(object.union(heavy, {"CA.L2-3.12.4": {"weight": 0, "rows": [0]}}), srm_of(rows, {})))
	r.score == -203
}

test_no_score_without_cmmc_level_2 if {
	level_1 := {"asOf": base.asOf, "provider": provider, "srm": base.srm, "frameworks": {"cmmc-2.0": {"level": 1, "controls": practices}}}
	not data.srmcheck.assess.sprs.result with input as level_1
	iso := {"asOf": base.asOf, "provider": provider, "srm": base.srm, "frameworks": {"iso27001-2022": {"controls": {}}}}
	not data.srmcheck.assess.sprs.result with input as iso
}
