from ..matrix import Case, everyone
from .factories import draft_with_period


def _token(cast):
    return {"token": draft_with_period(cast.org_a).token}


def _comment(cast):
    return {"text": "Please answer the phone before ten."}


# The public comment page needs no log-in: everyone reads an open period's draft and may comment
# (a comment is taken and the page is shown again: 302).
CASES = {
    "charters:comment_page": Case(get=everyone(200), post=everyone(302), kwargs=_token, data=_comment),
}
