"""The consult list's rows, written in Python: what each cell shows and where each link goes.

The template engine resolved about 40 variables, 4 URLs and an include per row; for a page of ten
rows that was most of the page's CPU under load, and still a fifth of it with the values prepared
here (benchmarks/load.py, profiled). Each URL is one string substitution into a pattern reversed
once per process, dates are formatted once, and each row is one format_html (escaped there).
"""

from dataclasses import dataclass
from functools import cache

from django.urls import get_script_prefix, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext

from .models import CoverageRequest, RequestType, Territory
from .services.drafts import can_extend
from .services.lifecycle import can_cancel
from .templatetags.request_status import status_tags
from .widgets import states

# A request number no real request has, replaced by the real one in the reversed URL.
_PK_MARK = 987654321987


@cache
def _pattern(name: str, prefix: str) -> str:
    return reverse(name, args=[_PK_MARK])


def request_url(name: str, pk: int) -> str:
    """reverse(name, args=[pk]) for the postings URLs that take only a request's number."""
    return _pattern(name, get_script_prefix()).replace(str(_PK_MARK), str(int(pk)))


# Each date in a span that does not break, so a narrow column wraps after the dash, never inside a date
# ("23-10-" on one line, "2027" on the next).
_DATE = '<span class="date">{}</span>'


def _period(start, end) -> str:
    if not start:
        return ""
    if not end:
        return format_html(_DATE + " –", f"{start:%d-%m-%Y}")
    return format_html(_DATE + " – " + _DATE, f"{start:%d-%m-%Y}", f"{end:%d-%m-%Y}")


@dataclass(frozen=True, slots=True)
class ConsultRow:
    request: CoverageRequest  # for {% status_tags %}
    number: str
    detail_url: str
    type_label: str
    personal_number: str
    worker: str
    state: str
    admitted: str
    requested: str
    cancel_url: str | None
    extend_url: str | None


# The columns the rows read (and the list's sort). The consult query reads only these: a request's
# answers and determination are JSON of several kilobytes each, and decoding them for rows that never
# show them was a quarter of the list's database work (benchmarks/load.py, profiled). A column read
# below but missing here costs a query per row, which tests/postings/test_consult_scaling.py catches.
COLUMNS = (
    "pk",
    "transaction_number",
    "type",
    "status",
    "decision",
    "personal_number",
    "worker_name",
    "state_of_work",
    "territory",
    "admitted_start",
    "admitted_end",
    "requested_start",
    "requested_end",
    "submitted_at",
)


# Labels by value, translated when shown: Django's get_FOO_display() builds a dictionary of all the
# choices on every call, and django-countries translates a state's name on every look.
_TYPE_LABELS = dict(RequestType.choices)
_TERRITORY_LABELS = dict(Territory.choices)


def consult_rows(requests) -> list[ConsultRow]:
    rows = []
    state_names = dict(states())  # in the reader's language
    for obj in requests:
        code = obj.state_of_work.code if obj.state_of_work else ""
        state = state_names.get(code, code)
        if obj.territory:
            state = f"{state} ({_TERRITORY_LABELS.get(obj.territory, obj.territory)})"
        rows.append(
            ConsultRow(
                request=obj,
                number=obj.transaction_number,
                detail_url=request_url("postings:detail", obj.pk),
                type_label=str(_TYPE_LABELS.get(obj.type, obj.type)),
                personal_number=obj.masked_personal_number,
                worker=obj.worker_name,
                state=state,
                admitted=_period(obj.admitted_start, obj.admitted_end),
                requested=_period(obj.requested_start, obj.requested_end),
                cancel_url=request_url("postings:cancel", obj.pk) if can_cancel(obj) else None,
                extend_url=request_url("postings:extend", obj.pk) if can_extend(obj) else None,
            )
        )
    return rows


_ROW = (
    '\n    <tr>\n      <td><a href="{detail}">{number}</a></td>\n      <td>{type}</td>\n'
    "      <td>{personal_number}</td>\n      <td>{worker}</td>\n      <td>{state}</td>\n"
    "      <td>{status}</td>\n      <td>{admitted}</td>\n      <td>{requested}</td>\n"
    '      <td class="row-actions">{cancel}\n'
    '          <a href="{detail}#reuse">{reuse}<span class="visually-hidden"> {number}</span></a>\n'
    "          {extend}</td>\n    </tr>"
)
_ACTION = '<a href="{}">{}<span class="visually-hidden"> {}</span></a>'


def consult_rows_html(rows: list[ConsultRow]):
    """The table body's rows: the same markup the template wrote, for every row at once."""
    cancel, reuse, extend = gettext("Cancel"), gettext("Based on this"), gettext("Extend")
    return format_html_join(
        "",
        "{}",
        (
            (
                format_html(
                    _ROW,
                    detail=row.detail_url,
                    number=row.number,
                    type=row.type_label,
                    personal_number=row.personal_number,
                    worker=row.worker,
                    state=row.state,
                    status=status_tags(row.request),
                    admitted=row.admitted,
                    requested=row.requested,
                    cancel=format_html(_ACTION, row.cancel_url, cancel, row.number) if row.cancel_url else "",
                    reuse=reuse,
                    extend=format_html(_ACTION, row.extend_url, extend, row.number) if row.extend_url else "",
                ),
            )
            for row in rows
        ),
    )
