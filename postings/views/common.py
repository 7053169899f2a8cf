from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied

from accounts.acting import get_acting_employer


def employer_view(view):
    """Logged in and acting for an employer (accounts.acting re-checks the permission rule each
    request); the employer is passed to the view."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        employer = get_acting_employer(request)
        if employer is None:
            raise PermissionDenied
        return view(request, employer, *args, **kwargs)

    return wrapper
