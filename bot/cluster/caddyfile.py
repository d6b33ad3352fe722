"""Caddy's configuration for the cluster, written from the layout.

Outside, one TLS site (Caddy's internal certificate authority): /webhooks/* to the Rasa instances, everything else
(the panel, /auth, /api, /fhir, /config.json, /static, /health) to the agenda processes. Inside, two plain HTTP
doors on loopback that spread the calls between processes: the action servers' calls to the agendas, Rasa's
calls to the action servers (Rasa's endpoints file names one action server URL).

Every upstream group is checked actively (its health address, every 2 s) and passively (a failed request marks it
down for 10 s), so a stopped instance stops receiving traffic; one that comes back receives it again after its
next active check. Caddy 2.6 answers 503 at once, without waiting, when every instance of a group is marked down:
hence Caddy starts after the instances are ready (bot.cluster.cluster). A request whose connection to an instance could not
be made is tried on another for up to 5 s (lb_try_duration): Caddy retries only what never reached an instance, so
a booking in flight on an instance that dies is not sent twice; the client sends it again. Caddy 2.6 retries a
request with a body only if it buffered it (buffer_requests): otherwise the first try closes the body, the retry
fails ("invalid Read on closed Body") and marks the healthy instance down too.
"""
from __future__ import annotations

from urllib.parse import urlsplit

from bot.cluster.layout import Layout
from bot.settings import LOCAL

LOOPBACK = urlsplit(LOCAL).hostname
HEALTH_INTERVAL_S = 2  # how soon Caddy sees an instance stop or come back


def _proxy(ports: list[int], health_uri: str) -> str:
    upstreams = " ".join(f"{LOOPBACK}:{port}" for port in ports)
    # least_conn: a Rasa instance answers one turn at a time on its event loop; the least busy takes the next.
    return f"""reverse_proxy {upstreams} {{
		lb_policy least_conn
		lb_try_duration 5s
		lb_try_interval 250ms
		buffer_requests
		health_uri {health_uri}
		health_interval {HEALTH_INTERVAL_S}s
		health_timeout 2s
		fail_duration 10s
		max_fails 1
	}}"""


def caddyfile(layout: Layout, public_url: str) -> str:
    rasa = _proxy(layout.rasa_ports, "/")  # Rasa answers / with its version, unauthenticated
    agenda = _proxy(layout.agenda_ports, "/health")
    actions = _proxy(layout.action_ports, "/health")
    return f"""{{
	# Stopped by a signal from bot.cluster, never reconfigured live: no admin endpoint to guard.
	admin off
	# Only {public_url}: no HTTP listener on port 80 for redirects, the internal CA not added to the system's trust.
	auto_https disable_redirects
	skip_install_trust
}}

{public_url} {{
	tls internal
	handle /webhooks/* {{
		{rasa}
	}}
	handle {{
		{agenda}
	}}
}}

http://{LOOPBACK}:{layout.agenda_door} {{
	bind {LOOPBACK}
	{agenda}
}}

http://{LOOPBACK}:{layout.actions_door} {{
	bind {LOOPBACK}
	{actions}
}}
"""
