# The hours a month an SRM asks of each party, summed over every row's
# `effort`. The capacity rule judges by it; the portfolio rules and the
# evidence report take the MSSP's from it (`facts`).
package srmcheck.lib.effort

import rego.v1

hours := {"mssp": total("mssp"), "client": total("client")}

total(party) := sum([h | some row in input.srm.responsibilities; h := object.get(object.get(row, "effort", {}), party, 0)])

facts := hours
