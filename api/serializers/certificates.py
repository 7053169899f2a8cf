from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers


class CertificateLinkSerializer(serializers.Serializer):
    number = serializers.CharField(help_text=_("Document number of the other certificate."))
    request = serializers.IntegerField(help_text=_("Id of the request that carries it."))
    transaction_number = serializers.CharField(help_text=_("Transaction number of that request."))
    url = serializers.CharField(help_text=_("Path of that request's certificate in this API."))
    replaced_on = serializers.DateTimeField(
        required=False, help_text=_("replaced_by only: when the correction was made.")
    )


def _link(other, replaced_on=None) -> dict | None:
    if other is None:
        return None
    request = other.request
    link = {
        "number": other.number,
        "request": request.pk,
        "transaction_number": request.transaction_number,
        "url": f"/api/v1/employers/{request.employer_id}/requests/{request.pk}/certificate/",
    }
    if replaced_on is not None:
        link["replaced_on"] = replaced_on
    return link


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
    replaced_by = serializers.SerializerMethodField(
        help_text=_(
            "When the institution corrected this certificate: the corrected certificate that replaces it "
            "(its status is then withdrawn); else null."
        )
    )
    replaces = serializers.SerializerMethodField(
        help_text=_("For a corrected certificate: the certificate it replaces; else null.")
    )
    pdf_ready = serializers.SerializerMethodField(help_text=_("True when the PDF can be downloaded."))
    pdf_url = serializers.SerializerMethodField(
        help_text=_("Where to download the PDF (with the same token).")
    )

    @extend_schema_field(CertificateLinkSerializer(allow_null=True))
    def get_replaced_by(self, obj):
        return _link(obj.replaced_by, replaced_on=obj.replaced_on)

    @extend_schema_field(CertificateLinkSerializer(allow_null=True))
    def get_replaces(self, obj):
        return _link(obj.replaces)

    def get_pdf_ready(self, obj) -> bool:
        return bool(obj.pdf)

    def get_pdf_url(self, obj) -> str | None:
        if not obj.pdf:
            return None
        request = self.context.get("request")
        path = f"/api/v1/employers/{obj.request.employer_id}/requests/{obj.request_id}/certificate/pdf/"
        return request.build_absolute_uri(path) if request else path
