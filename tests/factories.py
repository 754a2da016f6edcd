import factory
from django.contrib.auth import get_user_model

from wegwijzer.models import Branch, Department, Library, StaffProfile
from wegwijzer.roles import Role, set_user_roles

PASSWORD = "test-wachtwoord-123"


class LibraryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Library

    name = factory.Sequence(lambda n: f"Bibliotheek Testdorp {n}")


class BranchFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Branch

    library = factory.SubFactory(LibraryFactory)
    name = factory.Sequence(lambda n: f"Vestiging {n}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"medewerker{n}")
    first_name = factory.Faker("first_name", locale="nl_NL")
    last_name = factory.Faker("last_name", locale="nl_NL")
    password = factory.django.Password(PASSWORD)

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if create and extracted:
            set_user_roles(self, extracted)


class StaffProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StaffProfile

    user = factory.SubFactory(UserFactory)
    library = factory.SubFactory(LibraryFactory)
    department = Department.JEUGD_EDUCATIE


def make_staff(library: Library, *roles: Role, **kwargs) -> "get_user_model()":
    """A staff member of `library` with the given roles."""
    department = kwargs.pop("department", Department.JEUGD_EDUCATIE)
    branch = kwargs.pop("branch", None)
    user = UserFactory(roles=list(roles), **kwargs)
    StaffProfile.objects.create(user=user, library=library, department=department, branch=branch)
    return user
