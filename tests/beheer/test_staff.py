import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.exceptions import ValidationError

from beheer import services
from core.roles import Role, user_roles
from tests.factories import LibraryFactory, make_staff

pytestmark = pytest.mark.django_db

User = get_user_model()


def _invite(client, **overrides):
    data = {
        "first_name": "Sanne",
        "last_name": "de Vries",
        "email": "Sanne.deVries@Bibliotheek.example",
        "roles": ["frontoffice"],
        "branch": "",
        "department": "publieksservice",
        **overrides,
    }
    return client.post("/beheer/medewerkers/uitnodigen/", data)


def _link(message) -> str:
    return re.search(r"https?://\S+/accounts/uitnodiging/\S+/", message.body).group(0)


def test_invite_creates_account_without_password_and_mails_a_link(client_for, library):
    client = client_for("beheer")
    branch = library.branches.get(name="Noord")
    response = _invite(client, branch=branch.pk)
    assert response.status_code == 302
    user = User.objects.get(username="sanne.devries@bibliotheek.example")
    assert not user.has_usable_password()
    assert user.profile.library == library and user.profile.branch == branch
    assert user_roles(user) == {Role.FRONTOFFICE}
    assert not user.is_staff
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["sanne.devries@bibliotheek.example"]
    assert "Bibliotheek Testdorp" in message.subject
    assert "sanne.devries@bibliotheek.example" in message.body


