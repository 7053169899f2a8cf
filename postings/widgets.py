"""A select that builds its options in Python.

Django renders every <option> of a select through two template includes; a list of the world's
states (250 options) then costs about 5 ms per select, and the consult page's filter and the places
step of the wizard (three state selects per place) spent most of their time there (see the load
benchmark, benchmarks/HISTORY.md). The HTML is the same as Django's templates produce.
"""

from django import forms
from django.utils.html import conditional_escape, escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django_countries import countries
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


# Per language: django-countries translates and sorts all 250 names on every iteration, and a page
# read them several times per state select (to render it, to ask whether it has an empty option,
# to check the answer); checking a state in the consult filter cost 4 ms (benchmarks/load.py,
# profiled).
_STATES: dict[str, list[tuple[str, str]]] = {}


def states() -> list[tuple[str, str]]:
    """Every state as (code, name), named and sorted in the reader's language, whatever language the
    process started in. Not to be changed by the caller: the list is shared."""
    language = get_language() or ""
    found = _STATES.get(language)
    if found is None:
        found = _STATES[language] = [(country.code, country.name) for country in countries]
    return found


def same_for_a_language(choices):
    """Marks a choices callable whose list depends only on the active language (the states, say):
    FastLazySelect then keeps its options per language and no longer reads all the choices on every
    render (Django normalises each of the 250 again on each read)."""
    choices.same_for_a_language = True
    return choices


class FastLazySelect(FastSelectMixin, LazySelect):
    """For django-countries' lazy choice fields.

    The states' options are the same on every page for a language: each is written once (value and
    escaped name) and kept per language and list of values, so a page only marks the chosen one.
    Django's own path built a dictionary per option (250 of them per select) on every render; that
    was most of the places step's CPU (benchmarks/load.py, profiled)."""

    _options: dict[tuple, tuple[frozenset, list[tuple[str, str, str]]]] = {}
    MAX_LISTS = 50

    def _cached(self):
        """(values, options) for these choices, kept per language; None when they cannot be (groups,
        or a multiple select), and the ordinary rendering does it."""
        source = getattr(self.choices, "func", None)  # Django's CallableChoiceIterator keeps it
        key = (get_language(), source) if getattr(source, "same_for_a_language", False) else None
        cached = self._options.get(key) if key else None
        if cached is None:
            choices = [("" if v is None else str(v), label) for v, label in self.choices]
            if self.allow_multiple_selected or any(isinstance(label, (list, tuple)) for _v, label in choices):
                return None
            values = tuple(v for v, _label in choices)
            key = key or (get_language(), values, tuple(str(label) for v, label in choices if not v))
            cached = self._options.get(key)
            if cached is None:
                options = [
                    (v, f'<option value="{escape(v)}"', f">{conditional_escape(label)}</option>")
                    for v, label in choices
                ]
                if len(self._options) >= self.MAX_LISTS:
                    self._options.pop(next(iter(self._options)))
                cached = self._options[key] = (frozenset(values), options)
        return cached

    def use_required_attribute(self, initial):
        # django-countries asks whether any option is empty by reading all 250 again: the kept
        # values answer it.
        cached = None if self.is_hidden else self._cached()
        if cached is None:
            return super().use_required_attribute(initial)
        return "" in cached[0]

    def render(self, name, value, attrs=None, renderer=None):
        cached = self._cached()
        if cached is None:
            return super().render(name, value, attrs, renderer)
        values, options = cached
        widget = forms.Widget.get_context(self, name, value, attrs)["widget"]
        chosen = next((v for v in widget["value"] if v in values), None)
        parts = [format_html('<select name="{}"', widget["name"]), _attrs(widget["attrs"]), ">"]
        for option_value, start, end in options:
            # As Django: only the first option with the chosen value is selected.
            selected = option_value == chosen
            if selected:
                chosen = None
            parts.append(f"\n  {start}{' selected' if selected else ''}{end}\n")
        parts.append("\n</select>")
        return mark_safe("".join(parts))  # noqa: S308 - values and names are escaped above
