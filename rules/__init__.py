"""Applicable-legislation engine: Reg. 883/2004, Reg. 1408/71, the EU-UK TCA and bilateral
treaties, as literate law. Pure Python; no Django import anywhere in this package.

Public API (shared/contracts/determination.md)::

    rules.determine(situation: dict, issuing_state: str | None = None) -> dict
    rules.InvalidSituation  # .errors == [{"field": "work[0].country", "message": "..."}]
"""

from .determination import determine
from .situation import InvalidSituation

__all__ = ["InvalidSituation", "determine"]
