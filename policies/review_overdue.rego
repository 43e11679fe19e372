# METADATA
# title: The SRM is reviewed within its cadence
# description: |-
#   An SRM describes a living partnership: environments, staff and threats
#   change. It is reviewed at least as often as its `review.cadence` says
#   (monthly, quarterly, semi-annual or annual; quarterly when unset), and the
#   last review is no older than that on the `--as-of` date. An SRM with no
#   review date has never been reviewed.
# custom:
#   id: review-overdue
#   severity: warning
#   remediation: Review the SRM with the client and set `review.lastReviewed`.
#   frameworks: [iso27001-2022, cmmc-2.0]
package srmcheck.rules.review_overdue

import rego.v1

# The due date comes from lib_review, which the evidence report shows too.
deny contains finding if {
	not data.srmcheck.lib.review.last_reviewed
	finding := {"msg": "the SRM has no review date", "pointer": "/srm/review"}
}

deny contains finding if {
	due := data.srmcheck.lib.review.due
	due < input.asOf
	finding := {
		"msg": sprintf("the SRM was last reviewed on %s; with a %s cadence the next review was due by %s", [data.srmcheck.lib.review.last_reviewed, data.srmcheck.lib.review.cadence, due]),
		"pointer": "/srm/review/lastReviewed",
	}
}
