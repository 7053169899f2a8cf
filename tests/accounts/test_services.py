import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from accounts.models import ActivationLetter, AuditEvent, Employee, Mandate, Membership, Organisation
from accounts.permissions import can_act_for, can_manage_users
from accounts.services import mandates, members, registration
from tests import factories

pytestmark = pytest.mark.django_db

ORG = {
    "name": "Bakkerij Jansen B.V.",
    "country": "NL",
    "kvk_number": "87654321",
    "payroll_tax_number": "123456782L01",
    "rsin": "",
    "enterprise_number": "",
    "street": "Dorpsstraat 1",
    "postal_code": "1234 AB",
    "town": "Utrecht",
    "phone": "",
    "email": "piet@jansen.test",
}
ADMIN = {
    "first_name": "Piet",
    "last_name": "Jansen",
    "email": "piet@jansen.test",
    "password": "a-Long-secret-42",
}


def register():
    return registration.organisation_register(
        kind=Organisation.Kind.EMPLOYER, organisation_data=dict(ORG), admin_data=dict(ADMIN)
    )


def test_registration_creates_pending_org_admin_and_letter_with_hashed_code():
    organisation, user, code = register()
    assert organisation.status == Organisation.Status.PENDING
    assert Membership.objects.get(user=user).role == Membership.Role.EMPLOYER_ADMIN
    letter = ActivationLetter.objects.get(organisation=organisation)
    assert code.replace("-", "") not in letter.code_hash
    assert letter.pdf.read().startswith(b"%PDF-")
    assert not can_act_for(user, organisation)  # not before activation


def test_foreign_employer_cannot_register():
    with pytest.raises(registration.NotEligible):
        registration.organisation_register(
            kind=Organisation.Kind.EMPLOYER,
            organisation_data={**ORG, "country": "DE"},
            admin_data=dict(ADMIN),
        )
    assert not Organisation.objects.exists()


def test_activation_with_code_works_once():
    organisation, user, code = register()
    registration.organisation_activate(email="PIET@jansen.test", code=code.lower())
    organisation.refresh_from_db()
    assert organisation.status == Organisation.Status.ACTIVE
    assert can_act_for(user, organisation)
    with pytest.raises(registration.ActivationError):
        registration.organisation_activate(email=ADMIN["email"], code=code)


def test_wrong_codes_are_counted_and_lock_the_letter():
    organisation, _user, code = register()
    for _ in range(5):
        with pytest.raises(registration.ActivationError):
            registration.organisation_activate(email=ADMIN["email"], code="AAAA-BBBB-CCCC")
    assert ActivationLetter.objects.get().failed_attempts == 5
    with pytest.raises(registration.ActivationError, match="Too many"):
        registration.organisation_activate(email=ADMIN["email"], code=code)
    organisation.refresh_from_db()
    assert organisation.status == Organisation.Status.PENDING


def test_expired_code_does_not_activate():
    _organisation, _user, code = register()
    ActivationLetter.objects.update(expires_at=timezone.now() - dt.timedelta(minutes=1))
    with pytest.raises(registration.ActivationError, match="expired"):
        registration.organisation_activate(email=ADMIN["email"], code=code)


def test_new_letter_supersedes_old_code_and_mark_sent_deletes_pdf(caseworker):
    organisation, _user, old_code = register()
    letter, new_code = registration.letter_issue(actor=caseworker, organisation=organisation)
    with pytest.raises(registration.ActivationError):
        registration.organisation_activate(email=ADMIN["email"], code=old_code)
    registration.letter_mark_sent(actor=caseworker, letter=letter)
    letter.refresh_from_db()
    assert letter.sent_at and not letter.pdf
    registration.organisation_activate(email=ADMIN["email"], code=new_code)
    assert AuditEvent.objects.filter(action="activation_letter.sent", actor=caseworker).exists()


