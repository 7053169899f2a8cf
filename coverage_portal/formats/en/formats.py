"""English dates as a European institution writes them: day before month, a 24-hour clock.

Django's English formats are American ("Nov. 23, 2026, 1:27 p.m.", "11/23/2026"); the portal's
readers are employers, consultants and caseworkers in the Netherlands and Belgium, and its other
languages already write the day first. Only the display changes: what a form accepts is Django's
default list of input formats (the pages' date fields are ISO, type="date").
"""

DATE_FORMAT = "j F Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j F Y, H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "d-m-Y"
SHORT_DATETIME_FORMAT = "d-m-Y H:i"
FIRST_DAY_OF_WEEK = 1  # Monday
