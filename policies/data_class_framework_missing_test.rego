package srmcheck.rules.data_class_framework_missing_test

import rego.v1

case(environment, frameworks) := {
	"asOf": "2026-11-22",
	"srm": {"responsibilities": []},
	"environment": environment,
	"frameworks": {id: {"controls": {}} | some id in frameworks},
}

deny(environment, frameworks) := found if {
	found := data.srmcheck.rules.data_class_framework_missing.deny with input as case(environment, frameworks)
}

test_phi_without_hipaa_fires_at_the_class if {
	found := deny({"components": [], "dataClasses": ["pii", "phi"]}, ["iso27001-2022"])
	count(found) == 1
	some finding in found
	finding.pointer == "/environment/dataClasses/1"
	contains(finding.msg, "holds PHI but the SRM selects none of hipaa-security")
}

test_cui_of_a_component_fires_at_the_component if {
	environment := {"components": [{"id": "a", "model": "on-prem"}, {"id": "b", "model": "iaas", "dataClasses": ["cui"]}]}
	some finding in deny(environment, ["hipaa-security"])
	finding.pointer == "/environment/components/1/dataClasses/0"
}

test_any_cui_framework_silences if {
	environment := {"components": [], "dataClasses": ["cui", "phi"]}
	count(deny(environment, ["nist-800-171r3", "hipaa-security"])) == 0
	count(deny(environment, ["cmmc-2.0", "hipaa-security"])) == 0
}

cmmc_case(level) := {
	"asOf": "2026-11-22",
	"srm": {"responsibilities": []},
	"environment": {"components": [], "dataClasses": ["cui"]},
	"frameworks": {"cmmc-2.0": {"level": level, "controls": {}}},
}

test_cmmc_level_1_does_not_bring_cui_into_scope if {
	found := data.srmcheck.rules.data_class_framework_missing.deny with input as cmmc_case(1)
	count(found) == 1
	some finding in found
	contains(finding.msg, "CMMC Level 1 covers federal contract information, not CUI")
	at_level_two := data.srmcheck.rules.data_class_framework_missing.deny with input as cmmc_case(2)
	count(at_level_two) == 0
}

test_pii_alone_needs_nothing if {
	count(deny({"components": [], "dataClasses": ["pii", "cardholder-data"]}, [])) == 0
}
