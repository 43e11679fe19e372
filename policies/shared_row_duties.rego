# METADATA
# title: Shared rows spell out each party's duty
# description: |-
#   A row owned by `shared` must say, under `duties`, what each of its parties
#   does: the MSSP and the client, or the parties `shared` names when the duty
#   is split with a vendor (`shared: [client, vendor:aws]`: what the client
#   does and what AWS does). "Shared" without the split is how the parties end
#   up assuming another one handles it: the gap the SRM exists to close.
# custom:
#   id: shared-row-duties
#   severity: error
#   remediation: Add `duties` with a sentence for each party of the row (`mssp` and `client`, or each party `shared` names, such as `vendor:aws`).
#   frameworks: [iso27001-2022, cmmc-2.0]
package srmcheck.rules.shared_row_duties

import rego.v1

deny contains finding if {
	some i, row in input.srm.responsibilities
	row.owner == "shared"
	some party in data.srmcheck.lib.parties.parties_of_row[i]
	trim_space(object.get(object.get(row, "duties", {}), party, "")) == ""
	finding := {
		"msg": sprintf("responsibility %s is shared but does not say what the %s does", [row.id, party]),
		"pointer": sprintf("/srm/responsibilities/%d/duties", [i]),
	}
}
