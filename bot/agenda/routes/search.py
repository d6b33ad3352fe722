"""Searching the slots offered to SAS around a place (one offer per practitioner), reading one slot, and choosing
its motif for a patient."""
from __future__ import annotations

import logging
from datetime import datetime, timedelta, tzinfo

from fastapi import APIRouter, Query
from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload, selectinload

from bot.agenda import audit, geo, specialties
from bot.agenda import search as searching
from bot.agenda.contract import MedecinTraitant, MotifChoice, Offer, SearchResult, SlotWithStatus
from bot.agenda.deps import NowDep, SessionDep, TzDep
from bot.agenda.medecin_traitant import resolve as find_medecin_traitant
from bot.agenda.models import Slot
from bot.agenda.motifs import NoSuitableMotif, Patient, choose_motif, required_fields
from bot.agenda.principal import PrincipalDep
from bot.agenda.routes.answers import INVALID, NOT_FOUND, invalid, not_found
from bot.agenda.search import SearchQuery, search
from bot.agenda.validation import parse_birth_date
from bot.agenda.views import address_view, motif_view, practitioner_view, slot_view, slot_with_status
from bot.nlu.text import fold
from bot.vocabulary import DEFAULT_MODE, MAX_SEARCH_RADIUS_KM, MODES

log = logging.getLogger(__name__)

router = APIRouter(prefix="/api", tags=["recherche"])
DEFAULT_WINDOW = timedelta(hours=48)
MODE_CHOICES = f"{', '.join(list(MODES)[:-1])} ou {list(MODES)[-1]}"


def mode_code(text: str) -> str | None:
    """The mode a code or a way of saying it names ("video", "vidéo", "visio"), None when none."""
    said = fold(text.strip())
    return next((code for code, mode in MODES.items() if said == code or said in mode.said), None)


def _parse_moment(text: str | None, default: datetime, tz: tzinfo) -> datetime | None:
    if not text:
        return default
    text = text.strip().replace("Z", "+00:00")
    if len(text) > 19 and text[-6] == " ":  # an unencoded "+" arrives as a space
        text = text[:-6] + "+" + text[-5:]
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=tz)


def unknown_place(location: str, unknown: geo.UnknownPlace):
    """422 for a place the agenda does not know, with the close ones it knows."""
    return invalid({"location": geo.unknown_place_message(location, unknown)}, suggestions=unknown.suggestions)


@router.get("/search", response_model=SearchResult, responses=INVALID)
def search_slots(
    session: SessionDep,
    now: NowDep,
    tz: TzDep,
    who: PrincipalDep,
    location: str = Query("", description="commune, code postal, adresse ou coordonnées"),
    from_: str | None = Query(None, alias="from", description="ISO 8601 ; maintenant par défaut"),
    to: str | None = Query(None, description="ISO 8601 ; 48 h après le début par défaut"),
    mode: str = DEFAULT_MODE,
    specialty: str | None = Query(None, description="code TRE_R38 ou nom ; médecine générale par défaut"),
    limit: int = Query(5, description="praticiens par page (1 à 50)"),
    offset: int = Query(0, description="en praticiens"),
    per_practitioner: int = Query(4, description="prochains créneaux montrés par praticien (1 à 10)"),
    medecin_traitant: str | None = Query(None, description="« Nom », « Nom, Commune » ou « Dr Prénom Nom »"),
    radius_km: float | None = Query(None, description=f"au-delà du plafond du département, jusqu'à {MAX_SEARCH_RADIUS_KM} km"),
):
    """Practitioners offering slots open to SAS (new patients and bookable online, or « Soins non programmés »),
    each with their next slots: the médecin traitant first (when named and offering slots in the window, up to the
    département's cap), then SAS participants, then the others; inside a group the earliest first slot, then the
    nearest. The radius is the département's, widened step by step up to its cap until `offset + limit`
    practitioners have slots; with nothing in the window at the cap, the next 7 days are searched."""
    errors: dict[str, str] = {}
    start = _parse_moment(from_, now, tz)
    if start is None:
        errors["from"] = f"Date invalide : « {from_} » (ISO 8601 attendu, par exemple 2025-03-14T09:00:00+01:00)."
    start = max(start or now, now)
    end = _parse_moment(to, start + DEFAULT_WINDOW, tz)
    if end is None:
        errors["to"] = f"Date invalide : « {to} » (ISO 8601 attendu)."
    elif end <= start:
        errors["to"] = "La fin de la fenêtre doit suivre son début."
    code = mode_code(mode)
    if code is None:
        errors["mode"] = f"Mode inconnu : « {mode} » ({MODE_CHOICES})."
    try:
        specialty_code, _label = specialties.resolve(specialty)
    except specialties.UnknownSpecialty as error:
        errors["specialty"] = str(error)
    if not 1 <= limit <= 50:
        errors["limit"] = "Le nombre de praticiens demandés doit être compris entre 1 et 50."
    if offset < 0:
        errors["offset"] = "Le décalage ne peut pas être négatif."
    if not 1 <= per_practitioner <= 10:
        errors["per_practitioner"] = "Le nombre de créneaux par praticien doit être compris entre 1 et 10."
    if radius_km is not None and not 1 <= radius_km <= MAX_SEARCH_RADIUS_KM:
        errors["radius_km"] = f"Le rayon demandé doit être compris entre 1 et {MAX_SEARCH_RADIUS_KM} km."
    if medecin_traitant and len(medecin_traitant) > 200:
        errors["medecin_traitant"] = "Médecin traitant : 200 caractères au plus."
    if not location.strip():
        errors["location"] = "Lieu obligatoire : commune, code postal, adresse ou coordonnées."
    if errors:
        return invalid(errors)
    try:
        place = geo.geocode(location)
    except geo.UnknownPlace as unknown:
        return unknown_place(location, unknown)
    doctor = find_medecin_traitant(session, medecin_traitant, place) if medecin_traitant else None
    query = SearchQuery(place, start, end, mode=code, specialty=specialty_code, limit=limit, offset=offset,
                        per_practitioner=per_practitioner, medecin_traitant=doctor and doctor.id)
    result = search(session, query, geo.radius_rule(place.departement).widened_to(radius_km))
    log.info("search: %d practitioners of %d within %s km", len(result.offers), result.total, result.radius_km)
    # The place searched is where the patient is, the médecin traitant whom they see: neither in the trail.
    audit.add(session, now, who.actor, "search", conversation=who.conversation,
              detail=f"{len(result.offers)} praticiens sur {result.total}, {who.via}")
    session.commit()
    return SearchResult(
        location={"label": place.label, "commune": place.commune, "postal_code": place.postal_code,
                  "insee": place.insee, "lat": place.lat, "lon": place.lon},
        radius_km=result.radius_km,
        widened=result.widened,
        window={"from": result.start.astimezone(tz), "to": result.end.astimezone(tz)},
        window_widened=result.window_widened,
        total=result.total,
        offers=[_offer_view(offer, tz) for offer in result.offers],
        medecin_traitant=MedecinTraitant(
            asked=medecin_traitant, found=doctor is not None,
            name=doctor and f"{doctor.civilite} {doctor.prenom} {doctor.nom}",
            has_slots=result.medecin_traitant_has_slots,
        ) if medecin_traitant else None,
    )


