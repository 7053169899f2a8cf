from django.conf import settings
from django.core.signals import setting_changed
from django.templatetags.static import static
from django.urls import get_script_prefix, reverse
from django.utils.functional import SimpleLazyObject
from django.utils.text import capfirst
from django.utils.translation import get_language_info

from accounts.acting import client_of, get_acting_employer
from accounts.permissions import employer_list_for, is_caseworker

# The header's links: the same on every page, so reversed once per process (and script prefix).
HEADER_URLS = {
    "home": "home",
    "set_language": "set_language",
    "login": "login",
    "logout": "logout",
    "selfcheck": "selfcheck:check",
    "admin": "admin:index",
    "dashboard": "casework:dashboard",
    "requests": "postings:list",
    "drafts": "postings:drafts",
    "personnel": "accounts:personnel",
    "inbox": "casework:inbox",
    "account": "accounts:account",
    "switch_employer": "accounts:switch_employer",
}
_header: dict[str, dict] = {}


def _header_for(prefix: str) -> dict:
    header = _header.get(prefix)
    if header is None:
        header = {
            "urls": {key: reverse(name) for key, name in HEADER_URLS.items()},
            "css": static("css/portal.css"),
            "error_summary_js": static("js/error-summary.js"),
            # Each language in its own name, as the switcher shows it whatever the page's language.
            "languages": [
                (code, capfirst(get_language_info(code)["name_local"])) for code, _name in settings.LANGUAGES
            ],
        }
        _header[prefix] = header
    return header


def _forget_header(setting, **kwargs) -> None:
    if setting in {"ROOT_URLCONF", "STATIC_URL", "STORAGES", "LANGUAGES", "FORCE_SCRIPT_NAME"}:
        _header.clear()


setting_changed.connect(_forget_header, dispatch_uid="portal-header-forget")


def portal(request):
    """What every page's header needs: the institution, and for whom the person is acting."""
    user = getattr(request, "user", None)
    return {
        "institution": settings.PORTAL_INSTITUTION,
        "portal_header": _header_for(get_script_prefix()),
        "acting_employer": SimpleLazyObject(lambda: get_acting_employer(request)),
        # The consultant's client, named on the request pages (asked only by the pages that show it).
        "client": SimpleLazyObject(lambda: client_of(request)),
        # Lists are evaluated lazily: pages that never show the switcher never query for it.
        "employer_choices": SimpleLazyObject(lambda: employer_list_for(user) if user else []),
        "user_is_caseworker": bool(user and is_caseworker(user)),
    }
