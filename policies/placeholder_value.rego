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
	may_hold_placeholders
	some level in [level1, level2, level3, level4, level5, level6]
	some [path, value] in level
	is_string(value)
	startswith(upper(trim_space(value)), "TODO")
	finding := {
		"msg": sprintf("%s is a placeholder to decide: %s", [dotted(path), value]),
		"pointer": concat("", array.concat(["/srm"], [sprintf("/%s", [escaped(step)]) | some step in path])),
	}
}

# Whether any text of the SRM could start with TODO: the SRM written out as
# JSON, in capitals, contains it. Most SRMs hold none, and this one pass of a
# builtin spares them the walk below.
may_hold_placeholders if contains(upper(json.marshal(input.srm)), "TODO")

# The SRM's values by depth, each `[path, value]`: a level is the children of
# the objects and arrays of the level above, so each value is visited once.
# (Six levels reach every text of an SRM: `responsibilities[i].sla[j].target`
# is four deep.)
level1 := [[[a], v] | some a, v in input.srm]

level2 := below(level1)

level3 := below(level2)

level4 := below(level3)

level5 := below(level4)

level6 := below(level5)

below(level) := [[array.concat(path, [k]), v] |
	some [path, x] in level
	is_container(x)
	some k, v in x
]

is_container(x) if is_object(x)

is_container(x) if is_array(x)

dotted(path) := concat(".", [sprintf("%v", [step]) | some step in path])

escaped(step) := replace(replace(sprintf("%v", [step]), "~", "~0"), "/", "~1")
