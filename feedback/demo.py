"""Demo feedback for the quick start, at the Revenue and Customs Service. Loading twice changes nothing.

Service points (each with its QR code and poster), cases in every state and from every channel (two
escalated because they were not handled in time, one anonymous report of unethical conduct), and a closed
survey with web and paper responses. The complaints standard (CP-1) and the satisfaction standard (SAT-1)
are linked to figures, and the current quarter's draft return receives their fed values.

Everything goes through the services, so the states, messages and audit events are real. Only the dates
are set back afterwards (when a case was received, and its deadlines; when the web responses came), so the
demo has cases that are overdue: the services themselves always stamp the present moment.
"""

import contextlib
import datetime

from django.db import transaction
from django.utils import timezone

from common.errors import ServiceError
from organisations.models import Organisation, User
from organisations.system import system_actor
from standards.models import Frequency, ServiceStandard
from standards.periods import period_bounds, period_for_date

from .models import Case, CaseCategory, CaseChannel, CaseState, FigureKind, QuestionKind, ServicePoint, SurveyResponse
from .services import cases as case_services
from .services.figures import feedback_figure_link, feedback_figures_feed
from .services.intake import case_receive
from .services.points import point_create
from .services.reporter import reporter_add_information, reporter_rate
from .services.surveys import question_add, response_submit, survey_create, survey_update
from .working_days import deadlines_for

ORGANISATION = "Revenue and Customs Service"
# (name, name in Irish, address)
POINTS = [
    ("Dublin Port customs post", "Post custaim Chalafort Bhaile Átha Cliath", "Alexandra Road, Dublin Port, Dublin 1"),
    ("Rosslare Europort clearance centre", "Ionad imréitigh Europort Ros Láir", "Rosslare Harbour, Co. Wexford"),
    ("Cork Airport customs desk", "Deasc custaim Aerfort Chorcaí", "Arrivals hall, Cork Airport, Cork"),
    (
        "Public office, Castle House",
        "Oifig phoiblí, Teach an Chaisleáin",
        "Castle House, South Great George's Street, Dublin 2",
    ),
]
# (point index or None, channel, category, final state, days ago, what happened, reporter name, e-mail, rating)
CASES = [
    (0, CaseChannel.RED_BUTTON, CaseCategory.COMPLAINT, CaseState.RECEIVED, 0,
     "The queue at the inspection bay did not move for two hours and nobody told us why.", "", "", None),
    (1, CaseChannel.RED_BUTTON, CaseCategory.CONDUCT, CaseState.RECEIVED, 1,
     "An officer asked for cash to release my van without inspection.", "", "", None),
    (None, CaseChannel.PHONE, CaseCategory.COMPLAINT, CaseState.ACKNOWLEDGED, 2,
     "I was cut off three times while waiting to speak to someone about my VAT refund.", "Mary Doyle", "", None),
    (None, CaseChannel.EMAIL, CaseCategory.COMPLAINT, CaseState.IN_PROGRESS, 5,
     "My import declaration was rejected without a reason.", "Tadhg Ó Súilleabháin", "tadhg@example.com", None),
    (None, CaseChannel.LETTER, CaseCategory.COMPLAINT, CaseState.ESCALATED, 12,
     "I wrote twice about a penalty charged in error and have had no reply.", "Joan Kinsella", "", None),
    (3, CaseChannel.COUNTER, CaseCategory.COMPLAINT, CaseState.ESCALATED, 45,
     "The public office could not give me a form in Irish.", "Cathal Mac Giolla", "", None),
    (None, CaseChannel.CHAT, CaseCategory.SUGGESTION, CaseState.RESOLVED, 3,
     "Please let us upload documents in the chat.", "Ewa Nowak", "", None),
    (None, CaseChannel.WEB_FORM, CaseCategory.COMPLAINT, CaseState.CLOSED, 8,
     "The online payment page timed out twice.", "Brian Hughes", "brian@example.com", 4),
    (2, CaseChannel.SOCIAL, CaseCategory.COMPLIMENT, CaseState.CLOSED, 6,
     "The officer at the airport desk was patient and kind with my elderly mother.", "Síle Ní Bhriain", "", 5),
    (None, CaseChannel.PHONE, CaseCategory.COMPLAINT, CaseState.CLOSED, 9,
     "I was given wrong information about duty-free allowances.", "Paul Grant", "", 2),
    (None, CaseChannel.EMAIL, CaseCategory.COMPLAINT, CaseState.ACKNOWLEDGED, 0,
     "I have not received the customs certificate I applied for.", "Nuala Byrne", "nuala@example.com", None),
]  # fmt: skip
WEB_RATINGS = [5, 4, 4, 5, 3, 4, 5, 2, 4, 5, 4, 3]
PAPER_RATINGS = [("paper", 4), ("paper", 5), ("paper", 3), ("paper", 4), ("large_print", 5)]
SURVEY_TITLE = "Customs clearance survey"


def _people(organisation):
    def member(prefix):
        return User.objects.get(email=f"{prefix}@revenue.example.org")

    return member("rep"), member("head"), member("complaints"), member("staff")


def _points(organisation, head, staff):
    return [
        point_create(
            actor=head,
            organisation=organisation,
            name=name,
            name_ga=name_ga,
            address=address,
            officials=[staff] if index == 0 else [],
        )
        for index, (name, name_ga, address) in enumerate(POINTS)
    ]


