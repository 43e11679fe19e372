package srmcheck.rules.uncovered_control_test

import rego.v1

control(rows, exceptions) := {"title": "Threat intelligence", "rows": rows, "exceptions": exceptions}

scope(ctl) := {"iso27001-2022": {"title": "ISO", "controls": {"A.5.7": ctl}}}

test_a_control_in_no_row_fires if {
	findings := data.srmcheck.rules.uncovered_control.deny with input as {"asOf": "2026-11-22", "srm": {}, "frameworks": scope(control([], []))}
	count(findings) == 1
	some finding in findings
	finding.pointer == "/frameworks/iso27001-2022/controls/A.5.7"
	finding.framework == "iso27001-2022"
	finding.control == "A.5.7"
	contains(finding.msg, "A.5.7 (Threat intelligence) is not covered")
}

test_a_control_in_a_row_is_silent if {
	count(data.srmcheck.rules.uncovered_control.deny) == 0 with input as {"asOf": "2026-11-22", "srm": {}, "frameworks": scope(control([0], []))}
}

test_a_current_exception_covers if {
	srm := {"exceptions": [{"expires": "2027-01-01"}]}
	count(data.srmcheck.rules.uncovered_control.deny) == 0 with input as {"asOf": "2026-11-22", "srm": srm, "frameworks": scope(control([], [0]))}
}

test_an_expired_exception_does_not_cover if {
	srm := {"exceptions": [{"expires": "2026-01-01"}]}
	count(data.srmcheck.rules.uncovered_control.deny) == 1 with input as {"asOf": "2026-11-22", "srm": srm, "frameworks": scope(control([], [0]))}
}

test_an_exception_without_expiry_does_not_cover if {
	srm := {"exceptions": [{"expires": null}]}
	count(data.srmcheck.rules.uncovered_control.deny) == 1 with input as {"asOf": "2026-11-22", "srm": srm, "frameworks": scope(control([], [0]))}
}

test_coverage_via_a_crosswalk if {
	ctl := object.union(control([], []), {"via": [{"framework": "cmmc-2.0", "control": "RA.L2-3.11.1", "rows": [2]}]})
	count(data.srmcheck.rules.uncovered_control.deny) == 0 with input as {"asOf": "2026-11-22", "srm": {}, "frameworks": scope(ctl)}
}

test_the_message_names_the_frameworks_a_gap_touches if {
	few := object.union(control([], []), {"related": {"cmmc-2.0": ["RA.L2-3.11.1"]}})
	some finding in data.srmcheck.rules.uncovered_control.deny with input as {"asOf": "2026-11-22", "srm": {}, "frameworks": scope(few)}
	endswith(finding.msg, "; it maps to cmmc-2.0 RA.L2-3.11.1")
	many := object.union(control([], []), {"related": {"cmmc-2.0": ["a", "b", "c", "d"]}})
	some other in data.srmcheck.rules.uncovered_control.deny with input as {"asOf": "2026-11-22", "srm": {}, "frameworks": scope(many)}
	endswith(other.msg, "; it maps to 4 controls of cmmc-2.0")
}
