"""Whole-message extraction of the patient details: libraries for phones, emails and dates, then the words
around names, places and symptoms; one clean value per field."""
from __future__ import annotations

import re
from datetime import datetime

from bot.agenda.geo import departement_said
from bot.nlu import fields
from bot.nlu.dates import dates_corrected_by, find_birth_date, find_impossible_birth_date
from bot.nlu.doctor import find_already_known, find_known_doctor
from bot.nlu.free_text import (
    BIRTH_DATE,
    BOUNDARY,
    CALLER,
    CITIES_WITH_ARRONDISSEMENTS,
    HISTORY,
    IMPLIED_CIVILITY,
    LONGEST_SYMPTOM,
    PLACE_FIELDS,
    PRACTITIONER,
    SAME_BIRTH_NAME,
    STREET_TYPES,
    SYMPTOMS,
    read_free_text,
)
from bot.nlu.grammar import is_common_word
from bot.nlu.lexicons import commune_names, first_name_scores, first_name_spellings, key, surname_scores
from bot.nlu.names import normalize_name
from bot.nlu.spoken_numbers import ORDINALS
from bot.nlu.taken_back import meant, takes_back
from bot.nlu.text import HYPHEN_REMARK, Normalized, fold, remarked_word, spelled_with_spaces
from bot.nlu.time_windows import find_time_window
from bot.nlu.vocabulary import URGENCY_TABLE, Found
from bot.vocabulary import NAME_FIELDS

EXTRACTOR = "PatientDetailsExtractor"
SAME_NAME = "identique"  # the birth name said to be the name, before the name is known (the validator resolves it)


def _mask(text: str, spans: list[Found], filler: str = " ") -> str:
    """Blank out spans already read (a phone is not a date) without moving offsets."""
    chars = list(text)
    for found in spans:
        chars[found.start:found.end] = filler * (found.end - found.start)
    return "".join(chars)


# "06 12 34 non pardon je reprends 06 12 35 56 78": the first digits of a number taken back for the number said
# whole, no date (read as 6 December 1934, it replaced the birth date)
_NUMBER_STARTED = re.compile(r"\b0\d(?: \d{2}){1,3}\b")


def _numbers_restarted(folded: str, phones: list[Found]) -> list[Found]:
    return [Found(m.group(0), m.start(), m.end()) for m in _NUMBER_STARTED.finditer(folded)
            if any(takes_back(folded, m.end(), phone.start) for phone in phones)]


def _entity(field: str, found: Found, normalized: Normalized) -> dict:
    start, end = normalized.to_original(found.start, found.end)
    value = found.value
    if field == "creneau":
        # in words the regulator checks at a glance ("dem aprem" written out "demain après-midi"), unless the reading
        # rewords it
        value = {"text": normalized.text[found.start:found.end], **value}
    return {"entity": field, "start": start, "end": end, "value": value, "extractor": EXTRACTOR,
            "confidence_entity": 1.0}


