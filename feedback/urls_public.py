"""Public pages (no log-in): the red-button report form, following a case by its receipt, surveys.

Short paths, because they are printed under QR codes: ``r/<code>/`` (report at a service point; ``r/`` to type
the code),
``case/`` (follow a case with a receipt), ``s/<token>/`` (a survey).
"""

from django.urls import path

from .views import follow, public_surveys, report

app_name = "public_feedback"

urlpatterns = [
    # redbutton: r/ (type the code under the QR code), r/<code>/ (the receipt is shown in the POST's own
    # response, so it has no URL)
    path("r/", report.report_start, name="report_start"),
    path("r/<str:code>/", report.report, name="report"),
    # cases: case/ (follow a case with the receipt: messages, more information, rating)
    path("case/", follow.case_follow, name="case_follow"),
    path("case/add/", follow.case_add, name="case_add"),
    path("case/rate/", follow.case_rate, name="case_rate"),
    # surveys: s/<token>/ (answer a survey) and its thank-you page
    path("s/<str:token>/", public_surveys.survey_answer, name="survey"),
    path("s/<str:token>/thanks/", public_surveys.survey_thanks, name="survey_thanks"),
]
