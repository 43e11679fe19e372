package srmcheck.rules.rows_test

# Tests of the row rules: shared-row-duties, raci-accountable,
# mssp-duty-without-sla, client-retained-duty and conflicting-owners.

import rego.v1

import data.srmcheck.rules.client_retained
import data.srmcheck.rules.conflicting_owners
import data.srmcheck.rules.raci
import data.srmcheck.rules.shared_duties
import data.srmcheck.rules.sla

srm(rows) := {"srm": {"responsibilities": rows}, "frameworks": {}}

test_shared_rows_need_both_duties if {
	row := {"id": "R-01", "owner": "shared", "duties": {"mssp": "Monitor.", "client": "  "}}
	some finding in shared_duties.deny with input as srm([row])
	finding.msg == "responsibility R-01 is shared but does not say what the client does"
	count(shared_duties.deny) == 0 with input as srm([object.union(row, {"duties": {"client": "Decide."}})])
	count(shared_duties.deny) == 0 with input as srm([{"id": "R-02", "owner": "mssp"}])
}

test_exactly_one_accountable_party if {
	count(raci.deny) == 0 with input as srm([{"id": "R-01", "raci": {"mssp": "R", "client": "A"}}])
	some two in raci.deny with input as srm([{"id": "R-01", "raci": {"mssp": "RA", "client": "A"}}])
	two.msg == "responsibility R-01 has 2 accountable parties (client, mssp); it needs exactly one"
	some none in raci.deny with input as srm([{"id": "R-01", "raci": {"mssp": "R"}}])
	none.msg == "responsibility R-01 has 0 accountable parties; it needs exactly one"
	some missing in raci.deny with input as srm([{"id": "R-01"}])
	missing.msg == "responsibility R-01 has no RACI"
}

test_mssp_work_needs_an_sla if {
	some finding in sla.deny with input as srm([{"id": "R-01", "owner": "mssp"}])
	finding.msg == "the MSSP works on responsibility R-01 but no SLA binds it"
	count(sla.deny) == 1 with input as srm([{"id": "R-01", "owner": "client", "raci": {"mssp": "R", "client": "A"}}])
	count(sla.deny) == 1 with input as srm([{"id": "R-01", "owner": "shared", "sla": [{"party": "client", "metric": "m", "target": "t"}]}])
	count(sla.deny) == 0 with input as srm([{"id": "R-01", "owner": "mssp", "sla": [{"metric": "time-to-detect", "target": "15m"}]}])
	count(sla.deny) == 0 with input as srm([{"id": "R-01", "owner": "client", "raci": {"client": "RA", "mssp": "C"}}])
}

test_client_retained_duties if {
	policy := {"id": "R-01", "owner": "mssp", "raci": {"mssp": "RA"}, "capabilities": ["policy-governance"]}
	some owned in client_retained.deny with input as srm([policy])
	owned.msg == "responsibility R-01 stays with the client (it needs policy-governance) but is owned by mssp"
	not_accountable := object.union(policy, {"owner": "shared", "raci": {"mssp": "A", "client": "R"}})
	some other in client_retained.deny with input as srm([not_accountable])
	endswith(other.msg, "but the client is not accountable")
	count(client_retained.deny) == 0 with input as srm([object.union(policy, {"owner": "shared", "raci": {"mssp": "R", "client": "A"}})])
}

test_user_access_approval_stays_with_the_client if {
	rows := [{"id": "R-05", "owner": "mssp", "raci": {"mssp": "RA"}}]
	frameworks := {"iso27001-2022": {"controls": {"A.5.18": {"rows": [0]}}}}
	some finding in client_retained.deny with input as {"srm": {"responsibilities": rows}, "frameworks": frameworks}
	finding.msg == "responsibility R-05 stays with the client (it covers user access approval (A.5.18)) but is owned by mssp"
}

test_conflicting_owners if {
	rows := [{"id": "R-01", "owner": "mssp"}, {"id": "R-02", "owner": "client"}, {"id": "R-03", "owner": "vendor:aws"}]
	conflict := {"srm": {"responsibilities": rows}, "frameworks": {"iso27001-2022": {"controls": {"A.8.16": {"rows": [0, 1]}}}}}
	some finding in conflicting_owners.deny with input as conflict
	finding.msg == "A.8.16 is covered by rows R-01, R-02 with different owners (client, mssp)"
	finding.control == "A.8.16"
	vendor := {"srm": {"responsibilities": rows}, "frameworks": {"iso27001-2022": {"controls": {"A.7.1": {"rows": [1, 2]}}}}}
	count(conflicting_owners.deny) == 0 with input as vendor
}
