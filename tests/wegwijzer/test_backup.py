"""Back up, wipe, restore: the same data comes back."""

import gzip
import json
import re
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError

from core.models import Library
from referrals.models import Referral
from tests.factories import CycleFactory
from themes import services
from themes.models import Step, StepProgress
from wegwijzer.management.commands.backup_data import EXCLUDE

pytestmark = pytest.mark.django_db(transaction=True)


def snapshot() -> list:
    out = StringIO()
    call_command("dumpdata", exclude=EXCLUDE, natural_foreign=True, stdout=out)
    # Django's JSON keeps milliseconds: a time of 12:00:00.000400 is written as 12:00:00.000
    # and reads back as 12:00:00, which it then writes without the ".000".
    text = re.sub(r"\.000(?=Z|[+-]\d\d:\d\d)", "", out.getvalue())
    return sorted(json.loads(text), key=lambda o: (o["model"], str(o.get("pk"))))


@pytest.fixture
def filled(library, users):
    from referrals.defaults import referral_options_create_defaults
    from referrals.models import Offer, Signal
    from referrals.services import referral_create

    call_command("loaddata", "wegwijzer_inhoud", verbosity=0)
    cycle = CycleFactory(library=library, name="2026")
    for step in Step.objects.order_by("pk")[:5]:
        services.step_set_done(cycle=cycle, step=step, user=users["werkgroep"], done=True)
    referral_options_create_defaults(library=library)
    Offer.objects.get(name="Taalhuis").specialists.add(users["specialist"])  # its receiver
    from django.utils import timezone

    referral_create(
        library=library,
        user=users["frontoffice"],
        offer=Offer.objects.get(name="Taalhuis"),
        audience="gezin",
        signals=Signal.objects.filter(name="Taalvraag"),
        handover="warm_appointment",
        from_department="jeugd_educatie",
        referred_at=timezone.now(),
        branch=library.branches.first(),
        note="Ëén notitie met accenten",
    )


def test_backup_wipe_restore_gives_identical_data(filled, tmp_path):
    before = snapshot()
    path = tmp_path / "wegwijzer.json.gz"
    call_command("backup_data", str(path), stdout=StringIO())
    assert path.exists() and not path.with_name(path.name + ".tmp").exists()

    call_command("flush", interactive=False, verbosity=0)
    assert not Library.objects.exists() and not Referral.objects.exists()

    call_command("restore_data", str(path), "--yes", stdout=StringIO())
    after = snapshot()
    assert after == before
    assert StepProgress.objects.filter(is_done=True).count() == 5
    assert Referral.objects.get().note == "Ëén notitie met accenten"
    user = get_user_model().objects.get(username="werkgroep")
    assert user.check_password("test-wachtwoord-123")


def test_restore_refuses_a_broken_file_and_keeps_the_data(filled, tmp_path):
    path = tmp_path / "kapot.json.gz"
    with gzip.open(path, "wt") as stream:
        stream.write("{niet compleet")
    before = snapshot()
    with pytest.raises(CommandError, match="geen leesbare back-up"):
        call_command("restore_data", str(path), "--yes")
    assert snapshot() == before


def test_admin_log_and_audit_history_survive_a_round_trip(
    filled, client, users, superuser, tmp_path
):
    from django.contrib.admin.models import LogEntry

    from referrals.models import Offer

    branch = Library.objects.get().branches.first()
    client.force_login(superuser)
    response = client.post(
        f"/admin/wegwijzer/branch/{branch.pk}/change/",
        {"name": "Centrale (verbouwd)", "library": branch.library_id, "is_active": "on"},
    )
    assert response.status_code == 302
    offer = Offer.objects.get(name="Taalhuis")
    offer.name = "Taalhuis Oost"
    offer.save()
    log = list(LogEntry.objects.values_list("object_repr", "user__username", "action_flag"))
    assert log == [("Centrale (verbouwd)", "it", 2)]
    history = list(offer.history.values_list("name", flat=True))
    progress_history = StepProgress.history.count()
    assert progress_history >= 5

    path = tmp_path / "wegwijzer.json.gz"
    call_command("backup_data", str(path), stdout=StringIO())
    call_command("flush", interactive=False, verbosity=0)
    assert not LogEntry.objects.exists()
    call_command("restore_data", str(path), "--yes", stdout=StringIO())

    assert list(LogEntry.objects.values_list("object_repr", "user__username", "action_flag")) == log
    assert list(Offer.objects.get(name="Taalhuis Oost").history.values_list("name", flat=True)) == (
        history
    )
    assert StepProgress.history.count() == progress_history


def test_backup_is_readable_by_its_owner_only(filled, tmp_path):
    path = tmp_path / "wegwijzer.json.gz"
    call_command("backup_data", str(path), stdout=StringIO())
    assert path.stat().st_mode & 0o777 == 0o600


def test_restore_explains_a_truncated_file_and_keeps_the_data(filled, tmp_path):
    path = tmp_path / "wegwijzer.json.gz"
    call_command("backup_data", str(path), stdout=StringIO())
    cut = tmp_path / "afgebroken.json.gz"
    cut.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    before = snapshot()
    with pytest.raises(CommandError, match="afgebroken"):
        call_command("restore_data", str(cut), "--yes")
    assert snapshot() == before


def test_restore_erases_personal_data_whose_retention_ended_meanwhile(filled, tmp_path, settings):
    path = tmp_path / "wegwijzer.json.gz"
    call_command("backup_data", str(path), stdout=StringIO())
    # The backup is restored long after it was made: its notes are past their retention.
    settings.WEGWIJZER_REFERRAL_RETENTION_DAYS = -1
    call_command("restore_data", str(path), "--yes", stdout=StringIO())
    referral = Referral.objects.get()
    assert referral.note == ""
    assert referral.personal_data_erased_at is not None


def test_restore_refreshes_the_planner_statistics_on_postgresql(filled, tmp_path):
    """Right after a restore every table is new to PostgreSQL's planner: ANALYZE, or the first
    pages are planned as if the tables were empty."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    path = tmp_path / "wegwijzer.json.gz"
    call_command("backup_data", str(path), stdout=StringIO())
    with CaptureQueriesContext(connection) as queries:
        call_command("restore_data", str(path), "--yes", stdout=StringIO())
    analyzed = any(q["sql"] == "ANALYZE" for q in queries.captured_queries)
    assert analyzed == (connection.vendor == "postgresql")
