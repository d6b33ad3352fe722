"""The side panel's page and its configuration: where Rasa listens and the words it shows (bot.vocabulary).

Served from the agenda's origin, so the panel needs no CORS; its static files are mounted by `create_app`."""
from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import FileResponse
from pydantic import BaseModel

from bot.agenda.deps import SettingsDep
from bot.agenda.routes.answers import not_found
from bot.message_limit import MAX_MESSAGE_CHARS, refusal_text
from bot.settings import ROOT
from bot.vocabulary import MODES, NEED_FIELDS, PATIENT_FIELDS

WEB = ROOT / "bot" / "web"
router = APIRouter(include_in_schema=False)


class PanelConfig(BaseModel):
    rasa_url: str
    sign_in_with: str | None  # the OIDC provider's name on the login page's button, None without one
    timezone: str  # slots are shown in it, whatever the browser's own
    field_labels: dict[str, str]  # patient then need fields, in the order shown
    mode_labels: dict[str, str]
    max_message_chars: int  # longer messages are refused by Rasa's channel: the panel keeps them and says why
    message_too_long: str


@router.get("/")
def panel():
    index = WEB / "index.html"
    return FileResponse(index) if index.exists() else not_found("Panneau")


@router.get("/login")
def login_page():
    """The panel's sign-in page (POST /auth/login, or the OIDC provider's button)."""
    page = WEB / "login.html"
    return FileResponse(page) if page.exists() else not_found("Page de connexion")


@router.get("/config.json", response_model=PanelConfig)
def panel_config(settings: SettingsDep) -> PanelConfig:
    return PanelConfig(
        rasa_url=settings.rasa_url, sign_in_with=settings.oidc_label if settings.oidc_issuer else None,
        timezone=settings.timezone, field_labels={**PATIENT_FIELDS, **NEED_FIELDS},
        mode_labels={code: mode.label for code, mode in MODES.items()},
        max_message_chars=MAX_MESSAGE_CHARS, message_too_long=refusal_text(),
    )
