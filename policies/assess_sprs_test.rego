package srmcheck.assess.sprs_test

import rego.v1

practices := {
	"AC.L2-3.1.1": {"weight": 5, "rows": [0]},
	"AC.L2-3.1.2": {"weight": 5, "rows": []},
	"AT.L2-3.2.1": {"weight": 3, "rows": [1]},
	"CA.L2-3.12.4": {"weight": 0, "rows": []},
	"SI.L2-3.14.7": {"weight": 1, "rows": [2]},
}

rows := [
	{"owner": "mssp", "capabilities": ["identity-administration"]},
	{"owner": "client", "capabilities": ["security-awareness-training"]},
	{"owner": "shared", "capabilities": ["security-monitoring", "policy-governance"]},
]

base := {
	"provider": {"capabilities": ["identity-administration", "security-monitoring"]},
	"srm": {"parties": {"client": {"capabilities": ["policy-governance"]}}, "responsibilities": rows},
	"frameworks": {"cmmc-2.0": {"level": 2, "controls": practices}},
}

with_frameworks(frameworks) := {"provider": base.provider, "srm": base.srm, "frameworks": frameworks}

test_practices_without_a_capable_owner_cost_their_weight if {
	result := data.srmcheck.assess.sprs.result with input as base
	result.score == 102
	result.costs == [
		{"control": "AC.L2-3.1.2", "weight": 5, "reason": "no row covers it"},
		{"control": "AT.L2-3.2.1", "weight": 3, "reason": "no covering row's owner has the capabilities it needs"},
	]
}

test_vendor_rows_are_capable if {
	srm := {"parties": {}, "responsibilities": [{"owner": "vendor:aws", "capabilities": ["physical-security"]}]}
	frameworks := {"cmmc-2.0": {"level": 2, "controls": {"PE.L2-3.10.1": {"weight": 5, "rows": [0]}}}}
	result := data.srmcheck.assess.sprs.result with input as {"provider": {}, "srm": srm, "frameworks": frameworks}
	result.score == 110
	result.costs == []
}

test_no_score_without_cmmc_level_2 if {
	not data.srmcheck.assess.sprs.result with input as with_frameworks({"cmmc-2.0": {"level": 1, "controls": practices}})
	not data.srmcheck.assess.sprs.result with input as with_frameworks({"iso27001-2022": {"controls": {}}})
}
