package srmcheck.rules.inherited_control_not_provided_test

import rego.v1

published := {"framework": "hipaa-security", "controls": [
	{"control": "164.310(a)", "inheritance": "partial"},
	{"control": "164.312(a)", "inheritance": "none", "customer": "Configure IAM."},
]}

case(controls) := {
	"srm": {"responsibilities": [
		{"id": "R-01", "owner": "client", "controls": {"hipaa-security": ["164.312(a)"]}},
		{"id": "R-02", "owner": "vendor:aws", "controls": {"hipaa-security": controls}},
	]},
	"vendorResponsibilities": {"aws": published},
	"vendorMatches": {"aws": [
		[{"framework": "hipaa-security", "control": "164.310(a)"}],
		[{"framework": "hipaa-security", "control": "164.312(a)"}],
	]},
}

test_a_control_the_vendor_provides_is_inherited if {
	count(data.srmcheck.rules.inherited_control_not_provided.deny) == 0 with input as case(["164.310(a)"])
}

test_a_control_the_vendor_leaves_or_does_not_list_is_not if {
	findings := data.srmcheck.rules.inherited_control_not_provided.deny with input as case(["164.310(a)", "164.312(a)", "164.312(b)"])
	count(findings) == 2
	some finding in findings
	finding.pointer == "/srm/responsibilities/1/controls/hipaa-security/1"
	finding.control == "164.312(a)"
}

test_a_vendor_without_published_responsibilities_is_not_judged if {
	count(data.srmcheck.rules.inherited_control_not_provided.deny) == 0 with input as object.remove(case(["164.312(b)"]), ["vendorResponsibilities"])
}

# An SP 800-53 CRM against a CMMC SRM: PE-3 stands for PE.L1-b.1.ix, AC-2 for AC.L1-b.1.i.
crosswalked(controls) := {
	"srm": {"responsibilities": [{"id": "R-01", "owner": "vendor:aws", "controls": {"cmmc-2.0": controls}}]},
	"vendorResponsibilities": {"aws": {"framework": "nist-800-53r5", "controls": [
		{"control": "PE-3", "inheritance": "full"},
		{"control": "AC-2", "inheritance": "none", "customer": "Manage accounts."},
	]}},
	"vendorMatches": {"aws": [
		[{"framework": "cmmc-2.0", "control": "PE.L1-b.1.ix"}],
		[{"framework": "cmmc-2.0", "control": "AC.L1-b.1.i"}],
	]},
}

test_a_control_provided_through_a_counterpart_is_inherited if {
	count(data.srmcheck.rules.inherited_control_not_provided.deny) == 0 with input as crosswalked(["PE.L1-b.1.ix"])
}

test_a_counterpart_left_to_the_customer_is_named if {
	findings := data.srmcheck.rules.inherited_control_not_provided.deny with input as crosswalked(["PE.L1-b.1.ix", "AC.L1-b.1.i", "SC.L1-b.1.x"])
	count(findings) == 2
	some left in findings
	left.pointer == "/srm/responsibilities/0/controls/cmmc-2.0/1"
	contains(left.msg, "(nist-800-53r5 AC-2: left to the customer)")
	some unlisted in findings
	unlisted.control == "SC.L1-b.1.x"
	not contains(unlisted.msg, "left to the customer")
}

test_a_framework_the_vendor_does_not_reach_is_not_judged if {
	unreached := object.union(crosswalked(["AC.L1-b.1.i"]), {"vendorMatches": {"aws": [[], []]}})
	count(data.srmcheck.rules.inherited_control_not_provided.deny) == 0 with input as unreached
}
