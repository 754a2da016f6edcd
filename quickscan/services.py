"""Writes for the Quickscan: opening, inviting, answering, agreeing, closing and reopening.

Every write that depends on the round being open locks the round row first, so a colleague
closing the round at the same moment is checked one after the other, never half-way.
"""

import datetime
from collections.abc import Iterable, Mapping

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.models import Library
from core.people import display_names
from notifications.events import Event
from notifications.services import notify

from .models import (
    ACTION_RATINGS,
    AGREED_CHOICES,
    EventKind,
    Item,
    Rating,
    Respondent,
    Response,
    Round,
    RoundEvent,
    RoundItem,
    RoundStatus,
    asked_in,
)
from .selectors import candidates

AGREED_VALUES = {value for value, _label in AGREED_CHOICES}
FIRST_YEAR = 2000
MAX_TEXT = 2000  # explanations and reasons; a model's TextField does not check its length


def _check_length(text: str, field: str | None = None) -> str:
    if len(text) > MAX_TEXT:
        message = _("Een toelichting mag hoogstens {n} tekens lang zijn.").format(n=MAX_TEXT)
        raise ValidationError({field: message} if field else message)
    return text


def _lock_open(rnd: Round) -> Round:
    """The round row, locked; refuses when the round is closed."""
    locked = Round.objects.select_for_update().get(pk=rnd.pk)
    if not locked.is_open:
        raise ValidationError(
            _(
                "De Quickscan {year} is afgesloten en kan niet meer worden gewijzigd. De "
                "trekker kan de ronde heropenen."
            ).format(year=locked.year)
        )
    return locked


def _event(rnd: Round, kind: str, user: AbstractBaseUser | None, note: str = "") -> RoundEvent:
    event = RoundEvent(round=rnd, kind=kind, user=user, note=note)
    event.full_clean()
    event.save()
    return event


def _invite(rnd: Round, users: Iterable[AbstractBaseUser], by: AbstractBaseUser | None) -> list:
    existing = set(rnd.respondents.values_list("user_id", flat=True))
    new = [user for user in dict.fromkeys(users) if user.pk not in existing]
    rows = [Respondent(round=rnd, user=user, invited_by=by) for user in new]
    for row in rows:
        row.full_clean(validate_unique=False, validate_constraints=False)
    Respondent.objects.bulk_create(rows)
    if new:
        _event(rnd, EventKind.INVITED, by, display_names(new))
        notify(
            recipients=new,
            event=Event.QUICKSCAN_OPENED,
            title=_("Je bent uitgenodigd voor de Quickscan {year}").format(year=rnd.year),
            body=_(
                "Vul de stellingen op je eigen manier in en lever ze in. Daarna stemt de "
                "werkgroep samen de antwoorden af."
            ),
            url=reverse("quickscan:answer", args=[rnd.pk]),
            actor=by,
        )
    return new


@transaction.atomic
def round_open(
    *,
    library: Library,
    year: int,
    user: AbstractBaseUser | None,
    invitees: Iterable[AbstractBaseUser] = (),
) -> Round:
    """Open the year's round with the questionnaire as it is for that year, and invite people."""
    this_year = timezone.localdate().year
    if not FIRST_YEAR <= year <= this_year + 1:
        raise ValidationError(
            {
                "year": _("Kies een jaar tussen {first} en {last}.").format(
                    first=FIRST_YEAR, last=this_year + 1
                )
            }
        )
    if Round.objects.filter(library=library, year=year).exists():
        raise ValidationError(
            {"year": _("Er is al een Quickscan-ronde voor {year}.").format(year=year)}
        )
    items = list(Item.objects.filter(asked_in(year)).select_related("section"))
    if not items:
        raise ValidationError(
            {
                "year": _(
                    "De vragenlijst heeft geen vragen voor {year}. Vraag beheer de "
                    "vragenlijst te laden of aan te vullen."
                ).format(year=year)
            }
        )
    rnd = Round(library=library, year=year, opened_by=user)
    rnd.full_clean()
    try:
        with transaction.atomic():
            rnd.save()
    except IntegrityError as exc:  # a colleague opened the same year a moment ago
        raise ValidationError(
            {"year": _("Er is al een Quickscan-ronde voor {year}.").format(year=year)}
        ) from exc
    RoundItem.objects.bulk_create(
        RoundItem(round=rnd, item=item, section=item.section, text=item.text, order=item.order)
        for item in items
    )
    _event(rnd, EventKind.OPENED, user)
    _invite(rnd, invitees, user)
    return rnd


@transaction.atomic
def round_invite(
    *, rnd: Round, users: Iterable[AbstractBaseUser], by: AbstractBaseUser
) -> list[AbstractBaseUser]:
    """Invite more people; someone already invited is left as they are."""
    rnd = _lock_open(rnd)
    return _invite(rnd, users, by)


