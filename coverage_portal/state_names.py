"""A state's name as it stands inside a sentence, in the reader's language.

django-countries gives the name as a label ("Netherlands", "United Kingdom"); inside an English
sentence some names take "the": "the national law of the Netherlands", "insured in the United
Kingdom", "the Faroe Islands", "the Isle of Man" (but "Czechia", "Belgium"). The other languages'
translations are written around the bare name ("de wetgeving van Nederland"; French and German
name the state after a colon or the word "État"/"Staat"), so they get the name as it is.
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
# django-countries writes some names as a label with the article after them.
_ARTICLE_AFTER = " (The)"


def _english() -> bool:
    language = get_language()
    # Without an active language the source texts are read: English.
    return language is None or language == "en" or language.startswith("en-")


def state_in_sentence(code) -> str:
    """The name of the state `code` as written inside a sentence of the active language: "the
    Netherlands" in English, "Nederland" in Dutch; the code itself when it names no state."""
    code = str(code or "").upper()
    name = str(countries.name(code)) if code else ""
    if not name:
        return code
    if not _english():
        return name
    if name.endswith(_ARTICLE_AFTER):
        return f"the {name[: -len(_ARTICLE_AFTER)]}"
    return f"the {name}" if code in WITH_THE else name


def state_starting_sentence(code) -> str:
    """The same, for a sentence that begins with it: "The Netherlands agreed ..."."""
    return capfirst(state_in_sentence(code))
