import pytest

from actions.search import ActionContinueReferral, ActionSearchSlots, of_place, place_near_the_phone
from bot.agenda.contract import SearchResult
from bot.agenda.specialties import UnknownSpecialty, resolve
from bot.sources.federated import SourcesUnavailable, UnknownLocation
from tests.actions.conftest import (
    DOMAIN,
    NOW,
    PATIENT,
    agenda_card,
    agenda_offer,
    make_tracker,
    responses,
    search_answer,
    slot_events,
)

NEED = {**PATIENT, "localisation": "Lyon 3e"}
ROUX = {"nom": "Roux", "prenom": "Isabelle", "commune": "Rennes"}


def search_action(agenda, searched, cls=ActionSearchSlots):
    action = cls()
    action.clock = lambda: NOW
    action.agenda = agenda.client
    action.search = lambda: searched
    return action


def entity(name: str, value) -> dict:
    return {"entity": name, "value": value}


async def test_offers_practitioners_with_their_times_as_buttons_and_one_card_each(agenda, dispatcher, searched):
    offers = [agenda_offer("Thomas", 9, 10, 14), agenda_offer("Nguyen", 11, sas=False)]
    searched.answer = search_answer(offers, total=7)
    events = await search_action(agenda, searched).run(dispatcher, make_tracker(NEED, intent="rechercher"), DOMAIN)
    message = dispatcher.messages[-1]
    assert message["response"] == "utter_creneaux"
    # where the agenda searched, as it understood the place
    assert message["de_lieu"] == "de Lyon 3e Arrondissement (69003)"
    # one line a practitioner, ranked, with their times grouped by day
    assert message["offres"].splitlines() == [
        "1. Dr Claire Thomas — Médecine générale — 3 rue Paul Bert, 69003 Lyon (1,2 km) · SAS · Soins non programmés"
        " — mer. 25 nov. : 09:30 · 10:30 · 14:30",
        "2. Dr Claire Nguyen — Médecine générale — 3 rue Paul Bert, 69003 Lyon (1,2 km) · Soins non programmés"
        " — mer. 25 nov. : 11:30",
    ]
    # a button a time, titled with its practitioner's rank, the payload unchanged; then the next page
    assert [b["title"] for b in message["buttons"]][:2] == ["1. Dr Claire Thomas — mer. 25 nov. à 09:30",
                                                            "1. Dr Claire Thomas — mer. 25 nov. à 10:30"]
    assert message["buttons"][3] == {"title": "2. Dr Claire Nguyen — mer. 25 nov. à 11:30",
                                     "payload": '/choisir_creneau{"creneau_id":"n11"}'}
    assert message["buttons"][-1] == {"title": "Autres praticiens", "payload": "/autres_creneaux"}
    panel = message["custom"]
    assert panel["kind"] == "praticiens" and [p["rang"] for p in panel["praticiens"]] == [1, 2]
    first = panel["praticiens"][0]
    assert first["sas"] and not panel["praticiens"][1]["sas"] and first["distance_km"] == 1.2
    assert [c["heure"] for c in first["creneaux"]] == ["09:30", "10:30", "14:30"] and panel["medecin_traitant"] is None
    state = slot_events(events)
    assert state["etape"] == "choix" and [c["id"] for c in state["creneaux_proposes"]] == ["t9", "t10", "t14", "n11"]
    assert [c["rang"] for c in state["creneaux_proposes"]] == [1, 1, 1, 2]
    params = searched.calls[0]
    assert params["location"] == "Lyon 3e" and params["mode"] == "cabinet" and params["offset"] == 0
    assert params["limit"] == 5 and params["per_practitioner"] == 4 and params["medecin_traitant"] is None
    assert params["start"] == NOW and params["end"].isoformat().startswith("2026-11-27T10:00")


async def test_a_search_asked_before_the_details_are_complete_asks_for_them(agenda, dispatcher, searched):
    details = {k: v for k, v in NEED.items() if k != "localisation"}
    events = await search_action(agenda, searched).run(dispatcher, make_tracker(details, intent="rechercher"), DOMAIN)
    assert agenda.requests == [] and [e["name"] for e in events if e["event"] == "followup"] == ["referral_form"]


