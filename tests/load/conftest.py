"""The agenda tests' database fixtures: a fresh migrated SQLite agenda per test."""
from tests.agenda.conftest import _migrated_sqlite, agenda_db, builder  # noqa: F401
