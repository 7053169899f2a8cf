"""The API body of a clean posting request, shared by the load and the fault benchmarks."""

import datetime as dt


def api_posting(employee: int | None, start: dt.date, end: dt.date) -> dict:
    body = {
        "type": "posting",
        "address": {"temp_differs": False},
        "relationship": {"date_of_entry": "2015-01-01", "private_sector": True, "classification": "employed"},
        "places": [
            {
                "country": "BE",
                "location_type": "construction_site",
                "name": "Scheldebrug",
                "description": "Bridge works at the Schelde quay",
                "town": "Antwerpen",
            }
        ],
        "conditions": {
            "start": start.isoformat(),
            "end": end.isoformat(),
            "language": "nl",
            "insured_30_days": True,
            "host_contract": False,
            "host_can_change_pay": False,
            "host_can_dismiss": False,
            "host_can_discipline": False,
            "host_hires_out": False,
            "employer_substantial_activity": True,
            "replaces_posted_worker": False,
            "mission": "Bridge works",
        },
        "contact": {
            "family_name": "de Vries",
            "given_names": "Eva",
            "company": "Bench B.V.",
            "phone": "+31 20 123 4567",
            "email": "eva@bench.example",
        },
    }
    if employee is not None:
        body["employee"] = employee
    return body
