from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt


@csrf_exempt  # answers 404 to any method; nothing to protect, and a 403 page would break the JSON shape
def not_found(request, *args, **kwargs):
    return JsonResponse({"errors": [{"field": "", "message": _("Not found.")}]}, status=404)
