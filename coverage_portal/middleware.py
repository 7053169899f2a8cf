"""Request-wide middleware of the portal."""

from accounts.permissions import request_scope


def permission_memo(get_response):
    """The permission rule is asked of the database once per request (header, acting employer,
    selectors and services share the answer); the next request asks again."""

    def middleware(request):
        with request_scope():
            return get_response(request)

    return middleware
