"""A search by a worker's name or personal number without either in the address.

The consult page's search was a GET form, so a BSN or SSIN typed there stood in the address bar, the
browser's history and any log of addresses (on a payroll office's shared computer, for as long as
the history is kept). The form now posts; the view keeps the name and number in the person's own
session under a random token and redirects to an address with `person=<token>`, so pages, sorting
and links keep the search while the address holds nothing personal. The token means nothing outside
that session and is forgotten with it (logout, expiry) or when more than KEPT searches follow.
Addresses written with `worker=` or `personal_number=` (bookmarks, older links) still work.
"""

import secrets

from django.http import QueryDict

SESSION_KEY = "consult_person_searches"
PERSONAL = ("worker", "personal_number")
TOKEN = "person"
KEPT = 20


def search_address(request) -> str:
    """The query string to redirect a posted search to: every criterion but the personal ones, which
    go into the session under a token."""
    query = QueryDict(mutable=True)
    kept = {}
    for name, values in request.POST.lists():
        if name == "csrfmiddlewaretoken":
            continue
        values = [value for value in values if value.strip()]
        if not values:
            continue
        if name in PERSONAL:
            kept[name] = values[0]
        elif name != TOKEN:
            query.setlist(name, values)
    if kept:
        token = secrets.token_urlsafe(9)
        searches = dict(request.session.get(SESSION_KEY) or {})
        searches[token] = kept
        request.session[SESSION_KEY] = dict(list(searches.items())[-KEPT:])
        query[TOKEN] = token
    return query.urlencode()


def search_data(request) -> tuple[QueryDict | None, bool]:
    """The filter's data for a GET: the address's criteria, with the personal ones its token stands
    for; and whether the token was unknown (the session ended: the search must be typed again)."""
    token = request.GET.get(TOKEN)
    if not token:
        return request.GET or None, False
    kept = (request.session.get(SESSION_KEY) or {}).get(token)
    data = request.GET.copy()
    data.pop(TOKEN)
    if kept is None:
        return data or None, True
    for name in PERSONAL:
        if kept.get(name):
            data[name] = kept[name]
    return data, False
