package srmcheck.rules.vendors_test

# Tests of the vendor and environment rules: vendor-owner-without-attestation,
# vendor-attestation-expired, environment-vendor-undeclared and
# environment-inheritance.

import rego.v1

import data.srmcheck.rules.attestations
import data.srmcheck.rules.environment_vendors
import data.srmcheck.rules.inheritance
import data.srmcheck.rules.vendors

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
	count(vendors.deny) == 0 with input as case([aws("2027-01-01")], [aws_row], cloud)
	count(attestations.deny) == 0 with input as case([aws("2027-01-01")], [aws_row], cloud)
}

test_a_vendor_owner_without_attestation_fires if {
	some finding in vendors.deny with input as case([aws("2026-01-01")], [aws_row], cloud)
	finding.msg == "responsibility R-01 is owned by vendor aws, which has no attestation valid on 2026-11-22"
	count(vendors.deny) == 1 with input as case([{"id": "aws", "name": "AWS"}], [aws_row], cloud)
}

test_an_expired_attestation_fires if {
	some finding in attestations.deny with input as case([aws("2026-01-01")], [], cloud)
	finding.msg == "the soc2-type2 attestation of vendor aws expired on 2026-01-01"
	finding.pointer == "/srm/parties/vendors/0/attestations/0/validUntil"
}

test_every_environment_vendor_is_declared if {
	count(environment_vendors.deny) == 0 with input as case([aws("2027-01-01")], [], cloud)
	some finding in environment_vendors.deny with input as case([], [], cloud)
	finding.msg == "vendor aws runs prod but is not declared in the SRM"
	finding.pointer == "/environment/components/0/vendor"
}

test_physical_security_is_inherited_from_the_cloud_vendor if {
	count(inheritance.deny) == 0 with input as case([aws("2027-01-01")], [aws_row], cloud)
	some finding in inheritance.deny with input as case([aws("2027-01-01")], [{"id": "R-01", "owner": "client"}], cloud)
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
	findings := inheritance.deny with input as object.union(case([aws("2027-01-01")], rows, saas), {"frameworks": frameworks})
	count(findings) == 1
	some finding in findings
	finding.msg == "aws runs the network layer of crm (saas), but no row owned by vendor:aws covers a control of that layer"
}

test_an_on_prem_estate_has_no_vendor_to_inherit_from if {
	on_prem := [{"id": "plant", "model": "on-prem"}]
	some finding in inheritance.deny with input as case([aws("2027-01-01")], [aws_row], on_prem)
	finding.msg == "responsibility R-01 is owned by vendor aws, which runs no cloud component of the environment to inherit from"
}
