"""Escaping with the shortcut for plain text (coverage_portal/fast_escape.py) gives what Django's own
conditional_escape gives, for every kind of value a page shows, and pages use it."""

import datetime as dt
import decimal

import pytest
from django.template import Context, Template
from django.utils import html as django_html
from django.utils.functional import lazy, lazystr
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy, override

from coverage_portal import fast_escape


class Markup:
    def __html__(self):
        return "<b>already</b>"


class Name(str):
    """A subclass of str: not the shortcut's exact type, so Django's path handles it."""


VALUES = [
    "",
    "plain",
    "Jan & Eva <script>alert('x')</script> \"quoted\"",
    "Zoë Ångström – 30 %",
    mark_safe("<em>safe</em>"),
    SafeString("<i>safe</i> & sound"),
    lazystr("<lazy> & text"),
    gettext_lazy("Cancel"),
    Name("<sub> & class"),
    Markup(),
    7,
    -12,
    3.5,
    float("nan"),
    True,
    lazy(lambda: SafeString("<b>lazy but safe</b>"), str)(),
    format_lazy("{} & {}", gettext_lazy("Cancel"), "<x>"),
    decimal.Decimal("1.50"),
    None,
    dt.date(2026, 11, 23),
]


@pytest.mark.parametrize("value", VALUES, ids=repr)
def test_same_text_and_safety_as_djangos(value):
    with override("nl"):
        ours = fast_escape.conditional_escape(value)
        djangos = fast_escape._django_conditional_escape(value)
    assert ours == djangos
    assert type(ours) is type(djangos)


def test_plain_text_is_escaped_and_marked_safe():
    escaped = fast_escape.conditional_escape("<a href='x'>&</a>")
    assert escaped == "&lt;a href=&#x27;x&#x27;&gt;&amp;&lt;/a&gt;"
    assert isinstance(escaped, SafeString)
    # Escaping a safe result again leaves it alone, as Django's does.
    assert fast_escape.conditional_escape(escaped) == "&lt;a href=&#x27;x&#x27;&gt;&amp;&lt;/a&gt;"


def test_installed_where_pages_escape():
    # The app's ready() installs it: templates and format_html use it.
    import django.template.base

    assert django_html.conditional_escape is fast_escape.conditional_escape
    assert django.template.base.conditional_escape is fast_escape.conditional_escape
    assert fast_escape.use_fast_escape() == []  # already everywhere: a second call changes nothing


def test_templates_and_format_html_still_escape():
    page = Template("{{ name }} {{ safe }} {{ lazy }}").render(
        Context({"name": "<b>Vries</b> & co", "safe": mark_safe("<i>ok</i>"), "lazy": lazystr("<x>")})
    )
    assert page == "&lt;b&gt;Vries&lt;/b&gt; &amp; co <i>ok</i> &lt;x&gt;"
    assert django_html.format_html("<td>{}</td><td>{n}</td>", "<1>", n="a&b") == (
        "<td>&lt;1&gt;</td><td>a&amp;b</td>"
    )
