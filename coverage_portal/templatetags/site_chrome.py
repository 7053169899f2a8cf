"""{% site_header %}: the page header of every portal page, made once and reused.

The header (templates/includes/site_header.html: institution, language switcher, sign-in state,
navigation) was about half of a page's template work (the consult page: 2.0 of 3.9 ms), yet it only
varies by language and by kind of visitor. So it is rendered once per (language, script prefix,
signed in, caseworker, acting for an employer) with stand-ins for this request's own values, and on
each page those stand-ins are replaced by the real ones, escaped as the template would have: the
CSRF token, the path the language switcher returns to, the person's name and the employer's name.

People who may act for more than one employer see a switcher listing them: that header is rendered
as a template each time (it is rare, and its options are the person's own). In development
(DEBUG) nothing is kept, so an edited template shows at once. Tests compare the reused header with a
fresh render for each kind of visitor (tests/foundation/test_site_chrome.py).
"""

from django import template
from django.conf import settings
from django.core.signals import setting_changed
from django.template import Context
from django.template.loader import get_template
from django.urls import get_script_prefix
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

register = template.Library()

TEMPLATE = "includes/site_header.html"
# Private-use characters: nothing a person types, and left alone by HTML escaping.
CSRF, PATH, USER, EMPLOYER = (f"\ue000{name}\ue001" for name in ("csrf", "path", "user", "employer"))

_kept: dict[tuple, str] = {}


class _StandIn:
    """What the template reads of the request, the user or the employer, answering with a stand-in."""

    def __init__(self, text: str = "", **attributes):
        self._text = text
        self.__dict__.update(attributes)

    def __str__(self) -> str:
        return self._text

    def get_full_path(self) -> str:
        return PATH


def _made(key: tuple, signed_in: bool, caseworker: bool, acting: bool, header: dict) -> str:
    context = Context(
        {
            "LANGUAGE_CODE": key[0],
            "institution": settings.PORTAL_INSTITUTION,
            "portal_header": header,
            "request": _StandIn(),
            "user": _StandIn(USER, is_authenticated=signed_in),
            "user_is_caseworker": caseworker,
            "acting_employer": _StandIn(EMPLOYER, name=EMPLOYER, pk=None) if acting else None,
            "employer_choices": [],
            "csrf_token": CSRF,
        },
        autoescape=True,
    )
    return get_template(TEMPLATE).template.render(context)


@register.simple_tag(takes_context=True)
def site_header(context) -> str:
    request = getattr(context, "request", None)
    header = context.get("portal_header")
    user = context.get("user")
    if request is None or header is None or user is None or settings.DEBUG:
        return get_template(TEMPLATE).template.render(context)
    signed_in = user.is_authenticated
    # A lazy object (coverage_portal.context_processors): truthy only when there is an employer.
    acting = (context.get("acting_employer") or None) if signed_in else None
    if signed_in and len(context.get("employer_choices") or ()) > 1:
        return get_template(TEMPLATE).template.render(context)  # the switcher lists their employers
    caseworker = bool(context.get("user_is_caseworker"))
    key = (get_language(), get_script_prefix(), signed_in, caseworker, acting is not None)
    html = _kept.get(key)
    if html is None:
        html = _kept[key] = _made(key, signed_in, caseworker, acting is not None, header)
    # The page's own token (the forms in its content carry the same one).
    html = html.replace(CSRF, escape(context.get("csrf_token")))
    html = html.replace(PATH, escape(request.get_full_path()))
    if signed_in:
        html = html.replace(USER, escape(user))
        if acting is not None:
            html = html.replace(EMPLOYER, escape(acting.name))
    return mark_safe(html)  # noqa: S308 - the template's output, with escaped values put in


def _forget(**kwargs) -> None:
    # Any setting may be in the header (the institution, URLs, languages): start again.
    _kept.clear()


setting_changed.connect(_forget, dispatch_uid="site-header-forget")
