# METADATA
# title: A placeholder is left to decide
# description: >-
#   A value of the SRM is still a placeholder: a text that starts with TODO, as
#   `srmcheck init` writes where only the parties can decide (each party's duty,
#   SLA targets, evidence, contacts, who signs off). Until it is replaced, the
#   SRM does not say what was agreed.
# custom:
#   id: placeholder-value
#   severity: error
#   remediation: Replace the TODO with what the MSSP and the client agreed, or remove the entry.
package srmcheck.rules.placeholder_value

import rego.v1

deny contains finding if {
	some [path, value] in leaves
	is_string(value)
	startswith(upper(trim_space(value)), "TODO")
	finding := {
		"msg": sprintf("%s is a placeholder to decide: %s", [dotted(path), value]),
		"pointer": concat("", array.concat(["/srm"], [sprintf("/%s", [escaped(step)]) | some step in path])),
	}
}

# The values of the SRM's spec with their paths, six levels deep (as deep as
# `parties.vendors[i].attestations[j].type`).
leaves contains [[a], v] if some a, v in input.srm

leaves contains [[a, b], v] if {
	some a, x in input.srm
	some b, v in branch(x)
}

leaves contains [[a, b, c], v] if {
	some a, x in input.srm
	some b, y in branch(x)
	some c, v in branch(y)
}

leaves contains [[a, b, c, d], v] if {
	some a, x in input.srm
	some b, y in branch(x)
	some c, z in branch(y)
	some d, v in branch(z)
}

leaves contains [[a, b, c, d, e], v] if {
	some a, x in input.srm
	some b, y in branch(x)
	some c, z in branch(y)
	some d, w in branch(z)
	some e, v in branch(w)
}

leaves contains [[a, b, c, d, e, f], v] if {
	some a, x in input.srm
	some b, y in branch(x)
	some c, z in branch(y)
	some d, w in branch(z)
	some e, u in branch(w)
	some f, v in branch(u)
}

# A mapping or a sequence, to look into; nothing for a scalar.
branch(x) := x if is_object(x)

branch(x) := x if is_array(x)

branch(x) := [] if {
	not is_object(x)
	not is_array(x)
}

dotted(path) := concat(".", [sprintf("%v", [step]) | some step in path])

escaped(step) := replace(replace(sprintf("%v", [step]), "~", "~0"), "/", "~1")
