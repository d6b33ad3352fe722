"""Former communes ("Oullins", now in Oullins-Pierre-Bénite) are places to the NLU as they are to the agenda."""
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from bot.nlu.extraction import extract_details
from bot.nlu.lexicons import commune_names

NOW = datetime(2026, 11, 25, 10, 30, tzinfo=ZoneInfo("Europe/Paris"))  # a Wednesday


def read(text: str) -> dict:
    return {entity["entity"]: entity["value"] for entity in extract_details(text, NOW)}


def test_commune_names_include_former_communes():
    assert {"oullins", "cherbourg", "annecy le vieux", "octeville"} <= commune_names()


@pytest.mark.parametrize("text, place", [
    ("elle habite à Oullins", "Oullins"),
    ("il vit à annecy le vieux", "annecy le vieux"),  # the whole name, not "annecy"
    ("fièvre depuis 3 j à Oullins", "Oullins"),  # after a complaint, only a known place ends it
    ("Mme Durand Marie, Cherbourg, angine", "Cherbourg"),  # a bare place
])
def test_a_former_commune_is_read_as_the_localisation(text, place):
    assert read(text)["localisation"] == place
