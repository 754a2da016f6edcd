"""Issue 16, point 17: a link from the Wegwijzer's content into this app never ends in a 403;
a reader whose roles do not open the page gets a page they can use, or plain text."""

import re

import pytest
from django.urls import reverse

from core.roles import Role
from tests.factories import make_staff
from themes.models import Step

pytestmark = pytest.mark.django_db

LOG = "/verwijzingen/registreren/"
PHASES = [
    ("gezinsaanpak-algemeen", "creatie"),  # names the Quickscan
    ("leren-en-ontwikkelen", "implementatie"),  # names registering referrals
]


def _in_app_links(html: str) -> set[str]:
    steps = html.split('id="stappen-kop"', 1)[1].split('id="samenvattende-vraag"', 1)[0]
    purpose = html.split('id="doel-kop"', 1)[1].split('id="stappen-kop"', 1)[0]
    return {
        href
        for href in re.findall(r'<a [^>]*href="(/[^"#]*)', steps + purpose)
        if not href.startswith("/wegwijzer/stap/")
    }


@pytest.fixture
def link_in_a_step(content):
    step = Step.objects.get(
        phase__theme__slug="leren-en-ontwikkelen", phase__kind="implementatie", number=5
    )
    step.text += f"\n\nRegistreer de verwijzingen [in de app]({LOG})."
    step.save()


@pytest.mark.parametrize("role", ["werkgroep", "trekker", "mt", "beheer", "frontoffice+werkgroep"])
def test_every_in_app_link_in_the_content_opens_for_its_reader(
    client, library, cycle, link_in_a_step, role
):
    roles = [Role(r) for r in role.split("+")]
    client.force_login(make_staff(library, *roles, username="lezer"))
    seen = set()
    for slug, kind in PHASES:
        html = client.get(reverse("themes:phase", args=[slug, kind])).content.decode()
        for href in _in_app_links(html):
            seen.add(href)
            assert client.get(href).status_code == 200, (role, href)
    if role in {"werkgroep", "trekker", "mt"}:
        # They cannot register, but see the figures instead of a dead end.
        assert LOG not in seen and reverse("referrals:figures") in seen
    if role == "frontoffice+werkgroep":
        assert LOG in seen


def test_an_in_app_link_the_reader_cannot_open_reads_as_text(client_for, link_in_a_step, cycle):
    url = reverse("themes:phase", args=["leren-en-ontwikkelen", "implementatie"])
    html = client_for("mt").get(url).content.decode()
    assert "Registreer de verwijzingen <a" in html
    assert f'href="{LOG}"' not in html