def _set_back(case, days, now):
    """When the case was received, ``days`` ago, with the deadlines the service gives such a case."""
    received = now - datetime.timedelta(days=days)
    acknowledge_by, resolve_by = deadlines_for(case.organisation, case.category, timezone.localdate(received))
    Case.objects.filter(pk=case.pk).update(received_at=received, acknowledge_by=acknowledge_by, resolve_by=resolve_by)
    case.refresh_from_db()
    return case


def _handle(case, state, officer, rating):
    """Take the case to its demo state through the life cycle's services."""
    if state == CaseState.RECEIVED:
        return
    if state == CaseState.ESCALATED and case.resolve_by >= timezone.localdate():
        case_services.case_escalate(actor=system_actor(), case=case, reason="not_acknowledged")
        return
    case = case_services.case_acknowledge(actor=officer, case=case)
    if state == CaseState.ESCALATED:  # acknowledged late, and now past its resolve-by day too
        case_services.case_escalate(actor=system_actor(), case=case, reason="not_resolved")
    elif state == CaseState.IN_PROGRESS:
        case = case_services.case_start(actor=officer, case=case)
        case_services.case_message_reporter(
            actor=officer, case=case, text="Could you send us the reference number of the declaration?"
        )
        reporter_add_information(case=case, text="It is IM-2026-004711. Thank you.")
    elif state in (CaseState.RESOLVED, CaseState.CLOSED):
        case = case_services.case_resolve(actor=officer, case=case, resolution="We explained what happened and why.")
        if state == CaseState.CLOSED:
            case = case_services.case_close(actor=officer, case=case)
            reporter_rate(case=case, satisfaction=rating)


def _cases(organisation, points, officer, now):
    for point, channel, category, state, days, text, name, email, rating in CASES:
        case, _receipt = case_receive(
            organisation=organisation,
            service_point=points[point] if point is not None else None,
            category=category,
            channel=channel,
            description=text,
            is_anonymous=not name,
            reporter_name=name,
            reporter_email=email,
            actor=officer if channel != CaseChannel.RED_BUTTON else None,
        )
        _handle(_set_back(case, days, now), state, officer, rating)


def _survey(organisation, representative, today, now):
    """A survey open for two weeks until yesterday: web answers from its last days, paper ones typed in."""
    fields = {
        "title": SURVEY_TITLE,
        "title_ga": "Suirbhé ar imréiteach custaim",
        "introduction": "Tell us about your last customs clearance. It takes two minutes.",
        "introduction_ga": "Inis dúinn faoin imréiteach custaim is déanaí a bhí agat. Tógann sé dhá nóiméad.",
        "opens_on": today - datetime.timedelta(days=14),
        "closes_on": today,
        "is_anonymous": True,
    }
    survey = survey_create(actor=representative, organisation=organisation, **fields)
    satisfaction = question_add(
        actor=representative,
        survey=survey,
        kind=QuestionKind.SATISFACTION,
        text="How satisfied were you with the service you received?",
        text_ga="Cé chomh sásta is a bhí tú leis an tseirbhís a fuair tú?",
        required=True,
    )
    better = question_add(
        actor=representative,
        survey=survey,
        kind=QuestionKind.TEXT,
        text="What could we do better?",
        text_ga="Cad a d'fhéadfaimis a dhéanamh níos fearr?",
    )
    remarks = {2: "Longer opening hours at the port, please.", 7: "The forms are hard to follow."}
    web = [
        response_submit(survey=survey, channel="web", answers={satisfaction.pk: rating, better.pk: remarks.get(index)})
        for index, rating in enumerate(WEB_RATINGS)
    ]
    for channel, rating in PAPER_RATINGS:
        response_submit(survey=survey, channel=channel, answers={satisfaction.pk: rating}, actor=representative)
    # the web answers came during the survey's last days, but not before the quarter the return reports
    quarter_start = period_bounds(Frequency.QUARTERLY, today).start
    answered = max(today - datetime.timedelta(days=2), quarter_start)
    moment = now.replace(minute=0, second=0, microsecond=0) - datetime.timedelta(days=(today - answered).days)
    SurveyResponse.objects.filter(pk__in=[response.pk for response in web]).update(submitted_at=moment)
    survey_update(
        actor=representative,
        survey=survey,
        **{**fields, "closes_on": max(today - datetime.timedelta(days=1), fields["opens_on"])},
    )
    return satisfaction


def _figures(organisation, representative, question, today):
    standards = {standard.code: standard for standard in ServiceStandard.objects.filter(organisation=organisation)}
    if "CP-1" in standards:
        feedback_figure_link(
            actor=representative,
            standard=standards["CP-1"],
            kind=FigureKind.ACKNOWLEDGED_ON_TIME,
            category=CaseCategory.COMPLAINT,
        )
    if "SAT-1" in standards:
        feedback_figure_link(
            actor=representative,
            standard=standards["SAT-1"],
            kind=FigureKind.SURVEY_SATISFACTION,
            survey_question=question,
        )
    period = period_for_date(Frequency.QUARTERLY, today)
    with contextlib.suppress(ServiceError):  # the quarter's return was already submitted: left as it is
        feedback_figures_feed(actor=system_actor(), organisation=organisation, period=period, today=today)


@transaction.atomic
def load_feedback_demo(today=None):
    organisation = Organisation.objects.get(name=ORGANISATION)
    if ServicePoint.objects.filter(organisation=organisation, name=POINTS[0][0]).exists():
        return
    now = timezone.now()
    today = today or timezone.localdate()
    representative, head, officer, staff = _people(organisation)
    points = _points(organisation, head, staff)
    _cases(organisation, points, officer, now)
    question = _survey(organisation, representative, today, now)
    _figures(organisation, representative, question, today)
