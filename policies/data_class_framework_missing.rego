# METADATA
# title: Regulated data brings its framework into scope
# description: |-
#   Controlled unclassified information (CUI) in the environment puts it under
#   DFARS 252.204-7012 and CMMC: the SRM selects CMMC 2.0 or NIST SP 800-171
#   (Rev 2 or 3). Protected health information (PHI) puts it under the HIPAA
#   Security Rule: the SRM selects `hipaa-security`. An SRM that holds such data
#   without its framework leaves the duties an assessor will ask for unassigned.
#   CMMC counts for CUI at Level 2 or above (or with no level, all of CMMC):
#   Level 1 protects federal contract information, not CUI.
#   The finding is at the data class, where it is first written.
# custom:
#   id: data-class-framework-missing
#   severity: error
#   remediation: >-
#     Select the framework the data class brings (`cmmc-2.0` with `level: 2`,
#     `nist-800-171r2` or `nist-800-171r3` for CUI; `hipaa-security` for PHI),
#     or correct the environment's `dataClasses` if the data is not there.
#   frameworks: [cmmc-2.0, nist-800-171r2, nist-800-171r3, hipaa-security]
package srmcheck.rules.data_class_framework_missing

import rego.v1

# The frameworks, any one of which a class needs.
needs := {
	"cui": {"cmmc-2.0", "nist-800-171r2", "nist-800-171r3"},
	"phi": {"hipaa-security"},
}

names := {"cui": "CUI", "phi": "PHI"}

deny contains finding if {
	some class, frameworks in needs
	pointer := data.srmcheck.lib.data.written_at[class]
	not class in brought
	extra := object.get({"cui": cui_note}, class, "")
	finding := {
		"msg": sprintf("the environment holds %s but the SRM selects none of %s%s", [names[class], concat(", ", sort(frameworks)), extra]),
		"pointer": pointer,
	}
}

# The classes whose duties a selected framework brings into scope: CMMC only
# from Level 2, the first level with the SP 800-171 requirements CUI needs.
brought contains class if {
	some class, frameworks in needs
	some id, framework in input.frameworks
	id in frameworks
	not below_cui_level(id, framework)
}

below_cui_level(id, framework) if {
	id == "cmmc-2.0"
	object.get(framework, "level", 3) < 2
}

# What the CUI message adds when CMMC is selected at Level 1.
default cui_note := ""

cui_note := " (CMMC Level 1 covers federal contract information, not CUI: select `level: 2`)" if {
	object.get(object.get(input.frameworks, "cmmc-2.0", {}), "level", 0) == 1
}
