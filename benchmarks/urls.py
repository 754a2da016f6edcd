from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse
from django.urls import include, path


@login_not_required
def floor(request):
    """Django's floor: a bare view returning a short page, through the same middleware."""
    return HttpResponse("<!doctype html><title>vloer</title><p>ok</p>")


urlpatterns = [
    path("bench/vloer/", floor),
    path("", include("wegwijzer.urls")),
]
