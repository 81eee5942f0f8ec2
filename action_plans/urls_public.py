"""Public pages (no log-in): published charters and public comment on draft charters. Included at ``charters/``."""

from django.urls import path

from .views import public_charters, public_comments

app_name = "charters"

urlpatterns = [
    # charterpub: published charters, their versions and PDFs
    path("", public_charters.charter_index, name="index"),
    path("<int:organisation_pk>/", public_charters.charter_current, name="current"),
    path("<int:organisation_pk>/pdf/", public_charters.charter_current_pdf, name="current_pdf"),
    path("<int:organisation_pk>/versions/<int:number>/", public_charters.charter_version_page, name="version"),
    path("<int:organisation_pk>/versions/<int:number>/pdf/", public_charters.charter_version_pdf, name="version_pdf"),
    # consult: public comment periods
    path("comment/<str:token>/", public_comments.comment_page, name="comment_page"),
]
