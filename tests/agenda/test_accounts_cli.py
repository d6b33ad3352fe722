"""`python -m bot.accounts`: accounts created, listed, disabled and enabled from the console; the audit trail printed
since a moment; the demo account of `make run`, created once on an empty agenda."""
from __future__ import annotations

import io
from datetime import timedelta

import pytest

from bot.accounts.cli import main
from bot.agenda import accounts
from bot.settings import get_settings
from tests.agenda.factories import NOW


@pytest.fixture
def console(agenda_db, monkeypatch, capsys):
    """console("add", "alice", stdin="…") -> (exit code, what it printed), on the test's agenda."""
    monkeypatch.setenv("DATABASE_URL", agenda_db.url)
    get_settings.cache_clear()

    def run(*argv: str, stdin: str = "", now=NOW) -> tuple[int, str]:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        code = main(list(argv), now=now)
        captured = capsys.readouterr()
        return code, captured.out + captured.err

    yield run
    get_settings.cache_clear()


def test_add_list_disable_enable(console, agenda_db):
    assert console("add", "alice", "--name", "Alice Martin", "--password-stdin", stdin="un mot de passe solide\n") \
        == (0, "Compte « alice » créé (regulator).\n")
    assert console("add", "chef", "--role", "supervisor", "--password-stdin", stdin="un autre mot de passe\n")[0] == 0
    assert console("add", "dr.psc", "--oidc-subject", "8-10001234567")[0] == 0  # no password: OIDC only
    code, listed = console("list")
    assert code == 0 and listed.splitlines() == [
        "alice\tAlice Martin\tregulator\tactif\tmot de passe\tdernière connexion : jamais",
        "chef\t\tsupervisor\tactif\tmot de passe\tdernière connexion : jamais",
        "dr.psc\t\tregulator\tactif\toidc\tdernière connexion : jamais",
    ]
    accounts.sign_in(agenda_db.session_factory, "alice", "un mot de passe solide", NOW)

    assert console("disable", "alice") == (0, "Compte « alice » désactivé.\n")
    with pytest.raises(accounts.BadCredentials):
        accounts.sign_in(agenda_db.session_factory, "alice", "un mot de passe solide", NOW)
    assert "désactivé" in console("list")[1].splitlines()[0]
    assert console("enable", "alice")[0] == 0
    accounts.sign_in(agenda_db.session_factory, "alice", "un mot de passe solide", NOW)


@pytest.mark.parametrize("argv, stdin, said", [
    (("add", "alice", "--password-stdin"), "court\n", "Mot de passe trop court : 12 caractères au moins."),
    (("add", "Alice Martin", "--password-stdin"), "un mot de passe solide\n", "Identifiant invalide"),
    (("add", "alice/x", "--password-stdin"), "un mot de passe solide\n", "Identifiant invalide"),
    (("disable", "personne"), "", "Compte inconnu : « personne »."),
])
def test_what_is_refused_is_said(console, argv, stdin, said):
    code, printed = console(*argv, stdin=stdin)
    assert code == 1 and said in printed


def test_an_account_is_created_once(console):
    console("add", "alice", "--password-stdin", stdin="un mot de passe solide\n")
    code, printed = console("add", "alice", "--password-stdin", stdin="un mot de passe solide\n")
    assert code == 1 and "existe déjà" in printed


def test_the_audit_trail_since_a_moment(console, agenda_db):
    console("add", "alice", "--password-stdin", stdin="un mot de passe solide\n", now=NOW - timedelta(days=2))
    console("disable", "alice")
    _, everything = console("audit")
    _, last_day = console("audit", "--since", "24h")
    assert [line.split("\t")[2] for line in everything.splitlines()] == ["account_created", "account_disabled"]
    created, disabled = everything.splitlines()
    assert created.startswith("2026-03-14T09:00:00+01:00\tconsole:") and created.endswith("\talice (regulator)")
    assert last_day.splitlines() == [disabled]
    assert console("audit", "--since", "2026-03-16")[1].splitlines() == [disabled]


def test_make_run_creates_the_demo_account_once(agenda_db):
    password = accounts.ensure_demo_account(agenda_db.session_factory, NOW)
    assert password and len(password) >= 16
    assert accounts.sign_in(agenda_db.session_factory, "demo", password, NOW).login == "demo"
    assert accounts.ensure_demo_account(agenda_db.session_factory, NOW) is None
