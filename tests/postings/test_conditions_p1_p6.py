"""Posting conditions P1 and P6 (legislation.md 2.3): the conditions step asks them, the real engine
decides on them, the pages show them, and a request stored before they were asked keeps its answer.

P1: the employer normally carries out substantial activities in the sending state. P6: the host
company does not place the worker at the disposal of another company ("doorlenen"). Before, the
portal told the engine "yes" and "no" for every request, so a letterbox employer or a worker hired
out onward was told the sending state's law applies.
"""

import html
import re

import pytest
from django.urls import reverse
from django.utils import translation

import rules
from postings.forms.steps import ConditionsForm
from postings.models import CoverageRequest
from postings.situation import situation_from_request
from postings.status import Status
from tests import factories

from .conftest import stored_posting, stored_seafarer
from .test_posting_wizard import P, send, walk_to_check
from .wizard_helpers import CONDITIONS, post_step, start, step_url

pytestmark = pytest.mark.django_db

HIRED_OUT = "The worker is placed at the disposal of a third undertaking, which ends the posting rule."
NOT_SUBSTANTIAL = "No employer carries out substantial activities in the sending state NL"
HIRED_OUT_QUESTION = "Will the host company place the employee at the disposal of another company"
ACTIVITY_QUESTION = "Does the employer normally carry out substantial activities in the state it posts"


def _answer_conditions_again(client, draft, **answers):
    """From check your answers, "Change" the conditions, answer again, and read check your answers."""
    response = post_step(client, draft, "conditions", {**CONDITIONS, **answers}, P, return_to_check="1")
    assert response["Location"] == step_url(draft, "check")
    return html.unescape(client.get(step_url(draft, "check")).content.decode())


@pytest.mark.parametrize(
    ("answers", "reason"),
    [({"host_hires_out": "yes"}, HIRED_OUT), ({"employer_substantial_activity": "no"}, NOT_SUBSTANTIAL)],
    ids=["hired-out-onward", "no-substantial-activity"],
)
def test_a_failed_condition_gives_the_host_states_law_on_check_answers_and_in_the_outcome(
    logged_in, employee, answers, reason, django_capture_on_commit_callbacks
):
    draft = start(logged_in, "posting")
    page = html.unescape(walk_to_check(logged_in, draft, employee).content.decode())
    assert "the legislation of <strong>the Netherlands</strong> applies" in page
    # Both questions are listed with the other answers, each with its answer.
    assert HIRED_OUT_QUESTION in page and ACTIVITY_QUESTION in page

    page = _answer_conditions_again(logged_in, draft, **answers)
    assert "the legislation of <strong>Belgium</strong> applies" in page
    assert "11(3)(a)" in page and reason in page
    assert "This is not the issuing state's legislation." in page

    with django_capture_on_commit_callbacks(execute=True):
        send(logged_in, draft)
    sent = CoverageRequest.objects.get(pk=draft.pk)
    assert sent.status != Status.DRAFT
    assert sent.determination["legislation"] == "BE"
    assert sent.determination["provision"]["article"] == "11(3)(a)"
    failed = [r["code"] for r in sent.determination["reasons"] if not r["passed"]]
    expected = "ART12_1_NOT_HIRED_OUT" if "host_hires_out" in answers else "ART12_1_EMPLOYER_ACTIVITY"
    assert failed == [expected]


def test_the_request_page_shows_both_answers(logged_in, employee, django_capture_on_commit_callbacks):
    draft = start(logged_in, "posting")
    walk_to_check(logged_in, draft, employee)
    _answer_conditions_again(logged_in, draft, host_hires_out="yes")
    with django_capture_on_commit_callbacks(execute=True):
        send(logged_in, draft)
    page = html.unescape(logged_in.get(reverse("postings:detail", args=[draft.pk])).content.decode())
    rows = {
        label.strip(): value.strip() for label, value in re.findall(r"<dt>([^<]*)</dt><dd>([^<]*)</dd>", page)
    }
    hired_out = next(label for label in rows if label.startswith(HIRED_OUT_QUESTION))
    activity = next(label for label in rows if label.startswith(ACTIVITY_QUESTION))
    assert rows[hired_out] == "Yes" and rows[activity] == "Yes"
    assert "(Netherlands)" in activity  # the issuing state, by name


