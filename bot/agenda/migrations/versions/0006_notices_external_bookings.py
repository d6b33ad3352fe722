"""Issue 13: the outbox of FrAppointmentSAS notices to send, the notices received at /fhir/Appointment, and the
bookings made by the regulator on a `link` source's own page

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02
"""
import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "notice_outbox",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("appointment_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(), nullable=True),
        sa.Column("last_error", sa.String(length=200), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("sent_at", sa.DateTime(), nullable=True),
        sa.Column("failed_at", sa.DateTime(), nullable=True),
        sa.CheckConstraint("kind IN ('create', 'update')", name="ck_notice_outbox_kind"),
        sa.ForeignKeyConstraint(["appointment_id"], ["appointments.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_notice_outbox_appointment_id", "notice_outbox", ["appointment_id"])
    op.create_index("ix_notice_outbox_pending", "notice_outbox", ["sent_at", "failed_at", "appointment_id"])
    op.create_table(
        "received_notices",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("identifier_system", sa.String(length=200), nullable=False),
        sa.Column("identifier_value", sa.String(length=200), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("start_at", sa.DateTime(), nullable=False),
        sa.Column("end_at", sa.DateTime(), nullable=False),
        sa.Column("rpps", sa.String(length=11), nullable=False),
        sa.Column("operator_type", sa.String(length=8), nullable=False),
        sa.Column("operator", sa.String(length=200), nullable=False),
        sa.Column("resource", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("status IN ('booked', 'cancelled', 'fulfilled', 'noshow')",
                           name="ck_received_notices_status"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("identifier_system", "identifier_value", name="uq_received_notices_identifier"),
    )
    op.create_index("ix_received_notices_rpps", "received_notices", ["rpps"])
    op.create_table(
        "external_bookings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("idempotency_key", sa.String(length=100), nullable=False),
        sa.Column("source", sa.String(length=100), nullable=False),
        sa.Column("slot_id", sa.String(length=200), nullable=False),
        sa.Column("rpps", sa.String(length=11), nullable=False),
        sa.Column("start_at", sa.DateTime(), nullable=False),
        sa.Column("booking_page", sa.String(length=2000), nullable=True),
        sa.Column("regulator", sa.String(length=100), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("idempotency_key"),
    )


def downgrade() -> None:
    op.drop_table("external_bookings")
    op.drop_index("ix_received_notices_rpps", table_name="received_notices")
    op.drop_table("received_notices")
    op.drop_index("ix_notice_outbox_pending", table_name="notice_outbox")
    op.drop_index("ix_notice_outbox_appointment_id", table_name="notice_outbox")
    op.drop_table("notice_outbox")
