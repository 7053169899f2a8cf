"""Requests for the demo (`manage.py load_demo`, `make run`): one of each state a person meets first.

An employer who logs in to the demo should find a consult list with something in it, a
certificate to download and check on /verify/, a request waiting in the caseworker's queue, a
rejection with its reason and a draft to finish. They are made the way people make them: the
answers are checked by the wizard's own forms (as the API does), the request is sent, validated by
the engine, and decided by the demo caseworker, so the certificate is a real PD A1.
"""

import datetime as dt

from django.core.exceptions import ValidationError

from accounts.models import Employee, Organisation, User
from api.request_answers import clean_steps
from api.views.examples import CONDITIONS, CONTACT, POSTING, RELATIONSHIP
from casework.models import Certificate
from postings.models import CoverageRequest
from postings.services.decisions import request_decide
from postings.services.drafts import draft_create, draft_send
from rules.dates import add_months

REJECTION = "The employment contract sent with the request ends before the posting does."


def _posting(employee: Employee, country: str, town: str, site: str, start: dt.date, end: dt.date) -> dict:
    """The API's documented posting (api/views/examples.py) for this worker, place and period, in
    the API's shape (api/request_answers.py checks it step by step)."""
    place = {"location_type": "construction_site", "description": f"Construction works at {site}"}
    return {
        **{step: answers for step, answers in POSTING.items() if step != "type"},
        "employee": employee.pk,
        "relationship": {**RELATIONSHIP, "date_of_entry": employee.date_of_entry.isoformat()},
        "places": [{**place, "country": country, "name": site, "town": town}],
        "conditions": {
            **CONDITIONS,
            "start": start.isoformat(),
            "end": end.isoformat(),
            "language": "en",
            "mission": place["description"],
        },
        "contact": {**CONTACT, "company": employee.employer.name, "email": "employer@demo.test"},
    }


def _draft(actor: User, employer: Organisation, given: dict) -> CoverageRequest:
    answers, errors = clean_steps(
        kind="posting", given=given, current={}, employees=Employee.objects.filter(employer=employer)
    )
    if errors:  # the demo's own answers no longer pass the wizard's checks: say where
        raise ValidationError([f"{e['field']}: {e['message']}" for e in errors])
    return draft_create(
        actor=actor,
        employer=employer,
        kind="posting",
        answers=answers,
        wizard_step=answers["_wizard"]["step"],
    )


def load_demo_requests(*, employer: Organisation, actor: User, caseworker: User, today: dt.date) -> list[str]:
    """Make the demo's requests once (nothing when the employer has any request). Returns lines
    for the terminal: what the demo holds and how to check its certificate on /verify/."""
    if not CoverageRequest.objects.filter(employer=employer).exists():
        _make(employer, actor, caseworker, today)
    lines = [
        "Demo requests for Van Dijk Bouw B.V.: approved (Delporte, BE), in review (de Jong, DE), "
        "rejected (Bakker, FR), a draft (Visser, LU)."
    ]
    certificate = (
        Certificate.objects.filter(request__employer=employer, request__employee__family_name="Delporte")
        .select_related("request__employee")
        .first()
    )
    if certificate is not None:
        birth = certificate.request.employee.birth_date.isoformat()
        lines.append(
            f"Check its certificate on /verify/: number {certificate.number}, date of birth {birth}."
        )
    return lines


def _make(employer: Organisation, actor: User, caseworker: User, today: dt.date) -> None:
    people = {e.family_name: e for e in Employee.objects.filter(employer=employer)}
    start = today - dt.timedelta(days=30)
    end = add_months(start, 12) - dt.timedelta(days=1)  # twelve months to the day

    def sent(name, country, town, site, key):
        draft = _draft(actor, employer, _posting(people[name], country, town, site, start, end))
        # Each service call commits on its own, so the validation task (in-process in the demo)
        # has run before the caseworker decides, as it would have on a real worker.
        return draft_send(actor=actor, draft=draft, submission_key=f"demo-{key}")

    approved = sent("Delporte", "BE", "Antwerpen", "Scheldebrug", "approved")
    request_decide(actor=caseworker, request=approved, decision="approved")
    sent("de Jong", "DE", "Aachen", "Bahnhof Aachen West", "in-review")
    rejected = sent("Bakker", "FR", "Lille", "Gare Lille Europe", "rejected")
    request_decide(actor=caseworker, request=rejected, decision="rejected", reason=REJECTION)
    unfinished = _posting(people["Visser"], "LU", "Luxembourg", "Kirchberg", start, end)
    _draft(actor, employer, {k: unfinished[k] for k in ("employee", "address", "relationship")})
