"""Views get the signed-in person itself as request.user (coverage_portal.middleware.signed_in_person),
with what django-otp adds, and a visitor without a session stays anonymous without a query."""

from django.contrib.auth.models import AnonymousUser

from accounts.models import User


def test_a_signed_in_page_gets_the_person(client, employer_admin):
    client.force_login(employer_admin)
    response = client.get("/requests/")
    assert response.status_code == 200
    user = response.wsgi_request.user
    assert type(user) is User and user.pk == employer_admin.pk
    assert user.is_verified() is False  # django-otp's attribute: no second factor used here
    assert "Eva de Vries" in response.content.decode()


def test_a_visitor_without_a_session_is_anonymous_without_a_query(db, client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/verify/")
    assert response.status_code == 200
    assert type(response.wsgi_request.user) is AnonymousUser


def test_after_logging_out_the_next_page_is_anonymous(client, employer_admin):
    client.force_login(employer_admin)
    assert client.get("/requests/").status_code == 200
    assert client.post("/accounts/logout/").status_code == 302
    response = client.get("/requests/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert type(response.wsgi_request.user) is AnonymousUser


def test_a_deactivated_person_is_signed_out_on_the_next_page(client, employer_admin):
    client.force_login(employer_admin)
    User.objects.filter(pk=employer_admin.pk).update(is_active=False)
    response = client.get("/requests/")
    assert response.status_code == 302
    assert type(response.wsgi_request.user) is AnonymousUser
