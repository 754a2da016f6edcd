"""The front-office course (leergang): a group of colleagues who follow e-learnings on their
own and meet a few times under the library's own specialists.

The e-learning modules are content (fixtures/leergang_e-learnings.json, editable in the admin);
each course chooses its modules. Whether someone earns the certificate is never stored: it
follows from the completions and the attendance (training/rules.py).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.managers import LibraryScopedManager
from core.models import Branch, Library


class Module(models.Model):
    """An e-learning of the course; the seven of the national programme come as content."""

    key = models.SlugField(_("sleutel"), max_length=80, unique=True)
    title = models.CharField(_("titel"), max_length=200)
    description = models.TextField(_("omschrijving"), blank=True, max_length=2000)
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    is_default = models.BooleanField(
        _("standaard in een nieuwe leergang"),
        default=True,
        help_text=_("Een nieuwe leergang begint met alle e-learnings die hier aan staan."),
    )

    class Meta:
        verbose_name = _("e-learning")
        verbose_name_plural = _("e-learnings")
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.title


class Course(models.Model):
    """One group following the leergang, over about three months."""

    library = models.ForeignKey(
        Library, on_delete=models.CASCADE, related_name="courses", verbose_name=_("bibliotheek")
    )
    name = models.CharField(_("naam"), max_length=200)
    starts_on = models.DateField(_("begint op"))
    ends_on = models.DateField(_("eindigt op"))
    branches = models.ManyToManyField(
        Branch, blank=True, related_name="courses", verbose_name=_("vestigingen")
    )
    trainers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="courses_trained",
        verbose_name=_("docenten"),
        help_text=_("Specialisten van de eigen bibliotheek die de bijeenkomsten leiden."),
    )
    modules = models.ManyToManyField(
        Module, blank=True, related_name="courses", verbose_name=_("e-learnings")
    )
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("aangemaakt door"),
    )

    objects = LibraryScopedManager("library")

    class Meta:
        verbose_name = _("leergang")
        verbose_name_plural = _("leergangen")
        ordering = ["-starts_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")),
                name="training_course_ends_after_start",
                violation_error_message=_("Een leergang eindigt niet voor hij begint."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("training:course", args=[self.pk])


class MeetingKind(models.TextChoices):
    KICK_OFF = "kick_off", _("Kick-off")
    GROUP = "group", _("Groepsbijeenkomst")
    CLOSING = "closing", _("Slotbijeenkomst")


class Meeting(models.Model):
    course = models.ForeignKey(
        Course, on_delete=models.CASCADE, related_name="meetings", verbose_name=_("leergang")
    )
    kind = models.CharField(
        _("soort"), max_length=20, choices=MeetingKind.choices, default=MeetingKind.GROUP
    )
    date = models.DateField(_("datum"))
    start_time = models.TimeField(_("begintijd"))
    duration_minutes = models.PositiveSmallIntegerField(_("duur (minuten)"), default=90)
    topic = models.CharField(_("onderwerp"), max_length=200)
    cancelled = models.BooleanField(
        _("gaat niet door"),
        default=False,
        help_text=_("Een bijeenkomst die niet doorgaat, telt niet mee voor het certificaat."),
    )

    objects = LibraryScopedManager("course__library")

    class Meta:
        verbose_name = _("bijeenkomst")
        verbose_name_plural = _("bijeenkomsten")
        ordering = ["date", "start_time", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(duration_minutes__gte=15) & Q(duration_minutes__lte=480),
                name="training_meeting_duration",
                violation_error_message=_("Een bijeenkomst duurt tussen een kwartier en 8 uur."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.topic} ({self.date:%d-%m-%Y})"


class Participant(models.Model):
    """A colleague in a course, with the learning questions from the kick-off."""

    course = models.ForeignKey(
        Course, on_delete=models.CASCADE, related_name="participants", verbose_name=_("leergang")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="course_participations",
        verbose_name=_("medewerker"),
    )
    learning_questions = models.TextField(
        _("leervragen"),
        blank=True,
        max_length=3000,
        help_text=_("Wat wil je aan het eind van de leergang weten of kunnen?"),
    )
    learnt = models.TextField(
        _("wat ik heb geleerd"),
        blank=True,
        max_length=3000,
        help_text=_("Bij de slotbijeenkomst: wat is er van je leervragen terechtgekomen?"),
    )
    added_at = models.DateTimeField(_("toegevoegd op"), auto_now_add=True)

    objects = LibraryScopedManager("course__library")

    class Meta:
        verbose_name = _("deelnemer")
        verbose_name_plural = _("deelnemers")
        ordering = ["user__first_name", "user__last_name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["course", "user"], name="training_participant_once"),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.course}"


class Attendance(models.Model):
    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="attendances", verbose_name=_("bijeenkomst")
    )
    participant = models.ForeignKey(
        Participant,
        on_delete=models.CASCADE,
        related_name="attendances",
        verbose_name=_("deelnemer"),
    )
    present = models.BooleanField(_("aanwezig"))
    recorded_at = models.DateTimeField(_("vastgelegd op"), auto_now=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("vastgelegd door"),
    )

    objects = LibraryScopedManager("meeting__course__library")

    class Meta:
        verbose_name = _("aanwezigheid")
        verbose_name_plural = _("aanwezigheid")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "participant"], name="training_attendance_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.participant} – {self.meeting}"


class Completion(models.Model):
    """A participant finished an e-learning, on a date."""

    participant = models.ForeignKey(
        Participant,
        on_delete=models.CASCADE,
        related_name="completions",
        verbose_name=_("deelnemer"),
    )
    module = models.ForeignKey(
        Module, on_delete=models.PROTECT, related_name="completions", verbose_name=_("e-learning")
    )
    completed_on = models.DateField(_("afgerond op"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("vastgelegd door"),
    )

    objects = LibraryScopedManager("participant__course__library")

    class Meta:
        verbose_name = _("afgeronde e-learning")
        verbose_name_plural = _("afgeronde e-learnings")
        ordering = ["module__order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["participant", "module"], name="training_completion_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.participant} – {self.module}"
