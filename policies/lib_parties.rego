# What each party of an SRM brings: the MSSP's profile is its Provider's spec,
# the client's is `parties.client`, and a shared row draws on both. Vendor
# owners have no profile: the vendor rules judge them by their attestations.
# Rules bind `owners` and `party_owners` to a local before their loops: each
# reference to another package's rule is a lookup, and inside a loop over 150
# rows that lookup cost more than the rest of the loop. They name a rule by its
# full path (`data.srmcheck.lib.parties.owners`) rather than through an import
# of the package: the compiled program looks the whole package up, every rule
# of it, for each reference made through a package import.
package srmcheck.lib.parties

import rego.v1

profile(party) := input.provider if party == "mssp"

profile(party) := object.get(input.srm.parties, "client", {}) if party == "client"

# A shared row draws on both parties: each function below has a `party_`
# form for one party, which the shared case calls for each of the two (a
# function may not call itself).
party_capabilities(party) := object.get(profile(party), "capabilities", []) if party in {"mssp", "client"}

capabilities(owner) := party_capabilities(owner) if owner in {"mssp", "client"}

capabilities(owner) := array.concat(party_capabilities("mssp"), party_capabilities("client")) if owner == "shared"

party_round_the_clock(party) if {
	party in {"mssp", "client"}
	profile(party).coverage == "24x7"
}

round_the_clock(owner) if party_round_the_clock(owner)

round_the_clock(owner) if {
	owner == "shared"
	some party in ["mssp", "client"]
	party_round_the_clock(party)
}

# The owner's maturity of one kind (`soc` or `infrastructure`); a shared row
# has the better of the two parties'.
party_maturity(party, kind) := object.get(object.get(profile(party), "maturity", {}), kind, 1) if party in {"mssp", "client"}

maturity(owner, kind) := party_maturity(owner, kind) if owner in {"mssp", "client"}

maturity(owner, kind) := max([party_maturity("mssp", kind), party_maturity("client", kind)]) if owner == "shared"

# Hours of coverage, for messages.
coverage(owner) := object.get(profile(owner), "coverage", "unknown") if owner in {"mssp", "client"}

coverage(owner) := "business-hours" if {
	owner == "shared"
	not round_the_clock(owner)
}

coverage(owner) := "24x7" if {
	owner == "shared"
	round_the_clock(owner)
}

# The owners that are parties of the SRM (vendors are not): rules guard a
# lookup in `owners` with it.
party_owners := {"mssp", "client", "shared"}

# What each possible owner brings, worked out once per SRM: rules look an
# owner up here rather than recompute it for every row and control. Vendor
# owners have no entry.
owners := {owner: {
	"capabilities": {c | some c in capabilities(owner)},
	"roundTheClock": round_the_clock_flag(owner),
	"coverage": coverage(owner),
	"maturity": {kind: maturity(owner, kind) | some kind in ["soc", "infrastructure"]},
} |
	some owner in party_owners
}

# The lowest maturity of any owner: controls needing no more are met by all.
lowest_maturity := min({level | some owner in owners; some level in owner.maturity})

round_the_clock_flag(owner) := true if round_the_clock(owner)

round_the_clock_flag(owner) := false if not round_the_clock(owner)

# The capabilities a row owned by a party needs and its owner lacks, for each
# such row that lacks any.
lacking[i] := missing if {
	have_by_owner := owners
	by_row := judged
	some i, owner in by_row
	row := input.srm.responsibilities[i]
	have := have_by_owner[owner].capabilities
	missing := [need | some need in object.get(row, "capabilities", []); not need in have]
	count(missing) > 0
}

# The parties that do each row's work, by row index: its owner, or for a
# `shared` row the parties it is split between (`shared: [client,
# vendor:aws]`), the MSSP and the client when it names none. Vendors appear as
# `vendor:<id>`. A row whose owner is neither a party nor a vendor has none.
# (Worked out once here for every rule: as a function per row, each call
# cost more than the rest of the loop it was called in.)
row_party_sets[i] := {row.owner} if {
	some i, row in input.srm.responsibilities
	true in {row.owner in {"mssp", "client"}, startswith(row.owner, "vendor:")}
}

row_party_sets[i] := {party | some party in named} if {
	some i, row in input.srm.responsibilities
	row.owner == "shared"
	listed := object.get(row, "shared", [])
	named := object.get({0: ["mssp", "client"]}, count(listed), listed)
}

# The vendors among each row's parties, as `[i, vendor_id]`: its vendor
# owner, or the vendors a shared row is split with.
row_vendor_ids contains [i, substring(party, 7, -1)] if {
	some i, parties in row_party_sets
	some party in parties
	startswith(party, "vendor:")
}

# The rows owned by a vendor (`owner: vendor:<id>`).
vendor_owned contains i if {
	some i, row in input.srm.responsibilities
	startswith(row.owner, "vendor:")
}

# The entry of `owners` that judges each row, by row index: its party
# owner; for a shared row, `shared` when both the MSSP and the client do part
# of it, else the one of them that does (a vendor's part is judged by its
# attestations). A row with no party among its parties has none. Rules look
# a row's owner profile up as `owners[judged[i]]`, after checking that the
# row has one (`object.get(judged, i, null) != null`): the compiled program
# does not stop at a lookup of a missing key inside an assignment.
judged[i] := "shared" if {
	some i, parties in row_party_sets
	"mssp" in parties
	"client" in parties
}

judged[i] := "mssp" if {
	some i, parties in row_party_sets
	"mssp" in parties
	not "client" in parties
}

judged[i] := "client" if {
	some i, parties in row_party_sets
	"client" in parties
	not "mssp" in parties
}

# The parties of each row, sorted, by row index.
parties_of_row[i] := sort(parties) if {
	some i, parties in row_party_sets
}

# A row's owner as messages name it: `shared between client and vendor:aws` for a
# shared row split between named parties.
owner_label(row) := row.owner if count(object.get(row, "shared", [])) == 0

owner_label(row) := sprintf("shared between %s", [concat(" and ", row.shared)]) if count(object.get(row, "shared", [])) > 0
