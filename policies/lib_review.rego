# When the SRM's next review is due: the last review plus the months of its
# cadence (quarterly when unset), and whether each party's sign-off came on
# or after the last change. The review and sign-off rules judge by them, and
# the evidence report shows them (`facts`).
package srmcheck.lib.review

import rego.v1

months := {"monthly": 1, "quarterly": 3, "semi-annual": 6, "annual": 12}

review := object.get(input.srm, "review", {})

cadence := object.get(review, "cadence", "quarterly")

# The date of the last review, when the SRM records one.
last_reviewed := review.lastReviewed if is_string(object.get(review, "lastReviewed", null))

# A day past the end of a month carries into the next (`time.add_date`):
# 30 November plus three months is 2 March.
due := date(time.add_date(time.parse_ns("2006-01-02", last_reviewed), 0, months[cadence], 0))

date(ns) := sprintf("%04d-%02d-%02d", time.date(ns))

# Overdue: never reviewed, or due before the `--as-of` date.
default overdue := true

overdue := due < input.asOf

default next_due := null

next_due := due

sign_offs := object.get(review, "signOff", {})

# Whether each party's sign-off is current: dated on or after
# `review.lastChanged` (any sign-off is, when no change is recorded).
sign_off_current[party] := true if {
	some party, _ in sign_offs
	not is_string(object.get(review, "lastChanged", null))
}

sign_off_current[party] := true if {
	some party, signed in sign_offs
	signed.date >= review.lastChanged
}

sign_off_current[party] := false if {
	some party, signed in sign_offs
	signed.date < review.lastChanged
}

facts := {"nextDue": next_due, "overdue": overdue, "signOff": sign_off_current}
