"""Small helpers shared by the accounts views."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import render

from ..acting import get_acting_employer


def employer_required(view):
    """Logged in and acting for an employer (accounts.acting); the employer is `request.employer`."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        employer = get_acting_employer(request)
        if employer is None:
            return render(request, "accounts/no_employer.html", status=403)
        request.employer = employer
        return view(request, *args, **kwargs)

    return wrapper


def get_or_404(queryset, **lookup):
    """Fetch through a scoped selector; anything outside it (another employer's id) is a 404."""
    try:
        return queryset.get(**lookup)
    except (queryset.model.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404 from exc


def apply_errors(form, exc: ValidationError) -> None:
    """Put a service's ValidationError on the form: at the field it names, else at the top."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc)
