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


# What django.utils.cache.add_never_cache_headers writes on an answer without Cache-Control, as
# constants: it parses and rebuilds the header and formats the current time for Expires on every
# answer, 54 µs each (half a per cent of a page); any date in the past says "expired" as well.
NEVER_CACHE = "max-age=0, no-cache, no-store, must-revalidate, private"
EXPIRED = "Thu, 01 Jan 1970 00:00:00 GMT"


def private_answers(get_response):
    """Nothing a signed-in person is shown, and no API answer, is kept by a browser or a proxy.

    Those pages carry personal numbers, dates of birth, addresses, and once each a new API key or
    webhook secret; without Cache-Control a browser may keep them on disk and show them again with
    the back button to the next person at a shared computer. A view that chose its own caching keeps
    it (the admin, /healthz, /verify/ already send no-store). Anonymous public pages are left alone.
    For the API, request.user is the token's owner once DRF has authenticated the call."""

    def middleware(request):
        response = get_response(request)
        if not response.has_header("Cache-Control"):
            user = getattr(request, "user", None)
            if (user is not None and user.is_authenticated) or request.path.startswith("/api/"):
                response["Cache-Control"] = NEVER_CACHE
                response["Expires"] = EXPIRED
        return response

    return middleware


# Scripts only from the portal's own files (no inline script, no eval), never framed, forms posting
# only here. Styles may be inline: the admin's request page and the QR code's SVG carry some.
CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)
# The API's Swagger page loads its bundle from a CDN and starts it with an inline script.
_WITHOUT_POLICY = frozenset({"swagger-ui"})


def content_security_policy(get_response):
    """The Content-Security-Policy header on every answer that has none (Django 5.2 has no setting
    for it): the second line behind escaping, should a value ever reach a page unescaped."""

    def middleware(request):
        response = get_response(request)
        if "Content-Security-Policy" not in response:
            match = getattr(request, "resolver_match", None)
            if match is None or match.url_name not in _WITHOUT_POLICY:
                response["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
        return response

    return middleware
