import factory
from django.contrib.auth.models import Group

from organisations.models import Membership, Organisation, Sector, User
from organisations.roles import CentralRole, OrganisationRole
from organisations.services import member_permissions_sync

PASSWORD = "a-long-test-password"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def save_password(self, create, extracted, **kwargs):
        if create:
            self.save(update_fields=["password"])


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Public Body {n}")
    short_name = factory.Sequence(lambda n: f"PB{n}")
    sector = Sector.AGENCY


def member(organisation, role=OrganisationRole.REPRESENTATIVE, user=None, **user_fields):
    """A user holding a role in an organisation, with object permissions in place."""
    user = user or UserFactory(**user_fields)
    Membership.objects.create(user=user, organisation=organisation, role=role)
    member_permissions_sync(user=user, organisation=organisation)
    return user


def central(role, **user_fields):
    user = UserFactory(**user_fields)
    user.groups.add(Group.objects.get_or_create(name=CentralRole(role))[0])
    return user
