"""Names, places and symptoms read from the words around them (bot/nlu/free_text.py)."""
import pytest

from bot.nlu.free_text import IMPLIED_CIVILITY, read_free_text


def read(text: str) -> dict:
    """The words read for each field (the civility implied over the names: test_component)."""
    return {span.field: text[span.start:span.end] for span in read_free_text(text) if span.field != IMPLIED_CIVILITY}


@pytest.mark.parametrize("text, expected", [
    ("Mme DURAND Marie née MARTIN", {"nom": "DURAND", "prenom": "Marie", "nom_naissance": "MARTIN"}),
    ("Mme Marie DURAND", {"prenom": "Marie", "nom": "DURAND"}),
    ("madame durand marie", {"nom": "durand", "prenom": "marie"}),  # told by how common each is as a first name
    ("Mme Georges Aimée", {"nom": "Georges", "prenom": "Aimée"}),  # told by the civility
    # both words are first names: told by how common each is as a surname in France
    ("je vous adresse paul bernard", {"prenom": "paul", "nom": "bernard"}),
    # right after a civility, the first name comes first (40 times for 1 in the realistic dev set)
    ("M. Roger Alfred", {"prenom": "Roger", "nom": "Alfred"}),
    ("Mlle Leclerc Nath", {"nom": "Leclerc", "prenom": "Nath"}),
    ("Joseph Édith née Perret", {"nom": "Joseph", "prenom": "Édith", "nom_naissance": "Perret"}),  # by "née"
    ("Mr Rémy Émile-Eugène", {"nom": "Rémy", "prenom": "Émile-Eugène"}),  # a compound of first names
    ("je vous adresse alves gilbert 59 ans", {"nom": "alves", "prenom": "gilbert"}),
    ("Nom : DURAND / Prénom : Marie / Nom de naissance : MARTIN",
     {"nom": "DURAND", "prenom": "Marie", "nom_naissance": "MARTIN"}),
    ("nom roussel prénom noemi", {"nom": "roussel", "prenom": "noemi"}),
    ("Marie MARTIN ép. DURAND", {"prenom": "Marie", "nom_naissance": "MARTIN", "nom": "DURAND"}),
    ("Mme de La Fontaine Marie", {"nom": "de La Fontaine", "prenom": "Marie"}),
    ("Prise en charge : DE SOUSA Jacqueline", {"nom": "DE SOUSA", "prenom": "Jacqueline"}),
    ("Durand", {"nom": "Durand"}),
    ("née Lebreton-Boulay", {"nom_naissance": "Lebreton-Boulay"}),
    ("son nom de naissance c'est Martinez", {"nom_naissance": "Martinez"}),
    # a compound first name dictated without its hyphen is one first name, of the gender of its first part
    ("madame marie claude dubreuil", {"prenom": "marie claude", "nom": "dubreuil"}),
    ("monsieur jean pierre le goff", {"prenom": "jean pierre", "nom": "le goff"}),
    ("madame nguyen thi lan", {"nom": "nguyen", "prenom": "thi lan"}),
    ("le nom c'est dos santos dossantos", {"nom": "dos santos dossantos"}),  # spelled again, joined
])
def test_names(text, expected):
    assert read(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("sur Lyon 2ème, consulte pour fièvre à 38,5", {"localisation": "Lyon 2ème", "symptomes": "fièvre à 38,5"}),
    ("demeurant à le mans", {"localisation": "le mans"}),
    ("c'est à 42 rue des lilas chartres", {"localisation": "42 rue des lilas chartres"}),
    ("habite au 12 rue de la République Lyon", {"localisation": "12 rue de la République Lyon"}),
    ("à 69003", {"localisation": "69003"}),
    ("née à Saint-Étienne", {"lieu_naissance": "Saint-Étienne"}),
    ("né au Maroc", {"lieu_naissance": "Maroc"}),
    ("se plaint de douleur à l'épaule depuis hier", {"symptomes": "douleur à l'épaule depuis hier"}),
    ("motif éruption sur les bras", {"symptomes": "éruption sur les bras"}),
    # after a bare "pour", a definite or possessive noun is a purpose unless it is a complaint
    ("est sur Toulouse pour ses études, |||, cystite", {"localisation": "Toulouse", "symptomes": "cystite"}),
    ("elle est à Bayonne pour le travail", {"localisation": "Bayonne"}),
    ("il appelle pour sa toux", {"symptomes": "toux"}),
])
def test_places_and_symptoms(text, expected):
    assert read(text) == expected


@pytest.mark.parametrize("text", [
    "on préfère une dermato", "ah non pardon le numéro c'est |||", "on peut la joindre au |||", "à voir par |||",
    "non née le |||",
])
def test_nothing_read_from_other_phrases(text):
    assert read(text) == {}


