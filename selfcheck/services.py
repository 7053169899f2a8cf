"""The portal's door to the engine: the issuing state from settings, batches, error paths.

Error messages are said in the active language (selfcheck/localise.py): the API's, as
LocaleMiddleware chose it from the request; the command line's, English unless asked otherwise.
"""

from __future__ import annotations

from django.conf import settings

import rules

from .localise import localised_errors


def issuing_state() -> str:
    return settings.PORTAL_INSTITUTION["state"]


def determine_payload(payload: object) -> tuple[bool, object]:
    """Determine one situation or a list of them (contract: "Three doors, one engine").

    Returns ``(True, determination_or_list)`` or ``(False, {"errors": [...]})``. For a list a
    bad item fails the whole call and every error names its item: ``[3].work[0].country``.
    """
    state = issuing_state()
    if isinstance(payload, list):
        results, errors = [], []
        for index, item in enumerate(payload):
            try:
                results.append(rules.determine(item, state))
            except rules.InvalidSituation as exc:
                for error in localised_errors(exc):
                    field = f"[{index}].{error['field']}" if error["field"] else f"[{index}]"
                    errors.append({"field": field, "message": error["message"]})
        return (False, {"errors": errors}) if errors else (True, results)
    try:
        return True, rules.determine(payload, state)
    except rules.InvalidSituation as exc:
        return False, {"errors": localised_errors(exc)}
