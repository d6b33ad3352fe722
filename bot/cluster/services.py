"""The cluster's PostgreSQL (the agenda's database and Rasa's conversations) and Redis (Rasa's lock store), each a
child process over a data directory of the cluster, with a password generated once into the secrets directory.

Both come from Debian's packages (scripts/install-cluster); `installed()` says what is missing. PostgreSQL refuses
to run as root: as root, it runs as the `postgres` user (setpriv), over a directory that user owns."""
from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import psycopg2
import redis

from bot.auth.local_secrets import read_or_create
from bot.settings import LOCAL

HOST = urlsplit(LOCAL).hostname
POSTGRES_USER = "sas"
DATABASES = ("agenda", "tracker")  # the agenda's records; Rasa's conversations


def postgres_bin() -> Path | None:
    """The newest PostgreSQL of Debian's packages (/usr/lib/postgresql/<version>/bin), None if not installed."""
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/postgres"), key=lambda p: int(p.parent.parent.name))
    return versions[-1].parent if versions else None


def installed() -> list[str]:
    """What the cluster needs and this machine lacks."""
    missing = [] if postgres_bin() else ["postgresql"]
    return missing + [name for name in ("redis-server", "caddy") if shutil.which(name) is None]


def _as_postgres() -> list[str]:
    return ["setpriv", "--reuid=postgres", "--regid=postgres", "--init-groups", "--"] if os.geteuid() == 0 else []


@dataclass
class Postgres:
    directory: Path  # the cluster's own PostgreSQL: data, and nothing else
    port: int
    secrets_dir: Path

    @property
    def password(self) -> str:
        return read_or_create(self.secrets_dir / "postgres_password")

    def url(self, database: str, driver: str = "postgresql+psycopg2") -> str:
        return f"{driver}://{POSTGRES_USER}:{self.password}@{HOST}:{self.port}/{database}"

    def initialise(self) -> None:
        """A new data directory on first start (user `sas` with the generated password), nothing when it exists."""
        data = self.directory / "data"
        if (data / "PG_VERSION").exists():
            return
        self.directory.mkdir(parents=True, exist_ok=True)
        password_file = self.directory / "password"
        password_file.write_text(self.password)
        password_file.chmod(0o600)
        if os.geteuid() == 0:
            shutil.chown(self.directory, "postgres", "postgres")
            shutil.chown(password_file, "postgres", "postgres")
        try:
            subprocess.run([*_as_postgres(), str(postgres_bin() / "initdb"), "-D", str(data), "-U", POSTGRES_USER,
                  f"--pwfile={password_file}", "--auth=scram-sha-256", "--encoding=UTF8", "--locale=C.UTF-8"],
                           check=True, stdout=subprocess.DEVNULL)
        finally:
            password_file.unlink()

    def command(self) -> list[str]:
        # TCP on loopback only; no Unix socket (its default directory belongs to Debian's own cluster).
        return [*_as_postgres(), str(postgres_bin() / "postgres"), "-D", str(self.directory / "data"),
                "-p", str(self.port), "-c", f"listen_addresses={HOST}", "-c", "unix_socket_directories=",
                "-c", "max_connections=200"]

    def ready(self) -> bool:
        try:
            psycopg2.connect(self.url("postgres", "postgresql"), connect_timeout=2).close()
        except psycopg2.OperationalError:
            return False
        return True

    def create_databases(self) -> None:
        connection = psycopg2.connect(self.url("postgres", "postgresql"), connect_timeout=5)
        try:
            connection.autocommit = True  # CREATE DATABASE runs outside a transaction
            with connection.cursor() as cursor:
                for name in DATABASES:
                    cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,))
                    if cursor.fetchone() is None:
                        cursor.execute(f'CREATE DATABASE "{name}"')
        finally:
            connection.close()


@dataclass
class Redis:
    directory: Path
    port: int
    secrets_dir: Path

    @property
    def password(self) -> str:
        return read_or_create(self.secrets_dir / "redis_password")

    @property
    def url(self) -> str:
        return f"redis://:{self.password}@{HOST}:{self.port}/0"

    def command(self) -> list[str]:
        """redis-server over a configuration file (0600): its password is not on a command line."""
        self.directory.mkdir(parents=True, exist_ok=True)
        config = self.directory / "redis.conf"
        config.touch(mode=0o600)
        config.write_text(
            f"bind {HOST}\nport {self.port}\nrequirepass {self.password}\ndir {self.directory}\n"
            # Locks live seconds: nothing to keep across a restart.
            'save ""\nappendonly no\n'
        )
        return ["redis-server", str(config)]

    def ready(self) -> bool:
        try:
            return redis.Redis.from_url(self.url, socket_timeout=2).ping()
        except redis.RedisError:
            return False