@pytest.mark.parametrize("text, expected", [
    ("Lyon 3e", {"localisation": "Lyon 3e"}),  # a commune is never a name
    ("Villeurbanne", {"localisation": "Villeurbanne"}),
    ("69003", {"localisation": "69003"}),
    ("DURAND Marie, Paris 15e", {"nom": "DURAND", "prenom": "Marie", "localisation": "Paris 15e"}),
    ("Marie", {"nom": "Marie"}),  # also a commune, but first a first name
    ("fièvre depuis 3 j, Lyon 3e", {"symptomes": "fièvre depuis 3 j", "localisation": "Lyon 3e"}),
    ("fièvre depuis 3 j à Lyon 3e", {"symptomes": "fièvre depuis 3 j", "localisation": "Lyon 3e"}),
    ("mal de gorge et toux depuis hier", {"symptomes": "mal de gorge et toux depuis hier"}),
    ("DURAND Marie, brûlures urinaires", {"nom": "DURAND", "prenom": "Marie", "symptomes": "brûlures urinaires"}),
    ("douleur vers la hanche gauche", {"symptomes": "douleur vers la hanche gauche"}),  # the complaint's segment
])
def test_typed_segments(text, expected):
    assert read(text) == expected


@pytest.mark.parametrize("text, practitioner", [
    ("le Dr Thomas", "Dr Thomas"), ("Dr. Thomas", "Dr. Thomas"), ("avec le docteur Jean Martin", "docteur Jean Martin"),
    ("Pr Durand", "Pr Durand"),
])
def test_a_practitioner_is_not_the_patient(text, practitioner):
    assert read(text) == {"praticien": practitioner}


