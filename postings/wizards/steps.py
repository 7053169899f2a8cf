"""Which steps each request type has, in order, with their forms and titles."""

from django.utils.translation import gettext_lazy as _

from ..forms import steps as f

TITLES = {
    "employee": _("Which employee is this request for?"),
    "address": _("Does the employee have a temporary address?"),
    "relationship": _("How is the employee employed by your company?"),
    "places": _("Where will the employee work?"),
    "states": _("In which states will the employee work?"),
    "ship": _("On which ship will the employee work?"),
    "conditions": _("When will the employee work abroad, and on which terms?"),
    "period": _("For which period, and in which language, do you need the certificate?"),
    "statement": _("Upload the statement of the state of residence"),
    "contact": _("Who can we contact about this request?"),
    "check": _("Check your answers before sending the request"),
}

# A consultant acting for a client reads the client's name where the employer's own staff read "your
# company" (accounts.acting.client_of): formatted when the page is shown, the name being the reader's.
CLIENT_TITLES = {
    "relationship": _("How is the employee employed by %(client)s?"),
}


def step_title(step: str, client_name: str | None = None) -> str:
    """The step's question; naming the client for a consultant, "your company" for the employer's staff."""
    if client_name and step in CLIENT_TITLES:
        return CLIENT_TITLES[step] % {"client": client_name}
    return TITLES[step]


SHORT_TITLES = {
    "employee": _("Employee"),
    "address": _("Temporary address"),
    "relationship": _("Employment"),
    "places": _("Places of work"),
    "states": _("States of work"),
    "ship": _("Ship"),
    "conditions": _("Period and work conditions"),
    "period": _("Period"),
    "statement": _("Statement of the state of residence"),
    "contact": _("Contact person"),
    "check": _("Check your answers"),
}

STEPS = {
    "posting": [
        ("employee", f.EmployeeForm),
        ("address", f.AddressForm),
        ("relationship", f.RelationshipForm),
        ("places", f.PlaceFormSet),
        ("conditions", f.ConditionsForm),
        ("contact", f.ContactForm),
        ("check", f.CheckForm),
    ],
    "simultaneous": [
        ("employee", f.EmployeeForm),
        ("address", f.AddressForm),
        ("relationship", f.SimultaneousRelationshipForm),
        ("states", f.StatesForm),
        ("places", f.PlaceFormSet),
        ("period", f.PeriodForm),
        ("statement", f.StatementForm),
        ("contact", f.SimultaneousContactForm),
        ("check", f.CheckForm),
    ],
    "seafarer": [
        ("employee", f.EmployeeForm),
        ("address", f.AddressForm),
        ("relationship", f.RelationshipForm),
        ("ship", f.ShipForm),
        ("conditions", f.ConditionsForm),
        ("contact", f.ContactForm),
        ("check", f.CheckForm),
    ],
}

# The step that holds the period, per type (reuse "another period" and "extend" open it).
PERIOD_STEP = {"posting": "conditions", "simultaneous": "period", "seafarer": "conditions"}
# The step that holds the destination.
DESTINATION_STEP = {"posting": "places", "simultaneous": "states", "seafarer": "ship"}
EMPLOYEE_STEPS = ("employee", "address", "relationship")
