"""The engine's provision ({"instrument", "article"}, contracts/determination.md) in words.

The check-answers page printed the instrument as the engine codes it: "(national:NL, Article )" for
a case no instrument coordinates, "treaty:NL-US" for a treaty. A person reads the instrument's name
and the states' names instead, and no "Article" where there is none.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .state_names import state_in_sentence

INSTRUMENTS = {
    "883/2004": gettext_lazy("Regulation (EC) No 883/2004"),
    "987/2009": gettext_lazy("Regulation (EC) No 987/2009"),
    "1408/71": gettext_lazy("Regulation (EEC) No 1408/71"),
    "TCA": gettext_lazy("the EU-UK Trade and Cooperation Agreement"),
}


def instrument_name(instrument: str) -> str:
    """ "" for `none` (nothing coordinates the case and no national rule is known)."""
    kind, _colon, codes = (instrument or "").partition(":")
    if kind == "treaty":
        first, _dash, second = codes.partition("-")
        return _("the treaty between %(first)s and %(second)s") % {
            "first": state_in_sentence(first, "with"),
            "second": state_in_sentence(second, "with"),
        }
    if kind == "national":
        return _("the national law of %(state)s") % {"state": state_in_sentence(codes, "of")}
    return str(INSTRUMENTS.get(instrument, ""))


def provision_label(provision: dict | None) -> str:
    """ "Regulation (EC) No 883/2004, Article 12(1)"; "the national law of the Netherlands"; "" for none."""
    provision = provision or {}
    name = instrument_name(provision.get("instrument", ""))
    if name and provision.get("article"):
        values = {"instrument": name, "article": provision["article"]}
        return _("%(instrument)s, Article %(article)s") % values
    return name
