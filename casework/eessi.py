"""Country codes as EESSI and the PD A1 schema (PDA1-S) spell them.

legislation.md 1.1: EESSI and the PD A1 schemas use `EL` for Greece and `UK` for the United
Kingdom. The portal stores ISO 3166 codes everywhere (CountryField, answers, the determination) and
maps them here only where it produces EESSI output: the host-state records (SED A009/A003 fields)
and the codes printed on the PD A1."""

# ISO 3166-1 alpha-2 -> EESSI, only where the two differ.
_EESSI = {"GR": "EL", "GB": "UK"}


def eessi_country(code) -> str:
    """The EESSI code of an ISO country code (str or django-countries Country); empty stays empty."""
    code = str(code or "")  # a Country is falsy when empty and prints as its code
    return _EESSI.get(code, code)
