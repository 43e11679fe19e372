package srmcheck.rules.placeholder_value_test

import rego.v1

test_a_todo_duty_fires_at_its_place if {
	srm := {"responsibilities": [{"id": "R-01", "duties": {"vendor:a/b": "TODO: agree on it"}}]}
	some finding in data.srmcheck.rules.placeholder_value.deny with input as {"srm": srm}
	finding.msg == "responsibilities.0.duties.vendor:a/b is a placeholder to decide: TODO: agree on it"
	finding.pointer == "/srm/responsibilities/0/duties/vendor:a~1b"
}

test_every_placeholder_fires_once if {
	srm := {"client": "todo", "review": {"signOff": {"mssp": {"by": " TODO"}}}, "kpis": [{"target": "TODO"}]}
	count(data.srmcheck.rules.placeholder_value.deny) == 3 with input as {"srm": srm}
}

test_decided_values_are_silent if {
	srm := {"client": "Acme", "responsibilities": [{"id": "R-01", "title": "Keep the to-do list", "effort": {"mssp": 4}}]}
	count(data.srmcheck.rules.placeholder_value.deny) == 0 with input as {"srm": srm}
}

test_an_srm_without_todo_anywhere_is_not_walked if {
	srm := {"client": "Acme", "responsibilities": [{"id": "R-01", "title": "Keep the to-do list"}]}
	not data.srmcheck.rules.placeholder_value.may_hold_placeholders with input as {"srm": srm}
	data.srmcheck.rules.placeholder_value.may_hold_placeholders with input as {"srm": {"client": "todo"}}
}

test_todo_in_a_key_or_mid_text_only_walks_and_finds_nothing if {
	srm := {"todo": "Acme", "responsibilities": [{"id": "R-01", "title": "Review the TODO list"}]}
	data.srmcheck.rules.placeholder_value.may_hold_placeholders with input as {"srm": srm}
	count(data.srmcheck.rules.placeholder_value.deny) == 0 with input as {"srm": srm}
}
