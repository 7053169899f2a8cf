"""The engine's result before it is turned into the contract's output dict."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

#: PD A1 section 3 status codes per Reg. 883/2004 provision (legislation.md 4.4 and 4.8).
STATUS_883: dict[str, str | None] = {
    "12(1)": "01",
    "12(2)": "03",
    "13(1)": "02",
    "14(11)": "02",  # 987/2009 Art. 14(11) is an Art. 13(1) case
    "13(2)": "04",
    "13(3)": "08",
    "13(4)": "09",
    "11(3)(b)": "05",
    "15": "06",
    "11(4)": "07",
    "11(5)": "10",
    "16(1)": "11",
    "11(3)(a)": "12",
    "11(3)(e)": None,  # no PD A1 for persons without an activity
}

#: The PD A1 box "matching the underlying situation" for a 1408/71 designation kept alive by
#: Art. 87(8) (legislation.md 4.8, last row).
STATUS_1408: dict[str, str | None] = {
    "14(1)(a)": "01",
    "14(1)(b)": "01",
    "14(2)": "02",
    "14a(1)": "03",
    "14a(2)": "04",
    "14c": "08",
    "14e": "09",
    "13(2)(d)": "05",
    "13(2)(c)": "07",
    "14b": "07",
    "17": "11",
    "13(2)(a)": "12",
    "13(2)(b)": "12",
    "13(2)(f)": None,
}


_STATUS_MEMO: dict[tuple[int, str], str | None] = {}


def status_for(table: dict[str, str | None], article: str) -> str | None:
    """Longest table key that prefixes ``article`` (``13(1)(b)(i)`` -> ``13(1)``)."""
    key = (id(table), article)
    if key not in _STATUS_MEMO:
        _STATUS_MEMO[key] = _status_for(table, article)
    return _STATUS_MEMO[key]


def _status_for(table: dict[str, str | None], article: str) -> str | None:
    best: str | None = None
    for key in table:
        if article.startswith(key) and (best is None or len(key) > len(best)):
            best = key
    return None if best is None else table[best]


@dataclass(slots=True)
class Outcome:
    legislation: str | None
    instrument: str
    article: str
    status: str | None = None
    provisional: bool = False
    certificate: str | None = None
    period: tuple[date, date] | None = None
    transitional: tuple[str, str] | None = None
