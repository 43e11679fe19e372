# METADATA
# title: Vendor attestations cover what the rows rely on
# description: |-
#   A row a vendor owns, or a shared row split with a vendor
#   (`shared: [client, vendor:aws]`), relies on the vendor's attestations for
#   the components of the environment the vendor runs and the row applies to.
#   An attestation vouches only for what its `scope` covers: the services it
#   lists (a component's `service`, or its id) and the regions it lists (a
#   component's `region`). A SOC 2 report on one service says nothing of
#   another service of the same vendor, nor of a region its auditor never saw.
#
#   An attestation without `scope` covers every service and region, as does a
#   scope that lists none of them; a component without a `region` is not
#   judged by region. A business associate agreement is a contract, not
#   evidence that controls work, and is not judged here; nor are attestations
#   no longer valid on the `--as-of` date (`vendor-attestation-expired`). A
#   vendor with no current attestation at all is the capacity judgement's
#   (`vendor-owner-without-attestation`). One finding per row, vendor and
#   component that none of the vendor's current attestations covers.
# custom:
#   id: attestation-out-of-scope
#   severity: error
#   remediation: Obtain the vendor's report or certificate whose scope covers the service and region (the next report, a bridge letter, another report), record its `scope`, or correct the component's `service` or `region`.
#   frameworks: [iso27001-2022, cmmc-2.0, nist-800-171r2, nist-800-53r5, hipaa-security]
package srmcheck.rules.attestation_out_of_scope

import rego.v1

# Each declared vendor's current attestations of its controls, by vendor id.
current[vendor.id] := [attestation |
	some attestation in object.get(vendor, "attestations", [])
	attestation.type != "baa"
	data.srmcheck.lib.vendors.valid(attestation)
] if {
	some vendor in data.srmcheck.lib.vendors.declared
}

scope_list(attestation, field) := object.get(object.get(attestation, "scope", {}), field, [])

# Whether an attestation covers a component: its service (or id) among the
# services it lists, its region among the regions it lists.
covers(attestation, component) if {
	services_covered(attestation, component)
	region_covered(attestation, component)
}

services_covered(attestation, _) if count(scope_list(attestation, "services")) == 0

services_covered(attestation, component) if object.get(component, "service", component.id) in scope_list(attestation, "services")

services_covered(attestation, component) if component.id in scope_list(attestation, "services")

region_covered(attestation, _) if count(scope_list(attestation, "regions")) == 0

region_covered(_, component) if not "region" in object.keys(component)

region_covered(attestation, component) if component.region in scope_list(attestation, "regions")

deny contains finding if {
	attested := current
	by_id := data.srmcheck.lib.components.by_id
	some pair in data.srmcheck.lib.parties.row_vendor_ids
	i := pair[0]
	id := pair[1]
	row := input.srm.responsibilities[i]
	attestations := attested[id]
	count(attestations) > 0
	some component_id in data.srmcheck.lib.components.applies[i]
	component := by_id[component_id]
	data.srmcheck.lib.components.runs(id, component)
	not covered(attestations, component)
	finding := {
		"msg": sprintf("responsibility %s relies on vendor %s for %s, which none of its current attestations covers (%s)", [row.id, id, described(component), concat("; ", [scope_text(a) | some a in attestations])]),
		"pointer": sprintf("/srm/responsibilities/%d/owner", [i]),
	}
}

covered(attestations, component) if {
	some attestation in attestations
	covers(attestation, component)
}

described(component) := sprintf("%s (service %s, region %s)", [component.id, object.get(component, "service", component.id), object.get(component, "region", "unstated")])

scope_text(attestation) := sprintf("%s: services %s, regions %s", [attestation.type, listed(scope_list(attestation, "services")), listed(scope_list(attestation, "regions"))])

listed(items) := concat(", ", items) if count(items) > 0

listed(items) := "any" if count(items) == 0
