"""Which employer the person is acting for on this request.

Representative staff switch between the employers that mandate their firm (page header); the choice
is kept in the session but re-checked on every request against accounts.permissions, so a mandate
that is revoked or expires stops access at once. Computed once per request and cached on it.

The choice is one per session, not per browser tab: a consultant who switches client in one tab
changes it for the pages open in the others. Pages that write for the employer therefore say which
employer they were shown for (`PAGE_FIELD`), and a post from a page shown for another employer
saves nothing (`stale_page_response`).
"""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from coverage_portal.sentences import one_full_stop

from .models import Membership, Organisation
from .permissions import EMPLOYER_ROLES, employer_list_for

SESSION_KEY = "acting_employer_id"
PAGE_FIELD = "acting_for"
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
        _say_mandate_ended(request, chosen, allowed[0] if allowed else None)
    return allowed[0] if allowed else None


def _say_mandate_ended(request, lost_id, instead) -> None:
    """The employer chosen earlier may no longer be acted for (its mandate ended or was revoked):
    say so, rather than show the next employer's pages as if nothing happened."""
    lost = Organisation.objects.filter(pk=lost_id).values_list("name", flat=True).first()
    if lost is None or not hasattr(request, "_messages"):
        return
    if instead is None:
        text = _("You can no longer act for %(lost)s: the mandate has ended or was revoked.")
    else:
        text = _(
            "You can no longer act for %(lost)s: the mandate has ended or was revoked. "
            "You now act for %(instead)s."
        )
    messages.warning(request, one_full_stop(text % {"lost": lost, "instead": instead and instead.name}))


def client_of(request):
    """The acting employer when the person acts for it through a mandate (a consultant's client),
    else None: its staff need no reminder whose pages these are."""
    employer = get_acting_employer(request)
    if employer is None:
        return None
    # Read with the employers the person may act for (accounts.permissions); an employer a view set
    # itself (set_acting_employer) is asked about.
    own = getattr(employer, "acts_as_staff", None)
    if own is None:
        own = Membership.objects.filter(
            user=request.user, organisation=employer, is_active=True, role__in=EMPLOYER_ROLES
        ).exists()
    return None if own else employer


def client_name(request) -> str | None:
    """The consultant's client's name, for the questions and hints that say "your company" to the
    employer's own staff (postings.forms.client_texts); None for them."""
    client = client_of(request)
    return client.name if client is not None else None


def stale_page_response(request, employer):
    """A redirect back to the page, with a message, when a form was shown for another employer than
    the one acted for now (switched in another tab); None when the post may go ahead."""
    if request.method != "POST" or PAGE_FIELD not in request.POST:
        return None
    shown_for = request.POST.get(PAGE_FIELD, "")
    if employer is not None and shown_for == str(employer.pk):
        return None
    shown = next((e for e in employer_list_for(request.user) if str(e.pk) == shown_for), None)
    if shown is None:
        text = _("This page was for an employer you no longer act for. Nothing was saved.")
    else:
        text = _(
            "This page was for %(shown)s, but you now act for %(now)s (changed in another window). "
            "Nothing was saved: switch back to %(shown)s at the top of the page if you meant it."
        ) % {"shown": shown.name, "now": employer.name if employer else ""}
    messages.error(request, one_full_stop(text))
    return redirect(request.get_full_path())


class OfAnotherEmployer(Http404):
    """Raised by a selector for an id that is not the acting employer's but another's the person may
    also act for (a link from an e-mail, a bookmark, a tab opened before switching). Still a 404 for
    any code that does not catch it; the employer views catch it and offer to switch."""

    def __init__(self, employer):
        super().__init__()
        self.employer = employer


def raise_if_of_another_employer(request_user, employer_ids) -> None:
    """Raise OfAnotherEmployer when the row asked for belongs to an employer the person may act for
    (never reveals anything about an employer they may not act for: those stay a plain 404).

    `employer_ids`: the row's employer id as a flat values_list of the unscoped lookup (only its
    first value is read, and only here, after the scoped read found nothing)."""
    employer_id = next(iter(employer_ids[:1]), None)
    other = next((e for e in employer_list_for(request_user) if e.pk == employer_id), None)
    if other is not None:
        raise OfAnotherEmployer(other)


def employer_page(request, show):
    """What every employer page does around its own work, `show(employer)`: no employer to act for
    says why; a post from a page shown for another employer saves nothing; another employer's id the
    person may act for offers to switch (accounts.views.common.employer_required,
    postings.views.common.employer_view)."""
    employer = get_acting_employer(request)
    if employer is None:
        return render(request, "accounts/no_employer.html", status=403)
    stale = stale_page_response(request, employer)
    if stale is not None:
        return stale
    try:
        return show(employer)
    except OfAnotherEmployer as exc:
        return other_employer_response(request, exc)


def other_employer_response(request, exc: OfAnotherEmployer):
    return render(
        request,
        "accounts/other_employer.html",
        {"other_employer": exc.employer, "next": request.get_full_path()},
        status=409,
    )
