"""Writes for beheer: colleagues and their roles, invitations.

Rules that protect the library from locking itself out live here, not in the views: nobody
removes their own beheer role, and the last active beheer stays. Both are checked while the
beheer group row is locked, so two colleagues acting at the same moment are checked one
after the other.
"""

import datetime
import smtplib
from collections.abc import Iterable
from typing import TypeVar

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser, Group
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from core.models import Branch, Library, StaffProfile
from core.people import display_name
from core.roles import Role, set_user_roles, sync_role_groups
from referrals.models import Offer, PartnerContact
from themes.models import Resource, Step

from .selectors import DESK_LISTS

User = get_user_model()


def _beheer_group_locked() -> Group:
    """The beheer group, locked for the rest of the transaction: the mutex for the rules."""
    group = Group.objects.select_for_update().filter(name=Role.BEHEER.value).first()
    if group is None:
        sync_role_groups()
        group = Group.objects.select_for_update().get(name=Role.BEHEER.value)
    return group


def _active_beheer_count(group: Group) -> int:
    return group.user_set.filter(is_active=True).count()


def _check_branch(library: Library, branch: Branch | None) -> None:
    if branch is not None and branch.library_id != library.pk:
        raise ValidationError({"branch": _("Kies een vestiging van je eigen bibliotheek.")})


def _check_not_superuser(user: AbstractBaseUser) -> None:
    if user.is_superuser:
        raise ValidationError(
            _(
                "Dit is het account van de technische beheerder van de installatie; dat wijzig "
                "je hier niet."
            )
        )


@transaction.atomic
def staff_invite(
    *,
    library: Library,
    first_name: str,
    last_name: str,
    email: str,
    roles: Iterable[Role],
    branch: Branch | None,
    department: str,
) -> AbstractBaseUser:
    """Create an account without a password; the invitation lets the colleague choose one.

    The e-mail address is also the user name, so the colleague has one thing to remember.
    """
    email = User.objects.normalize_email(email.strip()).lower()
    if (
        User.objects.filter(username__iexact=email).exists()
        or User.objects.filter(email__iexact=email).exists()
    ):
        raise ValidationError({"email": _("Er is al een medewerker met dit e-mailadres.")})
    _check_branch(library, branch)
    user = User(
        username=email,
        email=email,
        first_name=first_name.strip(),
        last_name=last_name.strip(),
        is_active=True,
    )
    # A password nobody knows: until the invitation is used, nobody can sign in.
    user.set_unusable_password()
    user.full_clean()
    user.save()
    profile = StaffProfile(user=user, library=library, branch=branch, department=department)
    profile.full_clean()
    profile.save()
    set_user_roles(user, roles)
    return user


@transaction.atomic
def staff_update(
    *,
    user: AbstractBaseUser,
    library: Library,
    by: AbstractBaseUser,
    first_name: str,
    last_name: str,
    roles: Iterable[Role],
    branch: Branch | None,
    department: str,
) -> AbstractBaseUser:
    _check_not_superuser(user)
    _check_branch(library, branch)
    roles = set(roles)
    group = _beheer_group_locked()
    had_beheer = group.user_set.filter(pk=user.pk).exists()
    if had_beheer and Role.BEHEER not in roles:
        if user.pk == by.pk:
            raise ValidationError(
                {"roles": _("Je kunt je eigen rol beheer niet weghalen. Vraag een collega.")}
            )
        if user.is_active and _active_beheer_count(group) <= 1:
            raise ValidationError(
                {"roles": _("Dit is de laatste medewerker met de rol beheer; die rol blijft.")}
            )
    user = User.objects.select_for_update().get(pk=user.pk)
    user.first_name = first_name.strip()
    user.last_name = last_name.strip()
    user.full_clean()
    user.save(update_fields=["first_name", "last_name"])
    profile, _created = StaffProfile.objects.get_or_create(user=user, defaults={"library": library})
    profile.branch = branch
    profile.department = department
    profile.full_clean()
    profile.save()
    set_user_roles(user, roles)
    return user


