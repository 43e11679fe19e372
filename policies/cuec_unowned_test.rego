package srmcheck.rules.cuec_unowned_test

import rego.v1

report := {"type": "soc2-type2", "validUntil": "2027-01-01", "cuecs": [
	{"id": "CUEC-1", "text": "Review the access granted"},
	{"id": "CUEC-2", "controls": {"iso27001-2022": ["A.5.18"]}},
]}

case(rows, provider) := {
	"asOf": "2026-11-22",
	"srm": {"parties": {"vendors": [{"id": "aws", "name": "AWS", "attestations": [report]}]}, "responsibilities": rows},
	"provider": provider,
	"environment": {"components": []},
	"frameworks": {},
}

deny(rows, provider) := found if {
	found := data.srmcheck.rules.cuec_unowned.deny with input as case(rows, provider)
}

test_every_unowned_cuec_fires_at_its_id if {
	found := deny([], {"attestations": [report]})
	count(found) == 4
	some finding in found
	finding.pointer == "/srm/parties/vendors/0/attestations/0/cuecs/1/id"
	finding.msg == "CUEC-2 of the soc2-type2 report of vendor:aws is owned by no row of the SRM"
	some mssp in found
	mssp.pointer == "/provider/attestations/0/cuecs/0/id"
}

test_a_row_owns_a_cuec_by_name_or_by_control if {
	rows := [
		{"id": "R-01", "owner": "client", "cuecs": ["vendor:aws/CUEC-1"]},
		{"id": "R-02", "owner": "shared", "controls": {"iso27001-2022": ["A.5.18"]}},
	]
	count(deny(rows, {})) == 0
}

test_the_reporting_party_cannot_own_its_own_cuec if {
	rows := [{"id": "R-01", "owner": "vendor:aws", "cuecs": ["vendor:aws/CUEC-1", "vendor:aws/CUEC-2"]}]
	count(deny(rows, {})) == 2
}