@transaction.atomic
def respondent_remove(*, respondent: Respondent, by: AbstractBaseUser) -> None:
    """Withdraw an invitation, with the answers given so far; not after they submitted."""
    rnd = _lock_open(respondent.round)
    respondent = Respondent.objects.select_related("user").get(pk=respondent.pk)
    if respondent.has_submitted:
        raise ValidationError(
            _("{name} heeft de antwoorden al ingeleverd; die uitnodiging blijft staan.").format(
                name=respondent
            )
        )
    name = str(respondent)
    respondent.delete()
    _event(rnd, EventKind.UNINVITED, by, name)


def _clean_answers(
    rnd: Round, answers: Mapping[int, tuple[str, str]]
) -> dict[int, tuple[str, str]]:
    valid_ids = set(rnd.items.values_list("pk", flat=True))
    cleaned = {}
    for round_item_id, (answer, explanation) in answers.items():
        if round_item_id not in valid_ids:
            raise ValidationError(_("Deze stelling hoort niet bij deze Quickscan."))
        if answer and answer not in Rating.values:
            raise ValidationError(_("Kies een van de antwoorden die bij de stelling staan."))
        cleaned[round_item_id] = (answer or "", _check_length((explanation or "").strip()))
    return cleaned


@transaction.atomic
def responses_save(*, respondent: Respondent, answers: Mapping[int, tuple[str, str]]) -> int:
    """Save a respondent's answers so far: {round item id: (answer, explanation)}.

    Returns how many answers changed. Runs the same few queries however many items change.
    """
    _lock_open(respondent.round)
    respondent = Respondent.objects.select_for_update().get(pk=respondent.pk)
    if respondent.has_submitted:
        raise ValidationError(
            _(
                "Je hebt je antwoorden al ingeleverd. Kies ‘Toch nog aanpassen’ als je iets "
                "wilt veranderen."
            )
        )
    cleaned = _clean_answers(respondent.round, answers)
    existing = {
        r.round_item_id: r
        for r in Response.objects.filter(respondent=respondent, round_item_id__in=cleaned)
    }
    now = timezone.now()
    to_create, to_update = [], []
    for round_item_id, (answer, explanation) in cleaned.items():
        row = existing.get(round_item_id)
        if row is None:
            if not answer and not explanation:
                continue
            row = Response(
                respondent=respondent,
                round_item_id=round_item_id,
                answer=answer,
                explanation=explanation,
            )
            row.full_clean(
                exclude=["respondent", "round_item"],
                validate_unique=False,
                validate_constraints=False,
            )
            to_create.append(row)
        elif (row.answer, row.explanation) != (answer, explanation):
            row.answer, row.explanation, row.updated_at = answer, explanation, now
            row.full_clean(
                exclude=["respondent", "round_item"],
                validate_unique=False,
                validate_constraints=False,
            )
            to_update.append(row)
    Response.objects.bulk_create(to_create)
    Response.objects.bulk_update(to_update, ["answer", "explanation", "updated_at"])
    return len(to_create) + len(to_update)


@transaction.atomic
def respondent_submit(*, respondent: Respondent) -> Respondent:
    """Hand in the answers; every item needs an answer ("weet ik niet" counts)."""
    _lock_open(respondent.round)
    respondent = Respondent.objects.select_for_update().get(pk=respondent.pk)
    total = RoundItem.objects.filter(round_id=respondent.round_id).count()
    answered = Response.objects.filter(respondent=respondent).exclude(answer="").count()
    if answered < total:
        missing = total - answered
        raise ValidationError(
            _(
                "Nog {missing} van de {total} stellingen hebben geen antwoord. Kies bij twijfel "
                "‘weet ik niet’, en ‘n.v.t.’ als een stelling niet voor jullie geldt."
            ).format(missing=missing, total=total)
        )
    if not respondent.has_submitted:
        respondent.submitted_at = timezone.now()
        respondent.save(update_fields=["submitted_at"])
    return respondent


@transaction.atomic
def respondent_withdraw(*, respondent: Respondent) -> Respondent:
    """Take submitted answers back to change them, while the round is open."""
    _lock_open(respondent.round)
    respondent = Respondent.objects.select_for_update().get(pk=respondent.pk)
    respondent.submitted_at = None
    respondent.save(update_fields=["submitted_at"])
    return respondent


class AgreedAnswerConflict(Exception):
    """A colleague changed the agreed answer since the form was opened."""

    def __init__(self, current: RoundItem):
        super().__init__(current)
        self.current = current


