"""A worker's requests on a time axis, as inline SVG rendered on the server (no JavaScript).

Each request is a row: the requested period as an outlined bar, the admitted period filled. A dashed
line marks the Art. 12 limit: 24 months after the start of the run of postings to the same state
that the request belongs to.
"""

import datetime as dt

from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

POSTING_LIMIT_MONTHS = 24
WIDTH, LEFT, ROW, TOP = 720, 150, 28, 34


def add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    for last in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month + 1, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def posting_limit(rows, highlight=None) -> dt.date | None:
    """24 months after the start of the posting run the highlighted request belongs to.

    A run is the worker's (not cancelled) postings to one state that follow each other with less than
    two months in between (they count together towards the Art. 12 limit). The state is the highlighted
    request's, or that of the worker's latest posting when the highlighted request is not a posting.
    """
    postings = sorted(
        (r for r in rows if r.type == "posting" and r.status != "cancelled" and r.state_of_work),
        key=lambda r: r.requested_start,
    )
    if not postings:
        return None
    anchor = highlight if highlight is not None and highlight in postings else postings[-1]
    same_state = [r for r in postings if str(r.state_of_work) == str(anchor.state_of_work)]
    run_start = same_state[0].requested_start
    previous_end = None
    for r in same_state:
        if r.requested_start > anchor.requested_start:
            break
        if previous_end is not None and r.requested_start >= add_months(previous_end, 2):
            run_start = r.requested_start  # a break of two months or more starts a new run
        end = r.admitted_end or r.requested_end
        previous_end = end if previous_end is None else max(previous_end, end)
    return add_months(run_start, POSTING_LIMIT_MONTHS)


def timeline_svg(requests, highlight=None) -> str:
    rows = [r for r in requests if r.requested_start and r.requested_end]
    if not rows:
        return ""
    limit = posting_limit(rows, highlight)
    first = min(r.requested_start for r in rows)
    last = max(
        [r.admitted_end or r.requested_end for r in rows]
        + [r.requested_end for r in rows]
        + ([limit] if limit else [])
    )
    span = max((last - first).days, 1)
    scale = (WIDTH - LEFT - 10) / span

    def x(day):
        return LEFT + (day - first).days * scale

    def fmt(value):
        return f"{value:.1f}"

    height = TOP + ROW * len(rows) + 24
    bars = []
    for i, r in enumerate(rows):
        y = TOP + i * ROW
        label = r.transaction_number or _("draft")
        css = "tl-row tl-current" if highlight is not None and r.pk == highlight.pk else "tl-row"
        bars.append(
            format_html(
                '<g class="{}"><text x="4" y="{}">{}</text>'
                '<rect class="tl-requested tl-{}" x="{}" y="{}" width="{}" height="16">'
                "<title>{} {} – {}</title></rect>",
                css,
                y + 13,
                label,
                r.status,
                x(r.requested_start),
                y,
                max(x(r.requested_end) - x(r.requested_start), 2),
                _("Requested"),
                r.requested_start.isoformat(),
                r.requested_end.isoformat(),
            )
        )
        if r.admitted_start and r.admitted_end:
            bars.append(
                format_html(
                    '<rect class="tl-admitted" x="{}" y="{}" width="{}" height="8">'
                    "<title>{} {} – {}</title></rect>",
                    x(r.admitted_start),
                    y + 4,
                    max(x(r.admitted_end) - x(r.admitted_start), 2),
                    _("Admitted"),
                    r.admitted_start.isoformat(),
                    r.admitted_end.isoformat(),
                )
            )
        bars.append(mark_safe("</g>"))  # noqa: S308 - a constant
    limit_line = ""
    if limit:
        limit_line = format_html(
            '<line class="tl-limit" x1="{0}" x2="{0}" y1="20" y2="{1}"/>'
            '<text class="tl-limit-label" x="{0}" y="14" text-anchor="end">{2} ({3})</text>',
            fmt(x(limit)),
            height - 20,
            _("24-month posting limit"),
            limit.isoformat(),
        )
    axis = format_html_join(
        "",
        '<text class="tl-axis" x="{}" y="{}">{}</text>',
        ((fmt(x(day)), height - 4, day.year) for day in _year_marks(first, last)),
    )
    return format_html(
        '<svg class="timeline" role="img" viewBox="0 0 {} {}" width="100%" aria-labelledby="timeline-title">'
        '<title id="timeline-title">{}</title>{}{}{}</svg>',
        WIDTH,
        height,
        _("Requests of this worker over time"),
        format_html_join("", "{}", ((b,) for b in bars)),
        limit_line,
        axis,
    )


def _year_marks(first: dt.date, last: dt.date):
    return [dt.date(year, 1, 1) for year in range(first.year + 1, last.year + 1)] or [first]
