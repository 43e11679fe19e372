package srmcheck.rules.owner_lacks_capability_test

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

test_an_owner_with_the_capabilities_is_silent if {
	count(data.srmcheck.rules.owner_lacks_capability.deny) == 0 with input as case("mssp", ["security-monitoring"])
	count(data.srmcheck.rules.owner_lacks_capability.deny) == 0 with input as case("shared", ["security-monitoring", "policy-governance"])
	count(data.srmcheck.rules.owner_lacks_capability.deny) == 0 with input as case("vendor:aws", ["physical-security"])
}

test_a_row_capability_the_owner_lacks_fires if {
	some finding in data.srmcheck.rules.owner_lacks_capability.deny with input as case("mssp", ["key-management"])
	finding.msg == "responsibility R-01 covers A.8.16 and needs `key-management`, which its owner (mssp) does not have"
	finding.pointer == "/srm/responsibilities/0/capabilities"
	finding.control == "A.8.16"
}

test_a_row_covering_no_control_in_scope_fires_once_without_a_control if {
	nothing := object.remove(case("mssp", ["key-management", "backup"]), ["frameworks"])
	findings := data.srmcheck.rules.owner_lacks_capability.deny with input as nothing
	count(findings) == 1
	some finding in findings
	finding.msg == "responsibility R-01 needs `key-management`, `backup`, which its owner (mssp) does not have"
	not finding.control
}

test_a_control_the_owner_cannot_perform_fires_with_the_control if {
	findings := data.srmcheck.rules.owner_lacks_capability.deny with input as case("client", [])
	count(findings) == 1
	some finding in findings
	finding.control == "A.8.16"
	finding.framework == "iso27001-2022"
	contains(finding.msg, "covers A.8.16, which needs security-monitoring; its owner (client) has none of them")
}
