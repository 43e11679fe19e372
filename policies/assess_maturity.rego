# Partnership maturity, after the SecureOps MSSP Partnership Maturity Model:
# five levels (1 Reactive, 2 Managed, 3 Integrated, 4 Optimized, 5 Proactive)
# seen through two lenses, security operations (`soc`) and infrastructure
# security (`infrastructure`). Each lens has its level; the partnership is
# at the lower of the two.
#
# A level's entry criteria are the model's steps out of the level below and
# the attributes of the level itself, each judged from typed fields of the
# SRM: rows, owners, RACI and SLAs, the capacity judgement of the in-scope
# controls, `incidentResponse`, `review`, `kpis` (an `outcome` with a
# `measured` value), `exercises` (a `kind` and a `date`) and evidence entries
# of a `kind` (`playbook`, `root-cause-analysis`, ...); never words in free
# text. A level counts only when every criterion of it and of the levels below
# is met: a lens with a control of its own that no owner covers, or that its
# owners cannot perform, stays Reactive whatever else it shows.
package srmcheck.assess.maturity

import rego.v1

names := {1: "Reactive", 2: "Managed", 3: "Integrated", 4: "Optimized", 5: "Proactive"}

lenses := ["soc", "infrastructure"]

rows := object.get(input.srm, "responsibilities", [])

kpis := object.get(input.srm, "kpis", [])

exercises := object.get(input.srm, "exercises", [])

incident := object.get(input.srm, "incidentResponse", {})

# The rows of each lens: security operations for a row that needs a SOC
# capability (monitoring, response, threat intelligence), as the capacity
# judgement picks a control's maturity, infrastructure for the rest. (Sets,
# not an `else` function: the compiled program and the interpreter agree on
# these.)
soc_rows := {i |
	some i, row in rows
	some capability in object.get(row, "capabilities", [])
	capability in data.srmcheck.lib.capacity.soc_capabilities
}

lens_rows := {"soc": soc_rows, "infrastructure": {i | some i, _ in rows} - soc_rows}

# The lenses an outcome KPI speaks for.
outcome_lenses := {
	"time-to-detect": {"soc"},
	"time-to-respond": {"soc"},
	"time-to-restore": {"infrastructure"},
	"change-failure-rate": {"infrastructure"},
	"risk-reduction": {"soc", "infrastructure"},
	"business-resilience": {"soc", "infrastructure"},
}

# The in-scope controls of each lens that no owner covers or that no covering
# owner can perform, by the capacity judgement (a current exception aside):
# security operations' controls need a SOC capability, as the capacity
# judgement picks a control's maturity.
open_controls := [[framework_id, control_id, j.verdict, soc_control(input.frameworks[framework_id].controls[control_id])] |
	some framework_id, controls in data.srmcheck.lib.capacity.judgement
	some control_id, j in controls
	j.verdict != "capable"
	not j.excepted
]

soc_control(control) := count([c | some c in object.get(control, "capabilities", []); c in data.srmcheck.lib.capacity.soc_capabilities]) > 0

gaps := {
	"soc": [g | some g in open_controls; g[3]],
	"infrastructure": [g | some g in open_controls; not g[3]],
}

gap_count(lens, verdict) := count([g | some g in gaps[lens]; g[2] == verdict])

# Rows whose owner is neither a party nor a declared vendor.
unowned_rows contains i if {
	sets := data.srmcheck.lib.parties.row_party_sets
	some i, _ in rows
	object.get(sets, i, null) == null
}

default every_row_owned := false

every_row_owned := count(rows) > 0 if count(unowned_rows) == 0

default raci_complete := false

raci_complete := count(rows) > 0 if {
	every parties in data.srmcheck.lib.row_facts.accountable {
		count(parties) == 1
	}
	count(data.srmcheck.lib.row_facts.not_responsible) == 0
}

default escalation_defined := false

escalation_defined := count(object.get(incident, "escalation", [])) > 0 if {
	object.get(incident, "decisionAuthority", null) != null
}

