"""Signing in to the panel: the sign-in page, the refused password, the session the page never reads (HttpOnly),
the access token sent to Rasa's channel, signing out."""
from __future__ import annotations

import json

from playwright.sync_api import expect

from tests.browser.panel import Panel

CORS = {"Access-Control-Allow-Origin": "*", "Access-Control-Allow-Headers": "authorization, content-type",
        "Access-Control-Allow-Methods": "POST"}


def test_without_a_session_the_panel_sends_to_the_sign_in_page(page, agenda_alone, shot):
    page.goto(f"{agenda_alone.agenda_url}/")
    page.wait_for_url(f"{agenda_alone.agenda_url}/login")
    page.get_by_label("Identifiant").fill(agenda_alone.login)
    page.get_by_label("Mot de passe").fill("pas le bon mot de passe")
    page.get_by_role("button", name="Se connecter").click()
    expect(page.get_by_role("alert")).to_have_text("Identifiant ou mot de passe incorrect.")
    assert page.url == f"{agenda_alone.agenda_url}/login"
    expect(page.get_by_role("link", name="Se connecter avec")).to_have_count(0)  # no OIDC provider configured
    shot("mot-de-passe-refuse")


def test_signed_in_the_panel_names_the_regulator_and_signs_its_calls(page, agenda_alone, shot):
    seen = []

    def rasa(route):
        if route.request.method == "OPTIONS":
            return route.fulfill(status=204, headers=CORS)
        seen.append((route.request.headers.get("authorization", ""), route.request.post_data_json))
        return route.fulfill(status=200, headers=CORS, content_type="application/json",
                             body=json.dumps([{"text": "Bonjour, que puis-je faire ?"}]))

    page.route("**/webhooks/rest/webhook", rasa)
    panel = Panel(page).open(agenda_alone)
    expect(page.locator("#regulator")).to_have_text("Régulatrice de test")
    assert "sas_session" not in page.evaluate("document.cookie")  # HttpOnly: no script reads the session
    panel.say("bonjour")
    expect(panel.last_bot_message()).to_contain_text("Bonjour, que puis-je faire ?")
    (authorization, body), = seen
    assert authorization.startswith("Bearer ey") and body["message"] == "bonjour"
    shot("connecte")

    page.get_by_role("button", name="Se déconnecter").click()
    page.wait_for_url(f"{agenda_alone.agenda_url}/login")
    assert page.evaluate("sessionStorage.length") == 0  # nothing of the patient stays in the tab
    page.goto(f"{agenda_alone.agenda_url}/")
    page.wait_for_url(f"{agenda_alone.agenda_url}/login")
