package srmcheck.rules.vendor_responsibility_unowned_test

import rego.v1

published := {"framework": "hipaa-security", "controls": [
	{"control": "164.310(a)", "inheritance": "partial", "customer": "Control access to the client's own media."},
	{"control": "164.312(a)", "inheritance": "full"},
]}

case(owner) := {
	"srm": {"responsibilities": [{"id": "R-01", "owner": owner}]},
	"frameworks": {"hipaa-security": {"controls": {
		"164.310(a)": {"rows": [0]},
		"164.312(a)": {"rows": []},
	}}},
	"vendorResponsibilities": {"aws": published},
}

test_a_customer_responsibility_on_a_party_row_is_picked_up if {
	count(data.srmcheck.rules.vendor_responsibility_unowned.deny) == 0 with input as case("client")
	count(data.srmcheck.rules.vendor_responsibility_unowned.deny) == 0 with input as case("shared")
}

test_a_customer_responsibility_on_a_vendor_row_is_unowned if {
	some finding in data.srmcheck.rules.vendor_responsibility_unowned.deny with input as case("vendor:aws")
	finding.pointer == "/vendorResponsibilities/aws/controls/0/customer"
	finding.control == "164.310(a)"
	contains(finding.msg, "vendor aws")
}

test_a_control_without_customer_text_needs_nothing if {
	findings := data.srmcheck.rules.vendor_responsibility_unowned.deny with input as case("vendor:aws")
	count(findings) == 1
}
