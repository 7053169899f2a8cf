"""The personnel directory's messages name the client for a consultant acting for it.

The services say "your personnel directory", as the employer's own staff read it; to a consultant
"your" is the consultant's firm, which has no directory of these people. The services mark those
messages with a code, and the page swaps in the client's name (accounts.acting.client_name).
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from coverage_portal.sentences import one_full_stop

CLIENT_MESSAGES = {
    "already_in_directory": _("This person is already in the personnel directory of %(client)s."),
    "no_longer_in_directory": _("This person is no longer in the personnel directory of %(client)s."),
    "number_in_directory": _("Another person in the personnel directory of %(client)s has this number."),
}


def naming_the_client(exc: ValidationError, client_name: str | None) -> ValidationError:
    """`exc` with the directory's messages naming `client_name`; `exc` itself for the staff (None)."""
    if not client_name:
        return exc
    if hasattr(exc, "error_dict"):
        return ValidationError(
            {field: [_one(e, client_name) for e in errors] for field, errors in exc.error_dict.items()}
        )
    return ValidationError([_one(e, client_name) for e in exc.error_list])


def _one(error: ValidationError, client_name: str) -> ValidationError:
    text = CLIENT_MESSAGES.get(error.code)
    if text is None:
        return error
    # "… of Van Dijk Bouw B.V." ends with the name's own full stop, not a second one.
    return ValidationError(one_full_stop(text % {"client": client_name}), code=error.code)
