"""Schemathesis hooks, loaded by the fuzzing run's own environment (.venv-fuzz): nothing of the project is imported.

Beside Schemathesis's checks: every refusal (4xx, 5xx) is a JSON body of the agenda's shapes, `Problem`
{"error", "detail"} or `Invalid` {"errors": {field: message}}, or on /fhir a FHIR OperationOutcome, with its
messages in French."""
from __future__ import annotations

import json
import re

import schemathesis

# Words of the framework's own English refusals ("Not Found", "Field required", "There was an error parsing
# the body", "Method Not Allowed", "Not authenticated"...); none of them is a French word.
ENGLISH = re.compile(r"\b(the|is|not|was|were|field|required|error|found|allowed|method|body|value|missing|"
                     r"authenticated|invalid|unprocessable|entity|request|server|internal)\b", re.IGNORECASE)


def messages(body: object) -> list[str]:
    if isinstance(body, dict) and body.get("resourceType") == "OperationOutcome":
        return [issue["diagnostics"] for issue in body.get("issue", []) if isinstance(issue.get("diagnostics"), str)]
    if isinstance(body, dict) and isinstance(body.get("error"), str) and isinstance(body.get("detail"), str):
        return [body["detail"]]
    if isinstance(body, dict) and isinstance(body.get("errors"), dict) and body["errors"]:
        return [message for message in body["errors"].values() if isinstance(message, str)]
    return []


@schemathesis.check
def refusals_are_french_json(ctx, response, case):
    """A refusal is JSON of the agenda's shapes (Problem or Invalid), in French."""
    if response.status_code < 400:
        return None
    content_type = response.headers.get("content-type", [""])[0]  # Schemathesis lists each header's values
    if not content_type.startswith(("application/json", "application/fhir+json")):
        raise AssertionError(f"refusal {response.status_code} is not JSON: {content_type or 'no content type'}")
    try:
        said = messages(json.loads(response.content))
    except ValueError:
        raise AssertionError(f"refusal {response.status_code} is not valid JSON") from None
    if not said:
        raise AssertionError(f"refusal {response.status_code} is neither a Problem nor an Invalid: {response.text[:200]}")
    english = [message for message in said if ENGLISH.search(message)]
    if english:
        raise AssertionError(f"refusal {response.status_code} in English: {english[0][:200]}")
    return None
