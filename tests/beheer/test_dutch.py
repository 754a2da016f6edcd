"""No beheer page shows an English string of our own making: every label, message, button,
filter and error is Dutch, also the ones Django or django-filter would fill in by default."""

import html
import re

import pytest
from django.core.management import call_command

from referrals.models import Offer, Signal
from themes.models import Resource, Step

pytestmark = pytest.mark.django_db

ENGLISH = [
    "the",
    "and",
    "this field",
    "required",
    "name",
    "save",
    "delete",
    "add",
    "edit",
    "select",
    "choose",
    "user",
    "users",
    "password",
    "email",
    "first name",
    "last name",
    "username",
    "staff",
    "superuser",
    "group",
    "groups",
    "permission",
    "permissions",
    "order",
    "department",
    "branch",
    "branches",
    "library",
    "offer",
    "offers",
    "submit",
    "cancel",
    "search",
    "unknown",
    "active",
    "inactive",
    "enter",
    "valid",
    "please",
    "invalid",
    "none",
    "error",
    "step",
    "title",
    "text",
    "resource",
    "yes",
    "all",
    "filter by",
    "preview",
    "history",
    "version",
    "invite",
]
PATTERN = re.compile(r"\b(" + "|".join(re.escape(w) for w in ENGLISH) + r")\b", re.IGNORECASE)


def visible_text(page: str) -> str:
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S)
    attributes = " ".join(re.findall(r'(?:aria-label|placeholder|title|alt)="([^"]*)"', page))
    text = re.sub(r"<[^>]+>", " ", page)
    return html.unescape(text + " " + attributes)


@pytest.fixture
def objects(library, users):
    call_command("loaddata", "wegwijzer_inhoud", verbosity=0)
    offer = Offer.objects.create(library=library, name="Taalhuis", department="basisvaardigheden")
    signal = Signal.objects.create(library=library, name="Taalvraag")
    return {
        "offer": offer,
        "signal": signal,
        "step": Step.objects.order_by("pk").first(),
        "resource": Resource.objects.order_by("pk").first(),
        "branch": library.branches.first(),
        "member": users["frontoffice"],
    }


def pages(o):
    return [
        "/beheer/",
        "/beheer/medewerkers/",
        "/beheer/medewerkers/?rol=specialist&actief=nee&zoek=x",
        "/beheer/medewerkers/?rol=onzin",
        "/beheer/medewerkers/uitnodigen/",
        f"/beheer/medewerkers/{o['member'].pk}/",
        "/beheer/bibliotheek/",
        f"/beheer/bibliotheek/vestigingen/{o['branch'].pk}/",
        "/beheer/aanbod/",
        "/beheer/aanbod/nieuw/",
        f"/beheer/aanbod/{o['offer'].pk}/",
        "/beheer/aanbod/signalen/nieuw/",
        f"/beheer/aanbod/signalen/{o['signal'].pk}/",
        "/beheer/aanbod/locaties/nieuw/",
        "/beheer/inhoud/",
        f"/beheer/inhoud/stap/{o['step'].pk}/",
        f"/beheer/inhoud/hulpmiddel/{o['resource'].pk}/",
    ]


# Forms posted empty or wrong, so that their error messages are checked too.
def posts(o):
    return [
        ("/beheer/medewerkers/uitnodigen/", {"email": "geen-adres", "roles": ["x"], "branch": "9"}),
        (f"/beheer/medewerkers/{o['member'].pk}/", {"first_name": ""}),
        ("/beheer/bibliotheek/", {"name": "", "referral_retention_days": "x"}),
        ("/beheer/bibliotheek/vestigingen/nieuw/", {"name": ""}),
        ("/beheer/aanbod/nieuw/", {"name": "", "order": "-1", "specialists": ["x"]}),
        ("/beheer/aanbod/signalen/nieuw/", {"name": "", "order": "x"}),
        (f"/beheer/inhoud/stap/{o['step'].pk}/", {"text": "", "version": "x"}),
        (f"/beheer/inhoud/hulpmiddel/{o['resource'].pk}/", {"title": "", "url": "x y"}),
    ]


def test_no_english_on_beheer_pages(client_for, objects):
    client = client_for("beheer")
    found = {}
    for url in pages(objects):
        response = client.get(url)
        assert response.status_code == 200, url
        words = set(PATTERN.findall(visible_text(response.content.decode())))
        if words:
            found[url] = words
    for url, data in posts(objects):
        response = client.post(url, data)
        assert response.status_code in {200, 400}, url
        words = set(PATTERN.findall(visible_text(response.content.decode())))
        if words:
            found[f"POST {url}"] = words
    assert found == {}


def test_no_english_on_the_account_pages(client):
    found = {}
    for url in [
        "/accounts/login/",
        "/accounts/wachtwoord-vergeten/",
        "/accounts/wachtwoord-vergeten/verstuurd/",
        "/accounts/nieuw-wachtwoord/Mg/onzin/",
        "/accounts/nieuw-wachtwoord/klaar/",
        "/accounts/uitnodiging/Mg/onzin/",
        "/accounts/uitnodiging/klaar/",
    ]:
        words = set(PATTERN.findall(visible_text(client.get(url).content.decode())))
        if words:
            found[url] = words
    response = client.post("/accounts/wachtwoord-vergeten/", {"email": "geen adres"})
    words = set(PATTERN.findall(visible_text(response.content.decode())))
    if words:
        found["POST reset"] = words
    assert found == {}


def test_the_check_itself_finds_english():
    assert PATTERN.findall(visible_text("<label>First name</label><p>This field is required.</p>"))
