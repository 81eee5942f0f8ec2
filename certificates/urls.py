from django.urls import path

from . import views

app_name = "certificates"

urlpatterns = [
    path("verify/", views.verify_start, name="verify_start"),
    path("verify/<str:code>/", views.verify, name="verify"),
]
