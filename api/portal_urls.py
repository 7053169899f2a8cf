app_name = "api_portal"
urlpatterns = []
