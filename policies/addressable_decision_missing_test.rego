package srmcheck.rules.addressable_decision_missing_test

import rego.v1

spec(status) := {"title": "Workforce Clearance Procedure", "standard": "164.308(a)(3)", "status": status, "rows": [], "exceptions": []}

case(controls, rows) := {
	"srm": {"responsibilities": rows},
	"frameworks": {"hipaa-security": {"title": "HIPAA Security Rule", "controls": controls}},
}

deny(controls, rows) := found if {
	found := data.srmcheck.rules.addressable_decision_missing.deny with input as case(controls, rows)
}

through_standard := object.union(spec("addressable"), {"via": [{"framework": "hipaa-security", "control": "164.308(a)(3)", "rows": [1], "through": "standard"}]})

test_a_covered_addressable_specification_without_a_decision_fires_at_its_row if {
	found := deny({"164.308(a)(3)(ii)(B)": through_standard}, [{"id": "R-01"}, {"id": "R-02"}])
	count(found) == 1
	some finding in found
	finding.pointer == "/srm/responsibilities/1"
	finding.control == "164.308(a)(3)(ii)(B)"
	finding.msg == "HIPAA Security Rule 164.308(a)(3)(ii)(B) (Workforce Clearance Procedure), an addressable specification of 164.308(a)(3), is covered by responsibility R-02 but has no documented decision"
}

test_a_decision_on_a_covering_row_silences_it if {
	decided := {"id": "R-02", "addressable": {"164.308(a)(3)(ii)(B)": {"decision": "not-reasonable", "reason": "No workforce member works with ePHI unsupervised."}}}
	count(deny({"164.308(a)(3)(ii)(B)": through_standard}, [{"id": "R-01"}, decided])) == 0
}

test_a_decision_on_another_row_does_not_count if {
	elsewhere := {"id": "R-01", "addressable": {"164.308(a)(3)(ii)(B)": {"decision": "implemented"}}}
	count(deny({"164.308(a)(3)(ii)(B)": through_standard}, [elsewhere, {"id": "R-02"}])) == 1
}

test_required_and_uncovered_specifications_are_silent if {
	required := object.union(spec("required"), {"rows": [0]})
	count(deny({"164.308(a)(3)(ii)(B)": required}, [{"id": "R-01"}])) == 0
	count(deny({"164.308(a)(3)(ii)(B)": spec("addressable")}, [{"id": "R-01"}])) == 0
}
