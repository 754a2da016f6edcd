"""The organisation: a library, its branches and the people who work there.

One installation can serve several libraries. Every domain row points at its library (or at
a parent that does), and every library-owned model's manager only answers inside that
library's scope (core.managers, core.library): a query that forgets it raises, it does not
read another library's rows.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from .managers import LibraryScopedManager


class Department(models.TextChoices):
    """Where in the library someone works, or where an offer sits."""

    BASISVAARDIGHEDEN = "basisvaardigheden", _("Basisvaardigheden / Taalhuis")
    JEUGD_EDUCATIE = "jeugd_educatie", _("Jeugd & Educatie")
    PUBLIEKSSERVICE = "publieksservice", _("Publieksservice")
    EXTERN = "extern", _("Externe partner")
    OVERIG = "overig", _("Overig")


# Contact details of a referral are kept long enough to follow it up (two weeks, with room
# for holidays) and never longer than a year: the referral log is not a client file.
RETENTION_DAYS_MIN = 30
RETENTION_DAYS_MAX = 365


class Library(models.Model):
    name = models.CharField(_("naam"), max_length=200)
    referral_retention_days = models.PositiveSmallIntegerField(
        _("bewaartermijn contactgegevens (dagen)"),
        null=True,
        blank=True,
        validators=[
            MinValueValidator(
                RETENTION_DAYS_MIN,
                message=_(
                    "Bewaar contactgegevens minstens %(limit_value)s dagen, voor de opvolging."
                ),
            ),
            MaxValueValidator(
                RETENTION_DAYS_MAX,
                message=_("Bewaar contactgegevens hoogstens %(limit_value)s dagen."),
            ),
        ],
        help_text=_(
            "Na hoeveel dagen contactgegevens en notities bij verwijzingen worden gewist. Leeg: "
            "de standaard van de installatie."
        ),
    )
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    partner_link_days = models.PositiveSmallIntegerField(
        _("geldigheid partnerlinks (dagen)"),
        default=30,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
        help_text=_(
            "Zo lang werkt de link waarmee een partner zonder account doorgeeft wat er met "
            "een verwijzing gebeurt."
        ),
    )

    class Meta:
        verbose_name = _("bibliotheek")
        verbose_name_plural = _("bibliotheken")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.name

    @property
    def effective_retention_days(self) -> int:
        return self.referral_retention_days or settings.WEGWIJZER_REFERRAL_RETENTION_DAYS


class Branch(models.Model):
    """A vestiging of the library."""

    library = models.ForeignKey(
        Library, on_delete=models.CASCADE, related_name="branches", verbose_name=_("bibliotheek")
    )
    name = models.CharField(_("naam"), max_length=200)
    is_active = models.BooleanField(
        _("actief"),
        default=True,
        help_text=_("Een vestiging die niet meer actief is, blijft in de cijfers staan."),
    )

    objects = LibraryScopedManager("library")

    class Meta:
        verbose_name = _("vestiging")
        verbose_name_plural = _("vestigingen")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["library", "name"], name="branch_unique_name"),
        ]

    def __str__(self) -> str:
        return self.name


class StaffProfile(models.Model):
    """What the app needs to know about a staff member beyond the login."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="profile",
        verbose_name=_("gebruiker"),
    )
    library = models.ForeignKey(
        Library, on_delete=models.PROTECT, related_name="staff", verbose_name=_("bibliotheek")
    )
    branch = models.ForeignKey(
        Branch,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="staff",
        verbose_name=_("vaste vestiging"),
    )
    department = models.CharField(
        _("afdeling"),
        max_length=32,
        choices=Department.choices,
        blank=True,
        help_text=_("Bepaalt bijvoorbeeld vanuit welke afdeling een verwijzing komt."),
    )

    objects = LibraryScopedManager("library")

    class Meta:
        verbose_name = _("medewerkerprofiel")
        verbose_name_plural = _("medewerkerprofielen")

    def __str__(self) -> str:
        return str(self.user)
