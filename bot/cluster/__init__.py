"""`make cluster`: the assistant as several instances behind Caddy, on PostgreSQL and Redis (docs/DEPLOYMENT.md).

layout.py: which port each process listens on · caddyfile.py: Caddy's configuration from the layout ·
services.py: the PostgreSQL and Redis of the cluster · cluster.py: starts and stops the whole · __main__.py: until
Ctrl-C."""
