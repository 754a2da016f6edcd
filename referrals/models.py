"""The warm-referral log: counts referrals, it does not track people.

Contact details are optional, only with recorded consent, and erased with the notes after the
retention period (see the `erase_referral_personal_data` command); the referral itself and the
figures stay.
"""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.managers import LibraryScopedManager
from core.models import Branch, Department, Library
from core.roles import Role


def specialist_choices() -> Q:
    """Only people with the specialist role can receive referrals for an offer."""
    return Q(groups__name=Role.SPECIALIST.value, is_active=True)


class PartnerContact(models.Model):
    """Someone at an external partner who receives referrals and reports back by a link.

    Deliberately small: a name and an e-mail address at an organisation. A partner register
    can later grow around it without the offers changing.
    """

    library = models.ForeignKey(
        Library,
        on_delete=models.CASCADE,
        related_name="partner_contacts",
        verbose_name=_("bibliotheek"),
    )
    organisation = models.CharField(_("organisatie"), max_length=120)
    name = models.CharField(_("naam contactpersoon"), max_length=120)
    email = models.EmailField(_("e-mailadres"))
    is_active = models.BooleanField(
        _("actief"),
        default=True,
        help_text=_("Een contactpersoon die niet actief is, ontvangt geen verwijzingen meer."),
    )
    history = HistoricalRecords()

    objects = LibraryScopedManager("library")

    class Meta:
        verbose_name = _("contactpersoon bij een partner")
        verbose_name_plural = _("contactpersonen bij partners")
        ordering = ["organisation", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["library", "organisation", "email"], name="partner_contact_unique"
            ),
        ]

    def __str__(self) -> str:
        return _("{name} ({organisation})").format(name=self.name, organisation=self.organisation)


class Offer(models.Model):
    """Where a parent or child can be referred to: Taalhuis, BoekStart, a partner …"""

    DEPARTMENTS = [
        (Department.BASISVAARDIGHEDEN, Department.BASISVAARDIGHEDEN.label),
        (Department.JEUGD_EDUCATIE, Department.JEUGD_EDUCATIE.label),
        (Department.EXTERN, Department.EXTERN.label),
    ]

    library = models.ForeignKey(
        Library, on_delete=models.CASCADE, related_name="offers", verbose_name=_("bibliotheek")
    )
    name = models.CharField(_("naam"), max_length=120)
    department = models.CharField(_("afdeling"), max_length=32, choices=DEPARTMENTS)
    is_active = models.BooleanField(_("actief"), default=True)
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    specialists = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="offers",
        limit_choices_to=specialist_choices,
        verbose_name=_("specialisten"),
        help_text=_(
            "Zij ontvangen de verwijzingen naar dit aanbod en leggen vast wat eruit kwam. "
            "Alleen medewerkers met de rol specialist staan in de lijst."
        ),
    )
    partner_contact = models.ForeignKey(
        PartnerContact,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="offers",
        verbose_name=_("contactpersoon bij de partner"),
        help_text=_(
            "Voor aanbod van een partner: deze persoon krijgt per verwijzing een link om door "
            "te geven wat ermee gebeurt, zonder account."
        ),
    )
    history = HistoricalRecords()

    objects = LibraryScopedManager("library")

    class Meta:
        verbose_name = _("aanbod")
        verbose_name_plural = _("aanbod")
        ordering = ["order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["library", "name"], name="offer_unique_name"),
        ]

    def __str__(self) -> str:
        return self.name


class Signal(models.Model):
    """The question or signal behind a referral: taalvraag, digitale vraag, …"""

    library = models.ForeignKey(
        Library, on_delete=models.CASCADE, related_name="signals", verbose_name=_("bibliotheek")
    )
    name = models.CharField(_("naam"), max_length=120)
    is_active = models.BooleanField(_("actief"), default=True)
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    objects = LibraryScopedManager("library")

    class Meta:
        verbose_name = _("signaal of vraag")
        verbose_name_plural = _("signalen en vragen")
        ordering = ["order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["library", "name"], name="signal_unique_name"),
        ]

    def __str__(self) -> str:
        return self.name


class OutreachLocation(models.Model):
    """A place outside the branches where staff meet parents: a market, a community centre."""

    library = models.ForeignKey(
        Library,
        on_delete=models.CASCADE,
        related_name="outreach_locations",
        verbose_name=_("bibliotheek"),
    )
    name = models.CharField(_("naam"), max_length=120)
    is_active = models.BooleanField(_("actief"), default=True)

    objects = LibraryScopedManager("library")

    class Meta:
        verbose_name = _("locatie buiten de bibliotheek")
        verbose_name_plural = _("locaties buiten de bibliotheek")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["library", "name"], name="outreach_unique_name"),
        ]

    def __str__(self) -> str:
        return self.name


