"""The wizard's answers as JSON: what is stored on the draft (pages and API alike)."""

import datetime as dt
from decimal import Decimal

from django.db.models import Model


def to_json(value):
    if isinstance(value, dict):
        return {k: to_json(v) for k, v in value.items() if not hasattr(v, "read")}
    if isinstance(value, list | tuple):
        return [to_json(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, Model):
        return value.pk
    return value


def answers_of(form) -> dict:
    data = form.to_answers() if hasattr(form, "to_answers") else dict(form.cleaned_data)
    return to_json(data)