def _offer_view(offer: searching.Offer, tz: tzinfo) -> Offer:
    return Offer(
        practitioner=practitioner_view(offer.practitioner),
        address=address_view(offer.slots[0].slot.place),
        distance_km=round(offer.distance_km, 1),
        snp=any(found.slot.snp for found in offer.slots),
        medecin_traitant=offer.medecin_traitant,
        slots=[slot_view(found.slot, tz, found.distance_km) for found in offer.slots],
    )


def _load_slot(session: Session, slot_id: str) -> Slot | None:
    if not slot_id.isdigit():
        return None
    return session.execute(
        select(Slot)
        .where(Slot.id == int(slot_id))
        .options(joinedload(Slot.practitioner), joinedload(Slot.place), selectinload(Slot.motifs))
    ).scalar_one_or_none()


@router.get("/slots/{slot_id}", response_model=SlotWithStatus, responses=NOT_FOUND)
def get_slot(slot_id: str, session: SessionDep, tz: TzDep):
    slot = _load_slot(session, slot_id)
    return slot_with_status(slot, tz) if slot else not_found("Créneau")


@router.get("/slots/{slot_id}/motif", response_model=MotifChoice, responses={**INVALID, **NOT_FOUND})
def slot_motif(
    slot_id: str,
    session: SessionDep,
    now: NowDep,
    tz: TzDep,
    birth_date: str = Query("", description="AAAA-MM-JJ"),
    mode: str | None = Query(None, description="celui du créneau par défaut"),
    symptoms: str = "",
    civilite: str | None = None,
    deja_consulte: bool = Query(False, description="le patient a déjà consulté ce praticien"),
):
    """« Soins non programmés » when the slot offers it, otherwise the motif that best fits the patient (a follow-up
    motif for a patient who has already consulted the practitioner, when the slot has one); with the extra patient
    fields the practitioner and that motif require."""
    slot = _load_slot(session, slot_id)
    if slot is None:
        return not_found("Créneau")
    today = now.astimezone(tz).date()
    birth, message = parse_birth_date(birth_date, today)
    if message:
        return invalid({"birth_date": message})
    code = mode_code(mode or slot.mode)
    if code is None:
        return invalid({"mode": f"Mode inconnu : « {mode} » ({MODE_CHOICES})."})
    try:
        choice = choose_motif(slot.motifs, Patient(birth, civilite, known=deja_consulte), code, symptoms, today)
    except NoSuitableMotif as error:
        return invalid({"motif_id": str(error)})
    return MotifChoice(motif=motif_view(choice.motif), reason=choice.reason,
                       required_fields=required_fields(slot.practitioner, choice.motif))
