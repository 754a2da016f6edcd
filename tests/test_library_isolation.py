"""Two libraries in one installation: nothing of one reaches the other.

Library B gets data whose every text carries the word MARK (its name, branches, staff,
offers, partner contact, signals, referral notes and contact details, Quickscan answers and
actions, Wegwijzer notes and summaries, a leergang with its meetings, participants, attendance,
e-learnings and learning questions, notifications). Then every URL in the access tables
is opened by every role of library A, with B's object ids wherever a URL takes one, and no
page, CSV export or PDF may contain MARK; B's rows are unchanged afterwards. The reminders
and e-mails made for A's staff must not carry it either.
"""

import datetime
import io
from dataclasses import dataclass
from typing import Any

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from core.library import library_scope
from core.models import Branch, Department, StaffProfile
from core.roles import Role
from notifications.events import Event
from notifications.models import Notification
from notifications.services import notify
from quickscan import services as quickscan_services
from quickscan.models import Respondent, Response, RoundItem
from referrals import services as referral_services
from referrals.defaults import referral_options_create_defaults
from referrals.models import Handover, Offer, OutreachLocation, PartnerContact, Referral, Signal
from tests.factories import LibraryFactory, make_staff
from tests.test_url_access import ACCESS, LINK, POST_VIEWS, SAMPLES, URLS
from themes.models import Cycle, Step, StepProgress, SummaryAnswer
from training import services as training_services
from training.models import Attendance, Completion, Course, Meeting, Module, Participant

pytestmark = pytest.mark.django_db

MARK = "Zwaluwstaart"
ROLES = {
    "werkgroep": (Role.WERKGROEP,),
    "trekker": (Role.TREKKER, Role.WERKGROEP),
    "frontoffice": (Role.FRONTOFFICE,),
    "specialist": (Role.SPECIALIST,),
    "mt": (Role.MT,),
    "beheer": (Role.BEHEER,),
}


@dataclass
class Data:
    library: Any
    users: dict
    referral: Any
    round_item: Any
    notification: Any
    branch: Any
    offer: Any
    signal: Any
    course: Any
    meeting: Any
    participant: Any


