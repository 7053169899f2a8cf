"""Small helpers shared by the accounts views."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import render

from ..acting import (
    OfAnotherEmployer,
    get_acting_employer,
    other_employer_response,
    raise_if_of_another_employer,
    stale_page_response,
)


def employer_required(view):
    """Logged in and acting for an employer (accounts.acting); the employer is `request.employer`.
    As postings.views.common.employer_view: a stale page saves nothing, another employer's id offers
    to switch."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        employer = get_acting_employer(request)
        if employer is None:
            return render(request, "accounts/no_employer.html", status=403)
        request.employer = employer
        stale = stale_page_response(request, employer)
        if stale is not None:
            return stale
        try:
            return view(request, *args, **kwargs)
        except OfAnotherEmployer as exc:
            return other_employer_response(request, exc)

    return wrapper


def get_or_404(queryset, *, offer_switch_to=None, **lookup):
    """Fetch through a scoped selector; anything outside it (another employer's id) is a 404.

    With `offer_switch_to=user`, an id of another employer that user may also act for offers to
    switch to it instead (accounts.acting.OfAnotherEmployer)."""
    try:
        return queryset.get(**lookup)
    except (queryset.model.DoesNotExist, ValueError, TypeError) as exc:
        if offer_switch_to is not None and not isinstance(exc, (ValueError, TypeError)):
            for (employer_id,) in queryset.model.objects.filter(**lookup).values_list("employer_id")[:1]:
                raise_if_of_another_employer(offer_switch_to, employer_id)
        raise Http404 from exc


def apply_errors(form, exc: ValidationError) -> None:
    """Put a service's ValidationError on the form: at the field it names, else at the top."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc)
