"""JSON bodies: a body that is not JSON is told in the caller's language, with where it breaks.

DRF's JSONParser answers "JSON parse error - Expecting ',' delimiter: line 3 column 5 (char 41)":
English whatever the Accept-Language, and with the parser's internals. The same fact, translated;
the line and column are the useful part.
"""

import json

from django.utils.translation import gettext as _
from rest_framework import parsers
from rest_framework.exceptions import ParseError


class JSONParser(parsers.JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        try:
            return super().parse(stream, media_type, parser_context)
        except ParseError as exc:
            error = exc.__context__  # DRF raises its ParseError inside `except ValueError`
            if isinstance(error, json.JSONDecodeError):
                message = _("The body is not valid JSON: it breaks at line %(line)s, column %(column)s.") % {
                    "line": error.lineno,
                    "column": error.colno,
                }
            else:  # not in the declared encoding, or NaN / Infinity
                message = _("The body is not valid JSON.")
            raise ParseError(message) from error
