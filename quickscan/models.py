"""The Quickscan: a versioned questionnaire, a round per library per year, the individual
answers of the invited respondents and the answer the workgroup agrees on per item.

The questionnaire is content (fixtures/quickscan_vragenlijst.json, editable by
beheer). Every item has a stable key; an item is asked from `introduced_in` and up to (not
including) `retired_in`, so rewording keeps the key and years compare item by item. A round
stores the wording of each item as it was asked that year.

Items link to the Wegwijzer phase that helps to improve them by theme slug and phase kind,
plain fields, so this app does not depend on the Wegwijzer's tables.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.managers import LibraryScopedManager
from core.models import Library
from core.people import display_name


class Rating(models.TextChoices):
    OP_ORDE = "op_orde", _("op orde")
    DEELS = "deels", _("deels")
    NOG_NIET = "nog_niet", _("nog niet")
    WEET_NIET = "weet_niet", _("weet ik niet")
    NVT = "nvt", _("n.v.t.")


# Points per answer; n.v.t., "weet ik niet" and no answer do not count towards the maximum.
SCORES = {Rating.OP_ORDE: 2, Rating.DEELS: 1, Rating.NOG_NIET: 0}
MAX_POINTS = 2
# An individual respondent may say "weet ik niet"; the workgroup's agreed answer may not.
AGREED_CHOICES = [(value, label) for value, label in Rating.choices if value != Rating.WEET_NIET]
# An agreed answer that is not in order can carry an action.
ACTION_RATINGS = {Rating.DEELS, Rating.NOG_NIET}


class PhaseKind(models.TextChoices):
    """The four phases of every Wegwijzer chapter (the same values as themes.PhaseKind)."""

    ORIENTATIE = "orientatie", _("Oriëntatie")
    CREATIE = "creatie", _("Creatie")
    IMPLEMENTATIE = "implementatie", _("Implementatie")
    EVALUATIE = "evaluatie", _("Evaluatie")


class Section(models.Model):
    """A part of the questionnaire: one per Wegwijzer chapter; its key is the chapter's slug."""

    key = models.SlugField(_("sleutel"), max_length=80, unique=True)
    title = models.CharField(_("titel"), max_length=200)
    intro = models.TextField(_("inleiding"), blank=True)
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("onderdeel van de Quickscan")
        verbose_name_plural = _("onderdelen van de Quickscan")
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.title


class Item(models.Model):
    """A statement of the questionnaire. The key never changes; the text may be reworded."""

    key = models.SlugField(
        _("sleutel"),
        max_length=80,
        unique=True,
        help_text=_(
            "Vaste sleutel waarmee jaren worden vergeleken. Verander hem nooit: een nieuwe "
            "vraag krijgt een nieuwe sleutel."
        ),
    )
    section = models.ForeignKey(
        Section, on_delete=models.PROTECT, related_name="items", verbose_name=_("onderdeel")
    )
    text = models.TextField(_("stelling"), max_length=1000)
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    theme_slug = models.SlugField(
        _("thema in de Wegwijzer"),
        max_length=80,
        help_text=_("Sleutel van het thema waar de Wegwijzer helpt dit te verbeteren."),
    )
    phase_kind = models.CharField(
        _("fase in de Wegwijzer"), max_length=20, choices=PhaseKind.choices
    )
    introduced_in = models.PositiveSmallIntegerField(
        _("gevraagd vanaf"), help_text=_("Het eerste jaar waarin deze vraag gesteld wordt.")
    )
    retired_in = models.PositiveSmallIntegerField(
        _("vervallen in"),
        null=True,
        blank=True,
        help_text=_("Vanaf dit jaar wordt de vraag niet meer gesteld. Leeg: nog in gebruik."),
    )
    # Rewording keeps the key; the history says what an item said before and who changed it.
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("vraag van de Quickscan")
        verbose_name_plural = _("vragen van de Quickscan")
        ordering = ["section__order", "order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(retired_in__isnull=True) | Q(retired_in__gt=F("introduced_in")),
                name="quickscan_item_retired_after_introduced",
                violation_error_message=_("Een vraag vervalt pas na het jaar waarin ze begint."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.key}: {self.text[:60]}"

    def is_asked_in(self, year: int) -> bool:
        return self.introduced_in <= year and (self.retired_in is None or year < self.retired_in)

    @property
    def phase_url(self) -> str:
        return reverse("themes:phase", args=[self.theme_slug, self.phase_kind])


def asked_in(year: int) -> Q:
    """Filter for the items of the questionnaire as it was (or is) in `year`."""
    return Q(introduced_in__lte=year) & (Q(retired_in__isnull=True) | Q(retired_in__gt=year))


class RoundStatus(models.TextChoices):
    OPEN = "open", _("open")
    CLOSED = "closed", _("afgesloten")


class Round(models.Model):
    """A library's Quickscan of one year."""

    library = models.ForeignKey(
        Library,
        on_delete=models.CASCADE,
        related_name="quickscan_rounds",
        verbose_name=_("bibliotheek"),
    )
    year = models.PositiveSmallIntegerField(_("jaar"))
    status = models.CharField(
        _("status"), max_length=10, choices=RoundStatus.choices, default=RoundStatus.OPEN
    )
    opened_at = models.DateTimeField(_("geopend op"), auto_now_add=True)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("geopend door"),
    )
    closed_at = models.DateTimeField(_("afgesloten op"), null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("afgesloten door"),
    )
    history = HistoricalRecords()

    objects = LibraryScopedManager("library")

    class Meta:
        verbose_name = _("Quickscan-ronde")
        verbose_name_plural = _("Quickscan-rondes")
        ordering = ["-year", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["library", "year"],
                name="quickscan_one_round_per_year",
                violation_error_message=_("Er is al een Quickscan-ronde voor dit jaar."),
            ),
        ]

    def __str__(self) -> str:
        return _("Quickscan {year}").format(year=self.year)

    @property
    def is_open(self) -> bool:
        return self.status == RoundStatus.OPEN


