package srmcheck.rules.vendor_attestation_expiring_test

import rego.v1

at(attestations) := {
	"asOf": "2026-11-22",
	"srm": {
		"review": {"cadence": "quarterly", "lastReviewed": "2026-10-01"},
		"parties": {"vendors": [{"id": "acme-cloud", "attestations": attestations}]},
	},
}

test_an_attestation_lapsing_before_the_review_is_found_with_its_days_left if {
	findings := data.srmcheck.rules.vendor_attestation_expiring.deny with input as at([{"type": "soc2-type2", "validUntil": "2026-12-31"}])
	count(findings) == 1
	some finding in findings
	finding.msg == "the soc2-type2 attestation of vendor acme-cloud expires on 2026-12-31, in 39 days, before the next review is due on 2027-01-01"
	finding.pointer == "/srm/parties/vendors/0/attestations/0/validUntil"
}

test_an_attestation_lasting_past_the_review_is_silent if {
	count(data.srmcheck.rules.vendor_attestation_expiring.deny) == 0 with input as at([{"type": "soc2-type2", "validUntil": "2027-01-01"}])
}

test_a_recorded_renewal_silences_it if {
	renewed := [{"type": "soc2-type2", "validUntil": "2026-12-31"}, {"type": "soc2-type2", "validUntil": "2027-12-31"}]
	count(data.srmcheck.rules.vendor_attestation_expiring.deny) == 0 with input as at(renewed)
}

test_an_expired_attestation_is_the_expiry_rules if {
	count(data.srmcheck.rules.vendor_attestation_expiring.deny) == 0 with input as at([{"type": "soc2-type2", "validUntil": "2026-11-21"}])
}
