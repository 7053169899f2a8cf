from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.i18n import set_language
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from accounts.urls import auth_urlpatterns
from api.views.fallback import not_found

from . import views

admin.site.site_header = settings.PORTAL_INSTITUTION["name"]
admin.site.site_title = settings.PORTAL_INSTITUTION["short_name"]
admin.site.index_title = "Casework"

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("i18n/setlang/", set_language, name="set_language"),
    path("accounts/", include(auth_urlpatterns)),
    path("accounts/", include("accounts.urls")),
    path("requests/", include("postings.urls")),
    path("", include("casework.urls")),
    path("", include("selfcheck.urls")),
    path("api/v1/", include("api.urls")),
    path("account/api/", include("api.portal_urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="schema"), name="swagger-ui"),
    # Any other /api/ address (/api/v2/..., /api/employers/) answers in the API's JSON error shape.
    re_path(r"^api/", not_found),
    path("admin/", admin.site.urls),
]
