"""Request-wide middleware of the portal."""

from django.utils.functional import LazyObject

from accounts.permissions import request_scope


def permission_memo(get_response):
    """The permission rule is asked of the database once per request (header, acting employer,
    selectors and services share the answer); the next request asks again."""

    def middleware(request):
        with request_scope():
            return get_response(request)

    return middleware


def signed_in_person(get_response):
    """request.user as the person (or AnonymousUser) itself, not Django's lazy stand-in for it.

    AuthenticationMiddleware and django-otp's middleware put a SimpleLazyObject there, so that a
    request that never asks who is signed in does not read the session. Every page of the portal
    asks (the header, the permission rule, the views), and every question the stand-in answers goes
    through LazyObject.__getattribute__ and, for the person's own attributes, a failed lookup and
    __getattr__: about 270 look-ups a page, 2.4 % of the load run's instructions
    (benchmarks/page_instructions.py). Resolved once here, after both middlewares, the rest reads
    the object directly. A request without a session cookie reads no database to be anonymous."""

    def middleware(request):
        user = request.user
        if isinstance(user, LazyObject):
            # django-otp's stand-in wraps Django's, which wraps the person: unwrap both.
            while isinstance(user, LazyObject):
                user.is_authenticated  # noqa: B018 - resolves it (the session, then the person)
                user = user._wrapped
            request.user = user
        return get_response(request)

    return middleware