def extract_details(text: str, now: datetime) -> list[dict]:
    """At most one entity per field read by rules (libraries, then the words around names, places and
    symptoms), with spans in `text` and normalized values. A practitioner named ("le Dr Thomas") is kept as a
    PRACTITIONER entity, a caller named beside the patient as a CALLER entity; `one_per_field` drops them."""
    normalized = Normalized.of(text)
    phones, emails = fields.find_phones(normalized.text), fields.find_emails(normalized.text)
    folded = fold(_mask(normalized.text, phones + emails))
    # A number dialled wrong is read before dates: "06 12 34 56 78 9" starts like 6 December 1934. It is the
    # phone only when no valid one is given; beside one, it is still no date.
    dialled = fields.find_invalid_phones(folded, now.date())
    wrong_phones = [] if phones else dialled
    folded = _mask(folded, dialled + _numbers_restarted(folded, phones))
    birth = find_birth_date(folded, now.date()) or find_impossible_birth_date(folded, now.date())
    births = [birth, *dates_corrected_by(folded, birth, now.date())] if birth else []
    after_birth = _mask(folded, births)
    window = find_time_window(after_birth, now, normalized.text)
    if window:  # a phone masked right after it ("vers 10h 06 12 …") is blank to the reader, no part of the window
        window = Found(window.value, window.start, window.start + len(after_birth[window.start:window.end].rstrip()))
    urgencies = fields.find_urgencies(after_birth)
    if window and any(u.start <= window.start and window.end <= u.end for u in URGENCY_TABLE.finditer(after_birth)):
        window = None  # "demain au plus tard", "demain dernier délai": a deadline, today as welcome as tomorrow
    urgencies = [u for u in urgencies if not (window and u.start < window.end and window.start < u.end)]
    # The médecin traitant's name and commune are no detail of the patient: read first, masked for the rest.
    doctor = find_known_doctor(normalized.text)
    specialties = fields.find_specialties(folded, normalized.text)
    candidates = {
        # "06 12 34 56 89 non pardon 07 …": the second
        "telephone": fields.to_file_first(fields.without_misdialled(meant(phones, folded), fold(normalized.text)), folded)
        or wrong_phones,
        "email": emails,
        "date_naissance": [birth] if birth else [],
        "creneau": [window] if window else [],
        "urgence": urgencies,
        "civilite": fields.find_civilite(normalized.text, folded),
        "type_consultation": fields.find_modes(folded),
        "specialite": specialties,
        "specialite_sinon": fields.fallback_specialty(specialties, folded),
        "medecin_traitant": doctor,
        "deja_consulte": [] if doctor else find_already_known(normalized.text),
    }
    read = [one for field, found in candidates.items() if field not in ("civilite", "date_naissance") for one in found]
    masked = _mask(_mask(normalized.text, read, BOUNDARY), births, BIRTH_DATE)
    spans = _without_taken_back(read_free_text(masked, tuple(e.value for e in emails)), fold(masked))
    callers = [span for span in spans if span.field == CALLER]  # "je suis Mme Roux, la fille de M. Castel"
    candidates["civilite"] = [c for c in candidates["civilite"] if not any(s.start <= c.start < s.end for s in callers)]
    candidates["telephone"] = _the_caller_s_last(candidates["telephone"], callers, masked)
    # urgencies come in the order that decides, already without those taken back
    entities = [_entity(field, (found if field == "urgence" else meant(found, folded))[0], normalized)
                for field, found in candidates.items() if found]
    for span in spans:
        start, end = normalized.to_original(span.start, span.end)
        if span.field == IMPLIED_CIVILITY:
            if not candidates["civilite"]:  # the civility said wins
                entities.append({"entity": IMPLIED_CIVILITY, "start": start, "end": end, "value": span.value,
                                 "extractor": EXTRACTOR, "confidence_entity": 1.0})
            continue
        said = text[start:end]
        # names as normalized (hesitations dropped, spelled letters joined); other values as the regulator wrote them
        # "Jean-Baptiste avec un tiret J E A N tiret …": how the name is written, said inside its span, is no part of it
        value = normalize_name(HYPHEN_REMARK.sub("", normalized.text[span.start:span.end])) if span.field in NAME_FIELDS \
            else _HESITATION.sub("", _HESITATION_AFTER.sub("", said)).strip(" \t,;:.")
        raw = normalized.text[span.start:span.end]
        spaced = spelled_with_spaces(said) if span.field in NAME_FIELDS else said
        if spaced != said and key(spaced).replace(" ", "") == key(value).replace(" ", ""):
            value = normalize_name(spaced)  # "L E espace F L O C apostrophe H": "Le Floc'h", as spelled
        if span.field == "prenom" and raw in (raw.lower(), raw.upper()) and not _IN_TWO_WORDS.match(text, end):
            value = _joined_as_listed(value)  # said, or typed in one case: as it is spelt; "en deux mots": as said
        if span.field in NAME_FIELDS:
            value = _with_the_accents_said(value, raw, text)
        if span.field in PLACE_FIELDS:
            value = _departement_in_figures(value, normalized.text[span.start:span.end])
            value = _arrondissement_in_figures(_with_contracted_article(normalized.text[:span.start], value))
        if span.field == "symptomes":  # "l'œil rouge": a word rewritten ("oeil") maps back whole, its article too
            value = re.sub(r"^[ldLD]['’]", "", value)
        field = "nom_naissance" if span.field == SAME_BIRTH_NAME else span.field
        entities.append({"entity": field, "start": start, "end": end, "value": SAME_NAME if field != span.field
                         else value, "extractor": EXTRACTOR, "confidence_entity": 1.0})
    remarked = remarked_word(text)
    # not a word of another value ("… arobase gmail point com cherif sans accent dans le mail")
    if remarked and not any(e["entity"] in NAME_FIELDS or e["start"] <= remarked[0] < e["end"] for e in entities):
        entities.append(_name_spelled_out(text, *remarked))
    return entities


