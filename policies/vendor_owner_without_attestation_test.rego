package srmcheck.rules.vendor_owner_without_attestation_test

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

test_a_current_attestation_is_silent if {
	count(data.srmcheck.rules.vendor_owner_without_attestation.deny) == 0 with input as case([aws("2027-01-01")], [aws_row], cloud)
	count(data.srmcheck.rules.vendor_attestation_expired.deny) == 0 with input as case([aws("2027-01-01")], [aws_row], cloud)
}

test_a_vendor_owner_without_attestation_fires if {
	some finding in data.srmcheck.rules.vendor_owner_without_attestation.deny with input as case([aws("2026-01-01")], [aws_row], cloud)
	finding.msg == "responsibility R-01 covers A.7.1 and is owned by vendor aws, which has no attestation valid on 2026-11-22"
	finding.control == "A.7.1"
	count(data.srmcheck.rules.vendor_owner_without_attestation.deny) == 1 with input as case([{"id": "aws", "name": "AWS"}], [aws_row], cloud)
}

test_a_vendor_row_covering_no_control_in_scope_fires_once if {
	uncovered := object.remove(case([aws("2026-01-01")], [aws_row], cloud), ["frameworks"])
	some finding in data.srmcheck.rules.vendor_owner_without_attestation.deny with input as uncovered
	finding.msg == "responsibility R-01 is owned by vendor aws, which has no attestation valid on 2026-11-22"
}

test_a_business_associate_agreement_is_no_attestation_of_controls if {
	agreement_only := [{"id": "aws", "name": "AWS", "attestations": [{"type": "baa"}]}]
	count(data.srmcheck.rules.vendor_owner_without_attestation.deny) == 1 with input as case(agreement_only, [aws_row], cloud)
}
