"""A select that builds its options in Python.

Django renders every <option> of a select through two template includes; a list of the world's
states (250 options) then costs about 5 ms per select, and the consult page's filter and the places
step of the wizard (three state selects per place) spent most of their time there (see the load
benchmark, README "Speed"). The HTML is the same as Django's templates produce.
"""

from django import forms
from django.utils.html import conditional_escape, escape, format_html
from django.utils.safestring import mark_safe
from django_countries.widgets import LazySelect


def _attrs(attrs: dict) -> str:
    # As django/forms/widgets/attrs.html: False leaves the attribute out, True writes its bare name.
    if not attrs:
        return ""
    return "".join(
        f' {escape(name)}="{escape(value)}"' if value is not True else f" {escape(name)}"
        for name, value in attrs.items()
        if value is not False and value is not None
    )


class FastSelectMixin:
    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        parts = [format_html('<select name="{}"', widget["name"]), _attrs(widget["attrs"]), ">"]
        for group_name, options, _index in widget["optgroups"]:
            if group_name:
                parts.append(format_html('\n  <optgroup label="{}">', group_name))
            for option in options:
                # select_option.html ends with a newline, hence the blank line after each option.
                parts.append(
                    f'\n  <option value="{escape(option["value"])}"{_attrs(option["attrs"])}>'
                    f"{conditional_escape(option['label'])}</option>\n"
                )
            if group_name:
                parts.append("\n  </optgroup>")
        parts.append("\n</select>")
        return mark_safe("".join(parts))  # noqa: S308 - every part is escaped above


class FastSelect(FastSelectMixin, forms.Select):
    pass


class FastLazySelect(FastSelectMixin, LazySelect):
    """For django-countries' lazy choice fields."""
