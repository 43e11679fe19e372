package srmcheck.rules.attestation_out_of_scope_test

import rego.v1

rule := data.srmcheck.rules.attestation_out_of_scope

eks := {"id": "eks", "model": "paas", "vendor": "aws", "service": "Amazon EKS", "region": "eu-west-1"}

case(attestations, row) := {
	"asOf": "2026-11-22",
	"environment": {"components": [eks, {"id": "plant", "model": "on-prem"}]},
	"srm": {
		"parties": {"vendors": [{"id": "aws", "attestations": attestations}]},
		"responsibilities": [row],
	},
}

vendor_row := {"id": "R-01", "owner": "vendor:aws", "components": ["eks"]}

soc2(scope) := object.union({"type": "soc2-type2", "validUntil": "2027-06-30"}, scope)

test_an_attestation_without_scope_covers_everything if {
	count(rule.deny) == 0 with input as case([soc2({})], vendor_row)
	count(rule.deny) == 0 with input as case([soc2({"scope": {}})], vendor_row)
}

test_a_service_outside_the_scope_fires if {
	some finding in rule.deny with input as case([soc2({"scope": {"services": ["Amazon S3"]}})], vendor_row)
	finding.msg == "responsibility R-01 relies on vendor aws for eks (service Amazon EKS, region eu-west-1), which none of its current attestations covers (soc2-type2: services Amazon S3, regions any)"
	finding.pointer == "/srm/responsibilities/0/owner"
	count(rule.deny) == 0 with input as case([soc2({"scope": {"services": ["Amazon S3", "Amazon EKS"]}})], vendor_row)
	count(rule.deny) == 0 with input as case([soc2({"scope": {"services": ["eks"]}})], vendor_row)
}

test_a_region_outside_the_scope_fires if {
	count(rule.deny) == 1 with input as case([soc2({"scope": {"regions": ["us-east-1"]}})], vendor_row)
	count(rule.deny) == 0 with input as case([soc2({"scope": {"regions": ["us-east-1", "eu-west-1"]}})], vendor_row)
	unstated := {"id": "eks", "model": "paas", "vendor": "aws"}
	count(rule.deny) == 0 with input as object.union(case([soc2({"scope": {"regions": ["us-east-1"]}})], vendor_row), {"environment": {"components": [unstated]}})
}

test_one_covering_attestation_is_enough if {
	count(rule.deny) == 0 with input as case([soc2({"scope": {"services": ["Amazon S3"]}}), {"type": "iso27001", "validUntil": "2027-01-01"}], vendor_row)
}

test_expired_attestations_and_agreements_are_not_judged if {
	expired := {"type": "iso27001", "validUntil": "2026-01-01"}
	count(rule.deny) == 1 with input as case([soc2({"scope": {"services": ["Amazon S3"]}}), expired, {"type": "baa"}], vendor_row)
	count(rule.deny) == 0 with input as case([object.union(expired, {"scope": {"services": ["Amazon S3"]}})], vendor_row)
}

test_a_row_split_with_the_vendor_relies_on_it if {
	split := {"id": "R-01", "owner": "shared", "shared": ["client", "vendor:aws"]}
	count(rule.deny) == 1 with input as case([soc2({"scope": {"services": ["Amazon S3"]}})], split)
	count(rule.deny) == 0 with input as case([soc2({"scope": {"services": ["Amazon S3"]}})], {"id": "R-01", "owner": "client"})
}
