from django.shortcuts import render

from .features import coming_services, open_services


def home(request):
    """The public front door: what the platform is, what the public can use today, how staff sign in."""
    return render(request, "portal/home.html", {"open_services": open_services(), "coming_services": coming_services()})