def _fill(library, users: dict, mark: str) -> Data:
    """One library's own data, every text carrying `mark`, made through the services inside
    the library's scope (as a request of its staff would)."""
    year = timezone.localdate().year
    with library_scope(library):
        branch = Branch.objects.create(library=library, name=f"{mark} Oost")
        referral_options_create_defaults(library=library)
        for offer in Offer.objects.all():
            offer.name = f"{offer.name} {mark}"
            offer.save()
        for signal in Signal.objects.all():
            signal.name = f"{signal.name} {mark}"
            signal.save()
        partner = PartnerContact.objects.create(
            library=library,
            organisation=f"Consultatiebureau {mark}",
            name=f"Anouk {mark}",
            email=f"anouk@{mark.lower()}.example.org",
        )
        taalhuis = Offer.objects.get(name=f"Taalhuis {mark}")
        taalhuis.specialists.add(users["specialist"])
        external = Offer.objects.filter(department=Department.EXTERN)[0]
        external.partner_contact = partner
        external.save()
        outreach = OutreachLocation.objects.create(library=library, name=f"Weekmarkt {mark}")
        signal = Signal.objects.order_by("pk")[0]
        referrals = [
            referral_services.referral_create(
                library=library,
                user=users["frontoffice"],
                offer=offer,
                audience="ouder",
                signals=[signal],
                handover=Handover.WARM_INTRODUCED,
                from_department="jeugd_educatie",
                referred_at=timezone.now() - datetime.timedelta(days=days),
                branch=None if days else branch,
                outreach_location=outreach if days else None,
                note=f"Notitie {mark}",
                contact_consent=True,
                contact_first_name=f"Ouder {mark}",
                contact_phone="0612345678",
                contact_email=f"ouder@{mark.lower()}.example.org",
                confirm_old=days >= referral_services.CONFIRM_AFTER_DAYS,
            )
            for offer, days in ((taalhuis, 0), (external, 6), (taalhuis, 9))
        ]

        invitees = [users["werkgroep"], users["trekker"], users["mt"]]
        closed = quickscan_services.round_open(
            library=library, year=year - 1, user=users["trekker"], invitees=invitees
        )
        items = list(RoundItem.objects.filter(round=closed).order_by("pk"))
        for index, item in enumerate(items):
            quickscan_services.agreed_answer_set(
                round_item=item,
                user=users["trekker"],
                answer="deels" if index < 3 or index % 2 else "op_orde",
                explanation=f"Afspraak {mark}",
                action_what=f"Actie {mark}" if index < 3 else "",
                action_owner=users["werkgroep"] if index < 3 else None,
                action_due=timezone.localdate() + datetime.timedelta(days=2) if index < 3 else None,
                expected_version=item.version,
            )
        quickscan_services.round_close(rnd=closed, user=users["trekker"])
        current = quickscan_services.round_open(
            library=library, year=year, user=users["trekker"], invitees=invitees
        )
        for user in invitees:
            respondent = Respondent.objects.get(round=current, user=user)
            quickscan_services.responses_save(
                respondent=respondent,
                answers={
                    ri.pk: ("deels", f"Toelichting {mark}")
                    for ri in RoundItem.objects.filter(round=current)
                },
            )

        cycle = Cycle.objects.create(library=library, name=f"{year} {mark}", is_current=True)
        steps = list(Step.objects.select_related("phase").order_by("pk")[:3])
        for step in steps:
            StepProgress.objects.create(
                cycle=cycle,
                step=step,
                is_done=True,
                done_by=users["werkgroep"],
                done_at=timezone.now(),
                note=f"Stapnotitie {mark}",
                assigned_to=users["werkgroep"],
                due_date=timezone.localdate() + datetime.timedelta(days=1),
            )
        SummaryAnswer.objects.create(
            cycle=cycle,
            phase=steps[0].phase,
            text=f"Samenvatting {mark}",
            assessment="goed",
            created_by=users["werkgroep"],
        )
        today = timezone.localdate()
        course = training_services.course_create(
            library=library,
            name=f"Leergang {mark}",
            starts_on=today - datetime.timedelta(days=60),
            ends_on=today + datetime.timedelta(days=30),
            branches=[branch],
            trainers=[users["specialist"]],
            by=users["trekker"],
        )
        held, coming = (
            training_services.meeting_create(
                course=course,
                kind="group",
                date=today + datetime.timedelta(days=days),
                start_time=datetime.time(9, 30),
                duration_minutes=90,
                topic=f"Bijeenkomst {mark}",
            )
            for days in (-7, 2)
        )
        participants = training_services.participants_add(
            course=course, users=[users["frontoffice"], users["werkgroep"]], by=users["trekker"]
        )
        training_services.attendance_record(
            meeting=held, present=[participants[0].pk], by=users["specialist"]
        )
        training_services.completions_update(
            participant=participants[0],
            done={course.modules.order_by("pk")[0].pk: today - datetime.timedelta(days=3)},
            by=users["specialist"],
        )
        training_services.learning_update(
            participant=participants[0],
            learning_questions=f"Leervraag {mark}",
            learnt=f"Geleerd {mark}",
        )
        notification = notify(
            recipients=users.values(),
            event=Event.REFERRAL_NEW,
            title=f"Melding {mark}",
            body=f"Bericht {mark}",
            url="/",
        )[0]
    return Data(
        library=library,
        users=users,
        referral=referrals[0],
        round_item=items[0],
        notification=notification,
        branch=branch,
        offer=taalhuis,
        signal=signal,
        course=course,
        meeting=held,
        participant=participants[0],
    )


