package srmcheck.rules.environment_vendor_undeclared_test

import rego.v1

aws(valid) := {"id": "aws", "name": "AWS", "attestations": [{"type": "soc2-type2", "validUntil": valid}]}

physical := {"iso27001-2022": {"controls": {"A.7.1": {"layer": "physical", "rows": [0]}}}}

case(vendor_list, rows, components) := {
	"asOf": "2026-11-22",
	"srm": {"parties": {"vendors": vendor_list}, "responsibilities": rows},
	"environment": {"components": components},
	"frameworks": physical,
}

cloud := [{"id": "prod", "model": "iaas", "vendor": "aws"}, {"id": "plant", "model": "on-prem"}]

test_every_environment_vendor_is_declared if {
	count(data.srmcheck.rules.environment_vendor_undeclared.deny) == 0 with input as case([aws("2027-01-01")], [], cloud)
	some finding in data.srmcheck.rules.environment_vendor_undeclared.deny with input as case([], [], cloud)
	finding.msg == "vendor aws runs prod but is not declared in the SRM"
	finding.pointer == "/environment/components/0/vendor"
}
