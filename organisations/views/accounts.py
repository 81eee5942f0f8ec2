"""Django's account views with throttled reset requests and audited password changes."""

from django.contrib.auth import views as auth_views
from django.http import HttpResponseRedirect

from common.throttling import password_reset_allowed

from ..audit import audit_authentication


class PasswordChangeView(auth_views.PasswordChangeView):
    def form_valid(self, form):
        response = super().form_valid(form)
        audit_authentication(verb="auth.password_change", user=self.request.user)
        return response


class PasswordResetView(auth_views.PasswordResetView):
    """Over the limit no mail is sent, and the answer is the same neutral page as always."""

    def form_valid(self, form):
        email = form.cleaned_data["email"]
        if not password_reset_allowed(self.request, email):
            return HttpResponseRedirect(self.get_success_url())
        audit_authentication(verb="auth.password_reset_request", email=email)
        return super().form_valid(form)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    def form_valid(self, form):
        response = super().form_valid(form)
        audit_authentication(verb="auth.password_reset_complete", user=form.user)
        return response
