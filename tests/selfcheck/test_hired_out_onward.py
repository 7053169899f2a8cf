"""The self-check asks P6 (legislation.md 2.3): a posted worker whom the host company hires out onward
is no longer posted, so the state of work's legislation applies."""

import html

import pytest
from django.utils import translation

from selfcheck.forms import SelfCheckForm

from .test_page import POSTING, URL

pytestmark = pytest.mark.django_db


def test_a_worker_hired_out_onward_is_under_the_host_states_law(client):
    page = html.unescape(client.post(URL, {**POSTING, "hired_out_onward": "on"}).content.decode())
    assert "The social security legislation of Belgium applies" in page
    assert "11(3)(a)" in page
    assert "The worker is placed at the disposal of a third undertaking, which ends the posting rule." in page


def test_the_question_is_on_the_page_and_unticked_keeps_the_posting(client):
    form = client.get(URL).content.decode()
    assert 'name="hired_out_onward"' in form
    page = html.unescape(client.post(URL, POSTING).content.decode())
    assert "The social security legislation of the Netherlands applies" in page


@pytest.mark.parametrize(
    ("language", "word"), [("nl", "doorlenen"), ("fr", "mise à disposition"), ("de", "Weiterverleih")]
)
def test_the_question_is_translated(language, word):
    label = SelfCheckForm.base_fields["hired_out_onward"].label
    with translation.override(language):
        assert word in str(label)
