# METADATA
# title: Vendor owners have a current attestation
# description: |-
#   A row owned by `vendor:<id>` is only as good as the evidence that the
#   vendor does its part: a SOC 2 Type II report, an ISO/IEC 27001
#   certificate, a FedRAMP authorisation. The vendor must hold at least one
#   attestation valid on the `--as-of` date.
# custom:
#   id: vendor-owner-without-attestation
#   severity: error
#   remediation: Obtain the vendor's current attestation and record it under `parties.vendors`.
#   frameworks: [iso27001-2022, cmmc-2.0]
#   category: capacity
package srmcheck.rules.vendor_owner_without_attestation

import rego.v1

# One finding per in-scope control the vendor's row covers, from the capacity
# judgement (lib_capacity); a row that covers none gets one of its own.
deny contains finding if {
	rows := input.srm.responsibilities
	some p in data.srmcheck.lib.capacity.problems
	p.kind == "attestation"
	row := rows[p.row]
	finding := {
		"msg": sprintf("responsibility %s covers %s and is owned by vendor %s, which has no attestation valid on %s", [row.id, p.control, p.vendor, input.asOf]),
		"pointer": sprintf("/srm/responsibilities/%d/owner", [p.row]),
		"framework": p.framework,
		"control": p.control,
	}
}

deny contains finding if {
	some p in data.srmcheck.lib.capacity.row_problems
	p.kind == "attestation"
	count(data.srmcheck.lib.capacity.row_controls(p.row)) == 0
	row := input.srm.responsibilities[p.row]
	finding := {
		"msg": sprintf("responsibility %s is owned by vendor %s, which has no attestation valid on %s", [row.id, p.vendor, input.asOf]),
		"pointer": sprintf("/srm/responsibilities/%d/owner", [p.row]),
	}
}
