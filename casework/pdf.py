"""The PD A1 as a PDF (WeasyPrint), in the certificate's language, with a QR code that opens the
verification page and a document number on every page.

Speed (benchmarks/pdf_bench.py): the stylesheet is parsed once per process (a weasyprint CSS object
bound to the one FontConfiguration), the QR code is inline SVG (WeasyPrint draws it far faster than
an SVG or PNG data URI), and the tables have a fixed layout (no auto-width pass over every cell).
"""

import functools
import io
import logging
from urllib.parse import urlencode

import segno
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django_countries import countries

from coverage_portal.state_names import state_in_sentence
from postings.wizards.conditions import AIR, classification

from .certificate_labels import EXCEPTION_CODE, STATUS_CODES, labels_for
from .eessi import eessi_country
from .signing import certificate_signature

# Type of request -> status code when the determination carries none (the engine not reached).
FALLBACK_STATUS = {"posting": "01", "simultaneous": "02", "seafarer": "07"}
# The same for a self-employed person: 3.3 posted, 3.4 in two or more states (legislation.md 4.4).
FALLBACK_STATUS_SELF_EMPLOYED = {"posting": "03", "simultaneous": "04"}
# 3.5 civil servant (883 Art. 11(3)(b); legislation.md 4.4).
CIVIL_SERVANT_CODE = "05"
# 3.10 flight or cabin crew member (883 Art. 11(5); legislation.md 4.4).
FLIGHT_CREW_CODE = "10"
# The boxes of an Art. 13 type determination: 3.2, 3.4, 3.8, 3.9 (legislation.md 4.4, 4.8).
ART13_CODES = {"02", "04", "08", "09"}
# Section 4.1 ticks "Self-employed" for these codes (legislation.md 4.4, 4.5).
SELF_EMPLOYED_CODES = {"03", "04"}
MAX_PRINTED_PLACES = 3  # 5.2: addresses of at most three places (legislation.md 4.6)
MAX_PRINTED_NAMES = 15  # 5.1: names of at most fifteen places (legislation.md 4.6)

# WeasyPrint logs seven INFO lines per document (and some on import); the worker's log needs none.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)


def verification_url(certificate) -> str:
    query = urlencode(
        {"n": certificate.number, "s": certificate_signature(certificate.number, certificate.holder)}
    )
    return f"{settings.PORTAL_BASE_URL}{reverse('casework:verify')}?{query}"


def qr_svg(url: str) -> str:
    """The QR code as an inline <svg> element (viewBox only: the stylesheet sizes it)."""
    out = io.BytesIO()
    segno.make(url, error="m").save(
        out, kind="svg", border=0, xmldecl=False, nl=False, omitsize=True, svgclass="qr-code", lineclass=None
    )
    return out.getvalue().decode()


def _country(code: str) -> str:
    return str(countries.name(code)) if code else ""


def _flag_or_base(place, home_base: str) -> str:
    """5.1: the flag state of a ship, the home base of aircrew (legislation.md 4.6). An ocean vessel
    entered as a place of work gives its flag as the place's state; a home base is its state."""
    if place.flag_state:
        return _country(place.flag_state.code)
    if place.location_type in ("ocean_vessel", "home_base"):
        return _country(place.country.code)
    return _country(home_base)


def _employer_identifier(employer) -> str:
    """4.2 with the kind of number ("KvK number: 12345678"): the PD A1 schema types the identifier
    (registration, social security, fiscal; legislation.md 4.5), and an inspector abroad cannot tell
    a KvK number from a payroll tax number or an RSIN by its digits."""
    if not employer.registration_field:
        return ""
    label = employer._meta.get_field(employer.registration_field).verbose_name
    return f"{capfirst(label)}: {employer.registration_number}"


def _places(request) -> tuple[list[dict], bool, bool, str]:
    places = list(request.places.all())
    answers = request.answers or {}
    home_base = (answers.get("relationship") or {}).get("home_base") or ""
    home_base = home_base if classification(answers) == AIR else ""
    rows = [
        {
            "seq": i,
            "name": p.name or p.get_location_type_display(),
            "flag_or_base": _flag_or_base(p, home_base),
            # "Rue Haute 12, 1000 Bruxelles": post code and town together, as 1.8 and 4.4 print them.
            "address": ", ".join(
                x
                for x in (
                    " ".join(y for y in (p.street, p.house_number) if y),
                    " ".join(y for y in (p.postal_code, p.town) if y),
                )
                if x
            ),
            "country": _country(p.country.code),
            "country_code": eessi_country(p.country.code),
        }
        for i, p in enumerate(places, start=1)
    ]
    no_fixed = (
        not places or len(places) > MAX_PRINTED_PLACES or any(p.location_type == "region" for p in places)
    )
    description = ""
    if no_fixed:
        described = [p.description for p in places if p.description]
        states = sorted(
            {_country(p.country.code) for p in places}
            | ({_country(request.state_of_work.code)} if request.state_of_work else set())
        )
        description = "; ".join(described) or ", ".join(s for s in states if s)
    return rows[:MAX_PRINTED_NAMES], len(rows) <= MAX_PRINTED_PLACES, no_fixed, description