async def test_other_practitioners_asks_for_the_next_page_ranked_after_the_first(agenda, dispatcher, searched):
    searched.answer = search_answer([agenda_offer("Roux", 15)], total=7)
    tracker = make_tracker({**NEED, "recherche_offset": 5.0}, intent="autres_creneaux")
    events = await search_action(agenda, searched).run(dispatcher, tracker, DOMAIN)
    assert searched.calls[0]["offset"] == 10
    assert dispatcher.messages[-1]["buttons"][0]["title"].startswith("11. Dr Claire Roux")
    assert slot_events(events)["creneaux_proposes"][0]["rang"] == 11


async def test_the_medecin_traitant_is_sent_and_said_to_come_first(agenda, dispatcher, searched):
    doctor = {"asked": "Dr Isabelle Roux, Rennes", "found": True, "name": "Dr Isabelle Roux", "has_slots": True}
    offers = [agenda_offer("Roux", 16, medecin_traitant=True), agenda_offer("Thomas", 9)]
    searched.answer = search_answer(offers, medecin_traitant=doctor)
    events = await search_action(agenda, searched).run(dispatcher, make_tracker({**NEED, "medecin_traitant": ROUX}), DOMAIN)
    assert searched.calls[0]["medecin_traitant"] == "Dr Isabelle Roux, Rennes"
    assert responses(dispatcher) == ["utter_medecin_traitant_en_premier", "utter_creneaux"]
    assert dispatcher.messages[0]["medecin"] == "Dr Isabelle Roux"
    assert "· Médecin traitant ·" in dispatcher.messages[1]["offres"].splitlines()[0]
    assert dispatcher.messages[1]["custom"]["medecin_traitant"] == doctor
    assert slot_events(events)["creneaux_proposes"][0]["medecin_traitant"] is True


async def test_a_medecin_traitant_without_slots_in_the_window_is_said_in_one_line(agenda, dispatcher, searched):
    doctor = {"asked": "Dr Roux", "found": True, "name": "Dr Isabelle Roux", "has_slots": False}
    searched.answer = search_answer([agenda_offer("Thomas", 9)], medecin_traitant=doctor)
    await search_action(agenda, searched).run(dispatcher, make_tracker({**NEED, "medecin_traitant": {"nom": "Roux"}}), DOMAIN)
    assert searched.calls[0]["medecin_traitant"] == "Dr Roux"
    assert responses(dispatcher) == ["utter_medecin_traitant_sans_creneau", "utter_creneaux"]


async def test_urgency_narrows_the_window(agenda, dispatcher, searched):
    searched.answer = search_answer([])
    await search_action(agenda, searched).run(dispatcher, make_tracker({**NEED, "urgence": 4}), DOMAIN)
    assert searched.calls[0]["end"].isoformat().startswith("2026-11-25T14:00")


async def test_nothing_even_widened_offers_the_ways_out_in_order(agenda, dispatcher, searched):
    searched.answer = search_answer([], radius_km=30, widened=True, window_widened=True)
    events = await search_action(agenda, searched).run(dispatcher, make_tracker(NEED), DOMAIN)
    assert responses(dispatcher) == ["utter_rayon_elargi", "utter_fenetre_elargie", "utter_aucun_creneau"]
    assert dispatcher.messages[0]["rayon"] == "30"
    assert dispatcher.messages[-1]["buttons"] == [
        {"title": "En vidéo", "payload": '/inform{"type_consultation": "video"}'},
        {"title": "Élargir le délai (d'ici 14 jours)", "payload": '/elargir_delai{"urgence": 336}'},
        {"title": "Élargir le rayon à 60 km", "payload": '/elargir_rayon{"rayon_km": 60}'},
        {"title": "Orienter en surnuméraire", "payload": "/orienter_surnumeraire"},
    ]
    assert dispatcher.messages[-1]["pistes"] == ("chercher en vidéo, élargir le délai, élargir le rayon ou orienter le "
                                                 "patient en surnuméraire")
    assert slot_events(events)["creneaux_proposes"] == []


async def test_in_video_already_the_ways_out_do_not_offer_it_again(agenda, dispatcher, searched):
    searched.answer = search_answer([], radius_km=10)
    await search_action(agenda, searched).run(dispatcher, make_tracker({**NEED, "type_consultation": "video"}), DOMAIN)
    assert [b["title"] for b in dispatcher.messages[-1]["buttons"]] == [
        "Élargir le délai (d'ici 7 jours)", "Élargir le rayon à 20 km", "Orienter en surnuméraire"]
    assert "vidéo" not in dispatcher.messages[-1]["pistes"]  # the sentence says what the buttons offer