@pytest.fixture
def content(db):
    call_command("loaddata", "wegwijzer_inhoud", verbosity=0)
    call_command("loaddata", "quickscan_vragenlijst", verbosity=0)
    if not Module.objects.exists():
        call_command("loaddata", "leergang_e-learnings", verbosity=0)


@pytest.fixture
def ours(library, users, content):
    """Library A (the `library` fixture and its `users`), with data of its own."""
    return _fill(library, users, "Ankerdorp")


@pytest.fixture
def theirs(content):
    """Library B, whose every text carries MARK."""
    library = LibraryFactory(name=f"Bibliotheek {MARK}")
    users = {
        who: make_staff(
            library,
            *roles,
            username=f"b-{who}",
            first_name=MARK,
            last_name=f"{who.capitalize()}{MARK}",
            email=f"{who}@{MARK.lower()}.example.org",
        )
        for who, roles in ROLES.items()
    }
    return _fill(library, users, MARK)


def _kwargs(name: str, pattern, b: Data) -> dict:
    """B's objects for a URL's parameters; shared content (steps, themes) as it is."""
    converters = getattr(pattern.pattern, "converters", {})
    step = Step.objects.select_related("phase__theme").order_by("pk")[0]
    by_app = {
        "referrals": {"pk": b.referral.pk, "slug": "ontvangen", "token": "onbekend"},
        "quickscan": {"pk": b.round_item.round_id, "item_pk": b.round_item.pk},
        "notifications": {"pk": b.notification.pk},
        "themes": {"pk": step.pk, "slug": step.phase.theme.slug, "kind": step.phase.kind},
    }
    beheer = {
        "beheer:branch_edit": {"pk": b.branch.pk},
        "beheer:offer_edit": {"pk": b.offer.pk},
        "beheer:desk_option_add": {"kind": "signalen"},
        "beheer:desk_option_edit": {"kind": "signalen", "pk": b.signal.pk},
        "beheer:step_content": {"pk": step.pk},
        "beheer:resource_edit": {"pk": 1},
        "quickscan:action_done": {"pk": b.round_item.pk},
        # The leergang's <pk> is a course, a meeting or a participant, by URL.
        **{
            f"training:{name}": {"pk": b.course.pk}
            for name in ("course", "course_edit", "participants_add", "meeting_new")
        },
        **{f"training:{name}": {"pk": b.meeting.pk} for name in ("meeting_edit", "attendance")},
        **{
            f"training:{name}": {"pk": b.participant.pk}
            for name in (
                "participant",
                "participant_remove",
                "completions",
                "learning",
                "participation_pdf",
            )
        },
    }
    if name in beheer:
        values = beheer[name]
    elif name.startswith("beheer:staff_"):
        values = {"pk": b.users["mt"].pk}
    else:
        values = by_app.get(name.split(":")[0], {})
    # Anything else (a password-reset token) gets test_url_access's sample value.
    return {
        key: values.get(key, SAMPLES[type(conv).__name__.replace("Converter", "").lower()])
        for key, conv in converters.items()
    }


def _text(response) -> str:
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if response.get("Content-Type", "").startswith("application/pdf"):
        reader = PdfReader(io.BytesIO(body))
        return "\n".join(page.extract_text() or "" for page in reader.pages)
    return body.decode("utf-8", errors="replace")


