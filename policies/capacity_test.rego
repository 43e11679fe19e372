package srmcheck.rules.capacity_test

# Tests of the capacity rules: owner-lacks-capability, round-the-clock-coverage,
# owner-maturity-too-low and effort-over-capacity, and of the parties library.

import rego.v1

import data.srmcheck.rules.capability
import data.srmcheck.rules.effort
import data.srmcheck.rules.maturity_fit
import data.srmcheck.rules.round_the_clock

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
	count(capability.deny) == 0 with input as case("mssp", ["security-monitoring"])
	count(capability.deny) == 0 with input as case("shared", ["security-monitoring", "policy-governance"])
	count(capability.deny) == 0 with input as case("vendor:aws", ["physical-security"])
}

test_a_row_capability_the_owner_lacks_fires if {
	some finding in capability.deny with input as case("mssp", ["key-management"])
	finding.msg == "responsibility R-01 needs `key-management`, which its owner (mssp) does not have"
	finding.pointer == "/srm/responsibilities/0/capabilities"
}

test_a_control_the_owner_cannot_perform_fires_with_the_control if {
	findings := capability.deny with input as case("client", [])
	count(findings) == 1
	some finding in findings
	finding.control == "A.8.16"
	finding.framework == "iso27001-2022"
	contains(finding.msg, "covers A.8.16, which needs security-monitoring; its owner (client) has none of them")
}

test_a_business_hours_owner_of_a_24x7_control_fires if {
	some finding in round_the_clock.deny with input as case("client", [])
	finding.msg == "responsibility R-01 covers A.8.16, which need round-the-clock coverage, but its owner (client) works business-hours"
	count(round_the_clock.deny) == 0 with input as case("shared", [])
	count(round_the_clock.deny) == 0 with input as case("mssp", [])
}

test_a_shared_row_of_two_business_hours_parties_fires if {
	daytime := object.union(case("shared", []), {"provider": {"coverage": "business-hours"}})
	some finding in round_the_clock.deny with input as daytime
	endswith(finding.msg, "its owner (shared) works business-hours")
}

test_an_owner_below_the_control_maturity_fires if {
	some finding in maturity_fit.deny with input as case("client", [])
	finding.msg == "responsibility R-01 covers A.8.16, which needs an owner at maturity 3, but its owner (client) is at soc maturity 1"
	finding.control == "A.8.16"
	count(maturity_fit.deny) == 0 with input as case("mssp", [])
	count(maturity_fit.deny) == 0 with input as case("shared", [])
}

test_infrastructure_maturity_judges_other_controls if {
	hardening := {"capabilities": ["configuration-management"], "minMaturity": 3, "rows": [0]}
	low := object.union(case("client", []), {"frameworks": {"iso27001-2022": {"controls": {"A.8.16": hardening}}}})
	some finding in maturity_fit.deny with input as low
	endswith(finding.msg, "is at infrastructure maturity 2")
}

test_effort_beyond_a_party_capacity_fires if {
	over := object.union(case("client", []), {"srm": {"responsibilities": [{"id": "R-01", "owner": "client", "effort": {"client": 12}}]}})
	some finding in effort.deny with input as over
	finding.msg == "the rows ask 12 hours a month of the client, over its capacity of 10 hours"
	finding.pointer == "/srm/parties/client/capacityHours"
	count(effort.deny) == 0 with input as case("client", [])
}

test_mssp_effort_beyond_its_capacity_points_at_the_provider if {
	busy := object.union(case("mssp", []), {"provider": {"capacityHours": 5}})
	some finding in effort.deny with input as busy
	finding.pointer == "/provider/capacityHours"
}
