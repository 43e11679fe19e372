package srmcheck.rules.environment_inheritance_test

import rego.v1

aws(valid) := {"id": "aws", "name": "AWS", "attestations": [{"type": "soc2-type2", "validUntil": valid}]}

physical := {"iso27001-2022": {"controls": {"A.7.1": {"layer": "physical", "rows": [0]}}}}

case(vendor_list, rows, components) := {
	"asOf": "2026-11-22",
	"srm": {"parties": {"vendors": vendor_list}, "responsibilities": rows},
	"environment": {"components": components},
	"frameworks": physical,
}

aws_row := {"id": "R-01", "owner": "vendor:aws"}

cloud := [{"id": "prod", "model": "iaas", "vendor": "aws"}]

hybrid := [{"id": "prod", "model": "iaas", "vendor": "aws"}, {"id": "plant", "model": "on-prem"}]

# The physical layer held for the on-prem plant by the client, and for prod by AWS.
two_physical := {"iso27001-2022": {"controls": {"A.7.1": {"layer": "physical", "rows": [0, 1]}}}}

plant_row := {"id": "R-02", "owner": "client", "components": ["plant"]}

deny_of(vendor_list, rows, components, frameworks) := found if {
	found := data.srmcheck.rules.environment_inheritance.deny with input as object.union(case(vendor_list, rows, components), {"frameworks": frameworks})
}

test_physical_security_is_inherited_from_the_cloud_vendor if {
	count(data.srmcheck.rules.environment_inheritance.deny) == 0 with input as case([aws("2027-01-01")], [aws_row], cloud)
	some finding in data.srmcheck.rules.environment_inheritance.deny with input as case([aws("2027-01-01")], [{"id": "R-01", "owner": "client"}], cloud)
	finding.msg == "aws runs the physical layer of prod (iaas), but no row owned by vendor:aws that applies to prod covers a control of that layer"
	finding.pointer == "/environment/components/0"
}

test_a_vendor_row_for_its_own_component_and_a_party_row_for_the_site_pass if {
	rows := [object.union(aws_row, {"components": ["prod"]}), plant_row]
	count(deny_of([aws("2027-01-01")], rows, hybrid, two_physical)) == 0
}

test_a_vendor_row_claiming_an_on_prem_site_is_a_finding_at_the_entry if {
	rows := [object.union(aws_row, {"components": ["prod", "plant"]}), {"id": "R-02", "owner": "client"}]
	findings := deny_of([aws("2027-01-01")], rows, hybrid, two_physical)
	count(findings) == 1
	some finding in findings
	finding.msg == "responsibility R-01 is owned by vendor aws but applies to plant (on-prem), which aws does not run: nothing of plant is inherited from it"
	finding.pointer == "/srm/responsibilities/0/components/1"
}

test_a_vendor_row_naming_no_components_claims_the_site_at_its_owner if {
	findings := deny_of([aws("2027-01-01")], [aws_row, plant_row], hybrid, two_physical)
	count(findings) == 1
	some finding in findings
	finding.msg == "responsibility R-01 is owned by vendor aws and names no `components`, so it applies to every component, also to on-prem plant, which aws does not run"
	finding.pointer == "/srm/responsibilities/0/owner"
}

test_an_on_prem_site_without_a_party_row_is_a_gap_at_the_component if {
	rows := [object.union(aws_row, {"components": ["prod"]}), {"id": "R-02", "owner": "client", "components": ["prod"]}]
	findings := deny_of([aws("2027-01-01")], rows, hybrid, two_physical)
	count(findings) == 1
	some finding in findings
	finding.msg == "plant is on-prem, with no vendor to inherit from, but no row owned by the MSSP, the client or both that applies to it covers a control of its physical layer: the in-scope physical controls are a gap there"
	finding.pointer == "/environment/components/1"
}

test_a_vendor_inherits_only_for_the_components_it_runs if {
	two_clouds := [{"id": "prod", "model": "iaas", "vendor": "aws"}, {"id": "mail", "model": "iaas", "vendor": "m365"}]
	m365 := {"id": "m365", "name": "Microsoft", "attestations": [{"type": "soc2-type2", "validUntil": "2027-01-01"}]}
	rows := [object.union(aws_row, {"components": ["prod"]}), {"id": "R-02", "owner": "vendor:m365", "components": ["prod"]}]
	findings := deny_of([aws("2027-01-01"), m365], rows, two_clouds, two_physical)
	count(findings) == 2
	some entry in findings
	entry.pointer == "/srm/responsibilities/1/components/0"
	some gap in findings
	gap.msg == "m365 runs the physical layer of mail (iaas), but no row owned by vendor:m365 that applies to mail covers a control of that layer"
}

test_an_undeclared_vendor_gives_no_finding_per_layer if {
	saas := [{"id": "crm", "model": "saas", "vendor": "aws"}]
	count(data.srmcheck.rules.environment_inheritance.deny) == 0 with input as case([], [], saas)
}

test_a_saas_vendor_runs_network_host_and_application if {
	saas := [{"id": "crm", "model": "saas", "vendor": "aws"}]
	frameworks := {"iso27001-2022": {"controls": {
		"A.7.1": {"layer": "physical", "rows": [0]},
		"A.8.20": {"layer": "network", "rows": [1]},
		"A.8.25": {"layer": "application", "rows": [0]},
		"A.5.12": {"layer": "data", "rows": [1]},
	}}}
	rows := [aws_row, {"id": "R-02", "owner": "client"}]
	findings := data.srmcheck.rules.environment_inheritance.deny with input as object.union(case([aws("2027-01-01")], rows, saas), {"frameworks": frameworks})
	count(findings) == 1
	some finding in findings
	finding.msg == "aws runs the network layer of crm (saas), but no row owned by vendor:aws that applies to crm covers a control of that layer"
}

test_an_on_prem_estate_has_no_vendor_to_inherit_from if {
	on_prem := [{"id": "plant", "model": "on-prem"}]
	some finding in data.srmcheck.rules.environment_inheritance.deny with input as case([aws("2027-01-01")], [aws_row], on_prem)
	finding.msg == "responsibility R-01 is owned by vendor aws, which runs no cloud component of the environment to inherit from"
}

test_a_site_row_with_an_unknown_owner_is_no_gap_too if {
	rows := [object.union(aws_row, {"components": ["prod"]}), {"id": "R-02", "owner": "msp", "components": ["plant"]}]
	count(deny_of([aws("2027-01-01")], rows, hybrid, two_physical)) == 0
}
