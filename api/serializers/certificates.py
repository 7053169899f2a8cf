from django.utils.translation import gettext_lazy as _
from rest_framework import serializers


class CertificateSerializer(serializers.Serializer):
    number = serializers.CharField(
        help_text=_("Document number of the PD A1 (also on the verification page).")
    )
    request = serializers.IntegerField(source="request_id", help_text=_("Id of the request."))
    transaction_number = serializers.CharField(
        source="request.transaction_number", help_text=_("Transaction number of the request.")
    )
    status = serializers.ChoiceField(
        choices=["valid", "provisional", "withdrawn"],
        help_text=_(
            "valid; provisional (an Art. 13 determination, definitive after two months without "
            "objection); withdrawn (the request was cancelled)."
        ),
    )
    provisional = serializers.BooleanField(help_text=_("True while the determination is provisional."))
    definitive_at = serializers.DateTimeField(allow_null=True, help_text=_("When it was made definitive."))
    language = serializers.CharField(help_text=_("Language of the certificate."))
    issued_at = serializers.DateTimeField(help_text=_("When it was issued."))
    pdf_ready = serializers.SerializerMethodField(help_text=_("True when the PDF can be downloaded."))
    pdf_url = serializers.SerializerMethodField(
        help_text=_("Where to download the PDF (with the same token).")
    )

    def get_pdf_ready(self, obj) -> bool:
        return bool(obj.pdf)

    def get_pdf_url(self, obj) -> str | None:
        if not obj.pdf:
            return None
        request = self.context.get("request")
        path = f"/api/v1/employers/{obj.request.employer_id}/requests/{obj.request_id}/certificate/pdf/"
        return request.build_absolute_uri(path) if request else path
