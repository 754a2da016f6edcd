"""Issue 16, point 16: every page has a title of its own (a page of a list, an earlier cycle,
each referral), and the link with the user's name says where it leads."""

import datetime
import re

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from notifications.events import Event
from notifications.models import Notification
from tests.factories import CycleFactory, ReferralFactory

pytestmark = pytest.mark.django_db


def _title(response) -> str:
    match = re.search(r"<title>(.*?)</title>", response.content.decode(), re.S)
    assert match is not None
    return match.group(1)


def test_pages_of_a_list_have_their_own_title(client_for, users):
    Notification.objects.bulk_create(
        Notification(recipient=users["mt"], event=Event.TASK_ASSIGNED, title=f"Melding {n}")
        for n in range(30)
    )
    client = client_for("mt")
    first = _title(client.get(reverse("notifications:list")))
    second = _title(client.get(reverse("notifications:list"), {"pagina": 2}))
    assert first.startswith("Meldingen – pagina 1 van 2")
    assert second.startswith("Meldingen – pagina 2 van 2")


def test_a_list_on_one_page_has_no_page_number(client_for):
    assert "pagina" not in _title(client_for("mt").get(reverse("notifications:list")))


def test_each_referral_has_its_own_title(client_for, library):
    first = ReferralFactory(library=library, referred_at=timezone.now())
    second = ReferralFactory(
        library=library,
        offer=first.offer,
        referred_at=timezone.now() - datetime.timedelta(hours=2),
    )
    client = client_for("mt")
    titles = {_title(client.get(reverse("referrals:detail", args=[r.pk]))) for r in (first, second)}
    assert len(titles) == 2
    assert all(t.startswith(f"Verwijzing naar {first.offer.name} van ") for t in titles)


@pytest.fixture
def content(db):
    call_command("loaddata", "wegwijzer_inhoud", verbosity=0)


def test_an_earlier_cycle_says_so_in_the_title(client_for, library, content):
    old = CycleFactory(library=library, name="2025", is_current=False)
    CycleFactory(library=library, name="2026", is_current=True)
    client = client_for("mt")
    for name, args in (("themes:overview", []), ("themes:phase", ["programmering", "creatie"])):
        running = _title(client.get(reverse(name, args=args)))
        earlier = _title(client.get(reverse(name, args=args), {"cyclus": old.pk}))
        assert "afgesloten cyclus 2025" in earlier and "cyclus" not in running
        assert earlier != running


def test_the_name_in_the_top_bar_says_it_leads_to_the_account(client_for):
    html = client_for("werkgroep").get(reverse("home")).content.decode()
    href = reverse("password_change")
    match = re.search(rf'<a class="nav-link" href="{href}">(.*?)</a>', html, re.S)
    assert match is not None
    link = match.group(1)
    assert "Mijn account" in link and "visually-hidden" in link
