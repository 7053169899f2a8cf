from django.http import JsonResponse
from django.utils.translation import gettext as _


def not_found(request, *args, **kwargs):
    return JsonResponse({"errors": [{"field": "", "message": _("Not found.")}]}, status=404)
