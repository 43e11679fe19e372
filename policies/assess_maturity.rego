# Partnership maturity: where the SRM places the MSSP partnership on the
# five-level scale (1 Reactive, 2 Managed, 3 Integrated, 4 Optimized,
# 5 Proactive), from what the SRM shows, and the steps to the next level.
# A level counts only when every criterion of it and of the levels below is met.
package srmcheck.assess.maturity

import rego.v1

names := {1: "Reactive", 2: "Managed", 3: "Integrated", 4: "Optimized", 5: "Proactive"}

rows := object.get(input.srm, "responsibilities", [])

# Positions of the rows without an owner that is a party or a vendor. Which
# rows the MSSP works on, which an SLA binds and who is accountable for each
# come from data.srmcheck.lib.row_facts, shared with the rules.
unowned_rows contains i if {
	some i, row in rows
	not row.owner in {"mssp", "client", "shared"}
	not data.srmcheck.lib.vendors.is_vendor(row.owner)
}

# Positions of the incident response rows.
incident_rows contains i if {
	some i, row in rows
	"incident-response" in row.capabilities
}

evidence_mentions(row, words) if {
	some item in object.get(row, "evidence", [])
	some word in words
	contains(lower(item), word)
}

metrics contains sla.metric if {
	some row in rows
	some sla in row.sla
}

incident := object.get(input.srm, "incidentResponse", {})

# Each criterion: the level it belongs to and the step that meets it.
criteria := [
	{"level": 2, "met": every_row_owned, "step": "give every row an owner that is a party of the SRM"},
	{"level": 2, "met": raci_complete, "step": "give every row a RACI with exactly one accountable party, in which its owner is responsible"},
	{"level": 2, "met": owners_capable, "step": "give every covered control an owner able to perform it (capabilities, hours, maturity, a current vendor attestation)"},
	{"level": 2, "met": slas_complete, "step": "put an SLA (metric and target) on every duty the MSSP performs"},
	{"level": 2, "met": escalation_defined, "step": "define the incident escalation path and who has decision authority"},
	{"level": 3, "met": shared_playbooks, "step": "share incident response: a shared row with both parties' duties and a playbook or runbook as evidence"},
	{"level": 3, "met": exercised, "step": "exercise incident response together: a tabletop or exercise as evidence or SLA"},
	{"level": 3, "met": threat_informed, "step": "have a row that feeds threat intelligence into detection"},
	{"level": 4, "met": outcome_metrics, "step": "measure outcomes: SLAs on time-to-detect (MTTD) and time-to-respond (MTTR)"},
	{"level": 5, "met": shared_kpis, "step": "agree shared KPIs that both parties are accountable for"},
	{"level": 5, "met": detection_owned, "step": "own custom detection logic and playbooks: a detection-engineering row the client is accountable for"},
]

default every_row_owned := false

every_row_owned := count(rows) > 0 if {
	count(unowned_rows) == 0
}

default raci_complete := false

raci_complete := count(rows) > 0 if {
	every parties in data.srmcheck.lib.row_facts.accountable {
		count(parties) == 1
	}
	count(data.srmcheck.lib.row_facts.not_responsible) == 0
}

# Whether every covered control has an owner able to perform it, by the
# capacity judgement the capacity rules and the SPRS score read (an excepted
# control aside).
default owners_capable := false

owners_capable if {
	judgement := data.srmcheck.lib.capacity.judgement
	not_capable := [control_id |
		some controls in judgement
		some control_id, j in controls
		j.verdict == "not-capable"
		not j.excepted
	]
	count(not_capable) == 0
}

slas_complete := count(data.srmcheck.lib.row_facts.mssp_works - data.srmcheck.lib.row_facts.sla_bound) == 0

default escalation_defined := false

escalation_defined := count(object.get(incident, "escalation", [])) > 0 if {
	object.get(incident, "decisionAuthority", null) != null
}

default shared_playbooks := false

shared_playbooks := true if {
	some i in incident_rows
	row := rows[i]
	row.owner == "shared"
	count(object.get(row, "duties", {})) >= 2
	evidence_mentions(row, ["playbook", "runbook"])
}

default exercised := false

exercised if {
	some i in incident_rows
	row := rows[i]
	evidence_mentions(row, ["tabletop", "exercise"])
}

exercised if {
	some i in incident_rows
	some sla in rows[i].sla
	contains(sla.metric, "test")
}

default threat_informed := false

threat_informed := true if {
	some row in rows
	"threat-intelligence" in row.capabilities
}

default outcome_metrics := false

outcome_metrics := true if {
	"time-to-detect" in metrics
	"time-to-respond" in metrics
}

default shared_kpis := false

shared_kpis := true if {
	some kpi in object.get(input.srm, "kpis", [])
	"mssp" in kpi.owners
	"client" in kpi.owners
}

default detection_owned := false

detection_owned := true if {
	some row in rows
	"detection-engineering" in row.capabilities
	contains(object.get(object.get(row, "raci", {}), "client", ""), "A")
}

# The highest level whose criteria, and those of every level below, are met.
level := max({n |
	some n in numbers.range(1, 5)
	count([c | some c in criteria; c.level <= n; not c.met]) == 0
})

# The scale's names, lowest level first, for the evidence report.
facts := {"scale": [names[n] | some n in numbers.range(1, 5)]}

result := {
	"level": level,
	"name": names[level],
	"next": [c.step | some c in criteria; c.level == level + 1; not c.met],
}
