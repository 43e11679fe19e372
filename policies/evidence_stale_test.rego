package srmcheck.rules.evidence_stale_test

import rego.v1

case(evidence, cadence) := {
	"asOf": "2026-11-22",
	"srm": {"responsibilities": [{"id": "R-01", "evidence": evidence}], "review": {"cadence": cadence}},
	"environment": {"components": []},
	"frameworks": {},
}

deny(evidence, cadence) := found if {
	found := data.srmcheck.rules.evidence_stale.deny with input as case(evidence, cadence)
}

test_evidence_older_than_the_cadence_fires_with_its_age if {
	found := deny(["SIEM dashboard", {"name": "Access review", "date": "2026-05-01"}], "quarterly")
	count(found) == 1
	some finding in found
	finding.pointer == "/srm/responsibilities/0/evidence/1/date"
	finding.msg == "evidence \"Access review\" of responsibility R-01 is dated 2026-05-01, 205 days before 2026-11-22: older than the quarterly review cadence"
}

test_evidence_within_the_cadence_is_silent if {
	count(deny([{"name": "Access review", "date": "2026-05-01"}], "annual")) == 0
	count(deny([{"name": "Access review", "date": "2026-08-22"}], "quarterly")) == 0
	count(deny([{"name": "Access review", "location": "grc/ar"}], "monthly")) == 0
}
