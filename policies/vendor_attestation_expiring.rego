# METADATA
# title: Vendor attestations last until the next review
# description: |-
#   A vendor's attestation (a SOC 2 report, an ISO certificate) that is
#   current today but expires before the SRM's next review is due will have
#   lapsed when both parties next look: the controls inherited from the
#   vendor then rest on nothing until someone notices. The warning gives the
#   days left, so that the renewed report can be requested in time. An
#   attestation of the same type that lasts past the review (the renewal,
#   already recorded) silences it.
# custom:
#   id: vendor-attestation-expiring
#   severity: warning
#   remediation: >-
#     Request the vendor's renewed attestation now and record it
#     (`attestations` with its `validUntil`), or review the SRM before the
#     attestation expires.
#   frameworks: [iso27001-2022, cmmc-2.0, nist-800-171r2, hipaa-security]
package srmcheck.rules.vendor_attestation_expiring

import rego.v1

deny contains finding if {
	due := data.srmcheck.lib.review.due
	some v, vendor in object.get(input.srm.parties, "vendors", [])
	attestations := object.get(vendor, "attestations", [])
	some a, attestation in attestations
	attestation.validUntil >= input.asOf
	attestation.validUntil < due
	not renewed(attestations, attestation.type, due)
	finding := {
		"msg": sprintf("the %s attestation of vendor %s expires on %s, in %d days, before the next review is due on %s", [attestation.type, vendor.id, attestation.validUntil, days(input.asOf, attestation.validUntil), due]),
		"pointer": sprintf("/srm/parties/vendors/%d/attestations/%d/validUntil", [v, a]),
	}
}

# An attestation of the type that lasts until the review.
renewed(attestations, type, due) if {
	some other in attestations
	other.type == type
	other.validUntil >= due
}

days(from, to) := round((time.parse_ns("2006-01-02", to) - time.parse_ns("2006-01-02", from)) / 86400000000000)
