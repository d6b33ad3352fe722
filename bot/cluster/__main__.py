"""`make cluster` (python -m bot.cluster): the whole cluster until Ctrl-C or SIGTERM, then nothing left running."""
from __future__ import annotations

import signal
import sys
import threading

from bot.agenda.accounts import DEMO_LOGIN
from bot.cluster.cluster import Cluster
from bot.retention import keep_purging
from bot.settings import get_settings
from bot.stack import wait_for_ctrl_c


def main() -> int:
    settings = get_settings()
    cluster = Cluster(settings)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))  # a service manager's stop, as Ctrl-C
    signal.signal(signal.SIGINT, signal.default_int_handler)  # Ctrl-C, even when started where it was ignored (&)
    print(f"Démarrage : PostgreSQL, Redis, {settings.cluster_agendas} agendas, {settings.cluster_action_servers} "
          f"serveurs d'actions, {settings.cluster_rasas} Rasa, Caddy (journaux dans {settings.cluster_dir})…", flush=True)
    with cluster:
        # Old conversations (in PostgreSQL) and attachments no booking took are deleted as `make run` does.
        threading.Thread(target=keep_purging, args=(cluster.config.settings,), name="retention", daemon=True).start()
        demo_password = cluster.ensure_demo_account()
        if demo_password:
            print(f"\nCompte de démonstration créé (affiché cette fois seulement) : {DEMO_LOGIN} / {demo_password}",
                  flush=True)
        print(f"\nPrêt.\n  Panneau latéral : {cluster.url}/\n"
              f"  Autorité de certification de Caddy (à faire confiance) : {cluster.certificate_authority}\n"
              f"  Processus : {', '.join(sorted(cluster.processes))}\nCtrl-C pour tout arrêter.", flush=True)
        wait_for_ctrl_c()
    return 0


if __name__ == "__main__":
    sys.exit(main())
