"""A state's name as it stands inside a sentence, in the reader's language.

django-countries gives the name as a label ("Netherlands", "United Kingdom"); inside an English
sentence some names take "the": "the national law of the Netherlands", "insured in the United
Kingdom", "the Faroe Islands", "the Isle of Man" (but "Czechia", "Belgium"). The other languages
need more than an article: French says "la législation des Pays-Bas", "aux Pays-Bas", "à Malte";
German "die Rechtsvorschriften der Niederlande", "Belgiens", "in den Niederlanden", "im Vereinigten
Königreich"; Dutch "van het Verenigd Koninkrijk". The caller says which form its sentence needs
(FORMS), and each language's translation is written around that form, preposition included where
the preposition changes with the name (French "en"/"au"/"aux"/"à", German "in"/"im"):

    form     en                fr                de                        nl
    None     the Netherlands   Pays-Bas          Niederlande               Nederland    (a label)
    "of"     the Netherlands   des Pays-Bas      der Niederlande           Nederland
    "in"     the Netherlands   aux Pays-Bas      in den Niederlanden       Nederland
    "with"   the Netherlands   les Pays-Bas      den Niederlanden          Nederland

"of" follows a noun ("la législation nationale %(state)s", "das Recht %(state)s"); "in" says where
("travaille %(state)s", "arbeitet %(state)s"); "with" follows a preposition such as with, by or
between ("avec %(state)s", "mit %(state)s", "zwischen %(first)s und %(second)s"). English and Dutch
write their prepositions in the sentence, so their forms are all the name as it stands in a sentence.
The tables hold the states the portal names (EU, EEA, Switzerland, the United Kingdom and the Dutch
treaty partners, rules/data.py); any other state is named through the word "État"/"Staat", which
reads correctly with every name.
"""

from django.utils.text import capfirst
from django.utils.translation import get_language
from django_countries import countries

# The states whose English name takes "the" inside a sentence (ISO 3166-1 alpha-2).
WITH_THE = frozenset(
    {
        "AE",  # the United Arab Emirates
        "AX",  # the Åland Islands
        "BS",  # the Bahamas
        "CC",  # the Cocos (Keeling) Islands
        "CD",  # the Democratic Republic of the Congo
        "CF",  # the Central African Republic
        "CG",  # the Congo
        "CK",  # the Cook Islands
        "DO",  # the Dominican Republic
        "FK",  # the Falkland Islands
        "FO",  # the Faroe Islands
        "GB",  # the United Kingdom
        "GM",  # the Gambia
        "HM",  # the Heard Island and McDonald Islands
        "IM",  # the Isle of Man
        "IO",  # the British Indian Ocean Territory
        "KM",  # the Comoros
        "KY",  # the Cayman Islands
        "MH",  # the Marshall Islands
        "MP",  # the Northern Mariana Islands
        "MV",  # the Maldives
        "NL",  # the Netherlands
        "PH",  # the Philippines
        "SB",  # the Solomon Islands
        "TC",  # the Turks and Caicos Islands
        "TF",  # the French Southern Territories
        "UM",  # the United States Minor Outlying Islands
        "US",  # the United States of America
        "VG",  # the Virgin Islands (British)
        "VI",  # the Virgin Islands (U.S.)
    }
)
FORMS = frozenset({None, "of", "in", "with"})

# Each state the portal names, with the article French gives it ("with" form); "of" and "in" follow
# from the article (la → de la / en, le → du / au, les → des / aux, l' → de l' / en, none → de / à).
FRENCH = {
    "AT": "l'Autriche",
    "AU": "l'Australie",
    "BA": "la Bosnie-Herzégovine",
    "BE": "la Belgique",
    "BG": "la Bulgarie",
    "CA": "le Canada",
    "CH": "la Suisse",
    "CL": "le Chili",
    "CN": "la Chine",
    "CV": "le Cap-Vert",
    "CY": "Chypre",
    "CZ": "la République tchèque",
    "DE": "l'Allemagne",
    "DK": "le Danemark",
    "EE": "l'Estonie",
    "EG": "l'Égypte",
    "ES": "l'Espagne",
    "FI": "la Finlande",
    "FR": "la France",
    "GB": "le Royaume-Uni",
    "GG": "Guernesey",
    "GR": "la Grèce",
    "HR": "la Croatie",
    "HU": "la Hongrie",
    "IE": "l'Irlande",
    "IL": "Israël",
    "IM": "l'île de Man",
    "IN": "l'Inde",
    "IS": "l'Islande",
    "IT": "l'Italie",
    "JE": "Jersey",
    "JP": "le Japon",
    "KR": "la Corée du Sud",
    "LI": "le Liechtenstein",
    "LT": "la Lituanie",
    "LU": "le Luxembourg",
    "LV": "la Lettonie",
    "MA": "le Maroc",
    "ME": "le Monténégro",
    "MK": "la Macédoine du Nord",
    "MT": "Malte",
    "NL": "les Pays-Bas",
    "NO": "la Norvège",
    "NZ": "la Nouvelle-Zélande",
    "PL": "la Pologne",
    "PT": "le Portugal",
    "RO": "la Roumanie",
    "RS": "la Serbie",
    "SE": "la Suède",
    "SI": "la Slovénie",
    "SK": "la Slovaquie",
    "TN": "la Tunisie",
    "TR": "la Turquie",
    "US": "les États-Unis",
    "UY": "l'Uruguay",
    "XK": "le Kosovo",
}
# Where usage departs from the article's rule.
FRENCH_IN = {"IL": "en Israël", "IM": "à l'île de Man"}

