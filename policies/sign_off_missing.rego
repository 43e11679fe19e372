# METADATA
# title: Both parties signed off after the last change
# description: |-
#   An SRM binds two parties only when both have signed it: `review.signOff`
#   holds a sign-off by the MSSP and one by the client, each dated on or after
#   `review.lastChanged`. A change made after a signature is a change the other
#   party has not agreed to.
# custom:
#   id: sign-off-missing
#   severity: error
#   remediation: Have both parties sign off the current version and record who and when.
#   frameworks: [iso27001-2022, cmmc-2.0]
package srmcheck.rules.sign_off_missing

import rego.v1

review := object.get(input.srm, "review", {})

sign_offs := object.get(review, "signOff", {})

deny contains finding if {
	some party in ["mssp", "client"]
	not sign_offs[party]
	finding := {
		"msg": sprintf("the %s has not signed off the SRM", [party]),
		"pointer": "/srm/review/signOff",
	}
}

# Whether a sign-off is current comes from lib_review, which the evidence
# report shows too.
deny contains finding if {
	current := data.srmcheck.lib.review.sign_off_current
	some party in ["mssp", "client"]
	current[party] == false
	changed := review.lastChanged
	signed := sign_offs[party].date
	finding := {
		"msg": sprintf("the %s signed off on %s, before the last change on %s", [party, signed, changed]),
		"pointer": sprintf("/srm/review/signOff/%s/date", [party]),
	}
}
