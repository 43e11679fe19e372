package srmcheck.rules.data_class_attestation_missing_test

import rego.v1

components := [
	{"id": "clinic", "model": "on-prem"},
	{"id": "vault", "model": "iaas", "vendor": "aws"},
	{"id": "mail", "model": "saas", "vendor": "microsoft", "dataClasses": []},
]

rows := [{"id": "R-01", "owner": "mssp", "components": ["clinic"], "raci": {"mssp": "R"}}]

case(classes, vendors, provider) := {
	"asOf": "2026-11-22",
	"srm": {"parties": {"vendors": vendors}, "responsibilities": rows},
	"provider": provider,
	"environment": {"components": components, "dataClasses": classes},
	"frameworks": {},
}

vendors(aws) := [{"id": "aws", "name": "AWS", "attestations": aws}, {"id": "microsoft", "name": "Microsoft"}]

baa := {"type": "baa"}

deny(classes, aws, provider) := found if {
	found := data.srmcheck.rules.data_class_attestation_missing.deny with input as case(classes, vendors(aws), provider)
}

test_phi_needs_a_baa_of_the_vendor_and_the_mssp if {
	found := deny(["phi"], [], {})
	count(found) == 2
	some vendor in found
	vendor.pointer == "/srm/parties/vendors/0/id"
	vendor.msg == "vendor aws runs vault, which holds PHI, but has no business associate agreement (baa) valid on 2026-11-22"
	some mssp in found
	mssp.pointer == "/provider"
	contains(mssp.msg, "the MSSP works on PHI (responsibility R-01)")
}

test_a_baa_without_an_end_date_is_valid if {
	count(deny(["phi"], [baa], {"attestations": [baa]})) == 0
}

test_an_expired_baa_is_not if {
	old := {"type": "baa", "validUntil": "2026-01-01"}
	found := deny(["phi"], [old], {"attestations": [old]})
	count(found) == 2
	some mssp in found
	mssp.pointer == "/provider/attestations"
}

test_cui_needs_fedramp_moderate_or_better_and_cmmc_of_the_mssp if {
	low := {"type": "fedramp-low", "validUntil": "2027-01-01"}
	count(deny(["cui"], [low], {})) == 2
	high := {"type": "fedramp-high", "validUntil": "2027-01-01"}
	cmmc := {"type": "cmmc-l2", "validUntil": "2027-01-01"}
	count(deny(["cui"], [high], {"attestations": [cmmc]})) == 0
}

test_a_component_with_its_own_classes_holds_only_those if {
	# mail names none of its own: microsoft needs nothing, though PHI is in the environment.
	found := deny(["phi"], [baa], {"attestations": [baa]})
	count(found) == 0
}

test_the_mssp_on_no_component_holding_the_class_needs_nothing if {
	environment := {"components": [{"id": "clinic", "model": "on-prem", "dataClasses": []}, {"id": "vault", "model": "iaas", "vendor": "aws", "dataClasses": ["phi"]}]}
	input_case := object.union(case([], vendors([baa]), {}), {"environment": environment})
	found := data.srmcheck.rules.data_class_attestation_missing.deny with input as input_case
	count(found) == 0
}

test_an_undecided_attestation_is_left_to_the_placeholder_rule if {
	todo := {"type": "TODO: soc2-type2, iso27001, ...", "validUntil": "2027-01-01"}
	found := deny(["phi"], [todo], {"attestations": [baa]})
	count(found) == 0
}