@transaction.atomic
def staff_deactivate(*, user: AbstractBaseUser, by: AbstractBaseUser) -> AbstractBaseUser:
    """Switch an account off. Never deleted: history and figures keep the person."""
    _check_not_superuser(user)
    if user.pk == by.pk:
        raise ValidationError(_("Je kunt je eigen account niet uitschakelen."))
    group = _beheer_group_locked()
    user = User.objects.select_for_update().get(pk=user.pk)
    if not user.is_active:
        return user
    if group.user_set.filter(pk=user.pk).exists() and _active_beheer_count(group) <= 1:
        raise ValidationError(
            _("Dit is de laatste actieve medewerker met de rol beheer; die blijft actief.")
        )
    user.is_active = False
    user.save(update_fields=["is_active"])
    return user


@transaction.atomic
def staff_reactivate(*, user: AbstractBaseUser) -> AbstractBaseUser:
    _check_not_superuser(user)
    user = User.objects.select_for_update().get(pk=user.pk)
    if not user.is_active:
        user.is_active = True
        user.save(update_fields=["is_active"])
    return user


def invitation_link(*, user: AbstractBaseUser, base_url: str) -> str:
    """A link to choose a password. Django's token hashes the password and last login, so
    it works once; PASSWORD_RESET_TIMEOUT makes it expire."""
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return base_url.rstrip("/") + reverse("invitation_confirm", args=[uid, token])


def _check_invitable(user: AbstractBaseUser) -> None:
    if not user.is_active:
        raise ValidationError(_("Zet het account eerst weer aan; dan kun je opnieuw uitnodigen."))
    if not user.email:
        raise ValidationError(_("Dit account heeft geen e-mailadres; vul dat eerst in."))


def staff_invitation_enqueue(
    *, user: AbstractBaseUser, invited_by: AbstractBaseUser, base_url: str
) -> None:
    """Queue the invitation mail (also to invite again); the task worker sends it, with
    retries when the mail server is away, like every other e-mail of the app."""
    from .tasks import send_invitation

    _check_invitable(user)
    send_invitation.enqueue(user.pk, invited_by.pk, base_url)


# Attempts and the wait before each retry, as for the other e-mails.
INVITATION_RETRY_DELAYS = [60, 600, 3600]


def invitation_send_queued(
    *, user_id: int, invited_by_id: int, base_url: str, attempt: int = 1
) -> str:
    user = User.objects.select_related("profile__library").filter(pk=user_id).first()
    invited_by = User.objects.filter(pk=invited_by_id).first()
    if user is None or invited_by is None or not user.is_active or not user.email:
        return "skipped"
    try:
        staff_send_invitation(
            user=user, library=user.profile.library, invited_by=invited_by, base_url=base_url
        )
    except (smtplib.SMTPException, OSError):
        from .tasks import send_invitation

        if (
            attempt > len(INVITATION_RETRY_DELAYS)
            or not send_invitation.get_backend().supports_defer
        ):
            raise
        run_after = timezone.now() + datetime.timedelta(
            seconds=INVITATION_RETRY_DELAYS[attempt - 1]
        )
        send_invitation.using(run_after=run_after).enqueue(
            user_id, invited_by_id, base_url, attempt=attempt + 1
        )
        return "retry"
    return "sent"


