"""Django's form renderer, with its plain widget templates rendered by Python.

Every form field on every page renders its widget through Django's own little templates
(django/forms/widgets/input.html, attrs.html, select.html, ...): about 0.1 ms per input and 0.35 ms
per pair of radios through the template engine, most of a wizard step's time under load
(benchmarks/load.py). The functions below write exactly what those templates write, byte for byte
(tests/foundation/test_form_renderer.py compares them over many widgets); anything else (a project
template, an option template of its own) goes through the templates as before.
"""

from pathlib import Path
from types import SimpleNamespace

from django.forms.renderers import DjangoTemplates
from django.template.base import render_value_in_context
from django.utils.html import conditional_escape
from django.utils.safestring import SafeData

_PREFIX = "django/forms/widgets/"
# The template engine's defaults for a Context: autoescape on, settings' USE_TZ and localisation.
_CONTEXT = SimpleNamespace(autoescape=True, use_tz=None, use_l10n=None)
_MISSING = ""  # what a template prints for a missing variable (string_if_invalid)


def _out(value) -> str:
    """{{ value }}"""
    return render_value_in_context(value, _CONTEXT)


def _s(value) -> str:
    """{{ value|stringformat:'s' }} (stringformat keeps a safe string safe)."""
    try:
        text = "%s" % value  # noqa: UP031 - exactly what the filter does
    except (ValueError, TypeError):
        text = ""
    if isinstance(value, SafeData):
        return text
    return conditional_escape(text)


def _attrs(widget) -> str:
    """django/forms/widgets/attrs.html"""
    parts = []
    for name, value in widget.get("attrs", {}).items():
        if value is not False:
            parts.append(" " + _out(name))
            if value is not True:
                parts.append('="' + _s(value) + '"')
    return "".join(parts)


def _input(widget) -> str:
    """django/forms/widgets/input.html"""
    value = widget.get("value", _MISSING)
    html = '<input type="' + _out(widget.get("type", _MISSING))
    html += '" name="' + _out(widget.get("name", _MISSING)) + '"'
    if value != None:  # noqa: E711 - the template's "!= None"
        html += ' value="' + _s(value) + '"'
    return html + _attrs(widget) + ">\n"


def _input_option(widget) -> str:
    """django/forms/widgets/input_option.html"""
    wrap = widget.get("wrap_label", _MISSING)
    html = ""
    if wrap:
        element_id = widget.get("attrs", {}).get("id", _MISSING)
        html += "<label" + (' for="' + _out(element_id) + '"' if element_id else "") + ">"
    html += _input(widget)
    if wrap:
        html += " " + _out(widget.get("label", _MISSING)) + "</label>"
    return html + "\n"


def _select_option(widget) -> str:
    """django/forms/widgets/select_option.html"""
    return (
        '<option value="'
        + _s(widget.get("value", _MISSING))
        + '"'
        + _attrs(widget)
        + ">"
        + _out(widget.get("label", _MISSING))
        + "</option>\n"
    )


def _select(widget) -> str:
    """django/forms/widgets/select.html"""
    html = ['<select name="', _out(widget.get("name", _MISSING)), '"', _attrs(widget), ">"]
    for group_name, group_choices, _index in widget.get("optgroups", ()):
        if group_name:
            html.append('\n  <optgroup label="' + _out(group_name) + '">')
        for option in group_choices:
            html.append("\n  " + _OPTIONS[option["template_name"]](option))
        if group_name:
            html.append("\n  </optgroup>")
    html.append("\n</select>\n")
    return "".join(html)


def _multiple_input(widget) -> str:
    """django/forms/widgets/multiple_input.html"""
    attrs = widget.get("attrs", {})
    element_id = attrs.get("id", _MISSING)
    css_class = attrs.get("class", _MISSING)
    html = ["<div"]
    if element_id:
        html.append(' id="' + _out(element_id) + '"')
    if css_class:
        html.append(' class="' + _out(css_class) + '"')
    html.append(">")
    for group, options, _index in widget.get("optgroups", ()):
        if group:
            html.append("\n  <div><label>" + _out(group) + "</label>")
        for option in options:
            html.append("<div>\n    " + _OPTIONS[option["template_name"]](option) + "</div>")
        if group:
            html.append("\n  </div>")
    html.append("\n</div>")
    return "".join(html)


def _textarea(widget) -> str:
    """django/forms/widgets/textarea.html"""
    value = widget.get("value", _MISSING)
    return (
        '<textarea name="'
        + _out(widget.get("name", _MISSING))
        + '"'
        + _attrs(widget)
        + ">\n"
        + (_out(value) if value else "")
        + "</textarea>\n"
    )


_INPUTS = [
    "input",
    "text",
    "email",
    "number",
    "date",
    "datetime",
    "time",
    "password",
    "hidden",
    "checkbox",
    "url",
    "tel",
    "search",
    "color",
    "file",
]
_RENDER = {f"{_PREFIX}{name}.html": _input for name in _INPUTS}
_OPTIONS = {
    f"{_PREFIX}input_option.html": _input_option,
    # {% include "django/forms/widgets/input_option.html" %} and the file's own newline
    f"{_PREFIX}radio_option.html": lambda widget: _input_option(widget) + "\n",
    f"{_PREFIX}checkbox_option.html": lambda widget: _input_option(widget) + "\n",
    f"{_PREFIX}select_option.html": _select_option,
}
_RENDER.update(_OPTIONS)
_RENDER[f"{_PREFIX}textarea.html"] = _textarea
_WITH_OPTIONS = {
    f"{_PREFIX}select.html": _select,
    f"{_PREFIX}radio.html": _multiple_input,
    f"{_PREFIX}checkbox_select.html": _multiple_input,
    f"{_PREFIX}multiple_input.html": _multiple_input,
}


def _fast(template_name, context):
    """The Python rendering of a plain widget template, or None (the template engine does it)."""
    widget = context.get("widget") if len(context) == 1 else None
    if not isinstance(widget, dict):
        return None
    render = _RENDER.get(template_name)
    if render is not None:
        return render(widget)
    render = _WITH_OPTIONS.get(template_name)
    if render is not None and all(
        option.get("template_name") in _OPTIONS
        for _group, options, _index in widget.get("optgroups", ())
        for option in options
    ):
        return render(widget)
    return None


class PortalFormRenderer(DjangoTemplates):
    _checked = False

    def _check_templates(self) -> None:
        """Only Django's own widget templates are rendered by Python: an app that overrides one
        gets its template."""
        import django.forms

        own = str(Path(django.forms.__file__).parent / "templates")
        for table in (_RENDER, _OPTIONS, _WITH_OPTIONS):
            for name in list(table):
                if not str(self.get_template(name).origin.name).startswith(own):
                    table.pop(name)
        type(self)._checked = True

    def render(self, template_name, context, request=None):
        if not self._checked:
            self._check_templates()
        html = _fast(template_name, context)
        if html is None:
            return super().render(template_name, context, request=request)
        return html.strip()
