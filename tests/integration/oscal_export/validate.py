"""Loads OSCAL JSON documents with compliance-trestle's models and exits 1,
naming the file and the errors, when one does not validate.

Usage: python validate.py FILE...
Each file holds one of system-security-plan, component-definition or
assessment-results at its top.
"""
import json
import sys

from trestle.oscal.assessment_results import AssessmentResults
from trestle.oscal.component import ComponentDefinition
from trestle.oscal.ssp import SystemSecurityPlan

MODELS = {
    "system-security-plan": SystemSecurityPlan,
    "component-definition": ComponentDefinition,
    "assessment-results": AssessmentResults,
}

failed = False
for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as f:
        document = json.load(f)
    (key, body), = document.items()
    try:
        MODELS[key].model_validate(body)
        print(f"{path}: valid {key}")
    except Exception as error:  # pydantic's ValidationError, or a missing key
        failed = True
        print(f"{path}: invalid {key}: {error}")
sys.exit(1 if failed else 0)
