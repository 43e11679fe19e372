# METADATA
# title: Shared rows spell out each party's duty
# description: |-
#   A row owned by `shared` must say, under `duties`, what the MSSP does and
#   what the client does. "Shared" without the split is how both parties end
#   up assuming the other one handles it: the gap the SRM exists to close.
# custom:
#   id: shared-row-duties
#   severity: error
#   remediation: Add `duties` with a sentence for `mssp` and one for `client`.
#   frameworks: [iso27001-2022, cmmc-2.0]
package srmcheck.rules.shared_row_duties

import rego.v1

deny contains finding if {
	some i, row in input.srm.responsibilities
	row.owner == "shared"
	some party in ["mssp", "client"]
	trim_space(object.get(object.get(row, "duties", {}), party, "")) == ""
	finding := {
		"msg": sprintf("responsibility %s is shared but does not say what the %s does", [row.id, party]),
		"pointer": sprintf("/srm/responsibilities/%d/duties", [i]),
	}
}
