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

from wegwijzer.models import Branch, Department, Library


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
        verbose_name=_("specialisten"),
        help_text=_("Zij ontvangen de verwijzingen naar dit aanbod en leggen vast wat eruit kwam."),
    )
    history = HistoricalRecords()

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


class Outcome(models.TextChoices):
    OPEN = "open", _("Open")
    ARRIVED = "arrived", _("Aangekomen")
    STARTED = "started", _("Gestart (doet mee)")
    NOT_ARRIVED = "not_arrived", _("Niet gekomen / niet bereikt")
    NOT_SUITABLE = "not_suitable", _("Niet passend")


REACHED_OUTCOMES = (Outcome.ARRIVED, Outcome.STARTED)


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

    # Closing the loop.
    outcome = models.CharField(
        _("resultaat"), max_length=16, choices=Outcome.choices, default=Outcome.OPEN
    )
    outcome_reason = models.CharField(_("reden"), max_length=300, blank=True)
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

    # Personal data: only with consent, erased after the retention period.
    contact_consent = models.BooleanField(_("toestemming voor contact"), default=False)
    contact_consent_at = models.DateTimeField(_("toestemming vastgelegd op"), null=True, blank=True)
    contact_first_name = models.CharField(_("voornaam"), max_length=60, blank=True)
    contact_phone = models.CharField(_("telefoonnummer"), max_length=30, blank=True)
    contact_email = models.EmailField(_("e-mailadres"), blank=True)
    personal_data_erased_at = models.DateTimeField(
        _("persoonsgegevens gewist op"), null=True, blank=True
    )
    # The audit trail keeps who changed what, but never the personal data itself: it would
    # outlive the retention period there.
    history = HistoricalRecords(
        excluded_fields=["note", "contact_first_name", "contact_phone", "contact_email"]
    )

    class Meta:
        verbose_name = _("verwijzing")
        verbose_name_plural = _("verwijzingen")
        ordering = ["-referred_at", "-pk"]
        indexes = [
            models.Index(fields=["library", "-referred_at"]),
            models.Index(fields=["library", "offer", "-referred_at"]),
            models.Index(fields=["library", "outcome", "follow_up_date"]),
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
        return self.outcome == Outcome.OPEN

    def is_overdue(self, today: datetime.date) -> bool:
        return self.is_open and self.follow_up_date < today

    @property
    def has_contact(self) -> bool:
        return bool(self.contact_first_name or self.contact_phone or self.contact_email)

    @property
    def place(self):
        return self.branch or self.outreach_location


class ReferralEvent(models.Model):
    """What happened to a referral after it was logged: closed, reopened, data erased."""

    class Kind(models.TextChoices):
        CLOSED = "closed", _("afgesloten")
        REOPENED = "reopened", _("heropend")
        ERASED = "erased", _("persoonsgegevens gewist")

    referral = models.ForeignKey(
        Referral, on_delete=models.CASCADE, related_name="events", verbose_name=_("verwijzing")
    )
    kind = models.CharField(_("soort"), max_length=16, choices=Kind.choices)
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

    class Meta:
        verbose_name = _("gebeurtenis bij een verwijzing")
        verbose_name_plural = _("gebeurtenissen bij verwijzingen")
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.at:%Y-%m-%d}"
