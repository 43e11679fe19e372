# CMMC SPRS score: for an SRM on CMMC 2.0 Level 2 (selected directly, or
# covered through a crosswalk with `via`), the score of the DoD Assessment
# Methodology v1.2.1, computed from the SRM's stated ownership and
# implementation status, with the Level 2 conditional status of 32 CFR 170.21.
#
# The score starts at 110. A practice is met when an owner able to perform it
# (the capacity judgement, lib_capacity) covers it with status `implemented`
# or `alternative`, or when a current `not-applicable` exception records why
# it does not apply. A risk-accepted practice is not met. Every other practice
# costs its weight (1, 3 or 5); IA.L2-3.5.3 (multifactor authentication) and
# SC.L2-3.13.11 (FIPS-validated encryption) cost 3 instead of 5 when a capable
# row implements them `partial`ly. Without a system security plan
# (CA.L2-3.12.4) there is no score at all. The floor is -203.
package srmcheck.assess.sprs

import rego.v1

cmmc := input.frameworks["cmmc-2.0"]

framework_id := "cmmc-2.0"

# The score with every practice met, and the lowest there is.
max := 110

floor := -203

# The practice without which the methodology gives no score.
ssp := "CA.L2-3.12.4"

# The practices whose partial implementation costs 3 points instead of 5.
partial_credit := {"IA.L2-3.5.3": 3, "SC.L2-3.13.11": 3}

# The practices that may never be on a POA&M (32 CFR 170.21(a)(2)(iii)).
never_on_poam := {"AC.L2-3.1.20", "AC.L2-3.1.22", "CA.L2-3.12.4", "PE.L2-3.10.3", "PE.L2-3.10.4", "PE.L2-3.10.5"}

# The lowest score of a conditional Level 2 status, and the days a POA&M has
# to be closed out in.
conditional_score := 88

close_out_days := 180

basis := "computed from the SRM's stated ownership and implementation status, not from an assessment of the system"

# Each practice that is not met: the points it costs and why.
costs contains {"control": id, "weight": points, "reason": reason} if {
	cmmc.level == 2
	judgement := data.srmcheck.lib.capacity.judgement[framework_id]
	not_applicable := data.srmcheck.lib.exceptions.not_applicable
	risk_accepted := data.srmcheck.lib.exceptions.risk_accepted
	some id, control in cmmc.controls
	not [framework_id, id] in not_applicable
	j := judgement[id]
	standing := practice(id, control, j, [framework_id, id] in risk_accepted)
	points := standing.points
	reason := standing.reason
}

practice(_, control, _, accepted) := {"points": control.weight, "reason": "risk-accepted: an accepted risk is not a met practice"} if accepted

practice(_, control, j, accepted) := {"points": control.weight, "reason": "no row covers it"} if {
	not accepted
	j.verdict == "no-owner"
}

practice(_, control, j, accepted) := {"points": control.weight, "reason": "no covering row's owner can perform it"} if {
	not accepted
	j.verdict == "not-capable"
}

practice(id, control, j, accepted) := {"points": points(id, control, j), "reason": sprintf("not in place: its capable rows are %s", [concat(", ", sort({s | some s in j.statuses}))])} if {
	not accepted
	j.verdict == "capable"
	not j.inPlace
}

# Partial credit where the methodology gives it, else the full weight.
points(id, control, j) := partial_credit[id] if {
	"partial" in j.statuses
} else := control.weight

# Whether the system security plan is in place: without it, no score.
default ssp_met := true

ssp_met := false if {
	some cost in costs
	cost.control == ssp
}

lost := sum([c.weight | some c in costs])

score := max - lost if {
	ssp_met
	max - lost >= floor
}

score := floor if {
	ssp_met
	max - lost < floor
}

default shown_score := null

shown_score := score

# The practices that cost points, heaviest first, then by id.
sorted_costs := [c | some weight in [5, 3, 1, 0]; some c in sort_by_id(costs); c.weight == weight]

sort_by_id(set) := [c | some id in sort({c.control | some c in set}); some c in set; c.control == id]

# The POA&M entries of the SRM that name a CMMC practice.
poam_entries := [entry |
	some entry in object.get(input.srm, "poam", [])
	object.get(entry, "framework", framework_id) == framework_id
]

# The earliest target date of each practice on the POA&M.
poam := {control: {"due": sort(dues)[0]} |
	some control in {entry.control | some entry in poam_entries}
	dues := [entry.due | some entry in poam_entries; entry.control == control]
}

close_out_by := sprintf("%04d-%02d-%02d", time.date(time.add_date(time.parse_ns("2006-01-02", input.asOf), 0, 0, close_out_days)))

# Why each open practice keeps the SRM from a conditional Level 2 status.
blockers contains sprintf("%s may never be on a POA&M", [c.control]) if {
	some c in costs
	c.control in never_on_poam
}

blockers contains sprintf("%s costs %d points; a POA&M may hold only 1-point practices (and SC.L2-3.13.11 at 3 when partial)", [c.control, c.weight]) if {
	some c in costs
	not c.control in never_on_poam
	not eligible(c)
}

blockers contains sprintf("%s is open without a POA&M entry", [c.control]) if {
	some c in costs
	eligible(c)
	not poam[c.control]
}

blockers contains sprintf("the POA&M entry of %s is due %s, after the %d-day close-out (%s)", [c.control, poam[c.control].due, close_out_days, close_out_by]) if {
	some c in costs
	eligible(c)
	poam[c.control].due > close_out_by
}

blockers contains sprintf("the score %d is below %d", [score, conditional_score]) if score < conditional_score

blockers contains sprintf("%s (System Security Plan) is not met: without it there is no score", [ssp]) if not ssp_met

eligible(c) if {
	c.weight == 1
	not c.control in never_on_poam
}

eligible(c) if {
	c.control == "SC.L2-3.13.11"
	c.weight == 3
}

# The Level 2 status the score supports: `final` with every practice met,
# `conditional` while only POA&M-eligible practices are open, each on the
# POA&M and due within the close-out, else `none`.
status := "final" if count(costs) == 0

status := "conditional" if {
	count(costs) > 0
	count(blockers) == 0
}

status := "none" if count(blockers) > 0

# The best score, for the evidence report.
facts := {"max": max}

result := {
	"score": shown_score,
	"max": max,
	"basis": basis,
	"costs": sorted_costs,
	"status": status,
	"blockers": sort(blockers),
	"closeOutBy": close_out_by,
} if cmmc.level == 2
