"""The organisation: a library, its branches and the people who work there.

One installation serves one library today. Every domain row points at its library, so that
serving several libraries from one installation later is a matter of choosing the library
per request, not of changing the data model.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Department(models.TextChoices):
    """Where in the library someone works, or where an offer sits."""

    BASISVAARDIGHEDEN = "basisvaardigheden", _("Basisvaardigheden / Taalhuis")
    JEUGD_EDUCATIE = "jeugd_educatie", _("Jeugd & Educatie")
    PUBLIEKSSERVICE = "publieksservice", _("Publieksservice")
    EXTERN = "extern", _("Externe partner")
    OVERIG = "overig", _("Overig")


class Library(models.Model):
    name = models.CharField(_("naam"), max_length=200)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        verbose_name = _("bibliotheek")
        verbose_name_plural = _("bibliotheken")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.name


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

    class Meta:
        verbose_name = _("medewerkerprofiel")
        verbose_name_plural = _("medewerkerprofielen")

    def __str__(self) -> str:
        return str(self.user)
