"""Permission matrix: following a case with its receipt (public, feedback/urls_public.py, `case/`)."""

from ..matrix import Case, everyone

CASES = {
    # The receipt form is open to everyone; a POST without a receipt shows the form again with its error.
    "public_feedback:case_follow": Case(get=everyone(200), post=everyone(200)),
    # Adding information and rating need a valid signed token: without one the page says it expired (400).
    "public_feedback:case_add": Case(get=everyone(405), post=everyone(400)),
    "public_feedback:case_rate": Case(get=everyone(405), post=everyone(400)),
}
