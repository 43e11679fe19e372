package srmcheck.rules.provider_responsibility_left_with_mssp_test

import rego.v1

case(owner) := {
	"srm": {"responsibilities": [{"id": "R-03", "owner": owner}]},
	"frameworks": {"hipaa-security": {"controls": {"164.308(a)(6)": {"rows": [0]}, "164.312(b)": {"rows": [0]}}}},
	"providerResponsibilities": {"framework": "hipaa-security", "controls": [
		{"control": "164.308(a)(6)", "inheritance": "partial", "customer": "Decide on breach notification."},
		{"control": "164.312(b)", "inheritance": "full"},
	]},
	"providerMatches": [
		[{"framework": "hipaa-security", "control": "164.308(a)(6)"}],
		[{"framework": "hipaa-security", "control": "164.312(b)"}],
	],
}

test_a_shared_or_client_row_takes_up_the_clients_part if {
	count(data.srmcheck.rules.provider_responsibility_left_with_mssp.deny) == 0 with input as case("shared")
	count(data.srmcheck.rules.provider_responsibility_left_with_mssp.deny) == 0 with input as case("client")
}

test_a_row_left_with_the_mssp_fires if {
	findings := data.srmcheck.rules.provider_responsibility_left_with_mssp.deny with input as case("mssp")
	count(findings) == 1
	some finding in findings
	finding.pointer == "/srm/responsibilities/0/owner"
	finding.control == "164.308(a)(6)"
	not contains(finding.msg, "through")
}

test_without_published_responsibilities_nothing_is_judged if {
	count(data.srmcheck.rules.provider_responsibility_left_with_mssp.deny) == 0 with input as object.remove(case("mssp"), ["providerResponsibilities"])
}

# The MSSP publishes in SP 800-53; its client's SRM selects CMMC.
crosswalked(owner) := {
	"srm": {"responsibilities": [{"id": "R-01", "owner": owner}]},
	"frameworks": {"cmmc-2.0": {"controls": {"AC.L1-b.1.i": {"rows": [0]}}}},
	"providerResponsibilities": {"framework": "nist-800-53r5", "controls": [
		{"control": "AC-2", "inheritance": "partial", "customer": "Approve every account."},
	]},
	"providerMatches": [[{"framework": "cmmc-2.0", "control": "AC.L1-b.1.i"}]],
}

test_a_counterpart_left_with_the_mssp_fires_and_is_named if {
	findings := data.srmcheck.rules.provider_responsibility_left_with_mssp.deny with input as crosswalked("mssp")
	count(findings) == 1
	some finding in findings
	finding.control == "AC.L1-b.1.i"
	contains(finding.msg, "nist-800-53r5 AC-2 (through cmmc-2.0 AC.L1-b.1.i)")
	count(data.srmcheck.rules.provider_responsibility_left_with_mssp.deny) == 0 with input as crosswalked("shared")
}