@pytest.mark.parametrize("text, expected", [
    # places: bare addresses and arrondissements, a place before the complaint, residence words over articles
    ("Lucie Marchand – 7 avenue Foch 54000 Nancy – toux", {"prenom": "Lucie", "nom": "Marchand",
                                                           "localisation": "7 avenue Foch 54000 Nancy",
                                                           "symptomes": "toux"}),
    ("DURAND Marie, 4 rue Nationale, Lille, fièvre", {"nom": "DURAND", "prenom": "Marie",
                                                      "localisation": "4 rue Nationale, Lille", "symptomes": "fièvre"}),
    ("secteur Marseille 13", {"localisation": "Marseille 13"}),
    ("Lieu : Montauban. Motif : toux", {"localisation": "Montauban", "symptomes": "toux"}),  # a commune after a label
    ("VILLE: Riom | MOTIF: dyspnée", {"localisation": "Riom", "symptomes": "dyspnée"}),
    ("M. Jimmy Lapierre, Schoelcher, |||", {"prenom": "Jimmy", "nom": "Lapierre", "localisation": "Schoelcher"}),
    ("Paul Roux | Quimper angine", {"prenom": "Paul", "nom": "Roux", "localisation": "Quimper", "symptomes": "angine"}),
    ("il vit dans le 69007", {"localisation": "69007"}),
    ("elle réside maintenant Annecy", {"localisation": "Annecy"}),
    ("tél port. |||", {}),  # "port." labels a phone, though Port is a commune
    ("douleur au genou", {"symptomes": "douleur au genou"}),  # "au" names a body part, not a place
    ("il a une toux depuis une semaine la maman voudrait un rdv", {"symptomes": "toux depuis une semaine"}),
    ("elle a de la fièvre, à Lyon", {"symptomes": "fièvre", "localisation": "Lyon"}),
    # in a note typed field by field, the segment no other field explains is the complaint
    ("Paul Roux, |||, Nantes, zona intercostal, |||", {"prenom": "Paul", "nom": "Roux", "localisation": "Nantes",
                                                       "symptomes": "zona intercostal"}),
    ("Paul Roux, 52 ans, Nantes", {"prenom": "Paul", "nom": "Roux", "localisation": "Nantes"}),  # an age is none
    ("il a mal au ventre depuis ce matin il peut attendre", {"symptomes": "mal au ventre depuis ce matin"}),
    ("eczéma surinfecté Rennes", {"symptomes": "eczéma surinfecté", "localisation": "Rennes"}),  # a bare commune after
    ("elle a une toux grasse il faudrait", {"symptomes": "toux grasse"}),  # Grasse is a commune, not written as one
    # names: introduced by a person noun, a relative, a naming verb; a lone word before a sentence is no name
    ("un nourrisson de 5 mois, Léo Garnier", {"prenom": "Léo", "nom": "Garnier"}),
    ("patient de 60 ans, Vannes, toux", {"localisation": "Vannes", "symptomes": "toux"}),
    ("le papa de Chloé Renard appelle", {"prenom": "Chloé", "nom": "Renard"}),
    ("alors c'est Hugo Lambert", {"prenom": "Hugo", "nom": "Lambert"}),
    ("Finalement il préfère demain", {}),
    ("Nom Prénom : MOREL Julie", {"nom": "MOREL", "prenom": "Julie"}),
    ("Nom : ROYER Léa, Vannes", {"nom": "ROYER", "prenom": "Léa", "localisation": "Vannes"}),
    ("Identité : ROYER Léa", {"nom": "ROYER", "prenom": "Léa"}),
    ("un monsieur âgé, monsieur Henri Colin", {"prenom": "Henri", "nom": "Colin"}),
    # "la petite", "le petit" before a child's two names; "Petit" alone stays a surname
    ("c'est le papa de la petite léna brun elle a 4 ans", {"prenom": "léna", "nom": "brun"}),
    ("pour la petite Léna Brun, otite", {"prenom": "Léna", "nom": "Brun", "symptomes": "otite"}),
    ("Mme Petit Jeanne, otite", {"nom": "Petit", "prenom": "Jeanne", "symptomes": "otite"}),
])
def test_places_and_names_by_what_they_attach_to(text, expected):
    assert read(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("DUVAL;Jacques;#;|||;Lannion;douleur thoracique atypique;|||",
     {"nom": "DUVAL", "prenom": "Jacques", "localisation": "Lannion", "symptomes": "douleur thoracique atypique"}),
    ("Durand, Marie, 45 ans, Nantes, zona", {"nom": "Durand", "prenom": "Marie", "localisation": "Nantes",
                                            "symptomes": "zona"}),
    ("toux, Nantes, |||", {"symptomes": "toux", "localisation": "Nantes"}),  # a commune is no name
])
def test_name_and_first_name_in_fields_of_their_own(text, expected):
    assert read(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Paul Roux, Nantes, toux sèche, fièvre, courbatures depuis samedi, |||",
     {"prenom": "Paul", "nom": "Roux", "localisation": "Nantes", "symptomes": "toux sèche, fièvre, courbatures depuis samedi"}),
    # an unexplained segment right before a complaint belongs to it; a field or an age between them does not
    ("Mme Gros, Millau, |||, chute, douleur de hanche, |||",
     {"nom": "Gros", "localisation": "Millau", "symptomes": "chute, douleur de hanche"}),
    ("Mme Gros, 83 ans, douleur de hanche", {"nom": "Gros", "symptomes": "douleur de hanche"}),
])
def test_a_list_of_complaints_is_one_complaint(text, expected):
    assert read(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a relative or a "when" clause tells about the complaint; a clause word right after its link opens no new clause
    ("il a une plaie à la jambe qui ne cicatrise pas son téléphone |||",
     {"symptomes": "plaie à la jambe qui ne cicatrise pas"}),
    ("elle a une plaie au talon qui s'infecte il faudrait", {"symptomes": "plaie au talon qui s'infecte"}),
    ("il a une douleur dans la poitrine quand il marche son fixe |||",
     {"symptomes": "douleur dans la poitrine quand il marche"}),
    ("elle a des vertiges il voudrait", {"symptomes": "vertiges"}),
    ("elle a une toux sa voisine voudrait un rdv", {"symptomes": "toux"}),  # a possessive after a noun: another phrase
    ("elle a mal depuis son retour de voyage", {"symptomes": "mal depuis son retour de voyage"}),
    ("Autun, malaise ce matin, |||", {"localisation": "Autun", "symptomes": "malaise ce matin"}),  # when it began
    ("lumbago depuis ce matin suite port de charge, |||", {"symptomes": "lumbago depuis ce matin suite port de charge"}),
])
def test_a_complaint_keeps_what_tells_about_it(text, expected):
    assert read(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a practice or a carer who calls is neither a name nor the complaint
    ("oui c'est le cabinet infirmier on a un patient monsieur teddy grondin",
     {"prenom": "teddy", "nom": "grondin"}),
    ("Paul Roux, Thiers, escarre au sacrum, infirmière passe tous les jours, |||",
     {"prenom": "Paul", "nom": "Roux", "localisation": "Thiers", "symptomes": "escarre au sacrum"}),
    ("vidéo impossible, il n'a pas internet, plutôt |||", {}),  # a mode refused is no complaint
    ("Appel de la fille pour son père M. Raymond Vidal 88 ans, Carcassonne, confusion et chutes, |||",
     {"prenom": "Raymond", "nom": "Vidal", "localisation": "Carcassonne", "symptomes": "confusion et chutes"}),
])
def test_callers_and_modes_are_no_patient_details(text, expected):
    assert read(text) == expected