def test_invitation_link_sets_the_password_once(client_for, client, library):
    _invite(client_for("beheer"))
    link = _link(mail.outbox[0])
    client.logout()
    response = client.get(link, follow=True)
    assert "Welkom bij de Wegwijzer" in response.content.decode()
    set_url = response.redirect_chain[-1][0]
    response = client.post(
        set_url,
        {"new_password1": "lange-zin-als-wachtwoord", "new_password2": "lange-zin-als-wachtwoord"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/accounts/uitnodiging/klaar/"
    response = client.post(
        "/accounts/login/",
        {"username": "sanne.devries@bibliotheek.example", "password": "lange-zin-als-wachtwoord"},
    )
    assert response.status_code == 302 and response["Location"] == "/"
    client.logout()
    # The same link again: the password is part of the token, so it no longer works.
    response = client.get(link, follow=True)
    assert "werkt niet (meer)" in response.content.decode()


def test_invitation_link_expires(client_for, client, settings, library):
    _invite(client_for("beheer"))
    link = _link(mail.outbox[0])
    client.logout()
    settings.PASSWORD_RESET_TIMEOUT = -1
    response = client.get(link, follow=True)
    assert "werkt niet (meer)" in response.content.decode()


def test_invite_refuses_a_known_address_and_keeps_the_form(client_for, users):
    users["mt"].email = "mt@bibliotheek.example"
    users["mt"].save()
    response = _invite(client_for("beheer"), email="MT@bibliotheek.example")
    assert response.status_code == 200
    assert "Er is al een medewerker met dit e-mailadres." in response.content.decode()
    assert 'value="Sanne"' in response.content.decode()
    assert mail.outbox == []


def test_invite_with_unknown_role_is_refused(client_for):
    response = _invite(client_for("beheer"), roles=["superuser"])
    assert response.status_code == 200
    assert "Kies rollen uit de lijst." in response.content.decode()
    assert not User.objects.filter(email__icontains="sanne").exists()


def test_invite_form_explains_each_role(client_for):
    content = client_for("beheer").get("/beheer/medewerkers/uitnodigen/").content.decode()
    assert content.count('type="checkbox" class="form-check-input" name="roles"') == len(Role)
    assert "Registreert warme verwijzingen aan de balie." in content


def test_mail_server_down_keeps_the_account_and_the_task_retries_later(client_for, monkeypatch):
    from beheer import tasks

    def refuse(*args, **kwargs):
        raise ConnectionRefusedError

    monkeypatch.setattr(services, "send_mail", refuse)
    response = _invite(client_for("beheer"))
    assert response.status_code == 302
    user = User.objects.get(username="sanne.devries@bibliotheek.example")
    assert mail.outbox == []
    # With a backend that can wait (the database worker), the task schedules a new attempt.
    scheduled = []

    class Waiting:
        def get_backend(self):
            return type("Backend", (), {"supports_defer": True})()

        def using(self, run_after):
            return type("Queued", (), {"enqueue": lambda *args, **kw: scheduled.append(kw)})()

    monkeypatch.setattr(tasks, "send_invitation", Waiting())
    result = services.invitation_send_queued(
        user_id=user.pk, invited_by_id=user.pk, base_url="http://testserver/"
    )
    assert result == "retry" and scheduled == [{"attempt": 2}]


def test_edit_roles_branch_and_department(client_for, users, library):
    member = users["frontoffice"]
    response = client_for("beheer").post(
        f"/beheer/medewerkers/{member.pk}/",
        {
            "first_name": "Fleur",
            "last_name": "Balie",
            "roles": ["frontoffice", "specialist"],
            "branch": library.branches.get(name="Centrale").pk,
            "department": "basisvaardigheden",
        },
    )
    assert response.status_code == 302
    member = User.objects.get(pk=member.pk)
    assert user_roles(member) == {Role.FRONTOFFICE, Role.SPECIALIST}
    assert member.profile.department == "basisvaardigheden"
    assert member.first_name == "Fleur"


def test_cannot_remove_own_beheer_role(client_for, users, library):
    make_staff(library, Role.BEHEER, username="beheer2")
    me = users["beheer"]
    response = client_for("beheer").post(
        f"/beheer/medewerkers/{me.pk}/",
        {"first_name": "Ik", "roles": ["mt"], "branch": "", "department": ""},
    )
    assert response.status_code == 200
    assert "Je kunt je eigen rol beheer niet weghalen" in response.content.decode()
    assert Role.BEHEER in user_roles(User.objects.get(pk=me.pk))


def test_last_beheer_cannot_be_deactivated_or_lose_the_role(users, library):
    only = users["beheer"]
    other = make_staff(library, Role.MT)
    # The rule holds in the service, whoever asks.
    with pytest.raises(ValidationError, match="laatste"):
        services.staff_update(
            user=only,
            library=library,
            by=other,
            first_name="X",
            last_name="",
            roles=[Role.MT],
            branch=None,
            department="",
        )
    with pytest.raises(ValidationError, match="laatste"):
        services.staff_deactivate(user=only, by=other)
    assert User.objects.get(pk=only.pk).is_active


def test_deactivate_and_reactivate_never_delete(client_for, users):
    member = users["frontoffice"]
    client = client_for("beheer")
    response = client.post(f"/beheer/medewerkers/{member.pk}/uitschakelen/", follow=True)
    assert "is uitgeschakeld" in response.content.decode()
    member.refresh_from_db()
    assert not member.is_active
    assert (
        client.get("/beheer/medewerkers/?actief=nee")
        .content.decode()
        .count(f"/beheer/medewerkers/{member.pk}/")
    )
    client.post(f"/beheer/medewerkers/{member.pk}/aanzetten/")
    member.refresh_from_db()
    assert member.is_active


def test_cannot_deactivate_yourself(client_for, users):
    me = users["beheer"]
    response = client_for("beheer").post(f"/beheer/medewerkers/{me.pk}/uitschakelen/", follow=True)
    assert "Je kunt je eigen account niet uitschakelen." in response.content.decode()
    me.refresh_from_db()
    assert me.is_active


def test_resend_invitation(client_for, users):
    member = users["frontoffice"]
    member.email = "fo@bibliotheek.example"
    member.save()
    client_for("beheer").post(f"/beheer/medewerkers/{member.pk}/uitnodiging/")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["fo@bibliotheek.example"]


def test_colleague_of_another_library_is_not_found(client_for):
    other = make_staff(LibraryFactory(), Role.MT)
    client = client_for("beheer")
    assert client.get(f"/beheer/medewerkers/{other.pk}/").status_code == 404
    assert client.post(f"/beheer/medewerkers/{other.pk}/uitschakelen/").status_code == 404


def test_superuser_is_not_changed_from_beheer(users, library):
    it = User.objects.create_superuser("it", "it@example.org", "x")
    with pytest.raises(ValidationError):
        services.staff_deactivate(user=it, by=users["beheer"])


def test_list_filters_by_role_branch_active_and_search(client_for, users, library):
    noord = library.branches.get(name="Noord")
    make_staff(
        library, Role.SPECIALIST, username="noordspecialist", branch=noord, first_name="Zwanhilde"
    )
    client = client_for("beheer")
    page = client.get("/beheer/medewerkers/?rol=specialist").content.decode()
    assert "2 medewerkers gevonden" in page
    page = client.get(f"/beheer/medewerkers/?vestiging={noord.pk}").content.decode()
    assert "1 medewerker gevonden" in page and "Zwanhilde" in page
    page = client.get("/beheer/medewerkers/?zoek=zwanhil").content.decode()
    assert "1 medewerker gevonden" in page
    page = client.get("/beheer/medewerkers/?rol=werkgroep").content.decode()
    # The coordinator counts as a workgroup member too.
    assert "2 medewerkers gevonden" in page
    page = client.get("/beheer/medewerkers/?actief=nee").content.decode()
    assert "0 medewerkers gevonden" in page


def test_staff_list_query_count_does_not_grow(client_for, library, django_assert_max_num_queries):
    for n in range(15):
        make_staff(library, Role.FRONTOFFICE, Role.SPECIALIST, username=f"extra{n}")
    client = client_for("beheer")
    with django_assert_max_num_queries(8):
        assert client.get("/beheer/medewerkers/").status_code == 200
