from django import forms
from django.utils.translation import gettext_lazy as _


class CancelForm(forms.Form):
    reason = forms.CharField(
        label=_("Why are you cancelling this request?"),
        help_text=_("The institution reads this justification. It is kept with the request."),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=2000,
        error_messages={"required": _("Give the reason for cancelling this request.")},
    )
