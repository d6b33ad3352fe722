"""Demo data: reproducible, realistic, and consistent with the rules."""
import shutil

import pytest
from sqlalchemy import func, select, text

from bot.agenda.db import make_engine
from bot.agenda.models import Motif, Place, Practitioner, Slot
from bot.agenda.seed import SNP, is_empty, rpps_number, seed
from tests.agenda.factories import NOW


def snapshot(engine):
    with engine.connect() as connection:
        return connection.execute(text(
            "SELECT p.rpps, p.nom, pl.commune, pl.lat, COUNT(s.id), SUM(s.status = 'booked') FROM practitioners p "
            "JOIN places pl ON pl.practitioner_id = p.id JOIN slots s ON s.practitioner_id = p.id "
            "GROUP BY p.id ORDER BY p.id"
        )).all()


def test_seed_is_reproducible(agenda_db, tmp_path, _migrated_sqlite):
    other_path = tmp_path / "other.db"
    shutil.copy(_migrated_sqlite, other_path)
    other = make_engine(f"sqlite:///{other_path}")
    assert is_empty(agenda_db.engine)
    first = seed(agenda_db.engine, NOW, practitioners=40)
    second = seed(other, NOW, practitioners=40)
    assert first == second
    assert snapshot(agenda_db.engine) == snapshot(other)
    assert not is_empty(agenda_db.engine)
    other.dispose()


def test_seeded_agenda_is_consistent(agenda_db):
    summary = seed(agenda_db.engine, NOW, practitioners=60)
    with agenda_db.session_factory() as session:
        count = lambda model: session.execute(select(func.count()).select_from(model)).scalar()  # noqa: E731
        assert (count(Practitioner), count(Place)) == (60, 60)
        assert count(Slot) == summary.slots > 60 * 20
        assert 0 < summary.booked < summary.slots
        snp_practitioners = session.execute(
            select(func.count(func.distinct(Motif.practitioner_id))).where(Motif.label == SNP)
        ).scalar()
        assert 5 <= snp_practitioners <= 35  # about a third
        # the stored flag agrees with the motifs offered on every slot
        disagreeing = session.execute(text(
            "SELECT COUNT(*) FROM slots s WHERE s.snp != EXISTS (SELECT 1 FROM slot_motifs sm "
            "JOIN motifs m ON m.id = sm.motif_id WHERE sm.slot_id = s.id AND m.snp)"
        )).scalar()
        assert disagreeing == 0
        # every slot offers at least one motif allowed in its mode, all slots are in the future
        assert session.execute(text(
            "SELECT COUNT(*) FROM slots s WHERE NOT EXISTS (SELECT 1 FROM slot_motifs sm WHERE sm.slot_id = s.id)"
        )).scalar() == 0
        assert session.execute(select(func.min(Slot.start))).scalar() > NOW


def test_some_practitioners_ask_for_more_some_accept_extra_patients_and_motifs_follow_up(agenda_db):
    seed(agenda_db.engine, NOW, practitioners=400)
    with agenda_db.session_factory() as session:
        practitioners = list(session.execute(select(Practitioner)).scalars())
        motifs = list(session.execute(select(Motif)).scalars())
    requiring = [p for p in practitioners if p.required_fields]
    assert 0.10 <= len(requiring) / len(practitioners) <= 0.20  # about 15 %
    assert {len(p.required_fields) for p in requiring} == {1, 2}
    sas = [p for p in practitioners if p.sas_participant]
    # demo choice: the first offers (SAS participants) book with the default funnel
    assert not any(p.required_fields for p in sas)
    sas_ids = {p.id for p in sas}
    assert not any(m.required_fields for m in motifs if m.practitioner_id in sas_ids)
    assert 0.04 <= sum(p.surnumeraire for p in sas) / len(sas) <= 0.16  # about 10 %
    assert not any(p.surnumeraire and not p.sas_participant for p in practitioners)
    assert any(m.required_fields for m in motifs) and not any(m.required_fields for m in motifs if m.snp)
    follow_ups = [m for m in motifs if m.follow_up]
    assert follow_ups and all(not m.new_patients and "suivi" in m.label.lower() for m in follow_ups)


def test_rpps_numbers_have_eleven_digits_and_a_luhn_key():
    number = rpps_number(123)
    assert len(number) == 11 and number.isdigit()
    digits = [int(d) for d in number]
    total = sum(d if i % 2 == 0 else (d * 2 - 9 if d * 2 > 9 else d * 2) for i, d in enumerate(reversed(digits)))
    assert total % 10 == 0


def test_an_rpps_offset_seeds_other_practitioners_in_the_same_communes(agenda_db, tmp_path, _migrated_sqlite):
    other_path = tmp_path / "other.db"
    shutil.copy(_migrated_sqlite, other_path)
    other = make_engine(f"sqlite:///{other_path}")
    seed(agenda_db.engine, NOW, practitioners=40)
    seed(other, NOW, practitioners=40, rpps_offset=100_000)
    first, second = snapshot(agenda_db.engine), snapshot(other)
    other.dispose()
    assert not {row.rpps for row in first} & {row.rpps for row in second}
    assert [row.nom for row in first] != [row.nom for row in second]
    assert [row.commune for row in first] == [row.commune for row in second]


def test_an_rpps_offset_beyond_the_numbers_is_refused(agenda_db):
    with pytest.raises(ValueError):
        seed(agenda_db.engine, NOW, practitioners=40, rpps_offset=10**8)
