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
	"vendorMatches": {"aws": [
		[{"framework": "hipaa-security", "control": "164.310(a)"}],
		[{"framework": "hipaa-security", "control": "164.312(a)"}],
	]},
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
	not contains(finding.msg, "through")
}

test_a_control_without_customer_text_needs_nothing if {
	findings := data.srmcheck.rules.vendor_responsibility_unowned.deny with input as case("vendor:aws")
	count(findings) == 1
}

# An SP 800-53 CRM against a CMMC SRM: AC-2 stands for two practices.
crosswalked(owners) := {
	"srm": {"responsibilities": [{"id": "R-01", "owner": owners[0]}, {"id": "R-02", "owner": owners[1]}]},
	"frameworks": {"cmmc-2.0": {"controls": {
		"AC.L1-b.1.i": {"rows": [0]},
		"AC.L1-b.1.ii": {"rows": [1]},
	}}},
	"vendorResponsibilities": {"aws": {"framework": "nist-800-53r5", "controls": [
		{"control": "AC-2", "inheritance": "none", "customer": "Manage the accounts of the customer's users."},
		{"control": "AU-2", "inheritance": "none", "customer": "Choose the events to log."},
	]}},
	"vendorMatches": {"aws": [
		[
			{"framework": "cmmc-2.0", "control": "AC.L1-b.1.i"},
			{"framework": "cmmc-2.0", "control": "AC.L1-b.1.ii"},
		],
		[],
	]},
}

test_a_counterpart_on_a_party_row_picks_up_the_responsibility if {
	count(data.srmcheck.rules.vendor_responsibility_unowned.deny) == 0 with input as crosswalked(["vendor:aws", "client"])
}

test_no_counterpart_on_a_party_row_leaves_it_unowned_and_names_them if {
	findings := data.srmcheck.rules.vendor_responsibility_unowned.deny with input as crosswalked(["vendor:aws", "vendor:aws"])
	count(findings) == 1
	some finding in findings
	finding.pointer == "/vendorResponsibilities/aws/controls/0/customer"
	finding.framework == "cmmc-2.0"
	finding.control == "AC.L1-b.1.i"
	contains(finding.msg, "nist-800-53r5 AC-2 (through cmmc-2.0 AC.L1-b.1.i, cmmc-2.0 AC.L1-b.1.ii)")
}

test_a_counterpart_out_of_scope_is_not_judged if {
	out_of_scope := object.remove(crosswalked(["vendor:aws", "vendor:aws"]), ["frameworks"])
	count(data.srmcheck.rules.vendor_responsibility_unowned.deny) == 0 with input as object.union(out_of_scope, {"frameworks": {"cmmc-2.0": {"controls": {}}}})
}
