package srmcheck.rules.unknown_owner_test

import rego.v1

srm(owner) := {"parties": {"vendors": [{"id": "aws"}]}, "responsibilities": [{"id": "R-01", "owner": owner}]}

test_known_parties_are_silent if {
	every party in ["mssp", "client", "shared", "vendor:aws"] {
		count(data.srmcheck.rules.unknown_owner.deny) == 0 with input as {"srm": srm(party)}
	}
}

test_an_unknown_owner_fires if {
	some finding in data.srmcheck.rules.unknown_owner.deny with input as {"srm": srm("msp")}
	finding.msg == "responsibility R-01 is owned by `msp`, which is not a party of this SRM"
	finding.pointer == "/srm/responsibilities/0/owner"
}

test_a_missing_owner_fires if {
	some finding in data.srmcheck.rules.unknown_owner.deny with input as {"srm": {"parties": {}, "responsibilities": [{"id": "R-02"}]}}
	finding.msg == "responsibility R-02 has no owner"
}

test_a_null_owner_fires if {
	count(data.srmcheck.rules.unknown_owner.deny) == 1 with input as {"srm": srm(null)}
}

test_an_undeclared_vendor_fires if {
	count(data.srmcheck.rules.unknown_owner.deny) == 1 with input as {"srm": srm("vendor:gcp")}
}
