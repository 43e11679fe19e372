package srmcheck.rules.environment_inheritance_test

import rego.v1

aws(valid) := {"id": "aws", "name": "AWS", "attestations": [{"type": "soc2-type2", "validUntil": valid}]}

physical := {"iso27001-2022": {"controls": {"A.7.1": {"layer": "physical", "rows": [0]}}}}

case(vendor_list, rows, components) := {
	"asOf": "2026-11-22",
	"srm": {"parties": {"vendors": vendor_list}, "responsibilities": rows},
	"environment": {"components": components},
	"frameworks": physical,
}

aws_row := {"id": "R-01", "owner": "vendor:aws"}

cloud := [{"id": "prod", "model": "iaas", "vendor": "aws"}, {"id": "plant", "model": "on-prem"}]

test_physical_security_is_inherited_from_the_cloud_vendor if {
	count(data.srmcheck.rules.environment_inheritance.deny) == 0 with input as case([aws("2027-01-01")], [aws_row], cloud)
	some finding in data.srmcheck.rules.environment_inheritance.deny with input as case([aws("2027-01-01")], [{"id": "R-01", "owner": "client"}], cloud)
	finding.msg == "aws runs the physical layer of prod (iaas), but no row owned by vendor:aws covers a control of that layer"
	finding.pointer == "/environment/components/0"
}

test_a_saas_vendor_runs_network_host_and_application if {
	saas := [{"id": "crm", "model": "saas", "vendor": "aws"}]
	frameworks := {"iso27001-2022": {"controls": {
		"A.7.1": {"layer": "physical", "rows": [0]},
		"A.8.20": {"layer": "network", "rows": [1]},
		"A.8.25": {"layer": "application", "rows": [0]},
		"A.5.12": {"layer": "data", "rows": [1]},
	}}}
	rows := [aws_row, {"id": "R-02", "owner": "client"}]
	findings := data.srmcheck.rules.environment_inheritance.deny with input as object.union(case([aws("2027-01-01")], rows, saas), {"frameworks": frameworks})
	count(findings) == 1
	some finding in findings
	finding.msg == "aws runs the network layer of crm (saas), but no row owned by vendor:aws covers a control of that layer"
}

test_an_on_prem_estate_has_no_vendor_to_inherit_from if {
	on_prem := [{"id": "plant", "model": "on-prem"}]
	some finding in data.srmcheck.rules.environment_inheritance.deny with input as case([aws("2027-01-01")], [aws_row], on_prem)
	finding.msg == "responsibility R-01 is owned by vendor aws, which runs no cloud component of the environment to inherit from"
}
