"""Caddy's configuration from the layout: every instance behind its door, health-checked, checked by Caddy itself."""
from __future__ import annotations

import shutil
import subprocess

import pytest

from bot.cluster.caddyfile import caddyfile
from bot.cluster.layout import Layout
from bot.settings import Settings


def test_each_kind_of_instance_is_behind_its_door_with_health_checks():
    layout = Layout.of(Settings(cluster_base_port=30000, cluster_agendas=3, cluster_rasas=2, cluster_action_servers=1))
    text = caddyfile(layout, "https://sas.example.fr:8443")
    assert "https://sas.example.fr:8443 {" in text and "tls internal" in text
    rasa = "reverse_proxy 127.0.0.1:30050 127.0.0.1:30051 {"
    agendas = "reverse_proxy 127.0.0.1:30010 127.0.0.1:30011 127.0.0.1:30012 {"
    actions = "reverse_proxy 127.0.0.1:30030 {"
    # /webhooks/* to Rasa, the rest to the agendas; the agendas again at the actions' door, the actions at Rasa's.
    assert text.index("handle /webhooks/*") < text.index(rasa) < text.index("handle {") < text.index(agendas)
    assert text.count(agendas) == 2 and text.count(rasa) == 1 and text.count(actions) == 1
    assert text.index("http://127.0.0.1:30001 {") < text.index(actions)
    assert text.count("health_uri /health") == 3 and text.count("health_uri /\n") == 1
    assert text.count("lb_try_duration") == text.count("fail_duration") == text.count("buffer_requests") == 4
    assert len(set(layout.all_ports())) == len(layout.all_ports())  # no two processes on one port


@pytest.mark.skipif(shutil.which("caddy") is None, reason="caddy n'est pas installé (scripts/install-cluster)")
def test_caddy_reads_it(tmp_path):
    path = tmp_path / "Caddyfile"
    path.write_text(caddyfile(Layout.of(Settings()), Settings().cluster_url))
    adapted = subprocess.run(["caddy", "adapt", "--adapter", "caddyfile", "--config", str(path)], capture_output=True,
                             text=True)
    assert adapted.returncode == 0, adapted.stderr
    assert adapted.stdout.count('"try_duration":5000000000') == 4 and adapted.stdout.count('"uri":"/health"') == 3
