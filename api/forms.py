from django import forms
from django.utils.translation import gettext_lazy as _


class TokenForm(forms.Form):
    name = forms.CharField(
        label=_("What will this token be used for?"),
        help_text=_("For example the name of your payroll software. Only you see it."),
        max_length=100,
        error_messages={"required": _("Give the token a name, for example the software that uses it.")},
    )


class WebhookForm(forms.Form):
    url = forms.CharField(
        label=_("Address that receives the events"),
        help_text=_("An https:// address. The portal posts status changes there, signed with a secret."),
        max_length=500,
        error_messages={"required": _("Enter an https:// address.")},
    )
