"""French phone numbers, metropolitan and overseas, as the assistant, the agenda and the recap all read them."""
from __future__ import annotations

import phonenumbers

# SAS runs overseas too, where 10-digit numbers dialled with a leading 0 carry their own country code (0690 ->
# +590, 0696 -> +596, 0692 -> +262, 0694 -> +594, 0639 -> +262). Those ranges are not metropolitan, so the
# overseas plans are tried first: "05 96 ..." is a Martinique line even where the metropolitan plan would accept it.
FRENCH_REGIONS = ("GP", "MQ", "GF", "RE", "YT", "BL", "MF", "PM", "FR")
# The overseas mobile prefixes and their plans. Operators open new blocks in them faster than the phone library's
# tables follow ("0694 53 …", "0691 07 …" were refused though dialled every day): a number of the right length
# under one of these prefixes is taken.
OVERSEAS_MOBILES = {"690": "GP", "691": "GP", "696": "MQ", "697": "MQ", "694": "GF", "692": "RE", "693": "RE",
                    "639": "YT"}


def french_number(candidate: str) -> phonenumbers.PhoneNumber | None:
    """The number dialled, read in the first French plan where it is valid (or an overseas mobile), else None."""
    digits = "".join(c for c in candidate if c.isdigit())
    if candidate.lstrip().startswith("0") and not digits.startswith("00") and len(digits) != 10:
        return None  # dialled from France with its 0, a number has ten digits: "06 45 12 8" is no Saint-Pierre line
    for region in FRENCH_REGIONS:
        try:
            number = phonenumbers.parse(candidate, region)
        except phonenumbers.NumberParseException:
            return None
        if phonenumbers.is_valid_number(number) or overseas_mobile(number):
            return number
    return None


def overseas_mobile(number: phonenumbers.PhoneNumber) -> bool:
    national = str(number.national_number)
    plan = OVERSEAS_MOBILES.get(national[:3])
    return len(national) == 9 and plan is not None \
        and number.country_code == phonenumbers.country_code_for_region(plan)


def is_french(number: phonenumbers.PhoneNumber) -> bool:
    return phonenumbers.region_code_for_number(number) in FRENCH_REGIONS or overseas_mobile(number)


OVERSEAS_DEPARTEMENTS = {"GP": "971", "MQ": "972", "GF": "973", "RE": "974", "YT": "976"}


def overseas_departement(e164: str) -> str | None:
    """The overseas département of a number as the slots hold it (E.164: "+596696…" -> "972"), else None."""
    try:
        number = phonenumbers.parse(e164)
    except phonenumbers.NumberParseException:
        return None
    return OVERSEAS_DEPARTEMENTS.get(phonenumbers.region_code_for_number(number) or "")
