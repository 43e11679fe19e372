# METADATA
# title: Each party's effort fits its capacity
# description: |-
#   The hours a month the SRM asks of a party, summed over every row's
#   `effort`, must fit that party's `capacityHours`: the MSSP's Provider
#   capacity, and the client's own. Duties beyond a party's capacity are the
#   ones that slip first. (The MSSP's effort over all its clients is judged by
#   `portfolio-over-capacity`.)
# custom:
#   id: effort-over-capacity
#   severity: error
#   remediation: >-
#     Lower the effort, move rows to another party, or raise the party's
#     capacity once the staff exists.
#   frameworks: [iso27001-2022, cmmc-2.0]
package srmcheck.rules.effort_over_capacity

import rego.v1

deny contains finding if {
	some party, total in data.srmcheck.lib.effort.hours
	capacity := object.get(data.srmcheck.lib.parties.profile(party), "capacityHours", 0)
	total > capacity
	finding := {
		"msg": sprintf("the rows ask %v hours a month of the %s, over its capacity of %v hours", [total, party, capacity]),
		"pointer": pointer(party),
	}
}

pointer(party) := "/provider/capacityHours" if party == "mssp"

pointer(party) := "/srm/parties/client/capacityHours" if party == "client"