def test_the_conditions_step_requires_both_answers(logged_in, employee):
    draft = start(logged_in, "posting")
    walk_to_check(logged_in, draft, employee)
    unanswered = {
        k: v for k, v in CONDITIONS.items() if k not in ("host_hires_out", "employer_substantial_activity")
    }
    response = post_step(logged_in, draft, "conditions", unanswered, P, return_to_check="1")
    assert response.status_code == 200
    form = response.context["wizard"]["form"]
    assert set(form.errors) == {"host_hires_out", "employer_substantial_activity"}


def test_a_seafarer_hired_out_onward_is_not_posted_to_the_flag_state(employer, employer_admin):
    """The seafarer wizard shares the conditions step: P6 and P1 hold for a seafarer's posting too."""
    employee = factories.make_employee(employer, family_name="Peeters", country="BE")
    for answers, code in (
        ({"host_hires_out": True}, "ART12_1_NOT_HIRED_OUT"),
        ({"employer_substantial_activity": False}, "ART12_1_EMPLOYER_ACTIVITY"),
    ):
        request = stored_seafarer(employer, employee, employer_admin, "MT", **answers)
        determination = rules.determine(situation_from_request(request))
        assert determination["legislation"] == "MT"  # the flag state, Art. 11(4)
        assert code in [r["code"] for r in determination["reasons"] if not r["passed"]]
    request = stored_seafarer(employer, employee, employer_admin, "MT")
    assert rules.determine(situation_from_request(request))["legislation"] == "NL"


def test_the_answers_reach_the_engine_and_a_request_stored_without_them_determines_as_before(
    employer, employee, employer_admin
):
    """An old request (sent before the two questions were asked) has no answer to them: it gets the
    values every request was sent with until then, so its determination does not change."""
    answered = stored_posting(employer, employee, employer_admin, "2025-03-01", "2025-12-31")
    answered.answers["conditions"].update(host_hires_out=True, employer_substantial_activity=False)
    situation = situation_from_request(answered)
    assert situation["posting"]["placed_at_disposal_of_third_undertaking"] is True
    assert situation["employers"][0]["substantial_activity_in_seat"] is False
    assert rules.determine(situation)["legislation"] == "BE"

    old = stored_posting(
        employer, employee, employer_admin, "2025-03-01", "2025-12-31", status=Status.SUBMITTED
    )
    for key in ("host_hires_out", "employer_substantial_activity"):
        del old.answers["conditions"][key]
    situation = situation_from_request(old)
    assert situation["posting"]["placed_at_disposal_of_third_undertaking"] is False
    assert situation["employers"][0]["substantial_activity_in_seat"] is True
    determination = rules.determine(situation)
    assert (determination["legislation"], determination["provision"]["article"]) == ("NL", "12(1)")


@pytest.mark.parametrize(
    ("language", "word"), [("nl", "doorlenen"), ("fr", "mise à disposition"), ("de", "Weiterverleih")]
)
def test_the_questions_are_translated(logged_in, employee, language, word):
    fields = ConditionsForm.base_fields
    texts = [fields[name].label for name in ("host_hires_out", "employer_substantial_activity")] + [
        fields[name].help_text for name in ("host_hires_out", "employer_substantial_activity")
    ]
    english = [str(text) for text in texts]
    with translation.override(language):
        translated = [str(text) for text in texts]
    assert all(t != e for t, e in zip(translated, english, strict=True)), translated
    assert word in translated[0]
    # And on the page, in the reader's language.
    draft = start(logged_in, "posting")
    walk_to_check(logged_in, draft, employee)
    logged_in.post(reverse("set_language"), {"language": language, "next": step_url(draft, "conditions")})
    page = html.unescape(logged_in.get(step_url(draft, "conditions")).content.decode())
    assert translated[0] in page and translated[1] in page
