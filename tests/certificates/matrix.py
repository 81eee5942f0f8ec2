"""The public certificate verification pages: open to everyone, GET only."""

from certificates.models import CertificateKind
from certificates.services import certificate_issue

from ..matrix import Case, everyone


def _code(cast):
    certificate = certificate_issue(
        actor=cast.admin, kind=CertificateKind.TRAINING, holder_name="Staff A", title="Module", organisation=cast.org_a
    )
    return {"code": certificate.code}


CASES = {
    "certificates:verify_start": Case(get=everyone(200), post=everyone(405)),
    "certificates:verify": Case(get=everyone(200), post=everyone(405), kwargs=_code),
}
