"""``python manage.py determine FILE``: the engine's command-line door.

FILE (``-`` for standard input) holds one situation object or a JSON list of them. The
determination (or list) is printed as JSON on standard output and the exit status is 0; bad
input prints ``{"errors": [...]}`` on standard output, nothing else, and exits with 2. The error
messages are English; ``--language nl`` (or fr, de) says them in another of the portal's languages.
"""

from __future__ import annotations

import json
import sys

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import translation
from django.utils.translation import gettext as _

from selfcheck.services import determine_payload

EXIT_BAD_INPUT = 2


class Command(BaseCommand):
    help = "Determine the applicable legislation for the situation(s) in FILE ('-' reads standard input)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="JSON file with one situation or a list of them; '-' for stdin")
        parser.add_argument(
            "--language",
            default="en",
            choices=[code for code, _name in settings.LANGUAGES],
            help="language of the error messages (default: en)",
        )

    def handle(self, *args, **options):
        with translation.override(options["language"]):
            self._determine(options["file"])

    def _determine(self, path):
        try:
            if path == "-":
                text = sys.stdin.read()
            else:
                with open(path, encoding="utf-8") as handle:
                    text = handle.read()
        except (OSError, UnicodeDecodeError) as exc:
            message = _("Cannot read %(path)s: %(error)s.") % {"path": path, "error": exc.__class__.__name__}
            self._fail([{"field": "", "message": message}])
        try:
            payload = json.loads(text)
        except (ValueError, RecursionError) as exc:
            self._fail(
                [{"field": "", "message": _("The input is not valid JSON: %(error)s.") % {"error": exc}}]
            )
        ok, body = determine_payload(payload)
        self.stdout.write(json.dumps(body, ensure_ascii=False, indent=2))
        if not ok:
            sys.exit(EXIT_BAD_INPUT)

    def _fail(self, errors):
        self.stdout.write(json.dumps({"errors": errors}, ensure_ascii=False, indent=2))
        sys.exit(EXIT_BAD_INPUT)
