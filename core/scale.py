"""The organisation at scale: one library, 10 branches, 60 staff in every role."""

import random

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password

from .library import library_scope
from .models import Branch, Department, Library, StaffProfile
from .roles import Role, set_user_roles

SCALE_LIBRARY = "Bibliotheek Grootstad (benchmark)"
ROLE_MIX = (
    [Role.FRONTOFFICE] * 30
    + [Role.SPECIALIST] * 10
    + [Role.WERKGROEP] * 12
    + [Role.TREKKER] * 2
    + [Role.MT] * 4
    + [Role.BEHEER] * 2
)


def generate(*, rng: random.Random, password: str) -> tuple[Library, dict[Role, list]]:
    library, _created = Library.objects.get_or_create(name=SCALE_LIBRARY)
    with library_scope(library):
        branches = [
            Branch.objects.get_or_create(library=library, name=f"Vestiging {n:02d}")[0]
            for n in range(1, 11)
        ]
        hashed = make_password(password)
        User = get_user_model()
        people: dict[Role, list] = {role: [] for role in Role}
        for index, role in enumerate(ROLE_MIX, start=1):
            user, created = User.objects.get_or_create(
                username=f"bench-{role.value}-{index:02d}",
                defaults={
                    "password": hashed,
                    "first_name": "Mede",
                    "last_name": f"Werker {index}",
                    # Staff have addresses, so notifications enqueue their e-mail as in production.
                    "email": f"bench-{role.value}-{index:02d}@example.org",
                },
            )
            if created:
                set_user_roles(user, [role])
                StaffProfile.objects.create(
                    user=user,
                    library=library,
                    branch=rng.choice(branches),
                    department=rng.choice(
                        [
                            Department.PUBLIEKSSERVICE,
                            Department.JEUGD_EDUCATIE,
                            Department.BASISVAARDIGHEDEN,
                        ]
                    ),
                )
            people[role].append(user)
        return library, people
