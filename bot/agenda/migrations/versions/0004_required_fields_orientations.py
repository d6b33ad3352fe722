"""Issue 12: required patient fields per practitioner and motif, follow-up motifs, surnuméraire practitioners,
the known patient of an appointment, orientations en surnuméraire

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02
"""
import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def _flag(name: str) -> sa.Column:
    return sa.Column(name, sa.Boolean(), nullable=False, server_default=sa.text("false"))


def _required_fields() -> sa.Column:
    return sa.Column("required_fields", sa.String(length=64), nullable=False, server_default="")


def upgrade() -> None:
    with op.batch_alter_table("practitioners") as batch:
        batch.add_column(_flag("surnumeraire"))
        batch.add_column(_required_fields())
    with op.batch_alter_table("motifs") as batch:
        batch.add_column(_flag("follow_up"))
        batch.add_column(_required_fields())
    with op.batch_alter_table("appointments") as batch:
        batch.add_column(_flag("deja_consulte"))
    op.create_table(
        "orientations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("reference", sa.String(length=16), nullable=False),
        sa.Column("idempotency_key", sa.String(length=100), nullable=False),
        sa.Column("practitioner_id", sa.Integer(), nullable=False),
        sa.Column("place_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("civilite", sa.String(length=10), nullable=True),
        sa.Column("prenom", sa.String(length=100), nullable=False),
        sa.Column("nom", sa.String(length=100), nullable=False),
        sa.Column("nom_naissance", sa.String(length=100), nullable=False),
        sa.Column("date_naissance", sa.Date(), nullable=False),
        sa.Column("lieu_naissance", sa.String(length=100), nullable=True),
        sa.Column("telephone", sa.String(length=20), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=True),
        sa.Column("message", sa.Text(), nullable=True),
        sa.Column("regulator", sa.String(length=100), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("status IN ('a_confirmer', 'confirmee', 'refusee')", name="ck_orientations_status"),
        sa.ForeignKeyConstraint(["practitioner_id"], ["practitioners.id"]),
        sa.ForeignKeyConstraint(["place_id"], ["places.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("reference"),
        sa.UniqueConstraint("idempotency_key"),
    )
    op.create_index("ix_orientations_practitioner_id", "orientations", ["practitioner_id"])


def downgrade() -> None:
    op.drop_index("ix_orientations_practitioner_id", table_name="orientations")
    op.drop_table("orientations")
    with op.batch_alter_table("appointments") as batch:
        batch.drop_column("deja_consulte")
    with op.batch_alter_table("motifs") as batch:
        batch.drop_column("required_fields")
        batch.drop_column("follow_up")
    with op.batch_alter_table("practitioners") as batch:
        batch.drop_column("required_fields")
        batch.drop_column("surnumeraire")
