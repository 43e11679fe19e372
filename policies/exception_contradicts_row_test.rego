package srmcheck.rules.exception_contradicts_row_test

import rego.v1

at(kind, rows, control_rows) := at_on("2026-11-22", kind, rows, control_rows)

at_on(as_of, kind, rows, control_rows) := {
	"asOf": as_of,
	"srm": {
		"responsibilities": rows,
		"exceptions": [{"framework": "iso27001-2022", "control": "A.8.30", "kind": kind, "reason": "r", "expires": "2027-06-30"}],
	},
	"frameworks": {"iso27001-2022": {"controls": {"A.8.30": {"rows": control_rows, "exceptions": [0]}}}},
}

row(id) := {"id": id, "owner": "mssp"}

test_a_not_applicable_control_that_a_row_covers_is_found if {
	findings := data.srmcheck.rules.exception_contradicts_row.deny with input as at("not-applicable", [row("R-01"), row("R-02")], [0, 1])
	count(findings) == 1
	some finding in findings
	finding.msg == "exception 1 says iso27001-2022 A.8.30 does not apply, but responsibilities R-01, R-02 cover it"
	finding.pointer == "/srm/exceptions/0"
	not finding.control
}

test_a_risk_accepted_control_a_row_implements_is_found if {
	some finding in data.srmcheck.rules.exception_contradicts_row.deny with input as at("risk-accepted", [row("R-01")], [0])
	finding.msg == "exception 1 accepts the risk of not meeting iso27001-2022 A.8.30, but responsibility R-01 implements it"
}

test_a_risk_accepted_control_partly_met_is_silent if {
	partial := object.union(row("R-01"), {"controlStatus": {"iso27001-2022": {"A.8.30": "partial"}}})
	count(data.srmcheck.rules.exception_contradicts_row.deny) == 0 with input as at("risk-accepted", [partial], [0])
}

test_an_exception_no_row_contradicts_is_silent if {
	count(data.srmcheck.rules.exception_contradicts_row.deny) == 0 with input as at("not-applicable", [row("R-01")], [])
	not_applicable_row := object.union(row("R-01"), {"status": "not-applicable"})
	count(data.srmcheck.rules.exception_contradicts_row.deny) == 0 with input as at("not-applicable", [not_applicable_row], [0])
}

test_an_expired_exception_contradicts_nothing if {
	count(data.srmcheck.rules.exception_contradicts_row.deny) == 0 with input as at_on("2027-07-01", "not-applicable", [row("R-01")], [0])
}
