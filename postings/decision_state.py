"""Whether a caseworker's decision page may still act on a request, and if not, why, in words.

Two caseworkers can open the same request, or one can come back to a decision page by the browser's
history: the second approval or rejection used to reach the status machine and show its internal
refusal ("A request cannot go from 'closed' to Status.CLOSED."). The page now says what happened to
the request instead, and offers no form.
"""

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from coverage_portal.sentences import one_full_stop

from .status import Status

# The statuses from which each decision page acts (postings.status.ALLOWED_TRANSITIONS).
OPEN_FOR = {
    "approve": (Status.IN_REVIEW, Status.INFO_REQUESTED),
    "reject": (Status.IN_REVIEW, Status.INFO_REQUESTED),
    "ask": (Status.IN_REVIEW,),
    # The other state's answer to an Art. 16 request is recorded while the request is being decided
    # (casework.services.exception_agreements).
    "exception": (Status.IN_REVIEW, Status.INFO_REQUESTED),
}


def _day(moment) -> str:
    return date_format(timezone.localtime(moment), "DATETIME_FORMAT") if moment else "—"


def why_not_open(request, action: str) -> str:
    """Empty when `action` can be done on `request` now; otherwise what happened, for the caseworker."""
    if request.status in OPEN_FOR[action]:
        return ""
    if request.status == Status.CLOSED:
        event = request.events.filter(kind=request.decision).select_related("actor").last()
        return one_full_stop(
            _("This request was already decided: %(decision)s on %(day)s by %(who)s. Nothing was changed.")
            % {
                "decision": request.get_decision_display(),
                "day": _day(request.decided_at),
                "who": (event and event.actor) or _("the portal (automatic approval)"),
            }
        )
    if request.status == Status.CANCELLED:
        return _("The employer cancelled this request. Nothing was changed.")
    if request.status == Status.INFO_REQUESTED:
        return _("A question to the employer is already waiting for an answer. Nothing was changed.")
    return _("This request is still being checked; it can be decided once it is in review.")
