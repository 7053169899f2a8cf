"""Employer-facing casework pages (inbox, certificate download), the public verification page and
the caseworker's dashboard. Views parse input and call selectors/services only."""

import logging

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django_countries import countries

from accounts.acting import OfAnotherEmployer, other_employer_response
from accounts.otp import second_factor_url
from accounts.permissions import is_caseworker
from postings.services.decisions import request_answer_information
from postings.status import Status

from . import selectors
from .charts import bar_chart
from .forms import AnswerForm, VerifyForm
from .initials import holder_initials
from .models import CertificateStatus

VERIFY_RATE_PER_MINUTE = 30
logger = logging.getLogger(__name__)


def _client_ip(request) -> str:
    """The address the rate limit counts. Behind the TLS proxy every request comes from the proxy,
    which appends the client's address to X-Forwarded-For: the last entry is the one it vouches
    for (earlier ones are whatever the client sent). Without a proxy the header is ignored."""
    if settings.PORTAL_BEHIND_TLS_PROXY:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")[-1].strip()
        if forwarded:
            return forwarded[:64]
    return request.META.get("REMOTE_ADDR", "unknown")


def _rate_limited(request) -> bool:
    """A counter per client address and minute in the cache (shared by all web processes).

    When the cache (Redis) is down the look-up is let through and logged: inspectors checking a
    certificate at a site matter more than the limit during a short outage."""
    key = f"verify-rate:{_client_ip(request)}:{int(timezone.now().timestamp() // 60)}"
    try:
        cache.add(key, 0, timeout=90)
        try:
            count = cache.incr(key)
        except ValueError:
            cache.set(key, 1, timeout=90)
            count = 1
    except Exception:  # noqa: BLE001 - any cache failure: fail open, as the API's throttle does
        logger.warning("verification rate limit unavailable (cache error); letting the look-up through")
        return False
    return count > VERIFY_RATE_PER_MINUTE


def period_on(start, end, today) -> str:
    """Where `today` falls in the admitted period. The status alone ("valid") misled inspectors: a
    certificate whose period ended proves which legislation applied then, not today."""
    if end and end < today:
        return "ended"
    if start and start > today:
        return "not_started"
    return "current"


def verification_result(certificate) -> dict:
    """Only what an inspector needs: the status, the state, the period (and where the day of the
    check falls in it) and the holder's initials."""
    if certificate is None:
        return {"status": "unknown"}
    request = certificate.request
    state = (request.determination or {}).get("legislation") or certificate.number[:2]
    # A replaced certificate names the corrected one (its number and the day), nothing more: the
    # inspector checks that one with the worker's certificate in hand.
    replacement = certificate.replaced_by if certificate.status == CertificateStatus.WITHDRAWN else None
    return {
        "status": certificate.status,
        "replaced_by": replacement.number if replacement else "",
        "replaced_on": certificate.replaced_on if replacement else None,
        "number": certificate.number,
        "state": countries.name(state),
        "state_code": state,
        "start": request.admitted_start,
        "end": request.admitted_end,
        "period": period_on(request.admitted_start, request.admitted_end, timezone.localdate()),
        "initials": holder_initials(
            certificate.holder.get("given_names", ""), certificate.holder.get("family_name", "")
        ),
    }


@never_cache
def verify(request):
    """Public: check a certificate by number + date of birth, or by the QR link (number + signature)."""
    if (request.GET.get("n") or request.method == "POST") and _rate_limited(request):
        response = render(request, "casework/verify_rate_limited.html", status=429)
        response["Retry-After"] = "60"
        return response
    form = VerifyForm()
    result = None
    if request.method == "POST":
        form = VerifyForm(request.POST)
        if form.is_valid():
            certificate = selectors.certificate_lookup(
                form.cleaned_data["number"], birth_date=form.cleaned_data["birth_date"]
            )
            result = verification_result(certificate)
    elif request.GET.get("n"):
        certificate = selectors.certificate_lookup(
            request.GET["n"], signature=request.GET.get("s", "") or "-"
        )
        result = verification_result(certificate)
    return render(
        request,
        "casework/verify.html",
        {"form": form, "result": result, "statuses": CertificateStatus},
    )


