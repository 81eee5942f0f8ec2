"""Following a case with its receipt (public, no account): status, messages, more information, a rating.

Everything is POST: the receipt (and after it the signed token, see feedback/follow.py) travels in the
form body, never in a URL. A wrong receipt and an unknown reference get the same answer. Receipt
checks are rate-limited per salted hash of the address (common.throttling.hashed_client_key).
"""

from django import forms
from django.conf import settings
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST
from django_ratelimit.core import is_ratelimited

from common.errors import ServiceError
from common.throttling import hashed_client_key

from ..follow import case_for_token, follow_token
from ..models import CaseState, MessageDirection
from ..receipts import receipt_check
from ..services import reporter as services


class ReceiptForm(forms.Form):
    receipt = forms.CharField(
        label=gettext_lazy("Your receipt code"),
        max_length=60,
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}),
    )


class InformationForm(forms.Form):
    text = forms.CharField(
        label=gettext_lazy("Add information or answer a question"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=10000,
    )


class RatingForm(forms.Form):
    satisfaction = forms.TypedChoiceField(
        label=gettext_lazy("How satisfied are you with how your case was handled?"),
        choices=[(n, str(n)) for n in range(1, 6)],
        coerce=int,
        widget=forms.RadioSelect,
        help_text=gettext_lazy("1 is very dissatisfied, 5 is very satisfied."),
    )


NOT_FOUND = gettext_lazy("We could not find a case with that receipt. Check the code and try again.")
EXPIRED = gettext_lazy("For your security, this page has expired. Enter your receipt again.")
TOO_MANY = gettext_lazy("Too many attempts. Wait a while and try again.")


def _limited(request):
    return is_ratelimited(
        request, group="feedback-follow", key=hashed_client_key, rate=settings.FEEDBACK_FOLLOW_RATE, increment=True
    )


def _start(request, form=None, error="", status=200):
    context = {"form": form or ReceiptForm(), "error": error}
    return render(request, "feedback/public/case_follow.html", context, status=status)


def _case_page(request, case, information_form=None, rating_form=None, notice="", status=200):
    return render(
        request,
        "feedback/public/case_status.html",
        {
            "case": case,
            "token": follow_token(case),
            "case_messages": case.messages.exclude(direction=MessageDirection.INTERNAL),
            "information_form": information_form or InformationForm(),
            "rating_form": rating_form or RatingForm(),
            "can_add": case.state != CaseState.CLOSED,
            "can_rate": case.state == CaseState.CLOSED and case.satisfaction is None,
            "notice": notice,
            "MessageDirection": MessageDirection,
        },
        status=status,
    )


def _expired(request):
    return _start(request, error=EXPIRED, status=400)


@never_cache
@sensitive_post_parameters("receipt", "token")
@require_http_methods(["GET", "POST"])
def case_follow(request):
    """GET: the receipt form. POST a receipt: the case's page (or the same message for any wrong receipt)."""
    if request.method == "GET":
        return _start(request)
    form = ReceiptForm(request.POST)
    if _limited(request):
        return _start(request, error=TOO_MANY, status=429)
    if not form.is_valid():
        return _start(request, form)
    case = receipt_check(form.cleaned_data["receipt"])
    if case is None:
        return _start(request, error=NOT_FOUND)  # the wrong receipt is not shown again
    return _case_page(request, case)


@never_cache
@sensitive_post_parameters("receipt", "token")
@require_POST
def case_add(request):
    case = case_for_token(request.POST.get("token"))
    if case is None:
        return _expired(request)
    form = InformationForm(request.POST)
    if form.is_valid():
        try:
            services.reporter_add_information(case=case, text=form.cleaned_data["text"])
        except ServiceError as error:
            case.refresh_from_db()
            return _case_page(request, case, notice=error.message)
        case.refresh_from_db()
        return _case_page(request, case, notice=_("Thank you. Your information has been added to the case."))
    return _case_page(request, case, information_form=form)


@never_cache
@sensitive_post_parameters("receipt", "token")
@require_POST
def case_rate(request):
    case = case_for_token(request.POST.get("token"))
    if case is None:
        return _expired(request)
    form = RatingForm(request.POST)
    if not form.is_valid():
        return _case_page(request, case, rating_form=form)
    try:
        services.reporter_rate(case=case, satisfaction=form.cleaned_data["satisfaction"])
    except ServiceError as error:
        case.refresh_from_db()
        return _case_page(request, case, notice=error.message)
    case.refresh_from_db()
    return _case_page(request, case, notice=_("Thank you for your rating."))
