"""Middleware shared by every app."""

from functools import wraps

from django.utils.cache import add_never_cache_headers


def cacheable_when_signed_in(view):
    """Opt a view out of NoStoreWhenSignedInMiddleware (its response sets its own caching)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response.cacheable_when_signed_in = True
        return response

    return wrapped


class NoStoreWhenSignedInMiddleware:
    """``Cache-Control: no-store, private`` on every response to a signed-in person.

    Pages, PDFs, spreadsheets and JSON behind the sign-in hold an organisation's data: no
    browser or proxy may keep a copy, for the next person at a shared computer to find.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.user.is_authenticated and not getattr(response, "cacheable_when_signed_in", False):
            add_never_cache_headers(response)
        return response
