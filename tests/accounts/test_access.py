"""Every role against every accounts page: nobody sees an employer they may not act for, by id, by
filter or by search; a revoked or expired mandate stops access at once."""

import datetime as dt

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from accounts.models import EmployeeAuthorization, ImportJob, Membership
from tests import factories

pytestmark = pytest.mark.django_db

ROLES = [
    "anonymous",
    "employer_admin",
    "employer_filer",
    "other_admin",
    "rep_mandated",
    "rep_unmandated",
    "rep_revoked",
    "rep_expired",
    "caseworker",
]


@pytest.fixture
def world(employer, employer_admin, representative_firm):
    employee = factories.make_employee(employer, family_name="Delporte", personal_number="111222333")
    filer = factories.make_user(email="filer@vandijk.test")
    factories.add_member(filer, employer, role=Membership.Role.EMPLOYER_FILER)
    other = factories.make_employer(name="Other B.V.")
    other_admin = factories.make_user(email="admin@other.test")
    factories.add_member(other_admin, other)
    factories.make_employee(other, family_name="Otherperson")

    def rep(name, **mandate):
        firm = factories.make_representative(name=name)
        staff = factories.make_user(email=f"{name.lower()}@firm.test")
        factories.add_member(staff, firm)
        if not mandate.pop("none", False):
            factories.make_mandate(employer, firm, **mandate)
        return staff, firm

    rep_mandated, firm = rep("Mandated")
    rep_unmandated, _ = rep("Unmandated", none=True)
    rep_revoked, _ = rep("Revoked", revoked_at=timezone.now())
    rep_expired, _ = rep("Expired", valid_until=timezone.localdate() - dt.timedelta(days=1))
    job = ImportJob.objects.create(employer=employer, created_by=employer_admin, source="x", status="done")
    authorization = EmployeeAuthorization.objects.create(
        employer=employer, employee=employee, representative=firm, uploaded_by=rep_mandated
    )
    authorization.file.save("a.pdf", ContentFile(b"%PDF-1.4 111222333"))
    users = {
        "anonymous": None,
        "employer_admin": employer_admin,
        "employer_filer": filer,
        "other_admin": other_admin,
        "rep_mandated": rep_mandated,
        "rep_unmandated": rep_unmandated,
        "rep_revoked": rep_revoked,
        "rep_expired": rep_expired,
        "caseworker": factories.make_caseworker(),
    }
    return {
        "users": users,
        "employee": employee,
        "job": job,
        "authorization": authorization,
        "employer": employer,
    }


def pages(world):
    e, j, a = world["employee"].pk, world["job"].pk, world["authorization"].pk
    return {
        "personnel": reverse("accounts:personnel"),
        "detail": reverse("accounts:personnel_detail", args=[e]),
        "edit": reverse("accounts:personnel_edit", args=[e]),
        "add": reverse("accounts:personnel_add"),
        "import": reverse("accounts:personnel_import"),
        "import_status": reverse("accounts:personnel_import_status", args=[j]),
        "authorizations": reverse("accounts:authorizations"),
        "authorization_file": reverse("accounts:authorization_file", args=[a]),
        "mandates": reverse("accounts:mandates"),
        "users": reverse("accounts:users", args=[world["employer"].pk]),
    }


OK, DENIED, MISSING, LOGIN = 200, 403, 404, 302
ALL_OK = dict.fromkeys(
    ["personnel", "detail", "edit", "add", "import", "import_status", "authorizations", "authorization_file"],
    OK,
)
NO_EMPLOYER = {
    **dict.fromkeys(ALL_OK, DENIED),
    "mandates": DENIED,
    "users": MISSING,
}
EXPECTED = {
    "anonymous": {**dict.fromkeys(ALL_OK, LOGIN), "mandates": LOGIN, "users": LOGIN},
    "employer_admin": {**ALL_OK, "mandates": OK, "users": OK},
    "employer_filer": {**ALL_OK, "mandates": DENIED, "users": MISSING},
    # Acts for its own employer: pages open, ids of Van Dijk's objects are 404.
    "other_admin": {
        **ALL_OK,
        "detail": MISSING,
        "edit": MISSING,
        "import_status": MISSING,
        "authorization_file": MISSING,
        "mandates": OK,
        "users": MISSING,
    },
    "rep_mandated": {**ALL_OK, "mandates": DENIED, "users": MISSING},
    "rep_unmandated": NO_EMPLOYER,
    "rep_revoked": NO_EMPLOYER,
    "rep_expired": NO_EMPLOYER,
    "caseworker": NO_EMPLOYER,
}


