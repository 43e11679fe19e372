# METADATA
# title: Vendor attestations have not expired
# description: |-
#   Every attestation recorded for a vendor is valid on the `--as-of` date. An
#   expired SOC 2 report or certificate is no evidence for an auditor, and the
#   controls inherited from that vendor are unsupported until it is renewed.
#   The finding is about the attestation; whether the vendor's rows can still
#   be relied on (another attestation may be current) is the capacity
#   judgement's, reported per control by `vendor-owner-without-attestation`.
# custom:
#   id: vendor-attestation-expired
#   severity: error
#   remediation: Obtain the renewed report or certificate and update `validUntil`.
#   frameworks: [iso27001-2022, cmmc-2.0]
package srmcheck.rules.vendor_attestation_expired

import rego.v1

deny contains finding if {
	some v, vendor in object.get(input.srm.parties, "vendors", [])
	some a, attestation in object.get(vendor, "attestations", [])
	attestation.validUntil < input.asOf
	finding := {
		"msg": sprintf("the %s attestation of vendor %s expired on %s", [attestation.type, vendor.id, attestation.validUntil]),
		"pointer": sprintf("/srm/parties/vendors/%d/attestations/%d/validUntil", [v, a]),
	}
}