class RoundItem(models.Model):
    """An item as asked in a round (its wording that year) and the workgroup's agreed answer."""

    round = models.ForeignKey(
        Round, on_delete=models.CASCADE, related_name="items", verbose_name=_("ronde")
    )
    item = models.ForeignKey(
        Item, on_delete=models.PROTECT, related_name="asked", verbose_name=_("vraag")
    )
    section = models.ForeignKey(
        Section, on_delete=models.PROTECT, related_name="+", verbose_name=_("onderdeel")
    )
    text = models.TextField(_("stelling zoals gevraagd"), max_length=1000)
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    agreed = models.CharField(
        _("afgesproken antwoord"), max_length=10, choices=AGREED_CHOICES, blank=True
    )
    agreed_explanation = models.TextField(_("toelichting"), blank=True, max_length=2000)
    action_what = models.CharField(_("actie"), max_length=300, blank=True)
    action_owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="quickscan_actions",
        verbose_name=_("actiehouder"),
    )
    action_due = models.DateField(_("actie klaar op"), null=True, blank=True)
    action_done_at = models.DateTimeField(_("actie gedaan op"), null=True, blank=True)
    action_done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("actie afgevinkt door"),
    )
    agreed_at = models.DateTimeField(_("afgesproken op"), null=True, blank=True)
    agreed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("vastgelegd door"),
    )
    version = models.PositiveIntegerField(
        _("versie"), default=0, help_text=_("Telt op bij elke wijziging van het antwoord.")
    )
    # Who set or changed the agreed answer, and from what to what.
    history = HistoricalRecords()

    objects = LibraryScopedManager("round__library")

    class Meta:
        verbose_name = _("vraag in een ronde")
        verbose_name_plural = _("vragen in een ronde")
        ordering = ["section__order", "order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["round", "item"], name="quickscan_item_once_per_round"),
        ]

    def __str__(self) -> str:
        return f"{self.round}: {self.item.key}"

    @property
    def has_action(self) -> bool:
        return bool(self.action_what)

    @property
    def action_is_done(self) -> bool:
        return self.action_done_at is not None


class Respondent(models.Model):
    """Someone invited to answer a round on their own."""

    round = models.ForeignKey(
        Round, on_delete=models.CASCADE, related_name="respondents", verbose_name=_("ronde")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="quickscan_invitations",
        verbose_name=_("medewerker"),
    )
    invited_at = models.DateTimeField(_("uitgenodigd op"), auto_now_add=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("uitgenodigd door"),
    )
    submitted_at = models.DateTimeField(_("ingeleverd op"), null=True, blank=True)

    objects = LibraryScopedManager("round__library")

    class Meta:
        verbose_name = _("deelnemer")
        verbose_name_plural = _("deelnemers")
        ordering = ["user__first_name", "user__last_name", "user__username"]
        constraints = [
            models.UniqueConstraint(fields=["round", "user"], name="quickscan_invited_once"),
        ]

    def __str__(self) -> str:
        return display_name(self.user)

    @property
    def has_submitted(self) -> bool:
        return self.submitted_at is not None


class Response(models.Model):
    """One respondent's answer to one item, saved as they go."""

    respondent = models.ForeignKey(
        Respondent, on_delete=models.CASCADE, related_name="responses", verbose_name=_("deelnemer")
    )
    round_item = models.ForeignKey(
        RoundItem, on_delete=models.CASCADE, related_name="responses", verbose_name=_("vraag")
    )
    answer = models.CharField(_("antwoord"), max_length=10, choices=Rating.choices, blank=True)
    explanation = models.TextField(_("toelichting"), blank=True, max_length=2000)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    objects = LibraryScopedManager("respondent__round__library")

    class Meta:
        verbose_name = _("individueel antwoord")
        verbose_name_plural = _("individuele antwoorden")
        constraints = [
            models.UniqueConstraint(
                fields=["respondent", "round_item"], name="quickscan_one_answer_per_item"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.respondent}: {self.get_answer_display() or '–'}"


class EventKind(models.TextChoices):
    OPENED = "opened", _("geopend")
    INVITED = "invited", _("uitgenodigd")
    UNINVITED = "uninvited", _("uitnodiging ingetrokken")
    CLOSED = "closed", _("afgesloten")
    REOPENED = "reopened", _("heropend")


class RoundEvent(models.Model):
    """What happened to a round and who did it: opening, invitations, closing, reopening."""

    round = models.ForeignKey(
        Round, on_delete=models.CASCADE, related_name="events", verbose_name=_("ronde")
    )
    kind = models.CharField(_("gebeurtenis"), max_length=12, choices=EventKind.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("door"),
    )
    at = models.DateTimeField(_("op"), auto_now_add=True)
    note = models.TextField(_("toelichting"), blank=True, max_length=2000)

    objects = LibraryScopedManager("round__library")

    class Meta:
        verbose_name = _("gebeurtenis in een ronde")
        verbose_name_plural = _("gebeurtenissen in een ronde")
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.round}: {self.get_kind_display()}"