class Audience(models.TextChoices):
    OUDER = "ouder", _("Ouder")
    KIND = "kind", _("Kind")
    GEZIN = "gezin", _("Gezin")
    VOLWASSENE = "volwassene", _("Andere volwassene")


class Handover(models.TextChoices):
    WARM_INTRODUCED = "warm_introduced", _("Warm: persoonlijk voorgesteld aan een collega")
    WARM_APPOINTMENT = "warm_appointment", _("Warm: afspraak gemaakt")
    INFO_ONLY = "info_only", _("Niet warm: informatie meegegeven")


WARM_HANDOVERS = (Handover.WARM_INTRODUCED, Handover.WARM_APPOINTMENT)


class Status(models.TextChoices):
    """Where a referral is in the loop; modelled on the FHIR Task states (see lifecycle.py)."""

    VERSTUURD = "verstuurd", _("Verstuurd")
    ONTVANGEN = "ontvangen", _("Ontvangen")
    IN_BEHANDELING = "in_behandeling", _("In behandeling")
    AFGEROND = "afgerond", _("Afgerond")
    AFGEWEZEN = "afgewezen", _("Afgewezen")
    INGETROKKEN = "ingetrokken", _("Ingetrokken")


OPEN_STATUSES = (Status.VERSTUURD, Status.ONTVANGEN, Status.IN_BEHANDELING)
FINAL_STATUSES = (Status.AFGEROND, Status.AFGEWEZEN, Status.INGETROKKEN)


class Outcome(models.TextChoices):
    """What came of a referral that was completed (status afgerond)."""

    ARRIVED = "arrived", _("Aangekomen")
    STARTED = "started", _("Gestart met het aanbod")
    ELSEWHERE = "elsewhere", _("Doorverwezen naar elders")
    NOT_ARRIVED = "not_arrived", _("Niet bereikt")
    NO_INTEREST = "no_interest", _("Geen interesse")
    FORWARDED = "forwarded", _("Doorgestuurd naar ander aanbod")


REACHED_OUTCOMES = (Outcome.ARRIVED, Outcome.STARTED)
# The outcomes a receiver picks when completing; forwarding has its own transition.
COMPLETION_OUTCOMES = [
    (value, label) for value, label in Outcome.choices if value != Outcome.FORWARDED
]
# Where a reason tells the referrer something; "aangekomen" speaks for itself.
OUTCOMES_NEEDING_REASON = (Outcome.ELSEWHERE, Outcome.NOT_ARRIVED)


