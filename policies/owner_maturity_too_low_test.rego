package srmcheck.rules.owner_maturity_too_low_test

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

test_an_owner_below_the_control_maturity_fires if {
	some finding in data.srmcheck.rules.owner_maturity_too_low.deny with input as case("client", [])
	finding.msg == "responsibility R-01 covers A.8.16, which needs an owner at maturity 3, but its owner (client) is at soc maturity 1"
	finding.control == "A.8.16"
	count(data.srmcheck.rules.owner_maturity_too_low.deny) == 0 with input as case("mssp", [])
	count(data.srmcheck.rules.owner_maturity_too_low.deny) == 0 with input as case("shared", [])
}

test_infrastructure_maturity_judges_other_controls if {
	hardening := {"capabilities": ["configuration-management"], "minMaturity": 3, "rows": [0]}
	low := object.union(case("client", []), {"frameworks": {"iso27001-2022": {"controls": {"A.8.16": hardening}}}})
	some finding in data.srmcheck.rules.owner_maturity_too_low.deny with input as low
	endswith(finding.msg, "is at infrastructure maturity 2")
}
