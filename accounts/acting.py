"""Which employer the person is acting for on this request.

Representative staff switch between the employers that mandate their firm (page header); the choice
is kept in the session but re-checked on every request against accounts.permissions, so a mandate
that is revoked or expires stops access at once. Computed once per request and cached on it.
"""

from .permissions import employer_list_for

SESSION_KEY = "acting_employer_id"
_CACHE_ATTR = "_acting_employer_cache"


def get_acting_employer(request):
    """The employer this request acts for, or None when the person may act for none."""
    if not hasattr(request, _CACHE_ATTR):
        setattr(request, _CACHE_ATTR, _resolve(request))
    return getattr(request, _CACHE_ATTR)


def set_acting_employer(request, employer) -> None:
    request.session[SESSION_KEY] = employer.pk
    setattr(request, _CACHE_ATTR, employer)


def _resolve(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None
    allowed = employer_list_for(user)  # one query, shared with the header's switcher
    chosen = request.session.get(SESSION_KEY)
    if chosen is not None:
        employer = next((e for e in allowed if str(e.pk) == str(chosen)), None)
        if employer is not None:
            return employer
        request.session.pop(SESSION_KEY, None)
    return allowed[0] if allowed else None
