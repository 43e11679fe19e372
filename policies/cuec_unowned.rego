# METADATA
# title: Every complementary user entity control is owned by a row
# description: |-
#   A SOC 2 report lists the complementary user entity controls (CUECs) its
#   user must operate for the report's controls to hold: reviewing the access
#   the vendor grants, protecting the credentials it issues, telling it of
#   leavers. Each CUEC of a vendor's attestation, and of the MSSP's own in its
#   Provider, is owned by a row of the SRM that another party owns: a row that
#   names it (`cuecs: [vendor:aws/CUEC-3]`, `mssp/CUEC-1`) or that covers one
#   of the CUEC's `controls`. An unowned CUEC is a gap the vendor's report
#   itself points at.
# custom:
#   id: cuec-unowned
#   severity: error
#   remediation: >-
#     Add the CUEC to the `cuecs` of the row that performs it
#     (`vendor:<id>/<CUEC id>`, `mssp/<CUEC id>`), or give the CUEC the
#     `controls` a row of the SRM covers.
#   frameworks: [iso27001-2022, cmmc-2.0, nist-800-53r5]
package srmcheck.rules.cuec_unowned

import rego.v1

rows := input.srm.responsibilities

# Every CUEC: the party whose report lists it, its id, its controls, where it is.
cuecs contains {"party": sprintf("vendor:%s", [vendor.id]), "report": attestation.type, "cuec": cuec, "pointer": sprintf("/srm/parties/vendors/%d/attestations/%d/cuecs/%d/id", [v, a, c])} if {
	some v, vendor in data.srmcheck.lib.vendors.declared
	some a, attestation in object.get(vendor, "attestations", [])
	some c, cuec in object.get(attestation, "cuecs", [])
}

cuecs contains {"party": "mssp", "report": attestation.type, "cuec": cuec, "pointer": sprintf("/provider/attestations/%d/cuecs/%d/id", [a, c])} if {
	some a, attestation in object.get(input.provider, "attestations", [])
	some c, cuec in object.get(attestation, "cuecs", [])
}

# A row another party owns names the CUEC.
owned(entry) if {
	some row in rows
	object.get(row, "owner", "") != entry.party
	sprintf("%s/%s", [entry.party, entry.cuec.id]) in object.get(row, "cuecs", [])
}

# A row another party owns covers one of the CUEC's controls.
owned(entry) if {
	some framework, ids in object.get(entry.cuec, "controls", {})
	some row in rows
	object.get(row, "owner", "") != entry.party
	some id in object.get(object.get(row, "controls", {}), framework, [])
	id in ids
}

deny contains finding if {
	some entry in cuecs
	not owned(entry)
	finding := {
		"msg": sprintf("%s of the %s report of %s is owned by no row of the SRM", [entry.cuec.id, entry.report, entry.party]),
		"pointer": entry.pointer,
	}
}
