# Where each exception of the SRM stands on the `--as-of` date, by position:
# `current`, `expiring-soon` (current, but expiring within 90 days: before the
# next quarterly review), `expired`, or `no-expiry` (not a current exception).
# The coverage and expiry rules judge by it; which in-scope controls a current
# exception names (`excepted`) decides which findings are excepted, and the
# evidence report shows both (`facts`).
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

# `[framework, control]` for each in-scope control a current exception names.
excepted contains [framework_id, control_id] if {
	now := current
	some framework_id, framework in input.frameworks
	some control_id, control in framework.controls
	some i in object.get(control, "exceptions", [])
	i in now
}

# What a current exception of a control says: `not-applicable` (the control
# does not apply, and the reason says why; `out-of-scope` is the older name)
# or `risk-accepted` (it applies, and is knowingly not met).
kind(exception) := "not-applicable" if exception.kind in {"not-applicable", "out-of-scope"}

kind(exception) := "risk-accepted" if exception.kind == "risk-accepted"

# `[framework, control]` for each in-scope control that a current
# not-applicable exception with a reason names.
not_applicable contains [framework_id, control_id] if {
	now := current
	some framework_id, framework in input.frameworks
	some control_id, control in framework.controls
	some i in object.get(control, "exceptions", [])
	i in now
	kind(exceptions[i]) == "not-applicable"
	trim_space(object.get(exceptions[i], "reason", "")) != ""
}

# `[framework, control]` for each in-scope control a current risk-accepted
# exception names.
risk_accepted contains [framework_id, control_id] if {
	now := current
	some framework_id, framework in input.frameworks
	some control_id, control in framework.controls
	some i in object.get(control, "exceptions", [])
	i in now
	kind(exceptions[i]) == "risk-accepted"
}

facts := {
	"standing": [{"status": status[i], "daysLeft": object.get(days_left, i, null)} | some i, _ in exceptions],
	"excepted": sort(excepted),
}
