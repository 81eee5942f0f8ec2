"""How long a signed-in session lasts, and ending every session of a person.

A session ends after SESSION_IDLE_SECONDS without a request, SESSION_MAX_AGE_SECONDS after
signing in whatever the activity, and at once when the person is deactivated (Django's
ModelBackend no longer loads an inactive user) or loses their last role (``sessions_end``).
The check reads only the session and the user row the authentication middleware loads anyway.
"""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout, user_logged_in
from django.contrib.auth.views import redirect_to_login
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext

SIGNED_IN_AT = "signed_in_at"
LAST_SEEN = "last_seen"
# The last-seen time is written at most this often, so a busy person's session is not saved on every request.
LAST_SEEN_PRECISION_SECONDS = 60


def sessions_end(*, user) -> None:
    """End every session of this person at its next request."""
    type(user).objects.filter(pk=user.pk).update(sessions_valid_after=timezone.now())


def sessions_end_without_role(*, user) -> None:
    """End the person's sessions if they hold no organisation membership and no central role."""
    if not user.memberships.exists() and not user.central_roles:
        sessions_end(user=user)


@receiver(user_logged_in, dispatch_uid="session_signed_in_at")
def _stamp_sign_in(sender, request, user, **kwargs):
    now = time.time()
    request.session[SIGNED_IN_AT] = now
    request.session[LAST_SEEN] = now


def _end_reason(session, user, now):
    signed_in_at = session.get(SIGNED_IN_AT)
    if signed_in_at is None:
        return "no sign-in time"
    if user.sessions_valid_after and signed_in_at <= user.sessions_valid_after.timestamp():
        return "ended by a change of account or roles"
    if now - signed_in_at > settings.SESSION_MAX_AGE_SECONDS:
        return "maximum age"
    if now - session.get(LAST_SEEN, signed_in_at) > settings.SESSION_IDLE_SECONDS:
        return "idle"
    return ""


class SessionLifetimeMiddleware:
    """Signs a person out when their session is too old, idle too long, or ended; they sign in again."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = time.time()
            reason = _end_reason(request.session, request.user, now)
            if reason:
                request.session_end_reason = reason
                logout(request)
                messages.info(request, gettext("Your session has ended. Please sign in again."))
                return redirect_to_login(request.get_full_path())
            if now - request.session.get(LAST_SEEN, 0) >= LAST_SEEN_PRECISION_SECONDS:
                request.session[LAST_SEEN] = now
        return self.get_response(request)
