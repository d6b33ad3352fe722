"""Headless Debian Chromium driven by Playwright, and a real agenda service serving the panel.

Tests that need the assistant use `assistant_stack` (tests/conftest.py): agenda, action server and Rasa."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from tests.browser.agenda_server import free_port, serve_agenda

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
SCREENSHOTS = Path(__file__).resolve().parent.parent / "screenshots"
PANEL_VIEWPORT = {"width": 420, "height": 900}


def pytest_collection_modifyitems(items):
    for item in items:
        if Path(item.fspath).parent == Path(__file__).parent:
            item.add_marker(pytest.mark.browser)


# Package scope: Playwright's sync API keeps an event loop running in the main thread while it is open, which
# would stop the async tests collected after this folder (pytest-asyncio refuses to run inside a running loop).
@pytest.fixture(scope="package")
def chromium():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make browser` (Debian's chromium package)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium):
    """A panel-sized page that fails the test on any uncaught script error."""
    context = chromium.new_context(viewport=PANEL_VIEWPORT, locale="fr-FR", timezone_id="Europe/Paris")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert errors == [], f"script errors in the panel: {errors}"


@pytest.fixture
def shot(request, page):
    """shot("step") saves tests/screenshots/<test>/NN-step.png (the folder is git-ignored); `on` another page."""
    folder = SCREENSHOTS / re.sub(r"[^\w.-]+", "_", request.node.name)
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    count = iter(range(1, 100))

    def save(step: str, on=None) -> Path:
        path = folder / f"{next(count):02d}-{step}.png"
        (on or page).screenshot(path=str(path))
        return path

    return save


@pytest.fixture(scope="session")
def agenda_alone(tmp_path_factory):
    """The agenda service alone (fresh, empty database, one regulator: the fixture's value); its config points at a
    port where no Rasa listens."""
    with serve_agenda(tmp_path_factory.mktemp("agenda"), rasa_url=f"http://127.0.0.1:{free_port()}") as regulator:
        yield regulator
