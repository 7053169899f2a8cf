"""Questions and hints that say "your company" to the employer's own staff name the client for a
consultant acting for it (accounts.acting.client_of): "Is Van Dijk Bouw B.V. an employer in the
private sector?". The consultant's firm is not the employer, and "your company" read as theirs."""

from django.utils.functional import Promise


class NamesTheClient:
    """A form whose `client_texts` ({field: {"label" | "help_text" | "required": text with
    %(client)s}}) replace the field's own texts when the form is made with `client_name`."""

    client_texts: dict[str, dict[str, Promise]] = {}

    def __init__(self, *args, client_name: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if not client_name:
            return
        for name, texts in self.client_texts.items():
            field = self.fields.get(name)
            if field is None:
                continue
            for attr, text in texts.items():
                value = text % {"client": client_name}
                if attr == "required":
                    # The field's messages are its own copy (BaseForm copies the class's fields).
                    field.error_messages = {**field.error_messages, "required": value}
                else:
                    setattr(field, attr, value)

    @classmethod
    def label_for(cls, name: str, client_name: str | None = None):
        """The field's label as the form shows it to this reader (the check-answers and request pages
        list the answers under the questions' labels)."""
        text = cls.client_texts.get(name, {}).get("label") if client_name else None
        return text % {"client": client_name} if text is not None else cls.base_fields[name].label
