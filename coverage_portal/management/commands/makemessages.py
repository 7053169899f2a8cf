"""Django's makemessages, also extracting the engine's sentence templates.

rules/ must not import Django, so its reason sentences are marked with ``N_`` (rules/i18n.py);
xgettext is told that keyword here so they reach the catalogues like every other text.
"""

from django.core.management.commands import makemessages


class Command(makemessages.Command):
    xgettext_options = [*makemessages.Command.xgettext_options, "--keyword=N_"]
