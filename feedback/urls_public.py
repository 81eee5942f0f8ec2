"""Public pages (no log-in): the red-button report form, following a case by its receipt, surveys.

Short paths, because they are printed under QR codes: ``r/<code>/`` (report at a service point),
``case/`` (follow a case with a receipt), ``s/<token>/`` (a survey).
"""

from django.urls import path

from .views import follow

app_name = "public_feedback"

urlpatterns = [
    # redbutton: r/<code>/ and its receipt page
    # cases: case/ (follow a case with the receipt: messages, more information, rating)
    path("case/", follow.case_follow, name="case_follow"),
    path("case/add/", follow.case_add, name="case_add"),
    path("case/rate/", follow.case_rate, name="case_rate"),
    # surveys: s/<token>/
]
