"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""
import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('practitioners',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('rpps', sa.String(length=11), nullable=False),
    sa.Column('civilite', sa.String(length=8), nullable=False),
    sa.Column('nom', sa.String(length=100), nullable=False),
    sa.Column('prenom', sa.String(length=100), nullable=False),
    sa.Column('specialty_code', sa.String(length=8), nullable=False),
    sa.Column('specialty_label', sa.String(length=100), nullable=False),
    sa.Column('accepts_new_patients', sa.Boolean(), nullable=False),
    sa.Column('sas_participant', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('rpps')
    )
    op.create_index(op.f('ix_practitioners_specialty_code'), 'practitioners', ['specialty_code'], unique=False)
    op.create_table('motifs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('practitioner_id', sa.Integer(), nullable=False),
    sa.Column('label', sa.String(length=200), nullable=False),
    sa.Column('snp', sa.Boolean(), nullable=False),
    sa.Column('population', sa.String(length=8), nullable=False),
    sa.Column('new_patients', sa.Boolean(), nullable=False),
    sa.Column('cabinet', sa.Boolean(), nullable=False),
    sa.Column('video', sa.Boolean(), nullable=False),
    sa.Column('domicile', sa.Boolean(), nullable=False),
    sa.Column('duration_min', sa.Integer(), nullable=False),
    sa.CheckConstraint("population IN ('adult', 'child', 'all')", name='ck_motifs_population'),
    sa.ForeignKeyConstraint(['practitioner_id'], ['practitioners.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_motifs_practitioner_id'), 'motifs', ['practitioner_id'], unique=False)
    op.create_table('places',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('practitioner_id', sa.Integer(), nullable=False),
    sa.Column('address_line', sa.String(length=200), nullable=False),
    sa.Column('postal_code', sa.String(length=5), nullable=False),
    sa.Column('commune', sa.String(length=100), nullable=False),
    sa.Column('insee', sa.String(length=5), nullable=False),
    sa.Column('departement', sa.String(length=3), nullable=False),
    sa.Column('lat', sa.Float(), nullable=False),
    sa.Column('lon', sa.Float(), nullable=False),
    sa.ForeignKeyConstraint(['practitioner_id'], ['practitioners.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_places_lat_lon', 'places', ['lat', 'lon'], unique=False)
    op.create_index(op.f('ix_places_practitioner_id'), 'places', ['practitioner_id'], unique=False)
    op.create_table('slots',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('practitioner_id', sa.Integer(), nullable=False),
    sa.Column('place_id', sa.Integer(), nullable=False),
    sa.Column('start_at', sa.DateTime(), nullable=False),
    sa.Column('end_at', sa.DateTime(), nullable=False),
    sa.Column('mode', sa.String(length=8), nullable=False),
    sa.Column('bookable_online', sa.Boolean(), nullable=False),
    sa.Column('new_patients', sa.Boolean(), nullable=False),
    sa.Column('snp', sa.Boolean(), nullable=False),
    sa.Column('status', sa.String(length=8), nullable=False),
    sa.CheckConstraint("mode IN ('cabinet', 'video', 'domicile')", name='ck_slots_mode'),
    sa.CheckConstraint("status IN ('free', 'booked')", name='ck_slots_status'),
    sa.CheckConstraint('end_at > start_at', name='ck_slots_end_after_start'),
    sa.ForeignKeyConstraint(['place_id'], ['places.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['practitioner_id'], ['practitioners.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_slots_place_status_start', 'slots', ['place_id', 'status', 'start_at'], unique=False)
    op.create_index('ix_slots_practitioner_start', 'slots', ['practitioner_id', 'start_at'], unique=False)
    op.create_table('appointments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('reference', sa.String(length=16), nullable=False),
    sa.Column('idempotency_key', sa.String(length=100), nullable=False),
    sa.Column('slot_id', sa.Integer(), nullable=False),
    sa.Column('motif_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('civilite', sa.String(length=10), nullable=True),
    sa.Column('prenom', sa.String(length=100), nullable=False),
    sa.Column('nom', sa.String(length=100), nullable=False),
    sa.Column('nom_naissance', sa.String(length=100), nullable=False),
    sa.Column('date_naissance', sa.Date(), nullable=False),
    sa.Column('lieu_naissance', sa.String(length=100), nullable=True),
    sa.Column('telephone', sa.String(length=20), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=True),
    sa.Column('message', sa.Text(), nullable=True),
    sa.Column('regulator', sa.String(length=100), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("status IN ('booked', 'cancelled', 'fulfilled', 'noshow')", name='ck_appointments_status'),
    sa.ForeignKeyConstraint(['motif_id'], ['motifs.id'], ),
    sa.ForeignKeyConstraint(['slot_id'], ['slots.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('idempotency_key'),
    sa.UniqueConstraint('reference')
    )
    op.create_index('ix_appointments_created_at', 'appointments', ['created_at'], unique=False)
    op.create_index(op.f('ix_appointments_slot_id'), 'appointments', ['slot_id'], unique=False)
    # One slot, one booking: at most one appointment holding a slot.
    holding = sa.text("status IN ('booked', 'fulfilled', 'noshow')")
    op.create_index('ux_appointments_slot_holding', 'appointments', ['slot_id'], unique=True,
                    sqlite_where=holding, postgresql_where=holding)
    op.create_table('slot_motifs',
    sa.Column('slot_id', sa.Integer(), nullable=False),
    sa.Column('motif_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['motif_id'], ['motifs.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['slot_id'], ['slots.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('slot_id', 'motif_id')
    )
    op.create_table('attachments',
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('filename', sa.String(length=255), nullable=False),
    sa.Column('content_type', sa.String(length=50), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('appointment_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['appointment_id'], ['appointments.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_attachments_appointment_id'), 'attachments', ['appointment_id'], unique=False)



def downgrade() -> None:
    for table in ("attachments", "slot_motifs", "appointments", "slots", "places", "motifs", "practitioners"):
        op.drop_table(table)
