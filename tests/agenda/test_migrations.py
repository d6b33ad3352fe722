"""The Alembic revisions build exactly the schema of the models, and can be undone."""
import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text

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


def test_the_surname_key_is_filled_for_practitioners_already_there(tmp_path):
    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = make_engine(url)
    command.upgrade(alembic_config(url), "0004")
    with engine.begin() as connection:
        connection.execute(text("INSERT INTO practitioners (id, rpps, civilite, nom, prenom, specialty_code, specialty_label, "
                                "accepts_new_patients, sas_participant) VALUES (1, '1', 'Dr', 'Le Gall-Lefèvre', 'Anne', "
                                "'SM54', 'Médecine générale', 1, 1)"))
    migrate(engine)
    with engine.connect() as connection:
        assert connection.execute(text("SELECT nom_key FROM practitioners")).scalar() == "le gall lefevre"
    engine.dispose()
