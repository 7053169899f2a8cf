"""The validation task's work: run the engine on the request and check what the seeds require.

Result: the determination and a list of flags (code + plain message) stored on the request, which
moves from Received to In review. Idempotent: a request that is no longer Received is left alone,
so a repeated or duplicated task changes nothing more.
"""

import datetime as dt
import logging

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from accounts.models import EmploymentPeriod
from coverage_portal.precompiled import PrecompiledValues
from coverage_portal.sentences import one_full_stop
from coverage_portal.state_names import state_in_sentence

from ..models import CoverageRequest
from ..status import Decision, Status
from ..wizards.conditions import art16_requested, needs_residence_statement
from ..worker import worker_data
from ..worker_history import others_of_worker as read_others_of_worker
from .decisions import is_clean_posting, request_decide, request_start_review
from .lifecycle import locked_request

logger = logging.getLogger(__name__)

# Two months between postings of the same worker to the same state (PG Part I §13; legislation.md P7).
POSTING_GAP_MONTHS = 2


# What each flag means, in a few words: the queue's filter and the request page show these.
FLAG_TITLES = {
    "ENGINE_UNAVAILABLE": _lazy("Engine not available"),
    "SITUATION_INVALID": _lazy("Answers cannot be assessed"),
    "SITUATION_INCOMPLETE": _lazy("Answers incomplete"),
    "LEGISLATION_ELSEWHERE": _lazy("Another state's legislation applies"),
    "NO_PD_A1": _lazy("No PD A1 follows"),
    "NOT_EMPLOYED_WHOLE_PERIOD": _lazy("Not employed for the whole period"),
    "AUTHORIZATION_MISSING": _lazy("Employee's authorization missing"),
    "AUTHORIZATION_NOT_ACCEPTED": _lazy("Employee's authorization not accepted yet"),
    "OVERLAPPING_REQUEST": _lazy("Overlaps another request"),
    "POSTING_GAP_UNDER_2_MONTHS": _lazy("Less than two months since the last posting"),
    "RESIDENCE_STATEMENT_MISSING": _lazy("Residence state's statement missing"),
    "EXCEPTION_ANSWER_MISSING": _lazy("Art. 16 exception asked: answer missing"),
}


def flag_title(code: str) -> str:
    title = FLAG_TITLES.get(code)
    return str(title) if title is not None else code.replace("_", " ").capitalize()


def _flag(code: str, message) -> dict:
    """A flag: its code, its message in the portal's default language (the record), and the message
    in each of the portal's languages, so that a caseworker reads it in theirs (postings/admin.py).

    The worker runs in no reader's language, so `message` is a function that writes the message in
    the active one: it is called once per language (state names and the engine's own errors included)."""
    messages = {}
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            messages[language] = str(message())
    return {"code": code, "message": messages.get(settings.LANGUAGE_CODE, ""), "messages": messages}


def flag_message(flag: dict) -> str:
    """The flag's message in the active language (flags stored before the languages: the record's)."""
    return (flag.get("messages") or {}).get(translation.get_language() or "") or flag.get("message", "")


def add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year = day.year + month // 12
    month = month % 12 + 1
    for candidate in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    raise ValueError(day)  # pragma: no cover - unreachable


def _situation(request: CoverageRequest, others_of_worker) -> dict:
    from postings.situation import situation_from_request

    return situation_from_request(request, others_of_worker=others_of_worker)


def engine():
    """(rules.determine, rules.InvalidSituation): the engine's public door (contracts/determination.md)."""
    import rules

    return rules.determine, rules.InvalidSituation


def _determine(situation: dict):
    """(determination, flags). Bad input is a flag for the caseworker, never a crash."""
    try:
        determine, invalid = engine()
    except (ImportError, AttributeError):
        return None, [
            _flag("ENGINE_UNAVAILABLE", lambda: _("The legislation engine could not be run; decide by hand."))
        ]
    from selfcheck.localise import localised_errors

    try:
        return determine(situation), []
    except invalid as exc:
        error = exc  # the name `exc` is unbound when the except block ends

        def message():
            errors = localised_errors(error) or [str(error)]
            details = "; ".join(
                f"{e.get('field', '')}: {e.get('message', '')}" if isinstance(e, dict) else str(e)
                for e in errors
            )
            return _("The answers cannot be assessed: %(d)s") % {"d": details}

        return None, [_flag("SITUATION_INVALID", message)]


