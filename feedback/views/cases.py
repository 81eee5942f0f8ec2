"""The case workspace: the inbox, a case's page and its actions, logging a contact from another channel."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from common.errors import ServiceError
from common.forms import run_service
from organisations.access import organisations_for_user
from organisations.models import AuditEvent, User

from ..access import cases_visible_to, get_case_for_user, get_cases_organisation_for_user, may_handle_cases
from ..forms.cases import AssignForm, CaseFilterForm, LogContactForm, ResolveForm, TextForm
from ..lifecycle import CaseFlow
from ..models import CasePhoto, CaseState, MessageDirection
from ..navigation import feedback_pages
from ..services import cases as services


@login_required
@require_GET
def case_index(request):
    """The organisations whose feedback pages the user may open; straight to the inbox when that is all there is."""
    rows = []
    for organisation in organisations_for_user(request.user):
        pages = feedback_pages(request.user, organisation)
        if pages:
            handles = may_handle_cases(request.user, organisation)
            visible = cases_visible_to(request.user, organisation) if handles else None
            rows.append(
                {
                    "organisation": organisation,
                    "open": visible.filter(state__in=CaseState.OPEN_STATES).count() if handles else None,
                    "pages": pages,
                }
            )
    handled = [row for row in rows if row["open"] is not None]
    if len(handled) == 1 and len(rows) == 1:
        return redirect("workspace:feedback:case_list", organisation_pk=handled[0]["organisation"].pk)
    return render(request, "feedback/case_index.html", {"rows": rows})


# What the timeline says for each audit verb of a case.
TIMELINE_VERBS = {
    "case.receive": gettext_lazy("Received"),
    "case.acknowledge": gettext_lazy("Acknowledged"),
    "case.start": gettext_lazy("Work started"),
    "case.resolve": gettext_lazy("Resolved"),
    "case.close": gettext_lazy("Closed"),
    "case.escalate": gettext_lazy("Escalated"),
    "case.assign": gettext_lazy("Assigned"),
    "case.note": gettext_lazy("Internal note added"),
    "case.message": gettext_lazy("Message sent to the reporter"),
    "case.reporter_message": gettext_lazy("The reporter added information"),
    "case.rate": gettext_lazy("The reporter rated the handling"),
}


def overdue_q(today):
    return Q(state__in=CaseState.OPEN_STATES) & (
        Q(acknowledged_at__isnull=True, acknowledge_by__lt=today) | Q(resolved_at__isnull=True, resolve_by__lt=today)
    )


@login_required
@require_GET
def case_list(request, organisation_pk):
    organisation = get_cases_organisation_for_user(request, organisation_pk)
    cases = cases_visible_to(request.user, organisation).select_related("service_point", "assigned_to")
    form = CaseFilterForm(request.GET or None)
    if form.is_valid():
        data = form.cleaned_data
        for name in ("state", "category", "channel"):
            if data[name]:
                cases = cases.filter(**{name: data[name]})
        if data["overdue"]:
            cases = cases.filter(overdue_q(timezone.localdate()))
    return render(
        request,
        "feedback/case_list.html",
        {
            "organisation": organisation,
            "cases": cases[:500],
            "form": form,
            "today": timezone.localdate(),
            "other_pages": [page for page in feedback_pages(request.user, organisation) if page[1] != request.path],
        },
    )


def _officers(case):
    """Members who may see this case, to assign it to."""
    from organisations.models import Membership

    ids = Membership.objects.filter(organisation=case.organisation).values_list("user_id", flat=True).distinct()
    return [
        user
        for user in User.objects.filter(pk__in=ids, is_active=True)
        if cases_visible_to(user, case.organisation).filter(pk=case.pk).exists()
    ]


def _detail_context(request, case, **forms):
    flow = CaseFlow(case)
    actions = {
        name: getattr(flow, name).can_proceed() and getattr(flow, name).has_perm(request.user)
        for name in ("acknowledge", "start", "resolve", "close")
    }
    if case.acknowledged_at is not None:
        actions["acknowledge"] = False
    events = AuditEvent.objects.filter(target_type="feedback.case", target_id=str(case.pk)).order_by("created_at", "id")
    timeline = [{"event": event, "label": TIMELINE_VERBS.get(event.verb, event.verb)} for event in events]
    return {
        "case": case,
        "organisation": case.organisation,
        "actions": actions,
        "case_messages": case.messages.select_related("author"),
        "photos": case.photos.all(),
        "timeline": timeline,
        "today": timezone.localdate(),
        "resolve_form": forms.get("resolve_form") or ResolveForm(prefix="resolve"),
        "note_form": forms.get("note_form")
        or TextForm(prefix="note", label=_("Internal note (never shown to the reporter)")),
        "message_form": forms.get("message_form") or TextForm(prefix="message", label=_("Message to the reporter")),
        "assign_form": forms.get("assign_form")
        or AssignForm(prefix="assign", officers=_officers(case), initial={"officer": case.assigned_to_id}),
        "is_open": case.is_open,
        "MessageDirection": MessageDirection,
    }


@login_required
@require_GET
def case_detail(request, organisation_pk, pk):
    case = get_case_for_user(request, organisation_pk, pk)
    return render(request, "feedback/case_detail.html", _detail_context(request, case))


def _back(case):
    return redirect("workspace:feedback:case_detail", organisation_pk=case.organisation_id, pk=case.pk)


def _simple_action(service, done_message):
    @login_required
    @require_POST
    def view(request, organisation_pk, pk):
        case = get_case_for_user(request, organisation_pk, pk)
        try:
            service(actor=request.user, case=case)
        except ServiceError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, done_message())
        return _back(case)

    return view


case_acknowledge = _simple_action(services.case_acknowledge, lambda: _("Case acknowledged."))
case_start = _simple_action(services.case_start, lambda: _("Work on the case has started."))
case_close = _simple_action(services.case_close, lambda: _("Case closed."))


@login_required
@require_POST
def case_resolve(request, organisation_pk, pk):
    case = get_case_for_user(request, organisation_pk, pk)
    form = ResolveForm(request.POST, prefix="resolve")
    if form.is_valid() and run_service(
        form, services.case_resolve, actor=request.user, case=case, resolution=form.cleaned_data["resolution"]
    ):
        messages.success(request, _("Case resolved."))
        return _back(case)
    return render(request, "feedback/case_detail.html", _detail_context(request, case, resolve_form=form))


def _text_action(service, prefix, label, done_message, form_key):
    @login_required
    @require_POST
    def view(request, organisation_pk, pk):
        case = get_case_for_user(request, organisation_pk, pk)
        form = TextForm(request.POST, prefix=prefix, label=label())
        if form.is_valid() and run_service(
            form, service, actor=request.user, case=case, text=form.cleaned_data["text"]
        ):
            messages.success(request, done_message())
            return _back(case)
        return render(request, "feedback/case_detail.html", _detail_context(request, case, **{form_key: form}))

    return view


case_note = _text_action(
    services.case_add_note,
    "note",
    lambda: _("Internal note (never shown to the reporter)"),
    lambda: _("Note added."),
    "note_form",
)
case_message = _text_action(
    services.case_message_reporter,
    "message",
    lambda: _("Message to the reporter"),
    lambda: _("Message sent to the reporter."),
    "message_form",
)


@login_required
@require_POST
def case_assign(request, organisation_pk, pk):
    case = get_case_for_user(request, organisation_pk, pk)
    form = AssignForm(request.POST, prefix="assign", officers=_officers(case))
    if form.is_valid() and run_service(
        form, services.case_assign, actor=request.user, case=case, officer=form.cleaned_data["officer"]
    ):
        messages.success(request, _("Assignment saved."))
        return _back(case)
    return render(request, "feedback/case_detail.html", _detail_context(request, case, assign_form=form))


@login_required
@require_GET
def case_photo(request, organisation_pk, pk):
    """A photo of a case the user may see (never a public media URL)."""
    organisation = get_cases_organisation_for_user(request, organisation_pk)
    photo = get_object_or_404(
        CasePhoto.objects.select_related("case"), pk=pk, case__in=cases_visible_to(request.user, organisation)
    )
    try:
        handle = photo.image.open("rb")
    except (FileNotFoundError, ValueError) as error:
        raise Http404 from error
    response = FileResponse(handle, content_type="image/jpeg")
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
def case_log(request, organisation_pk):
    """Log a contact received by phone, e-mail, letter, at the counter, in a chat, a web form or social media."""
    organisation = get_cases_organisation_for_user(request, organisation_pk)
    form = LogContactForm(request.POST or None, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        result = run_service(
            form,
            services.case_log_contact,
            actor=request.user,
            organisation=organisation,
            service_point=data["service_point"],
            category=data["category"],
            channel=data["channel"],
            description=data["description"],
            happened_on=data["happened_on"],
            is_anonymous=data["is_anonymous"],
            reporter_name=data["reporter_name"],
            reporter_email=data["reporter_email"],
            reporter_phone=data["reporter_phone"],
            photos=(),
        )
        if result:
            # The receipt is shown on this page once: never in a URL, a flash message (the session) or a log.
            case, receipt = result
            visible = cases_visible_to(request.user, organisation).filter(pk=case.pk).exists()
            return render(
                request,
                "feedback/case_logged.html",
                {"organisation": organisation, "case": case, "receipt": receipt, "visible": visible},
            )
    return render(request, "feedback/case_log.html", {"organisation": organisation, "form": form})
