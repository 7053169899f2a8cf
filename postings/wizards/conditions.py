"""Step conditions as small pure predicates over the answers (no request, no database, no clock).

Used by the wizards (formtools condition_dict) and by the check-answers and detail pages, so a
step that is skipped is also left out of the summary.
"""

SEA = "transport_sea"
AIR = "transport_air"


def classification(answers: dict) -> str:
    return (answers.get("relationship") or {}).get("classification") or "employed"


def has_temporary_address(answers: dict) -> bool:
    return bool((answers.get("address") or {}).get("temp_differs"))


def needs_residence_statement(kind: str, employee_country: str | None, issuing_state: str) -> bool:
    """SVB: an employee who lives outside the issuing state and works in two or more states needs
    the residence state's statement first."""
    return kind == "simultaneous" and bool(employee_country) and employee_country != issuing_state


def works_in_issuing_state(answers: dict) -> bool:
    return bool((answers.get("states") or {}).get("also_issuing_state"))


def is_air_crew(answers: dict) -> bool:
    return classification(answers) == AIR


def is_sea_crew(answers: dict) -> bool:
    return classification(answers) == SEA


def art16_requested(answers: dict) -> bool:
    return bool((answers.get("check") or {}).get("ask_art16"))


def not_issuing_state_legislation(determination: dict | None, issuing_state: str) -> bool:
    return bool(determination) and determination.get("legislation") != issuing_state


def offers_art16(kind: str, determination: dict | None, issuing_state: str) -> bool:
    """A posting that the engine does not keep under the issuing state's legislation (typically longer
    than 24 months) can be asked as an Art. 16 exception instead."""
    return kind in ("posting", "seafarer") and not_issuing_state_legislation(determination, issuing_state)
