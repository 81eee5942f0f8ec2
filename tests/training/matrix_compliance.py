"""Training compliance pages: an organisation's figures and XLSX, and the evaluation unit's overview."""

from ..matrix import read_only, signed_in


def _organisation_a(cast):
    return {"organisation_pk": cast.org_a.pk}


# Heads and representatives of A, A's evaluator, lead evaluators and administrators; staff and complaints
# officers of A get 403 (the page names overdue people); everyone else 404 (the unassigned evaluator too).
READERS_OF_A = signed_in(
    404, rep_a=200, head_a=200, staff_a=403, complaints_a=403, evaluator_a=200, lead=200, admin=200
)

CASES = {
    "workspace:training:compliance": read_only(READERS_OF_A, kwargs=_organisation_a),
    "workspace:training:compliance_xlsx": read_only(READERS_OF_A, kwargs=_organisation_a),
    # The evaluation unit only (an evaluator without assignments sees an empty list); members get 403.
    "workspace:training:compliance_overview": read_only(
        signed_in(403, evaluator=200, evaluator_a=200, evaluator_b=200, lead=200, admin=200)
    ),
}