@transaction.atomic
def agreed_answer_set(
    *,
    round_item: RoundItem,
    user: AbstractBaseUser,
    answer: str,
    explanation: str = "",
    action_what: str = "",
    action_owner: AbstractBaseUser | None = None,
    action_due: datetime.date | None = None,
    expected_version: int,
) -> RoundItem:
    """Set the workgroup's agreed answer, unless a colleague changed it in the meantime.

    `expected_version` is the version the user saw; a different current version raises
    AgreedAnswerConflict with the colleague's answer, and nothing is saved.
    """
    _lock_open(round_item.round)
    row = (
        RoundItem.objects.select_for_update(of=("self",))
        .select_related("agreed_by", "action_owner")
        .get(pk=round_item.pk)
    )
    if row.version != expected_version:
        raise AgreedAnswerConflict(current=row)
    if answer not in AGREED_VALUES:
        raise ValidationError({"agreed": _("Kies het antwoord waar de werkgroep op uitkomt.")})
    action_what = action_what.strip()
    if answer not in ACTION_RATINGS and (action_what or action_owner or action_due):
        raise ValidationError(
            {"action_what": _("Een actie hoort bij een antwoord dat ‘deels’ of ‘nog niet’ is.")}
        )
    if (action_owner or action_due) and not action_what:
        raise ValidationError(
            {"action_what": _("Beschrijf wat er moet gebeuren, of laat wie en wanneer leeg.")}
        )
    new_owner = action_owner is not None and (
        action_owner.pk != row.action_owner_id or action_what != row.action_what
    )
    row.agreed = answer
    row.agreed_explanation = _check_length(explanation.strip(), "agreed_explanation")
    row.action_what = action_what
    row.action_owner = action_owner
    row.action_due = action_due
    row.agreed_by = user
    row.agreed_at = timezone.now()
    if not action_what:
        row.action_done_at = None
        row.action_done_by = None
    row.version += 1
    row.full_clean(exclude=["round", "item", "section"], validate_unique=False)
    row.save()
    if new_owner:
        _notify_action_owner(row, by=user)
    return row


def _notify_action_owner(row: RoundItem, *, by: AbstractBaseUser | None) -> None:
    due = (
        _(" Klaar op {date}.").format(date=row.action_due.strftime("%d-%m-%Y"))
        if row.action_due
        else ""
    )
    notify(
        recipients=[row.action_owner],
        event=Event.TASK_ASSIGNED,
        title=_("Quickscan {year}: een actie is aan jou toegewezen").format(year=row.round.year),
        body=row.action_what + due,
        url=reverse("my_tasks"),
        actor=by,
    )


class StaleAction(Exception):
    """A colleague changed the item since the page was opened."""

    def __init__(self, current: RoundItem):
        super().__init__(current)
        self.current = current


@transaction.atomic
def action_set_done(
    *, round_item: RoundItem, user: AbstractBaseUser, done: bool, expected_version: int
) -> RoundItem:
    """Tick an agreed action off (or open it again). Also after the round is closed: the
    work of an action starts when the answers are agreed."""
    row = RoundItem.objects.select_for_update(of=("self",)).get(pk=round_item.pk)
    if row.version != expected_version:
        raise StaleAction(current=row)
    if not row.action_what:
        raise ValidationError(_("Bij deze stelling hoort geen actie."))
    if done and row.action_done_at is None:
        row.action_done_at = timezone.now()
        row.action_done_by = user
    elif not done and row.action_done_at is not None:
        row.action_done_at = None
        row.action_done_by = None
    else:
        return row
    row.version += 1
    row.save(update_fields=["action_done_at", "action_done_by", "version"])
    return row


@transaction.atomic
def round_close(*, rnd: Round, user: AbstractBaseUser) -> Round:
    """Close the round; only when every item has an agreed answer. Then it is read-only."""
    rnd = _lock_open(rnd)
    missing = rnd.items.filter(agreed="").count()
    if missing:
        raise ValidationError(
            ngettext(
                "De ronde kan nog niet worden afgesloten: {missing} stelling heeft nog geen "
                "afgesproken antwoord.",
                "De ronde kan nog niet worden afgesloten: {missing} stellingen hebben nog geen "
                "afgesproken antwoord.",
                missing,
            ).format(missing=missing)
        )
    rnd.status = RoundStatus.CLOSED
    rnd.closed_at = timezone.now()
    rnd.closed_by = user
    rnd.full_clean()
    rnd.save()
    _event(rnd, EventKind.CLOSED, user)
    notify(
        recipients=candidates(library=rnd.library),
        event=Event.QUICKSCAN_CLOSED,
        title=_("De Quickscan {year} is afgesloten").format(year=rnd.year),
        body=_("De afgesproken antwoorden, de scores en de acties staan in het rapport."),
        url=reverse("quickscan:results", args=[rnd.pk]),
        actor=user,
    )
    return rnd


@transaction.atomic
def round_reopen(*, rnd: Round, user: AbstractBaseUser, reason: str) -> Round:
    """Open a closed round again, with the reason on record."""
    rnd = Round.objects.select_for_update().get(pk=rnd.pk)
    if rnd.is_open:
        raise ValidationError(_("Deze ronde is al open."))
    reason = _check_length(reason.strip(), "reason")
    if not reason:
        raise ValidationError({"reason": _("Geef aan waarom de ronde weer open moet.")})
    rnd.status = RoundStatus.OPEN
    rnd.closed_at = None
    rnd.closed_by = None
    rnd.full_clean()
    rnd.save()
    _event(rnd, EventKind.REOPENED, user, reason)
    return rnd
