"""Factories for the core models. Names are Turkish and include İ/ı/ş/ğ on purpose."""

import factory
from django.contrib.auth import get_user_model

from esitlik.core.models import Directorate, Invitation, Membership, Municipality, Role

PASSWORD = "correct-horse-battery"  # noqa: S105


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Municipality

    name = factory.Sequence(lambda n: f"İlçe {n} Belediyesi")
    slug = factory.Sequence(lambda n: f"ilce-{n}")
    province = "Şanlıurfa"
    kind = Municipality.Kind.DISTRICT
    population = 150000


class DirectorateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Directorate

    municipality = factory.SubFactory(MunicipalityFactory)
    name = factory.Sequence(lambda n: {"tr": f"Işık Müdürlüğü {n}", "en": f"Light Directorate {n}"})
    level = Directorate.Level.DIRECTORATE
    code = factory.Sequence(lambda n: f"D{n}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"kullanici{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    first_name = "Gökçe"
    last_name = "Işıkoğlu"
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def save_password(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    municipality = factory.SubFactory(MunicipalityFactory)
    role = Role.MONITOR


class InvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Invitation

    municipality = factory.SubFactory(MunicipalityFactory)
    email = factory.Sequence(lambda n: f"davet{n}@example.org")
    role = Role.MONITOR