@login_required
def inbox(request):
    messages_qs = selectors.inbox_for(request).order_by("-created_at", "-pk")[:200]
    return render(
        request,
        "casework/inbox.html",
        {"inbox_messages": messages_qs, "unread_elsewhere": selectors.unread_elsewhere(request)},
    )


@login_required
def inbox_message(request, pk):
    try:
        message = selectors.inbox_message_for(request, pk)
    except OfAnotherEmployer as exc:
        return other_employer_response(request, exc)
    if message is None:
        raise Http404
    if message.read_at is None:
        type(message).objects.filter(pk=message.pk).update(read_at=timezone.now())
    form = AnswerForm()
    can_answer = message.awaits_answer and message.request and message.request.status == Status.INFO_REQUESTED
    if request.method == "POST" and can_answer:
        form = AnswerForm(request.POST)
        if form.is_valid():
            try:
                request_answer_information(
                    actor=request.user,
                    request=message.request,
                    answer=form.cleaned_data["answer"],
                    message=message,
                )
            except PermissionDenied as exc:
                raise Http404 from exc
            except ValidationError as exc:
                form.add_error("answer", exc.messages[0])
            else:
                messages.success(request, _("Your answer was sent. The request is back with the caseworker."))
                return redirect("casework:inbox")
    return render(
        request, "casework/inbox_message.html", {"message": message, "form": form, "can_answer": can_answer}
    )


@login_required
def certificate_download(request, pk):
    certificate = selectors.certificate_for_download(request.user, pk)
    if certificate is None:
        raise Http404
    return FileResponse(
        certificate.pdf.open("rb"),
        as_attachment=True,
        filename=f"{certificate.number}.pdf",
        content_type="application/pdf",
    )


@login_required
def dashboard(request):
    if not is_caseworker(request.user):
        raise Http404
    # As in the admin (accounts/admin_site.py): casework only with a verified second factor.
    if not request.user.is_verified():
        return redirect(second_factor_url(request.user, request.get_full_path()))
    figures = selectors.dashboard_figures()
    status_labels = dict(Status.choices)
    age_labels = {
        "< 1 day": _("Under a day"),
        "1-3 days": _("1 to 3 days"),
        "3-7 days": _("3 to 7 days"),
        "1-2 weeks": _("1 to 2 weeks"),
        "> 2 weeks": _("Over 2 weeks"),
    }
    charts = [
        (
            _("Requests per status"),
            bar_chart(
                [
                    (str(status_labels[s]), figures["per_status"].get(s, 0))
                    for s in Status.values
                    if s != Status.DRAFT
                ],
                _("Requests per status"),
            ),
        ),
        (
            _("Requests per state of work"),
            bar_chart(
                [(str(countries.name(c)) or c, n) for c, n in figures["per_state"]],
                _("Requests per state of work"),
            ),
        ),
        (
            _("Requests sent per week"),
            bar_chart(
                [(_("week of %(d)s") % {"d": w.date().isoformat()}, n) for w, n in figures["per_week"]],
                _("Requests sent per week"),
            ),
        ),
        (
            _("Age of the queue (requests in progress)"),
            bar_chart(
                [(str(age_labels[label]), n) for label, n in figures["queue_age"]], _("Age of the queue")
            ),
        ),
    ]
    # Where the work is, each a link to the queue filtered to it: "Work the queue" led to every
    # request ever sent, closed ones first (the oldest), and the waiting ones had to be filtered out.
    queue = reverse("admin:postings_coveragerequest_changelist")
    work = [
        (label, figures["per_status"].get(status, 0), f"{queue}?status__exact={status}")
        for status, label in (
            (Status.IN_REVIEW, _("Waiting for your review")),
            (Status.INFO_REQUESTED, _("Waiting for the employer's answer")),
            (Status.SUBMITTED, _("Received, still being checked")),
        )
    ]
    return render(request, "casework/dashboard.html", {"charts": charts, "figures": figures, "work": work})
