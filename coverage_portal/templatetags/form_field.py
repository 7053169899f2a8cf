"""{% form_field form.name %}: one form field, GOV.UK style, on every form page (a template builtin,
settings.TEMPLATES, so no {% load %} is needed; it replaced an include, whose own cost was a tenth of
the places step's CPU).

The label, the hint under it, the error at the field, and the input described by the hint and the
error; radios in a fieldset with a legend. Written in Python rather than as template markup: every
form page renders it once per field, and as a template it was about a third of a wizard page's CPU
(benchmarks/load.py, profiled). The HTML is what the template wrote.
"""

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

register = template.Library()


def _hint(field) -> str:
    if not field.help_text:
        return ""
    return format_html('<div class="hint" id="{}_helptext">{}</div>', field.auto_id, field.help_text)


def _errors(field) -> str:
    if not field.errors:
        return ""
    label = gettext("Error:")
    return format_html(
        '<div id="{}_error">{}</div>',
        field.auto_id,
        format_html_join(
            "",
            '<p class="error-message"><span class="visually-hidden">{}</span> {}</p>',
            ((label, error) for error in field.errors),
        ),
    )


@register.simple_tag
def form_field(field):
    input_type = getattr(field.field.widget, "input_type", None)
    classes = "form-group"
    if field.errors:
        classes += " form-group-error"
    if input_type == "checkbox":
        classes += " form-group-checkbox"
    parts = [format_html('<div class="{}" id="group-{}">\n', classes, field.html_name)]
    if input_type == "radio":
        described = " ".join(
            f"{field.auto_id}_{suffix}"
            for suffix, present in (("helptext", field.help_text), ("error", field.errors))
            if present
        )
        parts.append(
            format_html('<fieldset class="fieldset" aria-describedby="{}">', described)
            if described
            else mark_safe('<fieldset class="fieldset">')
        )
        parts.append(format_html('\n<legend class="fieldset-legend">{}</legend>\n', field.label))
        parts += [_hint(field), _errors(field), mark_safe('\n<div class="radios">')]
        parts.append(
            format_html_join(
                "",
                '<div class="radio">{} <label for="{}">{}</label></div>',
                ((radio.tag(), radio.id_for_label, radio.choice_label) for radio in field),
            )
        )
        parts.append(mark_safe("</div>\n</fieldset>\n"))
    elif input_type == "checkbox":
        parts.append(format_html('{} <label for="{}">{}</label>\n', field, field.id_for_label, field.label))
        parts += [_hint(field), _errors(field)]
    else:
        label = format_html('<label class="label" for="{}">{}</label>\n', field.id_for_label, field.label)
        parts.append(label)
        parts += [_hint(field), _errors(field), format_html("\n{}", field)]
    parts.append(mark_safe("\n</div>\n"))
    return mark_safe("".join(parts))  # noqa: S308 - every part above is escaped by format_html
