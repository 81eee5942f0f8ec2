"""The learner's URLs: My training, lessons, the quiz, attempts, certificates.

Members of A take A's modules (302/200); people who see A without belonging to it (A's evaluator, lead
evaluators, administrators) have nothing to take there (403); everyone else gets 404. An attempt is its
taker's only (404 for everyone else who belongs to A); a certificate is its holder's and readable by
those who manage A's training (head, administrators).
"""

from certificates.models import CertificateKind
from certificates.services import certificate_issue

from ..matrix import MEMBERS_OF_A, Case, read_only, refused, signed_in
from .learning_support import adopted_module, read_all

OUTSIDERS_403 = {"evaluator_a": 403, "lead": 403, "admin": 403}


def _learner(status):
    return signed_in(404, **dict.fromkeys(MEMBERS_OF_A, status), **OUTSIDERS_403)


def _module(cast):
    version = adopted_module(cast.org_a)
    return {"organisation_pk": cast.org_a.pk, "pk": version.module_id}


def _lesson(cast):
    version = adopted_module(cast.org_a)
    return {"organisation_pk": cast.org_a.pk, "pk": version.lessons.order_by("position").first().pk}


def _attempt(cast):
    from training.services.quiz import attempt_start

    version = adopted_module(cast.org_a)
    read_all(cast.staff_a, version)
    attempt, _resumed = attempt_start(actor=cast.staff_a, organisation=cast.org_a, version=version)
    return {"organisation_pk": cast.org_a.pk, "pk": attempt.pk}


def _certificate(cast):
    from .factories import completion

    version = adopted_module(cast.org_a)
    done = completion(cast.staff_a, cast.org_a, version)
    done.certificate = certificate_issue(
        actor=cast.staff_a,
        kind=CertificateKind.TRAINING,
        holder_name="Staff A",
        title="Module",
        organisation=cast.org_a,
    )
    done.save()
    return {"organisation_pk": cast.org_a.pk, "pk": done.pk}


OWN_ATTEMPT = signed_in(404, staff_a=200, **OUTSIDERS_403)
CERTIFICATE = signed_in(404, staff_a=200, head_a=200, admin=200)

CASES = {
    "workspace:training:index": read_only(signed_in(200)),
    "workspace:training:module_learn": read_only(_learner(302), kwargs=_module),
    "workspace:training:quiz": Case(get=_learner(200), post=_learner(302), kwargs=_module),
    "workspace:training:lesson": Case(get=_learner(200), post=_learner(302), kwargs=_lesson),
    "workspace:training:attempt": Case(get=OWN_ATTEMPT, post={**OWN_ATTEMPT, "staff_a": 302}, kwargs=_attempt),
    "workspace:training:certificate": Case(get=CERTIFICATE, post=refused(), kwargs=_certificate),
}
