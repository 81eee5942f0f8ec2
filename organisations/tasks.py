from celery import shared_task
from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext

from common.text import single_line


@shared_task
def send_invitation(membership_id, new_account):
    """E-mail a person about a role they were given; new people get a link to set a password."""
    from .models import Membership

    membership = Membership.objects.select_related("user", "organisation").filter(pk=membership_id).first()
    if membership is None:
        return
    user = membership.user
    if new_account:
        path = reverse(
            "password_reset_confirm",
            kwargs={
                "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
                "token": default_token_generator.make_token(user),
            },
        )
    else:
        path = reverse("login")
    context = {"membership": membership, "link": settings.SITE_URL.rstrip("/") + path, "new_account": new_account}
    with translation.override(settings.LANGUAGE_CODE):
        # Plain text on one line: never HTML-escaped, and a header cannot be split.
        subject = single_line(
            gettext("You have a role in %(organisation)s") % {"organisation": membership.organisation.name}
        )
        body = render_to_string("organisations/email/invitation_body.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])
