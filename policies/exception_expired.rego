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
package srmcheck.rules.exception_expired

import rego.v1

# Each exception's standing comes from lib_exceptions, which the evidence
# report shows too.
deny contains finding if {
	some i, exception in object.get(input.srm, "exceptions", [])
	data.srmcheck.lib.exceptions.status[i] == "no-expiry"
	finding := {
		"msg": sprintf("the exception for %s %s has no expiry date", [exception.framework, exception.control]),
		"pointer": sprintf("/srm/exceptions/%d", [i]),
	}
}

deny contains finding if {
	some i, exception in object.get(input.srm, "exceptions", [])
	data.srmcheck.lib.exceptions.status[i] == "expired"
	finding := {
		"msg": sprintf("the exception for %s %s expired on %s", [exception.framework, exception.control, exception.expires]),
		"pointer": sprintf("/srm/exceptions/%d/expires", [i]),
	}
}
