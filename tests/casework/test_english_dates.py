"""English pages write dates day first with a 24-hour clock (coverage_portal/formats/en): Django's
own English formats are American, which the caseworker's request page showed ("Nov. 23, 2026,
1:27 p.m.")."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from postings.models import CoverageRequest
from tests.casework.builders import make_request

pytestmark = pytest.mark.django_db


def test_the_caseworkers_request_page_writes_the_sent_time_day_first(
    caseworker_client, engine, employer, employer_admin, employee
):
    request = make_request(employer, employee, employer_admin)
    sent = timezone.make_aware(dt.datetime(2026, 11, 23, 13, 27))
    CoverageRequest.objects.filter(pk=request.pk).update(submitted_at=sent)
    page = caseworker_client.get(reverse("admin:postings_coveragerequest_change", args=[request.pk]))
    html = page.content.decode()
    assert "23 November 2026, 13:27" in html
    assert "Nov. 23, 2026" not in html and "p.m." not in html
