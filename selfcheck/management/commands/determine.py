"""``python manage.py determine FILE``: the engine's command-line door.

FILE (``-`` for standard input) holds one situation object or a JSON list of them. The
determination (or list) is printed as JSON on standard output and the exit status is 0; bad
input prints ``{"errors": [...]}`` on standard output, nothing else, and exits with 2.
"""

from __future__ import annotations

import json
import sys

from django.core.management.base import BaseCommand

from selfcheck.services import determine_payload

EXIT_BAD_INPUT = 2


class Command(BaseCommand):
    help = "Determine the applicable legislation for the situation(s) in FILE ('-' reads standard input)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="JSON file with one situation or a list of them; '-' for stdin")

    def handle(self, *args, **options):
        path = options["file"]
        try:
            if path == "-":
                text = sys.stdin.read()
            else:
                with open(path, encoding="utf-8") as handle:
                    text = handle.read()
        except (OSError, UnicodeDecodeError) as exc:
            self._fail([{"field": "", "message": f"Cannot read {path}: {exc.__class__.__name__}."}])
        try:
            payload = json.loads(text)
        except (ValueError, RecursionError) as exc:
            self._fail([{"field": "", "message": f"The input is not valid JSON: {exc}."}])
        ok, body = determine_payload(payload)
        self.stdout.write(json.dumps(body, ensure_ascii=False, indent=2))
        if not ok:
            sys.exit(EXIT_BAD_INPUT)

    def _fail(self, errors):
        self.stdout.write(json.dumps({"errors": errors}, ensure_ascii=False, indent=2))
        sys.exit(EXIT_BAD_INPUT)
