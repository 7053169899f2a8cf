"""Issue an authenticator enrolment code from the server's shell.

For the first administrator (made with `createsuperuser`), who has nobody to issue one in the admin;
whoever runs this already controls the server. Prints the code once; only its hash is stored."""

from django.core.management.base import BaseCommand, CommandError

from accounts.models import User
from accounts.services.enrolment import enrolment_code_issue


class Command(BaseCommand):
    help = "Issue an enrolment code so a staff member can set up their first authenticator app."

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument(
            "--remove-devices",
            action="store_true",
            help="Also remove the authenticator apps the person uses now (a lost phone).",
        )

    def handle(self, *args, email, remove_devices, **options):
        user = User.objects.filter(email__iexact=email.strip(), is_staff=True).first()
        if user is None:
            raise CommandError(f"No staff account with the e-mail address {email}.")
        record, code = enrolment_code_issue(actor=None, user=user, remove_devices=remove_devices)
        until = f"{record.expires_at:%Y-%m-%d %H:%M} UTC"
        self.stdout.write(f"Enrolment code for {user.email}: {code} (works once, until {until})")
