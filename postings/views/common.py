from functools import wraps

from django.contrib.auth.decorators import login_required
from django.http import Http404

from accounts.acting import employer_page

from ..models import CoverageRequest


def employer_view(view):
    """Logged in and acting for an employer (accounts.acting re-checks the permission rule each
    request); the employer is passed to the view. A post from a page shown for another employer
    saves nothing; a request of another employer the person may act for offers to switch to it."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return employer_page(request, lambda employer: view(request, employer, *args, **kwargs))
        except CoverageRequest.DoesNotExist as exc:
            # The draft was deleted between the page's read and its write (discarded in another tab,
            # removed with its worker, or past its 90 days): not found, not a server error.
            raise Http404 from exc

    return wrapper
