"""The agenda's schema: practitioners, their places and motifs, slots, appointments, orientations en surnuméraire,
attachments; the regulators' accounts, the panel's sessions and the audit trail.

Times are stored as naive UTC (`UTCDateTime` converts at the boundary) so SQLite and PostgreSQL agree.
Enumerations are short strings checked by the database; their allowed values are the tuples below.
"""
from __future__ import annotations

import re
from datetime import datetime, timezone

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import declarative_base, relationship, validates
from sqlalchemy.types import TypeDecorator

from bot import vocabulary
from bot.auth import tokens
from bot.nlu.text import fold

Base = declarative_base()

MODES = tuple(vocabulary.MODES)
POPULATIONS = ("adult", "child", "all")
SLOT_STATUSES = ("free", "booked")
APPOINTMENT_STATUSES = ("booked", "cancelled", "fulfilled", "noshow")
# An appointment in one of these states holds its slot; only a cancellation gives it back.
HOLDING_STATUSES = ("booked", "fulfilled", "noshow")
ROLES = tokens.ROLES
ORIENTATION_STATUSES = ("a_confirmer", "confirmee", "refusee")
NOTICE_KINDS = ("create", "update")


def name_key(name: str) -> str:
    """A name as it is looked up: lower-case ASCII words ("Le Gall-Lefèvre" -> "le gall lefevre")."""
    return " ".join(re.findall(r"[a-z0-9]+", fold(name.lower())))


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


class UTCDateTime(TypeDecorator):
    """Aware datetimes in Python, naive UTC in the database."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(timezone.utc).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect):
        return None if value is None else value.replace(tzinfo=timezone.utc)


def stored_fields(stored: str | None) -> list[str]:
    """The extra patient fields of a stored list ("email,lieu_naissance"), in the vocabulary's order."""
    return [field for field in vocabulary.EXTRA_PATIENT_FIELDS if field in (stored or "").split(",")]


class RequiresFields:
    """Patient fields required to book, beyond the mandatory ones (among vocabulary.EXTRA_PATIENT_FIELDS), stored
    as a comma-separated list ("email,lieu_naissance"): a short set read with its row, never searched on."""

    required = Column("required_fields", String(64), nullable=False, default="", server_default="")

    @property
    def required_fields(self) -> list[str]:
        return stored_fields(self.required)

    @required_fields.setter
    def required_fields(self, fields) -> None:
        unknown = set(fields) - set(vocabulary.EXTRA_PATIENT_FIELDS)
        if unknown:
            raise ValueError(f"not an extra patient field: {sorted(unknown)}")
        self.required = ",".join(f for f in vocabulary.EXTRA_PATIENT_FIELDS if f in fields)


class Practitioner(RequiresFields, Base):
    __tablename__ = "practitioners"

    id = Column(Integer, primary_key=True)
    rpps = Column(String(11), nullable=False, unique=True)
    civilite = Column(String(8), nullable=False)  # "Dr", "Pr", "M.", "Mme"
    nom = Column(String(100), nullable=False)
    # The surname as a médecin traitant is looked up (bot.agenda.medecin_traitant): set with `nom`.
    nom_key = Column(String(100), nullable=False, default="", server_default="", index=True)
    prenom = Column(String(100), nullable=False)
    specialty_code = Column(String(8), nullable=False, index=True)  # TRE_R38, e.g. SM54
    specialty_label = Column(String(100), nullable=False)
    accepts_new_patients = Column(Boolean, nullable=False, default=True)
    sas_participant = Column(Boolean, nullable=False, default=False)
    # A SAS participant who accepts patients beyond their slots (orientation "en surnuméraire").
    surnumeraire = Column(Boolean, nullable=False, default=False, server_default=text("false"))

    places = relationship("Place", back_populates="practitioner", cascade="all, delete-orphan")
    motifs = relationship("Motif", back_populates="practitioner", cascade="all, delete-orphan")

    @validates("nom")
    def _keep_key(self, _key: str, nom: str) -> str:
        self.nom_key = name_key(nom)
        return nom


