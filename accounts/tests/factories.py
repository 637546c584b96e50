import factory
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from accounts.models import User

PASSWORD = "a-long-test-password"


class UserFactory(factory.django.DjangoModelFactory):
    """A person with a verified email address, able to log in at once, and trusted to post
    directly; tests of the newcomer rules pass `trust=User.Trust.AUTOMATIC`."""

    username = factory.Sequence(lambda n: f"person{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    display_name = factory.Sequence(lambda n: f"Boende {n}")
    trust = User.Trust.TRUSTED
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    class Meta:
        model = User
        skip_postgeneration_save = True

    @factory.post_generation
    def verified(user, create, extracted, **kwargs):
        if create:
            user.save()
            EmailAddress.objects.create(
                user=user, email=user.email, verified=extracted is not False, primary=True
            )

    @factory.post_generation
    def groups(user, create, extracted, **kwargs):
        if create and extracted:
            user.groups.set(Group.objects.filter(name__in=extracted))
