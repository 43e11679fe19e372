package srmcheck.rules.provider_responsibility_left_with_mssp_test

import rego.v1

case(owner) := {
	"srm": {"responsibilities": [{"id": "R-03", "owner": owner}]},
	"frameworks": {"hipaa-security": {"controls": {"164.308(a)(6)": {"rows": [0]}, "164.312(b)": {"rows": [0]}}}},
	"providerResponsibilities": {"framework": "hipaa-security", "controls": [
		{"control": "164.308(a)(6)", "inheritance": "partial", "customer": "Decide on breach notification."},
		{"control": "164.312(b)", "inheritance": "full"},
	]},
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
}

test_without_published_responsibilities_nothing_is_judged if {
	count(data.srmcheck.rules.provider_responsibility_left_with_mssp.deny) == 0 with input as object.remove(case("mssp"), ["providerResponsibilities"])
}