class Place(Base):
    """A place of practice of one practitioner, geocoded once when it is created."""

    __tablename__ = "places"
    __table_args__ = (Index("ix_places_lat_lon", "lat", "lon"),)

    id = Column(Integer, primary_key=True)
    practitioner_id = Column(ForeignKey("practitioners.id", ondelete="CASCADE"), nullable=False, index=True)
    address_line = Column(String(200), nullable=False)
    postal_code = Column(String(5), nullable=False)
    commune = Column(String(100), nullable=False)
    insee = Column(String(5), nullable=False)
    departement = Column(String(3), nullable=False)
    lat = Column(Float, nullable=False)
    lon = Column(Float, nullable=False)

    practitioner = relationship("Practitioner", back_populates="places")


class Motif(RequiresFields, Base):
    """A consultation motif a practitioner offers, with who and how it may be booked."""

    __tablename__ = "motifs"
    __table_args__ = (CheckConstraint(_in("population", POPULATIONS), name="ck_motifs_population"),)

    id = Column(Integer, primary_key=True)
    practitioner_id = Column(ForeignKey("practitioners.id", ondelete="CASCADE"), nullable=False, index=True)
    label = Column(String(200), nullable=False)
    snp = Column(Boolean, nullable=False, default=False)  # the motif "Soins non programmés"
    population = Column(String(8), nullable=False, default="all")
    new_patients = Column(Boolean, nullable=False, default=True)  # False: followed patients only
    follow_up = Column(Boolean, nullable=False, default=False, server_default=text("false"))  # for known patients
    cabinet = Column(Boolean, nullable=False, default=True)
    video = Column(Boolean, nullable=False, default=False)
    domicile = Column(Boolean, nullable=False, default=False)
    duration_min = Column(Integer, nullable=False, default=20)

    practitioner = relationship("Practitioner", back_populates="motifs")

    def allows_mode(self, mode: str) -> bool:
        return bool(getattr(self, mode))


slot_motifs = Table(
    "slot_motifs",
    Base.metadata,
    Column("slot_id", ForeignKey("slots.id", ondelete="CASCADE"), primary_key=True),
    Column("motif_id", ForeignKey("motifs.id", ondelete="CASCADE"), primary_key=True),
)


class Slot(Base):
    """A bookable time of one practitioner at one place.

    `snp` mirrors "one of `motifs` is Soins non programmés"; it is stored so that the eligibility rule
    (bot.agenda.rules) runs on the slots table alone, which keeps search fast on a million slots.
    Write slots through `bot.agenda.catalog` so the two never disagree.
    """

    __tablename__ = "slots"
    __table_args__ = (
        CheckConstraint(_in("mode", MODES), name="ck_slots_mode"),
        CheckConstraint(_in("status", SLOT_STATUSES), name="ck_slots_status"),
        CheckConstraint("end_at > start_at", name="ck_slots_end_after_start"),
        # Search reads the free slots of a few places, in one mode, in a time window, and applies the
        # eligibility rule: all of it is in this index, so search never reads the table itself.
        Index("ix_slots_search", "place_id", "status", "mode", "start_at", "new_patients", "bookable_online", "snp"),
        Index("ix_slots_practitioner_start", "practitioner_id", "start_at"),
    )

    id = Column(Integer, primary_key=True)
    practitioner_id = Column(ForeignKey("practitioners.id", ondelete="CASCADE"), nullable=False)
    place_id = Column(ForeignKey("places.id", ondelete="CASCADE"), nullable=False)
    start = Column("start_at", UTCDateTime, nullable=False)
    end = Column("end_at", UTCDateTime, nullable=False)
    mode = Column(String(8), nullable=False, default="cabinet")
    bookable_online = Column(Boolean, nullable=False, default=True)
    new_patients = Column(Boolean, nullable=False, default=True)
    snp = Column(Boolean, nullable=False, default=False)
    status = Column(String(8), nullable=False, default="free")

    practitioner = relationship("Practitioner")
    place = relationship("Place")
    motifs = relationship("Motif", secondary=slot_motifs, order_by="Motif.id")


