package srmcheck.rules.assessor_not_independent_test

import rego.v1

rule := data.srmcheck.rules.assessor_not_independent

# Row 0 covers A.5.35, row 1 A.8.16; the owners and RACI vary.
srm(review, operations) := {
	"srm": {
		"responsibilities": [review, operations],
		"parties": {"vendors": [{"id": "auditor", "name": "Audit firm"}]},
	},
	"frameworks": {"iso27001-2022": {"controls": {
		"A.5.35": {"rows": [0]},
		"A.8.16": {"rows": [1]},
	}}},
}

test_an_owner_operating_the_assessed_rows_is_not_independent if {
	some finding in rule.deny with input as srm({"id": "R-01", "owner": "client", "raci": {"client": "RA"}}, {"id": "R-02", "owner": "client"})
	finding.msg == "responsibility R-01 covers A.5.35, an independent assessment, but its assessor (client) also operates responsibility R-02"
	finding.pointer == "/srm/responsibilities/0/owner"
}

test_a_shared_row_operates_for_both_parties if {
	count(rule.deny) == 1 with input as srm({"id": "R-01", "owner": "mssp", "raci": {"mssp": "RA"}}, {"id": "R-02", "owner": "shared"})
}

test_an_owner_operating_nothing_else_is_independent if {
	count(rule.deny) == 0 with input as srm({"id": "R-01", "owner": "client", "raci": {"client": "RA"}}, {"id": "R-02", "owner": "mssp"})
}

test_a_responsible_vendor_assessor_is_independent if {
	review := {"id": "R-01", "owner": "client", "raci": {"client": "A", "vendor:auditor": "R"}}
	count(rule.deny) == 0 with input as srm(review, {"id": "R-02", "owner": "client"})
	informed := object.union(review, {"raci": {"client": "RA", "vendor:auditor": "I"}})
	count(rule.deny) == 1 with input as srm(informed, {"id": "R-02", "owner": "client"})
}

test_a_vendor_assessor_operating_a_row_is_not_independent if {
	review := {"id": "R-01", "owner": "client", "raci": {"client": "A", "vendor:auditor": "R"}}
	some finding in rule.deny with input as srm(review, {"id": "R-02", "owner": "vendor:auditor"})
	contains(finding.msg, "its assessor (vendor:auditor) also operates responsibility R-02")
}

test_the_assessment_row_itself_counts_when_it_covers_more if {
	input_doc := {
		"srm": {"responsibilities": [{"id": "R-01", "owner": "client", "raci": {"client": "RA"}}]},
		"frameworks": {"iso27001-2022": {"controls": {"A.5.35": {"rows": [0]}, "A.5.1": {"rows": [0]}}}},
	}
	some finding in rule.deny with input as input_doc
	contains(finding.msg, "also operates responsibility R-01")
}

test_the_base_controls_ask_for_no_independence if {
	input_doc := {
		"srm": {"responsibilities": [{"id": "R-01", "owner": "mssp"}, {"id": "R-02", "owner": "mssp"}]},
		"frameworks": {"nist-800-53r5": {"controls": {"CA-2": {"rows": [0]}, "CA-8": {"rows": [0]}, "SI-4": {"rows": [1]}}}},
	}
	count(rule.deny) == 0 with input as input_doc
}

test_an_enhancement_asking_for_independence_fires if {
	input_doc := {
		"srm": {"responsibilities": [{"id": "R-01", "owner": "mssp"}, {"id": "R-02", "owner": "mssp"}, {"id": "R-03", "owner": "client"}]},
		"frameworks": {"nist-800-53r5": {"controls": {"CA-8(1)": {"rows": [0]}, "SI-4": {"rows": [1]}, "PL-2": {"rows": [2]}}}},
	}
	some finding in rule.deny with input as input_doc
	finding.msg == "responsibility R-01 covers CA-8(1), an independent assessment, but its assessor (mssp) also operates responsibility R-02"
}

test_a_row_shared_with_a_vendor_operates_for_the_vendor if {
	review := {"id": "R-01", "owner": "client", "raci": {"client": "A", "vendor:auditor": "R"}}
	split := {"id": "R-02", "owner": "shared", "shared": ["client", "vendor:auditor"]}
	some finding in rule.deny with input as srm(review, split)
	contains(finding.msg, "its assessor (vendor:auditor) also operates responsibility R-02")
}

test_several_operated_rows_are_counted if {
	input_doc := {
		"srm": {"responsibilities": [{"id": "R-01", "owner": "client"}, {"id": "R-02", "owner": "client"}, {"id": "R-03", "owner": "shared"}]},
		"frameworks": {"iso27001-2022": {"controls": {"A.5.35": {"rows": [0]}, "A.5.1": {"rows": [1]}, "A.5.9": {"rows": [2]}}}},
	}
	some finding in rule.deny with input as input_doc
	contains(finding.msg, "also operates responsibilities R-02 and 1 more")
}
