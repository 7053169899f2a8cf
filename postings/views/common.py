from functools import wraps

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render

from accounts.acting import (
    OfAnotherEmployer,
    get_acting_employer,
    other_employer_response,
    stale_page_response,
)

from ..models import CoverageRequest


def employer_view(view):
    """Logged in and acting for an employer (accounts.acting re-checks the permission rule each
    request); the employer is passed to the view. A post from a page shown for another employer
    saves nothing; a request of another employer the person may act for offers to switch to it."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        employer = get_acting_employer(request)
        if employer is None:
            # Say why (no employer, or the mandate ended) and what to do, as the accounts pages do.
            return render(request, "accounts/no_employer.html", status=403)
        stale = stale_page_response(request, employer)
        if stale is not None:
            return stale
        try:
            return view(request, employer, *args, **kwargs)
        except OfAnotherEmployer as exc:
            return other_employer_response(request, exc)
        except CoverageRequest.DoesNotExist as exc:
            # The draft was deleted between the page's read and its write (discarded in another tab,
            # removed with its worker, or past its 90 days): not found, not a server error.
            raise Http404 from exc

    return wrapper
