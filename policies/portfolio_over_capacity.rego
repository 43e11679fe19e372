# METADATA
# title: The MSSP is not over-committed across its portfolio
# description: |-
#   The hours a month that the MSSP's rows take, summed over every client SRM
#   in the run that names the same Provider, must fit the provider's
#   `capacityHours`. Each SRM can look affordable on its own while the
#   portfolio as a whole promises more analyst time than the SOC has: the
#   duties then slip silently, and the SRM no longer describes what happens.
#
#   The finding sits on the provider's `capacityHours` and names the clients
#   that take the most hours.
# custom:
#   id: portfolio-over-capacity
#   severity: error
#   remediation: >-
#     Raise the provider's capacity (staff), lower the MSSP effort in the SRMs,
#     or move duties to the clients or to vendors.
#   frameworks: [iso27001-2022, cmmc-2.0]
package srmcheck.portfolio.portfolio_over_capacity

import rego.v1

deny contains finding if {
	data.srmcheck.lib.portfolio.over_capacity
	finding := {
		"msg": sprintf("the MSSP's rows take %v hours a month across %d clients (%s), over its capacity of %v hours", [
			data.srmcheck.lib.portfolio.total,
			count(input.clients),
			heaviest,
			data.srmcheck.lib.portfolio.capacity,
		]),
		"pointer": "/provider/capacityHours",
	}
}

# The three clients taking the most MSSP hours, heaviest first.
heaviest := concat(", ", [sprintf("%s %v h", [c.name, c.msspEffort]) | some c in top])

top := array.slice(data.srmcheck.lib.portfolio.heaviest_first, 0, 3)
