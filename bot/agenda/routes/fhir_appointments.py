"""The SAS side of the appointment notices (FrAppointmentSAS), so that the loop runs here: an agenda software creates
its notice with POST /fhir/Appointment and sends each change with the conditional PUT on the notice's identifier.

Signed in like the other /fhir routes (a service's token); no regulator is needed. A malformed notice gets 400, a
refused one (a rule of the profile, patient data) 422, both with an OperationOutcome in French."""
from __future__ import annotations

import json

from fastapi import APIRouter, Request, Response
from starlette.concurrency import run_in_threadpool

from bot.agenda.deps import NowDep, SessionFactoryDep
from bot.agenda.errors import BODY_REFUSALS
from bot.agenda.fhir import FHIR_JSON, FhirResponse, operation_outcome
from bot.agenda.models import ReceivedNotice
from bot.agenda.notices import received
from bot.agenda.notices.resource import Malformed, Refused, read

router = APIRouter(prefix="/fhir", tags=["FHIR"])

# For the OpenAPI document: the body is read by `read` itself (a FHIR resource, not a model of ours).
APPOINTMENT_SCHEMA = {"schema": {"type": "object", "required": ["resourceType"],
                                 "properties": {"resourceType": {"enum": ["Appointment"]}}}}
NOTICE_BODY = {"requestBody": {"required": True,
                               "content": {FHIR_JSON: APPOINTMENT_SCHEMA, "application/json": APPOINTMENT_SCHEMA}}}
OUTCOME = {"content": {FHIR_JSON: {"schema": {"type": "object", "required": ["resourceType", "issue"]}}}}
RESOURCE = {"content": {FHIR_JSON: {"schema": {"type": "object", "required": ["resourceType", "id"]}}}}
ANSWERS = {
    400: {"description": "Notification illisible : OperationOutcome.", **OUTCOME},
    413: BODY_REFUSALS[413],
    422: {"description": "Notification refusée (règle du profil FrAppointmentSAS, données du patient) : "
                         "OperationOutcome.", **OUTCOME},
}


@router.post("/Appointment", status_code=201, response_class=FhirResponse, openapi_extra=NOTICE_BODY,
             responses=ANSWERS)
async def create_notice(request: Request, factory: SessionFactoryDep, now: NowDep) -> Response:
    """Creates the notice of a booking: 201 with Location: <base>/fhir/Appointment/<id>."""
    try:
        notice = read(await request.body())
        stored = await run_in_threadpool(received.create, factory, notice, now)
    except Malformed as error:
        return _refusal(error)
    except received.Duplicate:
        return FhirResponse(operation_outcome([(
            "duplicate", "Cette notification existe déjà : ses changements s'envoient par PUT conditionnel "
                         "(Appointment?identifier=<système>|<valeur>).",
        )]), status_code=422)
    return _answer(request, stored, 201)


@router.put("/Appointment", response_class=FhirResponse, openapi_extra={
    **NOTICE_BODY, "parameters": [{"name": "identifier", "in": "query", "required": True,
                                   "description": "<système>|<valeur> de la notification",
                                   "schema": {"type": "string", "pattern": r"^[^|]+\|.+$"}}],
}, responses={201: {"description": "Créée : aucune notification de cet identifiant.", **RESOURCE}, **ANSWERS})
async def update_notice(request: Request, factory: SessionFactoryDep, now: NowDep) -> Response:
    """Conditional update on the identifier: updates the notice (200), or creates it when there is none (201)."""
    system, _, value = request.query_params.get("identifier", "").partition("|")
    if not system or not value:
        return FhirResponse(operation_outcome([(
            "required", "Paramètre identifier obligatoire : <système>|<valeur> de la notification.",
        )]), status_code=400)
    try:
        notice = read(await request.body())
        if (notice.identifier_system, notice.identifier_value) != (system, value):
            raise Refused([("business-rule", "L'identifiant de la notification diffère de celui de la requête.")])
        stored, created = await run_in_threadpool(received.upsert, factory, notice, now)
    except Malformed as error:
        return _refusal(error)
    return _answer(request, stored, 201 if created else 200)


@router.get("/Appointment/{notice_id}", response_class=FhirResponse,
            responses={404: {"description": "Introuvable : OperationOutcome.", **OUTCOME}})
def read_notice(notice_id: str, request: Request, factory: SessionFactoryDep) -> Response:
    try:
        stored = received.load(factory, int(notice_id))
    except (ValueError, received.NotFound):
        return FhirResponse(operation_outcome([("not-found", "Notification introuvable.")]), status_code=404)
    return _answer(request, stored, 200)


def _refusal(error: Malformed) -> FhirResponse:
    return FhirResponse(operation_outcome(error.problems), status_code=422 if isinstance(error, Refused) else 400)


def _answer(request: Request, stored: ReceivedNotice, status_code: int) -> FhirResponse:
    resource = json.loads(stored.resource)
    resource["id"] = str(stored.id)
    resource["meta"] = {**resource.get("meta", {}), "versionId": str(stored.version),
                        "lastUpdated": stored.updated_at.isoformat(timespec="seconds")}
    answer = FhirResponse(resource, status_code=status_code)
    answer.headers["Location"] = f"{request.base_url}fhir/Appointment/{stored.id}"
    answer.headers["ETag"] = f'W/"{stored.version}"'
    return answer
