# METADATA
# title: Both parties signed off after the last change
# description: |-
#   An SRM binds two parties only when both have signed it: `review.signOff`
#   holds a sign-off by the MSSP and one by the client, each dated on or after
#   `review.lastChanged`. A change made after a signature is a change the other
#   party has not agreed to. One person signing for both parties (the same
#   name, whatever its case or spacing) is one signature, not a dual sign-off.
# custom:
#   id: sign-off-missing
#   severity: error
#   remediation: >-
#     Have a person of each party sign off the current version and record who
#     and when.
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

# One person for both parties is one signature, not two.
deny contains finding if {
	mssp := sign_offs.mssp.by
	client := sign_offs.client.by
	person(mssp) == person(client)
	finding := {
		"msg": sprintf("%s signed off for both the MSSP and the client: a dual sign-off needs a person of each party", [trim_space(client)]),
		"pointer": "/srm/review/signOff/client/by",
	}
}

# A name as compared: case and runs of blanks do not matter.
person(name) := regex.replace(lower(trim_space(name)), `[ \t\r\n]+`, " ")
