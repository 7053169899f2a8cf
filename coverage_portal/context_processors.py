from django.conf import settings
from django.utils.functional import SimpleLazyObject

from accounts.acting import get_acting_employer
from accounts.permissions import employer_list_for, is_caseworker


def portal(request):
    """What every page's header needs: the institution, and for whom the person is acting."""
    user = getattr(request, "user", None)
    return {
        "institution": settings.PORTAL_INSTITUTION,
        "acting_employer": SimpleLazyObject(lambda: get_acting_employer(request)),
        # Lists are evaluated lazily: pages that never show the switcher never query for it.
        "employer_choices": SimpleLazyObject(lambda: employer_list_for(user) if user else []),
        "user_is_caseworker": bool(user and is_caseworker(user)),
    }
