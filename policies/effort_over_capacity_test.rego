package srmcheck.rules.effort_over_capacity_test

import rego.v1

provider := {"capabilities": ["security-monitoring"], "coverage": "24x7", "capacityHours": 100, "maturity": {"soc": 4, "infrastructure": 3}}

client := {"capabilities": ["policy-governance"], "coverage": "business-hours", "capacityHours": 10, "maturity": {"soc": 1, "infrastructure": 2}}

monitoring := {"capabilities": ["security-monitoring"], "roundTheClock": true, "minMaturity": 3}

policy := {"capabilities": ["policy-governance"], "roundTheClock": false, "minMaturity": 1}

case(owner, row_capabilities) := {
	"provider": provider,
	"srm": {"parties": {"client": client}, "responsibilities": [{"id": "R-01", "owner": owner, "capabilities": row_capabilities, "effort": {"client": 4, "mssp": 10}}]},
	"frameworks": {"iso27001-2022": {"controls": {"A.8.16": object.union(monitoring, {"rows": [0]}), "A.5.1": object.union(policy, {"rows": []})}}},
}

test_effort_beyond_a_party_capacity_fires if {
	over := object.union(case("client", []), {"srm": {"responsibilities": [{"id": "R-01", "owner": "client", "effort": {"client": 12}}]}})
	some finding in data.srmcheck.rules.effort_over_capacity.deny with input as over
	finding.msg == "the rows ask 12 hours a month of the client, over its capacity of 10 hours"
	finding.pointer == "/srm/parties/client/capacityHours"
	count(data.srmcheck.rules.effort_over_capacity.deny) == 0 with input as case("client", [])
}

test_mssp_effort_beyond_its_capacity_points_at_the_provider if {
	busy := object.union(case("mssp", []), {"provider": {"capacityHours": 5}})
	some finding in data.srmcheck.rules.effort_over_capacity.deny with input as busy
	finding.pointer == "/provider/capacityHours"
}
