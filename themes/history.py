"""Step texts as they stood in a closed cycle.

Beheer edits the steps' titles and texts; simple_history keeps every saved version. A closed
cycle shows each step as it read when the cycle closed: the newest version saved before then.

Content loaded from the fixtures has no history row (loaddata saves raw), so the text before
a step's first edit would be lost. Just before that first save, the stored state is therefore
kept as a baseline row; a baseline stands for every moment before it.
"""

import datetime
from collections import defaultdict
from collections.abc import Iterable

from django.db.models.signals import pre_save
from django.dispatch import receiver
from django.utils import timezone

from .models import Step

BASELINE_REASON = "Beginstand vóór de eerste wijziging"


@receiver(pre_save, sender=Step, dispatch_uid="themes_step_baseline")
def keep_baseline(sender, instance: Step, raw: bool = False, **kwargs) -> None:
    if raw or instance.pk is None:
        return
    historical = Step.history.model
    if historical.objects.filter(id=instance.pk).exists():
        return
    stored = Step.objects.filter(pk=instance.pk).first()
    if stored is None:
        return
    historical.objects.create(
        **{f.attname: getattr(stored, f.attname) for f in Step._meta.concrete_fields},
        history_date=timezone.now(),
        history_type="+",
        history_change_reason=BASELINE_REASON,
    )


def show_as_of(steps: Iterable[Step], when: datetime.datetime) -> None:
    """Give each step the title and text it had at `when` (one query).

    Sets `changed_since` on a step whose text or title was edited after `when`, and
    `version_lost` on one edited after `when` whose earlier version was never kept (the
    current text is shown then).
    """
    steps = list(steps)
    versions: dict[int, list[dict]] = defaultdict(list)
    for row in (
        Step.history.model.objects.filter(id__in=[s.pk for s in steps])
        .order_by("history_date", "history_id")
        .values("id", "title", "text", "history_date", "history_type")
    ):
        versions[row["id"]].append(row)
    for step in steps:
        step.changed_since = False
        step.version_lost = False
        rows = versions.get(step.pk)
        if not rows:
            continue  # never edited: today's text is the text of then
        before = [r for r in rows if r["history_date"] <= when]
        if before:
            version = before[-1]
        elif rows[0]["history_type"] == "+":
            version = rows[0]  # a baseline or the creation: nothing older existed
        else:
            step.version_lost = True
            continue
        # A title added later (issue 16) is kept for an older version without one: it only
        # names the step, and the cycle's lists stay readable.
        title = version["title"] or step.title
        step.changed_since = version["text"] != step.text or title != step.title
        step.text = version["text"]
        step.title = title