# German names that take an article: (genitive, "in" with its preposition, dative).
GERMAN = {
    "CH": ("der Schweiz", "in der Schweiz", "der Schweiz"),
    "GB": ("des Vereinigten Königreichs", "im Vereinigten Königreich", "dem Vereinigten Königreich"),
    "IM": ("der Insel Man", "auf der Insel Man", "der Insel Man"),
    "NL": ("der Niederlande", "in den Niederlanden", "den Niederlanden"),
    "SK": ("der Slowakei", "in der Slowakei", "der Slowakei"),
    "TR": ("der Türkei", "in der Türkei", "der Türkei"),
    "US": ("der Vereinigten Staaten", "in den Vereinigten Staaten", "den Vereinigten Staaten"),
    "XK": ("des Kosovo", "im Kosovo", "dem Kosovo"),
}
# The others take none: genitive "Belgiens", "in Belgien", "mit Belgien".
GERMAN_PLAIN = frozenset(FRENCH) - frozenset(GERMAN)

# Dutch names a few states with an article: "van het Verenigd Koninkrijk", "in de Verenigde Staten".
DUTCH_WITH_ARTICLE = {
    "GB": "het Verenigd Koninkrijk",
    "IM": "het eiland Man",
    "US": "de Verenigde Staten",
    "XK": "Kosovo",  # django-countries has no name for the code the EU uses
}

# django-countries writes some names as a label with the article after them.
_ARTICLE_AFTER = " (The)"


def _english() -> bool:
    language = get_language()
    # Without an active language the source texts are read: English.
    return language is None or language == "en" or language.startswith("en-")


def state_in_sentence(code, form: str | None = None) -> str:
    """The name of the state `code` as written inside a sentence of the active language, in the
    `form` the sentence needs (None, "of", "in" or "with", see above): "the Netherlands" in English
    whatever the form, "des Pays-Bas" for French "of"; the code itself when it names no state."""
    if form not in FORMS:
        raise ValueError(f"unknown form {form!r}: one of {sorted(FORMS, key=str)}")
    code = str(code or "").upper()
    name = str(countries.name(code)) if code else ""
    if _english():
        if not name:
            return code
        if name.endswith(_ARTICLE_AFTER):
            return f"the {name[: -len(_ARTICLE_AFTER)]}"
        return f"the {name}" if code in WITH_THE else name
    language = get_language().split("-")[0]
    if form is None or language not in _FORMS:
        return name or code
    return _FORMS[language](code, form, name)


def _french(code: str, form: str, name: str) -> str:
    with_article = FRENCH.get(code)
    if with_article is None:
        if not name:
            return code
        # "de l'État Japon": the word État carries the article any name would need.
        return {"of": f"de l'État {name}", "in": f"dans l'État {name}", "with": f"l'État {name}"}[form]
    if form == "with":
        return with_article
    if form == "in":
        if code in FRENCH_IN:
            return FRENCH_IN[code]
        for article, preposition in (("les ", "aux "), ("le ", "au "), ("la ", "en "), ("l'", "en ")):
            if with_article.startswith(article):
                return preposition + with_article[len(article) :]
        return f"à {with_article}"  # islands and the like: à Malte, à Chypre
    for article, of in (("les ", "des "), ("le ", "du "), ("la ", "de la "), ("l'", "de l'")):
        if with_article.startswith(article):
            return of + with_article[len(article) :]
    vowel = with_article[:1].lower() in "aeiouyéèêîïôâh"
    return f"d'{with_article}" if vowel else f"de {with_article}"


def _german(code: str, form: str, name: str) -> str:
    forms = GERMAN.get(code)
    if forms is not None:
        return forms[("of", "in", "with").index(form)]
    if code not in GERMAN_PLAIN:
        if not name:
            return code
        # "des Staates Japan": the word Staat takes the case, so no name needs an article.
        return {"of": f"des Staates {name}", "in": f"im Staat {name}", "with": f"dem Staat {name}"}[form]
    if form == "in":
        return f"in {name}"
    if form == "of":
        return f"von {name}" if name.endswith(("s", "ß", "x", "z")) else f"{name}s"
    return name


def _dutch(code: str, form: str, name: str) -> str:
    return DUTCH_WITH_ARTICLE.get(code) or name or code


_FORMS = {"fr": _french, "de": _german, "nl": _dutch}


def state_starting_sentence(code, form: str | None = None) -> str:
    """The same, for a sentence that begins with it: "The Netherlands agreed ..."."""
    return capfirst(state_in_sentence(code, form))
