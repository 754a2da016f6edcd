import pytest
from django.urls import reverse

from notifications import services
from notifications.events import EmailChoice, Event
from notifications.models import Notification, Preference

pytestmark = pytest.mark.django_db


def _notify(user, n=1, url="/wegwijzer/mijn-stappen/"):
    for i in range(n):
        services.notify(recipients=[user], event=Event.TASK_ASSIGNED, title=f"Melding {i}", url=url)


def test_bell_in_the_top_bar_counts_unread_without_js(client_for, users):
    _notify(users["mt"], 3)
    page = client_for("mt").get("/").content.decode()
    assert 'id="meldingen-bel"' in page
    assert '>3<span class="visually-hidden"> ongelezen</span>' in page
    fragment = client_for("mt").get(reverse("notifications:bell")).content.decode()
    assert ">3<" in fragment and 'hx-trigger="every 60s"' in fragment


def test_list_newest_first_paginated_and_only_mine(
    client_for, users, django_assert_max_num_queries
):
    _notify(users["mt"], 30)
    _notify(users["specialist"], 1)
    client = client_for("mt")
    with django_assert_max_num_queries(12):
        page = client.get(reverse("notifications:list")).content.decode()
    assert page.index("Melding 29") < page.index("Melding 5")
    assert "Melding 4<" not in page  # on page 2
    assert "Pagina 1 van 2" in page
    page2 = client.get(reverse("notifications:list") + "?pagina=2").content.decode()
    assert "Melding 4<" in page2 and "Melding 0<" in page2


def test_mark_read_open_and_all_read(client_for, users):
    _notify(users["mt"], 3)
    client = client_for("mt")
    first, second, third = Notification.objects.order_by("pk")
    response = client.post(reverse("notifications:read", args=[first.pk]))
    assert response.status_code == 302
    first.refresh_from_db()
    assert first.read_at is not None

    response = client.post(reverse("notifications:open", args=[second.pk]))
    assert response["Location"] == "/wegwijzer/mijn-stappen/"
    second.refresh_from_db()
    assert second.read_at is not None

    client.post(reverse("notifications:read_all"))
    assert not Notification.objects.filter(read_at__isnull=True).exists()
    assert "ongelezen" not in client.get("/").content.decode()


def test_someone_elses_notification_is_not_found(client_for, users):
    _notify(users["specialist"])
    other = Notification.objects.get()
    client = client_for("mt")
    assert client.post(reverse("notifications:read", args=[other.pk])).status_code == 404
    assert client.post(reverse("notifications:open", args=[other.pk])).status_code == 404
    other.refresh_from_db()
    assert other.read_at is None


def test_open_refuses_an_outside_address(client_for, users):
    services.notify(
        recipients=[users["mt"]], event=Event.TASK_DUE, title="x", url="https://elders.example"
    )
    row = Notification.objects.get()
    response = client_for("mt").post(reverse("notifications:open", args=[row.pk]))
    assert response["Location"] == reverse("notifications:list")


def test_preferences_page_saves_choices(client_for, users, django_assert_max_num_queries):
    client = client_for("specialist")
    with django_assert_max_num_queries(10):
        page = client.get(reverse("notifications:preferences"))
    assert page.status_code == 200
    assert "Nieuwe verwijzing voor jouw aanbod" in page.content.decode()
    data = {event.value: EmailChoice.IMMEDIATE for event in Event}
    data[Event.REFERRAL_NEW] = EmailChoice.DIGEST
    data[Event.TASK_DUE] = EmailChoice.NONE
    response = client.post(reverse("notifications:preferences"), data)
    assert response.status_code == 302
    saved = dict(Preference.objects.filter(user=users["specialist"]).values_list("event", "email"))
    assert saved == {Event.REFERRAL_NEW: EmailChoice.DIGEST, Event.TASK_DUE: EmailChoice.NONE}


def test_preferences_bad_input_is_refused_with_a_message(client_for, users):
    client = client_for("specialist")
    data = {event.value: EmailChoice.IMMEDIATE for event in Event}
    data[Event.REFERRAL_NEW] = "soms"
    del data[Event.TASK_DUE]
    response = client.post(reverse("notifications:preferences"), data)
    assert response.status_code == 400
    text = response.content.decode()
    assert "Kies een van de mogelijkheden." in text and "Kies hoe je dit wilt horen." in text
    assert not Preference.objects.exists()


def test_no_email_address_is_explained(client_for, users):
    users["mt"].email = ""
    users["mt"].save()
    page = client_for("mt").get(reverse("notifications:preferences")).content.decode()
    assert "geen e-mailadres" in page


def test_failed_emails_page_for_beheer(client_for, users, django_assert_max_num_queries):
    from notifications.models import EmailStatus

    _notify(users["mt"], 5)
    Notification.objects.update(
        email_status=EmailStatus.FAILED, email_attempts=4, email_error="SMTPServerDisconnected"
    )
    client = client_for("beheer")
    with django_assert_max_num_queries(12):
        page = client.get(reverse("notifications:failed")).content.decode()
    assert page.count("SMTPServerDisconnected") == 5
    assert client_for("mt").get(reverse("notifications:failed")).status_code == 403
