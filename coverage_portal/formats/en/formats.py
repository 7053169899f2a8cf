"""English dates as a European institution writes them: day before month, a 24-hour clock.

Django's English formats are American ("Nov. 23, 2026, 1:27 p.m.", "11/23/2026"); the portal's
readers are employers, consultants and caseworkers in the Netherlands and Belgium, and its other
languages already write the day first. A typed date is read day first too (coverage_portal/dates.py):
Django's English list took "03/04/2027" as the 4th of March.
"""

from coverage_portal.dates import input_formats

DATE_FORMAT = "j F Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j F Y, H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "d-m-Y"
SHORT_DATETIME_FORMAT = "d-m-Y H:i"
FIRST_DAY_OF_WEEK = 1  # Monday
DATE_INPUT_FORMATS = input_formats("en")