def check_determination(determination: dict | None) -> list[dict]:
    if not determination:
        return []
    flags = []
    state = settings.PORTAL_INSTITUTION["state"]
    legislation = determination.get("legislation")
    if legislation != state:
        flags.append(
            _flag(
                "LEGISLATION_ELSEWHERE",
                lambda: (
                    _("The engine found that the legislation of %(found)s applies, not that of %(state)s.")
                    % {"found": legislation or _("no state"), "state": state}
                ),
            )
        )
    elif determination.get("certificate") != "PD A1":
        flags.append(_flag("NO_PD_A1", lambda: _("The determination does not lead to a PD A1.")))
    return flags


def _covered(periods: list[tuple[dt.date, dt.date | None]], start: dt.date, end: dt.date) -> bool:
    """Whether the union of the employment periods covers start..end without a gap."""
    reached = start
    for p_start, p_end in sorted(periods, key=lambda p: p[0]):
        if p_start > reached:
            break
        if p_end is None or p_end >= end:
            return True
        reached = max(reached, p_end + dt.timedelta(days=1))
    return False


# Compiled once per process: every validation asks.
_EMPLOYMENT_PERIODS = PrecompiledValues(
    lambda employee_id: EmploymentPeriod.objects.filter(employee_id=employee_id).values_list("start", "end"),
    employee_id=int,
)


def check_employment(request: CoverageRequest) -> list[dict]:
    if request.employee_id is None:
        # Removed from the directory after it was sent (postings.services.worker_removal), with its
        # employment periods: what the check found when the request was sent stands.
        return [f for f in request.flags or [] if f.get("code") == "NOT_EMPLOYED_WHOLE_PERIOD"]
    periods = _EMPLOYMENT_PERIODS.all(employee_id=request.employee_id)
    if _covered(periods, request.requested_start, request.requested_end):
        return []
    return [
        _flag(
            "NOT_EMPLOYED_WHOLE_PERIOD",
            lambda: one_full_stop(  # Dutch puts the employer last
                _(
                    "The personnel directory does not show the worker employed by %(employer)s "
                    "from %(start)s to %(end)s."
                )
                % {
                    "employer": request.employer.name,
                    "start": request.requested_start,
                    "end": request.requested_end,
                }
            ),
        )
    ]


def _model(app_label: str, name: str):
    try:
        return apps.get_model(app_label, name)
    except LookupError:
        return None


def _field_names(model) -> set[str]:
    return {f.name for f in model._meta.get_fields()}


def check_employee_authorization(request: CoverageRequest) -> list[dict]:
    """A representative that acts for the employee needs the employee's signed authorization,
    accepted by a caseworker (one per application)."""
    if request.representative_id is None:
        return []
    model = _model("accounts", "EmployeeAuthorization")
    missing = _flag(
        "AUTHORIZATION_MISSING",
        lambda: _(
            "The representative acts for the employee but no accepted authorization of the employee "
            "is on file."
        ),
    )
    if model is None:
        return [missing]
    names = _field_names(model)
    qs = model.objects.all()
    if "request" in names:
        qs = qs.filter(request=request)
    else:
        if "employee" in names:
            qs = qs.filter(employee=request.employee)
        if "representative" in names:
            qs = qs.filter(representative_id=request.representative_id)
        if "used_by_request_id" in names:  # one authorization per application
            qs = qs.filter(Q(used_by_request_id__isnull=True) | Q(used_by_request_id=request.pk))
    if not qs.exists():
        return [missing]
    if "status" in names:
        accepted = qs.filter(status="accepted")
    elif "accepted_at" in names:
        accepted = qs.filter(accepted_at__isnull=False)
    else:
        accepted = qs
    if accepted.exists():
        return []
    return [
        _flag(
            "AUTHORIZATION_NOT_ACCEPTED",
            lambda: _("The employee's authorization is on file but has not been accepted yet."),
        )
    ]


