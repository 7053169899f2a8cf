"""What an employer types when walking the posting wizard to the end, shared by the load run
(locustfile.py, over HTTP) and the instruction count (page_instructions.py, in the process)."""

from __future__ import annotations

from datetime import date, timedelta

WIZARD = "posting_wizard"
COMPANY = {
    "country": "BE",
    "location_type": "company",
    "name": "Brugbouw NV",
    "identification_number": "0123456789",
    "street": "Rue Haute",
    "house_number": "5",
    "postal_code": "1000",
    "town": "Brussels",
}
# A period a few weeks ahead, as a real posting would be requested.
START = date.today() + timedelta(days=21)
END = START + timedelta(days=300)
CONDITIONS = {
    "start": START.isoformat(),
    "end": END.isoformat(),
    "insured_30_days": "yes",
    "host_contract": "no",
    "host_can_change_pay": "no",
    "host_can_dismiss": "no",
    "host_can_discipline": "no",
    "host_hires_out": "no",
    "employer_substantial_activity": "yes",
    "replaces_posted_worker": "no",
    "mission": "Building a bridge",
    "language": "nl",
}
RELATIONSHIP = {"date_of_entry": "2015-01-01", "private_sector": "yes", "classification": "employed"}
CONTACT = {"family_name": "Vries", "given_names": "Eva", "company": "Bench B.V.", "phone": "+31 20 123 4567"}


def wizard_steps(employee: int, submission_key: str) -> list[tuple[str, dict]]:
    """Each step's name and its form's data as the browser posts it (prefixed, with the step)."""
    places = {
        "places-TOTAL_FORMS": "1",
        "places-INITIAL_FORMS": "0",
        "places-MIN_NUM_FORMS": "1",
        "places-MAX_NUM_FORMS": "1000",
        **{f"places-0-{k}": v for k, v in COMPANY.items()},
    }
    answers = [
        ("employee", {"query": "", "employee": employee}),
        ("address", {}),
        ("relationship", RELATIONSHIP),
        ("places", places),
        ("conditions", CONDITIONS),
        ("contact", CONTACT),
        ("check", {"submission_key": submission_key}),
    ]
    steps = []
    for step, data in answers:
        payload = {f"{WIZARD}-current_step": step}
        for key, value in data.items():
            payload[key if key.startswith("places-") else f"{step}-{key}"] = value
        steps.append((step, payload))
    return steps
