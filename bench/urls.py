"""The project's URLs plus the bare anchor view that benchmarks compare against."""

from django.http import HttpResponse
from django.urls import path

from config.urls import urlpatterns as project_urlpatterns


def bare_view(request):
    return HttpResponse("ok")


urlpatterns = [path("__bench__/bare/", bare_view, name="bench-bare"), *project_urlpatterns]
