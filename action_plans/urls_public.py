"""Public pages (no log-in): published charters and public comment on draft charters. Included at ``charters/``."""

from django.urls import path

from .views import public_comments

app_name = "charters"

urlpatterns = [
    # charterpub: published charters, their versions and PDFs
    # consult: public comment periods
    path("comment/<str:token>/", public_comments.comment_page, name="comment_page"),
]
