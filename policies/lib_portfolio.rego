# The MSSP's load across its portfolio: the hours a month its rows take in
# every client SRM of the run that names one Provider, against the
# provider's `capacityHours`. The portfolio rules judge by it; the evidence
# report's index shows it (`facts`). Its input is the portfolio's
# (`{provider, clients: [{name, msspEffort}]}`), not an SRM's.
package srmcheck.lib.portfolio

import rego.v1

# The MSSP hours a month of every client together.
total := sum([client.msspEffort | some client in input.clients])

capacity := object.get(input.provider, "capacityHours", 0)

over_capacity := total > capacity

# The share of the capacity the clients take, in whole percent; 0 for a
# provider without a capacity.
load_percent := round((total * 100) / capacity) if capacity > 0

else := 0

# The clients, the one taking the most hours first, by name among equals.
heaviest_first := [input.clients[entry[2]] | some entry in order]

order := sort([[0 - client.msspEffort, client.name, i] | some i, client in input.clients])

facts := {
	"msspEffort": total,
	"capacityHours": capacity,
	"overCapacity": over_capacity,
	"loadPercent": load_percent,
	"clients": heaviest_first,
}
