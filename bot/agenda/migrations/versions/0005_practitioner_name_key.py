"""The practitioner's surname as it is looked up (lower-case ASCII words), indexed: the médecin traitant named in a
search is found by an index look-up rather than by reading every practitioner

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02
"""
import sqlalchemy as sa
from alembic import op

from bot.agenda.models import name_key

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

practitioners = sa.table("practitioners", sa.column("id", sa.Integer), sa.column("nom", sa.String),
                         sa.column("nom_key", sa.String))


def upgrade() -> None:
    with op.batch_alter_table("practitioners") as batch:
        batch.add_column(sa.Column("nom_key", sa.String(length=100), nullable=False, server_default=""))
    connection = op.get_bind()
    rows = connection.execute(sa.select(practitioners.c.id, practitioners.c.nom)).all()
    if rows:
        connection.execute(
            practitioners.update().where(practitioners.c.id == sa.bindparam("key_id")).values(nom_key=sa.bindparam("key")),
            [{"key_id": row.id, "key": name_key(row.nom)} for row in rows],
        )
    op.create_index("ix_practitioners_nom_key", "practitioners", ["nom_key"])


def downgrade() -> None:
    op.drop_index("ix_practitioners_nom_key", table_name="practitioners")
    with op.batch_alter_table("practitioners") as batch:
        batch.drop_column("nom_key")