@pytest.mark.parametrize("radius, offered", [(133, "Élargir le rayon à 200 km"), (200, None)])
async def test_the_wider_radius_offered_stops_at_the_agenda_s_limit(agenda, dispatcher, searched, radius, offered):
    searched.answer = search_answer([], radius_km=radius)
    await search_action(agenda, searched).run(dispatcher, make_tracker(NEED), DOMAIN)
    widen = [b["title"] for b in dispatcher.messages[-1]["buttons"] if b["title"].startswith("Élargir le rayon")]
    assert widen == ([offered] if offered else [])


async def test_a_longer_delay_searches_from_now_whatever_time_was_wished(agenda, dispatcher, searched):
    searched.answer = search_answer([agenda_offer("Thomas", 9)])
    wished = {"start": "2026-11-26T08:00:00+01:00", "end": "2026-11-26T12:00:00+01:00", "text": "demain matin"}
    tracker = make_tracker({**NEED, "creneau": wished}, intent="elargir_delai", entities=[entity("urgence", 168)])
    events = await search_action(agenda, searched).run(dispatcher, tracker, DOMAIN)
    params = searched.calls[0]
    assert params["start"] == NOW and params["end"].isoformat().startswith("2026-12-02T10:00")
    assert slot_events(events)["urgence"] == 168 and slot_events(events)["creneau"] is None


async def test_a_wider_radius_is_sent_and_kept_with_the_criteria(agenda, dispatcher, searched):
    searched.answer = search_answer([agenda_offer("Thomas", 9)], radius_km=60, widened=True)
    tracker = make_tracker({**NEED, "rayon_km": 60.0}, intent="elargir_rayon")
    events = await search_action(agenda, searched).run(dispatcher, tracker, DOMAIN)
    assert searched.calls[0]["radius_km"] == 60.0
    assert dispatcher.messages[0]["rayon"] == "60"  # what the agenda answers it searched
    assert slot_events(events)["criteres_recherche"]["rayon_km"] == 60.0


async def test_unknown_place_asks_again_with_suggestions(agenda, dispatcher, searched):
    searched.answer = UnknownLocation("Lieu inconnu : « Lyonn ».", ["Lyon", "Lyons-la-Forêt"])
    events = await search_action(agenda, searched).run(dispatcher, make_tracker(NEED), DOMAIN)
    assert responses(dispatcher) == ["utter_lieu_inconnu"] and dispatcher.messages[0]["detail"].startswith("Lieu inconnu")
    assert [b["title"] for b in dispatcher.messages[0]["buttons"]] == ["Lyon", "Lyons-la-Forêt"]
    assert slot_events(events) == {"localisation": None}


async def test_every_source_down_keeps_everything_and_offers_a_retry(agenda, dispatcher, searched):
    searched.answer = SourcesUnavailable(["Agenda Alpha", "Agenda Bêta"])
    events = await search_action(agenda, searched).run(dispatcher, make_tracker(NEED), DOMAIN)
    assert events == [] and responses(dispatcher) == ["utter_agenda_indisponible"]
    assert dispatcher.messages[0]["buttons"][0]["payload"] == "/rechercher"


async def test_an_unknown_specialty_is_said_as_the_search_s_refusal(agenda, dispatcher, searched):
    searched.answer = UnknownSpecialty("podologue")
    assert await search_action(agenda, searched).run(dispatcher, make_tracker(NEED), DOMAIN) == []
    assert responses(dispatcher) == ["utter_recherche_refusee"] and "podologue" in dispatcher.messages[0]["detail"]


@pytest.mark.parametrize("asked", ["urologie", "néphrologie", "pneumologie", "rhumatologie"])
def test_a_specialty_not_offered_is_named_with_those_that_are_never_taken_for_one_close(asked):
    with pytest.raises(UnknownSpecialty) as refused:
        resolve(asked)
    assert str(refused.value).startswith(f"spécialité non proposée : « {asked} ». Spécialités proposées : ")
    assert "pédiatrie" in str(refused.value) and "médecine générale" in str(refused.value)


@pytest.mark.parametrize("typed, code", [("dermatolgie", "SM15"), ("cardiologe", "SM04"), ("gynecolgie", "SM19")])
def test_a_specialty_typed_with_a_slip_is_still_found(typed, code):
    assert resolve(typed)[0] == code


