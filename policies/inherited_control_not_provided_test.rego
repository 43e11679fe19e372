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
