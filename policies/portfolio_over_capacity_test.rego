package srmcheck.portfolio.portfolio_over_capacity_test

import rego.v1

clients := [
	{"name": "acme", "msspEffort": 120},
	{"name": "brightdesk", "msspEffort": 40},
	{"name": "keel", "msspEffort": 90},
	{"name": "orbit", "msspEffort": 10},
]

test_over_capacity_fires_on_the_provider if {
	findings := data.srmcheck.portfolio.portfolio_over_capacity.deny with input as {"provider": {"capacityHours": 200}, "clients": clients}
	count(findings) == 1
	some finding in findings
	finding.pointer == "/provider/capacityHours"
	finding.msg == "the MSSP's rows take 260 hours a month across 4 clients (acme 120 h, keel 90 h, brightdesk 40 h), over its capacity of 200 hours"
}

test_within_capacity_is_silent if {
	count(data.srmcheck.portfolio.portfolio_over_capacity.deny) == 0 with input as {"provider": {"capacityHours": 260}, "clients": clients}
}