def check_earlier_requests(request: CoverageRequest, others_of_worker=None) -> list[dict]:
    """Overlaps with this worker's other requests, and the two-month gap between postings to the
    same state (an extension of the previous posting is not a fresh posting). `others_of_worker`:
    postings.worker_history.others_of_worker(request), when the caller has read it already."""
    if others_of_worker is None:
        others_of_worker = read_others_of_worker(request)
    start, end = request.requested_start, request.requested_end
    if not others_of_worker or start is None or end is None:
        return []
    flags = []
    for other in others_of_worker:
        if other.requested_start <= end and other.end >= start:
            flags.append(
                _flag(
                    "OVERLAPPING_REQUEST",
                    lambda other=other: (
                        _("The period overlaps request %(number)s (%(start)s to %(end)s).")
                        % {
                            "number": other.transaction_number,
                            "start": other.requested_start,
                            "end": other.end,
                        }
                    ),
                )
            )
    if request.type == "posting" and request.state_of_work:
        from postings.situation import extended_request_ids

        extended = extended_request_ids(request)
        same_state = [
            other
            for other in others_of_worker
            if other.type == "posting" and other.state_of_work == request.state_of_work
        ]
        for other in same_state:
            if other.pk in extended:
                continue
            # The engine's test (rules.reg883.art12.gap_since_previous): a fresh posting may start on
            # the day two months after the previous one ended, not earlier. Counting back from the
            # start instead is not the same at the end of a month (ended 31 Dec, starts 28 Feb).
            if other.end < start < add_months(other.end, POSTING_GAP_MONTHS):
                flags.append(
                    _flag(
                        "POSTING_GAP_UNDER_2_MONTHS",
                        lambda other=other: (
                            _(
                                "Request %(number)s posted the worker to the same state until %(end)s: "
                                "less than two months before this posting starts."
                            )
                            % {"number": other.transaction_number, "end": other.end}
                        ),
                    )
                )
    return flags


def check_residence_statement(request: CoverageRequest) -> list[dict]:
    # A worker living abroad who works in two or more states needs the residence state's statement
    # first (legislation.md 2.4, step 5): the wizard's own predicate decides.
    # The worker as sent: the directory entry may have been removed since (worker_removal).
    employee_country = (worker_data(request) or {}).get("country") or None
    if not needs_residence_statement(request.type, employee_country, settings.PORTAL_INSTITUTION["state"]):
        return []
    model = _model("postings", "ResidenceStatement")
    if model is not None and model.objects.filter(request=request).exists():
        return []
    return [
        _flag(
            "RESIDENCE_STATEMENT_MISSING",
            lambda: (
                _("The worker lives in %(state)s: the statement of that state's institution is missing.")
                % {"state": state_in_sentence(employee_country, "in")}
            ),
        )
    ]


def check_exception_request(request: CoverageRequest) -> list[dict]:
    # The employer asked for an Art. 16 exception: the caseworker asks the other state (A001) and
    # records its answer (casework.services.exception_agreements), which runs this check again.
    if not art16_requested(request.answers or {}):
        return []
    model = _model("casework", "ExceptionAgreement")
    if model is not None and model.objects.filter(request=request).exists():
        return []
    return [
        _flag(
            "EXCEPTION_ANSWER_MISSING",
            lambda: _(
                "The employer asked for an exception under Article 16: ask the other state and record "
                "its answer. Until it agrees, the ordinary rules decide."
            ),
        )
    ]


def validation_flags(request: CoverageRequest) -> tuple[dict | None, list[dict]]:
    """The determination and every flag, without writing anything."""
    # Read once for the engine's previous posting (P7) and the overlap and gap checks.
    others_of_worker = read_others_of_worker(request)
    try:
        situation = _situation(request, others_of_worker)
    except (ImportError, KeyError, ValueError, TypeError) as exc:
        logger.warning("situation for request %s could not be built: %s", request.pk, exc)
        determination, flags = (
            None,
            [
                _flag(
                    "SITUATION_INCOMPLETE",
                    lambda: _("The answers are incomplete; the engine could not be asked."),
                )
            ],
        )
    else:
        determination, flags = _determine(situation)
    flags += check_determination(determination)
    flags += check_employment(request)
    flags += check_employee_authorization(request)
    flags += check_earlier_requests(request, others_of_worker)
    flags += check_residence_statement(request)
    flags += check_exception_request(request)
    return determination, flags


def request_validate(*, request_id: int) -> CoverageRequest | None:
    """Validate a received request and move it to In review; approve it at once when the
    institution turned on automatic approval of clean postings."""
    with transaction.atomic():
        try:
            request = locked_request(request_id, "employee")
        except CoverageRequest.DoesNotExist:
            return None
        if request.status != Status.SUBMITTED:
            return request  # already validated (or cancelled): nothing more to do
        determination, flags = validation_flags(request)
        request = request_start_review(actor=None, request=request, determination=determination, flags=flags)
        if settings.PORTAL_AUTO_APPROVE_CLEAN_POSTINGS and is_clean_posting(request):
            request = request_decide(
                actor=None,
                request=request,
                decision=Decision.APPROVED,
                automatic=True,
                reason=str(_("Approved automatically: a posting under Art. 12(1) with no flags.")),
            )
    return request
