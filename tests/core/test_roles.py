import pytest
from django.contrib.auth.models import Group

from core.roles import Role, has_role, user_roles
from tests.factories import make_staff

pytestmark = pytest.mark.django_db


def test_coordinator_is_also_workgroup_member(library):
    user = make_staff(library, Role.TREKKER)
    assert user_roles(user) == {Role.TREKKER, Role.WERKGROEP}


def test_roles_come_from_groups_only(library):
    user = make_staff(library, Role.FRONTOFFICE)
    assert has_role(user, Role.FRONTOFFICE)
    assert not has_role(user, Role.MT, Role.BEHEER)


def test_inactive_user_has_no_roles(library):
    user = make_staff(library, Role.MT, is_active=False)
    assert user_roles(user) == frozenset()


def test_beheer_is_a_role_not_a_django_admin_account(library):
    user = make_staff(library, Role.BEHEER)
    Group.objects.get(name="beheer").user_set.add(make_staff(library, Role.MT))
    user.refresh_from_db()
    assert not user.is_staff
    assert not user.has_perm("auth.change_user")
    assert not user.has_perm("wegwijzer.add_branch")


def test_home_shows_role_and_asks_roleless_users_to_get_one(client_for):
    response = client_for("zonder_rol").get("/")
    assert "heeft nog geen rol" in response.content.decode()
    response = client_for("mt").get("/")
    assert "heeft nog geen rol" not in response.content.decode()


def test_logout_is_post_only(client_for):
    client = client_for("mt")
    assert client.get("/accounts/logout/").status_code == 405
    response = client.post("/accounts/logout/")
    assert response.status_code == 302
    assert client.get("/").status_code == 302
