"""Alembic environment: migrates the connection or URL it is given (see bot.agenda.db.migrate)."""
from alembic import context
from sqlalchemy import create_engine

from bot.agenda.models import Base

config = context.config


def run_migrations(connection) -> None:
    context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


def url() -> str:
    given = config.get_main_option("sqlalchemy.url")
    if given:
        return given
    from bot.settings import get_settings

    return get_settings().database_url.get_secret_value()


if context.is_offline_mode():
    context.configure(url=url(), target_metadata=Base.metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()
elif config.attributes.get("connection") is not None:
    run_migrations(config.attributes["connection"])
else:
    engine = create_engine(url(), future=True)
    with engine.connect() as connection:
        run_migrations(connection)
    engine.dispose()
