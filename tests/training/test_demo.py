"""The demo: one finished group with certificates, one group half-way with the demo
front-office account in it."""

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from core.demo import demo_library_create
from core.library import library_scope
from training import selectors
from training.demo import load_demo
from training.models import Course, Participant

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(settings):
    library, _created = demo_library_create(password=settings.WEGWIJZER_DEMO_PASSWORD)
    # As setup_demo runs it: inside the demo library's scope.
    with library_scope(library):
        load_demo(library=library)
    return library


def test_one_finished_group_with_certificates_and_one_half_way(demo):
    today = timezone.localdate()
    finished, running = sorted(Course.objects.filter(library=demo), key=lambda c: c.starts_on)
    assert finished.ends_on < today
    assert running.starts_on < today < running.ends_on
    assert finished.modules.count() == 7
    assert 15 <= finished.participants.count() <= 20

    progress = selectors.progress_by_participant(Participant.objects.filter(course=finished))
    qualified = sum(p.qualifies for p in progress.values())
    assert 0 < qualified < len(progress)  # certificates, and someone who fell short

    meetings = list(running.meetings.all())
    held = [m for m in meetings if m.date <= today]
    assert 0 < len(held) < len(meetings)
    me = Participant.objects.get(course=running, user__username="frontoffice")
    mine = selectors.progress_by_participant([me])[me.pk]
    assert not mine.qualifies
    assert mine.missing_text.startswith("nog ")


def test_loading_twice_adds_nothing(demo):
    before = (Course.objects.count(), get_user_model().objects.count())
    with library_scope(demo):
        load_demo(library=demo)
    assert (Course.objects.count(), get_user_model().objects.count()) == before