class Appointment(Base):
    __tablename__ = "appointments"
    __table_args__ = (
        CheckConstraint(_in("status", APPOINTMENT_STATUSES), name="ck_appointments_status"),
        # One slot, one booking: the database refuses a second appointment holding the same slot.
        Index(
            "ux_appointments_slot_holding",
            "slot_id",
            unique=True,
            sqlite_where=text(_in("status", HOLDING_STATUSES)),
            postgresql_where=text(_in("status", HOLDING_STATUSES)),
        ),
        Index("ix_appointments_created_at", "created_at"),
        Index("ix_appointments_regulator_created_at", "regulator", "created_at"),  # a regulator's own, newest first
    )

    id = Column(Integer, primary_key=True)
    reference = Column(String(16), nullable=False, unique=True)  # e.g. SAS-7K2M9Q
    idempotency_key = Column(String(100), nullable=False, unique=True)
    slot_id = Column(ForeignKey("slots.id"), nullable=False, index=True)
    motif_id = Column(ForeignKey("motifs.id"), nullable=False)
    status = Column(String(10), nullable=False, default="booked")
    civilite = Column(String(10))
    prenom = Column(String(100), nullable=False)
    nom = Column(String(100), nullable=False)
    nom_naissance = Column(String(100), nullable=False)
    date_naissance = Column(Date, nullable=False)
    lieu_naissance = Column(String(100))
    telephone = Column(String(20), nullable=False)  # E.164
    email = Column(String(254))
    message = Column(Text)
    regulator = Column(String(100))  # the login of who booked it
    deja_consulte = Column(Boolean, nullable=False, default=False, server_default=text("false"))
    created_at = Column(UTCDateTime, nullable=False)
    updated_at = Column(UTCDateTime, nullable=False)

    slot = relationship("Slot")
    motif = relationship("Motif")
    attachments = relationship("Attachment", back_populates="appointment", order_by="Attachment.created_at")


class Orientation(Base):
    """A patient sent "en surnuméraire" to a SAS participant who accepts extra patients: no slot is reserved,
    the practitioner confirms (or refuses) later."""

    __tablename__ = "orientations"
    __table_args__ = (CheckConstraint(_in("status", ORIENTATION_STATUSES), name="ck_orientations_status"),)

    id = Column(Integer, primary_key=True)
    reference = Column(String(16), nullable=False, unique=True)
    idempotency_key = Column(String(100), nullable=False, unique=True)
    practitioner_id = Column(ForeignKey("practitioners.id"), nullable=False, index=True)
    place_id = Column(ForeignKey("places.id"), nullable=False)
    status = Column(String(12), nullable=False, default="a_confirmer")
    civilite = Column(String(10))
    prenom = Column(String(100), nullable=False)
    nom = Column(String(100), nullable=False)
    nom_naissance = Column(String(100), nullable=False)
    date_naissance = Column(Date, nullable=False)
    lieu_naissance = Column(String(100))
    telephone = Column(String(20), nullable=False)  # E.164
    email = Column(String(254))
    message = Column(Text)
    regulator = Column(String(100))  # the login of who oriented the patient
    created_at = Column(UTCDateTime, nullable=False)

    practitioner = relationship("Practitioner")
    place = relationship("Place")


class NoticeOutbox(Base):
    """A change of one of our appointments to notify SAS of (FrAppointmentSAS, bot.agenda.notices): written in the
    transaction of the change, delivered later by the sender, in order per appointment, once."""

    __tablename__ = "notice_outbox"
    __table_args__ = (
        CheckConstraint(_in("kind", NOTICE_KINDS), name="ck_notice_outbox_kind"),
        Index("ix_notice_outbox_pending", "sent_at", "failed_at", "appointment_id"),
    )

    id = Column(Integer, primary_key=True)  # the change id: the order in which changes are sent
    appointment_id = Column(ForeignKey("appointments.id"), nullable=False, index=True)
    kind = Column(String(8), nullable=False)  # create: POST; update: conditional PUT on the identifier
    payload = Column(Text, nullable=False)  # the FrAppointmentSAS as JSON, as it was at the change: no patient data
    attempts = Column(Integer, nullable=False, default=0)
    next_attempt_at = Column(UTCDateTime)  # None: at once; also holds a claimed change while it is being sent
    last_error = Column(String(200))  # an HTTP status or a network failure: never the answer's text
    created_at = Column(UTCDateTime, nullable=False)
    sent_at = Column(UTCDateTime)  # SAS answered 2xx
    failed_at = Column(UTCDateTime)  # SAS refused it (4xx): never sent again


