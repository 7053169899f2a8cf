"""A request's history as a person reads it: what happened, in words, and the status it led to."""

from django.utils.translation import gettext_lazy as _

from .status import PUBLIC_STATUS, Status

EVENT_LABELS = {
    "submitted": _("Request sent"),
    "validated": _("Checked and passed on for review"),
    "approved": _("Approved"),
    "rejected": _("Rejected"),
    "decision": _("Decision taken"),
    "info_requested": _("More information asked"),
    "info_request": _("More information asked"),
    "info_answered": _("Information sent"),
    "cancelled": _("Cancelled"),
    "certificate_issued": _("Certificate issued"),
    "certificate_printed": _("Certificate printed and posted"),
    "certificate_withdrawn": _("Certificate withdrawn by the institution"),
    "certificate_replaced": _("Certificate replaced by a corrected certificate"),
    "correction_issued": _("Corrected certificate issued by the institution, replacing an earlier one"),
    "determination_definitive": _("Determination became definitive"),
    "objection_recorded": _("Objection from another state recorded"),
    "objection_settled": _("Objection settled"),
    "host_states_informed": _("Host states' institutions informed"),
    "exception_answer": _("Other state's answer to the exception request recorded"),
}


def event_label(kind: str) -> str:
    """The event in words; an event this list does not know yet is shown readably, not as a code."""
    label = EVENT_LABELS.get(kind)
    return str(label) if label is not None else kind.replace("_", " ").capitalize()


def history_rows(events) -> list[dict]:
    rows = []
    for event in events:
        status = ""
        if event.to_status:
            status = str(PUBLIC_STATUS.get(event.to_status) or Status(event.to_status).label)
        rows.append(
            {"at": event.at, "what": event_label(event.kind), "status": status, "reason": event.reason}
        )
    return rows
