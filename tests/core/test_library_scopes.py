"""Library-owned rows cannot be read without a library scope (django-scopes).

Every model that belongs to a library, directly or through its parent, has a scoped manager:
a query on it outside a library's scope raises instead of returning every library's rows, and
inside the scope it sees only that library.
"""

import pytest
from django.apps import apps
from django.db import models
from django_scopes import ScopeError, scope

from core.library import library_scope
from core.managers import LibraryScopedManager
from core.models import Library
from referrals.models import Referral
from tests.factories import LibraryFactory, ReferralFactory

pytestmark = pytest.mark.django_db

PROJECT_APPS = {
    "wegwijzer",
    "themes",
    "quickscan",
    "referrals",
    "notifications",
    "beheer",
    "training",
}
# Owned through the user they are for (an account belongs to its staff profile's library),
# not through a foreign key to a library-owned row.
OWNED_THROUGH_USER = {"notifications.Notification", "notifications.Preference"}


def _project_models() -> list[type[models.Model]]:
    return [
        model
        for model in apps.get_models()
        if model._meta.app_label in PROJECT_APPS and not model.__name__.startswith("Historical")
    ]


def _library_owned() -> set[type[models.Model]]:
    """Models with a required foreign key to Library or to a library-owned model."""
    owned: set[type[models.Model]] = set()
    changed = True
    while changed:
        changed = False
        for model in _project_models():
            if model in owned:
                continue
            for field in model._meta.get_fields():
                target = getattr(field, "related_model", None)
                if (
                    isinstance(field, models.ForeignKey)
                    and not field.null
                    and (target is Library or target in owned)
                ):
                    owned.add(model)
                    changed = True
                    break
    return owned | {apps.get_model(label) for label in OWNED_THROUGH_USER}


def _is_scoped(model: type[models.Model]) -> bool:
    return isinstance(model._default_manager, LibraryScopedManager)


def test_every_library_owned_model_has_a_scoped_manager():
    owned = _library_owned()
    assert {m.__name__ for m in owned} >= {"Referral", "Round", "Response", "StepProgress"}
    assert sorted(m._meta.label for m in owned if not _is_scoped(m)) == []


def test_shared_content_is_not_scoped():
    for label in ("themes.Theme", "themes.Step", "quickscan.Section", "quickscan.Item"):
        assert not _is_scoped(apps.get_model(label)), label


@pytest.mark.parametrize("label", sorted(m._meta.label for m in _library_owned()))
def test_a_query_without_a_library_scope_raises(label):
    model = apps.get_model(label)
    # scope() without a library: what a view, task or command sees that forgot to enter one.
    with scope(), pytest.raises(ScopeError):
        list(model.objects.all())
    with scope(), pytest.raises(ScopeError):
        model.objects.filter(pk=1).exists()


def test_inside_a_scope_only_that_librarys_rows_are_seen():
    ours, theirs = LibraryFactory(name="Ons"), LibraryFactory(name="Hun")
    mine = ReferralFactory(library=ours)
    ReferralFactory(library=theirs)
    with library_scope(ours):
        assert list(Referral.objects.all()) == [mine]
        assert Referral.objects.count() == 1


def test_a_missing_library_is_refused_rather_than_read_as_every_library():
    # django-scopes reads scope(library=None) as "no filter"; library_scope never allows it.
    with pytest.raises(ValueError), library_scope(None):
        pass
