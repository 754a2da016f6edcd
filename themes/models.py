"""The Wegwijzer: content (themes, phases, steps, resources) and a library's progress per cycle."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.managers import LibraryScopedManager
from core.models import Library


class PhaseKind(models.TextChoices):
    ORIENTATIE = "orientatie", _("Oriëntatie")
    CREATIE = "creatie", _("Creatie")
    IMPLEMENTATIE = "implementatie", _("Implementatie")
    EVALUATIE = "evaluatie", _("Evaluatie")


PHASE_ORDER = {kind: index for index, kind in enumerate(PhaseKind.values, start=1)}


class Theme(models.Model):
    """The general approach or one of the themes; every one has the same four phases."""

    slug = models.SlugField(_("sleutel"), max_length=80, unique=True)
    title = models.CharField(_("titel"), max_length=200)
    intro = models.TextField(_("inleiding"), blank=True)
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        verbose_name = _("thema")
        verbose_name_plural = _("thema's")
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.title


class Phase(models.Model):
    theme = models.ForeignKey(
        Theme, on_delete=models.CASCADE, related_name="phases", verbose_name=_("thema")
    )
    kind = models.CharField(_("fase"), max_length=20, choices=PhaseKind.choices)
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    purpose = models.TextField(_("doel van de fase"), blank=True)
    summary_question = models.TextField(_("samenvattende vraag"))
    history = HistoricalRecords(excluded_fields=["order"])
    resources = models.ManyToManyField(
        "Resource",
        blank=True,
        related_name="phases",
        verbose_name=_("hulpmiddelen bij de fase"),
        help_text=_("Hulpmiddelen die de inleiding van de fase noemt."),
    )

    class Meta:
        verbose_name = _("fase")
        verbose_name_plural = _("fases")
        ordering = ["theme__order", "order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["theme", "kind"], name="phase_unique_kind_per_theme"),
        ]

    def __str__(self) -> str:
        return f"{self.theme} – {self.get_kind_display()}"

    def save(self, *args, **kwargs):
        # The order of the four phases is fixed; it follows from the kind.
        self.order = PHASE_ORDER.get(self.kind, 0)
        super().save(*args, **kwargs)


class AppLink(models.TextChoices):
    NONE = "", _("geen")
    QUICKSCAN = "quickscan", _("Quickscan in deze app")
    REFERRALS = "referrals", _("Verwijzingen registreren in deze app")
    TRAINING = "training", _("Leergang frontoffice in deze app")


class Resource(models.Model):
    """A tool or document that a step names (Quickscan, Praatplaat, Theory of Change …)."""

    slug = models.SlugField(_("sleutel"), max_length=120, unique=True)
    title = models.CharField(_("titel"), max_length=200)
    description = models.TextField(_("omschrijving"), blank=True)
    url = models.URLField(
        _("adres"),
        blank=True,
        max_length=500,
        help_text=_("Waar het document of de tool te vinden is. Beheer vult dit in."),
    )
    app_link = models.CharField(
        _("onderdeel van deze app"),
        max_length=20,
        choices=AppLink.choices,
        blank=True,
        help_text=_("Als de stap iets vraagt wat deze app zelf doet, linkt de stap daarheen."),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("hulpmiddel")
        verbose_name_plural = _("hulpmiddelen")
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title


class Step(models.Model):
    phase = models.ForeignKey(
        Phase, on_delete=models.CASCADE, related_name="steps", verbose_name=_("fase")
    )
    number = models.PositiveSmallIntegerField(_("stapnummer"))
    title = models.CharField(
        _("titel"),
        max_length=200,
        blank=True,
        help_text=_("Een korte kop bij de stap; leeg: alleen het stapnummer."),
    )
    text = models.TextField(
        _("tekst"),
        help_text=_(
            "Alinea's scheiden met een lege regel. Opmaak: **vet**, *schuin*, regels die "
            "beginnen met - worden een opsomming, [tekst](https://…) een link."
        ),
    )
    resources = models.ManyToManyField(
        Resource, blank=True, related_name="steps", verbose_name=_("hulpmiddelen")
    )
    history = HistoricalRecords()

    # Set for a closed cycle's pages by themes.history.show_as_of: edited after the cycle
    # closed, and edited without the earlier version kept.
    changed_since: bool = False
    version_lost: bool = False

    class Meta:
        verbose_name = _("stap")
        verbose_name_plural = _("stappen")
        ordering = ["phase__theme__order", "phase__order", "number"]
        constraints = [
            models.UniqueConstraint(fields=["phase", "number"], name="step_unique_number"),
        ]

    def __str__(self) -> str:
        return _("{phase} – stap {number}").format(phase=self.phase, number=self.number)

    @property
    def location(self) -> str:
        """Where the step stands in the Wegwijzer: theme, phase and number."""
        return _("{theme} – {phase}, stap {number}").format(
            theme=self.phase.theme.title, phase=self.phase.get_kind_display(), number=self.number
        )

    @property
    def display_title(self) -> str:
        """How lists and notifications name the step: its short title, else where it stands."""
        return self.title or self.location


class StepItem(models.Model):
    """A sub-point of a step: an a/b/c list or a checklist line."""

    step = models.ForeignKey(
        Step, on_delete=models.CASCADE, related_name="items", verbose_name=_("stap")
    )
    label = models.CharField(_("label"), max_length=8, blank=True)
    text = models.TextField(_("tekst"))
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        verbose_name = _("onderdeel van een stap")
        verbose_name_plural = _("onderdelen van een stap")
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.label or self.text[:40]


class Cycle(models.Model):
    """A working round through the Wegwijzer (usually a year), with its own progress."""

    library = models.ForeignKey(
        Library, on_delete=models.CASCADE, related_name="cycles", verbose_name=_("bibliotheek")
    )
    name = models.CharField(_("naam"), max_length=100)
    started_at = models.DateTimeField(_("gestart op"), auto_now_add=True)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gestart door"),
    )
    is_current = models.BooleanField(_("lopend"), default=True)
    closed_at = models.DateTimeField(
        _("afgesloten op"),
        null=True,
        blank=True,
        help_text=_("Wanneer de volgende cyclus begon; de stappen tonen hun tekst van toen."),
    )
    history = HistoricalRecords()

    objects = LibraryScopedManager("library")

    class Meta:
        verbose_name = _("cyclus")
        verbose_name_plural = _("cycli")
        ordering = ["-started_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["library"],
                condition=Q(is_current=True),
                name="cycle_one_current_per_library",
            ),
            models.UniqueConstraint(fields=["library", "name"], name="cycle_unique_name"),
        ]

    def __str__(self) -> str:
        return self.name


class StepProgress(models.Model):
    """Where one step stands in one cycle: done or not, notes, who takes it on."""

    cycle = models.ForeignKey(
        Cycle, on_delete=models.CASCADE, related_name="progress", verbose_name=_("cyclus")
    )
    step = models.ForeignKey(
        Step, on_delete=models.CASCADE, related_name="progress", verbose_name=_("stap")
    )
    is_done = models.BooleanField(_("afgerond"), default=False)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("afgevinkt door"),
    )
    done_at = models.DateTimeField(_("afgevinkt op"), null=True, blank=True)
    note = models.TextField(_("notitie"), blank=True, max_length=5000)
    evidence_url = models.URLField(_("link naar bewijs"), blank=True, max_length=500)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned_steps",
        verbose_name=_("toegewezen aan"),
    )
    due_date = models.DateField(_("streefdatum"), null=True, blank=True)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gewijzigd door"),
    )
    history = HistoricalRecords()

    objects = LibraryScopedManager("cycle__library")

    class Meta:
        verbose_name = _("voortgang van een stap")
        verbose_name_plural = _("voortgang van stappen")
        constraints = [
            models.UniqueConstraint(fields=["cycle", "step"], name="progress_unique_step"),
        ]
        indexes = [models.Index(fields=["assigned_to", "due_date"])]

    def __str__(self) -> str:
        return f"{self.cycle}: {self.step}"


class Assessment(models.TextChoices):
    JA = "ja", _("Ja")
    DEELS = "deels", _("Deels")
    NEE = "nee", _("Nee")


class SummaryAnswer(models.Model):
    """An answer to a phase's summary question. Never edited: a new answer is a new row."""

    cycle = models.ForeignKey(
        Cycle, on_delete=models.CASCADE, related_name="answers", verbose_name=_("cyclus")
    )
    phase = models.ForeignKey(
        Phase, on_delete=models.CASCADE, related_name="answers", verbose_name=_("fase")
    )
    text = models.TextField(_("antwoord"), max_length=10000)
    assessment = models.CharField(_("zelfbeoordeling"), max_length=8, choices=Assessment.choices)
    created_at = models.DateTimeField(_("opgeslagen op"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("opgeslagen door"),
    )
    history = HistoricalRecords()

    objects = LibraryScopedManager("cycle__library")

    class Meta:
        verbose_name = _("antwoord op een samenvattende vraag")
        verbose_name_plural = _("antwoorden op samenvattende vragen")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["cycle", "phase", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.phase} ({self.get_assessment_display()})"
