"""Whatever a regulator pastes or a patient is called, the panel shows it as text and the browser runs nothing:
the panel never inserts text as HTML, and its Content-Security-Policy refuses any script that is not its own."""
from __future__ import annotations

import copy

import pytest
from playwright.sync_api import expect

from tests.browser.panel import REPLIES, STORE_REPLIES, Panel

# Each sets window.pwned if it ever runs.
IMG = "<img src=x onerror=\"window.pwned='img'\">"
SCRIPT = "<script>window.pwned='script'</script>"
SVG = "<svg onload=\"window.pwned='svg'\"></svg>"
HOSTILE = f"{IMG}{SCRIPT}{SVG}"


def nothing_ran(panel: Panel) -> None:
    assert panel.page.evaluate("window.pwned") is None
    expect(panel.transcript.locator("img, script, svg:not(.icon)")).to_have_count(0)


@pytest.fixture
def panel(page, agenda_alone):
    return Panel(page).open(agenda_alone)


@pytest.fixture
def assistant_panel(page, regulator):
    return Panel(page).open(regulator)


def test_a_message_is_shown_as_typed_and_runs_nothing(assistant_panel, shot):
    """Through the real assistant, whose answer may quote what it understood."""
    panel = assistant_panel
    message = f"Mme {IMG} Durand Marie, 06 45 37 26 53, fièvre, Lyon 3e {SCRIPT}{SVG}"
    panel.say(message)
    expect(panel.transcript.locator(".message-user")).to_contain_text(message)
    nothing_ran(panel)
    shot("message-hostile")


def test_a_patient_named_with_markup_is_shown_as_text_in_the_cards(panel, shot):
    recap = copy.deepcopy(REPLIES["recap"])
    recap[0]["text"] = f"J'ai noté :\nPatient : Mme {HOSTILE}"
    recap[1]["custom"]["patient"].update(prenom=IMG, nom=SCRIPT, nom_naissance=SVG, lieu_naissance=HOSTILE)
    recap[1]["custom"]["besoin"]["symptomes"] = HOSTILE
    recap[2]["text"] = f"Quel est le téléphone de {IMG} ?"
    panel.page.evaluate(STORE_REPLIES, [recap])
    panel.reload()
    card = panel.page.get_by_role("region", name="Récapitulatif patient")
    fields = panel.fields(card)
    assert (fields["Prénom"], fields["Nom"], fields["Nom de naissance"]) == (IMG, SCRIPT, SVG)
    assert fields["Symptômes"] == HOSTILE
    expect(panel.transcript).to_contain_text(f"Quel est le téléphone de {IMG} ?")
    nothing_ran(panel)
    shot("patient-hostile")


def test_the_policy_stops_a_script_even_if_markup_got_into_the_page(panel):
    """Were a future change to insert text as HTML, the browser would still run nothing: no inline script,
    no inline event handler, no script from elsewhere."""
    violations = panel.page.evaluate("""async (markup) => {
      const seen = [];
      document.addEventListener('securitypolicyviolation', (e) => seen.push(e.violatedDirective));
      const box = document.createElement('div');
      box.innerHTML = markup;  // what the panel never does
      document.body.append(box);
      const inline = document.createElement('script');
      inline.textContent = "window.pwned = 'inline script'";
      document.body.append(inline);
      const remote = document.createElement('script');
      remote.src = 'https://scripts.example.org/x.js';
      document.body.append(remote);
      await new Promise((resolve) => setTimeout(resolve, 300));
      return seen;
    }""", HOSTILE)
    assert panel.page.evaluate("window.pwned") is None
    assert set(violations) >= {"script-src-elem", "script-src-attr"}


def test_a_medecin_traitant_named_with_markup_is_shown_as_text_in_the_offers(panel):
    """The name the regulator gave for the médecin traitant comes back in the offers card."""
    offers = copy.deepcopy(REPLIES["praticiens"])
    offers[-1]["custom"]["medecin_traitant"] = {"asked": HOSTILE, "found": False, "name": None, "has_slots": False}
    offers[-1]["custom"]["praticiens"][0]["praticien"] = IMG
    panel.page.evaluate(STORE_REPLIES, [offers])
    panel.reload()
    expect(panel.transcript.locator(".mt-note")).to_contain_text(f"« {HOSTILE} »")
    expect(panel.transcript.locator(".practitioner-name").first).to_have_text(f"1. {IMG}")
    nothing_ran(panel)
