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
package srmcheck.rules.review

import rego.v1

months := {"monthly": 1, "quarterly": 3, "semi-annual": 6, "annual": 12}

review := object.get(input.srm, "review", {})

deny contains finding if {
	not is_string(object.get(review, "lastReviewed", null))
	finding := {"msg": "the SRM has no review date", "pointer": "/srm/review"}
}

deny contains finding if {
	last := review.lastReviewed
	is_string(last)
	cadence := object.get(review, "cadence", "quarterly")
	due := date(time.add_date(time.parse_ns("2006-01-02", last), 0, months[cadence], 0))
	due < input.asOf
	finding := {
		"msg": sprintf("the SRM was last reviewed on %s; with a %s cadence the next review was due by %s", [last, cadence, due]),
		"pointer": "/srm/review/lastReviewed",
	}
}

date(ns) := sprintf("%04d-%02d-%02d", time.date(ns))