class ReceivedNotice(Base):
    """An FrAppointmentSAS notice received at /fhir/Appointment, as SAS receives them: no patient data."""

    __tablename__ = "received_notices"
    __table_args__ = (
        CheckConstraint(_in("status", APPOINTMENT_STATUSES), name="ck_received_notices_status"),
        UniqueConstraint("identifier_system", "identifier_value", name="uq_received_notices_identifier"),
    )

    id = Column(Integer, primary_key=True)
    identifier_system = Column(String(200), nullable=False)
    identifier_value = Column(String(200), nullable=False)
    status = Column(String(10), nullable=False)
    start = Column("start_at", UTCDateTime, nullable=False)
    end = Column("end_at", UTCDateTime, nullable=False)
    rpps = Column(String(11), nullable=False, index=True)
    operator_type = Column(String(8), nullable=False)  # IDNPS (national id) or INTRN (SAS technical id)
    operator = Column(String(200), nullable=False)
    resource = Column(Text, nullable=False)  # the notice as received (JSON)
    version = Column(Integer, nullable=False, default=1)
    received_at = Column(UTCDateTime, nullable=False)
    updated_at = Column(UTCDateTime, nullable=False)


class ExternalBooking(Base):
    """A slot of a `link` source the regulator booked on that agenda's own page: recorded with no patient data and
    no reference of ours (the agenda software holds the booking)."""

    __tablename__ = "external_bookings"

    id = Column(Integer, primary_key=True)
    idempotency_key = Column(String(100), nullable=False, unique=True)
    source = Column(String(100), nullable=False)
    slot_id = Column(String(200), nullable=False)  # the slot's id at that source
    rpps = Column(String(11), nullable=False)
    start = Column("start_at", UTCDateTime, nullable=False)
    booking_page = Column(String(2000))
    regulator = Column(String(100))
    created_at = Column(UTCDateTime, nullable=False)


class Attachment(Base):
    """A file sent with a booking; the bytes live on disk under the attachments directory."""

    __tablename__ = "attachments"

    id = Column(String(32), primary_key=True)  # random hex, also the file name on disk
    filename = Column(String(255), nullable=False)
    content_type = Column(String(50), nullable=False)
    size = Column(Integer, nullable=False)
    sha256 = Column(String(64), nullable=False)
    appointment_id = Column(ForeignKey("appointments.id"), index=True)
    uploaded_by = Column(String(64))  # the regulator's login: only they may send it with a booking
    created_at = Column(UTCDateTime, nullable=False)

    appointment = relationship("Appointment", back_populates="attachments")


class Account(Base):
    """A regulator who may sign in: with a password (Argon2 hash), through the OIDC provider, or both.

    Accounts are disabled, never deleted: appointments and the audit trail name them by login."""

    __tablename__ = "accounts"
    __table_args__ = (CheckConstraint(_in("role", ROLES), name="ck_accounts_role"),)

    id = Column(Integer, primary_key=True)
    login = Column(String(64), nullable=False, unique=True)
    name = Column(String(200))
    role = Column(String(16), nullable=False, default="regulator")
    password_hash = Column(String(200))  # None: signs in through the OIDC provider only
    oidc_subject = Column(String(255), unique=True)  # the provider's `sub` for this person
    disabled = Column(Boolean, nullable=False, default=False)
    failed_attempts = Column(Integer, nullable=False, default=0)  # consecutive, reset by a sign-in
    last_failure_at = Column(UTCDateTime)
    locked_until = Column(UTCDateTime)
    created_at = Column(UTCDateTime, nullable=False)
    last_sign_in_at = Column(UTCDateTime)


class WebSession(Base):
    """The side panel's session: the cookie holds a random id, the database only its SHA-256."""

    __tablename__ = "web_sessions"

    id_hash = Column(String(64), primary_key=True)
    account_id = Column(ForeignKey("accounts.id", ondelete="CASCADE"), nullable=False, index=True)
    csrf_token = Column(String(64), nullable=False)  # sent back in X-CSRF-Token by requests that change things
    created_at = Column(UTCDateTime, nullable=False)
    expires_at = Column(UTCDateTime, nullable=False, index=True)

    account = relationship("Account")


class AuditEvent(Base):
    """Who did what, when, on which appointment, from which conversation: never a patient's field."""

    __tablename__ = "audit_events"
    __table_args__ = (Index("ix_audit_events_at", "at"),)

    id = Column(Integer, primary_key=True)
    at = Column(UTCDateTime, nullable=False)
    actor = Column(String(64), nullable=False)  # a login, or "service" for the action server acting alone
    action = Column(String(32), nullable=False)  # bot.agenda.audit.ACTIONS
    appointment_id = Column(Integer)  # no foreign key: the trail outlives what it names
    conversation = Column(String(200))
    detail = Column(String(200))  # ids, counts, the way in (token, session, service): nothing about patients