class Referral(models.Model):
    library = models.ForeignKey(
        Library, on_delete=models.CASCADE, related_name="referrals", verbose_name=_("bibliotheek")
    )
    offer = models.ForeignKey(
        Offer, on_delete=models.PROTECT, related_name="referrals", verbose_name=_("verwezen naar")
    )
    audience = models.CharField(_("voor wie"), max_length=16, choices=Audience.choices)
    signals = models.ManyToManyField(
        Signal, related_name="referrals", verbose_name=_("signaal of vraag")
    )
    # A need the member of staff noticed (a latent learning need) rather than a question the
    # visitor asked: approached differently by the receiver, and counted apart in the figures.
    is_latent = models.BooleanField(
        _("latente behoefte"),
        default=False,
        help_text=_("De medewerker merkte de behoefte op; de bezoeker vroeg er zelf niet om."),
    )
    handover = models.CharField(_("overdracht"), max_length=20, choices=Handover.choices)
    is_warm = models.BooleanField(_("warm"), default=False, editable=False)
    branch = models.ForeignKey(
        Branch,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="referrals",
        verbose_name=_("vestiging"),
    )
    outreach_location = models.ForeignKey(
        OutreachLocation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="referrals",
        verbose_name=_("locatie buiten de bibliotheek"),
    )
    from_department = models.CharField(
        _("vanuit afdeling"), max_length=32, choices=Department.choices
    )
    referred_at = models.DateTimeField(_("moment van verwijzen"))
    note = models.TextField(_("korte notitie"), blank=True, max_length=500)
    logged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="logged_referrals",
        verbose_name=_("geregistreerd door"),
    )
    created_at = models.DateTimeField(_("geregistreerd op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("laatst gewijzigd"), auto_now=True)

    # Closing the loop (see lifecycle.py for who may move it where).
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.VERSTUURD
    )
    outcome = models.CharField(_("resultaat"), max_length=16, choices=Outcome.choices, blank=True)
    outcome_reason = models.CharField(_("reden of toelichting"), max_length=300, blank=True)
    received_at = models.DateTimeField(_("ontvangen op"), null=True, blank=True)
    closed_at = models.DateTimeField(_("afgesloten op"), null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("afgesloten door"),
    )
    follow_up_date = models.DateField(_("opvolgen vóór"))
    version = models.PositiveIntegerField(_("versie"), default=1)
    # A forwarded referral starts a new one for the other offer; the chain stays one family
    # (root: the first referral), counted once in the figures.
    forwarded_from = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="forwarded_to",
        verbose_name=_("doorgestuurd vanuit"),
    )
    root = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("eerste verwijzing van de keten"),
    )

    # Personal data: only with consent, erased after the retention period.
    contact_consent = models.BooleanField(_("toestemming voor contact"), default=False)
    contact_consent_at = models.DateTimeField(_("toestemming vastgelegd op"), null=True, blank=True)
    contact_first_name = models.CharField(_("voornaam"), max_length=60, blank=True)
    contact_phone = models.CharField(_("telefoonnummer"), max_length=30, blank=True)
    contact_email = models.EmailField(_("e-mailadres"), blank=True)
    submission_token = models.UUIDField(
        _("formulier-id"), null=True, blank=True, unique=True, editable=False
    )
    personal_data_erased_at = models.DateTimeField(
        _("persoonsgegevens gewist op"), null=True, blank=True
    )
    # The audit trail keeps who changed what, but never the personal data itself: it would
    # outlive the retention period there.
    history = HistoricalRecords(
        excluded_fields=["note", "contact_first_name", "contact_phone", "contact_email"]
    )

    objects = LibraryScopedManager("library")

    class Meta:
        verbose_name = _("verwijzing")
        verbose_name_plural = _("verwijzingen")
        ordering = ["-referred_at", "-pk"]
        indexes = [
            models.Index(fields=["library", "-referred_at"]),
            models.Index(fields=["library", "offer", "-referred_at"]),
            models.Index(fields=["library", "status", "follow_up_date"]),
            models.Index(fields=["library", "updated_at"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~(Q(branch__isnull=False) & Q(outreach_location__isnull=False)),
                name="referral_one_place",
            ),
            models.CheckConstraint(
                condition=Q(contact_consent=True)
                | (Q(contact_first_name="") & Q(contact_phone="") & Q(contact_email="")),
                name="referral_contact_needs_consent",
            ),
            # An outcome belongs to a completed referral, and a completed one has an outcome.
            models.CheckConstraint(
                condition=(Q(status=Status.AFGEROND) & ~Q(outcome=""))
                | (~Q(status=Status.AFGEROND) & Q(outcome="")),
                name="referral_outcome_only_when_completed",
            ),
        ]

    def __str__(self) -> str:
        return _("Verwijzing naar {offer} op {date}").format(
            offer=self.offer, date=self.referred_at.date().isoformat()
        )

    def save(self, *args, **kwargs):
        self.is_warm = self.handover in WARM_HANDOVERS
        super().save(*args, **kwargs)

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def is_forwarded(self) -> bool:
        return self.outcome == Outcome.FORWARDED

    def is_overdue(self, today: datetime.date) -> bool:
        return self.is_open and self.follow_up_date < today

    @property
    def has_contact(self) -> bool:
        return bool(self.contact_first_name or self.contact_phone or self.contact_email)

    @property
    def place(self):
        return self.branch or self.outreach_location


class ReferralEvent(models.Model):
    """What happened to a referral after it was logged: each transition, with who and when.

    The actor is a staff member (`by`) or, through a partner link, a partner contact
    (`by_partner`); erasing personal data after the retention period has no actor.
    """

    class Kind(models.TextChoices):
        RECEIVED = "received", _("ontvangen")
        STARTED = "started", _("in behandeling genomen")
        COMPLETED = "completed", _("afgerond")
        REJECTED = "rejected", _("afgewezen")
        WITHDRAWN = "withdrawn", _("ingetrokken")
        FORWARDED = "forwarded", _("doorgestuurd")
        CORRECTED = "corrected", _("gecorrigeerd")
        REOPENED = "reopened", _("heropend")
        ERASED = "erased", _("persoonsgegevens gewist")

    referral = models.ForeignKey(
        Referral, on_delete=models.CASCADE, related_name="events", verbose_name=_("verwijzing")
    )
    kind = models.CharField(_("soort"), max_length=16, choices=Kind.choices)
    status = models.CharField(_("status daarna"), max_length=16, choices=Status.choices, blank=True)
    outcome = models.CharField(_("resultaat"), max_length=16, choices=Outcome.choices, blank=True)
    reason = models.CharField(_("reden"), max_length=300, blank=True)
    at = models.DateTimeField(_("moment"), auto_now_add=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("door"),
    )
    by_partner = models.ForeignKey(
        PartnerContact,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("door (partner)"),
    )

    objects = LibraryScopedManager("referral__library")

    class Meta:
        verbose_name = _("gebeurtenis bij een verwijzing")
        verbose_name_plural = _("gebeurtenissen bij verwijzingen")
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.at:%Y-%m-%d}"

    @property
    def actor(self):
        return self.by or self.by_partner
