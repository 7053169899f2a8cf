"""Small helpers shared by the accounts views."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404

from ..acting import employer_page, raise_if_of_another_employer


def employer_required(view):
    """Logged in and acting for an employer (accounts.acting); the employer is `request.employer`.
    As postings.views.common.employer_view: a stale page saves nothing, another employer's id offers
    to switch."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        def show(employer):
            request.employer = employer
            return view(request, *args, **kwargs)

        return employer_page(request, show)

    return wrapper


def get_or_404(queryset, *, offer_switch_to=None, **lookup):
    """Fetch through a scoped selector; anything outside it (another employer's id) is a 404.

    With `offer_switch_to=user`, an id of another employer that user may also act for offers to
    switch to it instead (accounts.acting.OfAnotherEmployer)."""
    try:
        return queryset.get(**lookup)
    except (queryset.model.DoesNotExist, ValueError, TypeError) as exc:
        if offer_switch_to is not None and not isinstance(exc, (ValueError, TypeError)):
            unscoped = queryset.model.objects.filter(**lookup)
            raise_if_of_another_employer(offer_switch_to, unscoped.values_list("employer_id", flat=True))
        raise Http404 from exc


def apply_errors(form, exc: ValidationError) -> None:
    """Put a service's ValidationError on the form: at the field it names, else at the top."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc)
