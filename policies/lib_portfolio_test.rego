package srmcheck.lib.portfolio_test

import rego.v1

clients := [
	{"name": "acme", "msspEffort": 90},
	{"name": "brightdesk", "msspEffort": 40},
	{"name": "keel", "msspEffort": 90},
]

test_facts_total_the_clients_against_the_capacity if {
	facts := data.srmcheck.lib.portfolio.facts with input as {"provider": {"capacityHours": 300}, "clients": clients}
	facts.msspEffort == 220
	facts.capacityHours == 300
	facts.overCapacity == false
	facts.loadPercent == 73
}

test_clients_heaviest_first_by_name_among_equals if {
	order := data.srmcheck.lib.portfolio.heaviest_first with input as {"provider": {}, "clients": clients}
	[c.name | some c in order] == ["acme", "keel", "brightdesk"]
}

test_no_capacity_is_over_capacity_with_no_load_percent if {
	facts := data.srmcheck.lib.portfolio.facts with input as {"provider": {}, "clients": clients}
	facts.overCapacity == true
	facts.loadPercent == 0
}
