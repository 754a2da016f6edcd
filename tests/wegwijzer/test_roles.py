import pytest
from django.contrib.auth.models import Group

from tests.factories import make_staff
from wegwijzer.roles import Role, has_role, set_user_roles, user_roles

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


def test_beheer_gets_admin_access_and_loses_it_with_the_role(library):
    user = make_staff(library, Role.BEHEER)
    user.refresh_from_db()
    assert user.is_staff
    set_user_roles(user, [Role.MT])
    user.refresh_from_db()
    assert not user.is_staff


def test_adding_user_from_the_group_side_also_syncs_staff_flag(library):
    user = make_staff(library, Role.MT)
    Group.objects.get(name="beheer").user_set.add(user)
    user.refresh_from_db()
    assert user.is_staff


def test_beheer_group_may_manage_users_and_branches(library):
    user = make_staff(library, Role.BEHEER)
    assert user.has_perm("auth.change_user")
    assert user.has_perm("wegwijzer.add_branch")
    assert not make_staff(library, Role.MT).has_perm("wegwijzer.add_branch")


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
