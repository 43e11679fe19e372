package srmcheck.lib.capacity_test

import rego.v1

provider := {"capabilities": ["security-monitoring"], "coverage": "24x7", "maturity": {"soc": 4, "infrastructure": 3}}

client := {"capabilities": ["policy-governance"], "coverage": "business-hours", "maturity": {"soc": 1, "infrastructure": 2}}

monitoring := {"capabilities": ["security-monitoring"], "roundTheClock": true, "minMaturity": 3}

rows := [
	{"id": "R-01", "owner": "mssp", "capabilities": ["security-monitoring"]},
	{"id": "R-02", "owner": "client", "capabilities": []},
	{"id": "R-03", "owner": "vendor:aws", "status": "planned"},
	{"id": "R-04", "owner": "nobody"},
]

case(controls, vendors) := {
	"asOf": "2026-11-22",
	"provider": provider,
	"srm": {"parties": {"client": client, "vendors": vendors}, "responsibilities": rows},
	"frameworks": {"iso27001-2022": {"controls": controls}},
}

aws(valid) := [{"id": "aws", "attestations": [{"type": "soc2-type2", "validUntil": valid}]}]

test_a_capable_covering_row_makes_the_control_capable if {
	j := data.srmcheck.lib.capacity.judgement with input as case({"A.8.16": object.union(monitoring, {"rows": [0, 1]})}, [])
	j["iso27001-2022"]["A.8.16"].verdict == "capable"
	j["iso27001-2022"]["A.8.16"].capable == [0]
	j["iso27001-2022"]["A.8.16"].inPlace
}

test_every_reason_an_owner_cannot_perform_a_control_is_a_problem if {
	problems := data.srmcheck.lib.capacity.problems with input as case({"A.8.16": object.union(monitoring, {"rows": [1]})}, [])
	kinds := {p.kind | some p in problems}
	kinds == {"capability", "round-the-clock", "maturity"}
	every p in problems {
		p.control == "A.8.16"
		p.framework == "iso27001-2022"
		p.row == 1
	}
	j := data.srmcheck.lib.capacity.judgement with input as case({"A.8.16": object.union(monitoring, {"rows": [1]})}, [])
	j["iso27001-2022"]["A.8.16"].verdict == "not-capable"
}

test_rows_through_a_crosswalk_are_judged_like_direct_ones if {
	via := object.union(monitoring, {"rows": [], "via": [{"framework": "cmmc-2.0", "control": "SI.L2-3.14.6", "rows": [1, 0]}]})
	j := data.srmcheck.lib.capacity.judgement with input as case({"A.8.16": via}, [])
	j["iso27001-2022"]["A.8.16"].rows == [0, 1]
	j["iso27001-2022"]["A.8.16"].capable == [0]
}

test_a_vendor_is_capable_only_with_a_current_attestation if {
	physical := {"A.7.1": {"layer": "physical", "capabilities": ["physical-security"], "roundTheClock": true, "minMaturity": 5, "rows": [2]}}
	current := data.srmcheck.lib.capacity.judgement with input as case(physical, aws("2027-01-01"))
	current["iso27001-2022"]["A.7.1"].verdict == "capable"
	current["iso27001-2022"]["A.7.1"].statuses == ["planned"]
	not current["iso27001-2022"]["A.7.1"].inPlace
	expired := data.srmcheck.lib.capacity.judgement with input as case(physical, aws("2026-01-01"))
	expired["iso27001-2022"]["A.7.1"].verdict == "not-capable"
}

test_an_owner_that_is_no_party_cannot_perform_anything if {
	problems := data.srmcheck.lib.capacity.problems with input as case({"A.5.1": {"rows": [3]}}, [])
	some p in problems
	p.kind == "owner"
	p.owner == "nobody"
}

test_an_uncovered_control_has_no_owner_and_a_per_control_status_wins if {
	status_rows := [{"id": "R-01", "owner": "mssp", "status": "planned", "controlStatus": {"iso27001-2022": {"A.5.1": "partial"}}}]
	srm := {"parties": {"client": client}, "responsibilities": status_rows}
	controls := {"A.5.1": {"rows": [0]}, "A.5.2": {"rows": [0]}, "A.5.3": {"rows": []}}
	facts := data.srmcheck.lib.capacity.facts with input as {"provider": provider, "srm": srm, "frameworks": {"iso27001-2022": {"controls": controls}}}
	facts["iso27001-2022"]["A.5.3"] == "no-owner"
	j := data.srmcheck.lib.capacity.judgement with input as {"provider": provider, "srm": srm, "frameworks": {"iso27001-2022": {"controls": controls}}}
	j["iso27001-2022"]["A.5.1"].statuses == ["partial"]
	j["iso27001-2022"]["A.5.2"].statuses == ["planned"]
}

split_case(row, vendors) := {
	"asOf": "2026-11-22",
	"provider": provider,
	"srm": {"parties": {"client": client, "vendors": vendors}, "responsibilities": [row]},
	"frameworks": {"iso27001-2022": {"controls": {"A.5.1": {"capabilities": ["policy-governance"], "rows": [0]}, "A.8.16": object.union(monitoring, {"rows": [0]})}}},
}

test_a_row_split_with_a_vendor_is_judged_per_party if {
	row := {"id": "R-01", "owner": "shared", "shared": ["client", "vendor:aws"]}
	problems := data.srmcheck.lib.capacity.problems with input as split_case(row, aws("2027-01-01"))
	# The client's part by the client's profile alone: the MSSP is no party of the row.
	{[p.control, p.kind] | some p in problems} == {["A.8.16", "capability"], ["A.8.16", "round-the-clock"], ["A.8.16", "maturity"]}
	# The vendor's part by its attestations, as a vendor row.
	expired := data.srmcheck.lib.capacity.problems with input as split_case(row, aws("2026-01-01"))
	{p.control | some p in expired; p.kind == "attestation"; p.vendor == "aws"} == {"A.5.1", "A.8.16"}
}

test_a_row_split_between_the_mssp_and_a_vendor_is_judged_by_the_mssp if {
	row := {"id": "R-01", "owner": "shared", "shared": ["mssp", "vendor:aws"]}
	problems := data.srmcheck.lib.capacity.problems with input as split_case(row, aws("2027-01-01"))
	{[p.control, p.kind] | some p in problems} == {["A.5.1", "capability"]}
}
