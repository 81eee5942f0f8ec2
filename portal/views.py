from django.shortcuts import render

from organisations.models import Organisation


def home(request):
    """The public front door."""
    organisation_count = Organisation.objects.filter(is_active=True).count()
    return render(request, "portal/home.html", {"organisation_count": organisation_count})
