"""Dutch dates as Django writes them; a typed date is read day first with dashes too, as the portal
writes it and the admin's calendar fills it in (coverage_portal/dates.py)."""

from coverage_portal.dates import input_formats

DATE_INPUT_FORMATS = input_formats("nl")