def _with_the_accents_said(name: str, raw: str, text: str) -> str:
    """A name spelled letter by letter has no accents; said too in the message, as a name rather than a word, it
    has them: "ferreira joão … le prénom c'est J O A O avec un tilde sur le a" -> "João" (not "MARIE" with "mariée")."""
    said = {fold(word): word for word in re.findall(r"[^\W\d_]+", text) if fold(word) != word.lower()}
    spelled = {word.lower() for word in re.findall(r"[^\W\d_]+", raw) if word.isupper()}

    def accented(word: str) -> str:
        spoken = said.get(word.lower()) if word.lower() in spelled else None
        if spoken is None or len(spoken) != len(word) or is_common_word(spoken):
            return word
        return "".join(s.upper() if w.isupper() else s.lower() for w, s in zip(word, spoken, strict=True))
    return re.sub(r"[^\W\d_]+", lambda m: accented(m.group(0)), name)


_IN_TWO_WORDS = re.compile(r"[\s,]*en deux mots\b", re.IGNORECASE)  # "prénom mohamed amine en deux mots"
_RARE_SURNAME = 3  # log2 scale of the surname list: "Théo" is borne as one, rarely


def _name_spelled_out(text: str, start: int, end: int) -> dict:
    """"non c'est pas Lefèvre c'est Lefebvre avec un B": the word whose letters are told is a name said again, the
    first name when the lists know it better as one."""
    said = text[start:end]
    field = "prenom" if key(said) in first_name_scores() and surname_scores().get(key(said), 0) < _RARE_SURNAME else "nom"
    return {"entity": field, "start": start, "end": end, "value": normalize_name(said), "extractor": EXTRACTOR,
            "confidence_entity": 1.0}


def _the_caller_s_last(phones: list[Found], callers: list, masked: str) -> list[Found]:
    """"Appel du mari, Thierry Vasseur (06 …), pour son épouse …, joignable sur son portable à elle : 07 …": a number
    said right after who calls is theirs; another one said is the patient's, filed first."""
    theirs = [phone for phone in phones if any(_RIGHT_AFTER_THE_NAMES.fullmatch(masked, caller.end, phone.start)
                                               for caller in callers)]
    return [*(phone for phone in phones if phone not in theirs), *theirs] if len(theirs) < len(phones) else phones


_RIGHT_AFTER_THE_NAMES = re.compile(r"[\s,:(]*(?:(?:au|tel|t[ée]l[ée]phone|portable|mobile)\b\.?[\s,:]*)?",
                                    re.IGNORECASE)


def _without_taken_back(spans: list, folded: str) -> list:
    """The spans of each field but those taken back by the next one ("une douleur dentaire non attendez c'est une
    douleur à l'oreille"), in text order."""
    kept = [s for field in {s.field for s in spans} for s in meant([o for o in spans if o.field == field], folded)]
    return sorted(kept, key=lambda s: s.start)


