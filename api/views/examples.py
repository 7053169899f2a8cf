"""OpenAPI examples: one complete request of each type."""

from drf_spectacular.utils import OpenApiExample

CONTACT = {
    "family_name": "de Vries",
    "given_names": "Eva",
    "company": "Van Dijk Bouw B.V.",
    "phone": "+31 20 123 4567",
    "email": "eva@vandijk.example",
}
CONDITIONS = {
    "start": "2025-03-01",
    "end": "2026-02-28",
    "language": "nl",
    "employer_substantial_activity": True,
    "insured_30_days": True,
    "host_contract": False,
    "host_can_change_pay": False,
    "host_can_dismiss": False,
    "host_can_discipline": False,
    "host_hires_out": False,
    "replaces_posted_worker": False,
    "mission": "Building a bridge in Antwerp",
}
RELATIONSHIP = {"date_of_entry": "2015-01-01", "private_sector": True, "classification": "employed"}

POSTING = {
    "type": "posting",
    "employee": 1,
    "address": {"temp_differs": False},
    "relationship": RELATIONSHIP,
    "places": [
        {
            "country": "BE",
            "location_type": "construction_site",
            "name": "Scheldebrug",
            "description": "Bridge works at the Schelde quay",
            "town": "Antwerpen",
        }
    ],
    "conditions": CONDITIONS,
    "contact": CONTACT,
}
SIMULTANEOUS = {
    "type": "simultaneous",
    "employee": 1,
    "address": {"temp_differs": False},
    "relationship": {**RELATIONSHIP, "classification": "transport_road_rail"},
    "states": ["BE", "NL"],
    "places": [
        {"country": "BE", "location_type": "region", "name": "Flanders", "time_pct": 40},
        {"country": "NL", "location_type": "region", "name": "Randstad", "time_pct": 60},
    ],
    "period": {"start": "2025-01-01", "end": "2026-12-31", "language": "en"},
    # Simultaneous occupation only (NSSO 'Contact details'): the contact person's BSN or SSIN, optional.
    "contact": {**CONTACT, "personal_number": "111222333"},
}
SEAFARER = {
    "type": "seafarer",
    "employee": 1,
    "address": {"temp_differs": False},
    "relationship": RELATIONSHIP,
    "ship": {
        "name": "Nieuw Amsterdam",
        "imo_number": "IMO 9378462",
        "flag_state": "NL",
        "territorial_waters_or_port": False,
    },
    "conditions": {**CONDITIONS, "mission": "Deck officer"},
    "contact": CONTACT,
}

# The one value an example cannot know: it answers 400 at "employee" when 1 is not in your directory.
EMPLOYEE_ID = " Put the id of the worker in your personnel directory (GET …/personnel/) in employee."

REQUEST_EXAMPLES = [
    OpenApiExample(
        "Posting",
        value=POSTING,
        request_only=True,
        description="A worker posted to one state (Reg. 883/2004 Art. 12)." + EMPLOYEE_ID,
    ),
    OpenApiExample(
        "Simultaneous occupation",
        value=SIMULTANEOUS,
        request_only=True,
        description="Work in two or more states (Art. 13); shares of working time sum to 100." + EMPLOYEE_ID,
    ),
    OpenApiExample(
        "Seafarer",
        value=SEAFARER,
        request_only=True,
        description="Work on board a sea-going vessel (Art. 11(4))." + EMPLOYEE_ID,
    ),
]
