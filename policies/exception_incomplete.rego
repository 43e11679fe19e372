# METADATA
# title: Exceptions are reasoned and approved
# description: |-
#   An exception takes a control out of the SRM, so an auditor asks why, who
#   decided, and when. Each exception gives a `reason`, an `approver` and the
#   date it was `approved`.
# custom:
#   id: exception-incomplete
#   severity: error
#   remediation: Add the missing reason, approver or approval date to the exception.
#   frameworks: [iso27001-2022, cmmc-2.0]
package srmcheck.rules.exception_incomplete

import rego.v1

deny contains finding if {
	some i, exception in object.get(input.srm, "exceptions", [])
	some field in ["reason", "approver", "approved"]
	trim_space(sprintf("%v", [object.get(exception, field, "")])) in {"", "null"}
	finding := {
		"msg": sprintf("the exception for %s %s has no %s", [exception.framework, exception.control, field]),
		"pointer": sprintf("/srm/exceptions/%d", [i]),
	}
}