def staff_send_invitation(
    *, user: AbstractBaseUser, library: Library, invited_by: AbstractBaseUser, base_url: str
) -> None:
    """Mail the colleague a link to set their password (the task worker calls this).

    The mail names the library and the colleague who invited; nothing else about anyone.
    """
    _check_invitable(user)
    context = {
        "user": user,
        "library": library,
        "invited_by": display_name(invited_by),
        "link": invitation_link(user=user, base_url=base_url),
        "valid_days": max(1, settings.PASSWORD_RESET_TIMEOUT // (24 * 60 * 60)),
        "login_url": base_url.rstrip("/") + reverse("login"),
    }
    subject = _("Je account voor de Wegwijzer van {library}").format(library=library.name)
    body = render_to_string("beheer/email/invitation.txt", context)
    send_mail(subject, body, None, [user.email])


@transaction.atomic
def library_update(*, library: Library, name: str, referral_retention_days: int | None) -> Library:
    library = Library.objects.select_for_update().get(pk=library.pk)
    library.name = name.strip()
    library.referral_retention_days = referral_retention_days
    library.full_clean()
    library.save()
    return library


def _check_branch_name(library: Library, name: str, exclude_pk: int | None = None) -> None:
    others = library.branches.filter(name__iexact=name)
    if exclude_pk is not None:
        others = others.exclude(pk=exclude_pk)
    if others.exists():
        raise ValidationError({"name": _("Er is al een vestiging met deze naam.")})


@transaction.atomic
def branch_create(*, library: Library, name: str) -> Branch:
    name = name.strip()
    _check_branch_name(library, name)
    branch = Branch(library=library, name=name, is_active=True)
    branch.full_clean()
    branch.save()
    return branch


@transaction.atomic
def branch_update(*, branch: Branch, name: str, is_active: bool) -> Branch:
    """Rename or switch off a branch. Never deleted: referrals and colleagues point at it."""
    branch = Branch.objects.select_for_update().get(pk=branch.pk)
    name = name.strip()
    _check_branch_name(branch.library, name, exclude_pk=branch.pk)
    branch.name = name
    branch.is_active = is_active
    branch.full_clean()
    branch.save()
    return branch


class EditConflict(Exception):
    """A colleague saved this since the form was opened; `current` is what they saved."""

    def __init__(self, current):
        super().__init__(current)
        self.current = current


def history_version(obj) -> int:
    """The version a form was opened on: the id of the object's last history row (0: none).

    Every save through the app writes a history row, so a changed id means someone saved.
    """
    latest = obj.history.order_by("-history_id").values_list("history_id", flat=True).first()
    return latest or 0


def _check_version(obj, version: int | None) -> None:
    if version is not None and history_version(obj) != version:
        raise EditConflict(current=obj)


def _specialists_only(library: Library, users) -> list:
    users = list(users)
    allowed = set(
        User.objects.filter(
            pk__in=[u.pk for u in users],
            is_active=True,
            profile__library=library,
            groups__name=Role.SPECIALIST.value,
        ).values_list("pk", flat=True)
    )
    if any(user.pk not in allowed for user in users):
        raise ValidationError(
            {
                "specialists": _(
                    "Alleen actieve collega's met de rol specialist ontvangen verwijzingen."
                )
            }
        )
    return users


PARTNER_FIELDS = ("organisation", "name", "email")


def _partner_contact_for(
    *,
    library: Library,
    picked: PartnerContact | None,
    new_partner: dict[str, str] | None,
    current_partner_id: int | None,
) -> PartnerContact | None:
    if picked is not None and picked.library_id != library.pk:
        raise ValidationError({"partner_contact": _("Kies een contactpersoon uit de lijst.")})
    if not new_partner:
        return picked
    if picked is not None and picked.pk != current_partner_id:
        # Correcting a contact is only offered for the offer's own; typing over another
        # picked contact would silently change someone else's details.
        raise ValidationError(
            _(
                "Kies een bekende contactpersoon óf vul een nieuwe in, niet allebei. "
                "Maak de velden voor een nieuwe contactpersoon leeg om de gekozen te koppelen."
            )
        )
    contact = (
        PartnerContact.objects.select_for_update().get(pk=picked.pk)
        if picked is not None
        else PartnerContact(library=library)
    )
    contact.organisation = new_partner["organisation"].strip()
    contact.name = new_partner["name"].strip()
    contact.email = new_partner["email"].strip()
    contact.is_active = True
    duplicate = PartnerContact.objects.filter(
        library=library,
        organisation__iexact=contact.organisation,
        email__iexact=contact.email,
    )
    if contact.pk is not None:
        duplicate = duplicate.exclude(pk=contact.pk)
    if duplicate.exists():
        raise ValidationError(
            {
                "partner_email": _(
                    "Deze contactpersoon bestaat al bij deze organisatie: kies hem in de lijst."
                )
            }
        )
    try:
        contact.full_clean()
    except ValidationError as exc:
        # The model's field names, as the form calls them.
        raise ValidationError(
            {
                (f"partner_{key}" if key in PARTNER_FIELDS else key): value
                for key, value in exc.message_dict.items()
            }
        ) from exc
    contact.save()
    return contact


@transaction.atomic
def offer_save(
    *,
    library: Library,
    offer: Offer | None,
    version: int | None,
    name: str,
    department: str,
    order: int,
    is_active: bool,
    specialists,
    partner_contact: PartnerContact | None = None,
    new_partner: dict[str, str] | None = None,
) -> Offer:
    """Create an offer or change one; refuses to overwrite a colleague's newer edit.

    Receivers are specialists and/or one partner contact: an existing one (`partner_contact`)
    or, with `new_partner` (organisation, name, email), a new one, or, when `partner_contact`
    is the offer's own, that contact corrected.
    """
    name = name.strip()
    if offer is not None:
        offer = Offer.objects.select_for_update().get(pk=offer.pk, library=library)
        _check_version(offer, version)
    others = Offer.objects.filter(library=library, name__iexact=name)
    if offer is not None:
        others = others.exclude(pk=offer.pk)
    if others.exists():
        raise ValidationError({"name": _("Er is al aanbod met deze naam.")})
    specialists = _specialists_only(library, specialists)
    current_partner_id = offer.partner_contact_id if offer is not None else None
    partner = _partner_contact_for(
        library=library,
        picked=partner_contact,
        new_partner=new_partner,
        current_partner_id=current_partner_id,
    )
    offer = offer or Offer(library=library)
    offer.partner_contact = partner
    offer.name = name
    offer.department = department
    offer.order = order
    offer.is_active = is_active
    offer.full_clean()
    offer.save()
    offer.specialists.set(specialists)
    return offer


@transaction.atomic
def desk_option_save(
    *, library: Library, kind: str, item, name: str, is_active: bool, order: int | None
):
    """Create or change a signal or an outreach location of the desk form."""
    model = DESK_LISTS[kind]
    name = name.strip()
    others = model.objects.filter(library=library, name__iexact=name)
    if item is not None:
        item = model.objects.select_for_update().get(pk=item.pk, library=library)
        others = others.exclude(pk=item.pk)
    if others.exists():
        raise ValidationError({"name": _("Deze naam staat al in de lijst.")})
    item = item or model(library=library)
    item.name = name
    item.is_active = is_active
    if order is not None and hasattr(item, "order"):
        item.order = order
    item.full_clean()
    item.save()
    return item


Content = TypeVar("Content", Step, Resource)


def _content_update(obj: Content, *, version: int | None, **texts: str) -> Content:
    """Save content texts, trimmed, unless a colleague saved a newer version meanwhile (the
    history keeps every version and who saved it)."""
    obj = type(obj)._default_manager.select_for_update().get(pk=obj.pk)
    _check_version(obj, version)
    for name, value in texts.items():
        setattr(obj, name, value.strip())
    obj.full_clean()
    obj.save()
    return obj


@transaction.atomic
def step_content_update(*, step: Step, version: int | None, title: str, text: str) -> Step:
    """Change a step's title and text."""
    return _content_update(step, version=version, title=title, text=text)


@transaction.atomic
def resource_update(*, resource: Resource, version: int | None, title: str, url: str) -> Resource:
    """Change a resource's name and address."""
    return _content_update(resource, version=version, title=title, url=url)
