"""The old open/closed referrals map onto the lifecycle states without losing anything."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

pytestmark = pytest.mark.django_db(transaction=True)

OLD = ("referrals", "0004_latent_need_and_default_options")


def migrate(*, back: bool):
    """Referrals back to before the lifecycle (the shared base stays as it is), or everything
    forward to the latest state again."""
    executor = MigrationExecutor(connection)
    leaves = executor.loader.graph.leaf_nodes()
    targets = [OLD] + [node for node in leaves if node[0] == "wegwijzer"] if back else leaves
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state(targets).apps


def test_old_rows_map_onto_the_new_states():
    old = migrate(back=True)
    try:
        Library = old.get_model("wegwijzer", "Library")
        Offer = old.get_model("referrals", "Offer")
        Referral = old.get_model("referrals", "Referral")
        Event = old.get_model("referrals", "ReferralEvent")
        library = Library.objects.create(name="Oud")
        offer = Offer.objects.create(library=library, name="Taalhuis", department="extern")
        now = timezone.now()
        closed_at = now - datetime.timedelta(days=3)
        rows = {}
        for outcome in ["open", "arrived", "started", "not_arrived", "not_suitable"]:
            rows[outcome] = Referral.objects.create(
                library=library,
                offer=offer,
                audience="ouder",
                handover="info_only",
                from_department="publieksservice",
                referred_at=now - datetime.timedelta(days=10),
                follow_up_date=(now + datetime.timedelta(days=4)).date(),
                outcome=outcome,
                outcome_reason="" if outcome == "open" else f"reden {outcome}",
                closed_at=None if outcome == "open" else closed_at,
            ).pk
            if outcome != "open":
                Event.objects.create(
                    referral_id=rows[outcome], kind="closed", outcome=outcome, reason="r"
                )
    finally:
        new = migrate(back=False)

    Referral = new.get_model("referrals", "Referral")
    Event = new.get_model("referrals", "ReferralEvent")
    mapped = {
        outcome: Referral.objects.values(
            "status", "outcome", "outcome_reason", "received_at", "closed_at"
        ).get(pk=pk)
        for outcome, pk in rows.items()
    }
    assert mapped["open"] == {
        "status": "verstuurd",
        "outcome": "",
        "outcome_reason": "",
        "received_at": None,
        "closed_at": None,
    }
    for outcome in ["arrived", "started", "not_arrived"]:
        assert mapped[outcome]["status"] == "afgerond"
        assert mapped[outcome]["outcome"] == outcome
        assert mapped[outcome]["outcome_reason"] == f"reden {outcome}"
        assert mapped[outcome]["received_at"] == mapped[outcome]["closed_at"] == closed_at
    assert mapped["not_suitable"]["status"] == "afgewezen"
    assert mapped["not_suitable"]["outcome"] == ""
    assert mapped["not_suitable"]["outcome_reason"] == "reden not_suitable"
    events = dict(
        Event.objects.filter(referral_id__in=rows.values()).values_list("referral_id", "kind")
    )
    assert events[rows["not_suitable"]] == "rejected"
    assert {events[rows[o]] for o in ["arrived", "started", "not_arrived"]} == {"completed"}
    assert Referral.objects.count() == 5
