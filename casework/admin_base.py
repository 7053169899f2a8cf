"""The caseworker's admin, cut back on purpose: read-only pages, no add, no delete; every change
goes through an action or a form page that calls a service (which writes the event and the audit).
Only caseworkers (accounts.permissions.is_caseworker) see these pages."""

from django.conf import settings
from django.contrib import admin
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from accounts.permissions import is_caseworker


class CaseworkerAdmin(admin.ModelAdmin):
    def has_module_permission(self, request):
        return is_caseworker(request.user)

    def has_view_permission(self, request, obj=None):
        return is_caseworker(request.user)

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions if is_caseworker(request.user) else {}


def state_name(code) -> str:
    """ "Netherlands (NL)", as the PD A1 prints a state, rather than the engine's bare code."""
    return f"{countries.name(code)} ({code})" if code and countries.name(code) else (code or "—")


def employer_reads(request) -> str:
    """Help text for a caseworker's words that the employer reads (a rejection's reason, a question,
    an approval's note, a withdrawal's reason). The employer's messages are framed in the request's
    language (services.notify) and the caseworker's words go in as written; an approval's note is
    shown too ("Reason for the decision"), which its label alone did not say."""
    from .services.notify import email_language

    language = dict(settings.LANGUAGES).get(email_language(request.language), request.language)
    return _(
        "The employer sees this text on the request's page and in its inbox, in a message written in "
        "%(language)s (the request's language). Write it in %(language)s too."
    ) % {"language": language}


def show_errors(form, exc) -> None:
    """A service's ValidationError at the form's fields (or at the top when it names no field)."""
    for field, errors in getattr(exc, "message_dict", {None: exc.messages}).items():
        for error in errors:
            form.add_error(field if field in form.fields else None, error)


def html_table(headers, rows) -> str:
    """A small read-only table for the change page."""
    if not rows:
        return format_html("<p>{}</p>", _("None."))
    head = format_html_join("", "<th scope='col'>{}</th>", ((h,) for h in headers))
    body = format_html_join(
        "", "<tr>{}</tr>", ((format_html_join("", "<td>{}</td>", ((c,) for c in row)),) for row in rows)
    )
    return format_html(
        '<table class="casework-table"><thead><tr>{}</tr></thead><tbody>{}</tbody></table>', head, body
    )