def test_representative_first_registrant_is_firm_admin():
    organisation, user, code = registration.organisation_register(
        kind=Organisation.Kind.REPRESENTATIVE,
        organisation_data={**ORG, "name": "Advies B.V."},
        admin_data=dict(ADMIN),
    )
    registration.organisation_activate(email=ADMIN["email"], code=code)
    assert can_manage_users(user, organisation)


def test_invite_and_deactivate(employer, employer_admin, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        membership = members.member_invite(
            actor=employer_admin,
            organisation=employer,
            email="New@Vandijk.test",
            first_name="N",
            last_name="W",
            role=Membership.Role.EMPLOYER_FILER,
        )
    assert membership.user.email == "new@vandijk.test"
    assert not membership.user.has_usable_password()
    assert "/accounts/password-reset/" in mailoutbox[0].body
    assert can_act_for(membership.user, employer)
    members.member_deactivate(actor=employer_admin, membership=membership)
    assert not can_act_for(membership.user, employer)


def test_filer_cannot_invite(employer):
    filer = factories.make_user()
    factories.add_member(filer, employer, role=Membership.Role.EMPLOYER_FILER)
    with pytest.raises(PermissionDenied):
        members.member_invite(
            actor=filer,
            organisation=employer,
            email="x@y.test",
            first_name="X",
            last_name="Y",
            role=Membership.Role.EMPLOYER_FILER,
        )


def test_mandate_grant_and_revoke_are_audited(employer, employer_admin, representative_firm):
    staff = factories.make_user()
    factories.add_member(staff, representative_firm)
    mandate = mandates.mandate_grant(
        actor=employer_admin,
        employer=employer,
        representative=representative_firm,
        valid_from=timezone.localdate(),
    )
    assert can_act_for(staff, employer)
    with pytest.raises(ValidationError):
        mandates.mandate_grant(
            actor=employer_admin,
            employer=employer,
            representative=representative_firm,
            valid_from=timezone.localdate(),
        )
    mandates.mandate_revoke(actor=employer_admin, mandate=mandate)
    assert not can_act_for(staff, employer)
    actions = set(AuditEvent.objects.filter(object_id=str(mandate.pk)).values_list("action", flat=True))
    assert actions == {"mandate.granted", "mandate.revoked"}
    assert Mandate.objects.get().revoked_at is not None


def test_representative_cannot_grant_mandates(employer, representative_user, representative_firm):
    with pytest.raises(PermissionDenied):
        mandates.mandate_grant(
            actor=representative_user,
            employer=employer,
            representative=representative_firm,
            valid_from=timezone.localdate(),
        )


def test_employee_model_lowercases_search_name(employer):
    employee = factories.make_employee(employer, family_name="DelPorte")
    assert Employee.objects.get(pk=employee.pk).family_name_search == "delporte"


def test_authorization_serves_one_application(employer, representative_firm, representative_user, caseworker):
    from django.core.files.base import ContentFile

    from accounts.models import EmployeeAuthorization
    from accounts.services import authorizations as svc

    employee = factories.make_employee(employer)
    upload = ContentFile(b"%PDF-1.4", name="a.pdf")
    authorization = svc.authorization_upload(
        actor=representative_user, employer=employer, employee=employee, upload=upload
    )
    assert svc.authorization_available(employee=employee, representative=representative_firm) is None
    svc.authorization_decide(actor=caseworker, authorization=authorization, accept=True)
    found = svc.authorization_available(employee=employee, representative=representative_firm)
    assert found == authorization
    svc.authorization_mark_used(actor=representative_user, authorization=found, request_id=41)
    assert svc.authorization_available(employee=employee, representative=representative_firm) is None
    with pytest.raises(ValidationError):
        svc.authorization_mark_used(actor=representative_user, authorization=found, request_id=42)
    with pytest.raises(ValidationError):
        svc.authorization_decide(actor=caseworker, authorization=found, accept=False, reason="late")
    with pytest.raises(PermissionDenied):
        svc.authorization_decide(actor=representative_user, authorization=found, accept=True)
    assert EmployeeAuthorization.objects.get().used_by_request_id == 41
