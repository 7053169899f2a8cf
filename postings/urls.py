from django.urls import path

from .views import consult, drafts, wizard, worker_removal

app_name = "postings"

urlpatterns = [
    path("", consult.request_list, name="list"),
    path("drafts/", drafts.draft_list, name="drafts"),
    path("new/<str:kind>/", drafts.start, name="start"),
    path("draft/<int:pk>/", wizard.wizard, name="wizard"),
    path("draft/<int:pk>/discard/", drafts.draft_discard_view, name="discard"),
    path("draft/<int:pk>/<str:step>/", wizard.wizard, name="wizard_step"),
    path("<int:pk>/", consult.request_detail, name="detail"),
    path("<int:pk>/sent/", drafts.confirmation, name="confirmation"),
    path("<int:pk>/cancel/", consult.request_cancel_view, name="cancel"),
    path("<int:pk>/reuse/<str:mode>/", drafts.reuse, name="reuse"),
    path("<int:pk>/extend/", drafts.extend, name="extend"),
    # On the directory's worker page (accounts), here because it settles the worker's requests.
    path("personnel/<int:pk>/remove/", worker_removal.worker_remove, name="worker_remove"),
]