def status_code_for(request, determination: dict) -> str:
    """The section 3 code the certificate ticks: the engine's, else one from the request's type."""
    code = determination.get("a1_status_code")
    if code:
        return code
    if classification(request.answers or {}) == "civil_servant":
        # A civil servant is certified under Art. 11(3)(b), box 3.5, also when posted or working in
        # several states, as the engine does (legislation.md 4.4, 4.8); 3.1/3.2 are for employees.
        return CIVIL_SERVANT_CODE
    if classification(request.answers or {}) == AIR:
        # Aircrew are certified in box 3.10 (883 Art. 11(5)), also when they work in two or more
        # states, as the engine does (13(1) with 11(5) -> 3.10; legislation.md 4.4, 4.8); 3.2 is for
        # other employees.
        return FLIGHT_CREW_CODE
    if classification(request.answers or {}) == "self_employed":
        return FALLBACK_STATUS_SELF_EMPLOYED.get(request.type, "12")
    return FALLBACK_STATUS.get(request.type, "12")


def art13_box(request, determination: dict) -> bool:
    """Whether the certificate attests an Art. 13 type determination by its box (provisional until
    definitive, R987 Art. 16(2); sent as an A003): an Art. 13 box, or, for a request decided by hand,
    aircrew in two or more states (box 3.10; 987 Art. 14(5a) second subparagraph places them under
    Art. 13, so legislation.md 4.8 ticks 2.5 "unless also under Art. 13 and not yet definitive")."""
    code = status_code_for(request, determination)
    if code in ART13_CODES:
        return True
    return not determination and code == FLIGHT_CREW_CODE and request.type == "simultaneous"


def _exception_description(code: str, provision: dict, request) -> str:
    """3.11 comes with a description of the exception (legislation.md 4.4, 4.8: "3.11 + description"):
    the article and, when a caseworker recorded it, the state that agreed and its reference, so an
    inspector can trace the agreement."""
    if code != EXCEPTION_CODE or not provision.get("article"):
        return ""
    text = _("Agreement under Article %(article)s of Regulation %(instrument)s") % {
        "article": provision["article"],
        "instrument": provision.get("instrument") or "883/2004",
    }
    from .models import ExceptionAgreement

    agreement = ExceptionAgreement.objects.filter(request_id=request.pk, outcome="agreed").first()
    if agreement is None:
        return text
    agreed_with = _("with %(state)s") % {"state": state_in_sentence(agreement.other_state.code, "with")}
    return " ".join(
        p for p in (text, agreed_with, f"({agreement.reference})" if agreement.reference else "") if p
    )


def certificate_context(certificate) -> dict:
    request = certificate.request
    determination = request.determination or {}
    code = status_code_for(request, determination)
    provision = determination.get("provision") or {}
    labels = labels_for(certificate.language)
    holder = dict(certificate.holder)
    for key in ("nationality", "country", "temp_country"):
        holder[key + "_name"] = _country(holder.get(key, ""))
        # The PD A1 follows the PDA1 schema: its printed codes are EESSI's (EL, UK), names stay.
        holder[key + "_code"] = eessi_country(holder.get(key, ""))
    # 1.4 is filled only where the surname at birth differs (legislation.md 4.2).
    if (holder.get("family_name_at_birth") or "").strip().casefold() == (
        holder.get("family_name") or ""
    ).strip().casefold():
        holder["family_name_at_birth"] = ""
    places, place_addresses, no_fixed, no_fixed_description = _places(request)
    employer = request.employer
    verify_url = verification_url(certificate)
    exception_description = _exception_description(code, provision, request)
    return {
        "certificate": certificate,
        "request": request,
        "labels": labels,
        "holder": holder,
        "legislation_state": _country(
            determination.get("legislation") or settings.PORTAL_INSTITUTION["state"]
        ),
        "legislation_code": eessi_country(
            determination.get("legislation") or settings.PORTAL_INSTITUTION["state"]
        ),
        "provisional": certificate.provisional,
        "transitional": bool(determination.get("transitional")),
        "provision": provision,
        "statuses": [
            {
                "box": f"3.{i}",
                "code": c,
                "text": labels["status"][i - 1],
                "ticked": c == code,
                "description": exception_description if c == code else "",
            }
            for i, c in enumerate(STATUS_CODES, start=1)
        ],
        "self_employed": code in SELF_EMPLOYED_CODES
        or classification(request.answers or {}) == "self_employed",
        "employer": employer,
        "employer_identifier": _employer_identifier(employer),
        "employer_country": _country(employer.country.code),
        "employer_country_code": eessi_country(employer.country.code),
        "places": places,
        "place_addresses": place_addresses,
        "no_fixed_address": no_fixed,
        "no_fixed_address_description": no_fixed_description,
        "institution": settings.PORTAL_INSTITUTION,
        "institution_country": _country(settings.PORTAL_INSTITUTION["state"]),
        "institution_country_code": eessi_country(settings.PORTAL_INSTITUTION["state"]),
        "verify_url": verify_url,
        "verify_page": settings.PORTAL_BASE_URL + reverse("casework:verify"),
        "qr_svg": qr_svg(verify_url),
    }


def render_certificate_html(certificate) -> str:
    with translation.override(certificate.language):
        return render_to_string("certificates/pd_a1.html", certificate_context(certificate))


@functools.cache
def _font_config():
    """One font configuration per process: fontconfig is set up once, not for every certificate."""
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()


@functools.cache
def _stylesheet():
    """templates/certificates/pd_a1.css, parsed once per process and reused for every PDF."""
    from weasyprint import CSS

    css = (settings.BASE_DIR / "templates" / "certificates" / "pd_a1.css").read_text(encoding="utf-8")
    return CSS(string=css, font_config=_font_config())


def render_certificate_pdf(certificate) -> bytes:
    from weasyprint import HTML

    html = render_certificate_html(certificate)
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf(
        stylesheets=[_stylesheet()], font_config=_font_config()
    )