@pytest.mark.parametrize("role", ROLES)
def test_every_role_against_every_page(client, world, role):
    user = world["users"][role]
    if user is not None:
        client.force_login(user)
    got = {name: client.get(url).status_code for name, url in pages(world).items()}
    assert got == EXPECTED[role]


@pytest.mark.parametrize(
    "role", ["other_admin", "rep_unmandated", "rep_revoked", "rep_expired", "caseworker"]
)
def test_no_employee_data_leaks_by_search_or_list(client, world, role):
    client.force_login(world["users"][role])
    link = reverse("accounts:personnel_detail", args=[world["employee"].pk])
    for query in ("", "por", "Delporte", "111222333"):
        html = client.get(reverse("accounts:personnel"), {"q": query}).content.decode()
        assert f'href="{link}"' not in html and "•2333" not in html


@pytest.mark.parametrize(
    "role", ["other_admin", "rep_unmandated", "rep_revoked", "rep_expired", "caseworker"]
)
def test_cannot_change_other_employers_data_by_post(client, world, role):
    client.force_login(world["users"][role])
    mandate = world["employer"].mandates_given.filter(revoked_at__isnull=True).first()
    response = client.post(reverse("accounts:mandate_revoke", args=[mandate.pk]))
    assert response.status_code in (403, 404)
    mandate.refresh_from_db()
    assert mandate.revoked_at is None
    response = client.post(
        reverse("accounts:personnel_edit", args=[world["employee"].pk]), {"family_name": "X"}
    )
    assert response.status_code in (403, 404)
    world["employee"].refresh_from_db()
    assert world["employee"].family_name == "Delporte"


def test_revoking_a_mandate_stops_the_representative_at_once(client, world):
    rep = world["users"]["rep_mandated"]
    client.force_login(rep)
    url = reverse("accounts:personnel_detail", args=[world["employee"].pk])
    assert client.get(url).status_code == 200
    admin = world["users"]["employer_admin"]
    from accounts.services.mandates import mandate_revoke

    mandate = world["employer"].mandates_given.get(representative__name="Mandated")
    mandate_revoke(actor=admin, mandate=mandate)
    assert client.get(url).status_code == 403


def test_representative_sees_exactly_mandating_employers_in_switcher(client, world, representative_firm):
    rep = world["users"]["rep_mandated"]
    second = factories.make_employer(name="Second B.V.")
    firm = Membership.objects.get(user=rep).organisation
    factories.make_mandate(second, firm)
    client.force_login(rep)
    html = client.get(reverse("accounts:personnel")).content.decode()
    assert "Second B.V." in html and "Van Dijk Bouw B.V." in html and "Other B.V." not in html
    client.post(
        reverse("accounts:switch_employer"), {"employer": second.pk, "next": reverse("accounts:personnel")}
    )
    html = client.get(reverse("accounts:personnel")).content.decode()
    assert f'href="{reverse("accounts:personnel_detail", args=[world["employee"].pk])}"' not in html
    other = world["users"]["other_admin"].memberships.get().organisation
    assert client.post(reverse("accounts:switch_employer"), {"employer": other.pk}).status_code == 404


@pytest.mark.parametrize("role", ["employer_filer", "rep_mandated"])
def test_only_the_employer_administrator_revokes_mandates(client, world, role):
    client.force_login(world["users"][role])
    mandate = world["employer"].mandates_given.filter(representative__name="Mandated").get()
    assert client.post(reverse("accounts:mandate_revoke", args=[mandate.pk])).status_code == 404
    mandate.refresh_from_db()
    assert mandate.revoked_at is None
