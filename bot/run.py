"""`make run`: the embedded agenda (SQLite, demo data, a demo account on a fresh database), the action server and
Rasa, until Ctrl-C. `make shell` (--shell): the same, talking to the assistant in this terminal as a signed-in
regulator instead of the side panel."""
from __future__ import annotations

import getpass
import secrets
import signal
import subprocess
import sys
import threading

from bot.agenda.accounts import DEMO_LOGIN
from bot.auth.client import SignedIn, SignInFailed
from bot.auth.conversations import conversation_id
from bot.retention import keep_purging
from bot.settings import ROOT, get_settings
from bot.stack import RASA, Stack, StackConfig, wait_for_ctrl_c


def shell_conversation(agenda_url: str) -> str:
    """`make shell` talks as a signed-in regulator: asks their login and password, checks them with the agenda,
    and returns a new conversation of theirs."""
    while True:
        login = input("Identifiant : ").strip()
        try:
            SignedIn(agenda_url, login, getpass.getpass("Mot de passe : ")).check()
        except SignInFailed:
            print("Identifiant ou mot de passe incorrect (ou trop d'essais : patientez).", flush=True)
            continue
        return conversation_id(login, f"terminal-{secrets.token_hex(4)}")


def main(argv: list[str]) -> int:
    config = StackConfig(workdir=ROOT / "var", settings=get_settings())
    stack = Stack(config)
    print("Préparation de l'agenda (migration, données de démonstration si la base est vide)…", flush=True)
    stack.prepare_agenda()
    demo_password = stack.ensure_demo_account()
    if demo_password:
        print(f"\nCompte de démonstration créé (affiché cette fois seulement, notez-le) :\n"
              f"  identifiant : {DEMO_LOGIN}\n  mot de passe : {demo_password}\n"
              "D'autres comptes : python -m bot.accounts add IDENTIFIANT (voir README).\n", flush=True)
    print("Démarrage de l'agenda, du serveur d'actions et de Rasa (le chargement du modèle prend ~30 s)…", flush=True)
    if "--shell" in argv:
        try:
            stack.start(with_rasa_server=False)
            return subprocess.call([*RASA, "shell", "--model", str(config.model), "--port",
                                    str(config.settings.rasa_port), "--endpoints", str(stack.endpoints_file),
                                    "--conversation-id", shell_conversation(config.agenda_url)],
                                   cwd=ROOT, env=stack.env())
        finally:
            stack.stop()
    # A service manager's stop (SIGTERM) stops the agenda, actions and Rasa as Ctrl-C does, instead of leaving them
    # running without their parent.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    with stack:
        # Old conversations and attachments no booking took are deleted while the assistant runs (bot.retention).
        threading.Thread(target=keep_purging, args=(config.settings,), name="retention", daemon=True).start()
        print(
            f"\nPrêt.\n  Panneau latéral : http://localhost:{config.settings.agenda_port}/\n"
            f"  Rasa (canal REST) : {config.rasa_url}/webhooks/rest/webhook\n"
            f"  Serveur d'actions : {config.action_url}\n  API agenda : {config.agenda_url}/docs\n"
            "Ctrl-C pour tout arrêter.", flush=True,
        )
        wait_for_ctrl_c()
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except RuntimeError as error:  # a process that cannot start (port taken, crash at start): said, no traceback
        print(error, file=sys.stderr)
        sys.exit(1)