# Escalation reaching across the teams: both the MSSP and the client are on
# the path.
default cross_team_escalation := false

cross_team_escalation if {
	parties := {step.party | some step in object.get(incident, "escalation", [])}
	"mssp" in parties
	"client" in parties
}

# The MSSP's duties of a lens without an SLA binding them.
unbound(lens) := (data.srmcheck.lib.row_facts.mssp_works & lens_rows[lens]) - data.srmcheck.lib.row_facts.sla_bound

# `[lens, capability]` for each row of the lens whose owner has every
# capability it lists, `capability` among them. (The judgements below are
# sets, so that each criterion's `met` is true or false, never undefined.)
capable_rows contains [lens, capability] if {
	lacking := data.srmcheck.lib.parties.lacking
	some lens, lens_of in lens_rows
	some i in lens_of
	some capability in object.get(rows[i], "capabilities", [])
	not i in unowned_rows
	not lacking[i]
}

evidence_of(i, kind) if {
	some item in object.get(rows[i], "evidence", [])
	is_object(item)
	object.get(item, "kind", "") == kind
}

# `[lens, kind]` for each kind of evidence entry on a row of the lens.
lens_evidence contains [lens, item.kind] if {
	some lens, lens_of in lens_rows
	some i in lens_of
	some item in object.get(rows[i], "evidence", [])
	is_object(item)
	is_string(object.get(item, "kind", null))
}

# The lenses with a shared row that says each party's duty and has a playbook.
shared_playbook contains lens if {
	some lens, lens_of in lens_rows
	some i in lens_of
	rows[i].owner == "shared"
	count([d | some d in object.get(rows[i], "duties", {}); trim_space(d) != ""]) >= 2
	evidence_of(i, "playbook")
}

# `[lens, capability, kind]` for each shared row of the lens with the
# capability and evidence of the kind.
shared_rows_with contains [lens, capability, item.kind] if {
	some lens, lens_of in lens_rows
	some i in lens_of
	rows[i].owner == "shared"
	some capability in object.get(rows[i], "capabilities", [])
	some item in object.get(rows[i], "evidence", [])
	is_object(item)
	is_string(object.get(item, "kind", null))
}

# A shared detection engineering row with a roadmap, whichever lens its other
# capabilities put it in.
default detection_roadmap := false

detection_roadmap if {
	some lens in lenses
	[lens, "detection-engineering", "detection-roadmap"] in shared_rows_with
}

# The kinds of exercise that exercise each lens.
exercise_kinds := {"soc": {"tabletop", "incident-response-test"}, "infrastructure": {"tabletop", "recovery-test"}}

# The lenses exercised by the MSSP and the client together in the year
# before the `--as-of` date.
exercised contains lens if {
	some lens in lenses
	some exercise in exercises
	exercise.kind in exercise_kinds[lens]
	"mssp" in exercise.parties
	"client" in exercise.parties
	exercise.date <= input.asOf
	data.srmcheck.lib.review.date(time.add_date(time.parse_ns("2006-01-02", exercise.date), 1, 0, 0)) >= input.asOf
}

# KPIs of the lens with a measured value: every KPI with a measurement counts
# for review of performance; an outcome KPI for outcome-based measurement.
measured(kpi) if trim_space(object.get(kpi, "measured", "")) != ""

performance_reviewed contains lens if {
	some lens in lenses
	some kpi in kpis
	measured(kpi)
	lens in object.get(outcome_lenses, object.get(kpi, "outcome", ""), {lens})
}

outcome_measured contains kpi.outcome if {
	some kpi in kpis
	is_string(object.get(kpi, "outcome", null))
	measured(kpi)
}

# A measured outcome KPI of the lens the MSSP and the client are accountable
# for together.
shared_outcome contains lens if {
	some lens in lenses
	some kpi in kpis
	measured(kpi)
	lens in object.get(outcome_lenses, object.get(kpi, "outcome", ""), set())
	"mssp" in kpi.owners
	"client" in kpi.owners
}

