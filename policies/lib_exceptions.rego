# Where each exception of the SRM stands on the `--as-of` date, by position:
# `current`, `expiring-soon` (current, but expiring within 90 days: before the
# next quarterly review), `expired`, or `no-expiry` (not a current exception).
# The coverage and expiry rules judge by it, and the evidence report shows it
# (`facts`).
package srmcheck.lib.exceptions

import rego.v1

expiring_soon_days := 90

exceptions := object.get(input.srm, "exceptions", [])

day_ns := ((24 * 60) * 60) * 1000000000

# Days from the `--as-of` date to each dated exception's expiry (negative
# once expired).
days_left[i] := round((time.parse_ns("2006-01-02", e.expires) - time.parse_ns("2006-01-02", input.asOf)) / day_ns) if {
	some i, e in exceptions
	is_string(object.get(e, "expires", null))
}

status[i] := "no-expiry" if {
	some i, e in exceptions
	not is_string(object.get(e, "expires", null))
}

status[i] := "expired" if {
	some i, days in days_left
	days < 0
}

status[i] := "expiring-soon" if {
	some i, days in days_left
	days >= 0
	days <= expiring_soon_days
}

status[i] := "current" if {
	some i, days in days_left
	days > expiring_soon_days
}

# The positions of the exceptions that cover their control on the `--as-of` date.
current contains i if {
	some i, s in status
	s in {"current", "expiring-soon"}
}

facts := [{"status": status[i], "daysLeft": object.get(days_left, i, null)} | some i, _ in exceptions]