def _departement_in_figures(said: str, normalized: str) -> str:
    """A département or a postal code said in words, in figures as a code is read ("Saint-Denis dans le
    quatre-vingt-treize": "… dans le 93"); a street address as said ("douze rue des Lilas à Villeurbanne"), since
    the place serves the search by its commune and the recap the regulator reads."""
    if re.search(r"\d", said) or not re.search(r"\d+\b", normalized):
        return said
    figures = _POSTCODE_SAID.sub(r"\1\2", _HESITATION_AFTER.sub("", normalized).strip(" \t,;:."))
    if not _HOUSE_NUMBER.search(fold(normalized)):
        return figures
    # "quinze rue de Geôle à Caen quatorze mille": the street as said, its postal code in figures (the search reads it)
    code = re.search(r"\s(\d{5})$", figures)
    last = figures[:code.start()].split()[-1] if code else ""
    cut = said.rfind(last) if last and not last.isdigit() else -1
    return f"{said[:cut + len(last)]} {code.group(1)}" if cut >= 0 else said


_HOUSE_NUMBER = re.compile(rf"\b\d+(?: bis| ter)? (?:{'|'.join(sorted(STREET_TYPES))})\b")
_POSTCODE_SAID = re.compile(r"\b(\d{2}) (\d{3})(?= [^\W\d_])")  # "soixante-quinze zéro onze paris": 75011 Paris


def _joined_as_listed(first_name: str) -> str:
    """The words of a compound first name joined as the first-name list joins them ("Jean Marc" -> "Jean-Marc"),
    its letters as said ("Marie-Ève" stays accented)."""
    listed = first_name_spellings().get(key(first_name))
    words = re.split(r"[ -]", first_name)
    if listed is None or len(re.split(r"[ -]", listed)) != len(words):
        return first_name
    joints = re.findall(r"[ -]", listed)
    return words[0] + "".join(joint + word for joint, word in zip(joints, words[1:], strict=True))


# a hesitation dropped from the normalized text may still end the span said ("Paris onzième euh")
_HESITATION_AFTER = re.compile(r"(?:[\s,]+(?:euh|heu|hum|hein))+[\s,]*$", re.IGNORECASE)
# and inside it: "Perpignan euh avenue du maréchal Joffre" is found without it
_HESITATION = re.compile(r"(?:,?\s+(?:euh|heu|hum))+(?=[\s,])", re.IGNORECASE)
_SPOKEN_ARRONDISSEMENT = re.compile(r"(?P<city>\w+)\s+(?:dans\s+le\s+)?(?P<ordinal>[^\W\d_][\w-]*)"
                                    r"(?P<rest>\s+arrondissement)?", re.IGNORECASE)


_ARRONDISSEMENT_FIRST = re.compile(r"(?:dans\s+)?le\s+(?P<ordinal>[\w-]+)\s+(?:[aà]|sur)\s+(?P<city>\w+)(?P<rest>)",
                                   re.IGNORECASE)


def _arrondissement_in_figures(place: str) -> str:
    """"Paris quinzième", "marseille dans le huitième", "dans le onzième à Paris" as a regulator types them: "Paris
    15e", "marseille 8e", "Paris 11e"."""
    said = _SPOKEN_ARRONDISSEMENT.fullmatch(place) or _ARRONDISSEMENT_FIRST.fullmatch(place)
    if said is None or key(said["city"]) not in CITIES_WITH_ARRONDISSEMENTS:
        return place
    figures = re.fullmatch(r"(\d{1,2})(?:er|e|eme|ème)", said["ordinal"], re.IGNORECASE)
    number = ORDINALS.get(fold(said["ordinal"])) or (int(figures[1]) if figures and said.re is _ARRONDISSEMENT_FIRST
                                                     else None)
    return f"{said['city']} {number}{'er' if number == 1 else 'e'}{said['rest'] or ''}" if number else place


_CONTRACTED = re.compile(r"\b(au|aux)\s+$", re.IGNORECASE)


