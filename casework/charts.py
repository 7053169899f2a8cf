"""Bar charts as inline SVG, drawn on the server (no JavaScript library)."""

from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

WIDTH, BAR, GAP, LABEL = 560, 22, 8, 150


def bar_chart(rows: list[tuple[str, int]], title: str) -> str:
    """Horizontal bars with the figure beside each; a <title> and aria-label for screen readers."""
    top = max((n for _, n in rows), default=0) or 1
    height = max(len(rows), 1) * (BAR + GAP) + GAP
    parts = [
        format_html(
            '<svg class="chart" role="img" aria-label="{}" width="{}" height="{}" viewBox="0 0 {} {}" '
            'xmlns="http://www.w3.org/2000/svg"><title>{}</title>',
            title,
            WIDTH,
            height,
            WIDTH,
            height,
            title,
        )
    ]
    span = WIDTH - LABEL - 50
    for i, (label, n) in enumerate(rows):
        y = GAP + i * (BAR + GAP)
        w = round(span * n / top) if n else 0
        parts.append(
            format_html(
                '<text x="{}" y="{}" text-anchor="end" class="chart-label">{}</text>'
                '<rect x="{}" y="{}" width="{}" height="{}" class="chart-bar"><title>{}: {}</title></rect>'
                '<text x="{}" y="{}" class="chart-value">{}</text>',
                LABEL - 6,
                y + BAR - 6,
                label,
                LABEL,
                y,
                w,
                BAR,
                label,
                n,
                LABEL + w + 6,
                y + BAR - 6,
                n,
            )
        )
    if not rows:
        parts.append(format_html('<text x="{}" y="{}">{}</text>', 10, BAR, escape("—")))
    parts.append("</svg>")
    return mark_safe("".join(str(p) for p in parts))  # noqa: S308 - every piece is escaped by format_html
