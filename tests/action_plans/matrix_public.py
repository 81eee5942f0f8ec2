"""Permission matrix of the public charter pages (charterpub): open to everyone, GET only.

Each case publishes organisation A's charter through the life cycle (rolled back after each test).
"""

from ..matrix import Case, everyone


def _published(cast):
    from action_plans.models import Charter, DocumentState

    from .factories import published_charter

    charter = Charter.objects.filter(organisation=cast.org_a, state=DocumentState.PUBLISHED).first()
    return charter or published_charter(cast)


def _organisation(cast):
    return {"organisation_pk": _published(cast).organisation_id}


def _version(cast):
    charter = _published(cast)
    return {"organisation_pk": charter.organisation_id, "number": charter.number}


def _public(kwargs=None):
    return Case(get=everyone(200), post=everyone(405), kwargs=kwargs or (lambda cast: {}))


CASES = {
    "charters:index": _public(),
    "charters:current": _public(_organisation),
    "charters:current_pdf": _public(_organisation),
    "charters:version": _public(_version),
    "charters:version_pdf": _public(_version),
}
