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

deny contains finding if {
	some i, row in input.srm.responsibilities
	id := data.srmcheck.lib.vendors.vendor_id(row.owner)
	not data.srmcheck.lib.vendors.attested(id)
	finding := {
		"msg": sprintf("responsibility %s is owned by vendor %s, which has no attestation valid on %s", [row.id, id, input.asOf]),
		"pointer": sprintf("/srm/responsibilities/%d/owner", [i]),
	}
}
