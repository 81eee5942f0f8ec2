"""Public pages (no log-in): the red-button report form, following a case by its receipt, surveys.

Short paths, because they are printed under QR codes: ``r/<code>/`` (report at a service point),
``case/`` (follow a case with a receipt), ``s/<token>/`` (a survey).
"""

app_name = "public_feedback"

urlpatterns = [
    # redbutton: r/<code>/ and its receipt page
    # cases: case/ (follow a case with the receipt: messages, more information, rating)
    # surveys: s/<token>/
]
