"""Throttling of sign-in (django-axes) and password-reset requests (django-ratelimit).

Sign-in: after AXES_FAILURE_LIMIT wrong passwords for one e-mail address from one IP
address, that pair is locked for AXES_COOLOFF_TIME, even with the right password, and the
sign-in page says so. The lock is per e-mail address (whether or not an account exists), so
it tells an attacker nothing about which addresses have accounts.

Password reset: requests are counted per e-mail address and per IP address; over the limit
no mail is sent, and the page answers exactly as it does for any other address.
"""

import logging

from axes.backends import AxesStandaloneBackend
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.shortcuts import render
from django.utils.crypto import salted_hmac
from django.utils.translation import ngettext
from django_ratelimit.core import is_ratelimited

logger = logging.getLogger(__name__)


def normalised_email(value) -> str:
    return (value or "").strip().lower()


def client_ip(request) -> str:
    """The client's address: REMOTE_ADDR, or behind TRUSTED_PROXY_COUNT proxies the address the outermost one saw.

    Each trusted proxy appends the address it received from to X-Forwarded-For, so the entry
    TRUSTED_PROXY_COUNT places from the right is the first one a client cannot forge.
    """
    proxies = settings.TRUSTED_PROXY_COUNT
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if proxies and len(forwarded) >= proxies:
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def axes_username(request, credentials) -> str:
    """The e-mail address an attempt is counted under: "Rep@X.ie" and "rep@x.ie" share one count."""
    if credentials:
        return normalised_email(credentials.get("username") or credentials.get("email"))
    return normalised_email(request.POST.get("username"))


class SignInThrottleBackend(AxesStandaloneBackend):
    """Axes' lock check for sign-ins through a web request.

    ``authenticate()`` without a request (a script, a management command) is not a web sign-in:
    it is not counted, where axes itself would refuse it.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def _locked_message():
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return ngettext(
        "Too many unsuccessful attempts to sign in. For your security, signing in with this e-mail "
        "address is blocked for %(minutes)s minute. Try again later, or reset your password.",
        "Too many unsuccessful attempts to sign in. For your security, signing in with this e-mail "
        "address is blocked for %(minutes)s minutes. Try again later, or reset your password.",
        minutes,
    ) % {"minutes": minutes}


class LockedOutForm(AuthenticationForm):
    """The sign-in form with the lock-out message and no further authentication attempt."""

    def clean(self):
        raise ValidationError(_locked_message(), code="locked_out")


def lockout_response(request, original_response=None, credentials=None):
    """The sign-in page again, with the address typed and a clear message (429 Too Many Requests)."""
    form = LockedOutForm(request, data=request.POST or None)
    form.is_valid()
    context = {"form": form, "next": request.POST.get("next", "")}
    return render(request, "registration/login.html", context, status=429)


def password_reset_allowed(request, email) -> bool:
    """Count one reset request for this address and this IP; False once either is over its limit."""
    email = normalised_email(email)
    by_email = is_ratelimited(
        request,
        group="password-reset-email",
        key=lambda group, request: email,
        rate=settings.PASSWORD_RESET_RATE_PER_EMAIL,
        increment=True,
    )
    by_ip = is_ratelimited(
        request, group="password-reset-ip", key="ip", rate=settings.PASSWORD_RESET_RATE_PER_IP, increment=True
    )
    if by_email or by_ip:
        logger.warning("Password reset request over the limit (by %s)", "e-mail address" if by_email else "IP address")
        return False
    return True


def hashed_client_key(group, request) -> str:
    """A django-ratelimit key for public forms: a salted hash of the client's address.

    The address itself is never stored: the hash lives only in the throttle cache, for the
    limit's window (django-ratelimit's keys expire with it), and is never logged.
    """
    return salted_hmac(f"common.throttling.{group}", client_ip(request)).hexdigest()


def public_request_allowed(request, group, rate) -> bool:
    """Count one public request (a form sent, a PDF made) for this (hashed) address; False once it is over the
    limit."""
    limited = is_ratelimited(request, group=group, key=hashed_client_key, rate=rate, increment=True)
    if limited:
        logger.warning("Public requests %s: too many from one address", group)
    return not limited
