"""Applicable-legislation engine: Reg. 883/2004, Reg. 1408/71, the EU-UK TCA and bilateral
treaties, as literate law. Pure Python; no Django import anywhere in this package.

Public API (shared/contracts/determination.md)::

    rules.determine(situation: dict, issuing_state: str | None = None) -> dict
    rules.InvalidSituation  # .errors == [{"field": "work[0].country", "message": "..."}]

For the portal's pages, ``determine_with_figures`` also returns each reason's figures and each
warning's template and figures, and ``reason_template(code, passed)`` gives a reason's English
sentence template, so explanations and warnings can be shown in the reader's language;
``InvalidSituation.sources`` gives each error message's template and values for the same purpose.
"""

from .determination import determine, determine_with_figures
from .reasons import reason_template
from .situation import InvalidSituation

__all__ = ["InvalidSituation", "determine", "determine_with_figures", "reason_template"]
