"""The regulators' accounts and the audit trail, from the console of the agenda's machine:

    python -m bot.accounts add LOGIN [--name "…"] [--role supervisor] [--password-stdin] [--oidc-subject SUB]
    python -m bot.accounts list
    python -m bot.accounts disable LOGIN | enable LOGIN
    python -m bot.accounts audit [--since 24h | 7d | 2026-12-01 | 2026-12-01T08:00]

`add` asks for the password twice (or reads one line from stdin with --password-stdin); with --oidc-subject
alone, the account signs in through the OIDC provider only. `enable` also lifts a lock after failed attempts."""
from __future__ import annotations

import argparse
import getpass
import re
import sys
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from bot.agenda import accounts, audit
from bot.agenda.db import make_engine, make_session_factory, migrate
from bot.auth.tokens import REGULATOR, ROLES
from bot.settings import get_settings

DURATION = re.compile(r"(\d+)\s*(min|h|j|d)")
UNITS = {"min": timedelta(minutes=1), "h": timedelta(hours=1), "j": timedelta(days=1), "d": timedelta(days=1)}


def parse_since(text: str, now: datetime, tz) -> datetime:
    """"24h", "7d" (or "7j"), "30min" before `now`, or an ISO date or date-time read in the SAS time zone."""
    duration = DURATION.fullmatch(text.strip())
    if duration:
        return now - int(duration.group(1)) * UNITS[duration.group(2)]
    moment = datetime.fromisoformat(text.strip())
    return moment if moment.tzinfo else moment.replace(tzinfo=tz)


def read_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass("Mot de passe : ")
    if getpass.getpass("Le même, encore : ") != first:
        raise accounts.AccountInvalid("Les deux mots de passe diffèrent.")
    return first


def account_state(account, now: datetime) -> str:
    if account.disabled:
        return "désactivé"
    if account.locked_until and account.locked_until > now:
        return f"bloqué jusqu'à {account.locked_until:%H:%M} UTC"
    return "actif"


def main(argv: list[str] | None = None, now: datetime | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.accounts", description="Comptes des régulateurs et journal d'audit")
    commands = parser.add_subparsers(dest="command", required=True)
    add = commands.add_parser("add", help="créer un compte")
    add.add_argument("login")
    add.add_argument("--name", help="nom affiché")
    add.add_argument("--role", choices=ROLES, default=REGULATOR, help="supervisor : voit les rendez-vous de tout le SAS")
    add.add_argument("--password-stdin", action="store_true", help="lire le mot de passe sur l'entrée standard")
    add.add_argument("--oidc-subject", help="identifiant (sub) de la personne chez le fournisseur OIDC")
    commands.add_parser("list", help="lister les comptes")
    for name, text in (("disable", "désactiver un compte"), ("enable", "réactiver un compte (et le débloquer)")):
        commands.add_parser(name, help=text).add_argument("login")
    trail = commands.add_parser("audit", help="afficher le journal d'audit")
    trail.add_argument("--since", help="24h, 7d, 30min, 2026-12-01 ou 2026-12-01T08:00 (par défaut : tout)")
    args = parser.parse_args(argv)

    settings = get_settings()
    tz = ZoneInfo(settings.timezone)
    now = now or datetime.now(timezone.utc)
    engine = make_engine(settings.database_url.get_secret_value())
    migrate(engine)
    factory = make_session_factory(engine)
    operator = f"console:{getpass.getuser()}"
    try:
        if args.command == "add":
            password = None
            if args.password_stdin or not args.oidc_subject:
                password = read_password(args.password_stdin)
            accounts.create_account(factory, args.login, now, name=args.name, password=password, role=args.role,
                                    oidc_subject=args.oidc_subject)
            audit.record(factory, now, operator, "account_created", detail=f"{args.login} ({args.role})")
            print(f"Compte « {args.login} » créé ({args.role}).")
        elif args.command == "list":
            for account in accounts.list_accounts(factory):
                last = account.last_sign_in_at.astimezone(tz).strftime("%Y-%m-%d %H:%M") if account.last_sign_in_at else "jamais"
                ways = "+".join(w for w, on in (("mot de passe", account.password_hash), ("oidc", account.oidc_subject)) if on)
                print(f"{account.login}\t{account.name or ''}\t{account.role}\t{account_state(account, now)}\t"
                      f"{ways}\tdernière connexion : {last}")
        elif args.command in ("disable", "enable"):
            accounts.set_disabled(factory, args.login, args.command == "disable")
            audit.record(factory, now, operator, f"account_{args.command}d", detail=args.login)
            print(f"Compte « {args.login} » {'désactivé' if args.command == 'disable' else 'réactivé'}.")
        else:
            since = parse_since(args.since, now, tz) if args.since else None
            for event in audit.events(factory, since):
                fields = [event.at.astimezone(tz).isoformat(timespec="seconds"), event.actor, event.action,
                          f"rdv {event.appointment_id}" if event.appointment_id else "", event.conversation or "",
                          event.detail or ""]
                print("\t".join(fields))
    except (accounts.AccountInvalid, ValueError) as error:
        print(error, file=sys.stderr)
        return 1
    finally:
        engine.dispose()
    return 0
