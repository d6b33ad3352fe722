"""The Alembic revisions build exactly the schema of the models, and can be undone."""
import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from bot.agenda.db import alembic_config, make_engine, migrate
from bot.agenda.models import Base


def assert_schema_matches_models(engine):
    with engine.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), Base.metadata) == []


def test_sqlite_schema_matches_models_and_downgrades(tmp_path):
    url = f"sqlite:///{tmp_path / 'fresh.db'}"
    engine = make_engine(url)
    migrate(engine)
    migrate(engine)  # idempotent
    assert_schema_matches_models(engine)
    command.downgrade(alembic_config(url), "base")
    assert inspect(engine).get_table_names() == ["alembic_version"]
    engine.dispose()


@pytest.mark.postgres
def test_postgres_schema_matches_models(postgres_db):
    assert_schema_matches_models(postgres_db.engine)
