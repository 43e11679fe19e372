# METADATA
# title: Exceptions have not expired
# description: |-
#   An exception is a decision with a shelf life: it carries an `expires` date
#   and is revisited before then. One without an expiry never gets revisited;
#   one past its expiry on the `--as-of` date no longer covers its control
#   (`uncovered-control` then reports the control too).
# custom:
#   id: exception-expired
#   severity: warning
#   remediation: Renew the exception (a new approval and expiry) or cover the control with a row.
#   frameworks: [iso27001-2022, cmmc-2.0]
package srmcheck.rules.exception_expiry

import rego.v1

deny contains finding if {
	some i, exception in object.get(input.srm, "exceptions", [])
	not is_string(object.get(exception, "expires", null))
	finding := {
		"msg": sprintf("the exception for %s %s has no expiry date", [exception.framework, exception.control]),
		"pointer": sprintf("/srm/exceptions/%d", [i]),
	}
}

deny contains finding if {
	some i, exception in object.get(input.srm, "exceptions", [])
	is_string(exception.expires)
	exception.expires < input.asOf
	finding := {
		"msg": sprintf("the exception for %s %s expired on %s", [exception.framework, exception.control, exception.expires]),
		"pointer": sprintf("/srm/exceptions/%d/expires", [i]),
	}
}
