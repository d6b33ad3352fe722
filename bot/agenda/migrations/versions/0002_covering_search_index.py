"""Covering index for slot search (place, status, mode, start and the eligibility columns)

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

COLUMNS = ["place_id", "status", "mode", "start_at", "new_patients", "bookable_online", "snp"]


def upgrade() -> None:
    op.drop_index("ix_slots_place_status_start", table_name="slots")
    op.create_index("ix_slots_search", "slots", COLUMNS)


def downgrade() -> None:
    op.drop_index("ix_slots_search", table_name="slots")
    op.create_index("ix_slots_place_status_start", "slots", ["place_id", "status", "start_at"])
