"""The directory: the CSV extract, the radius look-up, the médecin traitant by name, reloading after its TTL."""
from __future__ import annotations

import random

import httpx
import pytest

from bot.agenda import geo
from bot.agenda.contract import Address, DirectoryListing, Practitioner, Specialty
from bot.sources.directory import DirectoryFileError, Listings, PractitionerDirectory, read_csv, write_csv


def listing(rpps: str, nom: str, prenom: str, commune: str, specialty: str = "SM54", source: str | None = None,
            lat: float | None = None, lon: float | None = None) -> DirectoryListing:
    place = geo.geocode(commune)
    return DirectoryListing(
        practitioner=Practitioner(rpps=rpps, civilite="Dr", nom=nom, prenom=prenom,
                                  specialty=Specialty(code=specialty, label="Médecine générale"),
                                  sas_participant=rpps.endswith("1"), surnumeraire=False),
        address=Address(line="1 rue de la Paix", postal_code=place.postal_code, commune=place.commune),
        lat=place.lat if lat is None else lat, lon=place.lon if lon is None else lon, source=source)


def test_the_csv_extract_reads_back_what_was_written(tmp_path):
    written = [listing("10000000011", "Roux", "Isabelle", "Lyon"),
               listing("10000000028", "Le Gall", "Yann", "Brest", specialty="SM40", source="editeur-b")]
    write_csv(tmp_path / "annuaire.csv", written)
    read = read_csv(tmp_path / "annuaire.csv", default_source="agenda")
    assert read == [written[0].copy(update={"source": "agenda"}), written[1]]


CSV_HEADER = "rpps;civilite;nom;prenom;specialite_code;specialite;sas;surnumeraire;adresse;code_postal;commune;lat;lon;source\n"
BAD_LINES = {
    "short RPPS": ("1234;Dr;Roux;Ana;SM54;MG;1;0;1 rue;69003;Lyon;45,76;4,83;\n", "line 2.*RPPS"),
    "bad flag": ("10000000011;Dr;Roux;Ana;SM54;MG;peut-être;0;1 rue;69003;Lyon;45.76;4.83;\n", "line 2.*oui/non"),
    "bad latitude": ("10000000011;Dr;Roux;Ana;SM54;MG;1;0;1 rue;69003;Lyon;145.76;4.83;\n", "line 2.*range"),
}


@pytest.mark.parametrize("line, said", BAD_LINES.values(), ids=BAD_LINES.keys())
def test_a_bad_line_is_said_with_its_number(tmp_path, line, said):
    (tmp_path / "annuaire.csv").write_text(CSV_HEADER + line, encoding="utf-8")
    with pytest.raises(DirectoryFileError, match=said):
        read_csv(tmp_path / "annuaire.csv")


def test_a_missing_column_is_said(tmp_path):
    (tmp_path / "annuaire.csv").write_text(CSV_HEADER.replace(";source", ""), encoding="utf-8")
    with pytest.raises(DirectoryFileError, match="source"):
        read_csv(tmp_path / "annuaire.csv")


def test_near_finds_what_the_haversine_finds_among_10000_listings():
    rng = random.Random(3)
    base = listing("10000000011", "Roux", "Ana", "Lyon")
    many = [base.copy(update={"lat": 43 + rng.random() * 6, "lon": -1 + rng.random() * 7,
                              "practitioner": base.practitioner.copy(update={
                                  "rpps": f"{10000000000 + i}", "specialty": Specialty(
                                      code=rng.choice(["SM54", "SM40"]), label="x")})})
            for i in range(10_000)]
    found = Listings(many).near(45.76, 4.83, 30, "SM54")
    expected = sorted((geo.distance_km(45.76, 4.83, item.lat, item.lon), item.practitioner.rpps) for item in many
                      if item.practitioner.specialty.code == "SM54" and geo.distance_km(45.76, 4.83, item.lat, item.lon) <= 30)
    assert [c.rpps for c in found] == [rpps for _, rpps in expected] and len(found) > 10
    assert all(abs(c.distance_km - d) < 1e-6 for c, (d, _) in zip(found, expected, strict=True))


def test_the_medecin_traitant_is_found_by_name_as_the_agenda_finds_them():
    lyon, nantes = geo.geocode("Lyon"), geo.geocode("Nantes")
    listings = Listings([listing("10000000011", "Roux", "Isabelle", "Lyon"),
                         listing("10000000028", "Roux", "Pierre", "Nantes"),
                         listing("10000000035", "Le Gall", "Yann", "Brest")])
    assert listings.medecin_traitant("Dr Isabelle Roux", nantes).prenom == "Isabelle"
    assert listings.medecin_traitant("roux", lyon).prenom == "Isabelle"  # the nearest homonym
    assert listings.medecin_traitant("roux", nantes).prenom == "Pierre"
    assert listings.medecin_traitant("Roux, Nantes", lyon).prenom == "Pierre"
    assert listings.medecin_traitant("le docteur Le Gall", lyon).nom == "Le Gall"
    assert listings.medecin_traitant("Roux Marie", lyon) is None  # Marie is no Roux's first name
    assert listings.medecin_traitant("Dr", lyon) is None


async def test_the_directory_is_read_again_after_its_ttl_and_kept_when_that_fails():
    now = [0.0]
    answers = [[listing("10000000011", "Roux", "Isabelle", "Lyon")], httpx.ConnectError("down"),
               [listing("10000000028", "Roux", "Pierre", "Nantes")]]

    async def load():
        answer = answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return answer

    directory = PractitionerDirectory(load, ttl_s=60, clock=lambda: now[0])
    first = await directory.listings()
    now[0] = 30
    assert await directory.listings() is first and len(answers) == 2
    now[0] = 61  # the reload fails: the listings already read stay
    assert await directory.listings() is first and len(answers) == 1
    now[0] = 130
    assert (await directory.listings()).listings[0].practitioner.prenom == "Pierre"
