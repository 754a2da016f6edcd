"""Map the old open/closed referrals onto the lifecycle states, keeping every fact.

open                          → verstuurd
arrived / started / not_arrived → afgerond with the same outcome
not_suitable                  → afgewezen (the reason stays the reason)

A closed referral was received at the latest when it was closed, so received_at takes the
closing moment. The old "closed" events become "completed" or "rejected". The audit trail's
historical rows are mapped the same way so it reads consistently.
"""

from django.db import migrations

REJECTED = "not_suitable"
COMPLETED = ("arrived", "started", "not_arrived")


def forward(apps, schema_editor):
    Event = apps.get_model("referrals", "ReferralEvent")
    for name in ("Referral", "HistoricalReferral"):
        model = apps.get_model("referrals", name)
        model.objects.filter(outcome="open").update(status="verstuurd", outcome="")
        model.objects.filter(outcome=REJECTED).update(status="afgewezen", outcome="")
        model.objects.filter(outcome__in=COMPLETED).update(status="afgerond")
    Referral = apps.get_model("referrals", "Referral")
    for referral in Referral.objects.filter(closed_at__isnull=False, received_at__isnull=True):
        Referral.objects.filter(pk=referral.pk).update(received_at=referral.closed_at)
    Event.objects.filter(kind="closed", outcome=REJECTED).update(
        kind="rejected", outcome="", status="afgewezen"
    )
    Event.objects.filter(kind="closed").update(kind="completed", status="afgerond")


def backward(apps, schema_editor):
    """Back to open/closed. Lossy where the old model had no word for it: withdrawn and
    rejected become "not suitable", the newer outcomes "not arrived"."""
    Event = apps.get_model("referrals", "ReferralEvent")
    for name in ("Referral", "HistoricalReferral"):
        model = apps.get_model("referrals", name)
        model.objects.filter(status__in=["verstuurd", "ontvangen", "in_behandeling"]).update(
            outcome="open"
        )
        model.objects.filter(status__in=["afgewezen", "ingetrokken"]).update(outcome=REJECTED)
        model.objects.filter(status="afgerond").exclude(outcome__in=COMPLETED).update(
            outcome="not_arrived"
        )
    Event.objects.filter(kind="rejected").update(kind="closed", outcome=REJECTED)
    Event.objects.filter(kind="completed").update(kind="closed")


class Migration(migrations.Migration):
    dependencies = [("referrals", "0005_lifecycle")]

    operations = [migrations.RunPython(forward, backward)]