def _fingerprint(b: Data) -> list:
    """Every row of B that a request of A could change."""
    library = b.library
    return [
        list(Referral.objects.filter(library=library).order_by("pk").values()),
        list(Notification.objects.filter(recipient__profile__library=library).values()),
        list(RoundItem.objects.filter(round__library=library).order_by("pk").values()),
        list(Response.objects.filter(respondent__round__library=library).values()),
        list(Offer.objects.filter(library=library).order_by("pk").values()),
        list(Signal.objects.filter(library=library).order_by("pk").values()),
        list(Branch.objects.filter(library=library).order_by("pk").values()),
        list(Course.objects.filter(library=library).order_by("pk").values()),
        list(Meeting.objects.filter(course__library=library).order_by("pk").values()),
        list(Participant.objects.filter(course__library=library).order_by("pk").values()),
        list(Attendance.objects.filter(meeting__course__library=library).order_by("pk").values()),
        list(
            Completion.objects.filter(participant__course__library=library).order_by("pk").values()
        ),
        list(StaffProfile.objects.filter(library=library).order_by("pk").values()),
        list(
            StaffProfile.objects.filter(library=library)
            .order_by("pk")
            .values("user__is_active", "user__email", "user__first_name")
        ),
    ]


PAGES = [(name, pattern) for name, pattern in URLS if ACCESS[name] != LINK]


@override_settings(WEGWIJZER_PDF_RENDERS_PER_USER=10)
@pytest.mark.parametrize("who", sorted(ROLES) + ["zonder_rol"])
def test_nothing_of_another_library_on_any_page(client, ours, theirs, users, who):
    before = _fingerprint(theirs)
    client.force_login(users[who])
    leaks = []
    for name, pattern in PAGES:
        url = reverse(name, kwargs=_kwargs(name, pattern, theirs) or None)
        response = client.post(url) if name in POST_VIEWS else client.get(url)
        assert response.status_code < 500, url
        if MARK.lower() in _text(response).lower():
            leaks.append(url)
    assert leaks == []
    assert _fingerprint(theirs) == before


def test_the_walk_sees_our_own_data(client, ours, theirs, users):
    """The check above can fail: the same walk finds A's own mark on A's pages (and B's
    staff find theirs), so an empty page is not what makes it pass."""
    client.force_login(users["specialist"])
    assert "Ankerdorp" in _text(client.get(f"/verwijzingen/{ours.referral.pk}/"))
    client.force_login(theirs.users["specialist"])
    page = _text(client.get(f"/verwijzingen/{theirs.referral.pk}/"))
    assert MARK in page
    # The training ids the walk uses are the ones whose pages show B's leergang.
    for name, pk in (
        ("training:course", theirs.course.pk),
        ("training:attendance", theirs.meeting.pk),
        ("training:participant", theirs.participant.pk),
    ):
        assert MARK in _text(client.get(reverse(name, args=[pk]))), name


def test_a_link_to_another_librarys_row_is_not_found(client, ours, theirs, users):
    client.force_login(users["specialist"])
    assert client.get(f"/verwijzingen/{theirs.referral.pk}/").status_code == 404
    assert client.get(reverse("training:course", args=[theirs.course.pk])).status_code == 404


def test_reminders_and_emails_for_our_staff_carry_nothing_of_theirs(ours, theirs, users):
    for who, user in users.items():
        user.email = f"{who}@testdorp.example.org"
        user.save()
    mail.outbox = []
    call_command("send_reminders", stdout=io.StringIO())
    ours_ids = [u.pk for u in users.values()]
    theirs_ids = [u.pk for u in theirs.users.values()]
    our_rows = Notification.objects.filter(recipient_id__in=ours_ids)
    their_rows = Notification.objects.filter(recipient_id__in=theirs_ids)
    # Both libraries got reminders today (so a leak would have had something to leak) …
    assert our_rows.filter(event=Event.TASK_DUE).exists()
    assert their_rows.filter(event=Event.TASK_DUE).exists()
    # … and ours carry nothing of theirs, in the app or by e-mail.
    for row in our_rows:
        assert MARK.lower() not in f"{row.title} {row.body} {row.url}".lower()
    our_addresses = {u.email for u in users.values() if u.email}
    to_us = [m for m in mail.outbox if set(m.to) & our_addresses]
    assert to_us
    for message in to_us:
        assert MARK.lower() not in f"{message.subject} {message.body}".lower()
        assert set(message.to) <= our_addresses