@pytest.mark.parametrize(("unanswered", "response", "said"), [
    (["Agenda Bêta"], "utter_agenda_sans_reponse", "« Agenda Bêta »"),
    (["Agenda Bêta", "Gamma", "Delta"], "utter_agendas_sans_reponse", "« Agenda Bêta », « Gamma » et « Delta »"),
])
async def test_agendas_that_did_not_answer_are_said_in_one_line_before_the_offer(agenda, dispatcher, searched,
                                                                                   unanswered, response, said):
    searched.answer = {**search_answer([agenda_offer("Thomas", 9)]), "unanswered": unanswered}
    await search_action(agenda, searched).run(dispatcher, make_tracker(NEED), DOMAIN)
    assert responses(dispatcher) == [response, "utter_creneaux"] and dispatcher.messages[0]["agendas"] == said


async def test_everyone_answering_says_nothing_of_it(agenda, dispatcher, searched):
    searched.answer = search_answer([agenda_offer("Thomas", 9)])
    await search_action(agenda, searched).run(dispatcher, make_tracker(NEED), DOMAIN)
    assert responses(dispatcher) == ["utter_creneaux"]


def criteria(**changed) -> dict:
    return {"localisation": "Lyon 3e", "type_consultation": None, "creneau": None, "urgence": None, "specialite": None,
            "medecin_traitant": None, "rayon_km": None, **changed}


async def test_continue_shows_the_summary_again_after_a_correction(agenda, dispatcher, searched):
    tracker = make_tracker({**NEED, "creneau_choisi": agenda_card("s1", 9), "criteres_recherche": criteria(),
                            "motif": {"label": "SNP", "deja_consulte": False}})
    await search_action(agenda, searched, ActionContinueReferral).run(dispatcher, tracker, DOMAIN)
    assert responses(dispatcher) == ["utter_resume"] and agenda.requests == []


async def test_a_correction_after_a_link_slot_gives_its_patient_block_again(agenda, dispatcher, searched):
    link = {**agenda_card("autre:42", 9), "source": "autre", "booking": "link", "page": "https://rdv.exemple.fr/42"}
    tracker = make_tracker({**NEED, "telephone": "+33612345678", "creneau_choisi": link, "criteres_recherche": criteria(),
                            "etape": "lien"})
    await search_action(agenda, searched, ActionContinueReferral).run(dispatcher, tracker, DOMAIN)
    assert responses(dispatcher) == ["utter_reserver_sur_page"] and agenda.requests == [] and searched.calls == []
    assert "Téléphone : 06 12 34 56 78" in dispatcher.messages[0]["patient"]


async def test_continue_searches_again_when_the_criteria_changed(agenda, dispatcher, searched):
    searched.answer = search_answer([agenda_offer("Thomas", 16)])
    tracker = make_tracker({**NEED, "type_consultation": "video", "creneau_choisi": {"id": "s1"},
                            "criteres_recherche": criteria()})
    events = await search_action(agenda, searched, ActionContinueReferral).run(dispatcher, tracker, DOMAIN)
    assert searched.calls[0]["mode"] == "video"
    assert slot_events(events)["creneau_choisi"] is None


async def test_a_medecin_traitant_named_at_the_summary_searches_again_with_their_slots_first(agenda, dispatcher, searched):
    searched.answer = search_answer([agenda_offer("Roux", 16, medecin_traitant=True)])
    tracker = make_tracker({**NEED, "medecin_traitant": ROUX, "creneau_choisi": agenda_card("s1", 9),
                            "criteres_recherche": criteria()})
    await search_action(agenda, searched, ActionContinueReferral).run(dispatcher, tracker, DOMAIN)
    assert searched.calls[0]["medecin_traitant"] == "Dr Isabelle Roux, Rennes"


async def test_said_already_consulted_at_the_summary_chooses_the_motif_again(agenda, dispatcher, searched):
    agenda.routes["GET /api/slots/s1/motif"] = (200, {
        "motif": {"id": "m9", "label": "Consultation de suivi", "snp": False, "follow_up": True},
        "reason": "patient connu du praticien."})
    tracker = make_tracker({**NEED, "creneau_choisi": agenda_card("s1", 9), "criteres_recherche": criteria(),
                            "deja_consulte": True, "motif": {"id": "m1", "label": "SNP", "deja_consulte": False}})
    events = await search_action(agenda, searched, ActionContinueReferral).run(dispatcher, tracker, DOMAIN)
    assert agenda.requests[0].url.params["deja_consulte"] == "true"
    assert slot_events(events)["motif"]["id"] == "m9" and responses(dispatcher)[-1] == "utter_resume"


