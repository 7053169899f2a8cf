"""Fourteenth session's walkthrough: the caseworker's date fields were the browser's own date input,
month first in an en-US browser (07/30/2027), on pages that write dates day first. They are typed as
day-month-year like the rest of the portal, with the admin's calendar, and the hint says the format."""

import datetime as dt
import re

import pytest
from django import forms
from django.contrib.admin.widgets import AdminDateWidget
from django.urls import reverse

from casework import forms as casework_forms
from tests.casework.builders import committed, make_request

pytestmark = pytest.mark.django_db

DATE_FORMS = [
    casework_forms.ApproveForm,
    casework_forms.ObjectionForm,
    casework_forms.SettleObjectionForm,
    casework_forms.ExceptionAnswerForm,
    casework_forms.RecordsSentForm,
]


@pytest.fixture
def in_review(engine, employer, employer_admin, employee):
    return make_request(employer, employee, employer_admin)


def _approve(request):
    return reverse("admin:postings_coveragerequest_approve", args=[request.pk])


@pytest.mark.parametrize("form_class", DATE_FORMS)
def test_every_casework_date_is_typed_day_first_with_the_admins_calendar(form_class):
    dates = [f for f in form_class.base_fields.values() if isinstance(f, forms.DateField)]
    assert dates
    for field in dates:
        assert isinstance(field.widget, AdminDateWidget) and field.widget.input_type == "text"
        assert field.widget.format == "%d-%m-%Y"
        assert "Day-month-year, for example 30-07-2027." in str(field.help_text)


def test_the_approve_page_shows_and_takes_the_period_day_first(caseworker_client, in_review):
    html = caseworker_client.get(_approve(in_review)).content.decode()
    assert 'type="date"' not in html
    assert 'value="01-03-2027"' in html and 'value="31-12-2027"' in html
    assert "Day-month-year, for example 30-07-2027." in html
    # The admin's calendar, with the format catalogue it writes the date in.
    assert reverse("admin:jsi18n") in html and "DateTimeShortcuts.js" in html and "vDateField" in html

    month_first = caseworker_client.post(
        _approve(in_review), {"admitted_start": "01-03-2027", "admitted_end": "06/30/2027"}
    )
    assert "Enter the date as day-month-year, for example 30-07-2027." in month_first.content.decode()
    with committed():
        response = caseworker_client.post(
            _approve(in_review), {"admitted_start": "01-03-2027", "admitted_end": "30-06-2027"}
        )
    assert response.status_code == 302
    in_review.refresh_from_db()
    assert (in_review.admitted_start, in_review.admitted_end) == (dt.date(2027, 3, 1), dt.date(2027, 6, 30))


@pytest.mark.parametrize("typed", ["03-04-2027", "03/04/2027", "03.04.2027", "2027-04-03"])
@pytest.mark.parametrize("language", ["en", "nl", "fr", "de"])
def test_a_typed_date_is_read_day_first_in_every_language(typed, language):
    from django.utils import translation

    with translation.override(language):
        form = casework_forms.RecordsSentForm({"sent_on": typed})
        assert form.is_valid(), form.errors
    assert form.cleaned_data["sent_on"] == dt.date(2027, 4, 3)


@pytest.mark.parametrize(
    "language, hint",
    [
        ("nl", "Dag-maand-jaar, bijvoorbeeld 30-07-2027."),
        ("fr", "Jour-mois-année, par exemple 30-07-2027."),
        ("de", "Tag-Monat-Jahr, zum Beispiel 30-07-2027."),
    ],
)
def test_the_hint_is_translated(caseworker_client, in_review, language, hint):
    html = caseworker_client.get(_approve(in_review), HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert hint in html


@pytest.mark.parametrize("language", ["en", "nl", "fr", "de"])
def test_the_admins_calendar_fills_in_the_date_day_first(caseworker_client, language):
    """The calendar writes the first of DATE_INPUT_FORMATS (DateTimeShortcuts.js)."""
    catalog = caseworker_client.get(reverse("admin:jsi18n"), HTTP_ACCEPT_LANGUAGE=language).content.decode()
    formats = re.search(r'"DATE_INPUT_FORMATS": \[\s*"([^"]+)"', catalog)
    assert formats.group(1) == "%d-%m-%Y"


@pytest.mark.parametrize("language", ["en", "nl", "fr", "de"])
def test_the_employers_browser_date_fields_keep_their_iso_value(client, employer_admin, language):
    """A browser's date field shows only an ISO value: without its own format, Django wrote the
    language's first input format (30-07-2027 in Dutch, and now in English) and the field came up
    empty after filtering the consult page, on the self-check and on an extension."""
    from django.utils import translation

    from postings.views.drafts import ExtendForm
    from selfcheck.forms import SelfCheckForm

    client.force_login(employer_admin)
    html = client.get(
        reverse("postings:list"), {"requested_start_from": "2027-03-01"}, HTTP_ACCEPT_LANGUAGE=language
    ).content.decode()
    assert 'type="date" name="requested_start_from" value="2027-03-01"' in html
    with translation.override(language):
        assert 'value="2027-03-01"' in str(SelfCheckForm(initial={"start": dt.date(2027, 3, 1)})["start"])
        assert 'value="2027-03-01"' in str(ExtendForm(initial={"new_end": dt.date(2027, 3, 1)})["new_end"])
