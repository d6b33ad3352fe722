"""What spaCy's French model tells the rules about words: the past participles of a text ("il est tombé
ce matin": the time says when it happened), whether a phrase opens with a noun, and which words are common French
(its vectors). The model is the
one Rasa's SpacyNLP loaded, when it did, so that a process holds one copy; else it is loaded on first use (the
action server reading a bare answer)."""
from __future__ import annotations

import re
from functools import lru_cache

MODEL = "fr_core_news_md"
_shared: list = []  # the Language Rasa loaded (bot.nlu.spacy_nlp), if any


def share(language) -> None:
    """Use the model Rasa loaded instead of loading another copy."""
    _shared[:] = [language]


@lru_cache(maxsize=1)
def _own():
    import spacy

    return spacy.load(MODEL, disable=["parser", "ner"])


def _tagged(text: str):
    """`text` with its words' parts of speech and morphology: the morphologizer alone is run."""
    language = _shared[0] if _shared else _own()
    return language(text, disable=[name for name in language.pipe_names if name not in ("tok2vec", "morphologizer")])


def _spans(text: str, keep) -> list[tuple[int, int]]:
    return [(token.idx, token.idx + len(token.text)) for token in _tagged(text) if keep(token)]


def past_participles(text: str) -> list[tuple[int, int]]:
    """Spans of the past participles in `text` ("tombé", "vomi", "fait")."""
    return _spans(text, lambda token: token.morph.get("VerbForm") == ["Part"] and token.morph.get("Tense") == ["Past"])


def conjugated_verbs(text: str) -> list[tuple[int, int]]:
    """Spans of the conjugated verbs in `text` ("la petite porte le nom …": "porte")."""
    return _spans(text, lambda token: token.pos_ == "VERB" and token.morph.get("VerbForm") == ["Fin"])


def proper_nouns(text: str) -> list[tuple[int, int]]:
    """Spans of the words `text` uses as names ("il est à la rochelle": "rochelle"; not "à la campagne")."""
    return _spans(text, lambda token: token.pos_ == "PROPN")


def adjectives(text: str) -> list[tuple[int, int]]:
    """Spans of the adjectives in `text` ("une dame ukrainienne": "ukrainienne")."""
    return _spans(text, lambda token: token.pos_ == "ADJ")


def says_the_past(text: str) -> bool:
    """`text` holds a verb in the imperfect or the simple past ("il meulait sans lunettes", "elle jouait"): what was
    going on then. A wish in the imperfect ("il voulait", "elle souhaitait") is still a wish."""
    return any(token.morph.get("Tense") in (["Imp"], ["Past"]) and token.morph.get("VerbForm") == ["Fin"]
               and token.lemma_ not in _WISHING for token in _tagged(text))


_WISHING = {"vouloir", "souhaiter", "désirer", "préférer", "aimer", "falloir", "pouvoir", "devoir"}


def opens_with_noun(text: str) -> bool:
    """The first word of `text` is a noun ("retard de règles", "scarifications"), not a verb or an adjective
    ("bloqué", "pleure bcp", "enceinte 3 mois")."""
    doc = _tagged(text)
    return len(doc) > 0 and doc[0].pos_ == "NOUN"


def opens_a_clause(text: str) -> bool:
    """`text` opens with a subject and its verb ("la kiné n'a rien donné", "le traitement ne marche pas"): a
    determiner and a noun, then a negation or a conjugated verb within two words."""
    doc = _tagged(text)
    if len(doc) < 3 or doc[0].pos_ != "DET" or doc[1].pos_ not in ("NOUN", "PROPN"):
        return False
    return doc[2].lower_ in ("ne", "n'") or any(t.pos_ in ("VERB", "AUX") and t.morph.get("VerbForm") == ["Fin"]
                                                for t in doc[2:5])


def is_common_word(word: str) -> bool:
    """A word French text uses often enough to have a vector ("finalement", "parfait"); rare surnames have none. A
    pronoun elided before it is no part of it ("l'emmène", "m'appelle")."""
    language = _shared[0] if _shared else _own()
    word = _ELIDED_PRONOUN.sub("", word)
    return language.vocab.has_vector(word) or language.vocab.has_vector(word.lower())


_ELIDED_PRONOUN = re.compile(r"^[lmtsn]['’](?=\w)", re.IGNORECASE)


def opens_with_a_verb_on_someone(text: str) -> bool:
    """`text` opens with an object pronoun and its conjugated verb ("l'accompagnera", "la conduira"): the one named
    before it acts on someone else, here the patient."""
    words = list(_tagged(text))[:2]
    return len(words) == 2 and words[0].lower_ in ("l'", "la", "le", "lui") \
        and words[1].pos_ in ("VERB", "AUX") and words[1].morph.get("VerbForm") == ["Fin"]

