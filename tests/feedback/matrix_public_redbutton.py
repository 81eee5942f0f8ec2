from ..matrix import Case, everyone
from .factories import ServicePointFactory


def _point(cast):
    return {"code": ServicePointFactory(organisation=cast.org_a).code}


# The public report form: the same for everyone; an empty POST is shown again with its errors (200).
CASES = {
    # Type the code under the QR code: a GET form (no state), the same for everyone.
    "public_feedback:report_start": Case(get=everyone(200), post=everyone(405)),
    "public_feedback:report": Case(get=everyone(200), post=everyone(200), kwargs=_point),
}
