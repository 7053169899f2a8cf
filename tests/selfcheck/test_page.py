"""The public self-check page at /check/."""

import pytest

URL = "/check/"

POSTING = {
    "residence": "NL",
    "employment_type": "employed",
    "work_1_country": "BE",
    "work_1_time": "100",
    "work_1_pay": "100",
    "employer_seat": "NL",
    "employer_substantial": "on",
    "start": "2030-03-01",
    "end": "2031-02-28",
    "is_posting": "on",
    "sending_state": "NL",
    "months_insured_before": "12",
}


@pytest.mark.django_db
def test_get_renders_form(client):
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Where do you live?" in html
    assert 'name="work_4_country"' in html


@pytest.mark.django_db
def test_valid_posting_shows_determination(client):
    response = client.post(URL, POSTING)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Netherlands" in html
    assert "12(1)" in html
    assert "A PD A1 would be issued" in html
    assert "The planned posting lasts 12 months; the limit is 24 months." in html
    assert 'href="/requests/"' in html


@pytest.mark.django_db
def test_the_rule_that_decides_is_named_in_words(client):
    """The regulation by its name, not the engine's "883/2004" or "national:US"."""
    html = client.post(URL, POSTING).content.decode()
    assert "Regulation (EC) No 883/2004, Article 12(1)" in html
    dutch = client.post(URL, POSTING, HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    assert "Verordening (EG) nr. 883/2004, artikel 12(1)" in dutch
    treaty = client.post(URL, {**POSTING, "work_1_country": "US"}).content.decode()
    assert "the treaty between the Netherlands and the United States of America, Article 9" in treaty
    national = client.post(URL, {**POSTING, "work_1_country": "NG"}).content.decode()
    assert "national:" not in national and "the national law of" in national


@pytest.mark.django_db
def test_multi_state_shows_reasons_and_provisional(client):
    data = {
        "residence": "BE",
        "employment_type": "employed",
        "work_1_country": "BE",
        "work_1_time": "24",
        "work_1_pay": "24",
        "work_2_country": "NL",
        "work_2_time": "76",
        "work_2_pay": "76",
        "employer_seat": "NL",
        "employer_substantial": "on",
    }
    html = client.post(URL, data).content.decode()
    assert "13(1)(b)(i)" in html
    assert "Not met" in html
    assert "provisional" in html


@pytest.mark.django_db
def test_missing_answers_show_errors_at_fields(client):
    response = client.post(URL, {"employment_type": "seafarer"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "There is a problem" in html
    assert 'href="#id_residence"' in html
    assert 'id="id_flag_state_error"' in html
    assert response.context["form"].errors["flag_state"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "residence", "work"),
    [
        ("en", "Choose the country where you live.", "Choose what kind of work you do."),
        ("nl", "Kies het land waar u woont.", "Kies wat voor werk u doet."),
    ],
)
def test_an_empty_form_says_which_answers_are_missing(client, language, residence, work):
    """Sent empty, the summary listed Django's "This field is required." twice, naming neither question,
    and the second linked to "#" (a radio group has no id of its own): it goes to the first option."""
    # As a browser sends it: the selects' empty values, no radio button.
    response = client.post(URL, {"residence": "", "nationality": ""}, HTTP_ACCEPT_LANGUAGE=language)
    html = response.content.decode()
    start = html.index('class="error-summary"')
    summary = html[start : html.index("</ul>", start)]
    assert f'<a href="#id_residence">{residence}</a>' in summary
    assert f'<a href="#id_employment_type_0">{work}</a>' in summary
    assert "required" not in summary and "vereist" not in summary
    assert 'id="id_residence_error"' in html and 'id="id_employment_type_0"' in html


@pytest.mark.django_db
def test_engine_errors_are_mapped_to_fields(client):
    data = dict(POSTING, work_1_time="60")  # shares no longer add up to 100
    response = client.post(URL, data)
    form = response.context["form"]
    assert "work_1_time" in form.errors
    data = dict(POSTING, end="2029-01-01")  # ends before it starts
    assert "end" in client.post(URL, data).context["form"].errors


@pytest.mark.django_db
def test_garbage_post_is_not_a_500(client):
    response = client.post(URL, {"employment_type": "x" * 1000, "work_1_time": "abc", "start": "31-31-31"})
    assert response.status_code == 200
    assert response.context["form"].errors