default reviewed := false

reviewed if {
	data.srmcheck.lib.review.last_reviewed
	not data.srmcheck.lib.review.overdue
}

default quarterly_reviews := false

quarterly_reviews if {
	reviewed
	data.srmcheck.lib.review.cadence in {"monthly", "quarterly"}
}

# Each lens's criteria: the level, the model's step that meets it (`step`,
# in the model's words), what the SRM shows when it is met (`needs`) and
# whether it is.
criteria(lens) := array.concat(common(lens), own[lens])

common(lens) := [
	{"level": 2, "met": every_row_owned, "step": "Define clear ownership for detection, escalation, and containment", "needs": "every row owned by the MSSP, the client, `shared` or a declared vendor"},
	{"level": 2, "met": raci_complete, "step": "Define clear ownership for detection, escalation, and containment", "needs": "a RACI on every row with exactly one accountable party, in which each owner is responsible"},
	{"level": 2, "met": escalation_defined, "step": "Define clear ownership for detection, escalation, and containment", "needs": "an escalation path and the party with decision authority under `incidentResponse`"},
	{"level": 2, "met": count(gaps[lens]) == 0, "step": "Confirm exactly what the MSSP monitors and how coverage is validated", "needs": sprintf("every in-scope %s control covered by an owner able to perform it (%d without an owner, %d not capable)", [label[lens], gap_count(lens, "no-owner"), gap_count(lens, "not-capable")])},
	{"level": 2, "met": count(unbound(lens)) == 0, "step": "SLAs define response expectations", "needs": sprintf("an SLA (metric and target) on every %s duty the MSSP performs", [label[lens]])},
	{"level": 2, "met": reviewed, "step": "Set consistent communication cadences between internal teams and the MSSP", "needs": "a `review` whose `lastReviewed` is within its cadence"},
	{"level": 2, "met": [lens, "playbook"] in lens_evidence, "step": "Replace assumption-based operations with documented processes and proactive confirmations", "needs": sprintf("a `kind: playbook` evidence entry on a row of %s", [label[lens]])},
	{"level": 3, "met": lens in shared_playbook, "step": "Implement shared incident playbooks, automated workflows, and tabletop exercises", "needs": sprintf("a shared %s row with each party's duty and a `kind: playbook` evidence entry", [label[lens]])},
	{"level": 3, "met": lens in exercised, "step": "Implement shared incident playbooks, automated workflows, and tabletop exercises", "needs": sprintf("an exercise (%s) of the MSSP and the client in the year before the as-of date", [concat(" or ", sort(exercise_kinds[lens]))])},
	{"level": 3, "met": quarterly_reviews, "step": "Establish quarterly business reviews that align MSSP activity with defined threat and risk scenarios", "needs": "a `review` cadence of `quarterly` or `monthly`, kept"},
	{"level": 3, "met": lens in performance_reviewed, "step": "Review SLA performance and operational metrics against real incident outcomes to ensure they reflect actual security effectiveness", "needs": sprintf("a KPI for %s with a `measured` value", [label[lens]])},
	{"level": 4, "met": [lens, "root-cause-analysis"] in lens_evidence, "step": "Perform root cause analysis after incidents to strengthen detection logic, infrastructure hardening, network configuration, and response playbooks", "needs": sprintf("a `kind: root-cause-analysis` evidence entry on a row of %s", [label[lens]])},
	{"level": 4, "met": [lens, "automated-workflow"] in lens_evidence, "step": "Automate response workflows for high-frequency, low-ambiguity events", "needs": sprintf("a `kind: automated-workflow` evidence entry on a row of %s", [label[lens]])},
	{"level": 4, "met": cross_team_escalation, "step": "Define clear cross-team escalation paths for overlapping operational incidents where an IT issue could mask a security event", "needs": "an escalation path with both the MSSP and the client on it"},
	{"level": 5, "met": lens in shared_outcome, "step": "The relationship operates on shared KPIs and joint accountability", "needs": sprintf("a measured outcome KPI for %s owned by both the MSSP and the client", [label[lens]])},
]

