"""Permission matrix for authoring training modules (shared by administrators, own by heads) and adoption."""

from training.models import ModuleAdoption

from ..matrix import MEMBERS_OF_A, Case, form, org_a_view, refused, signed_in
from .factories import draft_module, lesson_image, published_module

# The organisation's module list: whoever sees organisation A (lead evaluators see every organisation).
VIEW_A = org_a_view(lead=200)
# Authoring A's own modules and adopting shared ones: MANAGE_TRAINING (A's head, administrators).
MANAGE_A = signed_in(
    404, **{**dict.fromkeys(MEMBERS_OF_A, 403), "head_a": 200, "admin": 200, "evaluator_a": 403, "lead": 403}
)
MANAGE_A_DONE = {**MANAGE_A, "head_a": 302, "admin": 302}
# Shared modules: administrators only; everyone else signed in is refused (403).
ADMIN = signed_in(403, admin=200)
ADMIN_DONE = signed_in(403, admin=302)


def _org_a(cast):
    return {"organisation_pk": cast.org_a.pk}


def _shared_draft(cast):
    return {"pk": draft_module(questions=1).module_id}


def _shared_published(cast):
    return {"pk": published_module().module_id}


def _shared_lesson(cast):
    return {"pk": draft_module().lessons.first().pk}


def _shared_question(cast):
    return {"pk": draft_module(questions=1).questions.first().pk}


def _shared_image(cast):
    module = published_module().module
    ModuleAdoption.objects.create(organisation=cast.org_a, module=module)
    return {"pk": lesson_image(module).pk}


def _own(kwargs):
    def with_organisation(cast):
        return {"organisation_pk": cast.org_a.pk, **kwargs(cast)}

    return with_organisation


def _own_draft(cast):
    return {"pk": draft_module(cast.org_a, questions=1).module_id}


def _own_published(cast):
    return {"pk": published_module(cast.org_a).module_id}


def _own_lesson(cast):
    return {"pk": draft_module(cast.org_a).lessons.first().pk}


def _own_question(cast):
    return {"pk": draft_module(cast.org_a, questions=1).questions.first().pk}


def _own_image(cast):
    return {"pk": lesson_image(published_module(cast.org_a).module).pk}


def _publish(cast):
    return {"number": 1}


def _move(cast):
    return {"direction": "down"}


def _adopt(cast):
    return {"adopt": "yes"}


def read_only(get, kwargs=lambda cast: {}):
    """A GET-only page: POST is refused with 405 for everyone signed in."""
    return Case(get=get, post=refused(), kwargs=kwargs)


def post_only(post, kwargs, data=None):
    """A POST-only action: GET is refused with 405 for everyone signed in (the Training area is open to all)."""
    return Case(get=refused(), post=post, kwargs=kwargs, data=data)


def _authoring(prefix, manage, done, kwargs):
    """The same authoring pages for shared modules and for A's own, with the roles' answers."""
    draft, published, lesson, question, image, owner = kwargs
    return {
        f"{prefix}module_create": form(manage, kwargs=owner),
        f"{prefix}module_detail": read_only(manage, kwargs=draft),
        f"{prefix}version_edit": form(manage, kwargs=draft),
        f"{prefix}version_publish": post_only(done, kwargs=draft, data=_publish),
        f"{prefix}version_new": post_only(done, kwargs=published),
        f"{prefix}lesson_create": form(manage, kwargs=draft),
        f"{prefix}question_create": form(manage, kwargs=draft),
        f"{prefix}image_upload": form(manage, kwargs=draft),
        f"{prefix}lesson_edit": form(manage, kwargs=lesson),
        f"{prefix}lesson_delete": post_only(done, kwargs=lesson),
        f"{prefix}lesson_move": post_only(done, kwargs=lesson, data=_move),
        f"{prefix}question_edit": form(manage, kwargs=question),
        f"{prefix}question_delete": post_only(done, kwargs=question),
        f"{prefix}image": read_only(VIEW_A, kwargs=image),
    }


CASES = {
    "workspace:training:module_list": read_only(VIEW_A, kwargs=_org_a),
    "workspace:training:module_adoption": post_only(MANAGE_A_DONE, kwargs=_own(_shared_published), data=_adopt),
    "workspace:training:shared_module_list": read_only(ADMIN),
    **_authoring(
        "workspace:training:shared_",
        ADMIN,
        ADMIN_DONE,
        (_shared_draft, _shared_published, _shared_lesson, _shared_question, _shared_image, lambda cast: {}),
    ),
    **_authoring(
        "workspace:training:",
        MANAGE_A,
        MANAGE_A_DONE,
        (
            _own(_own_draft),
            _own(_own_published),
            _own(_own_lesson),
            _own(_own_question),
            _own(_own_image),
            _org_a,
        ),
    ),
}
