import pytest
from django.urls import reverse
from django.utils.html import escape

from themes.models import Phase, Theme

pytestmark = pytest.mark.django_db


def test_every_theme_and_phase_page_renders_for_workgroup(client_for, cycle):
    client = client_for("werkgroep")
    for theme in Theme.objects.all():
        assert client.get(reverse("themes:theme", args=[theme.slug])).status_code == 200
    for phase in Phase.objects.select_related("theme"):
        response = client.get(reverse("themes:phase", args=[phase.theme.slug, phase.kind]))
        assert response.status_code == 200
        assert escape(phase.summary_question[:40]) in response.content.decode()


def test_unknown_theme_or_phase_is_a_404(client_for, cycle):
    client = client_for("werkgroep")
    assert client.get(reverse("themes:theme", args=["bestaat-niet"])).status_code == 404
    assert client.get(reverse("themes:phase", args=["programmering", "fase-9"])).status_code == 404


def test_home_shows_workgroup_its_steps_and_progress(client_for, cycle):
    html = client_for("werkgroep").get("/").content.decode()
    assert "Mijn taken" in html
    assert "Voortgang cyclus 2026" in html


def test_home_shows_mt_the_overview(client_for, cycle):
    html = client_for("mt").get("/").content.decode()
    assert "Wegwijzer: stand van zaken" in html
    assert reverse("themes:dossier_pdf") in html


def test_a_visit_starts_no_cycle_the_trekker_starts_the_first_with_a_button(client_for, content):
    from django.utils import timezone

    from themes.models import Cycle

    for path in ("/", reverse("themes:overview"), reverse("themes:my_steps")):
        response = client_for("werkgroep").get(path)
        assert response.status_code == 200
    assert "De trekker van de werkgroep start de eerste cyclus" in response.content.decode()
    assert not Cycle.objects.exists()  # a GET never writes
    page = client_for("trekker").get(reverse("themes:overview")).content.decode()
    assert f'action="{reverse("themes:cycles")}"' in page
    year = str(timezone.localdate().year)
    response = client_for("trekker").post(reverse("themes:cycles"), {"name": year})
    assert response.status_code == 302
    assert Cycle.objects.get(is_current=True).name == year


def test_steps_that_ask_for_what_the_app_does_link_to_it(client_for, cycle):
    client = client_for("werkgroep")
    html = client.get(reverse("themes:phase", args=["gezinsaanpak-algemeen", "creatie"]))
    assert f'href="{reverse("quickscan:home")}"' in html.content.decode()
    html = client.get(reverse("themes:phase", args=["leren-en-ontwikkelen", "implementatie"]))
    # The workgroup does not register referrals; it reads their figures (issue 16).
    assert f'href="{reverse("referrals:figures")}"' in html.content.decode()


def test_a_resource_without_address_says_so_and_beheer_can_fill_it_in(client_for, cycle):
    from themes.models import Resource

    html = (
        client_for("werkgroep")
        .get(reverse("themes:phase", args=["impactgericht-werken", "creatie"]))
        .content.decode()
    )
    assert "Het adres is nog niet ingevuld" in html
    resource = Resource.objects.get(slug="theory-of-change")
    resource.url = "https://example.org/toc"
    resource.save()
    html = (
        client_for("werkgroep")
        .get(reverse("themes:phase", args=["impactgericht-werken", "creatie"]))
        .content.decode()
    )
    assert 'href="https://example.org/toc"' in html
