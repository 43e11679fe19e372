package srmcheck.rules.vendor_attestation_expired_test

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

test_an_expired_attestation_fires if {
	some finding in data.srmcheck.rules.vendor_attestation_expired.deny with input as case([aws("2026-01-01")], [], cloud)
	finding.msg == "the soc2-type2 attestation of vendor aws expired on 2026-01-01"
	finding.pointer == "/srm/parties/vendors/0/attestations/0/validUntil"
}
