"""The demo library that `make run` creates on a development machine."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction

from .library import library_scope
from .models import Branch, Department, Library, StaffProfile
from .roles import Role, set_user_roles

DEMO_LIBRARY_NAME = "Demobibliotheek Oostermeer"
DEMO_BRANCHES = ["Centrale bibliotheek", "Vestiging Noord", "Vestiging Zuid"]


@dataclass(frozen=True)
class DemoUser:
    username: str
    first_name: str
    last_name: str
    roles: tuple[Role, ...]
    department: str
    branch_index: int


DEMO_USERS = [
    DemoUser(
        "werkgroep",
        "Wendy",
        "de Vries",
        (Role.WERKGROEP, Role.TREKKER),
        Department.JEUGD_EDUCATIE,
        0,
    ),
    # The duo of the BiSC werktraject: Jeugd & Educatie and Basisvaardigheden/Taalhuis.
    DemoUser("jeugd", "Joyce", "Pronk", (Role.WERKGROEP,), Department.JEUGD_EDUCATIE, 1),
    DemoUser("taalhuis", "Tarik", "Bouzid", (Role.WERKGROEP,), Department.BASISVAARDIGHEDEN, 2),
    DemoUser("frontoffice", "Fenna", "Jansen", (Role.FRONTOFFICE,), Department.PUBLIEKSSERVICE, 0),
    DemoUser(
        "specialist", "Samir", "El Amrani", (Role.SPECIALIST,), Department.BASISVAARDIGHEDEN, 0
    ),
    DemoUser("mt", "Marieke", "Bakker", (Role.MT,), Department.OVERIG, 0),
    DemoUser("beheer", "Bram", "Visser", (Role.BEHEER,), Department.OVERIG, 0),
]


@transaction.atomic
def demo_library_create(*, password: str) -> tuple[Library, list[str]]:
    """Create the demo library, its branches and one user per role; keep what exists."""
    library = Library.objects.filter(name=DEMO_LIBRARY_NAME).first()
    if library is None:
        library = Library.objects.order_by("pk").first() or Library(name=DEMO_LIBRARY_NAME)
        if library.name != DEMO_LIBRARY_NAME and not library.branches.exists():
            library.name = DEMO_LIBRARY_NAME
        library.save()
    with library_scope(library):
        branches = [
            Branch.objects.get_or_create(library=library, name=name)[0] for name in DEMO_BRANCHES
        ]
        User = get_user_model()
        created = []
        for spec in DEMO_USERS:
            user, was_created = User.objects.get_or_create(
                username=spec.username,
                defaults={
                    "first_name": spec.first_name,
                    "last_name": spec.last_name,
                    "email": f"{spec.username}@example.org",
                },
            )
            if not user.email:
                # Demo accounts from before they had addresses get one, so e-mail can be tried.
                user.email = f"{spec.username}@example.org"
                user.save(update_fields=["email"])
            if was_created:
                user.set_password(password)
                user.save()
                set_user_roles(user, spec.roles)
                created.append(spec.username)
            StaffProfile.objects.get_or_create(
                user=user,
                defaults={
                    "library": library,
                    "branch": branches[spec.branch_index],
                    "department": spec.department,
                },
            )
        return library, created
