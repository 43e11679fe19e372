package srmcheck.rules.round_the_clock_coverage_test

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

test_a_business_hours_owner_of_a_24x7_control_fires if {
	some finding in data.srmcheck.rules.round_the_clock_coverage.deny with input as case("client", [])
	finding.msg == "responsibility R-01 covers A.8.16, which needs round-the-clock coverage, but its owner (client) works business-hours"
	finding.framework == "iso27001-2022"
	finding.control == "A.8.16"
	count(data.srmcheck.rules.round_the_clock_coverage.deny) == 0 with input as case("shared", [])
	count(data.srmcheck.rules.round_the_clock_coverage.deny) == 0 with input as case("mssp", [])
}

test_a_shared_row_of_two_business_hours_parties_fires if {
	daytime := object.union(case("shared", []), {"provider": {"coverage": "business-hours"}})
	some finding in data.srmcheck.rules.round_the_clock_coverage.deny with input as daytime
	endswith(finding.msg, "its owner (shared) works business-hours")
}
