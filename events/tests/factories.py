from datetime import timedelta

import factory
from django.utils import timezone

from events.models import EventIndexPage, EventPage, Registration
from home.tests.factories import PageFactory


class EventIndexPageFactory(PageFactory):
    title = "Möten"
    slug = "moten"
    show_in_menus = True

    class Meta:
        model = EventIndexPage


class EventPageFactory(PageFactory):
    title = factory.Sequence(lambda n: f"Möte {n}")
    intro = "Ett öppet möte om tryggheten."
    kind = EventPage.Kind.ASSEMBLY
    start = factory.LazyFunction(
        lambda: (timezone.now() + timedelta(days=7)).replace(second=0, microsecond=0)
    )
    end = factory.LazyAttribute(lambda page: page.start + timedelta(hours=2))
    venue_name = "Folkets hus"
    street_address = "Fittja torg 9, 145 50 Norsborg"
    capacity = 10
    interpretation_languages = factory.LazyFunction(lambda: ["ar", "so"])

    class Meta:
        model = EventPage


class RegistrationFactory(factory.django.DjangoModelFactory):
    """A row in a given state, for reading tests; rule tests go through the services."""

    name = factory.Sequence(lambda n: f"Person {n}")
    email = factory.Sequence(lambda n: f"person{n}@example.org")
    status = Registration.Status.CONFIRMED
    source = Registration.Source.GUEST
    confirmed_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = Registration
