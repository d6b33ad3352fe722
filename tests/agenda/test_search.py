"""Search: eligibility, order (SAS first, then earliest, then nearest), radius widening, window widening."""
from datetime import timedelta

import pytest

from bot.agenda.geo import Place as Location
from bot.agenda.geo import RadiusRule
from bot.agenda.search import SearchQuery, search
from tests.agenda.factories import ADULT_FIRST, GENERAL_PRACTICE, LYON_3, NOW, SNP, SNP_MOTIF, AgendaBuilder

RULE = RadiusRule(default_km=5, step_km=3, cap_km=20)
HERE = Location(label="Lyon 3e", precision="commune", **LYON_3)


def run(session_factory, rule=RULE, **options):
    query = SearchQuery(HERE, options.pop("start", NOW), options.pop("end", NOW + timedelta(hours=48)), **options)
    with session_factory() as session:
        return search(session, query, rule)


def ids(result):
    return [found.slot.id for found in result.slots]


def test_only_eligible_slots_are_offered(agenda_db, make_practitioner, make_slot):
    doc = make_practitioner(motifs=GENERAL_PRACTICE + (SNP_MOTIF,))
    open_slot = make_slot(doc, hours=1, motifs=[ADULT_FIRST])
    snp_closed = make_slot(doc, hours=2, new_patients=False, bookable_online=False, motifs=[ADULT_FIRST, SNP])
    make_slot(doc, hours=3, new_patients=False, motifs=[ADULT_FIRST])
    make_slot(doc, hours=4, bookable_online=False, motifs=[ADULT_FIRST])
    make_slot(doc, hours=5, motifs=[ADULT_FIRST], status="booked")
    result = run(agenda_db.session_factory, limit=10)
    assert ids(result) == [open_slot, snp_closed]
    assert result.total == 2


def test_sas_participants_first_then_earliest_then_nearest(agenda_db, make_practitioner, make_slot):
    near = make_practitioner(nom="Proche", north_km=1)
    far = make_practitioner(nom="Loin", north_km=4)
    sas_far = make_practitioner(nom="Sas", sas=True, north_km=4.5)
    late_sas = make_slot(sas_far, hours=30)
    early_far = make_slot(far, hours=1)
    tie_far = make_slot(far, hours=2)
    tie_near = make_slot(near, hours=2)
    result = run(agenda_db.session_factory, limit=10)
    assert ids(result) == [late_sas, early_far, tie_near, tie_far]
    assert [round(found.distance_km) for found in result.slots] == [4, 4, 1, 4]


def test_ties_at_the_page_boundary_are_settled_by_distance(agenda_db, make_practitioner, make_slot):
    docs = [make_practitioner(nom=f"Dr{km}", north_km=km) for km in (4, 3, 2, 1)]
    slots = {km: make_slot(doc, hours=2) for km, doc in zip((4, 3, 2, 1), docs, strict=True)}
    assert ids(run(agenda_db.session_factory, limit=2)) == [slots[1], slots[2]]
    assert ids(run(agenda_db.session_factory, limit=2, offset=2)) == [slots[3], slots[4]]


def test_pages_follow_the_full_order_without_overlap(agenda_db, make_practitioner, make_slot):
    for km in (1, 2, 3):
        doc = make_practitioner(north_km=km, sas=km == 2)
        for hours in (1, 2, 3, 4):
            make_slot(doc, hours=hours)
    everything = ids(run(agenda_db.session_factory, limit=12))
    pages = [ids(run(agenda_db.session_factory, limit=5, offset=offset)) for offset in (0, 5, 10)]
    assert sum(pages, []) == everything
    assert len(everything) == 12


def test_default_radius_when_enough_slots(agenda_db, make_practitioner, make_slot):
    doc = make_practitioner(north_km=2)
    for hours in range(1, 6):
        make_slot(doc, hours=hours)
    result = run(agenda_db.session_factory)
    assert (result.radius_km, result.widened, len(result.slots)) == (5, False, 5)


def test_radius_widens_step_by_step_until_enough(agenda_db, make_practitioner, make_slot):
    make_slot(make_practitioner(north_km=2), hours=1)
    seven_km = make_slot(make_practitioner(north_km=7), hours=1)
    result = run(agenda_db.session_factory, limit=2)
    assert (result.radius_km, result.widened, result.total) == (8, True, 2)
    assert seven_km in ids(result)


def test_radius_stops_at_the_cap(agenda_db, make_practitioner, make_slot):
    make_slot(make_practitioner(north_km=2), hours=1)
    make_slot(make_practitioner(north_km=19), hours=1)
    make_slot(make_practitioner(north_km=25), hours=1)
    result = run(agenda_db.session_factory, limit=5)
    assert (result.radius_km, result.widened, result.total) == (20, True, 2)


def test_window_widens_to_seven_days_when_nothing_at_the_widest_radius(agenda_db, make_practitioner, make_slot):
    doc = make_practitioner(north_km=1)
    in_four_days = make_slot(doc, hours=96)
    make_slot(doc, hours=24 * 8)
    result = run(agenda_db.session_factory)
    assert result.window_widened is True
    assert result.end == NOW + timedelta(days=7)
    assert ids(result) == [in_four_days]


def test_window_is_kept_when_something_is_found(agenda_db, make_practitioner, make_slot):
    doc = make_practitioner(north_km=1)
    make_slot(doc, hours=1)
    make_slot(doc, hours=96)
    result = run(agenda_db.session_factory)
    assert (result.window_widened, result.end, result.total) == (False, NOW + timedelta(hours=48), 1)


@pytest.mark.parametrize("mode", ["cabinet", "video"])
def test_mode_filter(agenda_db, make_practitioner, make_slot, mode):
    doc = make_practitioner()
    by_mode = {m: make_slot(doc, hours=1, mode=m) for m in ("cabinet", "video")}
    assert ids(run(agenda_db.session_factory, mode=mode)) == [by_mode[mode]]


def test_specialty_filter(agenda_db, make_practitioner, make_slot):
    general = make_slot(make_practitioner(), hours=1)
    paediatric = make_slot(make_practitioner(specialty="SM40"), hours=1)
    assert ids(run(agenda_db.session_factory)) == [general]
    assert ids(run(agenda_db.session_factory, specialty="SM40")) == [paediatric]


def test_nothing_anywhere(agenda_db):
    result = run(agenda_db.session_factory)
    assert (result.total, result.slots, result.radius_km, result.window_widened) == (0, [], 20, True)


@pytest.mark.postgres
def test_the_same_search_on_postgres(postgres_db):
    builder = AgendaBuilder(postgres_db.session_factory, postgres_db.now)
    near, far = builder.practitioner(north_km=1), builder.practitioner(north_km=7, sas=True)
    ineligible = builder.slot(near, hours=1, new_patients=False)
    tie_near, tie_far = builder.slot(near, hours=2), builder.slot(far, hours=2)
    later_near = builder.slot(near, hours=3)
    result = run(postgres_db.session_factory, limit=3)
    assert ineligible not in ids(result)
    assert (result.radius_km, result.widened, result.total) == (8, True, 3)
    assert ids(result) == [tie_far, tie_near, later_near]
