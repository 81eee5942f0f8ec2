from ..matrix import Case, everyone, signed_in


def _reset_link(cast):
    from django.contrib.auth.tokens import default_token_generator
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    return {
        "uidb64": urlsafe_base64_encode(force_bytes(cast.rep_a.pk)),
        "token": default_token_generator.make_token(cast.rep_a),
    }


CASES = {
    "portal:home": Case(expect=everyone(200)),
    "login": Case(expect=everyone(200)),
    "logout": Case(method="post", expect=everyone(302)),
    "password_change": Case(expect=signed_in(200)),
    "password_change_done": Case(expect=signed_in(200)),
    "password_reset": Case(expect=everyone(200)),
    "password_reset_done": Case(expect=everyone(200)),
    # A valid link redirects once to a session-held URL; that is the same for everyone.
    "password_reset_confirm": Case(kwargs=_reset_link, expect=everyone(302)),
    "password_reset_complete": Case(expect=everyone(200)),
    "set_language": Case(method="post", data=lambda cast: {"language": "ga", "next": "/"}, expect=everyone(302)),
    "javascript-catalog": Case(expect=everyone(200)),
}
