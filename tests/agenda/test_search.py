"""Search: eligibility, one offer per practitioner in order (médecin traitant, SAS participants, others; then
earliest, then nearest), pages of practitioners, radius widening, window widening."""
from datetime import timedelta

import pytest

from bot.agenda.geo import Place as Location
from bot.agenda.geo import RadiusRule
from bot.agenda.search import NATIONWIDE_KM, SearchQuery, search
from tests.agenda.factories import ADULT_FIRST, GENERAL_PRACTICE, LYON_3, NOW, SNP, SNP_MOTIF, AgendaBuilder

RULE = RadiusRule(default_km=5, step_km=3, cap_km=20)
HERE = Location(label="Lyon 3e", precision="commune", **LYON_3)


def run(session_factory, rule=RULE, **options):
    query = SearchQuery(HERE, options.pop("start", NOW), options.pop("end", NOW + timedelta(hours=48)), **options)
    with session_factory() as session:
        return search(session, query, rule)


def ids(result):
    """The slots offered, practitioner after practitioner."""
    return [found.slot.id for offer in result.offers for found in offer.slots]


def firsts(result):
    """The first slot of each practitioner offered."""
    return [offer.slots[0].slot.id for offer in result.offers]


def test_only_eligible_slots_are_offered(agenda_db, make_practitioner, make_slot):
    doc = make_practitioner(motifs=GENERAL_PRACTICE + (SNP_MOTIF,))
    open_slot = make_slot(doc, hours=1, motifs=[ADULT_FIRST])
    snp_closed = make_slot(doc, hours=2, new_patients=False, bookable_online=False, motifs=[ADULT_FIRST, SNP])
    make_slot(doc, hours=3, new_patients=False, motifs=[ADULT_FIRST])
    make_slot(doc, hours=4, bookable_online=False, motifs=[ADULT_FIRST])
    make_slot(doc, hours=5, motifs=[ADULT_FIRST], status="booked")
    result = run(agenda_db.session_factory, limit=10)
    assert ids(result) == [open_slot, snp_closed]
    assert result.total == 1  # practitioners


def test_sas_participants_first_then_earliest_then_nearest(agenda_db, make_practitioner, make_slot):
    near = make_practitioner(nom="Proche", north_km=1)
    far = make_practitioner(nom="Loin", north_km=4)
    other_far = make_practitioner(nom="Autre", north_km=4.2)
    sas_far = make_practitioner(nom="Sas", sas=True, north_km=4.5)
    late_sas = make_slot(sas_far, hours=30)
    early_far = make_slot(far, hours=1)
    tie_far = make_slot(other_far, hours=2)
    tie_near = make_slot(near, hours=2)
    result = run(agenda_db.session_factory, limit=10)
    assert firsts(result) == [late_sas, early_far, tie_near, tie_far]
    assert [round(offer.distance_km) for offer in result.offers] == [4, 4, 1, 4]
    assert [offer.practitioner.nom for offer in result.offers] == ["Sas", "Loin", "Proche", "Autre"]


def test_one_offer_per_practitioner_with_their_next_slots_up_to_the_cap(agenda_db, make_practitioner, make_slot):
    busy = make_practitioner(nom="Occupe", north_km=1)
    other = make_practitioner(nom="Autre", north_km=2)
    busy_slots = [make_slot(busy, hours=hours) for hours in (5, 1, 3, 2, 4)]
    other_slot = make_slot(other, hours=1.5)
    result = run(agenda_db.session_factory, per_practitioner=3)
    assert [offer.practitioner.nom for offer in result.offers] == ["Occupe", "Autre"]
    assert [found.slot.id for found in result.offers[0].slots] == [busy_slots[1], busy_slots[3], busy_slots[2]]
    assert [found.slot.id for found in result.offers[1].slots] == [other_slot]
    assert result.total == 2


def test_ties_at_the_page_boundary_are_settled_by_distance(agenda_db, make_practitioner, make_slot):
    docs = [make_practitioner(nom=f"Dr{km}", north_km=km) for km in (4, 3, 2, 1)]
    slots = {km: make_slot(doc, hours=2) for km, doc in zip((4, 3, 2, 1), docs, strict=True)}
    assert ids(run(agenda_db.session_factory, limit=2)) == [slots[1], slots[2]]
    assert ids(run(agenda_db.session_factory, limit=2, offset=2)) == [slots[3], slots[4]]


