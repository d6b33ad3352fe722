"""Every refusal of the agenda is a JSON body in French, including those the framework answers on its own
(an unknown address, a method a route does not take, a body it cannot read) and an unexpected failure, answered
without its traceback (the server logs it; the database engine hides query parameters, which carry patient data)."""
from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from starlette.exceptions import HTTPException
from starlette.routing import Match

from bot.agenda.routes.answers import problem

# What the framework's own refusals say, by status.
FRAMEWORK_REFUSALS = {
    400: ("requete_illisible", "Requête illisible : le corps n'est pas du JSON ou un formulaire valide."),
    401: ("non_authentifie", "Connexion requise."),
    403: ("interdit", "Accès refusé."),
    404: ("introuvable", "Adresse inconnue de l'agenda."),
    405: ("methode_non_permise", "Cette adresse ne prend pas cette méthode."),
    406: ("format_non_disponible", "L'agenda ne répond qu'en JSON."),
    413: ("trop_volumineux", "Requête trop volumineuse."),
    415: ("format_non_pris_en_charge", "Format de requête non pris en charge."),
}
OTHER_REFUSAL = ("requete_refusee", "Requête refusée.")
FAILURE = ("erreur_interne", "Erreur interne de l'agenda : l'incident est consigné ; réessayez dans un instant.")
_PROBLEM = {"application/json": {"schema": {
    "type": "object", "required": ["error", "detail"],
    "properties": {"error": {"type": "string"}, "detail": {"type": "string"}},
}}}
# What a route taking a body may answer before it runs (bot.agenda.body_limit, the framework's parsers).
BODY_REFUSALS = {
    400: {"description": "Corps illisible.", "content": _PROBLEM},
    413: {"description": "Corps trop volumineux.", "content": _PROBLEM},
}


def _allowed_methods(request: Request) -> str:
    """Every method the address takes: Starlette names those of the first route on the path only. An address
    without parameters (/api/orientations/externes) is a resource of its own: the routes with one that match it
    too (/api/orientations/{orientation_id}) are not counted."""
    matching = [route for route in request.app.router.routes if isinstance(route, APIRoute)
                and route.matches(request.scope)[0] != Match.NONE]
    literal = [route for route in matching if not route.param_convertors]
    return ", ".join(sorted({method for route in literal or matching for method in route.methods}))


async def _framework_refusal(request: Request, error: HTTPException) -> JSONResponse:
    code, detail = FRAMEWORK_REFUSALS.get(error.status_code, OTHER_REFUSAL)
    answer = problem(error.status_code, code, detail)
    answer.headers.update(error.headers or {})  # WWW-Authenticate on a 401
    if error.status_code == 405:
        answer.headers["Allow"] = _allowed_methods(request)
    return answer


async def _failure(_request: Request, _error: Exception) -> JSONResponse:
    return problem(500, *FAILURE)


def answer_refusals_in_french(app: FastAPI) -> None:
    """Once the routes are mounted: the handlers, and the refusals of a body in the OpenAPI document."""
    app.add_exception_handler(HTTPException, _framework_refusal)
    app.add_exception_handler(Exception, _failure)
    for route in app.routes:
        if isinstance(route, APIRoute) and route.body_field is not None:
            route.responses = {**BODY_REFUSALS, **route.responses}