async def test_practitioners_requiring_a_field_the_regulator_cannot_give_are_not_offered(agenda, dispatcher, searched):
    """Left out: a practitioner requiring the field, one set aside (their motif required it), a slot whose motif
    « Soins non programmés » requires it; kept: a slot without that motif where another motif does not."""
    thomas, nguyen, roux, petit = (agenda_offer(nom, *hours) for nom, hours in
                                   (("Thomas", (9,)), ("Nguyen", (11, 14)), ("Roux", (15,)), ("Petit", (16,))))
    for rank, offer in enumerate((thomas, nguyen, roux, petit)):
        offer["practitioner"]["rpps"] = f"1000000000{rank}"
        for slot in offer["slots"]:
            slot["practitioner"] = offer["practitioner"]
    thomas["practitioner"]["required_fields"] = ["lieu_naissance"]
    roux["practitioner"]["required_fields"] = ["email"]
    nguyen["slots"][0]["motifs"][0]["required_fields"] = ["lieu_naissance"]
    nguyen["slots"][1].update(snp=False, motifs=[{"id": "m2", "label": "Consultation", "snp": False},
                                                 {"id": "m3", "label": "Bilan", "snp": False,
                                                  "required_fields": ["lieu_naissance"]}])
    searched.answer = search_answer([thomas, nguyen, roux, petit], total=4)
    tracker = make_tracker({**NEED, "champs_inconnus": ["lieu_naissance"], "praticiens_ecartes": ["10000000003"]},
                           intent="rechercher")
    events = await search_action(agenda, searched).run(dispatcher, tracker, DOMAIN)
    offered = slot_events(events)["creneaux_proposes"]
    assert [(c["nom"], c["id"], c["rang"]) for c in offered] == [("Nguyen", "n14", 1), ("Roux", "r15", 2)]
    assert "Autres praticiens" not in [b["title"] for b in dispatcher.messages[-1]["buttons"]]


async def test_no_slot_in_the_specialty_searches_the_one_given_as_a_fallback(agenda, dispatcher, searched):
    """"un psychiatre ou à défaut un MG": the psychiatrists have none, the general practitioners are searched and
    offered, and the specialty is now theirs."""
    answers = {"psychiatrie": search_answer([]), "médecine générale": search_answer([agenda_offer("Thomas", 9)])}

    async def by_specialty(**asked):
        searched.calls.append(asked)
        return SearchResult.parse_obj(answers[asked["specialty"]])

    searched.search = by_specialty
    tracker = make_tracker({**NEED, "specialite": "psychiatrie", "specialite_sinon": "médecine générale"})
    events = slot_events(await search_action(agenda, searched).run(dispatcher, tracker, DOMAIN))
    assert [call["specialty"] for call in searched.calls] == ["psychiatrie", "médecine générale"]
    assert responses(dispatcher) == ["utter_specialite_sinon", "utter_creneaux"]
    assert (events["specialite"], events["specialite_sinon"]) == ("médecine générale", None)
    assert events["criteres_recherche"]["specialite"] == "médecine générale"


async def test_nothing_at_the_wished_hours_searches_the_same_hours_the_next_days_first(agenda, dispatcher, searched):
    # NOW is Wednesday 25 November, 10:00: nothing "en fin de matinée" today nor Thursday, something Friday
    nothing = search_answer([agenda_offer("Thomas", 8)], window_widened=True)
    searched.answer = [nothing, nothing, search_answer([agenda_offer("Roux", 11)])]
    wished = {"start": "2026-11-25T11:00:00+01:00", "end": "2026-11-25T12:00:00+01:00", "text": "en fin de matinée"}
    await search_action(agenda, searched).run(dispatcher, make_tracker({**NEED, "creneau": wished}), DOMAIN)
    assert [(c["start"].isoformat(), c["end"].isoformat()) for c in searched.calls[1:]] == [
        ("2026-11-26T11:00:00+01:00", "2026-11-26T12:00:00+01:00"), ("2026-11-27T11:00:00+01:00", "2026-11-27T12:00:00+01:00")]
    assert responses(dispatcher) == ["utter_memes_heures", "utter_creneaux"]
    assert (dispatcher.messages[0]["creneau"], dispatcher.messages[0]["jour"]) == ("en fin de matinée", "vendredi 27 novembre")
    assert "Roux" in dispatcher.messages[1]["offres"]


