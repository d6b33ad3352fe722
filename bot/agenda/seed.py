"""Reproducible demo agenda (fixed seed): practitioners over real French communes, motifs, slots.

The same generator builds the benchmark's million slots (`bot/bench/agenda.py`), hence bulk Core
inserts with explicit ids rather than ORM objects.
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from zoneinfo import ZoneInfo

from faker import Faker
from sqlalchemy import and_, func, insert, or_, select, text
from sqlalchemy.engine import Connection, Engine

from bot.agenda import geo, specialties
from bot.agenda.models import Motif, Place, Practitioner, Slot, name_key, slot_motifs
from bot.vocabulary import EXTRA_PATIENT_FIELDS, SAS_TIMEZONE

SEED = 20250314
SAS_ZONE = ZoneInfo(SAS_TIMEZONE)  # the default; `python -m bot.agenda seed` passes the configured one
# Half-days of opening hours, in the SAS time zone.
HALF_DAYS = ((time(8, 30), time(12, 0)), (time(14, 0), time(18, 30)))
# Every specialty the assistant reads is offered somewhere, often enough that a search near a prefecture finds one.
SPECIALTY_MIX = (("SM54", 62), ("SM40", 8), ("SM15", 5), ("SM04", 4), ("SM38", 5), ("SM42", 3), ("SM19", 4),
                 ("SM20", 2), ("SM39", 4), ("SM32", 1), ("SM16", 1), ("SM57", 1))
SNP = "Soins non programmés"
FOLLOW_UP = "Consultation de suivi (patients du cabinet)"
CHUNK = 20_000
MAX_RPPS_INDEX = 10**8 - 1  # rpps_number's 8 digits
# "Certains praticiens demandent plus d'informations": the share of practitioners requiring extra patient fields
# (one or two), of motifs requiring one, and of SAS participants accepting patients en surnuméraire. Demo choice:
# the extra fields are drawn among the practitioners outside SAS (30 % of them, 15 % of all), so that the first
# offers of a demo search (SAS participants rank first) book with the guide's default funnel, and a practitioner
# requiring more is met among the later ones.
REQUIRING_SHARE_OUTSIDE_SAS = 0.30
REQUIRING_MOTIF_SHARE = 0.06
SURNUMERAIRE_SHARE = 0.10


@dataclass(frozen=True)
class MotifTemplate:
    label: str
    population: str = "all"
    new_patients: bool = True  # False: a follow-up, for the practitioner's own patients
    modes: tuple[str, ...] = ("cabinet",)
    duration_min: int = 20


def motif_templates(specialty: str, rng: random.Random, snp: bool) -> list[MotifTemplate]:
    """A realistic motif list, like the ones practitioners set up in their agenda software."""
    if specialty == "SM54":
        motifs = [
            MotifTemplate("Adulte - Première consultation de médecine générale", "adult"),
            MotifTemplate("Enfant - Première consultation de médecine générale", "child"),
            MotifTemplate(FOLLOW_UP, new_patients=False, modes=("cabinet", "video")),
        ]
        if rng.random() < 0.4:
            motifs.append(MotifTemplate("Téléconsultation", modes=("video",), duration_min=15))
        if rng.random() < 0.15:
            motifs.append(MotifTemplate("Visite à domicile", modes=("domicile",), duration_min=30))
    elif specialty == "SM40":
        motifs = [
            MotifTemplate("Enfant - Première consultation de pédiatrie", "child"),
            MotifTemplate("Nourrisson - Suivi (patients du cabinet)", "child", new_patients=False),
            MotifTemplate("Téléconsultation pédiatrique", "child", modes=("video",), duration_min=15),
        ]
    else:
        label = specialties.LABELS[specialty].lower()
        motifs = [
            MotifTemplate(f"Première consultation de {label}", duration_min=30),
            MotifTemplate(FOLLOW_UP, new_patients=False),
        ]
    if snp:
        motifs.append(MotifTemplate(SNP, modes=("cabinet", "video")))
    return motifs


def extra_fields(rng: random.Random, share: float, most: int) -> str:
    """Nothing, or (with the chance `share`) one to `most` extra patient fields, as stored."""
    if rng.random() >= share:
        return ""
    chosen = set(rng.sample(EXTRA_PATIENT_FIELDS, rng.randint(1, most)))
    return ",".join(field for field in EXTRA_PATIENT_FIELDS if field in chosen)


def rpps_number(index: int) -> str:
    """An 11-digit RPPS-like number with a valid Luhn key (RPPS numbers carry one)."""
    if not 0 <= index <= MAX_RPPS_INDEX:
        raise ValueError(f"RPPS index out of range: {index}")
    body = f"10{index:08d}"
    total = 0
    for position, digit in enumerate(reversed(body)):
        value = int(digit) * (2 if position % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    return body + str((10 - total % 10) % 10)


@dataclass(frozen=True)
class SeedSummary:
    practitioners: int
    slots: int
    booked: int


def is_empty(engine: Engine) -> bool:
    with engine.connect() as connection:
        return connection.execute(select(func.count()).select_from(Practitioner)).scalar() == 0


def seed(
    engine: Engine,
    now: datetime,
    *,
    practitioners: int = 2000,
    days: int = 7,
    presence: float = 0.6,
    booked_share: float = 0.15,
    rng_seed: int = SEED,
    tz: tzinfo = SAS_ZONE,
    rpps_offset: int = 0,
) -> SeedSummary:
    """Fill an empty agenda. `presence`: the chance a practitioner works a given half-day.

    `rpps_offset` makes another agenda product of the demo: its practitioners' RPPS numbers are shifted and their
    names and street addresses drawn anew, while communes, specialties and opening hours stay those of the default
    seed, so that two agendas seeded with different offsets serve the same communes with disjoint practitioners."""
    if not 0 <= rpps_offset <= MAX_RPPS_INDEX - practitioners:
        raise ValueError(f"rpps_offset must be between 0 and {MAX_RPPS_INDEX - practitioners}")
    rng = random.Random(rng_seed)
    # Its own stream for what issue 12 added, so the practitioners, places and slots stay those of before.
    extras = random.Random(rng_seed + 1)
    fake = Faker("fr_FR")
    fake.seed_instance(rng_seed + rpps_offset)  # names and addresses only: the other draws come from `rng`
    # Paris, Lyon, Marseille as a whole left out: their arrondissements are listed too and spread practitioners better.
    towns = sorted((c for c in geo.communes() if c.insee not in geo.CITIES_WITH_ARRONDISSEMENTS), key=lambda c: c.insee)
    homes = rng.choices(towns, weights=[max(c.population, 1) for c in towns], k=practitioners)
    codes, weights = zip(*SPECIALTY_MIX, strict=True)
    doctors, places, motifs, offers = [], [], [], []
    for index, commune in enumerate(homes, start=1):
        specialty = rng.choices(codes, weights)[0]
        sas = rng.random() < 0.5
        female = rng.random() < 0.5
        nom = fake.last_name()
        doctors.append({
            "id": index, "rpps": rpps_number(index + rpps_offset), "civilite": "Dr", "nom": nom, "nom_key": name_key(nom),
            "prenom": fake.first_name_female() if female else fake.first_name_male(),
            "specialty_code": specialty, "specialty_label": specialties.LABELS[specialty],
            "accepts_new_patients": rng.random() < 0.6, "sas_participant": sas,
            "surnumeraire": sas and extras.random() < SURNUMERAIRE_SHARE,
            "required_fields": "" if sas else extra_fields(extras, REQUIRING_SHARE_OUTSIDE_SAS, 2),
        })
        places.append({
            "id": index, "practitioner_id": index, "address_line": fake.street_address(),
            "postal_code": commune.postal_codes[0], "commune": commune.name, "insee": commune.insee,
            "departement": commune.departement,
            # within a few hundred metres of the town centre, so colleagues are not all at one point
            "lat": round(commune.lat + rng.uniform(-0.004, 0.004), 6),
            "lon": round(commune.lon + rng.uniform(-0.006, 0.006), 6),
        })
        templates = motif_templates(specialty, rng, snp=sas and rng.random() < 0.66)
        offers.append(templates)
        for template in templates:
            motifs.append({
                "id": len(motifs) + 1, "practitioner_id": index, "label": template.label,
                "snp": template.label == SNP, "population": template.population,
                "new_patients": template.new_patients, "follow_up": not template.new_patients,
                "required_fields": "" if sas or template.label == SNP
                else extra_fields(extras, REQUIRING_MOTIF_SHARE, 1),
                "duration_min": template.duration_min,
                **{mode: mode in template.modes for mode in ("cabinet", "video", "domicile")},
            })
    first_day = now.astimezone(tz).date()
    slot_count = booked = 0
    with engine.begin() as connection:
        for table, rows in ((Practitioner, doctors), (Place, places), (Motif, motifs)):
            _insert_chunks(connection, table, rows)
        # Slots are streamed so that the benchmark's million rows never sit in memory at once.
        pending: list[dict] = []
        for doctor, templates in zip(doctors, offers, strict=True):
            pending += _slots(rng, doctor, templates, first_day, days, presence, booked_share, now, tz,
                              slot_count + len(pending))
            if len(pending) >= CHUNK or doctor is doctors[-1]:
                _insert_chunks(connection, Slot, pending)
                slot_count += len(pending)
                booked += sum(slot["status"] == "booked" for slot in pending)
                pending = []
        _offer_motifs(connection)
        _sync_sequences(connection)
        connection.execute(text("ANALYZE"))  # planner statistics for the freshly loaded tables
    return SeedSummary(len(doctors), slot_count, booked)


def _insert_chunks(connection: Connection, table, rows: list[dict]) -> None:
    for start in range(0, len(rows), CHUNK):
        connection.execute(insert(table.__table__), rows[start:start + CHUNK])


def _slots(rng, doctor, templates, first_day: date, days, presence, booked_share, now, tz, first_id) -> list[dict]:
    minutes = rng.choice((15, 20, 20, 30))
    # Modes a new patient can book without "Soins non programmés", so every slot has a motif for them.
    offers = {mode for t in templates if t.new_patients and t.label != SNP for mode in t.modes}
    has_snp = any(template.label == SNP for template in templates)
    rows = []
    for offset in range(days):
        day = first_day + timedelta(days=offset)
        if day.weekday() == 6:  # closed on Sundays
            continue
        for opening, closing in HALF_DAYS:
            if rng.random() >= presence:
                continue
            mode = "cabinet"
            if "video" in offers and rng.random() < 0.15:
                mode = "video"
            elif "domicile" in offers and rng.random() < 0.2:
                mode = "domicile"
            bookable_online = rng.random() < 0.9
            snp = has_snp and mode != "domicile" and rng.random() < 0.5
            start = datetime.combine(day, opening, tz)
            end_of_range = datetime.combine(day, closing, tz)
            while start + timedelta(minutes=minutes) <= end_of_range:
                end = start + timedelta(minutes=minutes)
                if start > now:
                    rows.append({
                        "id": first_id + len(rows) + 1, "practitioner_id": doctor["id"], "place_id": doctor["id"],
                        "start_at": start, "end_at": end, "mode": mode, "bookable_online": bookable_online,
                        "new_patients": doctor["accepts_new_patients"], "snp": snp,
                        "status": "booked" if rng.random() < booked_share else "free",
                    })
                start = end
    return rows


def _offer_motifs(connection: Connection) -> None:
    """Each slot offers its practitioner's motifs allowed in its mode; "Soins non programmés" only on
    the slots flagged `snp` (so the flag and the motif list agree by construction)."""
    mode_allowed = or_(
        and_(Slot.mode == "cabinet", Motif.cabinet.is_(True)),
        and_(Slot.mode == "video", Motif.video.is_(True)),
        and_(Slot.mode == "domicile", Motif.domicile.is_(True)),
    )
    pairs = (
        select(Slot.id, Motif.id)
        .join(Motif, Motif.practitioner_id == Slot.practitioner_id)
        .where(mode_allowed, or_(Motif.snp.is_(False), Slot.snp.is_(True)))
    )
    connection.execute(insert(slot_motifs).from_select(["slot_id", "motif_id"], pairs))


def _sync_sequences(connection: Connection) -> None:
    """Explicit ids leave PostgreSQL's sequences behind; move them past the seeded rows."""
    if connection.dialect.name != "postgresql":
        return
    for table in ("practitioners", "places", "motifs", "slots"):
        connection.execute(
            text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), COALESCE(MAX(id), 1)) FROM {table}")
        )
