"""A search by a person's name or personal number without either in the address.

The consult page's and the personnel directory's searches were GET forms, so a BSN or SSIN typed
there stood in the address bar, the browser's history and any log of addresses (on a payroll
office's shared computer, for as long as the history is kept). Their forms now post; the view keeps
the personal criteria in the person's own session under a random token and redirects to an address
with `person=<token>` and the other criteria, so pages, sorting and links keep the search while the
address holds nothing personal. The token means nothing outside that session and is forgotten with
it (logout, expiry) or when more than KEPT searches follow. Addresses written with the personal
criteria themselves (bookmarks, older links) still work.
"""

import secrets
from dataclasses import dataclass

from django.contrib import messages
from django.http import HttpResponseRedirect, QueryDict
from django.utils.translation import gettext_lazy as _

TOKEN = "person"
SEARCH_ENDED = _(
    "That search by name or personal number has ended (they are kept until you log out). Type it again."
)
KEPT = 20
NOT_CRITERIA = frozenset(("csrfmiddlewaretoken", TOKEN))


@dataclass(frozen=True)
class PersonalSearch:
    session_key: str
    personal: tuple[str, ...]  # the form's fields whose values are personal data

    def posted(self, request) -> HttpResponseRedirect:
        """The answer to a posted search: to the page's address with every criterion but the
        personal ones, which go into the session under a token."""
        query = QueryDict(mutable=True)
        kept = {}
        for name, values in request.POST.lists():
            values = [value for value in values if value.strip()]
            if name in NOT_CRITERIA or not values:
                continue
            if name in self.personal:
                kept[name] = values[0]
            else:
                query.setlist(name, values)
        if kept:
            token = secrets.token_urlsafe(9)
            searches = dict(request.session.get(self.session_key) or {})
            searches[token] = kept
            request.session[self.session_key] = dict(list(searches.items())[-KEPT:])
            query[TOKEN] = token
        return HttpResponseRedirect(f"{request.path}?{query.urlencode()}" if query else request.path)

    def criteria(self, request) -> QueryDict | None:
        """The search's data for a GET: the address's criteria, with the personal ones its token
        stands for. An unknown token (the session ended) leaves them out and says so."""
        token = request.GET.get(TOKEN)
        if not token:
            return request.GET or None
        kept = (request.session.get(self.session_key) or {}).get(token)
        data = request.GET.copy()
        data.pop(TOKEN)
        if kept is None:
            messages.warning(request, SEARCH_ENDED)
            return data or None
        for name in self.personal:
            if kept.get(name):
                data[name] = kept[name]
        return data


CONSULT = PersonalSearch("consult_person_searches", ("worker", "personal_number"))
PERSONNEL = PersonalSearch("personnel_searches", ("q",))