async def test_the_same_hours_are_not_sought_beyond_the_urgency_nor_for_a_window_of_days(agenda, dispatcher, searched):
    searched.answer = search_answer([agenda_offer("Thomas", 8)], window_widened=True)
    evening = {"start": "2026-11-25T18:00:00+01:00", "end": "2026-11-25T20:00:00+01:00", "text": "ce soir"}
    await search_action(agenda, searched).run(dispatcher, make_tracker({**NEED, "creneau": evening, "urgence": 36}), DOMAIN)
    week = {"start": "2026-11-25T10:00:00+01:00", "end": "2026-11-28T20:00:00+01:00", "text": "cette semaine"}
    await search_action(agenda, searched).run(dispatcher, make_tracker({**NEED, "creneau": week}), DOMAIN)
    assert len(searched.calls) == 3  # this evening, tomorrow evening (within 36 h), not Friday's; then the week once
    assert responses(dispatcher).count("utter_fenetre_elargie") == 2


async def test_the_same_part_of_the_day_on_either_day_is_searched_day_by_day(agenda, dispatcher, searched):
    # "cet après-midi ou demain après-midi" (he works mornings): never Thursday morning, nothing beyond Thursday
    nothing = search_answer([agenda_offer("Thomas", 8)], window_widened=True)
    either = {"start": "2026-11-25T14:00:00+01:00", "end": "2026-11-26T18:00:00+01:00", "heures": ["14:00", "18:00"],
              "text": "cet après-midi ou demain après-midi"}
    searched.answer = [nothing, search_answer([agenda_offer("Roux", 15)])]
    await search_action(agenda, searched).run(dispatcher, make_tracker({**NEED, "creneau": either}), DOMAIN)
    assert [(c["start"].isoformat(), c["end"].isoformat()) for c in searched.calls] == [
        ("2026-11-25T14:00:00+01:00", "2026-11-25T18:00:00+01:00"), ("2026-11-26T14:00:00+01:00", "2026-11-26T18:00:00+01:00")]
    assert responses(dispatcher) == ["utter_creneaux"]  # Thursday afternoon was wished: no widening to say
    searched.calls.clear()
    searched.answer = nothing
    await search_action(agenda, searched).run(dispatcher, make_tracker({**NEED, "creneau": either}), DOMAIN)
    assert len(searched.calls) == 2


@pytest.mark.parametrize("distance, warned", [(87.1, True), (12.0, False)])
async def test_a_home_visit_from_far_away_is_said_to_be_checked(agenda, dispatcher, searched, distance, warned):
    searched.answer = search_answer([{**agenda_offer("Thomas", 9), "distance_km": distance}], radius_km=120, widened=True)
    await search_action(agenda, searched).run(dispatcher, make_tracker({**NEED, "type_consultation": "domicile"}), DOMAIN)
    said = [m for m in dispatcher.messages if m.get("response") == "utter_visite_loin"]
    assert [m["distance"] for m in said] == (["87,1"] if warned else [])
    assert responses(dispatcher)[-1] == "utter_creneaux"


@pytest.mark.parametrize("label, said", [
    ("Auch (32000)", "d'Auch (32000)"), ("Le Tampon (97430)", "du Tampon (97430)"),
    ("Les Abymes (97139)", "des Abymes (97139)"), ("La Rochelle (17000)", "de La Rochelle (17000)"),
    ("Évry-Courcouronnes (91000)", "d'Évry-Courcouronnes (91000)"), ("Lyon (69001)", "de Lyon (69001)"),
])
def test_the_place_searched_is_said_as_french_says_it(label, said):
    assert of_place(label) == said


@pytest.mark.parametrize("said, phone, searched", [
    ("lamentin", "+596696448721", "Le Lamentin (97232)"),  # Martinique's number: not Lamentin, Guadeloupe
    ("sainte-anne", "+596696448721", "Sainte-Anne (97227)"),
    ("sainte-anne", "+590690123456", "sainte-anne"),  # Guadeloupe's own: the name alone finds it
    ("lamentin", "+33612345678", "lamentin"),  # a metropolitan number says nothing of which
    ("Lyon 3e", "+596696448721", "Lyon 3e"),  # no commune of that name there
    ("Saint-Denis", "+262262412790", "Saint-Denis (97400)"),  # several communes bear it: the number says which
    ("Saint-Denis", "+33612345678", "Saint-Denis"),
])
def test_a_commune_said_is_looked_for_first_where_the_patient_s_overseas_number_is(said, phone, searched):
    assert place_near_the_phone(said, phone) == searched

