import re

import pytest
from django.core import mail

from core.roles import Role
from tests.factories import make_staff

pytestmark = pytest.mark.django_db


def test_login_page_links_to_password_reset(client):
    assert "/accounts/wachtwoord-vergeten/" in client.get("/accounts/login/").content.decode()


def test_same_answer_whether_or_not_the_address_exists(client, library):
    make_staff(library, Role.MT, email="bekend@bibliotheek.example")
    known = client.post("/accounts/wachtwoord-vergeten/", {"email": "Bekend@bibliotheek.example"})
    unknown = client.post(
        "/accounts/wachtwoord-vergeten/", {"email": "onbekend@bibliotheek.example"}
    )
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"] == "/accounts/wachtwoord-vergeten/verstuurd/"
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["bekend@bibliotheek.example"]


def test_reset_link_sets_a_new_password_in_dutch(client, library):
    make_staff(library, Role.MT, username="mt2", email="mt2@bibliotheek.example")
    client.post("/accounts/wachtwoord-vergeten/", {"email": "mt2@bibliotheek.example"})
    message = mail.outbox[0]
    assert message.subject == "Nieuw wachtwoord voor de Wegwijzer"
    link = re.search(r"http://\S+/accounts/nieuw-wachtwoord/\S+/", message.body).group(0)
    response = client.get(link, follow=True)
    page = response.content.decode()
    assert "Nieuw wachtwoord kiezen" in page and "Nieuw wachtwoord" in page
    response = client.post(
        response.redirect_chain[-1][0],
        {"new_password1": "kort", "new_password2": "kort"},
    )
    assert "10 tekens" in response.content.decode()
    response = client.post(
        response.wsgi_request.path,
        {
            "new_password1": "een-nieuw-lang-wachtwoord",
            "new_password2": "een-nieuw-lang-wachtwoord",
        },
    )
    assert response["Location"] == "/accounts/nieuw-wachtwoord/klaar/"
    response = client.post(
        "/accounts/login/", {"username": "mt2", "password": "een-nieuw-lang-wachtwoord"}
    )
    assert response.status_code == 302


def test_inactive_account_gets_no_mail(client, library):
    make_staff(library, Role.MT, email="weg@bibliotheek.example", is_active=False)
    response = client.post("/accounts/wachtwoord-vergeten/", {"email": "weg@bibliotheek.example"})
    assert response.status_code == 302
    assert mail.outbox == []


def test_invited_colleague_who_lost_the_mail_can_ask_again(client, client_for):
    client_for("beheer").post(
        "/beheer/medewerkers/uitnodigen/",
        {"first_name": "Noor", "email": "noor@bibliotheek.example", "roles": ["mt"]},
    )
    client.logout()
    mail.outbox.clear()
    client.post("/accounts/wachtwoord-vergeten/", {"email": "noor@bibliotheek.example"})
    assert len(mail.outbox) == 1


def test_the_invitation_refuses_the_demo_password(client_for, client):
    client_for("beheer").post(
        "/beheer/medewerkers/uitnodigen/",
        {"first_name": "Noor", "email": "noor@bibliotheek.example", "roles": ["mt"]},
    )
    client.logout()
    link = re.search(r"http://\S+/accounts/uitnodiging/\S+/", mail.outbox[0].body).group(0)
    response = client.get(link, follow=True)
    response = client.post(
        response.redirect_chain[-1][0],
        {"new_password1": "wegwijzer-demo", "new_password2": "wegwijzer-demo"},
    )
    assert response.status_code == 200
    assert "wachtwoord van de demo" in response.content.decode()