def _with_contracted_article(before: str, place: str) -> str:
    """"au françois": the commune is Le François, whose article "au" holds (one is "à François", in the Deux-Sèvres);
    "aux abymes": Les Abymes."""
    contracted = _CONTRACTED.search(before)
    if not contracted:
        return place
    article = "le" if contracted.group(1).lower() == "au" else "les"
    named = f"{article.capitalize() if place[:1].isupper() else article} {place}"
    words = named.split()  # the commune may be situated after: "aux Abymes (Guadeloupe)"
    return named if any(key(" ".join(words[:n])) in commune_names() for n in range(2, len(words) + 1)) else place


def one_per_field(entities: list[dict], text: str) -> list[dict]:
    """The first value read for each field, in message order; a practitioner or a caller named is dropped (it only
    kept their names from being read as the patient's), so is a history, and a birth name said to be the same
    becomes the name. A complaint of a sentence of its own is added to the first: "…, ne se déplace plus depuis sa
    chute du mois dernier. toux grasse sans fièvre depuis 5j." (the practitioner reads both)."""
    first: dict[str, dict] = {}
    for entity in entities:
        if entity["entity"] not in (PRACTITIONER, CALLER, HISTORY) and not _the_complaint_before(entity):
            kept = first.setdefault(entity["entity"], entity)
            if entity["entity"] == "symptomes" and kept is not entity and _opens_with_a_complaint_word(entity["value"]) \
                    and _SENTENCE_END.search(text, kept["end"], entity["start"]):
                first["symptomes"] = {**kept, "value": f'{kept["value"]}, {entity["value"]}', "end": entity["end"]}
    if first.get("nom_naissance", {}).get("value") == SAME_NAME and "nom" in first:
        first["nom_naissance"] = {**first["nom_naissance"], "value": first["nom"]["value"]}
    return sorted(first.values(), key=lambda e: e["start"])


_SENTENCE_END = re.compile(r"[.!?\n]")


def _opens_with_a_complaint_word(said: str) -> bool:
    """"toux grasse depuis 5j" opens with a complaint the lexicon knows; "smartphone" ("vidéo ok elle a un
    smartphone") read after "elle a" is no complaint to add."""
    words = tuple(fold(said).split())
    return words[:1] == ("mal",) or any(words[:n] in SYMPTOMS for n in range(1, LONGEST_SYMPTOM + 1))


def _the_complaint_before(entity: dict) -> bool:
    """"il a la même chose depuis hier soir": no complaint in its own words, the patient before's (action_recap keeps
    it)."""
    return entity["entity"] == "symptomes" and _SAME_COMPLAINT.match(fold(str(entity["value"]))) is not None


_SAME_COMPLAINT = re.compile(r"(?:la |les )?memes? (?:chose|symptomes?)\b|pareil\b|memes?$")


# "le 10" after "autres créneaux" is a rank in the list: a département by a small number needs its preposition
_RANKS_SAID = 20
_DEPARTEMENT_PREPOSITION = re.compile(r"(?:dans|du|en|celle|celui)\b")


def _names_a_departement_alone(said: str) -> bool:
    code = departement_said(said)
    return code is not None and (not code.isdigit() or int(code) > _RANKS_SAID
                                 or _DEPARTEMENT_PREPOSITION.match(fold(said)) is not None)


def read_details(text: str, now: datetime) -> list[dict]:
    """Every patient detail of a message, one clean value per field; a message that only names a département ("le
    93", "en Seine-Saint-Denis", answering which of two towns) is where the patient is, joined to the town said
    before by the actions."""
    found = one_per_field(extract_details(text, now), text)
    said = text.strip(" ,.!?")
    if not found and said and _names_a_departement_alone(said):
        start = text.index(said)
        found = [{"entity": "localisation", "start": start, "end": start + len(said), "value": said,
                  "extractor": EXTRACTOR, "confidence_entity": 1.0}]
    return found