def test_pages_of_practitioners_follow_the_full_order_without_overlap(agenda_db, make_practitioner, make_slot):
    for km in (1, 2, 3, 4, 5):
        doc = make_practitioner(nom=f"Dr{km}", north_km=km * 0.9, sas=km == 3)
        for hours in (km, km + 10, km + 20):
            make_slot(doc, hours=hours)
    whole = run(agenda_db.session_factory, limit=10)
    pages = [run(agenda_db.session_factory, limit=2, offset=offset) for offset in (0, 2, 4)]
    named = [[offer.practitioner.nom for offer in page.offers] for page in pages]
    assert sum(named, []) == [offer.practitioner.nom for offer in whole.offers] == ["Dr3", "Dr1", "Dr2", "Dr4", "Dr5"]
    assert named == [["Dr3", "Dr1"], ["Dr2", "Dr4"], ["Dr5"]]  # nobody on two pages
    assert {page.total for page in pages} == {5}
    assert sum(map(ids, pages), []) == ids(whole)


def test_default_radius_when_enough_practitioners(agenda_db, make_practitioner, make_slot):
    for km in range(1, 6):
        make_slot(make_practitioner(north_km=km * 0.8), hours=1)
    make_slot(make_practitioner(north_km=7), hours=1)
    result = run(agenda_db.session_factory)
    assert (result.radius_km, result.widened, len(result.offers), result.total) == (5, False, 5, 5)


def test_many_slots_of_one_practitioner_do_not_stop_the_widening(agenda_db, make_practitioner, make_slot):
    doc = make_practitioner(north_km=2)
    for hours in range(1, 6):
        make_slot(doc, hours=hours)
    make_slot(make_practitioner(north_km=7), hours=1)
    result = run(agenda_db.session_factory, limit=2)
    assert (result.radius_km, result.widened, result.total) == (8, True, 2)


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


def test_in_video_the_whole_country_comes_after_the_cap(agenda_db, make_practitioner, make_slot):
    """The patient travels nowhere: a video slot 300 km away beats no slot; at the practice the cap holds."""
    far = make_practitioner(north_km=300)
    video = make_slot(far, hours=1, mode="video")
    make_slot(far, hours=1, mode="cabinet")
    result = run(agenda_db.session_factory, mode="video")
    assert (ids(result), result.radius_km, result.window_widened) == ([video], NATIONWIDE_KM, False)
    assert run(agenda_db.session_factory, mode="cabinet").total == 0



def test_in_video_the_cap_is_kept_when_a_slot_is_found_within_it(agenda_db, make_practitioner, make_slot):
    near = make_slot(make_practitioner(north_km=2), hours=1, mode="video")
    make_slot(make_practitioner(north_km=300), hours=1, mode="video")
    result = run(agenda_db.session_factory, mode="video")
    assert (ids(result), result.radius_km) == ([near], 20)


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
    assert (result.total, result.offers, result.radius_km, result.window_widened) == (0, [], 20, True)


@pytest.mark.postgres
def test_the_same_search_on_postgres(postgres_db):
    builder = AgendaBuilder(postgres_db.session_factory, postgres_db.now)
    near, far = builder.practitioner(north_km=1), builder.practitioner(north_km=7, sas=True)
    ineligible = builder.slot(near, hours=1, new_patients=False)
    tie_near, tie_far = builder.slot(near, hours=2), builder.slot(far, hours=2)
    later_near = builder.slot(near, hours=3)
    result = run(postgres_db.session_factory, limit=2)
    assert ineligible not in ids(result)
    assert (result.radius_km, result.widened, result.total) == (8, True, 2)
    assert ids(result) == [tie_far, tie_near, later_near]


def test_a_radius_asked_past_the_cap_goes_on_step_by_step(agenda_db, make_practitioner, make_slot):
    make_slot(make_practitioner(north_km=25), hours=1)
    assert run(agenda_db.session_factory).total == 0
    result = run(agenda_db.session_factory, rule=RULE.widened_to(40), limit=1)
    assert (result.radius_km, result.total) == (26, 1)  # 20 then 23, 26: the first step that holds it
    assert RULE.widened_to(10) == RULE  # a narrower radius does not shrink the département's rule
