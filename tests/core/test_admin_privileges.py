"""The admin is for the installation's IT. A non-superuser given admin access (is_staff and
the user permissions) manages roles, never rights: superuser, staff flag and permissions are
not theirs. Beheer itself has no admin access at all (see tests/test_url_access.py)."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

from tests.formdata import form_data

pytestmark = pytest.mark.django_db

User = get_user_model()


@pytest.fixture
def delegate(users):
    """A colleague to whom IT gave the admin for users and roles, without superuser rights."""
    user = users["beheer"]
    user.is_staff = True
    user.save()
    user.user_permissions.set(
        Permission.objects.filter(
            content_type__app_label="auth", content_type__model__in=["user", "group"]
        )
    )
    return User.objects.get(pk=user.pk)


def change_url(user) -> str:
    return f"/admin/auth/user/{user.pk}/change/"


def test_delegate_cannot_make_itself_superuser(client, delegate):
    beheer = delegate
    client.force_login(beheer)
    page = client.get(change_url(beheer))
    assert page.status_code == 200
    html = page.content.decode()
    assert 'name="is_superuser"' not in html and 'name="user_permissions"' not in html
    data = form_data(html, "user_form")
    data.update(
        is_superuser=["on"],
        is_staff=["on"],
        user_permissions=[str(Permission.objects.get(codename="delete_logentry").pk)],
        first_name=["Nieuw"],
    )
    response = client.post(change_url(beheer), data)
    assert response.status_code == 302, response.context and response.context["errors"]
    beheer.refresh_from_db()
    assert beheer.first_name == "Nieuw"  # the form itself worked
    assert not beheer.is_superuser
    assert not beheer.user_permissions.filter(codename="delete_logentry").exists()


def test_delegate_still_assigns_roles(client, users, delegate):
    client.force_login(delegate)
    mt = users["mt"]
    data = form_data(client.get(change_url(mt)).content.decode(), "user_form")
    data["groups"] = [
        str(Group.objects.get(name="mt").pk),
        str(Group.objects.get(name="beheer").pk),
    ]
    assert client.post(change_url(mt), data).status_code == 302
    mt.refresh_from_db()
    assert {g.name for g in mt.groups.all()} == {"mt", "beheer"}
    assert not mt.is_staff  # beheer is a role in the app, not an admin account


def test_delegate_cannot_give_a_role_more_permissions(client, delegate):
    client.force_login(delegate)
    group = Group.objects.get(name="mt")
    url = f"/admin/auth/group/{group.pk}/change/"
    html = client.get(url).content.decode()
    assert 'name="permissions"' not in html
    data = form_data(html, "group_form")
    data["permissions"] = [str(p.pk) for p in Permission.objects.all()]
    assert client.post(url, data).status_code == 302
    assert not group.permissions.exists()


def test_delegate_cannot_touch_a_superuser(client, delegate):
    root = User.objects.create_superuser("root", password="een-lang-wachtwoord-42")
    client.force_login(delegate)
    assert client.get(f"/admin/auth/user/{root.pk}/password/").status_code == 403
    response = client.post(
        f"/admin/auth/user/{root.pk}/password/",
        {"password1": "overgenomen-1234", "password2": "overgenomen-1234"},
    )
    assert response.status_code == 403
    assert client.post(f"/admin/auth/user/{root.pk}/delete/", {"post": "yes"}).status_code == 403
    root.refresh_from_db()
    assert root.check_password("een-lang-wachtwoord-42")


def test_a_superuser_still_sees_the_privilege_fields(client, users):
    root = User.objects.create_superuser("root", password="een-lang-wachtwoord-42")
    client.force_login(root)
    html = client.get(change_url(users["mt"])).content.decode()
    assert 'name="is_superuser"' in html and 'name="user_permissions"' in html