label := {"soc": "security operations", "infrastructure": "infrastructure"}

own := {
	"soc": [
		{"level": 2, "met": ["soc", "security-monitoring"] in capable_rows, "step": "The MSSP delivers consistent monitoring, reporting, and operational support", "needs": "a `security-monitoring` row whose owner has the capabilities it lists"},
		{"level": 3, "met": ["soc", "threat-intelligence"] in capable_rows, "step": "Begin using threat intelligence to inform defense strategies and baseline active coverage", "needs": "a `threat-intelligence` row whose owner has the capabilities it lists"},
		{"level": 3, "met": ["soc", "detection-coverage-map"] in lens_evidence, "step": "Map detection coverage to known threat frameworks", "needs": "a `kind: detection-coverage-map` evidence entry on a row of security operations"},
		{"level": 4, "met": "time-to-detect" in outcome_measured, "step": "Fully shift measurement from operational SLAs to outcome-based metrics (MTTD, MTTR)", "needs": "a KPI with `outcome: time-to-detect` and a `measured` value"},
		{"level": 4, "met": "time-to-respond" in outcome_measured, "step": "Fully shift measurement from operational SLAs to outcome-based metrics (MTTD, MTTR)", "needs": "a KPI with `outcome: time-to-respond` and a `measured` value"},
		{"level": 5, "met": detection_roadmap, "step": "Co-develop detection engineering roadmaps with the MSSP", "needs": "a shared `detection-engineering` row with a `kind: detection-roadmap` evidence entry"},
	],
	"infrastructure": [
		{"level": 2, "met": ["infrastructure", "asset-management"] in capable_rows, "step": "Establish baseline asset visibility across environments", "needs": "an `asset-management` row whose owner has the capabilities it lists"},
		{"level": 3, "met": ["infrastructure", "asset-management", "asset-inventory"] in shared_rows_with, "step": "Integrate asset management data (CMDB) into shared IT and security ticketing queues to establish baseline visibility", "needs": "a shared `asset-management` row with a `kind: asset-inventory` evidence entry"},
		{"level": 4, "met": "time-to-restore" in outcome_measured, "step": "Fully shift measurement from operational SLAs to outcome-based metrics (MTTD, MTTR)", "needs": "a KPI with `outcome: time-to-restore` and a `measured` value"},
		{"level": 4, "met": "change-failure-rate" in outcome_measured, "step": "Engineering teams leverage statistical telemetry to predict deployment risks", "needs": "a KPI with `outcome: change-failure-rate` and a `measured` value"},
	],
}

# Each lens's criteria, worked out once.
lens_criteria := {lens: criteria(lens) | some lens in lenses}

# The highest level whose criteria, and those of every level below, are met.
lens_level(lens) := max({n |
	some n in numbers.range(1, 5)
	count([c | some c in lens_criteria[lens]; c.level <= n; not c.met]) == 0
})

# The model's steps to a lens's next level, with what the SRM would show.
steps(lens, level) := [sprintf("%s: %s", [c.step, c.needs]) | some c in lens_criteria[lens]; c.level == level + 1; not c.met]

lens_results := {lens: {"level": n, "name": names[n], "next": steps(lens, n)} |
	some lens in lenses
	n := lens_level(lens)
}

level := min({r.level | some r in lens_results})

# The scale's names, lowest level first, and the lenses in the order the
# evidence report shows them, with their titles.
facts := {
	"scale": [names[n] | some n in numbers.range(1, 5)],
	"lenses": [{"id": "soc", "title": "Security operations (SOC)"}, {"id": "infrastructure", "title": "Infrastructure security"}],
}

# The partnership's level (the lower lens's), the steps of each lens at that
# level, and each lens's own.
result := {
	"level": level,
	"name": names[level],
	"next": [step | some lens in lenses; lens_results[lens].level == level; some step in lens_results[lens].next],
	"lenses": lens_results,
}
