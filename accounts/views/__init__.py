from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coverage_portal.sentences import one_full_stop

from ..acting import set_acting_employer
from ..permissions import employers_for


@require_POST
def switch_employer(request):
    """Representative staff choose which mandating employer they act for (page header)."""
    if not request.user.is_authenticated:
        return redirect("login")
    try:
        employer = employers_for(request.user).get(pk=int(request.POST.get("employer", "")))
    except (ValueError, TypeError) as exc:
        raise Http404 from exc
    except employers_for(request.user).model.DoesNotExist as exc:
        raise Http404 from exc
    set_acting_employer(request, employer)
    # The page that follows looks much like the one before: say whose data it now shows.
    messages.success(request, one_full_stop(_("You now act for %(employer)s.") % {"employer": employer.name}))
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = "home"
    return redirect(target)


def account(request):
    """What the person can manage: their organisation's people, mandates, authorizations, second factor."""
    from django.contrib.auth.views import redirect_to_login
    from django.shortcuts import render

    from ..acting import get_acting_employer
    from ..otp import has_confirmed_device
    from ..permissions import can_administer, managed_organisations

    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    employer = get_acting_employer(request)
    return render(
        request,
        "accounts/account.html",
        {
            "employer": employer,
            "managed": managed_organisations(request.user).order_by("name"),
            "administers_employer": employer is not None and can_administer(request.user, employer),
            "has_totp": has_confirmed_device(request.user),
        },
    )
