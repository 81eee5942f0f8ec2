from ..matrix import Case, everyone, form, refused, signed_in


def _reset_link(cast):
    from django.contrib.auth.tokens import default_token_generator
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    user = type(cast.rep_a).objects.get(pk=cast.rep_a.pk)  # as stored now (signing in changes last_login)
    return {
        "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
        "token": default_token_generator.make_token(user),
    }


# Django's own views: forms show an empty POST again (200); template pages refuse POST (405).
CASES = {
    "portal:home": Case(get=everyone(200), post=everyone(200)),  # a public page that ignores POST
    "login": form(everyone(200)),
    "logout": Case(get=everyone(405), post=everyone(302)),
    "password_change": form(signed_in(200)),
    "password_change_done": Case(get=signed_in(200), post=refused()),
    "password_reset": form(everyone(200)),
    "password_reset_done": Case(get=everyone(200), post=everyone(405)),
    # A valid link redirects once to a session-held URL; that is the same for everyone.
    "password_reset_confirm": Case(kwargs=_reset_link, get=everyone(302), post=everyone(302)),
    "password_reset_complete": Case(get=everyone(200), post=everyone(405)),
    "set_language": Case(get=everyone(302), post=everyone(302), data=lambda cast: {"language": "ga", "next": "/"}),
    "javascript-catalog": Case(get=everyone(200), post=everyone(405)),
}
