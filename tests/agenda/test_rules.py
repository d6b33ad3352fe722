"""Which slots reach SAS: open to new patients AND bookable online, OR offering "Soins non programmés"."""
import pytest
from sqlalchemy import select

from bot.agenda.models import Slot
from bot.agenda.rules import eligible_clause, is_eligible
from tests.agenda.factories import ADULT_FIRST, GENERAL_PRACTICE, SNP, SNP_MOTIF


@pytest.mark.parametrize(
    "new_patients, bookable_online, with_snp, expected",
    [
        (True, True, False, True),
        (True, False, False, False),
        (False, True, False, False),
        (False, False, False, False),
        (False, False, True, True),
        (True, False, True, True),
        (False, True, True, True),
    ],
)
def test_eligibility_in_python_and_in_sql_agree(
    agenda_db, make_practitioner, make_slot, new_patients, bookable_online, with_snp, expected
):
    doc = make_practitioner(motifs=GENERAL_PRACTICE + (SNP_MOTIF,))
    slot_id = make_slot(
        doc, new_patients=new_patients, bookable_online=bookable_online,
        motifs=[ADULT_FIRST, SNP] if with_snp else [ADULT_FIRST],
    )
    with agenda_db.session_factory() as session:
        slot = session.get(Slot, slot_id)
        offered = session.execute(select(Slot.id).where(Slot.id == slot_id, eligible_clause())).scalar()
        assert slot.snp is with_snp
        assert is_eligible(slot) is expected
        assert (offered is not None) is expected
